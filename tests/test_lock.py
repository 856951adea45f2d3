"""The published-codes lock: what `lock` records, and what `check` and the builds report."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_error_catalogue.page_html import recorded_problems

from .conftest import EXAMPLE_CATALOGUE, Server, cell, edit, error_catalogue, new_site

RESTORE = "restore it from version control, or delete it on purpose to start over"


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """A copy of the example catalogue, locked."""
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "catalogue")
    result = error_catalogue("lock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "catalogue.lock: 43 published codes locked"
    return tmp_path


Error = tuple[str, str, str]  # code, scenario, message
THREE = [("1", "Unable to retrieve tokens list", "M"), ("2", "Out of funds", "N"), ("3", "S", "O")]


def write_errors(root: Path, errors: list[Error], category_id: str = "a") -> None:
    """The category file `<category_id>.yml` of `root`'s catalogue: title A, the `errors`."""
    entries = [{"code": int(code), "scenario": s, "message": m} for code, s, m in errors]
    text = yaml.safe_dump({"title": "A", "id": category_id, "errors": entries}, sort_keys=False)
    (root / "catalogue").mkdir(exist_ok=True)
    (root / "catalogue" / "a.yml").write_text(text, encoding="utf-8")


def locked_errors(root: Path, errors: list[Error]) -> Path:
    write_errors(root, errors)
    result = error_catalogue("lock", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


REWORDING = "It looks like a rewording: if it is the same error, record it with"
DIFFERENT = "It looks like a different error"

# (locked scenario, locked message, new scenario, new message, the advice expected)
PROBES = {
    "template: text -> binary representation": (
        "invalid_text_representation",
        "The value is not a valid text representation of ${type}.",
        "invalid_binary_representation",
        "The value is not a valid binary representation of ${type}.",
        DIFFERENT,
    ),
    "template: unique -> exclusion violation": (
        "unique_violation",
        "duplicate key value violates unique constraint ${constraint}",
        "exclusion_violation",
        "conflicting key value violates exclusion constraint ${constraint}",
        DIFFERENT,
    ),
    "template: right truncation -> length mismatch": (
        "string_data_right_truncation",
        "value too long for type character varying(${length})",
        "string_data_length_mismatch",
        "bit string length ${length} does not match type bit(${size})",
        DIFFERENT,
    ),
    "template: currencies -> exchange rates": (
        "Could not get currencies",
        "Something went wrong getting the list of currencies.",
        "Could not get exchange rates",
        "Something went wrong getting the exchange rates.",
        DIFFERENT,
    ),
    "rephrased (currencies ~ currency)": (
        "No currencies left after filtering",
        "No currency matches your filters.",
        "No currency remains once the filters are applied",
        "No currency matches your filters.",
        REWORDING,
    ),
    "a typo fixed in the only specific word": (
        "Insufficent funds",
        "Insufficient funds.",
        "Insufficient funds",
        "Insufficient funds.",
        REWORDING,
    ),
    "a scenario rewritten, its specific message kept": (
        "Failed to open Link as iFrame due to 3rd party cookies blocked",
        "There is no storage available. This is usually related to a 3rd party cookie-blocking "
        "policy.",
        "Embedded Link has no browser storage",
        "There is no storage available. This is usually related to a 3rd party cookie-blocking "
        "policy.",
        REWORDING,
    ),
    "a generic message does not vouch for a new scenario": (
        "Failed to instantiate SDK IMX Client when connecting wallet",
        "Something went wrong.",
        "Exchange status is failed",
        "Something went wrong.",
        DIFFERENT,
    ),
}


@pytest.mark.slow  # each case a lock, an edit and a build: about 1.5 s of CPU
@pytest.mark.parametrize("probe", PROBES.values(), ids=PROBES.keys())
def test_every_wording_change_is_reported_with_its_advice(
    tmp_path: Path, probe: tuple[str, str, str, str, str]
) -> None:
    """Whatever the advice, `check` fails and shows the old and new text. The advice is pinned
    for each probe: the template reuses (one template word swapped) are different errors, the
    rephrasings and typo fixes rewordings. Moving `_SIMILAR_CHARACTERS` or `_SHARED_WORDS` to
    0.0 or 0.99 changes the advice of at least one probe."""
    old_scenario, old_message, scenario, message, advice = probe
    locked_errors(tmp_path, [("1004", old_scenario, old_message)])
    write_errors(tmp_path, [("1004", scenario, message)])
    result = error_catalogue("check", cwd=tmp_path)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("catalogue/a.yml:4: code 1004 changed since it was locked in ")
    assert f'scenario was "{old_scenario}", now "{scenario}"' in line
    assert (f'message was "{old_message}", now "{message}"' in line) == (old_message != message)
    assert advice in line
    closing = ")" if advice == DIFFERENT else ""
    assert line.endswith(f"record it with `error-catalogue lock --reword 1004`{closing}")
    site = new_site(tmp_path)
    site.page("index.md", "<!-- error-catalogue -->\n")
    build = site.run("build")
    assert build.returncode == 0, build.stderr
    warnings = [line for line in build.stderr.splitlines() if line.startswith("WARNING")]
    assert [warning.endswith(line) for warning in warnings] == [True]


def test_the_lock_lists_every_published_code_sorted_and_stable(locked: Path) -> None:
    text = (locked / "catalogue.lock").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert list(data) == sorted(data, key=int)
    assert data["1005"] == {  # obsolete codes stay locked
        "category": "general",
        "scenario": "Failed to open Link as iFrame due to the application's domain not being "
        "whitelisted",
        "message": "Only whitelisted partners can currently embed Link using an iframe. Please "
        "contact support@immutable.com and quote referrer ${address} for information.",
    }
    assert "api-error" not in data  # an id is not a published code
    assert text.endswith("\n\n# End of the lock: 43 published codes.\n")  # a cut is noticed
    assert error_catalogue("lock", cwd=locked).returncode == 0
    assert (locked / "catalogue.lock").read_text(encoding="utf-8") == text


@pytest.mark.slow  # lock, build, reword, build: about 1.8 s of CPU each
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Unable to retrieve tokens list", "Unable to retreive tokens list"),  # a typo
        ("Unable to retrieve tokens list", "Could not retrieve the list of tokens"),  # rephrased
        (
            "Something went wrong retrieving your tokens list: ${apiError}",
            "We could not load your tokens: ${apiError}",
        ),
    ],
)
def test_a_rewording_is_shown_until_lock_reword_records_it(
    locked: Path, old: str, new: str
) -> None:
    edit(locked, "01-general.yml", old, new)
    result = error_catalogue("check", cwd=locked)
    assert result.returncode == 1
    assert f'was "{old}", now "{new}". {REWORDING}' in result.stderr
    before = (locked / "catalogue.lock").read_text(encoding="utf-8")
    refused = error_catalogue("lock", cwd=locked)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == (
        "error-catalogue lock: catalogue.lock was not written: locked codes changed (1001): "
        "give a different error a new code; record a reviewed change of the same error with "
        "`error-catalogue lock --reword 1001`"
    )
    assert (locked / "catalogue.lock").read_text(encoding="utf-8") == before
    recorded = error_catalogue("lock", "--reword", "1001", cwd=locked)
    assert recorded.returncode == 0, recorded.stderr
    after = (locked / "catalogue.lock").read_text(encoding="utf-8")
    assert yaml.safe_load(after)["1001"]["scenario" if "list" in new else "message"] == new
    assert error_catalogue("check", cwd=locked).returncode == 0


def test_giving_a_locked_code_another_meaning_fails(locked: Path) -> None:
    edit(locked, "01-general.yml", "Unable to retrieve tokens list", "Insufficient funds")
    edit(
        locked,
        "01-general.yml",
        "Something went wrong retrieving your tokens list: ${apiError}",
        "Insufficient funds.",
    )
    result = error_catalogue("check", cwd=locked)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "catalogue/01-general.yml:13: code 1001 changed since it was locked in catalogue.lock: "
        'scenario was "Unable to retrieve tokens list", now "Insufficient funds"; message was '
        '"Something went wrong retrieving your tokens list: ${apiError}", now "Insufficient '
        'funds.". It looks like a different error (closest to 2002): give it a new code and mark 1001 '
        "`obsolete:` (if it truly is the same error, record it with `error-catalogue lock "
        "--reword 1001`)"
    ]


def test_deleting_a_locked_code_fails_and_marking_it_obsolete_passes(locked: Path) -> None:
    path = locked / "catalogue" / "07-history.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.split("errors:")[0] + "errors: []\n", encoding="utf-8")
    result = error_catalogue("check", cwd=locked)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "code 8000 is published (in catalogue.lock) but missing from the catalogue: put it back "
        "and mark it `obsolete:` instead of deleting it"
    )
    assert result.stderr.startswith("catalogue.lock:")
    path.write_text(original + "    obsolete: true\n", encoding="utf-8")
    assert error_catalogue("check", cwd=locked).returncode == 0


def test_lock_refuses_to_bless_a_broken_promise(locked: Path) -> None:
    edit(locked, "08-cancel.yml", "- code: 9001", "- code: 9002")
    result = error_catalogue("lock", cwd=locked)
    assert result.returncode == 1
    assert "code 9001 is published" in result.stderr


def test_a_lock_that_cannot_be_written_is_one_line_not_a_traceback(locked: Path) -> None:
    (locked / "catalogue.lock").unlink()
    (locked / "catalogue.lock").mkdir()
    result = error_catalogue("lock", cwd=locked)
    assert result.returncode == 1
    assert result.stderr == (
        f"catalogue.lock: is a folder, not a lock file: {RESTORE} (then run "
        "`error-catalogue lock`)\n"
    )


def test_the_build_fails_on_a_broken_lock(locked: Path) -> None:
    site = new_site(locked)
    site.page("index.md", "<!-- error-catalogue -->\n")
    edit(locked, "08-cancel.yml", "- code: 9001", "- code: 9002")
    result = site.run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "catalogue.lock:" in result.stderr and "code 9001 is published" in result.stderr


def test_reusing_a_code_for_an_error_like_another_published_one_fails(locked: Path) -> None:
    # 9001 rewritten from "token details" to what 9000 already says: a reuse, not a rewording.
    edit(
        locked,
        "08-cancel.yml",
        "Failed to retrieve token details",
        "Failed to retrieve the order details",
    )
    result = error_catalogue("check", cwd=locked)
    assert result.returncode == 1
    assert "It looks like a different error (closest to 9000)" in result.stderr


@pytest.mark.parametrize(
    ("lock", "words"),
    [
        ("'1':\n  category: a\n  scenario: [x]\n  message: M\n", "a lock entry is a code with"),
        (
            "'1':\n  category: a\n  scenario: S\n  message: M\n'1':\n  category: a\n  scenario: S\n"
            "  message: M\n",
            "code 1 is locked twice (first at line 1): keep one",
        ),
        ("'1': [\n", "invalid lock file"),
        ("- 1\n", "the lock file must map codes to what they mean"),
    ],
)
def test_a_broken_lock_file_is_a_problem_with_its_line(
    tmp_path: Path, lock: str, words: str
) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "a.yml").write_text("title: A\nerrors:\n  - {code: 1, scenario: S, message: M}\n")
    (tmp_path / "catalogue.lock").write_text(lock)
    result = error_catalogue("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("catalogue.lock:")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_lock_beside_the_folder_even_from_inside_it(locked: Path) -> None:
    inside = locked / "catalogue"
    result = error_catalogue("lock", "--catalogue", ".", cwd=inside)
    assert result.returncode == 0, result.stderr
    assert not (inside / ".lock").exists()
    assert (locked / "catalogue.lock").is_file()


@pytest.mark.slow  # several MkDocs builds: about 2.7 s of CPU
def test_the_build_warns_of_a_changed_wording_and_strict_fails(locked: Path) -> None:
    site = new_site(locked)
    site.page("index.md", "<!-- error-catalogue -->\n")
    edit(locked, "08-cancel.yml", "Failed to retrieve token details", "Failed to get token details")
    plain = site.run("build")
    assert plain.returncode == 0, plain.stderr
    [warning] = [line for line in plain.stderr.splitlines() if line.startswith("WARNING")]
    assert warning.endswith(
        "catalogue/08-cancel.yml:14: code 9001 changed since it was locked in catalogue.lock: "
        'scenario was "Failed to retrieve token details", now "Failed to get token details". '
        f"{REWORDING} `error-catalogue lock --reword 9001`"
    )
    row = site.html().find("tr", id="9001")
    assert cell(row, "scenario").get_text() == "Failed to get token details"
    strict = site.run("build", "--strict")
    assert strict.returncode == 1
    assert "code 9001 changed since it was locked" in strict.stderr


@pytest.mark.slow  # a real `mkdocs serve`: about 2 s of CPU
def test_serve_shows_a_changed_wording_above_the_tables_and_goes_on(locked: Path) -> None:
    site = new_site(locked)
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    server = Server(site)
    try:
        server.wait_for(lambda html: 'id="9001"' in html, "the first build")
        edit(locked, "08-cancel.yml", "retrieving the token details.", "getting the token details.")
        server.wait_for(lambda html: "getting the token details." in html, "the edit to show")
        notice = BeautifulSoup(server.page(), "html.parser").select_one(".error-catalogue-problem")
        assert notice is not None
        assert notice.get_text().splitlines() == [
            "Error catalogue: The error catalogue differs from catalogue.lock:",
            "  catalogue/08-cancel.yml:14: code 9001 changed since it was locked in "
            'catalogue.lock: message was "Something went wrong retrieving the token details.", '
            'now "Something went wrong getting the token details.". '
            f"{REWORDING} `error-catalogue lock --reword 9001`",
        ]
        assert server.process.poll() is None
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)


def test_the_extension_alone_logs_and_records_a_changed_wording(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Zensical's `--strict` ignores logged warnings: `site-files --strict` reads the page."""
    locked_errors(tmp_path, [("1", "Unable to retrieve tokens list", "M")])
    write_errors(tmp_path, [("1", "Could not retrieve the list of tokens", "M")])
    options = {"catalogue": str(tmp_path / "catalogue")}
    with caplog.at_level(logging.WARNING):
        html = markdown.markdown(
            "<!-- error-catalogue -->\n",
            extensions=["error_catalogue"],
            extension_configs={"error_catalogue": options},
        )
    [problem] = recorded_problems(html)
    assert problem.endswith(
        "a.yml:4: code 1 changed since it was locked in catalogue.lock: scenario was "
        '"Unable to retrieve tokens list", now "Could not retrieve the list of tokens". '
        f"{REWORDING} `error-catalogue lock --reword 1`"
    )
    assert [record.getMessage() for record in caplog.records] == [problem]


def test_reword_names_only_locked_codes_that_changed(locked: Path) -> None:
    edit(locked, "01-general.yml", "Unable to retrieve tokens list", "Unable to load tokens list")
    before = (locked / "catalogue.lock").read_text(encoding="utf-8")
    unchanged = error_catalogue("lock", "--reword", "1001", "1003", cwd=locked)
    assert (unchanged.returncode, unchanged.stderr) == (
        1,
        "error-catalogue lock: --reword 1003: code 1003 has not changed since it was locked: "
        "name only changed locked codes\n",
    )
    unknown = error_catalogue("lock", "--reword", "1001", "7777", cwd=locked)
    assert (unknown.returncode, unknown.stderr) == (
        1,
        "error-catalogue lock: --reword 7777: code 7777 is not locked: name only changed "
        "locked codes\n",
    )
    assert (locked / "catalogue.lock").read_text(encoding="utf-8") == before


def test_plain_lock_records_new_codes_and_codes_moved_to_another_category(
    tmp_path: Path,
) -> None:
    locked_errors(tmp_path, THREE[:1])
    write_errors(tmp_path, [])  # 1 moves to the new category b: its anchor is its code
    b = {
        "title": "B",
        "errors": [{"code": int(c), "scenario": s, "message": m} for c, s, m in THREE],
    }
    (tmp_path / "catalogue" / "b.yml").write_text(yaml.safe_dump(b), encoding="utf-8")
    assert error_catalogue("check", cwd=tmp_path).returncode == 0
    result = error_catalogue("lock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lock = yaml.safe_load((tmp_path / "catalogue.lock").read_text(encoding="utf-8"))
    assert {code: entry["category"] for code, entry in lock.items()} == dict.fromkeys("123", "b")


@pytest.mark.slow  # several MkDocs builds: about 2.7 s of CPU
def test_a_renamed_category_is_shown_until_lock_reword_records_it(tmp_path: Path) -> None:
    errors = [("1", "Unable to retrieve tokens list", "M"), ("2", "Insufficient funds", "N")]
    locked_errors(tmp_path, errors)
    write_errors(tmp_path, errors, category_id="wallet")
    result = error_catalogue("check", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "catalogue.lock:6: the category `a` of the locked codes 1, 2 no longer exists, so "
        "links to its heading (`#a`) break: give its file `id: a` again (a file's name is only "
        "the default id), or, if the rename is on purpose, record it with `error-catalogue lock "
        "--reword 1 2`\n",
    )
    site = new_site(tmp_path)
    site.page("index.md", "<!-- error-catalogue -->\n")
    build = site.run("build")
    assert build.returncode == 0, build.stderr
    assert "WARNING" in build.stderr and "the category `a` of the locked codes" in build.stderr
    refused = error_catalogue("lock", cwd=tmp_path)
    assert refused.returncode == 1
    assert "`error-catalogue lock --reword 1 2`" in refused.stderr.splitlines()[-1]
    assert error_catalogue("lock", "--reword", "1", "2", cwd=tmp_path).returncode == 0
    assert error_catalogue("check", cwd=tmp_path).returncode == 0
    lock = yaml.safe_load((tmp_path / "catalogue.lock").read_text(encoding="utf-8"))
    assert lock["1"]["category"] == lock["2"]["category"] == "wallet"


def _emptied(text: str) -> str:
    return ""


def _comments_only(text: str) -> str:  # the header, as written before the end line
    return "".join(line for line in _old_lines(text) if line.startswith("#"))


def _old_lines(text: str) -> list[str]:
    """The lines of the lock as `lock` wrote it before it wrote a last line counting codes."""
    lines = text.splitlines(keepends=True)
    return [line for line in lines if "last line" not in line and "End of the lock" not in line]


def _cut_before_the_last_block(text: str) -> str:  # still valid YAML
    return text[: text.index("\n'3':")]


def _last_block_deleted(text: str) -> str:
    start = text.index("\n'3':")
    return text[:start] + text[text.index("\n#", start) :]


BROKEN_LOCKS = {
    "empty": (_emptied, "catalogue.lock: the lock file is empty"),
    "comments only": (_comments_only, "catalogue.lock: the lock file locks no code"),
    "cut short": (
        _cut_before_the_last_block,
        "catalogue.lock: the lock file was cut short: its last line is missing",
    ),
    "a block deleted": (
        _last_block_deleted,
        "catalogue.lock:16: the lock file lists 2 codes but its last line counts 3",
    ),
}


@pytest.mark.slow  # each case a lock and two commands: about 1.4 s of CPU
@pytest.mark.parametrize("broken", BROKEN_LOCKS.values(), ids=BROKEN_LOCKS.keys())
def test_a_lock_that_cannot_protect_the_codes_is_an_error_not_off(
    tmp_path: Path, broken: tuple[Callable[[str], str], str]
) -> None:
    """Before, such a lock protected nothing, silently: deleting a published code passed."""
    damage, words = broken
    locked_errors(tmp_path, THREE)
    path = tmp_path / "catalogue.lock"
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    write_errors(tmp_path, THREE[:2])  # 3 deleted
    result = error_catalogue("check", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        f"{words}: {RESTORE} (then run `error-catalogue lock`)\n",
    )
    site = new_site(tmp_path)
    site.page("index.md", "<!-- error-catalogue -->\n")
    assert site.run("build").returncode == 1
    assert error_catalogue("lock", cwd=tmp_path).returncode == 1  # not blessed away either


def test_a_miscounted_lock_is_reported_beside_the_catalogues_own_problems(
    tmp_path: Path,
) -> None:
    locked_errors(tmp_path, THREE)
    path = tmp_path / "catalogue.lock"
    path.write_text(_last_block_deleted(path.read_text(encoding="utf-8")), encoding="utf-8")
    (tmp_path / "catalogue" / "b.yml").write_text("title: B\nerrors: []\nmesage: x\n")
    result = error_catalogue("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "unknown key `mesage`" in result.stderr
    assert "the lock file lists 2 codes but its last line counts 3" in result.stderr


def test_a_lock_written_before_the_end_line_keeps_working(tmp_path: Path) -> None:
    locked_errors(tmp_path, THREE)
    path = tmp_path / "catalogue.lock"
    path.write_text("".join(_old_lines(path.read_text(encoding="utf-8"))), encoding="utf-8")
    assert error_catalogue("check", cwd=tmp_path).returncode == 0
    write_errors(tmp_path, THREE[:2])
    result = error_catalogue("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "code 3 is published (in catalogue.lock) but missing" in result.stderr


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder that another user may read (not pytest's: only root may enter those)."""
    root = Path(tempfile.mkdtemp())
    root.chmod(0o755)
    try:
        yield root
    finally:
        shutil.rmtree(root)


def as_another_user(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`error-catalogue ARGUMENTS` in `root`, run by a user who owns none of its files (root
    may read and write any file, so as root it runs as `nobody`)."""
    for path in [root, *root.rglob("*")]:
        if path.stat().st_mode & 0o777:  # left alone: those made inaccessible on purpose
            path.chmod(0o755 if path.is_dir() else 0o644)
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    if os.geteuid() != 0:
        prefix = []
    elif shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: every file is readable and writable")
    program = str(Path(sys.executable).parent / "error-catalogue")
    if subprocess.run([*prefix, program, "--help"], capture_output=True).returncode:
        pytest.skip("the unprivileged user cannot run this environment's error-catalogue")
    return subprocess.run([*prefix, program, *arguments], cwd=root, capture_output=True, text=True)


def test_an_unreadable_lock_is_an_error_naming_it(shared_folder: Path) -> None:
    locked_errors(shared_folder, THREE)
    (shared_folder / "catalogue.lock").chmod(0o000)
    result = as_another_user(shared_folder, "check")
    assert (result.returncode, result.stderr) == (
        1,
        "catalogue.lock: the lock file cannot be read (Permission denied): "
        f"{RESTORE} (then run `error-catalogue lock`)\n",
    )


def test_a_lock_that_cannot_be_written_names_the_lock_not_its_temporary_file(
    shared_folder: Path,
) -> None:
    write_errors(shared_folder, THREE)
    result = as_another_user(shared_folder, "lock")  # the folder is root's
    assert (result.returncode, result.stderr) == (
        1,
        "error-catalogue lock: catalogue.lock: Permission denied\n",
    )
    assert sorted(p.name for p in shared_folder.iterdir()) == ["catalogue"]


def test_lock_refuses_to_write_through_a_symbolic_link(tmp_path: Path) -> None:
    locked_errors(tmp_path, THREE[:2])
    elsewhere = tmp_path / "elsewhere.lock"
    (tmp_path / "catalogue.lock").rename(elsewhere)
    (tmp_path / "catalogue.lock").symlink_to(elsewhere)
    before = elsewhere.read_text(encoding="utf-8")
    write_errors(tmp_path, THREE)
    result = error_catalogue("lock", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "error-catalogue lock: catalogue.lock is a symbolic link: the lock is written only as "
        "a file of its own; replace the link with a copy of the file it points to\n",
    )
    assert elsewhere.read_text(encoding="utf-8") == before
    assert (tmp_path / "catalogue.lock").is_symlink()


def test_lock_replaces_the_file_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    """A new file renamed over the old one: a reader of the old one reads it to the end."""
    locked_errors(tmp_path, THREE[:2])
    path = tmp_path / "catalogue.lock"
    with path.open(encoding="utf-8") as reader:
        before = path.stat().st_ino
        write_errors(tmp_path, THREE)
        assert error_catalogue("lock", cwd=tmp_path).returncode == 0
        assert path.stat().st_ino != before
        assert "'3':" not in reader.read()
    assert "'3':" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "catalogue.lock"]
