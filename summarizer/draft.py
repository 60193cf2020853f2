"""What a reading proposes before grounding: a model's answer or the deal reader's frames.

Every figure and name here is a span of the article, still unchecked; ground.py checks
the spans and parses the figures. These are the typed bases of the response models built
for each article (choices.py): those narrow the spans to enums of what the article offers
and show the model only the fields its shape asks for. The bases accept any text, so they
also read the last answer of a model that kept failing validation, for grounding to report
what it said. They bound no list: the reader may name four buyers, and grounding keeps
three deals of a model's answer at most.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema

from .models import DealKind, DealStatus

# Fields a shape does not ask for are left out of the schema the model sees.
_Unasked = SkipJsonSchema
# How much prose an answer may hold, in the bases and in every response model built on them.
HEADLINE_CHARS = 120
SUMMARY_CHARS = 500
POINT_CHARS = 160
POINTS = 5


class DealDraft(BaseModel):
    kind: DealKind
    status: DealStatus = Field(description="rumored if only media report it")
    buyers: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    sellers: list[str] = Field(default_factory=list)
    amount: str | None = None
    valuation: str | None = None
    stake: str | None = None
    price_per_share: str | None = None
    reported_by: list[str] = Field(default_factory=list)
    # Set by the reader: the status was read in the deal's own words ("ist offiziell"),
    # so media citations elsewhere do not make it a rumor. A model never sets it.
    status_stated: _Unasked[bool] = False


class MoveDraft(BaseModel):
    company: str
    change: str
    price: str | None = None


class ArticleDraft(BaseModel):
    headline: _Unasked[str | None] = Field(None, max_length=HEADLINE_CHARS)
    summary: _Unasked[str | None] = Field(None, max_length=SUMMARY_CHARS)
    key_points: _Unasked[list[Annotated[str, Field(max_length=POINT_CHARS)]]] = Field(
        default_factory=list, max_length=POINTS
    )
    # None, not empty: the deals are the reader's frames (the small model's shape).
    deals: _Unasked[list[DealDraft] | None] = None
    market_moves: _Unasked[list[MoveDraft]] = Field(default_factory=list)
    main_deal: _Unasked[str | None] = None  # the key of the reader's frame chosen as main
