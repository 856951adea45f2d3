"""Hand-written Markdown error tables to catalogue categories, and the page to one with markers.

`import_page` reads a page and returns data: one `Category` per error table (titled by the
heading above it) and the page text with each imported table replaced by its marker.
`category_yaml` and `write_categories` turn the categories into catalogue files.

What writers actually put in their tables is kept: inline Markdown and any language survive as
written; `\\|` becomes `|`; HTML becomes what the page showed (`cell_html`), and what the plugin
would still show otherwise is reported as a `Notice`. Columns are matched by position (code,
scenario, message, user actions, developer actions), so a translated page imports too. A table
that cannot be imported whole is skipped with its line and the reason, never half-imported.

A table that `export --format markdown` wrote stands under its comment `<!-- exported by
error-catalogue … -->`: it is read exactly as written (`markdown_cells`), with the description
and whatever else the comment holds, so that importing an export gives the same catalogue. The
comment, the description's lines and the table are replaced by the marker.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .cell_html import catalogue_text, shown_title
from .loading import load_catalogue
from .locking import lock_path
from .markdown_cells import (
    COMMENT,
    Carried,
    read_actions,
    read_code,
    read_comment,
    read_message,
    read_scenario,
    read_text,
)
from .markdown_syntax import ATX_HEADING, heading_id, read_heading, split_heading_id
from .markers import next_fence_state
from .model import Category, Code, Entry, Obsolete, thousands_block
from .problems import CatalogueError, Problem, display_path
from .validation import SLUG, SLUG_PATTERN, YAML_12_NUMBER, whole_number

COLUMNS = 5
COLUMN_NAMES = "code, scenario, message, user actions, developer actions"
MARKER_LINE = "<!-- error-catalogue {} -->"

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_ROW = re.compile(r" {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)\s*")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)

# A cell that says "nothing here": empty, a dash, or N/A.
_NOTHING = re.compile(r"(?:-+|\u2013|\u2014|n/?a)?", re.IGNORECASE)  # -, en/em dash, N/A
# A cell wholly struck through: ~~text~~, <del>, <s> or <strike>.
_STRUCK = re.compile(
    r"\s*(?:~~(?P<tilde>(?:(?!~~).)+)~~"
    r"|<(?P<tag>del|s|strike)>(?P<html>(?:(?!</?(?P=tag)>).)+)</(?P=tag)>)\s*",
    re.IGNORECASE | re.DOTALL,
)
# Obsolete marks of a code cell: the emoji (as a shortcode or itself) and the badge in its
# usual spellings: `Obsolete`, **OBSOLETE**, (obsolete), [Obsolete], <Badge text="Obsolete"/>…
_NO_ENTRY = re.compile(r":no_entry(?:_sign)?:|\u26d4|\U0001f6ab")
_BADGE = re.compile(
    r"<Badge\b[^>]*\bobsolete\b[^>]*>(?:\s*</Badge>)?|[`*_\[(]*\bobsolete\b[`*_\])]*",
    re.IGNORECASE,
)
_ANCHOR = re.compile(
    r"<(?P<tag>a|span)\s+(?:id|name)\s*=\s*[\"'](?P<id>[^\"']*)[\"']\s*/?>\s*(?:</(?P=tag)>)?",
    re.IGNORECASE,
)
_EMPTY_HTML = re.compile(r"<(\w+)[^<>]*>\s*</\1>|<br\s*/?>", re.IGNORECASE)
# The note `markdown_export` writes under an obsolete scenario, read back into `obsolete:`.
_OBSOLETE_NOTE = re.compile(
    r"<br\s*/?>\s*\*\*Obsolete(?: since (?P<since>.+?))?\.\*\*(?P<rest>.*)$", re.IGNORECASE
)
_REPLACED_BY = re.compile(
    rf"(?:^|\s)Replaced by (?:\[(?P<linked>{SLUG_PATTERN})\]\([^)\s]*\)"  # linked anywhere
    rf"|(?P<code>{SLUG_PATTERN}))\.$"
)

# Sentence splitting in action cells: see `split_sentences`.
_PROTECTED = re.compile(r"(`+).+?\1|!?\[[^\]]*\]\([^)]*\)|<[^<>]*>|\w+://\S+")
# `.`, `!`, `?` (then the next letter decides), or a full stop that ends a sentence by itself:
# the ideographic full stop, fullwidth `.!?`, the Devanagari danda, the Arabic question mark.
_SENTENCE_END = re.compile(
    r"[.!?](?P<space> *)(?=\S)|[\u3002\uff0e\uff01\uff1f\u0964\u061f]\s*(?=\S)"
)
_ABBREVIATION = re.compile(r"(?:^|\W)(?:e\.g|i\.e|cf|vs)\.$", re.IGNORECASE)
_ID_LENGTH = 60


@dataclass(frozen=True)
class Skipped:
    """A table left in the page as it was, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class Notice:
    """Something an imported row holds that the plugin will show otherwise than the page did."""

    line: int
    message: str


@dataclass(frozen=True)
class PageImport:
    """What `import_page` found: categories (`path` is the file name to write), the new page."""

    categories: tuple[Category, ...]
    page: str
    skipped: tuple[Skipped, ...]
    notices: tuple[Notice, ...] = ()
    table_lines: tuple[int, ...] = ()  # the page line of each category's table


class _SkipTableError(Exception):
    """Raised while reading a table that cannot be imported whole."""


@dataclass(frozen=True)
class _Exported:
    """The export's comment above a table: its line, what it holds, the description under it."""

    first: int  # index of the comment's line
    carried: Carried
    description: str | None


@dataclass(frozen=True)
class _Table:
    """A table's place in the page's lines and the heading it stands under."""

    start: int  # index of the header line
    end: int  # index after the last row
    title: str | None
    heading_id: str | None
    exported: _Exported | None = None
    problem: str | None = None  # why it cannot be imported, found before its rows are read

    @property
    def line(self) -> int:
        return self.start + 1


@dataclass(frozen=True)
class _Row:
    line: int
    code: Code | None
    anchor: str | None  # an `<a id="…">` of the code cell
    scenario: str
    message: str
    user_actions: tuple[str, ...]
    developer_actions: tuple[str, ...]
    obsolete: Obsolete | None
    notices: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# The page: front matter, fences, headings, tables


def import_page(text: str) -> PageImport:
    """Read every error table of a Markdown page; see the module docstring for the rules."""
    # Lines end at "\n" only: str.splitlines would also break at U+2028 and the like in cells.
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", text)
    tables = list(_find_tables(lines))
    parsed: list[tuple[_Table, list[_Row]]] = []
    skipped: list[Skipped] = []
    codes: dict[str, int] = {}
    for table in tables:
        try:
            rows = _read_table(table, lines, codes)
        except _SkipTableError as problem:
            skipped.append(Skipped(table.line, str(problem)))
        else:
            parsed.append((table, rows))
    names = UniqueNames(set(codes))
    categories = [
        _category(position, table, rows, names)
        for position, (table, rows) in enumerate(parsed, start=1)
    ]
    page = _replace_tables(lines, [table for table, _ in parsed], categories)
    notices = (
        Notice(row.line, notice) for _, rows in parsed for row in rows for notice in row.notices
    )
    lines_of_tables = tuple(table.line for table, _ in parsed)
    return PageImport(tuple(categories), page, tuple(skipped), tuple(notices), lines_of_tables)


def _find_tables(lines: list[str]) -> Iterator[_Table]:
    """Tables outside front matter and code fences, each with the heading above it.

    A broken export comment makes the next table under the same heading a skipped one.
    """
    heading: tuple[str | None, str | None] = (None, None)
    fence: str | None = None
    problem: str | None = None
    index = front_matter_end(lines)
    while index < len(lines):
        inside = fence is not None
        fence = next_fence_state(fence, lines[index].rstrip("\r\n"))
        if inside or fence is not None:
            index += 1
            continue
        found = _heading(lines, index)
        if found is not None:
            heading, problem = found, None
        try:
            table = _table_at(lines, index, *heading)
        except ValueError as broken:
            table, problem = None, _broken_comment(broken)
        if table is None:
            index += 1
            continue
        yield dataclasses.replace(table, problem=problem)
        problem, index = None, table.end


def _broken_comment(broken: ValueError) -> str:
    return (
        f"the comment `<!-- {COMMENT} … -->` above it {broken}: fix the comment, "
        "or remove it to import the table as hand-written"
    )


def _table_at(
    lines: list[str], index: int, title: str | None, heading_id: str | None
) -> _Table | None:
    """The table starting at `index`, or under the export's comment there; ValueError when
    that comment is broken."""
    carried = read_comment(lines[index].rstrip("\r\n"))
    if carried is not None:
        return _exported_table(lines, index, carried, title, heading_id)
    if _starts_table(lines, index):
        shown = None if title is None else shown_title(title)
        return _Table(index, _table_end(lines, index + 2), shown, heading_id)
    return None


def _exported_table(
    lines: list[str], first: int, carried: Carried, title: str | None, heading_id: str | None
) -> _Table:
    """The table under the comment at `first`: a blank line, the description's lines and a
    blank line when it has them, then the table."""
    count = carried.description_lines
    header = first + 2 + (count + 1 if count else 0)
    blanks = [first + 1, header - 1]
    if not _starts_table(lines, header) or any(lines[blank].strip() for blank in blanks):
        lines_of = f", {count} lines of description and a blank line" if count else ""
        raise ValueError(f"is not followed by a blank line{lines_of} and a table")
    texts = [line.rstrip("\r\n") for line in lines[first + 2 : first + 2 + count]]
    exported = _Exported(first, carried, read_text("\n".join(texts)) if count else None)
    if carried.title is not None:
        title = carried.title
    elif title is not None:
        title = read_text(title)
    return _Table(header, _table_end(lines, header + 2), title, heading_id, exported)


def front_matter_end(lines: list[str]) -> int:
    """The index of the first line after YAML front matter (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.fullmatch(lines[index].rstrip("\r\n")):
            return index + 1
    return 0


def _heading(lines: list[str], index: int) -> tuple[str, str | None] | None:
    """The (title, explicit `{#id}`) of an ATX heading at `index`, or of a setext one ending there."""
    line = lines[index].rstrip("\r\n")
    atx = read_heading(line)
    if atx is not None:
        return atx
    previous = lines[index - 1].strip() if index > 0 else ""
    if _SETEXT_UNDERLINE.fullmatch(line) and previous and "|" not in previous:
        return split_heading_id(previous)
    return None


def _starts_table(lines: list[str], index: int) -> bool:
    """A header line with a pipe, followed by a delimiter row (`|---|---|`)."""
    if index + 1 >= len(lines) or not _PIPE.search(lines[index]):
        return False
    header = lines[index].rstrip("\r\n")
    delimiter = lines[index + 1].rstrip("\r\n")
    indent = len(header) - len(header.lstrip(" "))
    return indent <= 3 and "|" in delimiter and _DELIMITER_ROW.fullmatch(delimiter) is not None


def _table_end(lines: list[str], index: int) -> int:
    """Rows run until a blank line, a heading or a code fence."""
    while index < len(lines):
        line = lines[index].rstrip("\r\n")
        if not line.strip() or ATX_HEADING.fullmatch(line) or next_fence_state(None, line):
            break
        index += 1
    return index


def split_cells(line: str) -> list[str]:
    """A table row's cells: outer pipes dropped, split at unescaped pipes, `\\|` unescaped."""
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(body)]


def _replace_tables(lines: list[str], tables: list[_Table], categories: list[Category]) -> str:
    """The page with each imported table's lines replaced by the marker of its category."""
    output = list(lines)
    for table, category in reversed(list(zip(tables, categories, strict=True))):
        last = lines[table.end - 1]
        ending = last[len(last.rstrip("\r\n")) :]
        start = table.exported.first if table.exported else table.start
        output[start : table.end] = [MARKER_LINE.format(category.id) + ending]
    return "".join(output)


# ---------------------------------------------------------------------------------------------
# Tables and rows


def _read_table(table: _Table, lines: list[str], codes: dict[str, int]) -> list[_Row]:
    """The table's rows; its codes are added to `codes` (code in lower case -> line) only when
    all are good. Codes differing only in case are one code (see `check_catalogue`)."""
    if table.problem is not None:
        raise _SkipTableError(table.problem)
    if not table.title:
        raise _SkipTableError(
            "has no heading above it: add a `## Title` line, the category's title"
        )
    header = split_cells(lines[table.start])
    if len(header) != COLUMNS:
        raise _SkipTableError(
            f"has {len(header)} columns; an error table has {COLUMNS} ({COLUMN_NAMES})"
        )
    delimiter = split_cells(lines[table.start + 1])
    if len(delimiter) != COLUMNS:
        raise _SkipTableError(f"its `|---|` line has {len(delimiter)} cells instead of {COLUMNS}")
    read_row = _row if table.exported is None else _exported_row
    rows = [read_row(number + 1, lines[number]) for number in range(table.start + 2, table.end)]
    found: dict[str, int] = {}
    for row in rows:
        if row.code is None:
            continue
        key = str(row.code).lower()
        first = codes.get(key, found.get(key))
        if first is not None:
            raise _SkipTableError(
                f"code {row.code} at line {row.line} is already used at line {first}: "
                "every code must be unique, whatever its case"
            )
        found[key] = row.line
    codes.update(found)
    return rows


def _cells(line: int, text: str) -> list[str]:
    cells = split_cells(text)
    if len(cells) != COLUMNS:
        raise _SkipTableError(
            f"row at line {line} has {len(cells)} cells instead of {COLUMNS}: "
            "write a `|` inside a cell as `\\|`"
        )
    return cells


def _exported_row(line: int, text: str) -> _Row:
    """A row as `markdown_cells` writes it, read back exactly."""
    code_cell, scenario_cell, message_cell, user_cell, developer_cell = _cells(line, text)
    try:
        code, anchor, obsolete = read_code(code_cell)
        scenario, details = read_scenario(scenario_cell, obsolete)
    except ValueError as problem:
        raise _SkipTableError(f"row at line {line}: {problem}") from None
    return _Row(
        line,
        code,
        anchor,
        scenario,
        read_message(message_cell, obsolete),
        read_actions(user_cell, obsolete),
        read_actions(developer_cell, obsolete),
        details,
    )


def _row(line: int, text: str) -> _Row:
    """A hand-written row, read by the rules of the module docstring."""
    code_cell, scenario_cell, message_cell, user_cell, developer_cell = _cells(line, text)
    code, anchor, marked = _code_cell(code_cell, line)
    scenario_cell, obsolete = _obsolete_note(scenario_cell)
    scenario, scenario_struck = _text_cell(scenario_cell, "scenario", line)
    message, message_struck = _text_cell(message_cell, "message", line)
    user_actions, user_struck = actions_from_cell(user_cell)
    developer_actions, developer_struck = actions_from_cell(developer_cell)
    struck = (marked, scenario_struck, message_struck, user_struck, developer_struck)
    if obsolete is None and any(struck):
        obsolete = Obsolete()
    notices: list[str] = []

    def converted(written: str, what: str) -> str:
        """The text as the catalogue holds it (`cell_html`); what stays HTML, in `notices`."""
        text, shown_as_typed = catalogue_text(written)
        notices.extend(f"{what} {notice}" for notice in shown_as_typed)
        return text

    return _Row(
        line,
        code,
        anchor,
        converted(scenario, "the scenario"),
        converted(message, "the message"),
        tuple(converted(action, "a user action") for action in user_actions),
        tuple(converted(action, "a developer action") for action in developer_actions),
        obsolete,
        tuple(notices),
    )


def _unstrike(text: str) -> tuple[str, bool]:
    """`text` without strikethrough around it, and whether it had one."""
    match = _STRUCK.fullmatch(text)
    if match is None:
        return text.strip(), False
    return (match.group("tilde") or match.group("html")).strip(), True


def _code_cell(cell: str, line: int) -> tuple[Code | None, str | None, bool]:
    """(code or None for "-", the cell's `<a id>` anchor, whether it is marked obsolete)."""
    text, marks = _NO_ENTRY.subn("", cell)
    text, badges = _BADGE.subn("", text)
    anchor_match = _ANCHOR.search(text)
    text = _ANCHOR.sub("", text)
    while _EMPTY_HTML.search(text):
        text = _EMPTY_HTML.sub("", text)
    text, struck = _unstrike(text)
    text = re.sub(r"^([`*]*)(.*?)\1$", r"\2", text.strip())
    anchor = anchor_match.group("id") if anchor_match else None
    return _code(text, line), anchor, bool(marks or badges or struck)


def _code(text: str, line: int) -> Code | None:
    if _NOTHING.fullmatch(text):
        return None
    if (number := whole_number(text)) is not None:
        return number
    if SLUG.match(text):
        return text
    raise _SkipTableError(
        f"the code `{text}` at line {line} is not a code: use a number, a text code "
        "(letters, digits, '.', '_', '-') or `-` for an error without a code"
    )


def _text_cell(cell: str, what: str, line: int) -> tuple[str, bool]:
    """A scenario or message: line breaks become spaces, strikethrough is removed."""
    text, struck = _unstrike(_BR.sub(" ", cell))
    if not text:
        raise _SkipTableError(f"row at line {line} has no {what}: every error needs one")
    return text, struck


def _obsolete_note(cell: str) -> tuple[str, Obsolete | None]:
    """Split off the `**Obsolete since ….** reason Replaced by ….` note an export writes."""
    match = _OBSOLETE_NOTE.search(cell)
    if match is None:
        return cell, None
    rest = match.group("rest").strip()
    replaced = _REPLACED_BY.search(rest)
    if replaced is not None:
        rest = rest[: replaced.start()].strip()
    return cell[: match.start()], Obsolete(
        since=match.group("since"),
        reason=rest or None,
        replaced_by=(replaced.group("linked") or replaced.group("code")) if replaced else None,
    )


def actions_from_cell(cell: str) -> tuple[tuple[str, ...], bool]:
    """An actions cell as list items, and whether it was wholly struck through.

    "-", "N/A" and empty cells are no actions. A cell with `<br/>` line breaks is split only
    there: the writer chose the items. Otherwise it is split into sentences (`split_sentences`).
    """
    whole, struck = _unstrike(cell)
    if _NOTHING.fullmatch(whole):
        return (), struck
    pieces = _BR.split(whole)
    if len(pieces) == 1:
        pieces = split_sentences(whole)
    unstruck = [_unstrike(piece) for piece in pieces]
    if all(piece_struck for _, piece_struck in unstruck):
        struck, pieces = True, [text for text, _ in unstruck]
    return tuple(piece.strip() for piece in pieces if piece.strip()), struck


def split_sentences(text: str) -> list[str]:
    """Split run-together sentences: `IMX.Check wallet provider.` is two items.

    A sentence ends at `.`, `!` or `?` followed by a letter that may start one (an uppercase
    letter, or any letter of a script without case: Hangul, kana, CJK ideographs), directly
    (`IMX.Check`, `하세요.고객`) or after spaces (`the issue. Check`, `하세요. 고객`), and at a
    full stop of a script that ends sentences with its own (ideographic `。`, fullwidth full
    stop, exclamation and question marks, Devanagari `।`, Arabic `؟`) followed by more text. Never inside inline code, links, HTML tags or URLs,
    nor after `e.g.`, `i.e.`, `cf.` or `vs.`.
    """
    protected = [match.span() for match in _PROTECTED.finditer(text)]
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        cut, mark = match.end(), match.start()
        inside = any(start <= mark < end for start, end in protected)
        if inside or _ABBREVIATION.search(text[: mark + 1]):
            continue
        if match.group("space") is not None and not _starts_sentence(text[cut]):
            continue
        starts.append(cut)
    bounds = zip(starts, [*starts[1:], len(text)], strict=True)
    return [text[start:end].strip() for start, end in bounds if text[start:end].strip()]


def _starts_sentence(letter: str) -> bool:
    """Whether `letter` may start a sentence: not a lowercase letter (`file.txt` is no end),
    nor a digit or sign (`1.2.3`); a letter without case counts, as scripts without case have
    no other sign of a sentence's start."""
    return letter.isupper() or (letter.isalpha() and letter.lower() == letter.upper())


# ---------------------------------------------------------------------------------------------
# Rows to catalogue values


class UniqueNames:
    """Hands out ids unique in the catalogue's single namespace of codes and ids, where case
    does not count."""

    def __init__(self, taken_lower: set[str]) -> None:
        self.taken_lower = taken_lower

    def claim(self, wanted: str) -> str:
        name, number = wanted, 1
        while name.lower() in self.taken_lower:
            number += 1
            name = f"{wanted}-{number}"
        self.taken_lower.add(name.lower())
        return name


def slugify(text: str) -> str:
    """An id made from `text`: its `heading_id`, so that a page's links to the heading keep
    working, unless that starts with `-` or `_`, which no id may: then without the `-` and
    `_` at either end (`_internal errors` -> `internal-errors`)."""
    slug = heading_id(text)
    return slug if SLUG.match(slug) else slug.strip("-_")


def _category(position: int, table: _Table, rows: list[_Row], names: UniqueNames) -> Category:
    title = table.title or ""
    wanted = table.heading_id if table.heading_id and SLUG.match(table.heading_id) else None
    category_id = names.claim(wanted or slugify(title) or f"category-{position}")
    entries = tuple(_entry(row, names) for row in rows)
    carried = table.exported.carried if table.exported else Carried()
    codes = [entry.code for entry in entries if entry.code is not None]
    return Category(
        id=category_id,
        title=title,
        path=Path(f"{position:02d}-{category_id}.yml"),
        entries=entries,
        description=table.exported.description if table.exported else None,
        range=carried.range if carried.has_range else thousands_block(codes),
    )


def _entry(row: _Row, names: UniqueNames) -> Entry:
    entry_id = None
    if row.code is None:
        wanted = row.anchor if row.anchor and SLUG.match(row.anchor) else None
        entry_id = names.claim(wanted or _shorten(slugify(row.scenario)) or "error")
    return Entry(
        code=row.code,
        id=entry_id,
        scenario=row.scenario,
        message=row.message,
        user_actions=row.user_actions,
        developer_actions=row.developer_actions,
        obsolete=row.obsolete,
        line=row.line,
    )


def _shorten(slug: str) -> str:
    """At most `_ID_LENGTH` characters, cut between words."""
    if len(slug) <= _ID_LENGTH:
        return slug
    return slug[: _ID_LENGTH + 1].rsplit("-", 1)[0][:_ID_LENGTH]


# ---------------------------------------------------------------------------------------------
# Catalogue files

_WIDTH = 1 << 30  # never fold a line
_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")  # YAML's; only double quotes escape them


def _scalar(value: str | int) -> str:
    """`value` as a one-line YAML scalar, quoted only when YAML needs it."""
    if isinstance(value, int):
        return str(value)
    # `1e3` and `0o17` are text to PyYAML, numbers to YAML 1.2 tools (and to the checks)
    style = '"' if _LINE_BREAKS.search(value) or YAML_12_NUMBER.match(value) else None
    dumped = yaml.safe_dump(value, allow_unicode=True, width=_WIDTH, default_style=style)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _code_scalar(value: str) -> str | int:
    """A code given as text (`replaced_by`): written as a number when it is one."""
    number = whole_number(value)
    return value if number is None else number


def category_yaml(category: Category) -> str:
    """The category file's text, in the example catalogue's layout and key order."""
    lines = [f"title: {_scalar(category.title)}", f"id: {_scalar(category.id)}"]
    if category.range is not None:
        lines.append(f"range: [{category.range[0]}, {category.range[1]}]")
    if category.description is not None:
        lines.append(f"description: {_scalar(category.description)}")
    lines.append("errors:" if category.entries else "errors: []")
    for entry in category.entries:
        lines.extend(_entry_yaml(entry))
    return "\n".join(lines) + "\n"


def _entry_yaml(entry: Entry) -> Iterator[str]:
    """An entry of a table (every built-in field, empty ones too), or of a heading import
    (its declared fields in `extra`, and of the built-in ones only those it has)."""
    if entry.code is not None:
        yield f"  - code: {_scalar(entry.code)}"
    else:
        yield f"  - id: {_scalar(str(entry.id))}"
    if entry.name is not None:
        yield f"    name: {_scalar(entry.name)}"
    from_table = not entry.extra
    if entry.scenario or from_table:
        yield f"    scenario: {_scalar(entry.scenario)}"
    if entry.message or from_table:
        yield f"    message: {_scalar(entry.message)}"
    if from_table:
        yield from _list_yaml("user_actions", entry.user_actions)
        yield from _list_yaml("developer_actions", entry.developer_actions)
    for key, value in entry.extra:
        if value != "":
            yield from _block_yaml(key, str(value))
    if entry.obsolete is not None:
        yield from _obsolete_yaml(entry.obsolete)


def _list_yaml(key: str, items: tuple[str, ...]) -> Iterator[str]:
    yield f"    {key}:" if items else f"    {key}: []"
    for item in items:
        yield f"      - {_scalar(item)}"


def _block_yaml(key: str, text: str) -> Iterator[str]:
    """A Markdown text as a literal block (`key: |-`), as written; as a quoted scalar when a
    line break other than `\n`, or a first line starting with a space, rules the block out."""
    if _LINE_BREAKS.search(text.replace("\n", "")) or text[:1].isspace():
        yield f"    {key}: {_scalar(text)}"
        return
    yield f"    {key}: |-"
    for line in text.split("\n"):
        yield f"      {line}" if line else ""


def _obsolete_yaml(obsolete: Obsolete) -> Iterator[str]:
    details = [
        ("since", obsolete.since),
        ("reason", obsolete.reason),
        ("replaced_by", _code_scalar(obsolete.replaced_by) if obsolete.replaced_by else None),
    ]
    given = [(key, value) for key, value in details if value is not None]
    if not given:
        yield "    obsolete: true"
        return
    yield "    obsolete:"
    for key, value in given:
        yield f"      {key}: {_scalar(value)}"


def target_paths(categories: Iterable[Category], folder: Path) -> list[Path]:
    """Where `write_categories` puts each category's file."""
    return [folder / category.path.name for category in categories]


def write_categories(categories: Iterable[Category], folder: Path) -> list[Path]:
    """Write one file per category into `folder` (created when missing), replacing any."""
    categories = list(categories)
    folder.mkdir(parents=True, exist_ok=True)
    paths = target_paths(categories, folder)
    for category, path in zip(categories, paths, strict=True):
        path.write_text(category_yaml(category), encoding="utf-8", newline="\n")
    return paths


# ---------------------------------------------------------------------------------------------
# The import checked whole before anything is written, then written all or nothing


@dataclass(frozen=True)
class _Source:
    """Where the text of one category file the import would write comes from in the page."""

    table_line: int
    entry_lines: tuple[tuple[int, int], ...]  # (line in the file, line in the page) per entry

    def page_line(self, file_line: int | None) -> int:
        """The page line of the row (or else the table) that the file's line comes from."""
        found = [page for start, page in self.entry_lines if file_line and start <= file_line]
        return found[-1] if found else self.table_line


def import_problems(
    result: PageImport, folder: Path, page: Path, other_files: Iterable[tuple[str, str]] = ()
) -> list[Problem]:
    """What the catalogue loader would find in `folder` with the import's category files
    written into it (over any of the same name): checked on a copy of the folder in a
    temporary one, so that nothing is written before everything is known to be right.

    Problems of the files already in `folder` name those files; problems of the import's own
    files, not written, name the page's row (or table) where their text comes from.
    """
    sources = {
        path.name: _source(category, line)
        for path, category, line in zip(
            target_paths(result.categories, folder),
            result.categories,
            result.table_lines,
            strict=True,
        )
    }
    with tempfile.TemporaryDirectory(prefix="error-catalogue-import-") as temporary:
        copy = Path(temporary, "catalogue")
        unreadable = _copy_catalogue(folder, copy)
        if unreadable:
            return unreadable
        write_categories(result.categories, copy)
        for name, text in other_files:  # such as a new field declaration
            (copy / name).write_text(text, encoding="utf-8")
        try:
            load_catalogue(copy)
        except CatalogueError as error:
            return [_placed(problem, copy, folder, page, sources) for problem in error.problems]
    return []


def _source(category: Category, table_line: int) -> _Source:
    starts = [
        number
        for number, line in enumerate(category_yaml(category).splitlines(), start=1)
        if line.startswith("  - ")  # an entry; its lists are indented further
    ]
    pages = (entry.line for entry in category.entries)
    return _Source(table_line, tuple(zip(starts, pages, strict=True)))


def _copy_catalogue(folder: Path, copy: Path) -> list[Problem]:
    """`folder` and its lock copied to `copy` and its lock, as the loader sees them: links kept
    as links (an absolute one into `folder` made to point into `copy`); each file that cannot
    be read is a problem."""
    unreadable = _copy(folder, copy) if folder.is_dir() else []
    unreadable += _copy(lock_path(folder), lock_path(copy))
    copy.mkdir(exist_ok=True)
    inside = folder.resolve()
    for link in (path for path in copy.iterdir() if path.is_symlink()):
        target = link.readlink()
        if target.is_absolute() and target.resolve().is_relative_to(inside):
            link.unlink()
            link.symlink_to(copy / target.resolve().relative_to(inside))
    return unreadable


def _copy(source: Path, target: Path) -> list[Problem]:
    """Copy the folder or file `source`, if there is one; each file that cannot be read is a
    problem."""
    hint = "cannot be read: make it readable, or move it out of the way"
    try:
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True)
        elif source.exists():
            shutil.copyfile(source, target)
    except shutil.Error as error:
        return [Problem(Path(path), None, hint) for path, _, _ in error.args[0]]
    except OSError:
        return [Problem(source, None, hint)]
    return []


def _placed(
    problem: Problem, copy: Path, folder: Path, page: Path, sources: dict[str, _Source]
) -> Problem:
    """`problem` found in the copy, said of the file it is about in `folder` or in the page."""
    message = problem.message
    for name, source in sources.items():  # `01-errors.yml:5` in a message: that row's line
        message = _in_page(message, name, source, page)
    if problem.path == lock_path(copy):
        return Problem(lock_path(folder), problem.line, message)
    if not problem.path.is_relative_to(copy):
        return Problem(problem.path, problem.line, message)
    relative = problem.path.relative_to(copy)
    imported = sources.get(str(relative))
    if imported is None:
        return Problem(folder / relative, problem.line, message)
    written = display_path(folder / relative)
    return Problem(page, imported.page_line(problem.line), f"{message} (in {written}, not written)")


def _in_page(message: str, name: str, source: _Source, page: Path) -> str:
    """`message` with each `name:line` (a line of a file not written) as the page's line."""

    def page_place(place: re.Match[str]) -> str:
        return f"{display_path(page)}:{source.page_line(int(place.group(1)))}"

    return re.sub(rf"\b{re.escape(name)}:(\d+)", page_place, message)


def write_all_or_nothing(files: list[tuple[Path, str]]) -> None:
    """Write each `(path, text)`, or none: every text goes to a temporary file beside its
    target (creating missing folders), then each is renamed over its target.

    On any failure the temporary files, the targets that did not exist before and the
    folders created are removed, and the `OSError` is raised again.
    """
    created: list[Path] = []
    pending: list[tuple[Path, Path]] = []  # (temporary file, target)
    new = {path for path, _ in files if not path.exists()}
    try:
        for path, text in files:
            _make_folders(path.parent, created)
            pending.append((_temporary_file(path, text), path))
        for temporary, path in pending:
            temporary.replace(path)
    except OSError:
        for temporary, path in pending:
            temporary.unlink(missing_ok=True)
            if path in new:
                path.unlink(missing_ok=True)
        for folder in reversed(created):
            with contextlib.suppress(OSError):  # not empty: someone else wrote there
                folder.rmdir()
        raise


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Create `folder` and its missing parents, outermost first, each added to `created` (so
    that, should one fail, the ones before it are known)."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _temporary_file(path: Path, text: str) -> Path:
    """`text` in a new hidden file beside `path`, with the permissions `path` has (or that a
    new file gets)."""
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:  # said of the file to write, not of the temporary name
        raise OSError(error.errno, error.strerror, str(path)) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        temporary.chmod(_mode_for(path))
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _mode_for(path: Path) -> int:
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)  # read only by setting it: set back at once
    os.umask(umask)
    return 0o666 & ~umask
