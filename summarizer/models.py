"""The public output: what one article becomes. Pydantic models are the contract between
the pipeline's steps and with every user of the tool (JSON Schema in schemas/)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field

from .money import Money, Percent, Qualifier

SCHEMA_VERSION = "2"


class DealKind(StrEnum):
    acquisition = "acquisition"
    merger = "merger"
    stake_purchase = "stake_purchase"
    stake_sale = "stake_sale"
    investment = "investment"
    funding_round = "funding_round"
    ipo = "ipo"
    takeover_offer = "takeover_offer"
    asset_sale = "asset_sale"
    capital_increase = "capital_increase"
    loan = "loan"
    share_buyback = "share_buyback"
    insider_purchase = "insider_purchase"
    other = "other"


class DealStatus(StrEnum):
    """How far the deal has got. A report "according to media" is `rumored`."""

    rumored = "rumored"
    in_talks = "in_talks"
    planned = "planned"
    offered = "offered"
    agreed = "agreed"
    completed = "completed"
    failed = "failed"


class MoneyFigure(BaseModel):
    """An amount read from the article: the value is parsed by code from `quote`."""

    amount: Decimal = Field(description="Parsed from the quote by code, never by the model.")
    currency: str = Field(description="ISO 4217 code.", pattern=r"^[A-Z]{3}$")
    qualifier: Qualifier
    low: Decimal | None = Field(
        default=None,
        description="A range's lower bound (qualifier `between`); `amount` is its upper bound.",
    )
    english: str = Field(description='Rendered from the parsed value, e.g. "up to $1 trillion".')
    quote: str = Field(
        description="The German span the figure was read from; code checked it stands in "
        "the article. Figures whose quote is not there are dropped and named in `warnings`."
    )

    @classmethod
    def of(cls, money: Money, quote: str) -> MoneyFigure:
        """The figure of a parsed amount and the span it was parsed from."""
        return cls(
            amount=money.amount,
            currency=money.currency,
            qualifier=money.qualifier,
            low=money.low,
            english=money.english(),
            quote=quote,
        )


class PercentFigure(BaseModel):
    """A percentage read from the article: the value is parsed by code from `quote`."""

    value: Decimal
    qualifier: Qualifier
    english: str
    quote: str = Field(description="The German span, checked to stand in the article.")

    @classmethod
    def of(cls, percent: Percent, quote: str) -> PercentFigure:
        """The figure of a parsed percentage and the span it was parsed from."""
        return cls(
            value=percent.value, qualifier=percent.qualifier, english=percent.english(), quote=quote
        )


class Deal(BaseModel):
    kind: DealKind
    status: DealStatus
    buyers: list[str] = Field(description="Buyers or investors.")
    targets: list[str]
    sellers: list[str]
    amount: MoneyFigure | None = None
    valuation: MoneyFigure | None = None
    stake: PercentFigure | None = None
    price_per_share: MoneyFigure | None = None
    reported_by: list[str] = Field(description="Who reported it, e.g. Bloomberg or CNBC.")


# A deal's figure fields, in the order people read them.
DEAL_FIGURES = ("amount", "valuation", "stake", "price_per_share")


class Direction(StrEnum):
    up = "up"
    down = "down"


class MarketMove(BaseModel):
    company: str
    direction: Direction | None = Field(description="Read by code from the quoted sentence.")
    change: PercentFigure
    price: MoneyFigure | None = None


class Usage(BaseModel):
    """Tokens over every attempt of one article: retries and validation re-asks included."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    requests: int = Field(0, description="HTTP responses received from the model server.")
    cost_usd: Decimal | None = Field(
        None, description="Estimated from the price table; null when the model's price is unknown."
    )

    @classmethod
    def total(cls, usages: Iterable[Usage]) -> Usage:
        """The sum; one unknown cost makes the total cost unknown, not smaller."""
        total = cls(cost_usd=Decimal(0))
        for usage in usages:
            total.prompt_tokens += usage.prompt_tokens
            total.completion_tokens += usage.completion_tokens
            total.total_tokens += usage.total_tokens
            total.requests += usage.requests
            if usage.cost_usd is None or total.cost_usd is None:
                total.cost_usd = None
            else:
                total.cost_usd += usage.cost_usd
        return total


class Provenance(BaseModel):
    backend: str
    model: str
    model_note: str | None = Field(None, description="Caveats about the model's accuracy.")
    prompt_version: str
    schema_version: str = SCHEMA_VERSION
    usage: Usage
    latency_seconds: float
    input_sha256: str
    cached: bool = Field(
        False, description="Read from the local cache: no model call was made for it this time."
    )


class ArticleSummary(BaseModel):
    """One German article as a typed English summary with grounded deal fields."""

    headline: str
    summary: str = Field(description="Two to four English sentences.")
    key_points: list[str] = Field(max_length=5)
    source_language: str = Field(description="ISO 639-1 code of the article's language.")
    deals: list[Deal]
    market_moves: list[MarketMove]
    warnings: list[str] = Field(
        default_factory=list,
        description="What grounding dropped or could not verify, in plain English.",
    )
    provenance: Provenance
