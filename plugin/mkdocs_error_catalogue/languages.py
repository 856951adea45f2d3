"""Multilingual sites made with mkdocs-static-i18n (`plugins: [i18n]`).

That plugin builds the site once per language, into the same site folder: the default
language at the root, each other one below its own folder (`fr/`), with the same plugin
objects and the same configuration object. Each language gets its own deep links and JSON
export, in its folder, pointing at its own pages: `/errors/1004/` opens the default language's
row and `/fr/errors/1004/` the French one. The search index is rebuilt by mkdocs-static-i18n
from every language's search entries once the last language is built: the catalogue's entries
must be among them. The commands, which read `mkdocs.yml` without running its plugins, see the
default language's pages (or those of the language `--language` names) where that plugin
would put them.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import File, Files

from .locales import language_tags, normal_tag, theme_language

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
    return theme_language(config.theme)


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


def language_pages(
    files: Files, i18n_options: dict[str, Any], config: MkDocsConfig, language: str | None = None
) -> tuple[Files, str]:
    """The pages of `language` (one of the site's locales, `fr-FR` finding `fr`; else the
    default language) where mkdocs-static-i18n puts them, and that language's folder ("" or
    "fr/"), for commands that read `mkdocs.yml` without running its plugins.

    `link-errors.fr.md` (or `fr/link-errors.md` with `docs_structure: folder`) is the French
    page `fr/link-errors/`; `link-errors.md` and `link-errors.en.md` (or `en/link-errors.md`)
    the default language's `link-errors/`, and the French one too where French has no page of
    its own (`fallback_to_default`, on by default). `errors.v2.md` (or `v2/errors.md`) names
    no language: it is the default language's `errors.v2/` (`v2/errors/`). `errors.de.md`,
    with `de` not among the site's languages, is in no language's build."""
    languages = [
        entry
        for entry in i18n_options.get("languages") or []
        if isinstance(entry, dict) and isinstance(entry.get("locale"), str)
    ]
    if not languages:
        return files, ""
    locales = [entry["locale"] for entry in languages]
    default = next((entry["locale"] for entry in languages if entry.get("default")), locales[0])
    wanted = _locale_of(language, locales) or default
    folder = "" if wanted == default else f"{wanted}/"
    by_folder = i18n_options.get("docs_structure") == "folder"
    own: dict[str, File] = {}
    fallback: dict[str, File] = {}
    for file in files.documentation_pages():
        locale, src_uri = _language_of(file.src_uri, by_folder, locales)
        if (locale or default) == wanted:
            own[src_uri] = file
        elif (locale or default) == default:
            fallback.setdefault(src_uri, file)
    if folder and i18n_options.get("fallback_to_default", True) is False:
        fallback = {}
    pages = fallback | own
    return Files(
        [_moved(file, folder + src_uri, config) for src_uri, file in pages.items()]
    ), folder


def _locale_of(language: str | None, locales: list[str]) -> str | None:
    """The site's locale that `language` names (`fr-FR` -> `fr`), if any."""
    by_tag = {normal_tag(locale): locale for locale in locales}
    tags = language_tags(language) if language else ()
    return next((by_tag[tag] for tag in tags if tag in by_tag), None)


def _moved(file: File, src_uri: str, config: MkDocsConfig) -> File:
    """`file` as if it were at `src_uri`, where it is built, still read where it is."""
    moved = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    moved.abs_src_path = file.abs_src_path
    return moved


def _language_of(src_uri: str, by_folder: bool, locales: list[str]) -> tuple[str | None, str]:
    """The language a page names (its first folder, or the last dotted part of its name) and
    its path without it; (None, `src_uri`) when that part names no language.

    mkdocs-static-i18n's own rule (`suffix.create_i18n_file`, `folder.create_i18n_file`): the
    part is a language when it is one of the site's locales or is written as one
    (`RE_LOCALE`: `fr`, `pt-BR`, `pt_BR`, `zh-Hant-TW`), so `errors.v2.md` stays `errors.v2`."""
    path = PurePosixPath(src_uri)
    if by_folder:
        if len(path.parts) > 1 and _is_locale(path.parts[0], locales):
            return path.parts[0], str(path.relative_to(path.parts[0]))
        return None, src_uri
    locale = PurePosixPath(path.stem).suffix[1:]
    if locale and _is_locale(locale, locales):
        return locale, str(path.with_name(PurePosixPath(path.stem).stem + path.suffix))
    return None, src_uri


def _is_locale(name: str, locales: list[str]) -> bool:
    """Whether mkdocs-static-i18n takes `name` for a language (imported only for sites that
    list it, which cannot build without it)."""
    try:
        from mkdocs_static_i18n.config import RE_LOCALE  # type: ignore[import-untyped]
    except ImportError as error:
        raise ConfigurationError(
            f"`{I18N_PLUGIN}` is listed in `plugins:` but mkdocs-static-i18n is not installed: "
            "install it (`pip install mkdocs-static-i18n`), as the site's build needs it too"
        ) from error
    return name in locales or RE_LOCALE.match(name) is not None
