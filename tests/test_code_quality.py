"""The code stays typed and lint-clean: the same checks a reviewer would run."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def check(*command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint() -> None:
    check("ruff", "check", ".")


def test_ruff_format() -> None:
    check("ruff", "format", "--check", ".")


def test_mypy_strict() -> None:
    check("mypy")
