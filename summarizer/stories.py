"""Batch results -> a Digest: articles about the same deal grouped into one story, and the
figures its sources disagree on shown side by side, each with its source.

Pure and deterministic given the results. Two articles belong together when their main
deals name the same parties (normalized: case, legal suffixes, diacritics; a whole-word part
such as "Amazon" for "Amazon.com" counts) and the same kind of deal, read coarsely because
reports of one deal call it an investment in one place and a stake purchase in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from .batch import BatchResult, totals
from .models import DEAL_FIGURES, Deal, DealKind, MoneyFigure, PercentFigure, Usage
from .money import roughly_equal
from .names import same_party
from .phrasing import deal_headline

# Kinds that reports of one deal use interchangeably.
_FAMILY = {
    DealKind.acquisition: "acquisition",
    DealKind.takeover_offer: "acquisition",
    DealKind.merger: "acquisition",
    DealKind.investment: "investment",
    DealKind.stake_purchase: "investment",
    DealKind.funding_round: "investment",
    DealKind.capital_increase: "investment",
    DealKind.stake_sale: "sale",
    DealKind.asset_sale: "sale",
}


class DigestArticle(BaseModel):
    id: str
    title: str | None
    url: str | None
    published: date | None
    headline: str
    cached: bool


class StoryDeal(BaseModel):
    """A deal as one source reported it."""

    source: str = Field(description="The id of the article that reported it.")
    deal: Deal


class Claim(BaseModel):
    """One value of a figure and every source that gave it."""

    english: str
    quotes: list[str]
    amount: Decimal
    currency: str | None = None  # None for percentages
    sources: list[str]


class Conflict(BaseModel):
    field: str
    values: list[Claim] = Field(description="Newest source first; never resolved silently.")
    note: str | None = None


class Story(BaseModel):
    title: str
    summary: str
    why: str = Field(description="Why these articles are one story.")
    articles: list[DigestArticle] = Field(description="Newest first where dates are known.")
    deals: list[StoryDeal]
    conflicts: list[Conflict]


class FailedArticle(BaseModel):
    id: str
    error: str


class Digest(BaseModel):
    stories: list[Story]
    failed: list[FailedArticle]
    usage: Usage = Field(description="What this run spent; cached articles cost nothing.")


@dataclass
class _Entry:
    result: BatchResult
    order: int

    @property
    def deal(self) -> Deal | None:
        summary = self.result.summary
        return summary.deals[0] if summary and summary.deals else None


def same_deal(a: Deal, b: Deal) -> bool:
    """Same kind (coarsely) and the same parties: a shared buyer and, where both name
    targets, a shared target; deals without buyers need a shared target."""
    if _FAMILY.get(a.kind, a.kind.value) != _FAMILY.get(b.kind, b.kind.value):
        return False

    def shared(mine: list[str], theirs: list[str]) -> bool:
        return any(same_party(name, [other]) for name in mine for other in theirs)

    if a.buyers and b.buyers:
        return shared(a.buyers, b.buyers) and (
            not (a.targets and b.targets) or shared(a.targets, b.targets)
        )
    return not a.buyers and not b.buyers and shared(a.targets, b.targets)


def build_digest(results: list[BatchResult]) -> Digest:
    entries = [_Entry(r, n) for n, r in enumerate(results) if r.summary is not None]
    groups: list[list[_Entry]] = []
    for entry in entries:
        home = None
        if entry.deal is not None:
            home = next(
                (
                    g
                    for g in groups
                    if g[0].deal is not None and same_deal(g[0].deal, entry.deal)  # type: ignore[arg-type]
                ),
                None,
            )
        if home is None:
            groups.append([entry])
        else:
            home.append(entry)
    stories = [_story(group) for group in groups]
    stories.sort(key=_story_order)
    failed = [FailedArticle(id=r.id, error=r.error or "unknown") for r in results if not r.ok]
    return Digest(stories=stories, failed=failed, usage=totals(results))


def _newest_first(group: list[_Entry]) -> list[_Entry]:
    # Known dates first, newest first; then undated ones in input order.
    return sorted(
        group,
        key=lambda e: (
            e.result.published is None,
            -(e.result.published.toordinal() if e.result.published else 0),
            e.order,
        ),
    )


def _story(group: list[_Entry]) -> Story:
    group = _newest_first(group)
    lead = group[0]
    summary = lead.result.summary
    assert summary is not None
    deals = [StoryDeal(source=e.result.id, deal=e.deal) for e in group if e.deal is not None]
    articles = [
        DigestArticle(
            id=e.result.id,
            title=e.result.title,
            url=e.result.url,
            published=e.result.published,
            headline=e.result.summary.headline,  # type: ignore[union-attr]
            cached=e.result.summary.provenance.cached,  # type: ignore[union-attr]
        )
        for e in group
    ]
    return Story(
        title=deal_headline(lead.deal) if lead.deal else summary.headline,
        summary=summary.summary,
        why=_why(group),
        articles=articles,
        deals=deals,
        conflicts=[c for name in DEAL_FIGURES if (c := _conflict(name, deals)) is not None],
    )


def _why(group: list[_Entry]) -> str:
    deal = group[0].deal
    if deal is None:
        return "No deal reported: a story of its own."
    parties = " → ".join(", ".join(names) for names in (deal.buyers, deal.targets) if names)
    kinds = sorted({e.deal.kind.value.replace("_", " ") for e in group if e.deal})
    if len(group) == 1:
        return f"One source reports this {' / '.join(kinds)} ({parties})."
    return (
        f"{len(group)} sources report the same parties ({parties}) and the same kind of "
        f"deal ({' / '.join(kinds)})."
    )


def _conflict(field: str, deals: list[StoryDeal]) -> Conflict | None:
    claims: list[Claim] = []
    for item in deals:
        figure: MoneyFigure | PercentFigure | None = getattr(item.deal, field)
        if figure is None:
            continue
        amount, currency = (
            (figure.amount, figure.currency)
            if isinstance(figure, MoneyFigure)
            else (figure.value, None)
        )
        same = next(
            (c for c in claims if c.currency == currency and roughly_equal(c.amount, amount)),
            None,
        )
        if same is None:
            claims.append(
                Claim(
                    english=figure.english,
                    quotes=[figure.quote],
                    amount=amount,
                    currency=currency,
                    sources=[item.source],
                )
            )
        else:
            same.sources.append(item.source)
            if figure.quote not in same.quotes:
                same.quotes.append(figure.quote)
    if len(claims) < 2:
        return None
    currencies = {c.currency for c in claims}
    note = "in different currencies; not converted" if len(currencies) > 1 else None
    return Conflict(field=field.replace("_", " "), values=claims, note=note)


def _story_order(story: Story) -> tuple[int, int, int]:
    newest = max((a.published.toordinal() for a in story.articles if a.published), default=0)
    return (not story.deals, -len(story.articles), -newest)
