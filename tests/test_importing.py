"""`error-catalogue import`: hand-written error tables to catalogue files and markers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest

from mkdocs_error_catalogue import CatalogueError, Obsolete, load_catalogue
from mkdocs_error_catalogue.cli import main
from mkdocs_error_catalogue.importing import (
    PageImport,
    import_page,
    split_sentences,
    write_categories,
)
from mkdocs_error_catalogue.model import Entry

from .conftest import SEED, cells, new_site, run_cli, scenario_text

HEADER = "| Error Code | Likely Scenario | Displayed Error Message | User | Developer |\n|---|---|---|---|---|\n"
SEED_IDS = {
    "Invalid parameters supplied to link route": "invalid-parameters-supplied-to-link-route",
    "API is returning an error": "api-is-returning-an-error",
}


def page_with(*rows: str, title: str = "Errors") -> str:
    return f"## {title}\n\n{HEADER}" + "".join(row + "\n" for row in rows)


def only_entry(text: str) -> Entry:
    result = import_page(text)
    assert result.skipped == ()
    [category] = result.categories
    [entry] = category.entries
    return entry


def seed_rows() -> list[tuple[str, list[str]]]:
    """(heading, cells) for each row of the seed page, read the simple way: it has no `\\|`."""
    rows: list[tuple[str, list[str]]] = []
    heading = ""
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
        elif line.startswith("|") and not re.match(r"\|\s*(Error Code|-{3,})", line):
            rows.append((heading, [cell.strip() for cell in line.strip().strip("|").split("|")]))
    return rows


def unstruck(cell: str) -> str:
    return cell.removeprefix("~~").removesuffix("~~")


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------------------------------------
# The customer's page, end to end


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The seed page imported with the real command into a site, built with --strict."""
    root = tmp_path_factory.mktemp("seed")
    site = new_site(root)
    shutil.copy(SEED, root / "link-errors.md")
    (root / "docs").mkdir()
    result = run_cli(
        "import", "link-errors.md", "--catalogue", "catalogue", "--page", "docs/index.md", cwd=root
    )
    assert result.returncode == 0, result.stderr
    site.build(strict=True)
    return root, result.stdout


def test_the_seed_builds_strict_and_every_row_shows_the_seeds_cells(
    seed_site: tuple[Path, str],
) -> None:
    root, _ = seed_site
    page = new_site(root).html()
    rows = seed_rows()
    assert len(rows) == 45
    for heading, (code, scenario, message, user, developer) in rows:
        anchor = re.sub(r"\D", "", code) or SEED_IDS[scenario]
        row = page.find("tr", id=anchor)
        assert row is not None, anchor
        table = row.find_parent("div", class_="error-catalogue")
        assert table.find_previous("h2").get_text(strip=True).rstrip("¶") == heading
        texts = cells(row)
        assert scenario_text(texts[1]) == unstruck(scenario)
        assert texts[2].get_text() == unstruck(message)
        for cell, seed_cell in ((texts[3], user), (texts[4], developer)):
            items = [item.get_text() for item in cell.select("li")]
            expected = "" if unstruck(seed_cell) in ("-", "N/A") else unstruck(seed_cell)
            assert squeezed("".join(items)) == squeezed(expected)
        obsolete = "error-catalogue-entry--obsolete" in (row.get("class") or ())
        assert obsolete == code.startswith(":no_entry:")


def test_the_seed_actions_are_split_into_sentences(seed_site: tuple[Path, str]) -> None:
    root, _ = seed_site
    page = new_site(root).html()

    def items(anchor: str, column: int) -> list[str]:
        cell = cells(page.find("tr", id=anchor))[column]
        return [item.get_text() for item in cell.select("li")]

    assert items("1002", 3) == [
        "Check wallet connection with IMX.",
        "Check wallet provider.",
        "Contact Customer Support.",
    ]
    assert items("1001", 3) == ["Retry the operation/Refresh the page or Contact support team"]
    assert items("1002", 4) == ["Try to replicate the issue.", "Check console logs."]
    assert items("1003", 3) == []
    assert items("2002", 4) == []
    code = cells(page.find("tr", id="1005"))[0]
    assert code.find("del").get_text() == "1005"
    assert code.find(class_="error-catalogue-badge").get_text() == "Obsolete"


def test_the_seed_page_keeps_front_matter_and_prose_with_a_marker_per_table(
    seed_site: tuple[Path, str],
) -> None:
    root, _ = seed_site
    expected: list[str] = []
    heading = ""
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
        if not line.startswith("|"):
            expected.append(line)
        elif not expected[-1].startswith("<!--"):
            slug = heading.lower().replace(" ", "-")
            expected.append(f"<!-- error-catalogue {slug} -->")
    assert (root / "docs/index.md").read_text(encoding="utf-8").splitlines() == expected


def test_the_seed_catalogue_loads_with_ranges_obsolete_and_ids(
    seed_site: tuple[Path, str],
) -> None:
    root, stdout = seed_site
    catalogue = load_catalogue(root / "catalogue")
    assert [path.name for path in sorted((root / "catalogue").iterdir())][:2] == [
        "01-general-errors.yml",
        "02-deposits.yml",
    ]
    assert [category.title for category in catalogue.categories] == list(
        dict.fromkeys(heading for heading, _ in seed_rows())
    )
    assert catalogue.category("general-errors").range == (1000, 1999)
    assert catalogue.category("fiat-to-crypto").range == (10000, 10999)
    assert catalogue.category("offers").range is None
    assert catalogue.entry("1005").obsolete == Obsolete()
    assert "obsolete: true" in (root / "catalogue/01-general-errors.yml").read_text()
    assert "12 categories, 45 entries, 1 obsolete, 2 without code, 0 skipped" in stdout
    assert "catalogue/12-offers.yml: Offers (2 entries, 0 obsolete)" in stdout


def test_importing_twice_with_force_writes_the_same_bytes(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "page.md")
    arguments = ("import", "page.md", "--catalogue", "errors", "--page", "out.md")
    assert run_cli(*arguments, cwd=tmp_path).returncode == 0
    first = {path.name: path.read_bytes() for path in (tmp_path / "errors").iterdir()}
    page = (tmp_path / "out.md").read_bytes()
    assert run_cli(*arguments, "--force", cwd=tmp_path).returncode == 0
    assert {path.name: path.read_bytes() for path in (tmp_path / "errors").iterdir()} == first
    assert (tmp_path / "out.md").read_bytes() == page


def test_existing_catalogue_files_are_not_overwritten_without_force(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "page.md")
    (tmp_path / "errors").mkdir()
    (tmp_path / "errors/05-sell.yml").write_text("mine\n")
    result = run_cli("import", "page.md", "--catalogue", "errors", cwd=tmp_path)
    assert result.returncode == 1
    assert "errors/05-sell.yml already exists: pass --force to overwrite it" in result.stderr
    assert [path.name for path in (tmp_path / "errors").iterdir()] == ["05-sell.yml"]
    assert (tmp_path / "errors/05-sell.yml").read_text() == "mine\n"
    assert (tmp_path / "page.md").read_bytes() == SEED.read_bytes()


def test_without_page_option_the_page_is_rewritten_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text(page_with("| 1 | S | M | - | - |"))
    assert main(["import", "page.md"]) == 0
    assert Path("page.md").read_text() == "## Errors\n\n<!-- error-catalogue errors -->\n"
    assert Path("catalogue/01-errors.yml").exists()
    assert main(["import", "page.md"]) == 1
    assert (
        "page.md: no error table and no headings starting with a code to import"
        in capsys.readouterr().err
    )


# ---------------------------------------------------------------------------------------------
# Obsolete rows


@pytest.mark.parametrize(
    "code_cell",
    [
        ":no_entry: ~~1005~~ <small><br/>`Obsolete`</small>",
        ":no_entry: 1005",
        "\u26d4 1005",
        "~~1005~~",
        "<del>1005</del>",
        "<s>1005</s>",
        "1005 `Obsolete`",
        "1005 **OBSOLETE**",
        "1005 *obsolete*",
        "1005 (obsolete)",
        "1005 [Obsolete]",
        "1005 <sup>Obsolete</sup>",
        '1005 <span class="badge">Obsolete</span>',
        '1005 <Badge text="Obsolete" type="warning"/>',
    ],
)
def test_obsolete_marks_of_the_code_cell_are_stripped(code_cell: str) -> None:
    entry = only_entry(page_with(f"| {code_cell} | S | M | - | - |"))
    assert (entry.code, entry.scenario, entry.obsolete) == (1005, "S", Obsolete())


def test_struck_cells_make_an_obsolete_entry_with_the_marks_stripped() -> None:
    entry = only_entry(
        page_with("| 7 | ~~Old flow~~ | ~~Gone.~~ | ~~Retry.Call us.~~ | ~~A~~<br/>~~B~~ |")
    )
    assert entry.obsolete == Obsolete()
    assert (entry.scenario, entry.message) == ("Old flow", "Gone.")
    assert entry.user_actions == ("Retry.", "Call us.")
    assert entry.developer_actions == ("A", "B")


def test_strikethrough_inside_a_text_is_kept_and_is_not_obsolete() -> None:
    entry = only_entry(page_with("| 7 | Use ~~old~~ new | M | ~~Reload.~~<br/>Call us. | - |"))
    assert entry.obsolete is None
    assert entry.scenario == "Use ~~old~~ new"
    assert entry.user_actions == ("~~Reload.~~", "Call us.")


@pytest.mark.parametrize("replacement", ["1004", "[1004](#1004)", "[1004](errors.md#1004)"])
def test_an_entry_of_the_catalogue_obsolete_note_gets_its_details_back(replacement: str) -> None:
    note = f"<br/>**Obsolete since 2022-10-25.** Domains are *gone*. Replaced by {replacement}."
    entry = only_entry(page_with(f"| :no_entry: ~~1005~~ | ~~S~~{note} | ~~M~~ | - | - |"))
    assert entry.scenario == "S"
    assert entry.obsolete == Obsolete("2022-10-25", "Domains are *gone*.", "1004")


# ---------------------------------------------------------------------------------------------
# Empty cells, codes and ids


@pytest.mark.parametrize("cell", ["-", "N/A", "n/a", "", "\u2014", "~~-~~"])
def test_dash_na_and_empty_action_cells_are_empty_lists(cell: str) -> None:
    entry = only_entry(page_with(f"| 1 | S | M | {cell} | {cell} |"))
    assert entry.user_actions == entry.developer_actions == ()


def test_a_dash_code_gets_a_unique_id_from_its_scenario() -> None:
    result = import_page(
        page_with(
            "| - | Invalid parameters | M | - | - |",
            "| - | Invalid parameters! | M | - | - |",
            "| -- | 再試行 | M | - | - |",
            '| <a id="offer-failed"></a>- | Offer failed | M | - | - |',
            '| <a id="Offer-Failed"></a>- | Offer failed | M | - | - |',
            "| N/A | Invalid parameters supplied to the link route when the user makes an offer on an asset | M | - | - |",
        )
    )
    assert [(entry.code, entry.id) for entry in result.categories[0].entries] == [
        (None, "invalid-parameters"),
        (None, "invalid-parameters-2"),
        (None, "error"),
        (None, "offer-failed"),
        (None, "Offer-Failed-2"),  # ids differing only in case would clash in the catalogue
        (None, "invalid-parameters-supplied-to-the-link-route-when-the-user"),
    ]


def test_codes_are_numbers_or_text_codes() -> None:
    result = import_page(
        page_with(
            "| 1001 | S | M | - | - |",
            "| `E1002` | S | M | - | - |",
            "| 0100 | S | M | - | - |",
            "| 9007199254740991 | S | M | - | - |",
            "| 9007199254740992 | S | M | - | - |",  # above 2**53 - 1: JavaScript misreads it
            f"| {'9' * 5000} | S | M | - | - |",
        )
    )
    assert [entry.code for entry in result.categories[0].entries] == [
        1001,
        "E1002",
        "0100",
        9007199254740991,
        "9007199254740992",
        "9" * 5000,
    ]
    assert result.categories[0].range is None


def test_a_cell_that_is_no_code_skips_the_table() -> None:
    result = import_page(page_with("| 1 | S | M | - | - |", "| error one | S | M | - | - |"))
    assert result.categories == ()
    assert result.skipped[0].line == 3
    assert "the code `error one` at line 6 is not a code" in result.skipped[0].reason


@pytest.mark.parametrize(("first", "second"), [("1", "1"), ("E1", "e1")])
def test_a_code_used_twice_skips_the_later_table(first: str, second: str) -> None:
    text = (
        page_with(f"| {first} | S | M | - | - |", title="A")
        + "\n"
        + page_with(f"| {second} | S | M | - | - |", title="B")
    )
    result = import_page(text)
    assert [category.title for category in result.categories] == ["A"]
    assert result.skipped[0].reason == (
        f"code {second} at line 11 is already used at line 5: "
        "every code must be unique, whatever its case"
    )
    assert f"| {second} | S | M | - | - |" in result.page.split("## B")[1]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([2000, 2999], (2000, 2999)),
        ([10001, 10004], (10000, 10999)),
        ([5, 999], (0, 999)),
        ([1999, 2000], None),
        ([2000, "E2001"], None),
    ],
)
def test_range_is_the_thousands_block_the_codes_share(
    codes: list[int | str], expected: tuple[int, int] | None
) -> None:
    rows = [f"| {code} | S | M | - | - |" for code in codes]
    assert (
        import_page(page_with(*rows, "| - | No code | M | - | - |")).categories[0].range == expected
    )


def test_category_ids_come_from_headings_and_are_unique() -> None:
    text = "\n".join(
        page_with(f"| {code} | S | M | - | - |", title=title)
        for code, title in [
            (1, "Fiat to Crypto"),
            (2, "Fiat to Crypto"),
            (3, "Erreurs générales"),
            (4, "一般エラー"),
            (5, "Deposits {#deposit-errors}"),
        ]
    )
    result = import_page(text)
    assert [(c.id, c.title, c.path.name) for c in result.categories] == [
        ("fiat-to-crypto", "Fiat to Crypto", "01-fiat-to-crypto.yml"),
        ("fiat-to-crypto-2", "Fiat to Crypto", "02-fiat-to-crypto-2.yml"),
        ("erreurs-generales", "Erreurs générales", "03-erreurs-generales.yml"),
        ("category-4", "一般エラー", "04-category-4.yml"),
        ("deposit-errors", "Deposits", "05-deposit-errors.yml"),
    ]
    assert "## Deposits {#deposit-errors}\n\n<!-- error-catalogue deposit-errors -->" in result.page


# ---------------------------------------------------------------------------------------------
# Action sentences


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        (
            "Check wallet connection with IMX.Check wallet provider.Contact Customer Support.",
            [
                "Check wallet connection with IMX.",
                "Check wallet provider.",
                "Contact Customer Support.",
            ],
        ),
        (
            "Retry the operation/Refresh the page or Contact support team",
            ["Retry the operation/Refresh the page or Contact support team"],
        ),
        (
            "Try to replicate the issue. Check console logs.",
            ["Try to replicate the issue.", "Check console logs."],
        ),
        (
            "Is it connected?Reconnect!Then retry.",
            ["Is it connected?", "Reconnect!", "Then retry."],
        ),
        ("Retry. if it fails, call us.", ["Retry. if it fails, call us."]),
        ("Call `Client.Connect` again.", ["Call `Client.Connect` again."]),
        (
            "Read [the guide](https://example.com/Docs.Page). Then retry.",
            ["Read [the guide](https://example.com/Docs.Page).", "Then retry."],
        ),
        ("Open https://example.com/A.B now.", ["Open https://example.com/A.B now."]),
        ("Use a browser, e.g. Firefox or Chrome.", ["Use a browser, e.g. Firefox or Chrome."]),
        ("Réessayez.Écrivez au support.", ["Réessayez.", "Écrivez au support."]),
        (
            "再試行してください。サポートに連絡してください。",
            ["再試行してください。", "サポートに連絡してください。"],
        ),
        ("Version 1.2.3 is required.", ["Version 1.2.3 is required."]),
    ],
)
def test_run_together_sentences_are_split(cell: str, items: list[str]) -> None:
    assert split_sentences(cell) == items


def test_line_breaks_split_actions_and_only_there() -> None:
    entry = only_entry(
        page_with("| 1 | A<br>B | M | Retry. Then wait.<br />Call us. | One<BR/>Two |")
    )
    assert entry.scenario == "A B"
    assert entry.user_actions == ("Retry. Then wait.", "Call us.")
    assert entry.developer_actions == ("One", "Two")


# ---------------------------------------------------------------------------------------------
# Text as written


def test_escaped_pipes_code_links_and_any_language_survive(tmp_path: Path) -> None:
    row = (
        r"| 1 | Pipe \| here | `a \| b` and [docs](https://example.com/a_b?x=1&y=2) "
        r"| &lt;b&gt; &copy; &#169; | Réessayez «vite» — 再試行 Проверьте `${token}` |"
    )
    result = import_page(page_with(row))
    write_categories(result.categories, tmp_path)
    [entry] = load_catalogue(tmp_path).entries()
    assert entry.scenario == "Pipe | here"
    assert entry.message == "`a | b` and [docs](https://example.com/a_b?x=1&y=2)"
    assert entry.user_actions == ("<b> © ©",)  # what the page showed
    assert entry.developer_actions == ("Réessayez «vite» — 再試行 Проверьте `${token}`",)


def test_escaped_pipes_render_in_a_built_site(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    result = import_page(page_with(r"| 1 | S | `a \| b` | - | - |"))
    write_categories(result.categories, tmp_path / "catalogue")
    site.page("index.md", result.page)
    site.build()
    row = site.html().find("tr", id="1")
    assert row.find("code").get_text() == "a | b"


HTML_ROW = (
    "| 1 | A <b>bold</b> &copy; &#169; move | &lt;b&gt; shows, &#42;not emphasis&#42; "
    '| <code>a&lt;b</code> and <a href="https://example.com/">docs</a> | `&copy;` as typed |'
)


def shown(row: Any) -> list[tuple[str, list[str]]]:
    """Each text cell's visible text and its inline elements: bold (`<b>` or `<strong>`),
    code and links."""
    inline = {"b": "strong", "strong": "strong", "code": "code", "a": "a"}
    return [
        (
            " ".join(td.get_text(" ", strip=True).split()),
            [inline[tag.name] for tag in td.find_all(list(inline))],
        )
        for td in cells(row)[1:]
    ]


def test_imported_rows_show_what_the_hand_written_page_showed(tmp_path: Path) -> None:
    """Entities become the characters the page showed, `<b>`, `<code>` and `<a href>` their
    Markdown forms: built from the catalogue, each cell reads as it did on the page."""
    page = page_with(HTML_ROW)
    result = import_page(page)
    assert result.notices == ()
    [entry] = result.categories[0].entries
    assert (entry.scenario, entry.message) == (
        "A **bold** © © move",
        "<b> shows, \\*not emphasis\\*",
    )
    assert entry.user_actions == ("`a<b` and [docs](https://example.com/)",)
    assert entry.developer_actions == ("`&copy;` as typed",)
    before, after = new_site(tmp_path / "before"), new_site(tmp_path / "after")
    for site, text in ((before, page), (after, result.page)):
        write_categories(result.categories, site.root / "catalogue")
        site.page("index.md", text)
        site.build()
    [hand_written] = before.html().select("tbody tr")
    assert shown(after.html().find("tr", id="1")) == shown(hand_written)


def test_a_heading_becomes_the_title_the_page_showed() -> None:
    [category] = import_page(
        page_with("| 1 | S | M | - | - |", title="Fees &amp; *Beta* `v2`")
    ).categories
    assert (category.title, category.id) == ("Fees & Beta v2", "fees-beta-v2")


def test_html_the_plugin_would_show_as_typed_is_imported_with_a_notice(tmp_path: Path) -> None:
    page = page_with(
        '| 1 | S | A <span class="x">tag</span> | Use ~~old~~ new. | - |',
        "| 2 | S | M | - | <kbd>Ctrl</kbd> and `<kbd>` in code |",
    )
    result = import_page(page)
    assert [(notice.line, notice.message) for notice in result.notices] == [
        (
            5,
            'the message holds HTML (`<span class="x">`, `</span>`), which the plugin shows as typed: write it as Markdown or as plain text',
        ),
        (
            5,
            "a user action strikes through part of its text (`~~…~~`), which the plugin shows as typed: reword it, or mark the whole entry obsolete",
        ),
        (
            6,
            "a developer action holds HTML (`<kbd>`, `</kbd>`), which the plugin shows as typed: write it as Markdown or as plain text",
        ),
    ]
    [first, second] = result.categories[0].entries  # kept: nothing is lost
    assert (first.message, first.user_actions) == (
        'A <span class="x">tag</span>',
        ("Use ~~old~~ new.",),
    )
    assert second.developer_actions == ("<kbd>Ctrl</kbd> and `<kbd>` in code",)
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    imported = run_cli("import", "page.md", "--catalogue", "catalogue", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert (
        "page.md:6: a developer action holds HTML (`<kbd>`, `</kbd>`), which the plugin shows "
        "as typed: write it as Markdown or as plain text"
    ) in imported.stdout.splitlines()


def test_a_translated_page_imports_by_column_position() -> None:
    text = dedent(
        """\
        # Erreurs

        ## Dépôts

        | Code d'erreur | Scénario probable | Message affiché | Actions de l'utilisateur | Actions du développeur |
        |:-------------:|:------------------|-----------------|--------------------------|-----------------------:|
        | 2000 | Portefeuille introuvable | Une erreur est survenue. | Vérifiez la connexion.Contactez le support. | N/A |
        """
    )
    [category] = import_page(text).categories
    assert (category.id, category.title, category.range) == ("depots", "Dépôts", (2000, 2999))
    [entry] = category.entries
    assert entry.user_actions == ("Vérifiez la connexion.", "Contactez le support.")
    assert entry.developer_actions == ()


# ---------------------------------------------------------------------------------------------
# Hostile tables


def test_a_table_with_another_column_count_is_reported_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = "## Glossary\n\n| Term | Meaning |\n|---|---|\n| IMX | Immutable X |\n"
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text(page_with("| 1 | S | M | - | - |") + "\n" + glossary)
    assert main(["import", "page.md"]) == 1
    out, err = capsys.readouterr()
    reason = "page.md:9: table skipped: has 2 columns; an error table has 5"
    assert reason in out and reason in err
    assert "1 category, 1 entry, 0 obsolete, 0 without code, 1 skipped" in out
    assert Path("page.md").read_text().endswith(glossary)
    assert [path.name for path in Path("catalogue").iterdir()] == ["01-errors.yml"]


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("| 2 | S | M | - | - | extra |", 6),
        ("| 2 | S | M | - |", 4),
        ("| 2 | S | `a|b` | - | - |", 6),
        ("2 S M - -", 1),
    ],
)
def test_a_row_with_unbalanced_pipes_skips_the_whole_table(row: str, cells: int) -> None:
    text = page_with("| 1 | S | M | - | - |", row)
    result = import_page(text)
    assert result.categories == ()
    assert result.skipped[0].line == 3
    assert f"row at line 6 has {cells} cells instead of 5" in result.skipped[0].reason
    assert result.page == text


def test_missing_outer_pipes_are_fine() -> None:
    entry = only_entry(
        "## E\n\nCode | Scenario | Message | User | Dev\n--- | --- | --- | --- | ---\n1 | S | M | - | -\n"
    )
    assert (entry.code, entry.message) == (1, "M")


def test_prose_between_a_heading_and_its_table_stays_in_the_page() -> None:
    prose = "## Errors\n\nSome prose.\n\n<!-- the writer's note -->\n\nMore *prose*.\n\n"
    result = import_page(prose + HEADER + "| 1 | S | M | - | - |\n")
    [category] = result.categories
    assert (category.description, category.range) == (None, (0, 999))
    assert result.page == prose + "<!-- error-catalogue errors -->\n"


def test_a_header_with_no_rows_becomes_an_empty_category(tmp_path: Path) -> None:
    result = import_page(page_with(title="Refunds"))
    [category] = result.categories
    assert (category.id, category.entries, category.range) == ("refunds", (), None)
    write_categories(result.categories, tmp_path)
    assert (tmp_path / "01-refunds.yml").read_text() == "title: Refunds\nid: refunds\nerrors: []\n"
    assert load_catalogue(tmp_path).categories[0].entries == ()


def test_a_header_without_its_dash_line_is_not_a_table() -> None:
    text = "## Notes\n\n| Error Code | Likely Scenario | Message | User | Dev |\n\nProse.\n"
    assert import_page(text) == PageImport((), text, ())


@pytest.mark.parametrize(
    ("opening", "closing"), [("```", "```"), ("~~~", "~~~"), ("````markdown", "````")]
)
def test_a_table_inside_a_code_fence_is_left_alone(opening: str, closing: str) -> None:
    fenced = f"{opening}\n{HEADER}| 9 | S | M | - | - |\n{closing}\n"
    text = page_with("| 1 | S | M | - | - |") + "\n## Example\n\n" + fenced
    result = import_page(text)
    assert [entry.code for entry in result.categories[0].entries] == [1]
    assert result.page.endswith(fenced)


def test_a_table_without_a_heading_is_skipped() -> None:
    text = f"Intro.\n\n{HEADER}| 1 | S | M | - | - |\n"
    result = import_page(text)
    assert result.categories == ()
    assert result.skipped[0].line == 3
    assert result.skipped[0].reason.startswith("has no heading above it")


def test_an_empty_scenario_skips_the_table() -> None:
    result = import_page(page_with("| 1 |  | M | - | - |"))
    assert result.skipped[0].reason == "row at line 5 has no scenario: every error needs one"


def test_front_matter_setext_headings_and_crlf_are_kept() -> None:
    text = "---\ntitle: x\n---\nErrors\n======\n\n" + HEADER + "| 1 | S | M | - | - |\n"
    text = text.replace("\n", "\r\n")
    result = import_page(text)
    assert result.categories[0].title == "Errors"
    assert (
        result.page
        == "---\r\ntitle: x\r\n---\r\nErrors\r\n======\r\n\r\n<!-- error-catalogue errors -->\r\n"
    )


def test_unicode_line_separators_stay_inside_their_cell(tmp_path: Path) -> None:
    result = import_page(page_with("| 1 | a\u2028b | c\u2029d | e\u2029f | - |"))
    assert result.skipped == ()
    write_categories(result.categories, tmp_path)
    [entry] = load_catalogue(tmp_path).entries()
    assert (entry.scenario, entry.message, entry.user_actions) == (
        "a\u2028b",
        "c\u2029d",
        ("e\u2029f",),
    )
    # U+0085 stays in its cell too, where the catalogue's checks refuse it as a C1 control
    result = import_page(page_with("| 1 | S | c\x85d | - | - |"))
    write_categories(result.categories, tmp_path / "nel")
    with pytest.raises(
        CatalogueError, match=r":7: `message` contains the control character U\+0085"
    ):
        load_catalogue(tmp_path / "nel")


def test_the_page_may_go_to_a_new_folder_and_write_errors_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.md").write_text(page_with("| 1 | S | M | - | - |"))
    assert main(["import", "page.md", "--page", "docs/errors/index.md"]) == 0
    assert Path("docs/errors/index.md").read_text().endswith("<!-- error-catalogue errors -->\n")
    Path("taken").write_text("a file, not a folder\n")
    assert main(["import", "page.md", "--catalogue", "taken"]) == 1
    assert (
        "error-catalogue import: taken is a file, so taken/01-errors.yml cannot be written: "
        "choose another path, or move the file\n"
    ) in capsys.readouterr().err
    assert Path("page.md").read_text() == page_with("| 1 | S | M | - | - |")
