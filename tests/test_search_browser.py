"""Typing a code into the built-in search of both themes finds its entry first and opens its row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import serve
from .conftest import example_site


@pytest.fixture
def served(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    site = example_site(tmp_path, request.param)
    site.page("index.md", "# Home\n\nThis short page mentions 1004 in passing.\n")
    site.build()
    url, server = serve(tmp_path / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("served", ["material"], indirect=True)
def test_material_search_lists_the_entry_first_and_opens_its_row(
    chromium: Any, served: str
) -> None:
    page = chromium.new_page()
    page.goto(served)
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("1004")
    page.wait_for_selector(".md-search-result__item")
    results = page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(link => link.getAttribute('href'))"
    )
    # Material groups results by page: the catalogue page first, its first section the entry.
    assert results[0].endswith("reference/link-errors/")
    assert results[1].endswith("reference/link-errors/#1004")
    page.click(".md-search-result__link >> nth=1")
    page.wait_for_url("**/reference/link-errors/#1004")
    assert page.evaluate("document.querySelector(':target').id") == "1004"


@pytest.mark.parametrize("served", ["mkdocs"], indirect=True)
def test_mkdocs_theme_search_lists_the_entry_first_and_opens_its_row(
    chromium: Any, served: str
) -> None:
    page = chromium.new_page()
    page.goto(served)
    page.keyboard.press("s")  # the mkdocs theme's search shortcut
    page.wait_for_selector("#mkdocs-search-query", state="visible")
    # Typed into the box itself: the modal takes the focus only once it has faded in, and keys
    # typed before that went to the page (seen once in CI, on a busy machine).
    page.fill("#mkdocs-search-query", "1004")
    # The theme listens for keystrokes only once its search index has loaded: until results
    # show, send the key-up it searches on again.
    page.wait_for_function(
        """() => {
            const query = document.getElementById("mkdocs-search-query");
            query.dispatchEvent(new KeyboardEvent("keyup"));
            return document.querySelector("#mkdocs-search-results a") !== null;
        }""",
        polling=200,
    )
    first = page.get_attribute("#mkdocs-search-results a >> nth=0", "href")
    assert first is not None and first.endswith("reference/link-errors/#1004")
    page.click("#mkdocs-search-results a >> nth=0")
    page.wait_for_url("**/reference/link-errors/#1004")
    assert page.evaluate("document.querySelector(':target').id") == "1004"
