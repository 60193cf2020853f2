"""Batch throughput against a local OpenAI-compatible stub that answers after a fixed delay,
standing in for an API's or a vLLM server's latency: the articles at concurrency 1, 16, 64
and 256, with the tool's own CPU time per article, then the fully cached rerun. Prints
figures; asserts nothing.

    python benchmarks/batch_throughput.py [--articles 256] [--delay 0.2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from summarizer.batch import summarize_many
from summarizer.config import Settings
from summarizer.ingest import article_from_text
from summarizer.testing import stub_server, tool_call

ROOT = Path(__file__).resolve().parent.parent

EMPTY_DRAFT = {"headline": "", "summary": "", "key_points": [], "deals": [], "market_moves": []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=256)
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
        api = {"openai_base_url": stub.base_url, "openai_api_key": "stub", "model": "stub"}
        sequential = None
        for concurrency in (1, 16, 64, 256):
            settings = Settings(**api, concurrency=concurrency)  # the client the CLI makes
            started, cpu = time.perf_counter(), time.process_time()
            results = summarize_many(articles, settings=settings, use_cache=False)
            seconds = time.perf_counter() - started
            rate = len(results) / seconds
            own = (time.process_time() - cpu) / len(results) * 1000  # the stub's threads too
            sequential = sequential or rate
            print(
                f"concurrency {concurrency:>3}: {seconds:6.2f} s, {rate:6.1f} articles/s, "
                f"{rate / sequential:5.1f}x sequential, {own:4.0f} ms CPU per article"
            )
        cache = Path(tmp) / "cache.sqlite3"
        settings = Settings(**api, concurrency=16, cache_file=cache)
        summarize_many(articles, settings=settings)
        stub.requests.clear()
        started = time.perf_counter()
        summarize_many(articles, settings=settings)
        seconds = time.perf_counter() - started
        print(
            f"cached rerun: {seconds:6.2f} s, {len(stub.requests)} model requests, "
            f"{len(articles) / seconds:6.0f} articles/s"
        )


if __name__ == "__main__":
    main()
