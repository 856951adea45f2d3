"""The command line on faulty input: nothing written unless all of it can be, a clear line for
each fault, and no file replaced that was not meant to be."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from .conftest import EXAMPLE_CATALOGUE, run_cli

HEADER = "| Code | Scenario | Message | User | Developer |\n|---|---|---|---|---|\n"
ROW = "| 1 | S | M | - | - |\n"
PAGE = f"## Errors\n\n{HEADER}{ROW}"
MARKED_PAGE = "## Errors\n\n<!-- error-catalogue errors -->\n"
NOTHING_WRITTEN = (
    "error-catalogue import: nothing written: fix what is listed, then run the import again"
)
NOBODY = 65534  # the unprivileged user and group of Debian and most Linux systems


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (hidden ones too) and what it holds."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# ---------------------------------------------------------------------------------------------
# import: every check first, then all files or none


def test_import_page_option_over_another_existing_file_needs_force(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE)
    (tmp_path / "notes.md").write_text("My notes.\n")
    before = files_in(tmp_path)
    refused = run_cli("import", "page.md", "--page", "notes.md", cwd=tmp_path)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.splitlines() == [
        "error-catalogue import: notes.md already exists: pass --force to overwrite it",
        NOTHING_WRITTEN,
    ]
    assert files_in(tmp_path) == before
    forced = run_cli("import", "page.md", "--page", "notes.md", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "notes.md").read_text() == MARKED_PAGE
    assert (tmp_path / "page.md").read_text() == PAGE


@pytest.mark.parametrize("output", ["page.md", "./page.md", "../here/page.md"])
def test_import_page_option_naming_the_page_itself_needs_no_force(
    tmp_path: Path, output: str
) -> None:
    folder = tmp_path / "here"
    folder.mkdir()
    (folder / "page.md").write_text(PAGE)
    result = run_cli("import", "page.md", "--page", output, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "page.md").read_text() == MARKED_PAGE


@pytest.mark.parametrize(
    ("character", "shown"), [("\x07", "U+0007"), ("\x00", "U+0000"), ("\x1b", "U+001B")]
)
def test_import_of_a_cell_the_catalogue_refuses_writes_nothing(
    tmp_path: Path, character: str, shown: str
) -> None:
    """The page's cells get the loader's text checks before anything is written: the row that
    holds the character is named, not a file that is not there."""
    page = f"{PAGE}| 2 | S{character} | M | - | - |\n"
    (tmp_path / "page.md").write_text(page)
    result = run_cli("import", "page.md", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        f"page.md:6: `scenario` contains the control character {shown}: remove it "
        "(in catalogue/01-errors.yml, not written)",
        NOTHING_WRITTEN,
    ]
    assert files_in(tmp_path) == {"page.md": page.encode()}
    assert not (tmp_path / "catalogue").exists()


def test_import_clashing_with_the_catalogue_writes_nothing(tmp_path: Path) -> None:
    """A category id and a code that the catalogue has already: both reported, with the page's
    lines for the import's side, and neither the catalogue nor the page changed."""
    (tmp_path / "catalogue").mkdir()
    (tmp_path / "catalogue/mine.yml").write_text(
        "title: Mine\nid: errors\nerrors:\n  - code: 1\n    scenario: S\n    message: M\n"
    )
    (tmp_path / "page.md").write_text(PAGE)
    before = files_in(tmp_path)
    result = run_cli("import", "page.md", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "catalogue/mine.yml:1: category id `errors` is already used at page.md:3: "
        "every code and id must be unique in the catalogue",
        "catalogue/mine.yml:4: code 1 is already used at page.md:5: "
        "every code and id must be unique in the catalogue",
        NOTHING_WRITTEN,
    ]
    assert files_in(tmp_path) == before


def test_import_with_force_may_not_drop_a_locked_code(tmp_path: Path) -> None:
    """`--force` replaces a category file, but the result must still keep the lock."""
    (tmp_path / "page.md").write_text(PAGE)
    assert run_cli("import", "page.md", cwd=tmp_path).returncode == 0
    assert run_cli("lock", cwd=tmp_path).returncode == 0
    changed = "## Errors\n\n" + HEADER + "| 2 | S | M | - | - |\n"
    (tmp_path / "page.md").write_text(changed)
    before = files_in(tmp_path)
    result = run_cli("import", "page.md", "--force", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "catalogue.lock:6: code 1 is published (in catalogue.lock) but missing from the "
        "catalogue: put it back and mark it `obsolete:` instead of deleting it",
        NOTHING_WRITTEN,
    ]
    assert files_in(tmp_path) == before


def test_import_refuses_a_folder_where_a_file_goes(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE)
    (tmp_path / "catalogue/01-errors.yml").mkdir(parents=True)
    result = run_cli("import", "page.md", "--force", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "error-catalogue import: catalogue/01-errors.yml is a folder: move it, or choose "
        "another path"
    )
    assert files_in(tmp_path) == {"page.md": PAGE.encode()}


# ---------------------------------------------------------------------------------------------
# As a user without root's rights (root reads and writes everything)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A temporary folder that the unprivileged user can enter and write in (pytest's own
    `tmp_path` is private to the user running the tests)."""
    folder = Path(tempfile.mkdtemp(prefix="error-catalogue-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def as_unprivileged_user(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed `error-catalogue` run as a user without root's rights: as `nobody` when
    the tests run as root, else as the user running them."""
    program = [str(Path(sys.executable).parent / "error-catalogue"), *arguments]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        ids = [f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        program = ["setpriv", *ids, *program]
    return subprocess.run(program, cwd=cwd, capture_output=True, text=True, check=False)


def test_import_that_cannot_write_the_page_leaves_no_catalogue_file(shared_folder: Path) -> None:
    """Writing fails only after the catalogue files could have been written: none stays."""
    (shared_folder / "page.md").write_text(PAGE)
    (shared_folder / "docs").mkdir(mode=0o555)
    (shared_folder / "docs").chmod(0o555)  # whatever the umask
    result = as_unprivileged_user("import", "page.md", "--page", "docs/page.md", cwd=shared_folder)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error-catalogue import: cannot write docs/page.md: Permission denied; nothing written\n"
    )
    assert files_in(shared_folder) == {"page.md": PAGE.encode()}
    assert not (shared_folder / "catalogue").exists()


def test_an_unreadable_po_file_is_said_so_with_the_fix(shared_folder: Path) -> None:
    shutil.copytree(EXAMPLE_CATALOGUE, shared_folder / "catalogue")
    os.chmod(shared_folder, 0o755)  # noqa: PTH101 - readable, not writable, by the other user
    po = shared_folder / "catalogue/translations/fr.po"
    po.parent.mkdir(exist_ok=True)
    po.write_text('msgid "General Errors"\nmsgstr "Erreurs générales"\n')
    po.chmod(0o000)
    for arguments in (["check"], ["export", "--language", "fr"]):
        result = as_unprivileged_user(*arguments, cwd=shared_folder)
        assert (result.returncode, result.stdout) == (1, ""), arguments
        assert result.stderr == (
            "catalogue/translations/fr.po: cannot be read (permission denied): let the user who "
            "builds read it\n"
        )


# ---------------------------------------------------------------------------------------------
# PO files that are not readable text


@pytest.fixture
def catalogue_site(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "catalogue")
    (tmp_path / "catalogue/translations").mkdir(exist_ok=True)
    return tmp_path


def test_a_folder_named_like_a_po_file_is_said_so(catalogue_site: Path) -> None:
    (catalogue_site / "catalogue/translations/fr.po").mkdir()
    for arguments in (["check"], ["export", "--language", "fr"]):
        result = run_cli(*arguments, cwd=catalogue_site)
        assert (result.returncode, result.stdout) == (1, ""), arguments
        assert result.stderr == (
            "catalogue/translations/fr.po: is a folder, not a PO file: remove it, or rename it "
            "without `.po`\n"
        )


def test_a_po_file_not_in_utf8_is_said_so_with_its_line(catalogue_site: Path) -> None:
    (catalogue_site / "catalogue/translations/fr.po").write_bytes(
        b'msgid ""\nmsgstr ""\n\nmsgid "General Errors"\nmsgstr "Erreurs g\xe9n\xe9rales"\n'
    )
    for arguments in (["check"], ["lookup", "1004", "--language", "fr"]):
        result = run_cli(*arguments, cwd=catalogue_site)
        assert (result.returncode, result.stdout) == (1, ""), arguments
        assert result.stderr == (
            "catalogue/translations/fr.po:5: is not valid UTF-8 text: save it as UTF-8 (and say "
            "`charset=UTF-8` in its header)\n"
        )


# ---------------------------------------------------------------------------------------------
# --config, --format, --version


@pytest.mark.parametrize("command", [["export"], ["lookup", "1004"]])
def test_a_config_file_given_that_is_not_there_is_an_error(
    catalogue_site: Path, command: list[str]
) -> None:
    (catalogue_site / "folder.yml").mkdir()
    name = command[0]
    for config, what in [("nonexistent.yml", "not found"), ("folder.yml", "is a folder")]:
        result = run_cli(*command, "--config", config, cwd=catalogue_site)
        assert (result.returncode, result.stdout) == (1, ""), config
        assert result.stderr == (
            f"error-catalogue {name}: {config} {what}: give --config the path of the site's "
            "mkdocs.yml, or leave --config out\n"
        )
    without = run_cli(*command, cwd=catalogue_site)  # no ./mkdocs.yml: the catalogue alone
    assert without.returncode == 0, without.stderr


def test_export_prints_json_by_default(catalogue_site: Path) -> None:
    default = run_cli("export", cwd=catalogue_site)
    assert default.returncode == 0, default.stderr
    explicit = run_cli("export", "--format", "json", cwd=catalogue_site)
    assert default.stdout == explicit.stdout
    categories = json.loads(default.stdout)["categories"]
    assert sum(len(category["entries"]) for category in categories) == 45


def test_version_is_the_installed_distributions(tmp_path: Path) -> None:
    result = run_cli("--version", cwd=tmp_path)
    expected = f"error-catalogue {version('mkdocs-error-catalogue')}\n"
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")


def test_import_checks_the_catalogue_links_as_the_loader_sees_them(tmp_path: Path) -> None:
    """The check runs on a copy of the folder: a category file linked (by an absolute path) to
    a file inside the folder stays inside it there too, and one linked outside stays outside."""
    shared = tmp_path / "catalogue/shared/b.txt"
    shared.parent.mkdir(parents=True)
    shared.write_text("title: B\nid: b\nerrors:\n  - code: 6\n    scenario: S\n    message: M\n")
    (tmp_path / "catalogue/b.yml").symlink_to(shared)
    (tmp_path / "page.md").write_text(PAGE)
    imported = run_cli("import", "page.md", "--page", "out.md", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    (tmp_path / "outside.yml").write_text(shared.read_text().replace("6", "7"))
    (tmp_path / "catalogue/o.yml").symlink_to(tmp_path / "outside.yml")
    refused = run_cli("import", "page.md", "--page", "out.md", "--force", cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        "catalogue/o.yml: links to a file outside the catalogue folder: copy the file into the "
        "folder instead of linking to it"
    )
