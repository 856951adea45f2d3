"""The published-codes lock: a code, once published, keeps existing and keeps its meaning.

`error-catalogue lock` writes `<catalogue folder>.lock` beside the folder (`catalogue.lock` for
`catalogue/`), one block per published code, sorted by code so that reviews read as diffs.
From then on every load of the catalogue (build, serve, `check`) reports a locked code that
is missing, and a locked code that now describes another error.

How meaning is compared (decided here, documented in "Keeping codes stable"):
- An entry keeps its meaning when its scenario still says the same thing as the locked
  scenario: nearly the same characters (a typo fix, a changed word: similarity >= 0.75), or
  at least half of the shorter one's content words in common (a rephrasing).
- Failing that, a message that still says the same counts too, but only a specific one (four
  content words or more): "Something went wrong." says nothing about which error it is.
- A reworded scenario that now reads more like another published error than like its own
  locked one is that other error reused (`Failed to retrieve token details` rewritten as
  `Failed to retrieve the order details` when 9000 already says so).
- Anything else is a different error: mark the old code obsolete and add a new code. If it
  truly is the same error, update its wording in the lock file in the same change, where
  reviewers see it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Catalogue, Category, Entry
from .problems import Problem
from .validation import whole_number

LOCK_HEADER = """\
# Published error codes, written by `error-catalogue lock`. Commit this file.
# A code listed here must stay in the catalogue (mark it `obsolete:` instead of deleting it)
# and keep its meaning. Run `error-catalogue lock` again after adding codes.
"""
_WORD = re.compile(r"\$\{[^}]*\}|[^\W_]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
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
    ]
)
_SIMILAR_CHARACTERS = 0.75
_SHARED_WORDS = 0.5
_SPECIFIC_MESSAGE_WORDS = 4


@dataclass(frozen=True)
class LockedEntry:
    """What a published code meant when it was locked."""

    code: str
    category: str
    scenario: str
    message: str
    line: int


def lock_path(folder: Path) -> Path:
    """Where the lock of the catalogue folder `folder` lives: beside it."""
    folder = folder.resolve()  # `--catalogue .` names no folder
    return folder.parent / f"{folder.name}.lock"


def lock_text(catalogue: Catalogue) -> str:
    """The lock file for `catalogue`: every entry with a code, obsolete ones included."""
    published = [(c, e) for c in catalogue.categories for e in c.entries if e.code is not None]
    published.sort(key=lambda pair: _code_order(pair[1].anchor))
    blocks = [_block(category, entry) for category, entry in published]
    return LOCK_HEADER + "".join(blocks)


def _code_order(code: str) -> tuple[int, int | str]:
    """Whole-number codes first, in numeric order, then text codes."""
    number = whole_number(code)
    return (1, code) if number is None else (0, number)


def _block(category: Category, entry: Entry) -> str:
    fields = {"category": category.id, "scenario": entry.scenario, "message": entry.message}
    body = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    indented = "".join(f"  {line}\n" for line in body.splitlines())
    return f"\n{yaml.safe_dump(entry.anchor).splitlines()[0]}:\n{indented}"


_REWRITE = (
    "restore it from version control (or delete it and run `error-catalogue lock` to lock the "
    "codes the catalogue has now)"
)


def read_lock(path: Path, problems: list[Problem]) -> dict[str, LockedEntry]:
    """The locked entries of the lock file at `path` (none when there is no lock file)."""
    if not path.is_file():
        return {}
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problems.append(
            Problem(
                path,
                mark.line + 1 if mark else None,
                f"invalid lock file ({error.problem}): {_REWRITE}",
            )
        )
        return {}
    except (yaml.YAMLError, UnicodeDecodeError):
        problems.append(Problem(path, None, f"invalid lock file: {_REWRITE}"))
        return {}
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            Problem(path, 1, f"the lock file must map codes to what they mean: {_REWRITE}")
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
                    f"`scenario` and a `message`, each a text: {_REWRITE}",
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
            locked[key.value] = LockedEntry(key.value, *fields, line=line)
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


def check_lock(catalogue: Catalogue, path: Path, problems: list[Problem]) -> None:
    """Report locked codes that are gone, or that now describe a different error."""
    locked = read_lock(path, problems)
    places = {
        e.anchor: (c, e) for c in catalogue.categories for e in c.entries if e.code is not None
    }
    for code, old in locked.items():
        if code not in places:
            problems.append(
                Problem(
                    path,
                    old.line,
                    f"code {code} is published (in {path.name}) "
                    "but missing from the catalogue: put it back and mark it "
                    "`obsolete:` instead of deleting it",
                )
            )
            continue
        category, entry = places[code]
        others = (other for other in locked.values() if other is not old)
        if entry.scenario and not same_meaning(old, entry, others):
            problems.append(
                Problem(category.path, entry.line, _meaning_changed(old, entry, path.name))
            )


def _meaning_changed(old: LockedEntry, entry: Entry, lock_name: str) -> str:
    return (
        f"code {old.code} now describes a different error than the one published "
        f'(was "{old.scenario}", now "{entry.scenario}"): a published code keeps its meaning, '
        f"so mark {old.code} `obsolete:` and give the new error a new code (if it truly is the "
        f"same error, update its wording in {lock_name} in the same change)"
    )


def same_meaning(old: LockedEntry, entry: Entry, others: Iterable[LockedEntry] = ()) -> bool:
    """Whether `entry` still describes the error `old` recorded (see the module's rules)."""
    if (old.scenario, old.message) == (entry.scenario, entry.message):
        return True
    if _similar(old.scenario, entry.scenario):
        # Reworded, not reused: no other published error is described better by the new text.
        own = _closeness(old.scenario, entry.scenario)
        return all(_closeness(other.scenario, entry.scenario) <= own for other in others)
    specific = len(_words(old.message)) >= _SPECIFIC_MESSAGE_WORDS
    return specific and _similar(old.message, entry.message)


def _closeness(old: str, new: str) -> float:
    """How alike two texts are, from 0 to 1: the better of characters and shared words."""
    ratio = difflib.SequenceMatcher(None, old.casefold(), new.casefold()).ratio()
    old_words, new_words = _words(old), _words(new)
    if not old_words or not new_words:
        return ratio
    return max(ratio, len(old_words & new_words) / min(len(old_words), len(new_words)))


def _similar(old: str, new: str) -> bool:
    ratio = difflib.SequenceMatcher(None, old.casefold(), new.casefold()).ratio()
    if ratio >= _SIMILAR_CHARACTERS:
        return True
    old_words, new_words = _words(old), _words(new)
    if not old_words or not new_words:
        return False
    shared = len(old_words & new_words) / min(len(old_words), len(new_words))
    return shared >= _SHARED_WORDS


def _words(text: str) -> set[str]:
    """Content words, crudely stemmed (`tokens` ~ `token`, `retrieving` ~ `retrieve`)."""
    words = (word.casefold() for word in _WORD.findall(text))
    return {_stem(word) for word in words if word not in _STOPWORDS}


def _stem(word: str) -> str:
    if word.startswith("${"):
        return word
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word
