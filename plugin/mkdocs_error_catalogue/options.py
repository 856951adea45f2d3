"""The plugin's options in `mkdocs.yml`, their defaults, and the names under which
`markdown_extensions` may list the extension: what the plugin and the commands read alike."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError

# Names under which `markdown_extensions` may list this extension (for Zensical, say).
EXTENSION_NAMES = ("error_catalogue", "mkdocs_error_catalogue.extension")
DEFAULT_DEEP_LINKS = "errors"
DEFAULT_EXPORT = "error-catalogue.json"
# Folders of letters, digits, '.', '_' and '-', none starting with '.' (so no `..`).
_SITE_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\Z")


class SitePath(BaseConfigOption[str | None]):
    """A file or folder the plugin writes into the site: a path inside it, `true` (or nothing)
    for the default path, or `false` for none (validated to None). A bad value is MkDocs'
    own configuration error, naming the option, for the build and the commands alike."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str | None:
        if value is False:
            return None
        if value is True or value is None:
            return str(self.default)
        path = value.strip("/") if isinstance(value, str) else ""
        if not _SITE_PATH.match(path):
            raise ValidationError(
                f"must be `false` or a path inside the site such as `{self.default}` "
                f"(letters, digits, '.', '_', '-' and '/'), not {value!r}"
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
    deep_links = SitePath(DEFAULT_DEEP_LINKS)  # None: `false`
    export = SitePath(DEFAULT_EXPORT)
