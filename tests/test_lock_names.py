"""The lock protects an entry's `name` as it protects its code: recorded, never removed, moved
or changed; locks written before names keep working, and readers written before names read
the new locks."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from mkdocs_error_catalogue.locking import read_lock
from mkdocs_error_catalogue.problems import Problem

from .conftest import error_catalogue

# A commit of this repository from before names joined the lock: its `locking.py` is the
# reader that releases without names use.
READER_BEFORE_NAMES = "0b57aed"

Errors = list[dict[str, Any]]
SQLSTATES: Errors = [
    {"code": 22012, "name": "division_by_zero", "scenario": "Division by zero"},
    {"code": "22P02", "name": "invalid_text_representation", "scenario": "Bad text"},
    {"code": 22013, "scenario": "Invalid preceding or following size"},
    {"name": "no_code_yet", "scenario": "An error published by its name only"},
]


def write_errors(root: Path, errors: Errors) -> None:
    """The catalogue of `root`: one category `class-22` holding `errors` (message optional)."""
    folder = root / "catalogue"
    folder.mkdir(exist_ok=True)
    declaration = {"fields": {"scenario": {}, "message": {"required": False}}}
    (folder / "_fields.yml").write_text(yaml.safe_dump(declaration), encoding="utf-8")
    category = {"title": "Class 22", "id": "class-22", "errors": errors}
    (folder / "22.yml").write_text(yaml.safe_dump(category, sort_keys=False), encoding="utf-8")


def changed(errors: Errors, key: object, **fields: Any) -> Errors:
    """`errors` with the entry whose code (else name) is `key` given `fields` (None drops)."""
    result = []
    for error in errors:
        if error.get("code", error.get("name")) == key:
            error = {k: v for k, v in {**error, **fields}.items() if v is not None}
        result.append(error)
    return result


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    write_errors(tmp_path, SQLSTATES)
    result = error_catalogue("lock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "catalogue.lock: 3 published codes and 3 names locked"
    return tmp_path


def check_errors(root: Path) -> list[str]:
    result = error_catalogue("check", cwd=root)
    assert result.returncode == (1 if result.stderr else 0), result.stderr
    return result.stderr.splitlines()


def test_the_lock_records_each_name_with_its_code_and_a_name_only_entry_by_its_name(
    locked: Path,
) -> None:
    lock = yaml.safe_load((locked / "catalogue.lock").read_text(encoding="utf-8"))
    assert lock == {
        "22012": {
            "category": "class-22",
            "name": "division_by_zero",
            "scenario": "Division by zero",
            "message": "",
        },
        "22013": {
            "category": "class-22",
            "scenario": "Invalid preceding or following size",
            "message": "",
        },
        "22P02": {
            "category": "class-22",
            "name": "invalid_text_representation",
            "scenario": "Bad text",
            "message": "",
        },
        "no_code_yet": {
            "category": "class-22",
            "name": "no_code_yet",
            "scenario": "An error published by its name only",
            "message": "",
        },
    }
    text = (locked / "catalogue.lock").read_text(encoding="utf-8")
    assert text.endswith("\n# End of the lock: 4 published codes.\n")
    assert check_errors(locked) == []


def test_a_removed_name_is_an_error_like_a_deleted_code(locked: Path) -> None:
    write_errors(locked, changed(SQLSTATES, 22012, name=None))
    assert check_errors(locked) == [
        "catalogue/22.yml:4: code 22012 was published (in catalogue.lock) with the name "
        "`division_by_zero`, which is missing: give it `name: division_by_zero` again; a "
        "published name stays with its error, as a code does"
    ]


def test_a_name_moved_to_another_code_is_an_error(locked: Path) -> None:
    errors = changed(SQLSTATES, 22012, name=None)
    write_errors(locked, changed(errors, 22013, name="division_by_zero"))
    assert check_errors(locked) == [
        "catalogue/22.yml:9: the name `division_by_zero` moved from code 22012 to 22013 (it was "
        "published with 22012 in catalogue.lock): give it back to 22012; a published name stays "
        "with its error, as a code does"
    ]


def test_a_changed_name_is_an_error_that_reword_does_not_record(locked: Path) -> None:
    write_errors(locked, changed(SQLSTATES, 22012, name="div_by_zero"))
    expected = (
        "catalogue/22.yml:4: code 22012 was published (in catalogue.lock) with the name "
        "`division_by_zero`, which is now `div_by_zero`: give it `name: division_by_zero` "
        "again; a published name stays with its error, as a code does"
    )
    assert check_errors(locked) == [expected]
    before = (locked / "catalogue.lock").read_text(encoding="utf-8")
    result = error_catalogue("lock", "--reword", "22012", cwd=locked)
    assert result.returncode == 1
    assert expected in result.stderr.splitlines()
    assert (locked / "catalogue.lock").read_text(encoding="utf-8") == before


def test_a_name_only_entry_is_locked_by_its_name(locked: Path) -> None:
    write_errors(locked, [error for error in SQLSTATES if error.get("name") != "no_code_yet"])
    assert check_errors(locked) == [
        "catalogue.lock:23: name `no_code_yet` is published (in catalogue.lock) but missing from "
        "the catalogue: put it back and mark it `obsolete:` instead of deleting it"
    ]
    write_errors(locked, changed(SQLSTATES, "no_code_yet", scenario="Another error"))
    [rewording] = check_errors(locked)
    assert rewording.startswith(
        "catalogue/22.yml:12: name `no_code_yet` changed since it was locked in catalogue.lock: "
        'scenario was "An error published by its name only", now "Another error".'
    )


def test_a_name_only_entry_that_gets_a_code_keeps_its_lock_and_lock_records_the_code(
    locked: Path,
) -> None:
    write_errors(locked, changed(SQLSTATES, "no_code_yet", code=22014))
    assert check_errors(locked) == []
    assert error_catalogue("lock", cwd=locked).returncode == 0
    lock = yaml.safe_load((locked / "catalogue.lock").read_text(encoding="utf-8"))
    assert "no_code_yet" not in lock
    assert lock["22014"]["name"] == "no_code_yet"


def test_a_code_that_gains_a_name_passes_and_plain_lock_records_the_name(locked: Path) -> None:
    write_errors(locked, changed(SQLSTATES, 22013, name="invalid_preceding_size"))
    assert check_errors(locked) == []
    result = error_catalogue("lock", cwd=locked)
    assert result.returncode == 0, result.stderr
    lock = yaml.safe_load((locked / "catalogue.lock").read_text(encoding="utf-8"))
    assert lock["22013"]["name"] == "invalid_preceding_size"


def test_a_lock_written_before_names_keeps_working_and_locks_no_name(tmp_path: Path) -> None:
    write_errors(tmp_path, [error for error in SQLSTATES if "code" in error])
    (tmp_path / "catalogue.lock").write_text(
        "22012:\n  category: class-22\n  scenario: Division by zero\n  message: ''\n"
        "\n# End of the lock: 1 published code.\n",
        encoding="utf-8",
    )
    assert check_errors(tmp_path) == []
    write_errors(tmp_path, changed(SQLSTATES, 22012, name="div_by_zero"))
    assert check_errors(tmp_path) == []  # no name was locked: a name now is a new one
    write_errors(tmp_path, [])
    [missing] = check_errors(tmp_path)
    assert "code 22012 is published (in catalogue.lock) but missing" in missing


def reader_before_names() -> ModuleType:
    """The `locking` module as it was before names joined the lock, read from git history."""
    source = Path(__file__).parent.parent / "plugin" / "mkdocs_error_catalogue" / "locking.py"
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the reader written before names cannot be read")
    shown = subprocess.run(
        ["git", "show", f"{READER_BEFORE_NAMES}:plugin/mkdocs_error_catalogue/locking.py"],
        cwd=source.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode:
        pytest.skip("this checkout has not the history of the reader written before names")
    name = "mkdocs_error_catalogue.locking_before_names"
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    try:
        exec(compile(shown.stdout, f"{name}.py", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


def test_a_reader_written_before_names_reads_a_lock_with_names(locked: Path) -> None:
    old = reader_before_names()
    path = locked / "catalogue.lock"
    old_problems: list[Problem] = []
    old_locked = old.read_lock(path, old_problems)
    assert old_problems == []
    new_problems: list[Problem] = []
    new_locked = read_lock(path, new_problems)
    assert new_problems == []
    assert {
        code: (entry.category, entry.scenario, entry.message, entry.line)
        for code, entry in old_locked.items()
    } == {
        code: (entry.category, entry.scenario, entry.message, entry.line)
        for code, entry in new_locked.items()
    }
    assert new_locked["22012"].name == "division_by_zero"
    assert new_locked["22013"].name is None
