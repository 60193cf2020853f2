"""What an article offers to choose from, and the shape the model fills in, built anew
for each article on the typed bases of draft.py.

Small models copy examples and invent numbers. So the model is never asked to write a
figure or a party name: it chooses them from enums of spans that code found in this
article. On llama.cpp the enums become a grammar, so a figure that is not in the article
cannot even be generated; on OpenAI, a choice outside the enum fails validation and goes
back to the model through instructor's re-ask. Values are parsed from the chosen spans
later, by code (see ground.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import Field, create_model

from .draft import (
    HEADLINE_CHARS,
    POINT_CHARS,
    POINTS,
    SUMMARY_CHARS,
    ArticleDraft,
    DealDraft,
    MoveDraft,
)
from .ingest import Article
from .money import find_money, find_percents
from .names import candidate_names
from .reader import Frame, frame_keys, read_deals

_MAX_FRAMES = 4


@dataclass(frozen=True)
class Choices:
    """What the article offers to choose from, each exactly as written there."""

    money: tuple[str, ...]
    percents: tuple[str, ...]
    names: tuple[str, ...]
    # The deal reader's candidates, the likeliest first (not part of equality or hash).
    frames: tuple[Frame, ...] = field(default=(), compare=False, hash=False)

    @classmethod
    def of(cls, article: Article) -> Choices:
        def unique(items: list[str]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(items))

        return cls(
            money=unique([m.text for m in find_money(article.text)]),
            percents=unique([m.text for m in find_percents(article.text)]),
            names=unique(candidate_names(article.text)),
            frames=tuple(read_deals(article.text)[:_MAX_FRAMES]),
        )


def _one_of(values: tuple[str, ...]) -> Any:
    """An enum of `values`; None where there are none."""
    return Literal[values] if values else None  # type: ignore[valid-type]


def _optional(choice: Any, description: str) -> tuple[Any, Any]:
    """A field that may be null; only null when the article offers nothing to choose."""
    annotation = choice | None if choice is not None else None
    return (annotation, Field(None, description=description))


_PROSE: dict[str, Any] = {
    "headline": (str, Field(max_length=HEADLINE_CHARS, description="English headline")),
    "summary": (str, Field(max_length=SUMMARY_CHARS, description="2-4 English sentences")),
}


def draft_model(choices: Choices, *, choose_frames: bool = False) -> type[ArticleDraft]:
    """The response model for one article: an `ArticleDraft` whose spans are enums of
    what the article offers, showing the model only the fields of its shape.

    `choose_frames`: the small-model shape. Where the reader found deals, the model only
    names the one the article is mainly about, by its key: the deals are the reader's
    frames and the prose is rendered from them. Where it found none, the model writes a
    headline and a summary. Either way it writes no role, figure or price move.
    """
    name = _one_of(choices.names)
    money = _one_of(choices.money)
    percent = _one_of(choices.percents)

    def names_field(description: str) -> Any:
        if name is None:
            return (list[str], Field(default_factory=list, max_length=0))
        return (list[name], Field(default_factory=list, max_length=3, description=description))

    if choose_frames:
        if choices.frames:  # the prose is rendered from the chosen frame
            keys = _one_of(frame_keys(choices.frames))
            return create_model(
                "ArticleDraft",
                __base__=ArticleDraft,
                main_deal=(keys, Field(description="key of the main deal")),
            )
        return create_model("ArticleDraft", __base__=ArticleDraft, **_PROSE)  # moves: by code
    deal = create_model(
        "Deal",
        __base__=DealDraft,
        buyers=names_field("who buys or invests"),
        targets=names_field("who is bought or invested in"),
        sellers=names_field("who sells"),
        amount=_optional(money, "deal amount"),
        valuation=_optional(money, "company valuation"),
        stake=_optional(percent, "stake in percent"),
        price_per_share=_optional(money, "price per share"),
        reported_by=names_field("news outlets cited, e.g. Bloomberg"),
    )
    fields: dict[str, Any] = {
        **_PROSE,
        "key_points": (
            list[Annotated[str, Field(max_length=POINT_CHARS)]],
            Field(max_length=POINTS, description="short English points"),
        ),
        "deals": (list[deal], Field(max_length=3, description="empty if no deal")),
    }
    if choices.percents and name is not None:
        move = create_model(
            "MarketMove",
            __base__=MoveDraft,
            company=(name, ...),
            change=(percent, Field(description="share price change")),
            price=_optional(money, "share price"),
        )
        fields["market_moves"] = (list[move], Field(default_factory=list, max_length=3))
    return create_model("ArticleDraft", __base__=ArticleDraft, **fields)
