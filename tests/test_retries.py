"""Re-asks, server-fault retries and token accounting, against a scripted stub server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openai
import pytest

from summarizer import summarize
from summarizer.testing import Reply, stub_server, tool_call

from .drafts import ARTICLE, talks_draft


def _summarize(base_url: str, **settings: Any):
    client = openai.AsyncOpenAI(base_url=base_url, api_key="stub", max_retries=0)
    return summarize(ARTICLE, client=client, model="stub", **settings)


def test_an_invented_figure_is_re_asked_and_every_attempt_is_counted() -> None:
    invented = tool_call(talks_draft("rund 60 Milliarden US-Dollar"), prompt_tokens=100)
    corrected = tool_call(talks_draft("bis zu 50 Milliarden US-Dollar"), prompt_tokens=150)
    with stub_server([invented, corrected]) as stub:
        summary = _summarize(stub.base_url)
    assert len(stub.requests) == 2
    # The re-ask tells the model what was wrong with its first answer.
    assert "rund 60 Milliarden" in str(stub.requests[1]["messages"])
    assert summary.deals[0].amount is not None
    assert summary.deals[0].amount.english == "up to $50 billion"
    usage = summary.provenance.usage
    assert (usage.requests, usage.prompt_tokens, usage.completion_tokens) == (2, 250, 40)


def test_a_figure_still_invented_after_the_re_asks_is_dropped_not_kept() -> None:
    with stub_server([tool_call(talks_draft("rund 60 Milliarden US-Dollar"))]) as stub:
        summary = _summarize(stub.base_url, max_reasks=2)
    assert len(stub.requests) == 3
    assert summary.deals[0].amount is None
    assert "60" not in summary.model_dump_json(exclude={"warnings", "provenance"})
    assert any("failed validation" in w for w in summary.warnings)
    assert any("not found in the article" in w for w in summary.warnings)
    assert summary.provenance.usage.requests == 3


def test_rate_limits_are_retried_honouring_retry_after() -> None:
    limited = Reply(429, {"error": {"message": "slow down"}}, {"retry-after": "0.2"})
    ok = tool_call(talks_draft("bis zu 50 Milliarden US-Dollar"))
    with stub_server([limited, ok]) as stub:
        summary = _summarize(stub.base_url)
    assert len(stub.requests) == 2
    assert summary.deals[0].amount is not None
    assert summary.provenance.usage.requests == 1  # the 429 carried no answer


def test_cli_names_the_cause_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from summarizer.cli import main

    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_MAX_ATTEMPTS", "2")
    with stub_server([Reply(500, {"error": {"message": "boom"}})]) as stub:
        result = CliRunner().invoke(main, ["summarize", str(article), "--base-url", stub.base_url])
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "summarizer: a: the model server answered HTTP 500 after 2 attempts"
    assert not any("attempt 1" in line or "Traceback" in line for line in lines)
    assert len(stub.requests) == 2
