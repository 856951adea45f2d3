"""The catalogue as plain Markdown tables, for generators that have no plugin.

The output is in the style of a hand-written error page: a `##` heading per category, its
description as paragraphs, then a table with one row per entry. Obsolete rows are struck
through with `:no_entry:` and an `Obsolete` badge. Under each heading, the comment
`<!-- exported by error-catalogue -->` marks the table as an export and holds what the page
does not show; `importing.import_page` reads it all back into the same catalogue (see
`markdown_cells` for how each value is written).
"""

from __future__ import annotations

from .markdown_cells import Carried, comment, description, read_text, row_cells, title
from .markdown_syntax import heading_id, read_heading
from .model import Catalogue, Category, Entry, thousands_block
from .rendering import Labels


def catalogue_markdown(catalogue: Catalogue) -> str:
    """Every category, in the catalogue's order, as a heading and a table."""
    return "\n".join(category_markdown(category) for category in catalogue.categories)


def category_markdown(category: Category) -> str:
    """The heading, the export's comment, the description's lines, the table."""
    heading, carried_title = _heading(category)
    described = [] if category.description is None else [description(category.description)]
    codes = [entry.code for entry in category.entries if entry.code is not None]
    carried = Carried(
        description_lines=sum(part.count("\n") + 1 for part in described),
        title=carried_title,
        range=category.range,
        has_range=category.range != thousands_block(codes),
    )
    blocks = [heading, comment(carried), *described, _table(category.entries)]
    return "\n\n".join(blocks) + "\n"


def _heading(category: Category) -> tuple[str, str | None]:
    """`## Title`, with `{#id}` when the heading would not give the id, and the title for the
    comment when the heading does not read back as it (`## Title #` reads as `Title`)."""
    line = f"## {title(category.title)}"
    read = read_heading(line) or ("", None)
    if category.id != heading_id(category.title) or read[1] is not None:
        line += f" {{#{category.id}}}"
        read = read_heading(line) or read
    return line, None if read_text(read[0]) == category.title else category.title


def _table(entries: tuple[Entry, ...]) -> str:
    labels = Labels()
    header = [
        labels.code,
        labels.scenario,
        labels.message,
        labels.user_actions,
        labels.developer_actions,
    ]
    rows = [row_cells(entry) for entry in entries]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    delimiter = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    lines = [_line(header, widths), delimiter, *(_line(row, widths) for row in rows)]
    return "\n".join(lines)


def _line(cells: list[str], widths: list[int]) -> str:
    padded = (cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
    return "| " + " | ".join(padded) + " |"
