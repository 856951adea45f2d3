"""How long a catalogue of the costliest texts the checks allow takes to build, beside a plain
catalogue of the same size, built in the same run.

Issue 23's promise: whatever a 1 MB catalogue holds, it builds in seconds. The checks bound
each text (docs/stable-codes.md#hostile-input: 5,000 characters, 20 links, 200 emphasis, code
and escape marks, the characters Markdown searches for the ends of links); this script fills a
catalogue with texts right at those bounds, each distinct so that no rendering is reused, and
builds it with MkDocs and Material, interleaved with a catalogue of ordinary texts
(`generate.generate`) of about the same size. It prints each build's median time and the ratio.

    python benchmarks/hostile.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from generate import generate

TEXT_LENGTH = 5_000  # the longest text allowed
# Texts at the bounds: 20 links and 200 emphasis marks; unclosed brackets, an unclosed link
# target and runs of marks that make Python-Markdown search, each padded to the longest text
# allowed (each passes `validation.text_problem`).
FAMILIES = (
    "[x] " * 20 + "*a* " * 100,
    "[[" + "_a_ " * 100,
    "![" + "`a` " * 100,
    "[a](" + "\\* " * 100,
)
SIZE = 1_000_000  # bytes of YAML


def hostile_catalogue(folder: Path) -> int:
    """Write category files of distinct texts at the checks' bounds, about `SIZE` bytes in
    all; the number of entries."""
    folder.mkdir(parents=True)
    entries, written, code = [], 0, 1000
    while written < SIZE:
        family = FAMILIES[code % len(FAMILIES)]
        text = f"{code} {family}"
        text += "x" * (TEXT_LENGTH - len(text))
        entries.append({"code": code, "scenario": text, "message": f"Error {code}."})
        written += len(text) + 40
        code += 1
    for number, start in enumerate(range(0, len(entries), 20), 1):
        category = {"title": f"Category {number}", "errors": entries[start : start + 20]}
        path = folder / f"{number:03}.yml"
        path.write_text(yaml.safe_dump(category, allow_unicode=True, width=10**6), "utf-8")
    return len(entries)


def plain_catalogue(folder: Path) -> int:
    """A generated catalogue of ordinary texts of about `SIZE` bytes; the number of entries."""
    count = 500
    while True:
        if folder.exists():
            for path in folder.iterdir():
                path.unlink()
        generate(folder, count)
        size = sum(path.stat().st_size for path in folder.iterdir())
        if size >= SIZE:
            return count
        count = int(count * SIZE / size) + 1


def site(root: Path, make: str) -> str:
    """A site at `root` whose one page shows the catalogue `make` writes; what it holds."""
    maker = hostile_catalogue if make == "hostile" else plain_catalogue
    entries = maker(root / "catalogue")
    (root / "docs").mkdir()
    (root / "docs/index.md").write_text("# Errors\n\n<!-- error-catalogue -->\n", "utf-8")
    config = {
        "site_name": "Benchmark",
        "theme": {"name": "material"},
        "plugins": ["search", "error-catalogue"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    size = sum(path.stat().st_size for path in (root / "catalogue").iterdir())
    return f"{entries} entries, {size / 1e6:.2f} MB of YAML"


def build_seconds(root: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    repeats = parser.parse_args().repeats
    with tempfile.TemporaryDirectory() as folder:
        roots = {kind: Path(folder, kind) for kind in ("hostile", "plain")}
        for kind, root in roots.items():
            print(f"{kind}: {site(root, kind)}")
        times: dict[str, list[float]] = {kind: [] for kind in roots}
        for _ in range(repeats):  # interleaved: the machine's load falls on both alike
            for kind, root in roots.items():
                times[kind].append(build_seconds(root))
    medians = {kind: statistics.median(seconds) for kind, seconds in times.items()}
    for kind, median in medians.items():
        print(f"{kind}: median build {median:.2f} s over {repeats} builds")
    print(f"hostile / plain: {medians['hostile'] / medians['plain']:.2f}x")


if __name__ == "__main__":
    main()
