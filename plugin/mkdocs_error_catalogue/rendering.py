"""Catalogue values to HTML element trees: category headings and error tables.

Rows are built as elements (not HTML strings) so that their ids reach the table of contents,
MkDocs' anchor validation and other tree processors like any id written in Markdown.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

from markdown.util import AtomicString

from .inline import InlineRenderer, literal
from .model import Category, Entry, Obsolete

CSS_PREFIX = "error-catalogue"


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


def same_page_link(anchor: str) -> str:
    """The default link to an entry: its anchor on the current page."""
    return f"#{anchor}"


def _element(tag: str, css: str | None = None, text: str | None = None) -> etree.Element:
    element = etree.Element(tag, {"class": f"{CSS_PREFIX}-{css}"} if css else {})
    if text is not None:
        element.text = literal(text)
    return element


class CatalogueRenderer:
    """Builds the elements for categories and their entries."""

    def __init__(
        self,
        labels: Labels | None = None,
        link_to: Callable[[str], str] = same_page_link,
        inline: InlineRenderer | None = None,
    ) -> None:
        self.labels = labels or Labels()
        self.link_to = link_to
        self.inline = inline or InlineRenderer()

    def section(self, category: Category, level: int = 2) -> list[etree.Element]:
        """A heading (its id is the category id), the description, then the table."""
        heading = etree.Element(f"h{level}", {"id": category.id})
        # In a span, so that `attr_list` (which reads a heading's own text) never sees the title,
        # and free of brace escapes, which the table of contents would show as they are.
        etree.SubElement(heading, "span").text = AtomicString(category.title.replace("&", "&amp;"))
        paragraphs = [
            self.inline.fill(etree.Element("p"), paragraph.strip())
            for paragraph in (category.description or "").split("\n\n")
            if paragraph.strip()
        ]
        return [heading, *paragraphs, self.table(category)]

    def table(self, category: Category) -> etree.Element:
        """The category's entries as a table, wrapped in a `div.error-catalogue`."""
        wrapper = etree.Element("div", {"class": CSS_PREFIX, "data-category": category.id})
        table = etree.SubElement(wrapper, "table")
        header = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for css, label in self._columns():
            cell = _element("th", css, label)
            cell.set("scope", "col")
            header.append(cell)
        body = etree.SubElement(table, "tbody")
        body.extend(self.row(entry) for entry in category.entries)
        return wrapper

    def _columns(self) -> list[tuple[str, str]]:
        labels = self.labels
        return [
            ("code", labels.code),
            ("scenario", labels.scenario),
            ("message", labels.message),
            ("user-actions", labels.user_actions),
            ("developer-actions", labels.developer_actions),
        ]

    def row(self, entry: Entry) -> etree.Element:
        """One entry's row; its id is the entry's anchor."""
        row = etree.Element("tr", {"id": entry.anchor, "class": f"{CSS_PREFIX}-entry"})
        struck = entry.obsolete is not None
        if struck:
            row.set("class", f"{CSS_PREFIX}-entry {CSS_PREFIX}-entry--obsolete")
        scenario = _element("td", "scenario")
        scenario.append(self._text("div", entry.scenario, struck))
        if entry.obsolete is not None:
            scenario.append(self._obsolete_note(entry.obsolete))
        message = _element("td", "message")
        message.append(self._text("div", entry.message, struck))
        row.extend(
            [
                self._code_cell(entry),
                scenario,
                message,
                self._actions(entry.user_actions, "user-actions", struck),
                self._actions(entry.developer_actions, "developer-actions", struck),
            ]
        )
        return row

    def _text(self, tag: str, text: str, struck: bool) -> etree.Element:
        """Rendered text in a `tag` element, inside `<del>` when the entry is obsolete."""
        if not struck:
            return self.inline.fill(etree.Element(tag), text)
        outer = etree.Element(tag)
        outer.append(self.inline.fill(etree.Element("del"), text))
        return outer

    def _code_cell(self, entry: Entry) -> etree.Element:
        cell = _element("td", "code")
        if entry.code is None:
            cell.append(_element("span", "no-code", "—"))
            cell[-1].set("title", self.labels.no_code)
            cell[-1].set("aria-label", self.labels.no_code)
        elif entry.obsolete is None:
            cell.text = literal(str(entry.code))
        else:
            cell.append(_element("del", text=str(entry.code)))
            cell.append(_element("span", "badge", self.labels.obsolete))
        cell.append(self._permalink(entry))
        return cell

    def _permalink(self, entry: Entry) -> etree.Element:
        """A heading-style `¶` link to the row itself, for copying the entry's address."""
        link = _element("a", "permalink", "¶")
        link.set("href", f"#{entry.anchor}")
        link.set("title", self.labels.permalink)
        link.set("aria-label", f"{self.labels.permalink}: {entry.anchor}")
        return link

    def _actions(self, actions: tuple[str, ...], css: str, struck: bool) -> etree.Element:
        cell = _element("td", css)
        if not actions:
            none = _element("span", "none", "—")
            none.set("aria-label", self.labels.no_actions)
            cell.append(none)
            return cell
        items = etree.SubElement(cell, "ul")
        items.extend(self._text("li", action, struck) for action in actions)
        return cell

    def _obsolete_note(self, obsolete: Obsolete) -> etree.Element:
        """'Obsolete since 2022-10-25: reason. Replaced by 1004.' - not struck, it is current."""
        note = _element("div", "note")
        lead = self.labels.obsolete
        if obsolete.since:
            lead = f"{lead} {self.labels.since} {obsolete.since}"
        strong = etree.SubElement(note, "strong")
        strong.text = literal(lead + ".")
        if obsolete.reason:
            strong.tail = literal(" ")
            note.append(self.inline.fill(_element("span", "reason"), obsolete.reason))
        if obsolete.replaced_by is not None:
            replacement = _element("span", "replacement", f" {self.labels.replaced_by} ")
            link = etree.SubElement(replacement, "a", {"href": self.link_to(obsolete.replaced_by)})
            link.text = literal(obsolete.replaced_by)
            link.tail = literal(".")
            note.append(replacement)
        return note
