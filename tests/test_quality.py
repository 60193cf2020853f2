"""The whole gold set through the embedded model (replayed), scored by the harness.

These are the figures in the README's quality section; the tests pin the promises that do
not depend on how good the model is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from summarizer.backends import wrap
from summarizer.config import Settings
from summarizer.evaluate import Report, evaluate, to_json

from .conftest import ROOT, client_for

pytestmark = pytest.mark.cassette


def _run_gold(
    cassette: Callable[[str], AbstractContextManager], base_url: str, model: str
) -> Report:
    settings = Settings(model=model)
    backend = wrap(client_for(base_url), settings, name="local", model=model)
    with cassette("quality/gold.json"):
        return asyncio.run(evaluate(ROOT / "gold", backend, settings))


@pytest.fixture(scope="module")
def gold_report(cassette, model_base_url: str, recorded_model: str) -> Report:
    return _run_gold(cassette, model_base_url, recorded_model)


def test_every_gold_article_is_summarized(gold_report: Report) -> None:
    assert gold_report.failed == {}
    assert gold_report.articles == len(list((ROOT / "gold").glob("*.json"))) - 1  # splits.json


def test_no_output_figure_is_one_the_article_does_not_state(gold_report: Report) -> None:
    assert gold_report.unstated_figure_share == 0


def test_no_answer_copies_the_worked_example(gold_report: Report) -> None:
    assert gold_report.copied_example == 0


def test_scoring_is_deterministic(
    gold_report: Report,
    cassette,
    model_base_url: str,
    recorded_model: str,
    pytestconfig: pytest.Config,
) -> None:
    """The same model answers, grounded and scored again, give the same report."""
    if pytestconfig.getoption("--record-mode") != "none":
        pytest.skip("recording: a second live run may answer differently")
    again = _run_gold(cassette, model_base_url, recorded_model)
    assert to_json(again) == to_json(gold_report)
