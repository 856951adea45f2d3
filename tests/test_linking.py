"""Every code is linkable: deep links, `error:` cross-references, JSON export, search, permalinks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup, Comment
from mkdocs.exceptions import Abort

from mkdocs_error_catalogue.exporting import EXPORT_SCHEMA

from .conftest import (
    EXAMPLE_ANCHORS,
    EXAMPLE_CATALOGUE,
    Site,
    cell,
    edit,
    example_site,
    follow,
    new_site,
    run_cli,
)


@pytest.mark.slow  # about a second or more of MkDocs builds
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_every_entry_has_a_deep_link_page_that_lands_on_its_row(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    site = example_site(tmp_path)
    site.config["use_directory_urls"] = use_directory_urls
    site.build()
    for anchor in EXAMPLE_ANCHORS:
        url = f"errors/{anchor}/index.html"
        page = site.html(url)
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
        target = refresh.split("url=", 1)[1]
        assert page.find("link", rel="canonical")["href"] == target  # no site_url: relative
        assert page.find("a")["href"] == target  # works without JavaScript and meta refresh
        landing, fragment = follow(site, url, target)
        assert fragment == anchor
        assert landing.find("tr", id=anchor) is not None, target


def test_deep_links_are_absolute_in_canonical_under_a_sub_path(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    site.config["site_url"] = "https://example.com/docs/"
    site.build()
    page = site.html("errors/1004/index.html")
    assert page.find("link", rel="canonical")["href"] == (
        "https://example.com/docs/reference/link-errors/#1004"
    )
    # Relative redirect: the same files work wherever the site is mounted.
    assert page.find("a")["href"] == "../../reference/link-errors/#1004"


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_the_not_found_page_knows_the_deep_links_and_the_reference(tmp_path: Path) -> None:
    """What the readers' script needs there for a deep link to a code not in the catalogue
    (the script itself is checked in Chromium, `test_reader_browser`)."""
    site = example_site(tmp_path / "a", deep_links="e/codes")
    site.config["site_url"] = "https://example.com/docs/"  # the 404 page links from the root
    site.config["theme"]["language"] = "fr"
    site.build()
    (data,) = site.html("404.html").select("div.error-catalogue-not-found-data")
    assert data.has_attr("hidden")
    assert (data["data-deep-links"], data["data-reference"]) == (
        "/docs/e/codes/",
        "/docs/reference/link-errors/",
    )
    assert (data["data-not-found"], data["data-not-found-link"]) == (
        "L'erreur {code} ne figure pas dans la référence des erreurs.",
        "Voir toutes les erreurs",
    )
    without = example_site(tmp_path / "b", deep_links=False)
    without.build()
    assert without.html("404.html").select("div.error-catalogue-not-found-data") == []


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_deep_link_prefix_is_configurable_and_can_be_turned_off(tmp_path: Path) -> None:
    site = example_site(tmp_path / "a", deep_links="e/codes")
    site.build()
    assert (tmp_path / "a/site/e/codes/1004/index.html").is_file()
    assert not (tmp_path / "a/site/errors").exists()
    site = example_site(tmp_path / "b", deep_links=False)
    site.build()
    assert not (tmp_path / "b/site/errors").exists()


# `Errors/1004/` is `errors/1004/` on macOS and Windows: refused on every system alike.
@pytest.mark.parametrize("page", ["errors/1004.md", "Errors/1004.md"])
def test_a_page_that_a_deep_link_would_replace_is_a_build_error(tmp_path: Path, page: str) -> None:
    site = example_site(tmp_path)
    site.page(page, "# My own page about 1004\n")
    result = site.run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"'{page}' would be replaced by the deep-link page 'errors/1004/index.html': "
        "rename it, or set the `deep_links` option to another path, or to `false`"
    ) in result.stderr


def test_the_reference_may_live_at_the_deep_link_prefix(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    site.page("errors.md", "# Errors\n\n<!-- error-catalogue general -->\n")
    site.build()
    target = site.html("errors/1004/index.html").find("a")["href"]
    assert target == "../#1004"
    landing, fragment = follow(site, "errors/1004/index.html", target)
    assert landing.find("tr", id=fragment) is not None


def test_a_bad_deep_link_prefix_is_a_config_error(tmp_path: Path) -> None:
    result = example_site(tmp_path, deep_links="../out").run("build")
    assert result.returncode == 1
    assert (
        "Plugin 'error-catalogue' option 'deep_links': must be `false` or a path inside the site"
    ) in result.stderr


@pytest.mark.parametrize(
    ("options", "page", "message"),
    [
        (
            {"export": "Home.html"},
            "home.md",
            "'home.md' would be replaced by the JSON export 'Home.html': rename it, or set the "
            "`export` option to another file name, or to `false`",
        ),
        (
            {"deep_links": "index.html"},
            None,
            "'index.md' is in the way: the `deep_links` option needs 'index.html' to be a folder: "
            "rename it, or set the `deep_links` option to another path, or to `false`",
        ),
        (
            {"export": "reference/link-errors.html/all.json"},
            None,
            "'reference/link-errors.md' is in the way: the `export` option needs "
            "'reference/link-errors.html' to be a folder: rename it, or set the `export` option "
            "to another file name, or to `false`",
        ),
        (
            {"export": "errors/1004"},
            None,
            "the JSON export 'errors/1004' would be a file where the deep-link page "
            "'errors/1004/index.html' needs the folder 'errors/1004': set the `export` option to "
            "another file name, or to `false`",
        ),
    ],
)
def test_options_that_would_overwrite_the_site_are_build_errors(
    tmp_path: Path, options: dict[str, str], page: str | None, message: str
) -> None:
    site = example_site(tmp_path, **options)
    site.config["use_directory_urls"] = False
    if page:
        site.page(page, "# Home, in HTML\n")
    result = site.run("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"ERROR   -  error-catalogue: {message}\n" in result.stderr


@pytest.mark.slow  # about a second or more of MkDocs builds
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_error_links_resolve_across_pages_and_folders(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    site = example_site(tmp_path)
    site.config["use_directory_urls"] = use_directory_urls
    site.build()
    suffix = "/index.html" if use_directory_urls else ".html"
    for page_url, anchors in [
        ("index.html", ["1004", "1005"]),
        (f"guide/deep/page{suffix}", ["2001", "api-error"]),
    ]:
        links = site.html(page_url).select("a.error-catalogue-ref")
        assert [link["href"].split("#")[1] for link in links] == anchors
        for link in links:
            landing, fragment = follow(site, page_url, link["href"])
            assert landing.find("tr", id=fragment) is not None


def test_error_link_text_title_and_obsolete_mark(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    site.build()
    named, bare = site.html().select("a.error-catalogue-ref")
    assert named.get_text() == "the cookie error"
    assert named["title"].startswith("There is no storage available.")
    assert bare.get_text() == "1005"
    assert bare["class"] == ["error-catalogue-ref", "error-catalogue-ref--obsolete"]
    assert bare["title"].startswith("Obsolete: Only whitelisted partners")


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_error_autolinks_and_any_case_of_the_scheme_link_to_the_row(tmp_path: Path) -> None:
    """`<error:1004>` reads like `<https://…>`; `ERROR:` is `error:`, as URL schemes ignore case.
    In catalogue text too; in code, neither is a link."""
    site = example_site(tmp_path)
    site.page(
        "guide/deep/page.md",
        "# Deep\n\nSee <error:1004>, [it](ERROR:1004) and [](Error:api-error), not `<error:1004>`.\n",
    )
    edit(tmp_path, "01-general.yml", "was removed;", "was removed (see <error:1004>);")
    site.build()
    page_url = "guide/deep/page/index.html"
    links = site.html(page_url).select("a.error-catalogue-ref")
    assert [(link.get_text(), link["href"]) for link in links] == [
        ("1004", "../../../reference/link-errors/#1004"),
        ("it", "../../../reference/link-errors/#1004"),
        ("api-error", "../../../reference/link-errors/#api-error"),
    ]
    assert all(link["title"] for link in links)
    assert site.html(page_url).find("code").get_text() == "<error:1004>"
    reference = site.html("reference/link-errors/index.html")
    (link,) = reference.find("tr", id="1005").select(".error-catalogue-reason a")
    assert (link.get_text(), link["href"]) == ("1004", "#1004")


def test_obsolete_replacement_links_to_a_category_on_another_page(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category(
        "1-old.yml",
        """
        title: Old
        errors:
          - {code: 1, scenario: S, message: M, obsolete: {replaced_by: 2}}
    """,
    )
    site.category("2-new.yml", "title: New\nerrors:\n  - {code: 2, scenario: S, message: M}\n")
    site.page("old.md", "<!-- error-catalogue 1-old -->\n")
    site.page("sub/new.md", "<!-- error-catalogue 2-new -->\n")
    site.build()
    link = site.html("old/index.html").select_one(".error-catalogue-replacement a")
    landing, fragment = follow(site, "old/index.html", link["href"])
    assert (link["href"], landing.find("tr", id=fragment) is not None) == ("../sub/new/#2", True)


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_links_in_catalogue_text_point_right_from_every_page_showing_it(tmp_path: Path) -> None:
    """Texts are rendered once per build; a text with links is pointed anew on each page."""
    site = new_site(tmp_path)
    action = "See [the guide](guide.md#retries) or [the other error](error:2)."
    site.category(
        "1-cat.yml",
        f"""
        title: Cat
        errors:
          - {{code: 1, scenario: S, message: M, user_actions: ["{action}"]}}
          - {{code: 2, scenario: S, message: M, user_actions: ["{action}"]}}
    """,
    )
    site.page("guide.md", "# Guide\n\n## Retries\n")
    site.page("index.md", "<!-- error-catalogue 1-cat -->\n")
    site.page("sub/deep/again.md", "<!-- error-catalogue 1-cat -->\n")
    site.build()
    for page_url in ("index.html", "sub/deep/again/index.html"):
        links = site.html(page_url).select(".error-catalogue tbody a:not([aria-label])")
        assert [link.get_text() for link in links] == ["the guide", "the other error"] * 2
        for guide, other in zip(links[::2], links[1::2], strict=True):
            landing, fragment = follow(site, page_url, guide["href"])
            assert landing.find(id=fragment).get_text().startswith("Retries")
            landing, fragment = follow(site, page_url, other["href"])
            assert landing.find("tr", id=fragment) is not None


@pytest.mark.slow  # about a second or more of MkDocs builds
@pytest.mark.parametrize(
    ("code", "hint"), [("9999", ""), ("API-Error", "did you mean `api-error`? ")]
)
def test_unknown_error_link_warns_naming_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, code: str, hint: str
) -> None:
    site = example_site(tmp_path)
    site.page("guide/typo.md", f"# Typo\n\nSee [](error:{code}).\n")
    with pytest.raises(Abort):
        site.build()
    assert (
        f"Doc file 'guide/typo.md' links to unknown error code `{code}` (`error:{code}`): "
        f"{hint}check the code, or add it to the catalogue"
    ) in caplog.text
    site.build(strict=False)
    page = site.html("guide/typo/index.html")
    span = page.select_one(".error-catalogue-ref--unknown")
    assert (span.name, span.get_text(), span.get("title")) == ("span", code, None)  # see serve
    # The plugin reports it: the page records nothing for `site-files` (see generators.md).
    assert not page.find_all(string=lambda s: isinstance(s, Comment) and "problem" in s)


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_a_link_to_an_entry_no_page_shows_warns_naming_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = example_site(tmp_path)
    site.page("reference/link-errors.md", "# Link errors\n\n<!-- error-catalogue offers -->\n")
    with pytest.raises(Abort):
        site.build()
    assert (
        "Doc file 'index.md' links to error `1004`, which no page shows: add a marker for its "
        "category to a page"
    ) in caplog.text
    site.build(strict=False)
    link = site.html().find("a", class_="error-catalogue-ref")
    assert (link["href"], link.get_text()) == ("#1004", "the cookie error")


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_a_marker_the_page_does_not_show_but_links_lead_to_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The page files are scanned before rendering, which cannot tell an indented code block
    from a paragraph: the first page in file order claims `deposits` and would get its links."""
    site = example_site(tmp_path)
    site.page(
        "a-syntax.md", "# Syntax\n\nShow one category:\n\n    <!-- error-catalogue deposits -->\n"
    )
    with pytest.raises(Abort):
        site.build()
    assert (
        "Doc file 'a-syntax.md' has a marker for the error category `deposits` that it does "
        "not show once rendered (inside an indented code block?), yet links, deep links, "
        "search and the export lead to it: show markers as examples in fenced code blocks (```)"
    ) in caplog.text
    site.build(strict=False)
    assert site.html("a-syntax/index.html").select_one("pre code").get_text().strip() == (
        "<!-- error-catalogue deposits -->"
    )
    fenced = (
        "# Syntax\n\nShow one category:\n\n```markdown\n<!-- error-catalogue deposits -->\n```\n"
    )
    site.page("a-syntax.md", fenced)
    site.build()  # strict: a fenced example claims nothing
    link = site.html("errors/2001/index.html").find("a")["href"]
    assert link == "../../reference/link-errors/#2001"


def built_with_tables_from_an_include(tmp_path: Path) -> Site:
    """The example site, its only marker in a snippet that pymdownx.snippets includes, built."""
    site = example_site(tmp_path)
    site.config["site_url"] = "https://example.com/"
    snippets = {"base_path": [str(tmp_path / "includes")], "check_paths": True}
    site.config["markdown_extensions"].append({"pymdownx.snippets": snippets})
    site.write("includes/tables.md", "<!-- error-catalogue -->\n")
    site.page("reference/link-errors.md", '# Link errors\n\n--8<-- "tables.md"\n')
    site.build()
    return site


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_markers_that_an_include_brings_are_found_while_rendering(tmp_path: Path) -> None:
    """A marker in a snippet is not in the page's file: the links made before its page was
    rendered (the home page's, the table's own) are completed once it is."""
    site = built_with_tables_from_an_include(tmp_path)
    home = site.html()
    link = home.find("a", class_="error-catalogue-ref")
    landing, fragment = follow(site, "index.html", link["href"])
    assert landing.find("tr", id=fragment) is not None and fragment == "1004"
    replacement = site.html("reference/link-errors/index.html").select_one(
        "tr[id='1005'] .error-catalogue-replacement a"
    )
    assert replacement["href"] == "#1004"
    for anchor in EXAMPLE_ANCHORS:
        deep_link = f"errors/{anchor}/index.html"
        landing, fragment = follow(site, deep_link, site.html(deep_link).find("a")["href"])
        assert landing.find("tr", id=fragment) is not None and fragment == anchor
    document = json.loads((tmp_path / "site/error-catalogue.json").read_text(encoding="utf-8"))
    urls = {e["anchor"]: e["url"] for c in document["categories"] for e in c["entries"]}
    assert urls["1004"] == "https://example.com/reference/link-errors/#1004"


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_lookup_and_export_read_a_built_site_for_markers_from_includes(tmp_path: Path) -> None:
    """Without the built pages the commands see no marker in the page files; with
    `--site-dir` they find the page as the build did, and the export is the build's."""
    built_with_tables_from_an_include(tmp_path)

    def url_line(*options: str) -> str:
        looked_up = run_cli("lookup", "1004", *options, cwd=tmp_path)
        assert looked_up.returncode == 0, looked_up.stderr
        return next(line for line in looked_up.stdout.splitlines() if line.startswith("URL:"))

    assert url_line() == "URL: (unknown: no page of the site shows it)"
    assert url_line("--site-dir", "site") == "URL: https://example.com/reference/link-errors/#1004"
    exported = run_cli("export", "--format", "json", "--site-dir", "site", cwd=tmp_path)
    built = (tmp_path / "site/error-catalogue.json").read_text(encoding="utf-8")
    assert json.loads(exported.stdout) == json.loads(built)
    missing = run_cli("lookup", "1004", "--site-dir", "nowhere", cwd=tmp_path)
    assert (missing.returncode, missing.stderr.strip()) == (
        1,
        "error-catalogue lookup: nowhere not found: build the site first, or leave out --site-dir",
    )


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_a_catalogue_kept_in_the_docs_folder_is_not_published(tmp_path: Path) -> None:
    site = new_site(tmp_path, catalogue="docs/data/errors")
    shutil.copytree(EXAMPLE_CATALOGUE, tmp_path / "docs/data/errors")
    (tmp_path / "docs/data/notes.txt").write_text("A file of the site.\n")
    (tmp_path / "docs/data/errors/translations").mkdir()
    (tmp_path / "docs/data/errors/translations/fr.po").write_text('msgid "x"\nmsgstr "y"\n')
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    assert run_cli("lock", "--catalogue", "docs/data/errors", cwd=tmp_path).returncode == 0
    assert (tmp_path / "docs/data/errors.lock").is_file()
    site.build()
    assert [row["id"] for row in site.html().select(".error-catalogue tbody tr")] == (
        EXAMPLE_ANCHORS
    )
    published = sorted(p.name for p in (tmp_path / "site/data").iterdir())
    assert published == ["notes.txt"]


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_json_export_matches_its_schema_and_holds_every_entry(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    site.config["site_url"] = "https://example.com/docs/"
    site.build()
    document = json.loads((tmp_path / "site/error-catalogue.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(EXPORT_SCHEMA.read_text()))
    entries = {e["anchor"]: e for c in document["categories"] for e in c["entries"]}
    assert list(entries) == EXAMPLE_ANCHORS
    assert entries["1004"]["url"] == "https://example.com/docs/reference/link-errors/#1004"
    assert entries["1004"]["deep_link"] == "https://example.com/docs/errors/1004/"
    assert entries["1005"]["obsolete"] == {
        "since": "2022-10-25",
        "reason": "Whitelisting of partner domains was removed; Link can be embedded by any "
        "application.",
        "replaced_by": 1004,
    }
    assert entries["api-error"]["code"] is None and entries["api-error"]["id"] == "api-error"
    assert (
        entries["1001"]["message"]
        == "Something went wrong retrieving your tokens list: ${apiError}"
    )


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_json_export_urls_are_site_relative_without_site_url_and_can_be_off(
    tmp_path: Path,
) -> None:
    site = example_site(tmp_path / "a")
    site.build()
    document = json.loads((tmp_path / "a/site/error-catalogue.json").read_text())
    entry = document["categories"][0]["entries"][4]
    assert (entry["url"], entry["deep_link"]) == ("reference/link-errors/#1004", "errors/1004/")
    example_site(tmp_path / "b", export=False).build()
    assert not (tmp_path / "b/site/error-catalogue.json").exists()


@pytest.mark.parametrize(("theme", "search_first"), [("material", True), ("mkdocs", False)])
def test_search_index_has_one_document_per_entry(
    tmp_path: Path, theme: str, search_first: bool
) -> None:
    site = example_site(tmp_path, theme)
    if not search_first:  # the entries are added after search writes its index, either way
        site.config["plugins"].reverse()
    site.build()
    index = json.loads((tmp_path / "site/search/search_index.json").read_text(encoding="utf-8"))
    documents = {doc["location"]: doc for doc in index["docs"]}
    for anchor in EXAMPLE_ANCHORS:
        document = documents[f"reference/link-errors/#{anchor}"]
        assert document["title"].startswith(f"{anchor}: ")
    assert documents["reference/link-errors/#1005"]["title"].endswith("(Obsolete)")
    assert documents["reference/link-errors/#1001"]["text"] == (
        "1001 Something went wrong retrieving your tokens list: ${apiError}"
    )
    # The tables are not indexed a second time as the category sections' text.
    general = documents["reference/link-errors/#general"]["text"]
    assert BeautifulSoup(general, "html.parser").get_text().strip() == (
        "Errors that any Link flow can raise."
    )
    assert "There is no storage available" not in json.dumps(
        [doc for doc in index["docs"] if "#1004" not in doc["location"]]
    )


def test_a_page_kept_out_of_search_keeps_its_rows_out(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    site.page(
        "reference/link-errors.md",
        "---\nsearch:\n  exclude: true\n---\n# Link errors\n\n<!-- error-catalogue -->\n",
    )
    site.build()
    index = json.loads((tmp_path / "site/search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert locations and not [loc for loc in locations if loc.startswith("reference/")]


def test_every_row_has_a_permalink_to_itself(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    site.build()
    page = site.html("reference/link-errors/index.html")
    for row in page.select(".error-catalogue tbody tr"):
        permalink = cell(row, "code").find("a")
        assert permalink["href"] == f"#{row['id']}"
        assert permalink["aria-label"] == f"Permanent link: {row['id']}"


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_cli_json_export_prints_the_same_document_as_the_site(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    site.config["site_url"] = "https://example.com/docs/"
    site.build()
    printed = run_cli("export", "--format", "json", cwd=tmp_path)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == (tmp_path / "site/error-catalogue.json").read_text(encoding="utf-8")


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_cli_lookup_prints_the_entry_and_its_url(tmp_path: Path) -> None:
    example_site(tmp_path).write_config()
    result = run_cli("lookup", "1005", "--site-url", "https://example.com/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "1005: Failed to open Link as iFrame due to the application's domain not being whitelisted"
    )
    assert "Category: General Errors (general)" in lines
    assert lines[-3].startswith("Status: obsolete since 2022-10-25: Whitelisting of partner")
    assert lines[-3].endswith("(replaced by 1004)")
    assert lines[-2:] == [
        "URL: https://example.com/reference/link-errors/#1005",
        "Deep link: https://example.com/errors/1005/",
    ]
    pasted = run_cli("lookup", " 1005\n", "--site-url", "https://example.com/", cwd=tmp_path)
    assert (pasted.returncode, pasted.stdout) == (0, result.stdout)
    typed = run_cli("lookup", "API-ERROR", cwd=tmp_path)  # no two codes differ in case
    assert (typed.returncode, typed.stdout.split(":")[0]) == (0, "api-error")
    for address in (  # what support staff paste from a browser, a chat or the docs
        "https://example.com/reference/link-errors/#1005",
        "https://example.com/errors/1005/",
        "errors/1005/index.html",
        "error:1005",
        "#1005",
    ):
        found = run_cli("lookup", address, "--site-url", "https://example.com/", cwd=tmp_path)
        assert (found.returncode, found.stdout) == (0, result.stdout), address


def test_export_may_go_to_a_sub_folder(tmp_path: Path) -> None:
    example_site(tmp_path, export="data/errors.json").build()
    document = json.loads((tmp_path / "site/data/errors.json").read_text(encoding="utf-8"))
    assert document["format"] == "mkdocs-error-catalogue"


def test_a_site_url_without_final_slash_keeps_its_sub_path(tmp_path: Path) -> None:
    example_site(tmp_path).write_config()
    result = run_cli("lookup", "1004", "--site-url", "https://x.org/sdk", cwd=tmp_path)
    assert result.stdout.splitlines()[-1] == "Deep link: https://x.org/sdk/errors/1004/"


def test_commands_find_the_catalogue_named_in_mkdocs_yml(tmp_path: Path) -> None:
    site = example_site(tmp_path, catalogue="errors-src")
    (tmp_path / "catalogue").rename(tmp_path / "errors-src")
    site.write_config()
    result = run_cli("check", cwd=tmp_path)
    assert result.stdout.startswith("errors-src: 12 categories"), result.stderr


def test_cli_lookup_of_an_unknown_code_exits_1_with_suggestions(tmp_path: Path) -> None:
    example_site(tmp_path).write_config()
    result = run_cli("lookup", "1006", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == (
        "error-catalogue lookup: no error 1006 in catalogue: did you mean 11006, 1005, 1004?"
    )


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_ordinary_links_to_row_anchors_are_validated_by_mkdocs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = example_site(tmp_path)
    site.config["validation"] = {"anchors": "warn"}
    site.page("guide/ok.md", "[cookies](../reference/link-errors.md#1004)\n")
    site.build()  # strict: a missing anchor would fail
    site.page("guide/bad.md", "[nothing](../reference/link-errors.md#9999)\n")
    with pytest.raises(Abort):
        site.build()
    assert "does not contain an anchor '#9999'" in caplog.text


def test_links_in_catalogue_text_are_relative_to_the_docs_folder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = new_site(tmp_path)
    site.category(
        "a.yml",
        """
        title: A
        errors:
          - code: 1
            scenario: See [the guide](guide/setup.md#tokens) or [](error:2)
            message: "[Missing](nowhere.md)"
          - {code: 2, scenario: S, message: M}
    """,
    )
    site.page("guide/setup.md", "# Setup\n\n## Tokens\n")
    site.page("reference/errors.md", "<!-- error-catalogue a -->\n")
    site.build(strict=False)
    row = site.html("reference/errors/index.html").find("tr", id="1")
    guide, entry = cell(row, "scenario").find_all("a")
    assert guide["href"] == "../../guide/setup/#tokens"
    assert (entry["href"], entry.get_text()) == ("#2", "2")
    missing = cell(row, "message").find("span")
    assert missing.get_text() == "Missing"
    assert (
        "Doc file 'reference/errors.md' shows catalogue text that links to 'nowhere.md', "
        "which is not a file of the site"
    ) in caplog.text


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_deep_links_of_removed_codes_go_with_the_next_build(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category(
        "a.yml",
        "title: A\nerrors:\n  - {code: 1, scenario: S, message: M}\n"
        "  - {code: 2, scenario: S, message: M}\n",
    )
    site.page("index.md", "<!-- error-catalogue a -->\n")
    site.build()
    assert (tmp_path / "site/errors/2/index.html").is_file()
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: S, message: M}\n")
    site.build()
    assert sorted(p.name for p in (tmp_path / "site/errors").iterdir()) == ["1"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_anchors_of_links_in_catalogue_text_are_checked_like_mkdocs_own(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = new_site(tmp_path)
    site.config["validation"] = {"anchors": "warn"}
    site.category(
        "a.yml",
        "title: A\nerrors:\n  - code: 1\n    scenario: S\n"
        "    message: See [tokens](guide/setup.md#tokens).\n",
    )
    site.page("guide/setup.md", "# Setup\n\n## Tokens\n")
    site.page("errors.md", "<!-- error-catalogue a -->\n")
    site.build()  # strict: the anchor exists
    site.category(
        "a.yml",
        "title: A\nerrors:\n  - code: 1\n    scenario: S\n"
        "    message: See [tokens](guide/setup.md#nope).\n",
    )
    with pytest.raises(Abort):
        site.build()
    assert (
        "Doc file 'errors.md' shows catalogue text that links to 'guide/setup.md#nope', but "
        "the doc 'guide/setup.md' does not contain an anchor '#nope'"
    ) in caplog.text


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_tables_go_back_into_a_page_another_plugin_changed_while_search_read_it(
    tmp_path: Path,
) -> None:
    site = example_site(tmp_path)
    site.write(
        "hooks.py",
        """
        def on_page_context(context, page, **kwargs):
            page.content = page.content + '<p id="hooked">Added by a hook.</p>'
            return context
        """,
    )
    site.config["hooks"] = ["hooks.py"]
    site.build()
    page = site.html("reference/link-errors/index.html")
    assert page.find("p", id="hooked") is not None
    assert [row["id"] for row in page.select(".error-catalogue tbody tr")] == EXAMPLE_ANCHORS
    assert page.find(string=lambda text: "error-catalogue-table" in text) is None


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_a_rebuild_writes_only_the_deep_links_that_changed(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    entries = "  - {code: 1, scenario: One, message: M}\n  - {code: 2, scenario: Two, message: M}\n"
    site.category(
        "a.yml", "title: A\nerrors:\n" + entries + "  - {code: 3, scenario: S, message: M}\n"
    )
    site.page("errors.md", "<!-- error-catalogue a -->\n")  # the reference at the prefix
    site.page("errors/guide.md", "# A page below the prefix\n")
    site.build()
    one, two = (tmp_path / f"site/errors/{code}/index.html" for code in (1, 2))
    before = one.stat()
    site.category("a.yml", "title: A\nerrors:\n" + entries.replace("Two", "Second"))
    (tmp_path / "docs/errors/guide.md").unlink()
    site.build()
    after = one.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert "Error 2: Second" in BeautifulSoup(two.read_text(), "html.parser").title.get_text()
    # Code 3 is gone, and so is the page that was deleted; MkDocs' own page stays.
    assert sorted(p.name for p in (tmp_path / "site/errors").iterdir()) == ["1", "2", "index.html"]
    assert site.html("errors/index.html").find("tr", id="2") is not None
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_a_dirty_build_updates_the_deep_links_in_place(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: One, message: M}\n")
    site.page("index.md", "<!-- error-catalogue a -->\n")
    site.build()
    site.category("a.yml", "title: A\nerrors:\n  - {code: 2, scenario: Two, message: M}\n")
    assert site.run("build", "--dirty").returncode == 0
    assert sorted(p.name for p in (tmp_path / "site/errors").iterdir()) == ["2"]


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_a_failed_build_leaves_the_last_deep_links_in_place_for_the_next(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: One, message: M}\n")
    site.page("index.md", "<!-- error-catalogue a -->\n")
    site.build()
    page = tmp_path / "site/errors/1/index.html"
    before = page.stat()
    clash = site.page("errors/1.md", "# A page where a deep link goes\n")
    with pytest.raises(Abort):
        site.build()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    clash.unlink()
    site.build()
    after = page.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.slow  # about a second or more of MkDocs builds
def test_files_other_plugins_generate_below_the_prefix_are_left_alone(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    site.category("a.yml", "title: A\nerrors:\n  - {code: 1, scenario: One, message: M}\n")
    site.page("index.md", "<!-- error-catalogue a -->\n")
    site.write(
        "hooks.py",
        """
        from mkdocs.structure.files import File

        def on_files(files, config, **kwargs):
            files.append(File.generated(config, "errors/notes/index.html", content="Notes"))
            return files
        """,
    )
    site.config["hooks"] = ["hooks.py"]
    site.build()
    site.build()  # the second build refreshes the deep links in place
    assert (tmp_path / "site/errors/notes/index.html").read_text() == "Notes"
    assert sorted(p.name for p in (tmp_path / "site/errors").iterdir()) == ["1", "notes"]
