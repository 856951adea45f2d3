"""The YAML mistakes writers make most are reported with the fix: their own line, quoted."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_error_catalogue import CatalogueError, load_catalogue

# (the value of `message` as written, what YAML makes of it, the line as it should be)
MISTAKES = [
    ("Your card: declined.", "`: ` inside a text starts a YAML mapping", '"Your card: declined."'),
    ("- not a list", "a text starting with `- ` is read as a list", '"- not a list"'),
    ("*bold* text", "a text starting with `*` is read as a YAML alias", '"*bold* text"'),
    ("&amp; sign", "a text starting with `&` is read as a YAML anchor", '"&amp; sign"'),
    ("@user not found", "YAML keeps `@` at the start of a value", '"@user not found"'),
    ("`code` failed", "YAML keeps `` ` `` at the start of a value", '"`code` failed"'),
    ("%d items", "a text starting with `%` is read as a YAML directive", '"%d items"'),
    ("| text", "a text starting with `|` is read as a YAML text block", '"| text"'),
    ("> note", "a text starting with `>` is read as a YAML text block", '"> note"'),
    ("[Retry] later", "a text starting with `[` is read as a list", '"[Retry] later"'),
    ("{x} y", "a text starting with `{` is read as a mapping", '"{x} y"'),
    (
        '"Quoted" and C:\\path',
        "a text starting with a quote ends at the next one",
        '"\\"Quoted\\" and C:\\\\path"',
    ),
]


@pytest.mark.parametrize(("value", "reason", "fixed"), MISTAKES)
def test_a_common_yaml_mistake_is_reported_with_the_line_quoted(
    tmp_path: Path, value: str, reason: str, fixed: str
) -> None:
    path = tmp_path / "cat.yml"
    path.write_text(
        f"title: T\nerrors:\n  - code: 1\n    scenario: S\n    message: {value}\n", encoding="utf-8"
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path)
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{path}:5: invalid YAML: ")
    assert str(problem).endswith(f": {reason}: put the text in quotes: message: {fixed}")
    path.write_text(path.read_text(encoding="utf-8").replace(value, fixed), encoding="utf-8")
    entry = load_catalogue(tmp_path).entry("1")  # the advice, followed, gives the text
    assert entry is not None and entry.message == value


def test_a_mistake_in_a_key_that_is_no_text_gets_no_quoting_advice(tmp_path: Path) -> None:
    (tmp_path / "cat.yml").write_text("title: T\nerrors:\n  - code: 1: 2\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path)
    assert "quotes" not in str(caught.value)


def problems_of(tmp_path: Path, entry: str) -> list[str]:
    path = tmp_path / "cat.yml"
    path.write_text(f"title: T\nerrors:\n  - code: 1\n{entry}", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tmp_path)
    return [str(problem).removeprefix(f"{path}:") for problem in caught.value.problems]


# YAML that parses, but not into the text that was meant: (the entry's lines, the problem)
MISREAD = [
    (
        "    scenario: S\n    message: Press #1 to retry\n",
        "5: `message` ends before `#1 to retry`, which YAML reads as a comment: put the text in "
        'quotes: message: "Press #1 to retry" (or, for a comment, write `# ` with a space)',
    ),
    (
        "    scenario: S\n    message: #1 priority\n",
        '5: `message` must be text, not empty: put the value in quotes: message: "#1 priority"',
    ),
    (
        "    scenario: S\n    message: 404\n",
        '5: `message` must be text, not a number: put the value in quotes: message: "404"',
    ),
    (
        "    scenario: S\n    message: !important notice\n",
        "5: `message` must be text, not that value: put the value in quotes: "
        'message: "!important notice"',
    ),
    (
        "    scenario: [Retry, later]\n    message: M\n",
        "4: `scenario` must be text on one line or a YAML text block, not a list: put the text "
        'in quotes: scenario: "[Retry, later]"',
    ),
    (
        '    scenario: S\n    message: M\n    user_actions:\n      - Retry: "later"\n',
        "7: `action` must be text on one line or a YAML text block, not a mapping: put the "
        'text in quotes: - "Retry: \\"later\\""',
    ),
]


@pytest.mark.parametrize(("entry", "problem"), MISREAD, ids=range(len(MISREAD)))
def test_text_that_yaml_misreads_is_reported_with_the_line_quoted(
    tmp_path: Path, entry: str, problem: str
) -> None:
    assert problems_of(tmp_path, entry) == [problem]


def test_a_comment_after_a_text_is_still_a_comment(tmp_path: Path) -> None:
    (tmp_path / "cat.yml").write_text(
        "title: General Errors            # required: the heading shown on the site\n"
        "errors:\n  - code: 1\n    scenario: S  # why\n    message: Retry.  # fine\n",
        encoding="utf-8",
    )
    entry = load_catalogue(tmp_path).entry("1")
    assert entry is not None and (entry.scenario, entry.message) == ("S", "Retry.")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_lines_are_counted_as_editors_show_them(tmp_path: Path, separator: str) -> None:
    """PyYAML breaks lines at U+2028, U+2029 and U+0085 too; editors do not."""
    entry = f'    scenario: "one{separator}two"  # note{separator}\n    message: 404\n'
    assert problems_of(tmp_path, entry) == [
        "5: `message` must be text, not a number: put the value in quotes"
    ]
    (problem,) = problems_of(tmp_path, f"    scenario: one{separator}two\n    message: M\n")
    assert problem == (
        "5: invalid YAML: while scanning a simple key could not find expected ':' (the file "
        "holds U+2028, U+2029 or U+0085, which YAML reads as a line break although editors do "
        "not show one: remove them)"
    )
