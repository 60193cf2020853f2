"""A scripted OpenAI-compatible server on 127.0.0.1, for testing retries, re-asks and
faults. It is not a model: tests that need real model behaviour use cassettes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON; str/bytes sent as is
    headers: dict[str, str] = field(default_factory=dict)


def tool_call(
    arguments: dict[str, Any],
    *,
    prompt_tokens: int = 100,
    completion_tokens: int = 20,
    finish_reason: str = "stop",
) -> Reply:
    """A chat completion whose forced tool call carries `arguments`."""
    return Reply(
        body={
            "id": "chatcmpl-stub",
            "object": "chat.completion",
            "created": 0,
            "model": "stub",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": finish_reason,
                    "message": {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": "call_0",
                                "type": "function",
                                "function": {
                                    "name": "ArticleDraft",
                                    "arguments": json.dumps(arguments),
                                },
                            }
                        ],
                    },
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


@dataclass
class Stub:
    base_url: str
    replies: list[Reply]
    requests: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def stub_server(replies: list[Reply]) -> Iterator[Stub]:
    """Serve `replies` in order (the last one repeats), then stop the server."""
    stub = Stub(base_url="", replies=list(replies))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            stub.requests.append(json.loads(self.rfile.read(length) or b"{}"))
            reply = stub.replies.pop(0) if len(stub.replies) > 1 else stub.replies[0]
            body = reply.body
            data = (
                json.dumps(body).encode()
                if isinstance(body, dict)
                else (body.encode() if isinstance(body, str) else body or b"")
            )
            self.send_response(reply.status)
            for name, value in {"content-type": "application/json", **reply.headers}.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
