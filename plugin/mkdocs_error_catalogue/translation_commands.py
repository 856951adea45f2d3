"""`error-catalogue translations`: the catalogue's PO files, kept in step with it.

error-catalogue translations                  the PO template, to start a language by hand
error-catalogue translations status           what each language lacks, text by text
error-catalogue translations update           the PO files merged with the catalogue
error-catalogue translations import PAGE      a translated hand-written page into a PO file
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from .importing import import_page
from .loading import TRANSLATIONS_FOLDER
from .page_translations import Note, PageTranslations, translations_from_page
from .problems import CatalogueError, display_path
from .translating import (
    Merge,
    Pending,
    Status,
    merged_po,
    parsed_po_file,
    po_files,
    template,
    translation_path,
    translation_status,
)
from .translations import LANGUAGE_TAG

if TYPE_CHECKING:
    from .cli import Commands


def add_translations(commands: Commands) -> None:
    from .cli import add_catalogue_option

    parser = commands.add_parser(
        "translations",
        help="the catalogue's translations: without a sub-command, print the PO template of its "
        "texts, for translators and their tools",
    )
    add_catalogue_option(parser)
    parser.set_defaults(run=print_template)
    steps = parser.add_subparsers(dest="step", metavar="{status,update,import}")
    status = steps.add_parser(
        "status", help="list each text a language does not translate, or translates stale"
    )
    add_catalogue_option(status, argparse.SUPPRESS)
    status.add_argument("--language", help="only this language's PO file (`ko`, `pt-BR`)")
    status.add_argument(
        "--strict", action="store_true", help="exit with 1 when any text is not translated"
    )
    status.set_defaults(run=show_status)
    update = steps.add_parser(
        "update",
        help="merge the PO files with the catalogue: new texts added, reworded ones marked fuzzy "
        "with their old translation (no GNU gettext needed)",
    )
    add_catalogue_option(update, argparse.SUPPRESS)
    update.add_argument(
        "--language", help="only this language's PO file, made if there is none (`ko`, `pt-BR`)"
    )
    update.set_defaults(run=update_po_files)
    page = steps.add_parser(
        "import",
        help="read a translated hand-written page into the language's PO file, its rows paired "
        "with the catalogue by code",
    )
    add_catalogue_option(page, argparse.SUPPRESS)
    page.add_argument("page", type=Path, help="the translated page (Markdown tables)")
    page.add_argument("--language", required=True, help="the page's language (`ko`, `pt-BR`)")
    page.set_defaults(run=import_page_translations)


def print_template(arguments: argparse.Namespace) -> int:
    """Print the template (`catalogue/translations/catalogue.pot` is a good place for it)."""
    from .cli import load_or_report

    catalogue = load_or_report(arguments.catalogue)
    if catalogue is None:
        return 1
    sys.stdout.write(template(catalogue))
    return 0


def show_status(arguments: argparse.Namespace) -> int:
    """One line per text a PO file lacks (`file:line: kind of code: state: English`), then the
    counts of each file; 1 with `--strict` when any text is lacking, or a file is unreadable."""
    from .cli import _fail, load_or_report, report

    folder: Path = arguments.catalogue
    catalogue = load_or_report(folder)
    if catalogue is None:
        return 1
    paths = _chosen_po_files(folder, arguments.language, "status")
    if paths is None:
        return 1
    if not paths:
        _say_no_po_files(folder)
        return 0
    statuses: list[Status] = []
    for path in paths:
        try:
            statuses.append(translation_status(path, catalogue))
        except CatalogueError as error:
            report(error.problems)
            return 1
    for status in statuses:
        for pending in status.pending:
            print(pending_line(pending))
    for status in statuses:
        print(
            f"{display_path(status.path)}: {status.translated} of {status.total} texts "
            f"translated, {status.untranslated} untranslated, {status.stale} stale"
        )
    lacking = any(status.pending for status in statuses)
    if lacking and arguments.strict:
        _fail("some texts are not translated (--strict)", "translations status")
        return 1
    return 0


def update_po_files(arguments: argparse.Namespace) -> int:
    """Merge each PO file (or that of `--language`, started if missing) with the catalogue,
    saying for each what changed."""
    from .cli import load_or_report, report

    folder: Path = arguments.catalogue
    catalogue = load_or_report(folder)
    if catalogue is None:
        return 1
    language: str | None = arguments.language
    wanted = _po_path(folder, language, "update") if language else None
    if language and wanted is None:
        return 1
    paths = [wanted] if wanted else po_files(folder)
    if not paths:
        _say_no_po_files(folder)
        return 0
    for path in paths:
        try:
            po = parsed_po_file(path) if path.exists() else None
        except CatalogueError as error:
            report(error.problems)
            return 1
        merge = merged_po(catalogue, po, language if po is None and language else path.stem)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(merge.text, encoding="utf-8")
        print(merge_line(path, merge, started=po is None))
    return 0


def import_page_translations(arguments: argparse.Namespace) -> int:
    """Read the translated page, pair it with the catalogue, write its translations into the
    PO file of `--language` (merged with the catalogue first), and report what a person should
    check: rows still in English, codes either side lacks, how tables and rows were paired."""
    from .cli import _fail, _read_page, load_or_report, report

    folder: Path = arguments.catalogue
    page: Path = arguments.page
    language: str = arguments.language
    catalogue = load_or_report(folder)
    text = None if catalogue is None else _read_page(page)
    if catalogue is None or text is None:
        return 1
    read = import_page(text)
    if not read.categories:
        _fail(f"{display_path(page)}: no error table to read", "translations import")
        return 1
    found = translations_from_page(read, catalogue)
    path = _po_path(folder, language, "import")
    if path is None:
        return 1
    try:
        po = parsed_po_file(path) if path.exists() else None
    except CatalogueError as error:
        report(error.problems)
        return 1
    merged = polib.pofile(merged_po(catalogue, po, language).text, wrapwidth=0)
    written = _write_into(merged, found, display_path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    merged.save(str(path))
    for note in found.notes:
        print(f"{display_path(page)}:{note.line}: {note.message}")
    _print_codes("codes the page lacks", found.lacking)
    _print_codes(
        "codes the catalogue lacks", [f"{code} (line {line})" for code, line in found.unknown]
    )
    left = sum(1 for entry in merged if not entry.obsolete and not entry.translated())
    print(
        f"{display_path(path)}: {written} translations written; {left} texts still to translate "
        f"(`error-catalogue translations status --language {language}` lists them)"
    )
    return 0


def _write_into(po: polib.POFile, found: PageTranslations, where: str) -> int:
    """Set the page's translations in `po`, but not over a translation it has already (said);
    how many were written."""
    written = 0
    for entry in po:
        translated = found.texts.get(entry.msgid)
        if translated is None or entry.obsolete or entry.msgstr == translated:
            continue
        if entry.translated():
            line = found.line_of(entry.msgid)
            found.notes.append(
                Note(line, f"{where} translates `{entry.msgid}` otherwise already: kept")
            )
            continue
        entry.msgstr, entry.previous_msgid = translated, None
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        written += 1
    found.notes.sort(key=lambda note: note.line)
    return written


def _print_codes(what: str, codes: list[str]) -> None:
    if codes:
        print(f"{what} ({len(codes)}): {', '.join(codes)}")


def merge_line(path: Path, merge: Merge, started: bool) -> str:
    """What `update` did to the PO file at `path`."""
    from .cli import plural

    if started:
        return f"{display_path(path)}: started, {plural(merge.added, 'text', 'texts')} to translate"
    return (
        f"{display_path(path)}: {merge.added} new, {merge.changed} reworded (their old "
        f"translation kept as fuzzy, to review), {merge.retired} no longer used (kept as "
        f"obsolete); {merge.to_translate} to translate"
    )


def pending_line(pending: Pending) -> str:
    """`catalogue/01-general.yml:37: scenario of 1004: untranslated: Failed to open…`; a stale
    text says what its translation was made for."""
    first = pending.uses[0]
    kinds: dict[str, list[str]] = {}
    for use in pending.uses:
        kinds.setdefault(use.kind, []).append(use.owner)
    where = "; ".join(f"{kind} of {', '.join(owners)}" for kind, owners in kinds.items())
    state = {
        "untranslated": "untranslated",
        "fuzzy": "fuzzy (to review)",
        "changed": "stale (translates an older wording)",
    }[pending.state]
    line = f"{display_path(first.path)}:{first.line}: {where}: {state}: {_one_line(pending.text)}"
    if pending.previous is not None:
        line += f"\n    was: {_one_line(pending.previous)}"
    return line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _chosen_po_files(folder: Path, language: str | None, step: str) -> list[Path] | None:
    """The PO files `--language` chooses (all without it); None after saying that the
    language has none."""
    from .cli import _fail

    if language is None:
        return po_files(folder)
    path = translation_path(folder, language)
    if path is None:
        where = display_path(folder / TRANSLATIONS_FOLDER)
        _fail(
            f"no translation for `{language}`: {where} has no {language}.po; "
            f"`error-catalogue translations update --language {language}` starts it",
            f"translations {step}",
        )
        return None
    return [path]


def _po_path(folder: Path, language: str, step: str) -> Path | None:
    """The PO file of `language`, existing (`pt-BR` finds `pt_BR.po`) or to make; None after
    saying that `language` is no language tag (it names a file)."""
    from .cli import _fail

    if not LANGUAGE_TAG.match(language):
        _fail(
            f"`--language {language}` is not a language tag: write it as the theme does, such "
            "as `ko` or `pt-BR`",
            f"translations {step}",
        )
        return None
    return translation_path(folder, language) or folder / TRANSLATIONS_FOLDER / f"{language}.po"


def _say_no_po_files(folder: Path) -> None:
    where = display_path(folder / TRANSLATIONS_FOLDER)
    print(
        f"{where}: no PO file yet; `error-catalogue translations update --language ko` starts "
        "the Korean one (any language tag)"
    )
