"""Errors the tool reports to people: each one is a single clear line, never a traceback."""

import os
import traceback
from typing import Any


class SummarizerError(Exception):
    """Base of every error the CLI turns into one line on stderr and a non-zero exit."""

    exit_code = 1


class InputError(SummarizerError):
    """The article cannot be read or is not something the tool can summarize."""


class ConfigError(SummarizerError):
    """The tool is not set up to reach a model (missing extra, bad settings)."""


class BackendError(SummarizerError):
    """The model server failed: unreachable, rate limiting, erroring or answering nonsense.

    `usage` holds the tokens the failed attempts still spent (a cost is a cost)."""

    def __init__(self, message: str, usage: Any = None) -> None:
        super().__init__(message)
        self.usage = usage


def internal_error(exc: Exception) -> str:
    """A bug is still one line for the user; SUMMARIZER_DEBUG=1 shows the traceback."""
    if os.environ.get("SUMMARIZER_DEBUG"):
        traceback.print_exception(exc)
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"internal error ({type(exc).__name__}: {first}); set SUMMARIZER_DEBUG=1 for details"
