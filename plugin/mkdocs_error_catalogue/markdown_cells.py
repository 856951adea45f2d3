"""How `export --format markdown` writes catalogue values into a page, and how they read back.

The export writes each category as its heading, the comment `<!-- exported by
error-catalogue -->`, the description's lines, and a table. The comment holds, as
JSON after a colon, what the page does not show: `{"description_lines": 2}` (the lines under the
comment that are the description), `"range"` when it is not the codes' block of a thousand (or
`null` when the category has none) and `"title"` when the heading cannot hold it. A table under
that comment is read with the `read_*` functions here, which undo the writing functions exactly;
a table without it is hand-written and read by `importing`'s rules for what people write.

A text (scenario, message, action, `since` and `reason`) is written so that a generator shows
what the plugin shows, raw HTML as text, and reads back exactly:

- with `<br>` for a line break; `<br/>` separates actions and comes before the obsolete note;
- outside code spans and autolinks, with `&amp;` for `&`, `&lt;` for `<` and `&#123;` for a `{`
  that is not a `${placeholder}`'s, so that no tag, entity or `attr_list` `{: …}` acts; with
  `](#1004` for a link target `](error:1004` (the row's anchor), `](&#35;` for a target `](#`,
  and `<a href="#1004">1004</a>` for `[](error:1004)`, which shows the code (`<a href='#1004'>`,
  in single quotes, for the autolink `<error:1004>`); with `&#93;(` for the `](` of a link or
  image whose target the plugin does not allow (`javascript:`…, see `inline.allowed_target`),
  so that it shows as text; with `<code>${name}</code>` for a
  placeholder whose name is letters, digits, `_`, `.` and `-`, shown as code as the plugin does;
- inside code spans and autolinks, which show their text as it is, with `&lt;br` for `<br` and
  `&amp;` for a `&` that starts `&amp;`, `&lt;` or `&#` digits `;`;
- with white space at either end as a reference (`&#32;`), since cells are trimmed;
- in a cell, with `\\|` for `|`.

So these references, tags and targets are the only ones read back. A title, which the plugin
shows as typed, has every character that Markdown or HTML reads written as a reference. A
description is written with the same escapes, its line breaks kept and each line's indent and
block mark (`#`, `-`, `1.`, `>`, `|`, a fence…) as references, so that it shows as paragraphs,
as the plugin shows it.

An obsolete row has `:no_entry:` and a badge in its code cell, every text struck through once
(`~~text~~`) and, under its scenario, the note `**Obsolete since S.** R Replaced by [C](#C).`
(linked to C's row), whose `S` writes a `.` before `**` as `&#46;` and whose `R` writes
`Replaced by` as `Replaced&#32;by`, so the note reads one way only. A code cell starts with the
entry's anchor (`<a id="1004"></a>`); a text code that reads as a number is in backticks. An
action list that is the one action `-` is `&#45;`, since `-` is no actions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from .inline import allowed_target
from .markdown_syntax import CODE_SPAN, by_segment
from .model import Code, Entry, Obsolete
from .validation import PLAIN_NUMBER, SLUG, SLUG_PATTERN, whole_number

LINE_BREAK = "<br/>"
NEWLINE = "<br>"
NO_ACTIONS = "-"
NO_CODE = "-"
OBSOLETE_MARK = ":no_entry: "
OBSOLETE_BADGE = f" <small>{LINE_BREAK}`Obsolete`</small>"
COMMENT = "exported by error-catalogue"

_COMMENT = re.compile(rf" {{0,3}}<!-- {re.escape(COMMENT)}(?:: (?P<data>\{{.*\}}))? -->\s*")
# Shown as written by any generator: code spans, and the autolinks that both Python-Markdown
# and CommonMark read as links and the plugin keeps (`http` and `https` URLs, e-mail addresses
# by CommonMark's rules). Any other `<scheme://…>` is escaped: CommonMark would link it, and
# Python-Markdown pass it on as a tag (`<ab://x/onmouseover=…>`).
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_VERBATIM = re.compile(
    rf"{CODE_SPAN}"
    r"|<(?i:https?)://[^<>\s]*>"
    rf"|<[A-Za-z0-9.#$%&'*+/=?^_`{{|}}~-]+@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*>",
    re.DOTALL,
)
_TARGET_END = re.compile(r"\)|\]\(")
_VERBATIM_ESCAPE = re.compile(r"&(?=amp;|lt;|#[0-9]+;)|<br|\n")
_PLACEHOLDER_NAME = r"[A-Za-z0-9_.-]+"
# What the export writes as HTML, as the plugin shows it: (in the catalogue, as written), each
# formatted with the one value its group of `_MARKUP_ESCAPE` and `_MARKUP_UNESCAPE` finds.
_HTML_FORMS = {
    "code": ("[](error:{0})", '<a href="#{0}">{0}</a>'),  # a link showing the code
    "autolink": ("<error:{0}>", "<a href='#{0}'>{0}</a>"),  # the same, as an autolink
    "placeholder": ("${{{0}}}", "<code>${{{0}}}</code>"),
}
_MARKUP_ESCAPE = re.compile(  # outside code spans and autolinks
    rf"\[\]\(error:(?P<code>{SLUG_PATTERN})\)"
    rf"|<error:(?P<autolink>{SLUG_PATTERN})>"
    rf"|\$\{{(?P<placeholder>{_PLACEHOLDER_NAME})\}}"
    r"|\]\((?:error:|#)?"  # a link target
    r"|[&<\n]|(?<!\$)\{|\{(?![^{}\s]+\})"  # a `{` that is not a `${name}`'s
)
_ESCAPES = {
    "&": "&amp;",
    "<br": "&lt;br",
    "<": "&lt;",
    "{": "&#123;",
    "\n": NEWLINE,
    "](error:": "](#",
    "](#": "](&#35;",
}
_UNESCAPE = re.compile(r"&amp;|&lt;|&#(?P<number>[0-9]{1,7});|<br>")  # at most U+10FFFF
_MARKUP_UNESCAPE = re.compile(
    rf'<a href="#(?P<code>{SLUG_PATTERN})">(?P=code)</a>'
    rf"|<a href='#(?P<autolink>{SLUG_PATTERN})'>(?P=autolink)</a>"
    rf"|<code>\$\{{(?P<placeholder>{_PLACEHOLDER_NAME})\}}</code>"
    rf"|\]\(#|{_UNESCAPE.pattern}"
)
_UNESCAPES = {"&amp;": "&", "&lt;": "<", NEWLINE: "\n", "](#": "](error:"}
_EDGES = re.compile(r"\A\s+|\s+\Z")  # what str.strip() removes
_TITLE_MARKS = re.compile(r"[&<{\\`*_\[\]!~]")
# What starts a block at the start of a line, after its indent: ATX heading, list item, quote,
# table row or delimiter row, thematic break or setext underline, code fence, link reference
# definition or footnote, and Python-Markdown's admonition, details, definition and abbreviation.
_BLOCK_START = re.compile(
    r"(?:#{1,6}|[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)|[>|]|:?-+:?[ \t]*\|"
    r"|([-*_=])(?:[ \t]*\1)+[ \t]*$|`{3,}|~{3,}|\[[^\]]*\]:|!!!|\?\?\?|:[ \t]|\*\["
)
_SINCE_END = re.compile(r"\.(?=\*\*)")
_NOTE = re.compile(
    r"\*\*Obsolete(?: since (?P<since>.*?))?\.\*\*(?: (?P<reason>.+?))??"
    rf"(?: Replaced by (?:\[(?P<linked>{SLUG_PATTERN})\]\(#(?P=linked)\)"
    r"|(?P<replaced_by>\S+))\.)?"  # unlinked in exports written before rows had anchors
)
_ANCHOR = re.compile(r'<a id="(?P<id>[^"]*)"></a>')
_QUOTED_CODE = re.compile(r"`(?P<code>[^`]+)`")


# ---------------------------------------------------------------------------------------------
# The comment under each heading


@dataclass(frozen=True)
class Carried:
    """What a category's comment holds that its heading and table do not show."""

    description_lines: int = 0
    title: str | None = None
    range: tuple[int, int] | None = None
    has_range: bool = False  # `range` is given; None then means the category has none


_CHECKS: dict[str, Callable[[object], bool]] = {
    "description_lines": lambda value: type(value) is int and value > 0,
    "title": lambda value: isinstance(value, str),
    "range": lambda value: (
        value is None
        or (isinstance(value, list) and len(value) == 2 and all(type(n) is int for n in value))
    ),
}


def comment(carried: Carried) -> str:
    """The comment line; `>` in JSON text is `\\u003e`, so that no `-->` ends it early."""
    data: dict[str, object] = {}
    if carried.description_lines:
        data["description_lines"] = carried.description_lines
    if carried.title is not None:
        data["title"] = carried.title
    if carried.has_range:
        data["range"] = None if carried.range is None else list(carried.range)
    if not data:
        return f"<!-- {COMMENT} -->"
    dumped = json.dumps(data, ensure_ascii=False).replace(">", "\\u003e")
    return f"<!-- {COMMENT}: {dumped} -->"


def read_comment(line: str) -> Carried | None:
    """The comment's values; None when `line` is not the comment, ValueError when it is broken."""
    match = _COMMENT.fullmatch(line)
    if match is None:
        return None
    try:
        data = json.loads(match.group("data") or "{}")
    except json.JSONDecodeError as error:
        raise ValueError(f"is not valid JSON ({error})") from None
    if not isinstance(data, dict) or not all(
        key in _CHECKS and _CHECKS[key](value) for key, value in data.items()
    ):
        raise ValueError(
            'holds values other than "description_lines" (a count), "title" (a text) '
            'and "range" ([low, high] or null)'
        )
    bounds = data.get("range")
    return Carried(
        description_lines=data.get("description_lines", 0),
        title=data.get("title"),
        range=None if bounds is None else (bounds[0], bounds[1]),
        has_range="range" in data,
    )


# ---------------------------------------------------------------------------------------------
# Texts


def text(value: str) -> str:
    """`value` on one line, as a heading or a cell holds it (see the module docstring)."""
    escaped = _escaped(value, NEWLINE)
    return _EDGES.sub(lambda match: _references(match.group()), escaped)


def title(value: str) -> str:
    """`value` as a heading shows it as typed, as the plugin shows a title: every character
    that Markdown or HTML would read (`*`, `` ` ``, `[`, `<`, `&`…) as a reference."""
    escaped = _TITLE_MARKS.sub(lambda match: _references(match.group()), value)
    return _EDGES.sub(lambda match: _references(match.group()), escaped.replace("\n", NEWLINE))


def description(value: str) -> str:
    """`value` escaped as a text, its line breaks kept, and each line's indent and block mark as
    references: the plugin shows a description as paragraphs of inline text, so no line may
    start a heading, list, quote, code block or table. `read_text` reads it back."""
    return "\n".join(map(_inline_line, _escaped(value, "\n").split("\n")))


def _inline_line(line: str) -> str:
    text = line.lstrip(" \t")
    indent = line[: len(line) - len(text)]
    mark = text[:1] if _BLOCK_START.match(text) else ""
    return _references(indent + mark) + text[len(mark) :]


def _references(characters: str) -> str:
    """Each character as a numeric character reference, which `read_text` reads back."""
    return "".join(f"&#{ord(c)};" for c in characters)


def _escaped(value: str, line_break: str) -> str:
    """`value` with the escapes of the module docstring; the `\\n` line breaks as `line_break`."""

    def escape(match: re.Match[str]) -> str:
        found = match.group()
        if found == "\n":
            return line_break
        if found == "](":
            return found if allowed_target(_target_start(match)) else "&#93;("
        form = _html_form(match)
        return _ESCAPES[found] if form is None else form[1]

    return by_segment(
        value,
        _VERBATIM,
        lambda markup: _MARKUP_ESCAPE.sub(escape, markup),
        lambda verbatim: _VERBATIM_ESCAPE.sub(escape, verbatim),
    )


def _target_start(link: re.Match[str]) -> str:
    """What follows the `](` that `link` found, up to the next `)` or `](`: enough to hold the
    target's scheme, which neither character can be part of (and each character of a text is
    then decoded once, however many `](` it holds)."""
    end = _TARGET_END.search(link.string, link.end())
    return link.string[link.end() : None if end is None else end.start()]


def read_text(written: str) -> str:
    """The text that `text` or `description` wrote as `written`.

    Writing changes no backtick, backslash or autolink, so `written` falls into the same code
    spans and autolinks as the text did."""
    return by_segment(
        written,
        _VERBATIM,
        lambda markup: _MARKUP_UNESCAPE.sub(_unescape, markup),
        lambda verbatim: _UNESCAPE.sub(_unescape, verbatim),
    )


def _html_form(match: re.Match[str]) -> tuple[str, str] | None:
    """(in the catalogue, as written) of the `_HTML_FORMS` construct `match` found, if any."""
    for name, forms in _HTML_FORMS.items():
        value = match.groupdict().get(name)
        if value is not None:
            return forms[0].format(value), forms[1].format(value)
    return None


def _unescape(match: re.Match[str]) -> str:
    form = _html_form(match)
    if form is not None:
        return form[0]
    number = match.groupdict().get("number")
    if number is None:
        return _UNESCAPES[match.group()]
    value = int(number)
    return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else match.group()


def cell(value: str) -> str:
    """`text(value)` with its pipes escaped: `importing.split_cells` unescapes them."""
    return text(value).replace("|", "\\|")


def strike(written: str, struck: bool) -> str:
    return f"~~{written}~~" if struck else written


def unstrike(written: str, struck: bool) -> str:
    """`written` without the one strikethrough `strike` put around it when `struck`."""
    wrapped = struck and len(written) >= 4 and written.startswith("~~") and written.endswith("~~")
    return written[2:-2] if wrapped else written


# ---------------------------------------------------------------------------------------------
# Cells of a row


def row_cells(entry: Entry) -> list[str]:
    """The five cells of `entry`'s row."""
    struck = entry.obsolete is not None
    return [
        code_cell(entry),
        scenario_cell(entry),
        strike(cell(entry.message), struck),
        actions_cell(entry.user_actions, struck),
        actions_cell(entry.developer_actions, struck),
    ]


def code_cell(entry: Entry) -> str:
    """The entry's anchor, `<a id="1004"></a>`, so that a link can land on the row in any
    generator, then the code (in backticks when a text code reads as a number) or `-` for an
    entry with an id; obsolete, struck between `:no_entry:` and the badge."""
    if entry.code is None:
        shown = "-"
    elif isinstance(entry.code, str) and PLAIN_NUMBER.match(entry.code):
        shown = f"`{entry.code}`"
    else:
        shown = str(entry.code)
    written = f'<a id="{entry.anchor}"></a>{shown}'
    if entry.obsolete is None:
        return written
    return f"{OBSOLETE_MARK}{strike(written, True)}{OBSOLETE_BADGE}"


def read_code(written: str) -> tuple[Code | None, str | None, bool]:
    """(code, id, obsolete) of a code cell; ValueError when it holds neither a code nor an id.

    The anchor before a code is the code's own: it is not read (exports made before it was
    written have none)."""
    obsolete = written.startswith(OBSOLETE_MARK)
    body = unstrike(written.removeprefix(OBSOLETE_MARK).removesuffix(OBSOLETE_BADGE), obsolete)
    anchor = _ANCHOR.match(body)
    shown = body[anchor.end() :] if anchor else body
    if anchor is not None and shown == NO_CODE:
        return None, anchor.group("id"), obsolete
    quoted = _QUOTED_CODE.fullmatch(shown)
    code = quoted.group("code") if quoted else shown
    if not SLUG.match(code):
        raise ValueError(f"the code cell `{written}` holds no code")
    number = None if quoted else whole_number(code)
    return (code if number is None else number), None, obsolete


def scenario_cell(entry: Entry) -> str:
    """The scenario; obsolete, struck, then the note of the obsolete details it has."""
    if entry.obsolete is None:
        return cell(entry.scenario)
    written = strike(cell(entry.scenario), True)
    if entry.obsolete == Obsolete():
        return written
    return written + LINE_BREAK + _note(entry.obsolete)


def read_scenario(written: str, obsolete: bool) -> tuple[str, Obsolete | None]:
    """The scenario and, in an obsolete row, the obsolete details of its note."""
    if not obsolete:
        return read_text(written), None
    scenario, _, note = written.partition(LINE_BREAK)
    return read_text(unstrike(scenario, True)), _read_note(note)


def _note(obsolete: Obsolete) -> str:
    since = "" if obsolete.since is None else " since " + cell(obsolete.since)
    parts = [f"**Obsolete{_SINCE_END.sub('&#46;', since)}.**"]
    if obsolete.reason is not None:
        parts.append(cell(obsolete.reason).replace("Replaced by", "Replaced&#32;by"))
    if obsolete.replaced_by is not None:
        parts.append(f"Replaced by [{obsolete.replaced_by}](#{obsolete.replaced_by}).")
    return " ".join(parts)


def _read_note(note: str) -> Obsolete:
    if not note:
        return Obsolete()
    match = _NOTE.fullmatch(note)
    if match is None:
        raise ValueError(f"the obsolete note `{note}` is not as the export writes it")
    since, reason = match.group("since", "reason")
    return Obsolete(
        since=None if since is None else read_text(since),
        reason=None if reason is None else read_text(reason),
        replaced_by=match.group("linked") or match.group("replaced_by"),
    )


def read_message(written: str, obsolete: bool) -> str:
    return read_text(unstrike(written, obsolete))


def actions_cell(actions: tuple[str, ...], struck: bool) -> str:
    """The actions separated by `<br/>`; `-` for none."""
    if not actions:
        return NO_ACTIONS
    written = LINE_BREAK.join(strike(cell(action), struck) for action in actions)
    return "&#45;" if written == NO_ACTIONS else written


def read_actions(written: str, struck: bool) -> tuple[str, ...]:
    if written == NO_ACTIONS:
        return ()
    return tuple(read_text(unstrike(item, struck)) for item in written.split(LINE_BREAK))
