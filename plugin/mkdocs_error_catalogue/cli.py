"""The `error-catalogue` command: the catalogue's tools outside a MkDocs build.

Each sub-command is an `add_…` function that declares its arguments and sets `run` to the
function doing the work; `main` dispatches. Exit status: 0 done, 1 problems found, 2 usage.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeAlias

from .editor_schema import catalogue_schema
from .exporting import EXPORT_SCHEMA, Locator, export_json
from .heading_import import (
    Section,
    has_code_headings,
    import_headings,
    marker_warnings,
    numbered_after,
    target_fields,
)
from .importing import (
    PageImport,
    category_yaml,
    import_page,
    import_problems,
    target_paths,
    write_all_or_nothing,
)
from .inline import error_anchor, refused_link_problems
from .loading import (
    CATALOGUE_SCHEMA,
    FIELDS_SCHEMA,
    TRANSLATIONS_FOLDER,
    FileCache,
    declaration_files,
    load_catalogue,
    read_declaration,
)
from .locking import check_lock, code_order, lock_path, lock_text, read_lock, write_lock
from .markdown_export import catalogue_markdown
from .model import BUILT_IN_FIELDS, Catalogue, Declaration, Entry, FieldSpec, FieldValue
from .problems import CatalogueError, Problem, display_path
from .rendering import Labels, field_label
from .translating import (
    check_translations,
    translate_by,
    translation_path,
)
from .translation_commands import add_translations
from .writing import write_files

DISTRIBUTION = "mkdocs-error-catalogue"

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .site import CatalogueSite

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def add_catalogue_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    """The `--catalogue DIR` option every command that reads a catalogue takes (a
    sub-command's, `argparse.SUPPRESS`, so as not to undo its command's)."""
    parser.add_argument(
        "--catalogue",
        type=Path,
        default=default,
        help="the catalogue folder (default: the plugin's `catalogue` option in ./mkdocs.yml, "
        "else ./catalogue)",
    )


def default_catalogue(config: Path) -> Path:
    """Where the site's plugin options put the catalogue, as `mkdocs build` would find it."""
    if not config.is_file():
        return Path("catalogue")
    from .site_config import catalogue_option  # imports MkDocs: only when needed

    return catalogue_option(config) or Path("catalogue")


def add_check(commands: Commands) -> None:
    parser = commands.add_parser(
        "check", help="validate the catalogue (and its lock) without building the site"
    )
    add_catalogue_option(parser)
    parser.add_argument(
        "--format",
        choices=sorted(PROBLEM_FORMATS),
        default="text",
        help="text: `file:line: message` lines; github: GitHub Actions annotations",
    )
    parser.set_defaults(run=check)


def check(arguments: argparse.Namespace) -> int:
    """Print one line per problem; 0 when clean, 1 otherwise."""
    folder: Path = arguments.catalogue
    show = PROBLEM_FORMATS[arguments.format]
    catalogue = load_or_report(folder, show)
    if catalogue is None:
        return 1
    problems, coverage = check_translations(folder, catalogue)
    problems = refused_link_problems(catalogue) + problems
    if problems:
        report(problems, show)
        return 1
    entries = sum(1 for _ in catalogue.entries())
    categories = len(catalogue.categories)
    print(
        f"{folder}: {plural(categories, 'category', 'categories')}, "
        f"{plural(entries, 'error', 'errors')}, no problems"
    )
    for language in coverage:
        print(
            f"{display_path(language.path)}: {language.translated} of "
            f"{plural(language.total, 'text', 'texts')} translated"
        )
    return 0


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions `::error` workflow command, escaped as its documentation says."""
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    place = display_path(problem.path).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    line = f",line={problem.line}" if problem.line else ""
    return f"::error file={place}{line},title=error-catalogue::{message}"


PROBLEM_FORMATS: dict[str, Callable[[Problem], str]] = {"text": str, "github": github_annotation}


def load_or_report(folder: Path, show: Callable[[Problem], str] = str) -> Catalogue | None:
    """The catalogue, or None after printing each of its problems (annotations to stdout)."""
    try:
        return load_catalogue(folder)
    except CatalogueError as error:
        report(error.problems, show)
        return None


def report(problems: list[Problem], show: Callable[[Problem], str] = str) -> None:
    """Print each problem as `show` writes it (annotations to stdout, for GitHub to read)."""
    stream = sys.stdout if show is github_annotation else sys.stderr
    for problem in problems:
        print(show(problem), file=stream)


def add_lock(commands: Commands) -> None:
    parser = commands.add_parser(
        "lock", help="record the published codes, so that none disappears or changes meaning"
    )
    add_catalogue_option(parser)
    parser.add_argument(
        "--reword",
        nargs="+",
        metavar="CODE",
        default=[],
        help="record the reviewed change of these locked codes' wording (or category) too",
    )
    parser.set_defaults(run=lock)


def lock(arguments: argparse.Namespace) -> int:
    """Write the lock file; refused (1) while the catalogue breaks the current lock, or
    changed the wording of a locked code that `--reword` does not name."""
    folder: Path = arguments.catalogue
    path = lock_path(folder)
    if path.is_symlink():
        _fail(
            f"{display_path(path)} is a symbolic link: the lock is written only as a file of "
            "its own; replace the link with a copy of the file it points to",
            "lock",
        )
        return 1
    differences: list[Problem] = []
    try:
        catalogue = load_catalogue(folder, lock_differences=differences)
    except CatalogueError as error:
        report(error.problems)
        return 1
    changed = check_lock(catalogue, path, []).codes
    if not _reword_allowed(changed, arguments.reword, differences, path):
        return 1
    write_lock(path, lock_text(catalogue))
    codes = sum(entry.code is not None for entry in catalogue.entries())
    names = sum(entry.name is not None for entry in catalogue.entries())
    published = plural(codes, "published code", "published codes")
    with_names = f" and {plural(names, 'name', 'names')}" if names else ""
    print(f"{display_path(path)}: {published}{with_names} locked")
    return 0


def _reword_allowed(
    changed: set[str], reword: list[str], differences: list[Problem], path: Path
) -> bool:
    """Whether every changed code is named by `--reword`, and every named code changed."""
    unchanged = [code for code in reword if code not in changed]
    if unchanged:
        locked = read_lock(path, [])
        for code in unchanged:
            why = "has not changed since it was locked" if code in locked else "is not locked"
            _fail(f"--reword {code}: code {code} {why}: name only changed locked codes", "lock")
        return False
    unnamed = sorted(changed - set(reword), key=code_order)
    if not unnamed:
        return True
    report(differences)
    codes = " ".join(unnamed)
    _fail(
        f"{display_path(path)} was not written: locked codes changed ({codes}): give a "
        "different error a new code; record a reviewed change of the same error with "
        f"`error-catalogue lock --reword {codes}`",
        "lock",
    )
    return False


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def add_import(commands: Commands) -> None:
    parser = commands.add_parser(
        "import",
        help="turn a page's hand-written error tables into catalogue files, "
        "and the tables into markers",
    )
    parser.add_argument("page", type=Path, metavar="PAGE.md", help="the page with error tables")
    add_catalogue_option(parser)
    parser.add_argument(
        "--page",
        dest="output",
        type=Path,
        metavar="OUT.md",
        help="write the page with markers here (default: over PAGE.md)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite catalogue files that already exist"
    )
    parser.set_defaults(run=import_tables)


def import_tables(arguments: argparse.Namespace) -> int:
    """Check the whole import, then write the catalogue files and the page, all or nothing,
    and a summary; 1 when nothing was written or a table was skipped."""
    page: Path = arguments.page
    folder: Path = arguments.catalogue
    text = _read_page(page)
    if text is None:
        return 1
    result = import_page(text)
    headings, target = None, None
    if not result.categories:  # no table: a page of one heading per code, perhaps
        target = target_fields(folder)
        headings = import_headings(text, page.stem, target.body_field or "explanation")
        categories = numbered_after(headings.result.categories, folder)
        result = dataclasses.replace(headings.result, categories=categories)
        if categories and target.refusal:
            _fail(f"{target.refusal}; nothing written")
            return 1
    if not result.categories:
        _fail(
            f"{display_path(page)}: no error table and no headings starting with a code to import"
        )
        _report_skipped(result, page, sys.stderr)
        return 1
    output: Path = arguments.output or page
    declaration = [] if target is None or target.declaration is None else [target.declaration]
    files = [
        *zip(
            target_paths(result.categories, folder),
            map(category_yaml, result.categories),
            strict=True,
        ),
        *((folder / "_fields.yml", text) for text in declaration),
        (output, result.page),
    ]
    refusals = _refused_targets([path for path, _ in files], page, arguments.force)
    other_files = [("_fields.yml", text) for text in declaration]
    problems = [] if refusals else import_problems(result, folder, page, other_files)
    if refusals or problems:
        for refusal in refusals:
            _fail(refusal)
        report(problems)
        _report_skipped(result, page, sys.stderr)
        _fail("nothing written: fix what is listed, then run the import again")
        return 1
    if not _write(files):
        return 1
    if headings is None:
        _print_summary(result, page, folder, output)
    else:
        _print_headings_summary(result, headings.sections, page, folder, output, declaration)
    _report_skipped(result, page, sys.stderr, "table" if headings is None else "section")
    if headings is None and has_code_headings(result.page):
        print(
            f"{display_path(output)} has headings starting with a code too: run "
            f"`error-catalogue import {display_path(output)}` again to import them"
        )
    docs = folder.parent / "docs"
    if (folder.parent / "mkdocs.yml").is_file():
        for warning in marker_warnings(result.categories, output, result.page, docs):
            print(f"error-catalogue import: warning: {warning}", file=sys.stderr)
    return 1 if result.skipped else 0


def _refused_targets(targets: list[Path], page: Path, force: bool) -> list[str]:
    """Why some of the import's files cannot be written where they go: a file where a folder
    above it should be, a folder in its place, or a file (other than the page itself) and no
    `--force`."""
    refusals = []
    for target in targets:
        if blocking := _file_above(target):
            refusals.append(
                f"{display_path(blocking)} is a file, so {display_path(target)} cannot be "
                "written: choose another path, or move the file"
            )
        elif target.is_dir():
            refusals.append(f"{display_path(target)} is a folder: move it, or choose another path")
        elif target.exists() and not force and not _same_file(target, page):
            refusals.append(f"{display_path(target)} already exists: pass --force to overwrite it")
    return refusals


def _file_above(path: Path) -> Path | None:
    """The file (not a folder) that stands where a folder above `path` should be, if any."""
    return next(
        (parent for parent in path.parents if parent.exists() and not parent.is_dir()), None
    )


def _same_file(path: Path, other: Path) -> bool:
    return other.exists() and path.samefile(other)


def _write(files: list[tuple[Path, str]]) -> bool:
    """Write every file or none; False after saying what could not be written."""
    try:
        write_all_or_nothing(files)
    except OSError as error:
        where = display_path(Path(error.filename)) if error.filename else "a file"
        _fail(f"cannot write {where}: {error.strerror or error}; nothing written")
        return False
    return True


def _fail(message: str, command: str = "import") -> None:
    """Say on standard error what stopped `command`, in the form every subcommand uses."""
    print(f"error-catalogue {command}: {message}", file=sys.stderr)


def _read_page(page: Path) -> str | None:
    """The page's text with its line endings as they are, or None after saying why not."""
    try:
        return page.read_bytes().decode("utf-8-sig")
    except OSError as error:
        _fail(f"{display_path(page)}: cannot read the page: {error.strerror}")
    except UnicodeDecodeError:
        _fail(f"{display_path(page)}: is not UTF-8 text: save the page as UTF-8")
    return None


def _print_summary(result: PageImport, page: Path, folder: Path, output: Path) -> None:
    found = len(result.categories) + len(result.skipped)
    print(
        f"{display_path(page)}: imported {len(result.categories)} of {plural(found, 'table', 'tables')}"
    )
    entries = [entry for category in result.categories for entry in category.entries]
    for path, category in zip(
        target_paths(result.categories, folder), result.categories, strict=True
    ):
        obsolete = sum(entry.obsolete is not None for entry in category.entries)
        print(
            f"  {display_path(path)}: {category.title} ({plural(len(category.entries), 'entry', 'entries')}, {obsolete} obsolete)"
        )
    obsolete = sum(entry.obsolete is not None for entry in entries)
    without_code = sum(entry.code is None for entry in entries)
    print(
        f"{plural(len(result.categories), 'category', 'categories')}, "
        f"{plural(len(entries), 'entry', 'entries')}, {obsolete} obsolete, "
        f"{without_code} without code, {len(result.skipped)} skipped"
    )
    _report_skipped(result, page, sys.stdout)
    for notice in result.notices:  # imported, but shown otherwise than on the page
        print(f"{display_path(page)}:{notice.line}: {notice.message}")
    print(f"{display_path(output)}: each imported table replaced by its marker")


def _print_headings_summary(
    result: PageImport,
    sections: Sequence[Section],
    page: Path,
    folder: Path,
    output: Path,
    declaration: list[str],
) -> None:
    """What was made of each code heading, then the files written."""
    files = {
        c.id: p
        for p, c in zip(target_paths(result.categories, folder), result.categories, strict=True)
    }
    field = next((key for c in result.categories for e in c.entries for key, _ in e.extra), None)
    places = {e.line: c.id for c in result.categories for e in c.entries}
    for section in sections:
        named = f" (name `{section.name}`)" if section.name else ""
        source = "the heading" if section.scenario_from_heading else "the first sentence"
        body = (
            f"{plural(section.sentences, 'sentence', 'sentences')} and "
            f"{plural(section.code_blocks, 'code block', 'code blocks')} as `{field}`"
            if section.sentences or section.code_blocks
            else "nothing more"
        )
        print(
            f"{display_path(page)}:{section.line}: {section.code}{named} -> "
            f"{display_path(files[places[section.line]])}: scenario from {source}; {body}"
        )
    entries = sum(len(category.entries) for category in result.categories)
    print(
        f"{display_path(page)}: imported {plural(entries, 'code', 'codes')} into "
        f"{plural(len(result.categories), 'category', 'categories')}, "
        f"{len(result.skipped)} skipped"
    )
    if declaration:
        print(f"{display_path(folder / '_fields.yml')}: declares `scenario` and `explanation`")
    _report_skipped(result, page, sys.stdout, "section")
    for notice in result.notices:
        print(f"{display_path(page)}:{notice.line}: {notice.message}")
    print(f"{display_path(output)}: the imported sections replaced by their categories' markers")


def _report_skipped(result: PageImport, page: Path, stream: TextIO, what: str = "table") -> None:
    for skipped in result.skipped:
        place = f"{display_path(page)}:{skipped.line}"
        print(f"{place}: {what} skipped: {skipped.reason}", file=stream)


def add_site_options(parser: argparse.ArgumentParser) -> None:
    """Options of the commands that give URLs: where the site's configuration is, its URL."""
    parser.add_argument(
        "--config",
        type=Path,
        help="the site's mkdocs.yml, to know which page shows each code (default: ./mkdocs.yml "
        "when there is one)",
    )
    parser.add_argument(
        "--site-url", help="the published site's address (default: site_url of mkdocs.yml)"
    )


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """`--language LANG`: the catalogue's texts as its PO file for that language has them."""
    parser.add_argument(
        "--language",
        help="give the texts as the catalogue's translations/LANG.po translates them (`fr`, "
        "`pt-BR`); untranslated texts stay as written (default: the catalogue's own texts)",
    )


def load_in_language(arguments: argparse.Namespace, command: str) -> Catalogue | None:
    """The catalogue, its texts in the language `--language` asks for; None after saying why
    not (its problems, no PO file for the language, or one that cannot be read). The PO
    file's warnings go to standard error."""
    catalogue = load_or_report(arguments.catalogue)
    language: str | None = arguments.language
    if catalogue is None or language is None:
        return catalogue
    folder: Path = arguments.catalogue
    path = translation_path(folder, language)
    if path is None:
        where = display_path(folder / TRANSLATIONS_FOLDER)
        _fail(f"no translation for `{language}`: {where} has no {language}.po", command)
        return None
    try:
        translated, _ = translate_by(path, catalogue, _say_on_stderr)
    except CatalogueError as error:
        report(error.problems)
        return None
    return translated


def _say_on_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def add_built_site_option(parser: argparse.ArgumentParser) -> None:
    """`--site-dir DIR`: where a built site shows each category, for `site_locator`."""
    parser.add_argument(
        "--site-dir",
        type=Path,
        help="a site built from mkdocs.yml, whose pages show where each category is, tables "
        "that includes or other plugins bring too (default: the markers of the page files)",
    )


def site_locator(
    arguments: argparse.Namespace, catalogue: Catalogue, command: str
) -> Locator | None:
    """Where the site shows each entry: from mkdocs.yml when there is one, and from its built
    pages with `--site-dir`; None after saying that the built site is not there."""
    from .site import CatalogueAlone
    from .site_config import site_from_config  # imports MkDocs: only when needed

    built: Path | None = arguments.site_dir
    if built is not None and not built.is_dir():
        _fail(
            f"{display_path(built)} not found: build the site first, or leave out --site-dir",
            command,
        )
        return None
    config: Path = arguments.config
    if not config.is_file():
        return CatalogueAlone(arguments.site_url)
    language = getattr(arguments, "language", None)
    return site_from_config(config, catalogue, arguments.site_url, built=built, language=language)


EXPORT_FORMATS: dict[str, Callable[[Catalogue, Locator], str]] = {
    "json": export_json,
    "markdown": lambda catalogue, _: catalogue_markdown(catalogue),
}


def add_export(commands: Commands) -> None:
    parser = commands.add_parser("export", help="print the catalogue for other tools")
    add_catalogue_option(parser)
    parser.add_argument(
        "--format",
        choices=sorted(EXPORT_FORMATS),
        default="json",
        help="the output format (default: json)",
    )
    add_site_options(parser)
    add_built_site_option(parser)
    add_language_option(parser)
    parser.set_defaults(run=export)


def export(arguments: argparse.Namespace) -> int:
    """Print the catalogue in the chosen format (one entry of `EXPORT_FORMATS`)."""
    catalogue = load_in_language(arguments, "export")
    if catalogue is None:
        return 1
    declared = catalogue.declaration.path
    if arguments.format == "markdown" and declared is not None:  # its columns would lose fields
        _fail(
            "`--format markdown` writes the five default columns; this catalogue declares its "
            f"fields ({display_path(declared)}): use `--format json`",
            "export",
        )
        return 1
    locator = site_locator(arguments, catalogue, "export")
    if locator is None:
        return 1
    sys.stdout.write(EXPORT_FORMATS[arguments.format](catalogue, locator))
    return 0


def add_lookup(commands: Commands) -> None:
    parser = commands.add_parser("lookup", help="print one error and its URL")
    parser.add_argument("code", help="the error's code (or id)")
    add_catalogue_option(parser)
    add_site_options(parser)
    add_built_site_option(parser)
    add_language_option(parser)
    parser.set_defaults(run=lookup)


def lookup(arguments: argparse.Namespace) -> int:
    """Print the entry with its URL; 1 with a suggestion when no entry has that code."""
    catalogue = load_in_language(arguments, "lookup")
    if catalogue is None:
        return 1
    code = pasted_code(arguments.code)
    entry = catalogue.entry(code)
    close = [] if entry else catalogue.similar_anchors(code)
    if close and close[0].lower() == code.lower():  # `e1004`: no two codes differ only in case
        entry = catalogue.entry(close[0])
    if entry is None:
        hint = f": did you mean {', '.join(close)}?" if close else ""
        _fail(f"no error {code} in {display_path(arguments.catalogue)}{hint}", "lookup")
        return 1
    locator = site_locator(arguments, catalogue, "lookup")
    if locator is None:
        return 1
    print(describe(catalogue, entry, locator))
    return 0


def pasted_code(text: str) -> str:
    """The code in what support staff paste from a log, a chat or a browser: the code itself
    (spaces and line breaks around it ignored), or the one that a row's address
    (`https://docs.example.com/link-errors/#1004`), a deep link (`…/errors/1004/`) or an
    `error:1004` link names. Codes have no `#`, `/` or `:` (see `validation.SLUG`)."""
    text = text.strip()
    if "#" in text:
        return text.rpartition("#")[2]
    if "/" in text:
        path = text.removesuffix("index.html").rstrip("/")
        return path.rpartition("/")[2]
    return error_anchor(text) or text


def describe(catalogue: Catalogue, entry: Entry, locator: Locator) -> str:
    """An entry as lines of `Label: value`, for people reading a terminal."""
    category = catalogue.category_of(entry.anchor)
    assert category is not None  # the entry came from this catalogue
    declaration = catalogue.declaration
    built_in = (name for name in BUILT_IN_FIELDS if name in declaration.names or entry.value(name))
    extra = [spec for spec in declaration.fields if spec.name not in BUILT_IN_FIELDS]
    lines = [
        f"{entry.anchor}: {entry.title_source}",
        *([f"Name: {entry.name}"] if entry.name is not None and entry.code is not None else []),
        f"Category: {category.title} ({category.id})",
        *(line for name in built_in if name != "scenario" for line in _built_in_lines(entry, name)),
        *(
            line
            for spec in extra
            for line in _field_lines(declaration, spec, entry.value(spec.name))
        ),
        f"Status: {_status(entry)}",
        f"URL: {locator.entry_url(entry.anchor) or '(unknown: no page of the site shows it)'}",
    ]
    if deep_link := locator.deep_link(entry.anchor):
        lines.append(f"Deep link: {deep_link}")
    return "\n".join(lines)


def _built_in_lines(entry: Entry, name: str) -> list[str]:
    """The lines of a built-in field, as `lookup` always printed them."""
    if name == "message":
        return [f"Message: {entry.message}"]
    label = "User actions" if name == "user_actions" else "Developer actions"
    return _action_lines(label, getattr(entry, name))


def _field_lines(declaration: Declaration, spec: FieldSpec, value: FieldValue | None) -> list[str]:
    """`Label: value` for a declared field: a list as action lines, Markdown indented as
    written, a choice with its label."""
    label = field_label(declaration, spec.name, Labels())
    if value is None:
        return [f"{label}: none"]
    if spec.kind == "texts":
        return _action_lines(label, tuple(map(str, value)) if isinstance(value, tuple) else ())
    if spec.kind == "markdown":
        return [f"{label}:", *(f"  {line}".rstrip() for line in str(value).splitlines())]
    choice = dict(spec.values).get(str(value)) if spec.kind == "choice" else None
    return [f"{label}: {value}" + (f" ({choice.in_language(None)})" if choice else "")]


def _action_lines(label: str, actions: tuple[str, ...]) -> list[str]:
    return (
        [f"{label}:", *(f"  - {action}" for action in actions)] if actions else [f"{label}: none"]
    )


def _status(entry: Entry) -> str:
    if entry.obsolete is None:
        return "current"
    parts = ["obsolete"]
    if entry.obsolete.since:
        parts.append(f"since {entry.obsolete.since}")
    status = " ".join(parts)
    if entry.obsolete.reason:
        status += f": {entry.obsolete.reason}"
    if entry.obsolete.replaced_by:
        status += f" (replaced by {entry.obsolete.replaced_by})"
    return status


def add_site_files(commands: Commands) -> None:
    parser = commands.add_parser(
        "site-files",
        help="write the deep-link pages, the JSON export, the stylesheet and the script into a "
        "site built without the plugin (Zensical)",
    )
    add_catalogue_option(parser)
    add_site_options(parser)
    parser.add_argument(
        "--site-dir", type=Path, default=Path("site"), help="the built site (default: ./site)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with 1 when the built pages hold problems that the extension reported "
        "(unknown codes and categories, misplaced markers), as `mkdocs build --strict` does",
    )
    parser.set_defaults(run=site_files)


def site_files(arguments: argparse.Namespace) -> int:
    """The plugin's artefacts, for generators that run only the Markdown extension."""
    from .site import ASSETS  # imports MkDocs
    from .site_config import site_from_config, site_settings

    catalogue = load_or_report(arguments.catalogue)
    if catalogue is None:
        return 1
    config: Path = arguments.config
    if not config.is_file():
        _fail(f"{display_path(config)} not found: pass --config", "site-files")
        return 1
    if not arguments.site_dir.is_dir():
        hint = "build the site first (zensical build), or pass --site-dir"
        _fail(f"{display_path(arguments.site_dir)} not found: {hint}", "site-files")
        return 1
    # Where the generator really put the tables: includes and all.
    site = site_from_config(config, catalogue, arguments.site_url, built=arguments.site_dir)
    if not site.pages:
        hint = "build the site first (zensical build), with a marker in a page"
        folder = display_path(arguments.site_dir)
        _fail(f"no page in {folder} shows a catalogue table: {hint}", "site-files")
        return 1
    settings = site_settings(config)
    if (problem := _artefact_clash(site, catalogue, settings.export, settings.config)) is not None:
        _fail(problem, "site-files")
        return 1
    export = settings.export
    files = list(site.artefact_files(export))
    files += [(target, source.read_text(encoding="utf-8")) for target, source in ASSETS]
    files += _not_found_page(site, config, arguments.site_dir)
    write_files(arguments.site_dir, files)
    written = [name for name, _ in files if not name.endswith("/index.html")]
    pages = len(files) - len(written)
    print(
        f"{display_path(arguments.site_dir)}: {plural(pages, 'deep-link page', 'deep-link pages')}"
        f" and {', '.join(written)} written"
    )
    for page, problem in site.recorded_problems:
        print(f"{display_path(page)}: {problem}", file=sys.stderr)
    if arguments.strict and site.recorded_problems:
        problems = plural(len(site.recorded_problems), "problem", "problems")
        _fail(f"{problems} in the built pages (--strict)", "site-files")
        return 1
    return 0


def _artefact_clash(
    site: CatalogueSite, catalogue: Catalogue, export: str | None, config: MkDocsConfig
) -> str | None:
    """What of the files about to be written would replace a page of the site, or clash with
    another of them, as the plugin refuses it (see `outputs`)."""
    from .outputs import SiteOutputs, docs_outputs, plugin_outputs
    from .site import ASSETS

    anchors = (entry.anchor for entry in catalogue.entries())
    assets = (path for path, _ in ASSETS)
    ours = plugin_outputs(anchors, assets, site.deep_links, export)
    return SiteOutputs(docs_outputs(site.files, Path(config.docs_dir))).first_clash(ours)


def _not_found_page(site: CatalogueSite, config: Path, site_dir: Path) -> list[tuple[str, str]]:
    """The generator's `404.html` with what the readers' script needs to tell a deep link to
    a code the catalogue does not have (as the plugin writes it), unless it has that already."""
    from .site import NOT_FOUND_DATA, NOT_FOUND_PAGE, with_not_found
    from .site_config import extension_labels

    page = site_dir / NOT_FOUND_PAGE
    if not page.is_file():
        return []
    html = page.read_text(encoding="utf-8")
    block = None if NOT_FOUND_DATA in html else site.not_found_html(extension_labels(config))
    return [] if block is None else [(NOT_FOUND_PAGE, with_not_found(html, [block]))]


SCHEMAS = {"catalogue": CATALOGUE_SCHEMA, "export": EXPORT_SCHEMA, "fields": FIELDS_SCHEMA}


def add_schema(commands: Commands) -> None:
    parser = commands.add_parser(
        "schema",
        help="print a JSON Schema: of category files or of the field declaration `_fields.yml` "
        "(for editors), or of the export",
    )
    parser.add_argument("kind", nargs="?", choices=sorted(SCHEMAS), default="catalogue")
    add_catalogue_option(parser)
    parser.set_defaults(run=schema)


def schema(arguments: argparse.Namespace) -> int:
    """Print a schema, for saving next to the catalogue: the one shipped in the package, or,
    for the category files of a catalogue that declares its fields, one made for them."""
    folder: Path = arguments.catalogue
    if arguments.kind != "catalogue" or not declaration_files(folder):
        sys.stdout.write(SCHEMAS[arguments.kind].read_text(encoding="utf-8"))
        return 0
    problems: list[Problem] = []
    declaration = read_declaration(folder, FileCache(), problems)
    if declaration is None:
        report(problems)
        return 1
    print(json.dumps(catalogue_schema(declaration), indent=2, ensure_ascii=False))
    return 0


def _installed_version() -> str:
    """The version of the installed distribution (the package may run from a source tree)."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "(version unknown: not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="error-catalogue", description="Work with an error catalogue outside a MkDocs build."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_installed_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    for add in (
        add_check,
        add_lock,
        add_import,
        add_export,
        add_lookup,
        add_schema,
        add_site_files,
        add_translations,
    ):
        add(commands)
    return parser


def site_config(arguments: argparse.Namespace) -> Path | None:
    """The site's configuration file, set as `arguments.config` for the commands that take
    `--config`: the one given, which must exist, or ./mkdocs.yml, which may not. None after
    saying that the file given does not exist."""
    given: Path | None = getattr(arguments, "config", None)
    if given is not None and not given.is_file():
        what = "is a folder" if given.is_dir() else "not found"
        hint = "give --config the path of the site's mkdocs.yml, or leave --config out"
        _fail(f"{display_path(given)} {what}: {hint}", arguments.command)
        return None
    config = given or Path("mkdocs.yml")
    if "config" in arguments:
        arguments.config = config
    return config


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (argparse exits 2 on usage errors)."""
    from mkdocs.exceptions import ConfigurationError, PluginError

    arguments = _parser().parse_args(argv)
    config = site_config(arguments)
    if config is None:
        return 1
    try:
        if "catalogue" in arguments and arguments.catalogue is None:
            arguments.catalogue = default_catalogue(config)
        status: int = arguments.run(arguments)
    except (ConfigurationError, PluginError) as error:  # from reading mkdocs.yml
        print(f"error-catalogue: {display_path(config)}: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a file the command writes: a folder by that name, a full disk
        where = display_path(Path(error.filename)) if error.filename else "a file"
        _fail(f"{where}: {error.strerror or error}", arguments.command)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
