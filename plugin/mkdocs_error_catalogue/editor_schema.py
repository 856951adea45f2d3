"""The editor schema of category files for one catalogue: the shipped schema, with the entry's
fields, the required ones and the column names taken from the catalogue's field declaration."""

from __future__ import annotations

import json
from typing import Any

import yaml

from .loading import CATALOGUE_SCHEMA
from .model import Declaration, FieldSpec

_TEXT = {"$ref": "#/definitions/text"}
# The keys of an entry that every declaration keeps.
_IDENTITY_PROPERTIES = ("code", "name", "id", "obsolete")


def catalogue_schema(declaration: Declaration) -> dict[str, Any]:
    """The JSON Schema of the category files of a catalogue with this declaration."""
    schema: dict[str, Any] = json.loads(CATALOGUE_SCHEMA.read_text(encoding="utf-8"))
    entry = schema["definitions"]["entry"]
    kept = {key: entry["properties"][key] for key in _IDENTITY_PROPERTIES}
    entry["properties"] = kept | {spec.name: _field_schema(spec) for spec in declaration.fields}
    entry["required"] = [spec.name for spec in declaration.fields if spec.required]
    columns = ["code", "name", *declaration.names]
    schema["properties"]["columns"]["items"] = {"enum": columns}
    return schema


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    if spec.kind == "texts":
        schema: dict[str, Any] = {"type": "array", "items": _TEXT}
    elif spec.kind == "choice":
        schema = {"enum": _choices(spec)}
    elif spec.kind == "number":
        schema = {"type": "number"}
    elif spec.kind == "url":
        schema = {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+"}
    else:  # text, markdown
        schema = dict(_TEXT)
    if spec.description is not None:
        schema["description"] = spec.description
    return schema


def _choices(spec: FieldSpec) -> list[Any]:
    """A choice's values as the loader compares them (as written), and as an editor's YAML
    reads them unquoted (`404` a number, `yes` true), so that both are accepted."""
    choices: list[Any] = []
    for value, _ in spec.values:
        for choice in (value, yaml.safe_load(value)):
            if choice not in choices or type(choice) is not type(value):
                choices.append(choice)
    return choices
