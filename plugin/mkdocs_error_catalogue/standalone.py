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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown

from .loading import (
    FileCache,
    FileState,
    file_state,
    is_category_file,
    load_catalogue,
    misplaced_files,
)
from .locking import lock_path
from .model import Catalogue
from .problems import CatalogueError, Problem
from .translating import translate_by, translation_path

Signature = tuple[tuple[str, FileState], ...]
# folder -> (its signature, the catalogue or why not, what changed since the lock)
_catalogues: dict[Path, tuple[Signature | None, Catalogue | CatalogueError, list[Problem]]] = {}
_files = FileCache()
_pages: dict[Path, tuple[Signature | None, dict[str, str]]] = {}
# PO file -> (its signature, the catalogue it translated, the translated catalogue)
_translations: dict[Path, tuple[Signature | None, Catalogue, Catalogue]] = {}
log = logging.getLogger(__name__)


def _signature(paths: list[Path]) -> Signature | None:
    """What changes when any of `paths` is edited, added or removed (see `file_state`); None
    when one of them cannot be reached, so what was made from them is made again."""
    states = [(str(path), file_state(path)) for path in paths if path.is_file()]
    known = [(name, state) for name, state in states if state is not None]
    return tuple(known) if len(known) == len(states) else None


def cached_catalogue(folder: Path) -> Catalogue:
    """`load_catalogue(folder)`, loaded again only when one of its files changed."""
    folder = folder.resolve()
    files = (
        [p for p in folder.iterdir() if is_category_file(p.name)] + misplaced_files(folder)
        if folder.is_dir()
        else []
    )
    signature = _signature([*files, lock_path(folder)])
    cached = _catalogues.get(folder)
    if signature is None or cached is None or cached[0] != signature:
        differences: list[Problem] = []
        try:
            result: Catalogue | CatalogueError = load_catalogue(folder, _files, differences)
        except CatalogueError as error:
            result = error
        cached = _catalogues[folder] = (signature, result, differences)
    if isinstance(cached[1], CatalogueError):
        raise cached[1]
    return cached[1]


def cached_lock_differences(folder: Path) -> list[Problem]:
    """What changed in the catalogue of `folder` since its lock (see `cached_catalogue`)."""
    cached_catalogue(folder)
    return _catalogues[folder.resolve()][2]


def cached_translation(folder: Path, catalogue: Catalogue, language: str | None) -> Catalogue:
    """`catalogue` (the folder's) translated by its PO file for `language`, if it has one,
    made again only when the file or the catalogue changed."""
    path = translation_path(folder.resolve(), language)
    if path is None:
        return catalogue
    signature = _signature([path])
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
    signature = _signature(sorted(sources))
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
            theme = config.get("theme")
            language = (theme.get("language") if isinstance(theme, dict) else None) or None
            return PageContext(str(page.path), Path(config.get("docs_dir", "docs")), language)
    return None


def serving() -> bool:
    """Whether a `serve` command runs us: there a catalogue problem must not stop the server."""
    return "serve" in sys.argv[1:2]
