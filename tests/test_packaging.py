"""The built wheel, installed (not editable) in a fresh virtual environment, builds a site."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import EXAMPLE_CATALOGUE, REPO


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_wheel_installs_and_builds_a_site_outside_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, cwd=REPO)
    (wheel,) = dist.glob("mkdocs_error_catalogue-*.whl")

    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    location = run(
        python, "-c", "import mkdocs_error_catalogue as m; print(m.__file__)", cwd=tmp_path
    )
    assert Path(location.strip()).is_relative_to(environment)

    project = tmp_path / "project"
    shutil.copytree(EXAMPLE_CATALOGUE, project / "catalogue")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Errors\n\n<!-- error-catalogue -->\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Outside\ntheme: mkdocs\nplugins: [search, error-catalogue]\n"
    )
    run(environment / "bin" / "mkdocs", "build", "--strict", cwd=project)
    page = BeautifulSoup((project / "site" / "index.html").read_text(), "html.parser")
    assert page.find("tr", id="1004") is not None
    assert page.find("h2", id="general") is not None
    assert (project / "site/assets/error-catalogue/error-catalogue.css").is_file()
    assert "no problems" in run(environment / "bin" / "error-catalogue", "check", cwd=project)
