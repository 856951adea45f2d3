"""The MkDocs plugin: loads the catalogue, renders it through the Markdown extension, and owns
the artefacts built from it (stylesheet, deep-link pages, JSON export, search entries)."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .autorefs import register_entries
from .exporting import write_export
from .extension import ErrorCatalogueExtension
from .inline import refused_link_problems
from .languages import (
    language_folder,
    listed_before_i18n,
    search_entries_to_rebuild,
    site_language,
)
from .loading import (
    LIBYAML,
    SLOW_WITHOUT_LIBYAML,
    WITHOUT_LIBYAML,
    CatalogueCache,
    catalogue_bytes,
    catalogue_sources,
)
from .locking import lock_path
from .mkdocs_host import MkDocsHost
from .model import Catalogue
from .options import EXTENSION_NAMES, ErrorCatalogueConfig
from .outputs import SiteOutputs, plugin_outputs, site_outputs
from .problems import CatalogueError, Problem, display_path
from .rendering import Labels
from .search import SearchTables, add_entries_to_index
from .site import (
    ASSETS,
    NOT_FOUND_PAGE,
    SCRIPT,
    STYLESHEET,
    CatalogueSite,
    with_not_found,
)
from .standalone import site_labels
from .translating import (
    status_summary,
    translate_by,
    translation_path,
    translation_status,
)
from .translations import untranslated_language
from .watching import FolderWatch
from .writing import DeepLinkFolder

log = get_plugin_logger(__name__)

_KEPT = "the site keeps the last good catalogue until these problems are fixed"
_UNTRANSLATED = "the site shows the texts untranslated until this is fixed"


class ErrorCataloguePlugin(BasePlugin[ErrorCatalogueConfig]):
    """Renders the error catalogue into every page that holds a marker."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.site: CatalogueSite | None = None
        self.folder = Path()
        self.deep_links: str | None = None
        self.export: str | None = None
        self.labels = Labels()
        self.language: str | None = None  # of the pages being built
        self.host: MkDocsHost | None = None  # the extension's, made by on_config
        self.deep_link_folder = DeepLinkFolder()  # kept across the rebuilds of `serve`
        self.serving = False
        self.dirty = False
        # While serving, a broken edit keeps this (the last catalogue that loaded) on screen.
        self.last_good: Catalogue | None = None
        self._stale: str | None = None  # said above the tables: why `last_good`, or lock changes
        self._catalogues = CatalogueCache()  # kept across the rebuilds of `serve`
        self.search_tables = SearchTables()
        # What the "not found" page needs, by deep-link path: one per language built.
        self._not_found: dict[str, str] = {}
        # The languages without built-in labels that the log has named (once per language).
        self._languages_said: set[str | None] = set()
        self._libyaml_said = False  # that PyYAML reads without libyaml (once per process)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        site_root = Path(config.config_file_path or ".").parent
        self.folder = site_root / self.config.catalogue
        deep_links, export = self.config.deep_links, self.config.export
        language = language_folder(config)  # each language its own (see `languages`)
        if not language and listed_before_i18n(config, self):  # said once, not per language
            log.warning(
                "list `error-catalogue` after `i18n` in `plugins:`, so that it sees the pages "
                "of each language as mkdocs-static-i18n arranges them"
            )
        self.deep_links = deep_links and language + deep_links
        if not language:  # a site's build, or the first of mkdocs-static-i18n's languages
            self._not_found = {}
        self.export = export and language + export
        built_language = site_language(config)
        self.catalogue = self._translated(self._load(), built_language)
        self.language = built_language
        self.labels = site_labels(built_language, self._given_labels(built_language))
        self.host = MkDocsHost(
            self.catalogue,
            self.labels,
            language=self.language,
            serving=self.serving,
            stale=self._stale,
        )
        _take_over_listed_extension(config)
        config.markdown_extensions.append(ErrorCatalogueExtension(self.host))  # type: ignore[arg-type]
        # A site may list them already, for Zensical.
        if self.config.stylesheet and STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self.config.script and SCRIPT not in map(str, config.extra_javascript):
            config.extra_javascript.append(SCRIPT)
        return config

    def _assets(self) -> list[tuple[str, Path]]:
        """The stylesheet and the script, as far as the options want them."""
        wanted = {STYLESHEET: self.config.stylesheet, SCRIPT: self.config.script}
        return [(path, source) for path, source in ASSETS if wanted[path]]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this event also keeps one plugin object for all the rebuilds of `serve`.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        folder = Path(config.site_dir) / self.deep_links if self.deep_links else None
        self.deep_link_folder.set_aside(folder, dirty=self.dirty)

    def _load(self) -> Catalogue:
        """The catalogue; a broken one stops a build, but not a running `serve`."""
        self._stale = None
        differences: list[Problem] = []
        try:
            self.last_good = self._read_catalogue(differences)
            for problem in refused_link_problems(self.last_good):  # shown as text; --strict fails
                log.warning(str(problem))
        except CatalogueError as error:
            if not self.serving or self.last_good is None:
                raise PluginError(str(error)) from None
            self._say_while_serving(error, _KEPT)
        self._warn_lock_differences(differences)
        self._say_without_libyaml()
        return self.last_good

    def _say_without_libyaml(self) -> None:
        """Once: PyYAML reads without libyaml. A warning (so `--strict` fails) where that
        costs a second or more, information below: a small catalogue reads fast either way."""
        if LIBYAML or self._libyaml_said:
            return
        self._libyaml_said = True
        slow = catalogue_bytes(self.folder) >= SLOW_WITHOUT_LIBYAML
        log.log(logging.WARNING if slow else logging.INFO, WITHOUT_LIBYAML)

    def _warn_lock_differences(self, differences: list[Problem]) -> None:
        """Changes since the lock, for a person to review: warnings (`--strict` fails), and
        while serving above the tables too."""
        for difference in differences:
            log.warning(str(difference))
        if differences and self.serving:
            lines = "\n".join(f"  {difference}" for difference in differences)
            self._stale = (
                f"The error catalogue differs from {lock_path(self.folder).name}:\n{lines}"
            )

    def _read_catalogue(self, lock_differences: list[Problem]) -> Catalogue:
        """The catalogue (from the cache while unchanged), any file system error it meets a
        problem like the others: one would otherwise stop `serve` rebuilding, with every page
        request waiting for it."""
        try:
            return self._catalogues.load(self.folder, lock_differences)
        except OSError as error:
            where = Path(error.filename) if error.filename else self.folder
            message = f"cannot be read: {error.strerror or error}: check it and its permissions"
            raise CatalogueError([Problem(where, None, message)]) from None

    def _say_while_serving(self, error: CatalogueError, consequence: str) -> None:
        """What `serve` goes on despite: in the terminal, and above the tables of the pages."""
        self._stale = f"{error}\n{consequence}"
        for line in self._stale.splitlines():
            log.error(line)

    def _translated(self, catalogue: Catalogue, language: str | None) -> Catalogue:
        """`catalogue` with the texts that the PO file of the site's language translates, and
        the summary of what it lacks in the build's log."""
        path = translation_path(self.folder, language)
        if path is None:
            return catalogue
        try:
            translated, _ = translate_by(path, catalogue, log.warning)
            status = translation_status(path, catalogue)
        except CatalogueError as error:
            if not self.serving:
                raise PluginError(str(error)) from None
            self._say_while_serving(error, _UNTRANSLATED)
            return catalogue
        if status.pending:
            log.info(status_summary(status, language or path.stem))
        self._warn_of_translated_links(catalogue, translated, path)
        return translated

    def _warn_of_translated_links(
        self, catalogue: Catalogue, translated: Catalogue, path: Path
    ) -> None:
        """Links that only the translation has and that are shown as text: warnings, as the
        catalogue's own are (`_load`)."""
        own = set(map(str, refused_link_problems(catalogue)))
        for problem in refused_link_problems(translated):
            if str(problem) not in own:
                log.warning(f"{problem} (in its translation, {display_path(path)})")

    def _given_labels(self, language: str | None) -> dict[str, Any]:
        """The labels the site sets; for a language without built-in texts whose labels the
        site does not set either, said once (as information: English texts are a working
        site, and a warning would fail `--strict` builds that chose them)."""
        given = self.config.labels
        if language not in self._languages_said and untranslated_language(language, given):
            self._languages_said.add(language)
            log.info(
                f"no built-in texts for the language `{language}`: the column headings, badges, "
                f"filter and notes are in English; set them with `labels: {{{language}: {{code: "
                f"…}}}}` in the options of `error-catalogue`"
            )
        return given

    # Last: the files other plugins generate are then known too, both to refuse a clash with a
    # deep link and to be left alone by the deep-link writer.
    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._refuse_clashes(files, config)
        self._exclude_catalogue_files(files, Path(config.docs_dir))
        for path, source in self._assets():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        assert self.catalogue is not None and self.host is not None  # made by on_config
        self.site = self.host.site = CatalogueSite(
            self.catalogue,
            files,
            site_url=config.site_url,
            deep_links=self.deep_links,
            labels=self.labels,
            language=self.language,
        )
        # Ten thousand small files take many file systems a while: written meanwhile.
        taken = itertools.chain(
            (file.dest_uri for file in files), [self.export] if self.export else []
        )
        self.deep_link_folder.start(
            Path(config.site_dir), self.deep_links, self.site.deep_link_pages(), taken
        )
        return files

    def _exclude_catalogue_files(self, files: Files, docs_dir: Path) -> None:
        """A catalogue kept in the docs folder is the site's source, not a download: the
        files that make it up (`catalogue_sources`: categories, field declaration,
        translations, lock) are left out of the site."""
        docs, folder = docs_dir.resolve(), self.folder.resolve()
        if not folder.is_relative_to(docs):
            return
        sources = (
            folder / path.relative_to(self.folder) if path.is_relative_to(self.folder) else path
            for path in catalogue_sources(self.folder)
        )
        uris = {path.relative_to(docs).as_posix() for path in sources if path.is_relative_to(docs)}
        for file in files:
            if file.src_uri in uris:
                file.inclusion = InclusionLevel.EXCLUDED

    def _refuse_clashes(self, files: Files, config: MkDocsConfig) -> None:
        """Our files must not replace a file of the site, nor one another (see `outputs`).

        A page at the deep-link prefix itself (`errors.md` -> `errors/`) is welcome: the
        reference can live at `/errors/` with its codes at `/errors/1004/`.
        """
        assert self.catalogue is not None
        anchors = (entry.anchor for entry in self.catalogue.entries())
        assets = (path for path, _ in self._assets())
        ours = plugin_outputs(anchors, assets, self.deep_links, self.export)
        if (problem := SiteOutputs(site_outputs(files, config)).first_clash(ours)) is not None:
            raise PluginError(f"error-catalogue: {problem}")

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        assert self.host is not None
        self.host.page_started(page, markdown)
        return markdown

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is rendered. Runs before autorefs resolves its references (see
        `autorefs`)."""
        assert self.site is not None and self.host is not None
        self.host.all_pages_rendered(config, dirty=self.dirty)
        register_entries(config, self.site)
        return env

    @event_priority(100)  # first, so that other plugins see the tables
    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        assert self.host is not None
        return self.host.page_content(html, page)

    @event_priority(100)  # before the search plugin reads the page
    def _set_tables_aside(self, /, context: Any, *, page: Page, **kwargs: Any) -> Any:
        self.search_tables.set_aside(page)
        return context

    @event_priority(-100)  # after every other plugin, before the theme renders the page
    def _put_tables_back(self, /, context: Any, *, page: Page, **kwargs: Any) -> Any:
        self.search_tables.put_back(page)
        return context

    # Search indexes each entry on its own (see `search`), not the tables again as page text.
    on_page_context = CombinedEvent(_set_tables_aside, _put_tables_back)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # A deep link to a code the catalogue does not have lands on the site's 404 page.
        if template_name != NOT_FOUND_PAGE or self.site is None:
            return output_content
        block = self.site.not_found_html(self.labels)
        if block is not None:
            self._not_found[self.deep_links or ""] = block
        # mkdocs-static-i18n builds each language into the same 404.html, the last one
        # winning: it gets every language's deep links seen so far.
        return with_not_found(output_content, self._not_found.values())

    @event_priority(-50)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.catalogue is not None and self.site is not None
        site_dir = Path(config.site_dir)
        # The deep links may still be being written: the export and the search entries first.
        if self.export:
            # Here rather than with the deep links: the memory the pages took is free again.
            write_export(site_dir / self.export, self.catalogue, self.site)
        add_entries_to_index(
            site_dir,
            self.site,
            self.labels.obsolete,
            search_entries_to_rebuild(config),
        )
        late = self.site.found_late and self.deep_links
        try:
            self.deep_link_folder.finish(
                site_dir, self.site.deep_link_pages(self.site.found_late) if late else None
            )
        except OSError as error:
            raise PluginError(f"error-catalogue: could not write the deep links: {error}") from None
        for category in self.catalogue.categories:
            if category.id not in self.site.pages:
                log.info(
                    f"category '{category.id}' is not shown on any page: its codes have no "
                    "anchor, deep link or URL"
                )

    def on_build_error(self, *, error: Exception) -> None:
        self.deep_link_folder.abandon()

    def on_shutdown(self) -> None:
        # After `build`, `gh-deploy` and `serve`, even when interrupted (Ctrl+C).
        self.deep_link_folder.stop()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        # The catalogue usually lives beside docs/, which serve does not watch by itself.
        FolderWatch(server, self.folder)
        if lock_path(self.folder).is_file():
            server.watch(str(lock_path(self.folder)))
        return server


def _take_over_listed_extension(config: MkDocsConfig) -> None:
    """A site may list the extension too, for generators without plugins, and a configuration
    built again (mkdocs-static-i18n, once per language) holds the last build's instance: the
    plugin's own instance replaces them (two would register processors under the same names)."""
    for name in EXTENSION_NAMES:  # only a listed extension has options
        config.mdx_configs.pop(name, None)
    config.markdown_extensions[:] = [
        listed
        for listed in config.markdown_extensions
        if listed not in EXTENSION_NAMES and not isinstance(listed, ErrorCatalogueExtension)
    ]
