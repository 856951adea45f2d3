"""`error-catalogue translations import PAGE --language ko`: a translated hand-written page,
half translated and lagging the English one, read into `ko.po`, its rows paired with the
catalogue by code, with all a person should check reported."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from .conftest import Site, bilingual_site, cell, run_cli

# The Korean page as the team wrote it: 1000 and 1004 translated (1004's scenario still the
# English of an older wording), 1001 in part, 1002 not at all, a code the catalogue does
# not have, the deposits table wholly English, and the offers table, whose rows have no code.
PAGE = """\
# 링크 오류

## 일반 오류

| 오류 코드 | 예상 상황 | 표시되는 오류 메시지 | 사용자 조치 | 개발자 조치 |
|---|---|---|---|---|
| 1000 | 지갑 연결 중 SDK IMX 클라이언트를 만들지 못함 | 문제가 발생했습니다. | 고객 지원팀에 문의하세요. | SDK 설정을 확인하세요. |
| 1001 | 토큰 목록을 가져올 수 없음 | Something went wrong retrieving your tokens list: ${apiError} | 작업을 다시 시도하거나 페이지를 새로 고치세요. 고객 지원팀에 문의하세요. | 문제를 재현해 보세요. |
| 1002 | Failed to retrieve the wallet address | Something went wrong when retrieving your wallet address. Check with your wallet provider. | Check wallet connection with IMX. Check wallet provider. Contact Customer Support. | Try to replicate the issue. Check console logs. |
| 1004 | Failed to open Link as iFrame due to 3rd party cookies being blocked | 사용할 수 있는 저장소가 없습니다. 보통 서드 파티 쿠키 차단 정책 때문입니다. | 브라우저에서 서드 파티 쿠키를 허용하세요. | 사용자에게 서드 파티 쿠키에 대해 알리거나 Link를 팝업으로 여세요. |
| 9999 | 알 수 없는 오류 | 오류입니다. | - | - |

## Deposits

| Error Code | Likely Scenario | Displayed Error Message | Possible User Actions | Possible Developer Actions |
|---|---|---|---|---|
| 2000 | Failed to retrieve the wallet address | Something went wrong when retrieving your wallet address. Check with your wallet provider. | Check wallet connection with IMX. Contact Customer Support. | Try to replicate the issue. Check console logs. |

## 오퍼

| 오류 코드 | 예상 상황 | 표시되는 오류 메시지 | 사용자 조치 | 개발자 조치 |
|---|---|---|---|---|
| - | 링크 경로에 잘못된 매개변수가 전달됨 | 잘못된 오퍼 매개변수입니다. | 작업을 다시 시도하세요. 계속 실패하면 고객 지원팀에 문의하세요. | 링크 경로에 올바른 매개변수가 전달되는지 확인하세요. |
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, list[str]]:
    """The site after the import, and what the import said, line by line."""
    root = tmp_path_factory.mktemp("import")
    site = bilingual_site(root)
    site.write_config()
    (root / "link-errors.ko.md").write_text(PAGE, encoding="utf-8")
    result = run_cli("translations", "import", "link-errors.ko.md", "--language", "ko", cwd=root)
    assert (result.returncode, result.stderr) == (0, "")
    return site, result.stdout.splitlines()


def test_the_import_reports_what_a_person_should_check(imported: tuple[Site, list[str]]) -> None:
    _, said = imported
    assert said[:11] == [
        "link-errors.ko.md:5: table `일반 오류` is the category `general` (by its codes)",
        "link-errors.ko.md:8: 1001: message still in English: left untranslated",
        "link-errors.ko.md:9: 1002: scenario, message, user action, developer action still in "
        "English: left untranslated",
        "link-errors.ko.md:10: 1004: scenario in English, an older wording: left untranslated",
        "link-errors.ko.md:15: table `Deposits` is the category `deposits` (by its codes)",
        "link-errors.ko.md:15: the title of `deposits` is still in English: left untranslated",
        "link-errors.ko.md:17: 2000: scenario, message, user action, developer action still in "
        "English: left untranslated",
        "link-errors.ko.md:21: table `오퍼` is the category `offers` (by its position)",
        "link-errors.ko.md:23: row without code paired by its position with "
        "`invalid-offer-parameters`",
        "codes the page lacks (39): 1003, 1005, 2001, 2002, 2003, 4000, 5000, 5001, 5002, 5003, "
        "6000, 6001, 6002, 6003, 6004, 6005, 7000, 7001, 7002, 7003, 8000, 9000, 9001, 10001, "
        "10002, 10003, 10004, 11001, 11002, 11003, 11004, 11005, 11006, 12000, 12001, 12002, "
        "12003, 12004, api-error",
        "codes the catalogue lacks (1): 9999 (line 11)",
    ]
    assert said[11:] == [
        "catalogue/translations/ko.po: 17 translations written; 102 texts still to translate "
        "(`error-catalogue translations status --language ko` lists them)"
    ]


def test_the_page_translations_are_in_the_po_file_and_english_is_not(
    imported: tuple[Site, list[str]],
) -> None:
    site, _ = imported
    po = polib.pofile(str(site.root / "catalogue/translations/ko.po"))
    translated = {entry.msgid: entry.msgstr for entry in po.translated_entries()}
    assert translated["General Errors"] == "일반 오류"
    assert translated["Offers"] == "오퍼"
    assert translated["Unable to retrieve tokens list"] == "토큰 목록을 가져올 수 없음"
    assert translated["Invalid parameters supplied to link route"] == (
        "링크 경로에 잘못된 매개변수가 전달됨"
    )
    assert translated["Contact the Customer Support team."] == "고객 지원팀에 문의하세요."
    for english in (
        "Deposits",
        "Something went wrong retrieving your tokens list: ${apiError}",
        "Failed to retrieve the wallet address",
        "Failed to open Link as iFrame due to 3rd party cookies blocked",
    ):
        assert english not in translated  # never an English "translation"
    assert po.metadata["Language"] == "ko"


def test_the_korean_site_shows_the_imported_translations(imported: tuple[Site, list[str]]) -> None:
    site, _ = imported
    site.build()
    page = site.html("ko/reference/link-errors/index.html")
    assert page.find("h2", id="general").span.get_text() == "일반 오류"
    whole, partial = page.find("tr", id="1000"), page.find("tr", id="1001")
    assert cell(whole, "scenario").get_text() == "지갑 연결 중 SDK IMX 클라이언트를 만들지 못함"
    assert whole.select_one(".error-catalogue-untranslated") is None
    assert cell(partial, "scenario").get_text() == "토큰 목록을 가져올 수 없음"
    assert partial.select_one(".error-catalogue-untranslated").get_text() == "아직 번역되지 않음"


def test_importing_a_page_without_tables_is_refused(tmp_path: Path) -> None:
    bilingual_site(tmp_path).write_config()
    (tmp_path / "page.md").write_text("# 링크 오류\n\n표가 없습니다.\n", encoding="utf-8")
    result = run_cli("translations", "import", "page.md", "--language", "ko", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "error-catalogue translations import: page.md: no error table to read\n"
    assert not (tmp_path / "catalogue/translations/ko.po").exists()
