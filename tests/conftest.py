"""Shared test setup: offline cassette replay by default, one command to re-record.

Replay (the default, from pyproject's addopts): `pytest`. Requests are matched on method,
path and JSON body, so the host and port of the server that was recorded do not matter.

Re-record against the embedded model (starts it on 127.0.0.1 for the session):
    pytest --record-mode=rewrite -m cassette
Re-record against any OpenAI-compatible server instead:
    SUMMARIZER_RECORD_BASE_URL=https://api.openai.com/v1 OPENAI_API_KEY=... \
        SUMMARIZER_MODEL=gpt-4o-mini pytest --record-mode=rewrite -m cassette
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
import vcr
from hypothesis import settings

# Hypothesis runs derandomized: the examples are a function of the test, so a run passes or
# fails the same way every time, in CI and for every user. The search for new examples
# happens on purpose, not by chance: `pytest --hypothesis-profile=thorough` draws fresh,
# many more examples (and keeps what fails in .hypothesis/ for the next run).
settings.register_profile(
    "deterministic", max_examples=300, derandomize=True, deadline=None, database=None
)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile("deterministic")

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
# Headers that may carry credentials or identify an account: never written to a cassette.
SECRET_HEADERS = (
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
    "x-request-id",
)
_REPLAY_URL = "http://127.0.0.1:9/v1"  # never contacted: cassettes answer every request


def _decode(body: Any) -> Any:
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    try:
        return json.loads(body) if body else body
    except (TypeError, ValueError):
        return body


class ReadableJSON:
    """Cassettes as JSON with decoded JSON bodies, so a reviewer can read what the model
    was asked and what it answered."""

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        for interaction in cassette["interactions"]:
            interaction["request"]["body"] = _decode(interaction["request"]["body"])
            response_body = interaction["response"]["body"]
            response_body["string"] = _decode(response_body["string"])
        return json.dumps(cassette, indent=2, ensure_ascii=False, sort_keys=True) + "\n"

    @staticmethod
    def deserialize(text: str) -> dict[str, Any]:
        cassette = json.loads(text)
        for interaction in cassette["interactions"]:
            for body, key in (
                (interaction["request"], "body"),
                (interaction["response"]["body"], "string"),
            ):
                if not isinstance(body[key], str | None):
                    body[key] = json.dumps(body[key])
        return cassette


def _json_body(r1: Any, r2: Any) -> None:
    assert _decode(r1.body) == _decode(r2.body), "request bodies differ"


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


VCR_CONFIG: dict[str, Any] = {
    "serializer": "readable_json",
    "match_on": ["method", "path", "json_body"],
    "filter_headers": list(SECRET_HEADERS),
    "before_record_response": _scrub_response,
    "decode_compressed_response": True,
}


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_serializer("readable_json", ReadableJSON)
    vcr.register_matcher("json_body", _json_body)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return VCR_CONFIG


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.removeprefix("tests.").removeprefix("test_"))


@pytest.fixture(scope="session")
def cassette(request: pytest.FixtureRequest) -> Callable[[str], contextlib.AbstractContextManager]:
    """Open cassettes/NAME with the same settings, for calls shared by several tests."""
    mode = request.config.getoption("--record-mode")
    # pytest-recording's "rewrite" (drop the old recording, record anew) is not vcrpy's.
    recorder = vcr.VCR(**VCR_CONFIG, record_mode="all" if mode == "rewrite" else mode)
    recorder.register_serializer("readable_json", ReadableJSON)
    recorder.register_matcher("json_body", _json_body)

    def use(name: str) -> contextlib.AbstractContextManager:
        path = CASSETTES / name
        if mode == "rewrite":
            path.unlink(missing_ok=True)
        return recorder.use_cassette(str(path))

    return use


@pytest.fixture(scope="session")
def model_base_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """Where cassette tests send requests: nowhere real on replay; a real server when
    recording (SUMMARIZER_RECORD_BASE_URL, or the embedded model started here)."""
    if request.config.getoption("--record-mode") == "none":
        yield _REPLAY_URL
    elif os.environ.get("SUMMARIZER_RECORD_BASE_URL"):
        yield os.environ["SUMMARIZER_RECORD_BASE_URL"]
    else:
        from summarizer.backends.local import local_server

        with local_server() as base_url:
            yield base_url


def client_for(base_url: str) -> openai.AsyncOpenAI:
    """The client cassette tests inject into the public API. A real key is used only when
    recording against a real API, and the Authorization header is never recorded."""
    key = os.environ.get("OPENAI_API_KEY", "no-key") if base_url != _REPLAY_URL else "no-key"
    return openai.AsyncOpenAI(base_url=base_url, api_key=key, max_retries=0)


@pytest.fixture
def model_client(model_base_url: str) -> openai.AsyncOpenAI:
    return client_for(model_base_url)


@pytest.fixture(scope="session")
def recorded_model() -> str:
    """The model the cassettes were recorded with: the embedded one unless re-recorded."""
    from summarizer.backends.local import MODEL_ALIAS

    return os.environ.get("SUMMARIZER_MODEL", MODEL_ALIAS)


# --- tests that need a tool from outside Python -----------------------------------------------

IN_CI = os.environ.get("CI") == "true"
_REQUIRED_GROUPS = {"live": "live (embedded model)", "browser": "browser (headless Chromium)"}
_outcomes: dict[str, list[str]] = {group: [] for group in _REQUIRED_GROUPS}


def skip_unless(available: bool, reason: str) -> None:
    """Skip a test (or, at module level, a module) whose tool is missing, saying why; under
    CI=true fail instead: .ci/run installs every tool, so a skip there is a broken CI."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for group in _REQUIRED_GROUPS:
        if group in report.keywords and (report.when == "call" or report.outcome != "passed"):
            _outcomes[group].append(report.outcome)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line per tool-dependent group, so a CI log shows that they ran, not only that
    nothing failed."""
    for group, label in _REQUIRED_GROUPS.items():
        outcomes = _outcomes[group]
        counts = ", ".join(f"{outcomes.count(o)} {o}" for o in sorted(set(outcomes)))
        terminalreporter.write_line(f"{label} tests: {counts or 'none collected'}")


def read_example(name: str) -> str:
    return (ROOT / "examples" / name).read_text(encoding="utf-8")


def draft_deal(**fields: Any) -> dict[str, Any]:
    """A deal as the model's draft states it, with nothing chosen unless given."""
    return {
        "kind": "investment",
        "status": "rumored",
        "buyers": [],
        "targets": [],
        "sellers": [],
        "amount": None,
        "valuation": None,
        "stake": None,
        "price_per_share": None,
        "reported_by": [],
        **fields,
    }


def provenance_for(article: Any) -> Any:
    from summarizer.models import Provenance, Usage

    return Provenance(
        backend="test",
        model="test",
        prompt_version="test",
        usage=Usage(),
        latency_seconds=0,
        input_sha256=article.sha256,
    )


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own summary cache: none reads the user's, or another test's."""
    path = tmp_path_factory.mktemp("cache") / "summaries.sqlite3"
    monkeypatch.setenv("SUMMARIZER_CACHE_FILE", str(path))
    return path
