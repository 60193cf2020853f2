"""The newsletter workflow end to end against a scripted OpenAI-compatible server: every
input ends as a result or an error record, the cache and the results file make reruns
free, and `summarizer digest` writes the digest even when some articles fail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openai
import pytest
from click.testing import CliRunner

from summarizer.backends import identify
from summarizer.batch import load_results, summarize_many
from summarizer.cache import Cache, cache_key
from summarizer.cli import main
from summarizer.config import Settings
from summarizer.ingest import article_from_text
from summarizer.testing import Reply, stub_server, tool_call

from .drafts import gold_articles, router

IDS = (
    "amazon-openai-500bn-valuation",
    "amazon-openai-50bn-talks",
    "wikinews-2028",
    "wikinews-22916",
)
ARTICLES = gold_articles(*IDS)
FAULT = Reply(500, {"error": {"message": "boom"}})


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """The four articles as files, plus one that cannot be read."""
    paths = []
    for article_id, (text, _) in ARTICLES.items():
        path = tmp_path / "in" / f"{article_id}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    (tmp_path / "in" / "zz-binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    return [str(tmp_path / "in")]


def run(base_url: str, inputs: list[Any], **options: Any):
    client = openai.AsyncOpenAI(base_url=base_url, api_key="stub", max_retries=0)
    settings = Settings(model="stub", max_attempts=2, **options.pop("settings", {}))
    return summarize_many(inputs, client=client, settings=settings, **options)


def test_every_input_ends_as_a_result_or_an_error_record(inputs: list[str], tmp_path: Path):
    results_file = tmp_path / "results.jsonl"
    with stub_server(router(ARTICLES, **{"wikinews-22916": FAULT})) as stub:
        results = run(stub.base_url, inputs, results_file=results_file, settings={"concurrency": 3})
    assert [r.id for r in results] == [*IDS, str(Path(inputs[0]) / "zz-binary.txt")]
    assert [r.ok for r in results] == [True, True, True, False, False]
    assert results[3].error == "the model server answered HTTP 500 after 2 attempts"
    assert results[3].usage is not None and results[3].usage.requests == 0
    assert results[4].error == "looks like a binary file, not text"
    # Every outcome is on disk, one line each, as it finished.
    assert sorted(r.id for r in load_results(results_file)) == sorted(r.id for r in results)
    assert stub.max_in_flight <= 3


def test_concurrency_is_bounded_and_used(inputs: list[str]) -> None:
    def slow(request: dict[str, Any]) -> Reply:
        reply = router(ARTICLES)(request)
        reply.delay = 0.3
        return reply

    for concurrency, expected in ((1, 1), (4, 4)):
        with stub_server(slow) as stub:
            run(stub.base_url, inputs, use_cache=False, settings={"concurrency": concurrency})
        assert stub.max_in_flight == expected


def test_a_rerun_is_served_from_the_cache_and_no_cache_bypasses_it(inputs: list[str]):
    with stub_server(router(ARTICLES)) as stub:  # one server: its URL is in the cache key
        first = run(stub.base_url, inputs)
        assert len(stub.requests) == 4
        stub.requests.clear()
        again = run(stub.base_url, inputs)
        assert stub.requests == []  # zero model calls
        run(stub.base_url, inputs, use_cache=False)
        assert len(stub.requests) == 4
    assert all(r.summary.provenance.cached for r in again if r.summary)
    assert [r.summary.deals for r in again if r.summary] == [
        r.summary.deals for r in first if r.summary
    ]


def test_the_cache_key_changes_with_what_changes_the_answer() -> None:
    article = article_from_text("Kalvion übernimmt Fibrotex.")
    settings = Settings(backend="local")
    key = cache_key(article, identify(settings), settings)
    other_model = Settings(backend="local", model="other")
    assert key != cache_key(article, identify(other_model), other_model)
    hotter = Settings(backend="local", temperature=0.7)
    assert key != cache_key(article, identify(hotter), hotter)
    api = Settings(backend="openai", openai_base_url="http://127.0.0.1:1/v1")
    assert key != cache_key(article, identify(api), api)
    edited = article_from_text("Kalvion übernimmt Fibrotex komplett.")
    assert key != cache_key(edited, identify(settings), settings)


def test_a_fully_cached_run_starts_no_model_at_all(_private_cache: Path) -> None:
    """With every answer cached, not even the embedded server is started (the local
    backend here would need the model; a cache hit never asks for it)."""
    settings = Settings(backend="local", cache_file=_private_cache)
    article = article_from_text(ARTICLES["wikinews-2028"][0], id="w")
    with stub_server(router(ARTICLES)) as stub:
        [stored] = run(stub.base_url, [article])
    cache = Cache(_private_cache)
    cache.put(cache_key(article, identify(settings), settings), stored.summary)
    cache.close()
    [again] = summarize_many([article], settings=settings)
    assert again.ok and again.summary.provenance.cached  # type: ignore[union-attr]


def test_resume_skips_finished_articles_and_retries_failed_ones(
    inputs: list[str], tmp_path: Path
) -> None:
    results_file = tmp_path / "results.jsonl"
    with stub_server(router(ARTICLES, **{"wikinews-22916": FAULT})) as stub:
        run(stub.base_url, inputs, results_file=results_file, use_cache=False)
    with stub_server(router(ARTICLES)) as stub:
        results = run(
            stub.base_url, inputs, results_file=results_file, resume=True, use_cache=False
        )
    assert len(stub.requests) == 1  # only the article that failed
    assert [r.ok for r in results] == [True, True, True, True, False]
    # A line cut off by a crash does not stop the next resume.
    with results_file.open("a") as f:
        f.write('{"id": "half-writ')
    assert len(load_results(results_file)) == 5 + 2  # first run, then the two redone


def _digest(base_url: str, *args: str) -> Any:
    return CliRunner().invoke(
        main,
        ["digest", *args, "--base-url", base_url, "-m", "stub"],
        env={"SUMMARIZER_MAX_ATTEMPTS": "1", "OPENAI_API_KEY": None},
    )


def test_cli_digest_writes_the_digest_and_exits_1_when_some_failed(
    inputs: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "digest.json"
    with stub_server(router(ARTICLES, **{"wikinews-22916": FAULT})) as stub:
        result = _digest(stub.base_url, *inputs, "-f", "json", "-o", str(out))
    assert result.exit_code == 1, result.stderr
    digest = json.loads(out.read_text())
    assert set(digest) >= {"stories", "failed", "usage"}
    seeds = digest["stories"][0]
    assert {a["id"] for a in seeds["articles"]} == set(IDS[:2])
    assert {c["field"] for c in seeds["conflicts"]} == {"amount", "valuation"}
    assert {f["id"] for f in digest["failed"]} == {"wikinews-22916", inputs[0] + "/zz-binary.txt"}
    lines = result.stderr.splitlines()
    cause = "wikinews-22916: the model server answered HTTP 500 after 1 attempt"
    assert any(line.endswith(cause) for line in lines)
    assert lines[-2].startswith("summarizer: 5 articles: 3 summarized (0 cached), 2 failed;")
    assert "Traceback" not in result.output


def test_cli_digest_exit_codes(inputs: list[str], tmp_path: Path) -> None:
    text = ARTICLES["wikinews-2028"][0]
    single = tmp_path / "one.txt"
    single.write_text(text, encoding="utf-8")
    with stub_server(router(ARTICLES)) as stub:
        ok = _digest(stub.base_url, str(single), "-f", "markdown")
        html = _digest(stub.base_url, str(single), "-f", "html")
    assert ok.exit_code == 0 and ok.stdout.startswith("# Deal digest: 1 story from 1 article")
    assert html.exit_code == 0 and "<!DOCTYPE html>" in html.stdout
    assert _digest("http://127.0.0.1:9/v1", str(single), "--resume").exit_code == 2
    assert _digest("http://127.0.0.1:9/v1", str(single), "-f", "pdf").exit_code == 2
    assert _digest("http://127.0.0.1:9/v1", str(single), "--concurrency", "0").exit_code == 2


def test_a_high_concurrency_server_sees_every_article_in_flight(tmp_path: Path) -> None:
    """-j far above the API default against a vLLM-style server: all 64 requests are in
    flight at once through the client the CLI makes (its pool keeps up)."""
    text = "Die Wetterlage in Berlin bleibt ruhig, meldete der Deutsche Wetterdienst."
    articles = [article_from_text(f"{text} ({n})", id=f"w{n}") for n in range(64)]
    draft = {"headline": "", "summary": "", "key_points": [], "deals": [], "market_moves": []}
    reply = tool_call(draft)
    reply.delay = 3.0  # long enough for all 64 to be read and sent before the first answer
    with stub_server([reply]) as stub:
        settings = Settings(
            backend="openai", openai_base_url=stub.base_url, openai_api_key="k",
            model="stub", concurrency=64,
        )  # fmt: skip
        results = summarize_many(articles, settings=settings, use_cache=False)
    assert all(r.ok for r in results), {r.error for r in results}
    assert stub.max_in_flight == 64
