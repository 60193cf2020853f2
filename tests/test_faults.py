"""Server faults, each against a scripted OpenAI-compatible server on 127.0.0.1: every one
ends, within bounded time, in a success after retries or one line naming the cause, a
non-zero exit and no traceback; in a batch the other articles still complete."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import BackendError, FailureCause, Usage, summarize
from summarizer.cli import main
from summarizer.testing import Reply, stub_server, tool_call

from .drafts import ARTICLE, talks_draft

GOOD = tool_call(talks_draft("bis zu 50 Milliarden US-Dollar"))
ERROR = {"error": {"message": "boom"}}


def cli(base_url: str, tmp_path: Path, *args: str, **env: str) -> Any:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return CliRunner().invoke(
        main,
        ["summarize", str(article), "--base-url", base_url, "-m", "stub", *args],
        env={"SUMMARIZER_MAX_ATTEMPTS": "3", "OPENAI_API_KEY": None, **env},
    )


def one_line_failure(result: Any, cause: str) -> None:
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == f"summarizer: a: {cause}"
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("fault", "cause"),
    [
        (Reply(429, ERROR, {"retry-after": "0"}), "rate limited by the server after 3 attempts"),
        (Reply(500, ERROR), "the model server answered HTTP 500 after 3 attempts"),
        (Reply(503, ERROR), "the model server answered HTTP 503 after 3 attempts"),
        (Reply(reset=True), "could not connect to the model server after 3 attempts"),
        (
            Reply(200, "<html>Bad gateway</html>", {"content-type": "text/html"}),
            "the model server's answer was not a chat completion",
        ),
        (
            Reply(200, "{truncated", {"content-type": "application/json"}),
            "the model server's answer was not valid JSON",
        ),
    ],
    ids=["429", "500", "503", "reset", "html-200", "broken-json-200"],
)
def test_persistent_faults_end_in_one_line(fault: Reply, cause: str, tmp_path: Path) -> None:
    with stub_server([fault]) as stub:
        started = time.monotonic()
        result = cli(stub.base_url, tmp_path)
        elapsed = time.monotonic() - started
    one_line_failure(result, cause)
    assert elapsed < 30


@pytest.mark.parametrize(
    "fault",
    [Reply(429, ERROR, {"retry-after": "0"}), Reply(503, ERROR), Reply(reset=True)],
    ids=["429", "503", "reset"],
)
def test_transient_faults_are_retried_into_a_success(fault: Reply, tmp_path: Path) -> None:
    with stub_server([fault, GOOD]) as stub:
        result = cli(stub.base_url, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert '"up to $50 billion"' in result.stdout
    assert len(stub.requests) == 2


def test_connection_refused(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = cli(f"http://127.0.0.1:{port}/v1", tmp_path)
    one_line_failure(result, "could not connect to the model server after 3 attempts")


def test_a_server_that_never_answers_is_bounded_by_the_timeout(tmp_path: Path) -> None:
    with stub_server([Reply(delay=30)]) as stub:
        started = time.monotonic()
        result = cli(stub.base_url, tmp_path, "--timeout", "0.5", SUMMARIZER_MAX_ATTEMPTS="2")
        elapsed = time.monotonic() - started
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "summarizer: a: the model server did not answer within 0.5 s (after 2 attempts)"
    )
    assert elapsed < 10


def test_an_answer_cut_off_at_max_tokens(tmp_path: Path) -> None:
    cut = tool_call(talks_draft("bis zu 50 Milliarden US-Dollar"), finish_reason="length")
    with stub_server([cut]) as stub:
        result = cli(stub.base_url, tmp_path)
    one_line_failure(result, "the model's answer was cut off at the token limit")
    assert len(stub.requests) == 1  # the same request would be cut off again


def test_an_answer_that_never_validates_keeps_only_what_the_article_supports(
    tmp_path: Path,
) -> None:
    invented = tool_call(talks_draft("rund 60 Milliarden US-Dollar"))
    with stub_server([invented]) as stub:
        result = cli(stub.base_url, tmp_path)
    assert result.exit_code == 0 and "60" not in result.stdout.split('"warnings"')[0]
    assert "failed validation" in result.stdout


def test_in_a_batch_the_other_articles_complete(tmp_path: Path) -> None:
    def route(request: dict[str, Any]) -> Reply:
        text = str(request["messages"])
        return Reply(reset=True) if "Zaikio" in text else GOOD

    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Heidelberger übernimmt Zaikio für 2 Millionen Euro.")
    with stub_server(route) as stub:
        result = CliRunner().invoke(
            main,
            ["digest", str(tmp_path), "--base-url", stub.base_url, "-m", "stub", "-f", "json"],
            env={"SUMMARIZER_MAX_ATTEMPTS": "2", "OPENAI_API_KEY": None},
        )
    assert result.exit_code == 1
    assert '"up to $50 billion"' in result.stdout
    assert "could not connect to the model server after 2 attempts" in result.stdout


@pytest.mark.parametrize(
    ("fault", "cause", "attempts"),
    [
        (Reply(429, ERROR, {"retry-after": "0"}), FailureCause.rate_limited, 3),
        (Reply(500, ERROR), FailureCause.server_error, 3),
        (Reply(reset=True), FailureCause.connection, 3),
        (
            Reply(200, "<html>Bad gateway</html>", {"content-type": "text/html"}),
            FailureCause.not_a_completion,
            1,
        ),
        (
            tool_call(talks_draft("bis zu 50 Milliarden US-Dollar"), finish_reason="length"),
            FailureCause.cut_off,
            1,
        ),
    ],
    ids=["429", "500", "reset", "html-200", "cut-off"],
)
def test_a_library_user_can_branch_on_the_cause(
    fault: Reply, cause: FailureCause, attempts: int
) -> None:
    with stub_server([fault]) as stub, pytest.raises(BackendError) as caught:
        summarize(ARTICLE, openai_base_url=stub.base_url, model="stub", max_attempts=3)
    assert caught.value.cause is cause and caught.value.attempts == attempts
    assert caught.value.usage is None or isinstance(caught.value.usage, Usage)
