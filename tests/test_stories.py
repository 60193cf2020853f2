"""Grouping articles into stories and surfacing the figures their sources disagree on.

Summaries here are grounded from hand-written drafts (what a capable model would answer),
so these tests pin the grouping rules, not the embedded model's accuracy."""

from __future__ import annotations

from datetime import date

from summarizer.batch import BatchResult
from summarizer.stories import build_digest

from .conftest import draft_deal
from .drafts import buy, result, seeds


def test_the_two_seed_articles_are_one_story_with_both_conflicts_sourced() -> None:
    digest = build_digest(seeds())
    [story] = digest.stories
    assert {a.id for a in story.articles} == {
        "amazon-openai-500bn-valuation",
        "amazon-openai-50bn-talks",
    }
    assert "same parties (Amazon → OpenAI)" in story.why
    conflicts = {c.field: {v.english: v.sources for v in c.values} for c in story.conflicts}
    assert conflicts == {
        "amount": {
            "about $10 billion": ["amazon-openai-500bn-valuation"],
            "up to $50 billion": ["amazon-openai-50bn-talks"],
        },
        "valuation": {
            "more than $500 billion": ["amazon-openai-500bn-valuation"],
            "$830 billion": ["amazon-openai-50bn-talks"],
        },
    }
    quotes = [q for c in story.conflicts for v in c.values for q in v.quotes]
    assert "rund 10 Milliarden US-Dollar" in quotes and "830 Milliarden Dollar" in quotes


def test_newer_reports_come_first_where_dates_are_known() -> None:
    newer = {
        "amazon_openai_500bn_valuation": date(2026, 2, 3),
        "amazon_openai_50bn_talks": date(2026, 1, 30),
    }
    [story] = build_digest(seeds(**newer)).stories
    assert [a.id for a in story.articles] == [
        "amazon-openai-500bn-valuation",
        "amazon-openai-50bn-talks",
    ]
    assert story.conflicts[0].values[0].sources == ["amazon-openai-500bn-valuation"]
    [story] = build_digest(seeds(amazon_openai_50bn_talks=date(2026, 1, 30))).stories
    assert story.articles[0].id == "amazon-openai-50bn-talks"  # dated before undated


def stories_of(*results: BatchResult) -> list[set[str]]:
    return [{a.id for a in s.articles} for s in build_digest(list(results)).stories]


def test_names_are_compared_normalized_and_kinds_coarsely() -> None:
    assert stories_of(
        buy("a", "Škoda Auto AG", "Fibrotex GmbH"),
        buy("b", "SKODA AUTO", "Fibrotex", kind="takeover_offer"),
        buy("c", "Skoda", "Fibrotex Holding"),
    ) == [{"a", "b", "c"}]


def test_other_parties_or_another_kind_of_deal_are_other_stories() -> None:
    assert stories_of(
        buy("a", "Kalvion AG", "Fibrotex"),
        buy("b", "Kalvion AG", "Nordkap"),  # same buyer, another target
        buy("c", "Nordkap", "Fibrotex"),  # same target, another buyer
        buy("d", "Kalvion AG", "Fibrotex", kind="loan"),  # same parties, a loan
        result(
            "e",
            "Die Fibrotex plant einen Börsengang.",
            draft_deal(kind="ipo", status="planned", targets=["Fibrotex"]),
        ),
    ) == [{"a"}, {"b"}, {"c"}, {"d"}, {"e"}]


def test_equal_figures_agree_and_differing_currencies_are_flagged() -> None:
    agreeing = [
        buy("a", "Kalvion", "Fibrotex", amount="2,3 Milliarden Euro"),
        buy("b", "Kalvion", "Fibrotex", amount="2,3 Milliarden Euro"),
    ]
    assert stories_of(*agreeing) == [{"a", "b"}]
    assert build_digest(agreeing).stories[0].conflicts == []
    text = "Kalvion übernimmt Fibrotex für 2,5 Milliarden Franken."
    other = result(
        "c",
        text,
        draft_deal(
            kind="acquisition",
            status="agreed",
            buyers=["Kalvion"],
            targets=["Fibrotex"],
            amount="2,5 Milliarden Franken",
        ),
    )
    digest = build_digest([agreeing[0], other])
    [conflict] = digest.stories[0].conflicts
    assert conflict.note == "in different currencies; not converted"
    assert [v.currency for v in conflict.values] == ["EUR", "CHF"]


def test_failures_are_listed_and_grouping_is_deterministic() -> None:
    results = [
        *seeds(),
        BatchResult(id="broken.html", error="no article text found"),
        buy("x", "Kalvion", "Fibrotex"),
    ]
    first = build_digest(results)
    assert [(f.id, f.error) for f in first.failed] == [("broken.html", "no article text found")]
    assert build_digest(results).model_dump_json() == first.model_dump_json()
    assert [len(s.articles) for s in first.stories] == [2, 1]  # more sources first
