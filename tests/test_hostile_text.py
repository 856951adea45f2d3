"""Hostile catalogue text: shown as written, never run, in every field."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import Site, cell, new_site, scenario_text

ATTACKS = [
    "<script>alert(1)</script>",
    "</td></tr></table><script>alert(2)</script>",
    '" onmouseover="alert(3)',
    "{: onclick=alert(4)}",
    "Price {minPrice}",
    "x\n{: onclick=alert(5)}",
    "`code`{: onclick=alert(6)}",
    "| a | b |\n|---|---|",
    "<!-- error-catalogue -->",
    "&lt;b&gt; &amp; &#x3C;",
    "a" * 5_000,  # the longest text allowed (docs/stable-codes.md#hostile-input)
]


def test_hostile_text_in_every_field_is_shown_not_run(site: Site) -> None:
    entries = [
        {
            "code": index,
            "scenario": attack,
            "message": attack,
            "user_actions": [attack],
            "developer_actions": [attack],
            "obsolete": {"reason": attack},
        }
        for index, attack in enumerate(ATTACKS)
    ]
    category = {"title": ATTACKS[3], "description": ATTACKS[0], "errors": entries}
    site.write("catalogue/a.yml", yaml.safe_dump(category, allow_unicode=True))
    site.page("index.md", "<!-- error-catalogue -->\n")
    site.build()
    page = site.html()
    article = page.select_one("article")
    assert article.find("script") is None and article.find("table").find("table") is None
    for element in article.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")], element.name
    assert article.find("h2").find("span").get_text() == ATTACKS[3]
    for index, attack in enumerate(ATTACKS):
        row = page.find("tr", id=str(index))
        expected = attack.replace("`code`", "code")  # inline code is Markdown: rendered
        assert cell(row, "message").find("del").get_text() == expected
        assert scenario_text(cell(row, "scenario")) == expected
        for actions in ("user-actions", "developer-actions"):
            assert cell(row, actions).find("li").get_text() == expected, actions


TEXT = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
            blacklist_characters="*_`[]!\\$~",  # Markdown's own syntax is rendered, not kept
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=8))
def test_any_text_builds_and_renders_as_written(
    tmp_path_factory: pytest.TempPathFactory, texts: list[tuple[str, str, str]]
) -> None:
    site = new_site(tmp_path_factory.mktemp("site"))
    entries = [
        {"code": index, "scenario": scenario, "message": message, "user_actions": [action]}
        for index, (scenario, message, action) in enumerate(texts)
    ]
    site.write("catalogue/a.yml", yaml.safe_dump({"title": "T", "errors": entries}))
    site.page("index.md", "<!-- error-catalogue a -->\n")
    site.build()
    page = site.html()
    for index, (scenario, message, action) in enumerate(texts):
        row = page.find("tr", id=str(index))
        assert cell(row, "scenario").get_text() == scenario
        assert cell(row, "message").get_text() == message
        assert cell(row, "user-actions").find("li").get_text() == action
