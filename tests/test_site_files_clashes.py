"""`error-catalogue site-files` refuses to write over a page of the site, as the plugin does."""

from __future__ import annotations

from pathlib import Path

from .conftest import Site, run_cli

CATEGORY = "title: General\nerrors:\n  - code: 1004\n    scenario: S\n    message: M\n"


def extension_site(root: Path) -> Site:
    """A site that only the extension renders (as Zensical does), built by MkDocs here."""
    site = Site(root)
    site.config = {
        "site_name": "Extension alone",
        "markdown_extensions": [{"error_catalogue": {"catalogue": "catalogue"}}],
    }
    site.category("general.yml", CATEGORY)
    site.page("index.md", "# Errors\n\n<!-- error-catalogue -->\n")
    return site


def test_site_files_refuses_to_replace_a_page_by_a_deep_link(tmp_path: Path) -> None:
    site = extension_site(tmp_path)
    site.page("errors/1004.md", "# About 1004\n")
    site.build()
    result = run_cli("site-files", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "error-catalogue site-files: 'errors/1004.md' would be replaced by the deep-link page "
        "'errors/1004/index.html': rename it, or set the `deep_links` option to another path, "
        "or to `false`\n"
    )
    assert site.html("errors/1004/index.html").find("h1", id="about-1004") is not None


def test_site_files_refuses_an_export_over_a_page(tmp_path: Path) -> None:
    site = extension_site(tmp_path)
    site.build()
    # The plugin's options, which site-files reads (a MkDocs build would refuse them itself).
    site.config["plugins"] = [{"error-catalogue": {"export": "index.html", "deep_links": False}}]
    site.write_config()
    result = run_cli("site-files", cwd=tmp_path)
    assert result.returncode == 1
    assert "'index.md' would be replaced by the JSON export 'index.html'" in result.stderr
    assert site.html("index.html").find("table") is not None
