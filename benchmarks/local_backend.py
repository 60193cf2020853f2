"""Speed, tokens and memory of the embedded backend on the two seed articles.

    python benchmarks/local_backend.py

Prints figures; asserts nothing. Needs the `local` extra. The CLI runs with --no-cache, so
no row measures the summary cache. Peak RSS of the server is read from the kernel's
accounting of finished children, so it covers the whole run. `SUMMARIZER_DEALS=choose`
measures the mode in which the model chooses the main deal.
"""

from __future__ import annotations

import asyncio
import resource
import subprocess
import sys
import time
from pathlib import Path

from summarizer.backends import open_backend
from summarizer.config import BackendName, Settings
from summarizer.ingest import article_from_text
from summarizer.pipeline import summarize_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples").glob("*.txt"))


async def in_process() -> None:
    settings = Settings(backend=BackendName.local)
    started = time.perf_counter()
    async with open_backend(settings) as backend:
        print(f"server start: {time.perf_counter() - started:.1f} s")
        for path in SEEDS:
            summary = await summarize_article(
                article_from_text(path.read_text(encoding="utf-8")), backend, settings
            )
            usage, seconds = summary.provenance.usage, summary.provenance.latency_seconds
            print(
                f"{path.name}: {seconds:.2f} s, {usage.requests} model requests, "
                f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens"
            )


def cli_wall_time(path: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "summarizer", "summarize", "--no-cache", str(path)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    asyncio.run(in_process())
    for path in SEEDS:
        seconds = cli_wall_time(path)
        print(f"CLI, {path.name}, cache off, including server start: {seconds:.1f} s")
    server_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    own_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: server {server_kib / 1024:.0f} MiB, client {own_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
