"""Pages written as one heading per code (Rust's error index, Ruff's rules) to catalogue entries.

`import_headings` reads the ATX headings outside front matter and code fences. A heading
whose text starts with a code token (letters, digits, `.`, `_`, `-`, holding a digit: `1004`,
`E0001`, `22P02`) is a code heading; `E501 (line-too-long)`, `` 22012 `division_by_zero` ``
and `line-too-long (E501)` give the entry a name too, and any other text after the code
(`1004: Failed to open…`) is its scenario. The codes are at the level most code headings
have; code-like headings at other levels stay in the page and are reported.

An entry's body is everything up to the next heading at the codes' level or above: the first
sentence of its first paragraph becomes the scenario (unless the heading gave one), the rest
the entry's `markdown` field, as written. Fences are opaque: nothing inside them is read.
The category of a code is the nearest heading above it at a higher level that is not a code
heading, else the page's title, else the file's name. The page keeps its category headings
and what stands before the first code; the codes' sections become the category's marker.
Nothing is decided about obsolescence: a section that says it is no longer used is reported.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .cell_html import catalogue_text, shown_title
from .importing import (
    MARKER_LINE,
    Notice,
    PageImport,
    Skipped,
    UniqueNames,
    front_matter_end,
    slugify,
    split_sentences,
)
from .loading import FileCache, is_category_file, read_declaration
from .markdown_syntax import read_heading
from .markers import find_markers, next_fence_state, pages_by_category
from .model import Category, Code, Declaration, Entry, thousands_block
from .problems import Problem, display_path
from .validation import SLUG, whole_number

_ATX_LEVEL = re.compile(r" {0,3}(?P<hashes>#{1,6})(?:[ \t]|$)")
_CODE_TOKEN = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_CODE_TITLE = re.compile(rf"(?P<code>{_CODE_TOKEN})(?:\s*[:\u2014\u2013-]\s+|\s+|$)(?P<rest>.*)")
_NAME_AFTER = re.compile(rf"\(\s*`?(?P<name>{_CODE_TOKEN})`?\s*\)|`(?P<quoted>{_CODE_TOKEN})`")
_NAME_FIRST = re.compile(rf"`?(?P<name>{_CODE_TOKEN})`?\s*\(\s*`?(?P<code>{_CODE_TOKEN})`?\s*\)")
_OBSOLETE_WORDS = re.compile(
    r"\b(?:no longer (?:emitted|used|raised|returned)|deprecated|obsolete|removed)\b", re.I
)
_FENCE_OPEN = re.compile(r"[ \t]*(?:`{3,}|~{3,})")


@dataclass(frozen=True)
class _Heading:
    index: int  # of its line
    level: int
    title: str
    heading_id: str | None


@dataclass(frozen=True)
class _CodeTitle:
    code: Code
    name: str | None
    scenario: str | None  # from the heading's text, when it gives more than a name


@dataclass(frozen=True)
class Section:
    """What was made of one code heading, for the report."""

    line: int
    code: Code
    name: str | None
    scenario_from_heading: bool
    sentences: int  # in the body, after the scenario's
    code_blocks: int
    category_file: str = ""


@dataclass(frozen=True)
class HeadingImport:
    """The page's code headings read into categories (as `PageImport`), and the report."""

    result: PageImport
    sections: tuple[Section, ...]


def import_headings(text: str, page_name: str, body_field: str) -> HeadingImport:
    """Read the code headings of a page (see the module docstring); `page_name` titles a
    category without a heading, `body_field` receives each entry's body."""
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", text)
    headings = _headings(lines)
    titled = [(heading, _code_title(heading.title)) for heading in headings]
    levels = Counter(heading.level for heading, code in titled if code is not None)
    if not levels:
        return HeadingImport(PageImport((), text, ()), ())
    level = min(levels, key=lambda found: (-levels[found], found))
    notices: list[Notice] = []
    skipped: list[Skipped] = []
    groups: dict[tuple[int, str], list[tuple[_Heading, _CodeTitle, int]]] = {}
    category_of: dict[tuple[int, str], _Heading | None] = {}
    seen: set[str] = set()
    parent: _Heading | None = None
    section_end = 0
    for position, (heading, code_title) in enumerate(titled):
        if code_title is None or heading.level != level:
            if code_title is not None:
                notices.append(_other_level(heading, level, heading.index < section_end))
            elif heading.level < level:
                parent = heading
            continue
        end = _section_end(titled, position, level, len(lines))
        key = str(code_title.code).lower()
        if key in seen:
            skipped.append(Skipped(heading.index + 1, f"`{code_title.code}` is a code already"))
            continue
        if code_title.scenario is None and not _body(lines, heading.index + 1, end):
            skipped.append(Skipped(heading.index + 1, f"`{heading.title}` has no text under it"))
            continue
        seen.add(key)
        section_end = end
        group = (-1, "") if parent is None else (parent.index, parent.title)
        category_of[group] = parent
        groups.setdefault(group, []).append((heading, code_title, end))
    fallback = _page_title(headings) or page_name
    categories, sections = _categories(lines, groups, category_of, fallback, body_field)
    notices.extend(_section_notices(lines, groups))
    page = _rewritten(lines, groups, categories)
    table_lines = tuple(entries[0][0].index + 1 for entries in groups.values())
    result = PageImport(tuple(categories), page, tuple(skipped), tuple(notices), table_lines)
    return HeadingImport(result, tuple(sections))


def has_code_headings(text: str) -> bool:
    """Whether the page has a heading starting with a code, outside fences."""
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", text)
    return any(_code_title(heading.title) is not None for heading in _headings(lines))


def _headings(lines: list[str]) -> list[_Heading]:
    """The ATX headings outside front matter and fenced code."""
    found: list[_Heading] = []
    fence: str | None = None
    for index in range(front_matter_end(lines), len(lines)):
        line = lines[index].rstrip("\r\n")
        inside = fence is not None
        fence = next_fence_state(fence, line)
        if inside or fence is not None:
            continue
        level = _ATX_LEVEL.match(line)
        heading = read_heading(line)
        if level is not None and heading is not None:
            found.append(_Heading(index, len(level.group("hashes")), *heading))
    return found


def _code_title(title: str) -> _CodeTitle | None:
    """The code, name and scenario a heading's text gives; None when it starts with no code."""
    name_first = _NAME_FIRST.fullmatch(title)
    if (
        name_first is not None
        and _is_code(name_first.group("code"))
        and not _is_code(name_first.group("name"))
    ):
        return _CodeTitle(_code(name_first.group("code")), name_first.group("name"), None)
    match = _CODE_TITLE.fullmatch(title.strip())
    if match is None or not _is_code(match.group("code")):
        return None
    rest = match.group("rest").strip()
    named = _NAME_AFTER.match(rest)
    name = None
    if named is not None:
        name = named.group("name") or named.group("quoted")
        rest = rest[named.end() :].strip(" :\u2014\u2013-")
    scenario = shown_title(rest) if rest else None
    return _CodeTitle(_code(match.group("code")), name, scenario)


def _is_code(token: str) -> bool:
    return any(character.isdigit() for character in token) and SLUG.match(token) is not None


def _code(token: str) -> Code:
    number = whole_number(token)
    return token if number is None else number


def _other_level(heading: _Heading, level: int, in_section: bool) -> Notice:
    hashes = "#" * heading.level
    where = "kept in the text of the code above it" if in_section else "left in the page"
    return Notice(
        heading.index + 1,
        f"`{hashes} {heading.title}` is a heading like a code at level {heading.level}, but "
        f"the codes are at level {level}: {where}",
    )


def _section_end(
    titled: list[tuple[_Heading, _CodeTitle | None]], position: int, level: int, count: int
) -> int:
    """The index after a code section: the next heading at the codes' level or above."""
    later = (heading.index for heading, _ in titled[position + 1 :] if heading.level <= level)
    return next(later, count)


def _page_title(headings: list[_Heading]) -> str | None:
    titles = [heading.title for heading in headings if heading.level == 1]
    return shown_title(titles[0]) if titles else None


_Groups = dict[tuple[int, str], list[tuple[_Heading, _CodeTitle, int]]]


def _categories(
    lines: list[str],
    groups: _Groups,
    category_of: dict[tuple[int, str], _Heading | None],
    fallback: str,
    body_field: str,
) -> tuple[list[Category], list[Section]]:
    categories: list[Category] = []
    sections: list[Section] = []
    names = UniqueNames(set())
    for position, (group, members) in enumerate(groups.items(), start=1):
        heading = category_of[group]
        title = shown_title(heading.title) if heading is not None else fallback
        wanted = heading.heading_id if heading and heading.heading_id else slugify(title)
        category_id = names.claim(wanted if SLUG.match(wanted or "") else f"category-{position}")
        file_name = f"{position:02d}-{category_id}.yml"
        entries = []
        for code_heading, code_title, end in members:
            body = _body(lines, code_heading.index + 1, end)
            entry, section = _entry(code_heading, code_title, body, body_field)
            entries.append(entry)
            sections.append(Section(**{**section.__dict__, "category_file": file_name}))
        codes = [entry.code for entry in entries if entry.code is not None]
        categories.append(
            Category(
                id=category_id,
                title=title,
                path=Path(file_name),
                entries=tuple(entries),
                range=thousands_block(codes),
            )
        )
    return categories, sections


def _body(lines: list[str], start: int, end: int) -> str:
    return "\n".join(line.rstrip("\r\n") for line in lines[start:end]).strip("\n").rstrip()


def _entry(
    heading: _Heading, code_title: _CodeTitle, body: str, body_field: str
) -> tuple[Entry, Section]:
    scenario, rest = code_title.scenario, body
    if scenario is None:
        scenario, rest = _first_sentence(body)
    extra = ((body_field, rest),)  # even empty: it marks the entry as of declared fields
    entry = Entry(
        code=code_title.code,
        id=None,
        scenario=scenario,
        name=code_title.name,
        extra=extra,
        line=heading.index + 1,
    )
    prose = _outside_fences(rest)
    section = Section(
        line=heading.index + 1,
        code=code_title.code,
        name=code_title.name,
        scenario_from_heading=code_title.scenario is not None,
        sentences=len(split_sentences(prose.replace("\n", " "))) if prose.strip() else 0,
        code_blocks=_code_blocks(rest),
    )
    return entry, section


def _first_sentence(body: str) -> tuple[str, str]:
    """The first sentence of the body's first paragraph (its lines joined), and the body
    without it. A body that starts with anything but a paragraph gives no sentence."""
    paragraph, _, after = body.partition("\n\n")
    if _FENCE_OPEN.match(paragraph) or paragraph.lstrip().startswith(("-", "*", "|", ">", "<")):
        return "", body
    sentences = split_sentences(" ".join(line.strip() for line in paragraph.splitlines()))
    first = catalogue_text(sentences[0])[0] if sentences else ""  # as the page showed it
    rest = " ".join(sentences[1:])
    return first, "\n\n".join(part for part in (rest, after.strip("\n")) if part)


def _outside_fences(text: str) -> str:
    kept: list[str] = []
    fence: str | None = None
    for line in text.splitlines():
        inside = fence is not None
        fence = next_fence_state(fence, line)
        if not inside and fence is None:
            kept.append(line)
    return "\n".join(kept)


def _code_blocks(text: str) -> int:
    count, fence = 0, None
    for line in text.splitlines():
        opened = fence is None
        fence = next_fence_state(fence, line)
        count += opened and fence is not None
    return count


def _section_notices(lines: list[str], groups: _Groups) -> Iterator[Notice]:
    """What a person should look at in each imported section: raw HTML outside code (shown as
    typed by the plugin), and words saying the error is no longer used (never decided here)."""
    for members in groups.values():
        for heading, code_title, end in members:
            prose = _outside_fences(_body(lines, heading.index + 1, end))
            for notice in catalogue_text(prose)[1]:
                yield Notice(heading.index + 1, f"{code_title.code} {notice}")
            if _OBSOLETE_WORDS.search(prose):
                yield Notice(
                    heading.index + 1,
                    f"{code_title.code} says it is no longer used: mark it `obsolete:` if so",
                )


def _rewritten(lines: list[str], groups: _Groups, categories: list[Category]) -> str:
    """The page with each imported code section removed, the first of each category replaced
    by the category's marker: whatever stands between sections stays."""
    replaced: list[list[str]] = [[line] for line in lines]
    for members, category in zip(groups.values(), categories, strict=True):
        for position, (heading, _, end) in enumerate(members):
            for index in range(heading.index, end):
                replaced[index] = []
            if position == 0:
                blank = ["\n"] if members[-1][2] < len(lines) else []
                replaced[heading.index] = [MARKER_LINE.format(category.id) + "\n", *blank]
    return "".join(line for group in replaced for line in group)


# ---------------------------------------------------------------------------------------------
# The target catalogue: which field takes the bodies, where the new files go, which pages
# would show them

NEW_DECLARATION = "fields:\n  scenario: {}\n  explanation: {kind: markdown}\n"
IMPLICIT_WITH_EXPLANATION = (
    "fields:\n  scenario: {}\n  message: {required: false}\n  user_actions: {kind: texts}\n"
    "  developer_actions: {kind: texts}\n  explanation: {kind: markdown}\n"
)
_PREFIX = re.compile(r"(?P<number>\d+)-")


@dataclass(frozen=True)
class Target:
    """How a heading import fits the catalogue folder: the field for the bodies, the field
    declaration to write (None: keep the folder's), or why it cannot."""

    body_field: str
    declaration: str | None = None
    refusal: str | None = None


def target_fields(folder: Path) -> Target:
    """The `markdown` field that takes the sections' bodies in `folder`'s catalogue."""
    problems: list[Problem] = []
    declaration = read_declaration(folder, FileCache(), problems) if folder.is_dir() else None
    has_categories = bool(_category_names(folder))
    if problems:
        return Target("", refusal=f"{problems[0]}: fix the field declaration first")
    if declaration is None or declaration.path is None:
        if not has_categories:
            return Target("explanation", declaration=NEW_DECLARATION)
        return Target(
            "",
            refusal=f"{display_path(folder)} has no field declaration, so its entries need a "
            "`message`, which a page of headings does not give: add "
            f"{display_path(folder / '_fields.yml')} with\n{IMPLICIT_WITH_EXPLANATION}"
            "and run the import again",
        )
    return _declared_target(declaration)


def _declared_target(declaration: Declaration) -> Target:
    where = display_path(declaration.path) if declaration.path else "the declaration"
    markdown = next((spec for spec in declaration.fields if spec.kind == "markdown"), None)
    if markdown is None:
        return Target(
            "",
            refusal=f"{where} declares no `markdown` field to hold the sections' text: add "
            "`explanation: {kind: markdown}` to its `fields`",
        )
    required = [
        spec.name
        for spec in declaration.fields
        if spec.required and spec.name not in ("scenario", markdown.name)
    ]
    if required:
        names = ", ".join(f"`{name}`" for name in required)
        return Target(
            "",
            refusal=f"{where} requires {names}, which the page does not give: make it "
            "optional for the import, or add it to each section",
        )
    return Target(markdown.name)


def numbered_after(categories: tuple[Category, ...], folder: Path) -> tuple[Category, ...]:
    """The categories with file names that come after the folder's category files: numbered
    on from the highest `NN-` prefix, with its width; without prefixes when the folder has
    category files without any; as they are in a folder without category files."""
    names = _category_names(folder)
    if not names:
        return categories
    prefixes = [match.group("number") for name in names if (match := _PREFIX.match(name))]
    if not prefixes:
        return tuple(dataclasses.replace(c, path=Path(f"{c.id}.yml")) for c in categories)
    start = max(int(prefix) for prefix in prefixes)
    width = max(len(prefix) for prefix in prefixes)
    return tuple(
        dataclasses.replace(c, path=Path(f"{start + n:0{width}d}-{c.id}.yml"))
        for n, c in enumerate(categories, start=1)
    )


def _category_names(folder: Path) -> list[str]:
    """The names of the category files of `folder`; none when it is no folder or cannot be
    listed (which the check of the import then reports)."""
    try:
        return [path.name for path in folder.iterdir() if is_category_file(path.name)]
    except OSError:
        return []


def marker_warnings(
    categories: tuple[Category, ...], output: Path, page_text: str, docs: Path
) -> list[str]:
    """Pages of `docs` whose `<!-- error-catalogue -->` marker, earlier in file order than the
    import's output page, would show the imported categories (so their deep links lead there)."""
    if not docs.is_dir():
        return []
    ids = [category.id for category in categories]
    pages: list[tuple[Path, str]] = []
    for path in sorted(docs.rglob("*.md")):
        if path.resolve() == output.resolve():
            pages.append((path, page_text))
            continue
        try:
            pages.append((path, path.read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError):
            continue
    shown = pages_by_category(ids, pages)
    elsewhere: dict[Path, list[str]] = {}
    for category_id, path in shown.items():
        if path.resolve() != output.resolve():
            elsewhere.setdefault(path, []).append(category_id)
    return [
        f"{display_path(path)}:{_all_marker_line(text)} shows every category, so the imported "
        f"categories {', '.join(f'`{i}`' for i in found)} will show there too, and their deep "
        f"links will lead there, not to {display_path(output)}: give {display_path(path)} "
        "one-category markers"
        for path, text in pages
        if (found := elsewhere.get(path))
    ]


def _all_marker_line(text: str) -> int:
    markers = find_markers(text.splitlines())
    return next((marker.line for marker in markers if marker.category is None), 1)
