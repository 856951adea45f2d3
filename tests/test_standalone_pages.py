"""Which page shows a category: the extension on its own (Zensical) finds the same page as
the plugin and the commands, in MkDocs' file order and with MkDocs' exclusions."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Site, new_site, render_as

MARKER_PAGE = "# Errors\n\n<!-- error-catalogue -->\n"


def linking_site(root: Path, *marker_pages: str) -> Site:
    """One category (the code 1004), a home page linking to it, and `marker_pages` each
    showing every category."""
    site = new_site(root)
    site.category(
        "cookies.yml", "title: Cookies\nerrors:\n  - {code: 1004, scenario: S, message: M}\n"
    )
    site.page("index.md", "# Home\n\n[](error:1004)\n")
    for page in marker_pages:
        site.page(page, MARKER_PAGE)
    return site


def links_from_home(site: Site, caplog: pytest.LogCaptureFixture) -> tuple[str, str]:
    """Where the home page's link to 1004 leads: built by MkDocs with the plugin, and
    converted by the extension alone as Zensical would (a link to the page's file)."""
    site.build()
    built = site.html("index.html").select_one("a.error-catalogue-ref")["href"]
    alone = render_as("index.md", "[](error:1004)", site.root, caplog)
    return str(built), str(alone.select_one("a.error-catalogue-ref")["href"])


def test_a_folders_own_pages_come_before_its_subfolders_as_in_mkdocs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = linking_site(tmp_path, "b.md", "a/x.md")
    assert links_from_home(site, caplog) == ("b/#1004", "b.md#1004")


def test_a_dot_file_is_no_page_as_in_mkdocs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = linking_site(tmp_path, ".hidden.md", "errors.md")
    assert links_from_home(site, caplog) == ("errors/#1004", "errors.md#1004")
    assert not (tmp_path / "site/.hidden").exists()
