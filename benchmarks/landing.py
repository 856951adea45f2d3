"""How soon a reader on a slow phone sees the entry a deep link points at.

    python benchmarks/landing.py [--repeats 5] [--sizes 1000] [--throttle 4]

Headless Chromium (Debian's, driven by Playwright) at 375 x 812 px with its CPU slowed
(`Emulation.setCPUThrottlingRate`) opens a link to one entry of the reference, served from
loopback, and records at every animation frame where the link's target is. Printed, for each
site (the example catalogue, and a synthetic one of each `--sizes`, see `generate.py`), the
median of `--repeats` fresh page loads of:

- `in view`: milliseconds from the navigation's start to the first frame with the target in
  the viewport's upper half (where the landing puts it);
- `elsewhere`: frames drawn with the target on the page but out of view before that (the top of
  the page shown, then a jump), and whether it moved out of view again afterwards.

Side by side, the same tables written by hand in Markdown (see `hand_written_markdown`): they
have no anchor per row, so their link goes to the row's category heading, the closest place a
reader of such a page can be sent. The ratio is the plugin's `in view` over theirs.
Targets (issue 20): the example's row in view within 1.0 s, a 1,000-code page's within 2.0 s,
with no frame drawn elsewhere, at a 4x slowdown.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path
from typing import Any

import yaml
from generate import generate, hand_written_markdown
from run import EXTENSIONS, HOME, MARKER_PAGE, PAGE

from mkdocs_error_catalogue.loading import load_catalogue
from mkdocs_error_catalogue.model import Catalogue

REPO = Path(__file__).resolve().parent.parent
PHONE = {"width": 375, "height": 812}

# Records, at each frame, whether the fragment's element is in the upper half of the viewport.
WATCH = """(() => {
  const log = window.__landing = { inView: null, elsewhere: 0, leftAfter: 0 };
  const id = decodeURIComponent(location.hash.slice(1));
  function frame() {
    const target = id && document.getElementById(id);
    if (target) {
      const top = target.getBoundingClientRect().top;
      const seen = top >= 0 && top < innerHeight / 2;
      if (seen && log.inView === null) log.inView = performance.now();
      else if (!seen && log.inView === null) log.elsewhere += 1;
      else if (!seen) log.leftAfter += 1;
    }
    if (performance.now() < 20000) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();"""


def build(root: Path, catalogue: Path, page: str, plugin: bool) -> Path:
    """A Material site with search whose `errors.md` is `page`; returns its built folder."""
    (root / "docs").mkdir(parents=True)
    plugins: list[Any] = ["search"]
    if plugin:
        plugins.append({"error-catalogue": {"catalogue": str(catalogue)}})
    config = {
        "site_name": "Landing benchmark",
        "theme": {"name": "material"},
        "plugins": plugins,
        "markdown_extensions": EXTENSIONS,
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    (root / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    (root / "docs" / PAGE).write_text(page, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True)
    return root / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No line per request."""


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def heading_id(site: Path, catalogue: Catalogue, anchor: str) -> str:
    """The id the hand-written page gave the heading of `anchor`'s category."""
    from bs4 import BeautifulSoup

    title = next(
        c.title for c in catalogue.categories if any(e.anchor == anchor for e in c.entries)
    )
    page = BeautifulSoup((site / "errors" / "index.html").read_text("utf-8"), "html.parser")
    heading = next(h for h in page.select("h2[id]") if h.get_text().rstrip("¶").strip() == title)
    return str(heading["id"])


def _loopback_only(route: Any) -> None:
    """Nothing from the network (Material asks for web fonts): a phone would have them
    cached, and this machine cannot reach them."""
    if urllib.parse.urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


def load(browser: Any, url: str, throttle: float) -> dict[str, Any]:
    context = browser.new_context(viewport=PHONE)
    context.route("**/*", _loopback_only)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.add_init_script(WATCH)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.__landing.inView !== null", timeout=30_000)
    page.wait_for_timeout(1500)  # anything that moves it afterwards
    result: dict[str, Any] = page.evaluate("window.__landing")
    context.close()
    return result


def measure(browser: Any, urls: dict[str, str], repeats: int, throttle: float) -> dict[str, Any]:
    """Each variant's loads, interleaved."""
    runs: dict[str, list[dict[str, Any]]] = {variant: [] for variant in urls}
    for _ in range(repeats):
        for variant, url in urls.items():
            runs[variant].append(load(browser, url, throttle))
    return {
        variant: {
            "in_view_ms": statistics.median(run["inView"] for run in loads),
            "elsewhere_frames": statistics.median(run["elsewhere"] for run in loads),
            "moved_after": max(run["leftAfter"] for run in loads),
        }
        for variant, loads in runs.items()
    }


def sites(root: Path, sizes: list[int]) -> dict[str, tuple[Path, Catalogue, str]]:
    """Per catalogue: its folder, the catalogue and the entry linked to (two thirds down)."""
    found = {"example": (REPO / "catalogue", load_catalogue(REPO / "catalogue"))}
    for size in sizes:
        folder = root / f"catalogue-{size}"
        generate(folder, size)
        found[f"{size} codes"] = (folder, load_catalogue(folder))
    return {
        name: (
            folder,
            catalogue,
            list(catalogue.entries())[len(list(catalogue.entries())) * 2 // 3].anchor,
        )
        for name, (folder, catalogue) in found.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--throttle", type=float, default=4.0)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        root = Path(temporary)
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        print(
            f"Chromium {browser.version}, {platform.machine()}, {platform.processor() or ''}"
            f" CPU slowed {options.throttle:g}x, 375 x 812 px, median of {options.repeats}"
        )
        print(
            f"{'site':<12} {'variant':<14} {'in view':>9} {'elsewhere':>10} {'moved':>6} {'ratio':>6}"
        )
        for name, (folder, catalogue, anchor) in sites(root, options.sizes).items():
            slug = name.replace(" ", "-")
            ours = build(root / f"{slug}-plugin", folder, MARKER_PAGE, plugin=True)
            hand = build(
                root / f"{slug}-hand", folder, hand_written_markdown(catalogue), plugin=False
            )
            servers = []
            urls = {}
            for variant, site, target in (
                ("plugin", ours, anchor),
                ("hand-written", hand, heading_id(hand, catalogue, anchor)),
            ):
                url, server = serve(site)
                servers.append(server)
                urls[variant] = f"{url}errors/#{target}"
            results = measure(browser, urls, options.repeats, options.throttle)
            for server in servers:
                server.shutdown()
            base = results["hand-written"]["in_view_ms"]
            for variant, result in results.items():
                print(
                    f"{name:<12} {variant:<14} {result['in_view_ms']:>7.0f}ms"
                    f" {result['elsewhere_frames']:>10g} {result['moved_after']:>6}"
                    f" {result['in_view_ms'] / base:>6.2f}"
                )
        browser.close()


if __name__ == "__main__":
    main()
