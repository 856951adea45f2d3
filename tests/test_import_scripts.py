"""`error-catalogue import` of tables written in scripts without letter case: Korean, Japanese
and Chinese action cells are split into one action per sentence, as English ones are."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_error_catalogue.importing import split_sentences

from .conftest import cell, new_site, run_cli

# A hand-written page as teams write it in these languages: the actions of a cell run
# together, sentence after sentence, each ended by the language's own full stop.
# Written as escapes: the fullwidth full stop, exclamation and question marks.
STOP, BANG, ASK = "\uff0e", "\uff01", "\uff1f"
PAGE = f"""\
# 오류 코드

## 일반 오류

| 오류 코드 | 예상 상황 | 표시되는 오류 메시지 | 사용자 조치 | 개발자 조치 |
|---|---|---|---|---|
| 1001 | 토큰 목록을 가져올 수 없음 | 토큰 목록을 가져오는 중 문제가 발생했습니다 | 다시 시도하세요. 고객 지원팀에 문의하세요. | 문제를 재현해 보세요.콘솔 로그를 확인하세요. |
| 1002 | トークンを取得できない | 問題が発生しました | 再試行してください{STOP}サポートに連絡してください。 | 問題を再現してください{BANG}ログを確認してください{ASK} |
| 1003 | 无法获取令牌列表 | 出现问题 | 请重试。联系客户支持团队。 | 尝试重现问题{BANG}检查控制台日志。 |
"""

ACTIONS = {
    1001: (
        ["다시 시도하세요.", "고객 지원팀에 문의하세요."],
        ["문제를 재현해 보세요.", "콘솔 로그를 확인하세요."],
    ),
    1002: (
        [f"再試行してください{STOP}", "サポートに連絡してください。"],
        [f"問題を再現してください{BANG}", f"ログを確認してください{ASK}"],
    ),
    1003: (
        ["请重试。", "联系客户支持团队。"],
        [f"尝试重现问题{BANG}", "检查控制台日志。"],
    ),
}


def test_korean_japanese_and_chinese_cells_are_split_into_actions(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    (tmp_path / "errors.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    result = run_cli(
        "import", "errors.md", "--catalogue", "catalogue", "--page", "docs/index.md", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    [written] = (tmp_path / "catalogue").glob("*.yml")
    category = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert category["title"] == "일반 오류"
    found = {e["code"]: (e["user_actions"], e["developer_actions"]) for e in category["errors"]}
    assert found == {code: (list(user), list(dev)) for code, (user, dev) in ACTIONS.items()}
    site.build(strict=True)  # and the site shows them as lists
    row = site.html().find("tr", id="1001")
    items = [li.get_text() for li in cell(row, "user-actions").find_all("li")]
    assert items == list(ACTIONS[1001][0])


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("파일 이름은 config.yml 입니다.", ["파일 이름은 config.yml 입니다."]),  # no sentence end
        ("버전 1.2.3 이상이 필요합니다.", ["버전 1.2.3 이상이 필요합니다."]),
        ("Retry. if it fails, call us.", ["Retry. if it fails, call us."]),  # lowercase: one
        ("पुनः प्रयास करें। सहायता से संपर्क करें।", ["पुनः प्रयास करें।", "सहायता से संपर्क करें।"]),
        ("أعد المحاولة. اتصل بالدعم.", ["أعد المحاولة.", "اتصل بالدعم."]),
    ],
)
def test_sentences_of_scripts_without_case_end_where_they_end(cell: str, items: list[str]) -> None:
    assert split_sentences(cell) == items
