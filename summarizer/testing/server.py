"""A scripted OpenAI-compatible server on 127.0.0.1, for testing retries, re-asks and
faults. It is not a model: tests that need real model behaviour use cassettes."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON; str/bytes sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow model, or one that hangs)
    reset: bool = False  # drop the connection mid-request instead of answering


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


Router = Callable[[dict[str, Any]], Reply]


@dataclass
class Stub:
    base_url: str
    replies: list[Reply] | Router
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)  # each request's headers, as text
    in_flight: int = 0
    max_in_flight: int = 0  # the most requests the server held at once
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_reply(self, request: dict[str, Any]) -> Reply:
        if callable(self.replies):
            return self.replies(request)
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


@contextmanager
def stub_server(replies: list[Reply] | Router) -> Iterator[Stub]:
    """Serve `replies` in order (the last one repeats), or the reply a router picks for
    each request (for concurrent batches), then stop the server."""
    stub = Stub(base_url="", replies=replies if callable(replies) else list(replies))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            request = json.loads(self.rfile.read(length) or b"{}")
            with stub.lock:
                stub.requests.append(request)
                stub.headers.append(str(self.headers))
                reply = stub.next_reply(request)
                stub.in_flight += 1
                stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
            try:
                self._answer(reply)
            finally:
                with stub.lock:
                    stub.in_flight -= 1

        def _answer(self, reply: Reply) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.reset:
                # SO_LINGER 0: close() sends a TCP RST, as a crashed proxy would.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
                return
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

    with serving(Handler) as base_url:
        stub.base_url = base_url
        yield stub


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a hanging reply must not block shutdown
    request_queue_size = 1024  # the default 5 refuses a concurrent batch's connections

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (a timeout test) makes a late reply fail; the default
        # prints a traceback to whatever sys.stderr is then, another test's capture.
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on 127.0.0.1 in a thread; yields the base URL, stops on exit."""
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
