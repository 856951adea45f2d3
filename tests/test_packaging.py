"""The built wheel, installed (not editable) in a fresh virtual environment, builds a site."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import EXAMPLE_CATALOGUE
from .environments import environment, run


def test_wheel_installs_and_builds_a_site_outside_the_repository(
    tmp_path: Path, wheel: Path
) -> None:
    bin_folder = environment(tmp_path / "env", wheel)
    python = bin_folder / "python"
    location = run(
        python, "-c", "import mkdocs_error_catalogue as m; print(m.__file__)", cwd=tmp_path
    )
    assert Path(location.strip()).is_relative_to(tmp_path / "env")

    project = tmp_path / "project"
    shutil.copytree(EXAMPLE_CATALOGUE, project / "catalogue")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Errors\n\n<!-- error-catalogue -->\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Outside\ntheme: mkdocs\nplugins: [search, error-catalogue]\n"
    )
    run(bin_folder / "mkdocs", "build", "--strict", cwd=project)
    page = BeautifulSoup((project / "site" / "index.html").read_text(), "html.parser")
    assert page.find("tr", id="1004") is not None
    assert page.find("h2", id="general") is not None
    assert (project / "site/assets/error-catalogue/error-catalogue.css").is_file()
    assert "no problems" in run(bin_folder / "error-catalogue", "check", cwd=project)
