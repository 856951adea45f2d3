"""Stale translations named, never shown: `error-catalogue translations status`, the build's
summary per language, and the "not yet translated" mark of entries on the page and in the
export. Built as a bilingual English and Korean site, its `ko.po` made from the template."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import (
    EXAMPLE_CATALOGUE,
    FUZZY,
    KOREAN,
    NEW_1004,
    OLD_1004,
    Site,
    bilingual_site,
    cell,
    korean_po,
    reword_1004,
    run_cli,
)


@pytest.fixture(scope="module")
def stale(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str]:
    """The site built after 1004 was reworded, and what its build logged."""
    root = tmp_path_factory.mktemp("stale")
    site = bilingual_site(root)
    site.write_config()
    korean_po(root, KOREAN)
    reword_1004(root)
    result = site.run("build", "--strict")
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_a_reworded_text_shows_in_english_marked_not_yet_translated(
    stale: tuple[Site, str],
) -> None:
    site, _ = stale
    page = site.html("ko/reference/link-errors/index.html")
    row = page.find("tr", id="1004")
    assert cell(row, "scenario").get_text() == NEW_1004  # never the old Korean
    badge = cell(row, "code").select_one(".error-catalogue-untranslated")
    assert badge.get_text() == "아직 번역되지 않음"
    whole = page.find("tr", id="1000")  # every text translated: no badge
    assert (
        cell(whole, "scenario").get_text()
        == KOREAN["Failed to instantiate SDK IMX Client when connecting wallet"]
    )
    assert whole.select_one(".error-catalogue-untranslated") is None
    fuzzy = page.find("tr", id="1003")  # a fuzzy translation is not used either
    assert cell(fuzzy, "scenario").get_text() == FUZZY
    assert fuzzy.select_one(".error-catalogue-untranslated") is not None
    english = site.html("reference/link-errors/index.html")  # the catalogue's own language
    assert english.select(".error-catalogue-untranslated") == []


def test_the_export_names_the_untranslated_fields(stale: tuple[Site, str]) -> None:
    site, _ = stale
    for folder, expected in (
        ("ko/", ["scenario", "message", "user_actions", "developer_actions"]),
        ("", []),
    ):
        export = json.loads(
            (site.root / "site" / folder / "error-catalogue.json").read_text("utf-8")
        )
        entries = {e["anchor"]: e for c in export["categories"] for e in c["entries"]}
        assert entries["1004"]["scenario"] == NEW_1004
        assert entries["1004"]["untranslated"] == expected
        assert entries["1000"]["untranslated"] == []


def test_the_build_says_the_counts_of_each_language_and_the_command(
    stale: tuple[Site, str],
) -> None:
    _, log = stale
    [line] = [line for line in log.splitlines() if "ko.po" in line]
    assert line.endswith(
        "catalogue/translations/ko.po: 5 of 119 texts translated, 112 untranslated, 2 stale "
        "(a translation of an older wording, or fuzzy): they show as the catalogue has them, "
        "their entries marked as not yet translated; `error-catalogue translations status "
        "--language ko` lists them"
    )


def test_status_lists_each_untranslated_and_stale_text_by_code_field_and_line(
    stale: tuple[Site, str],
) -> None:
    site, _ = stale
    result = run_cli("translations", "status", "--language", "ko", cwd=site.root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        "catalogue/01-general.yml:37: scenario of 1004: stale (translates an older wording): "
        + NEW_1004
        in lines
    )
    assert (
        lines[lines.index(next(line for line in lines if "of 1004: stale" in line)) + 1]
        == f"    was: {OLD_1004}"
    )
    assert f"catalogue/01-general.yml:31: scenario of 1003: fuzzy (to review): {FUZZY}" in lines
    assert (
        "catalogue/01-general.yml:13: scenario of 1001: untranslated: Unable to retrieve tokens list"
        in lines
    )
    shared = next(line for line in lines if line.endswith(": Try to replicate the issue."))
    assert shared.startswith("catalogue/01-general.yml:13: developer action of 1001, 1002, 2000, ")
    assert (
        lines[-1]
        == "catalogue/translations/ko.po: 5 of 119 texts translated, 112 untranslated, 2 stale"
    )
    strict = run_cli("translations", "status", "--strict", cwd=site.root)
    assert strict.returncode == 1
    assert (
        strict.stderr
        == "error-catalogue translations status: some texts are not translated (--strict)\n"
    )


def test_status_of_a_language_without_po_file_says_how_to_start_it(tmp_path: Path) -> None:
    bilingual_site(tmp_path).write_config()
    result = run_cli("translations", "status", "--language", "ja", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error-catalogue translations status: no translation for `ja`: catalogue/translations "
        "has no ja.po; `error-catalogue translations update --language ja` starts it\n"
    )


def test_the_catalogue_option_counts_before_or_after_the_sub_command(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "errors")
    started = run_cli(
        "translations", "--catalogue", "errors", "update", "--language", "ko", cwd=tmp_path
    )
    assert started.stdout == "errors/translations/ko.po: started, 119 texts to translate\n"
    for arguments in (
        ("translations", "--catalogue", "errors", "status"),
        ("translations", "status", "--catalogue", "errors"),
    ):
        result = run_cli(*arguments, cwd=tmp_path)
        assert result.stdout.splitlines()[-1] == (
            "errors/translations/ko.po: 0 of 119 texts translated, 119 untranslated, 0 stale"
        ), arguments
