"""The catalogue as the rest of the package sees it: validated, immutable values."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# A `${name}` placeholder in catalogue text (filled in by the application that shows the
# message): shown as code, and kept by every translation.
PLACEHOLDER = re.compile(r"\$\{[^{}\s]+\}")
Code = int | str


@dataclass(frozen=True, slots=True)
class Obsolete:
    """Why and since when an entry is no longer raised, and what replaced it."""

    since: str | None = None
    reason: str | None = None
    replaced_by: str | None = None  # the anchor of the replacing entry


@dataclass(frozen=True, slots=True)
class Entry:
    """One error: a published code (or, for unpublished errors, an id) and what it means."""

    code: Code | None
    id: str | None
    scenario: str
    message: str
    user_actions: tuple[str, ...] = ()
    developer_actions: tuple[str, ...] = ()
    obsolete: Obsolete | None = None
    line: int = 0  # where the entry starts in its category file, for messages
    # In a translated catalogue: the fields (`scenario`, `user_actions`, `obsolete.reason`...)
    # that keep the catalogue's own text for want of a current translation.
    untranslated: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        """The entry's stable HTML id: its code, or its id when it has no code."""
        return str(self.code) if self.code is not None else str(self.id)


@dataclass(frozen=True, slots=True)
class Category:
    """One catalogue file: a titled group of entries."""

    id: str
    title: str
    path: Path
    entries: tuple[Entry, ...] = ()
    description: str | None = None
    range: tuple[int, int] | None = None


@dataclass(frozen=True)
class Catalogue:
    """Every category of a catalogue folder, in the folder's order."""

    categories: tuple[Category, ...]
    _by_anchor: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _by_category: dict[str, Category] = field(init=False, repr=False, compare=False)
    _category_of: dict[str, Category] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_anchor = {entry.anchor: entry for entry in self.entries()}
        object.__setattr__(self, "_by_anchor", by_anchor)
        object.__setattr__(self, "_by_category", {c.id: c for c in self.categories})
        category_of = {e.anchor: c for c in self.categories for e in c.entries}
        object.__setattr__(self, "_category_of", category_of)

    def entries(self) -> Iterator[Entry]:
        """All entries, category by category."""
        for category in self.categories:
            yield from category.entries

    def entry(self, anchor: str) -> Entry | None:
        """The entry whose code (or id) is `anchor`, if any."""
        return self._by_anchor.get(anchor)

    def category(self, category_id: str) -> Category | None:
        """The category with this id, if any."""
        return self._by_category.get(category_id)

    def category_of(self, anchor: str) -> Category | None:
        """The category of the entry whose code (or id) is `anchor`, if any."""
        return self._category_of.get(anchor)

    def similar_anchors(self, anchor: str) -> list[str]:
        """Up to three codes (or ids) like `anchor`, closest first: what a typo meant."""
        anchors = {entry.anchor.lower(): entry.anchor for entry in self.entries()}
        close = difflib.get_close_matches(anchor.lower(), anchors, n=3)
        return [anchors[match] for match in close]


def thousands_block(codes: list[Code]) -> tuple[int, int] | None:
    """`(2000, 2999)` when every code is a number of the same thousands block."""
    numbers = [code for code in codes if isinstance(code, int)]
    blocks = {code // 1000 for code in numbers}
    if not numbers or len(numbers) != len(codes) or len(blocks) != 1:
        return None
    low = blocks.pop() * 1000
    return low, low + 999
