"""Reading a catalogue's field declaration, `_fields.yml`: which fields its entries have, of
which kinds, with which labels, and which columns its tables show.

The file is read like a category file (the same decoding, YAML and text checks, see
`loading`), and walked as nodes so that every problem is said with its line.
"""

from __future__ import annotations

import dataclasses
import difflib
import re

import yaml

from .model import BUILT_IN_FIELDS, FIELD_KINDS, Declaration, FieldKind, FieldSpec, LabelText
from .validation import BOOL_TAG, NULL_TAG, STR_TAG, CategoryReader

DECLARATION_KEYS = ("fields", "columns", "empty_columns", "labels")
FIELD_KEYS = ("kind", "label", "required", "values", "description")
LABEL_KEYS = ("code", "name")
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")
# Names the category files and the export use for other things.
RESERVED_NAMES = (
    "code",
    "id",
    "name",
    "obsolete",
    "anchor",
    "category",
    "url",
    "deep_link",
    "page",
    "title",
    "description",
    "range",
    "errors",
    "columns",
    "line",
)
# A language tag as sites write it: `en`, `pt-BR`, `zh_Hant`.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


class DeclarationReader(CategoryReader):
    """Reads the YAML node of `_fields.yml` into a `Declaration`, collecting problems."""

    def read(self, node: yaml.Node) -> Declaration | None:
        """The declaration in `node`; None when a problem was reported."""
        reported = len(self.problems)
        if isinstance(node, yaml.MappingNode) and any(
            isinstance(key, yaml.ScalarNode) and key.value == "errors" for key, _ in node.value
        ):
            self.report(
                node,
                f"`{self.path.name}` is the field declaration, not a category: rename this "
                "category file (for example `fields.yml`)",
            )
            return None
        settings = self.mapping(node, "the field declaration", DECLARATION_KEYS)
        if settings is None:
            return None
        if "fields" not in settings:
            self.report(node, "the field declaration has no `fields`: list the entries' fields")
            return None
        fields = self.fields(settings["fields"])
        labels = self.identity_labels(settings["labels"]) if "labels" in settings else {}
        declaration = Declaration(
            fields=fields,
            hide_empty_columns=self.empty_columns(settings.get("empty_columns")),
            code_label=labels.get("code"),
            name_label=labels.get("name"),
            path=self.path,
        )
        if "columns" in settings:
            self.declaration = declaration  # the columns are checked against its fields
            columns = self.columns(settings["columns"], "the field declaration")
            declaration = dataclasses.replace(declaration, columns=columns)
        return None if len(self.problems) > reported else declaration

    def fields(self, node: yaml.Node) -> tuple[FieldSpec, ...]:
        if not isinstance(node, yaml.MappingNode) or not node.value:
            self.report(node, "`fields` must be a mapping of field names to their settings")
            return ()
        specs: dict[str, FieldSpec] = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(name, str) or not self.field_name(key_node, name):
                continue
            if name in specs:
                self.report(key_node, f"field `{name}` is declared twice: keep one")
                continue
            spec = self.field(name, key_node, value_node)
            if spec is not None:
                specs[name] = spec
        return tuple(specs.values())

    def field_name(self, node: yaml.Node, name: str) -> bool:
        if name in RESERVED_NAMES:
            other = "docs_url" if name == "url" else f"error_{name}"
            self.report(node, f"`{name}` is a reserved name: call the field `{other}`")
            return False
        if not FIELD_NAME.match(name):
            self.report(
                node,
                f"field name `{name}` must be lower-case letters, digits and `_`, starting with "
                "a letter, at most 40 characters (such as `http_status`)",
            )
            return False
        return True

    def field(self, name: str, key_node: yaml.Node, node: yaml.Node) -> FieldSpec | None:
        line = self.line(key_node)
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG:
            return FieldSpec(name, BUILT_IN_FIELDS.get(name, "text"), line=line)
        settings = self.mapping(node, f"the settings of field `{name}`", FIELD_KEYS)
        if settings is None:
            return None
        kind = self.kind(name, settings.get("kind"))
        if kind is None:
            return None
        values = self.values(name, kind, node, settings.get("values"))
        return FieldSpec(
            name=name,
            kind=kind,
            label=self.label(settings["label"], "label") if "label" in settings else None,
            required=self.required(settings.get("required"), name),
            values=values,
            description=self.optional_text(settings, "description"),
            line=line,
        )

    def kind(self, name: str, node: yaml.Node | None) -> FieldKind | None:
        built_in = BUILT_IN_FIELDS.get(name)
        if node is None:
            return built_in or "text"
        written = node.value if isinstance(node, yaml.ScalarNode) else None
        kind = next((kind for kind in FIELD_KINDS if kind == written), None)
        if kind is None:
            close = difflib.get_close_matches(str(written), FIELD_KINDS, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            self.report(node, f"`kind: {written}`: {hint}kinds: {', '.join(FIELD_KINDS)}")
            return None
        if built_in is not None and kind != built_in:
            self.report(node, f"`{name}` is always `{built_in}`: remove `kind`")
            return None
        return kind

    def values(
        self, name: str, kind: FieldKind, field: yaml.Node, node: yaml.Node | None
    ) -> tuple[tuple[str, LabelText | None], ...]:
        """A choice's values, each with its label if given."""
        if kind != "choice":
            if node is not None:
                self.report(
                    node, f"`values` is for fields of kind `choice`: remove it from `{name}`"
                )
            return ()
        if node is None:
            self.report(field, f"field `{name}` of kind `choice` has no `values`: list them")
            return ()
        if isinstance(node, yaml.SequenceNode):
            pairs = [(item, None) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            pairs = list(node.value)
        else:
            pairs = []
        if not pairs:
            self.report(
                node,
                f"`values` of `{name}` must list the values: `[error, warning]` or `{{E: Error}}`",
            )
            return ()
        values: dict[str, LabelText | None] = {}
        for value_node, label_node in pairs:
            if not isinstance(value_node, yaml.ScalarNode) or not value_node.value:
                self.report(value_node, f"a value of `{name}` must be a plain word such as `error`")
            elif value_node.value in values:
                self.report(
                    value_node, f"`{value_node.value}` is a value of `{name}` twice: keep one"
                )
            else:
                label = None if label_node is None else self.label(label_node, "label")
                values[value_node.value] = label
        return tuple(values.items())

    def required(self, node: yaml.Node | None, name: str) -> bool:
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on")
        self.report(node, f"`required` of `{name}` must be `true` or `false`")
        return False

    def label(self, node: yaml.Node, key: str) -> LabelText | None:
        """A label: a text for every language, or a map of language tags to texts."""
        if not isinstance(node, yaml.MappingNode):
            text = self.text(node, key)
            return None if text is None else LabelText((("", text),))
        texts: list[tuple[str, str]] = []
        for tag_node, text_node in node.value:
            tag = tag_node.value if isinstance(tag_node, yaml.ScalarNode) else None
            if not isinstance(tag, str) or not LANGUAGE_TAG.match(tag):
                self.report(
                    tag_node,
                    f"`{tag}` is no language tag: write the label's languages as `en`, `de`, "
                    "`pt-BR`",
                )
            elif (text := self.text(text_node, key)) is not None:
                texts.append((tag, text))
        return LabelText(tuple(texts)) if texts else None

    def identity_labels(self, node: yaml.Node) -> dict[str, LabelText]:
        settings = self.mapping(node, "`labels`", LABEL_KEYS) or {}
        labels = {key: self.label(value, key) for key, value in settings.items()}
        return {key: label for key, label in labels.items() if label is not None}

    def empty_columns(self, node: yaml.Node | None) -> bool:
        """Whether a column empty in every entry of a table is left out (`hide`, the default)."""
        if node is None:
            return True
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag == STR_TAG
            and node.value in ("hide", "show")
        ):
            return bool(node.value == "hide")
        self.report(node, "`empty_columns` must be `hide` or `show`")
        return True
