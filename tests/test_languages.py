"""Multilingual sites made with mkdocs-static-i18n: each language its own deep links and export,
and the codes in the search index that the i18n plugin rebuilds."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from mkdocs_error_catalogue.rendering import LABEL_NAMES, Labels
from mkdocs_error_catalogue.translating import translation_path
from mkdocs_error_catalogue.translations import TRANSLATED_LABELS

from .browser import reader, serve
from .conftest import (
    EXAMPLE_ANCHORS,
    Site,
    cell,
    filled_po,
    follow,
    multilingual_site,
    run_cli,
)

pytestmark = (
    pytest.mark.slow
)  # multilingual sites: mkdocs-static-i18n builds every page per language

LANGUAGES = [("", "Link errors"), ("fr/", "Erreurs de Link")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = multilingual_site(tmp_path_factory.mktemp("i18n"))
    site.build()
    return site


@pytest.mark.parametrize(("language", "title"), LANGUAGES)
def test_each_language_has_deep_links_to_its_own_page(
    built: Site, language: str, title: str
) -> None:
    for anchor in EXAMPLE_ANCHORS:
        deep_link = f"{language}errors/{anchor}/index.html"
        target = built.html(deep_link).find("a")["href"]
        landing, fragment = follow(built, deep_link, target)
        assert landing.find("h1").get_text().startswith(title)
        assert fragment == anchor
        assert len(landing.find_all("tr", id=anchor)) == 1


@pytest.mark.parametrize(("language", "title"), LANGUAGES)
def test_each_language_has_its_export_with_its_own_urls(
    built: Site, language: str, title: str
) -> None:
    export = built.root / "site" / language / "error-catalogue.json"
    document = json.loads(export.read_text(encoding="utf-8"))
    entries = {e["anchor"]: e for c in document["categories"] for e in c["entries"]}
    assert list(entries) == EXAMPLE_ANCHORS
    assert entries["1004"]["url"] == f"https://example.com/{language}reference/link-errors/#1004"
    assert entries["1004"]["deep_link"] == f"https://example.com/{language}errors/1004/"


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("", ["Error Code", "Obsolete", "Filter errors"]),
        ("fr/", ["Code d'erreur", "Obsolète", "Filtrer les erreurs"]),
    ],
)
def test_each_language_has_the_texts_of_its_language(
    built: Site, language: str, texts: list[str]
) -> None:
    page = built.html(f"{language}reference/link-errors/index.html")
    wrapper = page.select_one("div.error-catalogue")
    filter_text = wrapper.get("data-filter", "Filter errors")  # English: the script's own
    badge = page.find("tr", id="1005").select_one(".error-catalogue-badge")
    assert [wrapper.select_one("th").get_text(), badge.get_text(), filter_text] == texts


FRENCH = {
    "General Errors": "Erreurs générales",
    "Failed to open Link as iFrame due to 3rd party cookies blocked": (
        "Échec de l'ouverture de Link en iFrame : cookies tiers bloqués"
    ),
    "Something went wrong retrieving your tokens list: ${apiError}": (
        "Impossible de récupérer la liste de vos jetons : ${apiError}"
    ),
    "Contact the Customer Support team.": "Contactez le service client.",
}


def translated_site(root: Path, french: dict[str, str], fuzzy: str = "") -> Site:
    """The multilingual site, with a French PO file made from the template of
    `error-catalogue translations` (as a translator's tool would fill it in)."""
    site = multilingual_site(root)
    filled_po(root, "fr", french, {fuzzy: "Texte à revoir"})
    return site


def test_each_language_shows_the_texts_its_po_file_translates(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fuzzy = "Link forcibly closed by the user"  # msgmerge's guess: not used until reviewed
    site = translated_site(tmp_path, FRENCH, fuzzy)
    with caplog.at_level(logging.INFO):
        site.build()
    english = site.html("reference/link-errors/index.html")
    french = site.html("fr/reference/link-errors/index.html")
    assert english.find("h2", id="general").span.get_text() == "General Errors"
    assert french.find("h2", id="general").span.get_text() == "Erreurs générales"
    for page, language in ((english, "en"), (french, "fr")):
        row = page.find("tr", id="1004")
        scenario = cell(row, "scenario").get_text()
        actions = [li.get_text() for li in cell(page.find("tr", id="1000"), "user-actions")("li")]
        expected = FRENCH[SCENARIO_1004] if language == "fr" else SCENARIO_1004
        assert scenario == expected
        assert actions == ["Contactez le service client." if language == "fr" else CONTACT]
        assert cell(page.find("tr", id="1003"), "scenario").get_text() == fuzzy
    message = cell(french.find("tr", id="1001"), "message")
    assert message.find("code").get_text() == "${apiError}"  # rendered as in the catalogue
    export = json.loads((tmp_path / "site/fr/error-catalogue.json").read_text(encoding="utf-8"))
    entries = {e["anchor"]: e for c in export["categories"] for e in c["entries"]}
    assert entries["1004"]["scenario"] == FRENCH[SCENARIO_1004]
    assert "catalogue/translations/fr.po: 4 of 119 texts translated, 114 untranslated, 1 stale" in (
        caplog.text
    )
    checked = run_cli("check", cwd=tmp_path)  # the same count, for CI
    assert checked.stdout.splitlines()[1:] == [
        "catalogue/translations/fr.po: 4 of 119 texts translated"
    ]


SCENARIO_1004 = "Failed to open Link as iFrame due to 3rd party cookies blocked"
CONTACT = "Contact the Customer Support team."


def test_a_translation_that_loses_a_placeholder_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    message = "Something went wrong retrieving your tokens list: ${apiError}"
    site = translated_site(tmp_path, {message: "Impossible de récupérer vos jetons."})
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        site.build()
    assert re.search(
        r"catalogue/translations/fr.po:\d+: the translation of `Something went wrong retrieving "
        r"your tokens list: \$\{apiError\}` does not have the same \$\{placeholders\}: keep "
        r"each one as it is, the application fills them in",
        caplog.text,
    )


def test_a_broken_po_file_stops_the_build_with_its_line(tmp_path: Path) -> None:
    site = multilingual_site(tmp_path)
    (tmp_path / "catalogue/translations").mkdir()
    (tmp_path / "catalogue/translations/fr.po").write_text(
        'msgid "General Errors"\nmsgstr "Erreurs"\nfoo bar\n', encoding="utf-8"
    )
    result = site.run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problem = (
        "catalogue/translations/fr.po:3: is not a valid PO file: fix its syntax, or make it "
        "again from the template"
    )
    assert problem in result.stderr
    # `check`, which CI and the pre-commit hook run, says so too, with the placeholder warning.
    (tmp_path / "catalogue/translations/es.po").write_text(
        'msgid "Something went wrong retrieving your tokens list: ${apiError}"\nmsgstr "Error"\n',
        encoding="utf-8",
    )
    checked = run_cli("check", cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stderr.splitlines() == [
        "catalogue/translations/es.po:1: the translation of `Something went wrong retrieving "
        "your tokens list: ${apiError}` does not have the same ${placeholders}: keep each one as "
        "it is, the application fills them in",
        problem,
    ]


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_the_rebuilt_search_index_keeps_every_code(tmp_path: Path, theme: str) -> None:
    site = multilingual_site(tmp_path, theme)
    site.build()
    index = json.loads((tmp_path / "site/search/search_index.json").read_text(encoding="utf-8"))
    locations = [document["location"] for document in index["docs"]]
    for anchor in EXAMPLE_ANCHORS:
        # The French rows say the same as the English ones: the i18n plugin keeps one of each.
        assert locations.count(f"reference/link-errors/#{anchor}") == 1


def test_listing_the_plugin_before_i18n_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = multilingual_site(tmp_path)
    site.config["plugins"] = ["search", "error-catalogue", site.config["plugins"][1]]
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        site.build()
    assert (
        "list `error-catalogue` after `i18n` in `plugins:`, so that it sees the pages of each "
        "language as mkdocs-static-i18n arranges them"
    ) in caplog.text


def test_the_commands_skip_a_language_entry_that_is_not_a_mapping(tmp_path: Path) -> None:
    """mkdocs-static-i18n refuses `- fr` itself; the commands, reading mkdocs.yml without
    it, leave it out rather than fail with a traceback."""
    site = multilingual_site(tmp_path)
    site.config["plugins"][1]["i18n"]["languages"].insert(0, "fr")
    site.write_config()
    looked_up = run_cli("lookup", "1004", cwd=tmp_path)
    assert looked_up.returncode == 0, looked_up.stderr
    assert "URL: https://example.com/reference/link-errors/#1004" in looked_up.stdout.splitlines()


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_the_commands_give_the_default_languages_urls(tmp_path: Path, structure: str) -> None:
    site = multilingual_site(tmp_path, structure=structure)
    # A French PO file, so that the build and the commands mark the same entries untranslated.
    (tmp_path / "catalogue/translations").mkdir()
    (tmp_path / "catalogue/translations/fr.po").write_text('msgid "x"\nmsgstr "y"\n')
    site.build()
    site.write_config()
    for built in ((), ("--site-dir", "site")):
        printed = run_cli("export", "--format", "json", *built, cwd=tmp_path)
        assert printed.returncode == 0, printed.stderr
        expected = (tmp_path / "site/error-catalogue.json").read_text(encoding="utf-8")
        assert printed.stdout == expected
    looked_up = run_cli("lookup", "1004", cwd=tmp_path).stdout
    assert "URL: https://example.com/reference/link-errors/#1004" in looked_up.splitlines()
    # Another language: its pages and deep links, as its own build has them.
    for built in ((), ("--site-dir", "site")):  # from the page files, or the built pages
        options = ("--format", "json", "--language", "fr-FR", *built)
        french = run_cli("export", *options, cwd=tmp_path)
        assert french.returncode == 0, french.stderr
        expected = (tmp_path / "site/fr/error-catalogue.json").read_text(encoding="utf-8")
        assert french.stdout == expected
    looked_up = run_cli("lookup", "1004", "--language", "fr", cwd=tmp_path).stdout
    assert looked_up.splitlines()[-2:] == [
        "URL: https://example.com/fr/reference/link-errors/#1004",
        "Deep link: https://example.com/fr/errors/1004/",
    ]
    for language, title in LANGUAGES:  # and the build itself, with either structure
        deep_link = f"{language}errors/1004/index.html"
        landing, _ = follow(site, deep_link, site.html(deep_link).find("a")["href"])
        assert landing.find("h1").get_text().startswith(title)


@pytest.mark.parametrize(
    ("files", "language", "found"),
    [
        (["fr.po", "pt.po", "pt_BR.po"], "pt-BR", "pt_BR.po"),
        (["fr.po", "pt.po"], "pt-BR", "pt.po"),
        (["pt-br.po"], "pt_BR", "pt-br.po"),
        (["fr.po"], "de", None),
        (["fr.po"], None, None),
    ],
)
def test_the_po_file_of_a_language_is_found_as_locales_are_written(
    tmp_path: Path, files: list[str], language: str | None, found: str | None
) -> None:
    (tmp_path / "translations").mkdir()
    for name in files:
        (tmp_path / "translations" / name).write_text("", encoding="utf-8")
    path = translation_path(tmp_path, language)
    assert (path.name if path else None) == found


def test_export_and_lookup_give_the_texts_of_a_language(tmp_path: Path) -> None:
    """SDKs that show localized messages take them from the same single source."""
    message = "Something went wrong retrieving your tokens list: ${apiError}"
    translated_site(tmp_path, FRENCH | {CONTACT: "Contactez le support. <b>"}).write_config()
    result = run_cli("export", "--format", "json", "--language", "fr-FR", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    entries = {
        e["anchor"]: e for c in json.loads(result.stdout)["categories"] for e in c["entries"]
    }
    assert entries["1004"]["scenario"] == FRENCH[SCENARIO_1004]
    assert entries["1001"]["message"] == FRENCH[message]
    assert entries["1003"]["scenario"] == "Link forcibly closed by the user"  # not translated
    # The French pages, as mkdocs-static-i18n builds them (see linking.md).
    assert entries["1004"]["url"] == "https://example.com/fr/reference/link-errors/#1004"
    english = run_cli("export", "--format", "json", cwd=tmp_path)
    assert json.loads(english.stdout)["categories"][0]["title"] == "General Errors"
    lookup = run_cli("lookup", "1000", "--language", "fr", cwd=tmp_path)
    assert lookup.stdout.splitlines()[3:5] == ["User actions:", "  - Contactez le support. <b>"]


def test_a_language_without_po_file_or_with_a_broken_one_is_said(tmp_path: Path) -> None:
    translated_site(
        tmp_path, {"Something went wrong retrieving your tokens list: ${apiError}": "Erreur"}
    )
    result = run_cli("export", "--format", "markdown", "--language", "de", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "error-catalogue export: no translation for `de`: catalogue/translations has no de.po\n",
    )
    lossy = run_cli("lookup", "1001", "--language", "fr", cwd=tmp_path)
    assert lossy.returncode == 0  # as a build without --strict: said, and given
    assert re.fullmatch(
        r"catalogue/translations/fr.po:\d+: the translation of `Something went wrong retrieving "
        r"your tokens list: \$\{apiError\}` does not have the same \$\{placeholders\}: keep "
        r"each one as it is, the application fills them in\n",
        lossy.stderr,
    )
    assert "Message: Erreur" in lossy.stdout.splitlines()
    (tmp_path / "catalogue/translations/fr.po").write_text("foo bar\n", encoding="utf-8")
    broken = run_cli("lookup", "1001", "--language", "fr", cwd=tmp_path)
    assert (broken.returncode, broken.stdout) == (1, "")
    assert broken.stderr.startswith("catalogue/translations/fr.po:1: is not a valid PO file")


# Labels whose translation is written as the English is: Spanish says "Error 1004" too.
SAME_AS_ENGLISH = {("es", "deep_link")}


@pytest.mark.parametrize("language", sorted(TRANSLATED_LABELS))
def test_every_built_in_language_translates_every_label(language: str) -> None:
    """A label added to `Labels` without its translations would show in English unnoticed,
    and `{code}`, `{shown}` and `{total}` must survive translation."""
    english, translated = Labels(), TRANSLATED_LABELS[language]
    for name in LABEL_NAMES:
        ours, theirs = getattr(translated, name), getattr(english, name)
        if (language, name) not in SAME_AS_ENGLISH:
            assert ours != theirs, f"{language}: `{name}` is still English"
        assert sorted(re.findall(r"\{\w+\}", ours)) == sorted(re.findall(r"\{\w+\}", theirs))


def test_the_not_found_page_says_it_for_every_language(tmp_path: Path, chromium: Any) -> None:
    """mkdocs-static-i18n builds every language into the same 404.html, the last one winning:
    it holds the deep links of each, with each one's texts."""
    site = multilingual_site(tmp_path)
    site.config["site_url"] = None  # served from the root of a loopback port
    site.build()
    data = site.html("404.html").select("div.error-catalogue-not-found-data")
    assert [(d["data-deep-links"], d["data-reference"]) for d in data] == [
        ("/errors/", "/reference/link-errors/"),
        ("/fr/errors/", "/fr/reference/link-errors/"),
    ]
    url, server = serve(tmp_path / "site")
    try:
        with reader(chromium) as page:
            for path, said in (
                ("errors/99999/", "Error 99999 is not in the error reference."),
                ("fr/errors/99999/", "L'erreur 99999 ne figure pas dans la référence des erreurs."),
            ):
                page.goto(url + path)
                notice = page.locator(".error-catalogue-not-found")
                assert notice.inner_text().startswith(said), path
    finally:
        server.shutdown()
