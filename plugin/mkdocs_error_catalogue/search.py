"""Site search: one search document per entry, so that typing a code lands on its row.

MkDocs' and Material's search split pages at headings only. After the search plugin has written
`search/search_index.json`, each entry a page shows is added as a document located at its row.
While the search plugin reads a page, the page's tables are taken out of its content (and put
back right after), so the index does not hold every text twice.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from .inline import plain_text as _plain_text
from .model import Entry
from .page_html import put_tables_back, tables_of, without_tables
from .site import CatalogueSite

INDEX = Path("search") / "search_index.json"


class SearchTables:
    """A page's tables, taken out of its content while the search plugin reads it (search
    indexes each entry on its own, not the tables again as page text) and put back after."""

    def __init__(self) -> None:
        # The page's content while search reads it without tables, and what search reads.
        self._whole_content: str | None = None
        self._searched_content: str | None = None

    def set_aside(self, page: Page) -> None:
        """Before the search plugin reads the page."""
        self._whole_content = page.content
        if page.content is not None:
            page.content = self._searched_content = without_tables(page.content)

    def put_back(self, page: Page) -> None:
        """After every other plugin, before the theme renders the page: the page as it was
        (no copy of a page that may be megabytes), unless a plugin changed it meanwhile: then
        its tables go back into the changed page."""
        whole, searched = self._whole_content, self._searched_content
        self._whole_content = self._searched_content = None
        if whole is not None and page.content is not None:
            unchanged = page.content is searched
            page.content = whole if unchanged else put_tables_back(page.content, tables_of(whole))


def add_entries_to_index(
    site_dir: Path,
    site: CatalogueSite,
    obsolete_label: str,
    entries_to_rebuild: list[dict[str, Any]] | None = None,
) -> bool:
    """Add every shown entry to the site's search index; False when there is no index.

    When the index will be written again from the search plugin's entries (a multilingual
    site, see `languages`), they are added to `entries_to_rebuild` too.
    """
    path = site_dir / INDEX
    if not path.is_file():
        return False
    documents = _documents(site, obsolete_label)
    if entries_to_rebuild is not None:
        entries_to_rebuild.extend(documents)
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"].extend(documents)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def plain_text(text: str) -> str:
    """Search results insert titles and texts as HTML: catalogue text must stay text."""
    return html.escape(_plain_text(text), quote=False)


def _documents(site: CatalogueSite, obsolete_label: str) -> list[dict[str, Any]]:
    return [
        {
            "location": site.entry_path(entry.anchor),
            "title": _title(entry, obsolete_label),
            # The code again in the text (and the name): the built-in search weighs fields
            # alike, so a code found in both fields ranks the entry above prose that merely
            # mentions it.
            "text": " ".join([*entry.keys, plain_text(entry.message)]),
        }
        for category in site.catalogue.categories
        if (page := site.pages.get(category.id)) is not None and not _excluded_from_search(page)
        for entry in category.entries
    ]


def _excluded_from_search(file: File) -> bool:
    """The page's front matter says `search: {exclude: true}` (Material's way to keep a page
    out of search): its rows stay out too."""
    meta = file.page.meta if file.page is not None else {}
    search = meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def _title(entry: Entry, obsolete_label: str) -> str:
    title = f"{entry.anchor}: {plain_text(entry.title_source)}"
    return f"{title} ({obsolete_label})" if entry.obsolete else title
