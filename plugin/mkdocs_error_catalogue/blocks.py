"""Catalogue text of kind `markdown` to HTML: paragraphs, lists and fenced code blocks.

The same promise as inline text (see `inline`): raw HTML and entities are shown as typed,
`${name}` placeholders are code, a link or image whose target is not allowed is plain text.
So the text goes through a private Python-Markdown instance, never the page's: the page's
other extensions (`md_in_html`, `attr_list`, snippets) would read catalogue text as
instructions, and `toc` would give its headings ids. Headings are demoted below the page's
own (a `#` heading becomes `top_level`) and get no id.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from .inline import LinkHook, make_inert, prepare_for_catalogue_text

BLOCK_CLASS = "error-catalogue-block"
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))


class _InertTreeprocessor(Treeprocessor):
    """After inline Markdown: strings frozen, unsafe links made text, headings demoted, and
    each link passed to the current link hook."""

    def __init__(self, md: markdown.Markdown, top_level: int) -> None:
        super().__init__(md)
        self.top_level = top_level
        self.link_hook: LinkHook | None = None
        self.saw_link = False

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            make_inert(element)
            if element.tag in _HEADINGS:
                element.tag = f"h{min(6, int(element.tag[1]) + self.top_level - 1)}"
                element.attrib.clear()
            elif element.tag == "a":
                self.saw_link = True
                if self.link_hook is not None:
                    self.link_hook(element)


class BlockRenderer:
    """Renders block Markdown; a text without links is rendered once."""

    def __init__(self, top_level: int = 3) -> None:
        md = markdown.Markdown(extensions=["fenced_code"])
        md.preprocessors.deregister("html_block")  # raw HTML blocks stay text
        prepare_for_catalogue_text(md)
        self._inert = _InertTreeprocessor(md, top_level)
        md.treeprocessors.register(self._inert, "error_catalogue_inert", 15)  # after inline (20)
        self._md = md
        self._cache: dict[str, str] = {}

    def html(self, text: str, link_hook: LinkHook | None = None) -> str:
        """`text` as HTML in a `div.error-catalogue-block`, each link passed through
        `link_hook` (where a link points depends on the page: such texts are not cached)."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        self._inert.link_hook, self._inert.saw_link = link_hook, False
        try:
            rendered = f'<div class="{BLOCK_CLASS}">{self._md.reset().convert(text)}</div>'
        finally:
            self._inert.link_hook = None
        if not self._inert.saw_link:
            self._cache[text] = rendered
        return rendered
