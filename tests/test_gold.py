"""The gold set is only as good as its quotes: every one must stand in its article."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from summarizer import parse_money, parse_percent
from summarizer.quotes import contains

from .conftest import ROOT

GOLD = sorted(p for p in (ROOT / "gold").glob("*.json") if p.name != "splits.json")


def test_the_gold_set_covers_corpus_and_seeds() -> None:
    assert len(GOLD) >= 18


def test_every_gold_article_is_either_dev_or_held_out() -> None:
    """The split that keeps the deal reader honest: rules are written on dev only."""
    splits = json.loads((ROOT / "gold" / "splits.json").read_text(encoding="utf-8"))
    dev, held_out = set(splits["dev"]), set(splits["held_out"])
    assert not dev & held_out
    assert dev | held_out == {p.stem for p in GOLD}


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_every_quote_and_party_stands_in_the_article(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["article"]).read_text(encoding="utf-8")
    for deal in gold["deals"]:
        for field in ("amount", "valuation"):
            if figure := deal[field]:
                for quote in [figure["quote"], *figure["alternatives"]]:
                    assert contains(text, quote), quote
                money = parse_money(figure["quote"])
                assert money is not None
                assert (money.amount, money.currency, money.qualifier.value) == (
                    Decimal(figure["amount"]),
                    figure["currency"],
                    figure["qualifier"],
                )
        if stake := deal["stake"]:
            for quote in [stake["quote"], *stake["alternatives"]]:
                assert contains(text, quote), quote
            percent = parse_percent(stake["quote"])
            assert percent is not None and percent.value == Decimal(stake["value"])
        for role in ("buyers", "targets", "sellers", "reported_by"):
            for entity in deal[role]:
                assert any(contains(text, alias) for alias in entity), entity
    for move in gold["market_moves"]:
        assert contains(text, move["change"])
        assert any(contains(text, alias) for alias in move["company"])
    assert sum(d["main"] for d in gold["deals"]) == (1 if gold["deals"] else 0)
