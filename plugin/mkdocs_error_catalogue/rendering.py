"""Catalogue values to HTML: category headings (elements) and error tables (HTML text).

Headings are elements, so that they reach the page's table of contents like any heading.
Tables are built directly as HTML text: a catalogue of ten thousand codes would otherwise
cost the page's Markdown pass (tree processors, serializer) far more than the tables
themselves. Whoever places the HTML tells MkDocs about the rows' ids (see the plugin).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

from markdown.serializers import to_html_string
from markdown.util import AMP_SUBSTITUTE, AtomicString

from .blocks import BlockRenderer
from .inline import (
    ERROR_SCHEME,
    InlineRenderer,
    LinkHook,
    allowed_target,
    error_anchor,
    escape,
    literal,
)
from .model import (
    BUILT_IN_FIELDS,
    IMPLICIT_DECLARATION,
    Category,
    Declaration,
    Entry,
    FieldSpec,
    LabelText,
    Obsolete,
)

CSS_PREFIX = "error-catalogue"
# A table's wrapper in built HTML (as `table_html` writes it): the id of the category it shows.
SHOWN_CATEGORY = re.compile(rf'<div class="{CSS_PREFIX}" data-category="(?P<id>[^"]*)"')


@dataclass(frozen=True)
class Labels:
    """Every text the renderer adds around catalogue text, so sites can translate them."""

    code: str = "Error Code"
    scenario: str = "Likely Scenario"
    message: str = "Displayed Error Message"
    user_actions: str = "Possible User Actions"
    developer_actions: str = "Possible Developer Actions"
    obsolete: str = "Obsolete"
    since: str = "since"
    replaced_by: str = "Replaced by"
    no_code: str = "no code"
    no_actions: str = "none"
    permalink: str = "Permanent link"
    # The badge of an entry that the page's language does not translate whole (yet): its
    # English texts are current, a translation of an older wording is never shown.
    untranslated: str = "Not yet translated"
    # Written by the script (see `SCRIPT_LABELS`).
    filter: str = "Filter errors"
    filter_placeholder: str = "Code or words"
    filter_count: str = "{shown} of {total} errors"
    filter_none: str = "No matching errors"
    # Written by the script on the site's "not found" page, for a deep link to a code that the
    # catalogue does not have (see `CatalogueSite.not_found_html`).
    not_found: str = "Error {code} is not in the error reference."
    not_found_link: str = "See every error"
    # The title and link text of an entry's deep-link page (`errors/1004/`).
    deep_link: str = "Error {code}"


LABEL_NAMES = tuple(field.name for field in fields(Labels))
# The texts the script writes: each table's wrapper holds those that are not the script's own
# (English) ones, as `data-filter-placeholder="…"` and so on.
SCRIPT_LABELS = (
    "filter",
    "filter_placeholder",
    "filter_count",
    "filter_none",
    "not_found",
    "not_found_link",
)
NAME_LABEL = "Name"  # the `name` column's heading when the declaration gives none
# A column's cell (inside its `<td>`): from the entry, and whether it is obsolete (struck).
_Cell = Callable[[Entry, bool], str]
# The code cell: from the entry and its anchor, escaped for HTML (the row's id too).
_CodeCell = Callable[[Entry, str], str]


def same_page_link(link: etree.Element) -> None:
    """The default link hook: `error:1004` points at `#1004` on the same page."""
    anchor = error_anchor(link.get("href", ""))
    if anchor is not None:
        link.set("href", f"#{anchor}")


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def _css_string(value: str) -> str:
    """`value` as a quoted CSS string (for `content: var(...)`)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\n\r\f]", "\\\\a ", escaped) + '"'


def _struck(html: str, struck: bool) -> str:
    """`html`, inside `<del>` when the entry is obsolete."""
    return f"<del>{html}</del>" if struck else html


def field_label(
    declaration: Declaration, field_name: str, labels: Labels, language: str | None = None
) -> str:
    """The label of `code`, `name` or a declared field in `language`: the declaration's, else
    the built-in one (of `labels`), else the name with spaces, capitalised."""
    declared = declaration.field(field_name)
    given = {"code": declaration.code_label, "name": declaration.name_label}
    label = declared.label if declared is not None else given.get(field_name)
    if label is not None:
        return label.in_language(language)
    if field_name in BUILT_IN_FIELDS or field_name == "code":
        return str(getattr(labels, field_name))
    if field_name == "name":
        return NAME_LABEL
    return field_name.replace("_", " ").capitalize()


def _filled(column: str, entries: tuple[Entry, ...]) -> bool:
    """Whether some entry has a value in `column` (a field, or `name`)."""
    if column == "name":
        return any(entry.name is not None for entry in entries)
    return any(entry.value(column) is not None for entry in entries)


def _url_html(url: str) -> str:
    """A web address as a link to it (validation allowed only http and https ones); any
    other target is shown as text."""
    if not allowed_target(url):
        return escape(url)
    return f'<a href="{_attribute(url)}" rel="nofollow">{escape(url)}</a>'


class CatalogueRenderer:
    """Builds the HTML for categories and their entries, with the columns of the catalogue's
    field declaration."""

    def __init__(
        self,
        labels: Labels | None = None,
        link_hook: LinkHook = same_page_link,
        inline: InlineRenderer | None = None,
        *,
        declaration: Declaration = IMPLICIT_DECLARATION,
        language: str | None = None,
        blocks: BlockRenderer | None = None,
    ) -> None:
        self.labels = labels or Labels()
        self.link_hook = link_hook
        self.inline = inline or InlineRenderer()
        self.declaration = declaration
        self.language = language
        self.blocks = blocks or BlockRenderer()
        self._script_texts = self._script_texts_html()
        self._permalink_label = _attribute(self.labels.permalink)
        none = _attribute(self.labels.no_actions)
        self._none = (  # no value
            f'<span class="{CSS_PREFIX}-none"><span aria-hidden="true">—</span>'
            f'<span class="{CSS_PREFIX}-visually-hidden">{none}</span></span>'
        )
        # The header and the cell builders of each set of columns a table has had.
        self._tables: dict[tuple[str, ...], tuple[str, _CodeCell, list[_Cell]]] = {}

    def heading(self, category: Category, level: int = 2) -> etree.Element:
        """The category's heading; its id is the category id."""
        heading = etree.Element(f"h{level}", {"id": category.id})
        # In a span, so that `attr_list` (which reads a heading's own text) never sees the title,
        # and free of brace escapes, which the table of contents would show as they are.
        etree.SubElement(heading, "span").text = AtomicString(category.title.replace("&", "&amp;"))
        return heading

    def description_html(self, category: Category) -> str:
        """The category's description, one `<p>` per paragraph ('' when it has none)."""
        paragraphs = (p.strip() for p in (category.description or "").split("\n\n"))
        return "".join(f"<p>{self._inline(p)}</p>" for p in paragraphs if p)

    def columns(self, category: Category) -> tuple[str, ...]:
        """The columns of the category's table after the code column: the category's, else
        the declaration's, else `name` (when an entry has one) and every field but markdown
        ones; without those that no entry fills when the declaration hides empty columns."""
        declared = category.columns or self.declaration.columns
        if declared is None:
            named = any(entry.name is not None for entry in category.entries)
            fields = [spec.name for spec in self.declaration.fields if spec.kind != "markdown"]
            declared = (*(["name"] if named else []), *fields)
        columns = tuple(column for column in declared if column != "code")
        if not self.declaration.hide_empty_columns:
            return columns
        return tuple(column for column in columns if _filled(column, category.entries))

    def table_html(self, category: Category, heading_shown: bool = False) -> str:
        # Found again in built pages by `SHOWN_CATEGORY`.
        """The category's entries as a table, wrapped in a `div.error-catalogue`.

        The table's caption is the category's title, for screen readers listing the page's
        tables; `heading_shown` hides it from sight when a heading above already shows it.
        """
        columns = self.columns(category)
        header, code, cells = self._table_parts(columns)
        rows = "".join([self._row_html(entry, code, cells) for entry in category.entries])
        hidden = f" {CSS_PREFIX}-visually-hidden" if heading_shown else ""
        caption = (
            f'<caption class="{CSS_PREFIX}-caption{hidden}">{escape(category.title)}</caption>'
        )
        return (
            f'<div class="{CSS_PREFIX}" data-category="{_attribute(category.id)}"'
            f"{self._script_texts}{self._card_labels_html(columns)}><table>{caption}{header}"
            f"<tbody>{rows}</tbody></table></div>"
        )

    def label(self, field_name: str) -> str:
        """The heading of a column or field (`code`, `name` or a declared field), in the
        site's language."""
        return field_label(self.declaration, field_name, self.labels, self.language)

    def value_html(self, entry: Entry, field_name: str) -> str:
        """One field of `entry` as HTML (struck when the entry is obsolete); the "none" dash
        when it has no value."""
        return self._cell(field_name)(entry, entry.obsolete is not None)

    def _table_parts(self, columns: tuple[str, ...]) -> tuple[str, _CodeCell, list[_Cell]]:
        parts = self._tables.get(columns)
        if parts is None:
            code = self._code_cell_builder("name" not in columns, "scenario" not in columns)
            cells = [self._cell(column, with_note=column == "scenario") for column in columns]
            headings = "".join(
                f'<th class="{CSS_PREFIX}-{column.replace("_", "-")}" scope="col">'
                f"{escape(self.label(column))}</th>"
                for column in ("code", *columns)
            )
            parts = self._tables[columns] = (f"<thead><tr>{headings}</tr></thead>", code, cells)
        return parts

    def _script_texts_html(self) -> str:
        english = Labels()
        translated = (
            (name, value)
            for name in SCRIPT_LABELS
            if (value := getattr(self.labels, name)) != getattr(english, name)
        )
        return "".join(
            f' data-{name.replace("_", "-")}="{_attribute(value)}"' for name, value in translated
        )

    def _card_labels_html(self, columns: tuple[str, ...]) -> str:
        """The column headings a narrow table's cards show above each cell (the code cell has
        none), as CSS custom properties of the table's wrapper: the stylesheet stacks the rows
        without waiting for the script, so a link's row stays where the browser scrolled it."""
        properties = "".join(
            f"--{CSS_PREFIX}-label-{index}: {_css_string(self.label(column))};"
            for index, column in enumerate(columns, start=2)
        )
        return f' style="{_attribute(properties)}"'

    def _row_html(self, entry: Entry, code: _CodeCell, cells: list[_Cell]) -> str:
        """One entry's row; its id is the entry's anchor, its code cell the row's header.

        Cells carry no classes (the heading cells do): a page of ten thousand rows would
        spend a fifth of its size, and of the memory building it, on repeating them.
        """
        struck = entry.obsolete is not None
        css = f' class="{CSS_PREFIX}-entry--obsolete"' if struck else ""
        anchor = _attribute(entry.anchor)
        tds = "</td><td>".join([cell(entry, struck) for cell in cells])
        tds = f"<td>{tds}</td>" if cells else ""
        return f'<tr id="{anchor}"{css}><th scope="row">{code(entry, anchor)}</th>{tds}</tr>'

    def _cell(self, column: str, with_note: bool = False) -> _Cell:
        """What a column's cells hold, by the kind of its field (built once per table)."""
        if column == "name":
            return lambda entry, struck: self._name_html(entry) if entry.name else self._none
        spec = self.declaration.field(column)
        kind = spec.kind if spec is not None else BUILT_IN_FIELDS[column]
        get: Callable[[Entry], Any] = (
            attrgetter(column) if column in BUILT_IN_FIELDS else lambda e: e.value(column)
        )
        if kind == "texts":
            return lambda entry, struck: self._actions(get(entry) or (), struck)
        show = self._kind_html(kind, spec)
        if not with_note:
            return lambda entry, struck: (
                show(value, struck) if (value := get(entry)) else self._none
            )
        return lambda entry, struck: (
            (show(value, struck) if (value := get(entry)) else self._none) + self._note(entry)
        )

    def _kind_html(self, kind: str, spec: FieldSpec | None) -> Callable[[Any, bool], str]:
        """How one value of a kind other than texts is shown (struck or not)."""
        if kind == "text":
            return self._text
        if kind == "markdown":
            return lambda value, struck: _struck(self.blocks.html(value, self.link_hook), struck)
        if kind == "choice":
            labels = dict(spec.values) if spec is not None else {}
            return lambda value, struck: _struck(self._choice(value, labels), struck)
        if kind == "number":
            return lambda value, struck: _struck(escape(str(value)), struck)
        return lambda value, struck: _struck(_url_html(value), struck)

    def _choice(self, value: str, labels: dict[str, LabelText | None]) -> str:
        label = labels.get(value)
        shown = label.in_language(self.language) if label is not None else value
        return (
            f'<span class="{CSS_PREFIX}-choice" data-value="{_attribute(value)}">'
            f"{escape(shown)}</span>"
        )

    def _note(self, entry: Entry) -> str:
        return self._obsolete_note(entry.obsolete) if entry.obsolete is not None else ""

    def _name_html(self, entry: Entry) -> str:
        """The name, carrying its id when it is the entry's second key (the code is the row's)."""
        name = _attribute(entry.name or "")
        key = f' id="{name}"' if entry.code is not None else ""
        return f'<code class="{CSS_PREFIX}-name"{key}>{name}</code>'

    def _inline(self, text: str) -> str:
        return self.inline.html(text, self.link_hook)

    def _text(self, text: str, struck: bool) -> str:
        """Rendered text, inside `<del>` when the entry is obsolete."""
        inner = self.inline.html(text, self.link_hook)
        return f"<del>{inner}</del>" if struck else inner  # `_struck`, one call less per cell

    def _code_cell_builder(self, with_name: bool, with_note: bool) -> _CodeCell:
        """The code cell: the code (with its badge when obsolete) and the permalink; the name
        under it when the table has no name column (a name-only entry's key is shown as its
        code already), and the obsolete note when it has no scenario column."""

        def code_cell(entry: Entry, anchor: str) -> str:
            html = self._code_html(entry, anchor)
            if with_name and entry.name is not None and entry.code is not None:
                html += f"<br>{self._name_html(entry)}"
            return html + self._note(entry) if with_note else html

        return code_cell

    def _code_html(self, entry: Entry, anchor: str) -> str:
        if entry.code is None:
            # The id, which is the entry's anchor and deep link: what a reader who followed
            # one looks for; the title says that it is not a code.
            no_code = _attribute(self.labels.no_code)
            code = f'<span class="{CSS_PREFIX}-no-code" title="{no_code}">{anchor}</span>'
        else:
            code = escape(str(entry.code))
        if entry.obsolete is not None:
            badge = escape(self.labels.obsolete)
            code = f'<del>{code}</del><span class="{CSS_PREFIX}-badge">{badge}</span>'
        return f"{code}{self._untranslated_badge(entry)}{self._permalink(anchor)}"

    def _untranslated_badge(self, entry: Entry) -> str:
        """The badge of an entry that the page's language does not translate whole: its
        texts in the catalogue's words are current, not stale translations."""
        if not entry.untranslated:
            return ""
        label = escape(self.labels.untranslated)
        return f'<span class="{CSS_PREFIX}-badge {CSS_PREFIX}-untranslated">{label}</span>'

    def _permalink(self, anchor: str) -> str:
        """A heading-style `¶` link to the row itself, for copying the entry's address (the
        code cell's only link, which the stylesheet finds by that)."""
        label = self._permalink_label
        return f'<a href="#{anchor}" title="{label}" aria-label="{label}: {anchor}">¶</a>'

    def _actions(self, actions: tuple[str, ...], struck: bool) -> str:
        if not actions:
            return self._none
        items = "".join(f"<li>{self._text(action, struck)}</li>" for action in actions)
        return f"<ul>{items}</ul>"

    def _obsolete_note(self, obsolete: Obsolete) -> str:
        """'Obsolete since 2022-10-25. reason Replaced by 1004.' - not struck, it is current."""
        lead = self.labels.obsolete
        if obsolete.since:
            lead = f"{lead} {self.labels.since} {obsolete.since}"
        note = f"<strong>{escape(lead)}.</strong>"
        if obsolete.reason:
            note += f' <span class="{CSS_PREFIX}-reason">{self._inline(obsolete.reason)}</span>'
        if obsolete.replaced_by is not None:
            note += (
                f'<span class="{CSS_PREFIX}-replacement"> {escape(self.labels.replaced_by)} '
                f"{self._entry_link(obsolete.replaced_by)}.</span>"
            )
        return f'<div class="{CSS_PREFIX}-note">{note}</div>'

    def _entry_link(self, anchor: str) -> str:
        link = etree.Element("a", {"href": f"{ERROR_SCHEME}{anchor}"})
        link.text = literal(anchor)
        self.link_hook(link)
        return to_html_string(link).replace(AMP_SUBSTITUTE, "&")
