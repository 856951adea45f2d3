"""The Python-Markdown extension: page markers become catalogue tables, `error:` links work.

See `markers` for the marker syntax. `[text](error:1004)` links to an entry; `[](error:1004)`
shows the code as its text and the message as its title. What depends on the site (where an
entry is, where a warning goes, whether a live preview runs) the extension asks its `host`:
the MkDocs plugin's, or, on its own, a `standalone.StandaloneHost`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString, code_escape

from .host import ExtensionHost, PageRecord
from .inline import error_anchor, link_scheme, literal, plain_text, register_error_autolinks
from .markers import Marker, find_markers
from .model import Catalogue, Category
from .page_html import table_placeholder
from .problems import CatalogueError
from .rendering import CatalogueRenderer
from .standalone import StandaloneHost

_TOKEN = re.compile(rf"{STX}error-catalogue:(?P<index>\d+){ETX}")
# A comment in the page's HTML that was meant as a marker but is not one (not alone on its
# line, say in a quote, or not in lower case), so no table came of it. Markers in code are
# escaped text by then, and the table placeholders (`<!--error-catalogue-table:1-->`) differ.
_STRAY_MARKER = re.compile(r"<!--\s*error-catalogue(?![\w-]).*?-->", re.IGNORECASE | re.DOTALL)


@dataclasses.dataclass
class _Page:
    """What the processors of one Markdown instance know of the page being converted: its
    lines as the markers were found in them, the markers, and the host's record of the page."""

    lines: list[str] = dataclasses.field(default_factory=list)
    markers: list[Marker] = dataclasses.field(default_factory=list)
    record: PageRecord = dataclasses.field(default_factory=PageRecord)


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
        self.page.record = self.extension.host.conversion_started(self.md)
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
            if not self.extension.host.serving:  # the marker's notice says what is wrong
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
        record = self.page.record
        self.extension.host.warn(
            f"has the marker `{marker.text}` on line {marker.line + record.line_offset} "
            "inside an HTML block, where Markdown is not read: move it out of the block, or "
            "add `markdown` to the block's tag (extension md_in_html)"
        )
        record.misplaced_markers.append(marker)
        return marker.text

    def _report_stray(self, comment: str) -> None:
        lines = (number for number, line in enumerate(self.page.lines, 1) if comment in line)
        line = next(lines, None)
        where = f" on line {line + self.page.record.line_offset}" if line else ""
        self.extension.host.warn(
            f"has `{comment}`{where}, which is not a marker, so no table is shown there: write "
            "the marker in lower case on a line of its own (in a list item, tab or admonition, "
            "indented as its text)"
        )


class _ConversionFinishedPostprocessor(Postprocessor):
    """Hands the page's HTML to the host last (on its own, the extension records the page's
    problems in it: see `page_html.recorded_problems`)."""

    def __init__(self, md: Markdown, extension: ErrorCatalogueExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        return self.extension.host.conversion_finished(text)


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
        parent.extend(self.extension.render_marker(marker, self.parser.md, self.page.record))
        return True


class ErrorCatalogueExtension(Extension):
    """Renders `<!-- error-catalogue … -->` markers; see `host` for who decides what."""

    def __init__(self, host: ExtensionHost | None = None, /, **kwargs: Any) -> None:
        """`host`: given by the MkDocs plugin; without it (`markdown_extensions:` under
        Zensical, or Python-Markdown), the options below make a `StandaloneHost`, which
        says a mistake in `labels` now, not as a traceback from the first marker."""
        self.config = {
            "catalogue": ["catalogue", "Catalogue folder, or a loaded Catalogue object"],
            "labels": [{}, "Texts around the catalogue: column headings, badge, notes"],
            "language": ["", "Language of the site (`fr`): its built-in texts, where known"],
            "serving": [False, "A live preview runs: show catalogue problems in the page"],
        }
        super().__init__(**kwargs)
        self.host: ExtensionHost = host or StandaloneHost(
            self.getConfig("catalogue"),
            labels=self.getConfig("labels"),
            language=self.getConfig("language") or None,
            serving=bool(self.getConfig("serving")),
        )
        # Numbers of held tables (see `PageRecord.held_tables`), never reused, so that
        # conversions nested in the page's (mkdocstrings renders docstrings so) cannot mix
        # them up.
        self._table_numbers = itertools.count()
        self._renderer: CatalogueRenderer | None = None

    @property
    def renderer(self) -> CatalogueRenderer:
        """The renderer of the host's labels and language, for the catalogue's declaration
        (made again when they change, or when `serve` reloads a catalogue that declares other
        fields)."""
        labels, declaration = self.host.labels, self.host.catalogue().declaration
        renderer = self._renderer
        if (
            renderer is None
            or renderer.labels is not labels
            or (renderer.declaration, renderer.language) != (declaration, self.host.language)
        ):
            renderer = self._renderer = CatalogueRenderer(
                labels,
                link_hook=self._catalogue_link,
                declaration=declaration,
                language=self.host.language,
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
            _ConversionFinishedPostprocessor(md, self), "error_catalogue_problems", 0
        )
        # After MkDocs' own link rewriting (0), which leaves `error:` links alone: the host's
        # `entry_link` gives final URLs.
        md.treeprocessors.register(_ErrorLinkTreeprocessor(md, self), "error_catalogue_links", -10)
        register_error_autolinks(md)

    def render_marker(
        self, marker: Marker, md: Markdown, record: PageRecord
    ) -> list[etree.Element]:
        """The elements one marker stands for; a visible notice for an unknown category, or
        above the tables of a catalogue kept while the current one is broken."""
        try:
            catalogue = self.host.catalogue()
        except CatalogueError as error:
            if not self.host.serving:
                raise
            return [self._notice(str(error))]  # a running server must survive the mistake
        said_above = self.host.before_tables()
        tables = self._tables(marker, md, catalogue, record)
        return tables if said_above is None else [self._notice(said_above), *tables]

    def _tables(
        self, marker: Marker, md: Markdown, catalogue: Catalogue, record: PageRecord
    ) -> list[etree.Element]:
        """The headings and tables `marker` asks for."""
        renderer = self.renderer
        if marker.category is None:
            elements = []
            for category in catalogue.categories:
                table = renderer.table_html(category, heading_shown=True)
                html = renderer.description_html(category) + table
                elements += [renderer.heading(category), self._placed(md, html, category, record)]
            return elements
        wanted = catalogue.category(marker.category)
        if wanted is None:
            return [self._unknown_category(marker, catalogue, record)]
        return [self._placed(md, renderer.table_html(wanted), wanted, record)]

    def _placed(
        self, md: Markdown, html: str, category: Category, record: PageRecord
    ) -> etree.Element:
        """A paragraph that Markdown's last step replaces with `html` as it is."""
        if category in record.shown:
            self.host.warn(
                f"shows the category `{category.id}` twice: its rows' ids repeat, and links to "
                "them land on the first table; show each category once per page"
            )
        record.shown.append(category)
        if record.held_tables is not None:
            number = next(self._table_numbers)
            record.held_tables[number] = html
            html = table_placeholder(number)
        paragraph = etree.Element("p")
        paragraph.text = md.htmlStash.store(html)
        return paragraph

    def _unknown_category(
        self, marker: Marker, catalogue: Catalogue, record: PageRecord
    ) -> etree.Element:
        known = ", ".join(c.id for c in catalogue.categories)
        problem = (
            f"unknown error category `{marker.category}` in `{marker.text}` on line "
            f"{marker.line + record.line_offset}; known categories: {known}"
        )
        self.host.warn(f"has an {problem}")
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
            target = self.host.doc_link(href)
            if target is None:
                self.host.warn(
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
        catalogue = self.host.catalogue()
        entry = catalogue.entry(anchor)
        if not link.text and len(link) == 0:
            link.text = literal(anchor)
        classes = [*link.get("class", "").split(), "error-catalogue-ref"]
        if entry is None:
            close = catalogue.similar_anchors(anchor)
            hint = f"did you mean `{close[0]}`? " if close else ""
            advice = f"{hint}check the code, or add it to the catalogue"
            self.host.warn(f"links to unknown error code `{anchor}` (`error:{anchor}`): {advice}")
            link.tag = "span"
            link.attrib = {"class": " ".join([*classes, "error-catalogue-ref--unknown"])}
            if self.host.serving:  # said where the writer looks too, as a broken catalogue is
                link.set("title", f"Error catalogue: unknown error code {anchor}: {advice}")
            return
        link.set("href", self.host.entry_link(entry.anchor))  # a name's goes to the row too
        title = link.get("title") or plain_text(entry.message or entry.title_source)
        if entry.obsolete is not None:
            classes.append("error-catalogue-ref--obsolete")
            title = f"{self.renderer.labels.obsolete}: {title}"
        link.set("title", title)
        link.set("class", " ".join(classes))


def makeExtension(**kwargs: Any) -> ErrorCatalogueExtension:  # noqa: N802 - Markdown's API name
    """Entry point for `markdown_extensions: [error_catalogue]`."""
    return ErrorCatalogueExtension(**kwargs)
