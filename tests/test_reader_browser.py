"""The reader's side of the rendered tables, in headless Chromium, in MkDocs' themes and Material.

Readers arrive holding one code, from a deep link, a search result or a link in another page.
These tests open the built example site (and a running `mkdocs serve`) the way they do and
check what they get: the row they land on, the filter box, obsolete rows, a phone screen.
Each test saves screenshots to `test-artifacts/` (git-ignored) for people to look at.

`UPDATE_SCREENSHOT=1 python -m pytest tests/test_reader_browser.py -k readme` rewrites the
README's screenshot, `docs/images/link-errors.png`, from the project's own site.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .browser import (
    BELOW_THE_HEADER,
    CATALOGUE,
    CONTRAST,
    EVERY_ROW,
    GEOMETRY,
    HIGHLIGHTED,
    PAGE,
    PHONE,
    WCAG_AA,
    artefact,
    assert_landed,
    highlighted,
    reader,
    serve,
)
from .conftest import REPO, THEMES, Server, css_cell, example_site

GENERAL = [entry.anchor for entry in CATALOGUE.categories[0].entries]
# MkDocs' other built-in theme too: its script rewraps tables once the page is ready.
READING_THEMES = (*THEMES, "readthedocs")


def wait_until_nothing_is_highlighted(page: Any) -> None:
    page.wait_for_function(
        f"() => document.querySelector('.{HIGHLIGHTED}') === null", timeout=10_000
    )


def shown_rows(page: Any, category: str) -> list[str]:
    return list(
        page.eval_on_selector_all(
            f"div.error-catalogue[data-category='{category}'] tbody tr",
            "rows => rows.filter(row => row.getClientRects().length > 0).map(row => row.id)",
        )
    )


# The script ships with the plugin


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_script_is_added_and_reachable_from_nested_pages(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = example_site(tmp_path, theme)
    site.config["use_directory_urls"] = use_directory_urls
    site.build()
    page = (
        "reference/link-errors/index.html" if use_directory_urls else "reference/link-errors.html"
    )
    scripts = site.html(page).select('script[src$="error-catalogue.js"]')
    assert len(scripts) == 1
    target = site.linked_file(page, str(scripts[0]["src"]))
    assert "errorCatalogueLabels" in target.read_text(encoding="utf-8")


def test_the_script_can_be_turned_off(tmp_path: Path) -> None:
    site = example_site(tmp_path, script=False)
    site.build()
    assert site.html("reference/link-errors/index.html").select('script[src$="catalogue.js"]') == []
    assert not (tmp_path / "site/assets/error-catalogue/error-catalogue.js").exists()
    assert (tmp_path / "site/assets/error-catalogue/error-catalogue.css").is_file()


@pytest.mark.parametrize("how", ["script", "language"])
def test_the_filter_texts_can_be_translated(chromium: Any, tmp_path: Path, how: str) -> None:
    """By a script of the site's, or by the site's language (the tables carry the texts)."""
    site = example_site(tmp_path, "mkdocs")
    if how == "language":
        site.config["theme"]["locale"] = "fr"
    else:
        site.write(
            "docs/js/labels.js",
            """
            window.errorCatalogueLabels = {
              filter: "Filtrer les erreurs", placeholder: "Code ou mots",
              count: "{shown} erreurs sur {total}", none: "Aucune erreur ne correspond",
            };
            """,
        )
        site.config["extra_javascript"] = ["js/labels.js"]
    site.build()
    url, server = serve(tmp_path / "site")
    try:
        with reader(chromium) as page:
            page.goto(url + PAGE)
            field = page.get_by_role("searchbox", name="Filtrer les erreurs").first
            assert field.get_attribute("placeholder") == "Code ou mots"
            field.fill("iframe")
            assert (
                page.get_by_role("status").first.inner_text() == f"2 erreurs sur {len(EVERY_ROW)}"
            )
            field.fill("rien du tout")
            assert page.get_by_role("status").first.inner_text() == "Aucune erreur ne correspond"
    finally:
        server.shutdown()


# 1. Landing on an entry


@pytest.mark.parametrize("theme", READING_THEMES)
def test_an_anchor_lands_below_the_header_on_a_highlighted_row(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    for name, size in [("desktop", (1280, 900)), ("phone", PHONE)]:
        with reader(chromium, *size) as page:
            page.goto(example(theme) + PAGE + "#1004")
            assert_landed(page, "1004")
            page.screenshot(path=artefact(f"1-landing-{theme}-{name}.png"))


@pytest.mark.parametrize("theme", READING_THEMES)
def test_a_deep_link_lands_on_the_highlighted_row(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    with reader(chromium) as page:
        page.goto(example(theme) + "errors/1005/")
        page.wait_for_url(f"**/{PAGE}#1005")
        assert_landed(page, "1005")


@pytest.mark.parametrize("theme", READING_THEMES)
def test_a_deep_link_to_a_code_the_catalogue_lacks_says_so(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    """An SDK builds `errors/<code>/` for every code it raises, documented or not yet."""
    with reader(chromium) as page:
        response = page.goto(example(theme) + "errors/99999/")
        assert response is not None and response.status == 404
        notice = page.locator(".error-catalogue-not-found")
        assert notice.inner_text() == "Error 99999 is not in the error reference. See every error"
        assert notice.locator("code").inner_text() == "99999"
        page.screenshot(path=artefact(f"8-not-found-{theme}.png"))
        notice.locator("a").click()
        page.wait_for_url(example(theme) + PAGE)
        # Any other missing page is only missing.
        page.goto(example(theme) + "guide/gone/")
        page.wait_for_load_state("load")
        assert page.locator(".error-catalogue-not-found").count() == 0
        page.goto(example(theme) + "errors/9%3Cb%3E/index.html")  # shown as text, not HTML
        assert page.locator(".error-catalogue-not-found code").inner_text() == "9<b>"


@pytest.mark.parametrize("theme", THEMES)
def test_the_highlight_lasts_until_the_reader_moves_on(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    with reader(chromium) as page:
        page.goto(example(theme) + PAGE + "#1004")
        assert_landed(page, "1004")
        page.click("[id='1004'] > " + css_cell("scenario"))  # reading, selecting: stays
        assert highlighted(page) == ["1004"]

        page.evaluate("location.hash = '1001'")  # a link to another entry moves it
        assert_landed(page, "1001")

        page.click("[id='1002'] > " + css_cell("scenario"))  # a click elsewhere ends it
        wait_until_nothing_is_highlighted(page)
        page.click("[id='1001'] > th > a")  # the same address again
        assert_landed(page, "1001")

        page.evaluate("location.hash = '1004'")
        assert_landed(page, "1004")
        page.evaluate("window.scrollTo(0, 0)")  # so does scrolling the row out of view
        wait_until_nothing_is_highlighted(page)

        page.evaluate("location.hash = 'general'")  # a heading: no row to highlight
        page.wait_for_function("() => location.hash === '#general'")
        assert highlighted(page) == []


def test_material_instant_navigation_lands_on_the_highlighted_row(
    chromium: Any, example: Callable[[str], str]
) -> None:
    with reader(chromium) as page:
        page.goto(example("material-instant"))
        page.evaluate("window.sameDocument = true")
        page.click("a.error-catalogue-ref[href*='#1004']")  # "the cookie error", on Home
        page.wait_for_url(f"**/{PAGE}#1004")
        assert_landed(page, "1004")
        assert page.evaluate("window.sameDocument"), "the page was loaded, not swapped in"
        assert page.locator(".error-catalogue-filter").count() == 1  # one for the page
        page.screenshot(path=artefact("1-landing-material-instant.png"))

        # Within the page, instant navigation uses pushState: no hashchange event.
        page.evaluate("location.hash = '1005'")
        assert_landed(page, "1005")
        page.click("[id='1005'] .error-catalogue-replacement a")  # "Replaced by 1004"
        page.wait_for_url(f"**/{PAGE}#1004")
        assert_landed(page, "1004")
        page.go_back()
        page.wait_for_url(f"**/{PAGE}#1005")
        assert_landed(page, "1005")
        assert page.evaluate("window.sameDocument")


# 2. The filter box


@pytest.mark.parametrize("theme", THEMES)
def test_the_filter_box_narrows_rows_as_the_reader_types(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    with reader(chromium) as page:
        page.goto(example(theme) + PAGE)
        box = page.locator(".error-catalogue-filter")  # one for the page (see also
        # test_reader_page_browser.py, which checks it across the tables)
        general = page.locator("div.error-catalogue[data-category='general']")
        field = box.get_by_role("searchbox", name="Filter errors")
        status = box.get_by_role("status")
        assert status.get_attribute("aria-live") == "polite"
        assert status.inner_text() == ""
        field.focus()

        page.keyboard.type("1001")  # the code
        assert shown_rows(page, "general") == ["1001"]
        everywhere = "document.querySelectorAll('.error-catalogue tbody tr:not([hidden])').length"
        assert status.inner_text() == f"{page.evaluate(everywhere)} of {len(EVERY_ROW)} errors"
        page.keyboard.press("Backspace")
        page.keyboard.type("4")  # 1004, and 1005 whose note says "Replaced by 1004"
        assert shown_rows(page, "general") == ["1004", "1005"]
        assert status.inner_text() == f"{page.evaluate(everywhere)} of {len(EVERY_ROW)} errors"

        page.keyboard.press("Escape")  # clears, and keeps the focus
        assert field.input_value() == ""
        assert shown_rows(page, "general") == GENERAL
        assert status.inner_text() == ""
        assert field.evaluate("field => document.activeElement === field")

        page.keyboard.type("COOKIE")  # any text, any case
        assert shown_rows(page, "general") == ["1004"]
        field.fill("")
        page.keyboard.type("iframe  WHITELISTED")  # every word must match
        assert shown_rows(page, "general") == ["1005"]
        page.screenshot(path=artefact(f"2-filter-{theme}.png"))
        field.fill("")
        page.keyboard.type("obsolete")  # the badge is text of the row
        assert shown_rows(page, "general") == ["1005"]

        field.fill("")
        page.keyboard.type("no such error")
        assert shown_rows(page, "general") == []
        assert status.inner_text() == "No matching errors"
        assert general.locator("table").is_hidden()
        assert status.is_visible()
        page.screenshot(path=artefact(f"2-filter-nothing-{theme}.png"))
        page.keyboard.press("Escape")
        assert shown_rows(page, "general") == GENERAL
        assert general.locator("table").is_visible()

        # Letters the themes use as shortcuts ("s", "/") are text here: search stays shut.
        page.keyboard.type("sdk settings/")
        assert shown_rows(page, "general") == []
        assert field.evaluate("field => document.activeElement === field")
        field.fill("")
        page.keyboard.type("sdk settings")
        assert shown_rows(page, "general") == ["1000"]
        if theme == "mkdocs":
            assert not page.locator("#mkdocs_search_modal").is_visible()
        else:
            assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked")


@pytest.mark.parametrize("theme", THEMES)
def test_landing_on_a_row_the_filter_hides_clears_the_filter(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    with reader(chromium) as page:
        page.goto(example(theme) + PAGE)
        page.get_by_role("searchbox", name="Filter errors").first.fill("1001")
        assert shown_rows(page, "general") == ["1001"]
        page.evaluate("location.hash = '1004'")
        assert_landed(page, "1004")
        assert shown_rows(page, "general") == GENERAL


@pytest.mark.parametrize("theme", THEMES)
def test_without_javascript_every_row_shows_and_the_target_is_tinted(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    with reader(chromium, javascript=False) as page:
        page.goto(example(theme) + PAGE + "#1004")
        assert page.locator(".error-catalogue-filter, .error-catalogue input").count() == 0
        assert page.get_by_role("searchbox", name="Filter errors").count() == 0
        shown = page.eval_on_selector_all(
            ".error-catalogue tbody tr",
            "rows => rows.filter(row => row.getClientRects().length > 0).map(row => row.id)",
        )
        assert shown == EVERY_ROW
        tint = page.eval_on_selector(
            "[id='1004'] > " + css_cell("message"), "cell => getComputedStyle(cell).boxShadow"
        )
        assert "9999px inset" in tint, tint  # :target does it without the script
        # The browser scrolls to `:target` by itself, below the header (scroll-margin-top),
        # a frame or so after the load. (wait_for_function needs the page's JavaScript.)
        deadline = time.monotonic() + 10
        while not page.evaluate(BELOW_THE_HEADER, "1004"):
            assert time.monotonic() < deadline, f"row 1004: {page.evaluate(GEOMETRY, '1004')}"
            page.wait_for_timeout(50)
        page.screenshot(path=artefact(f"2-no-javascript-{theme}.png"))


# 3. Obsolete rows and placeholders

# Theme, palette, how to switch to it, and whether it is dark.
PALETTES = [
    ("material", "default", "document.body.dataset.mdColorScheme = 'default'", False),
    ("material", "slate", "document.body.dataset.mdColorScheme = 'slate'", True),
    ("mkdocs", "light", "document.documentElement.dataset.bsTheme = 'light'", False),
    ("mkdocs", "dark", "document.documentElement.dataset.bsTheme = 'dark'", True),
]


def assert_readable(page: Any, locator: Any, what: str) -> None:
    assert locator.count() > 0, what
    for index in range(locator.count()):
        element = locator.nth(index)
        assert element.is_visible(), what
        contrast = element.evaluate(CONTRAST)
        assert contrast["ratio"] >= WCAG_AA, f"{what} #{index}: {contrast}"


@pytest.mark.parametrize(
    ("theme", "palette", "switch", "dark"), PALETTES, ids=[p[1] for p in PALETTES]
)
def test_obsolete_rows_are_struck_through_yet_readable(
    chromium: Any, example: Callable[[str], str], theme: str, palette: str, switch: str, dark: bool
) -> None:
    with reader(chromium) as page:
        page.goto(example(theme) + PAGE)
        page.evaluate(switch)
        background = page.locator("body").evaluate(
            "body => getComputedStyle(body).backgroundColor.match(/\\d+/g).slice(0, 3)"
        )
        assert (sum(int(c) for c in background) < 3 * 128) == dark, background
        row = page.locator("[id='1005']")
        for state in ("plain", "highlighted"):
            if state == "plain":
                row.scroll_into_view_if_needed()
            else:
                page.evaluate("location.hash = '1005'")
                assert_landed(page, "1005")
            struck = row.locator("del")
            assert struck.count() == 5  # code, scenario, message, two actions
            for index in range(struck.count()):
                line = struck.nth(index).evaluate("e => getComputedStyle(e).textDecorationLine")
                assert "line-through" in line
            assert_readable(page, struck, f"struck text ({state})")
            assert_readable(page, row.locator(".error-catalogue-badge"), f"badge ({state})")
            assert row.locator(".error-catalogue-badge").inner_text().lower() == "obsolete"
            note = row.locator(".error-catalogue-note")
            assert_readable(page, note.locator("strong"), f"note ({state})")
            assert_readable(page, note.locator(".error-catalogue-reason"), f"reason ({state})")
            assert "Obsolete since 2022-10-25." in note.inner_text()

            # A placeholder reads as code, not prose: another font or a background.
            placeholder = row.locator("code.error-catalogue-placeholder")
            assert placeholder.inner_text() == "${address}"
            differs = placeholder.evaluate(
                """code => {
                    const own = getComputedStyle(code), prose = getComputedStyle(code.parentElement);
                    const clear = own.backgroundColor === "rgba(0, 0, 0, 0)";
                    return own.fontFamily !== prose.fontFamily || !clear;
                }"""
            )
            assert differs
            assert "line-through" in placeholder.evaluate(
                "e => getComputedStyle(e).textDecorationLine"
            )
            assert_readable(page, placeholder, f"placeholder ({state})")
        page.screenshot(path=artefact(f"3-obsolete-{theme}-{palette}.png"))


# The card a preview shows: its rows, its cells (stacked?) and its links.
PREVIEW = r"""() => {
    const tooltip = document.querySelector(".md-tooltip2[role=dialog]");
    const card = tooltip && tooltip.querySelector(".error-catalogue-preview");
    if (!card || getComputedStyle(tooltip.querySelector(".md-tooltip2__inner")).visibility !== "visible") {
        return null;
    }
    return {
        headings: tooltip.querySelectorAll("h1, h2, h3, h4").length,
        rows: card.querySelectorAll("tr").length,
        ids: tooltip.querySelectorAll("[id]").length,
        cells: [...card.querySelectorAll("td")].map(td => td.textContent.trim()),
        labels: [...card.querySelectorAll("td")].map(
            td => getComputedStyle(td, "::before").content.replace(/ \/ ""$/, "").slice(1, -1)),
        stacked: getComputedStyle(card.querySelector("td")).display === "block",
        links: [...card.querySelectorAll("a")].map(a => a.getAttribute("href")),
    };
}"""


@pytest.mark.parametrize("where", ["another page", "the same page"])
def test_material_instant_previews_show_the_row_as_a_card(
    chromium: Any, example: Callable[[str], str], where: str
) -> None:
    """Material takes a link's target for a heading: a row's cells ran together in one,
    followed by every later row. The script gives the preview the row alone."""
    base = example("material-preview")
    with reader(chromium) as page:
        if where == "another page":
            page.goto(base)  # its first link: "the cookie error", to 1004
            link = page.locator("a.error-catalogue-ref").first
        else:
            page.goto(base + PAGE)
            link = page.locator("[id='1005'] .error-catalogue-replacement a")
        link.hover()
        page.wait_for_function(PREVIEW, timeout=10_000)
        preview = page.evaluate(PREVIEW)
        assert (preview["headings"], preview["rows"], preview["ids"]) == (0, 1, 0)
        assert preview["cells"][0:2] == [
            "Failed to open Link as iFrame due to 3rd party cookies blocked",
            "There is no storage available. This is usually related to a 3rd party "
            "cookie-blocking policy.",
        ]
        assert preview["labels"] == [
            "Likely Scenario",
            "Displayed Error Message",
            "Possible User Actions",
            "Possible Developer Actions",
        ]
        assert preview["stacked"]
        assert preview["links"] == [base + PAGE + "#1004"]  # the permalink, absolute
        page.screenshot(path=artefact(f"4-preview-{where.replace(' ', '-')}.png"))


# 4. A phone screen

# Text is cut off when it overflows a cell, or a box that hides what overflows it, or the page
# (which would then scroll sideways as a whole). Wide tables must scroll sideways themselves.
FITS = """() => {
    const problems = [];
    const overflowX = element => getComputedStyle(element).overflowX;
    const scrolls = element => ["auto", "scroll"].includes(overflowX(element));
    if (document.documentElement.scrollWidth > innerWidth) {
        problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    }
    const wrappers = [...document.querySelectorAll("div.error-catalogue")];
    for (const wrapper of wrappers) {
        // Stacked rows keep the column headings for screen readers only, in a 1px box.
        const headings = wrapper.querySelector("thead").getBoundingClientRect().width > 1;
        for (const cell of wrapper.querySelectorAll(headings ? "td, th" : "td")) {
            if (cell.scrollWidth > cell.clientWidth + 1) {
                problems.push(`${cell.closest("tr").id || "head"} ${cell.className} overflows`);
            }
            for (let box = cell.parentElement; box !== wrapper.parentElement; box = box.parentElement) {
                const hides = ["hidden", "clip"].includes(overflowX(box));
                if (box.scrollWidth > box.clientWidth + 1 && hides) {
                    problems.push(`${box.tagName} around ${cell.className} cuts it off`);
                }
            }
        }
    }
    const table = wrappers[0].querySelector("table");
    return {
        problems: [...new Set(problems)],
        stacked: getComputedStyle(table.querySelector("td")).display === "block",
        sideways: wrappers.filter(wrapper => [...wrapper.querySelectorAll("*")].concat(wrapper)
            .some(box => box.scrollWidth > box.clientWidth + 1 && scrolls(box))).length,
        labels: [...table.querySelectorAll("tbody tr:first-child td")].map(
            cell => getComputedStyle(cell, "::before").content),
        headings: [...table.querySelectorAll("thead th")].map(th => th.textContent),
    };
}"""


@pytest.mark.parametrize("theme", READING_THEMES)
@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_tables_stay_usable_on_a_phone(
    chromium: Any, example: Callable[[str], str], theme: str, javascript: bool
) -> None:
    with reader(chromium, *PHONE, javascript=javascript) as page:
        page.goto(example(theme) + PAGE + "#1005")
        if javascript:
            assert_landed(page, "1005")
        fits = page.evaluate(FITS)
        assert fits["problems"] == []
        # Each row a card, each cell under its column heading, with or without the script
        # (the labels are the wrapper's; the code cell, the row's header, has none).
        assert fits["stacked"]
        assert fits["sideways"] == 0
        assert fits["labels"] == [f'"{h}" / ""' for h in fits["headings"][1:]]
        box = page.locator("[id='1005']").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0]
        suffix = "" if javascript else "-no-javascript"
        page.screenshot(path=artefact(f"4-phone-{theme}{suffix}.png"))


@pytest.mark.parametrize("theme", READING_THEMES)
def test_tables_fit_a_desktop_page_with_their_text_wrapped(
    chromium: Any, example: Callable[[str], str], theme: str
) -> None:
    """No sideways scrolling at a desktop width, every cell's text from its top: the
    readthedocs theme keeps cells on one line and in the middle, unless told otherwise."""
    with reader(chromium, 1280, 900) as page:
        page.goto(example(theme) + PAGE + "#1005")
        assert_landed(page, "1005")
        fits = page.evaluate(FITS)
        assert (fits["problems"], fits["stacked"], fits["sideways"]) == ([], False, 0)
        alignments = page.eval_on_selector_all(
            "div.error-catalogue td",
            "cells => [...new Set(cells.map(c => getComputedStyle(c).verticalAlign))]",
        )
        assert alignments == ["top"]
        page.screenshot(path=artefact(f"4-desktop-{theme}.png"))


# What stands on the side where lines start: the landing bar, list bullets, the note's rule.
SIDES = """() => {
    const row = document.getElementById("1004");
    const cell = row.querySelector("th");
    const list = row.querySelector("td ul");
    const note = document.querySelector("[id='1005'] .error-catalogue-note");
    const box = element => element.getBoundingClientRect();
    const style = element => getComputedStyle(element);
    const start = style(row).direction === "rtl" ? "Right" : "Left";
    return {
        direction: style(row).direction,
        bar: style(cell).boxShadow.match(/(-?[\\d.]+)px 0px 0px 0px inset/)[1],
        bullets: style(list)["padding" + start],
        listInside: box(list).left >= box(list.closest("td")).left
            && box(list).right <= box(list.closest("td")).right,
        noteRule: style(note)["border" + start + "Width"],
        codeColumn: box(cell).left > box(row.cells[1]).left ? "right" : "left",
    };
}"""


@pytest.mark.parametrize(("variant", "side"), [("material", "left"), ("material-rtl", "right")])
def test_right_to_left_pages_mirror_the_table(
    chromium: Any, example: Callable[[str], str], variant: str, side: str
) -> None:
    for size in [(1280, 900), PHONE]:
        with reader(chromium, *size) as page:
            page.goto(example(variant) + PAGE + "#1004")
            assert_landed(page, "1004")
            sides = page.evaluate(SIDES)
            assert sides["direction"] == ("rtl" if side == "right" else "ltr")
            assert (float(sides["bar"]) > 0) == (side == "left"), sides
            assert sides["bullets"] != "0px" and sides["listInside"], sides
            assert sides["noteRule"] == "2px", sides
            if size != PHONE:  # the code column starts the row; on a phone, rows are cards
                assert sides["codeColumn"] == side, sides
            page.screenshot(path=artefact(f"4-sides-{variant}-{size[0]}.png"))


# 5. A running `mkdocs serve`


@pytest.mark.parametrize("theme", THEMES)
def test_mkdocs_serve_shows_an_edited_catalogue_after_the_reload(
    chromium: Any, tmp_path: Path, theme: str
) -> None:
    site = example_site(tmp_path, theme)
    server = Server(site)
    try:
        server.wait_for(lambda html: "the cookie error" in html, "the first build")
        with reader(chromium) as page:
            page.goto(f"http://127.0.0.1:{server.port}/{PAGE}#1004")
            assert_landed(page, "1004")
            page.evaluate("window.beforeTheEdit = true")
            general = tmp_path / "catalogue" / "01-general.yml"
            with page.expect_event("load", timeout=60_000):  # livereload reloads the page
                general.write_text(
                    general.read_text(encoding="utf-8").replace(
                        "There is no storage available.", "Storage is blocked in this browser."
                    ),
                    encoding="utf-8",
                )
            page.wait_for_function(
                """() => window.beforeTheEdit === undefined && document.getElementById("1004")
                    .textContent.includes("Storage is blocked in this browser.")""",
                timeout=60_000,
            )
            assert_landed(page, "1004")  # the same address, landed on again
            page.screenshot(path=artefact(f"5-serve-{theme}.png"))
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)


# The README's screenshot


def test_readme_screenshot_of_the_project_site(chromium: Any, tmp_path: Path) -> None:
    """The project's own site as a reader finds it: landed on 1004, the General Errors table
    filtered to "iframe", the obsolete 1005 below. Saved to test-artifacts/; with
    UPDATE_SCREENSHOT=1, as the README's image too."""
    build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    url, server = serve(tmp_path / "site")
    try:
        with reader(chromium, width=1280, height=960) as page:
            page.goto(url + "link-errors/#1004")
            assert_landed(page, "1004")
            page.locator(".error-catalogue-filter input").fill("iframe")
            assert shown_rows(page, "general") == ["1004", "1005"]
            page.locator(".error-catalogue-filter").evaluate(  # just below the header
                "box => window.scrollBy(0, box.getBoundingClientRect().top - 60)"
            )
            # Scrolling up shows Material's "Back to top" button; scrolling down hides it.
            page.wait_for_function(
                """() => {
                    const top = document.querySelector(".md-top");
                    if (!top || getComputedStyle(top).opacity === "0") return true;
                    window.scrollBy(0, 2);
                    return false;
                }""",
                polling=100,
            )
            page.evaluate("document.activeElement.blur()")
            for shown in ("h2#general", ".error-catalogue-filter", "[id='1004']", "[id='1005']"):
                box = page.locator(shown).first.bounding_box()
                assert box is not None and box["y"] >= 48 and box["y"] + box["height"] <= 960
            assert highlighted(page) == ["1004"]
            image = page.screenshot()
    finally:
        server.shutdown()
    artefact("readme-link-errors.png").write_bytes(image)
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        (REPO / "docs" / "images" / "link-errors.png").write_bytes(image)
