"""Errors the tool reports to people: each one is a single clear line, never a traceback,
and carries the facts a program needs to decide what to do (see BackendError)."""

from __future__ import annotations

import os
import traceback
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Usage


class SummarizerError(Exception):
    """Base of every error the CLI turns into one line on stderr and a non-zero exit."""

    exit_code = 1


class InputError(SummarizerError):
    """The article cannot be read or is not something the tool can summarize."""


class ConfigError(SummarizerError):
    """The tool is not set up to reach a model (missing extra, bad settings)."""


class FailureCause(StrEnum):
    """Why the model gave no usable answer, for a program to branch on: retry later
    (rate_limited, server_error, timeout, connection), ask again or elsewhere
    (invalid_answer, cut_off, not_a_completion), or look at the request (rejected)."""

    rate_limited = "rate_limited"
    server_error = "server_error"  # an HTTP error status other than 429
    timeout = "timeout"
    connection = "connection"
    invalid_answer = "invalid_answer"  # fits no schema, even read leniently
    cut_off = "cut_off"  # stopped at the token limit
    not_a_completion = "not_a_completion"  # not JSON, or not a chat completion
    rejected = "rejected"  # a Batch API line the provider refused
    not_run = "not_run"  # a Batch API batch that expired, was cancelled or failed
    server_start = "server_start"  # the embedded server did not come up
    other = "other"


class BackendError(SummarizerError):
    """The model server failed: unreachable, rate limiting, erroring or answering nonsense.

    `cause` says which, `attempts` how many requests were made, and `usage` the tokens the
    failed attempts still spent (a cost is a cost)."""

    def __init__(
        self,
        message: str,
        usage: Usage | None = None,
        *,
        cause: FailureCause = FailureCause.other,
        attempts: int = 0,
    ) -> None:
        super().__init__(message)
        self.usage = usage
        self.cause = cause
        self.attempts = attempts


def internal_error(exc: Exception) -> str:
    """A bug is still one line for the user; SUMMARIZER_DEBUG=1 shows the traceback."""
    if os.environ.get("SUMMARIZER_DEBUG"):
        traceback.print_exception(exc)
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"internal error ({type(exc).__name__}: {first}); set SUMMARIZER_DEBUG=1 for details"
