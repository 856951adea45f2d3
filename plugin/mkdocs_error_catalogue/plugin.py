"""The MkDocs plugin: loads the catalogue, renders it through the Markdown extension, and owns
the artefacts built from it (stylesheet, deep-link pages, JSON export, search entries)."""

from __future__ import annotations

import contextlib
import functools
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from .autorefs import register_entries
from .exporting import export_chunks
from .extension import EXTENSION_NAMES, ErrorCatalogueExtension
from .inline import refused_link_problems
from .languages import (
    language_folder,
    listed_before_i18n,
    search_entries_to_rebuild,
    site_language,
)
from .loading import FileCache, is_catalogue_source, load_catalogue
from .locking import lock_path
from .model import Catalogue
from .outputs import Output, SiteOutputs, site_outputs
from .page_html import put_tables_back, tables_of, without_tables
from .problems import CatalogueError, Problem, display_path
from .rendering import LABEL_NAMES
from .search import add_entries_to_index
from .site import (
    ASSETS,
    DEFAULT_DEEP_LINKS,
    DEFAULT_EXPORT,
    NOT_FOUND_PAGE,
    SCRIPT,
    STYLESHEET,
    CatalogueSite,
    site_path_option,
    with_not_found,
)
from .translating import TRANSLATIONS_FOLDER, translate_by, translation_path
from .watching import FolderWatch
from .writing import (
    FileWriter,
    Refresh,
    discard_set_aside,
    name_below,
    put_back,
    set_aside,
)

log = get_plugin_logger(__name__)

# Where a link goes to an entry that no page was known to show when the link was made: a
# marker may come from an include or another plugin, seen only once its page is rendered.
_PENDING = "#error-catalogue-pending-"
_PENDING_LINK = re.compile(rf"{_PENDING}(?P<anchor>[A-Za-z0-9._-]+)")
_KEPT = "the site keeps the last good catalogue until these problems are fixed"
_UNTRANSLATED = "the site shows the texts untranslated until this is fixed"


class LabelsConfig(base.Config):
    """`labels:`: the column headings, notes, filter and "not found" texts. Unset
    ones are those of the site's language (see `translations`), else English."""

    code = c.Optional(c.Type(str))
    scenario = c.Optional(c.Type(str))
    message = c.Optional(c.Type(str))
    user_actions = c.Optional(c.Type(str))
    developer_actions = c.Optional(c.Type(str))
    obsolete = c.Optional(c.Type(str))
    since = c.Optional(c.Type(str))
    replaced_by = c.Optional(c.Type(str))
    no_code = c.Optional(c.Type(str))
    no_actions = c.Optional(c.Type(str))
    permalink = c.Optional(c.Type(str))
    filter = c.Optional(c.Type(str))
    filter_placeholder = c.Optional(c.Type(str))
    filter_count = c.Optional(c.Type(str))
    filter_none = c.Optional(c.Type(str))
    not_found = c.Optional(c.Type(str))
    not_found_link = c.Optional(c.Type(str))


class ErrorCatalogueConfig(base.Config):
    """The plugin's options in `mkdocs.yml`."""

    catalogue = c.Type(str, default="catalogue")
    labels = c.SubConfig(LabelsConfig)
    stylesheet = c.Type(bool, default=True)
    script = c.Type(bool, default=True)
    # A path inside the site, or `false`; `c.Type` cannot spell a union for mypy.
    deep_links: c.Type[str | bool] = c.Type((str, bool), default=DEFAULT_DEEP_LINKS)
    export: c.Type[str | bool] = c.Type((str, bool), default=DEFAULT_EXPORT)


class ErrorCataloguePlugin(BasePlugin[ErrorCatalogueConfig]):
    """Renders the error catalogue into every page that holds a marker."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.site: CatalogueSite | None = None
        self.folder = Path()
        self.deep_links: str | None = None
        self.export: str | None = None
        self.extension = ErrorCatalogueExtension()
        self._writer = FileWriter()
        self._page: Page | None = None
        self.serving = False
        self.dirty = False
        self._old_deep_links: Path | None = None  # set aside from `_deep_link_folder`
        self._deep_link_folder = Path()
        self._fragment_links: list[tuple[str, str]] = []  # (page, link) to check in on_env
        self._pending_pages: dict[str, Page] = {}  # with links that on_env completes
        # While serving, a broken edit keeps this (the last catalogue that loaded) on screen.
        self.last_good: Catalogue | None = None
        self._stale: str | None = None  # said above the tables: why `last_good`, or lock changes
        self._files = FileCache()  # kept across the rebuilds of `serve`
        # The page's content while search reads it without tables, and what search reads.
        self._whole_content: str | None = None
        self._searched_content: str | None = None
        # What the "not found" page needs, by deep-link path: one per language built.
        self._not_found: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        site_root = Path(config.config_file_path or ".").parent
        self.folder = site_root / self.config.catalogue
        deep_links = site_path_option(self.config.deep_links, DEFAULT_DEEP_LINKS, "deep_links")
        export = site_path_option(self.config.export, DEFAULT_EXPORT, "export")
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
        self._fragment_links = []
        self._pending_pages = {}
        self.extension = ErrorCatalogueExtension(
            catalogue=self.catalogue, labels=self._labels(), language=built_language
        )
        self.extension.stale_problems = self._stale
        self.extension.managed = True
        self.extension.warn = self._warn_on_page
        self.extension.link_to = self._link_from_page
        self.extension.doc_link = self._doc_link_from_page
        _take_over_listed_extension(config)
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
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
        # Before MkDocs empties the site folder: our old deep links go in one move.
        self._old_deep_links = None
        if self.deep_links:
            self._deep_link_folder = Path(config.site_dir) / self.deep_links
            if self.dirty:
                discard_set_aside(self._deep_link_folder)  # a killed build's
            else:
                self._old_deep_links = set_aside(self._deep_link_folder)

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
        return self.last_good

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
        """`load_catalogue`, any file system error it meets a problem like the others: one
        would otherwise stop `serve` rebuilding, with every page request waiting for it."""
        try:
            return load_catalogue(self.folder, self._files, lock_differences)
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
        """`catalogue` with the texts that the PO file of the site's language translates."""
        path = translation_path(self.folder, language)
        if path is None:
            return catalogue
        try:
            translated, missing = translate_by(path, catalogue, log.warning)
        except CatalogueError as error:
            if not self.serving:
                raise PluginError(str(error)) from None
            self._say_while_serving(error, _UNTRANSLATED)
            return catalogue
        if missing:
            log.info(
                f"{display_path(path)}: {missing} of the catalogue's texts have no translation "
                "and show as the catalogue has them (`error-catalogue translations` prints the "
                "template to translate)"
            )
        return translated

    def _labels(self) -> dict[str, str]:
        """The labels the site sets."""
        given = ((name, self.config.labels[name]) for name in LABEL_NAMES)
        return {name: value for name, value in given if value is not None}

    # Last: the files other plugins generate are then known too, both to refuse a clash with a
    # deep link and to be left alone by the deep-link writer.
    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._refuse_clashes(files, config)
        self._exclude_catalogue_files(files, Path(config.docs_dir))
        for path, source in self._assets():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        assert self.catalogue is not None  # on_config loaded it or stopped the build
        self.site = CatalogueSite(
            self.catalogue, files, site_url=config.site_url, deep_links=self.deep_links
        )
        # Ten thousand small files take many file systems a while: written meanwhile.
        self._write_deep_links(Path(config.site_dir), files)
        return files

    def _exclude_catalogue_files(self, files: Files, docs_dir: Path) -> None:
        """A catalogue kept in the docs folder is the site's source, not a download: its
        category files, field declaration, translations and lock are left out of the site."""
        docs, folder, lock = docs_dir.resolve(), self.folder.resolve(), lock_path(self.folder)
        if not folder.is_relative_to(docs):
            return
        inside = "" if folder == docs else folder.relative_to(docs).as_posix()
        translations = posixpath.join(inside, TRANSLATIONS_FOLDER)
        lock_uri = lock.relative_to(docs).as_posix() if lock.is_relative_to(docs) else None
        for file in files:
            parent, _, name = file.src_uri.rpartition("/")
            if (
                (parent == inside and is_catalogue_source(name))
                or (parent == translations and name.endswith((".po", ".pot")))
                or file.src_uri == lock_uri
            ):
                file.inclusion = InclusionLevel.EXCLUDED

    def _write_deep_links(self, site_dir: Path, files: Files) -> None:
        """Start writing the deep links. The last build's are put back first (they were set
        aside while MkDocs emptied the site), so that only the pages that changed are written
        and those of removed codes deleted: most builds change a few pages, if any."""
        assert self.site is not None
        refresh = None
        if self.deep_links:
            folder = site_dir / self.deep_links
            self._put_deep_links_back()
            if folder.is_dir():
                refresh = Refresh(self.deep_links, self._others_below(self.deep_links, files))
        self._writer.start(site_dir, self.site.deep_link_pages(), refresh)

    def _others_below(self, prefix: str, files: Files) -> frozenset[str]:
        """The names directly below `prefix` that the site's files (pages at `errors/…`) and
        the export take: the deep-link writer must leave them alone."""
        paths = [file.dest_uri for file in files] + ([self.export] if self.export else [])
        names = (name_below(prefix, path) for path in paths)
        return frozenset(name for name in names if name is not None)

    def _refuse_clashes(self, files: Files, config: MkDocsConfig) -> None:
        """Our files must not replace a file of the site, nor one another (see `outputs`).

        A page at the deep-link prefix itself (`errors.md` -> `errors/`) is welcome: the
        reference can live at `/errors/` with its codes at `/errors/1004/`.
        """
        outputs = SiteOutputs(site_outputs(files, config))
        for ours in self._outputs():
            outputs.claim(ours)

    def _outputs(self) -> Iterator[Output]:
        """The files the plugin writes into the site: the export last, so that a clash with
        the deep links is said to be the export's."""
        assert self.catalogue is not None
        for path, _ in self._assets():
            option = "stylesheet" if path == STYLESHEET else "script"
            advice = f"set the `{option}` option to `false` and add your own"
            yield Output(path, f"the plugin's {option} '{path}'", option=option, advice=advice)
        if self.deep_links:
            advice = "set the `deep_links` option to another path, or to `false`"
            for entry in self.catalogue.entries():
                path = f"{self.deep_links}/{entry.anchor}/index.html"
                name = f"the deep-link page '{path}'"
                yield Output(path, name, option="deep_links", advice=advice)
        if self.export:
            advice = "set the `export` option to another file name, or to `false`"
            name = f"the JSON export '{self.export}'"
            yield Output(self.export, name, option="export", advice=advice)

    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        self._page = page
        self.extension.rendered_categories.clear()
        self.extension.reported_markers.clear()
        self.extension.held_tables = {}  # until on_page_content puts them in the page
        self.extension.line_offset = _front_matter_lines(page.file.content_string, markdown)
        return markdown

    def _link_from_page(self, anchor: str) -> str:
        if self.site is None or self._page is None:
            return f"#{anchor}"
        link = self.site.link_from(self._page.file.url, anchor)
        if link is None:  # perhaps on a page not rendered yet: see `_complete_links`
            self._pending_pages[self._page.file.src_uri] = self._page
            return f"{_PENDING}{anchor}"
        return link

    def _complete_links(self) -> None:
        """Point the links made before their entry's page was known (see `_PENDING`)."""
        for page in self._pending_pages.values():
            if page.content is not None:
                final_link = functools.partial(self._final_link, page)
                page.content = _PENDING_LINK.sub(final_link, page.content)

    def _final_link(self, page: Page, pending: re.Match[str]) -> str:
        assert self.site is not None
        anchor = pending.group("anchor")
        link = self.site.link_from(page.file.url, anchor)
        if link is None:
            self._warn_on_page(
                f"links to error `{anchor}`, which no page shows: add a marker for its "
                "category to a page",
                page,
            )
            return f"#{anchor}"
        return link

    def _doc_link_from_page(self, href: str) -> str | None:
        if self.site is None or self._page is None:
            return None
        link = self.site.doc_link_from(self._page.file.url, href)
        if link is not None and "#" in href:
            self._fragment_links.append((self._page.file.src_uri, href))
        return link

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page is rendered: links to entries can all be completed, and links in
        catalogue text, placed as HTML, which MkDocs does not check, checked as MkDocs checks
        its own. Runs before autorefs resolves its references (see `autorefs`)."""
        assert self.site is not None
        self._complete_links()
        register_entries(config, self.site)
        if not self.dirty:  # a dirty build renders only the pages that changed
            self._warn_of_unshown_claims()
        for source, href in self._fragment_links:
            file, fragment = self.site.doc_file(href)
            anchors = file.page.present_anchor_ids if file and file.page else None
            if file and anchors is not None and fragment not in anchors:
                log.log(
                    config.validation.links.anchors,
                    f"Doc file '{source}' shows catalogue text that links to '{href}', but the "
                    f"doc '{file.src_uri}' does not contain an anchor '#{fragment}'",
                )
        return env

    def _warn_of_unshown_claims(self) -> None:
        assert self.site is not None
        for source, categories in self.site.claimed_not_shown().items():
            kind = "error category" if len(categories) == 1 else "error categories"
            names = ", ".join(f"`{category}`" for category in categories)
            log.warning(
                f"Doc file '{source}' has a marker for the {kind} {names} that it "
                "does not show once rendered (inside an indented code block?), yet links, deep "
                "links, search and the export lead to it: show markers as examples in fenced "
                "code blocks (```)"
            )

    @event_priority(100)  # first, so that other plugins see the tables
    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        # The tables were held out of Markdown's last steps (see the extension).
        if self.extension.held_tables:
            html = put_tables_back(html, self.extension.held_tables)
        self.extension.held_tables = None
        # They were placed as HTML, which MkDocs does not read for ids: tell it which anchors
        # the page has, so that links to `page.md#1004` are checked like any other.
        rendered = self.extension.rendered_categories
        assert self.site is not None  # on_files made it
        for category in rendered:
            self.site.shown_on(category.id, page.file)
        self.site.reported_on(page.file, (m.category for m in self.extension.reported_markers))
        if page.present_anchor_ids is not None:
            anchors = [key for c in rendered for e in c.entries for key in e.keys]
            self._warn_of_taken_anchors(page, page.present_anchor_ids, anchors)
            page.present_anchor_ids.update(anchors)
        return html

    def _warn_of_taken_anchors(self, page: Page, taken: set[str], anchors: list[str]) -> None:
        """A row whose id the page gives something else too (a heading `## 1004`): the
        browser, links and search would land on whichever comes first."""
        headings = {link.id: link.title for link in _toc_links(page.toc)}
        for anchor in (anchor for anchor in anchors if anchor in taken):
            title = headings.get(anchor)
            what = "an element" if title is None else f"the heading '{title}'"
            self._warn_on_page(
                f"gives {what} the id `{anchor}`, which the row of error `{anchor}` on this page "
                f"has too: links to `#{anchor}` land on whichever comes first; give it another "
                f"id (`## {title or anchor} {{#about-{anchor}}}` with the `attr_list` extension) "
                "or other words",
                page,
            )

    def _warn_on_page(self, message: str, page: Page | None = None) -> None:
        page = page or self._page
        source = page.file.src_uri if page else "?"
        log.warning(f"Doc file '{source}' {message}")

    @event_priority(100)  # before the search plugin reads the page
    def _set_tables_aside(self, /, context: Any, *, page: Page, **kwargs: Any) -> Any:
        self._whole_content = page.content
        if page.content is not None:
            page.content = self._searched_content = without_tables(page.content)
        return context

    @event_priority(-100)  # after every other plugin, before the theme renders the page
    def _put_tables_back(self, /, context: Any, *, page: Page, **kwargs: Any) -> Any:
        whole, searched = self._whole_content, self._searched_content
        self._whole_content = self._searched_content = None
        if whole is not None and page.content is not None:
            # The page as it was (no copy of a page that may be megabytes), unless a plugin
            # changed it meanwhile: then its tables go back into the changed page.
            unchanged = page.content is searched
            page.content = whole if unchanged else put_tables_back(page.content, tables_of(whole))
        return context

    # Search indexes each entry on its own (see `search`), not the tables again as page text.
    on_page_context = CombinedEvent(_set_tables_aside, _put_tables_back)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # A deep link to a code the catalogue does not have lands on the site's 404 page.
        if template_name != NOT_FOUND_PAGE or self.site is None:
            return output_content
        block = self.site.not_found_html(self.extension.labels)
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
            export = site_dir / self.export
            export.parent.mkdir(parents=True, exist_ok=True)
            with export.open("w", encoding="utf-8") as file:
                file.writelines(export_chunks(self.catalogue, self.site))
        add_entries_to_index(
            site_dir,
            self.site,
            self.extension.renderer.labels.obsolete,
            search_entries_to_rebuild(config),
        )
        try:
            self._writer.wait()
            if self.site.found_late and self.deep_links:
                self._writer.start(site_dir, self.site.deep_link_pages(self.site.found_late))
                self._writer.wait()
        except OSError as error:
            raise PluginError(f"error-catalogue: could not write the deep links: {error}") from None
        for category in self.catalogue.categories:
            if category.id not in self.site.pages:
                log.info(
                    f"category '{category.id}' is not shown on any page: its codes have no "
                    "anchor, deep link or URL"
                )

    def _put_deep_links_back(self) -> None:
        """Return the last build's deep links, if they are still set aside."""
        if self._old_deep_links is not None:
            put_back(self._old_deep_links, self._deep_link_folder)
            self._old_deep_links = None

    def on_build_error(self, *, error: Exception) -> None:
        with contextlib.suppress(OSError):  # the build's own error is the one to report
            self._writer.wait()  # no writing left behind a failed build
            # Nothing left beside the site, and the next build can still reuse them.
            self._put_deep_links_back()

    def on_shutdown(self) -> None:
        # After `build`, `gh-deploy` and `serve`, even when interrupted (Ctrl+C): no writing
        # left running, no batch of files, nothing set aside beside the site.
        self._writer.stop()
        self._put_deep_links_back()

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


def _toc_links(links: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    """Every heading of a page's table of contents, nested ones included."""
    for link in links:
        yield link
        yield from _toc_links(link.children)


def _front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of `source` precede `markdown` (0 when another plugin rewrote it)."""
    if not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")
