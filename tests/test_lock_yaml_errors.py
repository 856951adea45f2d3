"""A broken lock file's YAML is said as a category file's is: the one reading of YAML errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_error_catalogue.locking import read_lock
from mkdocs_error_catalogue.problems import Problem

RESTORE = (
    "restore it from version control, or delete it on purpose to start over "
    "(then run `error-catalogue lock`)"
)


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        (
            "'1':\n\tscenario: x\n",
            2,
            "a tab character where YAML expects spaces: indent with spaces only",
        ),
        ("'1': \x07\n", 1, "the character U+0007 is not allowed: remove it"),
        ("a: b\n  c: d\n", 2, "mapping values are not allowed here"),
    ],
)
def test_a_lock_file_yaml_error_is_said_as_a_category_files_is(
    tmp_path: Path, text: str, line: int, what: str
) -> None:
    path = tmp_path / "catalogue.lock"
    path.write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    assert read_lock(path, problems) == {}
    assert [(problem.line, problem.message) for problem in problems] == [
        (line, f"invalid lock file ({what}): {RESTORE}")
    ]
