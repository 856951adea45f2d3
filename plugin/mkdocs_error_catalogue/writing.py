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
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_files(
    root: Path,
    files: Iterable[tuple[str, str]],
    trash: Path | None = None,
    removed: list[str] | None = None,
) -> None:
    """Write each `(relative path, text)` below `root`, creating folders as needed; delete
    the `removed` ones (and their folders, once empty); then delete `trash`, the previous
    build's files that were moved out of the way."""
    for relative in removed or []:
        path = root / relative
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()
    for relative, text in files:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if trash is not None:
        shutil.rmtree(trash, ignore_errors=True)


def set_aside(folder: Path) -> Path | None:
    """Move `folder` (if any) beside the site, to be deleted by the writing process: the
    build's own clean-up would delete its ten thousand entries one by one, and wait."""
    trash = folder.parent.parent / f".{folder.parent.name}.{folder.name}.old"
    shutil.rmtree(trash, ignore_errors=True)  # left by a build that was interrupted
    if not folder.is_dir():
        return None
    folder.rename(trash)
    return trash


class FileWriter:
    """Writes one batch of files in the background; `wait` reports how it went."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._batch = ""

    def start(
        self,
        root: Path,
        files: Iterable[tuple[str, str]],
        trash: Path | None = None,
        removed: list[str] | None = None,
    ) -> None:
        """Start writing `files` below `root`; they are read one at a time, never all held."""
        self.wait()
        # JSON lines: the first says what to delete, each other is one file. The process
        # reads them one at a time, so it never holds them all.
        with tempfile.NamedTemporaryFile(
            "w", suffix=".jsonl", delete=False, encoding="utf-8"
        ) as batch:
            head = {"trash": trash and str(trash), "removed": removed or []}
            batch.write(json.dumps(head) + "\n")
            batch.writelines(json.dumps(file, ensure_ascii=False) + "\n" for file in files)
        self._batch = batch.name
        command = [sys.executable, __file__, str(root), batch.name]
        self._process = subprocess.Popen(command, stderr=subprocess.PIPE)

    def wait(self) -> None:
        """Block until the batch is written; raises `OSError` when it could not be."""
        process, self._process = self._process, None
        if process is None:
            return
        _, errors = process.communicate()
        Path(self._batch).unlink(missing_ok=True)
        if process.returncode:
            raise OSError(errors.decode("utf-8", "replace").strip().splitlines()[-1])


def _main(root: str, batch: str) -> None:
    with Path(batch).open(encoding="utf-8") as lines:
        head = json.loads(next(lines))
        files = (tuple(json.loads(line)) for line in lines)
        write_files(Path(root), files, head["trash"] and Path(head["trash"]), head["removed"])


if __name__ == "__main__":
    _main(*sys.argv[1:3])
    os._exit(0)  # nothing to clean up: skip the interpreter's shutdown
