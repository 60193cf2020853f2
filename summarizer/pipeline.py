"""One article, one pass: ingest -> prompt -> llm -> ground. The public entry points."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from .backends import Backend, BackendHandle, LazyBackend, from_client
from .choices import Choices, draft_model
from .config import DealMode, Settings
from .draft import ArticleDraft
from .errors import BackendError, FailureCause, InputError
from .ground import ground
from .ingest import Article, article_from_text
from .models import ArticleSummary, Provenance, Usage
from .parts import merge, split_text
from .prices import estimate, load_prices
from .prompt import PROMPT_VERSION, build_messages, estimate_tokens, example
from .reader import Frame, read_moves

if TYPE_CHECKING:
    import openai

    from .llm import Answer

T = TypeVar("T")


async def summarize_article(
    article: Article, backend: BackendHandle, settings: Settings
) -> ArticleSummary:
    """Summarize one Article with a backend that batches share; it is opened only if the
    article needs a model call (a deal the reader settled alone needs none).

    An article too long for the model's context is read in parts (see parts.py), never
    truncated; the summary's warnings say so. One that needs no model call is read whole,
    however long.
    """
    started = time.perf_counter()
    mode = settings.deal_mode(backend.identity.name)
    prompt = build_prompt(article, mode)
    if not prompt.needs_model:
        return await _summarize_one(article, prompt, backend, settings, started)
    model = await backend.get()
    budget = model.context_tokens and model.context_tokens - settings.answer_tokens
    if not budget or estimate_tokens(prompt.messages) <= budget:
        return await _summarize_one(article, prompt, model, settings, started)
    if _prompt_tokens(article_from_text("."), mode) > budget // 2:
        raise InputError(
            f"{article.id}: the model's context ({model.context_tokens} tokens) is too "
            "small for the instructions and a useful part of the article"
        )
    texts = split_text(
        article.text, lambda text: _prompt_tokens(article_from_text(text), mode) <= budget
    )
    parts: list[ArticleSummary] = []
    for number, text in enumerate(texts, 1):
        part = article_from_text(text, id=f"{article.id} (part {number}/{len(texts)})")
        try:
            begun = time.perf_counter()  # reading the part is part of its latency
            prompt = build_prompt(part, mode)
            parts.append(await _summarize_one(part, prompt, model, settings, begun))
        except BackendError as exc:
            # The parts already read were paid for too.
            spent = [p.provenance.usage for p in parts]
            exc.usage = Usage.total([*spent, exc.usage or Usage()])
            raise
    return merge(parts, _provenance(article, model, Usage(), started))


@dataclass(frozen=True)
class Prompt:
    """The spans and frames the model may choose from, the messages that offer them, and
    how the deals are decided: built once per article (reading it is the costly part)."""

    choices: Choices
    messages: list[dict[str, str]]
    mode: DealMode

    @property
    def small(self) -> bool:
        return _small(self.mode)

    @property
    def needs_model(self) -> bool:
        """Whether there is anything to ask. In the small shape a deal article's prose is
        rendered from its frames, so the model is asked only to choose among several
        (`choose`) or, where the reader found no deal, for a headline and a summary."""
        if self.mode is DealMode.reader:
            return not self.choices.frames
        return not (self.mode is DealMode.choose and len(self.choices.frames) == 1)

    def response_model(self) -> type[ArticleDraft]:
        return draft_model(self.choices, choose_frames=self.small)


def _small(mode: DealMode) -> bool:
    """The small-model shape: the deals are the reader's frames and the prose of a deal
    article is rendered from them."""
    return mode is not DealMode.hints


def build_prompt(article: Article, mode: DealMode) -> Prompt:
    """What to offer the model for `article` and how its deals are decided."""
    choices = Choices.of(article)
    messages = build_messages(article, choices, choose_frames=_small(mode))
    return Prompt(choices, messages, mode)


def _prompt_tokens(article: Article, mode: DealMode) -> int:
    return estimate_tokens(build_prompt(article, mode).messages)


async def _summarize_one(
    article: Article, prompt: Prompt, handle: BackendHandle, settings: Settings, started: float
) -> ArticleSummary:
    """At most one model call for an article whose prompt fits the context; `started`
    is when reading it began, so its latency counts the reader too."""
    if not prompt.needs_model:
        free = Usage(cost_usd=Decimal(0))
        return _grounded(
            ArticleDraft(), article, prompt, _provenance(article, handle, free, started)
        )
    from .llm import ask  # openai and instructor load with the first model call

    backend = await handle.get()
    try:
        answer = await ask(
            backend,
            prompt.messages,
            prompt.response_model(),
            settings=settings,
            max_tokens=settings.answer_tokens,
        )
    except BackendError as exc:
        if exc.usage is not None:
            _price(exc.usage, backend, settings)
        raise
    return summary_from_answer(article, prompt, backend, answer, settings, started)


def summary_from_answer(
    article: Article,
    prompt: Prompt,
    backend: Backend,
    answer: Answer,
    settings: Settings,
    started: float | None,
    *,
    batch: bool = False,
) -> ArticleSummary:
    """Price, read and ground an answer, however it came (a call, or a line of a Batch API
    output file: `batch`, where the price is discounted and no re-ask was possible)."""
    _price(answer.usage, backend, settings, batch=batch)
    warnings: list[str] = []
    if answer.parsed is not None:
        draft = ArticleDraft.model_validate(answer.parsed)  # an instance: returned as it is
    else:
        # Every attempt failed validation: read the last answer by the typed base, without
        # the enums, so grounding keeps only what the article supports and says what it dropped.
        why = " (no re-ask is possible inside a batch)" if batch else ""
        warnings.append(f"the model's answer failed validation{why}: {answer.validation_error}")
        draft = _lenient(answer.raw_json, answer.usage, reasked=not batch)
    provenance = _provenance(article, backend, answer.usage, started)
    summary = _grounded(draft, article, prompt, provenance)
    summary.warnings[:0] = warnings
    return summary


def _grounded(
    draft: ArticleDraft, article: Article, prompt: Prompt, provenance: Provenance
) -> ArticleSummary:
    """Ground a draft: in the small-model shape by the reader's frames and moves."""
    if prompt.small:
        return _ground_by_reader(draft, article, prompt.choices.frames, provenance)
    return ground(draft, article, provenance, example=example(), frames=prompt.choices.frames)


def _ground_by_reader(
    draft: ArticleDraft, article: Article, frames: tuple[Frame, ...], provenance: Provenance
) -> ArticleSummary:
    """The deals and price moves are the reader's, the prose of a deal article is
    rendered from them; the draft adds only the model's choice or no-deal prose."""
    return ground(
        draft.model_copy(update={"market_moves": read_moves(article.text)}),
        article,
        provenance,
        example=example(),
        frames=frames,
        prose_from_fields=True,
    )


def _provenance(
    article: Article, backend: BackendHandle, usage: Usage, started: float | None
) -> Provenance:
    return Provenance(
        backend=backend.identity.name,
        model=backend.identity.model,
        model_note=backend.note,
        prompt_version=PROMPT_VERSION,
        usage=usage,
        # A batch's answer has no latency of its own: the batch took hours for all of them.
        latency_seconds=0.0 if started is None else round(time.perf_counter() - started, 3),
        input_sha256=article.sha256,
    )


def _price(usage: Usage, backend: Backend, settings: Settings, *, batch: bool = False) -> None:
    table = load_prices(settings.prices)
    usage.cost_usd = estimate(usage, backend.model, table, free=backend.free, batch=batch)


def _lenient(raw_json: str | None, usage: Usage, *, reasked: bool) -> ArticleDraft:
    try:
        return ArticleDraft.model_validate_json(raw_json or "")
    except ValueError:
        after = "even after re-asks" if reasked else "and a batch cannot ask again"
        raise BackendError(
            f"the model's answer did not fit the schema, {after}",
            usage,
            cause=FailureCause.invalid_answer,
            attempts=usage.requests,
        ) from None


def summarize_by_reader(article: Article) -> ArticleSummary:
    """The deal reader alone, no model: the deals are the reader's frames, grounded like
    any answer, and the prose is rendered from them. Instant, and the floor every backend
    is measured against (`summarizer eval --reader-only`)."""
    started = time.perf_counter()
    frames = Choices.of(article).frames
    provenance = Provenance(
        backend="reader",
        model="none",
        prompt_version=PROMPT_VERSION,
        usage=Usage(cost_usd=Decimal(0)),
        latency_seconds=0.0,
        input_sha256=article.sha256,
    )
    summary = _ground_by_reader(ArticleDraft(), article, frames, provenance)
    summary.provenance.latency_seconds = round(time.perf_counter() - started, 3)
    return summary


async def asummarize(
    text: str,
    *,
    model: str | None = None,
    client: openai.AsyncOpenAI | None = None,
    settings: Settings | None = None,
    **overrides: Any,
) -> ArticleSummary:
    """Summarize German article text into an ArticleSummary.

    With `client`, that OpenAI-compatible client is used as is (tests, proxies, custom
    auth). Without it, the backend is chosen from `settings` / the environment: the API
    when OPENAI_API_KEY or OPENAI_BASE_URL is set, else the embedded local model, which is
    started for this call and stopped after it. `overrides` are Settings fields.
    """
    if model:
        overrides["model"] = model
    # Validated, not model_copy(update=...): "reader" must become DealMode.reader.
    settings = Settings.model_validate({**(settings or Settings()).model_dump(), **overrides})
    article = article_from_text(text)
    injected = client and from_client(client, settings)
    async with LazyBackend(settings, injected) as backend:
        return await summarize_article(article, backend, settings)


def summarize(
    text: str,
    *,
    model: str | None = None,
    client: openai.AsyncOpenAI | None = None,
    settings: Settings | None = None,
    **overrides: Any,
) -> ArticleSummary:
    """Blocking twin of `asummarize`; safe to call from code that runs an event loop."""
    return run_sync(asummarize(text, model=model, client=client, settings=settings, **overrides))


def run_sync(call: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to the end from blocking code, even inside a running event loop
    (Jupyter), where asyncio.run alone would refuse."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(call)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, call).result()
