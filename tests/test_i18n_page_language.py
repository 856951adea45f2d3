"""Which language a page belongs to on a mkdocs-static-i18n site, as that plugin decides it.

A name's last dotted part (`errors.fr.md`) or a page's first folder (`fr/errors.md`) is a
language only when it is one of the site's locales or is written as one (`pt-BR`); otherwise
(`errors.v2.md`, `v2/errors.md`) the page is the default language's and keeps its name. The
commands, which read `mkdocs.yml` without running the plugins, must find the pages where the
build puts them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Site, new_site
from .test_cli import error_catalogue

SITE_URL = "https://example.com/"
MARKER_PAGE = "# Errors\n\n<!-- error-catalogue -->\n"


def multilingual_site(root: Path, structure: str) -> Site:
    """English (the default) and French, one category with the code 1004, a French PO file
    (so that `lookup --language fr` has the language's texts) and a home page."""
    site = new_site(root)
    site.config["site_url"] = SITE_URL
    languages = [
        {"locale": "en", "default": True, "name": "English"},
        {"locale": "fr", "name": "Français"},
    ]
    site.config["plugins"] = [
        "search",
        {"i18n": {"docs_structure": structure, "languages": languages}},
        "error-catalogue",
    ]
    site.category(
        "cookies.yml", "title: Cookies\nerrors:\n  - {code: 1004, scenario: S, message: M}\n"
    )
    site.write("catalogue/translations/fr.po", 'msgid "S"\nmsgstr "S fr"\n')
    site.page("index.md", "# Home\n")
    return site


def looked_up(site: Site, language: str) -> list[str]:
    """The URL and deep-link lines `error-catalogue lookup 1004` prints for `language`
    ("" for the default one, else its folder, "fr/")."""
    options = ("--language", language.rstrip("/")) if language else ()
    result = error_catalogue("lookup", "1004", *options, cwd=site.root)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-2:]


@pytest.mark.parametrize(
    ("structure", "page", "url"),
    [("suffix", "errors.v2.md", "errors.v2/"), ("folder", "v2/errors.md", "v2/errors/")],
)
def test_a_name_part_that_is_no_language_keeps_the_page_where_the_build_puts_it(
    tmp_path: Path, structure: str, page: str, url: str
) -> None:
    site = multilingual_site(tmp_path, structure)
    site.page(page, MARKER_PAGE)
    site.build()
    for language in ("", "fr/"):
        built = site.html(f"{language}{url}index.html")
        assert built.find("tr", id="1004") is not None
        assert looked_up(site, language) == [
            f"URL: {SITE_URL}{language}{url}#1004",
            f"Deep link: {SITE_URL}{language}errors/1004/",
        ]
        deep_link = site.html(f"{language}errors/1004/index.html")
        assert deep_link.find("link", rel="canonical")["href"] == f"{SITE_URL}{language}{url}#1004"


def test_a_page_of_a_language_the_site_does_not_build_is_no_page_of_it(tmp_path: Path) -> None:
    """`about.de.md` is German (`de` is written as a locale), which neither build shows: the
    category's page is `errors.md`, though `about.de.md` comes first and has the marker too."""
    site = multilingual_site(tmp_path, "suffix")
    site.page("about.de.md", MARKER_PAGE)
    site.page("errors.md", MARKER_PAGE)
    site.build()
    assert not (tmp_path / "site/about").exists()
    for language in ("", "fr/"):
        assert site.html(f"{language}errors/index.html").find("tr", id="1004") is not None
        assert looked_up(site, language) == [
            f"URL: {SITE_URL}{language}errors/#1004",
            f"Deep link: {SITE_URL}{language}errors/1004/",
        ]
