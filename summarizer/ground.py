"""Turn what the model chose into output that can be trusted.

Every figure is kept only if its quote stands in the article, and its value is parsed
from that quote here. Every party must be named in the article. English prose that states
a figure is rendered here from parsed values; the model's own prose is kept only when it
is English and states no number, so a mistranslated scale word cannot reach the output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from .ingest import Article
from .language import detect_language, is_english
from .models import ArticleSummary as Summary
from .models import (
    Deal,
    DealKind,
    DealStatus,
    Direction,
    MarketMove,
    MoneyFigure,
    PercentFigure,
    Provenance,
)
from .money import parse_money, parse_percent
from .quotes import contains

_DOWN = re.compile(
    r"verl(o|ie)r|fiel|sank|gab .{0,40}nach|rutscht|brach .{0,20}ein|minus|"
    r"einbu(ß|ss)|abw(ä|a)rts|schw(ä|a)cher|tiefer|Verlust",
    re.IGNORECASE,
)
_UP = re.compile(
    r"legt\w* .{0,60}\bzu\b|stieg|gewann|kletter|zog .{0,30}an|plus|aufw(ä|a)rts|"
    r"fester|höher|Gewinn",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„])|\n")


def sentence_around(text: str, quote: str) -> str:
    """The sentence of `text` in which `quote` first stands ("" if it does not)."""
    at = text.find(quote)
    if at < 0:
        return ""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at + len(quote))
    return text[start : end.start() if end else len(text)]


def direction_in(sentence: str) -> Direction | None:
    """Up or down, read by code from the words around a price change."""
    down, up = _DOWN.search(sentence), _UP.search(sentence)
    if down and not up:
        return Direction.down
    if up and not down:
        return Direction.up
    return None


class Grounder:
    """Grounds one draft against one article, collecting what it had to drop."""

    def __init__(self, article: Article, copied_from: Sequence[str]) -> None:
        self.article = article
        self.copied_from = copied_from
        self.warnings: list[str] = []

    # --- figures and names ---------------------------------------------------------------

    def _located(self, quote: str, field: str) -> bool:
        if contains(self.article.text, quote):
            return True
        self.warnings.append(f"dropped {field} {quote!r}: not found in the article")
        return False

    def money(self, quote: str | None, field: str) -> MoneyFigure | None:
        if not quote or not self._located(quote, field):
            return None
        value = parse_money(quote)
        if value is None:
            self.warnings.append(f"dropped {field} {quote!r}: it states no amount of money")
            return None
        return MoneyFigure(
            amount=value.amount,
            currency=value.currency,
            qualifier=value.qualifier,
            english=value.english(),
            quote=quote,
        )

    def percent(self, quote: str | None, field: str) -> PercentFigure | None:
        if not quote or not self._located(quote, field):
            return None
        value = parse_percent(quote)
        if value is None:
            self.warnings.append(f"dropped {field} {quote!r}: it states no percentage")
            return None
        return PercentFigure(
            value=value.value, qualifier=value.qualifier, english=value.english(), quote=quote
        )

    def names(self, names: list[str], field: str) -> list[str]:
        return list(dict.fromkeys(n for n in names if self._located(n, field)))

    # --- deals and market moves ----------------------------------------------------------

    def deal(self, draft: dict[str, Any]) -> Deal | None:
        deal = Deal(
            kind=DealKind(draft["kind"]),
            status=DealStatus(draft["status"]),
            buyers=(buyers := self.names(draft.get("buyers") or [], "buyer")),
            # Nobody buys from or invests in itself: a buyer named again is a model slip.
            targets=[
                n for n in self.names(draft.get("targets") or [], "target") if n not in buyers
            ],
            sellers=[
                n for n in self.names(draft.get("sellers") or [], "seller") if n not in buyers
            ],
            amount=self.money(draft.get("amount"), "amount"),
            valuation=self.money(draft.get("valuation"), "valuation"),
            stake=self.percent(draft.get("stake"), "stake"),
            price_per_share=self.money(draft.get("price_per_share"), "price per share"),
            reported_by=self.names(draft.get("reported_by") or [], "source"),
        )
        if not (deal.buyers or deal.targets or deal.sellers):
            self.warnings.append(f"dropped a {deal.kind.value} deal that names no party")
            return None
        return deal

    def market_move(self, draft: dict[str, Any]) -> MarketMove | None:
        companies = self.names([draft["company"]], "market move company")
        change = self.percent(draft.get("change"), "share price change")
        if not companies or change is None:
            return None
        sentence = sentence_around(self.article.text, change.quote)
        price = self.money(draft.get("price"), "share price")
        if price and price.quote not in sentence:
            self.warnings.append(
                f"dropped share price {price.quote!r}: not stated with the price change"
            )
            price = None
        return MarketMove(
            company=companies[0], direction=direction_in(sentence), change=change, price=price
        )

    # --- English text --------------------------------------------------------------------

    def prose(self, text: str | None, field: str) -> str | None:
        """Model-written English, kept only if it is English and states no figure."""
        text = " ".join((text or "").split())
        if not text:
            return None
        if _DIGIT.search(text):
            self.warnings.append(f"replaced the model's {field}: it stated a figure")
            return None
        if not is_english(text):
            self.warnings.append(f"replaced the model's {field}: it was not English")
            return None
        if any(SequenceMatcher(None, text, other).ratio() > 0.8 for other in self.copied_from):
            self.warnings.append(f"replaced the model's {field}: it copied the worked example")
            return None
        return text


def ground(
    draft: dict[str, Any],
    article: Article,
    provenance: Provenance,
    copied_from: Sequence[str] = (),
) -> Summary:
    """Build the public summary from a draft (as a plain dict) and its article.

    `copied_from`: texts the model was shown (the worked example) that prose must not repeat.
    """
    g = Grounder(article, copied_from)
    deals = _unique([d for d in map(g.deal, draft.get("deals") or []) if d])
    moves = _unique([m for m in map(g.market_move, draft.get("market_moves") or []) if m])
    facts = [deal_sentence(d) for d in deals] + [move_sentence(m) for m in moves]
    model_points = [
        p for p in (g.prose(p, "key point") for p in draft.get("key_points") or []) if p
    ]
    summary_text = g.prose(draft.get("summary"), "summary")
    summary = " ".join(s for s in [summary_text, *facts[:2]] if s) or (
        "The article reports no company deal or share price move."
    )
    headline = g.prose(draft.get("headline"), "headline") or (
        deal_headline(deals[0]) if deals else f"No deal found in “{article.title}”"
    )
    return Summary(
        headline=headline,
        summary=summary,
        key_points=list(dict.fromkeys(facts + model_points))[:5],
        source_language=detect_language(article.text),
        deals=deals,
        market_moves=moves,
        warnings=g.warnings,
        provenance=provenance,
    )


def _unique(items: list[Any]) -> list[Any]:
    seen: set[str] = set()
    kept = []
    for item in items:
        key = item.model_dump_json()
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


# --- English renderings of verified fields ----------------------------------------------

_VERBS = {
    DealKind.acquisition: "acquire",
    DealKind.merger: "merge with",
    DealKind.stake_purchase: "buy a stake in",
    DealKind.stake_sale: "sell a stake in",
    DealKind.investment: "invest in",
    DealKind.funding_round: "fund",
    DealKind.ipo: "take public",
    DealKind.takeover_offer: "bid for",
    DealKind.asset_sale: "buy assets of",
    DealKind.capital_increase: "raise capital for",
    DealKind.loan: "lend to",
    DealKind.share_buyback: "buy back shares of",
    DealKind.insider_purchase: "buy shares of",
    DealKind.other: "do a deal with",
}
_STATUS = {
    DealStatus.rumored: "reportedly plans to",
    DealStatus.in_talks: "is in talks to",
    DealStatus.planned: "plans to",
    DealStatus.offered: "has offered to",
    DealStatus.agreed: "has agreed to",
    DealStatus.completed: "has moved to",
    DealStatus.failed: "failed to",
}


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def deal_headline(deal: Deal) -> str:
    who = _join(deal.buyers) if deal.buyers else "A buyer"
    whom = f" {_join(deal.targets)}" if deal.targets else ""
    return f"{who} {_STATUS[deal.status]} {_VERBS[deal.kind]}{whom}"


def deal_sentence(deal: Deal) -> str:
    """One English sentence whose every figure comes from a parsed, verified quote."""
    parts = [deal_headline(deal)]
    if deal.sellers:
        parts.append(f"from {_join(deal.sellers)}")
    if deal.amount:
        parts.append(f"for {deal.amount.english}")
    if deal.stake:
        parts.append(f"(a {deal.stake.english} stake)")
    if deal.valuation:
        parts.append(f"at a valuation of {deal.valuation.english}")
    if deal.price_per_share:
        parts.append(f"at {deal.price_per_share.english} per share")
    if deal.reported_by:
        parts.append(f"according to {_join(deal.reported_by)}")
    return " ".join(parts) + "."


def move_sentence(move: MarketMove) -> str:
    verb = {Direction.up: "rose", Direction.down: "fell", None: "moved"}[move.direction]
    price = f" to {move.price.english}" if move.price else ""
    return f"{move.company} shares {verb} {move.change.english}{price}."
