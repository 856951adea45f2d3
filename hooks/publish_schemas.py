"""A hook of this project's own documentation site: it publishes the package's JSON schemas.

The site serves each schema as `schema/<file name>`, the place its `$id` names (relative to
`site_url`, until the site has a public address); `tests/test_own_site.py` checks both.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_error_catalogue.loading import CATALOGUE_SCHEMA

SCHEMAS = sorted(CATALOGUE_SCHEMA.parent.glob("*.schema.json"))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for schema in SCHEMAS:
        files.append(File.generated(config, f"schema/{schema.name}", abs_src_path=str(schema)))
    return files
