"""mkdocs-autorefs (and mkdocstrings, which brings it): `[1004][]` links to the entry's row."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .conftest import Site, example_site, follow, multilingual_site

pytestmark = pytest.mark.slow  # mkdocs-autorefs and mkdocstrings builds


def autorefs_site(root: Path, autorefs_first: bool) -> Site:
    site = example_site(root)
    plugins = site.config["plugins"]
    plugins.insert(plugins.index("error-catalogue") + (0 if autorefs_first else 1), "autorefs")
    return site


@pytest.mark.parametrize("autorefs_first", [True, False], ids=["autorefs-first", "ours-first"])
def test_references_land_on_the_row_from_every_page(tmp_path: Path, autorefs_first: bool) -> None:
    site = autorefs_site(tmp_path, autorefs_first)
    site.page("index.md", "# Home\n\n[1004][], [the cookie error][1004], [General][general].\n")
    site.page("guide/deep/page.md", "# Deep\n\nCode [2001][] and [api-error][].\n")
    site.build()
    for page_url, expected in [
        ("index.html", [("1004", "1004"), ("the cookie error", "1004"), ("General", "general")]),
        ("guide/deep/page/index.html", [("2001", "2001"), ("api-error", "api-error")]),
    ]:
        links = site.html(page_url).select("a.autorefs")
        assert [(link.get_text(), link["href"].split("#")[1]) for link in links] == expected
        for link in links:
            landing, fragment = follow(site, page_url, link["href"])
            assert landing.find(id=fragment) is not None, link["href"]
    cookie_error = site.html().select_one("a.autorefs")
    assert cookie_error["title"] == "Failed to open Link as iFrame due to 3rd party cookies blocked"


def test_an_unknown_code_still_fails_a_strict_build(tmp_path: Path) -> None:
    site = autorefs_site(tmp_path, autorefs_first=True)
    site.page("index.md", "# Home\n\n[9999][] and [1004][].\n")
    with pytest.raises(Abort):
        site.build()
    site.build(strict=False)
    assert [link.get_text() for link in site.html().select("a.autorefs")] == ["1004"]
    assert "[9999][]" in site.html().find("p").get_text()


def test_a_scenario_that_autorefs_would_read_as_html_gives_no_tooltip(site: Site) -> None:
    """autorefs may strip tags from a title and write it unescaped: `<b>` would vanish and a
    `"` end the attribute early, so such a link has no tooltip rather than a wrong one."""
    site.config["plugins"].append("autorefs")
    site.category(
        "general.yml",
        """
        title: General
        errors:
          - code: 7
            scenario: 'The "offer" field is empty'
            message: No offer.
          - code: 8
            scenario: A <b>bold</b> scenario
            message: No bold.
          - code: 9
            scenario: A *plain* scenario
            message: Plain.
        """,
    )
    site.page("errors.md", "# Errors\n\n<!-- error-catalogue -->\n")
    site.page("index.md", "# Home\n\n[7][] then [8][] then [9][].\n")
    site.build()
    links = site.html().select("a.autorefs")
    assert [(link.get_text(), link["href"], link.get("title")) for link in links] == [
        ("7", "errors/#7", None),
        ("8", "errors/#8", None),
        ("9", "errors/#9", "A plain scenario"),
    ]


def test_rows_of_a_table_an_include_brings_are_registered(tmp_path: Path) -> None:
    site = autorefs_site(tmp_path, autorefs_first=False)
    snippets = {"base_path": [str(tmp_path / "includes")], "check_paths": True}
    site.config["markdown_extensions"].append({"pymdownx.snippets": snippets})
    site.write("includes/tables.md", "<!-- error-catalogue -->\n")
    site.page("reference/link-errors.md", '# Link errors\n\n--8<-- "tables.md"\n')
    site.page("index.md", "# Home\n\n[1004][]\n")
    site.build()
    link = site.html().select_one("a.autorefs")
    landing, fragment = follow(site, "index.html", link["href"])
    assert fragment == "1004" and landing.find("tr", id="1004") is not None


def test_a_docstring_that_mkdocstrings_renders_links_to_the_error(tmp_path: Path) -> None:
    """mkdocstrings adds autorefs by itself (set to ignore headings): SDK docstrings can name
    the errors a function raises."""
    site = example_site(tmp_path)
    python = {"python": {"paths": ["src"], "options": {"show_source": False}}}
    site.config["plugins"].append({"mkdocstrings": {"handlers": python}})
    site.write(
        "src/link_sdk.py",
        '''
        """The Link SDK."""


        def open_link() -> None:
            """Open Link in an iframe.

            Raises:
                RuntimeError: Error [1004][] when the browser blocks third-party cookies.
            """
        ''',
    )
    site.page("api.md", "# API\n\n::: link_sdk\n")
    site.build()
    api = site.html("api/index.html")
    link = api.select_one("a.autorefs[href$='#1004']")
    assert link.get_text() == "1004"
    landing, fragment = follow(site, "api/index.html", link["href"])
    assert landing.find("tr", id=fragment) is not None


def test_on_a_multilingual_site_references_lead_to_the_default_languages_row(
    tmp_path: Path,
) -> None:
    """autorefs keeps one map for every language: rows registered twice would be ambiguous
    (a warning that fails --strict), so only the default language's are registered."""
    site = multilingual_site(tmp_path)
    site.config["plugins"].append("autorefs")
    site.page("index.fr.md", "# Accueil\n\nVoir [1004][].\n")
    site.page("index.md", "# Home\n\nSee [1004][].\n")
    site.build()
    for page_url in ("index.html", "fr/index.html"):
        link = site.html(page_url).select_one("a.autorefs")
        landing, fragment = follow(site, page_url, link["href"])
        assert landing.find("h1").get_text().startswith("Link errors")
        assert landing.find("tr", id=fragment) is not None and fragment == "1004"
