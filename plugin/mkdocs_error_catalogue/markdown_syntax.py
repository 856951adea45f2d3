"""Markdown facts that the import (hand-written pages, exported pages) and the Markdown export
share: code spans, ATX headings with an explicit `{#id}`, and the id MkDocs' table of contents
gives a heading. Only rules of the Markdown language here, none of the catalogue's."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown.extensions.toc import slugify as toc_slugify

CODE_SPAN = r"(?<!\\)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)"  # with re.DOTALL
ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+(?P<title>.*?))?(?:[ \t]+#+)?[ \t]*")
_HEADING_ID = re.compile(r"\s*\{\s*#(?P<id>[^\s{}]+)[^{}]*\}\s*$")  # the last `{#id …}`


def by_segment(
    value: str,
    spans: re.Pattern[str],
    markup: Callable[[str], str],
    verbatim: Callable[[str], str],
) -> str:
    """`value` with `verbatim` applied to what `spans` finds (code spans, say, which Markdown
    shows as written), `markup` to the rest."""
    parts: list[str] = []
    done = 0
    for found in spans.finditer(value):
        parts += [markup(value[done : found.start()]), verbatim(found.group())]
        done = found.end()
    return "".join(parts) + markup(value[done:])


def read_heading(line: str) -> tuple[str, str | None] | None:
    """The (title, explicit `{#id}`) of an ATX heading line (`## Title {#id}`), else None."""
    match = ATX_HEADING.fullmatch(line)
    return None if match is None else split_heading_id(match.group("title") or "")


def split_heading_id(title: str) -> tuple[str, str | None]:
    """A heading title without its trailing `{#id …}` attribute list, and that id."""
    match = _HEADING_ID.search(title)
    if match is None:
        return title.strip(), None
    return title[: match.start()].strip(), match.group("id")


def heading_id(title: str) -> str:
    """A heading's id as MkDocs' table of contents makes it, with Python-Markdown's own rule
    (`Fiat to Crypto` -> `fiat-to-crypto`, `Errors_` -> `errors_`, `- Errors -` -> `-errors-`).

    Accents are dropped; text with no Latin letters or digits gives "".
    """
    return toc_slugify(title, "-")
