"""Reading a site's `mkdocs.yml` for the commands (`lookup`, `export`, `site-files`, `check`),
without building the site: its files, the plugin's options and the extension's labels."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import Files, get_files
from mkdocs.utils.yaml import yaml_load

from .languages import I18N_PLUGIN, language_pages
from .locales import theme_language
from .model import Catalogue
from .options import EXTENSION_NAMES, ErrorCatalogueConfig
from .rendering import Labels
from .site import CatalogueSite
from .standalone import site_labels


@dataclass(frozen=True)
class SiteSettings:
    """What the commands need of a `mkdocs.yml`, read without loading its theme or plugins
    (so that a site built by Zensical, without Material installed, still works)."""

    config: MkDocsConfig
    catalogue: Path | None  # the plugin's `catalogue` option; None when it is not listed
    deep_links: str | None
    export: str | None
    i18n: dict[str, Any] | None  # mkdocs-static-i18n's options, when it is listed


@functools.cache
def site_settings(config_file: Path) -> SiteSettings:
    raw = _raw_config(config_file)
    keys = ("docs_dir", "site_url", "use_directory_urls", "exclude_docs", "not_in_nav")
    config = _files_config({key: raw[key] for key in keys if key in raw}, config_file)
    catalogue = catalogue_option(config_file)
    options = _plugin_config(_plugin_options(raw.get("plugins"), "error-catalogue") or {})
    return SiteSettings(
        config,
        catalogue,
        options.deep_links,
        options.export,
        _plugin_options(raw.get("plugins"), I18N_PLUGIN),
    )


def _plugin_config(options: dict[str, Any]) -> ErrorCatalogueConfig:
    """The plugin's options validated as MkDocs validates them, a mistake said in its words."""
    config = ErrorCatalogueConfig()
    config.load_dict(options)
    errors, _ = config.validate()
    if errors:
        raise ConfigurationError(
            "; ".join(f"Plugin 'error-catalogue' option '{key}': {error}" for key, error in errors)
        )
    return config


def docs_files(docs_dir: Path) -> Files:
    """The files MkDocs finds in `docs_dir`, in its order and with its default exclusions
    (dot files, `templates/`): the pages of a site that another generator builds."""
    return get_files(_files_config({"docs_dir": str(docs_dir)}))


def _files_config(settings: dict[str, Any], config_file: Path | None = None) -> MkDocsConfig:
    """MkDocs' configuration of `settings` (read relative to `config_file`, else to the
    working folder), validated, without theme or plugins: enough to find the site's files."""
    config = MkDocsConfig(config_file_path=str(config_file) if config_file else None)
    config.load_dict({"site_name": "site"} | settings)
    errors, _ = config.validate()
    if errors:
        raise ConfigurationError("; ".join(f"{key}: {error}" for key, error in errors))
    return config


def extension_labels(config_file: Path, language: str | None = None) -> Labels:
    """The texts that the extension listed in `config_file` writes, as it would under Zensical
    (else the plugin's `labels`): its `labels` over those of `language`, else of its own
    `language`, else of the theme's."""
    options = _labels_options(config_file, language)
    try:
        return site_labels(options["language"] or None, options["labels"])
    except ValueError as error:  # labels it refuses, as the build would have said
        raise ConfigurationError(str(error)) from None


def pages_language(config_file: Path, language: str | None = None) -> str | None:
    """The language of the pages `config_file` builds: `language` when given, else that of
    the extension's options, else the theme's."""
    return _labels_options(config_file, language)["language"] or None


def _labels_options(config_file: Path, language: str | None) -> dict[str, Any]:
    raw = _raw_config(config_file)
    listed = (_plugin_options(raw.get("markdown_extensions"), name) for name in EXTENSION_NAMES)
    options = next((found for found in listed if found is not None), None)
    if options is None:
        options = _plugin_options(raw.get("plugins"), "error-catalogue") or {}
    language = language or options.get("language") or theme_language(raw.get("theme"))
    return {"labels": options.get("labels") or {}, "language": str(language or "")}


def catalogue_option(config_file: Path) -> Path | None:
    """The catalogue folder that the plugin's options in `config_file` name (None: the plugin
    is not listed), read without checking the rest of the file, which `check` and `lock` do
    not need (a site whose `docs/` is not there yet, say)."""
    options = _plugin_options(_raw_config(config_file).get("plugins"), "error-catalogue")
    if options is None:
        return None
    folder = options.get("catalogue", "catalogue")
    if not isinstance(folder, str):
        raise ConfigurationError(
            f"`catalogue: {folder}` in the options of `error-catalogue` must be a folder path"
        )
    return config_file.parent / folder


@functools.cache
def _raw_config(config_file: Path) -> dict[str, Any]:
    """`config_file` as written (read by MkDocs' loader: `!ENV`, `INHERIT`), not validated."""
    try:
        with config_file.open("rb") as source:
            raw = yaml_load(source)
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"cannot read it: {error}") from None
    if not isinstance(raw, dict):
        raise ConfigurationError("it must be a mapping of settings, such as `site_name: Docs`")
    return raw


def _plugin_options(plugins: Any, plugin: str) -> dict[str, Any] | None:
    """The options of `plugin` in a `plugins:` list or mapping ({} for none), None if absent."""
    for name, options in _plugin_entries(plugins):
        if name != plugin:
            continue
        if not isinstance(options, dict | None):
            raise ConfigurationError(f"the options of `{plugin}` must be a mapping of `key: value`")
        return dict(options or {})
    return None


def _plugin_entries(plugins: Any) -> Iterator[tuple[Any, Any]]:
    """(name, options) of each plugin a `plugins:` list or mapping lists."""
    if isinstance(plugins, dict):
        yield from plugins.items()
    elif isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, dict):
                yield from item.items()
            else:
                yield item, {}


def site_from_config(
    config_file: Path,
    catalogue: Catalogue,
    site_url: str | None = None,
    built: Path | None = None,
    language: str | None = None,
) -> CatalogueSite:
    """The site `config_file` (a `mkdocs.yml`) describes, without building it; with `built`,
    the folder some generator built it into, whose pages show where each category is. On a
    site that mkdocs-static-i18n builds per language, the pages of `language` (else of the
    default language), with that language's deep links."""
    settings = site_settings(config_file)
    files, folder = get_files(settings.config), ""
    if settings.i18n is not None:
        files, folder = language_pages(files, settings.i18n, settings.config, language)
    return CatalogueSite(
        catalogue,
        files,
        site_url=site_url or settings.config.site_url,
        deep_links=settings.deep_links and folder + settings.deep_links,
        built=built,
        labels=extension_labels(config_file, language),
        language=pages_language(config_file, language),
    )
