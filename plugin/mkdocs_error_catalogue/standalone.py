"""The Markdown extension on its own, without the MkDocs plugin (Zensical, Python-Markdown).

Zensical runs `markdown_extensions` with a fresh extension per page and knows nothing of our
plugin. So the catalogue is loaded once and kept while its files do not change, and the page
being rendered, when the generator says which it is (Zensical's rendering context), lets
`error:` links reach entries on other pages: they become relative `.md` links, which the
generator turns into URLs like any other.
"""

from __future__ import annotations

import logging
import posixpath
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown

from .host import PageRecord
from .inline import refused_link_problems
from .loading import CatalogueCache, Signature, file_signature
from .locales import theme_language
from .model import Catalogue
from .page_html import with_recorded_problems
from .problems import Problem
from .rendering import Labels
from .translating import translate_by, translation_path
from .translations import check_labels, labels_for

_catalogues = CatalogueCache()
_pages: dict[Path, tuple[Signature | None, dict[str, str]]] = {}
# PO file -> (its signature, the catalogue it translated, the translated catalogue)
_translations: dict[Path, tuple[Signature | None, Catalogue, Catalogue]] = {}
log = logging.getLogger(__name__)


def cached_catalogue(folder: Path) -> Catalogue:
    """`load_catalogue(folder)`, loaded again only when one of its files changed."""
    return _catalogues.load(_resolved(folder))


def cached_lock_differences(folder: Path) -> list[Problem]:
    """What changed in the catalogue of `folder` since its lock (see `cached_catalogue`)."""
    differences: list[Problem] = []
    _catalogues.load(_resolved(folder), differences)
    return differences


def _resolved(folder: Path) -> Path:
    """`folder` with its links resolved; as given when that fails (loading it says why)."""
    try:
        return folder.resolve()
    except (OSError, RuntimeError):  # Python 3.11 says RuntimeError for a loop of links
        return folder


def cached_translation(folder: Path, catalogue: Catalogue, language: str | None) -> Catalogue:
    """`catalogue` (the folder's) translated by its PO file for `language`, if it has one,
    made again only when the file or the catalogue changed."""
    path = translation_path(folder.resolve(), language)
    if path is None:
        return catalogue
    signature = file_signature([path])
    cached = _translations.get(path)
    if signature is None or cached is None or cached[0] != signature or cached[1] is not catalogue:
        cached = (signature, catalogue, translate_by(path, catalogue, log.warning)[0])
        _translations[path] = cached
    return cached[2]


def category_pages(docs_dir: Path, catalogue: Catalogue) -> dict[str, str]:
    """For each category, the first page (a path in `docs_dir`) whose marker shows it, as
    the plugin and the commands find it (`site.category_pages`), found again only when a
    Markdown file was edited, added or removed."""
    # Imported here: plain Python-Markdown never needs MkDocs, and `site_config` imports the
    # extension, which imports this module.
    from mkdocs.utils import markdown_extensions

    from .site import category_pages as pages_in
    from .site_config import docs_files

    docs_dir = docs_dir.resolve()
    sources = (path for path in docs_dir.rglob("*") if path.suffix in markdown_extensions)
    signature = file_signature(sorted(sources))
    cached = _pages.get(docs_dir)
    if signature is None or cached is None or cached[0] != signature:
        ids = [category.id for category in catalogue.categories]
        found = pages_in(docs_files(docs_dir), ids)
        pages = {category: file.src_uri for category, file in found.items()}
        cached = _pages[docs_dir] = (signature, pages)
    return cached[1]


@dataclass(frozen=True)
class PageContext:
    """The page being rendered, as the generator describes it."""

    path: str  # the page's Markdown file, relative to the docs folder
    docs_dir: Path
    language: str | None = None  # the theme's

    def link(self, target: str, fragment: str = "") -> str:
        """A relative link from this page to the docs file `target`."""
        if target == self.path:
            return f"#{fragment}"
        relative = posixpath.relpath(target, posixpath.dirname(self.path) or ".")
        return f"{relative}#{fragment}" if fragment else relative


def page_context(md: Markdown) -> PageContext | None:
    """The page Zensical is rendering, from its `rendering_context` preprocessor, if any."""
    for processor in md.preprocessors:
        page: Any = getattr(processor, "page", None)
        config: Any = getattr(processor, "config", None)
        if getattr(processor, "name", "") == "rendering_context" and page and config:
            language = theme_language(config.get("theme"))  # `language`, or `locale`
            return PageContext(str(page.path), Path(config.get("docs_dir", "docs")), language)
    return None


def _zensical_serves() -> bool:
    """Whether Zensical runs `zensical serve`, where a catalogue problem must not stop the
    server. Zensical tells its extensions no mode that we know of: its command line is the
    only sign, asked only while its rendering context is present."""
    return "serve" in sys.argv[1:2]


def site_labels(language: str | None, given: Mapping[str, object]) -> Labels:
    """The texts of a page in `language`, with the `given` labels over them (for every
    language, then for this one: see `translations.labels_for`); a mistake in `given` (a
    listed extension's options, as a generator passes them) is a `ValueError`."""
    try:
        check_labels(given)
    except ValueError as error:
        raise ValueError(f"error_catalogue: {error}") from None
    return labels_for(language, given)


class StandaloneHost:
    """The extension's host without the MkDocs plugin (see `host`): the catalogue from its
    folder (kept while its files do not change), and, when the generator says which page it
    converts (Zensical), links to the pages that show entries; on plain Python-Markdown every
    entry is on the page converted. Problems are logged and recorded in the page's HTML, for
    `error-catalogue site-files --strict`."""

    def __init__(
        self,
        catalogue: Catalogue | str | Path,
        *,
        labels: Mapping[str, object],
        language: str | None,
        serving: bool = False,
    ) -> None:
        """`serving`: a live preview runs (the extension's option, for plain Python-Markdown);
        under Zensical, its command line says so."""
        self._source = catalogue
        self._serving = serving
        self._given_labels = labels
        self._told_language = language  # the option's: the theme's is used without it
        self._language = language
        self.labels = site_labels(language, labels)
        self._context: PageContext | None = None
        self._record = PageRecord()
        self._problems: list[str] = []  # reported while converting the current page

    @property
    def language(self) -> str | None:
        return self._language

    @property
    def serving(self) -> bool:
        return self._serving or (self._context is not None and _zensical_serves())

    def catalogue(self) -> Catalogue:
        """The catalogue object given, or the folder's (loaded once while it is unchanged)."""
        if isinstance(self._source, Catalogue):
            return self._source
        folder = Path(self._source)
        return cached_translation(folder, cached_catalogue(folder), self._language)

    def before_tables(self) -> None:
        """What changed since the lock, and the links of catalogue text that are shown as text,
        are reported by each page showing tables (the plugin reports them once per build)."""
        if isinstance(self._source, Catalogue):
            return
        differences = cached_lock_differences(Path(self._source))
        for problem in map(str, [*differences, *refused_link_problems(self.catalogue())]):
            if problem not in self._problems:
                self._report(problem)

    def conversion_started(self, md: Markdown) -> PageRecord:
        """Forget the last page, and learn which page this is and its theme's language."""
        self._record, self._problems = PageRecord(), []
        self._context = context = page_context(md)
        if context is not None and context.language and not self._told_language:
            self._language = context.language
            theirs = site_labels(self._language, self._given_labels)
            if theirs != self.labels:
                self.labels = theirs
        return self._record

    def entry_link(self, anchor: str) -> str:
        """The entry on the page whose file has a marker for its category; else on this page,
        which must then show it itself (a marker an include brings is seen on its page only)."""
        context = self._context
        if context is None:  # plain Python-Markdown: every entry is on this page
            return f"#{anchor}"
        catalogue = self.catalogue()
        category = catalogue.category_of(anchor)
        page = category_pages(context.docs_dir, catalogue).get(category.id) if category else None
        if page is not None:
            return context.link(page, anchor)
        if category not in self._record.shown:
            self.warn(
                f"links to error `{anchor}`, which no page shows: add a marker for its category "
                "to a page (a marker that an include brings is found on its own page only)"
            )
        return f"#{anchor}"

    def doc_link(self, href: str) -> str | None:
        context = self._context
        if context is None:
            return href
        path, _, fragment = href.partition("#")
        return context.link(path, fragment) if (context.docs_dir / path).is_file() else None

    def warn(self, message: str) -> None:
        context = self._context
        self._report(
            f"A page {message}" if context is None else f"Doc file '{context.path}' {message}"
        )

    def conversion_finished(self, html: str) -> str:
        return with_recorded_problems(html, self._problems)

    def _report(self, problem: str) -> None:
        """Logged, as the generator shows it, and recorded in the page, for `--strict`."""
        log.warning(problem)
        self._problems.append(problem)
