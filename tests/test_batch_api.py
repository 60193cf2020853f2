"""The Batch API path against a provider stub on 127.0.0.1 whose answers are the embedded
model's, recorded in cassettes/quality/gold.json for the synchronous path: a batch line
finds its answer only if its body is the very request the synchronous path sent."""

from __future__ import annotations

import asyncio
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends.local import MODEL_ALIAS
from summarizer.batch import Via, asummarize_many, load_results, summarize_many
from summarizer.batch_api import Limits, Poll, Request, State, build_request, run, split
from summarizer.config import DealMode, Settings
from summarizer.evaluate import load_gold
from summarizer.ingest import Article, article_from_text
from summarizer.llm import answer_from_completion
from summarizer.pipeline import build_prompt
from summarizer.testing import BatchStub, Rejected, batch_stub

from .conftest import CASSETTES, ROOT, client_for

FAST = Poll(first=0.01, factor=1.0, longest=0.01)


def _key(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True)


RECORDED = {
    _key(i["request"]["body"]): i["response"]["body"]["string"]
    for i in json.loads((CASSETTES / "quality" / "gold.json").read_text())["interactions"]
}
ARTICLES = [article_from_text(text, id=gold.id) for gold, text in load_gold(ROOT / "gold")]


def recorded(body: dict[str, Any]) -> dict[str, Any] | Rejected:
    return RECORDED.get(_key(body)) or Rejected(400, "no recorded answer for this request")


def _asked(article: Article) -> bool:
    return build_prompt(article, DealMode.reader).needs_model


ASKED = [a for a in ARTICLES if _asked(a)]  # the articles the reader leaves to the model
SETTLED = [a for a in ARTICLES if not _asked(a)][:3]


def _valid_first_time(article: Article) -> bool:
    """Whether the model's first recorded answer validates (else only a re-ask helped)."""
    prompt = build_prompt(article, DealMode.reader)
    settings = Settings(model=os.environ.get("SUMMARIZER_MODEL", MODEL_ALIAS))
    body = build_request(article, prompt, settings.model or "", settings).line
    answer = recorded(json.loads(body)["body"])
    return isinstance(answer, dict) and (
        answer_from_completion(answer, prompt.response_model()).parsed is not None
    )


CLEAN = [a for a in ASKED if _valid_first_time(a)]


@pytest.fixture
def settings(recorded_model: str, tmp_path: Path) -> Settings:
    return Settings(
        backend="openai",
        openai_api_key="sk-test",
        model=recorded_model,
        deals="reader",
        max_attempts=1,
        cache_file=tmp_path / "cache.sqlite3",
    )


def _via_batch(stub: BatchStub, settings: Settings, results: Path, inputs: list[Article], **kw):
    settings = settings.model_copy(update={"openai_base_url": stub.base_url})
    return summarize_many(
        inputs, settings=settings, results_file=results, via=Via.batch_api, poll=FAST, **kw
    )


def test_a_batch_line_is_the_synchronous_request_and_is_grounded_the_same(
    settings: Settings, tmp_path: Path
) -> None:
    assert len(CLEAN) >= 5, "the gold set should leave some articles to the model"
    with batch_stub(recorded) as stub:
        results = _via_batch(stub, settings, tmp_path / "r.jsonl", ASKED + SETTLED)
        sync = summarize_many(
            ASKED + SETTLED,
            settings=settings.model_copy(update={"openai_base_url": stub.base_url}),
            use_cache=False,
        )
    assert stub.uploads == stub.created == 1
    assert len(stub.request_lines("batch_0")) == len(ASKED)  # the reader settled the rest
    assert {r.batch_id for r in results[: len(ASKED)]} == {"batch_0"}
    for batched, direct in zip(results, sync, strict=True):
        assert direct.summary is not None
        if batched.summary is None:
            # The model's first answer did not validate: the synchronous path re-asked,
            # which a batch cannot do (--retry-failed asks these again synchronously).
            assert "a batch cannot ask again" in (batched.error or "")
            assert direct.summary.provenance.usage.requests > 1
            continue
        assert batched.summary.deals == direct.summary.deals
        assert batched.summary.headline == direct.summary.headline
        assert batched.summary.summary == direct.summary.summary
    assert sum(r.ok for r in results) >= len(results) - 2


def test_batch_answers_cost_half_the_synchronous_price(
    settings: Settings, recorded_model: str, tmp_path: Path
) -> None:
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({recorded_model: {"input": 1.0, "output": 2.0}}))
    priced = settings.model_copy(update={"prices": prices})
    with batch_stub(recorded) as stub:
        [batched] = _via_batch(stub, priced, tmp_path / "r.jsonl", CLEAN[:1])
        [direct] = summarize_many(
            CLEAN[:1],
            settings=priced.model_copy(update={"openai_base_url": stub.base_url}),
            use_cache=False,
        )
    assert batched.summary and direct.summary
    full = direct.summary.provenance.usage.cost_usd
    half = batched.summary.provenance.usage.cost_usd
    assert full and half is not None and abs(half - full / 2) <= Decimal("0.000001")  # rounding


def test_an_interrupted_run_reattaches_to_its_batch_instead_of_paying_twice(
    settings: Settings, tmp_path: Path
) -> None:
    results = tmp_path / "r.jsonl"
    with batch_stub(recorded, polls_to_finish=10_000) as stub:
        live = settings.model_copy(update={"openai_base_url": stub.base_url})

        async def interrupted() -> None:
            await asyncio.wait_for(
                asummarize_many(
                    CLEAN, settings=live, results_file=results, via=Via.batch_api, poll=FAST
                ),
                timeout=1.0,
            )

        with pytest.raises(TimeoutError):
            asyncio.run(interrupted())
        assert stub.created == 1
        state = json.loads((tmp_path / "r.jsonl.batches.json").read_text())
        assert [b["id"] for b in state["batches"]] == ["batch_0"]
        stub.polls_to_finish = 0  # the provider finishes while nobody watches
        again = _via_batch(stub, settings, results, CLEAN, resume=True)
    assert stub.uploads == stub.created == 1  # reattached, not sent again
    assert all(r.ok for r in again)


def test_rejected_and_invalid_lines_become_records_and_retry_failed_asks_synchronously(
    settings: Settings, tmp_path: Path
) -> None:
    rejected, invalid = CLEAN[0], CLEAN[1]

    def faulty(body: dict[str, Any]) -> dict[str, Any] | Rejected:
        text = json.dumps(body, ensure_ascii=False)
        if _snippet(rejected) in text:
            return Rejected(400, "This model does not support batches")
        answer = recorded(body)
        if _snippet(invalid) in text and isinstance(answer, dict):
            broken = json.loads(json.dumps(answer))
            call = broken["choices"][0]["message"]["tool_calls"][0]["function"]
            call["arguments"] = call["arguments"][: len(call["arguments"]) // 2]  # cut short
            return broken
        return answer

    results = tmp_path / "r.jsonl"
    with batch_stub(faulty) as stub:
        first = _via_batch(stub, settings, results, CLEAN[:4])
    errors = {r.id: r.error for r in first if not r.ok}
    assert errors[rejected.id] == (
        "the provider rejected the request (HTTP 400): This model does not support batches"
    )
    assert "a batch cannot ask again" in (errors[invalid.id] or "")
    assert all(r.ok for r in first[2:])
    with batch_stub(recorded) as stub:
        retried = _via_batch(stub, settings, results, CLEAN[:4], retry_failed=True)
    assert stub.created == 0 and len(stub.chat_requests) == 2  # only the two, synchronously
    assert all(r.ok for r in retried)
    assert sum(1 for _ in load_results(results)) == 6  # four, then the two retried


@pytest.mark.parametrize("fate", ["expired", "cancelled", "failed"])
def test_a_batch_that_never_ran_says_why_for_each_article(
    fate: str, settings: Settings, tmp_path: Path
) -> None:
    with batch_stub(recorded, fate=fate) as stub:
        results = _via_batch(stub, settings, tmp_path / "r.jsonl", CLEAN[:2])
    assert not any(r.ok for r in results)
    assert all(fate.rstrip("ed") in (r.error or "") for r in results)


def _snippet(article: Article) -> str:
    """A piece of the article's text that its request body carries verbatim."""
    return max(article.text.splitlines(), key=len)[:40]


def _requests(settings: Settings, count: int) -> list[Request]:
    return [
        build_request(a, build_prompt(a, DealMode.reader), settings.model or "", settings)
        for a in CLEAN[:count]
    ]


def test_inputs_over_the_limits_are_split_into_several_batches(
    settings: Settings, tmp_path: Path
) -> None:
    requests = _requests(settings, 5)
    assert [len(f) for f in split(requests, Limits(requests=2))] == [2, 2, 1]
    largest = max(len(r.line) for r in requests)
    assert all(len(f) == 1 for f in split(requests, Limits(bytes=largest)))
    with batch_stub(recorded) as stub:
        outcomes = asyncio.run(
            run(
                requests,
                client_for(stub.base_url),
                State(tmp_path / "state.json"),
                limits=Limits(requests=2),
                poll=FAST,
            )
        )
    assert stub.created == 3
    assert sorted(outcomes) == sorted(r.custom_id for r in requests)
    assert all(o.completion for o in outcomes.values())


def test_the_batch_api_needs_an_api_and_a_results_file(tmp_path: Path) -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="needs an API backend"):
        summarize_many(CLEAN[:1], settings=Settings(backend="local"), via=Via.batch_api,
                       results_file=tmp_path / "r.jsonl")  # fmt: skip
    with pytest.raises(ConfigError, match="needs a results file"):
        summarize_many(CLEAN[:1], settings=Settings(backend="openai", openai_api_key="k"),
                       via=Via.batch_api)  # fmt: skip


def test_the_cli_runs_a_digest_through_the_batch_api(
    recorded_model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from summarizer.cli import main

    paths = []
    for article in CLEAN[:3]:
        paths.append(tmp_path / f"{article.id}.txt")
        paths[-1].write_text(article.text, encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    runner = CliRunner()
    refused = runner.invoke(main, ["digest", "--via", "batch-api", *map(str, paths)])
    assert refused.exit_code == 2 and "need --results" in refused.output
    with batch_stub(recorded, polls_to_finish=0) as stub:  # done at the first look
        done = runner.invoke(
            main,
            ["digest", "--via", "batch-api", "--results", str(tmp_path / "r.jsonl"),
             "--base-url", stub.base_url, "-m", recorded_model, "--deals", "reader",
             "-o", str(tmp_path / "digest.md"), *map(str, paths)],
        )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "batch batch_0: completed, 3 of 3 done, 0 failed" in done.output
    assert (tmp_path / "digest.md").read_text(encoding="utf-8").startswith("#")


def test_articles_already_in_the_cache_are_not_sent(settings: Settings, tmp_path: Path) -> None:
    with batch_stub(recorded) as stub:
        first = _via_batch(stub, settings, tmp_path / "one.jsonl", CLEAN[:2])
        again = _via_batch(stub, settings, tmp_path / "two.jsonl", CLEAN[:2])
    assert stub.created == 1  # the second run found both answers in the cache
    assert all(r.ok for r in first + again)
    assert all(r.summary and r.summary.provenance.cached for r in again)
