"""Hostile catalogue files: refused with their file and line, never a traceback or a hang.

Each group is one parametrised test; the hostile files are made by the test itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

from mkdocs_error_catalogue import CatalogueError, load_catalogue
from mkdocs_error_catalogue.importing import import_page, write_categories

from .conftest import new_site

NOBODY = 65534


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    return [str(problem) for problem in caught.value.problems]


def catalogue_with(folder: Path, entry: str) -> Path:
    """A catalogue folder whose one category has `entry` (YAML lines) as its second error."""
    folder.mkdir(exist_ok=True)
    path = folder / "cat.yml"
    path.write_text(
        "title: T\nerrors:\n  - {code: 1, scenario: S, message: M}\n" + entry, encoding="utf-8"
    )
    return path


# (the value of `message`, as YAML, and what the problem says of it)
UNFIT_TEXTS = [
    ('"Card \\x9b31m declined"', "`message` contains the control character U+009B: remove it"),
    ('"\\x80"', "`message` contains the control character U+0080: remove it"),
    (
        '"\\u200b\\u200c\\u200d"',
        "`message` is empty (only invisible characters, such as U+200B): write the text",
    ),
    ('"\\u00ad\\ufeff\\u2060 "', "`message` is empty (only invisible characters, such as U+00AD)"),
    ("x" * 5001, "`message` is 5,001 characters long, more than the 5,000 a text may have"),
    ('"' + "[" * 1_000_000 + '"', "`message` is 1,000,000 characters long"),
    ('"' + "[" * 21 + '"', "`message` has 21 `[`, more than the 20 a text may have"),
    ('"' + "*a" * 201 + '"', "`message` has 201 of the characters * _ ` \\, more than the 200"),
    ("'" + "\\" * 201 + "'", "`message` has 201 of the characters"),
    ("a" + "_a_ " * 101, "`message` has 202 of the characters"),
    ("x" + "`" * 201, "`message` has 201 of the characters"),
    (
        '"[[[' + "x" * 4990 + '"',
        "`message` has `[` or `](` whose end Markdown must search 14,976 characters for, more "
        "than the 10,000 allowed: close each `[` with its `]` (and `](` with its `)`), or write "
        "`\\[` for a bracket that opens no link",
    ),
    ("'[a](b)" + "[a](" * 3 + "x" * 4000 + "'", "`message` has `[` or `](` whose end Markdown"),
]


@pytest.mark.parametrize(("value", "words"), UNFIT_TEXTS, ids=range(len(UNFIT_TEXTS)))
def test_an_unfit_text_is_refused_with_its_line(tmp_path: Path, value: str, words: str) -> None:
    catalogue_with(tmp_path, f"  - code: 2\n    scenario: S\n    message: {value}\n")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith(f"{tmp_path / 'cat.yml'}:6: {words}"), problem


def test_texts_at_the_limits_and_visible_spaces_are_kept(tmp_path: Path) -> None:
    at_limits = ("[" + "[a](b) " * 19 + "*" * 200 + "x" * 5000)[:5000]
    catalogue_with(
        tmp_path,
        f'  - {{code: 2, scenario: "\\u00a0x\\u200b", message: "{at_limits}"}}\n',
    )
    entry = load_catalogue(tmp_path).entry("2")
    assert entry is not None and entry.message == at_limits and entry.scenario == "\xa0x\u200b"


# A code that YAML 1.1 (PyYAML) or YAML 1.2 (editors, linters, other languages) reads as a number.
NUMBER_LIKE_CODES = ["0o17", "1e3", "1E3", "1.5e3", "0x1F", "1_000", "0b1", "1.5", "0100"]


@pytest.mark.parametrize("code", NUMBER_LIKE_CODES)
def test_a_code_yaml_tools_read_as_a_number_is_refused(tmp_path: Path, code: str) -> None:
    catalogue_with(tmp_path, f"  - {{code: {code}, scenario: S, message: M}}\n")
    (problem,) = problems_of(tmp_path)
    assert problem == (
        f'{tmp_path / "cat.yml"}:4: `code: {code}` is not plain digits: write `code: "{code}"` '
        "to keep it as a text code (unquoted, YAML tools read a number), or plain digits such "
        "as 1004"
    )
    catalogue_with(tmp_path, f'  - {{code: "{code}", scenario: S, message: M}}\n')
    assert load_catalogue(tmp_path).entry(code) is not None  # quoted: a text code


@pytest.mark.parametrize("code", ["+1", ".5", "-1", "1:30"])
def test_a_signed_or_dotted_number_is_no_code_at_all(tmp_path: Path, code: str) -> None:
    catalogue_with(tmp_path, f"  - {{code: {code}, scenario: S, message: M}}\n")
    (problem,) = problems_of(tmp_path)
    assert ":4: `code` must be a whole number such as 1004 or a text code" in problem


LONG = "E" + "1" * 299
LONG_NAMES = [
    (f"  - {{code: {LONG}, scenario: S, message: M}}\n", 4, "`code`"),
    (f"  - {{id: {LONG.lower()}, scenario: S, message: M}}\n", 4, "error id"),
    (f"  - {{code: 2, scenario: S, message: M, obsolete: {{replaced_by: {LONG}}}}}\n", 4, "`r"),
]


@pytest.mark.parametrize(("entry", "line", "what"), LONG_NAMES)
def test_a_code_or_id_too_long_for_a_file_name_is_refused(
    tmp_path: Path, entry: str, line: int, what: str
) -> None:
    catalogue_with(tmp_path, entry)
    (problem,) = problems_of(tmp_path)
    assert problem.startswith(f"{tmp_path / 'cat.yml'}:{line}: {what}")
    assert problem.endswith(
        "is 300 characters long, more than the 100 a code or id may have (each names a folder "
        "of the built site, and file systems refuse long names): shorten it"
    )


def test_a_code_too_long_for_a_file_name_stops_the_build_cleanly(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category("a.yml", f"title: T\nerrors:\n  - {{code: {LONG}, scenario: S, message: M}}\n")
    site.page("index.md", "<!-- error-catalogue -->\n")
    result = site.run("build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "catalogue/a.yml:3: `code` is 300 characters long" in result.stderr


def test_aliases_that_repeat_a_long_text_are_refused_at_its_line(tmp_path: Path) -> None:
    texts = ", ".join([chr(97 + n) + "x" * 4999 for n in range(20)])  # 100,000 characters

    def entry(aliases: int) -> str:
        return (
            f"  - code: 2\n    scenario: S\n    message: M\n    user_actions: &big [{texts}]\n"
            + "".join(
                f"  - {{code: {3 + n}, scenario: S, message: M, user_actions: *big}}\n"
                for n in range(aliases)
            )
        )

    catalogue_with(tmp_path, entry(11))
    (problem,) = problems_of(tmp_path)
    assert problem == (
        f"{tmp_path / 'cat.yml'}:7: YAML aliases (`*name`) repeat the value at this line (and "
        "any others) until they add more than 1,000,000 characters of text to the file: write "
        "the text out where it is needed instead, and shorter"
    )
    catalogue_with(tmp_path, entry(10))  # 1,000,000 characters more: allowed
    catalogue = load_catalogue(tmp_path)
    assert sum(len("".join(e.user_actions)) for e in catalogue.entries()) == 1_100_000


# PO translations: the same checks as catalogue text (the stash marker is Markdown's own).
UNFIT_TRANSLATIONS = [
    ("Erreurs \x1b[31mrouges", "contains the control character U+001B"),
    ("Erreurs\x07", "contains the control character U+0007"),
    ("\x02wzxhzdk:0\x03", "contains the control character U+0002"),
    ("\u200b", "is empty (only invisible characters, such as U+200B)"),
    ("[" * 30, "has 30 `[`"),
]


@pytest.mark.parametrize(("msgstr", "words"), UNFIT_TRANSLATIONS, ids=range(5))
def test_an_unfit_translation_is_not_used_and_named_with_its_line(
    tmp_path: Path, msgstr: str, words: str
) -> None:
    site = new_site(tmp_path)
    site.config["theme"]["language"] = "fr"
    site.category(
        "a.yml", "title: General Errors\nerrors:\n  - {code: 1, scenario: S, message: M}\n"
    )
    site.page("index.md", "<!-- error-catalogue -->\n")
    po = polib.POFile()
    po.append(polib.POEntry(msgid="S", msgstr="Scénario"))
    po.append(polib.POEntry(msgid="General Errors", msgstr=msgstr))
    (tmp_path / "catalogue/translations").mkdir()
    po.save(str(tmp_path / "catalogue/translations/fr.po"))
    msgstr_line = next(
        number
        for number, line in enumerate(po.__unicode__().split("\n"), 1)
        if line.startswith("msgstr") and "Scénario" not in line and number > 3
    )
    expected = (
        f"catalogue/translations/fr.po:{msgstr_line}: the translation of `General Errors` is "
        f"not used: it {words}"
    )
    result = site.run("build")
    assert result.returncode == 0 and expected in result.stderr, result.stderr
    page = site.html()
    heading = page.find("h2", id="a")
    assert heading is not None and heading.get_text(strip=True).startswith("General Errors")
    row = page.find("tr", id="1")
    assert row is not None and "Scénario" in row.get_text()  # the file's other texts are used
    assert "\x1b" not in str(page) and "\x07" not in str(page) and "wzxhzdk" not in str(page)
    checked = subprocess.run(
        [str(Path(sys.executable).parent / "error-catalogue"), "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1 and expected in checked.stderr


# Files the system will not open: each named, with what to do, by every way in.
FAULTS = {
    "dangling link": ("cat.yml", "is a symbolic link to `gone.yml`, which does not exist"),
    "link loop": ("cat.yml", "is a symbolic link that leads back to itself (a loop)"),
    "unreadable file": ("cat.yml", "cannot be read (Permission denied): let the user who builds"),
    "unreadable folder": ("", "catalogue folder cannot be read (Permission denied)"),
    "folder link loop": ("", "catalogue folder is a symbolic link that leads back to itself"),
}
STANDALONE = """\
from pathlib import Path
from mkdocs_error_catalogue import CatalogueError
from mkdocs_error_catalogue.standalone import cached_catalogue
try:
    cached_catalogue(Path("catalogue"))
except CatalogueError as error:
    raise SystemExit(str(error))
"""


def make_fault(root: Path, fault: str) -> None:
    catalogue = root / "catalogue"
    if fault == "folder link loop":
        (root / "other").symlink_to("catalogue")
        shutil.rmtree(catalogue)
        catalogue.symlink_to("other")
        return
    (catalogue / "cat.yml").unlink()
    if fault == "dangling link":
        (catalogue / "cat.yml").symlink_to("gone.yml")
    elif fault == "link loop":
        (catalogue / "cat.yml").symlink_to("cat.yml")
    else:
        (catalogue / "cat.yml").write_text("title: T\nerrors: []\n", encoding="utf-8")
        (catalogue / "cat.yml" if fault == "unreadable file" else catalogue).chmod(0)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder the unprivileged user may use: the test's own is root's alone."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@pytest.mark.parametrize("way", ["check", "build", "standalone"])
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_file_that_cannot_be_opened_is_named_without_a_traceback(
    shared_folder: Path, fault: str, way: str
) -> None:
    unprivileged = fault.startswith("unreadable")
    as_user: list[str] = []
    if unprivileged and os.geteuid() == 0:  # root reads everything: read as nobody instead
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: no unprivileged user to read as")
        as_user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    site = new_site(shared_folder)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S, message: M}\n")
    site.category("cat.yml", "title: T\nerrors: []\n")
    site.page("index.md", "<!-- error-catalogue -->\n")
    site.write_config()
    make_fault(shared_folder, fault)
    if as_user:
        for parent, _, names in os.walk(shared_folder):
            for name in [".", *names]:
                os.chown(Path(parent, name), NOBODY, NOBODY, follow_symlinks=False)
    command = {
        "check": [str(Path(sys.executable).parent / "error-catalogue"), "check"],
        "build": [sys.executable, "-m", "mkdocs", "build"],
        "standalone": [sys.executable, "-c", STANDALONE],
    }[way]
    result = subprocess.run(
        [*as_user, *command],
        cwd=shared_folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    name, words = FAULTS[fault]
    where = f"catalogue/{name}" if name else "catalogue"
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert f"{where}: {words}" in result.stderr, result.stderr
    assert not (shared_folder / "site" / "index.html").exists()


def test_the_page_of_a_refused_text_is_not_built(tmp_path: Path) -> None:
    """`check` and the build refuse the same texts: nothing pathological reaches rendering."""
    site = new_site(tmp_path)
    site.category(
        "a.yml", f'title: T\nerrors:\n  - {{code: 1, scenario: S, message: "{"[" * 16000}"}}\n'
    )
    site.page("index.md", "<!-- error-catalogue -->\n")
    result = site.run("build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "catalogue/a.yml:3: `message` is 16,000 characters long" in result.stderr


def test_imported_codes_that_yaml_tools_read_as_numbers_are_written_quoted(
    tmp_path: Path,
) -> None:
    header = "| Error Code | Likely Scenario | Displayed Error Message | User | Developer |\n"
    rows = "".join(f"| `{code}` | S | M | - | - |\n" for code in ("1e3", "0o17", "E1"))
    result = import_page("# Errors\n\n" + header + "|---|---|---|---|---|\n" + rows)
    write_categories(result.categories, tmp_path)
    codes = [entry.code for entry in load_catalogue(tmp_path).entries()]
    assert codes == ["1e3", "0o17", "E1"]
