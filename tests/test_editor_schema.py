"""The editor schema (JSON Schema for catalogue files) agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_error_catalogue.loading import CATALOGUE_SCHEMA

from .conftest import EXAMPLE_CATALOGUE, loader_accepts, run_cli

ENTRY = "  - {code: 1, scenario: S, message: M}\n"
# (category file, valid?) for every rule a single-file schema can express.
CORPUS = [
    ("title: T\nerrors:\n" + ENTRY, True),
    ("title: T\nid: t\nrange: [1, 9]\ndescription: D\nerrors:\n" + ENTRY, True),
    ("title: T\nerrors: []\n", True),
    (
        "title: T\nerrors:\n  - {id: x, scenario: S, message: M, user_actions: [a], "
        "developer_actions: []}\n",
        True,
    ),
    ("title: T\nerrors:\n  - {code: E1, scenario: S, message: M, obsolete: true}\n", True),
    (
        "title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {since: 2022-10-25, "
        "reason: R, replaced_by: 2}}\n  - {code: 2, scenario: S, message: M}\n",
        True,
    ),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {since: 2.4}}\n", True),
    ("errors: []\n", False),
    ("title: T\n", False),
    ("title: T\ncolour: red\nerrors: []\n", False),
    ("- title: T\n", False),
    ("title: ''\nerrors: []\n", False),
    ("title: T\nerrors: {}\n", False),
    ("title: T\nrange: [1]\nerrors: []\n", False),
    ("title: T\nid: has space\nerrors: []\n", False),
    ("title: T\nerrors:\n  - {scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: 1, id: x, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: 404}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, user_action: [a]}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, user_actions: Retry.}\n", False),
    ("title: T\nerrors:\n  - {code: -1, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: bad code, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: yes, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: 1.5, scenario: S, message: M}\n", False),
    # The largest whole number JavaScript reads exactly from the JSON export, and one more.
    ("title: T\nerrors:\n  - {code: 9007199254740991, scenario: S, message: M}\n", True),
    ("title: T\nerrors:\n  - {code: 9007199254740992, scenario: S, message: M}\n", False),
    ("title: T\nrange: [0, 9007199254740992]\nerrors: []\n", False),
    ('title: T\nerrors:\n  - {code: 1, scenario: "a\\x07", message: M}\n', False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: soon}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {when: x}}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {since: null}}\n", False),
]
# What only the loader can see; the schema accepts these, the loader does not.
LOADER_ONLY = [
    "title: T\nerrors:\n  - {code: 0100, scenario: S, message: M}\n",  # YAML reads 64 (octal)
    "title: T\nrange: [9, 1]\nerrors: []\n",  # order of the bounds
    "title: T\nrange: [1, 9]\nerrors:\n  - {code: 10, scenario: S, message: M}\n",
    "title: T\nerrors:\n" + ENTRY + ENTRY,  # duplicate codes
    "title: T\ntitle: U\nerrors: []\n",  # duplicate keys
    "title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {replaced_by: 7}}\n",
    "title: T\nerrors:\n  - {code: E1, scenario: S, message: M}\n"  # differ only in case
    "  - {code: e1, scenario: S, message: M}\n",
    "title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {replaced_by: 2}}\n"
    "  - {code: 2, scenario: S, message: M, obsolete: {replaced_by: 1}}\n",  # a circle
]


class _DatesAsText(yaml.SafeLoader):
    """Reads YAML as the YAML language server does: an unquoted date is text."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_accepts(text: str) -> bool:
    validator = jsonschema.Draft7Validator(json.loads(CATALOGUE_SCHEMA.read_text()))
    return bool(validator.is_valid(yaml.load(text, Loader=_DatesAsText)))


@pytest.mark.parametrize(("text", "valid"), CORPUS)
def test_schema_and_loader_agree(tmp_path: Path, text: str, valid: bool) -> None:
    assert (schema_accepts(text), loader_accepts(tmp_path / "c", {"cat.yml": text})) == (
        valid,
        valid,
    )


@pytest.mark.parametrize("text", LOADER_ONLY)
def test_checks_beyond_the_schema_are_the_loaders(tmp_path: Path, text: str) -> None:
    assert (schema_accepts(text), loader_accepts(tmp_path / "c", {"cat.yml": text})) == (
        True,
        False,
    )


def test_the_cli_prints_the_shipped_schemas(tmp_path: Path) -> None:
    printed = run_cli("schema", cwd=tmp_path)
    assert json.loads(printed.stdout) == json.loads(CATALOGUE_SCHEMA.read_text())
    exported = json.loads(run_cli("schema", "export", cwd=tmp_path).stdout)
    assert exported["title"] == "mkdocs-error-catalogue export"


def test_the_example_catalogue_matches_the_schema() -> None:
    paths = sorted(EXAMPLE_CATALOGUE.glob("*.yml"))
    assert paths, "no category file found: the loop below would check nothing"
    for path in paths:
        assert schema_accepts(path.read_text(encoding="utf-8")), path
