"""A reader holding one code, on a page of tables, in headless Chromium: one filter for the
page, column headings in sight, landing from Material's search, accessible tables, every
kind of entry landing visibly.

`UPDATE_SCREENSHOT=1 python -m pytest tests/test_reader_page_browser.py -k screenshot`
rewrites the screenshots of "Reading the reference" (`docs/images/reading-*.png`).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .browser import (
    CATALOGUE,
    CONTRAST,
    EVERY_ROW,
    PAGE,
    PHONE,
    WCAG_AA,
    artefact,
    assert_landed,
    highlighted,
    reader,
)
from .conftest import REPO

TABLET = (768, 1024)
DESKTOP = (1280, 900)
TRANSFER = [entry.anchor for entry in CATALOGUE.category("transfer").entries]  # 7000-7003
NON_ASCII_SAFE = 3.0  # WCAG's non-text contrast: the highlight's edge against the page

SHOWN = """() => [...document.querySelectorAll("div.error-catalogue tbody tr")]
    .filter(row => row.getClientRects().length > 0).map(row => row.id)"""
FOLDED = """() => [...document.querySelectorAll("div.error-catalogue")]
    .filter(wrapper => !wrapper.querySelector("table").getClientRects().length)
    .map(wrapper => [wrapper.dataset.category,
                     wrapper.querySelector(".error-catalogue-folded").innerText])"""


def query_of(page: Any) -> str | None:
    return page.evaluate("new URL(location.href).searchParams.get('q')")  # type: ignore[no-any-return]


def search_is_open(page: Any) -> bool:
    return bool(page.evaluate("document.querySelector('[data-md-toggle=search]').checked"))


# 1. One filter for the page


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_one_filter_searches_every_table_and_folds_those_without_a_match(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    with reader(chromium) as page:
        page.goto(example(theme) + PAGE)
        field = page.get_by_role("searchbox", name="Filter errors")
        assert field.count() == 1  # one for the page, above the first table's heading
        box = page.locator(".error-catalogue-filter")
        assert box.evaluate("box => box.nextElementSibling === document.getElementById('general')")
        status = box.get_by_role("status")

        # The keyboard reaches it right after the page's title (and the title's permalink).
        above = box.locator("xpath=preceding-sibling::*[1]")
        above.evaluate("element => { element.tabIndex = -1; element.focus(); }")
        page.keyboard.press("Tab")
        if above.evaluate("above => above.contains(document.activeElement)"):
            page.keyboard.press("Tab")
        assert field.evaluate("field => document.activeElement === field")

        page.keyboard.type("7002")  # in the sixth table, Transfer
        assert page.evaluate(SHOWN) == ["7002"]
        assert status.inner_text() == f"1 of {len(EVERY_ROW)} errors"
        folded = dict(page.evaluate(FOLDED))
        assert "transfer" not in folded
        assert folded["general"] == f"0 of {len(CATALOGUE.categories[0].entries)} errors"
        assert len(folded) == len(CATALOGUE.categories) - 1
        assert query_of(page) == "7002"  # shareable
        page.screenshot(path=artefact(f"20-filter-page-{theme}.png"))

        page.keyboard.press("Escape")
        assert field.input_value() == ""
        assert page.evaluate(SHOWN) == EVERY_ROW
        assert page.evaluate(FOLDED) == []
        assert status.inner_text() == ""
        assert query_of(page) is None

        page.keyboard.type("no such error")
        assert page.evaluate(SHOWN) == []
        assert status.inner_text() == "No matching errors"
        page.keyboard.press("Escape")
        page.keyboard.type("invalid-offer")  # an entry without a code, by its id
        assert page.evaluate(SHOWN) == ["invalid-offer-parameters"]


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_an_address_with_a_filter_opens_the_page_filtered(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    """`?q=` is also Material's search's: the page shows the filtered tables, not the search."""
    with reader(chromium) as page:
        page.goto(example(theme) + PAGE + "?q=7002")
        field = page.get_by_role("searchbox", name="Filter errors")
        page.wait_for_function("() => document.querySelector('.error-catalogue-filter input')")
        assert field.input_value() == "7002"
        assert page.evaluate(SHOWN) == ["7002"]
        assert query_of(page) == "7002"
        if theme == "material":
            page.wait_for_timeout(500)  # Material's search opens, if it does, once ready
            assert not search_is_open(page)


# 2. Column headings in sight


HEADINGS_IN_SIGHT = """anchor => {
    const row = document.getElementById(anchor);
    const header = document.querySelector(".md-header, .navbar.fixed-top");
    const below = header ? header.getBoundingClientRect().bottom : 0;
    const cells = [...row.closest("table").querySelectorAll("thead th")].map(th => {
        const box = th.getBoundingClientRect();
        return [Math.round(box.top), Math.round(box.bottom)];
    });
    return {cells, row: row.getBoundingClientRect().top, header: below, viewport: innerHeight};
}"""


CARD_LABELS = """anchor => [...document.getElementById(anchor).querySelectorAll("td")]
    .map(cell => getComputedStyle(cell).display === "block" && getComputedStyle(cell, "::before").content)"""


def assert_headings_in_sight(page: Any, anchor: str, above_the_row: bool) -> None:
    """Every heading cell of the row's table in the viewport, below the theme's header (and
    above the row, which the heading row must not hide); or, where the table is too narrow
    for its columns (the mkdocs theme's content column at 768 px), each cell labelled as on
    a phone."""
    labels = page.evaluate(CARD_LABELS, anchor)
    if labels[0]:
        assert [label.split(" / ")[0] for label in labels] == [
            '"Likely Scenario"',
            '"Displayed Error Message"',
            '"Possible User Actions"',
            '"Possible Developer Actions"',
        ]
        return
    sight = page.evaluate(HEADINGS_IN_SIGHT, anchor)
    for top, bottom in sight["cells"]:
        assert sight["header"] - 1 <= top and bottom <= sight["viewport"], sight
        if above_the_row:
            assert bottom <= sight["row"] + 1, sight


@pytest.mark.parametrize("size", [TABLET, DESKTOP], ids=["768", "1280"])
@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_the_heading_row_stays_in_sight_above_a_row_deep_in_its_table(
    chromium: Any, example: Callable[[str], str], theme: str, size: tuple[int, int]
) -> None:
    deep = CATALOGUE.category("crypto-to-fiat").entries[-1].anchor
    with reader(chromium, *size) as page:
        page.goto(example(theme) + PAGE + "#" + deep)
        assert_landed(page, deep)
        assert_headings_in_sight(page, deep, above_the_row=True)
        page.mouse.wheel(0, 60)  # reading on, down the table
        page.wait_for_function(
            "() => scrollY > 0 && window.lastScroll === scrollY || ((window.lastScroll = scrollY), false)",
            polling=100,
        )
        assert_headings_in_sight(page, deep, above_the_row=False)
        page.screenshot(path=artefact(f"20-headings-{theme}-{size[0]}.png"))


# 3. Landing from Material's search on the same page


def open_search_for(page: Any, text: str) -> None:
    button = page.locator("label.md-header__button[for='__search']")  # narrow screens
    if button.is_visible():
        button.click()
    else:
        page.click("input.md-search__input")
    page.wait_for_function("() => document.querySelector('[data-md-toggle=search]').checked")
    page.keyboard.press("ControlOrMeta+A")  # the previous search's text, if any
    page.keyboard.type(text)  # keystrokes: what Material's search listens to
    page.wait_for_selector(".md-search-result__item")


@pytest.mark.parametrize("how", ["click", "keyboard"])
@pytest.mark.parametrize("size", [PHONE, TABLET, DESKTOP], ids=["375", "768", "1280"])
def test_a_search_result_on_the_same_page_lands_on_its_row(
    chromium: Any, example: Callable[[str], str], size: tuple[int, int], how: str
) -> None:
    with reader(chromium, *size) as page:
        page.goto(example("material") + PAGE)
        page.wait_for_selector(".error-catalogue-filter")
        open_search_for(page, "1004")
        result = page.locator(".md-search-result__link[href$='#1004']").first
        if how == "click":
            result.click()
        else:
            for _ in range(6):  # down the results to the row's
                page.keyboard.press("ArrowDown")
                if result.evaluate("link => document.activeElement === link"):
                    break
            page.keyboard.press("Enter")
        page.wait_for_url(f"**/{PAGE}#1004")
        assert_landed(page, "1004")
        assert not search_is_open(page)

        open_search_for(page, "Transfer")  # a heading's result lands too
        heading = page.locator(".md-search-result__link[href$='#transfer']").first
        if not heading.is_visible():  # among the page's "more results"
            page.locator(".md-search-result__more > summary").first.click()
        heading.click()
        page.wait_for_url(f"**/{PAGE}#transfer")
        page.wait_for_function(
            """() => { const top = document.getElementById("transfer").getBoundingClientRect().top;
                const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
                return top >= header - 1 && top <= header + 100; }""",
            timeout=10_000,
        )
        assert highlighted(page) == []


# 5. Accessible tables


def axe_source() -> str:
    """axe-core, from the `axe-playwright-python` package that ships it (a test dependency;
    nothing of it is copied into this project)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        pytest.skip("axe-core comes with `pip install axe-playwright-python`, not installed")
    found = sorted(Path(spec.origin).parent.rglob("axe*.js"))
    if not found:
        pytest.skip("axe-playwright-python ships no axe-core script in this version")
    return found[0].read_text(encoding="utf-8")


OUR_PROBLEMS = """async () => {
    const results = await axe.run(document, {resultTypes: ["violations", "incomplete"]});
    const ours = node => node.target.some(selector => {
        const element = document.querySelector(selector);
        return element && element.closest(".error-catalogue, .error-catalogue-filter, .error-catalogue-not-found");
    });
    const problems = [];
    for (const kind of ["violations", "incomplete"]) {
        for (const rule of results[kind]) {
            for (const node of rule.nodes.filter(ours)) {
                problems.push(`${kind} ${rule.id}: ${node.target.join(" ")}: ${node.failureSummary || ""}`);
            }
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_in_our_markup(
    chromium: Any, example: Callable[[str], str], size: tuple[int, int], scheme: str
) -> None:
    source = axe_source()
    with reader(chromium, *size) as page:
        page.goto(example("material") + PAGE + "?q=iframe#1005")  # filtered, and landed
        assert_landed(page, "1005")
        page.evaluate(f"document.body.dataset.mdColorScheme = '{scheme}'")
        page.wait_for_timeout(300)  # the permalink's fade-in
        # axe cannot tell the background of a heading row stuck over other rows (it calls
        # that "incomplete"): the tables are checked where their heading rows sit.
        page.evaluate("window.scrollTo(0, 0)")
        page.add_script_tag(content=source)
        assert page.evaluate(OUR_PROBLEMS) == []


def test_tables_have_captions_and_row_headers(chromium: Any, example: Callable[[str], str]) -> None:
    with reader(chromium) as page:
        page.goto(example("material") + PAGE)
        captions = page.eval_on_selector_all(
            "div.error-catalogue caption",
            """captions => captions.map(caption => [caption.textContent,
                caption.getBoundingClientRect().width <= 1])""",
        )
        # The heading above each table shows the title: the caption is for screen readers.
        assert captions == [[category.title, True] for category in CATALOGUE.categories]
        snapshot = page.locator("div.error-catalogue[data-category='general'] table")
        tree = snapshot.aria_snapshot()
        assert tree.startswith(f'- table "{CATALOGUE.categories[0].title}"'), tree
        row = page.locator("[id='1004']").aria_snapshot()
        assert 'rowheader "1004' in row, row


def test_a_cards_field_names_are_read_once_on_a_phone(
    chromium: Any, example: Callable[[str], str]
) -> None:
    """The label a card shows above each cell is for the eye: screen readers have the
    column's heading, the table staying a table to them."""
    with reader(chromium, *PHONE) as page:
        page.goto(example("material") + PAGE + "#1004")
        assert_landed(page, "1004")
        label = page.eval_on_selector(
            "[id='1004'] td", "cell => getComputedStyle(cell, '::before').content"
        )
        assert label.startswith('"Likely Scenario"'), label  # shown
        table = page.locator("div.error-catalogue[data-category='general'] table").aria_snapshot()
        assert '- columnheader "Likely Scenario"' in table, table  # read with the cell
        row = page.locator("[id='1004']").aria_snapshot()
        assert "Likely Scenario" not in row, row  # and not again


def link_contrasts(page: Any, selector: str) -> list[Any]:
    return [
        page.locator(selector).nth(i).evaluate(CONTRAST)
        for i in range(page.locator(selector).count())
    ]


def test_links_on_a_highlighted_row_read_well_in_the_dark(
    chromium: Any, example: Callable[[str], str]
) -> None:
    with reader(chromium) as page:
        page.goto(example("material") + PAGE + "#1005")
        page.evaluate("document.body.dataset.mdColorScheme = 'slate'")
        assert_landed(page, "1005")
        page.wait_for_timeout(300)  # the permalink's fade-in
        links = page.locator("[id='1005'] a")
        assert links.count() == 2  # the permalink, "Replaced by 1004"
        for index in range(links.count()):
            contrast = links.nth(index).evaluate(CONTRAST)
            assert contrast["ratio"] >= WCAG_AA, contrast


EDGE = """() => {
    const cell = document.querySelector(".error-catalogue-entry--highlighted > th");
    const edge = getComputedStyle(cell).boxShadow.match(/rgba?\\([^)]*\\)/)[0];
    const page = getComputedStyle(document.body).backgroundColor;
    const rgb = value => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => [r, g, b].map(c => {
        c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const [a, b] = [luminance(rgb(edge)), luminance(rgb(page))].sort((x, y) => y - x);
    return {edge, page, ratio: (a + 0.05) / (b + 0.05)};
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_highlights_edge_stands_out_from_the_page(
    chromium: Any, example: Callable[[str], str], scheme: str
) -> None:
    with reader(chromium) as page:
        page.goto(example("material") + PAGE + "#1004")
        page.evaluate(f"document.body.dataset.mdColorScheme = '{scheme}'")
        assert_landed(page, "1004")
        edge = page.evaluate(EDGE)
        assert edge["ratio"] >= NON_ASCII_SAFE, edge


# 6. Every kind of entry lands visibly


def test_an_entry_without_a_code_shows_its_id_where_a_deep_link_lands(
    chromium: Any, example: Callable[[str], str]
) -> None:
    with reader(chromium, *PHONE) as page:  # the last table: a tall page has room below
        page.goto(example("material") + "errors/invalid-offer-parameters/")
        page.wait_for_url(f"**/{PAGE}#invalid-offer-parameters")
        assert_landed(page, "invalid-offer-parameters")
        shown = page.locator("[id='invalid-offer-parameters'] > th .error-catalogue-no-code")
        assert shown.inner_text() == "invalid-offer-parameters"
        assert shown.get_attribute("title") == "no code"
        assert shown.is_visible()


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_an_anchor_no_row_has_says_the_code_is_not_in_the_reference(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    with reader(chromium) as page:
        page.goto(example(theme) + PAGE + "#99999")
        notice = page.locator(".error-catalogue-not-found")
        assert notice.inner_text() == "Error 99999 is not in the error reference. See every error"
        assert notice.locator("code").inner_text() == "99999"
        assert notice.is_visible() and notice.bounding_box()["y"] < 900
        page.screenshot(path=artefact(f"20-anchor-not-found-{theme}.png"))
        page.evaluate("location.hash = '1004'")  # a row again: the line goes
        assert_landed(page, "1004")
        assert notice.count() == 0
        page.evaluate("location.hash = '88888'")  # and comes back, in sight
        assert notice.locator("code").inner_text() == "88888"
        page.wait_for_function(  # (smoothly, in the mkdocs theme)
            """() => { const box = document.querySelector(".error-catalogue-not-found")
                .getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }""",
            timeout=10_000,
        )


# The screenshots of "Reading the reference"


def test_screenshots_of_the_new_states(chromium: Any, example: Callable[[str], str]) -> None:
    """Saved to test-artifacts/; with UPDATE_SCREENSHOT=1, to docs/images/ too."""
    shots: dict[str, bytes] = {}
    base = example("material")
    with reader(chromium, 1000, 640) as page:
        page.goto(base + PAGE + "?q=7002")
        page.locator(".error-catalogue-filter").scroll_into_view_if_needed()
        page.evaluate("document.activeElement.blur()")
        shots["reading-filter.png"] = page.screenshot()

        deep = CATALOGUE.category("crypto-to-fiat").entries[-1].anchor
        page.goto(base + PAGE + "#" + deep)
        assert_landed(page, deep)
        shots["reading-headings.png"] = page.screenshot()

        page.goto(base + PAGE + "#99999")
        page.locator(".error-catalogue-not-found").wait_for()
        shots["reading-anchor-not-found.png"] = page.screenshot(
            clip={"x": 0, "y": 0, "width": 1000, "height": 300}
        )

    with reader(chromium, *PHONE) as page:
        page.goto(base + PAGE + "#invalid-offer-parameters")
        assert_landed(page, "invalid-offer-parameters")
        shots["reading-id-entry-phone.png"] = page.screenshot()
    for name, image in shots.items():
        artefact(name).write_bytes(image)
        if os.environ.get("UPDATE_SCREENSHOT") == "1":
            (REPO / "docs" / "images" / name).write_bytes(image)
