"""A real `mkdocs serve` on a loopback port rebuilds when catalogue files change."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup

from .conftest import SERVED_CATEGORY, Server, Site, cell, serving

pytestmark = pytest.mark.slow  # a real `mkdocs serve` in a child process

CATEGORY = SERVED_CATEGORY


@pytest.fixture
def server(site: Site) -> Iterator[Server]:
    with serving(site) as running:
        yield running


def test_editing_adding_and_deleting_catalogue_files_rebuilds(site: Site, server: Server) -> None:
    server.wait_for(lambda html: "First words." in html, "the first build")

    site.category("01-a.yml", CATEGORY.format(title="A", code=1, message="Second words."))
    server.wait_for(lambda html: "Second words." in html, "the edit to show")

    added = site.category("02-b.yml", CATEGORY.format(title="Added", code=2, message="New."))
    server.wait_for(lambda html: 'id="2"' in html, "the added file to show")
    assert server.status("errors/2/") == 200  # its deep link, written by the rebuild
    assert 'href="../../#1"' in server.page("errors/1/")  # unchanged, kept

    added.unlink()
    server.wait_for(lambda html: 'id="2"' not in html, "the deleted file to go")
    assert (server.status("errors/2/"), server.status("errors/1/")) == (404, 200)
    assert sum("Reloading browsers" in line for line in server.log) >= 3


def test_a_broken_edit_keeps_the_last_good_site_and_the_next_good_edit_recovers(
    site: Site, server: Server
) -> None:
    server.wait_for(lambda html: "First words." in html, "the first build")

    site.category("01-a.yml", CATEGORY.format(title="A", code=1, message="M") + "    mesage: x\n")
    deadline = time.monotonic() + 60
    while not any("unknown key `mesage`" in line for line in server.log):
        assert time.monotonic() < deadline, "".join(server.log)
        time.sleep(0.2)
    page = BeautifulSoup(server.page(), "html.parser")
    assert cell(page.find("tr", id="1"), "message").get_text() == "First words."  # kept
    notice = page.select_one(".error-catalogue-problem")  # said where the writer looks
    assert notice is not None
    assert notice.find_next("table") is page.find("table")
    assert notice.get_text().splitlines() == [
        "Error catalogue: The error catalogue has 1 problem:",
        "  catalogue/01-a.yml:6: unknown key `mesage` in an error: did you mean `message`?",
        "the site keeps the last good catalogue until these problems are fixed",
    ]

    site.category("01-a.yml", CATEGORY.format(title="A", code=1, message="Fixed words."))
    server.wait_for(lambda html: "Fixed words." in html, "the fixed catalogue to show")
    assert BeautifulSoup(server.page(), "html.parser").select(".error-catalogue-problem") == []
    log = "".join(server.log)
    assert "catalogue/01-a.yml:6: unknown key `mesage` in an error" in log
    assert "the site keeps the last good catalogue until these problems are fixed" in log
    assert "Traceback" not in log
    assert server.process.poll() is None  # still serving


def test_a_broken_translation_shows_the_texts_untranslated_until_it_is_fixed(
    site: Site, server: Server
) -> None:
    server.wait_for(lambda html: "First words." in html, "the first build")
    server.process.terminate()  # the site in French, with a translation, served again
    server.process.wait(timeout=10)
    site.config["theme"]["language"] = "fr"
    translations = site.root / "catalogue/translations"
    translations.mkdir()
    po = translations / "fr.po"
    po.write_text('msgid "First words."\nmsgstr "Premiers mots."\n', encoding="utf-8")
    french = Server(site)
    try:
        french.wait_for(lambda html: "Premiers mots." in html, "the translated build")
        po.write_text('msgid "First words."\nmsgstr "Premiers mots."\nfoo\n', encoding="utf-8")
        french.wait_for(lambda html: "First words." in html, "the untranslated texts")
        notice = BeautifulSoup(french.page(), "html.parser").select_one(".error-catalogue-problem")
        assert notice is not None
        assert "catalogue/translations/fr.po:3: is not a valid PO file" in notice.get_text()
        po.write_text('msgid "First words."\nmsgstr "Premiers mots."\n', encoding="utf-8")
        french.wait_for(lambda html: "Premiers mots." in html, "the mended translation")
        assert french.process.poll() is None  # still serving
    finally:
        french.process.terminate()
        french.process.wait(timeout=10)


def test_a_link_to_an_unknown_code_is_marked_where_the_writer_looks(
    site: Site, server: Server
) -> None:
    server.wait_for(lambda html: "First words." in html, "the first build")
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n\nSee [the error](error:2).\n")
    server.wait_for(lambda html: "the error" in html, "the edited page")
    span = BeautifulSoup(server.page(), "html.parser").select_one(".error-catalogue-ref--unknown")
    assert (span.name, span.get_text(), span["title"]) == (
        "span",
        "the error",
        "Error catalogue: unknown error code 2: check the code, or add it to the catalogue",
    )
