"""The field declaration among the catalogue's sources: the catalogue cache (used by `serve`
and by the standalone extension) loads again when `_fields.yml` is edited, and a language's
untranslated marks name the declared fields it leaves in the catalogue's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_error_catalogue import CatalogueError
from mkdocs_error_catalogue.loading import CatalogueCache, catalogue_sources
from mkdocs_error_catalogue.translating import mark_untranslated

from .test_declared_fields import catalogue_folder


def test_the_catalogue_cache_loads_again_when_the_declaration_is_edited(tmp_path: Path) -> None:
    folder = catalogue_folder(
        tmp_path,
        {
            "_fields.yml": "fields:\n  scenario:\n",
            "a.yml": "title: A\nerrors:\n  - {code: 1, severity: high}\n",
        },
    )
    assert folder / "_fields.yml" in catalogue_sources(folder)
    cache = CatalogueCache()
    with pytest.raises(CatalogueError, match="unknown key `severity`"):
        cache.load(folder)
    (folder / "_fields.yml").write_text("fields:\n  scenario:\n  severity:\n", encoding="utf-8")
    entry = cache.load(folder).entry("1")
    assert entry is not None and entry.extra == (("severity", "high"),)


def test_an_untranslated_declared_field_is_marked(tmp_path: Path) -> None:
    folder = catalogue_folder(
        tmp_path,
        {
            "_fields.yml": "fields:\n  scenario:\n  cause:\n    kind: text\n",
            "a.yml": "title: A\nerrors:\n  - {code: 1, scenario: Opening, cause: No disk}\n",
        },
    )
    catalogue = CatalogueCache().load(folder)
    marked = mark_untranslated(catalogue, {"A": "A", "Opening": "Ouverture"})
    entry = marked.entry("1")
    assert entry is not None and entry.untranslated == ("cause",)
    assert marked.declaration == catalogue.declaration
