"""A hand-written cell's HTML, as the catalogue writes what the page showed.

The page rendered `&copy;` as ©, `&lt;b&gt;` as <b> and `<b>x</b>` as bold; the plugin shows the
HTML and entities of catalogue text as typed (see `inline`). So the import writes what the page
showed: an entity as the character it stands for (backslash-escaped when Markdown would read it
as a mark: `&#42;` is `\\*`), and the tags with a Markdown form (`<b>`, `<strong>`, `<i>`,
`<em>`, `<code>`, `<a href>`) in that form. Code spans stay as they are: the page showed them
as typed too. Any other tag, and strikethrough inside a text, stays and is reported, since the
plugin will show it as typed. A heading, which the plugin shows as typed, becomes the text the
page showed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .inline import plain_text
from .markdown_syntax import CODE_SPAN, by_segment

_CODE_SPAN = re.compile(CODE_SPAN, re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INLINE_MARKS = frozenset("\\`*_[]")  # what inline Markdown (links, code, emphasis) reads
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_PART_STRUCK = re.compile(r"~~(?:(?!~~).)+~~", re.DOTALL)


def _replace_with(pattern: str, form: str) -> Callable[[str], str]:
    compiled = re.compile(pattern, re.IGNORECASE)
    return lambda text: compiled.sub(lambda match: form.format(**match.groupdict()), text)


# Only where the Markdown form reads the same: no marks of its own inside.
_MARKDOWN_FORMS = (
    _replace_with(r"<(?:b|strong)>(?P<inner>[^<>*_`]+)</(?:b|strong)>", "**{inner}**"),
    _replace_with(r"<(?:i|em)>(?P<inner>[^<>*_`]+)</(?:i|em)>", "*{inner}*"),
    _replace_with(r"<code>(?P<inner>[^<>`]+)</code>", "`{inner}`"),
    _replace_with(
        r"<a\s+href\s*=\s*\"(?P<href>[^\"<>\s()]+)\"\s*>(?P<inner>[^<>\[\]`]+)</a>",
        "[{inner}]({href})",
    ),
)


def catalogue_text(written: str) -> tuple[str, list[str]]:
    """`written`, a cell's text, as catalogue text; and what of it the plugin will still show
    as typed, each as a sentence for the import to report."""
    shown_as_typed: list[str] = []
    text = by_segment(
        written, _CODE_SPAN, lambda markup: _converted(markup, shown_as_typed), lambda span: span
    )
    return text, _notices(shown_as_typed, text)


def shown_title(written: str) -> str:
    """A heading's text as the page showed it: the plugin shows a title as typed, without
    Markdown, so its marks go and its entities become their characters."""
    return html.unescape(plain_text(written))


def _converted(markup: str, shown_as_typed: list[str]) -> str:
    """Text outside code spans: tags in their Markdown form, then entities decoded; the tags
    left are added to `shown_as_typed`."""
    for form in _MARKDOWN_FORMS:
        markup = form(markup)
    shown_as_typed += [tag.group() for tag in _TAG.finditer(markup)]
    return _ENTITY.sub(_character, markup)


def _character(entity: re.Match[str]) -> str:
    character = html.unescape(entity.group())
    if character == entity.group():  # not an entity HTML knows
        return character
    return "\\" + character if character in _INLINE_MARKS else character


def _notices(tags: list[str], text: str) -> list[str]:
    notices = []
    if tags:
        listed = ", ".join(f"`{tag}`" for tag in dict.fromkeys(tags))
        notices.append(
            f"holds HTML ({listed}), which the plugin shows as typed: "
            "write it as Markdown or as plain text"
        )
    if _PART_STRUCK.search(text):
        notices.append(
            "strikes through part of its text (`~~…~~`), which the plugin shows as typed: "
            "reword it, or mark the whole entry obsolete"
        )
    return notices
