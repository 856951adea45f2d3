"""Language tags as sites and files write them (`pt-BR`, `pt_br`, `fr.po`), compared alike, and
the language a theme names.

Kept apart from the built-in labels (`translations`), the PO files (`translating`) and
mkdocs-static-i18n's pages (`languages`), which all look languages up the same way.
"""

from __future__ import annotations

from typing import Any


def language_tags(language: str) -> tuple[str, ...]:
    """What to look `language` up as, most specific first: `pt_BR` -> `pt-br`, then `pt`;
    `zh-Hant-TW` -> `zh-hant-tw`, `zh-hant`, `zh`."""
    parts = normal_tag(language).split("-")
    return tuple("-".join(parts[:end]) for end in range(len(parts), 0, -1))


def normal_tag(name: str) -> str:
    """A language tag or file name as written in any case, with `-` or `_`: `pt-br`."""
    return name.replace("_", "-").lower()


def theme_language(theme: Any) -> str | None:
    """The language a theme's settings name (Material's `language`, the `locale` of MkDocs'
    own themes, which is an object), from MkDocs' `Theme` or a `theme:` mapping as written;
    None for a theme given by name alone."""
    if not hasattr(theme, "get"):
        return None
    language = theme.get("language") or theme.get("locale")
    return str(language) if language else None
