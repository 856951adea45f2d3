"""Every catalogue problem is reported with its file and line, all at once, and stops the build."""

from __future__ import annotations

import gc
from pathlib import Path
from textwrap import dedent

import pytest
import yaml

from mkdocs_error_catalogue import CatalogueError, load_catalogue
from mkdocs_error_catalogue.loading import FileCache, _Loader, may_hold_aliases

from .conftest import Site

ENTRY = "  - code: 1001\n    scenario: S\n    message: M\n"

# (file content, line of the problem, words the message must contain)
CASES = [
    ("title: [unclosed\nerrors: []\n", 1, 'put the text in quotes: title: "[unclosed"'),
    ("errors: []\n", 1, "the category has no `title`: add `title: …`"),
    ("title: T\n", 1, "missing `errors:`"),
    ("title: T\ncolour: red\nerrors: []\n", 2, "unknown key `colour` in a category file"),
    ("title: T\nerors: []\n", 2, "did you mean `errors`?"),
    ("- title: T\n", 1, "a category file must be a mapping"),
    ("title: T\nerrors: {code: 1}\n", 2, "`errors` must be a list"),
    (
        "title: T\nerrors:\n  - code: 1\n    scenario: S\n    message: M\n    user_action: [a]\n",
        6,
        "unknown key `user_action` in an error: did you mean `user_actions`?",
    ),
    (
        "title: T\nerrors:\n  - code: 1\n    scenario: S\n    message: 404\n",
        5,
        "`message` must be text, not a number: put the value in quotes",
    ),
    (
        "title: T\nerrors:\n  - code: 1\n    scenario: [a, b]\n    message: M\n",
        4,
        "`scenario` must be text on one line or a YAML text block, not a list",
    ),
    ("title: T\nerrors:\n  - code: 1\n    scenario: S\n    message: ''\n", 5, "`message` is empty"),
    ("title: T\nerrors:\n  - code: 1\n    scenario: S\n", 3, "error 1 has no `message`"),
    (
        "title: T\nerrors:\n  - code: 1\n    scenario: S\n    message: M\n    user_actions: Retry.\n",
        6,
        "actions must be a list",
    ),
    (
        "title: T\nerrors:\n  - code: 1\n    scenario: S\n    message: M\n    user_actions: [1.5]\n",
        6,
        "`action` must be text, not a number",
    ),
    (
        "title: T\nerrors:\n  - code: bad code!\n    scenario: S\n    message: M\n",
        3,
        "`code` must be a whole number such as 1004 or a text code such as E1004",
    ),
    ("title: T\nerrors:\n  - code: -4\n    scenario: S\n    message: M\n", 3, "`code` must be"),
    ("title: T\nerrors:\n  - code: yes\n    scenario: S\n    message: M\n", 3, "`code` must be"),
    (
        "title: T\nerrors:\n  - code: 1\n    id: one\n    scenario: S\n    message: M\n",
        4,
        "either a `code` or an `id`, not both",
    ),
    ("title: T\nerrors:\n  - scenario: S\n    message: M\n", 3, "error has no `code`"),
    (
        "title: T\nerrors:\n  - code: 1\n    code: 2\n    scenario: S\n    message: M\n",
        4,
        "`code` is given twice in an error: keep one",
    ),
    (
        "title: T\nrange: [2000, 2999]\nerrors:\n" + ENTRY,
        4,
        "code 1001 is outside the category's range 2000-2999",
    ),
    (
        "title: T\nrange: [2000, 2999]\nerrors:\n  - {code: E2001, scenario: S, message: M}\n",
        4,
        "text code E2001 cannot be checked against the category's range 2000-2999",
    ),
    (
        "title: T\nerrors:\n  - {code: 0100, scenario: S, message: M}\n",
        3,
        '`code: 0100` is not plain digits: write `code: "0100"` to keep it as a text code',
    ),
    ("title: T\nerrors:\n  - {code: 0x1F, scenario: S, message: M}\n", 3, "is not plain digits"),
    ("title: T\nerrors:\n  - {code: 1_000, scenario: S, message: M}\n", 3, "is not plain digits"),
    ("title: T\nrange: [2999, 2000]\nerrors: []\n", 2, "`range` must be two whole numbers"),
    ("title: T\nrange: 2000\nerrors: []\n", 2, "`range` must be two whole numbers"),
    # Past 4,300 digits Python refuses to read a number at all: no traceback either.
    ("title: T\nrange: [1, " + "9" * 5000 + "]\nerrors: []\n", 2, "`range` must be two whole"),
    *[
        (
            f"title: T\nerrors:\n  - {{code: {digits}, scenario: S, message: M}}\n",
            3,
            "`code` is larger than 9007199254740991, the largest number JavaScript reads "
            'exactly from the JSON export: quote it (`code: "…"`) to keep it as a text code',
        )
        for digits in ("9007199254740992", "9" * 5000)
    ],
    (
        "title: T\nerrors:\n  - code: 1\n    scenario: S\n    message: M\n"
        "    obsolete: {replaced_by: 2}\n"
        "  - code: 2\n    scenario: S\n    message: M\n    obsolete: {replaced_by: 3}\n"
        "  - code: 3\n    scenario: S\n    message: M\n    obsolete: {replaced_by: 2}\n",
        7,
        "obsolete codes replace each other in a circle (2 -> 3 -> 2): point `replaced_by` of "
        "one of them at an error that is still raised, or remove it",
    ),
    (
        "title: T\nerrors:\n\t- code: 1\n",
        3,
        "invalid YAML: a tab character where YAML expects spaces: indent with spaces only",
    ),
    (
        "title: T\nerrors:\n" + ENTRY + "    obsolete:\n      replaced_by: 9999\n",
        3,
        "`replaced_by: 9999` of code 1001 names no code of the catalogue",
    ),
    ("title: T\nerrors:\n" + ENTRY + "    obsolete: {replaced_by: 1001}\n", 3, "names itself"),
    (
        "title: T\nerrors:\n" + ENTRY + "    obsolete: {reason: R, when: now}\n",
        6,
        "unknown key `when` in `obsolete`",
    ),
    (
        "title: T\nerrors:\n" + ENTRY + "    obsolete: soon\n",
        6,
        "`obsolete` (or `obsolete: true`) must",
    ),
    ("title: T\nerrors:\n" + ENTRY + "    obsolete: {since: no}\n", 6, "`since` must be a version"),
    ("title: T\nid: has space\nerrors: []\n", 2, "category id must be a short name"),
    ("", 1, "file is empty"),
    ("title: T\nerrors: []\n---\ntitle: U\n", 3, "invalid YAML: expected a single document"),
    (
        'title: T\nerrors:\n  - code: 1\n    scenario: "a\\x07"\n    message: M\n',
        4,
        "`scenario` contains the control character U+0007: remove it",
    ),
    (
        'title: T\nerrors:\n  - code: 1\n    scenario: "a\\x02wzxhzdk:0\\x03"\n    message: M\n',
        4,
        "`scenario` contains the control character U+0002: remove it",
    ),
]


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(("text", "line", "words"), CASES)
def test_each_problem_names_file_line_and_fix(
    tmp_path: Path, text: str, line: int, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "catalogue", "cat.yml", text)
    problems = problems_of(Path("catalogue"))
    # A misspelt required key is reported twice: as unknown, and as missing.
    assert len(problems) == (2 if "did you mean `errors`" in words else 1), problems
    problem = next(p for p in problems if words in p)
    assert problem.startswith(f"catalogue/cat.yml:{line}: "), problems


def test_duplicate_codes_and_ids_across_files_name_the_first_place(tmp_path: Path) -> None:
    write(
        tmp_path, "a.yml", "title: A\nerrors:\n" + ENTRY + "  - {id: x, scenario: S, message: M}\n"
    )
    write(tmp_path, "b.yml", "title: B\nerrors:\n  - {id: x, scenario: S, message: M}\n" + ENTRY)
    problems = problems_of(tmp_path)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "error id `x` is already used at a.yml:6: every code and id must be unique in the catalogue",
        "code 1001 is already used at a.yml:3: every code and id must be unique in the catalogue",
    ]
    assert [p.split(": ", 1)[0] for p in problems] == [f"{tmp_path / 'b.yml'}:{n}" for n in (3, 4)]


def test_codes_and_ids_differing_only_in_case_clash(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yml",
        'id: Deposits\ntitle: A\nerrors:\n  - {code: "E1", scenario: S, message: M}\n',
    )
    write(
        tmp_path,
        "b.yml",
        'title: B\nerrors:\n  - {code: "e1", scenario: S, message: M}\n'
        "  - {id: deposits, scenario: S, message: M}\n",
    )
    fix = (
        "give one of them another code or id (readers cannot tell them apart, and on macOS and "
        "Windows their deep links are one folder)"
    )
    assert [p.split(": ", 1)[1] for p in problems_of(tmp_path)] == [
        f"code e1 differs only in case from `E1` at a.yml:4: {fix}",
        f"error id `deposits` differs only in case from `Deposits` at a.yml:1: {fix}",
    ]


def test_a_broken_entry_still_has_its_other_fields_checked(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", "title: A\nerrors:\n  - code: 1\n    user_actions: Retry.\n")
    problems = problems_of(tmp_path)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "error 1 has no `scenario`: add `scenario: …`",
        "error 1 has no `message`: add `message: …`",
        "actions must be a list: one `- action` per line, or `[]` for none",
    ]


def test_an_entry_with_a_bad_code_is_named_by_position(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", "title: A\nerrors:\n  - code: bad code\n    message: M\n")
    assert problems_of(tmp_path)[1].endswith(":3: this error has no `scenario`: add `scenario: …`")


def test_a_category_without_title_still_has_its_codes_checked(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", "range: [1, 9]\nerrors:\n  - {code: 10, scenario: S, message: M}\n")
    write(tmp_path, "b.yml", "errors:\n  - {code: 10, scenario: S, message: M}\n")
    problems = [p.split("/")[-1] for p in problems_of(tmp_path)]
    assert [p.split(": ")[0] for p in problems] == ["a.yml:1", "a.yml:3", "b.yml:1", "b.yml:2"]
    assert "code 10 is outside the category's range 1-9" in problems[1]
    assert "code 10 is already used at a.yml:3" in problems[3]


def test_a_file_name_that_cannot_be_an_id_asks_for_one(tmp_path: Path) -> None:
    write(tmp_path, "my errors.yml", "title: T\nerrors: []\n")
    assert problems_of(tmp_path)[0].endswith(
        "my errors.yml:1: the file name `my errors` cannot be the category id: add `id:` "
        "(letters, digits, '.', '_' and '-', starting with a letter or digit)"
    )


def test_every_problem_of_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", "title: A\nerrors:\n  - code: 1\n    scenario: S\n")
    write(tmp_path, "b.yml", "errors: []\n")
    write(tmp_path, "c.yml", "title: [\n")
    assert len(problems_of(tmp_path)) == 3


def test_missing_and_empty_folders(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nowhere")[0].endswith(
        "catalogue folder not found: create it, or point the `catalogue` option at the folder "
        "holding your YAML files"
    )
    write(tmp_path / "empty", "README.md", "not a category")
    assert "catalogue folder has no category files" in problems_of(tmp_path / "empty")[0]


def test_the_folder_of_mkdocs_yml_is_one_problem_not_a_page_of_them(tmp_path: Path) -> None:
    """`catalogue: .` (or `""`): mkdocs.yml read as a category would be three odd problems."""
    write(tmp_path, "mkdocs.yml", "site_name: Docs\nplugins: [error-catalogue]\n")
    write(tmp_path, "general.yml", "title: General\nerrors: []\n")
    assert problems_of(tmp_path) == [
        f"{tmp_path / 'mkdocs.yml'}: is the site's configuration, so this is not the catalogue "
        "folder: keep the category files in a folder of their own (the `catalogue` option, "
        "default `catalogue`)"
    ]


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    write(tmp_path, "cat.yml", "title: T\nerrors:\n  - scenario: caf\xe9\n".encode("latin-1"))
    (problem,) = problems_of(tmp_path)
    assert ":3: is not valid UTF-8 text: save the file as UTF-8" in problem


def test_a_link_leaving_the_catalogue_folder_is_refused(tmp_path: Path) -> None:
    outside = write(tmp_path, "secret.yml", "title: T\nerrors: []\n")
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue" / "cat.yml").symlink_to(outside)
    (problem,) = problems_of(tmp_path / "catalogue")
    assert "links to a file outside the catalogue folder" in problem


def test_yaml_aliases_that_expand_enormously_are_refused(tmp_path: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 8)]
    write(tmp_path, "cat.yml", "\n".join(levels) + "\ntitle: T\nerrors: []\n")
    (problem,) = problems_of(tmp_path)
    assert problem.endswith(
        "cat.yml: YAML aliases (`*name`) expand this file to more than "
        "1,000,000 values: write the values out instead"
    )


def test_modest_yaml_aliases_are_fine(tmp_path: Path) -> None:
    write(
        tmp_path,
        "cat.yml",
        "title: T\nerrors:\n"
        "  - {code: 1, scenario: S, message: M, user_actions: &retry [Retry.]}\n"
        "  - {code: 2, scenario: S, message: M, user_actions: *retry}\n",
    )
    entry = load_catalogue(tmp_path).entry("2")
    assert entry is not None and entry.user_actions == ("Retry.",)


@pytest.mark.parametrize("depth", [900, 5000])
def test_deeply_nested_yaml_is_a_problem_not_a_crash(tmp_path: Path, depth: int) -> None:
    write(tmp_path, "cat.yml", "title: T\nerrors: " + "[" * depth + "]" * depth + "\n")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith(f"{tmp_path / 'cat.yml'}:2: ")


def test_dates_and_versions_in_since_are_kept_as_written(tmp_path: Path) -> None:
    write(
        tmp_path,
        "cat.yml",
        "title: T\nerrors:\n" + ENTRY + "    obsolete: {since: 2022-10-25}\n"
        "  - {code: 2, scenario: S, message: M, obsolete: {since: 2.10}}\n",
    )
    catalogue = load_catalogue(tmp_path)
    assert [e.obsolete.since for e in catalogue.entries() if e.obsolete] == ["2022-10-25", "2.10"]


def test_files_are_read_in_natural_order_and_ids_default_to_file_names(tmp_path: Path) -> None:
    for name in ("10-late.yml", "2-early.yml", "notes.txt", "3-upper.YAML"):
        write(tmp_path, name, "title: T\nerrors: []\n")
    catalogue = load_catalogue(tmp_path)
    assert [category.id for category in catalogue.categories] == ["2-early", "3-upper", "10-late"]


def test_tools_files_are_not_categories(tmp_path: Path) -> None:
    """A catalogue kept in a repository of its own has the tools' settings beside it."""
    write(tmp_path, "01-general.yml", "title: General\nerrors: []\n")
    write(tmp_path, ".yamllint.yml", "extends: default\n")
    write(tmp_path / ".github", "workflows.yml", "on: push\n")
    write(tmp_path / "translations", "notes.yml", "a: b\n")
    assert [category.id for category in load_catalogue(tmp_path).categories] == ["01-general"]


def test_category_files_in_sub_folders_are_not_lost_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    catalogue = Path("catalogue")
    write(catalogue, "01-general.yml", "title: General\nerrors: []\n")
    (catalogue / "payments").mkdir()
    write(catalogue / "payments", "20-cards.yml", "title: Cards\nerrors: []\n")
    hint = (
        "is in a sub-folder, where category files are not read: move it into catalogue/ itself, "
        "or out of it: the YAML files directly in the catalogue folder are its categories"
    )
    assert problems_of(catalogue) == [f"catalogue/payments/20-cards.yml: {hint}"]
    (catalogue / "01-general.yml").unlink()  # all of them there: said with the empty folder
    assert problems_of(catalogue) == [
        "catalogue: catalogue folder has no category files: add one YAML file (.yml) per category",
        f"catalogue/payments/20-cards.yml: {hint}",
    ]


def test_a_broken_catalogue_stops_the_build_with_the_list_and_no_traceback(site: Site) -> None:
    site.category(
        "01-general.yml",
        dedent("""\
        title: General
        errors:
          - code: 1001
            scenario: S
            message: M
            user_action: [Retry.]
          - code: 1001
            scenario: S
            message: M
        """),
    )
    site.page("index.md", "<!-- error-catalogue -->\n")
    result = site.run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "The error catalogue has 2 problems:" in result.stderr
    assert (
        "catalogue/01-general.yml:6: unknown key `user_action` in an error: did you mean "
        "`user_actions`?"
    ) in result.stderr
    assert (
        "catalogue/01-general.yml:7: code 1001 is already used at 01-general.yml:3" in result.stderr
    )
    assert not (site.root / "site" / "index.html").exists()


def test_a_raw_control_character_in_a_file_names_its_line(tmp_path: Path) -> None:
    write(tmp_path, "cat.yml", "title: T\nerrors:\n  - code: 1\n    scenario: a\x07b\n")
    (problem,) = problems_of(tmp_path)
    assert problem.endswith("cat.yml:4: the character U+0007 is not allowed: remove it")


def test_a_file_cache_reads_only_the_files_that_changed(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S, message: M}\n")
    write(tmp_path, "b.yml", "title: B\nerrors:\n  - {code: 2, scenario: S, message: M}\n")
    cache = FileCache()
    first = load_catalogue(tmp_path, cache)
    write(tmp_path, "b.yml", "title: B\nerrors:\n  - {code: 2, scenario: S, message: New.}\n")
    second = load_catalogue(tmp_path, cache)
    assert second.categories[0] is first.categories[0]  # a.yml was not read again
    entry = second.entry("2")
    assert entry is not None and entry.message == "New."
    write(tmp_path, "b.yml", "title: B\nerrors:\n  - {code: 1, scenario: S, message: M}\n")
    with pytest.raises(CatalogueError, match=r"code 1 is already used at a\.yml:3"):
        load_catalogue(tmp_path, cache)  # checks across files still run every time


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_cycle_collector_as_it_found_it(tmp_path: Path, enabled: bool) -> None:
    write(tmp_path, "a.yml", "title: A\nerrors:\n" + ENTRY)
    write(tmp_path, "b.yml", "title: B\nerrors: [oops\n")
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(CatalogueError):
            load_catalogue(tmp_path)
        assert gc.isenabled() is enabled
        (tmp_path / "b.yml").unlink()
        assert load_catalogue(tmp_path).entry("1001") is not None
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


# Every kind of value YAML types: the catalogue's loader answers most of them itself.
TYPED_VALUES = """\
plain: text
words: [yes, No, TRUE, off, null, Null, ~, y, n, Yesterday, nothing]
numbers: [1004, -1, +7, 0o17, 017, 0x1F, 1_000, 1.5, .inf, -.NaN, 1e3, 1004a]
dates: [2022-10-25, 2022-10-25T10:00:00Z, 2022-13-45]
quoted: ["1004", 'yes', "", '', "null"]
tagged: [!!str 1004, ! 1004, !!int "7", !!bool "yes", ! [a], ! {a: b}]
empty:
blocks: |
  text
folded: >-
  1004
nested: {a: [b, {c: d}], ? [k] : v, 7: [], ~: {}}
merged: {<<: {a: 1}, =: value}
"""


def _tagged(node: yaml.Node) -> list[tuple[str, str | None]]:
    """Every node's tag, with the value of scalars, depth first."""
    if isinstance(node, yaml.ScalarNode):
        return [(node.tag, node.value)]
    children = node.value if isinstance(node, yaml.SequenceNode) else sum(node.value, ())
    return [(node.tag, None), *(pair for child in children for pair in _tagged(child))]


def test_the_loader_types_every_value_as_pyyaml_does() -> None:
    ours = yaml.compose(TYPED_VALUES, Loader=_Loader)
    pyyaml = yaml.compose(TYPED_VALUES, Loader=yaml.SafeLoader)
    assert ours is not None and pyyaml is not None
    assert len(_tagged(ours)) > 60
    assert _tagged(ours) == _tagged(pyyaml)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "- &x one\n- *x\n",
        "- - &x one\n  - *x\n",
        "a: [&x 1, *x]\n",
        "a: {k: &x 1, l: *x}\n",
        "&x a: 1\nb: *x\n",
        "? &x a\n: 1\nb: *x\n",
        "a: !!str &x one\nb: *x\n",
        "a:\n  &x\n  one\nb: *x\n",
        "a: &x\n  - 1\nb: *x\n",
        "a: &x-1_B, b\n",
        "a: [&x]\n",
        "a: &x",
    ],
)
def test_every_place_yaml_allows_an_anchor_is_seen(text: str) -> None:
    assert any(isinstance(event, yaml.NodeEvent) and event.anchor for event in yaml.parse(text))
    assert may_hold_aliases(text)


@pytest.mark.parametrize(
    "text",
    [
        "message: Fish &amp; chips, &lt;b&gt; &#38; &#x26;\n",
        "message: R&D, Q&A, a & b, AT&T\n",
        'message: "&nbsp;"\n',
    ],
)
def test_html_entities_in_text_are_not_taken_for_anchors(text: str) -> None:
    assert not any(isinstance(event, yaml.NodeEvent) and event.anchor for event in yaml.parse(text))
    assert not may_hold_aliases(text)
