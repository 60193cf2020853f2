"""What needs no model loads no model client and starts no server: the seeds, which the
deal reader settles alone, and every command's --help."""

from __future__ import annotations

import subprocess
import sys

from summarizer import summarize
from summarizer.batch import summarize_many
from summarizer.config import Settings
from summarizer.ingest import article_from_text

from .conftest import ROOT

SEED = (ROOT / "examples" / "amazon-openai-50bn-talks.txt").read_text(encoding="utf-8")
NOWHERE = "http://127.0.0.1:1/v1"  # refuses every connection: a request would fail


def test_importing_the_package_and_the_cli_loads_no_model_client() -> None:
    code = (
        "import sys, summarizer, summarizer.cli, summarizer.batch\n"
        "heavy = {'openai', 'instructor', 'httpx2', 'trafilatura', 'jinja2', 'rich'}\n"
        "print(sorted(heavy & set(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert loaded.strip() == "[]"


def test_an_article_the_reader_settles_never_opens_the_backend() -> None:
    """The backend here cannot answer; the seed still comes back whole, marked as read by
    the embedded path's deal reader, with no cost."""
    summary = summarize(SEED, backend="openai", openai_base_url=NOWHERE, deals="reader")
    assert [deal.kind.value for deal in summary.deals][:1] == ["investment"]
    assert summary.provenance.usage.cost_usd == 0


def test_a_batch_opens_the_backend_only_for_the_article_that_needs_it() -> None:
    """One reader-settled article and one with no deal: only the second asks the model,
    so only it fails against a backend that refuses connections."""
    settings = Settings(backend="openai", openai_base_url=NOWHERE, deals="reader", max_attempts=1)
    deal = article_from_text(SEED, id="seed")
    other = article_from_text("Das Wetter in Berlin war am Montag sonnig und warm.", id="w")
    results = summarize_many([deal, other], settings=settings, use_cache=False)
    assert [r.ok for r in results] == [True, False]
    assert "connect" in (results[1].error or "").lower()
