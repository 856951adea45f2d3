"""PyYAML without libyaml reads ten times slower: the build says so once, with the fix.

Each build runs in a process of its own whose PyYAML cannot import its C extension
(`yaml._yaml`), which is exactly what a PyYAML built without libyaml looks like to us.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mkdocs_error_catalogue.loading import SLOW_WITHOUT_LIBYAML

from .conftest import Site, new_site

pytestmark = pytest.mark.slow  # real `mkdocs build` processes

HIDE_LIBYAML = (
    "import runpy, sys; sys.modules['yaml._yaml'] = None; "
    "sys.argv = ['mkdocs', *sys.argv[1:]]; runpy.run_module('mkdocs', run_name='__main__')"
)
SAID = "PyYAML was installed without libyaml"


def build(site: Site, *options: str, libyaml: bool = False) -> subprocess.CompletedProcess[str]:
    site.write_config()
    command = ["-m", "mkdocs"] if libyaml else ["-c", HIDE_LIBYAML]
    return subprocess.run(
        [sys.executable, *command, "build", *options],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )


def catalogue_of(site: Site, size: int) -> None:
    """A catalogue of at least `size` bytes of YAML, and a page that shows it."""
    entries: list[dict[str, object]] = []
    written = 0
    while written < size:
        text = f"Scenario {len(entries)} " + "words " * 150
        entries.append({"code": len(entries) + 1, "scenario": text, "message": "M"})
        written += len(text) + 30
    site.write("catalogue/a.yml", yaml.safe_dump({"title": "A", "errors": entries}, width=10**6))
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")


def lines_saying_it(output: str) -> list[str]:
    return [line for line in output.splitlines() if SAID in line]


def test_a_small_catalogue_is_told_once_as_information(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    catalogue_of(site, 10_000)
    result = build(site, "--strict")
    assert result.returncode == 0, result.stderr
    [said] = lines_saying_it(result.stderr)
    assert said.startswith("INFO") and "pip install --force-reinstall" in said
    assert lines_saying_it(build(site, libyaml=True).stderr) == []


def test_a_large_catalogue_is_a_warning_that_fails_strict(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    catalogue_of(site, SLOW_WITHOUT_LIBYAML)
    result = build(site, "--strict")
    assert result.returncode == 1
    [said] = lines_saying_it(result.stderr)
    assert said.startswith("WARNING")
