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
from dataclasses import dataclass, fields

from markdown.serializers import to_html_string
from markdown.util import AMP_SUBSTITUTE, AtomicString

from .inline import ERROR_SCHEME, InlineRenderer, LinkHook, error_anchor, escape, literal
from .model import Category, Entry, Obsolete

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
# The column headings a narrow table's cards show above each cell (the code cell has none),
# as CSS custom properties of the table's wrapper: the stylesheet stacks the rows without
# waiting for the script, so a link's row stays where the browser scrolled it.
CARD_LABELS = ("scenario", "message", "user_actions", "developer_actions")


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


class CatalogueRenderer:
    """Builds the HTML for categories and their entries."""

    def __init__(
        self,
        labels: Labels | None = None,
        link_hook: LinkHook = same_page_link,
        inline: InlineRenderer | None = None,
    ) -> None:
        self.labels = labels or Labels()
        self.link_hook = link_hook
        self.inline = inline or InlineRenderer()
        self._header = self._header_html()
        self._script_texts = self._script_texts_html() + self._card_labels_html()
        self._permalink_label = _attribute(self.labels.permalink)

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

    def table_html(self, category: Category, heading_shown: bool = False) -> str:
        # Found again in built pages by `SHOWN_CATEGORY`.
        """The category's entries as a table, wrapped in a `div.error-catalogue`.

        The table's caption is the category's title, for screen readers listing the page's
        tables; `heading_shown` hides it from sight when a heading above already shows it.
        """
        rows = "".join([self.row_html(entry) for entry in category.entries])
        hidden = f" {CSS_PREFIX}-visually-hidden" if heading_shown else ""
        caption = (
            f'<caption class="{CSS_PREFIX}-caption{hidden}">{escape(category.title)}</caption>'
        )
        return (
            f'<div class="{CSS_PREFIX}" data-category="{_attribute(category.id)}"'
            f"{self._script_texts}><table>{caption}{self._header}<tbody>{rows}</tbody>"
            "</table></div>"
        )

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

    def _card_labels_html(self) -> str:
        properties = "".join(
            f"--{CSS_PREFIX}-label-{index}: {_css_string(getattr(self.labels, name))};"
            for index, name in enumerate(CARD_LABELS, start=2)
        )
        return f' style="{_attribute(properties)}"'

    def _header_html(self) -> str:
        labels = self.labels
        columns = [
            ("code", labels.code),
            ("scenario", labels.scenario),
            ("message", labels.message),
            ("user-actions", labels.user_actions),
            ("developer-actions", labels.developer_actions),
        ]
        cells = "".join(
            f'<th class="{CSS_PREFIX}-{css}" scope="col">{escape(label)}</th>'
            for css, label in columns
        )
        return f"<thead><tr>{cells}</tr></thead>"

    def row_html(self, entry: Entry) -> str:
        """One entry's row; its id is the entry's anchor, its code cell the row's header.

        Cells carry no classes (the heading cells do): a page of ten thousand rows would
        spend a fifth of its size, and of the memory building it, on repeating them.
        """
        struck = entry.obsolete is not None
        css = f' class="{CSS_PREFIX}-entry--obsolete"' if struck else ""
        note = self._obsolete_note(entry.obsolete) if entry.obsolete is not None else ""
        anchor = _attribute(entry.anchor)
        return (
            f'<tr id="{anchor}"{css}>{self._code_cell(entry, anchor)}'
            f"<td>{self._text(entry.scenario, struck)}{note}</td>"
            f"<td>{self._text(entry.message, struck)}</td>"
            f"<td>{self._actions(entry.user_actions, struck)}</td>"
            f"<td>{self._actions(entry.developer_actions, struck)}</td></tr>"
        )

    def _inline(self, text: str) -> str:
        return self.inline.html(text, self.link_hook)

    def _text(self, text: str, struck: bool) -> str:
        """Rendered text, inside `<del>` when the entry is obsolete."""
        inner = self._inline(text)
        return f"<del>{inner}</del>" if struck else inner

    def _code_cell(self, entry: Entry, anchor: str) -> str:
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
        return (
            f'<th scope="row">{code}{self._untranslated_badge(entry)}{self._permalink(anchor)}</th>'
        )

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
            none = _attribute(self.labels.no_actions)
            return (
                f'<span class="{CSS_PREFIX}-none"><span aria-hidden="true">—</span>'
                f'<span class="{CSS_PREFIX}-visually-hidden">{none}</span></span>'
            )
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
