"""Catalogue text to HTML: inline Markdown rendered, raw HTML shown as text.

Catalogue text is data written by many hands. Links, `code` and emphasis are rendered; HTML
tags and entities are shown literally; `${name}` placeholders become code; links to unsafe
schemes (`javascript:`…) become plain text.

Most catalogue text holds no Markdown at all: it is escaped directly, which is what keeps a
catalogue of ten thousand codes fast. Text with Markdown goes through a private Python-Markdown
instance once per distinct text; only texts with links are rendered again per page, because
where a link points depends on the page.
"""

from __future__ import annotations

import copy
import functools
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import urlsplit

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.serializers import to_html_string
from markdown.util import AMP_SUBSTITUTE, AtomicString

PLACEHOLDER_CLASS = "error-catalogue-placeholder"
ERROR_SCHEME = "error:"
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "error"})
# `<error:1004>`, like `<https://…>`: a link showing the code. Schemes ignore case.
_ERROR_AUTOLINK = r"<(?i:error):([^<>\s]+)>"

# Text without these has no inline Markdown: no emphasis, code, links, escapes, line breaks,
# autolinks (`<https://…>`) or automatic e-mail links (`<a@b.c>`).
_NEEDS_MARKDOWN = re.compile(r"[`*_\[\]!\\\n]|<(?:[A-Za-z][A-Za-z0-9+.-]*:|[^\s<>@]+@)")
PLACEHOLDER = re.compile(r"\$\{[^{}\s]+\}")

# Called with each link (`<a>`) of rendered text, to point it where it belongs on this page:
# it may change the element, and turn it into a `<span>` when the target does not exist.
LinkHook = Callable[[etree.Element], None]


def literal(text: str) -> AtomicString:
    """`text` to be shown exactly as written in an element tree, `&copy;` and `{…}` included.

    Markdown's serializer escapes `<` but keeps `&` when it starts an entity, so `&` is
    escaped here. `{` becomes the character reference `&#123;`, written with Markdown's own
    `&` stand-in that its last step turns back into `&`: so the site's `attr_list`, which reads
    even atomic text, never sees a brace and cannot turn `{: onclick=…}` into attributes.
    """
    return AtomicString(text.replace("&", "&amp;").replace("{", f"{AMP_SUBSTITUTE}#123;"))


def escape(text: str) -> str:
    """`text` as HTML character data, shown exactly as written."""
    return html.escape(text, quote=False)


def _placeholders_html(text: str) -> str:
    """Plain text with `${name}` placeholders as code: no Markdown needed.

    Escaping the whole text first changes no placeholder: the entities it writes hold no `$`,
    brace or space, so the same placeholders are found, their own `<` or `&` escaped.
    """
    return PLACEHOLDER.sub(_placeholder_code, escape(text))


def _placeholder_code(match: re.Match[str]) -> str:
    return f'<code class="{PLACEHOLDER_CLASS}">{match.group(0)}</code>'


class _PlaceholderProcessor(InlineProcessor):
    """`${name}` -> `<code class="error-catalogue-placeholder">${name}</code>`."""

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API name
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        code = etree.Element("code", {"class": PLACEHOLDER_CLASS})
        code.text = literal(m.group(0))
        return code, m.start(0), m.end(0)


def error_anchor(href: str) -> str | None:
    """The anchor of the entry an `error:` link points at (`ERROR:` too: URL schemes ignore
    case), or None for any other link."""
    scheme, colon, anchor = href.partition(":")
    return anchor if colon and scheme.lower() == ERROR_SCHEME[:-1] else None


class _ErrorAutolinkProcessor(InlineProcessor):
    """`<error:1004>` -> a link to the entry with the code as its text, as `[](error:1004)`."""

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API name
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        link = etree.Element("a", {"href": f"{ERROR_SCHEME}{m.group(1)}"})
        link.text = literal(m.group(1))
        return link, m.start(0), m.end(0)


class _Rendered:
    """One text rendered once: its elements, and their HTML when it holds no link."""

    def __init__(self, span: etree.Element) -> None:
        self.span = span
        self.has_links = span.find(".//a") is not None
        self.html = None if self.has_links else _inner_html(span)


class InlineRenderer:
    """Renders catalogue text to HTML; repeated texts are rendered once."""

    def __init__(self) -> None:
        md = markdown.Markdown()
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        md.inlinePatterns.register(
            _PlaceholderProcessor(PLACEHOLDER.pattern, md), "error_catalogue_placeholder", 185
        )
        register_error_autolinks(md)
        self._md = md
        self._cache: dict[str, _Rendered] = {}

    def html(self, text: str, link_hook: LinkHook | None = None) -> str:
        """`text` as an HTML fragment, each of its links passed through `link_hook`."""
        if not _NEEDS_MARKDOWN.search(text):
            return _placeholders_html(text) if "${" in text else escape(text)
        rendered = self._rendered(text)
        if rendered.html is not None:
            return rendered.html
        span = copy.deepcopy(rendered.span)
        if link_hook is not None:
            for link in span.iter("a"):
                link_hook(link)
        return _inner_html(span)

    def _rendered(self, text: str) -> _Rendered:
        rendered = self._cache.get(text)
        if rendered is None:
            rendered = self._cache[text] = _Rendered(self._render(text))
        return rendered

    def _render(self, text: str) -> etree.Element:
        root = etree.Element("div")
        span = etree.SubElement(root, "span")
        span.text = text
        self._md.treeprocessors["inline"].run(root)
        self._md.treeprocessors["unescape"].run(root)
        for element in span.iter():
            _make_inert(element)
        return span


def register_error_autolinks(md: markdown.Markdown) -> None:
    """Let `md` read `<error:1004>`: after `<https://…>` autolinks, before raw HTML (90)."""
    md.inlinePatterns.register(
        _ErrorAutolinkProcessor(_ERROR_AUTOLINK, md), "error_catalogue_autolink", 115
    )


def _inner_html(span: etree.Element) -> str:
    """The HTML inside `span`, final: Markdown's `&` stand-ins replaced."""
    outer = to_html_string(span)
    return outer[len("<span>") : -len("</span>")].replace(AMP_SUBSTITUTE, "&")


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
    if not _NEEDS_MARKDOWN.search(text):
        return text
    span = _shared_renderer()._rendered(text).span
    return html.unescape("".join(span.itertext()).replace(AMP_SUBSTITUTE, "&"))
