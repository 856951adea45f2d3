"""The Python-Markdown extension: page markers become catalogue tables, `error:` links work.

See `markers` for the marker syntax. `[text](error:1004)` links to an entry; `[](error:1004)`
shows the code as its text and the message as its title. Where the entry is depends on who
renders: by default the link stays on the page (`#1004`); the MkDocs plugin sets `link_to` to
point at the page that shows the entry.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString, code_escape

from .inline import error_anchor, link_scheme, literal, plain_text, register_error_autolinks
from .markers import Marker, find_markers
from .model import Catalogue, Category
from .page_html import table_placeholder, with_recorded_problems
from .problems import CatalogueError
from .rendering import LABEL_NAMES, CatalogueRenderer, Labels
from .standalone import (
    PageContext,
    cached_catalogue,
    cached_lock_differences,
    cached_translation,
    category_pages,
    page_context,
    serving,
)
from .translations import labels_for
from .validation import unknown_key

log = logging.getLogger(__name__)
# Names under which `markdown_extensions` may list this extension (for Zensical, say).
EXTENSION_NAMES = ("error_catalogue", "mkdocs_error_catalogue.extension")

_TOKEN = re.compile(rf"{STX}error-catalogue:(?P<index>\d+){ETX}")
# A comment in the page's HTML that was meant as a marker but is not one (not alone on its
# line, say in a quote, or not in lower case), so no table came of it. Markers in code are
# escaped text by then, and the table placeholders (`<!--error-catalogue-table:1-->`) differ.
_STRAY_MARKER = re.compile(r"<!--\s*error-catalogue(?![\w-]).*?-->", re.IGNORECASE | re.DOTALL)


@dataclasses.dataclass
class _Page:
    """What the processors of one Markdown instance know of the page being converted: its
    lines as the markers were found in them, and the markers."""

    lines: list[str] = dataclasses.field(default_factory=list)
    markers: list[Marker] = dataclasses.field(default_factory=list)


class _MarkerPreprocessor(Preprocessor):
    """Swaps each marker line for a token paragraph before the HTML-block pass stashes it,
    indented as the marker was, so that it stays in the admonition, tab or list holding it."""

    def __init__(self, md: Markdown, extension: ErrorCatalogueExtension, page: _Page) -> None:
        super().__init__(md)
        self.extension = extension
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        self.page.lines = lines
        self.page.markers = find_markers(lines)
        self.extension.begin_page(self.md)
        output = list(lines)
        for index, marker in reversed(list(enumerate(self.page.markers))):
            token = f"{marker.indent}{STX}error-catalogue:{index}{ETX}"
            output[marker.line - 1 : marker.line] = ["", token, ""]
        return output


class _ErrorLinkTreeprocessor(Treeprocessor):
    """Resolves `[text](error:1004)` links, and gives `[](error:1004)` the code as its text."""

    def __init__(self, md: Markdown, extension: ErrorCatalogueExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        links = [link for link in root.iter("a") if error_anchor(link.get("href", "")) is not None]
        try:
            for link in links:
                self.extension.resolve_link(link)
        except CatalogueError:
            if not serving():  # while serving, the marker's notice says what is wrong
                raise
            for link in links:  # unresolved, but still readable
                link.text = link.text or error_anchor(link.get("href", ""))


class _TokenInCodeTreeprocessor(Treeprocessor):
    """A marker in an indented code block is not a marker: its token becomes its text again."""

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        for code in root.iter("code"):
            if code.text and STX in code.text:
                code.text = AtomicString(_TOKEN.sub(self._marker_text, code.text))

    def _marker_text(self, match: re.Match[str]) -> str:
        return code_escape(self.page.markers[int(match.group("index"))].text)


class _MarkerInHtmlPostprocessor(Postprocessor):
    """A marker that ends up as raw HTML stays a comment, and is reported, as the writer surely
    wanted the table there: one in a raw HTML block (where Markdown is not read), and a
    comment that is not a marker at all (see `_STRAY_MARKER`)."""

    def __init__(self, md: Markdown, extension: ErrorCatalogueExtension, page: _Page) -> None:
        super().__init__(md)
        self.extension = extension
        self.page = page

    def run(self, text: str) -> str:
        for stray in _STRAY_MARKER.finditer(text):  # first: the block markers are not strays
            self._report_stray(stray.group(0))
        return _TOKEN.sub(self._marker_text, text) if STX in text else text

    def _marker_text(self, match: re.Match[str]) -> str:
        marker = self.page.markers[int(match.group("index"))]
        self.extension.warn(
            f"has the marker `{marker.text}` on line {marker.line + self.extension.line_offset} "
            "inside an HTML block, where Markdown is not read: move it out of the block, or "
            "add `markdown` to the block's tag (extension md_in_html)"
        )
        self.extension.reported_markers.append(marker)
        return marker.text

    def _report_stray(self, comment: str) -> None:
        lines = (number for number, line in enumerate(self.page.lines, 1) if comment in line)
        line = next(lines, None)
        where = f" on line {line + self.extension.line_offset}" if line else ""
        self.extension.warn(
            f"has `{comment}`{where}, which is not a marker, so no table is shown there: write "
            "the marker in lower case on a line of its own (in a list item, tab or admonition, "
            "indented as its text)"
        )


class _RecordedProblemsPostprocessor(Postprocessor):
    """Appends the problems reported while converting the page, as comments (see
    `page_html.recorded_problems`)."""

    def __init__(self, md: Markdown, extension: ErrorCatalogueExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        return with_recorded_problems(text, self.extension.page_problems)


class _MarkerBlockProcessor(BlockProcessor):
    """Replaces a token paragraph with the headings and tables its marker asked for."""

    def __init__(
        self, parser: BlockParser, extension: ErrorCatalogueExtension, page: _Page
    ) -> None:
        super().__init__(parser)
        self.extension = extension
        self.page = page

    def test(self, parent: etree.Element, block: str) -> bool:
        # Indented by a tab's width or more, the token is in a list item (nested first by the
        # list processor) or in indented code (put back as text by `_TokenInCodeTreeprocessor`).
        indent = len(block) - len(block.lstrip(" "))
        return indent < self.tab_length and _TOKEN.fullmatch(block.strip()) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = _TOKEN.fullmatch(blocks.pop(0).strip())
        assert match is not None  # test() accepted this block
        marker = self.page.markers[int(match.group("index"))]
        parent.extend(self.extension.render_marker(marker, self.parser.md))
        return True


class ErrorCatalogueExtension(Extension):
    """Renders `<!-- error-catalogue … -->` markers from a catalogue folder or object."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "catalogue": ["catalogue", "Catalogue folder, or a loaded Catalogue object"],
            "labels": [{}, "Texts around the catalogue: column headings, badge, notes"],
            "language": ["", "Language of the site (`fr`): its built-in texts, where known"],
        }
        super().__init__(**kwargs)
        # The site's language: the option's, else the theme's when the generator says it.
        self.language: str | None = self.getConfig("language") or None
        self.labels = self._labels()
        # Told about unknown categories; the MkDocs plugin routes this to its own logger.
        self.warn: Callable[[str], None] = log.warning
        # Lines of the page file before the Markdown this extension sees (front matter), so
        # that reported line numbers are those of the file.
        self.line_offset = 0
        # The URL of an entry (given its anchor) from the page being rendered.
        self.link_to: Callable[[str], str] = lambda anchor: f"#{anchor}"
        # The URL of a relative link written in catalogue text (None: no such file, which
        # is reported).
        self.doc_link: Callable[[str], str | None] = lambda href: href
        # The categories whose tables the current page got: their HTML is placed as a whole,
        # unseen by MkDocs, which must be told about the rows' ids.
        self.rendered_categories: list[Category] = []
        # The current page's markers that were reported as out of place (in a raw HTML block).
        self.reported_markers: list[Marker] = []
        # On its own: what was reported on the current page, which the page then records.
        self.page_problems: list[str] = []
        # Set by the MkDocs plugin, which then decides where links go; on its own, the
        # extension asks the generator which page it renders (see `standalone`).
        self.managed = False
        # When a dict (the plugin sets one while MkDocs converts a page), tables go here under
        # a number, and the HTML gets `table_placeholder(number)` in their place: Markdown's
        # last steps then copy a short page instead of one that may hold ten thousand rows
        # (see `page_html.put_tables_back`). Numbers are never reused, so conversions nested
        # in the page's (mkdocstrings renders docstrings so) cannot mix them up.
        self.held_tables: dict[int, str] | None = None
        # Set while `mkdocs serve` shows the last good catalogue: the problems of the current
        # one, said above each marker's tables, where the writer looks.
        self.stale_problems: str | None = None
        self._table_numbers = itertools.count()
        self._renderer: CatalogueRenderer | None = None

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue object given, or the folder's (loaded once while it is unchanged)."""
        value = self.getConfig("catalogue")
        if isinstance(value, Catalogue):
            return value
        folder = Path(value)
        return cached_translation(folder, cached_catalogue(folder), self.language)

    def begin_page(self, md: Markdown) -> None:
        """A conversion starts: on our own, forget the last page's anchors and learn where
        links go. (The plugin knows better when a page starts: a conversion may be nested in
        the page's, as mkdocstrings does for docstrings, and add to the page's anchors.)"""
        if self.managed:
            return
        self.rendered_categories.clear()
        self.reported_markers.clear()
        self.page_problems = []
        context = page_context(md)
        if context is None:  # plain Python-Markdown: every entry is on this page
            self.warn = lambda message: self._report(f"A page {message}")
            self.link_to = lambda anchor: f"#{anchor}"
            self.doc_link = lambda href: href
            return
        if context.language and not self.getConfig("language"):  # the theme's, unless told
            self.language = context.language
            theirs = self._labels()
            if theirs != self.labels:
                self.labels, self._renderer = theirs, None
        self.warn = lambda message: self._report(f"Doc file '{context.path}' {message}")
        self.link_to = lambda anchor: self._link_in_docs(context, anchor)
        self.doc_link = lambda href: self._doc_link_in_docs(context, href)

    def _report(self, problem: str) -> None:
        """Logged, as the generator shows it, and recorded in the page, for `--strict`."""
        log.warning(problem)
        self.page_problems.append(problem)

    def _doc_link_in_docs(self, context: PageContext, href: str) -> str | None:
        path, _, fragment = href.partition("#")
        return context.link(path, fragment) if (context.docs_dir / path).is_file() else None

    def _link_in_docs(self, context: PageContext, anchor: str) -> str:
        """The entry on the page whose file has a marker for its category; else on this page,
        which must then show it itself (a marker an include brings is seen on its page only)."""
        catalogue = self.catalogue
        category = catalogue.category_of(anchor)
        page = category_pages(context.docs_dir, catalogue).get(category.id) if category else None
        if page is not None:
            return context.link(page, anchor)
        if category not in self.rendered_categories:
            self.warn(
                f"links to error `{anchor}`, which no page shows: add a marker for its category "
                "to a page (a marker that an include brings is found on its own page only)"
            )
        return f"#{anchor}"

    def _labels(self) -> Labels:
        """The texts of the site's language, with the `labels` option's over them; a mistake
        in `labels` is said now, not as a traceback from the first marker."""
        given = self.getConfig("labels")
        for name, value in given.items():
            if name not in LABEL_NAMES:
                raise ValueError(f"error_catalogue: {unknown_key(name, '`labels`', LABEL_NAMES)}")
            if not isinstance(value, str):
                raise ValueError(f"error_catalogue: the label `{name}` must be text, not {value!r}")
        return dataclasses.replace(labels_for(self.language), **given)

    @property
    def renderer(self) -> CatalogueRenderer:
        """The renderer of the site's labels and language, for the catalogue's declaration
        (made again when `serve` reloads a catalogue that declares other fields)."""
        wanted = (self.catalogue.declaration, self.language)
        renderer = self._renderer
        if renderer is None or (renderer.declaration, renderer.language) != wanted:
            renderer = self._renderer = CatalogueRenderer(
                self.labels,
                link_hook=self._catalogue_link,
                declaration=wanted[0],
                language=wanted[1],
            )
        return renderer

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        page = _Page()
        md.registerExtension(self)
        # After snippets (32) and whitespace normalising (30), before html_block (20).
        md.preprocessors.register(_MarkerPreprocessor(md, self, page), "error_catalogue", 25)
        md.parser.blockprocessors.register(
            _MarkerBlockProcessor(md.parser, self, page), "error_catalogue", 95
        )
        # Before inline Markdown (20) reads the code blocks' text.
        md.treeprocessors.register(_TokenInCodeTreeprocessor(md, page), "error_catalogue_code", 25)
        # After the raw HTML is back (30).
        md.postprocessors.register(
            _MarkerInHtmlPostprocessor(md, self, page), "error_catalogue_html", 25
        )
        # Last, after every report.
        md.postprocessors.register(
            _RecordedProblemsPostprocessor(md, self), "error_catalogue_problems", 0
        )
        # After MkDocs' own link rewriting (0), which leaves `error:` links alone: `link_to`
        # gives final URLs.
        md.treeprocessors.register(_ErrorLinkTreeprocessor(md, self), "error_catalogue_links", -10)
        register_error_autolinks(md)

    def render_marker(self, marker: Marker, md: Markdown) -> list[etree.Element]:
        """The elements one marker stands for; a visible notice for an unknown category, or
        above the tables of a catalogue kept while the current one is broken."""
        try:
            catalogue = self.catalogue
        except CatalogueError as error:
            if not serving():
                raise
            return [self._notice(str(error))]  # a running server must survive the mistake
        self._report_lock_differences()
        if self.stale_problems is not None:
            return [self._notice(self.stale_problems), *self._tables(marker, md, catalogue)]
        return self._tables(marker, md, catalogue)

    def _report_lock_differences(self) -> None:
        """On our own, what changed since the lock is reported by each page showing tables
        (the plugin reports it once per build)."""
        folder = self.getConfig("catalogue")
        if self.managed or isinstance(folder, Catalogue):
            return
        for difference in map(str, cached_lock_differences(Path(folder))):
            if difference not in self.page_problems:
                self._report(difference)

    def _tables(self, marker: Marker, md: Markdown, catalogue: Catalogue) -> list[etree.Element]:
        """The headings and tables `marker` asks for."""
        renderer = self.renderer
        if marker.category is None:
            elements = []
            for category in catalogue.categories:
                html = renderer.description_html(category) + renderer.table_html(category)
                elements += [renderer.heading(category), self._placed(md, html, category)]
            return elements
        wanted = catalogue.category(marker.category)
        if wanted is None:
            return [self._unknown_category(marker)]
        return [self._placed(md, renderer.table_html(wanted), wanted)]

    def _placed(self, md: Markdown, html: str, category: Category) -> etree.Element:
        """A paragraph that Markdown's last step replaces with `html` as it is."""
        if category in self.rendered_categories:
            self.warn(
                f"shows the category `{category.id}` twice: its rows' ids repeat, and links to "
                "them land on the first table; show each category once per page"
            )
        self.rendered_categories.append(category)
        if self.held_tables is not None:
            number = next(self._table_numbers)
            self.held_tables[number] = html
            html = table_placeholder(number)
        paragraph = etree.Element("p")
        paragraph.text = md.htmlStash.store(html)
        return paragraph

    def _unknown_category(self, marker: Marker) -> etree.Element:
        known = ", ".join(c.id for c in self.catalogue.categories)
        problem = (
            f"unknown error category `{marker.category}` in `{marker.text}` on line "
            f"{marker.line + self.line_offset}; known categories: {known}"
        )
        self.warn(f"has an {problem}")
        return self._notice(problem)

    def _notice(self, problem: str) -> etree.Element:
        notice = etree.Element("p", {"class": "error-catalogue-problem"})
        notice.text = literal(f"Error catalogue: {problem}")
        return notice

    def _catalogue_link(self, link: etree.Element) -> None:
        """A link in catalogue text: an entry, or a page named from the docs folder. (Links
        with a scheme that is not allowed never get here: they are shown as text.)"""
        href = link.get("href", "")
        if error_anchor(href) is not None:
            self.resolve_link(link)
        elif link_scheme(href) is None and not href.startswith(("#", "/")):
            target = self.doc_link(href)
            if target is None:
                self.warn(
                    f"shows catalogue text that links to '{href}', which is not a file of the "
                    "site: links in catalogue text are relative to the docs folder"
                )
                link.tag = "span"
                link.attrib.clear()
            else:
                link.set("href", target)

    def resolve_link(self, link: etree.Element) -> None:
        """Point an `error:` link at its entry; an unknown code is reported and unlinked."""
        anchor = error_anchor(link.get("href", "")) or ""
        entry = self.catalogue.entry(anchor)
        if not link.text and len(link) == 0:
            link.text = literal(anchor)
        classes = [*link.get("class", "").split(), "error-catalogue-ref"]
        if entry is None:
            close = self.catalogue.similar_anchors(anchor)
            hint = f"did you mean `{close[0]}`? " if close else ""
            advice = f"{hint}check the code, or add it to the catalogue"
            self.warn(f"links to unknown error code `{anchor}` (`error:{anchor}`): {advice}")
            link.tag = "span"
            link.attrib = {"class": " ".join([*classes, "error-catalogue-ref--unknown"])}
            if serving():  # said where the writer looks too, as a broken catalogue is
                link.set("title", f"Error catalogue: unknown error code {anchor}: {advice}")
            return
        link.set("href", self.link_to(entry.anchor))  # a name's link goes to the row, as a code's
        title = link.get("title") or plain_text(entry.message or entry.title_source)
        if entry.obsolete is not None:
            classes.append("error-catalogue-ref--obsolete")
            title = f"{self.renderer.labels.obsolete}: {title}"
        link.set("title", title)
        link.set("class", " ".join(classes))


def makeExtension(**kwargs: Any) -> ErrorCatalogueExtension:  # noqa: N802 - Markdown's API name
    """Entry point for `markdown_extensions: [error_catalogue]`."""
    return ErrorCatalogueExtension(**kwargs)
