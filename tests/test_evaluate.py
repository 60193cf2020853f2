"""The scoring code, tested on hand-made summaries against one gold article."""

from __future__ import annotations

from decimal import Decimal

from summarizer.draft import ArticleDraft
from summarizer.evaluate import (
    GoldArticle,
    load_gold,
    report,
    score_article,
    to_markdown,
)
from summarizer.ground import ground
from summarizer.ingest import article_from_text
from summarizer.models import ArticleSummary
from summarizer.names import normalize_name, same_party

from .conftest import ROOT, draft_deal, provenance_for

GOLD = {gold.id: (gold, text) for gold, text in load_gold(ROOT / "gold")}


def _summary(text: str, **draft: object) -> ArticleSummary:
    article = article_from_text(text)
    base = {"headline": "A headline", "summary": "A summary.", "deals": []}
    return ground(ArticleDraft.model_validate(base | draft), article, provenance_for(article))


_deal = draft_deal


def test_names_match_across_case_diacritics_suffixes_and_parts() -> None:
    assert normalize_name("Škoda Auto AG") == "skoda auto"
    assert same_party("Amazon.com", ["Amazon"])
    assert same_party("PORSCHE AG", ["Porsche"])
    assert same_party("Axel Springer", ["Axel Springer Verlages"])
    assert not same_party("Amazon", ["OpenAI"])
    assert not same_party("AG", ["Porsche AG"])


def test_a_perfect_answer_scores_full_marks() -> None:
    gold, text = GOLD["amazon-openai-50bn-talks"]
    summary = _summary(
        text,
        deals=[
            _deal(
                buyers=["Amazon"],
                targets=["OpenAI"],
                amount="bis zu 50 Milliarden US-Dollar",
                valuation="830 Milliarden Dollar",
            )
        ],
        market_moves=[{"company": "Amazon", "change": "1,01 Prozent", "price": None}],
    )
    score = score_article(gold, summary, text)
    assert score.deal_right and score.main_deal_found
    # Full marks on the main deal; the article's secondary deals (the whole funding round,
    # the IPO) are still counted as missed.
    for name in ("buyers", "targets", "kind", "status", "amount", "valuation", "market_moves"):
        c = score.counts[name]
        assert c.fp == 0 and c.tp >= 1, name
    assert score.counts["amount"].fn == 1 and score.counts["buyers"].fn == 0
    assert score.unstated_figures == 0


def test_a_restatement_in_another_currency_counts() -> None:
    gold, text = GOLD["amazon-openai-50bn-talks"]
    summary = _summary(
        text, deals=[_deal(buyers=["Amazon"], targets=["OpenAI"], amount="42 Milliarden Euro")]
    )
    assert score_article(gold, summary, text).counts["amount"].tp == 1


def test_wrong_figures_and_invented_deals_are_penalised() -> None:
    gold, text = GOLD["amazon-openai-500bn-valuation"]
    summary = _summary(
        text,
        deals=[
            _deal(
                buyers=["Amazon"],
                targets=["OpenAI"],
                amount="mehr als 500 Milliarden US-Dollar",  # the valuation
                kind="acquisition",
                status="failed",
            )
        ],
    )
    score = score_article(gold, summary, text)
    amount, kind, coarse = (score.counts[n] for n in ("amount", "kind", "status_coarse"))
    assert (amount.tp, amount.fp, amount.fn) == (0, 1, 1)
    assert (kind.tp, kind.fp) == (0, 1) and (coarse.tp, coarse.fp) == (0, 1)

    no_deal, no_deal_text = GOLD["wikinews-35600"]  # capital spending, not a deal
    invented = _summary(no_deal_text, deals=[_deal(buyers=["Volkswagen"], targets=["Pune"])])
    wrong = score_article(no_deal, invented, no_deal_text)
    assert not wrong.deal_right and wrong.counts["deal"].fp == 1


def test_figures_the_article_does_not_state_are_counted_without_gold() -> None:
    gold, text = GOLD["wikinews-5156"]
    summary = _summary(text)
    summary.deals.append(
        _summary(
            GOLD["amazon-openai-50bn-talks"][1],
            deals=[_deal(buyers=["Amazon"], amount="bis zu 50 Milliarden US-Dollar")],
        ).deals[0]
    )
    score = score_article(gold, summary, text)
    assert (score.figures, score.unstated_figures) == (1, 1)


def test_report_aggregates_and_renders() -> None:
    scores = []
    for gold, text in GOLD.values():
        scores.append(score_article(gold, _summary(text), text))
    r = report(scores, failed={"x": "the model server answered HTTP 500 after 4 attempts"})
    no_deal = sum(not g.deals for g, _ in GOLD.values())
    assert r.articles == len(GOLD) and r.deal_accuracy == round(no_deal / len(GOLD), 3)
    assert r.fields["amount"].tp == 0 and r.unstated_figure_share == 0
    markdown = to_markdown(r)
    assert "| amount |" in markdown and "failed: x" in markdown


def test_gold_loads_with_decimals() -> None:
    gold: GoldArticle = GOLD["wikinews-6200"][0]
    assert gold.deals[0].amount is not None and gold.deals[0].amount.amount == Decimal(500_000_000)
