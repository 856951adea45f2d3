"""The catalogue as plain Markdown tables, for generators that have no plugin.

The output is in the style of a hand-written error page: a `##` heading per category, then a
table with one row per entry. Obsolete rows are struck through with `:no_entry:` and an
`Obsolete` badge. It is written so that `importing.import_page` reads it back into the same
categories, entries, ids and obsolete details; a category's description becomes prose of the
page and a `range` that is not the codes' thousands block is not kept.
"""

from __future__ import annotations

from collections.abc import Iterator

from .importing import actions_from_cell, slugify
from .model import Catalogue, Category, Entry, Obsolete
from .rendering import Labels

LINE_BREAK = "<br/>"
OBSOLETE_BADGE = f"<small>{LINE_BREAK}`Obsolete`</small>"


def catalogue_markdown(catalogue: Catalogue) -> str:
    """Every category, in the catalogue's order, as a heading and a table."""
    return "\n".join(category_markdown(category) for category in catalogue.categories)


def category_markdown(category: Category) -> str:
    """`## Title`, the description's paragraphs, then the table; an id the title would not
    give is kept as `{#id}` after the title."""
    heading = f"## {category.title}"
    if category.id != slugify(category.title):
        heading += f" {{#{category.id}}}"
    paragraphs = [part.strip() for part in (category.description or "").split("\n\n")]
    blocks = [heading, *(part for part in paragraphs if part), _table(category.entries)]
    return "\n\n".join(blocks) + "\n"


def _table(entries: tuple[Entry, ...]) -> str:
    labels = Labels()
    header = [
        labels.code,
        labels.scenario,
        labels.message,
        labels.user_actions,
        labels.developer_actions,
    ]
    rows = [_row(entry) for entry in entries]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    delimiter = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    lines = [_line(header, widths), delimiter, *(_line(row, widths) for row in rows)]
    return "\n".join(lines)


def _line(cells: list[str], widths: list[int]) -> str:
    padded = (cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
    return "| " + " | ".join(padded) + " |"


def _row(entry: Entry) -> list[str]:
    struck = entry.obsolete is not None
    scenario = _strike(_cell(entry.scenario), struck)
    if entry.obsolete is not None:
        scenario += _obsolete_note(entry.obsolete)
    return [
        _code_cell(entry),
        scenario,
        _strike(_cell(entry.message), struck),
        _actions_cell(entry.user_actions, struck),
        _actions_cell(entry.developer_actions, struck),
    ]


def _cell(text: str) -> str:
    """Text on one line (a line break in Markdown is a space), its pipes escaped."""
    return " ".join(line.strip() for line in text.splitlines()).replace("|", "\\|")


def _strike(text: str, struck: bool) -> str:
    return f"~~{text}~~" if struck else text


def _code_cell(entry: Entry) -> str:
    """The code, or `-` with an anchor naming the id of an entry that has no code."""
    if entry.code is None:
        code = f'<a id="{entry.id}"></a>-'
    else:
        code = _strike(str(entry.code), entry.obsolete is not None)
    if entry.obsolete is None:
        return code
    return f":no_entry: {code} {OBSOLETE_BADGE}"


def _actions_cell(actions: tuple[str, ...], struck: bool) -> str:
    """Items joined by line breaks; `-` for none.

    The importer splits a cell without line breaks into sentences, so a single item that it
    would split (or read as "none") gets a closing line break, which keeps it one item.
    """
    if not actions:
        return "-"
    texts = tuple(_cell(action) for action in actions)
    cell = LINE_BREAK.join(_strike(text, struck) for text in texts)
    items, _ = actions_from_cell(cell)
    return cell if items == texts else cell + LINE_BREAK


def _obsolete_note(obsolete: Obsolete) -> str:
    """`**Obsolete since ….** reason Replaced by ….`, as the plugin's note reads."""
    if obsolete == Obsolete():
        return ""
    return LINE_BREAK + " ".join(_note_parts(obsolete))


def _note_parts(obsolete: Obsolete) -> Iterator[str]:
    since = f" since {_cell(obsolete.since)}" if obsolete.since else ""
    yield f"**Obsolete{since}.**"
    if obsolete.reason:
        yield _cell(obsolete.reason)
    if obsolete.replaced_by:
        yield f"Replaced by {obsolete.replaced_by}."
