"""The provider's Batch API, for runs too big to wait for: each article's chat request (the
very request the synchronous path sends, built by the same code) becomes one line of a
JSONL file, uploaded and run as a batch on the provider's fleet at about half the price.
The answers are read and grounded by the same code as synchronous ones.

What must survive an interrupted command, the batches created and the requests in each,
is written to a small JSON state file before anything is waited for: `--resume` reattaches
to running batches instead of paying twice, and a batch already downloaded is never
downloaded again into different results.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .backends import instructor_mode
from .config import Settings
from .errors import BackendError, ConfigError, FailureCause
from .ingest import Article
from .llm import answer_from_completion
from .pipeline import Prompt, summary_from_answer

if TYPE_CHECKING:
    import openai

    from .backends import Backend
    from .models import ArticleSummary

ENDPOINT = "/v1/chat/completions"
FINISHED = {"completed", "failed", "expired", "cancelled"}


@dataclass(frozen=True)
class Limits:
    """One batch's input file may hold this many requests and bytes (OpenAI's limits; a
    provider with lower ones is served by smaller values)."""

    requests: int = 50_000
    bytes: int = 200 * 1024 * 1024


@dataclass(frozen=True)
class Poll:
    """How often to ask whether a batch is done: from `first` seconds, growing by
    `factor` up to `longest` (a batch may take up to 24 hours)."""

    first: float = 10.0
    factor: float = 1.5
    longest: float = 300.0


@dataclass(frozen=True)
class Request:
    """One article's request: its line in the input file and what reading the answer needs."""

    custom_id: str
    article: Article
    prompt: Prompt
    line: bytes


@dataclass
class Outcome:
    """One request's answer as the batch returned it: a chat completion body, or why not."""

    completion: dict[str, Any] | None = None
    error: str | None = None
    batch_id: str | None = None
    cause: FailureCause = FailureCause.rejected


def custom_id(article: Article) -> str:
    """The article's id and the hash of its text: unique in a run, and checkable on return."""
    return f"{article.id}|{article.sha256}"


def request_body(prompt: Prompt, model: str, settings: Settings) -> dict[str, Any]:
    """The chat request the synchronous path sends for `prompt` (instructor's own request
    preparation, so the tool schema, the enums and the response format are the same)."""
    from instructor.processing import handle_response_model

    _, body = handle_response_model(
        prompt.response_model(),
        mode=instructor_mode(settings),
        model=model,
        messages=prompt.messages,
        temperature=settings.temperature,
        max_tokens=settings.answer_tokens,
    )
    return body


def build_request(article: Article, prompt: Prompt, model: str, settings: Settings) -> Request:
    line = {
        "custom_id": custom_id(article),
        "method": "POST",
        "url": ENDPOINT,
        "body": request_body(prompt, model, settings),
    }
    data = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    return Request(custom_id(article), article, prompt, data)


def split(requests: list[Request], limits: Limits) -> list[list[Request]]:
    """Requests in input files that each keep within the limits, in order."""
    files: list[list[Request]] = []
    size = 0
    for request in requests:
        if len(request.line) > limits.bytes:
            raise ConfigError(f"{request.article.id}: its request alone exceeds the file limit")
        if (
            not files
            or len(files[-1]) >= limits.requests
            or size + len(request.line) > limits.bytes
        ):
            files.append([])
            size = 0
        files[-1].append(request)
        size += len(request.line)
    return files


@dataclass
class State:
    """The batches of a run, saved after every change (see the module docstring)."""

    path: Path
    batches: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> State:
        if not path.exists():
            return cls(path)
        try:
            return cls(path, json.loads(path.read_text(encoding="utf-8"))["batches"])
        except (ValueError, KeyError, TypeError):
            raise ConfigError(f"{path}: not a batch state file") from None

    def save(self) -> None:
        temporary = self.path.with_suffix(self.path.suffix + ".tmp")
        temporary.write_text(json.dumps({"batches": self.batches}, indent=1), encoding="utf-8")
        temporary.replace(self.path)  # never half a state file

    def batch_of(self, request_id: str) -> dict[str, Any] | None:
        """The batch still to be read that holds the request (a downloaded batch's answers
        are results already: asking again takes a new request)."""
        return next(
            (b for b in self.batches if request_id in b["custom_ids"] and not b["downloaded"]),
            None,
        )


async def run(
    requests: list[Request],
    client: openai.AsyncOpenAI,
    state: State,
    *,
    limits: Limits = Limits(),
    poll: Poll = Poll(),
    note: Callable[[str], None] = lambda message: None,
) -> dict[str, Outcome]:
    """Send the requests no batch of `state` holds yet, wait for every batch they are in,
    and return each request's outcome by custom id."""
    waiting = [r for r in requests if state.batch_of(r.custom_id) is None]
    for number, chunk in enumerate(split(waiting, limits), 1):
        file = state.path.with_name(f"{state.path.stem}.requests-{len(state.batches) + 1}.jsonl")
        file.write_bytes(b"".join(r.line for r in chunk))
        uploaded = await client.files.create(file=(file.name, file.read_bytes()), purpose="batch")
        batch = await client.batches.create(
            input_file_id=uploaded.id,
            endpoint=ENDPOINT,
            completion_window="24h",
            metadata={"tool": "german-deal-summarizer"},
        )
        state.batches.append(
            {
                "id": batch.id,
                "input_file_id": uploaded.id,
                "request_file": file.name,
                "custom_ids": [r.custom_id for r in chunk],
                "downloaded": False,
            }
        )
        state.save()
        note(f"batch {batch.id}: {len(chunk)} requests sent ({number} of the new batches)")
    wanted = {r.custom_id for r in requests}
    batches = [b for b in state.batches if not b["downloaded"] and wanted & set(b["custom_ids"])]
    outcomes: dict[str, Outcome] = {}
    for found in await asyncio.gather(*(_finish(client, b, poll, note) for b in batches)):
        outcomes.update(found)
    for entry in batches:
        entry["downloaded"] = True
    state.save()
    return {key: outcome for key, outcome in outcomes.items() if key in wanted}


async def _finish(
    client: openai.AsyncOpenAI, entry: dict[str, Any], poll: Poll, note: Callable[[str], None]
) -> dict[str, Outcome]:
    """Wait for one batch, then read its output and error files."""
    wait, last = poll.first, ""
    while True:
        batch = await client.batches.retrieve(entry["id"])
        counts = batch.request_counts
        progress = f"batch {batch.id}: {batch.status}"
        if counts:
            progress += f", {counts.completed} of {counts.total} done, {counts.failed} failed"
        if progress != last:
            note(progress)
            last = progress
        if batch.status in FINISHED:
            break
        await asyncio.sleep(wait)
        wait = min(wait * poll.factor, poll.longest)
    outcomes: dict[str, Outcome] = {}
    for file_id in (batch.output_file_id, batch.error_file_id):
        if file_id:
            text = (await client.files.content(file_id)).text
            outcomes.update(_read_lines(text, batch.id))
    for request_id in entry["custom_ids"]:
        if request_id not in outcomes:  # never run: the batch failed, expired or was cancelled
            outcomes[request_id] = Outcome(
                error=_why_not_run(batch), batch_id=batch.id, cause=FailureCause.not_run
            )
    return outcomes


def _read_lines(text: str, batch_id: str) -> dict[str, Outcome]:
    outcomes = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        response = item.get("response") or {}
        if response.get("status_code") == 200 and not item.get("error"):
            outcomes[item["custom_id"]] = Outcome(completion=response["body"], batch_id=batch_id)
            continue
        error = item.get("error") or (response.get("body") or {}).get("error") or {}
        message = error.get("message") if isinstance(error, dict) else str(error)
        status = response.get("status_code")
        outcomes[item["custom_id"]] = Outcome(
            error="the provider rejected the request"
            + (f" (HTTP {status})" if status else "")
            + (f": {message}" if message else ""),
            batch_id=batch_id,
        )
    return outcomes


def _why_not_run(batch: Any) -> str:
    if batch.status == "expired":
        return "the batch expired before this request ran (completion window 24h)"
    if batch.status == "cancelled":
        return "the batch was cancelled before this request ran"
    errors = getattr(getattr(batch, "errors", None), "data", None) or []
    reason = errors[0].message if errors else "no reason given"
    return f"the batch failed: {reason}"


def summarize(
    request: Request, outcome: Outcome, backend: Backend, settings: Settings
) -> ArticleSummary:
    """The request's summary, grounded like a synchronous answer; BackendError names why
    there is none (rejected, never run, cut off, or an answer that fits no schema and
    could not be asked again)."""
    if outcome.completion is None:
        raise BackendError(outcome.error or "the batch returned no answer", cause=outcome.cause)
    answer = answer_from_completion(outcome.completion, request.prompt.response_model())
    return summary_from_answer(
        request.article, request.prompt, backend, answer, settings, started=None, batch=True
    )
