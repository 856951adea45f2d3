"""Render error-code references from a YAML catalogue on every MkDocs build."""

from .loading import load_catalogue
from .model import Catalogue, Category, Entry, Obsolete
from .problems import CatalogueError, Problem
from .rendering import CatalogueRenderer, Labels

__all__ = [
    "Catalogue",
    "CatalogueError",
    "CatalogueRenderer",
    "Category",
    "Entry",
    "Labels",
    "Obsolete",
    "Problem",
    "load_catalogue",
]
