"""Writing many small files in a separate process.

Ten thousand deep-link pages are ten thousand folders and files: the file system is slow at
that, and a thread of MkDocs' own process would compete with it for Python's global lock
between every call. A process of its own writes them while MkDocs renders the pages. It runs
this file as a script (not the package), so it imports nothing but the standard library and
starts in milliseconds. It writes with one thread: on the machine we measured, creating folders
and files is the kernel's CPU time, not waiting for the disk, and a second thread doubled the
CPU it took from MkDocs to finish a third sooner.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


def write_files(
    root: Path, files: Iterable[tuple[str, str]], refresh: Refresh | None = None
) -> None:
    """Write each `(relative path, text)` below `root`, creating folders as needed.

    With `refresh`, its folder holds the files of an earlier run: a file that already has its
    text is left alone, and what the folder holds besides the files written and the names
    `refresh` keeps is deleted.
    """
    seen: set[str | None] = set()
    for relative, text in files:
        path = root / relative
        if refresh is not None:
            seen.add(name_below(refresh.folder, relative))
            if _holds(path, text):
                continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if refresh is not None:
        refresh.prune(root, seen)


@dataclass(frozen=True)
class Refresh:
    """A folder (relative to the root) whose earlier files are updated, not written anew;
    `keep`: names in it that others write (MkDocs' pages below the deep-link prefix)."""

    folder: str
    keep: frozenset[str] = frozenset()

    def prune(self, root: Path, written: set[str | None]) -> None:
        with os.scandir(root / self.folder) as entries:
            for entry in entries:
                if entry.name in written or entry.name in self.keep:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    Path(entry.path).unlink()


def name_below(folder: str, relative: str) -> str | None:
    """The name, in `folder`, of the entry that holds the file `relative` (both relative to
    the same root); None when the file is not below `folder`."""
    if not relative.startswith(f"{folder}/"):
        return None
    return PurePosixPath(relative).relative_to(folder).parts[0]


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def set_aside(folder: Path) -> Path | None:
    """Move `folder` (if any) beside the site, out of the way of the build's own clean-up,
    which would delete its ten thousand entries one by one: `put_back` returns it."""
    aside = _aside(folder)
    discard_set_aside(folder)
    if not folder.is_dir():
        return None
    folder.rename(aside)
    return aside


def put_back(aside: Path, folder: Path) -> None:
    """Undo `set_aside`, once the site folder is empty."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    aside.rename(folder)


def discard_set_aside(folder: Path) -> None:
    """Delete what a build that was killed left set aside for `folder`."""
    shutil.rmtree(_aside(folder), ignore_errors=True)


def _aside(folder: Path) -> Path:
    return folder.parent.parent / f".{folder.parent.name}.{folder.name}.old"


class FileWriter:
    """Writes one batch of files in the background; `wait` reports how it went.

    The batch waits in a hidden file of the site folder (MkDocs' clean-up leaves hidden files
    alone), where the next build writes its own over one that a killed build left, and which
    the writing process deletes as soon as it has it open.
    """

    BATCH = ".error-catalogue-batch.jsonl"

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._batch: Path | None = None  # in the site folder that `start` is given

    def start(
        self, root: Path, files: Iterable[tuple[str, str]], refresh: Refresh | None = None
    ) -> None:
        """Start writing `files` below `root` (see `write_files`); they are taken one at a
        time, never all held."""
        self.wait()
        root.mkdir(parents=True, exist_ok=True)
        self._batch = batch_path = root / self.BATCH
        # JSON lines: the first says what to refresh, each other is one file. The process
        # reads them one at a time, so it never holds them all.
        with batch_path.open("w", encoding="utf-8") as batch:
            head = refresh and {"folder": refresh.folder, "keep": sorted(refresh.keep)}
            batch.write(json.dumps({"refresh": head}) + "\n")
            batch.writelines(json.dumps(file, ensure_ascii=False) + "\n" for file in files)
        command = [sys.executable, __file__, str(root), str(batch_path)]
        self._process = subprocess.Popen(command, stderr=subprocess.PIPE)

    def wait(self) -> None:
        """Block until the batch is written; raises `OSError` when it could not be."""
        process, self._process = self._process, None
        if process is None:
            return
        _, errors = process.communicate()
        self._discard_batch()
        if process.returncode:
            raise OSError(errors.decode("utf-8", "replace").strip().splitlines()[-1])

    def stop(self) -> None:
        """Stop writing, if it still is (the build was interrupted), and delete the batch."""
        if self._process is not None:
            self._process.kill()
        with contextlib.suppress(OSError):
            self.wait()
        self._discard_batch()  # perhaps interrupted while it was being made

    def _discard_batch(self) -> None:
        if self._batch is not None:
            self._batch.unlink(missing_ok=True)


class DeepLinkFolder:
    """The deep-link pages of one site folder across the builds of `serve`: set aside while
    MkDocs empties the site, put back and refreshed, written in the background. Only the pages
    that changed are written and those of removed codes deleted: most builds change a few
    pages, if any."""

    def __init__(self) -> None:
        self._writer = FileWriter()
        self._aside: Path | None = None  # the last build's pages, set aside from `_folder`
        self._folder = Path()

    def set_aside(self, folder: Path | None, *, dirty: bool) -> None:
        """Before MkDocs empties the site folder: the last build's pages go in one move (a
        dirty build keeps the site: only what a killed build left aside is deleted)."""
        self._aside = None
        if folder is None:
            return
        self._folder = folder
        if dirty:
            discard_set_aside(folder)
        else:
            self._aside = set_aside(folder)

    def start(
        self,
        site_dir: Path,
        prefix: str | None,
        pages: Iterable[tuple[str, str]],
        taken: Iterable[str],
    ) -> None:
        """Start writing `pages` below `site_dir`. The last build's are put back first, and
        refreshed: what the prefix's folder holds besides them and the names that the site's
        other files (`taken`: paths in the site) need is deleted."""
        refresh = None
        if prefix:
            self._put_back()
            if (site_dir / prefix).is_dir():
                names = (name_below(prefix, path) for path in taken)
                refresh = Refresh(prefix, frozenset(name for name in names if name is not None))
        self._writer.start(site_dir, pages, refresh)

    def finish(self, site_dir: Path, late: Iterable[tuple[str, str]] | None = None) -> None:
        """Wait for the pages, then write the `late` ones (of categories found while pages
        were rendered); raises `OSError` when they could not be written."""
        self._writer.wait()
        if late is not None:
            self._writer.start(site_dir, late)
            self._writer.wait()

    def abandon(self) -> None:
        """The build failed: no writing left behind it, and the last build's pages put back
        (nothing left beside the site, and the next build can still reuse them)."""
        with contextlib.suppress(OSError):  # the build's own error is the one to report
            self._writer.wait()
            self._put_back()

    def stop(self) -> None:
        """No writing left running, no batch of files, nothing set aside beside the site."""
        self._writer.stop()
        self._put_back()

    def _put_back(self) -> None:
        """Return the last build's pages, if they are still set aside."""
        if self._aside is not None:
            put_back(self._aside, self._folder)
            self._aside = None


def _main(root: str, batch: str) -> None:
    with Path(batch).open(encoding="utf-8") as lines:
        # Gone once open (where the system allows it: else `FileWriter.wait` deletes it), so
        # that a build killed meanwhile leaves none.
        with contextlib.suppress(OSError):
            Path(batch).unlink()
        head = json.loads(next(lines))["refresh"]
        refresh = head and Refresh(head["folder"], frozenset(head["keep"]))
        files = (tuple(json.loads(line)) for line in lines)
        write_files(Path(root), files, refresh)


if __name__ == "__main__":
    _main(*sys.argv[1:3])
    os._exit(0)  # nothing to clean up: skip the interpreter's shutdown
