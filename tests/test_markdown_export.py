"""`error-catalogue export --format markdown`: plain tables that import back to the catalogue."""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from pathlib import Path
from textwrap import dedent

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_error_catalogue import Catalogue, Category, Entry, Obsolete, load_catalogue
from mkdocs_error_catalogue.cli import main
from mkdocs_error_catalogue.importing import import_page, slugify, write_categories
from mkdocs_error_catalogue.inline import InlineRenderer
from mkdocs_error_catalogue.markdown_cells import Carried, comment, read_comment
from mkdocs_error_catalogue.markdown_export import catalogue_markdown
from mkdocs_error_catalogue.model import Code, thousands_block
from mkdocs_error_catalogue.rendering import CatalogueRenderer
from mkdocs_error_catalogue.validation import text_problem

from .conftest import (
    EXAMPLE_CATALOGUE,
    GENERATORS,
    SEED,
    catalogue_values,
    comparable,
    run_cli,
)


def one_category(
    *entries: Entry,
    title: str = "T",
    category_id: str = "t",
    description: str | None = None,
    bounds: tuple[int, int] | None = None,
) -> Catalogue:
    category = Category(category_id, title, Path("t.yml"), entries, description, bounds)
    return Catalogue((category,))


def round_trip(catalogue: Catalogue) -> list[Category]:
    """`catalogue` exported, imported, written to files and loaded again."""
    result = import_page(catalogue_markdown(catalogue))
    assert result.skipped == ()
    with tempfile.TemporaryDirectory() as folder:
        write_categories(result.categories, Path(folder))
        return catalogue_values(Path(folder))


def cli_round_trip(folder: Path) -> tuple[str, str]:
    """`folder/catalogue` exported and imported again into `folder/again` with the commands;
    both catalogues are the same. Returns the export and the page the import wrote."""
    exported = run_cli("export", "--format", "markdown", "--catalogue", "catalogue", cwd=folder)
    assert exported.returncode == 0, exported.stderr
    (folder / "exported.md").write_text(exported.stdout, encoding="utf-8")
    arguments = ("exported.md", "--catalogue", "again", "--page", "page.md")
    imported = run_cli("import", *arguments, cwd=folder)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert catalogue_values(folder / "again") == catalogue_values(folder / "catalogue")
    return exported.stdout, (folder / "page.md").read_text(encoding="utf-8")


def cells_of(text: str) -> list[list[str]]:
    """The cells of the rows of the one table in `text`, as written (pipes still escaped)."""
    rows = [line for line in text.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_the_seed_round_trips_through_export_to_the_same_files(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "page.md")
    first = ("import", "page.md", "--catalogue", "first", "--page", "out.md")
    assert run_cli(*first, cwd=tmp_path).returncode == 0
    exported = run_cli("export", "--format", "markdown", "--catalogue", "first", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    (tmp_path / "exported.md").write_text(exported.stdout, encoding="utf-8")
    second = ("import", "exported.md", "--catalogue", "second", "--page", "out2.md")
    assert run_cli(*second, cwd=tmp_path).returncode == 0
    files = sorted(path.name for path in (tmp_path / "first").iterdir())
    assert files == sorted(path.name for path in (tmp_path / "second").iterdir())
    for name in files:
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "first" / name).read_bytes()


def test_the_example_catalogue_round_trips_with_its_descriptions() -> None:
    catalogue = load_catalogue(EXAMPLE_CATALOGUE)
    result = import_page(catalogue_markdown(catalogue))
    assert result.skipped == ()
    assert [comparable(c) for c in result.categories] == [
        comparable(c) for c in catalogue.categories
    ]
    assert catalogue.category("general").description == "Errors that any Link flow can raise."
    assert (
        "## General Errors {#general}\n\n"
        '<!-- exported by error-catalogue: {"description_lines": 1} -->\n\n'
        "Errors that any Link flow can raise.\n\n| Error Code"
    ) in catalogue_markdown(catalogue)
    assert result.page.startswith(
        "## General Errors {#general}\n\n<!-- error-catalogue general -->\n"
    )


def test_the_export_is_in_the_seeds_style() -> None:
    catalogue = one_category(
        Entry(1, None, "S", "M: ${x}", ("A.", "B"), ()),
        Entry(2, None, "Old", "Gone.", ("Call us.",), (), Obsolete()),
        Entry(None, "no-code", "Pipe | here", "M", (), ("Retry. Then wait.",)),
    )
    assert catalogue_markdown(catalogue) == (
        "## T\n"
        "\n"
        '<!-- exported by error-catalogue: {"range": null} -->\n'
        "\n"
        "| Error Code                                                    | Likely Scenario | Displayed Error Message | Possible User Actions | Possible Developer Actions |\n"
        "|---------------------------------------------------------------|-----------------|-------------------------|-----------------------|----------------------------|\n"
        '| <a id="1"></a>1                                               | S               | M: <code>${x}</code>    | A.<br/>B              | -                          |\n'
        '| :no_entry: ~~<a id="2"></a>2~~ <small><br/>`Obsolete`</small> | ~~Old~~         | ~~Gone.~~               | ~~Call us.~~          | -                          |\n'
        '| <a id="no-code"></a>-                                         | Pipe \\| here    | M                       | -                     | Retry. Then wait.          |\n'
    )


def test_an_export_written_without_row_anchors_still_imports() -> None:
    """Exports made before codes had anchors: only entries without a code had one."""
    catalogue = load_catalogue(EXAMPLE_CATALOGUE)
    older = re.sub(r'<a id="[^"]*"></a>(?!-)', "", catalogue_markdown(catalogue))
    assert older.count("<a id=") < catalogue_markdown(catalogue).count("<a id=")
    assert [comparable(c) for c in import_page(older).categories] == [
        comparable(c) for c in catalogue.categories
    ]


def test_obsolete_details_are_written_as_the_plugins_note() -> None:
    catalogue = one_category(
        Entry(1, None, "New", "M"),
        Entry(2, None, "Old", "M", obsolete=Obsolete("2.4", "Flow *removed*.", "1")),
    )
    text = catalogue_markdown(catalogue)
    note = "~~Old~~<br/>**Obsolete since 2.4.** Flow *removed*. Replaced by [1](#1)."
    assert note in text
    details = Obsolete("2.4", "Flow *removed*.", "1")
    assert import_page(text).categories[0].entries[1].obsolete == details
    # Written before rows had anchors, the replacement was not linked.
    older = text.replace("Replaced by [1](#1).", "Replaced by 1.")
    assert import_page(older).categories[0].entries[1].obsolete == details
    # Without the comment, as a hand-written table, the linked note reads the same.
    hand_written = re.sub(r"<!-- exported by .*-->\n", "", text)
    assert import_page(hand_written).categories[0].entries[1].obsolete == details


def test_a_category_id_the_title_does_not_give_is_kept_on_the_heading() -> None:
    plain = catalogue_markdown(
        one_category(Entry(1, None, "S", "M"), title="Fiat to Crypto", category_id="fiat-to-crypto")
    )
    assert plain.startswith("## Fiat to Crypto\n")
    custom = catalogue_markdown(
        one_category(Entry(1, None, "S", "M"), title="Fiat to Crypto", category_id="onramp")
    )
    assert custom.startswith("## Fiat to Crypto {#onramp}\n")
    assert import_page(custom).categories[0].id == "onramp"


def test_multi_line_texts_are_written_with_br_and_read_back() -> None:
    entry = Entry(1, None, "Two\nlines", "M\n", ("First line\n  second line.", "B"))
    text = catalogue_markdown(one_category(entry))
    assert cells_of(text) == [
        ['<a id="1"></a>1', "Two<br>lines", "M<br>", "First line<br>  second line.<br/>B", "-"]
    ]
    [imported] = import_page(text).categories[0].entries
    assert imported == dataclasses.replace(entry, line=imported.line)


def test_the_export_renders_as_plain_markdown_tables() -> None:
    """What a generator without the plugin shows: one table per category, a row per entry."""
    catalogue = load_catalogue(EXAMPLE_CATALOGUE)
    html = BeautifulSoup(
        markdown.markdown(catalogue_markdown(catalogue), extensions=["tables", "attr_list", "toc"]),
        "html.parser",
    )
    tables = html.find_all("table")
    description = html.find("h2").find_next_sibling()
    assert (description.name, description.get_text()) == (
        "p",
        "Errors that any Link flow can raise.",
    )
    assert "exported by" not in html.get_text()
    assert [heading["id"] for heading in html.find_all("h2")] == [
        c.id for c in catalogue.categories
    ]
    assert [len(table.select("tbody tr")) for table in tables] == [
        len(category.entries) for category in catalogue.categories
    ]
    # Every row can be linked to: its code cell holds the entry's anchor.
    assert [tr.td.a["id"] for tr in html.select("tbody tr")] == [
        entry.anchor for category in catalogue.categories for entry in category.entries
    ]
    row = next(tr for tr in html.select("tbody tr") if tr.find("td").get_text().startswith("1002"))
    assert [li for li in row.find_all("td")[3].stripped_strings] == [
        "Check wallet connection with IMX.",
        "Check wallet provider.",
        "Contact Customer Support.",
    ]


HOSTILE_TEXTS = (
    "<b>bold</b> and <script>alert(1)</script>",
    '<img src="x" onerror="alert(1)"> &copy; a < b & c &amp; d',
    'Retry {: onclick="alert(1)" }',
    '*Retry*{: onclick="alert(1)"} and `a < b {: .x} &copy;`',
    "See <https://example.com/?a=1&b=2> or <help@example.com>, **now**: ${apiError}",
)


@pytest.mark.parametrize("generator", GENERATORS)
def test_a_generator_shows_html_in_texts_as_the_plugin_does(generator: str) -> None:
    """Raw HTML, entities and `attr_list` braces in the export's texts show as typed, with
    every generator that renders raw HTML; code spans and links still render."""
    entries = [Entry(n, None, text, text, (text,)) for n, text in enumerate(HOSTILE_TEXTS, 1)]
    title = '<i>T</i> {: onclick="alert(1)"}'
    catalogue = one_category(
        *entries, title=title, category_id=slugify(title), description="<u>D</u> {: #x}"
    )
    page = BeautifulSoup(GENERATORS[generator](catalogue_markdown(catalogue)), "html.parser")
    assert not page.find_all(["b", "script", "img", "i", "u"])
    attributes = [(tag.name, name) for tag in page.find_all(True) for name in tag.attrs]
    assert set(attributes) == {("a", "href"), ("a", "id")}
    assert [tr.td.a["id"] for tr in page.select("tbody tr")] == [e.anchor for e in entries]
    assert (page.h2.get_text(), page.p.get_text()) == (
        '<i>T</i> {: onclick="alert(1)"}',
        "<u>D</u> {: #x}",
    )
    renderer = InlineRenderer()
    for row, text in zip(page.select("tbody tr"), HOSTILE_TEXTS, strict=True):
        shown = BeautifulSoup(renderer.html(text), "html.parser")
        for cell in row.find_all("td")[1:4]:  # scenario, message, the one user action
            assert cell.get_text() == shown.get_text()
            assert [(tag.name, tag.get("href")) for tag in cell.find_all(True)] == [
                (tag.name, tag.get("href")) for tag in shown.find_all(True)
            ]


@pytest.mark.parametrize("generator", GENERATORS)
def test_a_title_shows_as_typed_as_the_plugin_shows_it(generator: str) -> None:
    typed = "*Beta* `errors` [draft] ~~old~~ \\o/ snake_case & <i>"
    catalogue = one_category(Entry(1, None, "S", "M"), title=typed, category_id="beta")
    page = BeautifulSoup(GENERATORS[generator](catalogue_markdown(catalogue)), "html.parser")
    assert page.h2.get_text().removesuffix(" {#beta}") == typed  # CommonMark shows the id
    assert page.h2.find_all(True) == []
    assert import_page(catalogue_markdown(catalogue)).categories[0].title == typed


BLOCKY_DESCRIPTION = (
    "# Not a heading\n- not a list\n1. not a list\n> not a quote\n    not code\n---\n"
    "```\n| a | b |\n|---|---|\n[x]: /not-a-reference\n\n*Emphasis* and `code` render"
)


@pytest.mark.parametrize("generator", GENERATORS)
def test_a_description_shows_as_the_plugins_paragraphs(generator: str) -> None:
    """No line of a description starts a block: it shows as the plugin's paragraphs."""
    catalogue = one_category(Entry(1, None, "S", "M"), description=BLOCKY_DESCRIPTION)
    page = BeautifulSoup(GENERATORS[generator](catalogue_markdown(catalogue)), "html.parser")
    exported = page.h2.find_next_siblings(lambda tag: tag.name != "table")
    plugin = BeautifulSoup(
        CatalogueRenderer().description_html(catalogue.categories[0]), "html.parser"
    ).find_all("p")
    assert [p.name for p in exported] == ["p", "p"]
    assert [" ".join(p.get_text().split()) for p in exported] == [
        " ".join(p.get_text().split()) for p in plugin
    ]
    assert [[tag.name for tag in p.find_all(True)] for p in exported] == [[], ["em", "code"]]
    [imported] = import_page(catalogue_markdown(catalogue)).categories
    assert imported.description == BLOCKY_DESCRIPTION


@pytest.mark.parametrize("generator", GENERATORS)
def test_links_to_codes_land_on_the_export_rows(generator: str) -> None:
    """`error:` links become links to the rows' anchors; `[](error:1004)` and `<error:1004>`
    show the code."""
    catalogue = one_category(
        Entry(1004, None, "S", "M"),
        Entry(1005, None, "See [the new code](error:1004).", "Use [](error:1004), [top](#t)"),
        Entry(1006, None, "S", "Or <error:1004>."),
    )
    exported = catalogue_markdown(catalogue)
    page = BeautifulSoup(GENERATORS[generator](exported), "html.parser")
    row = page.select("tbody tr")[1]
    assert [(a.get_text(), a["href"]) for a in row.select("td a[href]")] == [
        ("the new code", "#1004"),
        ("1004", "#1004"),
        ("top", "#t"),
    ]
    assert [(a.get_text(), a["href"]) for a in page.select("tbody tr")[2].select("a[href]")] == [
        ("1004", "#1004")
    ]
    assert page.find(id="1004").find_parent("tr") is page.select("tbody tr")[0]
    [imported] = import_page(exported).categories
    assert imported.entries[1].scenario == "See [the new code](error:1004)."
    assert imported.entries[1].message == "Use [](error:1004), [top](#t)"
    assert imported.entries[2].message == "Or <error:1004>."


def test_export_prints_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "catalogue")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out == catalogue_markdown(load_catalogue(Path("catalogue")))


def test_export_of_a_broken_catalogue_lists_its_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "errors").mkdir()
    (tmp_path / "errors/a.yml").write_text("title: A\nerors: []\n")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "markdown", "--catalogue", "errors"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "errors/a.yml:2: unknown key `erors` in a category file" in err


def test_export_needs_a_known_format(tmp_path: Path) -> None:
    result = run_cli("export", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'pdf'" in result.stderr


# ---------------------------------------------------------------------------------------------
# What a table alone cannot show: descriptions, ranges, texts on several lines

BLOCKS = dedent(
    """\
    title: General Errors
    id: general
    range: [1000, 1499]
    description: |
      Errors that any Link flow can raise.

      Some come from the *API*:
      see `${details}`.
    errors:
      - code: 1000
        scenario: >
          Failed to open Link
          as an iFrame
        message: |
          Something went wrong.
          Please try again.
        user_actions:
          - |
            Retry.
            Then wait.
          - Retry. Then wait.
        developer_actions: []
        obsolete:
          since: "2.4"
          reason: |
            Removed.

            For good.
      - id: no-code
        scenario: Typed <br> and <br/> and &lt;br&gt;
        message: "A | pipe"
    """
)


def test_a_description_comes_back_as_the_description_not_as_page_prose(tmp_path: Path) -> None:
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue/01-general.yml").write_text(BLOCKS, encoding="utf-8")
    exported, page = cli_round_trip(tmp_path)
    assert exported.startswith(
        "## General Errors {#general}\n\n"
        '<!-- exported by error-catalogue: {"description_lines": 5, "range": [1000, 1499]} -->\n\n'
        "Errors that any Link flow can raise.\n\nSome come from the *API*:\nsee `${details}`.\n\n\n"
        "| Error Code"
    )
    assert load_catalogue(tmp_path / "again").categories[0].description == (
        "Errors that any Link flow can raise.\n\nSome come from the *API*:\nsee `${details}`.\n"
    )
    assert page == "## General Errors {#general}\n\n<!-- error-catalogue general -->\n"


def test_texts_on_several_lines_come_back_on_several_lines(tmp_path: Path) -> None:
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue/01-general.yml").write_text(BLOCKS, encoding="utf-8")
    exported, _ = cli_round_trip(tmp_path)
    assert cells_of(exported.split("\n\n", 4)[4])[0][1:4] == [
        "~~Failed to open Link as an iFrame<br>~~<br/>**Obsolete since 2.4.** Removed.<br><br>For"
        " good.<br>",
        "~~Something went wrong.<br>Please try again.<br>~~",
        "~~Retry.<br>Then wait.<br>~~<br/>~~Retry. Then wait.~~",
    ]
    entry = load_catalogue(tmp_path / "again").entry("1000")
    assert entry.message == "Something went wrong.\nPlease try again.\n"
    assert entry.user_actions == ("Retry.\nThen wait.\n", "Retry. Then wait.")
    assert entry.obsolete == Obsolete("2.4", "Removed.\n\nFor good.\n")


def test_a_br_typed_in_a_text_is_kept_and_a_br_in_an_exported_cell_is_a_line_break() -> None:
    typed = "Typed <br> and <br/> and &lt;br&gt; and &amp;"
    text = catalogue_markdown(one_category(Entry(1, None, typed, "a\nb")))
    assert cells_of(text)[0][1:3] == [
        "Typed &lt;br> and &lt;br/> and &amp;lt;br&amp;gt; and &amp;amp;",
        "a<br>b",
    ]
    [entry] = import_page(text).categories[0].entries
    assert (entry.scenario, entry.message) == (typed, "a\nb")
    edited = text.replace("a<br>b", "c<br>d<br/>e")
    [entry] = import_page(edited).categories[0].entries
    assert entry.message == "c\nd<br/>e"
    # No character has so long a number: the reference is kept as written.
    too_long = "&#" + "9" * 5000 + ";"
    [entry] = import_page(text.replace("a<br>b", too_long)).categories[0].entries
    assert entry.message == too_long


@pytest.mark.parametrize(
    ("codes", "bounds", "comment"),
    [
        ([1000, 1001], (1000, 1499), '{"range": [1000, 1499]}'),
        ([], (3000, 3999), '{"range": [3000, 3999]}'),
        ([1000, 1001], None, '{"range": null}'),
        ([1000, 1001], (1000, 1999), ""),
        (["E1", 1000], None, ""),
    ],
)
def test_a_range_comes_back_when_the_codes_do_not_give_it(
    codes: list[Code], bounds: tuple[int, int] | None, comment: str
) -> None:
    entries = [Entry(code, None, "S", "M") for code in codes]
    catalogue = one_category(*entries, bounds=bounds)
    written = f"<!-- exported by error-catalogue{': ' if comment else ''}{comment} -->"
    assert written in catalogue_markdown(catalogue)
    assert round_trip(catalogue) == [comparable(c) for c in catalogue.categories]


@pytest.mark.parametrize(
    "obsolete",
    [
        Obsolete(),
        Obsolete(since="2022-10-25"),
        Obsolete(since=""),
        Obsolete(since="1.**2"),
        Obsolete(reason="Gone."),
        Obsolete(reason="Gone. Replaced by 2."),
        Obsolete(replaced_by="2"),
        Obsolete(replaced_by="E-2"),
        Obsolete("2.4", "Flow *removed* | for good.", "E-2"),
    ],
)
def test_every_kind_of_obsolete_comes_back(obsolete: Obsolete) -> None:
    catalogue = one_category(
        Entry(1, None, "Old", "M", ("Retry.",), (), obsolete),
        Entry(2, None, "New", "M"),
        Entry("E-2", None, "New", "M"),
    )
    assert round_trip(catalogue) == [comparable(c) for c in catalogue.categories]


@pytest.mark.parametrize(
    "actions",
    [
        (),
        ("Retry. Then wait.",),
        ("Retry.", "Then wait."),
        ("IMX.Check wallet.",),
        ("-",),
        ("N/A",),
        ("~~struck~~",),
        ("<br/>",),
        ("a<br>b", "c\nd"),
        ("Call `Client.Connect` | `a|b`.", "[docs](https://example.com/a_b?x=1&y=2)"),
    ],
)
def test_action_lists_come_back_item_for_item(actions: tuple[str, ...]) -> None:
    catalogue = one_category(
        Entry(1, None, "S", "M", actions, actions),
        Entry(2, None, "S", "M", actions, (), Obsolete()),
    )
    [category] = round_trip(catalogue)
    assert [entry.user_actions for entry in category.entries] == [actions, actions]


def test_codes_ids_and_titles_that_a_table_or_heading_would_misread_come_back() -> None:
    catalogue = Catalogue(
        (
            Category(
                "fees",
                "Fees #",
                Path("a.yml"),
                (
                    Entry("E1001", None, "S", "M"),
                    Entry("0100", None, "S", "M"),
                    Entry("1001", None, "S", "M"),
                    Entry("9007199254740992", None, "S", "M"),  # too large to be a number
                    Entry("na", None, "S", "M"),
                    Entry("obsolete", None, "S", "M", obsolete=Obsolete()),
                    Entry(None, "obsolete-2", "S", "M"),
                ),
            ),
            Category("b", "A {#c}", Path("b.yml"), description="-->"),
            Category("c", " Spaced\ttitle\n", Path("c.yml"), description="\n# Not a heading\n"),
            Category("d", "{#|", Path("d.yml")),  # an unclosed `{#` before the heading's id
        )
    )
    text = catalogue_markdown(catalogue)
    assert '## Fees #\n\n<!-- exported by error-catalogue: {"title": "Fees #"} -->' in text
    assert "## A &#123;#c} {#b}\n\n" in text  # the title's `{` cannot make an id
    assert '"description_lines": 1}' in text and "\n-->\n" in text
    assert [cells[0] for cells in cells_of(text.split("## A")[0])] == [
        '<a id="E1001"></a>E1001',
        '<a id="0100"></a>0100',
        '<a id="1001"></a>`1001`',
        '<a id="9007199254740992"></a>`9007199254740992`',
        '<a id="na"></a>na',
        ':no_entry: ~~<a id="obsolete"></a>obsolete~~ <small><br/>`Obsolete`</small>',
        '<a id="obsolete-2"></a>-',
    ]
    assert round_trip(catalogue) == [comparable(c) for c in catalogue.categories]


def test_the_comment_holds_any_title_without_ending_early() -> None:
    carried = Carried(title="a --> b\n", range=None, has_range=True)
    line = comment(carried)
    assert (
        line == '<!-- exported by error-catalogue: {"title": "a --\\u003e b\\n", "range": null} -->'
    )
    assert read_comment(line) == carried
    assert read_comment("<!-- exported by error-catalogue -->") == Carried()
    assert read_comment("<!-- error-catalogue general -->") is None


def test_a_broken_export_comment_skips_the_table_under_it() -> None:
    text = catalogue_markdown(one_category(Entry(1, None, "S", "M"), description="D"))
    for broken in (
        text.replace('"description_lines": 1', '"description_lines": 2'),
        text.replace('"description_lines": 1', '"description_lines": "1"'),
        text.replace('"description_lines": 1', '"description_lines" 1'),
    ):
        result = import_page(broken)
        assert result.categories == ()
        assert result.page == broken
        assert result.skipped[0].reason.startswith(
            "the comment `<!-- exported by error-catalogue … -->` above it "
        )
    orphan = text.split("| Error Code")[0] + catalogue_markdown(one_category(title="Next"))
    assert [category.title for category in import_page(orphan).categories] == ["Next"]


# ---------------------------------------------------------------------------------------------
# Any catalogue comes back

FRAGMENTS = (
    *("|", "\\|", "\\", "<br>", "<br/>", "<BR />", "&lt;br&gt;", "&amp;lt;br", "&amp;", "&"),
    *("&#32;", "&#45;", "&#46;", "&lt;", "`code`", "`a|b`", "${name}", "~~", "**", ".**"),
    *(" Replaced by 1.", "Replaced by ", "-", "N/A", ":no_entry:", "Obsolete", '<a id="x">'),
    *("<b>bold</b>", "\n", "\n\n", " ", "\t", "\u00a0", "\u3000", "\u2028", "\u2029", "e.g."),
    *("Retry. Then wait.", "IMX.Check", "é", "再試行。", "#", " #", "{#x}", "-->", "<!--"),
    *("```", "| a |\n|---|", "# h", "\n---\n", "[docs](https://example.com/a_b?x=1&y=2)"),
    *("`<br>`", "``a`b``", "`&amp;`", "&copy;", "<https://e.com/?a&amp;b>", "<a@b.c>", "$", "{"),
    *(' {: onclick="x"}', "<error:1>", "<", "\\`", "${a<b}", "${&amp;}", "$ {x}", "<a/b=c@d>"),
    *("[](error:1)", "[x](error:E1)", "](#", "[y](#1)", '<a href="#1">1</a>', "](error:"),
    *("[](error:a b)", "[](ERROR:1)", "`[](error:1)`", "\\[](error:1)", "](&#35;"),
    *("<a href='#1'>1</a>", "<error:1>", "<error:a.b>", "<code>${x}</code>", "${a.b-c_d}"),
)
TEXT = (
    st.lists(
        st.sampled_from(FRAGMENTS)
        | st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=4),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda value: text_problem(value) is None)
)
NAME = st.sampled_from(["E1001", "0100", "1001", "na", "obsolete", "x.obsolete"]) | st.from_regex(
    r"[A-Za-z0-9][A-Za-z0-9._-]{0,5}", fullmatch=True
)
REPLACEMENT = "?"  # replaced by another entry's anchor once all entries are drawn
OBSOLETE = st.none() | st.builds(
    Obsolete,
    since=st.none() | st.just("") | TEXT,
    reason=st.none() | TEXT,
    replaced_by=st.none() | st.just(REPLACEMENT),
)
ACTIONS = st.lists(TEXT | st.sampled_from(["-", "N/A", "Retry. Then wait."]), max_size=3)


@st.composite
def catalogues(draw: st.DrawFn) -> Catalogue:
    """Valid catalogues: codes and ids unique (whatever their case), in their category's range,
    real replacements that never come back in a circle."""
    taken: set[str] = set()  # in lower case
    count = draw(st.integers(1, 3))
    categories = [draw_category(draw, position, taken) for position in range(1, count + 1)]
    anchors = [entry.anchor for category in categories for entry in category.entries]
    return Catalogue(tuple(with_replacements(draw, category, anchors) for category in categories))


def draw_category(draw: st.DrawFn, position: int, taken: set[str]) -> Category:
    title = draw(TEXT)
    names = st.just(slugify(title)) | NAME  # the title's own id, or another
    category_id = draw(names.filter(lambda name: bool(name) and name.lower() not in taken))
    taken.add(category_id.lower())
    ranged = draw(st.booleans())
    drawn = [draw_entry(draw, ranged, taken) for _ in range(draw(st.integers(0, 4)))]
    entries = tuple(entry for entry in drawn if entry is not None)
    numbers = [entry.code for entry in entries if isinstance(entry.code, int)]
    return Category(
        category_id,
        title,
        Path(f"{position:02d}-{category_id}.yml"),
        entries,
        draw(st.none() | TEXT),
        draw_range(draw, numbers) if ranged else None,
    )


def draw_entry(draw: st.DrawFn, ranged: bool, taken: set[str]) -> Entry | None:
    """An entry with a number, a text code (not under a range) or an id; None when taken."""
    kind = draw(st.sampled_from(["number", "id"] if ranged else ["number", "text", "id"]))
    anchor: Code = draw(st.integers(0, 3200)) if kind == "number" else draw(NAME)
    if str(anchor).lower() in taken:
        return None
    taken.add(str(anchor).lower())
    return Entry(
        code=None if kind == "id" else anchor,
        id=str(anchor) if kind == "id" else None,
        scenario=draw(TEXT),
        message=draw(TEXT),
        user_actions=tuple(draw(ACTIONS)),
        developer_actions=tuple(draw(ACTIONS)),
        obsolete=draw(OBSOLETE),
    )


def draw_range(draw: st.DrawFn, numbers: list[int]) -> tuple[int, int]:
    """The numbers' block of a thousand, or any range that holds them."""
    block = thousands_block(list[Code](numbers))
    if block is not None and draw(st.booleans()):
        return block
    low = draw(st.integers(0, min(numbers, default=5000)))
    top = max(numbers, default=low)
    return low, draw(st.integers(top, top + 1500))


def with_replacements(draw: st.DrawFn, category: Category, anchors: list[str]) -> Category:
    def replaced(entry: Entry) -> Entry:
        if entry.obsolete is None or entry.obsolete.replaced_by != REPLACEMENT:
            return entry
        earlier = anchors[: anchors.index(entry.anchor)]  # so never in a circle
        code = draw(st.sampled_from(earlier)) if earlier else None
        return dataclasses.replace(
            entry, obsolete=dataclasses.replace(entry.obsolete, replaced_by=code)
        )

    return dataclasses.replace(category, entries=tuple(map(replaced, category.entries)))


@settings(max_examples=50, deadline=None)
@given(catalogue=catalogues())
def test_importing_the_export_gives_the_same_catalogue(catalogue: Catalogue) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_categories(catalogue.categories, Path(folder))
        original = catalogue_values(Path(folder))  # the drawn catalogue is a valid one
    assert original == [comparable(category) for category in catalogue.categories]
    assert round_trip(catalogue) == original
