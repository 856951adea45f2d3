"""What the plugin writes into the site never replaces another output, and an interrupted build
leaves nothing behind once the next one has run."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Site, new_site

CATEGORY = "title: General\nerrors:\n  - code: 1004\n    scenario: S\n    message: M\n"
EXPORT_ADVICE = "set the `export` option to another file name, or to `false`"
DEEP_LINKS_ADVICE = "set the `deep_links` option to another path, or to `false`"


def small_site(root: Path, **options: Any) -> Site:
    site = new_site(root, **options)
    site.category("general.yml", CATEGORY)
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    return site


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"export": "sitemap.xml"},
            "the theme's page 'sitemap.xml' would be replaced by the JSON export 'sitemap.xml'",
        ),
        (
            {"export": "sitemap.xml.gz"},
            "the theme's compressed sitemap 'sitemap.xml.gz' would be replaced by the JSON "
            "export 'sitemap.xml.gz'",
        ),
        (
            {"export": "404.html"},
            "the theme's page '404.html' would be replaced by the JSON export '404.html'",
        ),
        (
            {"export": "search/search_index.json"},
            "the search index 'search/search_index.json' would be replaced by the JSON export "
            "'search/search_index.json'",
        ),
        (
            {"export": "Search"},
            "the JSON export 'Search' would be a file where the search index "
            "'search/search_index.json' needs the folder 'Search'",
        ),
        (
            {"export": "assets/error-catalogue/error-catalogue.css"},
            "the plugin's stylesheet 'assets/error-catalogue/error-catalogue.css' would be "
            "replaced by the JSON export 'assets/error-catalogue/error-catalogue.css'",
        ),
        (
            {"export": "assets/error-catalogue/error-catalogue.js"},
            "the plugin's script 'assets/error-catalogue/error-catalogue.js' would be replaced "
            "by the JSON export 'assets/error-catalogue/error-catalogue.js'",
        ),
        (
            {"export": "assets/images/favicon.png"},
            "the theme's file 'assets/images/favicon.png' would be replaced by the JSON export "
            "'assets/images/favicon.png'",
        ),
    ],
)
def test_an_export_over_another_output_is_one_clear_line(
    tmp_path: Path, options: dict[str, str], message: str
) -> None:
    result = small_site(tmp_path, **options).run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"ERROR   -  error-catalogue: {message}: {EXPORT_ADVICE}\n" in result.stderr


@pytest.mark.parametrize(
    ("deep_links", "written_by"),
    [
        ("404.html", "the theme's page '404.html'"),
        ("sitemap.xml", "the theme's page 'sitemap.xml'"),
        ("search/search_index.json", "the search index 'search/search_index.json'"),
    ],
)
def test_deep_links_where_the_theme_writes_a_file_are_one_clear_line(
    tmp_path: Path, deep_links: str, written_by: str
) -> None:
    result = small_site(tmp_path, deep_links=deep_links).run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"ERROR   -  error-catalogue: {written_by} is in the way: the `deep_links` option "
        f"needs '{deep_links}' to be a folder: {DEEP_LINKS_ADVICE}\n"
    ) in result.stderr


def test_a_static_file_of_the_docs_is_not_replaced_by_the_stylesheet(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    site.write("docs/assets/error-catalogue/error-catalogue.css", "/* my own copy */\n")
    result = site.run("build")
    assert result.returncode == 1
    assert (
        "ERROR   -  error-catalogue: 'assets/error-catalogue/error-catalogue.css' would be "
        "replaced by the plugin's stylesheet 'assets/error-catalogue/error-catalogue.css': "
        "rename it, or set the `stylesheet` option to `false` and add your own\n"
    ) in result.stderr


def large_site(root: Path) -> Site:
    """A site whose build takes long enough to be interrupted at several moments."""
    site = new_site(root)
    entries = "".join(
        f"  - code: {code}\n    scenario: S{code}\n    message: M\n" for code in range(2000)
    )
    site.category("general.yml", f"title: General\nerrors:\n{entries}")
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    return site


def interrupted_build(
    site: Site, temporary: Path, moment: Callable[[], bool], how: signal.Signals
) -> None:
    """Run `mkdocs build`, and at `moment` (if the build gets there) send it `how`: SIGINT to
    MkDocs alone (the harder case of Ctrl+C: its writing process goes on), SIGKILL to it and
    every process it started."""
    site.write_config()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=site.root,
        env={**os.environ, "TMPDIR": str(temporary)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and not moment() and time.monotonic() < deadline:
        time.sleep(0.002)
    if how == signal.SIGKILL:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(how)
    process.wait(timeout=120)


def leftovers(site: Site, temporary: Path) -> list[str]:
    """What a build may leave behind: beside the site, in it (hidden) and in the temporary
    folder."""
    beside = [path.name for path in site.root.iterdir() if path.name.startswith(".site.")]
    hidden = [path.name for path in (site.root / "site").glob(".*")]
    return beside + hidden + [path.name for path in temporary.iterdir()]


def moments(site: Site, temporary: Path) -> list[Callable[[], bool]]:
    """Moments of a build: the old deep links set aside, the batch of files written, and
    some time after the start."""
    aside, site_dir = site.root / ".site.errors.old", site.root / "site"

    def after(seconds: float) -> Callable[[], bool]:
        start = time.monotonic()
        return lambda: time.monotonic() - start > seconds

    return [
        aside.exists,
        lambda: any(site_dir.glob(".*.jsonl")) or any(temporary.iterdir()),
        lambda: (site.root / "site/index.html").exists(),
        *(after(seconds) for seconds in (0.5, 1.5)),
    ]


@pytest.mark.slow  # real builds started and killed: over 10 s of CPU each
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_an_interrupted_build_leaves_nothing_once_the_next_one_ran(
    tmp_path: Path, how: signal.Signals
) -> None:
    site = large_site(tmp_path / "project")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    assert site.run("build").returncode == 0
    for index in range(len(moments(site, temporary))):
        moment = moments(site, temporary)[index]  # made afresh: some count from the start
        interrupted_build(site, temporary, moment, how)
        if how == signal.SIGINT:  # MkDocs had the time to tidy up
            assert leftovers(site, temporary) == [], f"moment {index}"
        result = site.run("build")
        assert result.returncode == 0, result.stderr
        assert leftovers(site, temporary) == [], f"moment {index}"
        deep_links = list((site.root / "site/errors").iterdir())
        assert len(deep_links) == 2000, f"moment {index}"


@pytest.mark.slow  # several MkDocs builds: about 2 s of CPU
def test_a_heading_with_the_id_of_a_row_on_its_page_fails_strict(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    site.page("index.md", "# Errors\n\n## 1004\n\nAbout it.\n\n<!-- error-catalogue general -->\n")
    result = site.run("build", "--strict")
    assert result.returncode == 1
    assert (
        "WARNING -  mkdocs_error_catalogue: Doc file 'index.md' gives the heading '1004' the id "
        "`1004`, which the row of error `1004` on this page has too: links to `#1004` land on "
        "whichever comes first; give it another id (`## 1004 {#about-1004}` with the "
        "`attr_list` extension) or other words\n"
    ) in result.stderr

    site.page("index.md", "# Errors\n\n## About 1004\n\n<!-- error-catalogue general -->\n")
    assert site.run("build", "--strict").returncode == 0
    page = site.html()
    assert page.find("h2", id="about-1004").get_text(strip=True).startswith("About 1004")
    assert page.find("tr", id="1004") is not None
