"""Editors check `_fields.yml` and category files with `name` and `columns` by the shipped
JSON Schemas, which agree with the loader on everything a single file can show."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from mkdocs_error_catalogue.loading import CATALOGUE_SCHEMA, FIELDS_SCHEMA

from .conftest import loader_accepts, run_cli
from .test_declared_fields import POSTGRES_CLASS, POSTGRES_FIELDS, RUST_FIELDS

CATEGORY = "title: A\nerrors:\n  - {code: 1, scenario: S, message: M}\n"

# (a field declaration, whether it is valid): each rule the schema can express.
DECLARATIONS = [
    (POSTGRES_FIELDS, True),
    (RUST_FIELDS, True),
    ("fields:\n  scenario:\n  severity:\n    kind: number\n", True),
    ("fields:\n  tags: {kind: texts, description: For editors.}\nempty_columns: show\n", True),
    ("fields:\n  severity:\n    kind: choice\n    values: [error, warning]\n", True),
    ("fields:\n  severity:\n    label: {en: Severity, pt-BR: Gravidade}\n", True),
    ("fields: {}\n", False),
    ("feilds:\n  severity:\n", False),
    ("fields:\n  severity:\n    kind: makdown\n", False),
    ("fields:\n  severity:\n    kind: choice\n", False),
    ("fields:\n  severity:\n    values: [a]\n", False),
    ("fields:\n  severity:\n    kind: choice\n    values: []\n", False),
    ("fields:\n  url:\n", False),
    ("fields:\n  Severity:\n", False),
    ("fields:\n  message:\n    kind: markdown\n", False),
    ("fields:\n  severity:\n    lable: Severity\n", False),
    ("fields:\n  severity:\n    required: maybe\n", False),
    ("fields:\n  severity:\n    label: {english: Severity}\n", False),
    ("fields:\n  severity:\nempty_columns: hidden\n", False),
    ("fields:\n  severity:\nlabels: {category: Group}\n", False),
]


def schema_accepts(schema: Path, text: str) -> bool:
    validator = jsonschema.Draft7Validator(json.loads(schema.read_text(encoding="utf-8")))
    return bool(validator.is_valid(yaml.safe_load(text)))


@pytest.mark.parametrize(("text", "valid"), DECLARATIONS)
def test_the_fields_schema_and_the_loader_agree(tmp_path: Path, text: str, valid: bool) -> None:
    files = {"_fields.yml": text, "a.yml": "title: A\nerrors: []\n"}
    accepted = (schema_accepts(FIELDS_SCHEMA, text), loader_accepts(tmp_path / "c", files))
    assert accepted == (valid, valid)


# (a category file, whether it is valid), read without a declaration.
CATEGORIES = [
    (POSTGRES_CLASS.replace("type: E", "scenario: S\n    message: M"), True),
    ("title: A\ncolumns: [code, message]\nerrors: []\n", True),
    ("title: A\nerrors:\n  - {name: no_code_yet, scenario: S, message: M}\n", True),
    ("title: A\ncolumns: [severity]\nerrors: []\n", False),
    ("title: A\nerrors:\n  - {name: n, id: x, scenario: S, message: M}\n", False),
    ("title: A\nerrors:\n  - {code: 1, name: '404', scenario: S, message: M}\n", False),
    ("title: A\nerrors:\n  - {code: 1, name: not a slug, scenario: S, message: M}\n", False),
]


@pytest.mark.parametrize(("text", "valid"), CATEGORIES)
def test_the_catalogue_schema_knows_names_and_columns(
    tmp_path: Path, text: str, valid: bool
) -> None:
    accepted = (
        schema_accepts(CATALOGUE_SCHEMA, text),
        loader_accepts(tmp_path / "c", {"a.yml": text}),
    )
    assert accepted == (valid, valid)


def test_the_cli_prints_the_shipped_schemas(tmp_path: Path) -> None:
    printed = run_cli("schema", cwd=tmp_path)
    assert printed.stdout == CATALOGUE_SCHEMA.read_text(encoding="utf-8")
    fields = run_cli("schema", "fields", cwd=tmp_path)
    assert (fields.returncode, fields.stdout) == (0, FIELDS_SCHEMA.read_text(encoding="utf-8"))


def declared_schema(root: Path, fields: str) -> dict[str, object]:
    """What `error-catalogue schema` prints for a catalogue declaring `fields`."""
    catalogue = root / "catalogue"
    catalogue.mkdir()
    (catalogue / "_fields.yml").write_text(fields, encoding="utf-8")
    printed = run_cli("schema", cwd=root)
    assert printed.returncode == 0, printed.stderr
    schema: dict[str, object] = json.loads(printed.stdout)
    return schema


# (a category file of the PostgreSQL shape, whether it is valid)
POSTGRES_CATEGORIES = [
    (POSTGRES_CLASS, True),
    ("title: A\ncolumns: [name, type]\nerrors: []\n", True),
    ("title: A\nerrors:\n  - {code: '1', type: E, scenario: Text.}\n", True),
    ("title: A\ncolumns: [message]\nerrors: []\n", False),
    ("title: A\nerrors:\n  - {code: '1', type: X}\n", False),
    ("title: A\nerrors:\n  - {code: '1'}\n", False),
    ("title: A\nerrors:\n  - {code: '1', type: E, message: M}\n", False),
]


@pytest.mark.parametrize(("text", "valid"), POSTGRES_CATEGORIES)
def test_the_schema_of_a_declaring_catalogue_follows_its_fields(
    tmp_path: Path, text: str, valid: bool
) -> None:
    schema = declared_schema(tmp_path, POSTGRES_FIELDS)
    validator = jsonschema.Draft7Validator(schema)
    files = {"_fields.yml": POSTGRES_FIELDS, "a.yml": text}
    accepted = (validator.is_valid(yaml.safe_load(text)), loader_accepts(tmp_path / "c", files))
    assert accepted == (valid, valid)


def test_each_kind_has_its_schema(tmp_path: Path) -> None:
    fields = (
        "fields:\n  codes: {kind: choice, values: ['404', 'yes', E]}\n  tries: {kind: number}\n"
        "  docs: {kind: url, description: Where to read more.}\n  notes: {kind: texts}\n"
        "  explanation: {kind: markdown, required: true}\n"
    )
    schema: Any = declared_schema(tmp_path, fields)
    entry = schema["definitions"]["entry"]
    assert entry["required"] == ["explanation"]
    properties = entry["properties"]
    assert list(properties) == [
        "code",
        "name",
        "id",
        "obsolete",
        "codes",
        "tries",
        "docs",
        "notes",
        "explanation",
    ]
    assert properties["codes"] == {"enum": ["404", 404, "yes", True, "E"]}
    assert properties["tries"] == {"type": "number"}
    assert properties["docs"]["description"] == "Where to read more."
    assert properties["notes"] == {"type": "array", "items": {"$ref": "#/definitions/text"}}
    assert properties["explanation"] == {"$ref": "#/definitions/text"}


def test_a_broken_declaration_gets_no_schema(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue"
    catalogue.mkdir()
    (catalogue / "_fields.yml").write_text("fields:\n  url:\n", encoding="utf-8")
    printed = run_cli("schema", cwd=tmp_path)
    assert (printed.returncode, printed.stdout) == (1, "")
    assert printed.stderr == (
        "catalogue/_fields.yml:2: `url` is a reserved name: call the field `docs_url`\n"
    )
