"""Tables of declared fields: columns, cells of each kind, names as anchors and deep links.

A catalogue without `_fields.yml` must render exactly as before fields could be declared:
`data/todays-shape.html` is the HTML of the tables of `data/todays-shape/`, written by the
renderer before declared columns existed, compared byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from mkdocs_error_catalogue import load_catalogue
from mkdocs_error_catalogue.rendering import CatalogueRenderer

from .browser import HIGHLIGHTED, reader, serve
from .conftest import Site, new_site, run_cli
from .test_declared_fields import POSTGRES_CLASS, POSTGRES_FIELDS

DATA = Path(__file__).parent / "data"

# The shapes of the declaration's own tests, with a warning among the errors.
POSTGRESQL_CLASS_22 = POSTGRES_CLASS.replace(
    "invalid_text_representation\n    type: E", "invalid_text_representation\n    type: W"
)
assert POSTGRESQL_CLASS_22 != POSTGRES_CLASS
RUST_FIELDS = """
fields:
  scenario:
    label: Summary
  explanation:
    kind: markdown
    label: {en: Explanation, fr: Explication}
    required: true
  docs:
    kind: url
  since:
    kind: number
columns: [code, scenario, explanation, docs, since]
"""
RUST_PATTERNS = """
title: Patterns
errors:
  - code: E0001
    scenario: A match arm can never be reached.
    docs: https://doc.rust-lang.org/error_codes/E0001.html
    explanation: |
      # Why

      An earlier pattern already matches every value, <script>alert(1)</script>.

      ```rust
      match Some(0) {
          x => {/* <b>always</b> */}
      }
      ```

      See [the lint](javascript:alert(1)) and [E0004](error:E0004).
    obsolete:
      reason: The compiler reports this as a lint.
  - code: E0004
    scenario: Patterns do not cover every value.
    explanation: Add the missing arms.
"""


def test_a_catalogue_of_todays_shape_renders_as_before() -> None:
    catalogue = load_catalogue(DATA / "todays-shape")
    renderer = CatalogueRenderer()
    rendered = "".join(
        renderer.description_html(category) + renderer.table_html(category) + "\n"
        for category in catalogue.categories
    )
    assert rendered == (DATA / "todays-shape.html").read_text(encoding="utf-8")


def postgresql_site(root: Path, **options: Any) -> Site:
    site = new_site(root, **options)
    site.category("_fields.yml", POSTGRES_FIELDS)
    site.category("22-data-exception.yml", POSTGRESQL_CLASS_22)
    site.page(
        "index.md", "# Codes\n\n<!-- error-catalogue -->\n\nSee [](error:division_by_zero).\n"
    )
    # MkDocs checks this link's anchor (a warning, so `--strict` fails) by the ids it is told of.
    site.page("other.md", "# Other\n\n[Division](index.md#division_by_zero)\n")
    site.config["validation"] = {"anchors": "warn"}
    return site


def rust_site(root: Path) -> Site:
    site = new_site(root)
    site.category("_fields.yml", RUST_FIELDS)
    site.category("e00-patterns.yml", RUST_PATTERNS)
    site.page("index.md", "# Codes\n\n<!-- error-catalogue -->\n")
    return site


def headings(table: Any) -> list[tuple[str, str]]:
    return [(th["class"][0], th.get_text()) for th in table.select("thead th")]


@pytest.fixture(scope="module")
def postgresql(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = postgresql_site(tmp_path_factory.mktemp("postgresql"))
    site.build()
    return site


def test_the_declared_columns_and_labels_head_the_table(postgresql: Site) -> None:
    table = postgresql.html().select_one("div.error-catalogue table")
    assert headings(table) == [
        ("error-catalogue-code", "SQLSTATE"),
        ("error-catalogue-name", "Condition name"),
        ("error-catalogue-type", "Type"),
    ]
    row = table.select_one("tr[id='22P02']")
    assert [td.get_text() for td in row.find_all("td")] == [
        "invalid_text_representation",
        "Warning",
    ]
    choice = row.select_one("span.error-catalogue-choice")
    assert (choice["data-value"], choice.get_text()) == ("W", "Warning")


def test_a_name_carries_its_own_id_in_the_row(postgresql: Site) -> None:
    page = postgresql.html()
    name = page.find(id="division_by_zero")
    assert name.name == "code" and name["class"] == ["error-catalogue-name"]
    assert name.get_text() == "division_by_zero"
    assert name.find_parent("tr")["id"] == "22012"
    link = page.select_one("p a[href$='22012']")
    assert (link["href"], link.get_text()) == ("#22012", "division_by_zero")


def test_a_name_has_a_deep_link_to_the_row(postgresql: Site) -> None:
    for key in ("22012", "division_by_zero"):
        redirect = postgresql.html(f"errors/{key}/index.html")
        refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert refresh.endswith("../../#22012"), refresh


def test_names_without_a_name_column_go_under_the_code(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category(
        "01-general.yml",
        """
        title: General
        errors:
          - code: 1004
            name: cookies_blocked
            scenario: Cookies blocked
            message: No storage.
          - name: storage_full
            scenario: Storage full
            message: No room.
        """,
    )
    site.page("index.md", "# Codes\n\n<!-- error-catalogue -->\n")
    site.build()
    table = site.html().select_one("div.error-catalogue table")
    assert len(table.select("thead th")) == 5
    code_cell = table.select_one("tr[id='1004'] th")
    assert code_cell.select_one("code.error-catalogue-name")["id"] == "cookies_blocked"
    # A name-only entry's code cell shows its name once, as the row's key (no code).
    name_only = table.select_one("tr[id='storage_full'] th")
    assert name_only.select_one(".error-catalogue-no-code").get_text() == "storage_full"
    assert name_only.select_one("code.error-catalogue-name") is None
    assert site.html("errors/cookies_blocked/index.html").find(
        "meta", attrs={"http-equiv": "refresh"}
    )


@pytest.fixture(scope="module")
def rust(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = rust_site(tmp_path_factory.mktemp("rust"))
    site.build(strict=False)  # the `javascript:` link is reported, and shown as text
    return site


def test_a_markdown_field_shows_blocks_and_keeps_html_as_text(rust: Site) -> None:
    row = rust.html().select_one("tr[id='E0001']")
    block = row.select_one("div.error-catalogue-block")
    assert block.select_one("pre > code.language-rust").get_text().startswith("match Some(0)")
    assert "<b>always</b>" in block.select_one("pre > code").get_text()
    assert block.find("script") is None and block.find("b") is None
    assert "<script>alert(1)</script>" in block.get_text()
    heading = block.find("h3")
    assert heading.get_text() == "Why" and heading.get("id") is None and block.find("h1") is None
    assert [a["href"] for a in block.find_all("a")] == ["#E0004"]  # `javascript:` is text
    assert "the lint" in block.get_text()


def test_urls_and_numbers_and_empty_columns(rust: Site) -> None:
    table = rust.html().select_one("div.error-catalogue table")
    # `since` is given by no entry: its column is not drawn.
    assert [th.get_text() for th in table.select("thead th")] == [
        "Error Code",
        "Summary",
        "Explanation",
        "Docs",
    ]
    link = table.select_one("tr[id='E0001'] a[rel='nofollow']")
    assert link["href"] == link.get_text() == "https://doc.rust-lang.org/error_codes/E0001.html"
    assert table.select_one("tr[id='E0004'] td:nth-child(4) .error-catalogue-none")


def test_a_category_chooses_its_own_columns(tmp_path: Path) -> None:
    site = rust_site(tmp_path)
    site.category(
        "e00-patterns.yml",
        "columns: [explanation]\n" + RUST_PATTERNS.replace("(javascript:alert(1))", ""),
    )
    site.build()
    table = site.html().select_one("div.error-catalogue table")
    assert headings(table) == [
        ("error-catalogue-code", "Error Code"),
        ("error-catalogue-explanation", "Explanation"),
    ]
    # Without a scenario column, the obsolete note goes into the code cell.
    assert table.select_one("tr[id='E0001'] th .error-catalogue-note")


def test_lookup_by_name_prints_the_name_and_fields(postgresql: Site) -> None:
    result = run_cli("lookup", "division_by_zero", cwd=postgresql.root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("22012")
    assert "Name: division_by_zero" in lines
    assert "Type: E (Error)" in lines


def test_the_export_has_names_and_declared_fields(postgresql: Site) -> None:
    export = json.loads((postgresql.root / "site" / "error-catalogue.json").read_text())
    entries = {e["code"]: e for category in export["categories"] for e in category["entries"]}
    assert entries["22012"]["name"] == "division_by_zero"
    assert entries["22012"]["type"] == "E"


def test_a_link_to_a_name_lands_on_its_row(chromium: Any, tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    url, server = serve(tmp_path / "site")
    try:
        site = postgresql_site(tmp_path)
        site.config["site_url"] = url
        site.build()
        with reader(chromium) as page:
            page.goto(url + "#division_by_zero")
            page.wait_for_function(
                f"() => document.querySelector('tr.{HIGHLIGHTED}')?.id === '22012'",
                timeout=10_000,
            )
    finally:
        server.shutdown()


def test_site_search_finds_a_row_by_its_name(postgresql: Site) -> None:
    index = json.loads((postgresql.root / "site" / "search" / "search_index.json").read_text())
    (document,) = [d for d in index["docs"] if d["location"].endswith("#22012")]
    assert document["title"] == "22012: division_by_zero"  # no scenario: titled by the name
    assert "division_by_zero" in document["text"].split()


def test_an_autorefs_reference_to_a_name_lands_on_the_row(tmp_path: Path) -> None:
    site = postgresql_site(tmp_path)
    site.config["plugins"].append("autorefs")
    site.page("other.md", "# Other\n\nSee [division_by_zero][].\n")
    site.build()
    link = site.html("other/index.html").select_one("a.autorefs")
    assert (link["href"], link.get_text()) == ("../#22012", "division_by_zero")


def test_labels_follow_the_language_and_a_name_only_entry_is_its_row(tmp_path: Path) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "_fields.yml").write_text(POSTGRES_FIELDS, encoding="utf-8")
    (folder / "22.yml").write_text(
        POSTGRESQL_CLASS_22 + "  - name: no_code_yet\n    type: S\n", encoding="utf-8"
    )
    catalogue = load_catalogue(folder)
    renderer = CatalogueRenderer(declaration=catalogue.declaration, language="de")
    assert [renderer.label(name) for name in ("code", "name", "type")] == [
        "SQLSTATE",
        "Bedingungsname",
        "Type",
    ]
    table = BeautifulSoup(renderer.table_html(catalogue.categories[0]), "html.parser")
    row = table.find("tr", id="no_code_yet")
    assert row.select_one(".error-catalogue-no-code")
    name = row.select_one("code.error-catalogue-name")
    assert (name.get_text(), name.get("id")) == ("no_code_yet", None)
    assert len(table.find_all(id="no_code_yet")) == 1


def test_the_markdown_export_refuses_declared_fields_rather_than_drop_them(
    postgresql: Site,
) -> None:
    result = run_cli("export", "--format", "markdown", cwd=postgresql.root)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error-catalogue export: `--format markdown` writes the five default columns; this "
        "catalogue declares its fields (catalogue/_fields.yml): use `--format json`\n"
    )
