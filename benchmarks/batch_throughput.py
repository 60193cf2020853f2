"""Batch throughput against a local OpenAI-compatible stub that answers after a fixed delay,
standing in for an API's latency: 100 articles at concurrency 1, 4 and 16, then the fully
cached rerun. Prints figures; asserts nothing.

    python benchmarks/batch_throughput.py [--articles 100] [--delay 0.2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import openai

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the stub server, which lives with the tests

from summarizer.batch import summarize_many  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.ingest import article_from_text  # noqa: E402
from tests.stub_server import stub_server, tool_call  # noqa: E402

EMPTY_DRAFT = {"headline": "", "summary": "", "key_points": [], "deals": [], "market_moves": []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--delay", type=float, default=0.2, help="seconds per answer")
    args = parser.parse_args()
    texts = sorted((ROOT / "corpus").glob("*.txt"))
    articles = [
        article_from_text(
            texts[n % len(texts)].read_text(encoding="utf-8") + f"\n(Kopie {n})", id=f"a{n}"
        )
        for n in range(args.articles)
    ]
    reply = tool_call(EMPTY_DRAFT)
    reply.delay = args.delay
    print(f"{args.articles} articles, stub answering after {args.delay * 1000:.0f} ms")
    with stub_server([reply]) as stub, tempfile.TemporaryDirectory() as tmp:
        client = openai.AsyncOpenAI(base_url=stub.base_url, api_key="stub", max_retries=0)
        sequential = None
        for concurrency in (1, 4, 16):
            settings = Settings(model="stub", concurrency=concurrency)
            started = time.perf_counter()
            results = summarize_many(articles, client=client, settings=settings, use_cache=False)
            seconds = time.perf_counter() - started
            rate = len(results) / seconds
            sequential = sequential or rate
            print(
                f"concurrency {concurrency:>2}: {seconds:6.2f} s, {rate:6.1f} articles/s, "
                f"{rate / sequential:4.1f}x sequential"
            )
        cache = Path(tmp) / "cache.sqlite3"
        settings = Settings(model="stub", concurrency=16, cache_file=cache)
        summarize_many(articles, client=client, settings=settings)
        stub.requests.clear()
        started = time.perf_counter()
        summarize_many(articles, client=client, settings=settings)
        seconds = time.perf_counter() - started
        print(
            f"cached rerun: {seconds:6.2f} s, {len(stub.requests)} model requests, "
            f"{len(articles) / seconds:6.0f} articles/s"
        )


if __name__ == "__main__":
    main()
