"""A link shown as text because its scheme is not allowed is reported wherever the text comes
from: a translation in a PO file (the plugin), and the catalogue read by the extension alone
(plain Python-Markdown and Zensical), which records it in the page for `site-files --strict`."""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import polib
import pytest
from mkdocs.exceptions import Abort

from mkdocs_error_catalogue.extension import ErrorCatalogueExtension
from mkdocs_error_catalogue.page_html import recorded_problems

from .conftest import Site, new_site

HOSTILE = "Read [this](&#106;avascript:alert(1))."
CATEGORY = "title: A\nerrors:\n  - code: 1004\n    scenario: S\n    message: {message}\n"


def french_site(root: Path, translated_message: str) -> Site:
    site = new_site(root)
    site.config["theme"]["language"] = "fr"
    site.category("a.yml", CATEGORY.format(message="Plain words."))
    site.page("index.md", "# Erreurs\n\n<!-- error-catalogue -->\n")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Plain words.", msgstr=translated_message))
    (root / "catalogue/translations").mkdir()
    po.save(str(root / "catalogue/translations/fr.po"))
    return site


def test_a_link_only_the_translation_has_fails_the_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = french_site(tmp_path, HOSTILE)
    with pytest.raises(Abort):
        site.build(strict=True)
    [warning] = [r.getMessage() for r in caplog.records if "shown as text" in r.getMessage()]
    assert "error 1004 links to `&#106;avascript:alert(1)`" in warning
    assert warning.endswith("catalogue/translations/fr.po)")


def test_a_translation_without_such_links_builds_strict(tmp_path: Path) -> None:
    french_site(tmp_path, "Des mots [simples](https://example.com/).").build(strict=True)


def test_the_extension_alone_reports_and_records_a_refused_link(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "a.yml").write_text(CATEGORY.format(message=f'"{HOSTILE}"'), encoding="utf-8")
    md = markdown.Markdown(extensions=[ErrorCatalogueExtension(catalogue=str(folder))])
    with caplog.at_level(logging.WARNING):
        html = md.convert("<!-- error-catalogue -->\n")
    [recorded] = recorded_problems(html)
    assert "error 1004 links to `&#106;avascript:alert(1)`, which is shown as text" in recorded
    assert any(recorded == record.getMessage() for record in caplog.records)
