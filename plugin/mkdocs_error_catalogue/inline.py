"""Catalogue text to HTML: inline Markdown rendered, raw HTML shown as text.

Catalogue text is data written by many hands. Links, `code` and emphasis are rendered; HTML
tags and entities are shown literally; `${name}` placeholders become code; a link or image
whose target is not relative, `http:`, `https:`, `mailto:` or `error:` becomes plain text (its
scheme read as a browser reads it: see `link_scheme`).

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
from collections.abc import Callable, Iterator
from html.entities import html5 as named_references
from pathlib import Path
from urllib.parse import unquote

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.serializers import to_html_string
from markdown.util import AMP_SUBSTITUTE, AtomicString

from .model import PLACEHOLDER, Catalogue, Entry
from .problems import Problem

PLACEHOLDER_CLASS = "error-catalogue-placeholder"
ERROR_SCHEME = "error:"
# The schemes a link or image in catalogue text may have (besides none: a relative link).
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "error"})
# A scheme, as the URL standard reads one at the start of a URL (after a `<`, which Markdown
# drops from `[x](<javascript:…>)`).
_SCHEME = re.compile(r"<?([A-Za-z][A-Za-z0-9+.-]*):")
# Dropped before the scheme is read: browsers drop tabs and newlines anywhere and controls and
# spaces at either end; any white space and control anywhere is dropped here, to be safe, and
# backslashes, which CommonMark drops from `javascript\:`.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\s\\]+")
# Where a link, image or autolink in Markdown starts its target, and the scheme it may have.
_TARGET_SCHEME = re.compile(r"(?:\]\(|<)<?([A-Za-z][A-Za-z0-9+.-]*):")
# A character reference, decimal, hexadecimal or named (no name is longer than 32 characters),
# with or without `;`.
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_DECODING_ROUNDS = 10  # `&amp;#106;`, `%2526`…: decoded until nothing changes, this often
# `<error:1004>`, like `<https://…>`: a link showing the code. Schemes ignore case.
_ERROR_AUTOLINK = r"<(?i:error):([^<>\s]+)>"

# Text without these has no inline Markdown: no emphasis, code, links, escapes, line breaks,
# autolinks (`<https://…>`) or automatic e-mail links (`<a@b.c>`).
_NEEDS_MARKDOWN = re.compile(r"[`*_\[\]!\\\n]|<(?:[A-Za-z][A-Za-z0-9+.-]*:|[^\s<>@]+@)")

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
    """One text rendered once: its elements, their HTML when it holds no link, and the targets
    of the links and images that were not allowed (shown as text)."""

    def __init__(self, span: etree.Element, refused: tuple[str, ...]) -> None:
        self.span = span
        self.refused = refused
        self.has_links = span.find(".//a") is not None
        self.html = None if self.has_links else _inner_html(span)


class InlineRenderer:
    """Renders catalogue text to HTML; repeated texts are rendered once."""

    def __init__(self) -> None:
        md = markdown.Markdown()
        prepare_for_catalogue_text(md)
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
            rendered = self._cache[text] = _Rendered(*self._render(text))
        return rendered

    def _render(self, text: str) -> tuple[etree.Element, tuple[str, ...]]:
        root = etree.Element("div")
        span = etree.SubElement(root, "span")
        span.text = text
        self._md.treeprocessors["inline"].run(root)
        self._md.treeprocessors["unescape"].run(root)
        removed = [make_inert(element) for element in span.iter()]
        return span, tuple(target for target in removed if target is not None)


def prepare_for_catalogue_text(md: markdown.Markdown) -> None:
    """Make `md` read catalogue text: raw HTML and entities shown as typed (not read),
    `${name}` placeholders as code, `<error:1004>` autolinks."""
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("entity")
    md.inlinePatterns.register(
        _PlaceholderProcessor(PLACEHOLDER.pattern, md), "error_catalogue_placeholder", 185
    )
    register_error_autolinks(md)


def register_error_autolinks(md: markdown.Markdown) -> None:
    """Let `md` read `<error:1004>`: after `<https://…>` autolinks, before raw HTML (90)."""
    md.inlinePatterns.register(
        _ErrorAutolinkProcessor(_ERROR_AUTOLINK, md), "error_catalogue_autolink", 115
    )


def _inner_html(span: etree.Element) -> str:
    """The HTML inside `span`, final: Markdown's `&` stand-ins replaced."""
    outer = to_html_string(span)
    return outer[len("<span>") : -len("</span>")].replace(AMP_SUBSTITUTE, "&")


def link_scheme(target: str) -> str | None:
    """The scheme (lower case) that a browser could read in the link target `target`, as
    written in HTML (Markdown's `&` stand-in too: `<a@b.c>` hides the address in character
    references); None when it has none (a relative link).

    Decode first, then read: character references (`&#106;`, `&#x6A;`, `&colon;`, `&#58`,
    with or without `;`) and percent-escapes are decoded until nothing changes, and white
    space and controls are dropped (`java\tscript:` is `javascript:` to a browser). Decoding
    more than a browser does can only find a scheme it would not (a link then shown as text),
    never miss one it would run.
    """
    scheme = _SCHEME.match(_decoded(target))
    return scheme.group(1).lower() if scheme else None


def _decoded(text: str) -> str:
    """`text` with references and percent-escapes decoded, white space and controls dropped."""
    decoded = text.replace(AMP_SUBSTITUTE, "&")
    for _ in range(_DECODING_ROUNDS):
        previous, decoded = decoded, unquote(_REFERENCE.sub(_referenced, decoded))
        if decoded == previous:
            break
    return _IGNORED_IN_URL.sub("", decoded)


def _referenced(match: re.Match[str]) -> str:
    """The character(s) a reference stands for; a named one without `;` too (which browsers
    decode in text, and in attributes for some names)."""
    reference = match.group(0)
    if reference.startswith("&#"):
        hexadecimal = reference[2:3] in ("x", "X")
        digits = reference[3 if hexadecimal else 2 :].removesuffix(";").lstrip("0") or "0"
        if len(digits) > 7:  # far beyond Unicode (and `int` refuses thousands of digits)
            return "\ufffd"
        return html.unescape(f"&#{'x' if hexadecimal else ''}{digits};")
    name = reference[1:].removesuffix(";")
    if f"{name};" in named_references:
        return named_references[f"{name};"]
    for length in range(len(name) - 1, 0, -1):  # `&colonalert`: the longest name that is one
        character = named_references.get(f"{name[:length]};")
        if character is not None:
            return character + reference[1 + length :]  # the rest, and its `;`
    return reference


def allowed_target(target: str) -> bool:
    """Whether a link or image in catalogue text may point at `target` (see `SAFE_SCHEMES`)."""
    scheme = link_scheme(target)
    return scheme is None or scheme in SAFE_SCHEMES


def make_inert(element: etree.Element) -> str | None:
    """Freeze the element's strings; a link or image with a target that is not allowed becomes
    plain text, and its target is returned."""
    if element.text and not isinstance(element.text, AtomicString):
        element.text = literal(element.text)  # code spans are atomic and escaped already
    if element.tail:
        element.tail = literal(element.tail)
    attribute = "href" if element.tag == "a" else "src"
    target = element.get(attribute)
    if target is None:
        return None
    if allowed_target(target):
        return None
    # MkDocs expects every link to have a target, so the element itself goes.
    text = element.get("alt", "") if element.tag == "img" else element.text
    element.tag = "span"
    element.attrib.clear()
    element.text = literal(text or "")
    return target


@functools.cache
def _shared_renderer() -> InlineRenderer:
    return InlineRenderer()


def plain_text(text: str) -> str:
    """What a reader sees of `text` once rendered: Markdown marks gone, HTML shown as text."""
    if not _NEEDS_MARKDOWN.search(text):
        return text
    span = _shared_renderer()._rendered(text).span
    return html.unescape("".join(span.itertext()).replace(AMP_SUBSTITUTE, "&"))


def refused_targets(text: str) -> tuple[str, ...]:
    """The targets of the links and images in `text` that are shown as text, not followed.

    Only a text that may hold one is rendered (the build renders each text anyway, but with its
    own renderer). Markdown makes links and images of `](` and autolinks of `<` only; and
    decoded as a whole, such a text has a scheme that is not allowed after a `](` or `<`:
    decoding never removes either, and Markdown takes a link's target from what follows them
    (its wrapping `<…>`, escapes and code spans only ever hide a scheme)."""
    if "](" not in text and "<" not in text:
        return ()
    schemes = (match.group(1).lower() for match in _TARGET_SCHEME.finditer(_decoded(text)))
    if all(scheme in SAFE_SCHEMES for scheme in schemes):
        return ()
    return _shared_renderer()._rendered(text).refused


def refused_link_problems(catalogue: Catalogue) -> list[Problem]:
    """Each link or image of the catalogue's texts that is shown as text, since its target is
    not allowed: for `check` to report and the build to warn of (it fails `--strict`)."""
    problems = []
    for category in catalogue.categories:
        for target in refused_targets(category.description or ""):
            line = _key_line(category.path, "description")
            problems.append(Problem(category.path, line, _refused("the `description`", target)))
        for entry in category.entries:
            for field, text in _entry_texts(entry):
                problems += [
                    Problem(
                        category.path, entry.line, _refused(f"{field} of error {entry.anchor}", t)
                    )
                    for t in refused_targets(text)
                ]
    return problems


def _refused(where: str, target: str) -> str:
    return (
        f"{where} links to `{target}`, which is shown as text, not as a link: links and "
        "images in catalogue text may be relative (to the docs folder) or use http:, https:, "
        "mailto: or error: (schemes such as javascript: or data: could run script)"
    )


def _entry_texts(entry: Entry) -> Iterator[tuple[str, str]]:
    """(field, text) of each text of `entry` that shows inline Markdown."""
    yield "the `scenario`", entry.scenario
    yield "the `message`", entry.message
    for action in entry.user_actions:
        yield "a user action", action
    for action in entry.developer_actions:
        yield "a developer action", action
    if entry.obsolete is not None and entry.obsolete.reason is not None:
        yield "the obsolete `reason`", entry.obsolete.reason


def _key_line(path: Path, key: str) -> int | None:
    """The line of the top-level `key:` in the category file at `path`, if it can be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), None)
