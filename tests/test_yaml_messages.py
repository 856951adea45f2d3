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
