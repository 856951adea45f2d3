"""Where a MkDocs site shows each category and entry, found from the markers in its pages.

Both the plugin (links, deep links, export, search) and the command line (`lookup`, `export`,
`site-files`) use this, so they agree on every URL. The first page (in file order) whose
marker asks for a category is where that category's entries live. The plugin learns more
while pages are rendered (markers an include brings, markers that were code after all), and
`site-files` reads the tables of the pages a generator built instead of their markers.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Sequence
from html import escape, unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .deep_links import redirect_page
from .exporting import export_json
from .markers import asked_for, first_pages, pages_by_category
from .model import Catalogue
from .options import DEFAULT_DEEP_LINKS
from .page_html import recorded_problems
from .rendering import SHOWN_CATEGORY, Labels

STYLESHEET = "assets/error-catalogue/error-catalogue.css"
SCRIPT = "assets/error-catalogue/error-catalogue.js"
_ASSETS = Path(__file__).parent / "assets"
# What the site needs besides the pages: (path in the site, file in this package).
ASSETS = ((STYLESHEET, _ASSETS / "error-catalogue.css"), (SCRIPT, _ASSETS / "error-catalogue.js"))


def with_slash(site_url: str | None) -> str | None:
    """A site URL as a base for relative URLs: `https://x/sdk` means the folder `sdk/`."""
    if not site_url:
        return None
    return site_url if site_url.endswith("/") else f"{site_url}/"


# The site's "not found" page, which MkDocs (and Zensical) build from the theme, and the class
# of the elements of it that `not_found_html` writes and the script reads (one per language
# on a site that mkdocs-static-i18n builds per language: each has its deep links).
NOT_FOUND_PAGE = "404.html"
NOT_FOUND_DATA = "error-catalogue-not-found-data"


def category_pages(files: Files, ids: Sequence[str]) -> dict[str, File]:
    """For each category id, the first documentation page of `files` (in MkDocs' file order:
    a folder's own files before its subfolders; excluded files left out) whose markers show
    it. The one answer for the plugin, the commands and the extension on its own."""
    sources = ((file, file.content_string) for file in files.documentation_pages())
    return pages_by_category(ids, sources)


class CatalogueSite:
    """URLs of catalogue entries in one built site; implements `exporting.Locator`."""

    def __init__(
        self,
        catalogue: Catalogue,
        files: Files,
        *,
        site_url: str | None = None,
        deep_links: str | None = None,
        built: Path | None = None,
        labels: Labels | None = None,
        language: str | None = None,
    ) -> None:
        """Where each category is shown: found from the markers in the page files, or, with
        `built` (the folder of a site built from `files`), from the tables in its pages. The
        deep-link pages are in `language`, with its `labels`."""
        self.catalogue = catalogue
        self.labels = labels or Labels()
        self.language = language
        self._site_url = with_slash(site_url)
        self.deep_links = deep_links
        self.files = files
        self._ids = [category.id for category in catalogue.categories]
        # With `built`: (built page, problem) for what the extension, on its own, reported
        # while the generator converted the page (see `recorded_problems`).
        self.recorded_problems: list[tuple[Path, str]] = []
        if built is None:
            self.pages = category_pages(files, self._ids)
        else:
            # One page's HTML at a time: a site's pages together may be large.
            shown: list[tuple[File, list[str]]] = []
            for file, path, html in _built_pages(files, built):
                shown.append((file, _tables_in(html)))
                self.recorded_problems += [(path, problem) for problem in recorded_problems(html)]
            self.pages = first_pages(self._ids, shown)
        # Categories found only while rendering (a marker that another plugin or an include
        # put in the page), in the order found.
        self.found_late: list[str] = []
        # (category id, page's src_uri): shown there, or its marker there reported already.
        self._accounted_for: set[tuple[str, str]] = set()

    def shown_on(self, category_id: str, page: File) -> None:
        """A page was rendered with the category's table: its page, unless one already was."""
        self._accounted_for.add((category_id, page.src_uri))
        if category_id not in self.pages:
            self.pages[category_id] = page
            self.found_late.append(category_id)

    def reported_on(self, page: File, marker_categories: Iterable[str | None]) -> None:
        """Markers of the page (for a category, or every one: None) were reported as out of
        place while it was rendered: `claimed_not_shown` need not name them again."""
        for category in marker_categories:
            self._accounted_for.update((c, page.src_uri) for c in asked_for(category, self._ids))

    def claimed_not_shown(self) -> dict[str, list[str]]:
        """Rendered pages whose files hold a marker that made them the page of categories they
        did not show ({src_uri: category ids}): a marker inside an indented code block, which
        the page files' scan cannot tell from a real one, or one a plugin took out."""
        claimed: dict[str, list[str]] = {}
        for category_id, file in self.pages.items():
            rendered = file.page is not None and file.page.content is not None
            if rendered and (category_id, file.src_uri) not in self._accounted_for:
                claimed.setdefault(file.src_uri, []).append(category_id)
        return claimed

    @property
    def site_url(self) -> str | None:
        return self._site_url

    def page_of(self, anchor: str) -> File | None:
        """The page that shows the entry with this anchor, if any."""
        category = self.catalogue.category_of(anchor)
        return None if category is None else self.pages.get(category.id)

    def entry_path(self, anchor: str) -> str | None:
        """The entry's URL relative to the site root, such as `link-errors/#1004`."""
        page = self.page_of(anchor)
        return None if page is None else f"{site_url_of(page)}#{anchor}"

    def deep_link_path(self, anchor: str) -> str | None:
        """`errors/1004/` for an entry some page shows, when deep links are on."""
        if self.deep_links is None or self.page_of(anchor) is None:
            return None
        return f"{self.deep_links}/{anchor}/"

    def entry_url(self, anchor: str) -> str | None:
        return self._absolute(self.entry_path(anchor))

    def category_url(self, category_id: str) -> str | None:
        page = self.pages.get(category_id)
        return None if page is None else self._absolute(site_url_of(page))

    def deep_link(self, anchor: str) -> str | None:
        return self._absolute(self.deep_link_path(anchor))

    def link_from(self, page_url: str, anchor: str) -> str | None:
        """The URL of the entry as seen from the page at `page_url` (None: no page shows it)."""
        page = self.page_of(anchor)
        if page is None:
            return None
        if site_url_of(page) == _home(page_url):
            return f"#{anchor}"
        return f"{page_relative(site_url_of(page), page_url)}#{anchor}"

    def doc_link_from(self, page_url: str, href: str) -> str | None:
        """A link written in catalogue text, relative to the docs folder (`guide/setup.md#x`),
        as seen from the page at `page_url` (None: no such file)."""
        file, fragment = self.doc_file(href)
        if file is None:
            return None
        return page_relative(site_url_of(file), page_url) + (f"#{fragment}" if fragment else "")

    def doc_file(self, href: str) -> tuple[File | None, str]:
        """The file a link in catalogue text names (relative to the docs folder), and the
        link's fragment."""
        path, _, fragment = href.partition("#")
        return (self.files.get_file_from_path(posixpath.normpath(path)) if path else None), fragment

    def artefact_files(self, export: str | None) -> Iterator[tuple[str, str]]:
        """The JSON export (at `export`) and the deep-link pages, as (path in site, text),
        made one at a time. They depend only on the catalogue and on where pages are."""
        if export:
            yield export, export_json(self.catalogue, self)
        yield from self.deep_link_pages()

    def not_found_html(self, labels: Labels) -> str | None:
        """What the readers' script needs on the site's "not found" page (`404.html`) to tell a
        reader who followed a deep link to a code the catalogue does not have (an SDK builds
        `errors/<code>/` for every code it raises) that it is not documented, with a link to
        the reference: the deep links' and the reference's paths from the site's root, and the
        texts. None without deep links, or when no page shows a category."""
        reference = next(
            (self.pages[c.id] for c in self.catalogue.categories if c.id in self.pages), None
        )
        if not self.deep_links or reference is None:
            return None
        root = urlsplit(self._site_url or "/").path  # as MkDocs links from its 404 page
        data = {
            "deep-links": f"{root}{self.deep_links}/",
            "reference": root + site_url_of(reference),
            "not-found": labels.not_found,
            "not-found-link": labels.not_found_link,
        }
        attributes = "".join(f' data-{name}="{escape(value)}"' for name, value in data.items())
        return f'<div class="{NOT_FOUND_DATA}" hidden{attributes}></div>'

    def deep_link_pages(self, categories: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
        """The deep-link page of every key of every shown entry (of `categories`, if given),
        each leading to the entry's row, made one at a time: ten thousand of them at once
        would take as much memory as the page that shows them."""
        wanted = None if categories is None else set(categories)
        entries = (
            entry
            for category in self.catalogue.categories
            if wanted is None or category.id in wanted
            for entry in category.entries
        )
        for entry in entries if self.deep_links else ():
            path = self.entry_path(entry.anchor)
            if path is None:
                continue
            canonical = self.site_url and self.entry_url(entry.anchor)
            for key in entry.keys:  # `errors/22012/` and `errors/division_by_zero/`: one row
                folder = f"{self.deep_links}/{key}/"
                target = page_relative(path, folder)
                page = redirect_page(entry, target, canonical or target, self.labels, self.language)
                yield f"{folder}index.html", page

    def _absolute(self, path: str | None) -> str | None:
        if path is None or self._site_url is None:
            return path
        return urljoin(self._site_url, path)


def with_not_found(page: str, blocks: Iterable[str]) -> str:
    """The HTML of a "not found" page with `blocks` (`not_found_html`) at the end of its body."""
    before, body_end, after = page.rpartition("</body>")
    added = "".join(blocks)
    return f"{before}{added}{body_end}{after}" if body_end else page + added


def _built_pages(files: Files, built: Path) -> Iterator[tuple[File, Path, str]]:
    """Each page of `files` that a generator built into the folder `built`: its file, where
    it was built and its HTML (pages that were not built are left out)."""
    for file in files.documentation_pages():
        path = built / file.dest_uri
        if path.is_file():
            yield file, path, path.read_text(encoding="utf-8")


def _tables_in(html: str) -> list[str]:
    """The category ids of the tables in a built page's `html`: what the generator rendered,
    tables from includes and all, code blocks excluded."""
    return [unescape(match.group("id")) for match in SHOWN_CATEGORY.finditer(html)]


def _home(url: str) -> str:
    return "" if url in (".", "./") else url


def site_url_of(file: File) -> str:
    """The file's URL in the site, the home page's being "" (MkDocs writes it `./`)."""
    return _home(file.url)


def page_relative(target: str, from_page: str) -> str:
    """The site URL `target` as seen from the page at `from_page` (MkDocs' rules)."""
    relative = get_relative_url(target, from_page)
    if (target == "" or target.endswith("/")) and not relative.endswith("/"):
        relative += "/"  # a folder stays a folder: `../..` is `../../`
    return relative


class CatalogueAlone:
    """Where entries are when no site configuration is known: only their deep links, and only
    when a site URL is given (assuming the default `errors/` prefix)."""

    def __init__(self, site_url: str | None, deep_links: str = DEFAULT_DEEP_LINKS) -> None:
        self._site_url = with_slash(site_url)
        self.deep_links = deep_links

    @property
    def site_url(self) -> str | None:
        return self._site_url

    def entry_url(self, anchor: str) -> str | None:
        return None

    def category_url(self, category_id: str) -> str | None:
        return None

    def deep_link(self, anchor: str) -> str | None:
        if self._site_url is None:
            return None
        return urljoin(self._site_url, f"{self.deep_links}/{anchor}/")
