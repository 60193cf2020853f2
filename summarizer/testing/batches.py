"""A Batch API provider on 127.0.0.1: the files and batches endpoints of the OpenAI API,
and chat completions for the synchronous path. It is not a model: `answer` maps each
request body to a chat completion body (in the tests, one recorded from the embedded
model) or to a rejection."""

from __future__ import annotations

import email.parser
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from .server import serving


@dataclass
class Rejected:
    """A request line the provider refuses (it lands in the batch's error file)."""

    status: int
    message: str


Answer = Callable[[dict[str, Any]], dict[str, Any] | Rejected]


@dataclass
class BatchStub:
    base_url: str
    answer: Answer
    fate: str = "completed"  # how batches end: completed, expired, cancelled or failed
    polls_to_finish: int = 2  # a batch is in progress for this many polls
    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    uploads: int = 0
    created: int = 0
    polls: int = 0
    chat_requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def request_lines(self, batch_id: str) -> list[dict[str, Any]]:
        data = self.files[self.batches[batch_id]["input_file_id"]]
        return [json.loads(line) for line in data.decode().splitlines() if line.strip()]

    def _poll(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        self.polls += 1
        batch["_polls"] += 1
        if batch["status"] in ("completed", "expired", "cancelled", "failed"):
            return batch
        if batch["_polls"] < self.polls_to_finish:
            batch["status"] = "in_progress"
            return batch
        batch["status"] = self.fate
        if self.fate == "failed":
            batch["errors"] = {"object": "list", "data": [{"code": "x", "message": "stub says no"}]}
        if self.fate != "completed":
            return batch
        outputs, errors = [], []
        for line in self.request_lines(batch_id):
            reply = self.answer(line["body"])
            if isinstance(reply, Rejected):
                errors.append(
                    {
                        "id": f"req_{len(errors)}",
                        "custom_id": line["custom_id"],
                        "response": {
                            "status_code": reply.status,
                            "body": {"error": {"message": reply.message}},
                        },
                        "error": None,
                    }
                )
            else:
                outputs.append(
                    {
                        "id": f"req_{len(outputs)}",
                        "custom_id": line["custom_id"],
                        "response": {"status_code": 200, "request_id": "r", "body": reply},
                        "error": None,
                    }
                )
        for kind, lines in (("output_file_id", outputs), ("error_file_id", errors)):
            if lines:
                file_id = f"file-{len(self.files)}"
                self.files[file_id] = "".join(json.dumps(x) + "\n" for x in lines).encode()
                batch[kind] = file_id
        batch["request_counts"] = {
            "total": len(outputs) + len(errors),
            "completed": len(outputs),
            "failed": len(errors),
        }
        return batch


def _batch(batch_id: str, input_file_id: str, total: int) -> dict[str, Any]:
    return {
        "id": batch_id,
        "object": "batch",
        "endpoint": "/v1/chat/completions",
        "input_file_id": input_file_id,
        "completion_window": "24h",
        "status": "validating",
        "created_at": int(time.time()),
        "output_file_id": None,
        "error_file_id": None,
        "errors": None,
        "request_counts": {"total": total, "completed": 0, "failed": 0},
        "_polls": 0,
    }


@contextmanager
def batch_stub(answer: Answer, **options: Any) -> Iterator[BatchStub]:
    """Serve the endpoints until the block ends."""
    stub = BatchStub(base_url="", answer=answer, **options)

    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, body: Any) -> None:
            if isinstance(body, bytes):
                data, kind = body, "application/octet-stream"
            else:
                shown = {k: v for k, v in body.items() if not k.startswith("_")}
                data, kind = json.dumps(shown).encode(), "application/json"
            self.send_response(status)
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            raw = self.rfile.read(length)
            with stub.lock:
                if self.path.endswith("/files"):
                    message = email.parser.BytesParser().parsebytes(
                        f"content-type: {self.headers['content-type']}\r\n\r\n".encode() + raw
                    )
                    part = next(p for p in message.walk() if p.get_filename())
                    file_id = f"file-{len(stub.files)}"
                    stub.files[file_id] = part.get_payload(decode=True)
                    stub.uploads += 1
                    self._send(200, {"id": file_id, "object": "file", "purpose": "batch",
                                     "filename": part.get_filename(), "bytes": len(raw),
                                     "created_at": 0, "status": "processed"})  # fmt: skip
                elif self.path.endswith("/batches"):
                    request = json.loads(raw)
                    batch_id = f"batch_{len(stub.batches)}"
                    total = len(stub.files[request["input_file_id"]].splitlines())
                    stub.batches[batch_id] = _batch(batch_id, request["input_file_id"], total)
                    stub.created += 1
                    self._send(200, stub.batches[batch_id])
                elif self.path.endswith("/chat/completions"):
                    request = json.loads(raw)
                    stub.chat_requests.append(request)
                    reply = stub.answer(request)
                    if isinstance(reply, Rejected):
                        self._send(reply.status, {"error": {"message": reply.message}})
                    else:
                        self._send(200, reply)
                else:
                    self._send(404, {"error": {"message": self.path}})

        def do_GET(self) -> None:
            with stub.lock:
                parts = self.path.split("/")
                if "batches" in parts:
                    self._send(200, stub._poll(parts[-1]))
                elif self.path.endswith("/content"):
                    self._send(200, stub.files[parts[-2]])
                else:
                    self._send(404, {"error": {"message": self.path}})

        def log_message(self, *args: Any) -> None:
            pass

    with serving(Handler) as base_url:
        stub.base_url = base_url
        yield stub
