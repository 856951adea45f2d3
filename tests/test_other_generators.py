"""The same catalogue under Zensical (the Markdown extension alone) and ProperDocs (the plugin).

Each generator is installed, with the built wheel, in a fresh virtual environment; the site
it builds is compared with MkDocs' build of the same project: rows, anchors, obsolete marks,
headings and cross-reference links.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup, Comment
from markdown.preprocessors import Preprocessor

from mkdocs_error_catalogue.extension import ErrorCatalogueExtension

from .browser import artefact, assert_landed, reader, serve
from .conftest import (
    RenderingContext,
    css_cell,
    new_site,
    project,
    render_as,
    run_cli,
)
from .environments import environment, run


def rendered(site_dir: Path) -> dict[str, Any]:
    """What must not differ between generators, read from the built HTML."""
    page = BeautifulSoup((site_dir / "reference/link-errors/index.html").read_text(), "html.parser")
    rows = page.select(".error-catalogue tbody tr")
    home = BeautifulSoup((site_dir / "index.html").read_text(), "html.parser")
    deep = BeautifulSoup((site_dir / "guide/deep/index.html").read_text(), "html.parser")
    return {
        "rows": [row["id"] for row in rows],
        "obsolete": [
            row["id"]
            for row in rows
            if "error-catalogue-entry--obsolete" in (row.get("class") or ())
        ],
        "badges": [b.get_text() for b in page.select(".error-catalogue-badge")],
        "headings": [h["id"] for h in page.select("h2[id]")],
        "cells": [td.get_text(" ", strip=True) for td in page.select(".error-catalogue td")],
        "links": [(a["href"], a.get_text()) for a in home.select("a.error-catalogue-ref")],
        "deep links": [(a["href"], a.get_text()) for a in deep.select("a.error-catalogue-ref")],
        # Listed for Zensical, added by the plugin: each linked once either way.
        "assets": [
            len(page.select("link[href$='error-catalogue.css']")),
            len(page.select("script[src$='error-catalogue.js']")),
        ],
    }


@pytest.fixture(scope="module")
def mkdocs_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("mkdocs")
    project(root)
    run(sys.executable, "-m", "mkdocs", "build", "--strict", cwd=root)
    return rendered(root / "site")


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_mkdocs_takes_over_the_listed_extension(mkdocs_result: dict[str, Any]) -> None:
    assert len(mkdocs_result["rows"]) == 45
    assert mkdocs_result["links"] == [
        ("reference/link-errors/#1004", "1004"),
        ("reference/link-errors/#1005", "the old one"),
    ]
    assert mkdocs_result["deep links"] == [("../../reference/link-errors/#2001", "2001")]
    assert mkdocs_result["assets"] == [1, 1]


def test_zensical_builds_the_same_tables_and_links(
    tmp_path: Path, wheel: Path, mkdocs_result: dict[str, Any], chromium: Any
) -> None:
    bin_folder = environment(tmp_path / "env", "zensical", wheel)
    project(tmp_path / "project")
    run(bin_folder / "zensical", "build", "--strict", cwd=tmp_path / "project")
    assert rendered(tmp_path / "project" / "site") == mkdocs_result
    # What only the plugin makes, the command adds in a separate step.
    run(bin_folder / "error-catalogue", "site-files", cwd=tmp_path / "project")
    deep_link = tmp_path / "project/site/errors/1004/index.html"
    target = BeautifulSoup(deep_link.read_text(), "html.parser").find("a")["href"]
    assert target == "../../reference/link-errors/#1004"
    assert (tmp_path / "project/site/error-catalogue.json").is_file()
    # The readers' script works in Zensical's theme: the landing and the filter box.
    url, server = serve(tmp_path / "project" / "site")
    try:
        with reader(chromium) as page:
            page.goto(url + "errors/1005/")
            page.wait_for_url("**/reference/link-errors/#1005")
            assert_landed(page, "1005")
            assert page.locator(".error-catalogue-filter input").count() == 1  # the page's
            page.screenshot(path=artefact("6-zensical.png"))
            # A deep link to a code the catalogue lacks: site-files prepared Zensical's 404 page.
            page.goto(url + "errors/99999/")
            notice = page.locator(".error-catalogue-not-found")
            assert (
                notice.inner_text() == "Error 99999 is not in the error reference. See every error"
            )
            assert notice.locator("a").get_attribute("href") == "/reference/link-errors/"
    finally:
        server.shutdown()
    # The texts follow the theme's language, which the extension reads from Zensical's context,
    # and so does the catalogue, where a PO file translates it.
    with (tmp_path / "project/mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("theme:\n  language: de\n")
    (tmp_path / "project/catalogue/translations").mkdir()
    (tmp_path / "project/catalogue/translations/de.po").write_text(
        'msgid "Link window closed."\nmsgstr "Link-Fenster geschlossen."\n', encoding="utf-8"
    )
    run(bin_folder / "zensical", "build", "--strict", cwd=tmp_path / "project")
    built = tmp_path / "project/site/reference/link-errors/index.html"
    page = BeautifulSoup(built.read_text(), "html.parser")
    wrapper = page.select_one("div.error-catalogue")
    assert (wrapper.select_one("th").get_text(), wrapper["data-filter"]) == (
        "Fehlercode",
        "Fehler filtern",
    )
    message = page.select_one("tr[id='1003'] " + css_cell("message")).get_text()
    assert message == "Link-Fenster geschlossen."
    # Zensical's --strict lets a link to an unknown code pass; `site-files --strict` does not.
    (tmp_path / "project/docs/guide/typo.md").write_text("# Typo\n\nSee [](error:10044).\n")
    run(bin_folder / "zensical", "build", "--strict", cwd=tmp_path / "project")
    strict = subprocess.run(
        [bin_folder / "error-catalogue", "site-files", "--strict"],
        cwd=tmp_path / "project",
        capture_output=True,
        text=True,
        check=False,
    )
    assert (strict.returncode, strict.stderr.splitlines()) == (
        1,
        [
            "site/guide/typo/index.html: Doc file 'guide/typo.md' links to unknown error code "
            "`10044` (`error:10044`): did you mean `1004`? check the code, or add it to the "
            "catalogue",
            "error-catalogue site-files: 1 problem in the built pages (--strict)",
        ],
    )


def test_properdocs_runs_the_plugin_unchanged(
    tmp_path: Path, wheel: Path, mkdocs_result: dict[str, Any]
) -> None:
    bin_folder = environment(tmp_path / "env", "properdocs", "properdocs-theme-mkdocs", wheel)
    project(tmp_path / "project")
    # MkDocs' default theme, which ProperDocs wants named (Zensical refuses the name).
    config = tmp_path / "project/mkdocs.yml"
    config.write_text(config.read_text() + "theme: mkdocs\n")
    run(bin_folder / "properdocs", "build", "--strict", cwd=tmp_path / "project")
    site_dir = tmp_path / "project" / "site"
    assert rendered(site_dir) == mkdocs_result
    assert (site_dir / "errors/1005/index.html").is_file()
    assert (site_dir / "error-catalogue.json").is_file()
    assert (site_dir / "assets/error-catalogue/error-catalogue.css").is_file()


def test_the_extension_alone_in_python_markdown(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S, message: First.}\n")
    text = "<!-- error-catalogue -->\n\nSee [](error:1).\n"
    options = {"catalogue": str(tmp_path / "catalogue")}
    html = markdown.markdown(
        text, extensions=["error_catalogue"], extension_configs={"error_catalogue": options}
    )
    page = BeautifulSoup(html, "html.parser")
    assert page.find("h2", id="a") is not None
    assert page.find("tr", id="1").select_one(css_cell("message")).get_text() == "First."
    assert page.select_one("a.error-catalogue-ref")["href"] == "#1"
    # Loaded once per change of its files, not once per page.
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S, message: Second.}\n")
    again = BeautifulSoup(
        markdown.markdown(text, extensions=[ErrorCatalogueExtension(**options)]), "html.parser"
    )
    assert again.find("tr", id="1").select_one(css_cell("message")).get_text() == "Second."
    # The site's language, which the extension cannot see: said in its options.
    german = ErrorCatalogueExtension(**options, language="de", labels={"message": "Meldung"})
    headings = BeautifulSoup(markdown.markdown(text, extensions=[german]), "html.parser")("th")
    assert [th.get_text() for th in headings[:3]] == [
        "Fehlercode",
        "Wahrscheinliches Szenario",
        "Meldung",
    ]


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({"cod": "Code"}, "unknown key `cod` in `labels`: did you mean `code`?"),
        ({"code": 5}, "the label `code` must be text, not 5"),
    ],
)
def test_a_mistake_in_the_extensions_labels_is_said_when_it_is_set_up(
    labels: dict[str, object], message: str
) -> None:
    """Zensical passes the options as they are: said there, not from the first marker."""
    with pytest.raises(ValueError) as raised:
        ErrorCatalogueExtension(labels=labels)
    assert str(raised.value) == f"error_catalogue: {message}"


def test_a_broken_catalogue_shows_in_the_page_while_serving(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S}\n")
    extension = ErrorCatalogueExtension(catalogue=str(tmp_path / "catalogue"))
    with pytest.raises(Exception, match="has no `message`"):
        markdown.markdown("<!-- error-catalogue -->\n", extensions=[extension])
    serving = ErrorCatalogueExtension(catalogue=str(tmp_path / "catalogue"), serving=True)
    html = markdown.markdown("<!-- error-catalogue -->\n\n[](error:1)\n", extensions=[serving])
    notice = BeautifulSoup(html, "html.parser").select_one(".error-catalogue-problem")
    assert "a.yml:3: error 1 has no `message`" in notice.get_text()


def test_with_a_rendering_context_links_reach_other_pages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = project(tmp_path)
    site.category(
        "99-extra.yml",
        "title: X\nerrors:\n  - code: 99999\n    scenario: S\n"
        "    message: See [setup](guide/deep.md#deep) or [gone](gone.md).\n",
    )
    page = render_as("guide/deep.md", "[](error:2001) [](error:9) <!-- x -->", tmp_path, caplog)
    assert page.select_one("a.error-catalogue-ref")["href"] == "../reference/link-errors.md#2001"
    assert "Doc file 'guide/deep.md' links to unknown error code `9`" in caplog.text
    table = render_as(
        "reference/link-errors.md", "<!-- error-catalogue 99-extra -->", tmp_path, caplog
    )
    message = table.select_one("tr[id='99999'] " + css_cell("message"))
    assert message.find("a")["href"] == "../guide/deep.md#deep"
    assert message.find("span").get_text() == "gone"  # no such file: plain text, and a warning
    assert "Doc file 'reference/link-errors.md' shows catalogue text that links to 'gone.md'" in (
        caplog.text
    )


def test_with_a_rendering_context_a_link_no_page_file_leads_to_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The extension finds categories in the page files; a category whose marker an include
    brings is found on its own page only, and a link from elsewhere cannot reach it."""
    site = project(tmp_path)
    site.category(
        "99-extra.yml", "title: X\nerrors:\n  - code: 99999\n    scenario: S\n    message: M\n"
    )
    site.page("reference/link-errors.md", "# Link errors\n\n<!-- error-catalogue general -->\n")
    elsewhere = render_as("guide/deep.md", "[](error:99999)", tmp_path, caplog)
    assert elsewhere.select_one("a.error-catalogue-ref")["href"] == "#99999"
    assert (
        "Doc file 'guide/deep.md' links to error `99999`, which no page shows: add a marker for "
        "its category to a page (a marker that an include brings is found on its own page only)"
    ) in caplog.text
    caplog.clear()
    # The page that shows it (here as an include would: the page file has no marker).
    md = markdown.Markdown(
        extensions=[ErrorCatalogueExtension(catalogue=str(tmp_path / "catalogue"))]
    )
    md.preprocessors.register(
        RenderingContext(md, "reference/extra.md", tmp_path / "docs"), "rendering_context", 0
    )
    md.preprocessors.register(_Include(md), "include", 35)
    shown = BeautifulSoup(md.convert("--8<-- extra\n\nSee [](error:99999)."), "html.parser")
    assert shown.find("tr", id="99999") is not None
    assert shown.select_one("a.error-catalogue-ref")["href"] == "#99999"
    assert "99999" not in caplog.text


class _Include(Preprocessor):
    """`--8<-- extra` becomes the marker of the `99-extra` category, as pymdownx.snippets
    brings a file's text (before the extension looks for markers)."""

    def run(self, lines: list[str]) -> list[str]:
        return [
            "<!-- error-catalogue 99-extra -->" if line == "--8<-- extra" else line
            for line in lines
        ]


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_commands_read_mkdocs_yml_without_its_theme_or_plugins(tmp_path: Path) -> None:
    project(tmp_path)
    run(sys.executable, "-m", "mkdocs", "build", cwd=tmp_path)  # the pages site-files reads
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Z\ntheme:\n  name: not-installed\nplugins:\n  - search\n"
        "  - error-catalogue:\n      export: data/codes.json\n      deep_links: e\n"
        "  - some-zensical-only-plugin\n"
    )
    result = run_cli("site-files", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "site: 45 deep-link pages and data/codes.json, "
        "assets/error-catalogue/error-catalogue.css, assets/error-catalogue/error-catalogue.js "
        "written"
    )
    assert (tmp_path / "site/e/1004/index.html").is_file()
    lookup = run_cli("lookup", "1004", cwd=tmp_path)
    assert "URL: reference/link-errors/#1004" in lookup.stdout


def test_a_broken_mkdocs_yml_is_a_clear_error(tmp_path: Path) -> None:
    project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: [\n")
    result = run_cli("lookup", "1004", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error-catalogue: mkdocs.yml: ")
    assert "line 2" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_site_files_finds_the_tables_in_the_built_pages(tmp_path: Path) -> None:
    """As Zensical builds: the extension alone, the marker brought by an include (the page file
    has none), and an indented-code example of a marker on a page first in file order."""
    site = project(tmp_path)
    site.config = {
        "site_name": "Extension alone",
        "markdown_extensions": [
            {
                "error_catalogue": {
                    "catalogue": "catalogue",
                    "language": "fr",
                    "labels": {"not_found_link": "Tous les codes"},
                }
            },
            {"pymdownx.snippets": {"base_path": ["includes"], "check_paths": True}},
        ],
    }
    site.write("includes/tables.md", "<!-- error-catalogue -->\n")
    site.page("reference/link-errors.md", '# Link errors\n\n--8<-- "tables.md"\n')
    site.page("a-syntax.md", "# Syntax\n\n    <!-- error-catalogue general -->\n")
    empty = run_cli("site-files", cwd=tmp_path)
    assert (empty.returncode, empty.stderr) == (
        1,
        "error-catalogue site-files: site not found: build the site first (zensical build), or pass --site-dir\n",
    )
    site.write_config()
    run(sys.executable, "-m", "mkdocs", "build", cwd=tmp_path)
    result = run_cli("site-files", "--strict", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("site: 45 deep-link pages"), result.stdout
    for anchor in ("1004", "2001", "api-error"):
        deep_link = tmp_path / f"site/errors/{anchor}/index.html"
        target = BeautifulSoup(deep_link.read_text(), "html.parser").find("a")["href"]
        assert target == f"../../reference/link-errors/#{anchor}"
    # The "not found" page gets what the script needs, in the extension's language, once.
    assert result.stdout.rstrip().endswith(", 404.html written"), result.stdout
    again = run_cli("site-files", cwd=tmp_path)
    assert not again.stdout.rstrip().endswith(", 404.html written"), again.stdout
    not_found = BeautifulSoup((tmp_path / "site/404.html").read_text(), "html.parser")
    (data,) = not_found.select("div.error-catalogue-not-found-data")
    assert (data["data-reference"], data["data-not-found"], data["data-not-found-link"]) == (
        "/reference/link-errors/",
        "L'erreur {code} ne figure pas dans la référence des erreurs.",
        "Tous les codes",
    )


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_site_files_reports_what_the_extension_reported_in_the_pages(tmp_path: Path) -> None:
    """Zensical logs the extension's warnings, but its `--strict` does not count them: the
    extension records them in the page, where `site-files` finds them, and its `--strict`
    fails as `mkdocs build --strict` would."""
    site = project(tmp_path)
    site.config = {
        "site_name": "Extension alone",
        "markdown_extensions": [{"error_catalogue": {"catalogue": "catalogue"}}],
    }
    site.page(
        "guide/typos.md",
        "# Typos\n\nSee [the iframe error](error:10044).\n\n<!-- error-catalogue genral -->\n\n"
        "> <!-- error-catalogue -->\n",
    )
    site.write_config()
    run(sys.executable, "-m", "mkdocs", "build", cwd=tmp_path)
    page = BeautifulSoup((tmp_path / "site/guide/typos/index.html").read_text(), "html.parser")
    comments = [c.strip() for c in page.find_all(string=lambda s: isinstance(s, Comment))]
    recorded = [c for c in comments if c.startswith("error-catalogue-problem: ")]
    assert len(recorded) == 3
    assert "error-catalogue-problem" not in page.get_text()  # no reader sees them
    problems = [
        "site/guide/typos/index.html: A page has an unknown error category `genral` in "
        "`<!-- error-catalogue genral -->` on line 5; known categories: general, deposits, "
        "complete-withdrawal, buy, sell, transfer, history, cancel, fiat-to-crypto, "
        "crypto-to-fiat, nft-checkout-primary, offers",
        "site/guide/typos/index.html: A page links to unknown error code `10044` "
        "(`error:10044`): did you mean `1004`? check the code, or add it to the catalogue",
        "site/guide/typos/index.html: A page has `<!-- error-catalogue -->` on line 7, which is "
        "not a marker, so no table is shown there: write the marker in lower case on a line of "
        "its own (in a list item, tab or admonition, indented as its text)",
    ]
    relaxed = run_cli("site-files", cwd=tmp_path)
    assert (relaxed.returncode, relaxed.stderr.splitlines()) == (0, problems)
    strict = run_cli("site-files", "--strict", cwd=tmp_path)
    assert (strict.returncode, strict.stderr.splitlines()) == (
        1,
        [*problems, "error-catalogue site-files: 3 problems in the built pages (--strict)"],
    )
    assert (tmp_path / "site/errors/1004/index.html").is_file()  # written all the same
