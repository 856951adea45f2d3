"""Catalogue text to HTML elements: inline Markdown rendered, raw HTML shown as text.

Catalogue text is data written by many hands. Links, `code` and emphasis are rendered; HTML
tags and entities are shown literally; `${name}` placeholders become code; links to unsafe
schemes (`javascript:`…) become plain text. Every string left in the result is an
`AtomicString`, so the page's inline patterns never re-read it, and holds no `{`, so the
site's `attr_list` (which reads even atomic text) cannot turn `{: onclick=…}` or `{minPrice}`
into attributes.
"""

from __future__ import annotations

import copy
import functools
import html
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AMP_SUBSTITUTE, AtomicString

PLACEHOLDER_CLASS = "error-catalogue-placeholder"
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "error"})

# Text without these characters has no inline Markdown in it and is taken as it is.
_NEEDS_MARKDOWN = re.compile(r"[`*_\[\]!<\\\n]|\$\{")
_PLACEHOLDER = r"\$\{[^{}\s]+\}"


def literal(text: str) -> AtomicString:
    """`text` to be shown exactly as written, `&copy;`-like entities and `{…}` included.

    Markdown's serializer escapes `<` but keeps `&` when it starts an entity, so `&` is
    escaped here. `{` becomes the character reference `&#123;`, written with Markdown's own
    `&` stand-in that its last step turns back into `&`: no tree processor sees a brace.
    """
    return AtomicString(text.replace("&", "&amp;").replace("{", f"{AMP_SUBSTITUTE}#123;"))


class _PlaceholderProcessor(InlineProcessor):
    """`${name}` -> `<code class="error-catalogue-placeholder">${name}</code>`."""

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API name
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        code = etree.Element("code", {"class": PLACEHOLDER_CLASS})
        code.text = literal(m.group(0))
        return code, m.start(0), m.end(0)


class InlineRenderer:
    """Renders catalogue text into elements; repeated texts are rendered once."""

    def __init__(self) -> None:
        md = markdown.Markdown()
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        md.inlinePatterns.register(
            _PlaceholderProcessor(_PLACEHOLDER, md), "error_catalogue_placeholder", 185
        )
        self._md = md
        self._cache: dict[str, etree.Element] = {}

    def fill(self, parent: etree.Element, text: str) -> etree.Element:
        """Put the rendered `text` into the empty element `parent`, and return `parent`."""
        if not _NEEDS_MARKDOWN.search(text):
            parent.text = literal(text)
            return parent
        rendered = self._cache.get(text)
        if rendered is None:
            rendered = self._cache[text] = self._render(text)
        parent.text = rendered.text
        parent.extend(copy.deepcopy(child) for child in rendered)
        return parent

    def _render(self, text: str) -> etree.Element:
        root = etree.Element("div")
        span = etree.SubElement(root, "span")
        span.text = text
        self._md.treeprocessors["inline"].run(root)
        self._md.treeprocessors["unescape"].run(root)
        for element in span.iter():
            _make_inert(element)
        return span


def _make_inert(element: etree.Element) -> None:
    """Freeze the element's strings; a link or image with an unsafe target becomes plain text."""
    if element.text and not isinstance(element.text, AtomicString):
        element.text = literal(element.text)  # code spans are atomic and escaped already
    if element.tail:
        element.tail = literal(element.tail)
    target = element.get("href" if element.tag == "a" else "src")
    if target is not None and urlsplit(target.strip()).scheme.lower() not in SAFE_SCHEMES:
        # MkDocs expects every link to have a target, so the element itself goes.
        text = element.get("alt", "") if element.tag == "img" else element.text
        element.tag = "span"
        element.attrib.clear()
        element.text = literal(text or "")


@functools.cache
def _shared_renderer() -> InlineRenderer:
    return InlineRenderer()


def plain_text(text: str) -> str:
    """What a reader sees of `text` once rendered: Markdown marks gone, HTML shown as text."""
    element = _shared_renderer().fill(etree.Element("span"), text)
    return html.unescape("".join(element.itertext()).replace(AMP_SUBSTITUTE, "&"))
