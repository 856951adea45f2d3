"""`error-catalogue check` output: GitHub annotations, plain messages for refused text."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from .conftest import error_catalogue


def test_check_formats_problems_as_github_annotations(tmp_path: Path) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "a.yml").write_text("title: A\nerrors:\n  - {code: 1, scenario: S, mesage: M}\n")
    result = error_catalogue("check", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=catalogue/a.yml,line=3,title=error-catalogue::unknown key `mesage` in an "
        "error: did you mean `message`?",
        "::error file=catalogue/a.yml,line=3,title=error-catalogue::error 1 has no `message`: "
        "add `message: …`",
    ]
    assert error_catalogue("check", "--format", "xml", cwd=tmp_path).returncode == 2


def test_a_hostile_description_in_text_file_form_is_refused_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "a.yml").write_bytes(b'title: T\nerrors: []\ndescription: "\\x00"\n')
    result = error_catalogue("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == dedent("""\
        catalogue/a.yml:3: `description` contains the control character U+0000: remove it""")
