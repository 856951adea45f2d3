"""The marks the package leaves in a page's HTML and finds there again, written and read in
one place: the placeholders that stand for held tables, the rendered tables themselves (which
search's copy of a page leaves out), and the problems the extension recorded in a page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from html import escape, unescape

from .rendering import CSS_PREFIX

# A comment, so a placeholder left in a page shows nothing.
_TABLE_PLACEHOLDER = re.compile(r"<!--error-catalogue-table:(\d+)-->")
# A rendered table: its wrapper holds one table, and catalogue text cannot contain `</table>`
# (raw HTML in it is escaped), so the first `</table>` closes it.
_TABLE = re.compile(rf'<div class="{CSS_PREFIX}"[^>]*>\s*<table>.*?</table>\s*</div>', re.DOTALL)
# What the extension reported while converting a page on its own, kept in the page's HTML for
# `error-catalogue site-files` (Zensical's `--strict` ignores logged warnings). The problem is
# escaped, so it holds no `>` that could end the comment early.
_RECORDED_PROBLEM = re.compile(r"<!-- error-catalogue-problem: (?P<problem>.*?) -->", re.DOTALL)


def table_placeholder(number: int) -> str:
    """What stands for the held table `number` in a page's HTML (a comment: invisible)."""
    return f"<!--error-catalogue-table:{number}-->"


def put_tables_back(html: str, tables: Mapping[int, str]) -> str:
    """`html` with each table placeholder replaced by its table (when `tables` has it)."""

    def table(match: re.Match[str]) -> str:
        return tables.get(int(match.group(1)), match.group(0))

    return _TABLE_PLACEHOLDER.sub(table, html)


def without_tables(content: str) -> str:
    """`content` with a `table_placeholder` in place of each catalogue table."""
    count = itertools.count()
    return _TABLE.sub(lambda _: table_placeholder(next(count)), content)


def tables_of(content: str) -> dict[int, str]:
    """The catalogue tables of `content`, numbered as `without_tables` numbers them."""
    return dict(enumerate(_TABLE.findall(content)))


def with_recorded_problems(html: str, problems: Iterable[str]) -> str:
    """`html` followed by one comment per problem, which `recorded_problems` reads back."""
    comments = [f"<!-- error-catalogue-problem: {escape(problem)} -->" for problem in problems]
    return "\n".join([html, *comments]) if comments else html


def recorded_problems(html: str) -> list[str]:
    """The problems that the extension, on its own, reported while converting the page whose
    HTML is `html`."""
    return [unescape(m.group("problem")) for m in _RECORDED_PROBLEM.finditer(html)]
