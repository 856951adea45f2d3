"""Category ids and headings agree with the ids MkDocs' table of contents gives headings
(Python-Markdown's `toc.slugify`), both ways: an imported heading keeps the id the page's
links use, and an exported heading gets the category's id."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_error_catalogue import Catalogue, Category, Entry
from mkdocs_error_catalogue.importing import import_page, write_categories
from mkdocs_error_catalogue.markdown_export import catalogue_markdown

from .conftest import new_site

TABLE = (
    "| Error Code | Likely Scenario | Displayed Error Message | User | Developer |\n"
    "|---|---|---|---|---|\n"
    "| 1004 | S | M | - | - |\n"
)


@pytest.mark.parametrize(("title", "heading_id"), [("Errors_", "errors_"), ("Errors -", "errors-")])
def test_an_imported_heading_keeps_the_id_the_pages_links_use(
    tmp_path: Path, title: str, heading_id: str
) -> None:
    page = f"# Reference\n\nSee [the errors](#{heading_id}).\n\n## {title}\n\n{TABLE}"
    imported = import_page(page)
    assert [category.id for category in imported.categories] == [heading_id]
    site = new_site(tmp_path)
    write_categories(imported.categories, tmp_path / "catalogue")
    site.page("index.md", imported.page)
    site.build()
    built = site.html()
    link = built.select_one("a[href^='#']:-soup-contains('the errors')")
    assert built.find("h2", id=link["href"][1:]).get_text().startswith(title)
    assert built.find("tr", id="1004") is not None


def test_an_id_no_category_may_have_loses_its_leading_underscore() -> None:
    """The table of contents gives `## _Internal errors` the id `_internal-errors`, which
    is no valid id: the import takes `internal-errors`."""
    imported = import_page(f"## _Internal errors\n\n{TABLE}")
    assert [category.id for category in imported.categories] == ["internal-errors"]


def test_an_exported_heading_gets_the_category_id_where_its_title_gives_another(
    tmp_path: Path,
) -> None:
    """`Errors_` gives the heading the id `errors_`: the export writes `{#errors}`."""
    category = Category("errors", "Errors_", Path("errors.yml"), (Entry(1004, None, "S", "M"),))
    exported = catalogue_markdown(Catalogue((category,)))
    site = new_site(tmp_path)
    site.config["plugins"] = []  # as a generator without the plugin shows the export
    site.page("index.md", f"# Reference\n\n{exported}")
    site.build()
    assert site.html().find("h2", id="errors").get_text().startswith("Errors_")
    assert [c.id for c in import_page(exported).categories] == ["errors"]
