"""Synthetic error catalogues for the benchmarks, and the same tables written by hand.

`generate(folder, n)` writes `n` entries in the catalogue format (one YAML file per category of
100 entries, integer codes in thousand blocks with `range`), seeded so that every run writes the
same bytes. The texts are short and realistic, and exercise what makes tables hard: `${name}`
placeholders, `|` pipes, HTML-like text (`<b>`, `a < b`, `&`), `{braces}`, inline Markdown and
non-ASCII text (accents, CJK, emoji). About 5% of the entries are obsolete (with `since`, a
reason and a replacement) and about 2% have an `id` instead of a code.

`hand_written_markdown(catalogue)` is the page an author would write without the plugin, in the
style of the hand-written page the project started from: a `##` heading per category and a
Markdown table, pipes escaped as `\\|`, HTML escaped so that it shows as text, `{` escaped so
that `attr_list` leaves it alone, actions joined with `<br>`, obsolete rows struck with `~~`.

`macros_page()` is the same page as a mkdocs-macros template: a Jinja loop over the category files
loaded by mkdocs-macros. Given the same catalogue it renders exactly `hand_written_markdown`.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_error_catalogue.model import Catalogue, Category, Entry, Obsolete

PER_CATEGORY = 100
OBSOLETE_SHARE = 0.05
ID_ONLY_SHARE = 0.02
SEED = 2026

PAGE_TITLE = "Error reference"
PAGE_INTRO = "Find below every error code the product can show, by category."
COLUMNS = (
    "Error Code",
    "Likely Scenario",
    "Displayed Error Message",
    "Possible User Actions",
    "Possible Developer Actions",
)

_AREAS = (
    "General",
    "Deposits",
    "Withdrawals",
    "Buy",
    "Sell",
    "Transfers",
    "History",
    "Paiements à l'étranger",
    "Überweisungen",
    "決済 (payments)",
    "Offers 🎁",
    "Wallet connection",
    "Identity checks",
    "Notifications",
    "Staking",
    "Bridging",
    "Cuentas y límites",
    "NFT checkout",
    "Swaps",
    "Rewards ⭐",
)

_SCENARIOS = (
    "Failed to retrieve the wallet address",
    "Unable to retrieve the tokens list",
    "Provided invalid ERC20 token",
    "Insufficient funds for the transfer",
    "Link window closed by the user",
    "Third-party cookies blocked by the browser",
    "Asset is already listed for sale",
    "Invalid currency provided as query param",
    "Polling of the transaction status timed out",
    "Échec de la vérification du solde",
    "Zahlung wurde vom Anbieter abgelehnt",
    "ウォレットの接続に失敗しました",
    "交易签名被拒绝",
    "Rate limit reached on the quotes API",
    "Session expired during checkout",
    "Signature request dismissed in the wallet",
)

_MESSAGES = (
    "Something went wrong retrieving your tokens list: ${apiError}",
    "Price should be at least ${minPrice}",
    "Token not available in IMX.",
    "Something went wrong. Check with your wallet provider.",
    "The API rejected the request: ${details}",
    "Insufficient funds: you need ${amount} ${currency} more.",
    "Use **Retry** or refresh the page.",
    "Connection error. Vérifiez votre connexion.",
    "取引を完了できませんでした。${reason}",
    "Transaction failed 😕 please try again later.",
    "Only whitelisted partners can embed Link. Quote referrer ${address} to support.",
    "Unknown currency `currencyCode`.",
    "Das Angebot ist abgelaufen.",
    "See [the limits page](https://example.com/docs/limits) for details.",
)

_USER_ACTIONS = (
    "Retry the operation.",
    "Refresh the page.",
    "Contact the Customer Support team.",
    "Check the wallet connection with IMX.",
    "Add funds to the L1 wallet.",
    "Unblock third-party cookies in the browser.",
    "Réessayez dans quelques minutes.",
    "しばらくしてから再度お試しください。",
    "Try a different amount.",
    "If it keeps failing, contact support 🙏",
)

_DEVELOPER_ACTIONS = (
    "Try to replicate the issue.",
    "Check the console logs.",
    "Check the SDK settings.",
    "Confirm the tokens available in IMX.",
    "Check the transaction status with the provider.",
    "Log `error.details` and the request id.",
    "Vérifier la configuration du domaine.",
    "检查 API 密钥。",
)

# Appended to some texts, each with its chance: the traps of real tables.
_SPICES: tuple[tuple[float, tuple[str, ...]], ...] = (
    (0.12, (" (request ${requestId})", " for ${walletAddress}", " after ${seconds} s")),
    (0.08, (" Choose network | chain.", " Status: pending | failed.", " Use A|B routing.")),
    (0.08, (" Press <b>Retry</b>.", " Require a < b and b > 0.", " Shown as <br> in old apps.")),
    (0.05, (" Terms & Conditions apply.", " Fees &amp; limits differ.", " Tags like <script>x")),
    (0.08, (" Expected {amount} in {currency}", " Minimum is {minPrice}", " {not: an attribute}")),
    (
        0.08,
        (" Merci de réessayer.", " 再試行してください。", " ⚠️ Check twice.", " 🚀 Faster soon."),
    ),
)

_RESERVED_PLAIN = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"})
_PLAIN = re.compile(r"[^\W\d_][\w .,()/'-]*[\w.)]")


@dataclass
class _Spicer:
    rng: random.Random
    counts: dict[str, int] = field(default_factory=dict)

    def text(self, pool: tuple[str, ...]) -> str:
        text = self.rng.choice(pool)
        for chance, spices in _SPICES:
            if self.rng.random() < chance:
                text += self.rng.choice(spices)
        return text

    def actions(self, pool: tuple[str, ...], most: int, none_chance: float) -> list[str]:
        if self.rng.random() < none_chance:
            return []
        count = self.rng.randint(1, most)
        return [self.text(pool) for _ in range(count)]


def generate(folder: Path, n: int, seed: int = SEED) -> list[Path]:
    """Write `n` entries as category files into `folder` (created); return the files written.

    Category `k` (from 1) holds codes `1000 * k` to `1000 * k + 99` in its `range`
    `[1000 * k, 1000 * k + 999]`; its 2% id-only entries take the place of some of them.
    """
    rng = random.Random(seed)
    spicer = _Spicer(rng)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for number, start in enumerate(range(0, n, PER_CATEGORY), start=1):
        count = min(PER_CATEGORY, n - start)
        area = _AREAS[(number - 1) % len(_AREAS)]
        slug = _slug(area)
        title = f"{area} {number}" if number > len(_AREAS) else area
        category_id = f"{slug}-{number}"
        path = folder / f"{number:03d}-{slug}.yml"
        lines = [
            f"title: {_scalar(title)}",
            f"id: {category_id}",
            f"range: [{1000 * number}, {1000 * number + 999}]",
            f"description: {_scalar(f'Errors raised by the {area} flow.')}",
            "errors:",
        ]
        lines.extend(_entries(spicer, rng, number, count))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _entries(spicer: _Spicer, rng: random.Random, number: int, count: int) -> Iterator[str]:
    indexes = list(range(count))
    id_only = set(rng.sample(indexes, round(count * ID_ONLY_SHARE)))
    coded = [index for index in indexes if index not in id_only]
    obsolete = set(rng.sample(coded, min(len(coded) - 1, round(count * OBSOLETE_SHARE))))
    current = [index for index in coded if index not in obsolete]
    for index in indexes:
        code = 1000 * number + index
        if index in id_only:
            yield f"  - id: unpublished-{number}-{index}"
        else:
            yield f"  - code: {code}"
        yield f"    scenario: {_scalar(spicer.text(_SCENARIOS))}"
        yield f"    message: {_scalar(spicer.text(_MESSAGES))}"
        yield from _list("user_actions", spicer.actions(_USER_ACTIONS, 3, 0.08))
        developer_actions = spicer.actions(_DEVELOPER_ACTIONS, 2, 0.15)
        if developer_actions or rng.random() < 0.5:  # sometimes `[]`, sometimes left out
            yield from _list("developer_actions", developer_actions)
        if index in obsolete:
            replacement = 1000 * number + rng.choice(current)
            yield "    obsolete:"
            yield f'      since: "{rng.choice(("2022-10-25", "2.4", "2023-06-01", "3.0"))}"'
            yield f"      reason: {_scalar(spicer.text(_REASONS))}"
            yield f"      replaced_by: {replacement}"


_REASONS = (
    "The whitelisting of partner domains was removed.",
    "Merged into a more general error.",
    "The legacy checkout flow was retired.",
    "Remplacé par une erreur plus précise.",
)


def _list(key: str, items: list[str]) -> Iterator[str]:
    if not items:
        yield f"    {key}: []"
        return
    yield f"    {key}:"
    for item in items:
        yield f"      - {_scalar(item)}"


def _scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when that is safe, double-quoted otherwise."""
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED_PLAIN:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "category"


# --- the same tables, written by hand -------------------------------------------------------


def hand_written_markdown(catalogue: Catalogue) -> str:
    """The page holding every category as a hand-written Markdown table."""
    parts = [f"# {PAGE_TITLE}\n\n{PAGE_INTRO}\n"]
    parts.extend(_category_markdown(category) for category in catalogue.categories)
    return "\n".join(parts)


def _category_markdown(category: Category) -> str:
    lines = [f"## {cell(category.title)}", ""]
    if category.description:
        lines += [cell(category.description), ""]
    lines.append("| " + " | ".join(COLUMNS) + " |")
    lines.append("|" + "|".join("---" for _ in COLUMNS) + "|")
    lines.extend(_row(entry) for entry in category.entries)
    return "\n".join(lines) + "\n"


def _row(entry: Entry) -> str:
    struck = entry.obsolete is not None
    if entry.code is None:
        code = "-"
    elif struck:
        code = f"~~{entry.code}~~ <small><br>`Obsolete`</small>"
    else:
        code = str(entry.code)
    scenario = _strike(entry.scenario, struck)
    if entry.obsolete is not None:
        scenario += _obsolete_note(entry.obsolete)
    cells = [
        code,
        scenario,
        _strike(entry.message, struck),
        _actions(entry.user_actions, struck),
        _actions(entry.developer_actions, struck),
    ]
    return "| " + " | ".join(cells) + " |"


def cell(text: str) -> str:
    """Catalogue text (inline Markdown) as a table cell that shows it as the plugin does."""
    text = " ".join(line.strip() for line in text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("{", "\\{")


def _strike(text: str, struck: bool) -> str:
    return f"~~{cell(text)}~~" if struck else cell(text)


def _actions(actions: tuple[str, ...], struck: bool) -> str:
    return "<br>".join(_strike(action, struck) for action in actions) if actions else "-"


def _obsolete_note(obsolete: Obsolete) -> str:
    if obsolete == Obsolete():
        return ""
    since = f" since {cell(obsolete.since)}" if obsolete.since else ""
    note = f"<br>**Obsolete{since}.**"
    if obsolete.reason:
        note += f" {cell(obsolete.reason)}"
    if obsolete.replaced_by:
        note += f" Replaced by {obsolete.replaced_by}."
    return note


# --- the same tables, through mkdocs-macros -------------------------------------------------

# Same escaping as `cell`; catalogue texts written on several lines would need a filter joining
# them (the generator writes none).
_MACROS_TEMPLATE = (
    r"""{%- macro cell(text) -%}
{{ text | string | replace("&", "&amp;") | replace("<", "&lt;") | replace(">", "&gt;") | replace("|", "\\|") | replace("{", "\\{") }}
{%- endmacro -%}
{%- macro strike(text, struck) -%}
{% if struck %}~~{{ cell(text) }}~~{% else %}{{ cell(text) }}{% endif %}
{%- endmacro -%}
{%- macro actions(items, struck) -%}
{% for item in items %}{{ strike(item, struck) }}{% if not loop.last %}<br>{% endif %}{% else %}-{% endfor %}
{%- endmacro -%}
# """
    + PAGE_TITLE
    + "\n\n"
    + PAGE_INTRO
    + "\n"
    + r"""{% for category in CATEGORIES %}
## {{ cell(category.title) }}
{% if category.description %}
{{ cell(category.description) }}
{% endif %}
| """
    + " | ".join(COLUMNS)
    + """ |
|"""
    + "|".join("---" for _ in COLUMNS)
    + r"""|
{% for e in category.errors -%}
{%- set struck = e.obsolete is defined and e.obsolete -%}
| {% if e.code is defined %}{% if struck %}~~{{ e.code }}~~ <small><br>`Obsolete`</small>{% else %}{{ e.code }}{% endif %}{% else %}-{% endif %} | {{ strike(e.scenario, struck) }}
{%- if e.obsolete is mapping %}<br>**Obsolete{% if e.obsolete.since %} since {{ cell(e.obsolete.since) }}{% endif %}.**
{%- if e.obsolete.reason %} {{ cell(e.obsolete.reason) }}{% endif %}
{%- if e.obsolete.replaced_by %} Replaced by {{ e.obsolete.replaced_by }}.{% endif %}{% endif %} | {{ strike(e.message, struck) }} | {{ actions(e.user_actions | default([]), struck) }} | {{ actions(e.developer_actions | default([]), struck) }} |
{% endfor %}{% endfor %}"""
)


def macros_page(categories: str = "categories") -> str:
    """The page as a mkdocs-macros template; `categories` is the Jinja expression of the list of
    loaded category files: a variable set by `macros_module`, or `[c001, c002]` for files loaded
    with mkdocs-macros' `include_yaml` under those keys."""
    return _MACROS_TEMPLATE.replace("CATEGORIES", categories)


def macros_module(catalogue: str) -> str:
    """A `main.py` for mkdocs-macros' `define_env` hook: the category files of the folder
    `catalogue` (relative to `mkdocs.yml`), in name order, loaded with libyaml (PyYAML's C
    loader) when it is available."""
    return f'''"""Loads the error catalogue for the error page (a mkdocs-macros module)."""

from pathlib import Path

import yaml

try:
    from yaml import CSafeLoader as Loader
except ImportError:
    from yaml import SafeLoader as Loader


def define_env(env):
    folder = Path(env.project_dir) / {catalogue!r}
    env.variables["categories"] = [
        yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
        for path in sorted(folder.glob("*.yml"))
    ]
'''
