"""The extension's host under MkDocs (see `host`): the plugin's catalogue, labels and site,
and the bookkeeping of the pages MkDocs converts: where links go, which tables a page got,
warnings named after the page, and what can only be checked once every page is rendered."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from .host import PageRecord
from .model import Catalogue
from .page_html import put_tables_back
from .rendering import Labels
from .site import CatalogueSite

log = get_plugin_logger(__name__)

# Where a link goes to an entry that no page was known to show when the link was made: a
# marker may come from an include or another plugin, seen only once its page is rendered.
_PENDING = "#error-catalogue-pending-"
_PENDING_LINK = re.compile(rf"{_PENDING}(?P<anchor>[A-Za-z0-9._-]+)")


class MkDocsHost:
    """The host of the plugin's extension for one build (one language's, with
    mkdocs-static-i18n); `site` is set once MkDocs' files are known (`on_files`)."""

    def __init__(
        self,
        catalogue: Catalogue,
        labels: Labels,
        *,
        language: str | None,
        serving: bool,
        stale: str | None,
    ) -> None:
        """`language`: the site's, for the labels of declared fields; `serving`: `mkdocs
        serve` runs (the plugin's `on_startup` says so); `stale`: said above each marker's
        tables while it shows the last good catalogue (or what changed since the lock)."""
        self._catalogue = catalogue
        self.labels = labels
        self.language = language
        self.serving = serving
        self._stale = stale
        self.site: CatalogueSite | None = None
        self._page: Page | None = None
        self._record = PageRecord()
        self._fragment_links: list[tuple[str, str]] = []  # (page, link) checked at the end
        self._pending_pages: dict[str, Page] = {}  # with links that the end completes

    def catalogue(self) -> Catalogue:
        return self._catalogue

    def before_tables(self) -> str | None:
        return self._stale

    def page_started(self, page: Page, markdown: str) -> None:
        """MkDocs converts `page` next (`on_page_markdown`), its tables held until
        `page_content` puts them back."""
        self._page = page
        line_offset = _front_matter_lines(page.file.content_string, markdown)
        self._record = PageRecord(line_offset=line_offset, held_tables={})

    def conversion_started(self, md: Markdown) -> PageRecord:
        """The page's record: a conversion nested in the page's (mkdocstrings') adds to it."""
        return self._record

    def entry_link(self, anchor: str) -> str:
        if self.site is None or self._page is None:
            return f"#{anchor}"
        link = self.site.link_from(self._page.file.url, anchor)
        if link is None:  # perhaps on a page not rendered yet: see `_complete_links`
            self._pending_pages[self._page.file.src_uri] = self._page
            return f"{_PENDING}{anchor}"
        return link

    def doc_link(self, href: str) -> str | None:
        if self.site is None or self._page is None:
            return None
        link = self.site.doc_link_from(self._page.file.url, href)
        if link is not None and "#" in href:
            self._fragment_links.append((self._page.file.src_uri, href))
        return link

    def warn(self, message: str) -> None:
        self._warn_on(message, self._page)

    def conversion_finished(self, html: str) -> str:
        return html

    def page_content(self, html: str, page: Page) -> str:
        """The page's HTML with its tables back (`on_page_content`), and the site told which
        categories it shows and which of its markers were reported."""
        record, self._record = self._record, PageRecord()
        if record.held_tables:
            html = put_tables_back(html, record.held_tables)
        assert self.site is not None  # on_files made it
        for category in record.shown:
            self.site.shown_on(category.id, page.file)
        self.site.reported_on(page.file, (m.category for m in record.misplaced_markers))
        # The tables were placed as HTML, which MkDocs does not read for ids: tell it which
        # anchors the page has, so that links to `page.md#1004` are checked like any other.
        if page.present_anchor_ids is not None:
            anchors = [key for c in record.shown for e in c.entries for key in e.keys]
            self._warn_of_taken_anchors(page, page.present_anchor_ids, anchors)
            page.present_anchor_ids.update(anchors)
        return html

    def all_pages_rendered(self, config: MkDocsConfig, *, dirty: bool) -> None:
        """Every page is rendered (`on_env`): links to entries can all be completed, and links
        in catalogue text, placed as HTML, which MkDocs does not check, checked as MkDocs
        checks its own."""
        assert self.site is not None
        self._complete_links()
        if not dirty:  # a dirty build renders only the pages that changed
            self._warn_of_unshown_claims()
        for source, href in self._fragment_links:
            file, fragment = self.site.doc_file(href)
            anchors = file.page.present_anchor_ids if file and file.page else None
            if file and anchors is not None and fragment not in anchors:
                log.log(
                    config.validation.links.anchors,
                    f"Doc file '{source}' shows catalogue text that links to '{href}', but the "
                    f"doc '{file.src_uri}' does not contain an anchor '#{fragment}'",
                )

    def _complete_links(self) -> None:
        """Point the links made before their entry's page was known (see `_PENDING`)."""
        for page in self._pending_pages.values():
            if page.content is not None:
                final_link = functools.partial(self._final_link, page)
                page.content = _PENDING_LINK.sub(final_link, page.content)

    def _final_link(self, page: Page, pending: re.Match[str]) -> str:
        assert self.site is not None
        anchor = pending.group("anchor")
        link = self.site.link_from(page.file.url, anchor)
        if link is None:
            self._warn_on(
                f"links to error `{anchor}`, which no page shows: add a marker for its "
                "category to a page",
                page,
            )
            return f"#{anchor}"
        return link

    def _warn_of_unshown_claims(self) -> None:
        assert self.site is not None
        for source, categories in self.site.claimed_not_shown().items():
            kind = "error category" if len(categories) == 1 else "error categories"
            names = ", ".join(f"`{category}`" for category in categories)
            log.warning(
                f"Doc file '{source}' has a marker for the {kind} {names} that it "
                "does not show once rendered (inside an indented code block?), yet links, deep "
                "links, search and the export lead to it: show markers as examples in fenced "
                "code blocks (```)"
            )

    def _warn_of_taken_anchors(self, page: Page, taken: set[str], anchors: list[str]) -> None:
        """A row whose id the page gives something else too (a heading `## 1004`): the
        browser, links and search would land on whichever comes first."""
        headings = {link.id: link.title for link in _toc_links(page.toc)}
        for anchor in (anchor for anchor in anchors if anchor in taken):
            title = headings.get(anchor)
            what = "an element" if title is None else f"the heading '{title}'"
            self._warn_on(
                f"gives {what} the id `{anchor}`, which the row of error `{anchor}` on this page "
                f"has too: links to `#{anchor}` land on whichever comes first; give it another "
                f"id (`## {title or anchor} {{#about-{anchor}}}` with the `attr_list` extension) "
                "or other words",
                page,
            )

    def _warn_on(self, message: str, page: Page | None) -> None:
        source = page.file.src_uri if page else "?"
        log.warning(f"Doc file '{source}' {message}")


def _toc_links(links: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    """Every heading of a page's table of contents, nested ones included."""
    for link in links:
        yield link
        yield from _toc_links(link.children)


def _front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of `source` precede `markdown` (0 when another plugin rewrote it)."""
    if not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")
