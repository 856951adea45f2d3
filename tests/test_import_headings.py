"""`error-catalogue import` of a page written as one heading per code, with paragraphs, lists
and code blocks (Rust's error index, Ruff's rules), into a new or an existing catalogue."""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import error_catalogue

RUST = """\
# Rust errors

## E0001

This error suggests that the expression arm will never be reached. The pattern above it
matches every value.

```rust
## 1004
match x {
    _ => 1,
}
```

Remove the arm.

## E0002

An empty match on a non-empty type.
"""

RUFF = """\
# Rules

## Style

### E501 (line-too-long)

Checks for lines that exceed the configured length. Overlong lines hurt readability.

### line-ending (W292)

Checks for a missing newline at the end of a file.

## Overview

Not a code.
"""


def files_of(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


def catalogue_with(root: Path, files: dict[str, str]) -> Path:
    """The catalogue folder of `root` holding `files` (name: text)."""
    folder = root / "catalogue"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def imported(root: Path, page: str, *arguments: str) -> tuple[int, str, str]:
    (root / "page.md").write_text(page, encoding="utf-8")
    result = error_catalogue("import", "page.md", *arguments, cwd=root)
    return result.returncode, result.stdout, result.stderr


def test_a_rust_like_page_becomes_entries_with_explanations(tmp_path: Path) -> None:
    code, out, err = imported(tmp_path, RUST)
    assert (code, err) == (0, "")
    category = yaml.safe_load((tmp_path / "catalogue" / "01-rust-errors.yml").read_text())
    assert category["title"] == "Rust errors"
    first, second = category["errors"]
    assert first["code"] == "E0001"
    assert first["scenario"] == "This error suggests that the expression arm will never be reached."
    assert first["explanation"] == (
        "The pattern above it matches every value.\n\n```rust\n## 1004\nmatch x {\n"
        "    _ => 1,\n}\n```\n\nRemove the arm."
    )
    assert second == {"code": "E0002", "scenario": "An empty match on a non-empty type."}
    assert yaml.safe_load((tmp_path / "catalogue" / "_fields.yml").read_text()) == {
        "fields": {"scenario": {}, "explanation": {"kind": "markdown"}}
    }
    assert out.splitlines()[:2] == [
        "page.md:3: E0001 -> catalogue/01-rust-errors.yml: scenario from the first sentence; "
        "2 sentences and 1 code block as `explanation`",
        "page.md:17: E0002 -> catalogue/01-rust-errors.yml: scenario from the first sentence; "
        "nothing more",
    ]
    page = (tmp_path / "page.md").read_text()
    assert page == "# Rust errors\n\n<!-- error-catalogue rust-errors -->\n"
    assert error_catalogue("check", cwd=tmp_path).returncode == 0


def test_a_heading_inside_a_fence_is_no_code(tmp_path: Path) -> None:
    code, _, _ = imported(tmp_path, RUST)
    assert code == 0
    category = yaml.safe_load((tmp_path / "catalogue" / "01-rust-errors.yml").read_text())
    assert [entry["code"] for entry in category["errors"]] == ["E0001", "E0002"]


def test_a_ruff_like_page_gives_names_and_categories_and_reports_other_headings(
    tmp_path: Path,
) -> None:
    page = RUFF + "\n#### E999 deep\n\nA deeper heading like a code.\n"
    code, out, err = imported(tmp_path, page)
    assert (code, err) == (0, "")
    category = yaml.safe_load((tmp_path / "catalogue" / "01-style.yml").read_text())
    assert category["title"] == "Style"
    assert [(e["code"], e["name"]) for e in category["errors"]] == [
        ("E501", "line-too-long"),
        ("W292", "line-ending"),
    ]
    assert (
        "page.md:17: `#### E999 deep` is a heading like a code at level 4, but the codes are "
        "at level 3: left in the page"
    ) in out.splitlines()
    rewritten = (tmp_path / "page.md").read_text()
    assert "<!-- error-catalogue style -->" in rewritten
    assert "## Overview\n\nNot a code." in rewritten
    assert "#### E999 deep" in rewritten
    lookup = error_catalogue("lookup", "line-too-long", cwd=tmp_path)
    assert lookup.returncode == 0, lookup.stderr
    assert "E501" in lookup.stdout


def test_into_a_catalogue_with_categories_new_files_come_after_the_existing_ones(
    tmp_path: Path,
) -> None:
    declaration = "fields:\n  scenario: {}\n  details: {kind: markdown}\n"
    existing = "title: Old\nerrors:\n  - code: 1\n    scenario: One\n"
    folder = catalogue_with(tmp_path, {"_fields.yml": declaration, "12-old.yml": existing})
    code, out, err = imported(tmp_path, RUST)
    assert (code, err) == (0, ""), out
    assert sorted(files_of(folder)) == ["12-old.yml", "13-rust-errors.yml", "_fields.yml"]
    category = yaml.safe_load((folder / "13-rust-errors.yml").read_text())
    assert "details" in category["errors"][0]


def test_a_clash_with_the_catalogue_refuses_and_writes_nothing(tmp_path: Path) -> None:
    declaration = "fields:\n  scenario: {}\n  explanation: {kind: markdown}\n"
    existing = "title: Old\nerrors:\n  - code: E0002\n    scenario: Taken\n"
    folder = catalogue_with(tmp_path, {"_fields.yml": declaration, "01-old.yml": existing})
    before = files_of(folder)
    code, _, err = imported(tmp_path, RUST)
    assert code == 1
    assert "E0002" in err
    assert err.splitlines()[-1] == (
        "error-catalogue import: nothing written: fix what is listed, then run the import again"
    )
    assert files_of(folder) == before
    assert (tmp_path / "page.md").read_text() == RUST


def test_a_declaration_requiring_a_field_the_page_lacks_refuses(tmp_path: Path) -> None:
    declaration = (
        "fields:\n  scenario: {}\n  severity: {required: true}\n  explanation: {kind: markdown}\n"
    )
    folder = catalogue_with(tmp_path, {"_fields.yml": declaration})
    code, _, err = imported(tmp_path, RUST)
    assert code == 1
    assert err.strip() == (
        "error-catalogue import: catalogue/_fields.yml requires `severity`, which the page "
        "does not give: make it optional for the import, or add it to each section; nothing "
        "written"
    )
    assert files_of(folder) == {"_fields.yml": declaration}


def test_a_catalogue_without_a_declaration_refuses_with_the_declaration_to_add(
    tmp_path: Path,
) -> None:
    existing = "title: Old\nerrors:\n  - code: 1\n    scenario: One\n    message: M\n"
    folder = catalogue_with(tmp_path, {"01-old.yml": existing})
    code, _, err = imported(tmp_path, RUST)
    assert code == 1
    assert "has no field declaration" in err
    assert "explanation: {kind: markdown}" in err
    assert files_of(folder) == {"01-old.yml": existing}


def test_an_all_categories_marker_on_another_page_is_warned_of(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "reference.md").write_text("# All\n\n<!-- error-catalogue -->\n", encoding="utf-8")
    (docs / "troubleshooting.md").write_text(RUST, encoding="utf-8")
    result = error_catalogue("import", "docs/troubleshooting.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "error-catalogue import: warning: docs/reference.md:3 shows every category, so the "
        "imported categories `rust-errors` will show there too, and their deep links will "
        "lead there, not to docs/troubleshooting.md: give docs/reference.md one-category "
        "markers"
    ]


def test_a_page_with_neither_tables_nor_code_headings_says_so(tmp_path: Path) -> None:
    code, _, err = imported(tmp_path, "# Notes\n\n## Overview\n\nText.\n")
    assert code == 1
    assert err.strip() == (
        "error-catalogue import: page.md: no error table and no headings starting with a "
        "code to import"
    )
    assert not (tmp_path / "catalogue").exists()


def test_a_code_heading_without_text_is_skipped_and_left_in_the_page(tmp_path: Path) -> None:
    code, _, err = imported(tmp_path, RUST + "\n## E0003\n")
    assert code == 1
    assert err.strip() == "page.md:21: section skipped: `E0003` has no text under it"
    assert "## E0003" in (tmp_path / "page.md").read_text()


def test_a_page_with_a_table_and_code_headings_imports_the_table_then_the_headings(
    tmp_path: Path,
) -> None:
    table = (
        "## Tokens\n\n| Error Code | Likely Scenario | Displayed Error Message | Possible "
        "User Actions | Possible Developer Actions |\n|---|---|---|---|---|\n"
        "| 1001 | Unable to retrieve tokens | Something went wrong | Retry. | Check. |\n\n"
    )
    code, out, err = imported(tmp_path, "# Errors\n\n" + table + RUST.replace("# Rust", "# R"))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "page.md has headings starting with a code too: run `error-catalogue import page.md` "
        "again to import them"
    )
    declaration = (
        "fields:\n  scenario: {}\n  message: {required: false}\n  user_actions: {kind: texts}\n"
        "  developer_actions: {kind: texts}\n  explanation: {kind: markdown}\n"
    )
    (tmp_path / "catalogue" / "_fields.yml").write_text(declaration, encoding="utf-8")
    again = error_catalogue("import", "page.md", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert sorted(files_of(tmp_path / "catalogue")) == [
        "01-tokens.yml",
        "02-r-errors.yml",
        "_fields.yml",
    ]
    assert error_catalogue("check", cwd=tmp_path).returncode == 0


def test_a_deprecated_section_and_a_deeper_code_heading_are_reported_not_decided(
    tmp_path: Path,
) -> None:
    page = "# E\n\n## E0010\n\nThis error is no longer emitted.\n\n### E0010a\n\nDetail.\n"
    code, out, err = imported(tmp_path, page)
    assert (code, err) == (0, "")
    assert out.splitlines()[-3:-1] == [
        "page.md:7: `### E0010a` is a heading like a code at level 3, but the codes are at "
        "level 2: kept in the text of the code above it",
        "page.md:3: E0010 says it is no longer used: mark it `obsolete:` if so",
    ]
    [entry] = yaml.safe_load((tmp_path / "catalogue" / "01-e.yml").read_text())["errors"]
    assert "obsolete" not in entry
    assert entry["explanation"] == "### E0010a\n\nDetail."


def test_raw_html_in_a_section_is_reported_and_the_scenario_written_as_shown(
    tmp_path: Path,
) -> None:
    page = "# E\n\n## E0020\n\nA <b>bad</b> value &amp; more. See <br> here.\n"
    code, out, err = imported(tmp_path, page)
    assert (code, err) == (0, "")
    [entry] = yaml.safe_load((tmp_path / "catalogue" / "01-e.yml").read_text())["errors"]
    assert entry["scenario"] == "A **bad** value & more."
    assert (
        "page.md:3: E0020 holds HTML (`<br>`), which the plugin shows as typed: write it as "
        "Markdown or as plain text"
    ) in out.splitlines()
