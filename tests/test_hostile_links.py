"""No link, image or markup in catalogue text can run script, in any output.

One hostile corpus goes into every text field and through every output: the MkDocs build
(both themes) with its deep-link pages, search index and JSON export, the extension alone in
plain Python-Markdown, `CatalogueRenderer`, and the Markdown export read by Python-Markdown and
by CommonMark. The HTML is checked with a parser, each URL read as a browser reads it (see
`browser_scheme`, written apart from the plugin's own decoding so that it checks it), and the
built page is clicked through in Chromium.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from markdown.serializers import to_html_string

from mkdocs_error_catalogue import load_catalogue
from mkdocs_error_catalogue.extension import ErrorCatalogueExtension
from mkdocs_error_catalogue.importing import import_page, write_categories
from mkdocs_error_catalogue.markdown_export import catalogue_markdown
from mkdocs_error_catalogue.rendering import CatalogueRenderer

from .browser import reader, serve
from .conftest import (
    GENERATORS,
    THEMES,
    Site,
    catalogue_values,
    comparable,
    new_site,
    run_cli,
)

PWNED = "window.__pwned=1"
# Every way found to smuggle a script URL past a scheme check: character references
# (decimal, hexadecimal, named, with and without `;`), percent-escapes, case, white space and
# controls inside or before the scheme, and the other script-running schemes.
HOSTILE_URLS = (
    f"javascript:{PWNED}",
    f"JaVaScRiPt:{PWNED}",
    f"&#106;avascript:{PWNED}",
    f"&#106avascript:{PWNED}",
    f"&#x6A;avascript:{PWNED}",
    f"&#X6a;avascript:{PWNED}",
    f"&#0000106;avascript:{PWNED}",
    f"&#000000000106;avascript:{PWNED}",
    f"javascript\\:{PWNED}",
    f"javascript&colon;{PWNED}",
    f"javascript&colon{PWNED}",
    f"javascript&#58;{PWNED}",
    f"javascript&#58{PWNED}",
    f"javascript&#x3A;{PWNED}",
    f"java&Tab;script:{PWNED}",
    f"&Tab;javascript:{PWNED}",
    f"java&NewLine;script:{PWNED}",
    f"java&#9;script:{PWNED}",
    f"java&#x0A;script:{PWNED}",
    f"java\tscript:{PWNED}",
    f"&#1;javascript:{PWNED}",
    f"&#x20;&#x1F;javascript:{PWNED}",
    f"   javascript:{PWNED}",
    f"%6Aavascript:{PWNED}",
    f"javascript%3A{PWNED}",
    f"&amp;#106;avascript:{PWNED}",
    f"<javascript:{PWNED}>",
    f"javascript:{PWNED} 'title'",
    f"vbscript:{PWNED}",
    f"VBScript&#58;{PWNED}",
    f"data:text/html,<script>{PWNED}</script>",
    f"data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+#{PWNED}",
    "data:image/svg+xml,<svg onload=window.__pwned=1>",
)
CORPUS = (
    *(f"[click {n}]({url})" for n, url in enumerate(HOSTILE_URLS)),
    *(f"![image {n}]({url})" for n, url in enumerate(HOSTILE_URLS[:12])),
    f"[click](java\nscript:{PWNED})",
    f"[click]\n(javascript:{PWNED})",
    f"[**bold** click](javascript:{PWNED}) and [fine](https://example.com/)",
    f"[click][r]\n\n[r]: javascript:{PWNED}",
    f"<javascript:{PWNED}>",
    f"<ab://x/onmouseover={PWNED}>",
    f"<javascript://%0a{PWNED}>",
    f"[click](https://example.com/){{: onclick={PWNED}}}",
    f"*x*{{: onclick={PWNED}}}",
    f"text {{#x .y onclick={PWNED}}}",
    f"x\n{{: onclick={PWNED}}}",
    f"`code`{{: onclick={PWNED}}}",
    f"<script>{PWNED}</script>",
    f"<img src=x onerror={PWNED}>",
    f'<a href="javascript:{PWNED}">raw link</a>',
    f"<iframe src=javascript:{PWNED}></iframe>",
    f"<svg><script>{PWNED}</script></svg> <math><mi xlink:href=javascript:{PWNED}>m</mi></math>",
    f"<object data=javascript:{PWNED}></object><embed src=javascript:{PWNED}>",
    f"<form action=javascript:{PWNED}><button formaction=javascript:{PWNED}>b</button></form>",
    f"<style>body{{background:url(javascript:{PWNED})}}</style>",
    f"</td></tr></table><script>{PWNED}</script>",
    f"--> <script>{PWNED}</script> <!--",
    f"<!-- <script>{PWNED}</script>",
    f"]]> <script>{PWNED}</script>",
    f"&lt;script&gt;{PWNED}&lt;/script&gt; &#60;img src=x onerror={PWNED}&#62;",
    f'" onmouseover="{PWNED}',
    f"<details open ontoggle={PWNED}>",
)
# Links that must stay links, with the targets a browser reads from them.
SAFE_LINKS = (
    "[fine](https://example.com/fine)",
    "[entry](error:1)",
    "Write to <support@example.com>.",
)

# Elements and attributes that run script or load active content; none may come from text.
ACTIVE_ELEMENTS = (
    *("script", "style", "iframe", "frame", "object", "embed", "svg", "math"),
    *("form", "base", "meta", "link", "template", "applet"),
)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster")
ALLOWED_SCHEMES = ("http", "https", "mailto")
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def browser_scheme(url: str) -> str | None:
    """The scheme a browser reads in an attribute value (already decoded by the parser, as a
    browser's is): leading and trailing C0 controls and spaces trimmed, tabs and newlines
    removed, then the URL standard's scheme (none: a relative URL)."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    scheme = _URL_SCHEME.match(cleaned)
    return scheme.group(1).lower() if scheme else None


def assert_inert(html: str | Tag, where: str, check_elements: bool = True) -> None:
    """Nothing in `html` runs script: no active element (unless `check_elements` is false), no event
    handler attribute, and no URL with a scheme other than http, https and mailto (`error:`
    is resolved by then)."""
    root = BeautifulSoup(html, "html.parser") if isinstance(html, str) else html
    elements = [root, *root.find_all(True)] if isinstance(root, Tag) else root.find_all(True)
    for element in elements:
        assert not check_elements or element.name not in ACTIVE_ELEMENTS, f"{where}: {element}"
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"{where}: {element}"
        for name in URL_ATTRIBUTES:
            if element.has_attr(name):
                scheme = browser_scheme(str(element[name]))
                assert scheme in (None, *ALLOWED_SCHEMES), f"{where}: {element}"


def write_hostile_catalogue(folder: Path) -> None:
    """One category per text of the corpus, with the text in every field: title, description,
    scenario, message, both actions, and an obsolete entry's reason. A last category holds the
    links that must work."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate((*CORPUS, " ".join(SAFE_LINKS))):
        code = (number + 1) * 10
        entry = {
            "scenario": text,
            "message": text,
            "user_actions": [text],
            "developer_actions": [text, "plain"],
        }
        category = {
            "title": text,
            "id": f"c{number}",
            "description": text,
            "errors": [
                {"code": code, **entry},
                {"code": code + 1, **entry, "obsolete": {"reason": text, "replaced_by": code}},
            ],
        }
        (folder / f"{number:03}.yml").write_text(
            yaml.safe_dump(category, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    (folder / "zz-first.yml").write_text(
        yaml.safe_dump(
            {"title": "First", "errors": [{"code": 1, "scenario": "s", "message": "m"}]}
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "catalogue"
    write_hostile_catalogue(folder)
    return folder


@pytest.fixture(scope="module", params=THEMES)
def hostile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The corpus built with MkDocs (not strict: the refused links are warnings)."""
    root = tmp_path_factory.mktemp(f"hostile-{request.param}")
    site = new_site(root, request.param)
    site.config["site_url"] = "https://example.com/docs/"
    write_hostile_catalogue(root / "catalogue")
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    site.build(strict=False)
    return site


def content(page: BeautifulSoup) -> Tag:
    """The part of a built page that the Markdown gives (Material's article, mkdocs' main)."""
    found = page.select_one("article") or page.select_one("[role=main]")
    assert found is not None
    return found


def assert_safe_links_work(html: str | Tag, entry_href: str) -> None:
    root = BeautifulSoup(html, "html.parser") if isinstance(html, str) else html
    hrefs = {a.get_text(): a.get("href") for a in root.find_all("a")}
    assert hrefs["fine"] == "https://example.com/fine"
    assert hrefs["entry"] == entry_href
    assert hrefs["support@example.com"] == "mailto:support@example.com"


def test_the_built_pages_show_the_corpus_as_text(hostile_site: Site) -> None:
    page = hostile_site.html()
    assert_inert(content(page), "page")
    for toc in page.select("nav.md-nav--secondary, .bs-sidebar"):  # titles are in the contents
        assert_inert(str(toc).replace("<svg", "<x-icon").replace("</svg", "</x-icon"), "toc")
    body = page.find("body")
    assert isinstance(body, Tag)
    assert_inert(body, "body", check_elements=False)  # the theme's own scripts stay
    tables = content(page).select("div.error-catalogue table")
    assert len(tables) == len(CORPUS) + 2
    assert_safe_links_work(tables[-2], "#1")


def test_the_deep_link_pages_hold_no_markup_from_text(hostile_site: Site) -> None:
    for number in range(len(CORPUS) + 1):
        for code in ((number + 1) * 10, (number + 1) * 10 + 1):
            html = (hostile_site.root / "site" / "errors" / str(code) / "index.html").read_text()
            page = BeautifulSoup(html, "html.parser")
            (script,) = page.find_all("script")  # the redirect's own
            assert script.get_text().startswith("location.replace(")
            body = page.find("body")
            assert isinstance(body, Tag)
            assert_inert(body, f"deep link {code}")
            assert body.find_all(True) == [page.p, page.a]


def test_the_search_index_holds_no_live_markup_from_text(hostile_site: Site) -> None:
    """Material's search shows a document's title and text as HTML: what our entries and the
    page's sections put there must parse to nothing that runs. (The mkdocs theme's search
    escapes both, so its page sections hold the text as it reads.) Our entries' title and text
    hold no markup at all."""
    index = json.loads((hostile_site.root / "site" / "search" / "search_index.json").read_text())
    documents = index["docs"]
    ours = [doc for doc in documents if re.search(r"#\d+$", doc["location"])]
    assert len(ours) == 2 * (len(CORPUS) + 1) + 1
    if hostile_site.config["theme"]["name"] == "material":
        for document in documents:
            for field in ("title", "text"):
                assert_inert(document[field], f"search {document['location']} {field}")
    for document in ours:
        assert BeautifulSoup(document["title"], "html.parser").find(True) is None
        assert BeautifulSoup(document["text"], "html.parser").find(True) is None


def test_the_json_export_holds_the_texts_as_data(hostile_site: Site) -> None:
    """The JSON export is data for programs: each text exactly as written, no HTML made of it."""
    exported = json.loads((hostile_site.root / "site" / "error-catalogue.json").read_text())
    categories = exported["categories"][: len(CORPUS)]
    for text, category in zip(CORPUS, categories, strict=True):
        assert category["title"] == category["description"] == text
        for entry in category["entries"]:
            assert entry["scenario"] == entry["message"] == entry["user_actions"][0] == text
            assert browser_scheme(entry["url"]) == browser_scheme(entry["deep_link"]) == "https"
        assert category["entries"][1]["obsolete"]["reason"] == text


def test_the_extension_alone_shows_the_corpus_as_text(hostile_folder: Path) -> None:
    extension = ErrorCatalogueExtension(catalogue=str(hostile_folder))
    html = markdown.markdown("<!-- error-catalogue -->", extensions=[extension, "attr_list"])
    assert_inert(html, "extension")
    assert_safe_links_work(BeautifulSoup(html, "html.parser").find_all("table")[-2], "#1")


def test_the_public_renderer_shows_the_corpus_as_text(hostile_folder: Path) -> None:
    renderer = CatalogueRenderer()
    for category in load_catalogue(hostile_folder).categories:
        heading = to_html_string(renderer.heading(category))
        html = heading + renderer.description_html(category) + renderer.table_html(category)
        assert_inert(html, f"renderer, {category.id}")
        if category.id == f"c{len(CORPUS)}":
            assert_safe_links_work(renderer.table_html(category), "#1")


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_markdown_export_shows_the_corpus_as_text(generator: str, hostile_folder: Path) -> None:
    catalogue = load_catalogue(hostile_folder)
    html = GENERATORS[generator](catalogue_markdown(catalogue))
    assert_inert(html, generator)
    tables = BeautifulSoup(html, "html.parser").find_all("table")
    assert_safe_links_work(tables[-2], "#1")


def test_the_markdown_export_of_the_corpus_imports_back(hostile_folder: Path) -> None:
    catalogue = load_catalogue(hostile_folder)
    result = import_page(catalogue_markdown(catalogue))
    assert result.skipped == ()
    with tempfile.TemporaryDirectory() as folder:
        write_categories(result.categories, Path(folder))
        again = catalogue_values(Path(folder))
    assert again == [comparable(category) for category in catalogue.categories]


def test_every_refused_link_is_a_problem_for_check_with_its_line(hostile_folder: Path) -> None:
    result = run_cli("check", "--catalogue", str(hostile_folder), cwd=hostile_folder)
    assert result.returncode == 1
    problems = result.stderr.splitlines()
    first = [p for p in problems if p.startswith("000.yml:")]
    assert len(first) == 4 + 5 + 1  # the four texts of each entry, a reason, the description
    lines = (hostile_folder / "000.yml").read_text(encoding="utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, 1) if line.startswith(("description:", "- code:"))]
    assert sorted({int(problem.split(":")[1]) for problem in first}) == starts
    assert not [p for p in problems if f"{len(CORPUS):03}.yml" in p]  # the safe links


def one_message(site: Site, message: str) -> None:
    """The site shows one error, whose message is `message`."""
    entry = {"code": 1, "scenario": "S", "message": message}
    site.category("a.yml", yaml.safe_dump({"title": "A", "errors": [entry]}, sort_keys=False))
    site.page("index.md", "<!-- error-catalogue -->\n")


def test_a_refused_link_fails_the_strict_build_naming_the_file_and_line(site: Site) -> None:
    one_message(site, "[click](&#106;avascript:alert(1))")
    result = site.run("build", "--strict")
    assert result.returncode == 1
    assert (
        "catalogue/a.yml:3: the `message` of error 1 links to `&#106;avascript:alert(1)`, which "
        "is shown as text" in result.stderr
    )
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr


def test_an_email_address_in_angle_brackets_is_a_mailto_link_without_warning(site: Site) -> None:
    one_message(site, "Write to <support@example.com>.")
    site.build()  # strict: no warning
    link = site.html().find("tr", id="1").find("a", string="support@example.com")
    assert link["href"] == "mailto:support@example.com"


# In the browser: the protocol Chromium gives each link and image of the content, and a click
# on each link and each text element of the tables (a same-page link is followed, and an
# outside one only read, as the test site must not leave the machine).
CLICK_EVERYTHING = """base => {
    const content = document.querySelector("article") || document.querySelector("[role=main]");
    const urls = [...content.querySelectorAll("a[href], img[src], [src], [action], [formaction]")]
        .map(e => e.href || e.src || e.action || e.formAction);
    const links = [...content.querySelectorAll("a[href]")];
    for (const element of content.querySelectorAll("td span, td code, td em, td strong")) {
        element.click();
    }
    for (const link of links) {
        if (link.href.startsWith(base)) link.click();
    }
    return {urls, links: links.length};
}"""


@pytest.mark.parametrize("hostile_site", ["material"], indirect=True)
def test_clicking_every_link_of_the_built_corpus_runs_nothing(
    chromium: Any, hostile_site: Site
) -> None:
    base, server = serve(hostile_site.root / "site")
    try:
        with reader(chromium) as page:
            dialogs: list[str] = []

            def dismiss(dialog: Any) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", dismiss)
            page.goto(base)
            clicked = page.evaluate(CLICK_EVERYTHING, base)
            page.wait_for_timeout(300)
            assert clicked["links"] > 2 * len(CORPUS)  # each row's permalink, at least
            protocols = {url.split(":", 1)[0] + ":" for url in clicked["urls"]}
            assert protocols <= {"http:", "https:", "mailto:"}, protocols
            assert page.evaluate("window.__pwned") is None
            assert page.url.startswith(base)
            assert dialogs == []
    finally:
        server.shutdown()
