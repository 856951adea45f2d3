"""What the plugin writes into the site never replaces another output, and an interrupted build
leaves nothing behind once the next one has run."""

from __future__ import annotations

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
