"""The plugin's options in `mkdocs.yml`, their defaults, and the names under which
`markdown_extensions` may list the extension: what the plugin and the commands read alike."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

# Names under which `markdown_extensions` may list this extension (for Zensical, say).
EXTENSION_NAMES = ("error_catalogue", "mkdocs_error_catalogue.extension")
DEFAULT_DEEP_LINKS = "errors"
DEFAULT_EXPORT = "error-catalogue.json"
# Folders of letters, digits, '.', '_' and '-', none starting with '.' (so no `..`).
_SITE_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\Z")


def site_path_option(value: str | bool, default: str, option: str) -> str | None:
    """A `true`/`false`/path option as the site path it names, or None when turned off."""
    if value is False:
        return None
    path = default if value is True else value.strip("/")
    if not _SITE_PATH.match(path):
        raise PluginError(
            f"error-catalogue: `{option}: {value}` must be `false` or a path inside the site "
            f"such as `{default}` (letters, digits, '.', '_', '-' and '/')"
        )
    return path


class LabelsConfig(base.Config):
    """`labels:`: the column headings, notes, filter and "not found" texts. Unset
    ones are those of the site's language (see `translations`), else English."""

    code = c.Optional(c.Type(str))
    scenario = c.Optional(c.Type(str))
    message = c.Optional(c.Type(str))
    user_actions = c.Optional(c.Type(str))
    developer_actions = c.Optional(c.Type(str))
    obsolete = c.Optional(c.Type(str))
    since = c.Optional(c.Type(str))
    replaced_by = c.Optional(c.Type(str))
    no_code = c.Optional(c.Type(str))
    no_actions = c.Optional(c.Type(str))
    permalink = c.Optional(c.Type(str))
    filter = c.Optional(c.Type(str))
    filter_placeholder = c.Optional(c.Type(str))
    filter_count = c.Optional(c.Type(str))
    filter_none = c.Optional(c.Type(str))
    not_found = c.Optional(c.Type(str))
    not_found_link = c.Optional(c.Type(str))


class ErrorCatalogueConfig(base.Config):
    """The plugin's options in `mkdocs.yml`."""

    catalogue = c.Type(str, default="catalogue")
    labels = c.SubConfig(LabelsConfig)
    stylesheet = c.Type(bool, default=True)
    script = c.Type(bool, default=True)
    # A path inside the site, or `false`; `c.Type` cannot spell a union for mypy.
    deep_links: c.Type[str | bool] = c.Type((str, bool), default=DEFAULT_DEEP_LINKS)
    export: c.Type[str | bool] = c.Type((str, bool), default=DEFAULT_EXPORT)
