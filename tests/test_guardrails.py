"""Guardrails: `check` formats, the editor schema, hostile input (the lock: test_lock.py)."""

from __future__ import annotations

import json
from pathlib import Path
from textwrap import dedent

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_error_catalogue import CatalogueError, load_catalogue
from mkdocs_error_catalogue.loading import CATALOGUE_SCHEMA

from .conftest import EXAMPLE_CATALOGUE, Site, cell, error_catalogue, new_site


def test_check_formats_problems_as_github_annotations(tmp_path: Path) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "a.yml").write_text("title: A\nerrors:\n  - {code: 1, scenario: S, mesage: M}\n")
    result = error_catalogue("check", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=catalogue/a.yml,line=3,title=error-catalogue::unknown key `mesage` in an "
        "error: did you mean `message`?",
        "::error file=catalogue/a.yml,line=3,title=error-catalogue::error 1 has no `message`: "
        "add `message: …`",
    ]
    assert error_catalogue("check", "--format", "xml", cwd=tmp_path).returncode == 2


# --- The editor schema agrees with the loader --------------------------------------------

ENTRY = "  - {code: 1, scenario: S, message: M}\n"
# (category file, valid?) for every rule a single-file schema can express.
CORPUS = [
    ("title: T\nerrors:\n" + ENTRY, True),
    ("title: T\nid: t\nrange: [1, 9]\ndescription: D\nerrors:\n" + ENTRY, True),
    ("title: T\nerrors: []\n", True),
    (
        "title: T\nerrors:\n  - {id: x, scenario: S, message: M, user_actions: [a], "
        "developer_actions: []}\n",
        True,
    ),
    ("title: T\nerrors:\n  - {code: E1, scenario: S, message: M, obsolete: true}\n", True),
    (
        "title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {since: 2022-10-25, "
        "reason: R, replaced_by: 2}}\n  - {code: 2, scenario: S, message: M}\n",
        True,
    ),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {since: 2.4}}\n", True),
    ("errors: []\n", False),
    ("title: T\n", False),
    ("title: T\ncolour: red\nerrors: []\n", False),
    ("- title: T\n", False),
    ("title: ''\nerrors: []\n", False),
    ("title: T\nerrors: {}\n", False),
    ("title: T\nrange: [1]\nerrors: []\n", False),
    ("title: T\nid: has space\nerrors: []\n", False),
    ("title: T\nerrors:\n  - {scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: 1, id: x, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: 404}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, user_action: [a]}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, user_actions: Retry.}\n", False),
    ("title: T\nerrors:\n  - {code: -1, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: bad code, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: yes, scenario: S, message: M}\n", False),
    ("title: T\nerrors:\n  - {code: 1.5, scenario: S, message: M}\n", False),
    # The largest whole number JavaScript reads exactly from the JSON export, and one more.
    ("title: T\nerrors:\n  - {code: 9007199254740991, scenario: S, message: M}\n", True),
    ("title: T\nerrors:\n  - {code: 9007199254740992, scenario: S, message: M}\n", False),
    ("title: T\nrange: [0, 9007199254740992]\nerrors: []\n", False),
    ('title: T\nerrors:\n  - {code: 1, scenario: "a\\x07", message: M}\n', False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: soon}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {when: x}}\n", False),
    ("title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {since: null}}\n", False),
]
# What only the loader can see; the schema accepts these, the loader does not.
LOADER_ONLY = [
    "title: T\nerrors:\n  - {code: 0100, scenario: S, message: M}\n",  # YAML reads 64 (octal)
    "title: T\nrange: [9, 1]\nerrors: []\n",  # order of the bounds
    "title: T\nrange: [1, 9]\nerrors:\n  - {code: 10, scenario: S, message: M}\n",
    "title: T\nerrors:\n" + ENTRY + ENTRY,  # duplicate codes
    "title: T\ntitle: U\nerrors: []\n",  # duplicate keys
    "title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {replaced_by: 7}}\n",
    "title: T\nerrors:\n  - {code: E1, scenario: S, message: M}\n"  # differ only in case
    "  - {code: e1, scenario: S, message: M}\n",
    "title: T\nerrors:\n  - {code: 1, scenario: S, message: M, obsolete: {replaced_by: 2}}\n"
    "  - {code: 2, scenario: S, message: M, obsolete: {replaced_by: 1}}\n",  # a circle
]


class _DatesAsText(yaml.SafeLoader):
    """Reads YAML as the YAML language server does: an unquoted date is text."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_accepts(text: str) -> bool:
    validator = jsonschema.Draft7Validator(json.loads(CATALOGUE_SCHEMA.read_text()))
    return bool(validator.is_valid(yaml.load(text, Loader=_DatesAsText)))


def loader_accepts(folder: Path, text: str) -> bool:
    folder.mkdir()
    (folder / "cat.yml").write_text(text, encoding="utf-8")
    try:
        load_catalogue(folder)
    except CatalogueError:
        return False
    return True


@pytest.mark.parametrize(("text", "valid"), CORPUS)
def test_schema_and_loader_agree(tmp_path: Path, text: str, valid: bool) -> None:
    assert (schema_accepts(text), loader_accepts(tmp_path / "c", text)) == (valid, valid)


@pytest.mark.parametrize("text", LOADER_ONLY)
def test_checks_beyond_the_schema_are_the_loaders(tmp_path: Path, text: str) -> None:
    assert (schema_accepts(text), loader_accepts(tmp_path / "c", text)) == (True, False)


def test_the_cli_prints_the_shipped_schemas(tmp_path: Path) -> None:
    printed = error_catalogue("schema", cwd=tmp_path)
    assert json.loads(printed.stdout) == json.loads(CATALOGUE_SCHEMA.read_text())
    exported = json.loads(error_catalogue("schema", "export", cwd=tmp_path).stdout)
    assert exported["title"] == "mkdocs-error-catalogue export"


def test_the_example_catalogue_matches_the_schema() -> None:
    for path in sorted(EXAMPLE_CATALOGUE.glob("*.yml")):
        assert schema_accepts(path.read_text(encoding="utf-8")), path


# --- Hostile input ---------------------------------------------------------------------

ATTACKS = [
    "<script>alert(1)</script>",
    "</td></tr></table><script>alert(2)</script>",
    '" onmouseover="alert(3)',
    "{: onclick=alert(4)}",
    "Price {minPrice}",
    "x\n{: onclick=alert(5)}",
    "`code`{: onclick=alert(6)}",
    "| a | b |\n|---|---|",
    "<!-- error-catalogue -->",
    "&lt;b&gt; &amp; &#x3C;",
    "a" * 5_000,  # the longest text allowed (docs/stable-codes.md#hostile-input)
]


def test_hostile_text_in_every_field_is_shown_not_run(site: Site) -> None:
    entries = [
        {
            "code": index,
            "scenario": attack,
            "message": attack,
            "user_actions": [attack],
            "developer_actions": [attack],
            "obsolete": {"reason": attack},
        }
        for index, attack in enumerate(ATTACKS)
    ]
    category = {"title": ATTACKS[3], "description": ATTACKS[0], "errors": entries}
    site.write("catalogue/a.yml", yaml.safe_dump(category, allow_unicode=True))
    site.page("index.md", "<!-- error-catalogue -->\n")
    site.build()
    page = site.html()
    article = page.select_one("article")
    assert article.find("script") is None and article.find("table").find("table") is None
    for element in article.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")], element.name
    assert article.find("h2").find("span").get_text() == ATTACKS[3]
    for index, attack in enumerate(ATTACKS):
        row = page.find("tr", id=str(index))
        shown = cell(row, "message").find("del").get_text()
        expected = attack.replace("`code`", "code")  # inline code is Markdown: rendered
        assert shown == expected


TEXT = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
            blacklist_characters="*_`[]!\\$~",  # Markdown's own syntax is rendered, not kept
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=8))
def test_any_text_builds_and_renders_as_written(
    tmp_path_factory: pytest.TempPathFactory, texts: list[tuple[str, str, str]]
) -> None:
    site = new_site(tmp_path_factory.mktemp("site"))
    entries = [
        {"code": index, "scenario": scenario, "message": message, "user_actions": [action]}
        for index, (scenario, message, action) in enumerate(texts)
    ]
    site.write("catalogue/a.yml", yaml.safe_dump({"title": "T", "errors": entries}))
    site.page("index.md", "<!-- error-catalogue a -->\n")
    site.build()
    page = site.html()
    for index, (scenario, message, action) in enumerate(texts):
        row = page.find("tr", id=str(index))
        assert cell(row, "scenario").get_text() == scenario
        assert cell(row, "message").get_text() == message
        assert cell(row, "user-actions").find("li").get_text() == action


def test_a_hostile_description_in_text_file_form_is_refused_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "a.yml").write_bytes(b'title: T\nerrors: []\ndescription: "\\x00"\n')
    result = error_catalogue("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == dedent("""\
        catalogue/a.yml:3: `description` contains the control character U+0000: remove it""")
