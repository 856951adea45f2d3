"""Rules written once: the theme's language as the plugin and the extension read it."""

from __future__ import annotations

from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from mkdocs_error_catalogue.extension import ErrorCatalogueExtension

from .conftest import RenderingContext, new_site


def test_the_extension_alone_reads_the_locale_of_mkdocs_own_themes(tmp_path: Path) -> None:
    """Zensical's rendering context with `theme: {name: mkdocs, locale: fr}`: French texts, as
    the plugin shows them (its `theme_language` reads `language` or `locale`)."""
    site = new_site(tmp_path)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S, message: M}\n")
    extension = ErrorCatalogueExtension(catalogue=str(tmp_path / "catalogue"))
    md = markdown.Markdown(extensions=[extension])
    context = RenderingContext(md, "index.md", tmp_path / "docs")
    context.config["theme"] = {"name": "mkdocs", "locale": "fr"}
    md.preprocessors.register(context, "rendering_context", 0)
    page = BeautifulSoup(md.convert("<!-- error-catalogue a -->\n"), "html.parser")
    assert page.find("th").get_text() == "Code d'erreur"
