"""Every text the plugin writes itself in the language of the page: built-in labels per
language, `labels` per language over them, and the deep-link pages and the "not found" note of
each language in its words, with its `lang`. Built as a bilingual English and Korean site."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest

from mkdocs_error_catalogue.translations import built_in_labels, labels_for

from .browser import reader, serve
from .conftest import Site, bilingual_site, follow, project, run_cli


@pytest.fixture(scope="module")
def korean(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = bilingual_site(tmp_path_factory.mktemp("ko"))
    site.build()
    return site


def headings(page: Any) -> list[str]:
    return [th.get_text() for th in page.select_one("div.error-catalogue").select("thead th")]


def test_the_korean_pages_have_korean_headings_badge_and_filter(korean: Site) -> None:
    english = korean.html("reference/link-errors/index.html")
    page = korean.html("ko/reference/link-errors/index.html")
    assert headings(english)[0] == "Error Code"
    assert headings(page) == [
        "오류 코드",
        "예상 상황",
        "표시되는 오류 메시지",
        "사용자 조치",
        "개발자 조치",
    ]
    assert page.find("tr", id="1005").select_one(".error-catalogue-badge").get_text() == "사용 중단"
    wrapper = page.select_one("div.error-catalogue")
    texts = [wrapper[f"data-{name}"] for name in ("filter", "filter-placeholder", "filter-count")]
    assert texts == ["오류 필터", "코드 또는 단어", "오류 {total}개 중 {shown}개"]


@pytest.mark.parametrize(
    ("folder", "language", "title"),
    [("", "en", "Error 1004"), ("ko/", "ko", "오류 1004")],
)
def test_each_languages_deep_links_are_in_its_language(
    korean: Site, folder: str, language: str, title: str
) -> None:
    deep_link = f"{folder}errors/1004/index.html"
    page = korean.html(deep_link)
    assert page.find("html")["lang"] == language
    assert page.find("title").get_text().startswith(f"{title}: ")
    assert page.find("a").get_text().startswith(f"{title}: ")
    landing, fragment = follow(korean, deep_link, page.find("a")["href"])
    assert (landing.find("html")["lang"], fragment) == (language, "1004")


def test_the_not_found_note_of_the_korean_deep_links_is_korean(korean: Site) -> None:
    notes = korean.html("404.html").select("div.error-catalogue-not-found-data")
    by_folder = {note["data-deep-links"]: note for note in notes}
    ko = by_folder["/ko/errors/"]
    assert ko["data-not-found"] == "오류 {code}은(는) 오류 레퍼런스에 없습니다."
    assert ko["data-not-found-link"] == "모든 오류 보기"
    assert by_folder["/errors/"]["data-not-found"] == "Error {code} is not in the error reference."


def test_labels_per_language_over_labels_for_all_over_the_built_in_ones(tmp_path: Path) -> None:
    labels = {"obsolete": "Retired", "ko": {"code": "에러 코드"}}
    site = bilingual_site(tmp_path, labels=labels)
    site.build()
    english = site.html("reference/link-errors/index.html")
    page = site.html("ko/reference/link-errors/index.html")
    assert headings(english)[:2] == ["Error Code", "Likely Scenario"]
    assert headings(page)[:2] == ["에러 코드", "예상 상황"]
    for built in (english, page):  # the flat labels apply to every language
        badge = built.find("tr", id="1005").select_one(".error-catalogue-badge")
        assert badge.get_text() == "Retired"


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({"ko": {"cod": "x"}}, "unknown key `cod` in `labels` of `ko`: did you mean `code`?"),
        ({"ko": {"code": 5}}, "the label `code` of `ko` must be text, not 5"),
        ({"Korean!": {"code": "x"}}, "`Korean!` in `labels` is not a language tag"),
    ],
)
def test_a_mistake_in_the_labels_of_a_language_stops_the_build(
    tmp_path: Path, labels: dict[str, Any], message: str
) -> None:
    site = bilingual_site(tmp_path, labels=labels)
    result = site.run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert message in result.stderr


def test_a_language_without_built_in_labels_is_english_and_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = bilingual_site(tmp_path, "fi")
    with caplog.at_level(logging.INFO):
        site.build()  # strict: information, not a warning
    said = [r.getMessage() for r in caplog.records if "no built-in texts" in r.getMessage()]
    assert len(said) == 1
    assert re.search(
        r"no built-in texts for the language `fi`: .* `labels: \{fi: \{code: …\}\}`", said[0]
    )
    page = site.html("fi/reference/link-errors/index.html")
    assert headings(page)[0] == "Error Code"
    assert site.html("fi/errors/1004/index.html").find("html")["lang"] == "fi"


def test_a_language_whose_labels_the_site_sets_whole_is_not_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    finnish = {name: "x" for name in vars(labels_for(None))}
    site = bilingual_site(tmp_path, "fi", labels={"fi": finnish})
    with caplog.at_level(logging.INFO):
        site.build()
    assert "no built-in texts" not in caplog.text


@pytest.mark.parametrize(
    ("language", "code"),
    [
        ("ko", "오류 코드"),
        ("ko-KR", "오류 코드"),
        ("ja", "エラーコード"),
        ("zh", "错误代码"),
        ("zh-Hans", "错误代码"),
        ("zh-CN", "错误代码"),
        ("zh-TW", "錯誤代碼"),
        ("zh-Hant-HK", "錯誤代碼"),
        ("es", "Código de error"),
        ("pt-BR", "Código de erro"),
        ("fr", "Code d'erreur"),
        ("de", "Fehlercode"),
        ("ru", "Код ошибки"),
        ("it", "Codice di errore"),
        ("fi", None),
    ],
)
def test_the_built_in_labels_of_the_languages_readers_use(language: str, code: str | None) -> None:
    found = built_in_labels(language)
    assert (found.code if found else None) == code


def test_site_files_writes_deep_links_in_the_language_of_the_extension(tmp_path: Path) -> None:
    """A site built without the plugin (as Zensical builds): `site-files` writes its deep
    links in the language of the extension's pages, with the site's labels for it."""
    site = project(tmp_path)
    extension = {"catalogue": "catalogue", "labels": {"ko": {"deep_link": "에러 {code}"}}}
    site.config = {
        "site_name": "Extension alone",
        "theme": {"name": "material", "language": "ko"},
        "markdown_extensions": [{"error_catalogue": extension}],
    }
    site.build()
    result = run_cli("site-files", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    page = site.html("errors/1004/index.html")
    assert page.find("html")["lang"] == "ko"
    assert page.find("a").get_text().startswith("에러 1004: ")


def test_a_korean_deep_link_lands_on_the_korean_row_or_says_in_korean_it_is_unknown(
    tmp_path: Path, chromium: Any
) -> None:
    site = bilingual_site(tmp_path)
    site.config["site_url"] = None  # served from the root of a loopback port
    site.build()
    url, server = serve(tmp_path / "site")
    try:
        with reader(chromium) as page:
            page.goto(url + "ko/errors/1004/")
            page.wait_for_url("**/ko/reference/link-errors/#1004")
            assert page.locator("html").get_attribute("lang") == "ko"
            heading = page.locator("div.error-catalogue th").first
            assert heading.inner_text() == "오류 코드"
            assert page.locator("tr:target").get_attribute("id") == "1004"
            page.goto(url + "ko/errors/99999/")
            notice = page.locator(".error-catalogue-not-found")
            assert notice.inner_text().startswith("오류 99999은(는) 오류 레퍼런스에 없습니다.")
            link = notice.locator("a")
            assert link.inner_text() == "모든 오류 보기"
            assert link.get_attribute("href").endswith("/ko/reference/link-errors/")
    finally:
        server.shutdown()


def test_an_empty_label_keeps_the_text_of_the_language() -> None:
    """`code:` with nothing after it, which the `labels` option has always let pass."""
    given = {"code": None, "ko": {"scenario": None, "message": "메시지"}}
    labels = labels_for("ko", given)
    assert (labels.code, labels.scenario, labels.message) == ("오류 코드", "예상 상황", "메시지")
