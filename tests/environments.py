"""The package as users get it: the built wheel, installed in fresh virtual environments."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import REPO


def run(*command: str | Path, cwd: Path) -> str:
    """Run a command; its output, or a failed assertion showing what it printed."""
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `python -m build` makes of this checkout."""
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, cwd=REPO)
    (built,) = dist.glob("mkdocs_error_catalogue-*.whl")
    return built


def environment(folder: Path, *requirements: str | Path) -> Path:
    """A fresh virtual environment with `requirements` from the package index; its `bin`.

    Outside CI, a machine that cannot reach the index skips the test, saying so; in CI
    (`CI` set) that is a failure.
    """
    venv.create(folder, with_pip=True)
    command = [folder / "bin" / "python", "-m", "pip", "install", "--quiet", *requirements]
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )
    if result.returncode:
        cannot_install(f"{', '.join(map(str, requirements))}: {result.stderr[-500:]}")
    return folder / "bin"


def cannot_install(what: str) -> None:
    """Outside CI, skip the test, saying so (no access to the package index, say); in CI
    (`CI` set), fail it."""
    reason = f"cannot install {what}"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(f"SKIPPED, NOT PASSED: {reason}")
