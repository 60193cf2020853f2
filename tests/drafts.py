"""Model drafts made from gold annotations: what a capable model would answer. Batch and
digest tests serve them from the stub server, so grouping and conflicts are tested on
known-good summaries, independent of the embedded model's accuracy."""

from __future__ import annotations

import json
from typing import Any

from summarizer.draft import Choices
from summarizer.evaluate import GoldArticle, GoldDeal, load_gold
from summarizer.ingest import article_from_text

from .conftest import ROOT
from .stub_server import Reply, tool_call


def gold_draft(gold: GoldArticle, text: str) -> dict[str, Any]:
    """The draft a careful model would give: the main gold deal, each party by an alias
    the prompt offers (a party the name finder missed cannot be chosen, so it is left out)."""
    offered = set(Choices.of(article_from_text(text)).names)

    def names(entities: list[list[str]]) -> list[str]:
        return [
            next(n for n in aliases if n in offered)
            for aliases in entities
            if any(n in offered for n in aliases)
        ]

    def deal(d: GoldDeal) -> dict[str, Any]:
        return {
            "kind": d.kind,
            "status": d.status,
            "buyers": names(d.buyers),
            "targets": names(d.targets),
            "sellers": names(d.sellers),
            "amount": d.amount.quote if d.amount else None,
            "valuation": d.valuation.quote if d.valuation else None,
            "stake": d.stake.quote if d.stake else None,
            "price_per_share": None,
            "reported_by": names(d.reported_by),
        }

    deals = sorted(gold.deals, key=lambda d: not d.main)
    return {
        "headline": "A deal is reported",
        "summary": "The article reports a deal.",
        "key_points": [],
        "deals": [deal(d) for d in deals[:1]],
        "market_moves": [],
    }


def gold_articles(*ids: str) -> dict[str, tuple[str, dict[str, Any]]]:
    """id -> (article text, gold draft) for the named gold articles."""
    wanted = {gold.id: (text, gold_draft(gold, text)) for gold, text in load_gold(ROOT / "gold")}
    return {i: wanted[i] for i in ids}


def router(articles: dict[str, tuple[str, dict[str, Any]]], **special: Reply):
    """Answer each request with the draft of the article it carries; `special` maps an
    article id to another reply (a fault) for that article."""

    def route(request: dict[str, Any]) -> Reply:
        asked = " ".join(str(m.get("content")) for m in request["messages"])
        for article_id, (text, draft) in articles.items():
            if text.strip().splitlines()[0] in asked:
                return special.get(article_id) or tool_call(draft)
        return Reply(400, {"error": {"message": "unknown article: " + json.dumps(asked[:80])}})

    return route
