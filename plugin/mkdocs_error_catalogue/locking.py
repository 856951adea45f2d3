"""The published-codes lock: a code, once published, keeps existing and keeps its meaning.

`error-catalogue lock` writes `<catalogue folder>.lock` beside the folder (`catalogue.lock` for
`catalogue/`), one block per published code, sorted by code so that reviews read as diffs, and
a last line counting the blocks, so that a file cut short is noticed. An entry's `name` is
published as its code is: the block of a code with a name has a `name:` line, and an entry
with a name and no code has a block of its own, keyed and named by its name. From then on
every load of the catalogue (build, serve, `check`) reports:
- a locked code that is missing (a problem: the build stops);
- a locked name that is missing, moved to another entry, or changed on its entry (a problem
  too: a name is a key, like a code, that links and `lookup` find the error by, so a changed
  name breaks them as a deleted code does; there is no wording to review, so `--reword` does
  not record it: keep the published name, and give the entry no other);
- every difference between a locked code's scenario or message and the lock, and a locked
  code whose category no longer exists (anchors such as `#general` depend on it): shown to a
  person, never judged alone. `check` fails on them; the build warns (so `--strict` fails).
  `error-catalogue lock --reword CODE` records a reviewed change.

A heuristic chooses only the advice shown with a difference (documented in "Keeping codes
stable"): a rewording (record it with `--reword`) or a different error (give it a new code).
- The scenario still says the same when the words that changed are typo fixes (each nearly
  the same characters as a word of the other text), or when most content words are shared.
  Words every error uses ("failed", "unable", "retrieve", "invalid"...) are not content: they
  are the template, and a template reused for another error shares them all.
- Failing that, an unchanged (typos aside) specific message vouches for a rewritten scenario.
- A new scenario that reads more like another published error than like its own locked one
  is that other error reused.
"""

from __future__ import annotations

import difflib
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from .model import Catalogue, Category, Entry
from .problems import Problem
from .validation import SourceText, whole_number, yaml_fault

LOCK_HEADER = """\
# Published error codes, written by `error-catalogue lock`. Commit this file.
# A code listed here must stay in the catalogue (mark it `obsolete:` instead of deleting it)
# and keep its meaning. Run `error-catalogue lock` again after adding codes.
# The last line counts the codes: a file without it was cut short.
"""
_COUNTED = "# The last line counts the codes"
_END = re.compile(r"^# End of the lock: (?P<count>\d+) published codes?\.[ \t]*\n?\Z", re.MULTILINE)
_WORD = re.compile(r"\$\{[^}]*\}|[^\W_]+")
_STOPWORDS = frozenset(
    [
        "a",
        "after",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "once",
        "or",
        "the",
        "this",
        "to",
        "was",
        "were",
        "when",
        "which",
        "while",
        "with",
        "you",
        "your",
        "no",
    ]
)
# Words that say that something failed, not which thing: the template of most errors.
_TEMPLATE_WORDS = frozenset(
    [
        "error",
        "failed",
        "failure",
        "unable",
        "cannot",
        "could",
        "not",
        "can",
        "t",
        "wrong",
        "went",
        "something",
        "occurred",
        "invalid",
        "retrieve",
        "get",
        "fetch",
        "load",
        "obtain",
        "find",
        "read",
    ]
)
# A changed word is a typo fix when it is at least this alike to a word of the other text.
_SIMILAR_CHARACTERS = 0.75
# A text is rephrased when at least this share of the shorter one's content words is kept.
_SHARED_WORDS = 0.6
_SPECIFIC_MESSAGE_WORDS = 4


@dataclass(frozen=True)
class LockedEntry:
    """What a published code meant when it was locked.

    A lock block is read by key (`category`, `scenario`, `message`), so a later key, such as
    an entry's `name`, joins the block without breaking the readers written before it; a
    block without `name` (any lock written before names) locks no name.
    """

    code: str  # the block's key: the entry's code, or its name when it has no code
    category: str
    scenario: str
    message: str
    line: int
    name: str | None = None

    @property
    def what(self) -> str:
        """How messages call the locked key: "code 1004", or "name `line-too-long`"."""
        return f"name `{self.code}`" if self.name == self.code else f"code {self.code}"


@dataclass
class LockDifferences:
    """What changed since the lock, for a person to review: never a problem on its own."""

    problems: list[Problem] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)  # whose record `lock --reword` would change


def lock_path(folder: Path) -> Path:
    """Where the lock of the catalogue folder `folder` lives: beside it."""
    folder = folder.resolve()  # `--catalogue .` names no folder
    return folder.parent / f"{folder.name}.lock"


def lock_text(catalogue: Catalogue) -> str:
    """The lock file for `catalogue`: every entry with a code or a name, obsolete ones
    included."""
    published = [(c, e) for c in catalogue.categories for e in c.entries if is_published(e)]
    published.sort(key=lambda pair: code_order(pair[1].anchor))
    blocks = [_block(category, entry) for category, entry in published]
    noun = "code" if len(published) == 1 else "codes"
    return (
        f"{LOCK_HEADER}{''.join(blocks)}\n# End of the lock: {len(published)} published {noun}.\n"
    )


def is_published(entry: Entry) -> bool:
    """Whether the lock records `entry`: it has a code or a name (an id is not published)."""
    return entry.code is not None or entry.name is not None


def code_order(code: str) -> tuple[int, int | str]:
    """Whole-number codes first, in numeric order, then text codes."""
    number = whole_number(code)
    return (1, code) if number is None else (0, number)


def _block(category: Category, entry: Entry) -> str:
    named = {} if entry.name is None else {"name": entry.name}
    fields = {
        "category": category.id,
        **named,
        "scenario": entry.scenario,
        "message": entry.message,
    }
    body = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    indented = "".join(f"  {line}\n" for line in body.splitlines())
    return f"\n{yaml.safe_dump(entry.anchor).splitlines()[0]}:\n{indented}"


def write_lock(path: Path, text: str) -> None:
    """Write the lock file whole or not at all: a temporary file in the same folder, renamed
    over it. Raises `OSError` naming `path` (the temporary file removed) when that fails."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from None
    except BaseException:  # interrupted: no half-written file left behind
        temporary.unlink(missing_ok=True)
        raise


_RESTORE = (
    "restore it from version control, or delete it on purpose to start over (then run "
    "`error-catalogue lock`)"
)


def read_lock(path: Path, problems: list[Problem]) -> dict[str, LockedEntry]:
    """The locked entries of the lock file at `path` (none when there is no lock file).

    A lock that is there but cannot protect anything (a folder, unreadable, empty, only
    comments, cut short) is a problem, never a lock that is silently off.
    """
    text = _read_lock_text(path, problems)
    if text is None:
        return {}
    end = _END.search(text)
    if end is None and (not text.strip() or _COUNTED in text):
        cut = "is empty" if not text.strip() else "was cut short: its last line is missing"
        problems.append(Problem(path, None, f"the lock file {cut}: {_RESTORE}"))
        return {}
    found: list[Problem] = []
    locked = _parsed_lock(path, text, found)
    if end is not None and not found and len(locked) != int(end.group("count")):
        found.append(
            Problem(
                path,
                text.count("\n", 0, end.start()) + 1,
                f"the lock file lists {len(locked)} codes but its last line counts "
                f"{end.group('count')}: {_RESTORE}",
            )
        )
    elif end is None and not found and not locked:
        found.append(Problem(path, None, f"the lock file locks no code: {_RESTORE}"))
    problems.extend(found)
    return locked


def _read_lock_text(path: Path, problems: list[Problem]) -> str | None:
    """The text of the lock file; None when there is none, or after saying why not."""
    if not os.path.lexists(path):
        return None
    if path.is_dir():
        problems.append(Problem(path, None, f"is a folder, not a lock file: {_RESTORE}"))
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(path, None, f"invalid lock file (not UTF-8 text): {_RESTORE}"))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        problems.append(Problem(path, None, f"the lock file cannot be read ({reason}): {_RESTORE}"))
    return None


def _parsed_lock(path: Path, text: str, problems: list[Problem]) -> dict[str, LockedEntry]:
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as error:
        fault = yaml_fault(SourceText(text), error)
        problems.append(Problem(path, fault.line, f"invalid lock file ({fault.what}): {_RESTORE}"))
        return {}
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            Problem(path, 1, f"the lock file must map codes to what they mean: {_RESTORE}")
        )
        return {}
    return _locked_entries(path, node, problems)


def _locked_entries(
    path: Path, node: yaml.MappingNode, problems: list[Problem]
) -> dict[str, LockedEntry]:
    locked: dict[str, LockedEntry] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        fields = _text_fields(value)
        if not isinstance(key, yaml.ScalarNode) or fields is None:
            problems.append(
                Problem(
                    path,
                    line,
                    "a lock entry is a code with a `category`, a "
                    f"`scenario` and a `message`, each a text: {_RESTORE}",
                )
            )
        elif key.value in locked:
            problems.append(
                Problem(
                    path,
                    line,
                    f"code {key.value} is locked twice (first at line "
                    f"{locked[key.value].line}): keep one",
                )
            )
        else:
            locked[key.value] = LockedEntry(key.value, *fields, line=line, name=_name(value))
    return locked


def _text_fields(node: yaml.Node) -> tuple[str, str, str] | None:
    """The category, scenario and message of a lock entry; None unless all are texts."""
    if not isinstance(node, yaml.MappingNode):
        return None
    fields = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
    names = ("category", "scenario", "message")
    values = [fields.get(name) for name in names]
    if not all(isinstance(value, yaml.ScalarNode) for value in values):
        return None
    category, scenario, message = (str(value.value) for value in values if value is not None)
    return category, scenario, message


def _name(node: yaml.Node) -> str | None:
    """The `name` of a lock block; None in a block without one (or with one that is no text,
    which a reader that predates names would not have seen either)."""
    assert isinstance(node, yaml.MappingNode)  # checked by `_text_fields` first
    values = (value for key, value in node.value if getattr(key, "value", None) == "name")
    value = next(values, None)
    return str(value.value) if isinstance(value, yaml.ScalarNode) else None


def check_lock(catalogue: Catalogue, path: Path, problems: list[Problem]) -> LockDifferences:
    """Report (to `problems`) locked codes and names that are gone, moved or changed; return
    every other difference."""
    locked = read_lock(path, problems)
    places = {
        key: (c, e)
        for c in catalogue.categories
        for e in c.entries
        if is_published(e)
        for key in e.keys
    }
    differences = LockDifferences()
    lost_categories: dict[str, list[LockedEntry]] = {}
    for code, old in locked.items():
        if code not in places:
            problems.append(
                Problem(
                    path,
                    old.line,
                    f"{old.what} is published (in {path.name}) "
                    "but missing from the catalogue: put it back and mark it "
                    "`obsolete:` instead of deleting it",
                )
            )
            continue
        category, entry = places[code]
        _check_name(old, places, (category, entry), path, problems)
        if catalogue.category(old.category) is None:
            lost_categories.setdefault(old.category, []).append(old)
        if (old.scenario, old.message) != (entry.scenario, entry.message):
            others = (other for other in locked.values() if other is not old)
            differences.codes.add(code)
            differences.problems.append(
                Problem(category.path, entry.line, _reworded(old, entry, others, path.name))
            )
    for category_id, olds in lost_categories.items():
        differences.codes.update(old.code for old in olds)
        differences.problems.append(Problem(path, olds[0].line, _category_lost(category_id, olds)))
    return differences


def _check_name(
    old: LockedEntry,
    places: dict[str, tuple[Category, Entry]],
    place: tuple[Category, Entry],
    path: Path,
    problems: list[Problem],
) -> None:
    """Report a locked code's name that is missing, moved to another entry, or changed."""
    category, entry = place
    if old.name is None or old.name == old.code or entry.name == old.name:
        return  # no name locked; a name-only block, found by its key; the name kept
    keep = "a published name stays with its error, as a code does"
    if old.name not in places:
        changed = "is missing" if entry.name is None else f"is now `{entry.name}`"
        message = (
            f"code {old.code} was published (in {path.name}) with the name `{old.name}`, "
            f"which {changed}: give it `name: {old.name}` again; {keep}"
        )
        problems.append(Problem(category.path, entry.line, message))
        return
    other_category, other = places[old.name]
    message = (
        f"the name `{old.name}` moved from code {old.code} to {other.anchor} (it was published "
        f"with {old.code} in {path.name}): give it back to {old.code}; {keep}"
    )
    problems.append(Problem(other_category.path, other.line, message))


def _reworded(old: LockedEntry, entry: Entry, others: Iterable[LockedEntry], lock: str) -> str:
    """Old and new text of a locked code, and the advice the heuristic chooses."""
    changes = [
        f'{name} was "{was}", now "{now}"'
        for name, was, now in (
            ("scenario", old.scenario, entry.scenario),
            ("message", old.message, entry.message),
        )
        if was != now
    ]
    said = f"{old.what} changed since it was locked in {lock}: {'; '.join(changes)}"
    closest = _reused_from(old, entry, others)
    if closest is None and same_meaning(old, entry):
        return (
            f"{said}. It looks like a rewording: if it is the same error, record it with "
            f"`error-catalogue lock --reword {old.code}`"
        )
    like = f" (closest to {closest.code})" if closest else ""
    return (
        f"{said}. It looks like a different error{like}: give it a new code and mark "
        f"{old.code} `obsolete:` (if it truly is the same error, record it with "
        f"`error-catalogue lock --reword {old.code}`)"
    )


def _category_lost(category_id: str, olds: list[LockedEntry]) -> str:
    codes = " ".join(old.code for old in olds)
    return (
        f"the category `{category_id}` of the locked codes {codes.replace(' ', ', ')} no longer "
        f"exists, so links to its heading (`#{category_id}`) break: give its file "
        f"`id: {category_id}` again (a file's name is only the default id), or, if the rename "
        f"is on purpose, record it with `error-catalogue lock --reword {codes}`"
    )


class _Likeness(NamedTuple):
    """How alike two texts are, by two measures from 0 to 1."""

    characters: float  # 1 when every changed word is nearly a word of the other text
    words: float  # the share of the shorter text's content words that the other has too

    @property
    def similar(self) -> bool:
        return self.characters >= _SIMILAR_CHARACTERS or self.words >= _SHARED_WORDS

    @property
    def closeness(self) -> float:
        return max(self.characters, self.words)


def same_meaning(old: LockedEntry, entry: Entry) -> bool:
    """Whether `entry` still seems to describe the error `old` recorded (see the module)."""
    if _likeness(old.scenario, entry.scenario).similar:
        return True
    specific = len(_words(old.message)) >= _SPECIFIC_MESSAGE_WORDS
    return specific and _likeness(old.message, entry.message).characters >= _SIMILAR_CHARACTERS


def _reused_from(
    old: LockedEntry, entry: Entry, others: Iterable[LockedEntry]
) -> LockedEntry | None:
    """The other published error whose scenario the new one is closest to (of equals, the
    one with the most characters in common), if closer than its own locked scenario."""
    new = entry.scenario
    own = _likeness(old.scenario, new).closeness
    scored = (
        (_likeness(o.scenario, new).closeness, _characters(o.scenario, new), o) for o in others
    )
    best = max(scored, key=lambda score: score[:2], default=None)
    return best[2] if best is not None and best[0] > own else None


def _characters(old: str, new: str) -> float:
    """How alike the two texts' characters are, from 0 to 1, ignoring case."""
    return difflib.SequenceMatcher(None, old.casefold(), new.casefold()).ratio()


def _likeness(old: str, new: str) -> _Likeness:
    old_words, new_words = _words(old), _words(new)
    if not old_words or not new_words:
        return _Likeness(_characters(old, new), 0.0)
    shared = len(old_words & new_words) / min(len(old_words), len(new_words))
    return _Likeness(_typo_likeness(old_words - new_words, new_words - old_words), shared)


def _typo_likeness(lost: set[str], gained: set[str]) -> float:
    """How nearly each changed word is a word of the other text: 1 when none changed, 0 when
    words were only added or only removed."""
    if not lost and not gained:
        return 1.0
    if not lost or not gained:
        return 0.0
    pairs = [(lost, gained), (gained, lost)]
    return min(
        max(difflib.SequenceMatcher(None, word, other).ratio() for other in others)
        for words, others in pairs
        for word in words
    )


def _words(text: str) -> set[str]:
    """Content words, crudely stemmed (`tokens` ~ `token`, `currencies` ~ `currency`)."""
    words = (word.casefold() for word in _WORD.findall(text))
    stems = (_stem(word) for word in words if word not in _STOPWORDS)
    return {stem for stem in stems if stem not in _TEMPLATE_STEMS}


def _stem(word: str) -> str:
    if word.startswith("${"):
        return word
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:-1] + "i" if len(word) > 3 and word.endswith("y") else word


_TEMPLATE_STEMS = frozenset(_stem(word) for word in _TEMPLATE_WORDS)
