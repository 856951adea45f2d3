"""Page markers: where a page asks for the catalogue.

    <!-- error-catalogue -->           every category, each under its own heading
    <!-- error-catalogue deposits -->  the table of one category, no heading

A marker stands on a line of its own, indented as the block holding it: an admonition, a
content tab or a list item. Markers inside code blocks are not markers, so pages can document
the syntax: fenced ones (at any indentation) are skipped here, and indented ones by the
Markdown extension, which knows the blocks. Both the Markdown extension and the
tools that need to know where a code is shown (deep links, exports) find markers here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

Page = TypeVar("Page")

MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*error-catalogue\b(?P<argument>.*?)-->\s*$")
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Marker:
    """A marker asks for every category (`category` None) or one; `line` counts from 1,
    `indent` is what precedes the marker on its line, and `text` the marker as written."""

    category: str | None
    line: int
    indent: str
    text: str


def find_markers(lines: Sequence[str]) -> list[Marker]:
    """The markers among `lines`, outside fenced code blocks."""
    markers: list[Marker] = []
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        fence = next_fence_state(fence, line)
        match = MARKER.match(line) if fence is None else None
        if match is not None:
            category = match.group("argument").strip() or None
            indent = match.group("indent")
            markers.append(Marker(category, number, indent, line[len(indent) :].rstrip()))
    return markers


def next_fence_state(fence: str | None, line: str) -> str | None:
    """The open code fence after `line` (None outside fences); a fence closes on its own kind."""
    match = _FENCE.match(line)
    if match is None:
        return fence
    found = match.group("fence")
    if fence is None:
        return found
    closes = found[0] == fence[0] and len(found) >= len(fence) and not line.strip()[len(found) :]
    return None if closes else fence


def pages_by_category(
    categories: Sequence[str], pages: Iterable[tuple[Page, str]]
) -> dict[str, Page]:
    """For each category id, the first of `pages` (page, Markdown) whose markers show it."""
    lines = ((page, markdown.splitlines()) for page, markdown in pages)
    return first_pages(
        categories, ((page, [m.category for m in find_markers(text)]) for page, text in lines)
    )


def first_pages(
    categories: Sequence[str], shown: Iterable[tuple[Page, Iterable[str | None]]]
) -> dict[str, Page]:
    """For each category id, the first of `shown` (page, the categories it asks for, as
    `asked_for` reads them) that shows it."""
    found: dict[str, Page] = {}
    for page, asked in shown:
        for category in asked:
            for shown_category in asked_for(category, categories):
                found.setdefault(shown_category, page)
    return found


def asked_for(category: str | None, categories: Sequence[str]) -> list[str]:
    """The ids of `categories` that a marker for `category` shows: every one for None, none
    for an id that is not among them."""
    if category is None:
        return list(categories)
    return [category] if category in categories else []
