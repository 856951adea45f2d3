"""`deep_links` and `export` are validated as MkDocs validates its options: a bad value fails
the build and the commands alike, in MkDocs' words, naming the option."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from .conftest import example_site, run_cli

BAD_VALUES = [
    ("deep_links", 5, "not 5"),
    ("deep_links", "../up", "not '../up'"),
    ("export", ["a"], "not ['a']"),
]


def _said(option: str, shown: str) -> str:
    default = "errors" if option == "deep_links" else "error-catalogue.json"
    return (
        f"Plugin 'error-catalogue' option '{option}': must be `false` or a path inside the site "
        f"such as `{default}` (letters, digits, '.', '_', '-' and '/'), {shown}"
    )


@pytest.mark.parametrize(("option", "value", "shown"), BAD_VALUES)
def test_a_bad_site_path_fails_the_build_naming_the_option(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, option: str, value: Any, shown: str
) -> None:
    site = example_site(tmp_path, **{option: value})
    with pytest.raises(Abort):
        site.build()
    assert _said(option, shown) in caplog.text


@pytest.mark.parametrize(("option", "value", "shown"), BAD_VALUES)
def test_a_bad_site_path_fails_lookup_with_the_same_sentence(
    tmp_path: Path, option: str, value: Any, shown: str
) -> None:
    example_site(tmp_path, **{option: value}).write_config()
    result = run_cli("lookup", "1004", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert _said(option, shown) in result.stderr


@pytest.mark.parametrize(("value", "expected"), [(True, "errors/1004/"), (False, None)])
def test_true_and_false_name_the_default_path_and_none(
    tmp_path: Path, value: bool, expected: str | None
) -> None:
    example_site(tmp_path, deep_links=value).write_config()
    result = run_cli("lookup", "1004", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    deep_links = [line for line in result.stdout.splitlines() if line.startswith("Deep link:")]
    assert deep_links == ([f"Deep link: {expected}"] if expected else [])
