"""Real MkDocs sites in temporary folders, built in-process or with the real command line."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import posixpath
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import dedent
from types import SimpleNamespace
from typing import Any

import markdown
import polib
import pytest
import yaml
from bs4 import BeautifulSoup
from markdown.preprocessors import Preprocessor
from markdown_it import MarkdownIt
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_error_catalogue import CatalogueError, Category, load_catalogue
from mkdocs_error_catalogue.extension import ErrorCatalogueExtension

pytest_plugins = ["tests.browser", "tests.environments"]  # fixtures: `chromium`, `wheel`

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CATALOGUE = REPO / "catalogue"
EXAMPLE_ANCHORS = [entry.anchor for entry in load_catalogue(EXAMPLE_CATALOGUE).entries()]
# The hand-written page this project started from, the import's model input.
SEED = Path(__file__).parent / "data" / "seed-link-errors.md"
THEMES = ("material", "mkdocs")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by mark
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives Chromium is a `browser` test; one that builds the wheel, or a
    Hypothesis test (its body runs for many generated examples), a `slow` one. Marked by what
    they use, no such test can miss its mark, and the quick run
    (`-m "not browser and not slow"`) leaves them all out."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "chromium" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "wheel" in fixtures or getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)


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


def example_site(root: Path, theme: str = "material", **options: Any) -> Site:
    """The example catalogue shown on `reference/link-errors.md`, plus pages that link to it."""
    site = new_site(root, theme, **options)
    shutil.copytree(EXAMPLE_CATALOGUE, root / "catalogue")
    site.page("index.md", "# Home\n\nSee [the cookie error](error:1004) and [](error:1005).\n")
    site.page("reference/link-errors.md", "# Link errors\n\n<!-- error-catalogue -->\n")
    site.page("guide/deep/page.md", "# Deep\n\nCode [](error:2001) and [](error:api-error).\n")
    return site


def follow(site: Site, from_url: str, href: Any) -> tuple[BeautifulSoup, str]:
    """The built page a relative link from `from_url` (a site URL) opens, and its fragment."""
    path, _, fragment = str(href).partition("#")
    file = site.linked_file(from_url, path)
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser"), fragment


def multilingual_site(
    root: Path,
    theme: str = "material",
    structure: str = "suffix",
    second: tuple[str, str, str] = ("fr", "Français", "# Erreurs de Link"),
) -> Site:
    """The example site in English (the default, at the root) and a second language (French,
    below `fr/`: its locale, name and page title), its pages named as mkdocs-static-i18n's
    `docs_structure` says (`x.fr.md`, or `fr/x.md`)."""
    site = example_site(root, theme)
    site.config["site_url"] = "https://example.com/"
    locale, name, title = second
    languages = [
        {"locale": "en", "default": True, "name": "English"},
        {"locale": locale, "name": name},
    ]
    site.config["plugins"] = [
        "search",
        {"i18n": {"docs_structure": structure, "languages": languages}},
        "error-catalogue",
    ]
    page = f"{title}\n\n<!-- error-catalogue -->\n"
    if structure == "suffix":
        site.page(f"reference/link-errors.{locale}.md", page)
        return site
    (root / "docs").rename(root / "en")
    (root / "docs").mkdir()
    (root / "en").rename(root / "docs/en")
    site.page(f"{locale}/reference/link-errors.md", page)
    return site


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


def run_cli(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`error-catalogue ARGUMENTS` run in this process (`main`) from `cwd`, its output and exit
    status as `subprocess.run` gives them: the command line without a process's start-up."""
    from mkdocs_error_catalogue import site_config
    from mkdocs_error_catalogue.cli import main

    # Read once per run of the program, by path: a new run, perhaps of a rewritten file.
    site_config.site_settings.cache_clear()
    site_config._raw_config.cache_clear()
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            status = main(list(arguments))
        except SystemExit as exit:  # argparse: usage errors, --help, --version
            status = exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(
        ["error-catalogue", *arguments], status, stdout.getvalue(), stderr.getvalue()
    )


def error_catalogue(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The console script installed beside this interpreter, as `pip install` puts it.
    program = Path(sys.executable).parent / "error-catalogue"
    assert program.exists(), "the package's console script is not installed"
    return subprocess.run(
        [str(program), *arguments], cwd=cwd, capture_output=True, text=True, check=False
    )


def edit(folder: Path, name: str, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in the catalogue file `name` of `folder`."""
    path = folder / "catalogue" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`mkdocs serve` in a child process, its log collected as it runs."""

    def __init__(self, site: Site) -> None:
        site.write_config()
        self.port = free_port()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=site.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        self.log.extend(self.process.stdout)

    def page(self, path: str = "") -> str:
        address = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(address, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def status(self, path: str) -> int:
        try:
            self.page(path)
        except urllib.error.HTTPError as error:
            return int(error.code)
        return 200

    def wait_for(self, condition: Callable[[str], bool], what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if condition(self.page()):
                    return
            except OSError:
                pass  # not listening yet
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; server log:\n{''.join(self.log)}")


SERVED_CATEGORY = (
    "title: {title}\nerrors:\n  - code: {code}\n    scenario: S\n    message: {message}\n"
)


@contextlib.contextmanager
def serving(site: Site) -> Iterator[Server]:
    """A site of one category (code 1, "First words.") and one page, served."""
    site.category("01-a.yml", SERVED_CATEGORY.format(title="A", code=1, message="First words."))
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    running = Server(site)
    try:
        yield running
    finally:
        running.process.terminate()
        running.process.wait(timeout=10)


class RenderingContext(Preprocessor):
    """Stands for Zensical's: says which page is rendered, and where the docs are."""

    name = "rendering_context"

    def __init__(self, md: markdown.Markdown, path: str, docs_dir: Path) -> None:
        super().__init__(md)
        self.page = SimpleNamespace(path=path)
        self.config: dict[str, Any] = {"docs_dir": str(docs_dir)}

    def run(self, lines: list[str]) -> list[str]:
        return lines


def render_as(page: str, text: str, root: Path, caplog: pytest.LogCaptureFixture) -> Any:
    """`text` converted by the extension alone as Zensical converts the page `page` of the
    project at `root`."""
    md = markdown.Markdown(extensions=[ErrorCatalogueExtension(catalogue=str(root / "catalogue"))])
    md.preprocessors.register(RenderingContext(md, page, root / "docs"), "rendering_context", 0)
    return BeautifulSoup(md.convert(text), "html.parser")


def comparable(category: Category) -> Category:
    """A category without what differs between two copies of it: its file and line numbers."""
    entries = tuple(dataclasses.replace(entry, line=0) for entry in category.entries)
    return dataclasses.replace(category, path=Path(), entries=entries)


def catalogue_values(folder: Path) -> list[Category]:
    """The categories of the catalogue folder `folder`, comparable with another copy's."""
    return [comparable(category) for category in load_catalogue(folder).categories]


def python_markdown(text: str) -> str:
    """`text` as a site on Python-Markdown with tables and `attr_list` renders it."""
    return markdown.markdown(text, extensions=["tables", "attr_list"])


def commonmark(text: str) -> str:
    """`text` as a CommonMark generator with raw HTML on renders it."""
    rendered: str = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return rendered


GENERATORS: dict[str, Callable[[str], str]] = {
    "Python-Markdown": python_markdown,
    "CommonMark (markdown-it-py)": commonmark,
}


def filled_po(root: Path, language: str, texts: dict[str, str], fuzzy: dict[str, str]) -> Path:
    """The PO file of `language` made from the template of `error-catalogue translations`, as
    a translator's tool fills it in: `texts` translated, `fuzzy` translated for review."""
    result = run_cli("translations", cwd=root)
    assert result.returncode == 0, result.stderr
    po = polib.pofile(result.stdout)
    for entry in po:
        entry.msgstr = texts.get(entry.msgid, "")
        if entry.msgid in fuzzy:
            entry.msgstr, entry.flags = fuzzy[entry.msgid], ["fuzzy"]
    (root / "catalogue/translations").mkdir(exist_ok=True)
    path = root / f"catalogue/translations/{language}.po"
    po.save(str(path))
    return path


BOTH = """\
site_name: Both
plugins:
  - search
  - error-catalogue
markdown_extensions:
  - toc:
      permalink: true
  - error_catalogue:
      catalogue: catalogue
extra_css:
  - assets/error-catalogue/error-catalogue.css
extra_javascript:
  - assets/error-catalogue/error-catalogue.js
"""


def project(root: Path) -> Site:
    """The example catalogue, a reference page, a page linking to codes, and a config that
    lists both the plugin (MkDocs, ProperDocs) and the extension (Zensical)."""
    site = Site(root)
    shutil.copytree(EXAMPLE_CATALOGUE, root / "catalogue")
    site.page("index.md", "# Home\n\nSee [](error:1004) and [the old one](error:1005).\n")
    site.page("reference/link-errors.md", "# Link errors\n\n<!-- error-catalogue -->\n")
    site.page("guide/deep.md", "# Deep\n\nOn a sub-page: [](error:2001).\n")
    (root / "mkdocs.yml").write_text(BOTH, encoding="utf-8")
    return site


def bilingual_site(root: Path, second: str = "ko", **options: Any) -> Site:
    """The example site in English (the default, at the root) and `second` (below its
    folder), as mkdocs-static-i18n builds it, with the plugin's `options`."""
    site = multilingual_site(root, second=(second, second, "# 링크 오류"))
    if options:
        site.config["plugins"][-1] = {"error-catalogue": options}
    return site


KOREAN = {
    "General Errors": "일반 오류",
    "Failed to instantiate SDK IMX Client when connecting wallet": (
        "지갑 연결 중 SDK IMX 클라이언트를 만들지 못함"
    ),
    "Something went wrong.": "문제가 발생했습니다.",
    "Contact the Customer Support team.": "고객 지원팀에 문의하세요.",
    "Check SDK Settings.": "SDK 설정을 확인하세요.",
    "Failed to open Link as iFrame due to 3rd party cookies blocked": (
        "서드 파티 쿠키 차단으로 Link를 iFrame으로 열지 못함"
    ),
}


OLD_1004 = "Failed to open Link as iFrame due to 3rd party cookies blocked"


NEW_1004 = "Failed to open Link in an iFrame as the browser blocks 3rd party cookies"


def korean_po(root: Path, texts: dict[str, str]) -> Path:
    """`ko.po` made from the template, with one translation left fuzzy for review."""
    return filled_po(root, "ko", texts, {FUZZY: "사용자가 Link를 닫음"})


def reword_1004(root: Path) -> None:
    """The English of 1004's scenario changes after it was translated."""
    path = root / "catalogue/01-general.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"scenario: {OLD_1004}", f"scenario: {NEW_1004}"), "utf-8")


FUZZY = "Link forcibly closed by the user"  # 1003's scenario, carried over for review


def loader_accepts(folder: Path, files: dict[str, str]) -> bool:
    """Whether the catalogue folder `folder`, made of `files` (name: text), loads."""
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    try:
        load_catalogue(folder)
    except CatalogueError:
        return False
    return True
