"""What the Markdown extension needs from whoever runs it.

The extension turns markers into tables and `error:` links into links. What depends on the
site it asks its host: which page shows an entry, whether a docs file exists, where a warning
goes, whether a live preview runs. Under MkDocs the plugin's `mkdocs_host.MkDocsHost` is handed
to the extension (as mkdocs-autorefs hands its plugin to its extension); under Zensical and
plain Python-Markdown, `standalone.StandaloneHost`.
"""

from __future__ import annotations

import dataclasses
from typing import Protocol

from markdown import Markdown

from .markers import Marker
from .model import Catalogue, Category
from .rendering import Labels


@dataclasses.dataclass
class PageRecord:
    """What the extension did while converting one page, for its host to act on."""

    # Lines of the page file before the Markdown the extension sees (front matter), so that
    # reported line numbers are those of the file.
    line_offset: int = 0
    # A dict: each table is held out of Markdown's last steps under a number, the HTML gets
    # `page_html.table_placeholder(number)` in its place, and the host puts the tables back
    # (Markdown's last steps then copy a short page instead of one that may hold ten thousand
    # rows). None: the tables are placed in the HTML at once.
    held_tables: dict[int, str] | None = None
    # The categories whose tables the page got, in order: their HTML is placed as a whole,
    # unseen by MkDocs, which must be told about the rows' ids.
    shown: list[Category] = dataclasses.field(default_factory=list)
    # Markers reported as out of place (in a raw HTML block): no table came of them.
    misplaced_markers: list[Marker] = dataclasses.field(default_factory=list)


class ExtensionHost(Protocol):
    """Implemented by `mkdocs_host.MkDocsHost` and `standalone.StandaloneHost`."""

    @property
    def serving(self) -> bool:
        """A live preview runs: a catalogue problem is shown in the page, never raised."""
        ...

    @property
    def labels(self) -> Labels:
        """The texts around catalogue text (may change between pages under Zensical)."""
        ...

    @property
    def language(self) -> str | None:
        """The language of the page being converted (of declared fields' labels)."""
        ...

    def catalogue(self) -> Catalogue:
        """The catalogue to render; raises `CatalogueError` when it cannot be used."""
        ...

    def before_tables(self) -> str | None:
        """A marker's tables are about to be made: what to say above them (why the catalogue
        shown is `serve`'s last good one), if anything."""
        ...

    def conversion_started(self, md: Markdown) -> PageRecord:
        """A conversion starts (a page's, or one nested in it): the record of its page."""
        ...

    def entry_link(self, anchor: str) -> str:
        """The URL of the entry `anchor` as seen from the page being converted."""
        ...

    def doc_link(self, href: str) -> str | None:
        """The URL of `href`, a link in catalogue text relative to the docs folder, as seen
        from the page being converted; None when no such file exists (the extension says so)."""
        ...

    def warn(self, message: str) -> None:
        """Report a problem of the page being converted; `message` follows the page's name
        ("links to unknown error code …")."""
        ...

    def conversion_finished(self, html: str) -> str:
        """The page's HTML after the extension's last step."""
        ...
