"""Short deep links: `<site>/errors/1004/` is a tiny page that sends the browser to the entry.

The page works without JavaScript (a meta refresh and a plain link), names the target as its
canonical URL so search engines index the real page instead (no `noindex`, which would
contradict the canonical link), says what it is in the language of the page it opens (its
`lang` too), and uses relative URLs so the site may be served under any
sub-path.
"""

from __future__ import annotations

import html
import json

from .inline import plain_text
from .model import Entry
from .rendering import Labels


def redirect_page(
    entry: Entry, target: str, canonical: str, labels: Labels, language: str | None
) -> str:
    """The HTML of the deep-link page of `entry`, sending the browser to `target`, in the
    `language` of the page it opens (English when unset), with its `labels`."""
    href = html.escape(target, quote=True)
    label = labels.deep_link.replace("{code}", entry.anchor)
    scenario = plain_text(entry.scenario)
    # `<` is escaped in the script so that no text can close the script element.
    script_target = json.dumps(target).replace("<", "\\u003c")
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language or "en", quote=True)}">
<head>
<meta charset="utf-8">
<title>{html.escape(label)}: {html.escape(scenario)}</title>
<link rel="canonical" href="{html.escape(canonical, quote=True)}">
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace({script_target});</script>
</head>
<body>
<p><a href="{href}">{html.escape(label)}: {html.escape(scenario)}</a></p>
</body>
</html>
"""
