"""Catalogue text to HTML elements: inline Markdown rendered, raw HTML shown as text.

Catalogue text is data written by many hands. Links, `code` and emphasis are rendered; HTML
tags and entities are shown literally; `${name}` placeholders become code; links to unsafe
schemes (`javascript:`…) lose their target. Every string left in the result is an
`AtomicString`, so the page's own Markdown pass (with whatever extensions the site enables,
such as `attr_list`) never re-reads it.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

PLACEHOLDER_CLASS = "error-catalogue-placeholder"
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "error"})

# Text without these characters has no inline Markdown in it and is taken as it is.
_NEEDS_MARKDOWN = re.compile(r"[`*_\[\]!<\\\n]|\$\{")
_PLACEHOLDER = r"\$\{[^{}\s]+\}"


class _PlaceholderProcessor(InlineProcessor):
    """`${name}` -> `<code class="error-catalogue-placeholder">${name}</code>`."""

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API name
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        code = etree.Element("code", {"class": PLACEHOLDER_CLASS})
        code.text = AtomicString(m.group(0))
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
            parent.text = AtomicString(text)
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
    """Freeze the element's strings and drop link targets with unsafe schemes."""
    if element.text:
        element.text = AtomicString(element.text)
    if element.tail:
        element.tail = AtomicString(element.tail)
    for attribute in ("href", "src"):
        target = element.get(attribute)
        if target is not None and urlsplit(target.strip()).scheme.lower() not in SAFE_SCHEMES:
            del element.attrib[attribute]
