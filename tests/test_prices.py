"""The true cost of a run: every attempt's tokens, priced where the model's price is known."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openai
import pytest

from summarizer import summarize
from summarizer.errors import ConfigError
from summarizer.models import Usage
from summarizer.prices import estimate, load_prices
from summarizer.testing import Reply, stub_server, tool_call

from .drafts import ARTICLE, talks_draft


def test_known_models_are_priced_unknown_ones_are_not_guessed() -> None:
    usage = Usage(prompt_tokens=1_000_000, completion_tokens=500_000, total_tokens=1_500_000)
    table = load_prices(None)
    assert estimate(usage, "gpt-4o-mini", table) == Decimal("0.450000")
    assert estimate(usage, "my-own-model", table) is None
    assert estimate(usage, "anything", table, free=True) == 0


def test_users_extend_and_correct_the_table(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text(
        json.dumps(
            {
                "my-own-model": {"input": 1, "output": 2},
                "gpt-4o-mini": {"input": 0.1, "output": 0.1},
            }
        )
    )
    table = load_prices(path)
    usage = Usage(prompt_tokens=2_000_000, completion_tokens=1_000_000)
    assert estimate(usage, "my-own-model", table) == Decimal("4.000000")
    assert estimate(usage, "gpt-4o-mini", table) == Decimal("0.300000")
    path.with_name("bad.json").write_text('{"m": {"in": 1}}')
    with pytest.raises(ConfigError, match="not a price table"):
        load_prices(path.with_name("bad.json"))


def test_re_asked_and_failed_attempts_are_paid_for() -> None:
    """An invented figure (re-asked) and a server fault after it: both responses that came
    back are counted and priced, not just the last one."""
    invented = tool_call(
        talks_draft("rund 60 Milliarden US-Dollar"), prompt_tokens=1000, completion_tokens=100
    )
    good = tool_call(
        talks_draft("bis zu 50 Milliarden US-Dollar"), prompt_tokens=1200, completion_tokens=100
    )
    with stub_server([invented, Reply(503, {"error": {"message": "busy"}}), good]) as stub:
        client = openai.AsyncOpenAI(base_url=stub.base_url, api_key="x", max_retries=0)
        summary = summarize(ARTICLE, client=client, model="gpt-4o-mini")
    usage = summary.provenance.usage
    assert len(stub.requests) == 3
    assert (usage.requests, usage.prompt_tokens, usage.completion_tokens) == (2, 2200, 200)
    assert usage.cost_usd == Decimal("0.000450")  # 2200 * 0.15 + 200 * 0.60 per million
