"""Scripted OpenAI-compatible servers on 127.0.0.1, for testing code that calls the
summarizer without a model: this project's tests and benchmarks, and a workflow's own.

`stub_server` answers chat completions from a script of `Reply`s (statuses, delays,
dropped connections: retries and faults); `batch_stub` adds the files and batches
endpoints of the Batch API. Neither is a model: behaviour of a real model is tested with
recorded cassettes. Standard library only, so importing this loads no client library.
"""

from .batches import BatchStub, Rejected, batch_stub
from .server import Reply, Stub, stub_server, tool_call

__all__ = ["BatchStub", "Rejected", "Reply", "Stub", "batch_stub", "stub_server", "tool_call"]
