"""The MkDocs plugin: loads the catalogue once per build and hands it to the Markdown extension."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .extension import ErrorCatalogueExtension
from .loading import load_catalogue
from .model import Catalogue
from .problems import CatalogueError
from .rendering import Labels

log = get_plugin_logger(__name__)

STYLESHEET = "assets/error-catalogue/error-catalogue.css"
_STYLESHEET_SOURCE = Path(__file__).parent / "assets" / "error-catalogue.css"


class LabelsConfig(base.Config):
    """`labels:`: the column headings and notes, for translated sites."""

    code = c.Type(str, default=Labels.code)
    scenario = c.Type(str, default=Labels.scenario)
    message = c.Type(str, default=Labels.message)
    user_actions = c.Type(str, default=Labels.user_actions)
    developer_actions = c.Type(str, default=Labels.developer_actions)
    obsolete = c.Type(str, default=Labels.obsolete)
    since = c.Type(str, default=Labels.since)
    replaced_by = c.Type(str, default=Labels.replaced_by)
    no_code = c.Type(str, default=Labels.no_code)
    no_actions = c.Type(str, default=Labels.no_actions)


class ErrorCatalogueConfig(base.Config):
    """The plugin's options in `mkdocs.yml`."""

    catalogue = c.Type(str, default="catalogue")
    labels = c.SubConfig(LabelsConfig)
    stylesheet = c.Type(bool, default=True)


class ErrorCataloguePlugin(BasePlugin[ErrorCatalogueConfig]):
    """Renders the error catalogue into every page that holds a marker."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.folder = Path()
        self.extension = ErrorCatalogueExtension()
        self.extension.warn = self._warn_on_page
        self._page = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        site_root = Path(config.config_file_path or ".").parent
        self.folder = site_root / self.config.catalogue
        try:
            self.catalogue = load_catalogue(self.folder)
        except CatalogueError as error:
            raise PluginError(str(error)) from None
        self.extension.setConfigs({"catalogue": self.catalogue, "labels": self._labels()})
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        if self.config.stylesheet:
            config.extra_css.append(STYLESHEET)
        return config

    def _labels(self) -> dict[str, str]:
        names = [field.name for field in dataclasses.fields(Labels)]
        return {name: self.config.labels[name] for name in names}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.stylesheet:
            files.append(File.generated(config, STYLESHEET, abs_src_path=str(_STYLESHEET_SOURCE)))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        self._page = page.file.src_uri
        self.extension.line_offset = _front_matter_lines(page.file.content_string, markdown)
        return markdown

    def _warn_on_page(self, message: str) -> None:
        log.warning(f"Doc file '{self._page}', {message}")

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # The catalogue usually lives beside docs/, which serve does not watch by itself.
        server.watch(str(self.folder))
        return server


def _front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of `source` precede `markdown` (0 when another plugin rewrote it)."""
    if not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")
