"""Every file a MkDocs build writes into the site, and what writes it, so that none of the
plugin's files (stylesheet, script, deep-link pages, JSON export) replaces another, or needs a
folder where another is a file, or is a file where another needs a folder: each would lose a
file silently or end the build in a traceback. Case does not count: on macOS and Windows,
`errors/E1004/` and `errors/e1004/` are one folder. The plugin refuses a clash when MkDocs
lists its files, `error-catalogue site-files` before it writes into a generator's site.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .languages import SEARCH_PLUGINS
from .site import STYLESHEET

# What MkDocs writes without a `File` in `files`, after `on_files`: the theme's static pages
# (`config.theme.static_templates`: 404.html, sitemap.xml, search.html...), the compressed
# copy of the sitemap, and the index of the search plugins (in `on_post_build`).
SITEMAP = "sitemap.xml"
SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class Output:
    """A file written into the site: `path` in the site and `name` to name it in messages.
    A file of the docs may be renamed; one of ours says which `option` puts it there and
    how to move it (`advice`)."""

    path: str
    name: str
    renamable: bool = False
    option: str = ""
    advice: str = ""


def site_outputs(files: Files, config: MkDocsConfig) -> list[Output]:
    """What the build writes besides the plugin's own files."""
    outputs = docs_outputs(files, Path(config.docs_dir))
    templates = sorted(config.theme.static_templates)
    outputs += [Output(name, f"the theme's page '{name}'") for name in templates]
    if SITEMAP in templates:
        outputs.append(Output(f"{SITEMAP}.gz", f"the theme's compressed sitemap '{SITEMAP}.gz'"))
    if any(name in config.plugins for name in SEARCH_PLUGINS):
        outputs.append(Output(SEARCH_INDEX, f"the search index '{SEARCH_INDEX}'"))
    return outputs


def docs_outputs(files: Files, docs_dir: Path) -> list[Output]:
    """What `files` write into the site (those of `docs_dir` may be renamed)."""
    docs = docs_dir.resolve()
    return [_file_output(file, docs) for file in files]


def plugin_outputs(
    anchors: Iterable[str], assets: Iterable[str], deep_links: str | None, export: str | None
) -> Iterator[Output]:
    """The files the plugin writes into the site: the stylesheet and script (`assets`, their
    paths), the deep-link page of each of `anchors`, and the export last, so that a clash with
    the deep links is said to be the export's."""
    for path in assets:
        option = "stylesheet" if path == STYLESHEET else "script"
        advice = f"set the `{option}` option to `false` and add your own"
        yield Output(path, f"the plugin's {option} '{path}'", option=option, advice=advice)
    if deep_links:
        advice = "set the `deep_links` option to another path, or to `false`"
        for anchor in anchors:
            path = f"{deep_links}/{anchor}/index.html"
            yield Output(path, f"the deep-link page '{path}'", option="deep_links", advice=advice)
    if export:
        advice = "set the `export` option to another file name, or to `false`"
        name = f"the JSON export '{export}'"
        yield Output(export, name, option="export", advice=advice)


def _file_output(file: File, docs: Path) -> Output:
    if file.generated_by:
        return Output(file.dest_uri, f"'{file.dest_uri}', which {file.generated_by} generates")
    in_docs = file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(docs)
    if in_docs:
        return Output(file.dest_uri, f"'{file.src_uri}'", renamable=True)
    return Output(file.dest_uri, f"the theme's file '{file.dest_uri}'")


class SiteOutputs:
    """The files of a site, by path in lower case, and the folders they need."""

    def __init__(self, outputs: list[Output]) -> None:
        self._files: dict[str, Output] = {}
        self._folders: dict[str, Output] = {}  # each folder: the first file that needs it
        for output in outputs:
            self._add(output)

    def first_clash(self, ours: Iterable[Output]) -> str | None:
        """Add the plugin's files one by one; the problem of the first that clashes with one
        before it, if any."""
        for output in ours:
            if (problem := self._clash(output)) is not None:
                return problem
            self._add(output)
        return None

    def _add(self, output: Output) -> None:
        path = output.path.lower()
        self._files.setdefault(path, output)
        for folder in _folders_of(path):
            self._folders.setdefault(folder, output)

    def _clash(self, ours: Output) -> str | None:
        path = ours.path.lower()
        if (theirs := self._files.get(path)) is not None:
            return f"{theirs.name} would be replaced by {ours.name}: {_fix(theirs, ours)}"
        if (theirs := self._folders.get(path)) is not None:
            return (
                f"{ours.name} would be a file where {theirs.name} needs the folder "
                f"'{ours.path}': {ours.advice}"
            )
        for folder in _folders_of(path):
            if (theirs := self._files.get(folder)) is not None:
                return (
                    f"{theirs.name} is in the way: the `{ours.option}` option needs "
                    f"'{theirs.path}' to be a folder: {_fix(theirs, ours)}"
                )
        return None


def _folders_of(path: str) -> list[str]:
    """`a/b/c.html` -> `a`, `a/b`."""
    parts = path.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts))]


def _fix(theirs: Output, ours: Output) -> str:
    return f"rename it, or {ours.advice}" if theirs.renamable else ours.advice
