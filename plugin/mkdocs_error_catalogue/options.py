"""The plugin's options in `mkdocs.yml`, their defaults, and the names under which
`markdown_extensions` may list the extension: what the plugin and the commands read alike."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError

from .translations import check_labels

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


class LabelsOption(BaseConfigOption[dict[str, Any]]):
    """`labels:`: the column headings, notes, filter and "not found" texts, for every language
    (`code: …`) or for one (`ko: {code: …}`), over the built-in texts of the page's language
    (see `translations`), over English."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, Any] = {}

    def run_validation(self, value: object) -> dict[str, Any]:
        value = {} if value is None else value
        try:
            check_labels(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None
        assert isinstance(value, dict)  # check_labels accepts mappings only; YAML gives dicts
        return value


class ErrorCatalogueConfig(base.Config):
    """The plugin's options in `mkdocs.yml`."""

    catalogue = c.Type(str, default="catalogue")
    labels = LabelsOption()
    stylesheet = c.Type(bool, default=True)
    script = c.Type(bool, default=True)
    deep_links = SitePath(DEFAULT_DEEP_LINKS)  # None: `false`
    export = SitePath(DEFAULT_EXPORT)
