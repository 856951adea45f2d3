"""Rendering on real builds: markers, escaping, lists, obsolete rows, labels, stylesheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from mkdocs.exceptions import Abort

from mkdocs_error_catalogue.inline import InlineRenderer, _inner_html

from .conftest import Site, cell, new_site

PAYMENTS = """
    title: Payments
    id: payments
    range: [3000, 3999]
    description: Errors of the *payment* flow.
    errors:
      - code: 3001
        scenario: Card declined
        message: "The card was declined: ${reason}"
        user_actions:
          - Try another card.
          - Contact your bank.
        developer_actions: []
      - code: 3002
        scenario: Old flow
        message: Old message.
        user_actions: [Retry.]
        obsolete:
          since: "2.4"
          reason: The flow was **removed**.
          replaced_by: 3001
      - id: unpublished-error
        scenario: Not published yet
        message: Shown without a code.
"""


@pytest.fixture
def payments(site: Site) -> Site:
    site.category("01-payments.yml", PAYMENTS)
    return site


def test_all_marker_renders_heading_description_and_table(payments: Site) -> None:
    payments.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n\nAfter.\n")
    payments.build()
    page = payments.html()
    heading = page.find("h2", id="payments")
    description = heading.find_next_sibling("p")
    assert description.find("em").get_text() == "payment"
    table = description.find_next_sibling("div", class_="error-catalogue")
    assert [row["id"] for row in table.select("tbody tr")] == ["3001", "3002", "unpublished-error"]
    assert [th.get_text() for th in table.select("thead th")] == [
        "Error Code",
        "Likely Scenario",
        "Displayed Error Message",
        "Possible User Actions",
        "Possible Developer Actions",
    ]
    assert table.find_next_sibling("p").get_text() == "After."


def test_category_marker_renders_only_that_table(payments: Site) -> None:
    payments.category(
        "other.yml", "title: Other\nerrors:\n  - {code: 1, scenario: s, message: m}\n"
    )
    payments.page("index.md", "# Errors\n\n<!-- error-catalogue other -->\n")
    payments.build()
    page = payments.html()
    assert page.find("h2", id="other") is None
    assert page.find("tr", id="1") is not None
    assert page.find("tr", id="3001") is None


def test_actions_are_lists_and_empty_actions_a_dash(payments: Site) -> None:
    payments.page("index.md", "<!-- error-catalogue payments -->\n")
    payments.build()
    row = payments.html().find("tr", id="3001")
    user = cell(row, "user-actions")
    assert [li.get_text() for li in user.select("ul > li")] == [
        "Try another card.",
        "Contact your bank.",
    ]
    developer = cell(row, "developer-actions")
    assert developer.find("ul") is None
    none = developer.find("span", class_="error-catalogue-none")
    # The dash is for the eye; screen readers read the word (no `aria-label` on a span).
    assert none.find("span", attrs={"aria-hidden": "true"}).get_text() == "—"
    assert none.find("span", class_="error-catalogue-visually-hidden").get_text() == "none"
    assert none.find(attrs={"aria-label": True}) is None and not none.has_attr("aria-label")


def test_obsolete_row_keeps_text_struck_with_badge_reason_and_link(payments: Site) -> None:
    payments.page("index.md", "<!-- error-catalogue payments -->\n")
    payments.build()
    row = payments.html().find("tr", id="3002")
    assert row["class"] == ["error-catalogue-entry--obsolete"]
    code = cell(row, "code")
    assert code.find("del").get_text() == "3002"
    assert code.find("span", class_="error-catalogue-badge").get_text() == "Obsolete"
    assert cell(row, "scenario").find("del").get_text() == "Old flow"
    assert cell(row, "message").find("del").get_text() == "Old message."
    assert cell(row, "user-actions").select_one("li > del").get_text() == "Retry."
    note = row.find(class_="error-catalogue-note")
    assert note.find("strong").get_text() == "Obsolete since 2.4."
    assert note.find(class_="error-catalogue-reason").find("strong").get_text() == "removed"
    assert note.find("del") is None  # the note is current information, not struck
    assert note.find("a")["href"] == "#3001"


def test_entry_without_code_is_anchored_by_its_id(payments: Site) -> None:
    payments.page("index.md", "<!-- error-catalogue payments -->\n")
    payments.build()
    row = payments.html().find("tr", id="unpublished-error")
    code = cell(row, "code")
    assert (code.name, code["scope"]) == ("th", "row")
    no_code = code.find("span")
    assert no_code["class"] == ["error-catalogue-no-code"]
    # Its id, where a reader who followed its deep link looks; the title says it is no code.
    assert (no_code.get_text(), no_code["title"]) == ("unpublished-error", "no code")
    assert not no_code.has_attr("aria-label")


HOSTILE = r"""
    title: Hostile
    errors:
      - code: 1
        scenario: "<script>alert('x')</script> and <b>bold tag</b>"
        message: "Price {minPrice} is **low**, see `a|b` and [docs](https://example.com/a?b=1)"
        user_actions:
          - "[click](javascript:alert(1)) &copy; \\*literal\\* ${user_name}"
          - "<img src=x onerror=alert(1)>"
"""


def test_catalogue_text_is_data_html_shown_markdown_rendered(site: Site) -> None:
    site.category("hostile.yml", HOSTILE)
    site.page("index.md", "<!-- error-catalogue hostile -->\n")
    site.build(strict=False)  # the `javascript:` link is reported (see test_hostile_links)
    row = site.html().find("tr", id="1")
    scenario = cell(row, "scenario")
    assert row.find("script") is None and row.find("b") is None and row.find("img") is None
    assert scenario.get_text() == "<script>alert('x')</script> and <b>bold tag</b>"
    message = cell(row, "message")
    assert message.get_text() == "Price {minPrice} is low, see a|b and docs"
    assert message.find("strong").get_text() == "low"
    assert message.find("code").get_text() == "a|b"
    assert message.find("a")["href"] == "https://example.com/a?b=1"
    click, image = cell(row, "user-actions").find_all("li")
    assert click.find("a") is None
    assert click.get_text() == "click &copy; *literal* ${user_name}"
    assert click.find("code", class_="error-catalogue-placeholder").get_text() == "${user_name}"
    assert image.get_text() == "<img src=x onerror=alert(1)>"


@pytest.mark.parametrize(
    "text",
    [
        "Price ${minPrice} is low",
        "${a<b} & <i>x</i> ${c}",
        "A|B ${x&y} {not: attr} ${p}",
        "émoji 🚀 ${q} > 1, 交易 ${名前}",
        "$ {x} ${ y } ${} ${a}${b} ${{c}}",
        "a &amp; b &#123; &copy; ${amp&amp;}",
    ],
)
def test_plain_text_shortcut_shows_what_markdown_would(text: str) -> None:
    """Text without Markdown skips Python-Markdown; the reader must not see a difference."""
    renderer = InlineRenderer()
    shortcut = BeautifulSoup(renderer.html(text), "html.parser")
    through_markdown = BeautifulSoup(_inner_html(renderer._render(text)[0]), "html.parser")
    assert shortcut.decode() == through_markdown.decode()
    assert shortcut.get_text() == text


def test_markers_in_code_fences_and_indented_code_are_left_alone(payments: Site) -> None:
    payments.page(
        "index.md",
        """
        ```markdown
        <!-- error-catalogue -->
        ```

            <!-- error-catalogue payments -->
        """,
    )
    # Not strict: the indented one still claims `payments` for this page, which is a warning
    # (see test_linking's test of it); the fenced one claims nothing.
    payments.build(strict=False)
    page = payments.html()
    assert page.find("tr") is None
    assert [code.get_text().strip() for code in page.select("pre code")] == [
        "<!-- error-catalogue -->",
        "<!-- error-catalogue payments -->",
    ]


NESTED_PAGE = """
# Nested

=== "In a tab"

    <!-- error-catalogue c1 -->

!!! note "In an admonition"

    <!-- error-catalogue c2 -->

??? info "In a collapsed block"
    <!-- error-catalogue c3 -->

- In a list item:

    <!-- error-catalogue c4 -->

1. In a numbered item, between paragraphs:

    <!-- error-catalogue c5 -->

    Still the item.

=== "Code in a tab"

    ```markdown
    <!-- error-catalogue c1 -->
    ```
"""


def test_markers_nested_in_tabs_admonitions_and_lists_render_there(site: Site) -> None:
    for number in range(1, 6):
        site.category(
            f"c{number}.yml",
            f"title: C{number}\nerrors:\n  - {{code: {number}, scenario: S, message: M}}\n",
        )
    site.config["markdown_extensions"] += [
        "admonition",
        "pymdownx.details",
        "pymdownx.superfences",
        {"pymdownx.tabbed": {"alternate_style": True}},
    ]
    site.page("index.md", NESTED_PAGE)
    site.build()
    page = site.html()
    tables = page.select("div.error-catalogue")
    assert [table["data-category"] for table in tables] == ["c1", "c2", "c3", "c4", "c5"]
    assert [table.parent.name for table in tables] == ["div", "div", "details", "li", "li"]
    assert tables[0].parent["class"] == ["tabbed-block"]
    assert tables[1].parent["class"] == ["admonition", "note"]
    assert tables[4].find_next_sibling("p").get_text() == "Still the item."
    assert [[row["id"] for row in table.select("tbody tr")] for table in tables] == [
        ["1"],
        ["2"],
        ["3"],
        ["4"],
        ["5"],
    ]
    assert [code.get_text() for code in page.select("pre code")] == [
        "<!-- error-catalogue c1 -->\n"
    ]
    # A nested marker shows its category on the page, for deep links too.
    assert site.html("errors/4/index.html").find("a")["href"] == "../../#4"


def test_a_category_shown_twice_on_a_page_is_reported(
    payments: Site, caplog: pytest.LogCaptureFixture
) -> None:
    payments.page(
        "index.md", "# Twice\n\n<!-- error-catalogue -->\n\n<!-- error-catalogue payments -->\n"
    )
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        payments.build()
    assert (
        "Doc file 'index.md' shows the category `payments` twice: its rows' ids repeat, and "
        "links to them land on the first table; show each category once per page"
    ) in caplog.text


def test_a_marker_in_a_raw_html_block_stays_a_comment_and_is_reported(
    payments: Site, caplog: pytest.LogCaptureFixture
) -> None:
    payments.page("index.md", "# Raw\n\n<div>\n<!-- error-catalogue payments -->\n</div>\n")
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        payments.build()
    assert (
        "Doc file 'index.md' has the marker `<!-- error-catalogue payments -->` on line 4 inside "
        "an HTML block, where Markdown is not read: move it out of the block, or add `markdown` "
        "to the block's tag (extension md_in_html)"
    ) in caplog.text
    payments.build(strict=False)
    block = payments.html().find("article").find("div")
    comments = block.find_all(string=lambda text: isinstance(text, Comment))
    assert comments == [" error-catalogue payments "]
    assert "\x02" not in block.decode()


@pytest.mark.parametrize(
    ("page", "comment", "line"),
    [
        ("> <!-- error-catalogue payments -->\n", "<!-- error-catalogue payments -->", 5),
        ("- <!-- error-catalogue payments -->\n", "<!-- error-catalogue payments -->", 5),
        ("See <!-- error-catalogue --> here.\n", "<!-- error-catalogue -->", 5),
        ("<!-- Error-Catalogue payments -->\n", "<!-- Error-Catalogue payments -->", 5),
    ],
)
def test_a_comment_meant_as_a_marker_that_is_not_one_is_reported(
    payments: Site, caplog: pytest.LogCaptureFixture, page: str, comment: str, line: int
) -> None:
    """Not alone on its line, or not in lower case: no table, and strict builds fail."""
    text = f"---\ntitle: Stray\n---\n\n{page}\nIn code it is text: `{comment}`\n"
    payments.page("index.md", text)
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        payments.build()
    assert (
        f"Doc file 'index.md' has `{comment}` on line {line}, which is not a marker, so no "
        "table is shown there: write the marker in lower case on a line of its own (in a list "
        "item, tab or admonition, indented as its text)"
    ) in caplog.text
    payments.build(strict=False)
    article = payments.html().find("article")
    assert article.find("table") is None
    comments = article.find_all(string=lambda text: isinstance(text, Comment))
    assert [f"<!--{text}-->" for text in comments] == [comment]
    assert article.find("code").get_text() == comment


def test_unknown_category_fails_strict_naming_page_and_line(
    payments: Site, caplog: pytest.LogCaptureFixture
) -> None:
    payments.page("guide/errors.md", "# Errors\n\n<!-- error-catalogue paymnets -->\n")
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        payments.build()
    assert (
        "Doc file 'guide/errors.md' has an unknown error category `paymnets` in `<!-- error-catalogue paymnets -->` on line 3"
        in caplog.text
    )


def test_reported_marker_lines_count_the_front_matter(
    payments: Site, caplog: pytest.LogCaptureFixture
) -> None:
    payments.page(
        "index.md", "---\ntitle: Errors\n---\n\n# Errors\n\n<!-- error-catalogue nope -->\n"
    )
    payments.build(strict=False)
    assert (
        "Doc file 'index.md' has an unknown error category `nope` in `<!-- error-catalogue nope -->` on line 7"
        in caplog.text
    )


def test_unknown_category_is_shown_in_the_page_without_strict(payments: Site) -> None:
    payments.page("index.md", "<!-- error-catalogue paymnets -->\n")
    payments.build(strict=False)
    notice = payments.html().find("p", class_="error-catalogue-problem")
    assert "unknown error category `paymnets`" in notice.get_text()
    assert "known categories: payments" in notice.get_text()


def test_labels_are_configurable(tmp_path: Path) -> None:
    site = new_site(tmp_path, labels={"code": "Código", "obsolete": "Obsoleto"})
    site.category("01-payments.yml", PAYMENTS)
    site.page("index.md", "<!-- error-catalogue payments -->\n")
    site.build()
    page = site.html()
    assert page.select_one("thead th").get_text() == "Código"
    assert page.select_one(".error-catalogue-badge").get_text() == "Obsoleto"
    assert page.select("thead th")[1].get_text() == "Likely Scenario"


GERMAN_HEADINGS = [
    "Fehlercode",
    "Wahrscheinliches Szenario",
    "Angezeigte Fehlermeldung",
    "Mögliche Maßnahmen für Benutzer",
    "Mögliche Maßnahmen für Entwickler",
]


@pytest.mark.parametrize(
    ("theme", "setting", "first_heading"),
    [
        ("material", {"language": "de"}, "Fehlercode"),
        ("mkdocs", {"locale": "de"}, "Fehlercode"),  # MkDocs' own themes say `locale`
        ("readthedocs", {"locale": "pt_BR"}, "Código de erro"),  # a region: its language
        ("material", {"language": "pt-BR"}, "Código de erro"),
        ("material", {"language": "ja"}, "エラーコード"),
        ("material", {"language": "fi"}, "Error Code"),  # no built-in texts: English
    ],
)
def test_the_sites_language_gives_the_built_in_texts(
    tmp_path: Path, theme: str, setting: dict[str, str], first_heading: str
) -> None:
    site = new_site(tmp_path, theme)
    site.config["theme"].update(setting)
    site.category("01-payments.yml", PAYMENTS)
    site.page("index.md", "<!-- error-catalogue payments -->\n")
    site.build()
    wrapper = site.html().select_one("div.error-catalogue")
    assert wrapper.select_one("thead th").get_text() == first_heading
    if first_heading == "Fehlercode":
        assert [th.get_text() for th in wrapper.select("thead th")] == GERMAN_HEADINGS
        note = wrapper.select_one(".error-catalogue-note")
        assert note.find("strong").get_text() == "Veraltet seit 2.4."
        assert note.select_one(".error-catalogue-replacement").get_text() == " Ersetzt durch 3001."
        assert wrapper.select_one(".error-catalogue-badge").get_text() == "Veraltet"
        assert wrapper["data-filter"] == "Fehler filtern"
        assert wrapper["data-filter-count"] == "{shown} von {total} Fehlern"
    if first_heading == "Error Code":  # the script's own texts: nothing for it on the table
        assert [name for name in wrapper.attrs if name.startswith("data-filter")] == []


def test_labels_set_in_mkdocs_yml_win_over_the_languages(tmp_path: Path) -> None:
    site = new_site(tmp_path, labels={"code": "Code", "filter_none": "Rien"})
    site.config["theme"]["language"] = "fr"
    site.category("01-payments.yml", PAYMENTS)
    site.page("index.md", "<!-- error-catalogue payments -->\n")
    site.build()
    wrapper = site.html().select_one("div.error-catalogue")
    headings = [th.get_text() for th in wrapper.select("thead th")]
    assert headings[:2] == ["Code", "Scénario probable"]
    assert (wrapper["data-filter-none"], wrapper["data-filter"]) == ("Rien", "Filtrer les erreurs")


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_stylesheet_is_added_and_reachable_from_nested_pages(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = new_site(tmp_path, theme)
    site.config["use_directory_urls"] = use_directory_urls
    site.category("01-payments.yml", PAYMENTS)
    site.page("reference/errors.md", "<!-- error-catalogue payments -->\n")
    site.build()
    page_path = "reference/errors/index.html" if use_directory_urls else "reference/errors.html"
    links = site.html(page_path).select('link[rel="stylesheet"][href$="error-catalogue.css"]')
    assert len(links) == 1
    target = site.linked_file(page_path, str(links[0]["href"]))
    assert "error-catalogue-badge" in target.read_text()


def test_stylesheet_can_be_turned_off(tmp_path: Path) -> None:
    site = new_site(tmp_path, stylesheet=False)
    site.category("01-payments.yml", PAYMENTS)
    site.page("index.md", "<!-- error-catalogue payments -->\n")
    site.build()
    assert site.html().select('link[href$="error-catalogue.css"]') == []
    assert not (tmp_path / "site/assets/error-catalogue/error-catalogue.css").exists()


def test_tables_survive_conversions_nested_in_the_page(payments: Site) -> None:
    # As mkdocstrings does: a docstring converted with the site's extensions while the page
    # converts, after a marker (its table already rendered) and holding a marker of its own.
    payments.category(
        "02-other.yml", "title: Other\nid: other\nerrors:\n  - {code: 1, scenario: S, message: M}\n"
    )
    payments.config["markdown_extensions"].append("tests.nested_conversion")
    payments.page(
        "index.md",
        "<!-- error-catalogue payments -->\n\n"
        "!nested Text *converted* apart.\n\n"
        "!nested <!-- error-catalogue other -->\n",
    )
    # Links to rows of either table are checked against the page's anchors, and found.
    payments.config["validation"] = {"anchors": "warn"}
    payments.page("links.md", "[outer](index.md#3001) [nested](index.md#1)\n")
    payments.build()
    page = payments.html()
    outer, nested = page.select("div.error-catalogue")
    assert outer.find_parent("div", class_="nested") is None
    assert [row["id"] for row in outer.select("tbody tr")] == ["3001", "3002", "unpublished-error"]
    assert nested.find_parent("div", class_="nested") is not None
    assert [row["id"] for row in nested.select("tbody tr")] == ["1"]
    assert page.select_one("div.nested em").get_text() == "converted"
