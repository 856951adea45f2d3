"""A translated hand-written page read as translations of the catalogue's texts.

A team usually has the page in its second language before it has a catalogue: translated by
hand, often in part (some rows, or a whole table, still in English), and lagging the English
page by a few codes. `error-catalogue translations import PAGE --language ko` reads it as the
import reads any page (`importing`), pairs its rows with the catalogue's entries by code, and
gives the texts to write into the language's PO file, with everything a person should know:

- each table's category: the one holding most of its codes, else the one at its position;
  its title (and description) is the translation of the category's;
- rows without a code pair by their position among the category's entries without one;
- a text the page leaves in English (the same as the catalogue's, or nearly: an older
  wording) is not a translation: left untranslated, and named;
- codes the page lacks, codes the catalogue lacks, lists of actions of another length, and
  two translations of one English text.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field

from .importing import PageImport
from .model import PLACEHOLDER, Catalogue, Category, Entry

_ENGLISH_STILL = 0.8  # a page text this similar to the English one is English, not translated


@dataclass(frozen=True)
class Note:
    """Something the import did that a person should check: at a line of the page."""

    line: int
    message: str


@dataclass
class PageTranslations:
    """What a translated page gives: English -> translation, and what to report."""

    texts: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    lacking: list[str] = field(default_factory=list)  # the catalogue's anchors not on the page
    unknown: list[tuple[str, int]] = field(default_factory=list)  # page codes, with lines
    _where: dict[str, tuple[int, str]] = field(default_factory=dict)  # text -> (line, what)

    def line_of(self, english: str) -> int:
        """The page line that gave the translation of `english`."""
        return self._where[english][0]

    def offer(self, english: str, translated: str, line: int, what: str) -> str | None:
        """Take `translated` as the translation of `english`, or say why not (the state,
        for the row's note): `still English`, `looks English`, or a reason of its own."""
        if translated == english:
            return "still in English"
        ratio = difflib.SequenceMatcher(None, english, translated).ratio()
        if ratio >= _ENGLISH_STILL:
            return "in English, an older wording"
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(translated)):
            return "without the same ${placeholders} as the English"
        taken = self.texts.get(english)
        if taken is not None and taken != translated:
            first_line, first_what = self._where[english]
            self.notes.append(
                Note(
                    line,
                    f"{what}: translated otherwise at line {first_line} ({first_what}); "
                    "the first translation is kept",
                )
            )
            return None
        self.texts[english] = translated
        self._where.setdefault(english, (line, what))
        return None


def translations_from_page(page: PageImport, catalogue: Catalogue) -> PageTranslations:
    """The translations a translated page (as `import_page` read it) gives the catalogue."""
    found = PageTranslations()
    seen: set[str] = set()
    for (table, line), category in _paired_categories(page, catalogue, found):
        _category_texts(table, category, line, found)
        no_code = [entry for entry in category.entries if entry.code is None]
        for row in table.entries:
            entry = _entry_of(row, catalogue, no_code, found)
            if entry is not None:
                seen.add(entry.anchor)
                _entry_texts(row, entry, found)
    found.lacking = [e.anchor for e in catalogue.entries() if e.anchor not in seen]
    found.notes.sort(key=lambda note: note.line)
    return found


def _paired_categories(
    page: PageImport, catalogue: Catalogue, found: PageTranslations
) -> Iterator[tuple[tuple[Category, int], Category]]:
    """Each table of the page (with its line) and the catalogue's category it translates: the
    one holding most of its codes, else the one at its position among those left."""
    tables = list(zip(page.categories, page.table_lines, strict=True))
    paired: dict[int, Category] = {}
    for index, (table, _) in enumerate(tables):
        homes = [catalogue.category_of(str(row.code)) for row in table.entries if row.code]
        counted = [home.id for home in homes if home is not None]
        if counted:
            best = max(set(counted), key=counted.count)
            paired[index] = next(c for c in catalogue.categories if c.id == best)
    left = [c for c in catalogue.categories if c not in paired.values()]
    for index, (table, line) in enumerate(tables):
        how = "by its codes"
        if index not in paired:
            category = _by_position(table, left)
            if category is None:
                found.notes.append(Note(line, "table pairs with no category: left out"))
                continue
            paired[index], how = category, "by its position"
            left.remove(category)
        category = paired[index]
        found.notes.append(
            Note(line, f"table `{table.title}` is the category `{category.id}` ({how})")
        )
        yield (table, line), category


def _by_position(table: Category, left: list[Category]) -> Category | None:
    """The first category of `left` (in the catalogue's order) for a table without known
    codes: one with entries without code when all the table's rows have none."""
    without_codes = all(row.code is None for row in table.entries)
    fitting = [c for c in left if any(e.code is None for e in c.entries)] if without_codes else []
    return next(iter(fitting or left), None)


def _category_texts(
    table: Category, category: Category, line: int, found: PageTranslations
) -> None:
    """The table's title (and description, which only an exported page has) as the
    translations of the category's."""
    state = found.offer(category.title, table.title, line, f"the title of `{category.id}`")
    if state == "in English, an older wording":
        found.notes.append(
            Note(
                line,
                f"the title of `{category.id}` is `{table.title}` on the page, "
                f"`{category.title}` in the catalogue (renamed?): left untranslated",
            )
        )
    elif state is not None:
        found.notes.append(
            Note(line, f"the title of `{category.id}` is {state}: left untranslated")
        )
    if table.description and category.description:
        what = f"the description of `{category.id}`"
        state = found.offer(category.description, table.description, line, what)
        if state is not None:
            found.notes.append(Note(line, f"{what} is {state}: left untranslated"))


def _entry_of(
    row: Entry, catalogue: Catalogue, no_code: list[Entry], found: PageTranslations
) -> Entry | None:
    """The catalogue's entry that a page row translates: by its code; a row without code by
    its position among the category's entries without one (said)."""
    if row.code is not None:
        entry = catalogue.entry(str(row.code))
        if entry is None:
            found.unknown.append((str(row.code), row.line))
        return entry
    if not no_code:
        found.notes.append(Note(row.line, "row without code: the category has no more such entry"))
        return None
    entry = no_code.pop(0)
    found.notes.append(
        Note(row.line, f"row without code paired by its position with `{entry.anchor}`")
    )
    return entry


def _entry_texts(row: Entry, entry: Entry, found: PageTranslations) -> None:
    """Offer each text of the row as the translation of the entry's, saying what is not."""
    states: dict[str, list[str]] = {}
    pairs = [("scenario", entry.scenario, row.scenario), ("message", entry.message, row.message)]
    for what, english_list, page_list in (
        ("user actions", entry.user_actions, row.user_actions),
        ("developer actions", entry.developer_actions, row.developer_actions),
    ):
        if len(english_list) != len(page_list):
            found.notes.append(
                Note(
                    row.line,
                    f"{entry.anchor}: {len(page_list)} {what} on the page, {len(english_list)} "
                    "in the catalogue: left untranslated",
                )
            )
            continue
        pairs += [(what[:-1], e, p) for e, p in zip(english_list, page_list, strict=True)]
    for what, english, page in pairs:
        state = found.offer(english, page, row.line, f"{what} of {entry.anchor}")
        if state is not None:
            states.setdefault(state, []).append(what)
    for state, whats in states.items():
        fields = ", ".join(dict.fromkeys(whats))
        found.notes.append(Note(row.line, f"{entry.anchor}: {fields} {state}: left untranslated"))
