"""Reading a catalogue folder: files, text decoding and YAML parsing, with line numbers kept."""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from stat import S_ISREG
from typing import Any

import yaml

from .declaration import DeclarationReader
from .locking import check_lock, lock_path
from .model import IMPLICIT_DECLARATION, Catalogue, Category, Declaration
from .problems import CatalogueError, Problem, display_path
from .validation import (
    MAP_TAG,
    SEQ_TAG,
    STR_TAG,
    CategoryReader,
    SourceText,
    check_catalogue,
    yaml_fault,
    yaml_quoted,
)

try:  # libyaml parses ten times faster; the pure-Python loader is the fallback
    from yaml import CSafeLoader as _BaseLoader

    LIBYAML = True
except ImportError:  # depends on how PyYAML was built (tested with libyaml hidden)
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

    LIBYAML = False
# From this much YAML on, reading without libyaml costs a second or more (docs/performance.md).
SLOW_WITHOUT_LIBYAML = 1_000_000  # bytes
WITHOUT_LIBYAML = (
    "PyYAML was installed without libyaml, so the catalogue is read by its pure-Python parser, "
    "about ten times slower (4 s instead of 0.24 s for 10,000 codes): install a PyYAML wheel "
    "that includes libyaml (`pip install --force-reinstall --only-binary :all: PyYAML`), or "
    "libyaml's headers (Debian: `apt install libyaml-dev`) before building PyYAML"
)

# Plain scalars starting with a letter are text, but for these words (any case, to be safe).
_LETTER_WORDS_WITH_TYPES = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


class _Loader(_BaseLoader):
    """libyaml asks Python for the type of every value it reads: answered here without going
    through PyYAML's resolver where the answer is certain, with the same result.

    Quoted text, and plain text starting with a letter (except the words above), is a string;
    a mapping is a mapping, a list a list. Catalogue files use no path resolvers, so the
    resolver's per-node bookkeeping is skipped too.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> Any:
        if kind is yaml.ScalarNode:
            if not implicit[0] or (
                value[:1].isalpha() and value.lower() not in _LETTER_WORDS_WITH_TYPES
            ):
                return STR_TAG
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return MAP_TAG if kind is yaml.MappingNode else SEQ_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Nothing to track: no path resolvers."""

    def ascend_resolver(self) -> None:
        """Nothing to track: no path resolvers."""


_CATALOGUE_SUFFIXES = (".yml", ".yaml")
# The catalogue folder's sub-folder of PO files (see `translating`).
TRANSLATIONS_FOLDER = "translations"
# The field declaration's file, directly in the catalogue folder (any case).
FIELDS_FILE_NAMES = ("_fields.yml", "_fields.yaml")
# The same rules for editors (YAML language server); checks across files are the loader's.
CATALOGUE_SCHEMA = Path(__file__).parent / "schema" / "catalogue.schema.json"
FIELDS_SCHEMA = Path(__file__).parent / "schema" / "fields.schema.json"
# Far beyond any real category file, far below what would exhaust memory (billion laughs).
MAX_EXPANDED_NODES = 1_000_000
# Text repeated by aliases costs the build as if written out: a 1 MB string aliased a thousand
# times made a 1 GB page. Reusing a list of actions a thousand times adds a few hundred
# thousand characters; this is ten times that, and builds in seconds.
MAX_ALIASED_CHARACTERS = 1_000_000
# Where YAML could define an anchor: without one there can be no alias, and the file need not
# be walked for the check above. A YAML anchor is `&` and a name of letters, digits, `_` and
# `-`, after a space, `:`, `-` or a bracket, and ended by a space or one of `?:,]}%@``
# (anything else there is a YAML error), so HTML entities such as ` &amp;` in text don't count.
# The pattern starts with the `&` itself (what comes before is looked behind), so that the
# regular expression engine skips straight from one `&` to the next.
_ANCHOR = re.compile(
    r"&(?:(?<=^&)|(?<=[\s:,\[{-]&))[0-9A-Za-z_-]+(?:[\s?:,\]}%@`]|\Z)", re.MULTILINE
)


# A file changed this recently may change again within the same tick of the file system's
# clock, keeping its size and times (FAT counts in 2 s): its content tells then.
_RACY_NS = 2_000_000_000
# Which file, its size, modification and change times, and the digest of a "racy" file's bytes.
FileState = tuple[int, int, int, int, int, bytes | None]


def file_state(path: Path) -> FileState | None:
    """What differs after any change to the file `path` (a link followed): which file it is,
    its size and its times, the change time included, which no program sets (`cp -p` keeps
    size and modification time), and for a file changed too recently for its times to tell
    (as git's index treats "racy" files), a digest of its bytes. None when the file cannot be
    reached. Taken before the file is read: a change made meanwhile is seen next time."""
    try:
        stat = path.stat()
        racy = time.time_ns() - stat.st_ctime_ns < _RACY_NS
        digest = _digest(path) if racy and S_ISREG(stat.st_mode) else None
    except OSError:  # a dangling link, a link loop, no permission: reading says what is wrong
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, digest)


def _digest(path: Path) -> bytes:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "blake2b").digest()


class FileCache:
    """Catalogue files read before, kept while their `file_state` is unchanged: `serve`
    rebuilds after an edit read only the file that changed, and every category file after an
    edit of the field declaration, by which they are read."""

    def __init__(self) -> None:
        self._files: dict[Path, tuple[object, Category | None, list[Problem]]] = {}
        self._declarations: dict[Path, tuple[object, Declaration | None, list[Problem]]] = {}

    def category(
        self,
        folder: Path,
        path: Path,
        problems: list[Problem],
        declaration: Declaration = IMPLICIT_DECLARATION,
    ) -> Category | None:
        """The category file `path`, read again unless its state and the declaration it was
        read by are known and unchanged."""
        key = (file_state(path), declaration)
        cached = self._files.get(path)
        if key[0] is None or cached is None or cached[0] != key:
            found: list[Problem] = []
            category = _load_category(folder, path, found, declaration)
            cached = self._files[path] = (key, category, found)
        problems.extend(cached[2])
        return cached[1]

    def declaration(self, folder: Path, path: Path, problems: list[Problem]) -> Declaration | None:
        """The field declaration in `path` (None when it has problems), read again unless its
        state is known and unchanged."""
        state = file_state(path)
        cached = self._declarations.get(path)
        if state is None or cached is None or cached[0] != state:
            found: list[Problem] = []
            cached = self._declarations[path] = (
                state,
                _load_declaration(folder, path, found),
                found,
            )
        problems.extend(cached[2])
        return cached[1]


Signature = tuple[tuple[str, FileState], ...]


def file_signature(paths: list[Path]) -> Signature | None:
    """What changes when any of `paths` is edited, added or removed (see `file_state`); None
    when one of them cannot be reached (a link to nowhere, say), so that what was made from
    them is made again, and its problem said again."""
    states = [(str(path), file_state(path)) for path in paths if os.path.lexists(path)]
    known = [(name, state) for name, state in states if state is not None]
    return tuple(known) if len(known) == len(states) else None


def catalogue_sources(folder: Path) -> list[Path]:
    """The files that make up the catalogue of `folder`, the one list: its category files and
    field declaration, the YAML files misplaced in its sub-folders, its translations (`.po`,
    `.pot`) and its lock. A site whose docs folder holds the catalogue leaves them out of the
    site."""
    if not folder.is_dir():
        return [lock_path(folder)]
    translations = folder / TRANSLATIONS_FOLDER
    return [
        *sorted(path for path in folder.iterdir() if is_catalogue_source(path.name)),
        *misplaced_files(folder),
        *sorted(path for path in translations.glob("*.po*") if path.suffix in (".po", ".pot")),
        lock_path(folder),
    ]


def catalogue_bytes(folder: Path) -> int:
    """The size of the category files of `folder`: what the YAML parser reads."""
    return sum(path.stat().st_size for path in catalogue_files(folder))


class CatalogueCache:
    """Catalogues by folder, loaded again only when one of `catalogue_sources` changed (and
    then only the category files that changed are read again, see `FileCache`). A catalogue
    that did not load is kept as its `CatalogueError` until its files change."""

    def __init__(self) -> None:
        self._files = FileCache()
        # folder -> (its signature, the catalogue or why not, what changed since the lock)
        self._loaded: dict[
            Path, tuple[Signature | None, Catalogue | CatalogueError, list[Problem]]
        ] = {}

    def load(self, folder: Path, lock_differences: list[Problem] | None = None) -> Catalogue:
        """`load_catalogue(folder)`, from the cache while its files are unchanged; what
        changed since the lock is added to `lock_differences`."""
        try:
            signature = file_signature(catalogue_sources(folder))
        except (OSError, RuntimeError):  # Python 3.11 says RuntimeError for a loop of links
            return load_catalogue(folder, self._files, lock_differences)  # which says why
        cached = self._loaded.get(folder)
        if signature is None or cached is None or cached[0] != signature:
            differences: list[Problem] = []
            try:
                result: Catalogue | CatalogueError = load_catalogue(
                    folder, self._files, differences
                )
            except CatalogueError as error:
                result = error
            cached = self._loaded[folder] = (signature, result, differences)
        if lock_differences is not None:
            lock_differences.extend(cached[2])
        if isinstance(cached[1], CatalogueError):
            raise cached[1]
        return cached[1]


def load_catalogue(
    folder: Path, cache: FileCache | None = None, lock_differences: list[Problem] | None = None
) -> Catalogue:
    """Load and validate every category file of `folder`, by the folder's field declaration,
    and check it against its lock.

    Raises `CatalogueError` listing every problem found, so one run shows them all. What
    changed since the lock (a rewording, a renamed category) goes to `lock_differences` when
    given, for the caller to show as warnings; otherwise, or along with other problems, it is
    a problem too. A declaration with problems stops before the categories are read: every
    entry's keys would look wrong by it.
    """
    files = catalogue_files(folder)
    cache = cache or FileCache()
    problems = _misplaced_problems(folder)
    declaration = read_declaration(folder, cache, problems)
    if declaration is None:
        raise CatalogueError(problems)
    faults = {path: fault for path in files if (fault := _fault(path))}
    problems += [Problem(path, None, fault) for path, fault in faults.items()]
    with _collector_paused():
        categories = [
            category
            for path in files
            if path not in faults
            and (category := cache.category(folder, path, problems, declaration)) is not None
        ]
    check_catalogue(categories, problems)
    catalogue = Catalogue(tuple(categories), declaration)
    differences = check_lock(catalogue, lock_path(folder), problems).problems
    if lock_differences is None or problems:
        problems.extend(differences)
    else:
        lock_differences.extend(differences)
    if problems:
        order = {path: index for index, path in enumerate(files)}
        problems.sort(key=lambda problem: (order.get(problem.path, len(order)), problem.line or 0))
        raise CatalogueError(problems)
    return catalogue


def read_declaration(folder: Path, cache: FileCache, problems: list[Problem]) -> Declaration | None:
    """The field declaration of the catalogue `folder`: its `_fields.yml`, else the implicit
    one. None when it has problems (added to `problems`)."""
    paths = declaration_files(folder)
    if not paths:
        return IMPLICIT_DECLARATION
    if len(paths) > 1:
        for path in paths[1:]:
            message = f"two field declarations, this and {paths[0].name}: keep one"
            problems.append(Problem(path, None, message))
        return None
    fault = _fault(paths[0])
    if fault is not None:
        problems.append(Problem(paths[0], None, fault))
        return None
    return cache.declaration(folder, paths[0], problems)


def declaration_files(folder: Path) -> list[Path]:
    """The field declaration files directly in `folder` (one, or none, unless by mistake)."""
    try:
        paths = sorted(path for path in folder.iterdir() if is_declaration_file(path.name))
    except OSError:  # said by `catalogue_files`
        return []
    return paths


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the files are read.

    Reading makes a few hundred thousand YAML nodes, none of them in a cycle (an aliased
    file's cycles wait for the next collection); the collector would otherwise walk every
    one of them, and everything the build holds, many times over: a fifth of the reading
    time. It runs again afterwards as before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def is_catalogue_source(name: str) -> bool:
    """Whether a file of that name, directly in the catalogue folder, is read as part of the
    catalogue: a category or the field declaration. YAML (`.yml`, `.yaml`, any case), and not
    hidden (`.yamllint.yml` is a tool's settings)."""
    return name.lower().endswith(_CATALOGUE_SUFFIXES) and not name.startswith(".")


def is_category_file(name: str) -> bool:
    """Whether a file of that name, directly in the catalogue folder, is a category: a
    catalogue source other than the field declaration."""
    return is_catalogue_source(name) and not is_declaration_file(name)


def is_declaration_file(name: str) -> bool:
    """Whether a file of that name is a field declaration (`_fields.yml`, any case)."""
    return name.lower() in FIELDS_FILE_NAMES


def misplaced_files(folder: Path) -> list[Path]:
    """YAML files in sub-folders of the catalogue folder, which are not read: surely meant as
    categories (or as the field declaration). Hidden folders (`.github/`) and the translations
    are not searched."""
    found = []
    for parent, folders, names in os.walk(folder):
        top = Path(parent) == folder
        folders[:] = [
            name
            for name in sorted(folders)
            if not name.startswith(".") and not (top and name == TRANSLATIONS_FOLDER)
        ]
        if not top:
            found += [Path(parent, name) for name in sorted(names) if is_catalogue_source(name)]
    return found


def _misplaced_problems(folder: Path) -> list[Problem]:
    hint = (
        f"move it into {display_path(folder)}/ itself, or out of it: the YAML files directly "
        "in the catalogue folder are its categories"
    )
    return [
        Problem(path, None, f"is in a sub-folder, where category files are not read: {hint}")
        for path in misplaced_files(folder)
    ]


def catalogue_files(folder: Path) -> list[Path]:
    """The category files of `folder`, in natural name order (`2-…` before `10-…`)."""
    if not folder.is_dir():
        if fault := _fault(folder):
            raise CatalogueError([Problem(folder, None, f"catalogue folder {fault}")])
        hint = "create it, or point the `catalogue` option at the folder holding your YAML files"
        raise CatalogueError([Problem(folder, None, f"catalogue folder not found: {hint}")])
    try:
        paths = list(folder.iterdir())
    except OSError as error:
        problem = Problem(folder, None, f"catalogue folder {_unreadable(error)}")
        raise CatalogueError([problem]) from None
    files = sorted((path for path in paths if is_category_file(path.name)), key=_natural_key)
    if not files:
        message = "catalogue folder has no category files: add one YAML file (.yml) per category"
        raise CatalogueError([Problem(folder, None, message), *_misplaced_problems(folder)])
    if site_configs := [path for path in files if path.stem == "mkdocs"]:
        message = (  # `catalogue: .` or `catalogue: ""`: not a catalogue, and a page of problems
            "is the site's configuration, so this is not the catalogue folder: keep the category "
            "files in a folder of their own (the `catalogue` option, default `catalogue`)"
        )
        raise CatalogueError([Problem(site_configs[0], None, message)])
    return files


def _fault(path: Path) -> str | None:
    """Why `path` cannot be opened at all (a broken symbolic link, no permission), with the
    fix; None when it can be. Said before the path reaches the file cache, which would fail."""
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return (
                "is a symbolic link that leads back to itself (a loop): correct the link, or "
                "remove it"
            )
        if error.errno != errno.ENOENT:
            return _unreadable(error)
        if path.is_symlink():
            return (
                f"is a symbolic link to `{path.readlink()}`, which does not exist: correct "
                "the link, or remove it"
            )
    return None


def _unreadable(error: OSError) -> str:
    return (
        f"cannot be read ({error.strerror or error}): let the user who builds the site read "
        "it (for example with `chmod a+rX`)"
    )


def _natural_key(path: Path) -> list[int | str]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def _load_category(
    folder: Path, path: Path, problems: list[Problem], declaration: Declaration
) -> Category | None:
    read = _read_node(folder, path, problems, "give it at least `title:` and `errors:`")
    if read is None:
        return None
    node, source = read
    return CategoryReader(path, problems, source, declaration).category(node)


def _load_declaration(folder: Path, path: Path, problems: list[Problem]) -> Declaration | None:
    read = _read_node(folder, path, problems, "give it at least `fields:`")
    if read is None:
        return None
    node, source = read
    return DeclarationReader(path, problems, source).read(node)


def _read_node(
    folder: Path, path: Path, problems: list[Problem], empty_hint: str
) -> tuple[yaml.Node, SourceText] | None:
    """The YAML node of the catalogue file `path`, and its text; None when it has none."""
    text = _read_text(folder, path, problems)
    if text is None:
        return None
    source = SourceText(text)
    node = _parse(path, text, source, problems, empty_hint)
    return None if node is None else (node, source)


def _read_text(folder: Path, path: Path, problems: list[Problem]) -> str | None:
    if not path.resolve().is_relative_to(folder.resolve()):
        problems.append(
            Problem(
                path,
                None,
                "links to a file outside the catalogue folder: "
                "copy the file into the folder instead of linking to it",
            )
        )
        return None
    if not path.is_file():
        problems.append(Problem(path, None, "is not a file: remove it or rename it without .yml"))
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(path, None, _unreadable(error)))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(Problem(path, line, "is not valid UTF-8 text: save the file as UTF-8"))
        return None


def _parse(
    path: Path, text: str, source: SourceText, problems: list[Problem], empty_hint: str
) -> yaml.Node | None:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        problems.append(_yaml_problem(path, source, error))
        return None
    if node is None:
        problems.append(Problem(path, 1, f"file is empty: {empty_hint}"))
    elif may_hold_aliases(text) and (problem := _alias_problem(path, node, source)) is not None:
        problems.append(problem)
        return None
    return node


def _yaml_problem(path: Path, source: SourceText, error: yaml.YAMLError) -> Problem:
    """`error` as the checks say it (see `yaml_fault`), with the quoting that mends a text
    that YAML misread, when there is one."""
    fault = yaml_fault(source, error)
    if fault.character:
        return Problem(path, fault.line, fault.what)
    line, what = fault.line, fault.what
    fixes = ((m.line, fix) for m in fault.marks if (fix := _quoting_fix(source, m.line)))
    if found := next(fixes, None):
        line, what = found[0] + 1, f"{what}: {found[1]}"
    return Problem(path, line, f"invalid YAML: {what}")


def _alias_problem(path: Path, root: yaml.Node, source: SourceText) -> Problem | None:
    """Aliases that would make the file far larger once expanded than it is, if any."""
    expansion = _Expansion(root)
    if expansion.nodes > MAX_EXPANDED_NODES:
        message = (
            f"YAML aliases (`*name`) expand this file to more than {MAX_EXPANDED_NODES:,} "
            "values: write the values out instead"
        )
        return Problem(path, None, message)
    if expansion.added_characters > MAX_ALIASED_CHARACTERS:
        message = (
            "YAML aliases (`*name`) repeat the value at this line (and any others) until they "
            f"add more than {MAX_ALIASED_CHARACTERS:,} characters of text to the file: write "
            "the text out where it is needed instead, and shorter"
        )
        return Problem(path, source.line(expansion.largest_shared_line()), message)
    return None


# A line holding one text: `message: …`, or `- …` in a list of actions.
_TEXT_LINE = re.compile(
    r"(?P<prefix>\s*(?:-\s+)?(?:(?:title|description|scenario|message|reason)\s*:\s+)?)"
    r"(?P<value>\S.*?)\s*\Z"
)
_OTHER_KEY = re.compile(r"[A-Za-z_]+\s*:(?:\s|\Z)")
# Why YAML does not read a text starting with these as text.
_FIRST_CHARACTER = {
    "- ": "a text starting with `- ` is read as a list",
    "*": "a text starting with `*` is read as a YAML alias",
    "&": "a text starting with `&` is read as a YAML anchor",
    "!": "a text starting with `!` is read as a YAML tag",
    "|": "a text starting with `|` is read as a YAML text block",
    ">": "a text starting with `>` is read as a YAML text block",
    "[": "a text starting with `[` is read as a list",
    "{": "a text starting with `{` is read as a mapping",
    "@": "YAML keeps `@` at the start of a value",
    "`": "YAML keeps `` ` `` at the start of a value",
    "%": "a text starting with `%` is read as a YAML directive",
    '"': "a text starting with a quote ends at the next one",
    "'": "a text starting with a quote ends at the next one",
}


def _quoting_fix(source: SourceText, line_index: int) -> str | None:
    """`put the text in quotes: message: "…"`, the writer's own line quoted, when that line
    holds a text and quoting it mends the YAML there (checked by reading it again)."""
    lines = list(source.lines)
    known = source.editor_lines is None and line_index < len(lines)  # else lines are unsure
    match = _TEXT_LINE.match(lines[line_index]) if known else None
    if match is None or (
        not match["prefix"].rstrip().endswith(":") and _OTHER_KEY.match(match["value"])
    ):
        return None
    value = match["value"]
    lines[line_index] = match["prefix"] + yaml_quoted(value)
    try:
        yaml.compose("\n".join(lines), Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        if error.problem_mark is None or error.problem_mark.line <= line_index:
            return None
    except yaml.YAMLError:
        return None
    start = next((k for k in _FIRST_CHARACTER if value.startswith(k)), None)
    reason = _FIRST_CHARACTER[start] if start else "`: ` inside a text starts a YAML mapping"
    if start is None and not re.search(r":(?:\s|\Z)", value):
        reason = "a text must be quoted here"
    return f"{reason}: put the text in quotes: {lines[line_index].strip()}"


def may_hold_aliases(text: str) -> bool:
    """False when `text` certainly defines no YAML anchor, so holds no alias to expand."""
    return _ANCHOR.search(text) is not None


class _Expansion:
    """What `root` stands for once every alias is expanded: how many nodes, and how many
    characters of text more than it holds written out.

    Iterative (YAML may nest deeper than Python recurses); a node reached again through an
    alias adds its whole expanded size again, a recursive alias counts once.
    """

    def __init__(self, root: yaml.Node) -> None:
        self.sizes: dict[int, tuple[int, int]] = {}  # node -> (nodes, characters), expanded
        self.nodes_by_id: dict[int, yaml.Node] = {}
        self.references: dict[int, int] = {}  # node -> how often it is written (its aliases)
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            children = _children(node)
            if children_done:
                below = [self.sizes.get(id(child), (1, 0)) for child in children]
                nodes, characters = self.sizes[id(node)]
                self.sizes[id(node)] = (
                    nodes + sum(size[0] for size in below),
                    characters + sum(size[1] for size in below),
                )
            elif id(node) not in self.sizes:
                # provisional: a recursive alias counts once
                self.sizes[id(node)] = (1, _characters(node))
                self.nodes_by_id[id(node)] = node
                for child in children:
                    self.references[id(child)] = self.references.get(id(child), 0) + 1
                stack.append((node, True))
                stack.extend((child, False) for child in children)
        self.nodes, expanded = self.sizes[id(root)]
        written = sum(_characters(node) for node in self.nodes_by_id.values())
        self.added_characters = expanded - written

    def largest_shared_line(self) -> int:
        """The line (as YAML counts, from 0) of the value written through aliases whose
        expansion is the largest."""
        shared = (key for key, count in self.references.items() if count > 1)
        largest = max(shared, key=lambda key: self.sizes[key][1])
        return int(self.nodes_by_id[largest].start_mark.line)


def _characters(node: yaml.Node) -> int:
    return len(node.value) if isinstance(node, yaml.ScalarNode) else 0


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []
