"""Watching the catalogue folder while `mkdocs serve` runs, through its deletion and return.

MkDocs' watch of a folder ends for good when the folder goes (watchdog's polling stops on a
vanished folder, and MkDocs ignores the events of folders themselves): deleting or moving the
catalogue away would leave the site stale without a word, and a catalogue put back would
never be read. So the folder's parent is watched too, only its own entries (not recursively:
it is often the whole project), and whenever the catalogue folder appears or disappears there,
the folder's watch is set up again and the site rebuilt: a missing folder then shows as a
problem on the pages, and the folder put back is read.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler, FileSystemMovedEvent


class FolderWatch(FileSystemEventHandler):
    """Keeps `server` watching `folder` whenever it exists, and rebuilding when it comes or
    goes. Its methods run on the watching thread."""

    def __init__(self, server: LiveReloadServer, folder: Path) -> None:
        self._server = server
        # Absolute and normalised, as the server and the events name paths.
        self._folder = Path(os.path.normpath(folder.absolute()))
        self._watched = False
        self._watch_again()
        server.observer.schedule(self, self._folder.parent, recursive=False)

    def on_created(self, event: FileSystemEvent) -> None:
        self._when_ours(event)

    def on_deleted(self, event: FileSystemEvent) -> None:
        self._when_ours(event)

    def on_moved(self, event: FileSystemEvent) -> None:
        self._when_ours(event)

    def _when_ours(self, event: FileSystemEvent) -> None:
        paths = [event.src_path]
        if isinstance(event, FileSystemMovedEvent):
            paths.append(event.dest_path)
        if self._folder in (Path(os.fsdecode(path)) for path in paths):
            self._watch_again()
            _ask_for_rebuild(self._server)

    def _watch_again(self) -> None:
        """A new watch of the folder, if it exists: the last one may have stopped with it."""
        if self._watched:
            self._server.unwatch(str(self._folder))
            self._watched = False
        if self._folder.is_dir():
            self._server.watch(str(self._folder))
            self._watched = True


def _ask_for_rebuild(server: LiveReloadServer) -> None:
    """What the server's own watches do on a change. MkDocs offers no call for it: this is
    the body of the handler that `LiveReloadServer.watch` installs (MkDocs 1.6)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
