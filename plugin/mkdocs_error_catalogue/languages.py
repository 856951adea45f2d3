"""Multilingual sites made with mkdocs-static-i18n (`plugins: [i18n]`).

That plugin builds the site once per language, into the same site folder: the default
language at the root, each other one below its own folder (`fr/`), with the same plugin
objects and the same configuration object. Each language gets its own deep links and JSON
export, in its folder, pointing at its own pages: `/errors/1004/` opens the default language's
row and `/fr/errors/1004/` the French one. The search index is rebuilt by mkdocs-static-i18n
from every language's search entries once the last language is built: the catalogue's entries
must be among them. The commands, which read `mkdocs.yml` without running its plugins, see the
default language's pages where that plugin would put them.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

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


def site_language(config: MkDocsConfig) -> str | None:
    """The language being built: mkdocs-static-i18n's current one, else the theme's
    (Material's `language`, the `locale` of MkDocs' own themes, which is an object)."""
    language = getattr(config.plugins.get(I18N_PLUGIN), "current_language", None)
    if isinstance(language, str):
        return language
    theme_language = config.theme.get("language") or config.theme.get("locale")
    return str(theme_language) if theme_language else None


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


def default_language_pages(
    files: Files, i18n_options: dict[str, Any], config: MkDocsConfig
) -> Files:
    """The pages of the default language, where mkdocs-static-i18n puts them, for commands that
    read `mkdocs.yml` without running its plugins: `link-errors.fr.md` (or `fr/link-errors.md`
    with `docs_structure: folder`) is another language's page, and `link-errors.en.md` (or
    `en/link-errors.md`) is the default language's `link-errors/`."""
    languages = [
        language
        for language in i18n_options.get("languages") or []
        if isinstance(language, dict) and isinstance(language.get("locale"), str)
    ]
    if not languages:
        return files
    locales = {language["locale"] for language in languages}
    default = next((lang for lang in languages if lang.get("default")), languages[0])["locale"]
    by_folder = i18n_options.get("docs_structure") == "folder"
    pages = []
    for file in files.documentation_pages():
        locale, src_uri = _language_of(file.src_uri, by_folder)
        if locale == default:
            pages.append(_moved(file, src_uri, config))
        elif locale not in locales:
            pages.append(file)
    return Files(pages)


def _moved(file: File, src_uri: str, config: MkDocsConfig) -> File:
    """`file` as if it were at `src_uri`, where it is built, still read where it is."""
    moved = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    moved.abs_src_path = file.abs_src_path
    return moved


def _language_of(src_uri: str, by_folder: bool) -> tuple[str | None, str]:
    """The language a page names (its folder, or its suffix), and its path without it."""
    path = PurePosixPath(src_uri)
    if by_folder:
        return (
            (path.parts[0], str(path.relative_to(path.parts[0])))
            if len(path.parts) > 1
            else (None, src_uri)
        )
    stem, dot, locale = path.stem.rpartition(".")
    return (locale, str(path.with_name(stem + path.suffix))) if dot else (None, src_uri)
