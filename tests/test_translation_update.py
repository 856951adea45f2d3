"""`error-catalogue translations update`: the PO files merged with the catalogue by polib, as
msgmerge would (new texts added, reworded ones fuzzy with their old translation, gone ones
kept as obsolete), on the bilingual English and Korean site."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from .conftest import (
    KOREAN,
    NEW_1004,
    OLD_1004,
    bilingual_site,
    cell,
    korean_po,
    reword_1004,
    run_cli,
)

GONE = "Give the user feedback that Link was closed."  # 1003's only developer action


def edit_catalogue(root: Path) -> None:
    """After `ko.po` was made: 1004 reworded, 1003's action removed (the entries below it move
    up a line), a new code added."""
    reword_1004(root)
    path = root / "catalogue/01-general.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"    developer_actions:\n      - {GONE}\n", "    developer_actions: []\n")
    text += "  - code: 1006\n    scenario: Session expired\n    message: Sign in again.\n"
    path.write_text(text, encoding="utf-8")


def test_update_adds_new_texts_keeps_reworded_ones_fuzzy_and_gone_ones_obsolete(
    tmp_path: Path,
) -> None:
    site = bilingual_site(tmp_path)
    site.write_config()
    po_path = korean_po(tmp_path, KOREAN | {GONE: "Link가 닫혔다고 사용자에게 알리세요."})
    edit_catalogue(tmp_path)
    result = run_cli("translations", "update", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "catalogue/translations/ko.po: 2 new, 1 reworded (their old translation kept as fuzzy, "
        "to review), 1 no longer used (kept as obsolete); 115 to translate\n"
    )
    po = polib.pofile(str(po_path))
    reworded = po.find(NEW_1004)
    assert (reworded.msgstr, reworded.flags, reworded.previous_msgid) == (
        KOREAN[OLD_1004],
        ["fuzzy"],
        OLD_1004,
    )
    assert po.find(OLD_1004) is None
    assert po.find("Session expired").msgstr == ""
    assert po.find("Something went wrong.").msgstr == KOREAN["Something went wrong."]
    [obsolete] = po.obsolete_entries()
    assert (obsolete.msgid, obsolete.msgstr) == (GONE, "Link가 닫혔다고 사용자에게 알리세요.")
    again = run_cli("translations", "update", cwd=tmp_path)  # nothing more to merge
    assert again.stdout.startswith("catalogue/translations/ko.po: 0 new, 0 reworded")
    # The fuzzy translation is for review: the page keeps the English, marked.
    site.build()
    row = site.html("ko/reference/link-errors/index.html").find("tr", id="1004")
    assert cell(row, "scenario").get_text() == NEW_1004
    assert row.select_one(".error-catalogue-untranslated").get_text() == "아직 번역되지 않음"
    status = run_cli("translations", "status", "--language", "ko", cwd=tmp_path)
    lines = status.stdout.splitlines()
    fuzzy = next(line for line in lines if "of 1004" in line)
    assert fuzzy.endswith(f": scenario of 1004: fuzzy (to review): {NEW_1004}")
    assert lines[lines.index(fuzzy) + 1] == f"    was: {OLD_1004}"


def test_update_starts_the_po_file_of_a_new_language(tmp_path: Path) -> None:
    bilingual_site(tmp_path).write_config()
    result = run_cli("translations", "update", "--language", "ja", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "catalogue/translations/ja.po: started, 119 texts to translate\n"
    po = polib.pofile(str(tmp_path / "catalogue/translations/ja.po"))
    assert po.metadata["Language"] == "ja"
    assert len(po) == 119
    assert po.percent_translated() == 0
    template = run_cli("translations", cwd=tmp_path)  # as before: the template
    assert [e.msgid for e in polib.pofile(template.stdout)] == [e.msgid for e in po]


@pytest.mark.parametrize("step", ["update", "import"])
def test_a_language_that_is_no_tag_names_no_file(tmp_path: Path, step: str) -> None:
    bilingual_site(tmp_path).write_config()
    (tmp_path / "page.md").write_text(
        "## 오류\n\n| a | b | c | d | e |\n|---|---|---|---|---|\n| 1000 | 가 | 나 | - | - |\n",
        encoding="utf-8",
    )
    page = ("page.md",) if step == "import" else ()
    result = run_cli("translations", step, *page, "--language", "../ko", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"error-catalogue translations {step}: `--language ../ko` is not a language tag: write "
        "it as the theme does, such as `ko` or `pt-BR`\n"
    )
    assert not list(tmp_path.glob("catalogue/**/*.po")) and not (tmp_path / "ko.po").exists()
