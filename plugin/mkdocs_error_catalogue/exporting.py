"""The machine-readable export: every category and entry, as a versioned JSON document.

The document's shape is described by `schema/export.schema.json` (shipped in the package) and
documented in the "Linking to errors" page. Bump `EXPORT_VERSION` on any change that could
break a reader; adding optional fields does not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from .model import BUILT_IN_FIELDS, Catalogue, Category, Entry, FieldValue

EXPORT_FORMAT = "mkdocs-error-catalogue"
EXPORT_VERSION = 1
EXPORT_SCHEMA = Path(__file__).parent / "schema" / "export.schema.json"


class Locator(Protocol):
    """Where the site shows things; None where it does not show them (or is unknown)."""

    @property
    def site_url(self) -> str | None: ...

    def entry_url(self, anchor: str) -> str | None: ...

    def category_url(self, category_id: str) -> str | None: ...

    def deep_link(self, anchor: str) -> str | None: ...


def export_json(catalogue: Catalogue, locator: Locator) -> str:
    """The export as JSON text (see `export_chunks`)."""
    return "".join(export_chunks(catalogue, locator))


def write_export(path: Path, catalogue: Catalogue, locator: Locator) -> None:
    """Write the export to `path` (its folders made as needed), a category at a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        file.writelines(export_chunks(catalogue, locator))


def export_chunks(catalogue: Catalogue, locator: Locator) -> Iterator[str]:
    """The export as JSON text, a category at a time, so that writing it never holds the
    whole document. UTF-8 characters kept; compact, since indenting makes the standard library
    fall back to its slow encoder (0.5 s at 10,000 codes). `jq .` reads it."""
    head = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "site_url": locator.site_url}
    yield _json(head)[:-1] + ',"categories":['
    for index, category in enumerate(catalogue.categories):
        yield ("," if index else "") + _json(_category(catalogue, category, locator))
    yield "]}\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _category(catalogue: Catalogue, category: Category, locator: Locator) -> dict[str, Any]:
    return {
        "id": category.id,
        "title": category.title,
        "description": category.description,
        "range": list(category.range) if category.range else None,
        "url": locator.category_url(category.id),
        "entries": [_entry(catalogue, category, entry, locator) for entry in category.entries],
    }


def _entry(
    catalogue: Catalogue, category: Category, entry: Entry, locator: Locator
) -> dict[str, Any]:
    return {
        "code": entry.code,
        "id": entry.id,
        "name": entry.name,
        "anchor": entry.anchor,
        "category": category.id,
        "scenario": entry.scenario,
        "message": entry.message,
        "user_actions": list(entry.user_actions),
        "developer_actions": list(entry.developer_actions),
        **{name: _json_value(entry.value(name)) for name in _extra_fields(catalogue)},
        "obsolete": _obsolete(catalogue, entry),
        "url": locator.entry_url(entry.anchor),
        "deep_link": locator.deep_link(entry.anchor),
        "untranslated": list(entry.untranslated),
    }


def _extra_fields(catalogue: Catalogue) -> list[str]:
    """The declared fields beyond the built-in ones: each a key of every entry (null when the
    entry has none)."""
    return [name for name in catalogue.declaration.names if name not in BUILT_IN_FIELDS]


def _json_value(value: FieldValue | None) -> Any:
    """A field's value in JSON: a list of texts as an array, anything else as it is."""
    return list(value) if isinstance(value, tuple) else value


def _obsolete(catalogue: Catalogue, entry: Entry) -> dict[str, Any] | None:
    if entry.obsolete is None:
        return None
    replacement = catalogue.entry(entry.obsolete.replaced_by or "")
    return {
        "since": entry.obsolete.since,
        "reason": entry.obsolete.reason,
        "replaced_by": None if replacement is None else _code_or_id(replacement),
    }


def _code_or_id(entry: Entry) -> int | str:
    return entry.code if entry.code is not None else str(entry.id)
