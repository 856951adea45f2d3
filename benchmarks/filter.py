"""How fast the page's filter answers a keystroke, on pages of 1,000 and 10,000 codes.

    python benchmarks/filter.py [--sizes 1000 10000] [--repeats 3]

Headless Chromium (Debian's, driven by Playwright, 1280 x 900 px, no slowdown) opens the
plugin's page of a synthetic catalogue (see `generate.py`), waits for the filter box, and types
a code that is two thirds down the page, one key at a time, then Escape. For each keystroke it
records, in the page, the time from the `input` event to the frame after the filter's work
(a `requestAnimationFrame` callback, then a task: the screen has been updated). Printed: the
median and the slowest keystroke over `--repeats` loads, and the time to the first frame after
Escape (every row shown again).
Target (issue 24): the median keystroke at most 50 ms at 10,000 codes, 16 ms at 1,000.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from generate import generate
from landing import build, serve
from run import MARKER_PAGE

from mkdocs_error_catalogue.loading import load_catalogue

# The time from each `input` (or Escape's `keydown`) to the next updated frame.
WATCH = """(() => {
  window.__keystrokes = [];
  const record = event => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => {
      window.__keystrokes.push([event.type, performance.now() - start]);
    }));
  };
  document.addEventListener("input", record, true);
  document.addEventListener("keydown", event => { if (event.key === "Escape") record(event); }, true);
})();"""


def type_code(browser: Any, url: str, code: str) -> list[list[Any]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_selector(".error-catalogue-filter input", timeout=120_000)
    page.evaluate(WATCH)
    page.focus(".error-catalogue-filter input")
    for key in code:
        page.keyboard.press(key)
        page.wait_for_timeout(300)
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => window.__keystrokes.length === {len(code) + 1}")
    strokes: list[list[Any]] = page.evaluate("window.__keystrokes")
    context.close()
    return strokes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        root = Path(temporary)
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        print(f"Chromium {browser.version}, 1280 x 900 px, {options.repeats} loads each")
        print(f"{'codes':>6} {'median key':>11} {'slowest key':>12} {'Escape':>8}")
        for size in options.sizes:
            folder = root / f"catalogue-{size}"
            generate(folder, size)
            entries = list(load_catalogue(folder).entries())
            code = next(str(e.code) for e in entries[len(entries) * 2 // 3 :] if e.code is not None)
            site = build(root / f"site-{size}", folder, MARKER_PAGE, plugin=True)
            url, server = serve(site)
            keys: list[float] = []
            escapes: list[float] = []
            for _ in range(options.repeats):
                for kind, took in type_code(browser, f"{url}errors/", code):
                    (keys if kind == "input" else escapes).append(took)
            server.shutdown()
            print(
                f"{size:>6} {statistics.median(keys):>9.1f}ms {max(keys):>10.1f}ms"
                f" {statistics.median(escapes):>6.0f}ms"
            )
        browser.close()


if __name__ == "__main__":
    main()
