"""`error-catalogue export --format markdown`: plain tables that import back to the catalogue."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_error_catalogue import Catalogue, Category, Entry, Obsolete, load_catalogue
from mkdocs_error_catalogue.cli import main
from mkdocs_error_catalogue.importing import import_page
from mkdocs_error_catalogue.markdown_export import catalogue_markdown

from .conftest import EXAMPLE_CATALOGUE
from .test_cli import error_catalogue
from .test_importing import SEED


def comparable(category: Category) -> Category:
    """What a table holds of a category: no file, no line numbers, no description."""
    entries = tuple(dataclasses.replace(entry, line=0) for entry in category.entries)
    return dataclasses.replace(category, path=Path(), entries=entries, description=None)


def one_category(*entries: Entry, title: str = "T", category_id: str = "t") -> Catalogue:
    return Catalogue((Category(category_id, title, Path("t.yml"), entries),))


def test_the_seed_round_trips_through_export_to_the_same_files(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "page.md")
    first = ("import", "page.md", "--catalogue", "first", "--page", "out.md")
    assert error_catalogue(*first, cwd=tmp_path).returncode == 0
    exported = error_catalogue(
        "export", "--format", "markdown", "--catalogue", "first", cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    (tmp_path / "exported.md").write_text(exported.stdout, encoding="utf-8")
    second = ("import", "exported.md", "--catalogue", "second", "--page", "out2.md")
    assert error_catalogue(*second, cwd=tmp_path).returncode == 0
    files = sorted(path.name for path in (tmp_path / "first").iterdir())
    assert files == sorted(path.name for path in (tmp_path / "second").iterdir())
    for name in files:
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "first" / name).read_bytes()


def test_the_example_catalogue_round_trips_but_for_descriptions() -> None:
    catalogue = load_catalogue(EXAMPLE_CATALOGUE)
    result = import_page(catalogue_markdown(catalogue))
    assert result.skipped == ()
    assert [comparable(c) for c in result.categories] == [
        comparable(c) for c in catalogue.categories
    ]
    assert (
        "## General Errors {#general}\n\nErrors that any Link flow can raise.\n\n| Error Code"
        in (catalogue_markdown(catalogue))
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
        "| Error Code                                      | Likely Scenario | Displayed Error Message | Possible User Actions | Possible Developer Actions |\n"
        "|-------------------------------------------------|-----------------|-------------------------|-----------------------|----------------------------|\n"
        "| 1                                               | S               | M: ${x}                 | A.<br/>B              | -                          |\n"
        "| :no_entry: ~~2~~ <small><br/>`Obsolete`</small> | ~~Old~~         | ~~Gone.~~               | ~~Call us.~~          | -                          |\n"
        '| <a id="no-code"></a>-                           | Pipe \\| here    | M                       | -                     | Retry. Then wait.<br/>     |\n'
    )


def test_obsolete_details_are_written_as_the_plugins_note() -> None:
    catalogue = one_category(
        Entry(1, None, "New", "M"),
        Entry(2, None, "Old", "M", obsolete=Obsolete("2.4", "Flow *removed*.", "1")),
    )
    text = catalogue_markdown(catalogue)
    note = "~~Old~~<br/>**Obsolete since 2.4.** Flow *removed*. Replaced by 1."
    assert note in text
    assert import_page(text).categories[0].entries[1].obsolete == Obsolete(
        "2.4", "Flow *removed*.", "1"
    )


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


def test_multi_line_texts_are_written_on_one_line() -> None:
    entry = Entry(1, None, "Two\nlines", "M", ("First line\n  second line.",))
    text = catalogue_markdown(one_category(entry))
    [imported] = import_page(text).categories[0].entries
    assert (imported.scenario, imported.user_actions) == ("Two lines", ("First line second line.",))


def test_the_export_renders_as_plain_markdown_tables() -> None:
    """What a generator without the plugin shows: one table per category, a row per entry."""
    catalogue = load_catalogue(EXAMPLE_CATALOGUE)
    html = BeautifulSoup(
        markdown.markdown(catalogue_markdown(catalogue), extensions=["tables", "attr_list", "toc"]),
        "html.parser",
    )
    tables = html.find_all("table")
    assert [heading["id"] for heading in html.find_all("h2")] == [
        c.id for c in catalogue.categories
    ]
    assert [len(table.select("tbody tr")) for table in tables] == [
        len(category.entries) for category in catalogue.categories
    ]
    row = next(tr for tr in html.select("tbody tr") if tr.find("td").get_text().startswith("1002"))
    assert [li for li in row.find_all("td")[3].stripped_strings] == [
        "Check wallet connection with IMX.",
        "Check wallet provider.",
        "Contact Customer Support.",
    ]


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
    result = error_catalogue("export", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'pdf'" in result.stderr
