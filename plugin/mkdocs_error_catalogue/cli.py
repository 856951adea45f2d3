"""The `error-catalogue` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .loading import load_catalogue
from .problems import CatalogueError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="error-catalogue", description="Work with an error catalogue outside a MkDocs build."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the catalogue without building the site")
    check.add_argument(
        "--catalogue",
        type=Path,
        default=Path("catalogue"),
        help="the catalogue folder (default: ./catalogue)",
    )
    return parser


def check(folder: Path) -> int:
    """Print one `file:line: message` line per problem; 0 when clean, 1 otherwise."""
    try:
        catalogue = load_catalogue(folder)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    entries = sum(1 for _ in catalogue.entries())
    print(f"{folder}: {len(catalogue.categories)} categories, {entries} errors, no problems")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for usage errors, from argparse)."""
    arguments = _parser().parse_args(argv)
    return check(arguments.catalogue)


if __name__ == "__main__":
    sys.exit(main())
