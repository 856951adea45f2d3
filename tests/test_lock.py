"""The published-codes lock: what `lock` records, and what `check` and the builds report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLE_CATALOGUE, new_site
from .test_cli import error_catalogue

RESTORE = "restore it from version control, or delete it on purpose to start over"


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """A copy of the example catalogue, locked."""
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "catalogue")
    result = error_catalogue("lock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "catalogue.lock: 43 published codes locked"
    return tmp_path


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / "catalogue" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


Error = tuple[str, str, str]  # code, scenario, message


def write_errors(root: Path, errors: list[Error], category_id: str = "a") -> None:
    """The catalogue of `root`: one category of `errors`."""
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
        "error-catalogue lock: catalogue.lock was not written: the wording of locked codes "
        "changed (1001). Give each different error a new code; if it is the same error, record "
        "the reviewed change with `error-catalogue lock --reword 1001`"
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


def test_a_generic_message_does_not_keep_the_meaning_of_another_scenario(locked: Path) -> None:
    # 1000 says "Something went wrong." like many others: the scenario alone is the meaning.
    edit(
        locked,
        "01-general.yml",
        "Failed to instantiate SDK IMX Client when connecting wallet",
        "Exchange status is failed",
    )
    result = error_catalogue("check", cwd=locked)
    assert result.returncode == 1
    assert DIFFERENT in result.stderr


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
