"""What the commands write is the same in every run of Python.

An order that follows `hash()` (a set's, say) is stable inside one process and changes from
one process to the next, with `PYTHONHASHSEED`: comparing two results of one process cannot
catch it. So each run is a process of its own, with its own hash seed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLE_CATALOGUE, SEED

pytestmark = pytest.mark.slow  # two Python processes, each running five commands

# In the folder given: the import of the seed page, then the lock, both exports and the
# translation template of the example catalogue, each command's output in a file.
COMMANDS = """
import contextlib, sys
from mkdocs_error_catalogue.cli import main

def run(output, *arguments):
    with open(output, "w", encoding="utf-8") as file, contextlib.redirect_stdout(file):
        assert main(list(arguments)) == 0, arguments

run("import.txt", "import", "page.md", "--catalogue", "imported", "--page", "imported.md")
run("lock.txt", "lock")
run("export.json", "export", "--format", "json")
run("export.md", "export", "--format", "markdown")
run("template.pot", "translations")
"""


def outputs(folder: Path, hash_seed: str) -> dict[str, bytes]:
    """Every file the commands write in `folder`, run by a Python with `hash_seed`."""
    shutil.copytree(EXAMPLE_CATALOGUE, folder / "catalogue")
    shutil.copy(SEED, folder / "page.md")
    result = subprocess.run(
        [sys.executable, "-c", COMMANDS],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_import_lock_and_exports_are_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    first = outputs(tmp_path / "first", "1")
    assert {"imported.md", "catalogue.lock", "export.json", "export.md"} <= set(first)
    assert len([name for name in first if name.startswith("imported/")]) > 1
    assert outputs(tmp_path / "second", "2") == first
