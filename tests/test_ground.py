"""Grounding is where a model that invents things gets caught: pure tests, no model."""

from __future__ import annotations

from typing import Any

from summarizer.draft import ArticleDraft
from summarizer.ground import ground
from summarizer.ingest import article_from_text
from summarizer.models import DealStatus, Direction
from summarizer.prompt import example

from .conftest import draft_deal, provenance_for

ARTICLE = article_from_text(
    "Amazon verhandelt über eine Investition von bis zu 50 Milliarden US-Dollar in OpenAI, "
    "berichtete Bloomberg. OpenAI soll mit 830 Milliarden Dollar bewertet werden.\n"
    "Die Amazon-Aktie verlor letztlich 1,01 Prozent auf 239,30 US-Dollar."
)
PROVENANCE = provenance_for(ARTICLE)


def _deal(**fields: Any) -> dict[str, Any]:
    return draft_deal(**{"buyers": ["Amazon"], "targets": ["OpenAI"], **fields})


def _draft(**fields: Any) -> ArticleDraft:
    return ArticleDraft.model_validate(
        {"headline": "Amazon weighs a stake in OpenAI", "summary": "Talks go on.", "deals": []}
        | fields
    )


def test_figures_are_parsed_by_code_from_the_quote() -> None:
    summary = ground(
        _draft(
            deals=[
                _deal(amount="bis zu 50 Milliarden US-Dollar", valuation="830 Milliarden Dollar")
            ]
        ),
        ARTICLE,
        PROVENANCE,
    )
    deal = summary.deals[0]
    assert deal.amount is not None and deal.valuation is not None
    assert (deal.amount.amount, deal.amount.currency, deal.amount.qualifier) == (
        50 * 10**9,
        "USD",
        "up_to",
    )
    assert deal.amount.english == "up to $50 billion"
    assert deal.valuation.english == "$830 billion"
    assert "up to $50 billion" in summary.summary
    assert summary.warnings == []


def test_an_invented_figure_is_dropped_and_reported() -> None:
    summary = ground(
        _draft(deals=[_deal(amount="rund 60 Milliarden US-Dollar")]), ARTICLE, PROVENANCE
    )
    assert summary.deals[0].amount is None
    assert "60" not in summary.model_dump_json(exclude={"warnings"})
    assert any("not found in the article" in w for w in summary.warnings)


def test_a_quote_that_states_no_money_is_not_an_amount() -> None:
    summary = ground(_draft(deals=[_deal(amount="1,01 Prozent")]), ARTICLE, PROVENANCE)
    assert summary.deals[0].amount is None
    assert any("no amount of money" in w for w in summary.warnings)


def test_parties_must_be_named_in_the_article_and_not_on_both_sides() -> None:
    summary = ground(
        _draft(deals=[_deal(buyers=["Amazon", "Kalvion AG"], targets=["OpenAI", "Amazon"])]),
        ARTICLE,
        PROVENANCE,
    )
    assert summary.deals[0].buyers == ["Amazon"]
    assert summary.deals[0].targets == ["OpenAI"]
    assert any("Kalvion" in w for w in summary.warnings)


def test_a_deal_without_parties_is_dropped() -> None:
    summary = ground(_draft(deals=[_deal(buyers=[], targets=["Nobody Inc"])]), ARTICLE, PROVENANCE)
    assert summary.deals == []


def test_model_prose_that_states_a_figure_is_replaced() -> None:
    """A model that writes "$50 million" for "50 Milliarden" must not be printed."""
    summary = ground(
        _draft(
            summary="Amazon may invest $50 million in OpenAI.",
            deals=[_deal(amount="bis zu 50 Milliarden US-Dollar")],
        ),
        ARTICLE,
        PROVENANCE,
    )
    assert "million" not in summary.summary
    assert "up to $50 billion" in summary.summary


def test_german_prose_and_copied_examples_are_replaced() -> None:
    summary = ground(
        _draft(
            headline="Amazon verhandelt über eine Investition",
            summary="Kalvion agrees to buy Swiss fibre maker Fibrotex.",
            key_points=["Kalvion AG", "Amazon weighs a large investment in OpenAI."],
            deals=[_deal()],
        ),
        ARTICLE,
        PROVENANCE,
        example=example(),
    )
    assert summary.headline == "Amazon reportedly plans to invest in OpenAI"
    assert "Kalvion" not in summary.summary
    assert summary.key_points[-1] == "Amazon weighs a large investment in OpenAI."
    assert not any("Kalvion" in point for point in summary.key_points)
    assert any("not English" in w for w in summary.warnings)
    assert any("worked example" in w for w in summary.warnings)


def test_market_move_direction_and_price_come_from_the_article() -> None:
    summary = ground(
        _draft(
            market_moves=[
                {"company": "Amazon", "change": "1,01 Prozent", "price": "239,30 US-Dollar"}
            ]
        ),
        ARTICLE,
        PROVENANCE,
    )
    move = summary.market_moves[0]
    assert move.direction is Direction.down
    assert move.price is not None and move.price.english == "$239.30"


def test_a_share_price_from_another_sentence_is_dropped() -> None:
    summary = ground(
        _draft(
            market_moves=[
                {"company": "Amazon", "change": "1,01 Prozent", "price": "830 Milliarden Dollar"}
            ]
        ),
        ARTICLE,
        PROVENANCE,
    )
    assert summary.market_moves[0].price is None


def test_a_percentage_not_stated_as_a_rise_or_fall_is_no_market_move() -> None:
    text = article_from_text(
        "Porsche hält 27,4 Prozent an VW und will auf 29,9 Prozent aufstocken."
    )
    summary = ground(
        _draft(market_moves=[{"company": "Porsche", "change": "27,4 Prozent", "price": None}]),
        text,
        PROVENANCE,
    )
    assert summary.market_moves == []


def test_a_price_change_is_no_stake() -> None:
    summary = ground(_draft(deals=[_deal(stake="1,01 Prozent")]), ARTICLE, PROVENANCE)
    assert summary.deals[0].stake is None


def test_an_article_without_deal_words_has_no_deal() -> None:
    text = article_from_text("Nadal besiegt Medvedev im Finale der Australian Open.")
    summary = ground(
        _draft(deals=[_deal(buyers=["Nadal"], targets=["Medvedev"])]), text, PROVENANCE
    )
    assert summary.deals == []


def test_a_deal_reported_by_media_is_rumored_not_agreed() -> None:
    summary = ground(_draft(deals=[_deal(status="agreed")]), ARTICLE, PROVENANCE)
    assert summary.deals[0].status is DealStatus.rumored
    done = article_from_text("Amazon hat OpenAI übernommen, berichtete Bloomberg.")
    kept = ground(_draft(deals=[_deal(status="completed")]), done, PROVENANCE)
    assert kept.deals[0].status is DealStatus.completed


def test_deal_sentences_read_as_english_whatever_the_roles() -> None:
    summary = ground(
        _draft(
            headline="",
            deals=[
                _deal(kind="acquisition", targets=[]),
                _deal(kind="ipo", buyers=[], targets=["OpenAI"], status="planned"),
            ],
        ),
        ARTICLE,
        PROVENANCE,
    )
    assert summary.key_points[:2] == [
        "Amazon reportedly plans to make an acquisition.",
        "OpenAI plans to go public.",
    ]


def test_a_figure_not_stated_with_a_deal_is_not_the_deals() -> None:
    """A revenue or an index level the model attaches to a deal is dropped; the deal stays."""
    article = article_from_text(
        "Die Kalvion AG übernimmt die Fibrotex GmbH. Fibrotex setzte im Vorjahr "
        "410 Millionen Euro um. Der Kaufpreis liegt bei 2 Milliarden Euro."
    )

    def amount_kept(quote: str) -> tuple[bool, list[str]]:
        deal = draft_deal(
            buyers=["Kalvion AG"], targets=["Fibrotex GmbH"], kind="acquisition", amount=quote
        )
        summary = ground(_draft(deals=[deal]), article, provenance_for(article))
        return summary.deals[0].amount is not None, summary.warnings

    kept, warnings = amount_kept("410 Millionen Euro")
    assert not kept
    assert "dropped amount '410 Millionen Euro': not stated with a deal" in warnings
    assert amount_kept("2 Milliarden Euro")[0]
