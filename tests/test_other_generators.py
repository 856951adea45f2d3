"""The same catalogue under Zensical (the Markdown extension alone) and ProperDocs (the plugin).

Each generator is installed, with the built wheel, in a fresh virtual environment; the site
it builds is compared with MkDocs' build of the same project: rows, anchors, obsolete marks,
headings and cross-reference links.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_error_catalogue.extension import ErrorCatalogueExtension

from .conftest import EXAMPLE_CATALOGUE, Site, new_site
from .environments import environment, run

BOTH = """\
site_name: Both
plugins:
  - search
  - error-catalogue
markdown_extensions:
  - toc:
      permalink: true
  - error_catalogue:
      catalogue: catalogue
"""


def project(root: Path) -> Site:
    """The example catalogue, a reference page, a page linking to codes, and a config that
    lists both the plugin (MkDocs, ProperDocs) and the extension (Zensical)."""
    site = Site(root)
    shutil.copytree(EXAMPLE_CATALOGUE, root / "catalogue")
    site.page("index.md", "# Home\n\nSee [](error:1004) and [the old one](error:1005).\n")
    site.page("reference/link-errors.md", "# Link errors\n\n<!-- error-catalogue -->\n")
    site.page("guide/deep.md", "# Deep\n\nOn a sub-page: [](error:2001).\n")
    (root / "mkdocs.yml").write_text(BOTH, encoding="utf-8")
    return site


def rendered(site_dir: Path) -> dict[str, Any]:
    """What must not differ between generators, read from the built HTML."""
    page = BeautifulSoup((site_dir / "reference/link-errors/index.html").read_text(), "html.parser")
    rows = page.select(".error-catalogue tbody tr")
    home = BeautifulSoup((site_dir / "index.html").read_text(), "html.parser")
    deep = BeautifulSoup((site_dir / "guide/deep/index.html").read_text(), "html.parser")
    return {
        "rows": [row["id"] for row in rows],
        "obsolete": [
            row["id"] for row in rows if "error-catalogue-entry--obsolete" in row["class"]
        ],
        "badges": [b.get_text() for b in page.select(".error-catalogue-badge")],
        "headings": [h["id"] for h in page.select("h2[id]")],
        "cells": [td.get_text(" ", strip=True) for td in page.select(".error-catalogue td")],
        "links": [(a["href"], a.get_text()) for a in home.select("a.error-catalogue-ref")],
        "deep links": [(a["href"], a.get_text()) for a in deep.select("a.error-catalogue-ref")],
    }


@pytest.fixture(scope="module")
def mkdocs_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("mkdocs")
    project(root)
    run(sys.executable, "-m", "mkdocs", "build", "--strict", cwd=root)
    return rendered(root / "site")


def test_mkdocs_takes_over_the_listed_extension(mkdocs_result: dict[str, Any]) -> None:
    assert len(mkdocs_result["rows"]) == 45
    assert mkdocs_result["links"] == [
        ("reference/link-errors/#1004", "1004"),
        ("reference/link-errors/#1005", "the old one"),
    ]
    assert mkdocs_result["deep links"] == [("../../reference/link-errors/#2001", "2001")]


def test_zensical_builds_the_same_tables_and_links(
    tmp_path: Path, wheel: Path, mkdocs_result: dict[str, Any]
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
    assert page.find("tr", id="1").select_one(".error-catalogue-message").get_text() == "First."
    assert page.select_one("a.error-catalogue-ref")["href"] == "#1"
    # Loaded once per change of its files, not once per page.
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S, message: Second.}\n")
    again = BeautifulSoup(
        markdown.markdown(text, extensions=[ErrorCatalogueExtension(**options)]), "html.parser"
    )
    assert again.find("tr", id="1").select_one(".error-catalogue-message").get_text() == "Second."


def test_a_broken_catalogue_shows_in_the_page_while_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = new_site(tmp_path)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S}\n")
    extension = ErrorCatalogueExtension(catalogue=str(tmp_path / "catalogue"))
    with pytest.raises(Exception, match="has no `message`"):
        markdown.markdown("<!-- error-catalogue -->\n", extensions=[extension])
    monkeypatch.setattr(sys, "argv", ["zensical", "serve"])
    html = markdown.markdown(
        "<!-- error-catalogue -->\n\n[](error:1)\n",
        extensions=[ErrorCatalogueExtension(catalogue=str(tmp_path / "catalogue"))],
    )
    notice = BeautifulSoup(html, "html.parser").select_one(".error-catalogue-problem")
    assert "a.yml:3: error 1 has no `message`" in notice.get_text()
