"""A catalogue declares its fields in `_fields.yml`: read, checked with file:line, and used to
check every entry; without the file a catalogue is read exactly as before."""

from __future__ import annotations

import shutil
from pathlib import Path
from textwrap import dedent

import polib
import pytest

from mkdocs_error_catalogue import CatalogueError, load_catalogue
from mkdocs_error_catalogue.loading import FileCache, is_catalogue_source, is_category_file
from mkdocs_error_catalogue.model import IMPLICIT_DECLARATION, LabelText
from mkdocs_error_catalogue.translating import translate

from .conftest import EXAMPLE_CATALOGUE, new_site, run_cli

POSTGRES_FIELDS = """\
labels:
  code: SQLSTATE
  name: {en: Condition name, de: Bedingungsname}
fields:
  scenario:
    label: Description
    required: false
  type:
    kind: choice
    values: {E: Error, W: Warning, S: Success}
    required: true
columns: [code, name, type]
"""
POSTGRES_CLASS = """\
title: Class 22 — Data Exception
id: class-22
errors:
  - code: "22000"
    name: data_exception
    type: E
  - code: "22012"
    name: division_by_zero
    type: E
  - code: "22P02"
    name: invalid_text_representation
    type: E
"""
RUST_FIELDS = """\
fields:
  scenario:
    label: Summary
  explanation:
    kind: markdown
    label: {en: Explanation, fr: Explication}
    required: true
columns: [code, scenario]
"""
RUST_PATTERNS = """\
title: Patterns
errors:
  - code: E0001
    scenario: A match arm can never be reached.
    explanation: |
      An earlier pattern already matches every value this arm would match.

      ```rust
      match Some(0) {
          Some(bar) => {/* ... */}
          x => {/* ... */}
      }
      ```

      Reorder the arms so that the most specific pattern comes first.
    obsolete:
      reason: The compiler reports this as the `unreachable_patterns` lint.
"""


def catalogue_folder(root: Path, files: dict[str, str]) -> Path:
    folder = root / "catalogue"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(dedent(text), encoding="utf-8")
    return folder


def check(root: Path) -> tuple[int, list[str]]:
    """`error-catalogue check` on `root/catalogue`: its status and output lines."""
    result = run_cli("check", "--catalogue", "catalogue", cwd=root)
    return result.returncode, (result.stdout + result.stderr).splitlines()


def problems_of(root: Path, files: dict[str, str]) -> list[str]:
    """What `check` says of a catalogue of `files`, one line per problem, stripped."""
    catalogue_folder(root, files)
    status, lines = check(root)
    assert status == 1, lines
    return [line.strip() for line in lines if line.startswith(("catalogue/", "  catalogue/"))]


def test_the_postgresql_shape_loads(tmp_path: Path) -> None:
    folder = catalogue_folder(
        tmp_path, {"_fields.yml": POSTGRES_FIELDS, "22-data-exception.yml": POSTGRES_CLASS}
    )
    status, lines = check(tmp_path)
    assert (status, lines[0]) == (0, "catalogue: 1 category, 3 errors, no problems")
    catalogue = load_catalogue(folder)
    declaration = catalogue.declaration
    assert declaration.names == ("scenario", "type")
    assert declaration.columns == ("name", "type")
    assert declaration.code_label == LabelText((("", "SQLSTATE"),))
    assert declaration.name_label is not None
    assert declaration.name_label.in_language("de") == "Bedingungsname"
    type_field = declaration.field("type")
    assert type_field is not None and type_field.required and type_field.line == 8
    assert [value for value, _ in type_field.values] == ["E", "W", "S"]
    entry = catalogue.entry("division_by_zero")
    assert entry is not None and entry is catalogue.entry("22012")
    assert (entry.code, entry.name, entry.scenario, entry.extra) == (
        "22012",
        "division_by_zero",
        "",
        (("type", "E"),),
    )
    assert entry.title_source == "division_by_zero"


def test_the_rust_shape_loads(tmp_path: Path) -> None:
    folder = catalogue_folder(tmp_path, {"_fields.yml": RUST_FIELDS, "e00.yml": RUST_PATTERNS})
    assert check(tmp_path)[0] == 0
    entry = load_catalogue(folder).entry("E0001")
    assert entry is not None and entry.obsolete is not None
    explanation = entry.value("explanation")
    assert isinstance(explanation, str) and "```rust\nmatch Some(0) {" in explanation
    assert entry.message == "" and entry.value("message") is None


def test_without_a_declaration_the_example_catalogue_reads_as_before(tmp_path: Path) -> None:
    catalogue = load_catalogue(EXAMPLE_CATALOGUE)
    assert catalogue.declaration is IMPLICIT_DECLARATION
    entries = list(catalogue.entries())
    assert len(entries) == 45
    assert all(entry.name is None and entry.extra == () for entry in entries)
    first = entries[0]
    assert (first.code, first.scenario, first.message) == (
        1000,
        "Failed to instantiate SDK IMX Client when connecting wallet",
        "Something went wrong.",
    )
    assert first.user_actions == ("Contact the Customer Support team.",)
    # The same file under a declaration that says what the implicit one says: the same values.
    copy = tmp_path / "catalogue"
    shutil.copytree(EXAMPLE_CATALOGUE, copy)
    (copy / "_fields.yml").write_text(
        "fields:\n  scenario: {required: true}\n  message: {required: true}\n"
        "  user_actions:\n  developer_actions:\n"
        "columns: [code, scenario, message, user_actions, developer_actions]\n"
        "empty_columns: show\n",
        encoding="utf-8",
    )
    declared = load_catalogue(copy)
    assert declared.declaration.names == IMPLICIT_DECLARATION.names
    assert declared.declaration.columns == IMPLICIT_DECLARATION.columns
    assert not declared.declaration.hide_empty_columns
    assert [category.entries for category in declared.categories] == [
        category.entries for category in catalogue.categories
    ]


def test_names_are_allowed_without_a_declaration(tmp_path: Path) -> None:
    folder = catalogue_folder(
        tmp_path,
        {
            "a.yml": "title: A\nerrors:\n  - {code: 1, name: card_declined, scenario: S, message: M}\n"
        },
    )
    entry = load_catalogue(folder).entry("card_declined")
    assert entry is not None and entry.keys == ("1", "card_declined")


def test_the_declaration_is_no_category_and_only_a_source() -> None:
    for name in ("_fields.yml", "_FIELDS.YAML", "_Fields.yaml"):
        assert (is_category_file(name), is_catalogue_source(name)) == (False, True)
    assert is_category_file("_draft.yml") and is_category_file("fields.yml")


# (files, the problems `check` reports, in order)
DECLARATION_CASES: list[tuple[dict[str, str], list[str]]] = [
    (
        {"_fields.yml": "feilds:\n  severity:\n"},
        [
            "catalogue/_fields.yml:1: unknown key `feilds` in the field declaration: "
            "did you mean `fields`?",
            "catalogue/_fields.yml:1: the field declaration has no `fields`: list the entries' "
            "fields",
        ],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n    kind: makdown\n"},
        [
            "catalogue/_fields.yml:3: `kind: makdown`: did you mean `markdown`? kinds: text, "
            "texts, markdown, choice, number, url"
        ],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n    lable: Severity\n"},
        [
            "catalogue/_fields.yml:3: unknown key `lable` in the settings of field `severity`: "
            "did you mean `label`?"
        ],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n    kind: choice\n"},
        ["catalogue/_fields.yml:3: field `severity` of kind `choice` has no `values`: list them"],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n    values: [a, b]\n"},
        [
            "catalogue/_fields.yml:3: `values` is for fields of kind `choice`: remove it from "
            "`severity`"
        ],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n    kind: choice\n    values: []\n"},
        [
            "catalogue/_fields.yml:4: `values` of `severity` must list the values: "
            "`[error, warning]` or `{E: Error}`"
        ],
    ),
    (
        {"_fields.yml": "fields:\n  url:\n  Severity:\n"},
        [
            "catalogue/_fields.yml:2: `url` is a reserved name: call the field `docs_url`",
            "catalogue/_fields.yml:3: field name `Severity` must be lower-case letters, digits "
            "and `_`, starting with a letter, at most 40 characters (such as `http_status`)",
        ],
    ),
    (
        {"_fields.yml": "fields:\n  message:\n    kind: markdown\n"},
        ["catalogue/_fields.yml:3: `message` is always `text`: remove `kind`"],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\ncolumns: [severty]\n"},
        [
            "catalogue/_fields.yml:3: `columns` of the field declaration names `severty`, not a "
            "field of this catalogue: did you mean `severity`?"
        ],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\ncolumns: [severity, code]\n"},
        ["catalogue/_fields.yml:3: `code` is always the first column: move it first"],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n  severity:\n"},
        ["catalogue/_fields.yml:3: field `severity` is declared twice: keep one"],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n    label: {english: Severity}\n"},
        [
            "catalogue/_fields.yml:3: `english` is no language tag: write the label's "
            "languages as `en`, `de`, `pt-BR`"
        ],
    ),
    (
        {"_fields.yml": "title: T\nerrors: []\n"},
        [
            "catalogue/_fields.yml:1: `_fields.yml` is the field declaration, not a category: "
            "rename this category file (for example `fields.yml`)"
        ],
    ),
    (
        {"_fields.yml": "fields:\n  severity:\n", "_fields.yaml": "fields:\n  severity:\n"},
        ["catalogue/_fields.yml: two field declarations, this and _fields.yaml: keep one"],
    ),
    (
        {"_fields.yml": ""},
        ["catalogue/_fields.yml:1: file is empty: give it at least `fields:`"],
    ),
]


@pytest.mark.parametrize(("files", "expected"), DECLARATION_CASES)
def test_each_declaration_problem_is_said_with_its_line(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    (tmp_path / "catalogue" / "sub").mkdir(parents=True)
    # A category with mistakes of its own: a broken declaration stops before it is read.
    category = "title: A\nerrors:\n  - {code: 1, colour: red}\n"
    assert problems_of(tmp_path, {"a.yml": category, **files}) == expected


def test_a_declaration_in_a_sub_folder_is_misplaced(tmp_path: Path) -> None:
    files = {"a.yml": "title: A\nerrors: []\n", "sub/_fields.yml": "fields:\n  severity:\n"}
    (tmp_path / "catalogue" / "sub").mkdir(parents=True)
    assert problems_of(tmp_path, files) == [
        "catalogue/sub/_fields.yml: is in a sub-folder, where category files are not read: "
        "move it into catalogue/ itself, or out of it: the YAML files directly in the "
        "catalogue folder are its categories"
    ]


SEVERITY_FIELDS = """\
fields:
  scenario:
  severity:
    kind: choice
    values: [error, warning, notice]
    required: true
  http_status:
    kind: number
  docs:
    kind: url
  causes:
    kind: texts
  explanation:
    kind: markdown
"""

# (the entry's lines after `  - code: 1` at line 3, the line of the problem, what `check` says)
ENTRY_CASES = [
    (
        "    severity: error\n    severty: warning\n",
        5,
        "unknown key `severty` in an error: did you mean `severity`?",
    ),
    (
        "    severity: error\n    message: M\n",
        5,
        "`message` is not a field of this catalogue (catalogue/_fields.yml declares scenario, "
        "severity, http_status, docs, causes, explanation): add `message:` to `fields` in "
        "_fields.yml, or remove it here",
    ),
    (
        "    scenario: S\n",
        3,
        "error 1 has no `severity`: add `severity: …` (required by _fields.yml:3)",
    ),
    (
        "    severity: warn\n",
        4,
        "`severity: warn` is not one of error, warning, notice (declared at _fields.yml:3): "
        "did you mean `warning`?",
    ),
    (
        '    severity: error\n    http_status: "404"\n',
        5,
        "`http_status` must be a number such as 404, not text: remove the quotes",
    ),
    (
        "    severity: error\n    http_status: yes\n",
        5,
        "`http_status` must be a number such as 404",
    ),
    (
        "    severity: error\n    docs: javascript:alert(1)\n",
        5,
        "`docs` must be a web address starting with https://, such as "
        "https://example.com/errors/1004",
    ),
    (
        "    severity: error\n    causes: one cause\n",
        5,
        "`causes` must be a list: one `- text` per line, or `[]` for none",
    ),
    (
        "    severity: error\n    causes:\n      - 1\n",
        6,
        '`causes` must be text, not a number: put the value in quotes: - "1"',
    ),
]


@pytest.mark.parametrize(("lines", "line", "message"), ENTRY_CASES)
def test_each_field_is_checked_as_its_kind_requires(
    tmp_path: Path, lines: str, line: int, message: str
) -> None:
    category = "title: A\nerrors:\n  - code: 1\n" + lines
    problems = problems_of(tmp_path, {"_fields.yml": SEVERITY_FIELDS, "a.yml": category})
    assert problems == [f"catalogue/a.yml:{line}: {message}"]


def test_kinds_give_typed_values(tmp_path: Path) -> None:
    entry_lines = (
        "    severity: notice\n    http_status: 404\n    docs: https://example.com/e/1\n"
        "    causes: [One., Two.]\n    explanation: |\n      Text.\n"
    )
    category = "title: A\nerrors:\n  - code: 1\n" + entry_lines
    folder = catalogue_folder(tmp_path, {"_fields.yml": SEVERITY_FIELDS, "a.yml": category})
    entry = load_catalogue(folder).entry("1")
    assert entry is not None
    assert dict(entry.fields) == {
        "severity": "notice",
        "http_status": 404,
        "docs": "https://example.com/e/1",
        "causes": ("One.", "Two."),
        "explanation": "Text.\n",
    }


def test_an_unclosed_code_block_is_said_at_its_line(tmp_path: Path) -> None:
    category = (
        "title: A\nerrors:\n  - code: 1\n    severity: error\n    explanation: |\n"
        "      Some text.\n\n      ```rust\n      let x = 1;\n"
    )
    problems = problems_of(tmp_path, {"_fields.yml": SEVERITY_FIELDS, "a.yml": category})
    assert problems == [
        "catalogue/a.yml:8: `explanation`: the code block opened at line 8 is never closed: "
        "close it with ```"
    ]


NAME_CASES = [
    ("  - {code: 1, name: '404', scenario: S, message: M}\n", "a name of digits reads as a code"),
    ("  - {code: 1, name: 404, scenario: S, message: M}\n", "a name of digits reads as a code"),
    ("  - {code: E1, name: e1, scenario: S, message: M}\n", "`name` repeats the code: drop it"),
    (
        "  - {name: card_declined, id: x, scenario: S, message: M}\n",
        "an error with a `name` needs no `id`: drop `id`, the name is its anchor",
    ),
    ("  - {code: 1, name: not a slug, scenario: S, message: M}\n", "`name` must be a short name"),
]


@pytest.mark.parametrize(("entry", "words"), NAME_CASES)
def test_names_are_checked(tmp_path: Path, entry: str, words: str) -> None:
    problems = problems_of(tmp_path, {"a.yml": "title: A\nerrors:\n" + entry})
    assert len(problems) == 1 and problems[0].startswith("catalogue/a.yml:3: ")
    assert words in problems[0]


def test_codes_names_ids_and_category_ids_share_one_namespace(tmp_path: Path) -> None:
    problems = problems_of(
        tmp_path,
        {
            "22.yml": "title: A\nerrors:\n"
            "  - {code: '23505', name: unique_violation, scenario: S, message: M}\n",
            "23.yml": "title: B\nerrors:\n"
            "  - {code: '22012', name: unique_violation, scenario: S, message: M}\n"
            "  - {code: '22013', name: '23505x', scenario: S, message: M}\n"
            "  - {id: Unique_Violation, scenario: S, message: M}\n"
            "  - {code: 1, name: 'b', scenario: S, message: M}\n",
            "b.yml": "title: C\nerrors: []\n",
        },
    )
    assert problems == [
        "catalogue/23.yml:3: name `unique_violation` (error 22012) is already used at 22.yml:3 "
        "as the name of error 23505: every code, name and id must be unique in the catalogue",
        "catalogue/23.yml:5: error id `Unique_Violation` differs only in case from "
        "`unique_violation` at 22.yml:3: give one of them another code or id (readers cannot "
        "tell them apart, and on macOS and Windows their deep links are one folder)",
        "catalogue/b.yml:1: category id `b` is already used at 23.yml:6 as the name of error 1: "
        "every code, name and id must be unique in the catalogue",
    ]


def test_replaced_by_takes_a_name(tmp_path: Path) -> None:
    folder = catalogue_folder(
        tmp_path,
        {
            "a.yml": "title: A\nerrors:\n"
            "  - {code: 1, name: old_one, scenario: S, message: M, obsolete: {replaced_by: new_one}}\n"
            "  - {code: 2, name: new_one, scenario: S, message: M}\n"
        },
    )
    entry = load_catalogue(folder).entry("old_one")
    assert entry is not None and entry.obsolete is not None
    assert entry.obsolete.replaced_by == "new_one"
    (folder / "a.yml").write_text(
        "title: A\nerrors:\n"
        "  - {code: 1, name: a_one, scenario: S, message: M, obsolete: {replaced_by: b_two}}\n"
        "  - {code: 2, name: b_two, scenario: S, message: M, obsolete: {replaced_by: '1'}}\n"
        "  - {code: 3, name: c, scenario: S, message: M, obsolete: {replaced_by: c}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    messages = [problem.message for problem in caught.value.problems]
    assert messages == [
        "obsolete codes replace each other in a circle (1 -> 2 -> 1): point `replaced_by` of "
        "one of them at an error that is still raised, or remove it",
        "`replaced_by: c` of code 3 names itself: give the code of the error that replaces it, "
        "or remove `replaced_by`",
    ]


def test_a_category_chooses_its_columns(tmp_path: Path) -> None:
    fields = "fields:\n  scenario:\n  severity:\n"
    folder = catalogue_folder(
        tmp_path,
        {
            "_fields.yml": fields,
            "a.yml": "title: A\ncolumns: [code, severity]\nerrors:\n  - {code: 1, severity: S}\n",
        },
    )
    assert load_catalogue(folder).categories[0].columns == ("severity",)
    (folder / "a.yml").write_text(
        "title: A\ncolumns: [severty, code]\nerrors: []\n", encoding="utf-8"
    )
    assert [line for line in check(tmp_path)[1] if "a.yml" in line] == [
        "catalogue/a.yml:2: `columns` of this category names `severty`, not a field of this "
        "catalogue: did you mean `severity`?",
        "catalogue/a.yml:2: `code` is always the first column: move it first",
    ]


def test_an_edited_declaration_reads_the_categories_again(tmp_path: Path) -> None:
    folder = catalogue_folder(
        tmp_path,
        {
            "_fields.yml": "fields:\n  scenario:\n",
            "a.yml": "title: A\nerrors:\n  - {code: 1, severity: high}\n",
        },
    )
    cache = FileCache()
    with pytest.raises(CatalogueError, match="unknown key `severity`"):
        load_catalogue(folder, cache)
    (folder / "_fields.yml").write_text("fields:\n  scenario:\n  severity:\n", encoding="utf-8")
    entry = load_catalogue(folder, cache).entry("1")
    assert entry is not None and entry.extra == (("severity", "high"),)


def test_lookup_and_links_find_an_entry_by_name(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    catalogue_folder(tmp_path, {"_fields.yml": POSTGRES_FIELDS, "22.yml": POSTGRES_CLASS})
    site.page("index.md", "# Home\n\nSee [](error:division_by_zero).\n")
    site.page("errors.md", "# Errors\n\n<!-- error-catalogue -->\n")
    looked_up = run_cli("lookup", "division_by_zero", cwd=tmp_path)
    assert looked_up.returncode == 0, looked_up.stderr
    assert "22012" in looked_up.stdout
    site.build()
    # The strict build resolved the link (the row's anchor for the name is the renderer's).
    links = [link["href"] for link in site.html().select(".md-content a[href*='#']")]
    assert [href.split("#")[0] for href in links] == ["", "errors/"]
    assert not (tmp_path / "site" / "catalogue").exists()


def test_the_declaration_never_reaches_the_site(tmp_path: Path) -> None:
    site = new_site(tmp_path, catalogue="docs/catalogue")
    catalogue_folder(tmp_path / "docs", {"_fields.yml": RUST_FIELDS, "e00.yml": RUST_PATTERNS})
    site.page("index.md", "# Home\n")
    site.build()
    assert (tmp_path / "site" / "index.html").exists()
    assert not (tmp_path / "site" / "catalogue").exists()


def test_declared_texts_are_translated_and_choices_are_not(tmp_path: Path) -> None:
    entry_lines = (
        "    severity: error\n    causes: [The card expired.]\n"
        "    explanation: |\n      Ask for another card.\n"
    )
    folder = catalogue_folder(
        tmp_path,
        {"_fields.yml": SEVERITY_FIELDS, "a.yml": "title: A\nerrors:\n  - code: 1\n" + entry_lines},
    )
    printed = run_cli("translations", "--catalogue", "catalogue", cwd=tmp_path)
    template = polib.pofile(printed.stdout)
    assert {entry.msgid: entry.comment for entry in template} == {
        "A": "category title",
        "The card expired.": "causes",
        "Ask for another card.\n": "explanation",
    }
    texts = {"The card expired.": "La carte a expiré.", "Ask for another card.\n": "Une autre.\n"}
    translated = translate(load_catalogue(folder), texts)
    entry = translated.entry("1")
    assert entry is not None and translated.declaration.path == folder / "_fields.yml"
    assert dict(entry.fields) == {
        "severity": "error",
        "causes": ("La carte a expiré.",),
        "explanation": "Une autre.\n",
    }


def markdown_entry(explanation: str) -> str:
    block = "".join(f"      {line}\n" if line else "\n" for line in explanation.split("\n"))
    return "title: A\nerrors:\n  - code: 1\n    severity: error\n    explanation: |\n" + block


def test_a_long_explanation_is_checked_paragraph_by_paragraph(tmp_path: Path) -> None:
    paragraph = "An earlier pattern matches every value. " * 50  # 2,000 characters
    code = "```rust\n" + "let _x = *y_z; // `a` \\ b\n" * 40 + "```"  # 600 of * _ ` \
    folder = catalogue_folder(
        tmp_path,
        {
            "_fields.yml": SEVERITY_FIELDS,
            "a.yml": markdown_entry("\n\n".join([paragraph, code, paragraph, paragraph])),
        },
    )
    explanation = load_catalogue(folder).entries().__next__().value("explanation")
    assert isinstance(explanation, str) and len(explanation) > 6_000


@pytest.mark.parametrize(
    ("explanation", "words"),
    [
        (
            "Short.\n\n" + "word " * 1_200,
            "`explanation` has a paragraph that is 6,000 characters long, more than the 5,000 a "
            "text may have",
        ),
        (
            "\n\n".join(["word " * 900] * 12),
            "`explanation` is 54,023 characters long, more than the 50,000 a Markdown field may "
            "have",
        ),
    ],
)
def test_a_markdown_field_has_limits(tmp_path: Path, explanation: str, words: str) -> None:
    files = {"_fields.yml": SEVERITY_FIELDS, "a.yml": markdown_entry(explanation)}
    problems = problems_of(tmp_path, files)
    assert len(problems) == 1 and problems[0].startswith("catalogue/a.yml:5: ")
    assert words in problems[0]


def test_the_declaration_is_read_as_carefully_as_a_category(tmp_path: Path) -> None:
    folder = catalogue_folder(tmp_path, {"a.yml": "title: A\nerrors: []\n"})
    (folder / "_fields.yml").write_bytes(b"fields:\n  severity:\n    label: Gr\xf6\xdfe\n")
    assert problems_of(tmp_path, {}) == [
        "catalogue/_fields.yml:3: is not valid UTF-8 text: save the file as UTF-8"
    ]
    (folder / "_fields.yml").write_text("fields:\n  severity:\n    label: [Severity\n")
    [problem] = problems_of(tmp_path, {})
    assert problem.startswith("catalogue/_fields.yml:4: invalid YAML: ")
    (folder / "_fields.yml").write_text('fields:\n  severity:\n    label: "Sev\\u0007"\n')
    assert problems_of(tmp_path, {}) == [
        "catalogue/_fields.yml:3: `label` contains the control character U+0007: remove it"
    ]
