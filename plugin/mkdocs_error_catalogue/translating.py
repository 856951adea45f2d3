"""The catalogue's texts in other languages, from gettext PO files beside the category files.

    catalogue/translations/fr.po     msgid: the text as the catalogue has it; msgstr: in French

The catalogue's own text is the key (gettext's msgid), so a translation can be missing but
never stale: when a scenario is reworded, its old translation no longer matches, and the
text shows as the catalogue has it until it is translated again. Translators work on the
template `error-catalogue translations` prints, with the usual tools (Poedit, Weblate, Crowdin,
`msgmerge`, which also carries an old translation over as "fuzzy" for review). Fuzzy and empty
translations are not used, as in gettext.

Titles, descriptions, scenarios, messages, actions, obsolete reasons and the declared fields
of kinds text, texts and markdown are translated. Codes, names, ids, `since`, choices, numbers
and web addresses are not: they are the same in every language (a choice's labels are in the
field declaration).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

from .inline import PLACEHOLDER
from .locales import language_tags, normal_tag
from .model import Catalogue, Category, Declaration, Entry, FieldValue
from .problems import CatalogueError, Problem
from .validation import text_problem

TRANSLATIONS_FOLDER = "translations"
# The kinds of declared fields whose values are words to translate.
_TRANSLATED_KINDS = ("text", "texts", "markdown")


@dataclass(frozen=True)
class Translation:
    """One language's PO file: its translations, and what is wrong with some of them."""

    texts: dict[str, str]
    warnings: list[Problem]  # translations that should be mended (those unfit to show: unused)


def translation_path(folder: Path, language: str | None) -> Path | None:
    """The PO file of `language` in the catalogue `folder` (`pt-BR` falls back to `pt.po`;
    `pt_BR.po` and `pt-br.po` are the same file), if there is one."""
    if not language:
        return None
    found = {normal_tag(path.stem): path for path in _po_files(folder)}
    return next((found[tag] for tag in language_tags(language) if tag in found), None)


def _po_files(folder: Path) -> list[Path]:
    return sorted((folder / TRANSLATIONS_FOLDER).glob("*.po"))


def read_translation(path: Path) -> Translation:
    """The translations in the PO file at `path`; a file that cannot be read, or is not PO,
    is a `CatalogueError` saying which."""
    _check_readable(path)
    try:
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError) as error:  # polib says "Syntax error in po file … (line 12)"
        line = re.search(r"\(line (\d+)\)", str(error))
        where = int(line.group(1)) if line else None
        message = "is not a valid PO file: fix its syntax, or make it again from the template"
        raise CatalogueError([Problem(path, where, message)]) from None
    texts: dict[str, str] = {}
    warnings: list[Problem] = []
    for entry in po.translated_entries():
        if (problem := text_problem(entry.msgstr)) is not None:
            message = f"the translation of `{entry.msgid}` is not used: it {problem}"
            warnings.append(Problem(path, _msgstr_line(path, entry.linenum or 1), message))
            continue
        texts[entry.msgid] = entry.msgstr
        if sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(entry.msgstr)):
            message = (
                f"the translation of `{entry.msgid}` does not have the same ${{placeholders}}: "
                "keep each one as it is, the application fills them in"
            )
            warnings.append(Problem(path, entry.linenum or 1, message))  # polib: 0 for line 1
    return Translation(texts, warnings)


def _check_readable(path: Path) -> None:
    """Raise a `CatalogueError` saying what is really wrong when the PO file at `path` cannot
    be read as UTF-8 text (polib would report any of these as a syntax error, or not at all)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        message = "is a folder, not a PO file: remove it, or rename it without `.po`"
        raise CatalogueError([Problem(path, None, message)]) from None
    except PermissionError:
        message = "cannot be read (permission denied): let the user who builds read it"
        raise CatalogueError([Problem(path, None, message)]) from None
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}: restore the file, or remove it"
        raise CatalogueError([Problem(path, None, message)]) from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            "is not valid UTF-8 text: save it as UTF-8 (and say `charset=UTF-8` in its header)"
        )
        raise CatalogueError([Problem(path, line, message)]) from None


def _msgstr_line(path: Path, entry_line: int) -> int:
    """The line of the `msgstr` of the PO entry that starts at `entry_line`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    after = range(entry_line - 1, len(lines))
    return next((index + 1 for index in after if lines[index].startswith("msgstr")), entry_line)


@dataclass(frozen=True)
class Coverage:
    """How much of the catalogue one PO file translates."""

    path: Path
    translated: int
    total: int  # the catalogue's distinct texts


def check_translations(folder: Path, catalogue: Catalogue) -> tuple[list[Problem], list[Coverage]]:
    """What is wrong in the PO files of the catalogue `folder` (what stops a build: a syntax
    error; what fails a strict one: a translation that loses a placeholder), and how much of
    `catalogue` each of the readable ones translates."""
    texts = _distinct_texts(catalogue)
    problems: list[Problem] = []
    coverage: list[Coverage] = []
    for path in _po_files(folder):
        try:
            translation = read_translation(path)
        except CatalogueError as error:
            problems += error.problems
            continue
        problems += translation.warnings
        coverage.append(Coverage(path, len(texts & translation.texts.keys()), len(texts)))
    return problems, coverage


def translate_by(
    path: Path, catalogue: Catalogue, warn: Callable[[str], None]
) -> tuple[Catalogue, int]:
    """`catalogue` translated by the PO file at `path`, each of the file's warnings said to
    `warn`, and how many of the catalogue's distinct texts the file does not translate."""
    translation = read_translation(path)
    for problem in translation.warnings:
        warn(str(problem))
    missing = len(_distinct_texts(catalogue) - translation.texts.keys())
    return translate(catalogue, translation.texts), missing


def translate(catalogue: Catalogue, texts: dict[str, str]) -> Catalogue:
    """`catalogue` with each text that `texts` translates translated."""

    def translated(text: str) -> str:
        return texts.get(text, text)

    fields = _translated_fields(catalogue.declaration)
    categories = (_category(category, translated, fields) for category in catalogue.categories)
    return Catalogue(tuple(categories), catalogue.declaration)


def _translated_fields(declaration: Declaration) -> frozenset[str]:
    """The declared fields beyond the built-in ones whose values are translated."""
    return frozenset(spec.name for spec in declaration.fields if spec.kind in _TRANSLATED_KINDS)


def _distinct_texts(catalogue: Catalogue) -> set[str]:
    return {text for text, _, _ in _texts(catalogue)}


def _category(
    category: Category, translated: Callable[[str], str], fields: frozenset[str]
) -> Category:
    description = category.description
    return dataclasses.replace(
        category,
        title=translated(category.title),
        description=None if description is None else translated(description),
        entries=tuple(_entry(entry, translated, fields) for entry in category.entries),
    )


def _entry(entry: Entry, translated: Callable[[str], str], fields: frozenset[str]) -> Entry:
    obsolete = entry.obsolete
    if obsolete is not None and obsolete.reason is not None:
        obsolete = dataclasses.replace(obsolete, reason=translated(obsolete.reason))
    extra = tuple(
        (name, _translated_value(value, translated) if name in fields else value)
        for name, value in entry.extra
    )
    return dataclasses.replace(
        entry,
        scenario=translated(entry.scenario) if entry.scenario else "",
        message=translated(entry.message) if entry.message else "",
        user_actions=tuple(map(translated, entry.user_actions)),
        developer_actions=tuple(map(translated, entry.developer_actions)),
        obsolete=obsolete,
        extra=extra,
    )


def _translated_value(value: FieldValue, translated: Callable[[str], str]) -> FieldValue:
    if isinstance(value, tuple):
        return tuple(map(translated, value))
    return translated(value) if isinstance(value, str) else value


def template(catalogue: Catalogue) -> str:
    """The PO template of every text to translate, each once, with where it is used and as
    what (`#. message`: the words the application shows), for the translator."""
    po = polib.POFile(wrapwidth=0)
    po.header = (
        "The texts of the error catalogue, to translate (see `error-catalogue translations`)."
    )
    po.metadata = {"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8"}
    entries: dict[str, polib.POEntry] = {}
    for text, kind, where in _texts(catalogue):
        entry = entries.get(text)
        if entry is None:
            entry = entries[text] = polib.POEntry(msgid=text, msgstr="", comment=kind)
            po.append(entry)
        if kind not in entry.comment.split(", "):
            entry.comment += f", {kind}"
        if where not in entry.occurrences:
            entry.occurrences.append(where)
    return str(po)


def _texts(catalogue: Catalogue) -> Iterator[tuple[str, str, tuple[str, str]]]:
    """Each text to translate, as what, and its file and line (the entry's, for an entry's)."""
    fields = _translated_fields(catalogue.declaration)
    for category in catalogue.categories:
        name = category.path.name
        yield category.title, "category title", (name, "1")
        if category.description is not None:
            yield category.description, "category description", (name, "1")
        for entry in category.entries:
            where = (name, str(entry.line))
            if entry.scenario:  # optional by some declarations
                yield entry.scenario, "scenario", where
            if entry.message:
                yield entry.message, "message", where
            yield from ((action, "user action", where) for action in entry.user_actions)
            yield from ((action, "developer action", where) for action in entry.developer_actions)
            if entry.obsolete is not None and entry.obsolete.reason is not None:
                yield entry.obsolete.reason, "obsolete reason", where
            for name, value in entry.extra:
                if name in fields:
                    texts = value if isinstance(value, tuple) else (str(value),)
                    yield from ((text, name, where) for text in texts)
