"""Real headless Chromium (Debian's package) driven by Playwright, and a loopback web server.

Outside CI, a machine without Chromium or Playwright skips these tests with the reason said
out loud; in CI (`CI` set) a missing browser fails them instead, since `.ci/run` installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from mkdocs_error_catalogue import load_catalogue

from .conftest import EXAMPLE_CATALOGUE, example_site

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests are required in CI: {reason}")
    pytest.skip(
        f"BROWSER TESTS SKIPPED: {reason} (install Debian's chromium and `pip install playwright`)"
    )


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium for the whole session."""
    executable = shutil.which("chromium")
    if executable is None:
        _missing("no `chromium` on PATH")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class _StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not worth a line each in the test output."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing file gets the site's `404.html`, with status 404, as static hosts (GitHub
        Pages, Netlify, Read the Docs) and `mkdocs serve` answer."""
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `folder` on a free loopback port, as a static host would; returns its base URL
    and the server to shut."""
    handler = functools.partial(_StaticHostHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def artefact(name: str) -> Path:
    """Where a test saves a screenshot for people to look at (`test-artifacts/`, git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def _loopback_only(route: Any) -> None:
    """Pages load nothing from the network (themes ask for web fonts and CDN scripts)."""
    host = urllib.parse.urlsplit(route.request.url).hostname
    if host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        route.abort()


@contextmanager
def reader(
    browser: Any, width: int = 1280, height: int = 900, javascript: bool = True
) -> Iterator[Any]:
    """A page in a fresh browser context; fails the test if the plugin's script threw."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=javascript
    )
    context.route("**/*", _loopback_only)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "pageerror",
        lambda error: (
            errors.append(f"{error}\n{error.stack}")
            if "error-catalogue" in (error.stack or "")
            else None
        ),
    )
    try:
        yield page
    finally:
        context.close()
    assert not errors, "the plugin's script threw:\n" + "\n".join(errors)


HIGHLIGHTED = "error-catalogue-entry--highlighted"

# Where the row is, where the theme's sticky header ends, and whether the row is highlighted.
GEOMETRY = """anchor => {
    const row = document.getElementById(anchor);
    if (!row) return null;  // not this page (yet)
    const header = document.querySelector(".md-header, .navbar.fixed-top");
    // Where the table's heading row sticks (wide tables), the row lands below it instead.
    const head = row.closest("table").querySelector("thead th");
    const sticky = head && getComputedStyle(head).position === "sticky";
    return {
        top: row.getBoundingClientRect().top,
        header: Math.max(header ? header.getBoundingClientRect().bottom : 0,
                         sticky ? head.getBoundingClientRect().bottom : 0),
        viewport: innerHeight,
        highlighted: row.classList.contains("error-catalogue-entry--highlighted"),
    };
}"""

# ... and stays there: the same position as at the previous poll, so that no (smooth) scroll
# is still under way when a test moves on.
BELOW_THE_HEADER = (
    "anchor => { const g = (" + GEOMETRY + ")(anchor); "
    "const still = g !== null && window.lastLandingTop === g.top; "
    "window.lastLandingTop = g && g.top; "
    "return still && g.top >= g.header - 1 && g.top <= g.header + 100; }"
)
LANDED = (
    "anchor => (" + BELOW_THE_HEADER + ")(anchor) "
    "&& document.getElementById(anchor).classList.contains('error-catalogue-entry--highlighted')"
)


def highlighted(page: Any) -> list[str]:
    return list(page.eval_on_selector_all(f".{HIGHLIGHTED}", "rows => rows.map(row => row.id)"))


def assert_landed(page: Any, anchor: str) -> None:
    """The row is highlighted, the only one, with its top just below the sticky header."""
    try:
        page.wait_for_function(LANDED, arg=anchor, timeout=10_000)
    except Exception as error:  # Playwright's TimeoutError; say where the row is instead
        where = page.evaluate(GEOMETRY, anchor)
        raise AssertionError(f"did not land on row {anchor}: {where}") from error
    assert highlighted(page) == [anchor]


# The WCAG contrast ratio of an element's text against what is painted behind it: background
# colours of the element and its ancestors, and full-cover inset shadows (Bootstrap's table
# stripes, the highlight tint), composited over a white canvas; text alpha and opacity too.
CONTRAST = r"""
element => {
  const parse = value => {
    let match = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(value);
    if (match) {
      return [match[1] * 255, match[2] * 255, match[3] * 255, match[4] === undefined ? 1 : +match[4]];
    }
    match = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,\/] ?([\d.]+))?\)/.exec(value);
    if (!match) return null;
    return [+match[1], +match[2], +match[3], match[4] === undefined ? 1 : +match[4]];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const chain = [];
  for (let node = element; node; node = node.parentElement) chain.unshift(node);
  let background = [255, 255, 255, 1];
  let opacity = 1;
  for (const node of chain) {
    const style = getComputedStyle(node);
    opacity *= +style.opacity;
    const layers = [parse(style.backgroundColor)];
    const shadows = style.boxShadow.matchAll(/(rgba?\([^)]*\)|color\([^)]*\)) ([-\d.]+)px ([-\d.]+)px ([-\d.]+)px ([-\d.]+)px inset/g);
    for (const shadow of Array.from(shadows).reverse()) {
      if (+shadow[5] >= 1000) layers.push(parse(shadow[1]));
    }
    for (const layer of layers) if (layer) background = over(layer, background);
  }
  const color = parse(getComputedStyle(element).color);
  const text = over([color[0], color[1], color[2], color[3] * opacity], background);
  const luminance = rgb => {
    const [r, g, b] = rgb.slice(0, 3).map(c => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  const css = rgb => `rgb(${rgb.slice(0, 3).map(Math.round).join(", ")})`;
  return { ratio: (light + 0.05) / (dark + 0.05), color: css(text), background: css(background) };
}
"""


# The example site as readers see it: its catalogue, page, and the screens tests use.
CATALOGUE = load_catalogue(EXAMPLE_CATALOGUE)
EVERY_ROW = [entry.anchor for entry in CATALOGUE.entries()]
PAGE = "reference/link-errors/"
PHONE = (375, 812)  # width, height
WCAG_AA = 4.5


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """The URL of the example site built with a theme ("material", "mkdocs", "readthedocs"),
    or with Material's instant navigation ("material-instant"), its instant previews
    ("material-preview") or right to left ("material-rtl"); each built once, served on
    loopback."""
    urls: dict[str, str] = {}
    servers: list[Any] = []

    def url(variant: str) -> str:
        if variant not in urls:
            root = tmp_path_factory.mktemp(variant)
            (root / "site").mkdir()
            urls[variant], server = serve(root / "site")
            servers.append(server)
            site = example_site(root, "material" if variant.startswith("material") else variant)
            site.config["site_url"] = urls[variant]  # instant navigation needs it
            if variant.startswith("material"):  # light and dark, as the project's own site
                site.config["theme"]["palette"] = [{"scheme": "default"}, {"scheme": "slate"}]
            if variant == "material-instant":
                site.config["theme"]["features"] = ["navigation.instant"]
            if variant == "material-preview":
                features = ["navigation.instant", "navigation.instant.preview"]
                site.config["theme"]["features"] = features
            if variant == "material-rtl":
                site.config["theme"]["direction"] = "rtl"
            site.build()
        return urls[variant]

    yield url
    for server in servers:
        server.shutdown()
