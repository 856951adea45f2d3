"""The catalogue as the rest of the package sees it: validated, immutable values.

An entry has the four built-in fields of the seed's tables (scenario, message, user and
developer actions) as attributes, and any other field its catalogue declares (see
`Declaration`) in `extra`; `value()` and `fields` read both alike. Without a declaration a
catalogue has exactly the four (`IMPLICIT_DECLARATION`), as every catalogue had before fields
could be declared.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from .locales import language_tags, normal_tag

# A `${name}` placeholder in catalogue text (filled in by the application that shows the
# message): shown as code, and kept by every translation.
PLACEHOLDER = re.compile(r"\$\{[^{}\s]+\}")
Code = int | str
FieldKind = Literal["text", "texts", "markdown", "choice", "number", "url"]
FIELD_KINDS: tuple[FieldKind, ...] = ("text", "texts", "markdown", "choice", "number", "url")
FieldValue = str | int | float | tuple[str, ...]
# The fields every catalogue knew before declarations, with their kinds: entries keep them as
# attributes, so code written for them reads them as before.
BUILT_IN_FIELDS: Mapping[str, FieldKind] = MappingProxyType(
    {"scenario": "text", "message": "text", "user_actions": "texts", "developer_actions": "texts"}
)


@dataclass(frozen=True, slots=True)
class LabelText:
    """A label in one or several languages: `("", text)` applies to any language."""

    texts: tuple[tuple[str, str], ...]

    def in_language(self, language: str | None) -> str:
        """The text for `language` (`pt-BR`, then `pt`), else the one for any language, else
        English, else the first given."""
        by_tag = {normal_tag(tag): text for tag, text in self.texts}
        wanted = [*(language_tags(language) if language else ()), "", "en"]
        return next((by_tag[tag] for tag in wanted if tag in by_tag), self.texts[0][1])


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field a catalogue declares: its kind, label and whether entries must have it."""

    name: str
    kind: FieldKind
    label: LabelText | None = None  # None: the built-in label, else the name
    required: bool = False
    values: tuple[tuple[str, LabelText | None], ...] = ()  # kind "choice": value, its label
    description: str | None = None  # for editors (the generated JSON Schema)
    line: int = 0  # where it is declared, for messages


@dataclass(frozen=True)
class Declaration:
    """The fields of a catalogue, in the order pages show them, and its table's columns."""

    fields: tuple[FieldSpec, ...]
    columns: tuple[str, ...] | None = None  # after the code column; None: the default rule
    hide_empty_columns: bool = True  # a column empty for every entry of a table is not drawn
    code_label: LabelText | None = None
    name_label: LabelText | None = None
    path: Path | None = None  # the declaration file; None: implicit

    def field(self, name: str) -> FieldSpec | None:
        """The declared field called `name`, if any."""
        return next((spec for spec in self.fields if spec.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        """The declared fields' names, in order."""
        return tuple(spec.name for spec in self.fields)


IMPLICIT_DECLARATION = Declaration(
    fields=(
        FieldSpec("scenario", "text", required=True),
        FieldSpec("message", "text", required=True),
        FieldSpec("user_actions", "texts"),
        FieldSpec("developer_actions", "texts"),
    ),
    columns=("scenario", "message", "user_actions", "developer_actions"),
    hide_empty_columns=False,  # an entry without actions shows a dash, as tables always did
)


@dataclass(frozen=True, slots=True)
class Obsolete:
    """Why and since when an entry is no longer raised, and what replaced it."""

    since: str | None = None
    reason: str | None = None
    replaced_by: str | None = None  # the anchor of the replacing entry


@dataclass(frozen=True, slots=True)
class Entry:
    """One error: a published code and/or name (or, for unpublished errors, an id) and what
    it means."""

    code: Code | None
    id: str | None
    scenario: str  # "" when the declaration makes it optional and the entry has none
    message: str = ""
    user_actions: tuple[str, ...] = ()
    developer_actions: tuple[str, ...] = ()
    obsolete: Obsolete | None = None
    line: int = 0  # where the entry starts in its category file, for messages
    # In a translated catalogue: the fields (`scenario`, `user_actions`, `obsolete.reason`...)
    # that keep the catalogue's own text for want of a current translation.
    untranslated: tuple[str, ...] = ()
    name: str | None = None  # a second published key (`division_by_zero` beside `22012`)
    # The declared fields beyond the built-in ones that the entry gives, in declaration order:
    # pairs rather than a dict, so that entries stay hashable.
    extra: tuple[tuple[str, FieldValue], ...] = ()

    @property
    def anchor(self) -> str:
        """The entry's stable HTML id: its code, else its name, else its id."""
        for key in (self.code, self.name, self.id):
            if key is not None:
                return str(key)
        return ""

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key the entry is found by (anchors, deep links, `error:` links, `lookup`):
        its anchor, then its name when it has a code too."""
        if self.code is not None and self.name is not None:
            return (str(self.code), self.name)
        return (self.anchor,)

    @property
    def title_source(self) -> str:
        """What titles the entry (inline Markdown): its scenario, else its name or anchor."""
        return self.scenario or self.name or self.anchor

    def value(self, name: str) -> FieldValue | None:
        """The value of the field `name`; None when the entry has none (or an empty one)."""
        if name in BUILT_IN_FIELDS:
            found: FieldValue | None = getattr(self, name)
        else:
            found = next((value for key, value in self.extra if key == name), None)
        return None if found in ("", ()) else found

    @property
    def fields(self) -> Mapping[str, FieldValue]:
        """Every field the entry has a value for: the built-in ones first, then `extra`."""
        given = {name: self.value(name) for name in BUILT_IN_FIELDS}
        values = {name: value for name, value in given.items() if value is not None}
        return MappingProxyType(values | dict(self.extra))


@dataclass(frozen=True, slots=True)
class Category:
    """One catalogue file: a titled group of entries."""

    id: str
    title: str
    path: Path
    entries: tuple[Entry, ...] = ()
    description: str | None = None
    range: tuple[int, int] | None = None
    columns: tuple[str, ...] | None = None  # this table's columns, over the declaration's


@dataclass(frozen=True)
class Catalogue:
    """Every category of a catalogue folder, in the folder's order, and its fields."""

    categories: tuple[Category, ...]
    declaration: Declaration = IMPLICIT_DECLARATION
    _by_key: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _by_category: dict[str, Category] = field(init=False, repr=False, compare=False)
    _category_of: dict[str, Category] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key = {key: entry for entry in self.entries() for key in entry.keys}
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_category", {c.id: c for c in self.categories})
        category_of = {key: c for c in self.categories for e in c.entries for key in e.keys}
        object.__setattr__(self, "_category_of", category_of)

    def entries(self) -> Iterator[Entry]:
        """All entries, category by category."""
        for category in self.categories:
            yield from category.entries

    def entry(self, key: str) -> Entry | None:
        """The entry whose code, name or id is `key`, if any."""
        return self._by_key.get(key)

    def category(self, category_id: str) -> Category | None:
        """The category with this id, if any."""
        return self._by_category.get(category_id)

    def category_of(self, key: str) -> Category | None:
        """The category of the entry whose code, name or id is `key`, if any."""
        return self._category_of.get(key)

    def similar_anchors(self, key: str) -> list[str]:
        """Up to three codes, names or ids like `key`, closest first: what a typo meant."""
        keys = {known.lower(): known for known in self._by_key}
        close = difflib.get_close_matches(key.lower(), keys, n=3)
        return [keys[match] for match in close]


def thousands_block(codes: list[Code]) -> tuple[int, int] | None:
    """`(2000, 2999)` when every code is a number of the same thousands block."""
    numbers = [code for code in codes if isinstance(code, int)]
    blocks = {code // 1000 for code in numbers}
    if not numbers or len(numbers) != len(codes) or len(blocks) != 1:
        return None
    low = blocks.pop() * 1000
    return low, low + 999
