"""The `error-catalogue` command: the catalogue's tools outside a MkDocs build.

Each sub-command is an `add_…` function that declares its arguments and sets `run` to the
function doing the work; `main` dispatches. Exit status: 0 done, 1 problems found, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from .loading import load_catalogue
from .problems import CatalogueError

if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    """The `--catalogue DIR` option every command that reads a catalogue takes."""
    parser.add_argument(
        "--catalogue",
        type=Path,
        default=Path("catalogue"),
        help="the catalogue folder (default: ./catalogue)",
    )


def add_check(commands: Commands) -> None:
    parser = commands.add_parser("check", help="validate the catalogue without building the site")
    add_catalogue_option(parser)
    parser.set_defaults(run=check)


def check(arguments: argparse.Namespace) -> int:
    """Print one `file:line: message` line per problem; 0 when clean, 1 otherwise."""
    folder: Path = arguments.catalogue
    try:
        catalogue = load_catalogue(folder)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    entries = sum(1 for _ in catalogue.entries())
    categories = len(catalogue.categories)
    print(
        f"{folder}: {plural(categories, 'category', 'categories')}, "
        f"{plural(entries, 'error', 'errors')}, no problems"
    )
    return 0


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="error-catalogue", description="Work with an error catalogue outside a MkDocs build."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for add in (add_check,):
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (argparse exits 2 on usage errors)."""
    arguments = _parser().parse_args(argv)
    status: int = arguments.run(arguments)
    return status


if __name__ == "__main__":
    sys.exit(main())
