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
import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import polib

from .loading import TRANSLATIONS_FOLDER
from .locales import language_tags, normal_tag
from .model import PLACEHOLDER, Catalogue, Category, Declaration, Entry, FieldValue
from .problems import CatalogueError, Problem, display_path
from .validation import text_problem

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
    found = {normal_tag(path.stem): path for path in po_files(folder)}
    return next((found[tag] for tag in language_tags(language) if tag in found), None)


def po_files(folder: Path) -> list[Path]:
    """The PO files of the catalogue `folder`, by name."""
    return sorted((folder / TRANSLATIONS_FOLDER).glob("*.po"))


def read_translation(path: Path) -> Translation:
    """The translations in the PO file at `path`; a file that cannot be read, or is not PO,
    is a `CatalogueError` saying which."""
    po = parsed_po_file(path)
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


def parsed_po_file(path: Path) -> polib.POFile:
    """The PO file at `path`, parsed (once while it is unchanged: a build reads it for the
    translations and for what they lack; the result is shared, not to be changed); one that
    cannot be read, or is not PO, is a `CatalogueError` saying which."""
    try:
        stat = path.stat()
    except OSError:
        stat = None  # said by `_parsed`, as it reads the file
    key = (path, stat.st_mtime_ns, stat.st_size) if stat else None
    return _parsed(path) if key is None else _parsed_once(*key)


@functools.lru_cache(maxsize=8)
def _parsed_once(path: Path, mtime_ns: int, size: int) -> polib.POFile:
    return _parsed(path)


def _parsed(path: Path) -> polib.POFile:
    _check_readable(path)
    try:
        return polib.pofile(str(path), encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as error:  # polib says "Syntax error in po file … (line 12)"
        line = re.search(r"\(line (\d+)\)", str(error))
        where = int(line.group(1)) if line else None
        message = "is not a valid PO file: fix its syntax, or make it again from the template"
        raise CatalogueError([Problem(path, where, message)]) from None


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
    for path in po_files(folder):
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
    marked = mark_untranslated(catalogue, translation.texts)
    return translate(marked, translation.texts), missing


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
    for text, use in text_uses(catalogue):
        yield text, use.kind, (use.path.name, str(use.line))


@dataclass(frozen=True)
class Use:
    """Where the catalogue uses a text: the category file and the line (the entry's; 1 for the
    category's title and description), the entry's code or id (the category's id), and as
    what (`scenario`, `user action`, `category title`...)."""

    path: Path
    line: int
    owner: str
    kind: str


# What each kind of entry text is in the export and the rendered entry's `untranslated`.
ENTRY_FIELDS = {
    "scenario": "scenario",
    "message": "message",
    "user action": "user_actions",
    "developer action": "developer_actions",
    "obsolete reason": "obsolete.reason",
}


def text_uses(catalogue: Catalogue) -> Iterator[tuple[str, Use]]:
    """Each text to translate, with where it is used and as what, in the catalogue's order."""
    fields = _translated_fields(catalogue.declaration)
    for category in catalogue.categories:
        path = category.path
        yield category.title, Use(path, 1, category.id, "category title")
        if category.description is not None:
            yield category.description, Use(path, 1, category.id, "category description")
        for entry in category.entries:
            for kind, text in _entry_texts(entry, fields):
                yield text, Use(path, entry.line, entry.anchor, kind)


def _entry_texts(entry: Entry, fields: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(kind, text) of each text of `entry` to translate: a declared field's kind is its
    name."""
    if entry.scenario:  # optional by some declarations
        yield "scenario", entry.scenario
    if entry.message:
        yield "message", entry.message
    yield from (("user action", action) for action in entry.user_actions)
    yield from (("developer action", action) for action in entry.developer_actions)
    if entry.obsolete is not None and entry.obsolete.reason is not None:
        yield "obsolete reason", entry.obsolete.reason
    for name, value in entry.extra:
        if name in fields:
            texts = value if isinstance(value, tuple) else (str(value),)
            yield from ((name, text) for text in texts)


def mark_untranslated(catalogue: Catalogue, texts: Mapping[str, str]) -> Catalogue:
    """`catalogue` with each entry's `untranslated`: the fields that `texts` (translations in
    use: neither fuzzy nor of an older wording) leaves in the catalogue's own words, so that
    the page and the export say that the entry is not translated yet."""
    fields = _translated_fields(catalogue.declaration)

    def marked(entry: Entry) -> Entry:
        kinds = (kind for kind, text in _entry_texts(entry, fields) if text not in texts)
        missing = (ENTRY_FIELDS.get(kind, kind) for kind in kinds)
        return dataclasses.replace(entry, untranslated=tuple(dict.fromkeys(missing)))

    return Catalogue(
        tuple(
            dataclasses.replace(category, entries=tuple(map(marked, category.entries)))
            for category in catalogue.categories
        ),
        catalogue.declaration,
    )


# ---------------------------------------------------------------------------------------------
# Status: which texts a language lacks, or has for an older wording only


@dataclass(frozen=True)
class Pending:
    """A text of the catalogue that a PO file does not translate (yet): `untranslated`; or
    `fuzzy` (a tool carried an old translation over, for review); or `changed` (the file
    translates an older wording of it, `previous`, which the page no longer shows)."""

    text: str
    uses: tuple[Use, ...]
    state: str
    previous: str | None = None  # the English the kept translation was made for
    translation: str | None = None  # that translation


@dataclass(frozen=True)
class Status:
    """What a PO file lacks for the catalogue: its pending texts, in the catalogue's order."""

    path: Path
    total: int  # the catalogue's distinct texts
    pending: tuple[Pending, ...]

    @property
    def translated(self) -> int:
        return self.total - len(self.pending)

    @property
    def untranslated(self) -> int:
        return sum(1 for pending in self.pending if pending.state == "untranslated")

    @property
    def stale(self) -> int:
        return len(self.pending) - self.untranslated


def translation_status(path: Path, catalogue: Catalogue) -> Status:
    """What the PO file at `path` lacks for `catalogue` (a file that cannot be read is a
    `CatalogueError`)."""
    po = parsed_po_file(path)
    uses = _uses_by_text(catalogue)
    by_msgid = _by_msgid(po)
    entries = {text: by_msgid.get(text) for text in uses}
    current = {text for text, e in entries.items() if e is not None and e.translated()}
    fuzzy = {text: e for text, e in entries.items() if e is not None and e.fuzzy and e.msgstr}
    lacking = {t: u for t, u in uses.items() if t not in current and t not in fuzzy}
    kept = old_translations(po, lacking, uses.keys())
    pending: list[Pending] = []
    for text, text_uses_ in uses.items():
        if text in current:
            continue
        if (entry := fuzzy.get(text)) is not None:
            previous = entry.previous_msgid or None
            pending.append(Pending(text, text_uses_, "fuzzy", previous, entry.msgstr))
        elif (old := kept.get(text)) is not None:
            pending.append(Pending(text, text_uses_, "changed", old.msgid, old.msgstr))
        else:
            pending.append(Pending(text, text_uses_, "untranslated"))
    return Status(path, len(uses), tuple(pending))


def _uses_by_text(catalogue: Catalogue) -> dict[str, tuple[Use, ...]]:
    found: dict[str, list[Use]] = {}
    for text, use in text_uses(catalogue):
        found.setdefault(text, []).append(use)
    return {text: tuple(uses) for text, uses in found.items()}


_SIMILAR = 0.6  # as msgmerge's fuzzy matching, roughly: most of the words the same


def old_translations(
    po: polib.POFile, wanted: Mapping[str, tuple[Use, ...]], catalogue_texts: Collection[str]
) -> dict[str, polib.POEntry]:
    """For texts of the catalogue that `po` does not translate (`wanted`, with their uses),
    its translation of an older wording: a translation of a text the catalogue no longer has
    (still in the file, or obsolete `#~`) used at the same place as the same kind of text;
    else the most similar such text of the same kind. Each old translation goes to one text
    at most, the one at its place first. A guess, which a person reviews: `update` marks it
    fuzzy, `status` shows the old wording beside the new."""
    old = [
        e for e in po if e.msgstr and not e.fuzzy and (e.obsolete or e.msgid not in catalogue_texts)
    ]
    by_place: dict[tuple[str, str, str], polib.POEntry] = {}
    for entry in old:
        for kind in entry.comment.split(", "):
            for name, line in entry.occurrences:
                by_place.setdefault((name, line, kind), entry)
    paired: dict[str, polib.POEntry] = {}
    claimed: set[int] = set()  # the ids of the old entries paired
    for text, uses in wanted.items():
        places = ((use.path.name, str(use.line), use.kind) for use in uses)
        found = next((by_place[place] for place in places if place in by_place), None)
        if found is not None and id(found) not in claimed:
            paired[text] = found
            claimed.add(id(found))
    unclaimed = [e for e in old if id(e) not in claimed]
    for text, uses in wanted.items():
        if not unclaimed:
            break
        kinds = {use.kind for use in uses}
        candidates = {e.msgid: e for e in unclaimed if kinds & set(e.comment.split(", "))}
        close = difflib.get_close_matches(text, candidates, n=1, cutoff=_SIMILAR)
        if text not in paired and close:
            paired[text] = candidates[close[0]]
            unclaimed.remove(candidates[close[0]])
    return paired


def status_summary(status: Status, language: str) -> str:
    """The build's line on what the PO file of `language` lacks, and the command that names
    each text."""
    return (
        f"{display_path(status.path)}: {status.translated} of {status.total} texts translated, "
        f"{status.untranslated} untranslated, {status.stale} stale (a translation of an older "
        "wording, or fuzzy): they show as the catalogue has them, their entries marked as not "
        f"yet translated; `error-catalogue translations status --language {language}` lists them"
    )


# ---------------------------------------------------------------------------------------------
# Update: a PO file merged with the catalogue, as msgmerge would (without GNU gettext)


@dataclass(frozen=True)
class Merge:
    """A PO file merged with the catalogue: its new text, and what changed."""

    text: str
    added: int  # texts the file did not have
    changed: int  # reworded texts: the old translation kept, marked fuzzy
    retired: int  # translations of texts the catalogue no longer has, kept as obsolete (#~)
    to_translate: int  # texts without a translation in use (new, changed, fuzzy, empty)


def merged_po(catalogue: Catalogue, po: polib.POFile | None, language: str) -> Merge:
    """The PO file of `language` (`po`, or a new one) for the catalogue's texts as they are:
    each translation of a current text kept as it is; a reworded text given its old
    translation marked fuzzy, with the old wording as its previous msgid (`#| msgid`), for the
    translator to review; the translations of texts gone kept as obsolete entries."""
    merged = polib.pofile(template(catalogue), wrapwidth=0)
    merged.metadata["Language"] = language
    if po is None:
        return Merge(str(merged), len(merged), 0, 0, len(merged))
    merged.header, merged.metadata = po.header, {**merged.metadata, **po.metadata}
    uses = _uses_by_text(catalogue)
    by_msgid = _by_msgid(po)
    lacking = {t: u for t, u in uses.items() if t not in by_msgid or not by_msgid[t].msgstr}
    old = old_translations(po, lacking, uses.keys())
    added = changed = 0
    for entry in merged:
        found = by_msgid.get(entry.msgid)
        if found is not None and found.msgstr:
            entry.msgstr, entry.flags = found.msgstr, found.flags
            entry.previous_msgid, entry.tcomment = found.previous_msgid, found.tcomment
        elif (kept := old.get(entry.msgid)) is not None:
            entry.msgstr, entry.flags, entry.previous_msgid = kept.msgstr, ["fuzzy"], kept.msgid
            changed += 1
        elif found is None:
            added += 1
    reused = {id(entry) for entry in old.values()}
    retired = [e for e in po if e.msgstr and e.msgid not in uses and id(e) not in reused]
    for entry in retired:
        merged.append(polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, obsolete=True))
    to_translate = sum(1 for entry in merged if not entry.obsolete and not entry.translated())
    return Merge(str(merged), added, changed, len(retired), to_translate)


def _by_msgid(po: polib.POFile) -> dict[str, polib.POEntry]:
    """The file's entries (not the obsolete ones) by their text: `POFile.find` reads the
    whole file for each text, which ten thousand texts cannot afford."""
    return {entry.msgid: entry for entry in po if not entry.obsolete}
