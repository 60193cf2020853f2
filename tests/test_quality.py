"""The whole gold set through the embedded model (replayed), scored by the harness.

These are the figures in the README's quality section; the tests pin the promises that do
not depend on how good the model is.
"""

from __future__ import annotations

import asyncio

import pytest

from summarizer.backends import wrap
from summarizer.config import Settings
from summarizer.evaluate import Report, evaluate, to_json

from .conftest import ROOT, client_for

pytestmark = pytest.mark.cassette


@pytest.fixture(scope="module")
def gold_report(cassette, model_base_url: str, recorded_model: str) -> Report:
    settings = Settings(model=recorded_model)
    backend = wrap(client_for(model_base_url), settings, name="local", model=recorded_model)
    with cassette("quality/gold.json"):
        return asyncio.run(evaluate(ROOT / "gold", backend, settings))


def test_every_gold_article_is_summarized(gold_report: Report) -> None:
    assert gold_report.failed == {}
    assert gold_report.articles == len(list((ROOT / "gold").glob("*.json")))


def test_no_output_figure_is_one_the_article_does_not_state(gold_report: Report) -> None:
    assert gold_report.unstated_figure_share == 0


def test_no_answer_copies_the_worked_example(gold_report: Report) -> None:
    assert gold_report.copied_example == 0


def test_scoring_is_deterministic(gold_report: Report) -> None:
    again = Report.model_validate_json(to_json(gold_report))
    assert to_json(again) == to_json(gold_report)
