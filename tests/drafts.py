"""Model drafts made from gold annotations: what a capable model would answer. Batch and
digest tests serve them from the stub server, so grouping and conflicts are tested on
known-good summaries, independent of the embedded model's accuracy."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from summarizer.batch import BatchResult
from summarizer.choices import Choices
from summarizer.draft import ArticleDraft, DealDraft
from summarizer.evaluate import GoldArticle, GoldDeal, load_gold
from summarizer.ground import ground
from summarizer.ingest import article_from_text
from summarizer.testing import Reply, tool_call

from .conftest import ROOT, draft_deal, provenance_for


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


# --- a short article and its draft, for retry, fault, price and secret tests ---

ARTICLE = (
    "Amazon verhandelt über eine Investition von bis zu 50 Milliarden US-Dollar in OpenAI.\n"
    "Die Amazon-Aktie verlor 1,01 Prozent."
)


def talks_draft(amount: str | None) -> dict[str, Any]:
    """A full draft of ARTICLE's deal with `amount`: the answer retry and fault tests script."""
    return {
        "headline": "Amazon weighs an investment in OpenAI",
        "summary": "Talks go on.",
        "key_points": [],
        "deals": [
            {
                "kind": "investment",
                "status": "in_talks",
                "buyers": ["Amazon"],
                "targets": ["OpenAI"],
                "sellers": [],
                "amount": amount,
                "valuation": None,
                "stake": None,
                "price_per_share": None,
                "reported_by": [],
            }
        ],
        "market_moves": [],
    }


# --- grounded results, for story and digest tests ---


def result(
    id: str, text: str, *deals: dict[str, Any], published: date | None = None
) -> BatchResult:
    article = article_from_text(text, id=id, published=published)
    draft = ArticleDraft(
        headline="", summary="", deals=[DealDraft.model_validate(d) for d in deals]
    )
    summary = ground(draft, article, provenance_for(article))
    return BatchResult(
        id=id, title=article.title, published=published, sha256=article.sha256, summary=summary
    )


def seeds(**dates: date) -> list[BatchResult]:
    out = []
    for gold, text in load_gold(ROOT / "gold"):
        if gold.id.startswith("amazon-openai"):
            out.append(
                result(
                    gold.id,
                    text,
                    *gold_draft(gold, text)["deals"],
                    published=dates.get(gold.id.replace("-", "_")),
                )
            )
    return out


BUY = "Die {b} übernimmt die {t} für 2,3 Milliarden Euro."


def buy(id: str, buyer: str, target: str, kind: str = "acquisition", **more: Any) -> BatchResult:
    return result(
        id,
        BUY.format(b=buyer, t=target),
        draft_deal(kind=kind, status="agreed", buyers=[buyer], targets=[target], **more),
    )
