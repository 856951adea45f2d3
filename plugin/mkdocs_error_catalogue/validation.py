"""Turning parsed YAML into catalogue values, reporting every problem with its line.

The reader walks YAML nodes rather than loaded Python objects: nodes keep line numbers, show
duplicate keys (which a plain load silently drops) and keep scalars as the writer typed them.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from yaml.constructor import SafeConstructor

from .model import (
    BUILT_IN_FIELDS,
    IMPLICIT_DECLARATION,
    Category,
    Code,
    Declaration,
    Entry,
    FieldSpec,
    FieldValue,
    Obsolete,
)
from .problems import Problem

CATEGORY_KEYS = ("title", "id", "range", "description", "columns", "errors")
IDENTITY_KEYS = ("code", "name", "id")
OBSOLETE_KEYS = ("since", "reason", "replaced_by")

SLUG_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]*"  # a code or id, inside other patterns
SLUG = re.compile(SLUG_PATTERN + r"\Z")
# A code or id names a folder (`errors/<code>/`) and a file of the built site: file systems
# refuse names over 255 bytes, and an anchor a reader can copy is far shorter.
MAX_SLUG_LENGTH = 100
# Invisible in a page and, for STX/ETX, Markdown's own placeholders: never part of real text.
# C0 (but tab and newline), DEL and C1, which some terminals obey (U+009B starts a command).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters a page shows as nothing: white space, format characters (zero-width space and
# joiners, soft hyphen, byte-order mark, direction marks, word joiner), the Hangul fillers,
# variation selectors and tag characters. A text made only of them is empty.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f\U000e0100-\U000e01ef"
)
_VISIBLE = re.compile(rf"[^\s{_INVISIBLE}]")
# Limits that no real text reaches and that keep the rendering of any one text to about ten
# milliseconds: Python-Markdown's inline processing costs about (matches x length), and reads
# a character at a time from each `[` to its `]` and from each `](` to its `)`, to the end of
# the text when nothing closes them. Each `*`, `_`, `` ` `` or `\` may start emphasis, code
# or an escape, and every match rebuilds the text.
# Measured worst cases, and why these numbers: docs/stable-codes.md#hostile-input.
MAX_TEXT_LENGTH = 5_000
# A Markdown field (a long explanation) is rendered paragraph by paragraph, each within the
# limits of a text; the whole is bounded too, at ten of the longest texts.
MAX_MARKDOWN_LENGTH = 50_000
MAX_OPENING_BRACKETS = 20
MAX_LINK_SEARCH = 10_000
MAX_INLINE_MARKERS = 200
_BRACKET = re.compile(r"[\[\]()]")
_INLINE_MARKERS = "*_`\\"
# Without these, no text check but emptiness and length applies: one pass over most texts.
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\[*_`\\]")
# Plain (unquoted) values that YAML 1.2 tools (editors, linters, most other languages'
# libraries) read as numbers although PyYAML, which follows YAML 1.1, reads them as text.
YAML_12_NUMBER = re.compile(
    r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z"
)
PLAIN_NUMBER = re.compile(r"(0|[1-9][0-9]*)\Z")
# The largest whole number JavaScript holds exactly (2**53 - 1): SDKs read codes from the JSON
# export, and a larger one would silently become another number there.
MAX_CODE = 9_007_199_254_740_991
_MAX_CODE_DIGITS = len(str(MAX_CODE))
SLUG_RULE = "letters, digits, '.', '_' and '-', starting with a letter or digit"

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
NULL_TAG = "tag:yaml.org,2002:null"
BOOL_TAG = "tag:yaml.org,2002:bool"
FLOAT_TAG = "tag:yaml.org,2002:float"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
_SCALARS = SafeConstructor()


# PyYAML breaks lines at these too; editors show them inside a line (if at all).
_YAML_ONLY_BREAKS = "\x85\u2028\u2029"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# ` #` then a word (`Press #1`, `#general`): surely meant as text, which YAML cuts there.
_COMMENT_IN_TEXT = re.compile(r"\s+#\S")


@dataclasses.dataclass(frozen=True)
class YamlFault:
    """A YAML error as the checks say it: the line an editor shows, and what is wrong."""

    line: int | None
    what: str
    # Where a text that YAML misread may be mended by quoting it (the caller may look); empty
    # when `what` explains the error already.
    marks: tuple[yaml.Mark, ...] = ()
    character: bool = False  # a character YAML does not allow: `what` says it whole


def yaml_fault(source: SourceText, error: yaml.YAMLError) -> YamlFault:
    """The one reading of a YAML error, for category files and the lock alike: a tab where
    YAML expects spaces and line breaks that editors do not show are said in plain words
    (libyaml's are obscure), a character YAML does not allow is named."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = source.line(mark.line) if mark else None
        what = " ".join(part for part in (error.context, error.problem) if part)
        if mark and _character_at(source.text, mark) == "\t":
            return YamlFault(
                line, "a tab character where YAML expects spaces: indent with spaces only"
            )
        if source.editor_lines is not None:
            return YamlFault(
                line,
                f"{what} (the file holds U+2028, U+2029 or U+0085, which YAML reads as a line "
                "break although editors do not show one: remove them)",
            )
        marks = tuple(m for m in (error.problem_mark, error.context_mark) if m is not None)
        return YamlFault(line, what, marks)
    if isinstance(error, yaml.reader.ReaderError):
        line = source.text.count("\n", 0, error.position) + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else "character"
        return YamlFault(
            line, f"the character {character} is not allowed: remove it", character=True
        )
    return YamlFault(None, str(error))


def _character_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n", mark.line + 1)
    return lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""


class SourceText:
    """A category file's text: the lines editors show, and the writer's lines to quote back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.has_comments = "#" in text  # else no text can have been cut by one
        self.editor_lines: list[int] | None = None  # by PyYAML's line, the editor's (from 0)
        if any(character in text for character in _YAML_ONLY_BREAKS):
            self.editor_lines = [0]
            for match in _LINE_BREAK.finditer(text):
                breaks = match.group() not in _YAML_ONLY_BREAKS
                self.editor_lines.append(self.editor_lines[-1] + breaks)

    @functools.cached_property
    def lines(self) -> list[str]:
        """The file's lines, split when first needed: most files never need them."""
        return self.text.split("\n")

    def line(self, yaml_line: int) -> int:
        """The line (from 1) an editor shows for the line (from 0) PyYAML counts."""
        lines = self.editor_lines
        return (lines[yaml_line] if lines and yaml_line < len(lines) else yaml_line) + 1

    def written(self, node: yaml.Node) -> tuple[str, str] | None:
        """The line of `node` before it, and `node` as written up to the end of the line
        (a comment included), when it is on one line; None when that is not certain."""
        start, end = node.start_mark, node.end_mark
        if isinstance(node, yaml.MappingNode) and len(node.value) == 1:  # `- Retry: later`
            end = node.value[0][1].end_mark  # a block mapping ends where the next line starts
        if self.editor_lines is not None or start.line != end.line:
            return None
        line = self.lines[start.line].rstrip("\r") if start.line < len(self.lines) else ""
        rest = line[start.column :]
        value = rest.strip()
        return (line[: len(line) - len(rest.lstrip())], value) if value else None

    def quoted(self, node: yaml.Node) -> str | None:
        """The writer's line with `node` quoted as text: `message: "Your card: declined."`."""
        written = self.written(node)
        return None if written is None else (written[0] + yaml_quoted(written[1])).strip()


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class CategoryReader:
    """Reads one category file's YAML node into a `Category`, collecting problems."""

    def __init__(
        self,
        path: Path,
        problems: list[Problem],
        source: SourceText | None = None,
        declaration: Declaration = IMPLICIT_DECLARATION,
    ):
        self.path = path
        self.problems = problems
        self.source = source or SourceText("")
        self.declaration = declaration
        # Built-in fields a declaration leaves out are said apart (`report_undeclared`).
        left_out = [name for name in BUILT_IN_FIELDS if name not in declaration.names]
        self.entry_keys = (*IDENTITY_KEYS, *declaration.names, "obsolete", *left_out)

    def line(self, node: yaml.Node) -> int:
        return self.source.line(node.start_mark.line)

    def report(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(node), message))

    def category(self, node: yaml.Node) -> Category | None:
        """The category in `node`, or None when it is not a mapping at all.

        A broken value is reported and replaced by a stand-in (an empty title, no entries), so
        the checks across entries and files still run and one run reports every problem;
        `load_catalogue` never returns a catalogue in which a problem was reported.
        """
        fields = self.mapping(node, "a category file", CATEGORY_KEYS)
        if fields is None:
            return None
        return Category(
            id=self.category_id(fields),
            title=self.required_text(node, fields, "title", "the category") or "",
            path=self.path,
            entries=self.entries(node, fields),
            description=self.optional_text(fields, "description"),
            range=self.range(fields["range"]) if "range" in fields else None,
            columns=self.columns(fields["columns"], "this category")
            if "columns" in fields
            else None,
        )

    def category_id(self, fields: dict[str, yaml.Node]) -> str:
        if "id" in fields:
            return self.slug(fields["id"], "category id") or self.path.stem
        if not SLUG.match(self.path.stem):
            self.problems.append(
                Problem(
                    self.path,
                    1,
                    f"the file name `{self.path.stem}` cannot "
                    f"be the category id: add `id:` ({SLUG_RULE})",
                )
            )
        return self.path.stem

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...]
    ) -> dict[str, yaml.Node] | None:
        """The keys of a mapping node and their value nodes; unknown and repeated keys reported."""
        if not isinstance(node, yaml.MappingNode):
            self.report(node, f"{what} must be a mapping of `key: value` lines")
            return None
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key not in allowed:
                self.report(key_node, unknown_key(key, what, allowed))
            elif key in fields:
                self.report(key_node, f"`{key}` is given twice in {what}: keep one")
            else:
                fields[key] = value_node
        return fields

    def entries(self, node: yaml.Node, fields: dict[str, yaml.Node]) -> tuple[Entry, ...]:
        errors = fields.get("errors")
        if errors is None:
            self.report(node, "missing `errors:`: list the category's errors under it")
            return ()
        if not isinstance(errors, yaml.SequenceNode):
            self.report(errors, "`errors` must be a list: start each error with `- code: …`")
            return ()
        entries = [self.entry(item) for item in errors.value]
        return tuple(entry for entry in entries if entry is not None)

    def entry(self, node: yaml.Node) -> Entry | None:
        """The entry in `node`; None when it has no usable code, name or id to check it by."""
        fields = self.mapping(node, "an error", self.entry_keys)
        if fields is None:
            return None
        self.report_undeclared(node)
        code, name, entry_id = self.identity(node, fields)
        known = next((key for key in (code, name, entry_id) if key is not None), None)
        what = "this error" if known is None else f"error {known}"
        values: dict[str, FieldValue] = {}
        for spec in self.declaration.fields:
            if spec.name in fields:
                value = self.field_value(spec, fields[spec.name])
                if value is not None:
                    values[spec.name] = value
            elif spec.required:
                self.report_missing(node, spec, what)
        entry = Entry(
            code=code,
            id=entry_id,
            scenario=str(values.pop("scenario", "")),
            message=str(values.pop("message", "")),
            user_actions=_texts(values.pop("user_actions", ())),
            developer_actions=_texts(values.pop("developer_actions", ())),
            obsolete=self.obsolete(fields["obsolete"]) if "obsolete" in fields else None,
            line=self.line(node),
            name=name,
            extra=tuple(values.items()),
        )
        return None if known is None else entry

    def report_undeclared(self, node: yaml.Node) -> None:
        """A built-in field that the catalogue's declaration leaves out, given in an entry:
        said apart from other unknown keys, since the fix may be in the declaration."""
        declaration = self.declaration
        if declaration.path is None or not isinstance(node, yaml.MappingNode):
            return
        for key_node, _ in node.value:
            key = key_node.value
            if key in BUILT_IN_FIELDS and key not in declaration.names:
                file = declaration.path.name
                self.report(
                    key_node,
                    f"`{key}` is not a field of this catalogue ({display_declaration(declaration)}"
                    f" declares {', '.join(declaration.names)}): add `{key}:` to `fields` in "
                    f"{file}, or remove it here",
                )

    def report_missing(self, node: yaml.Node, spec: FieldSpec, what: str) -> None:
        declared = self.declaration.path
        required = f" (required by {declared.name}:{spec.line})" if declared else ""
        self.report(node, f"{what} has no `{spec.name}`: add `{spec.name}: …`{required}")

    def field_value(self, spec: FieldSpec, node: yaml.Node) -> FieldValue | None:
        """The value of the declared field `spec` in `node`, checked as its kind requires."""
        if spec.kind == "text":
            return self.text(node, spec.name)
        if spec.kind == "texts":
            built_in = spec.name in BUILT_IN_FIELDS  # said as "actions", as always
            return self.texts(node, "actions" if built_in else f"`{spec.name}`", spec.name)
        if spec.kind == "markdown":
            return self.markdown(node, spec.name)
        if spec.kind == "choice":
            return self.choice(node, spec)
        if spec.kind == "number":
            return self.number(node, spec.name)
        return self.url(node, spec.name)

    def identity(
        self, node: yaml.Node, fields: dict[str, yaml.Node]
    ) -> tuple[Code | None, str | None, str | None]:
        """An entry's code and name, or its id: a code or a name, or else an id, is needed."""
        if "code" in fields and "id" in fields:
            self.report(
                fields["id"],
                "an error has either a `code` or an `id`, not both: "
                "drop `id` once the error has a published code",
            )
        elif "name" in fields and "id" in fields:
            self.report(
                fields["id"],
                "an error with a `name` needs no `id`: drop `id`, the name is its anchor",
            )
        code = self.code(fields["code"], "code") if "code" in fields else None
        name = self.name(fields["name"], code) if "name" in fields else None
        if "code" in fields or "name" in fields:
            return code, name, None
        if "id" in fields:
            return None, None, self.slug(fields["id"], "error id")
        self.report(
            node,
            "error has no `code`: add `code: …`, or `id: …` for an error without a published code",
        )
        return None, None, None

    def name(self, node: yaml.Node, code: Code | None) -> str | None:
        """An entry's name: a slug, not all digits (it would read as a code), not its code."""
        if isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG:
            self.report(node, _DIGITS_NAME)
            return None
        if not (isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG):
            self.report(node, f"`name` must be a short name of {SLUG_RULE}")
            return None
        name = self.slug(node, "`name`")
        if name is not None and name.isdigit():
            self.report(node, _DIGITS_NAME)
            return None
        if name is not None and code is not None and name.lower() == str(code).lower():
            self.report(node, "`name` repeats the code: drop it")
            return None
        return name

    def code(self, node: yaml.Node, what: str) -> Code | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in (STR_TAG, INT_TAG, FLOAT_TAG):
            if node.tag == INT_TAG and (number := whole_number(node.value)) is not None:
                return number
            if node.tag == INT_TAG and PLAIN_NUMBER.match(node.value):
                self.report(
                    node,
                    f"`{what}` is larger than {MAX_CODE}, the largest number JavaScript reads "
                    f'exactly from the JSON export: quote it (`{what}: "…"`) to keep it as a '
                    "text code",
                )
                return None
            if SLUG.match(node.value):
                return self.text_code(node, what)
        self.report(
            node,
            f"`{what}` must be a whole number such as 1004 or a text code such as "
            f"E1004 ({SLUG_RULE})",
        )
        return None

    def text_code(self, node: yaml.ScalarNode, what: str) -> str | None:
        """A code that is not a whole number: refused when a YAML tool would read a number
        (`0100` is 64 to YAML 1.1, `0o17` is 15 and `1e3` 1000 to YAML 1.2), unless quoted."""
        if node.tag != STR_TAG or (not node.style and YAML_12_NUMBER.match(node.value)):
            self.report(
                node,
                f"`{what}: {node.value}` is not plain digits: write "
                f'`{what}: "{node.value}"` to keep it as a text code (unquoted, YAML tools '
                "read a number), or plain digits such as 1004",
            )
            return None
        return self.short(node, f"`{what}`")

    def slug(self, node: yaml.Node, what: str) -> str | None:
        is_name = isinstance(node, yaml.ScalarNode) and node.tag in (STR_TAG, INT_TAG)
        if is_name and SLUG.match(node.value):
            return self.short(node, what)
        self.report(node, f"{what} must be a short name of {SLUG_RULE}")
        return None

    def short(self, node: yaml.Node, what: str) -> str | None:
        """The code or id in `node`, at most `MAX_SLUG_LENGTH` characters long."""
        if len(node.value) <= MAX_SLUG_LENGTH:
            return str(node.value)
        self.report(
            node,
            f"{what} is {len(node.value)} characters long, more than the {MAX_SLUG_LENGTH} a "
            "code or id may have (each names a folder of the built site, and file systems "
            "refuse long names): shorten it",
        )
        return None

    def text(
        self, node: yaml.Node, key: str, problem_of: Callable[[str], str | None] | None = None
    ) -> str | None:
        """The text in `node`, checked by `problem_of` (by default `text_problem`)."""
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            if (problem := (problem_of or text_problem)(node.value)) is None:
                if node.style or not self.source.has_comments or not self.comment_cuts(node, key):
                    return str(node.value)
                return None
            self.report(node, f"`{key}` {problem}")
            return None
        quoted = self.source.quoted(node)
        if isinstance(node, yaml.ScalarNode):
            fix = f": {quoted}" if quoted else ""
            self.report(
                node,
                f"`{key}` must be text, not {_scalar_kind(node)}: put the value in quotes{fix}",
            )
        else:
            fix = f": put the text in quotes: {quoted}" if quoted else ""
            self.report(
                node,
                f"`{key}` must be text on one line or a YAML text block, not a "
                f"{'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}{fix}",
            )
        return None

    def comment_cuts(self, node: yaml.ScalarNode, key: str) -> bool:
        """Whether YAML cut the plain text `node` at ` #word`, taking the rest for a comment
        (reported): `Press #1 to retry` would silently become `Press`."""
        end = node.end_mark
        if end.line >= len(self.source.lines) or "#" not in self.source.lines[end.line]:
            return False
        written = self.source.written(node)
        cut = written[1][len(node.value) :] if written else ""
        if not _COMMENT_IN_TEXT.match(cut):
            return False
        self.report(
            node,
            f"`{key}` ends before `{cut.strip()}`, which YAML reads as a comment: put the text "
            f"in quotes: {self.source.quoted(node)} (or, for a comment, write `# ` with a space)",
        )
        return True

    def required_text(
        self, parent: yaml.Node, fields: dict[str, yaml.Node], key: str, what: str
    ) -> str | None:
        if key not in fields:
            self.report(parent, f"{what} has no `{key}`: add `{key}: …`")
            return None
        return self.text(fields[key], key)

    def optional_text(self, fields: dict[str, yaml.Node], key: str) -> str | None:
        return self.text(fields[key], key) if key in fields else None

    def texts(self, node: yaml.Node, what: str, name: str) -> tuple[str, ...]:
        """A list of texts (`[]` for none): the actions, or a declared `texts` field."""
        if not isinstance(node, yaml.SequenceNode):
            item = "action" if what == "actions" else "text"
            self.report(node, f"{what} must be a list: one `- {item}` per line, or `[]` for none")
            return ()
        key = "action" if what == "actions" else name
        texts = (self.text(item, key) for item in node.value)
        return tuple(text for text in texts if text is not None)

    def markdown(self, node: yaml.Node, name: str) -> str | None:
        """Block Markdown: a text whose paragraphs are each fit as a text (`markdown_problem`),
        and whose fenced code blocks are all closed."""
        text = self.text(node, name, markdown_problem)
        if text is None:
            return None
        opened = unclosed_fence(text)
        if opened is not None:
            fence, index = opened
            # Only a literal block keeps the file's lines in the text.
            literal = isinstance(node, yaml.ScalarNode) and node.style == "|"
            line = (
                self.source.line(node.start_mark.line + 1 + index) if literal else self.line(node)
            )
            self.problems.append(
                Problem(
                    self.path,
                    line,
                    f"`{name}`: the code block opened at line {line} is never closed: close it "
                    f"with {fence}",
                )
            )
            return None
        return text

    def choice(self, node: yaml.Node, spec: FieldSpec) -> str | None:
        """One of the declared values, compared as written (`yes`, `404` and `E` alike)."""
        allowed = [value for value, _ in spec.values]
        if isinstance(node, yaml.ScalarNode) and node.value in allowed:
            return str(node.value)
        written = node.value if isinstance(node, yaml.ScalarNode) else None
        declared = self.declaration.path
        where = f" (declared at {declared.name}:{spec.line})" if declared else ""
        close = difflib.get_close_matches(str(written), allowed, n=1) if written else []
        hint = f": did you mean `{close[0]}`?" if close else ""
        shown = f"`{spec.name}: {written}`" if written is not None else f"`{spec.name}`"
        self.report(node, f"{shown} is not one of {', '.join(allowed)}{where}{hint}")
        return None

    def number(self, node: yaml.Node, name: str) -> int | float | None:
        """A whole or decimal number, not a yes/no, within what JavaScript holds exactly."""
        if isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG:
            whole = _SCALARS.construct_yaml_int(node)
            if abs(whole) <= MAX_CODE:
                return int(whole)
            self.report(
                node,
                f"`{name}` is larger than {MAX_CODE}, the largest number JavaScript reads "
                "exactly from the JSON export: give a smaller number",
            )
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == FLOAT_TAG:
            decimal = float(_SCALARS.construct_yaml_float(node))
            if math.isfinite(decimal):  # not .nan or .inf, which JSON cannot hold
                return decimal
        quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
        if quoted and YAML_12_NUMBER.match(node.value):
            self.report(node, f"`{name}` must be a number such as 404, not text: remove the quotes")
        else:
            self.report(node, f"`{name}` must be a number such as 404")
        return None

    def url(self, node: yaml.Node, name: str) -> str | None:
        """A web address: decoded, then allowed only as http or https with a host."""
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            address = str(node.value).strip()
            if web_address(address):
                return address
        self.report(
            node,
            f"`{name}` must be a web address starting with https://, such as "
            "https://example.com/errors/1004",
        )
        return None

    def columns(self, node: yaml.Node, whose: str) -> tuple[str, ...] | None:
        """Table columns after the code column: `name` and declared fields, each once; `code`
        may be written, first only."""
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, f"`columns` of {whose} must be a list: `columns: [code, scenario]`")
            return None
        allowed = ("name", *self.declaration.names)
        columns: list[str] = []
        for index, item in enumerate(node.value):
            column = item.value if isinstance(item, yaml.ScalarNode) else None
            if column == "code":
                if index:
                    self.report(item, "`code` is always the first column: move it first")
            elif not isinstance(column, str) or column not in allowed:
                close = difflib.get_close_matches(str(column), allowed, n=1)
                hint = f"did you mean `{close[0]}`?" if close else "columns: " + ", ".join(allowed)
                self.report(
                    item,
                    f"`columns` of {whose} names `{column}`, not a field of this catalogue: {hint}",
                )
            elif column in columns:
                self.report(item, f"`columns` of {whose} names `{column}` twice: keep one")
            else:
                columns.append(column)
        return tuple(columns)

    def range(self, node: yaml.Node) -> tuple[int, int] | None:
        items = node.value if isinstance(node, yaml.SequenceNode) else []
        numbers = (
            whole_number(item.value)
            for item in items
            if isinstance(item, yaml.ScalarNode) and item.tag == INT_TAG
        )
        bounds = [number for number in numbers if number is not None]
        if len(items) != 2 or len(bounds) != 2 or bounds[0] > bounds[1]:
            self.report(
                node, "`range` must be two whole numbers, lowest first: `range: [1000, 1999]`"
            )
            return None
        return bounds[0], bounds[1]

    def obsolete(self, node: yaml.Node) -> Obsolete | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            if _SCALARS.construct_yaml_bool(node):
                return Obsolete()
            return None
        fields = self.mapping(node, "`obsolete` (or `obsolete: true`)", OBSOLETE_KEYS)
        if fields is None:
            return None
        replacement = fields.get("replaced_by")
        replaced_by = None if replacement is None else self.code(replacement, "replaced_by")
        return Obsolete(
            since=self.since(fields["since"]) if "since" in fields else None,
            reason=self.optional_text(fields, "reason"),
            replaced_by=None if replaced_by is None else str(replaced_by),
        )

    def since(self, node: yaml.Node) -> str | None:
        """A version or a date, kept exactly as written (an unquoted date stays `2022-10-25`)."""
        if isinstance(node, yaml.ScalarNode) and node.tag not in (NULL_TAG, BOOL_TAG):
            return str(node.value)
        self.report(node, '`since` must be a version or a date, such as "2.4" or 2022-10-25')
        return None


_DIGITS_NAME = (
    "a name of digits reads as a code: `lookup 404` would be ambiguous; make it a code, or "
    "use letters"
)
# An opening code fence of Markdown: up to three spaces, then three or more ` or ~.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _texts(value: FieldValue) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else ()


def unclosed_fence(text: str) -> tuple[str, int] | None:
    """The fence (```` ``` ````) and line index (from 0) of a code block `text` opens and never
    closes; None when every block is closed."""
    return _fenced_lines(text)[1]


def _fenced_lines(text: str) -> tuple[list[tuple[str, bool]], tuple[str, int] | None]:
    """The lines of the Markdown `text`, each with whether it is prose (not a fence line, not
    inside fenced code), and the fence and line index of a block left open at the end."""
    lines: list[tuple[str, bool]] = []
    opened: tuple[str, int] | None = None
    for index, line in enumerate(text.split("\n")):
        match = _FENCE.match(line)
        lines.append((line, opened is None and match is None))
        if match is None:
            continue
        marker = match.group(1)
        if opened is None:
            opened = (marker, index)
        elif marker.startswith(opened[0]) and not line.strip(" `~"):
            opened = None
    return lines, opened


def web_address(address: str) -> bool:
    """Whether `address` is an http or https address with a host, and no space or control
    character: decided on the text as a browser reads it."""
    if not address or any(c.isspace() for c in address) or CONTROL_CHARACTER.search(address):
        return False
    try:
        parts = urlsplit(address)
    except ValueError:  # an invalid IPv6 host
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def display_declaration(declaration: Declaration) -> str:
    """The declaration file as messages name it: its folder and name."""
    path = declaration.path
    return "the field declaration" if path is None else f"{path.parent.name}/{path.name}"


def markdown_problem(text: str) -> str | None:
    """What makes the block Markdown `text` unfit to show, and the fix; None when fit.

    Inline Markdown is processed a paragraph at a time, so each paragraph outside fenced code
    is checked as a text; code is shown as written, so only control characters count there.
    """
    if len(text) > MAX_MARKDOWN_LENGTH:
        return (
            f"is {len(text):,} characters long, more than the {MAX_MARKDOWN_LENGTH:,} a "
            "Markdown field may have: shorten it, and link to a page that says the rest"
        )
    if CONTROL_CHARACTER.search(text) or not _VISIBLE.search(text):
        return text_problem(text)  # says which character, or that it is empty
    for paragraph in _prose_paragraphs(text):
        if (problem := text_problem(paragraph)) is not None:
            return f"has a paragraph that {problem}"
    return None


def _prose_paragraphs(text: str) -> Iterator[str]:
    """The paragraphs of the Markdown `text` outside fenced code blocks, blank ones left out."""
    paragraph: list[str] = []
    for line, prose in _fenced_lines(text)[0]:
        if prose and line.strip():
            paragraph.append(line)
        elif paragraph:
            yield "\n".join(paragraph)
            paragraph = []
    if paragraph:
        yield "\n".join(paragraph)


def text_problem(text: str) -> str | None:
    """What makes `text` unfit to show, and the fix (`contains …: remove it`); None when fit.

    The one check of every text the site shows, from category files and translations alike.
    """
    special = _SPECIAL.search(text) is not None
    if special and (control := CONTROL_CHARACTER.search(text)):
        return f"contains the control character U+{ord(control.group(0)):04X}: remove it"
    if not _VISIBLE.search(text):
        invisible = next((c for c in text if not c.isspace()), None)
        held = (
            ""
            if invisible is None
            else f" (only invisible characters, such as U+{ord(invisible):04X})"
        )
        return f"is empty{held}: write the text, or remove the key"
    if len(text) > MAX_TEXT_LENGTH:
        return (
            f"is {len(text):,} characters long, more than the {MAX_TEXT_LENGTH:,} a text may "
            "have: shorten it, and link to a page that says the rest"
        )
    if not special:
        return None
    if (brackets := text.count("[")) > MAX_OPENING_BRACKETS:
        return (
            f"has {brackets} `[`, more than the {MAX_OPENING_BRACKETS} a text may have: "
            "write fewer links, or move the text to a page"
        )
    if "[" in text and (searched := link_search(text)) > MAX_LINK_SEARCH:
        return (
            f"has `[` or `](` whose end Markdown must search {searched:,} characters for, more "
            f"than the {MAX_LINK_SEARCH:,} allowed: close each `[` with its `]` (and `](` with "
            "its `)`), or write `\\[` for a bracket that opens no link"
        )
    if (markers := sum(map(text.count, _INLINE_MARKERS))) > MAX_INLINE_MARKERS:
        return (
            f"has {markers} of the characters * _ ` \\, more than the {MAX_INLINE_MARKERS} a "
            "text may have: write less emphasis and code, or move the text to a page"
        )
    return None


def link_search(text: str) -> int:
    """How many characters Python-Markdown reads looking for the ends of links in `text`: from
    each `[` to its `]`, and from each `](` to its `)`, or to the end when nothing closes them.
    (An escaped `\\[` opens nothing; counting it too only errs on the safe side.)"""
    searched = 0
    opened: dict[str, list[int]] = {"[": [], "(": []}
    for match in _BRACKET.finditer(text):
        character, at = match.group(), match.start()
        if character in opened:
            if character == "[" or text[at - 1 : at] == "]":
                opened[character].append(at)
            else:
                opened[character].append(-1)  # plain text: its `)` closes no link
        elif stack := opened["[" if character == "]" else "("]:
            start = stack.pop()
            searched += at - start if start >= 0 else 0
    return searched + sum(len(text) - at for stack in opened.values() for at in stack if at >= 0)


def unknown_key(key: object, what: str, allowed: Iterable[str]) -> str:
    """What to say of `key` in `what`, which takes only the `allowed` keys."""
    if not isinstance(key, str):
        return f"{what} has a key that is not a name: keys are plain words such as `title`"
    close = difflib.get_close_matches(key, list(allowed), n=1)
    hint = f"did you mean `{close[0]}`?" if close else "allowed keys: " + ", ".join(allowed)
    return f"unknown key `{key}` in {what}: {hint}"


def _scalar_kind(node: yaml.ScalarNode) -> str:
    return {
        INT_TAG: "a number",
        FLOAT_TAG: "a number",
        BOOL_TAG: "yes/no",
        NULL_TAG: "empty",
        "tag:yaml.org,2002:timestamp": "a date",
    }.get(node.tag, "that value")


def whole_number(text: str) -> int | None:
    """`text` as a whole-number code: plain digits without a leading zero (YAML would read
    `0100` as octal), at most `MAX_CODE`. None otherwise, before converting a long text."""
    if len(text) <= _MAX_CODE_DIGITS and PLAIN_NUMBER.match(text):
        number = int(text)
        return number if number <= MAX_CODE else None
    return None


def check_catalogue(categories: list[Category], problems: list[Problem]) -> None:
    """Checks across files: unique keys, codes inside ranges, replacements that exist."""
    seen: dict[str, _Claim] = {}
    for category in categories:
        claim = _Claim(category.id, f"category id `{category.id}`", category.path, 1)
        _claim(seen, claim, problems)
        for entry in category.entries:
            for claim in _entry_claims(category, entry):
                _claim(seen, claim, problems)
            _check_range(category, entry, problems)
    anchors = {key: entry.anchor for entry in _entries(categories) for key in entry.keys}
    for category in categories:
        for entry in category.entries:
            _check_replacement(category, entry, anchors, problems)
    _check_replacement_circles(categories, anchors, problems)


def _entries(categories: list[Category]) -> Iterable[Entry]:
    return (entry for category in categories for entry in category.entries)


@dataclass(frozen=True, slots=True)
class _Claim:
    """A key of the catalogue's one namespace (category ids, codes, names and error ids), and
    where it is used; `owner` says whose name it is."""

    key: str
    what: str  # `code 1004`, `name `division_by_zero` (error 22012)`
    path: Path
    line: int
    owner: str | None = None  # for a name: `error 22012`
    is_name: bool = False


def _entry_claims(category: Category, entry: Entry) -> list[_Claim]:
    path, line = category.path, entry.line
    if entry.code is not None:
        claims = [_Claim(str(entry.code), f"code {entry.code}", path, line)]
    elif entry.id is not None:
        claims = [_Claim(entry.id, f"error id `{entry.id}`", path, line)]
    else:
        claims = []
    if entry.name is not None:
        owner = f"error {entry.anchor}"
        suffix = f" ({owner})" if entry.code is not None else ""
        what = f"name `{entry.name}`{suffix}"
        claims.append(_Claim(entry.name, what, path, line, owner, is_name=True))
    return claims


def _claim(seen: dict[str, _Claim], claim: _Claim, problems: list[Problem]) -> None:
    """Record that `claim.key` is used here, or report where it was used first.

    Keys differing only in case clash too: their deep links (`errors/E1004/` and
    `errors/e1004/`) would be one folder on macOS and Windows, one page silently replacing the
    other, and a reader cannot tell them apart.
    """
    key = claim.key.lower()  # keys are ASCII (see SLUG)
    first = seen.setdefault(key, claim)
    if first is claim:
        return
    place = f"{first.path.name}:{first.line}"
    if first.key != claim.key:
        message = (
            f"{claim.what} differs only in case from `{first.key}` at {place}: give one of them "
            "another code or id (readers cannot tell them apart, and on macOS and Windows "
            "their deep links are one folder)"
        )
    elif claim.is_name or first.is_name:
        used_as = f"the name of {first.owner}" if first.owner else first.what
        message = (
            f"{claim.what} is already used at {place} as {used_as}: every code, name and id "
            "must be unique in the catalogue"
        )
    else:
        message = (
            f"{claim.what} is already used at {place}: every code and id must be unique in the "
            "catalogue"
        )
    problems.append(Problem(claim.path, claim.line, message))


def _check_range(category: Category, entry: Entry, problems: list[Problem]) -> None:
    if category.range is None or entry.code is None:
        return
    low, high = category.range
    if not isinstance(entry.code, int):
        problems.append(
            Problem(
                category.path,
                entry.line,
                f"text code {entry.code} cannot be "
                f"checked against the category's range {low}-{high}: use "
                "whole-number codes in this category, or remove `range`",
            )
        )
    elif not low <= entry.code <= high:
        problems.append(
            Problem(
                category.path,
                entry.line,
                f"code {entry.code} is outside the "
                f"category's range {low}-{high}: renumber it or move it to the "
                "category that owns that range",
            )
        )


def _check_replacement(
    category: Category, entry: Entry, anchors: dict[str, str], problems: list[Problem]
) -> None:
    replaced_by = entry.obsolete.replaced_by if entry.obsolete else None
    if replaced_by is None:
        return
    if replaced_by in entry.keys or replaced_by not in anchors:
        reason = "itself" if replaced_by in entry.keys else "no code of the catalogue"
        problems.append(
            Problem(
                category.path,
                entry.line,
                f"`replaced_by: {replaced_by}` of "
                f"code {entry.anchor} names {reason}: give the code of the error "
                "that replaces it, or remove `replaced_by`",
            )
        )


def _check_replacement_circles(
    categories: list[Category], anchors: dict[str, str], problems: list[Problem]
) -> None:
    """Following `replaced_by` from an obsolete code must reach an error that is still raised:
    obsolete codes replacing each other in a circle leave readers nowhere to go. A replacement
    given by name is followed to its entry's anchor."""
    replaced_by = {
        entry.anchor: (anchors.get(entry.obsolete.replaced_by), category.path, entry.line)
        for category in categories
        for entry in category.entries
        if entry.obsolete
        and entry.obsolete.replaced_by is not None
        and entry.obsolete.replaced_by not in entry.keys
    }
    followed: set[str] = set()
    for start in replaced_by:
        codes: list[str] = []  # followed from `start`, in order
        anchor: str | None = start
        while anchor in replaced_by and anchor not in followed:
            followed.add(anchor)
            codes.append(anchor)
            anchor = replaced_by[anchor][0]
        if anchor in codes:  # came back to a code of this walk
            arrows = " -> ".join([*codes[codes.index(anchor) :], anchor])
            _, path, line = replaced_by[anchor]
            problems.append(
                Problem(
                    path,
                    line,
                    f"obsolete codes replace each other in a circle ({arrows}): point "
                    "`replaced_by` of one of them at an error that is still raised, or remove it",
                )
            )
