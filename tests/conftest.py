"""Real MkDocs sites in temporary folders, built in-process or with the real command line."""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

pytest_plugins = ["tests.browser", "tests.environments"]  # fixtures: `chromium`, `wheel`

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CATALOGUE = REPO / "catalogue"
THEMES = ("material", "mkdocs")


@dataclass
class Site:
    """A throw-away MkDocs project: write files, build, read the HTML back."""

    root: Path
    config: dict[str, Any] = field(default_factory=dict)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def category(self, name: str, text: str) -> Path:
        return self.write(f"catalogue/{name}", text)

    def page(self, relative: str, text: str) -> Path:
        return self.write(f"docs/{relative}", text)

    def write_config(self) -> Path:
        path = self.root / "mkdocs.yml"
        path.write_text(yaml.safe_dump(self.config, sort_keys=False), encoding="utf-8")
        return path

    def build(self, strict: bool = True) -> None:
        """Build in this process, as `mkdocs build [--strict]` would."""
        config = load_config(str(self.write_config()), strict=strict)
        build(config)

    def run(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run the real `mkdocs` command line on the site."""
        self.write_config()
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", *arguments],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )

    def linked_file(self, from_url: str, href: str) -> Path:
        """The built file a relative link (without fragment) on the page at `from_url` (its
        path in the site) opens; a folder opens its `index.html`."""
        target = posixpath.normpath(posixpath.join(posixpath.dirname(from_url), href or "."))
        file = self.root / "site" / target.lstrip("./")
        return file / "index.html" if file.is_dir() else file

    def html(self, relative: str = "index.html") -> BeautifulSoup:
        return BeautifulSoup(
            (self.root / "site" / relative).read_text(encoding="utf-8"), "html.parser"
        )


def new_site(root: Path, theme: str = "material", **plugin_options: Any) -> Site:
    plugin: Any = {"error-catalogue": plugin_options} if plugin_options else "error-catalogue"
    config = {
        "site_name": "Test site",
        "theme": {"name": theme},
        "plugins": ["search", plugin],
        "markdown_extensions": [{"toc": {"permalink": True}}, "attr_list", "tables"],
    }
    return Site(root, config)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """An empty site on the Material theme; tests add catalogue files and pages."""
    return new_site(tmp_path)


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    yield request.param


def cell_texts(row: Any) -> list[str]:
    """The visible text of each cell of a table row (its header cell, the code, included),
    whitespace folded."""
    return [" ".join(cell.get_text(" ", strip=True).split()) for cell in cells(row)]


COLUMNS = ("code", "scenario", "message", "user-actions", "developer-actions")


def cells(row: Any) -> list[Any]:
    """The cells of a table row: the code is its header cell (`th`), the others `td`."""
    return list(row.find_all(["th", "td"], recursive=False))


def cell(row: Any, column: str) -> Any:
    """The cell of `row` in `column` (body cells have no classes; see the rendering)."""
    return cells(row)[COLUMNS.index(column)]


def css_cell(column: str) -> str:
    """A CSS selector for the cells of `column`, for selectors and the browser."""
    return f":is(th, td):nth-child({COLUMNS.index(column) + 1})"


def scenario_text(scenario_cell: Any) -> str:
    """The scenario's own text: an obsolete row's is struck (`del`) and followed by its note."""
    return str((scenario_cell.find("del", recursive=False) or scenario_cell).get_text())
