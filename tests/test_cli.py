"""The `error-catalogue` command: in this process (`run_cli`), and the installed program as
users run it (`error_catalogue`)."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import polib

from .conftest import EXAMPLE_CATALOGUE, REPO, error_catalogue, run_cli


def test_check_passes_on_the_example_catalogue(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "catalogue")
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "catalogue: 12 categories, 45 errors, no problems"


def test_check_lists_each_problem_as_file_line_message(tmp_path: Path) -> None:
    folder = tmp_path / "errors"
    folder.mkdir()
    (folder / "a.yml").write_text(
        "title: A\nerrors:\n  - code: 1\n    scenario: S\n    mesage: M\n"
    )
    result = run_cli("check", "--catalogue", "errors", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "errors/a.yml:3: error 1 has no `message`: add `message: …`",
        "errors/a.yml:5: unknown key `mesage` in an error: did you mean `message`?",
    ]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run_cli("chekc", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'chekc'" in result.stderr


def test_check_reads_only_the_catalogue_option_of_mkdocs_yml(tmp_path: Path) -> None:
    """`check` needs the catalogue folder, not a buildable site: a `docs/` that is not there
    (yet) does not stop it."""
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "errors")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: S\ndocs_dir: pages\nplugins:\n  - error-catalogue:\n      catalogue: errors\n"
    )
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "errors: 12 categories, 45 errors, no problems"


def test_a_mkdocs_yml_of_the_wrong_shape_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    for text, message in [
        ("- a list\n", "it must be a mapping of settings, such as `site_name: Docs`"),
        (
            "plugins:\n  - error-catalogue: errors\n",
            "the options of `error-catalogue` must be a mapping of `key: value`",
        ),
        (
            "plugins:\n  - error-catalogue:\n      catalogue: [a]\n",
            "`catalogue: ['a']` in the options of `error-catalogue` must be a folder path",
        ),
    ]:
        (tmp_path / "mkdocs.yml").write_text(text)
        result = run_cli("check", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (
            1,
            f"error-catalogue: mkdocs.yml: {message}\n",
        )


def test_translations_prints_each_text_once_with_where_it_is_used(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "catalogue")
    result = run_cli("translations", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    po = polib.pofile(result.stdout)
    ids = [entry.msgid for entry in po]
    assert len(ids) == len(set(ids)) == 119
    contact = po.find("Contact the Customer Support team.")
    assert contact is not None and contact.msgstr == ""
    assert ("01-general.yml", "6") in contact.occurrences  # code 1000, at line 6
    assert contact.comment == "user action, developer action"  # for the translator
    assert po.find("1004") is None  # codes are the same in every language
    assert po.find("General Errors") is not None  # titles are translated


def test_the_installed_program_prints_the_version_of_its_distribution(tmp_path: Path) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    result = error_catalogue("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"error-catalogue {project['version']}\n")
