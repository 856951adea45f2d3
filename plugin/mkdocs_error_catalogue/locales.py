"""Language tags as sites and files write them (`pt-BR`, `pt_br`, `fr.po`), compared alike.

Kept apart from the built-in labels (`translations`), the PO files (`translating`) and
mkdocs-static-i18n's pages (`languages`), which all look languages up the same way.
"""

from __future__ import annotations


def language_tags(language: str) -> tuple[str, ...]:
    """What to look `language` up as, most specific first: `pt_BR` -> `pt-br`, then `pt`;
    `zh-Hant-TW` -> `zh-hant-tw`, `zh-hant`, `zh`."""
    parts = normal_tag(language).split("-")
    return tuple("-".join(parts[:end]) for end in range(len(parts), 0, -1))


def normal_tag(name: str) -> str:
    """A language tag or file name as written in any case, with `-` or `_`: `pt-br`."""
    return name.replace("_", "-").lower()
