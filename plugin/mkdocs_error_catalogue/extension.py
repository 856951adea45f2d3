"""The Python-Markdown extension: replaces page markers with rendered catalogue tables.

    <!-- error-catalogue -->           every category, each under its own heading
    <!-- error-catalogue deposits -->  the table of one category, no heading

A marker must stand on a line of its own. Markers inside fenced code blocks are left alone, so
pages can document the syntax.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import ETX, STX, AtomicString

from .loading import load_catalogue
from .model import Catalogue
from .rendering import CatalogueRenderer, Labels

log = logging.getLogger(__name__)

MARKER = re.compile(r"^ {0,3}<!--\s*error-catalogue\b(?P<argument>.*?)-->\s*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_TOKEN = re.compile(rf"^{STX}error-catalogue:(?P<index>\d+){ETX}$")


# A marker asks for every category (None) or one; `line` is where it stood in the page.
@dataclass(frozen=True)
class Marker:
    category: str | None
    line: int


class _MarkerPreprocessor(Preprocessor):
    """Swaps each marker line for a token paragraph before the HTML-block pass stashes it."""

    def __init__(self, md: Markdown, markers: list[Marker]) -> None:
        super().__init__(md)
        self.markers = markers

    def run(self, lines: list[str]) -> list[str]:
        self.markers.clear()
        output: list[str] = []
        fence: str | None = None
        for number, line in enumerate(lines, start=1):
            fence = _next_fence_state(fence, line)
            match = MARKER.match(line) if fence is None else None
            if match is None:
                output.append(line)
                continue
            argument = match.group("argument").strip()
            self.markers.append(Marker(argument or None, number))
            output.extend(["", f"{STX}error-catalogue:{len(self.markers) - 1}{ETX}", ""])
        return output


def _next_fence_state(fence: str | None, line: str) -> str | None:
    """The open code fence after `line` (None outside fences); a fence closes on its own kind."""
    match = _FENCE.match(line)
    if match is None:
        return fence
    found = match.group("fence")
    if fence is None:
        return found
    closes = found[0] == fence[0] and len(found) >= len(fence) and not line.strip()[len(found) :]
    return None if closes else fence


class _MarkerBlockProcessor(BlockProcessor):
    """Replaces a token paragraph with the headings and tables its marker asked for."""

    def __init__(
        self, parser: BlockParser, extension: ErrorCatalogueExtension, markers: list[Marker]
    ) -> None:
        super().__init__(parser)
        self.extension = extension
        self.markers = markers

    def test(self, parent: etree.Element, block: str) -> bool:
        return _TOKEN.match(block.strip()) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = _TOKEN.match(blocks.pop(0).strip())
        assert match is not None  # test() accepted this block
        marker = self.markers[int(match.group("index"))]
        parent.extend(self.extension.render_marker(marker))
        return True


class ErrorCatalogueExtension(Extension):
    """Renders `<!-- error-catalogue … -->` markers from a catalogue folder or object."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "catalogue": ["catalogue", "Catalogue folder, or a loaded Catalogue object"],
            "labels": [{}, "Texts around the catalogue: column headings, badge, notes"],
        }
        super().__init__(**kwargs)
        # Told about unknown categories; the MkDocs plugin routes this to its own logger.
        self.warn: Callable[[str], None] = log.warning
        # Lines of the page file before the Markdown this extension sees (front matter), so
        # that reported line numbers are those of the file.
        self.line_offset = 0
        self._renderer: CatalogueRenderer | None = None

    @property
    def catalogue(self) -> Catalogue:
        value = self.getConfig("catalogue")
        return value if isinstance(value, Catalogue) else load_catalogue(Path(value))

    @property
    def renderer(self) -> CatalogueRenderer:
        if self._renderer is None:
            self._renderer = CatalogueRenderer(Labels(**self.getConfig("labels")))
        return self._renderer

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        markers: list[Marker] = []
        md.registerExtension(self)
        # After snippets (32) and whitespace normalising (30), before html_block (20).
        md.preprocessors.register(_MarkerPreprocessor(md, markers), "error_catalogue", 25)
        md.parser.blockprocessors.register(
            _MarkerBlockProcessor(md.parser, self, markers), "error_catalogue", 95
        )

    def render_marker(self, marker: Marker) -> list[etree.Element]:
        """The elements one marker stands for; a visible notice for an unknown category."""
        catalogue = self.catalogue
        if marker.category is None:
            return [
                element
                for category in catalogue.categories
                for element in self.renderer.section(category)
            ]
        category = catalogue.category(marker.category)
        if category is not None:
            return [self.renderer.table(category)]
        known = ", ".join(c.id for c in catalogue.categories)
        message = (
            f"line {marker.line + self.line_offset}: unknown error category `{marker.category}` in "
            f"`<!-- error-catalogue {marker.category} -->`; known categories: {known}"
        )
        self.warn(message)
        notice = etree.Element("p", {"class": "error-catalogue-problem"})
        notice.text = AtomicString(f"Error catalogue: {message}")
        return [notice]


def makeExtension(**kwargs: Any) -> ErrorCatalogueExtension:  # noqa: N802 - Markdown's API name
    """Entry point for `markdown_extensions: [error_catalogue]`."""
    return ErrorCatalogueExtension(**kwargs)
