"""Multilingual sites made with mkdocs-static-i18n (`plugins: [i18n]`).

That plugin builds the site once per language, into the same site folder: the default
language at the root, each other one below its own folder (`fr/`), with the same plugin
objects and the same configuration object. Each language gets its own deep links and JSON
export, in its folder, pointing at its own pages: `/errors/1004/` opens the default language's
row and `/fr/errors/1004/` the French one. The search index is rebuilt by mkdocs-static-i18n
from every language's search entries once the last language is built: the catalogue's entries
must be among them.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

I18N_PLUGIN = "i18n"
SEARCH_PLUGINS = ("search", "material/search")


def language_folder(config: MkDocsConfig) -> str:
    """The folder of the language being built ("fr/"), or "" for the default language and for
    sites in one language."""
    i18n = config.plugins.get(I18N_PLUGIN)
    language = getattr(i18n, "current_language", None)
    if not isinstance(language, str) or language == getattr(i18n, "default_language", None):
        return ""
    return f"{language}/"


def listed_before_i18n(config: MkDocsConfig, plugin: object) -> bool:
    """True when `plugin` comes before mkdocs-static-i18n in `plugins:`: it would then see the
    files before that plugin arranges them for the language being built."""
    names = list(config.plugins)
    ours = next((name for name, listed in config.plugins.items() if listed is plugin), None)
    return (
        ours is not None and I18N_PLUGIN in names and names.index(ours) < names.index(I18N_PLUGIN)
    )


def search_entries_to_rebuild(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The search plugin's own list of entries, when mkdocs-static-i18n will rebuild the
    search index from them (None otherwise: the index written now is the final one)."""
    if config.plugins.get(I18N_PLUGIN) is None:
        return None
    for name in SEARCH_PLUGINS:
        index = getattr(config.plugins.get(name), "search_index", None)
        # The attribute names mkdocs-static-i18n reads (Material's, then MkDocs').
        entries = getattr(index, "entries", getattr(index, "_entries", None))
        if isinstance(entries, list):
            return entries
    return None
