"""Run one command; write its wall time, CPU time and peak memory as JSON (used by `run.py`).

    python benchmarks/measure.py RESULT.json COMMAND [ARGUMENT...]

Why a process of its own: the kernel's peak RSS of a child (`ru_maxrss`) includes the memory of
the process it was forked from, because the high-water mark survives `exec`. `run.py` holds a
whole catalogue in memory, so every build it started directly would seem to need at least that
much. This launcher is small (about 10 MiB): it forks the command and reads the kernel's account
of it with `os.wait4`, exactly what GNU `time -v` reports, without needing GNU `time`.

A build may start helper processes (the plugin writes its deep-link pages in one). For the whole
tree, `ru_maxrss` gives the largest process, not the sum, so on Linux the tree's RSS is also
sampled from `/proc` every 10 ms; the build's peak is the larger of the two numbers. A sample
can miss a peak shorter than 10 ms, which `ru_maxrss` catches for the largest process.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

SAMPLE_SECONDS = 0.01


def tree_rss(root: int) -> int:
    """The summed RSS of `root` and its descendants, in bytes (0 where `/proc` is missing).

    A child that has not yet called `exec` shares its parent's memory (its RSS is the
    parent's): it is skipped, and its own children with it, until it runs its own program.
    """
    total = 0
    pending: list[tuple[int, bytes | None]] = [(root, None)]
    while pending:
        pid, parent_command = pending.pop()
        proc = Path(f"/proc/{pid}")
        try:
            command = (proc / "cmdline").read_bytes()
            if command == parent_command:
                continue
            status = (proc / "status").read_text()
            for task in (proc / "task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend((int(child), command) for child in children)
        except (OSError, ValueError):
            continue  # gone meanwhile, or no /proc
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def main(result: str, command: list[str]) -> int:
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child becomes the command
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(pid))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    report = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "maxrss_bytes": usage.ru_maxrss * scale,
        "tree_rss_bytes": peak[0],
    }
    Path(result).write_text(json.dumps(report), encoding="utf-8")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
