"""Turn what the model chose into output that can be trusted.

Every figure is kept only if its quote stands in the article, and its value is parsed
from that quote here. Every party must be named in the article. English prose that states
a figure is rendered here from parsed values; the model's own prose is kept only when it
is English and states no number, so a mistranslated scale word cannot reach the output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any, TypeVar

from .draft import ArticleDraft, DealDraft, MoveDraft
from .ingest import Article
from .language import detect_language, is_english
from .models import (
    DEAL_FIGURES,
    Deal,
    DealStatus,
    MarketMove,
    MoneyFigure,
    PercentFigure,
    Provenance,
)
from .models import ArticleSummary as Summary
from .money import parse_money, parse_percent
from .phrasing import deal_headline, deal_sentence, move_sentence
from .prompt import Example
from .quotes import contains
from .reader import Frame, frame_keys, split_sentences
from .reader.lexicon import direction_in, states_deal

V = TypeVar("V")  # a parsed value: Money or Percent
F = TypeVar("F")  # its figure: MoneyFigure or PercentFigure
_DIGIT = re.compile(r"\d")
_NOTHING = "No company deal or share price move reported"
# "According to media / people familiar": such a deal is rumored, whatever else is said.
# ("berichtete über" is no such cue: a trade association "berichtete über die Lage".)
_RUMOR = re.compile(
    r"Medienbericht|zufolge|berichtete(?! über)|Kreisen|Insider|informierte[n]? Person|"
    r"vertraute[n]? Person|mit den Gesprächen vertraut|unter Berufung auf",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"abgeschlossen|vollzogen|unterzeichnet|hat .{0,60}übernommen|übernahm", re.IGNORECASE
)


def sentence_around(text: str, quote: str) -> str:
    """The sentence of `text` in which `quote` first stands ("" if none holds it), found
    the way the quote check finds quotes: across line breaks and hyphenation too."""
    return next((s.text for s in split_sentences(text) if contains(s.text, quote)), "")


class Grounder:
    """Grounds one draft against one article, collecting what it had to drop."""

    def __init__(self, article: Article, example: Example | None) -> None:
        self.article = article
        self.example = example
        self.example_prose = example.prose if example else []
        # Names only the example mentions: prose that uses one copied the example.
        self.example_names = {
            n for n in (example.names if example else ()) if n not in article.text
        }
        self.warnings: list[str] = []

    # --- figures and names ---------------------------------------------------------------

    def _located(self, quote: str, field: str) -> bool:
        if contains(self.article.text, quote):
            return True
        self.warnings.append(f"dropped {field} {quote!r}: not found in the article")
        return False

    def money(self, quote: str | None, field: str) -> MoneyFigure | None:
        return self._figure(quote, field, parse_money, MoneyFigure.of, "amount of money")

    def percent(self, quote: str | None, field: str) -> PercentFigure | None:
        return self._figure(quote, field, parse_percent, PercentFigure.of, "percentage")

    def _figure(
        self,
        quote: str | None,
        field: str,
        parse: Callable[[str], V | None],
        make: Callable[[V, str], F],
        what: str,
    ) -> F | None:
        """The figure of a quote that stands in the article, parsed by code; else None,
        with the reason in the warnings."""
        if not quote or not self._located(quote, field):
            return None
        value = parse(quote)
        if value is None:
            self.warnings.append(f"dropped {field} {quote!r}: it states no {what}")
            return None
        return make(value, quote)

    def names(self, names: list[str], field: str) -> list[str]:
        return list(dict.fromkeys(n for n in names if self._located(n, field)))

    # --- deals and market moves ----------------------------------------------------------

    def deal(self, draft: DealDraft) -> Deal | None:
        deal = Deal(
            kind=draft.kind,
            status=draft.status,
            buyers=(buyers := self.names(draft.buyers, "buyer")),
            # Nobody buys from or invests in itself: a buyer named again is a model slip.
            targets=[n for n in self.names(draft.targets, "target") if n not in buyers],
            sellers=[n for n in self.names(draft.sellers, "seller") if n not in buyers],
            amount=self.money(draft.amount, "amount"),
            valuation=self.money(draft.valuation, "valuation"),
            stake=self.percent(draft.stake, "stake"),
            price_per_share=self.money(draft.price_per_share, "price per share"),
            reported_by=self.names(draft.reported_by, "source"),
        )
        if not (deal.buyers or deal.targets or deal.sellers):
            self.warnings.append(f"dropped a {deal.kind.value} deal that names no party")
            return None
        for field in DEAL_FIGURES:
            figure = getattr(deal, field)
            sentence = figure and sentence_around(self.article.text, figure.quote)
            if figure and not states_deal(sentence or "", price_words=True, kind=deal.kind):
                # A revenue, a loss or an index level is no deal's price, whatever the
                # model chose: a deal figure is stated in a sentence about a deal.
                label = field.replace("_", " ")
                self.warnings.append(f"dropped {label} {figure.quote!r}: not stated with a deal")
                setattr(deal, field, None)
        if deal.stake and direction_in(sentence_around(self.article.text, deal.stake.quote)):
            self.warnings.append(f"dropped stake {deal.stake.quote!r}: it is a price change")
            deal.stake = None
        if (
            deal.status in (DealStatus.agreed, DealStatus.completed)
            # A status the reader read in the deal's own words ("ist offiziell") stands.
            and not draft.status_stated
            and _RUMOR.search(self.article.text)
            and not _DONE.search(self.article.text)
        ):
            self.warnings.append(
                f"status {deal.status.value} became rumored: the article cites reports"
            )
            deal.status = DealStatus.rumored
        return deal

    def market_move(self, draft: MoveDraft) -> MarketMove | None:
        companies = self.names([draft.company], "market move company")
        change = self.percent(draft.change, "share price change")
        if not companies or change is None:
            return None
        sentence = sentence_around(self.article.text, change.quote)
        if direction_in(sentence) is None:
            self.warnings.append(
                f"dropped market move {change.quote!r}: not stated as a rise or fall"
            )
            return None
        price = self.money(draft.price, "share price")
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
        words = set(re.findall(r"[\w-]+", text))
        if words & self.example_names or any(
            SequenceMatcher(None, text, other).ratio() > 0.8 for other in self.example_prose
        ):
            self.warnings.append(f"replaced the model's {field}: it copied the worked example")
            return None
        if self.example and self.example.echoes_instructions(text):
            self.warnings.append(f"replaced the model's {field}: it repeated the instructions")
            return None
        return text


def ground(
    draft: ArticleDraft,
    article: Article,
    provenance: Provenance,
    example: Example | None = None,
    *,
    frames: tuple[Frame, ...] = (),
    prose_from_fields: bool = False,
) -> Summary:
    """Build the public summary from a draft and its article.

    `example`: the worked example the model was shown, which its prose must not repeat.
    `frames`: the deal reader's candidates. A draft that names a `main_deal` (the small
    model's shape) gets the frames as its deals, the chosen one first; a draft without
    `deals` at all gets them in the reader's order.
    `prose_from_fields`: headline and summary of a deal article are rendered from the
    verified deals, not taken from the model (a small model's prose is not trusted).
    """
    g = Grounder(article, example)
    deal_drafts = draft.deals
    if deal_drafts is None:
        keys = frame_keys(frames)
        chosen = [f for key, f in zip(keys, frames, strict=True) if key == draft.main_deal]
        deal_drafts = [*chosen, *(f for f in frames if f not in chosen)]
    deals = unique([d for d in map(g.deal, deal_drafts) if d])[:3]
    if deals and not states_deal(article.text):
        g.warnings.append("dropped the deals: the article uses no word for a deal")
        deals = []
    moves = unique([m for m in map(g.market_move, draft.market_moves) if m])
    facts = [deal_sentence(d) for d in deals] + [move_sentence(m) for m in moves]
    model_points = [p for p in (g.prose(p, "key point") for p in draft.key_points) if p]
    if prose_from_fields and deals:
        summary_text, headline = None, deal_headline(deals[0])
    else:
        summary_text = g.prose(draft.summary, "summary")
        headline = g.prose(draft.headline, "headline")
    summary = " ".join(s for s in [summary_text, *facts[:2]] if s) or _NOTHING
    headline = headline or (
        deal_headline(deals[0]) if deals else (facts[0].rstrip(".") if facts else _NOTHING)
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


def unique(items: list[Any]) -> list[Any]:
    """Each model once, by value, in first-seen order."""
    seen: set[str] = set()
    kept = []
    for item in items:
        key = item.model_dump_json()
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
