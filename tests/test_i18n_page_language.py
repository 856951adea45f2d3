"""Which language a page belongs to on a mkdocs-static-i18n site, as that plugin decides it.

A name's last dotted part (`errors.fr.md`) or a page's first folder (`fr/errors.md`) is a
language only when it is one of the site's locales or is written as one (`pt-BR`); otherwise
(`errors.v2.md`, `api/errors.md`) the page is the default language's and keeps its name. The
commands, which read `mkdocs.yml` without running the plugins, must find the pages where the
build puts them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Site, error_catalogue, multilingual_site

SITE_URL = "https://example.com/"
MARKER_PAGE = "# Errors\n\n<!-- error-catalogue -->\n"


def looked_up(site: Site, language: str) -> list[str]:
    """The URL and deep-link lines `error-catalogue lookup 1004` prints for `language`
    ("" for the default one, else its folder, "fr/")."""
    options = ("--language", language.rstrip("/")) if language else ()
    result = error_catalogue("lookup", "1004", *options, cwd=site.root)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-2:]


def with_french_texts(site: Site) -> None:
    """A French PO file, which `lookup --language fr` needs."""
    site.write("catalogue/translations/fr.po", 'msgid "x"\nmsgstr "y"\n')


# The marker pages come before `reference/link-errors.md` (and `en/`) in MkDocs' file order,
# so they are the category's first page.
@pytest.mark.slow  # multilingual builds: about 1.5 s of CPU each
@pytest.mark.parametrize(
    ("structure", "page", "url"),
    [("suffix", "errors.v2.md", "errors.v2/"), ("folder", "api/errors.md", "api/errors/")],
)
def test_a_name_part_that_is_no_language_keeps_the_page_where_the_build_puts_it(
    tmp_path: Path, structure: str, page: str, url: str
) -> None:
    site = multilingual_site(tmp_path, structure=structure)
    site.page(page, MARKER_PAGE)
    site.build()
    with_french_texts(site)
    for language in ("", "fr/"):
        assert site.html(f"{language}{url}index.html").find("tr", id="1004") is not None
        assert looked_up(site, language) == [
            f"URL: {SITE_URL}{language}{url}#1004",
            f"Deep link: {SITE_URL}{language}errors/1004/",
        ]
        deep_link = site.html(f"{language}errors/1004/index.html")
        assert deep_link.find("link", rel="canonical")["href"] == f"{SITE_URL}{language}{url}#1004"


@pytest.mark.slow  # multilingual builds: about 1.4 s of CPU
def test_a_page_of_a_language_the_site_does_not_build_is_no_page_of_it(tmp_path: Path) -> None:
    """`about.de.md` is German (`de` is written as a locale), which neither build has: the
    category's page stays `reference/link-errors.md`, though `about.de.md` comes first."""
    site = multilingual_site(tmp_path)
    site.page("about.de.md", MARKER_PAGE)
    site.build()
    with_french_texts(site)
    assert not (tmp_path / "site/about").exists()
    for language in ("", "fr/"):
        assert looked_up(site, language) == [
            f"URL: {SITE_URL}{language}reference/link-errors/#1004",
            f"Deep link: {SITE_URL}{language}errors/1004/",
        ]
