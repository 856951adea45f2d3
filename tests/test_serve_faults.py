"""A real `mkdocs serve` through what happens to a catalogue folder on a disk: the folder moved
away and back, deleted and made again, a file replaced by a copy that keeps its size and
times, a link to nowhere. Serving goes on, says what is wrong on the pages, and shows what
the files hold once they are back."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator

import pytest
from bs4 import BeautifulSoup

from mkdocs_error_catalogue.standalone import cached_catalogue

from .conftest import SERVED_CATEGORY as CATEGORY
from .conftest import Server, Site, cell, serving


@pytest.fixture
def started(site: Site) -> Iterator[Server]:
    """A served site, its first build done."""
    with serving(site) as server:
        server.wait_for(lambda html: "First words." in html, "the first build")
        yield server


def message_and_notice(html: str) -> tuple[str, str | None]:
    """The message cell of the row of code 1, and the text of the page's problem notice."""
    page = BeautifulSoup(html, "html.parser")
    notice = page.select_one(".error-catalogue-problem")
    message = cell(page.find("tr", id="1"), "message").get_text()
    return message, None if notice is None else notice.get_text()


def shows(message: str, notice: str | None = None) -> Callable[[str], bool]:
    """A condition on the served page: the row's message, and a notice that holds `notice`
    (None: no notice)."""

    def condition(html: str) -> bool:
        shown, shown_notice = message_and_notice(html)
        if notice is None:
            return shown == message and shown_notice is None
        return shown == message and shown_notice is not None and notice in shown_notice

    return condition


@pytest.mark.slow  # a real `mkdocs serve`, several rebuilds: about 4 s of CPU
def test_the_catalogue_moved_away_and_back_or_deleted_and_made_again_is_followed(
    site: Site, started: Server
) -> None:
    folder, away = site.root / "catalogue", site.root / "catalogue-away"
    missing = "catalogue: catalogue folder not found: create it"

    folder.rename(away)
    started.wait_for(shows("First words.", missing), "the missing folder to be said")
    kept = "the site keeps the last good catalogue until these problems are fixed"
    assert kept in message_and_notice(started.page())[1]

    away.rename(folder)
    started.wait_for(shows("First words."), "the folder moved back to be read")

    shutil.rmtree(folder)
    started.wait_for(shows("First words.", missing), "the deleted folder to be said")
    site.category("01-a.yml", CATEGORY.format(title="A", code=1, message="Made again."))
    started.wait_for(shows("Made again."), "the folder made again to be read")

    for edit in range(3):  # watched again: every edit shows
        words = f"Edit {edit}."
        site.category("01-a.yml", CATEGORY.format(title="A", code=1, message=words))
        started.wait_for(shows(words), f"edit {edit} to show")
    assert "Traceback" not in "".join(started.log)
    assert started.process.poll() is None


@pytest.mark.slow  # a real `mkdocs serve`: about 1.5 s of CPU
def test_a_file_replaced_with_the_same_size_and_times_is_read_again(
    site: Site, started: Server
) -> None:
    path = site.root / "catalogue/01-a.yml"
    before = path.stat()
    # What `cp -p` does: new content, the old size, the old modification time.
    path.write_text(CATEGORY.format(title="A", code=1, message="Other words."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    edit_page(site, started, "Rebuilt.")  # whether or not the watching saw the copy
    assert message_and_notice(started.page()) == ("Other words.", None)


@pytest.mark.slow  # a real `mkdocs serve`: about 2.5 s of CPU
def test_a_link_to_nowhere_is_a_problem_shown_while_serving(site: Site, started: Server) -> None:
    link = site.root / "catalogue/02-b.yml"
    link.symlink_to("nowhere.yml")
    edit_page(site, started, "Rebuilt.")  # the watching does not see a link to nowhere
    assert message_and_notice(started.page()) == (
        "First words.",
        "Error catalogue: The error catalogue has 1 problem:\n"
        "  catalogue/02-b.yml: is a symbolic link to `nowhere.yml`, which does not exist: "
        "correct the link, or remove it\n"
        "the site keeps the last good catalogue until these problems are fixed",
    )
    assert started.status("errors/1/") == 200  # requests are answered

    link.unlink()
    edit_page(site, started, "Rebuilt again.")
    assert message_and_notice(started.page()) == ("First words.", None)
    assert "Traceback" not in "".join(started.log)
    assert started.process.poll() is None


def edit_page(site: Site, server: Server, words: str) -> None:
    """Rebuild the site by an edit of its page, and wait for it."""
    site.page("index.md", f"# Errors\n\n{words}\n\n<!-- error-catalogue -->\n")
    server.wait_for(lambda html: words in html, f"the page edit '{words}' to show")


def test_a_link_to_nowhere_fails_the_build_with_one_clear_line(site: Site) -> None:
    site.category("01-a.yml", CATEGORY.format(title="A", code=1, message="Words."))
    (site.root / "catalogue/02-b.yml").symlink_to("nowhere.yml")
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    result = site.run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "catalogue/02-b.yml" in line]
    assert len(lines) == 1, result.stderr


def test_zensicals_cached_catalogue_reads_a_copy_with_the_same_size_and_times(
    site: Site,
) -> None:
    """What Zensical's rebuilds use (the extension alone keeps the catalogue between pages)."""
    path = site.category("01-a.yml", CATEGORY.format(title="A", code=1, message="First words."))
    before = path.stat()
    first = cached_catalogue(path.parent)
    path.write_text(CATEGORY.format(title="A", code=1, message="Other words."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    again = cached_catalogue(path.parent)
    assert [e.message for e in first.entries()] == ["First words."]
    assert [e.message for e in again.entries()] == ["Other words."]
