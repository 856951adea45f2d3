"""Cross-references with mkdocs-autorefs (`plugins: [autorefs]`, which mkdocstrings adds).

autorefs links `[1004][]` and `[text][1004]` to whatever page registered the identifier
`1004`. It finds the headings of every page by itself, so category headings work without
help, but not the rows: they are placed as HTML, which it does not read. Every entry is
registered here, at the page `error:` links lead to, once every page is rendered (so rows that
an include brings count too) and before autorefs resolves references (in its `on_env` at
priority -50; in `on_post_page`, later still, in older versions). An API reference written by
mkdocstrings can then say "raises [1004][]" in a docstring.
"""

from __future__ import annotations

import inspect
import re

from mkdocs.config.defaults import MkDocsConfig

from .inline import plain_text
from .languages import language_folder
from .site import CatalogueSite

AUTOREFS_PLUGIN = "autorefs"
_READ_AS_HTML = re.compile(r'[<&"]')


def register_entries(config: MkDocsConfig, site: CatalogueSite) -> None:
    """Register every shown entry with the site's autorefs plugin, if it has one.

    autorefs is not a dependency: its plugin is looked up, not imported. Its public
    `register_anchor` takes the page and a tooltip since version 1.4, the page's URL before.

    autorefs keeps one map for all the languages of a multilingual site, so an identifier
    registered by two languages is ambiguous (a warning, as for its own headings): only the
    default language's rows are registered, and other languages' references lead to them.
    """
    register = getattr(config.plugins.get(AUTOREFS_PLUGIN), "register_anchor", None)
    if not callable(register) or language_folder(config):
        return
    takes_page = "title" in inspect.signature(register).parameters
    for category in site.catalogue.categories:
        file = site.pages.get(category.id)
        if file is None or file.page is None:
            continue
        keys = ((e, key) for e in category.entries for key in e.keys)
        for entry, key in keys:  # a name leads to the row too: its anchor is the code
            if takes_page:
                register(file.page, key, entry.anchor, title=_title(entry.title_source))
            else:
                register(file.page.url, key, entry.anchor)


def _title(scenario: str) -> str | None:
    """The link's tooltip: the scenario as plain text, when autorefs shows it as written.

    autorefs escapes a title into the `title` attribute, unless it strips tags from it first
    (its default without Material's `content.tooltips`): that reads the title as HTML, so
    `<b>` would vanish, `&lt;` turn into `<` and a `"` end the attribute early. A scenario
    holding `<`, `&` or `"` gives no tooltip rather than a wrong one.
    """
    text = plain_text(scenario)
    return None if _READ_AS_HTML.search(text) else text
