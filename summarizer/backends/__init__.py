"""Where answers come from. Every backend ends up as an OpenAI-compatible client, so the
pipeline has one code path for OpenAI, any compatible server and the embedded model.

openai and instructor are imported only when a client is made: most commands, and most
articles the deal reader settles alone, never need one (`import summarizer` stays fast).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ..config import BackendName, Settings
from ..errors import ConfigError, SummarizerError
from . import local

if TYPE_CHECKING:
    import instructor
    import openai

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


class Identity(NamedTuple):
    """Which model on which server: enough to tell whether a cached answer is still valid."""

    name: str
    endpoint: str
    model: str


def identify(settings: Settings) -> Identity:
    """The backend `open_backend(settings)` would open, known without starting anything."""
    if settings.resolved_backend() is BackendName.local:
        # Not the port, which is new each run: the model file is what answers.
        return Identity(
            "local", f"embedded:{local.MODEL_ALIAS}", settings.model or local.MODEL_ALIAS
        )
    endpoint = settings.openai_base_url or "https://api.openai.com/v1"
    return Identity("openai", endpoint, settings.model or DEFAULT_OPENAI_MODEL)


@dataclass(frozen=True)
class Backend:
    """A ready client plus what provenance needs to say about it."""

    name: str
    model: str
    client: instructor.AsyncInstructor
    endpoint: str  # which server: part of the cache key, so two servers never share answers
    note: str | None = None
    context_tokens: int | None = None  # None: unknown, the server will say
    free: bool = False  # costs nothing per token (the embedded model)

    @property
    def identity(self) -> Identity:
        return Identity(self.name, self.endpoint, self.model)

    async def get(self) -> Backend:
        """An open backend is its own handle (see BackendHandle)."""
        return self


class BackendHandle(Protocol):
    """What the pipeline needs of a backend: who answers (for provenance and the cache
    key) without starting anything, and the open Backend only when a model is called."""

    @property
    def identity(self) -> Identity: ...

    @property
    def note(self) -> str | None: ...

    async def get(self) -> Backend: ...


def _note(identity: Identity) -> str | None:
    return local.MODEL_NOTE if identity.name == "local" else None


class LazyBackend:
    """The configured backend, opened on first `get()`: an article the deal reader settles
    alone, or a fully cached rerun, starts no server at all. A failure to open is
    remembered, so each article of a batch reports it without retrying it. `opened` hears
    about the backend once, when it is opened (the CLI prints which model answers)."""

    def __init__(
        self,
        settings: Settings,
        injected: Backend | None = None,
        opened: Callable[[Backend], None] = lambda backend: None,
    ) -> None:
        self._settings, self._opened = settings, opened
        self._stack = contextlib.AsyncExitStack()
        self._lock = asyncio.Lock()
        self._backend = injected
        self._announced = False
        self._failure: SummarizerError | None = None
        self.identity = injected.identity if injected else identify(settings)
        self.note = injected.note if injected else _note(self.identity)

    async def get(self) -> Backend:
        async with self._lock:
            if self._failure is not None:
                raise self._failure
            if self._backend is None:
                try:
                    self._backend = await self._stack.enter_async_context(
                        open_backend(self._settings)
                    )
                except SummarizerError as exc:
                    self._failure = exc
                    raise
            if not self._announced:
                self._announced = True
                self._opened(self._backend)
            return self._backend

    async def __aenter__(self) -> LazyBackend:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._stack.aclose()


def instructor_mode(settings: Settings) -> instructor.Mode:
    """The instructor mode the settings name (validated when the settings were read)."""
    import instructor

    return instructor.Mode[settings.mode.value]


def _client(
    settings: Settings, name: str, *, base_url: str | None, api_key: str
) -> openai.AsyncOpenAI:
    import httpx2
    import openai

    # A connection kept alive for every article in flight: at -j 256 against a vLLM
    # server, the default 100 would open and close the rest for every request.
    in_flight = settings.in_flight(name)
    limits = httpx2.Limits(
        max_connections=max(1000, in_flight), max_keepalive_connections=max(100, in_flight)
    )
    # max_retries=0: our tenacity policy owns retries, so the two never multiply.
    return openai.AsyncOpenAI(
        base_url=base_url,
        api_key=api_key,
        max_retries=0,
        timeout=settings.timeout,
        http_client=openai.DefaultAsyncHttpxClient(limits=limits, timeout=settings.timeout),
    )


def wrap(
    client: openai.AsyncOpenAI,
    settings: Settings,
    *,
    name: str,
    model: str,
    note: str | None = None,
    context_tokens: int | None = None,
    endpoint: str | None = None,
    free: bool = False,
) -> Backend:
    """Make a Backend of a client the caller made (injection for tests and embedding)."""
    import instructor

    return Backend(
        name=name,
        model=model,
        endpoint=endpoint or str(client.base_url),
        note=note,
        context_tokens=context_tokens,
        free=free,
        client=instructor.from_openai(client, mode=instructor_mode(settings)),
    )


def from_client(client: openai.AsyncOpenAI, settings: Settings) -> Backend:
    """A client the caller made, treated as an OpenAI-compatible API backend."""
    return wrap(client, settings, name="openai", model=settings.model or DEFAULT_OPENAI_MODEL)


@contextlib.asynccontextmanager
async def open_backend(settings: Settings) -> AsyncIterator[Backend]:
    """The configured backend, with everything it started stopped on exit."""
    identity = name, endpoint, model = identify(settings)
    if name == "local":
        with local.local_server() as base_url:
            client = _client(settings, name, base_url=base_url, api_key="local")
            try:
                yield wrap(
                    client,
                    settings,
                    name=name,
                    model=model,
                    note=_note(identity),
                    context_tokens=local.CONTEXT_TOKENS,
                    endpoint=endpoint,
                    free=True,
                )
            finally:
                await client.close()
        return
    if settings.openai_api_key is None and settings.openai_base_url is None:
        raise ConfigError("the openai backend needs OPENAI_API_KEY or OPENAI_BASE_URL")
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
    client = _client(settings, name, base_url=settings.openai_base_url, api_key=key)
    try:
        yield wrap(client, settings, name=name, model=model, endpoint=endpoint)
    finally:
        await client.close()
