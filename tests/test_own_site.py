"""The project's own documentation, built as it is published: every page shows all its prose.

One raw HTML element that nobody wrote can hide the rest of a page, and `mkdocs build --strict`
does not notice: Python-Markdown took a `` `<script>` `` that started a line of the migrating
page for an HTML block (its HTML parser had lost count of the lines after an earlier `&#`), and
a browser then read everything after it as script. So each page's article may hold only the
elements that Markdown and the site's extensions make, and its last paragraph must be on screen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_error_catalogue.loading import CATALOGUE_SCHEMA

from .browser import reader, serve
from .conftest import REPO

pytestmark = pytest.mark.slow  # the whole documentation site is built

DOCS = REPO / "docs"
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))

# What Markdown, the site's extensions (tables, admonitions, details, highlighting, permalinks)
# and the plugin's tables make. Anything else in an article is raw HTML nobody meant as markup.
MARKDOWN_ELEMENTS = {
    *(f"h{level}" for level in range(1, 7)),
    *("p", "a", "em", "strong", "code", "pre", "span", "br", "hr", "img", "blockquote"),
    *("ul", "ol", "li", "dl", "dt", "dd", "div", "details", "summary", "del", "small", "sup"),
    *("table", "caption", "thead", "tbody", "tr", "th", "td", "abbr", "kbd", "mark", "sub"),
}
# Tags of the elements whose content an HTML parser reads as raw text: one opened by mistake
# takes the rest of the page with it. Without them, the page parses as Markdown made it.
RAW_TEXT = re.compile(
    r"</?(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)\b[^>]*>",
    re.I,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, from its own `mkdocs.yml`, built with `--strict` into a temporary
    folder."""
    site_dir = tmp_path_factory.mktemp("own-site")
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def built_path(page: str) -> str:
    """Where `mkdocs build` writes the page `page` of docs/ (directory URLs)."""
    folder, _, name = page.removesuffix(".md").rpartition("/")
    return "/".join(part for part in (folder, "" if name == "index" else name) if part)


def article(html: str) -> Any:
    return BeautifulSoup(html, "html.parser").find("article")


def last_paragraph(html: str) -> str:
    """The text of the article's last paragraph as Markdown wrote it: without the tags of raw
    text elements, so that one opened by mistake does not hide what follows."""
    paragraphs = article(RAW_TEXT.sub("", html)).find_all("p")
    return " ".join(paragraphs[-1].get_text().split())


@pytest.mark.parametrize("page", PAGES)
def test_every_page_holds_only_the_elements_markdown_makes(built: Path, page: str) -> None:
    html = (built / built_path(page) / "index.html").read_text(encoding="utf-8")
    unintended = sorted(
        {element.name for element in article(html).find_all(True)} - MARKDOWN_ELEMENTS
    )
    assert unintended == [], f"{page}: raw HTML in the article: {unintended}"


VISIBLE_PARAGRAPHS = """() => Array.from(document.querySelectorAll("article p"))
    .filter(p => p.checkVisibility({opacityProperty: true, visibilityProperty: true})
        && p.getBoundingClientRect().height > 0)
    .map(p => p.textContent.replace(/\\s+/g, " ").trim())"""


def test_every_page_shows_its_last_paragraph_in_a_browser(built: Path, chromium: Any) -> None:
    base, server = serve(built)
    try:
        with reader(chromium) as tab:
            for page in PAGES:
                path = built_path(page)
                expected = last_paragraph((built / path / "index.html").read_text("utf-8"))
                tab.goto(urljoin(base, f"{path}/" if path else ""))
                assert expected in tab.evaluate(VISIBLE_PARAGRAPHS), f"{page}: {expected!r}"
    finally:
        server.shutdown()


@pytest.mark.parametrize(
    "schema", sorted(CATALOGUE_SCHEMA.parent.glob("*.schema.json")), ids=lambda path: path.name
)
def test_the_site_publishes_each_schema_where_its_id_says(built: Path, schema: Path) -> None:
    """The site serves `schema/<name>` (a hook of mkdocs.yml copies it). Until the site has a
    public address (`site_url`), the `$id` is the file's name, which names the published file
    relative to where it was fetched from; with one, it is the absolute address."""
    assert (built / "schema" / schema.name).read_bytes() == schema.read_bytes()
    site_url = load_config(str(REPO / "mkdocs.yml")).site_url
    where = urljoin(f"{site_url.rstrip('/')}/schema/", schema.name) if site_url else schema.name
    assert json.loads(schema.read_text(encoding="utf-8"))["$id"] == where
