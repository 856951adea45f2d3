"""Build the same error tables three ways and compare: the plugin, hand-written Markdown,
mkdocs-macros.

    python benchmarks/run.py [--sizes 1000 10000] [--repeats 5] [--variants V...]
                             [--code REV] [--tmp DIR] [--profile]

For each size N, a synthetic catalogue of N codes (see `generate.py`) becomes five sites in a
temporary folder, all with the Material theme, the search plugin and the same Markdown
extensions, and one page holding every table:

- `error-catalogue`: the plugin renders the page's `<!-- error-catalogue -->` marker;
- `hand-written`: the tables written in the page as Markdown;
- `macros`: the same Markdown made by mkdocs-macros from the category files, loaded the way its
  documentation shows (`include_yaml`, which uses PyYAML's pure-Python loader);
- `macros-c`: the same, loaded by a `main.py` module (`define_env`) with PyYAML's C loader;
- `no-tables`: the page without tables, to subtract the site's fixed cost.

The builds run interleaved (one of each variant, then again), each `python -m mkdocs build -q`
in a fresh process into a new site folder, after one untimed round. Each build is started by
`measure.py`, which reports its wall time, CPU time and peak memory (see there, and
`build_site`). Every build's page is checked: all N rows present (for the plugin, the row ids
are exactly the catalogue's anchors, and all N deep links are written), and the hand-written and
macros tables are identical.

Also measured, in fresh processes: the plugin's own share (loading and validating the catalogue,
then converting the marker page with the Markdown extension, which renders the tables), a
`mkdocs serve`-like rebuild (build, touch one category file, build again in the same process
with a new config, as `serve` does), and with `--profile` a cProfile of an in-process build.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import wraps
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from generate import (
    PAGE_INTRO,
    PAGE_TITLE,
    generate,
    hand_written_markdown,
    macros_module,
    macros_page,
)

from mkdocs_error_catalogue.loading import load_catalogue

REPO = Path(__file__).resolve().parent.parent
MEASURE = Path(__file__).resolve().parent / "measure.py"
PAGE = "errors.md"
MARKER_PAGE = f"# {PAGE_TITLE}\n\n{PAGE_INTRO}\n\n<!-- error-catalogue -->\n"
HOME = "# Home\n\nThe error reference is [here](errors.md).\n"
# The project's own documentation extensions, plus `pymdownx.tilde` for `~~struck~~` text.
EXTENSIONS: list[Any] = [
    {"toc": {"permalink": True}},
    "admonition",
    "attr_list",
    "md_in_html",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "pymdownx.details",
    "pymdownx.tilde",
    "tables",
]
SERVE_URL = "http://127.0.0.1:8000/"
_CODE_ENV = "ERROR_CATALOGUE_BENCHMARK_CODE"  # set when measuring an exported revision

OURS, OURS_NO_LINKS, HAND, MACROS, MACROS_C, NONE = (
    "error-catalogue",
    "no-deep-links",
    "hand-written",
    "macros",
    "macros-c",
    "no-tables",
)
VARIANTS = (OURS, OURS_NO_LINKS, HAND, MACROS, MACROS_C, NONE)

# Targets of the performance issue, at N = 10,000.
TARGET_N = 10_000
MAX_TIME_RATIO = 0.5
MAX_MEMORY_RATIO = 1.0
MAX_OWN_SHARE = 0.3
MAX_EXPONENT = 1.1  # "linear": measured exponents carry some noise

_ROW_ID = re.compile(r"<tr\b[^>]*?\sid=\"([^\"]*)\"")
_TR = re.compile(r"<tr\b")
_THEAD = re.compile(r"<thead\b")
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


# --- sites ----------------------------------------------------------------------------------


def make_sites(root: Path, n: int) -> tuple[dict[str, Path], set[str]]:
    """The catalogue and one site per variant under `root`; also the catalogue's anchors."""
    files = generate(root / "catalogue", n)
    catalogue = load_catalogue(root / "catalogue")
    anchors = {entry.anchor for entry in catalogue.entries()}
    keys = [f"c{index:03d}" for index in range(1, len(files) + 1)]
    pages = {
        OURS: MARKER_PAGE,
        OURS_NO_LINKS: MARKER_PAGE,
        HAND: hand_written_markdown(catalogue),
        MACROS: macros_page("[" + ", ".join(keys) + "]"),
        MACROS_C: macros_page(),
        NONE: MARKER_PAGE.replace("<!-- error-catalogue -->\n", ""),
    }
    plugins: dict[str, list[Any]] = {
        OURS: ["search", {"error-catalogue": {"catalogue": "../catalogue"}}],
        # The plugin without its 10,000 deep-link folders: its build apart from the disk.
        OURS_NO_LINKS: [
            "search",
            {"error-catalogue": {"catalogue": "../catalogue", "deep_links": False}},
        ],
        HAND: ["search"],
        MACROS: [
            "search",
            {
                "macros": {
                    "include_yaml": [
                        {key: f"../catalogue/{path.name}"}
                        for key, path in zip(keys, files, strict=True)
                    ]
                }
            },
        ],
        MACROS_C: ["search", "macros"],
        NONE: ["search"],
    }
    sites = {}
    for variant in VARIANTS:
        site = root / variant
        (site / "docs").mkdir(parents=True)
        config = {
            "site_name": f"Benchmark: {variant}",
            "theme": {"name": "material"},
            "plugins": plugins[variant],
            "markdown_extensions": EXTENSIONS,
        }
        (site / "mkdocs.yml").write_text(
            yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        (site / "docs" / "index.md").write_text(HOME, encoding="utf-8")
        (site / "docs" / PAGE).write_text(pages[variant], encoding="utf-8")
        sites[variant] = site
    (root / MACROS_C / "main.py").write_text(macros_module("../catalogue"), encoding="utf-8")
    return sites, anchors


def built_page(site_dir: Path) -> str:
    return (site_dir / "errors" / "index.html").read_text(encoding="utf-8")


def count_rows(variant: str, html: str, anchors: set[str]) -> int:
    """The table rows of a built page; for the plugin, only if their ids are the anchors."""
    if variant in (OURS, OURS_NO_LINKS):
        ids = _ROW_ID.findall(html)
        return len(ids) if set(ids) == anchors else -1
    return len(_TR.findall(html)) - len(_THEAD.findall(html))


# --- builds ---------------------------------------------------------------------------------


@dataclass
class Build:
    seconds: float
    cpu_seconds: float
    peak_bytes: int  # of the process tree
    largest_bytes: int  # of its largest process


@dataclass
class Series:
    builds: list[Build] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(build.seconds for build in self.builds)

    @property
    def cpu(self) -> float:
        return statistics.median(build.cpu_seconds for build in self.builds)

    @property
    def peak_mib(self) -> float:
        return statistics.median(build.peak_bytes for build in self.builds) / 2**20

    @property
    def largest_mib(self) -> float:
        return statistics.median(build.largest_bytes for build in self.builds) / 2**20


def build_site(site: Path, site_dir: Path) -> Build:
    """`python -m mkdocs build -q` in a fresh process, into a new site folder, as in CI.

    Each build gets a folder of its own, and the disk is synced first: deleting or flushing
    the previous build's files (ten thousand deep-link folders) must not slow the next build.
    The build is started by `measure.py`, a small launcher that reads the child's own
    `ru_maxrss` with `os.wait4` (see there why this process must not be the build's parent):
    `getrusage(RUSAGE_CHILDREN)` deltas cannot work, as it gives the largest of all children so
    far (a smaller build after a bigger one is invisible), and polling alone can miss a short
    peak; the launcher also samples the process tree, for builds that start helpers.
    """
    if hasattr(os, "sync"):
        os.sync()
    log, result = site / "build.log", site / "measure.json"
    command = [sys.executable, str(MEASURE), str(result), sys.executable, "-m", "mkdocs"]
    with log.open("wb") as output:
        status = subprocess.run(
            [*command, "build", "-q", "--site-dir", str(site_dir)],
            cwd=site,
            stdout=output,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    if status != 0:
        raise SystemExit(f"build of {site.name} failed:\n{log.read_text(encoding='utf-8')}")
    measured = json.loads(result.read_text(encoding="utf-8"))
    return Build(
        measured["seconds"],
        measured["cpu_seconds"],
        max(measured["maxrss_bytes"], measured["tree_rss_bytes"]),
        measured["maxrss_bytes"],
    )


def deep_links_written(site_dir: Path) -> int:
    """How many deep-link folders the plugin's build left (its default prefix, `errors`)."""
    folder = site_dir / "errors"
    return sum(1 for item in os.scandir(folder) if item.is_dir()) if folder.is_dir() else 0


def worker(kind: str, *args: str) -> dict[str, Any]:
    """Run `run.py worker KIND ARGS` in a fresh process; its last output line is JSON."""
    result = subprocess.run(
        [sys.executable, __file__, "worker", kind, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"worker {kind} failed:\n{result.stdout}\n{result.stderr}")
    lines = result.stdout.splitlines()
    report: dict[str, Any] = json.loads(lines[-1])
    report["output"] = "\n".join(lines[:-1])
    return report


# --- workers (in a fresh process each) ------------------------------------------------------


def share_worker(folder: str) -> dict[str, Any]:
    """The plugin's own work on a catalogue: load and validate, then convert the marker page."""
    from markdown import Markdown

    from mkdocs_error_catalogue.extension import ErrorCatalogueExtension

    start = time.perf_counter()
    catalogue = load_catalogue(Path(folder))
    load = time.perf_counter() - start
    extension = ErrorCatalogueExtension(catalogue=catalogue)
    rendering: dict[str, float] = {}
    timed_render_marker = _timed(extension.render_marker, "render", rendering)
    setattr(extension, "render_marker", timed_render_marker)  # noqa: B010 - mypy forbids `=`
    names = [next(iter(item)) if isinstance(item, dict) else item for item in EXTENSIONS]
    configs = {
        name: config
        for item in EXTENSIONS
        if isinstance(item, dict)
        for name, config in item.items()
    }
    md = Markdown(extensions=[*names, extension], extension_configs=configs)
    start = time.perf_counter()
    html = md.convert(MARKER_PAGE)
    convert = time.perf_counter() - start
    rows = count_rows(OURS, html, {entry.anchor for entry in catalogue.entries()})
    return {"load": load, "convert": convert, "render": rendering["render"], "rows": rows}


def _time_plugin_events(config: Any, totals: dict[str, float]) -> None:
    """Wrap the error-catalogue plugin's event handlers so that their time adds to `totals`."""
    from mkdocs_error_catalogue.plugin import ErrorCataloguePlugin

    events: dict[str, list[Callable[..., Any]]] = config.plugins.events
    for name, methods in events.items():
        for index, method in enumerate(methods):
            if isinstance(getattr(method, "__self__", None), ErrorCataloguePlugin):
                methods[index] = _timed(method, name, totals)


def _timed(method: Callable[..., Any], name: str, totals: dict[str, float]) -> Callable[..., Any]:
    @wraps(method)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start

    return timed


def serve_worker(site: str, touched: str, repeats: str) -> dict[str, Any]:
    """Build as `mkdocs serve` does: one plugin object, a new config for every rebuild."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="mkdocs-serve-")
    try:

        def get_config(events: dict[str, float]) -> Any:
            config = load_config(config_file=str(Path(site) / "mkdocs.yml"), site_dir=site_dir)
            config.site_url = SERVE_URL
            _time_plugin_events(config, events)
            return config

        first_events: dict[str, float] = {}
        start = time.perf_counter()
        config = get_config(first_events)
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        first = time.perf_counter() - start
        rebuilds: list[float] = []
        rebuild_events: dict[str, float] = {}
        for _ in range(int(repeats)):
            _touch(Path(touched))
            start = time.perf_counter()
            build(get_config(rebuild_events), serve_url=SERVE_URL)
            rebuilds.append(time.perf_counter() - start)
        count = max(1, int(repeats))
        return {
            "first": first,
            "rebuilds": rebuilds,
            "events_first": first_events,
            "events_rebuild": {name: total / count for name, total in rebuild_events.items()},
        }
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _touch(path: Path) -> None:
    """A new modification time, later than the last one even on coarse file systems."""
    mtime = max(time.time_ns(), path.stat().st_mtime_ns + 1_000_000_000)
    os.utime(path, ns=(mtime, mtime))


def profile_worker(site: str) -> dict[str, Any]:
    """cProfile of one in-process build; prints our package's and Markdown's top entries."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tempfile.mkdtemp(prefix="mkdocs-profile-")
    try:
        config = load_config(config_file=str(Path(site) / "mkdocs.yml"), site_dir=site_dir)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(build, config)
        seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print("Top 25 cumulative, restricted to mkdocs_error_catalogue and markdown:")
    stats.sort_stats("cumulative").print_stats(r"mkdocs_error_catalogue|[/\\]markdown[/\\]", 25)
    print("Top 20 by own time, every module:")
    stats.sort_stats("tottime").print_stats(20)
    return {"seconds": seconds}


def run_worker(args: Sequence[str]) -> None:
    kind, *rest = args
    workers: dict[str, Callable[..., dict[str, Any]]] = {
        "share": share_worker,
        "serve": serve_worker,
        "profile": profile_worker,
    }
    report = workers[kind](*rest)
    print(json.dumps(report))


# --- the run --------------------------------------------------------------------------------


@dataclass
class SizeResult:
    n: int
    series: dict[str, Series]
    share: list[dict[str, Any]]
    serve: dict[str, Any]
    rows_ok: dict[str, bool]
    tables_identical: bool

    def share_median(self, key: str) -> float:
        return float(statistics.median(report[key] for report in self.share))

    @property
    def own_share(self) -> float:
        return float(statistics.median(report["load"] + report["convert"] for report in self.share))


def measure(n: int, repeats: int, variants: Sequence[str], profile: bool) -> SizeResult:
    with tempfile.TemporaryDirectory(prefix="error-catalogue-benchmark-") as tmp:
        root = Path(tmp)
        sites, anchors = make_sites(root, n)
        print(
            f"\nN = {n:,}: {len(anchors):,} entries in {n // 100 + (n % 100 > 0)} files", flush=True
        )
        series = {variant: Series() for variant in variants}
        rows_ok = dict.fromkeys(variants, True)
        tables: dict[str, list[str]] = {}
        for round_number in range(repeats + 1):  # round 0 warms up, untimed
            for variant in variants:
                site_dir = sites[variant] / f"site-{round_number}"
                build = build_site(sites[variant], site_dir)
                html = built_page(site_dir)
                rows = count_rows(variant, html, anchors)
                expected = 0 if variant == NONE else n
                if rows != expected:
                    rows_ok[variant] = False
                    print(f"  WRONG: {variant} rendered {rows} rows, not {expected}")
                wanted_links = {OURS: n, OURS_NO_LINKS: 0}.get(variant)
                links = deep_links_written(site_dir)
                if wanted_links is not None and links != wanted_links:
                    rows_ok[variant] = False
                    print(f"  WRONG: {variant} wrote {links} deep links, not {wanted_links}")
                if round_number == 0:
                    if variant in (HAND, MACROS, MACROS_C):
                        tables[variant] = _TABLE.findall(html)
                    continue
                series[variant].builds.append(build)
            label = "warm-up" if round_number == 0 else f"round {round_number}/{repeats}"
            timings = ", ".join(
                f"{variant} {series[variant].builds[-1].seconds:.2f} s"
                for variant in variants
                if round_number > 0
            )
            print(f"  {label} {timings}".rstrip(), flush=True)
        identical = HAND not in tables or all(found == tables[HAND] for found in tables.values())
        if not identical:
            print("  WRONG: the hand-written and macros tables differ")
        share = [worker("share", str(root / "catalogue")) for _ in range(repeats)]
        for measured in share:
            if measured["rows"] != n:
                rows_ok[OURS] = False
                print(f"  WRONG: the marker page converted to {measured['rows']} rows, not {n}")
        touched = sorted((root / "catalogue").glob("*.yml"))
        serve = worker(
            "serve", str(sites[OURS]), str(touched[len(touched) // 2]), str(min(repeats, 3))
        )
        if profile:
            profiled = worker("profile", str(sites[OURS]))
            seconds = profiled["seconds"]
            print(f"\nProfile of an in-process build at N = {n:,} ({seconds:.2f} s under cProfile)")
            print(profiled["output"])
        return SizeResult(n, series, share, serve, rows_ok, identical)


def exponent(small: float, large: float, factor: float) -> float:
    """The exponent k of t ~ N^k between two sizes `factor` apart."""
    if small <= 0 or large <= 0:
        return math.nan
    return math.log(large / small) / math.log(factor)


def build_exponent(small: SizeResult, large: SizeResult, variant: str) -> float:
    """The exponent of a variant's build time once the no-tables build is subtracted."""
    return exponent(
        small.series[variant].median - small.series[NONE].median,
        large.series[variant].median - large.series[NONE].median,
        large.n / small.n,
    )


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def code_state() -> str:
    """The commit measured, and whether the plugin's code differs from it."""
    if exported := os.environ.get(_CODE_ENV):
        return f"{exported} (the plugin as committed)"
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    changed = _git("status", "--porcelain", "--", "plugin")
    return f"{commit} (uncommitted changes in plugin/)" if changed else commit


def rerun_with_code(revision: str, argv: Sequence[str]) -> int:
    """Run this benchmark again with the plugin's code as committed at `revision` first on the
    import path, so that work in progress in the checkout is not what gets measured."""
    commit = _git("rev-parse", "--short", revision)
    if not commit:
        raise SystemExit(f"--code {revision}: not a revision of this repository")
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "plugin"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout
    export = Path(tempfile.mkdtemp(prefix="error-catalogue-code-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(export, filter="data")
        path = os.pathsep.join(filter(None, [str(export / "plugin"), os.environ.get("PYTHONPATH")]))
        environment = {**os.environ, "PYTHONPATH": path, _CODE_ENV: commit}
        return subprocess.run(
            [sys.executable, __file__, *argv], env=environment, check=False
        ).returncode
    finally:
        shutil.rmtree(export, ignore_errors=True)


def machine_facts() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    memory = ""
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.is_file():
        models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = models[0] if models else cpu
    if meminfo.is_file():
        total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = f"{int(total.group(1)) / 2**20:.1f} GiB" if total else ""

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {
        "CPU": cpu,
        "Cores": str(os.cpu_count()),
        "Memory": memory or "unknown",
        "System": platform.platform(terse=True),
        "Python": platform.python_version(),
        "MkDocs": version("mkdocs"),
        "Material": version("mkdocs-material"),
        "Python-Markdown": version("markdown"),
        "pymdown-extensions": version("pymdown-extensions"),
        "PyYAML": f"{version('pyyaml')} (libyaml: {'yes' if yaml.__with_libyaml__ else 'no'})",
        "mkdocs-macros-plugin": version("mkdocs-macros-plugin"),
        "Commit": code_state(),
        "Load average at start": _load_average(),
        "10,000 folders and files at start": folders_cost(),
    }


def folders_cost() -> str:
    """How long this file system takes to create what the plugin's deep links are: 10,000
    folders with a small file each, in the folder the sites are built in. It varies a lot
    between machines (0.2 s on a RAM disk here, 1 to 9 s on this machine's disk, getting slower
    as a run goes on), and the plugin's full build waits for it."""
    with tempfile.TemporaryDirectory(prefix="error-catalogue-folders-") as tmp:
        if hasattr(os, "sync"):
            os.sync()
        before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
        for number in range(10_000):
            folder = Path(tmp) / str(number)
            folder.mkdir()
            (folder / "index.html").write_text("x" * 600, encoding="utf-8")
        seconds = time.perf_counter() - start
        kernel = resource.getrusage(resource.RUSAGE_SELF).ru_stime - before.ru_stime
    return f"{seconds:.2f} s ({kernel:.2f} s of it the kernel's CPU time)"


def _load_average() -> str:
    """The 1-minute load average: above 0.5 or so, other work shares the machine."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _events(times: dict[str, float]) -> str:
    """`on_config 0.61, on_post_build 0.10` for the handlers that took 5 ms or more."""
    shown = [f"on_{name} {seconds:.2f}" for name, seconds in times.items() if seconds >= 0.005]
    return ", ".join(shown) or "-"


def _ratio(value: float, reference: float) -> str:
    return f"{value / reference:.2f}x" if reference > 0 else "-"


def report(results: list[SizeResult], variants: Sequence[str]) -> bool:
    """Print the results as Markdown tables; True when every correctness check passed."""
    rows = []
    for result in results:
        hand = result.series.get(HAND)
        for variant in variants:
            series = result.series[variant]
            times = [build.seconds for build in series.builds]
            rows.append(
                [
                    variant,
                    f"{result.n:,}",
                    f"{series.median:.2f}",
                    f"{min(times):.2f}-{max(times):.2f}",
                    f"{series.cpu:.2f}",
                    f"{series.peak_mib:.0f} ({series.largest_mib:.0f})",
                    _ratio(series.median, hand.median) if hand else "-",
                    _ratio(series.cpu, hand.cpu) if hand else "-",
                    _ratio(series.peak_mib, hand.peak_mib) if hand else "-",
                    "yes" if result.rows_ok[variant] else "NO",
                ]
            )
    print("\n## Full builds (median of the timed rounds)\n")
    header = [
        "Variant",
        "N",
        "Median (s)",
        "Range (s)",
        "CPU (s)",
        "Peak RSS, largest process (MiB)",
        "Time vs hand-written",
        "CPU vs hand-written",
        "Memory vs hand-written",
        "All rows",
    ]
    print(_table(header, rows))

    print("\n## The plugin's own share (fresh process each, median)\n")
    share_rows = [
        [
            f"{result.n:,}",
            f"{result.share_median('load'):.3f}",
            f"{result.share_median('convert'):.3f}",
            f"{result.share_median('render'):.3f}",
            f"{result.own_share:.3f}",
        ]
        for result in results
    ]
    print(
        _table(
            [
                "N",
                "Load + validate (s)",
                "Convert marker page (s)",
                "of which building the tables (s)",
                "Own share (s)",
            ],
            share_rows,
        )
    )

    print("\n## serve-like rebuild after touching one category file (in-process)\n")
    serve_rows = [
        [
            f"{result.n:,}",
            f"{result.serve['first']:.2f}",
            _events(result.serve["events_first"]),
            f"{statistics.median(result.serve['rebuilds']):.2f}",
            _events(result.serve["events_rebuild"]),
            f"{result.series[OURS].median:.2f}" if OURS in result.series else "-",
        ]
        for result in results
    ]
    header = [
        "N",
        "First build (s)",
        "Plugin's event handlers in it (s)",
        "Rebuild, median (s)",
        "Plugin's event handlers per rebuild (s)",
        "Full build, fresh process (s)",
    ]
    print(_table(header, serve_rows))

    correct = all(all(r.rows_ok.values()) and r.tables_identical for r in results)
    if len(results) >= 2:
        small, large = results[0], results[-1]
        factor = large.n / small.n
        print(f"\n## Scaling from N = {small.n:,} to N = {large.n:,} (exponent k of t ~ N^k)\n")
        scaling_rows = [["own share", f"{exponent(small.own_share, large.own_share, factor):.2f}"]]
        if NONE in variants:
            for variant in variants:
                if variant == NONE:
                    continue
                k = build_exponent(small, large, variant)
                scaling_rows.append([f"{variant} build minus no-tables build", f"{k:.2f}"])
        print(_table(["What", "Exponent"], scaling_rows))
    targets(results, variants, correct)
    return correct


def targets(results: list[SizeResult], variants: Sequence[str], correct: bool) -> None:
    at = next((r for r in results if r.n == TARGET_N), results[-1])
    note = "" if at.n == TARGET_N else f" (measured at N = {at.n:,}, not {TARGET_N:,})"
    print(f"\n## Targets at N = {TARGET_N:,}{note}\n")
    checks: list[tuple[str, str, bool | None]] = []
    if OURS in variants and HAND in variants:
        time_ratio = at.series[OURS].median / at.series[HAND].median
        memory_ratio = at.series[OURS].peak_mib / at.series[HAND].peak_mib
        checks.append(
            (
                f"full build at most {MAX_TIME_RATIO}x hand-written",
                f"{time_ratio:.2f}x",
                time_ratio <= MAX_TIME_RATIO,
            )
        )
        checks.append(
            (
                f"peak memory at most {MAX_MEMORY_RATIO}x hand-written",
                f"{memory_ratio:.2f}x",
                memory_ratio <= MAX_MEMORY_RATIO,
            )
        )
    checks.append(
        (
            f"own share under {MAX_OWN_SHARE} s",
            f"{at.own_share:.3f} s",
            at.own_share < MAX_OWN_SHARE,
        )
    )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        factor = large.n / small.n
        k_share = exponent(small.own_share, large.own_share, factor)
        measured = f"own share k = {k_share:.2f}"
        linear = k_share <= MAX_EXPONENT
        if OURS in variants and NONE in variants:
            k_build = build_exponent(small, large, OURS)
            measured += f", build minus no-tables k = {k_build:.2f}"
            linear = linear and k_build <= MAX_EXPONENT
        checks.append((f"linear scaling (exponent at most {MAX_EXPONENT})", measured, linear))
    if OURS in variants:
        rebuild = statistics.median(at.serve["rebuilds"])
        full = at.series[OURS].median
        checks.append(
            (
                "serve rebuild no slower than a full build",
                f"{rebuild:.2f} s vs {full:.2f} s",
                rebuild <= full,
            )
        )
    checks.append(("every variant rendered all N rows", "yes" if correct else "NO", correct))
    rows = [[what, measured, "PASS" if ok else "FAIL"] for what, measured, ok in checks]
    print(_table(["Target", "Measured", "Result"], rows))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["worker"]:
        run_worker(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1_000, 10_000], help="catalogue sizes N"
    )
    parser.add_argument("--repeats", type=int, default=5, help="timed builds of each variant")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument(
        "--profile", action="store_true", help="profile the plugin's build at the largest N"
    )
    parser.add_argument(
        "--code",
        metavar="REV",
        help="measure the plugin as committed at REV (such as HEAD), not the working tree",
    )
    parser.add_argument(
        "--tmp",
        metavar="DIR",
        type=Path,
        help="build the sites under DIR (default: the system's temporary folder)",
    )
    options = parser.parse_args(argv)
    if options.tmp:  # workers and builds inherit it too
        os.environ["TMPDIR"] = str(options.tmp.resolve())
        tempfile.tempdir = None
    if options.code and _CODE_ENV not in os.environ:
        return rerun_with_code(options.code, argv)
    variants = [variant for variant in VARIANTS if variant in options.variants]
    facts = machine_facts()
    print(_table(["Machine", ""], list(facts.items())))
    sizes = sorted(options.sizes)
    results = [
        measure(n, max(1, options.repeats), variants, options.profile and n == sizes[-1])
        for n in sizes
    ]
    correct = report(results, variants)
    print(f"\nLoad average at the end: {_load_average()}")
    print(f"10,000 folders and files at the end: {folders_cost()}")
    if code_state() != facts["Commit"]:
        print(f"\nWARNING: the code changed during the run ({facts['Commit']} -> {code_state()})")
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())
