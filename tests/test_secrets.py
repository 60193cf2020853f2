"""API keys never leave the process: not in cassettes, output, errors, results, cache or
digest."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from summarizer.cli import main
from summarizer.testing import Reply, stub_server, tool_call

from .conftest import ROOT
from .drafts import ARTICLE, talks_draft

FAKE_KEY = "sk-proj-FAKEtestKEY0123456789abcdefDONOTLEAK"
KEY_LIKE = re.compile(
    r"sk-[A-Za-z0-9_-]{16,}|Bearer\s+\S{8,}|api[_-]?key[\"']?\s*[:=]\s*[\"'][^\"']{6,}",
    re.IGNORECASE,
)


def test_cassettes_hold_no_credentials() -> None:
    cassettes = list((ROOT / "cassettes").rglob("*.json"))
    assert cassettes
    for path in cassettes:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'"authorization"|"api-key"|"openai-organization"', text, re.I), path
        assert not KEY_LIKE.search(text), f"{path}: {KEY_LIKE.search(text)}"


def _run(base_url: str, tmp_path: Path, command: str, *args: str):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return CliRunner().invoke(
        main,
        [command, str(article), "--base-url", base_url, "-m", "gpt-4o-mini", *args],
        env={"OPENAI_API_KEY": FAKE_KEY, "SUMMARIZER_MAX_ATTEMPTS": "2"},
    )


def test_a_failing_server_never_gets_the_key_echoed(tmp_path: Path) -> None:
    # Servers do echo keys in errors ("Incorrect API key provided: sk-...").
    refuse = Reply(401, {"error": {"message": f"Incorrect API key provided: {FAKE_KEY}"}})
    with stub_server([refuse]) as stub:
        result = _run(
            stub.base_url,
            tmp_path,
            "digest",
            "-f",
            "json",
            "--results",
            str(tmp_path / "run.jsonl"),
        )
    assert result.exit_code == 1
    assert "HTTP 401" in result.output
    for where in (result.stdout, result.stderr, (tmp_path / "run.jsonl").read_text()):
        assert FAKE_KEY not in where and "FAKEtestKEY" not in where


def test_a_successful_run_stores_the_key_nowhere(tmp_path: Path, _private_cache: Path) -> None:
    with stub_server([tool_call(talks_draft("bis zu 50 Milliarden US-Dollar"))]) as stub:
        result = _run(stub.base_url, tmp_path, "summarize")
        seen = stub.headers
    assert result.exit_code == 0, result.stderr
    assert any(FAKE_KEY in h for h in seen)  # the key was really used...
    assert FAKE_KEY not in result.output  # ...and is neither printed...
    with sqlite3.connect(_private_cache) as db:  # ...nor cached
        stored = " ".join(row[0] for row in db.execute("SELECT summary FROM summaries"))
    assert stored and FAKE_KEY not in stored
