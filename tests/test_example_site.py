"""The example catalogue against the customer's hand-written page it replaces."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_error_catalogue.rendering import LABEL_NAMES, Labels

from .conftest import (
    EXAMPLE_CATALOGUE,
    REPO,
    Site,
    cell,
    cell_texts,
    cells,
    new_site,
    scenario_text,
)

SEED = Path(__file__).parent / "data" / "seed-link-errors.md"


def seed_tables() -> list[tuple[str, list[str]]]:
    """(heading, codes) per table of the seed page; a code cell of "-" gives "-"."""
    tables: list[tuple[str, list[str]]] = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            tables.append((line[3:].strip(), []))
        elif line.startswith("|") and not re.match(r"\|\s*(Error Code|-{3,})", line):
            code_cell = line.split("|")[1]
            match = re.search(r"\d+", code_cell)
            tables[-1][1].append(match.group(0) if match else "-")
    return tables


def catalogue_entries() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in sorted(EXAMPLE_CATALOGUE.glob("*.yml")):
        entries.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["errors"])
    return entries


def heading_text(heading: Any) -> str:
    """The heading's text without its permalink."""
    return "".join(t for t in heading.find_all(string=True) if t.parent.name != "a").strip()


@pytest.fixture
def example(tmp_path: Path, theme: str) -> BeautifulSoup:
    site = new_site(tmp_path, theme)
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "catalogue")
    site.page("index.md", "# Link Errors\n\nIntro.\n\n<!-- error-catalogue -->\n")
    site.build()
    return site.html()


def test_seed_has_the_expected_shape() -> None:
    tables = seed_tables()
    assert len(tables) == 12
    assert sum(len(codes) for _, codes in tables) == 45


def test_every_seed_table_becomes_a_heading_and_table_in_seed_order(example: BeautifulSoup) -> None:
    headings = example.select("article h2[id], div[role=main] h2[id], .md-content h2[id]")
    assert [heading_text(h) for h in headings] == [title for title, _ in seed_tables()]
    for heading, (_, codes) in zip(headings, seed_tables(), strict=True):
        table = heading.find_next_sibling("div", class_="error-catalogue")
        assert table["data-category"] == heading["id"]
        rows = table.select("tbody tr")
        coded = [row["id"] for row in rows if row.select_one(".error-catalogue-no-code") is None]
        assert coded == [code for code in codes if code != "-"]
        assert len(rows) == len(codes)


def test_every_catalogue_entry_renders_its_text(example: BeautifulSoup) -> None:
    for entry in catalogue_entries():
        anchor = str(entry.get("code", entry.get("id")))
        row = example.find("tr", id=anchor)
        assert row is not None, anchor
        code, scenario, message, user, developer = cells(row)
        assert scenario_text(scenario) == entry["scenario"]
        assert message.get_text() == entry["message"]
        assert [li.get_text() for li in user.select("li")] == entry.get("user_actions", [])
        assert [li.get_text() for li in developer.select("li")] == entry.get(
            "developer_actions", []
        )
        if "code" in entry:
            assert code.find(string=re.compile(str(entry["code"]))) is not None


def test_the_obsolete_seed_row_is_struck_through_with_its_replacement(
    example: BeautifulSoup,
) -> None:
    row = example.find("tr", id="1005")
    assert "error-catalogue-entry--obsolete" in row["class"]
    code, *texts = cells(row)
    assert code.find("del").get_text() == "1005"
    assert code.find(class_="error-catalogue-badge").get_text() == "Obsolete"
    assert all(cell.find("del") is not None for cell in texts)
    note = row.find(class_="error-catalogue-note")
    assert "since 2022-10-25" in note.find("strong").get_text()
    link = note.find("a")
    assert (link["href"], link.get_text()) == ("#1004", "1004")
    assert example.find("tr", id="1004") is not None


def test_category_headings_are_in_the_table_of_contents(example: BeautifulSoup) -> None:
    for title, _ in seed_tables():
        heading = next(h for h in example.select("h2[id]") if heading_text(h) == title)
        toc_links = [
            a
            for a in example.find_all("a", href=f"#{heading['id']}")
            if "headerlink" not in (a.get("class") or [])
        ]
        assert toc_links, f"{title} is missing from the table of contents"


def test_placeholders_in_seed_messages_render_as_code(example: BeautifulSoup) -> None:
    message = cell(example.find("tr", id="1001"), "message")
    placeholder = message.find("code", class_="error-catalogue-placeholder")
    assert placeholder.get_text() == "${apiError}"


@pytest.mark.slow  # the whole documentation site
def test_the_projects_own_site_builds_strict(tmp_path: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)
    page = BeautifulSoup((tmp_path / "site/link-errors/index.html").read_text(), "html.parser")
    ids = {row["id"] for row in page.select(".error-catalogue tbody tr")}
    assert {str(entry.get("code", entry.get("id"))) for entry in catalogue_entries()} == ids
    assert cell_texts(page.find("tr", id="1004"))[0] == "1004 ¶"  # the code and its permalink
    # The configuration page documents every label, with its English text.
    configuration = (tmp_path / "site/configuration/index.html").read_text(encoding="utf-8")
    table = BeautifulSoup(configuration, "html.parser").find("h2", id="labels").find_next("table")
    rows = table.select("tbody tr")
    documented = [[cell.get_text() for cell in row.find_all("td")[:2]] for row in rows]
    assert documented == [[name, getattr(Labels(), name)] for name in LABEL_NAMES]


def test_site_fixture_is_usable(site: Site) -> None:
    """The shared fixture builds a site with only a page: the plugin needs its catalogue."""
    site.page("index.md", "# Hi\n")
    result = site.run("build", "--strict")
    assert result.returncode == 1
    assert "catalogue folder not found" in result.stderr
