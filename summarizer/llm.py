"""One structured model call, with two separate retry loops that never multiply:

* server faults (429, 5xx, timeouts, refused or reset connections): tenacity, exponential
  backoff with jitter, honouring Retry-After, each attempt a fresh instructor call;
* answers that fail validation: instructor's re-ask, bounded by `max_reasks`.

Token usage is summed over every response received, whichever loop asked for it, because
instructor alone reports the total only when all attempts fail.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TypeVar

import openai
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
    ResponseParsingError,
)
from instructor.core.hooks import Hooks
from pydantic import BaseModel, ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from .backends import Backend
from .config import Settings
from .errors import BackendError, FailureCause
from .models import Usage

T = TypeVar("T", bound=BaseModel)
_MAX_RETRY_AFTER = 60.0
_backoff = wait_exponential_jitter(initial=1, max=30, jitter=1)


@dataclass
class Answer:
    """What a call returned: the parsed draft, or only the raw JSON of the last answer
    when every attempt failed validation (the caller decides what of it to keep)."""

    parsed: BaseModel | None
    raw_json: str | None
    usage: Usage
    validation_error: str | None = None


def _root(exc: BaseException) -> BaseException:
    """The server-side cause behind instructor's wrapper, if there is one."""
    if isinstance(exc, InstructorRetryException) and exc.__cause__ is not None:
        return exc.__cause__
    return exc


def _transient(exc: BaseException) -> bool:
    cause = _root(exc)
    if isinstance(cause, openai.APIStatusError):
        return cause.status_code == 429 or cause.status_code >= 500
    return isinstance(cause, (openai.APIConnectionError, openai.APITimeoutError))


def _wait(state: RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome else None
    cause = _root(exc) if exc else None
    if isinstance(cause, openai.APIStatusError):
        retry_after = cause.response.headers.get("retry-after")
        try:
            return min(max(float(retry_after), 0.0), _MAX_RETRY_AFTER)
        except (TypeError, ValueError):
            pass
    return _backoff(state)


def failure(exc: BaseException, attempts: int, timeout: float, usage: Usage) -> BackendError:
    """The error to raise for a failed call: one line that names the cause, for people
    reading stderr or an error record, and the cause as a value for programs."""
    cause = _root(exc)
    tries = f"after {attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(cause, openai.RateLimitError):
        found = FailureCause.rate_limited, f"rate limited by the server {tries}"
    elif isinstance(cause, openai.APIStatusError):
        found = (
            FailureCause.server_error,
            f"the model server answered HTTP {cause.status_code} {tries}",
        )
    elif isinstance(cause, openai.APITimeoutError):
        found = (
            FailureCause.timeout,
            f"the model server did not answer within {timeout:g} s ({tries})",
        )
    elif isinstance(cause, openai.APIConnectionError):
        found = FailureCause.connection, f"could not connect to the model server {tries}"
    elif isinstance(cause, json.JSONDecodeError):
        found = FailureCause.not_a_completion, "the model server's answer was not valid JSON"
    elif isinstance(cause, ResponseParsingError):
        found = FailureCause.not_a_completion, NOT_A_COMPLETION
    elif isinstance(cause, IncompleteOutputException):
        found = FailureCause.cut_off, CUT_OFF
    else:
        first_line = str(cause).splitlines()[0] if str(cause) else type(cause).__name__
        found = FailureCause.other, f"the model call failed: {first_line}"
    return BackendError(found[1], usage, cause=found[0], attempts=attempts)


NOT_A_COMPLETION = "the model server's answer was not a chat completion"
CUT_OFF = "the model's answer was cut off at the token limit"


def _raw_json(completion: Any) -> str | None:
    """The arguments of a forced tool call, or the message text in JSON modes."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    if getattr(message, "tool_calls", None):
        return str(message.tool_calls[0].function.arguments)
    return message.content


async def ask(
    backend: Backend,
    messages: list[dict[str, str]],
    response_model: type[T],
    *,
    settings: Settings,
    max_tokens: int,
) -> Answer:
    """Ask for `response_model`; raise BackendError when the server cannot deliver."""
    usage = Usage()

    def count(response: Any) -> None:
        usage.requests += 1
        used = getattr(response, "usage", None)
        if used is not None:
            usage.prompt_tokens += used.prompt_tokens or 0
            usage.completion_tokens += used.completion_tokens or 0
            usage.total_tokens += used.total_tokens or 0

    hooks = Hooks()
    hooks.on("completion:response", count)
    retrying = AsyncRetrying(
        stop=stop_after_attempt(settings.max_attempts),
        wait=_wait,
        retry=retry_if_exception(_transient),
        reraise=True,
    )
    attempts = 0
    try:
        async for attempt in retrying:
            with attempt:
                attempts += 1
                parsed = await backend.client.create(
                    model=backend.model,
                    messages=messages,  # type: ignore[arg-type]
                    response_model=response_model,
                    max_retries=settings.max_reasks,
                    hooks=hooks,
                    temperature=settings.temperature,
                    max_tokens=max_tokens,
                )
    except InstructorRetryException as exc:
        if isinstance(exc.__cause__, ValidationError) and not _transient(exc):
            return Answer(
                None,
                _raw_json(exc.last_completion),
                usage,
                validation_error=_first_error(exc.__cause__),
            )
        raise failure(exc, attempts, settings.timeout, usage) from None
    except (openai.OpenAIError, json.JSONDecodeError, InstructorError) as exc:
        raise failure(exc, attempts, settings.timeout, usage) from None
    return Answer(parsed, None, usage)


def answer_from_completion(body: dict[str, Any], response_model: type[T]) -> Answer:
    """Read a chat completion that arrived without a call (a Batch API output line) the
    way instructor reads a called one: the forced tool call's arguments, or the message
    text in JSON modes, validated against `response_model`. No re-ask is possible."""
    from openai.types.chat import ChatCompletion

    try:
        completion = ChatCompletion.model_validate(body)
    except ValidationError:
        raise BackendError(NOT_A_COMPLETION, cause=FailureCause.not_a_completion) from None
    used = completion.usage
    usage = Usage(
        requests=1,
        prompt_tokens=used.prompt_tokens if used else 0,
        completion_tokens=used.completion_tokens if used else 0,
        total_tokens=used.total_tokens if used else 0,
    )
    if completion.choices and completion.choices[0].finish_reason == "length":
        raise BackendError(CUT_OFF, usage, cause=FailureCause.cut_off, attempts=1)
    raw = _raw_json(completion)
    try:
        return Answer(response_model.model_validate_json(raw or ""), None, usage)
    except ValidationError as exc:
        return Answer(None, raw, usage, validation_error=_first_error(exc))


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]
