"""The package as users get it: installed from a clone (not editable) in a fresh virtual
environment, it builds a site; its sdist; the pre-commit hook, installed by pre-commit, checks
a catalogue."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import EXAMPLE_CATALOGUE, REPO
from .environments import cannot_install, environment, run

pytestmark = pytest.mark.slow  # builds the wheel and the sdist, installs into fresh environments


def test_installed_from_a_clone_it_builds_a_site_outside_the_repository(tmp_path: Path) -> None:
    """`pip install ./mkdocs-error-catalogue`, as the README and Getting started say: pip builds
    the wheel of the clone and installs it (not editable) in a fresh environment."""
    bin_folder = environment(tmp_path / "env", REPO)
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


def test_the_sdist_leaves_the_tests_out_and_builds_the_same_wheel(
    tmp_path: Path, wheel: Path
) -> None:
    """The tests need the whole repository (the documentation site, the example catalogue, git,
    a browser): the sdist leaves them out, and holds all that the wheel is built from."""
    run(sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", tmp_path, cwd=REPO)
    (sdist,) = tmp_path.glob("mkdocs_error_catalogue-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    (source,) = (tmp_path / "unpacked").iterdir()
    held = {path.relative_to(source).as_posix() for path in source.rglob("*") if path.is_file()}
    assert {"README.md", "CHANGELOG.md", "LICENSE", "pyproject.toml"} <= held
    assert not [name for name in held if name.startswith("tests/")]

    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, cwd=source)
    (rebuilt,) = dist.glob("mkdocs_error_catalogue-*.whl")
    assert zipfile.ZipFile(rebuilt).namelist() == zipfile.ZipFile(wheel).namelist()


def documented_local_hook() -> str:
    """The `.pre-commit-config.yaml` of docs/stable-codes.md, installing this checkout where
    it names a clone of the plugin's repository."""
    page = (REPO / "docs" / "stable-codes.md").read_text(encoding="utf-8")
    section = page[page.index("### pre-commit") :]
    start = section.index("```yaml\n") + len("```yaml\n")
    config = section[start : section.index("\n```", start) + 1]
    clone = "file:///home/you/mkdocs-error-catalogue"
    assert clone in config, config
    return config.replace(clone, REPO.as_uri())


@pytest.mark.parametrize("hook", ["repository", "local"])
def test_the_pre_commit_hook_stops_a_broken_catalogue(tmp_path: Path, hook: str) -> None:
    """The hook as pre-commit runs it: this repository's `.pre-commit-hooks.yaml` (through
    `pre-commit try-repo`), or a local hook; the package installed into pre-commit's own
    environment, `error-catalogue check` run at the root of the project, which names its
    catalogue in `mkdocs.yml`."""
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE_CATALOGUE, project / "errors")  # no docs/: check needs none
    (project / "mkdocs.yml").write_text(
        "site_name: Hooked\nplugins:\n  - error-catalogue:\n      catalogue: errors\n"
    )
    if hook == "local":
        (project / ".pre-commit-config.yaml").write_text(documented_local_hook())
    general = project / "errors" / "01-general.yml"
    good = general.read_text(encoding="utf-8")
    general.write_text(good.replace("user_actions:", "user_action:", 1), encoding="utf-8")
    typo = good.splitlines().index("    user_actions:") + 1
    run("git", "init", "--quiet", cwd=project)
    run("git", "add", "--all", cwd=project)

    failed = pre_commit_hook(project, hook, tmp_path / "cache")
    assert failed.returncode == 1, failed.stdout
    assert (
        f"errors/01-general.yml:{typo}: unknown key `user_action` in an error: "
        "did you mean `user_actions`?"
    ) in failed.stdout.splitlines()

    general.write_text(good, encoding="utf-8")
    run("git", "add", "--all", cwd=project)
    passed = pre_commit_hook(project, hook, tmp_path / "cache")
    assert passed.returncode == 0, passed.stdout
    assert passed.stdout.splitlines()[-1].endswith("Passed")


def pre_commit_hook(project: Path, hook: str, cache: Path) -> subprocess.CompletedProcess[str]:
    """pre-commit's run of the `error-catalogue-check` hook on every file of `project`."""
    how = ["try-repo", str(REPO), "error-catalogue-check"] if hook == "repository" else ["run"]
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", *how, "--all-files", "--color", "never"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PRE_COMMIT_HOME": str(cache)},
    )
    if result.returncode not in (0, 1) or "An unexpected error has occurred" in result.stdout:
        cannot_install(f"the hook's environment: {result.stdout[-500:]}{result.stderr[-500:]}")
    return result
