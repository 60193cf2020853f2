"""Both seed articles through the public API, replaying real model traffic."""

from __future__ import annotations

import json

import jsonschema
import pytest

from summarizer import ArticleSummary, find_money, find_percents, parse_money, summarize
from summarizer.evaluate import output_figures
from summarizer.language import is_english
from summarizer.quotes import contains

from .conftest import ROOT, client_for, read_example

SEEDS = ["amazon-openai-500bn-valuation.txt", "amazon-openai-50bn-talks.txt"]
SCHEMA = json.loads((ROOT / "schemas" / "article_summary.schema.json").read_text())

pytestmark = pytest.mark.cassette


@pytest.fixture(scope="module", params=SEEDS)
def seed(
    request: pytest.FixtureRequest, cassette, model_base_url: str, recorded_model: str
) -> tuple[str, ArticleSummary]:
    """One real (recorded) model call per seed, shared by the assertions below, in the
    shape the embedded model is asked by default: choose the main deal among the frames."""
    text = read_example(request.param)
    with cassette(f"end_to_end/{request.param.removesuffix('.txt')}.json"):
        summary = summarize(
            text, client=client_for(model_base_url), model=recorded_model, deals="choose"
        )
    return text, summary


def test_output_validates_against_the_published_schema(seed: tuple[str, ArticleSummary]) -> None:
    _, summary = seed
    jsonschema.validate(json.loads(summary.model_dump_json()), SCHEMA)


def test_every_figure_is_a_span_of_the_article_parsed_by_code(
    seed: tuple[str, ArticleSummary],
) -> None:
    text, summary = seed
    stated = {m.text for m in find_money(text)} | {m.text for m in find_percents(text)}
    for figure in output_figures(summary):
        assert contains(text, figure.quote), f"{figure.quote!r} is not in the article"
        assert figure.quote in stated, f"{figure.quote!r} is not a figure the article states"
        money = parse_money(figure.quote)
        if money is not None and hasattr(figure, "amount"):
            assert (figure.amount, figure.currency) == (money.amount, money.currency)


def test_english_text_and_no_model_written_figures(seed: tuple[str, ArticleSummary]) -> None:
    _, summary = seed
    assert summary.source_language == "de"
    assert is_english(summary.headline) and is_english(summary.summary)
    for point in summary.key_points:
        assert is_english(point)
    renderings = {figure.english for figure in output_figures(summary)}
    # Every number in the prose comes from a rendering of a verified figure.
    prose = " ".join([summary.headline, summary.summary, *summary.key_points])
    for rendering in renderings:
        prose = prose.replace(rendering, "")
    assert not any(ch.isdigit() for ch in prose), prose


def test_provenance_accounts_for_the_call(
    seed: tuple[str, ArticleSummary], recorded_model: str
) -> None:
    text, summary = seed
    p = summary.provenance
    assert p.model == recorded_model
    assert p.prompt_version.startswith("summarize-v")
    assert p.usage.requests >= 1 and p.usage.total_tokens > p.usage.prompt_tokens > 0
    import hashlib

    assert p.input_sha256 == hashlib.sha256(text.encode()).hexdigest()


def test_the_billion_trap_never_becomes_a_billion(seed: tuple[str, ArticleSummary]) -> None:
    """Seed one says "bis zu 1 Billion US-Dollar": a trillion. Whatever the model picks,
    no output may call it a billion."""
    _, summary = seed
    for figure in output_figures(summary):
        if "Billion" in figure.quote:
            assert "trillion" in figure.english
    assert "1 billion" not in summary.model_dump_json()
