"""A Markdown extension that converts text with a Markdown instance of its own during the
page's conversion, as mkdocstrings does for docstrings: `!nested TEXT` becomes that text
converted with the same extensions as the page (its own instances, as mkdocstrings passes
MkDocs' `markdown_extensions`)."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor


class _NestedProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("!nested ")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        text = blocks.pop(0)[len("!nested ") :]
        html = Markdown(extensions=list(self.parser.md.registeredExtensions)).convert(text)
        element = etree.SubElement(parent, "div", {"class": "nested"})
        element.text = self.parser.md.htmlStash.store(html)


class NestedConversionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.registerExtension(self)
        md.parser.blockprocessors.register(_NestedProcessor(md.parser), "nested", 100)


def makeExtension(**kwargs: Any) -> NestedConversionExtension:  # noqa: N802 - Markdown's API
    return NestedConversionExtension(**kwargs)
