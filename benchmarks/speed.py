"""The embedded path's speed targets, measured for this checkout and for a baseline commit
in the same run, so each row is a ratio as well as seconds on this machine.

    python benchmarks/speed.py                 # this checkout against 57ac17f
    python benchmarks/speed.py --baseline REF --articles 25

The baseline is checked out with `git worktree` into a temporary directory and run from
there with this venv's packages. Every command runs with the summary cache off
(`--no-cache` and a private cache file), so no row measures the cache. Peak RSS is the
largest process of each command's tree (the embedded server), read from the kernel's
accounting when the command ends. Prints a Markdown table; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples").glob("*.txt"))
DEFAULT_BASELINE = "57ac17f"  # main when the speed issue was filed

# Runs inside the revision under test: the server started once, then each seed timed.
WARM = """
import asyncio, sys, time
from summarizer.backends import open_backend
from summarizer.config import BackendName, Settings
from summarizer.ingest import article_from_text
from summarizer.pipeline import summarize_article

async def main():
    settings = Settings(backend=BackendName.local)
    async with open_backend(settings) as backend:
        for path in sys.argv[1:]:
            article = article_from_text(open(path, encoding="utf-8").read())
            started = time.perf_counter()
            summary = await summarize_article(article, backend, settings)
            print(time.perf_counter() - started, summary.provenance.usage.requests)

asyncio.run(main())
"""


def corpus_articles(count: int) -> list[Path]:
    """The first `count` corpus articles of 150-750 words, in name order."""
    paths = sorted((ROOT / "corpus").rglob("*.txt"))
    fitting = [p for p in paths if 150 <= len(p.read_text(encoding="utf-8").split()) <= 750]
    return fitting[:count]


@contextmanager
def checkout(ref: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref],
            check=True,
            capture_output=True,
        )
        try:
            yield tree
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=True,
                capture_output=True,
            )


def run(tree: Path, *args: str) -> tuple[float, int, str]:
    """Seconds, peak RSS in MiB of the command's largest process, and its stdout."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "PYTHONPATH": str(tree),
            "SUMMARIZER_CACHE_FILE": str(Path(tmp) / "cache.sqlite3"),
        }
        for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
            env.pop(name, None)  # the embedded backend, always
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, *args], cwd=tree, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        stdout = process.stdout.read() if process.stdout else ""
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed in {tree}")
    return seconds, usage.ru_maxrss // 1024, stdout


def median_seconds(tree: Path, *args: str, repeat: int = 5) -> float:
    return statistics.median(run(tree, *args)[0] for _ in range(repeat))


def measure(tree: Path, articles: list[Path]) -> dict[str, tuple[float, str]]:
    """Each row: seconds, and a note (requests made, peak memory)."""
    rows: dict[str, tuple[float, str]] = {}
    loaded = run(tree, "-c", "import sys, summarizer; print('openai' in sys.modules)")[2]
    rows["`import summarizer`"] = (
        median_seconds(tree, "-c", "import summarizer"),
        "imports openai" if loaded.strip() == "True" else "openai not imported",
    )
    rows["`summarizer --help`"] = (median_seconds(tree, "-m", "summarizer", "--help"), "")
    _, peak, out = run(tree, "-c", WARM, *map(str, SEEDS))
    for path, line in zip(SEEDS, out.splitlines(), strict=True):
        seconds, requests = line.split()
        rows[f"{path.stem}, warm"] = (float(seconds), f"{requests} model requests")
    for path in SEEDS:
        seconds, peak_cli, _ = run(tree, "-m", "summarizer", "summarize", "--no-cache", str(path))
        rows[f"{path.stem}, CLI cold"] = (seconds, f"peak RSS {peak_cli} MiB")
        peak = max(peak, peak_cli)
    with tempfile.TemporaryDirectory() as tmp:
        digest = [
            "-m", "summarizer", "digest", "--no-cache", "-o", f"{tmp}/digest.md",
            *map(str, articles),
        ]  # fmt: skip
        seconds, peak_digest, _ = run(tree, *digest)
    rows[f"digest of {len(articles)} articles"] = (seconds, f"peak RSS {peak_digest} MiB")
    rows["peak RSS, any command"] = (float("nan"), f"{max(peak, peak_digest)} MiB")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    parser.add_argument("--articles", type=int, default=25)
    options = parser.parse_args()
    articles = corpus_articles(options.articles)
    words = [len(p.read_text(encoding="utf-8").split()) for p in articles]
    print(f"{len(articles)} articles, {min(words)}-{max(words)} words; {os.cpu_count()} cores")
    now = measure(ROOT, articles)
    with checkout(options.baseline) as tree:
        before = measure(tree, articles)
    print(f"\n| | {options.baseline} | this checkout | ratio |\n| --- | --- | --- | --- |")
    for row, (seconds, note) in now.items():
        old_seconds, old_note = before[row]
        if seconds != seconds:  # nan: a row with a note only
            print(f"| {row} | {old_note} | {note} | |")
            continue
        print(
            f"| {row} | {old_seconds:.2f} s {old_note} | {seconds:.2f} s {note} "
            f"| {old_seconds / seconds:.1f}x faster |"
        )


if __name__ == "__main__":
    main()
