"""One article, one pass: ingest -> prompt -> llm -> ground. The public entry points."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

import openai

from .backends import Backend, from_client, open_backend
from .config import Settings
from .draft import Choices, draft_model
from .errors import BackendError, InputError
from .ground import ground
from .ingest import Article, article_from_text
from .llm import ask
from .models import ArticleSummary, Provenance, Usage
from .parts import merge, split_text
from .prices import estimate, load_prices
from .prompt import PROMPT_VERSION, build_messages, estimate_tokens, example

T = TypeVar("T")

# Room the answer needs; the prompt may use the rest of the context.
ANSWER_TOKENS = 1024


async def summarize_article(
    article: Article, backend: Backend, settings: Settings
) -> ArticleSummary:
    """Summarize one Article with a backend that is already open (batches share one).

    An article too long for the model's context is read in parts (see parts.py), never
    truncated; the summary's warnings say so.
    """
    started = time.perf_counter()
    budget = backend.context_tokens and backend.context_tokens - ANSWER_TOKENS
    prompt = _prompt(article)
    if not budget or estimate_tokens(prompt[1]) <= budget:
        return await _summarize_one(article, prompt, backend, settings)
    if _prompt_tokens(article_from_text(".")) > budget // 2:
        raise InputError(
            f"{article.id}: the model's context ({backend.context_tokens} tokens) is too "
            "small for the instructions and a useful part of the article"
        )
    texts = split_text(article.text, lambda text: _prompt_tokens(article_from_text(text)) <= budget)
    parts: list[ArticleSummary] = []
    for number, text in enumerate(texts, 1):
        part = article_from_text(text, id=f"{article.id} (part {number}/{len(texts)})")
        try:
            parts.append(await _summarize_one(part, _prompt(part), backend, settings))
        except BackendError as exc:
            # The parts already read were paid for too.
            spent = [p.provenance.usage for p in parts]
            exc.usage = Usage.total([*spent, exc.usage or Usage()])
            raise
    return merge(parts, _provenance(article, backend, Usage(), started))


Prompt = tuple[Choices, list[dict[str, str]]]


def _prompt(article: Article) -> Prompt:
    """The spans the model may choose from, and the messages that offer them: built once
    per article (finding names and figures is the costly part)."""
    choices = Choices.of(article)
    return choices, build_messages(article, choices)


def _prompt_tokens(article: Article) -> int:
    return estimate_tokens(_prompt(article)[1])


async def _summarize_one(
    article: Article, prompt: Prompt, backend: Backend, settings: Settings
) -> ArticleSummary:
    """One model call for an article whose prompt fits the context."""
    started = time.perf_counter()
    choices, messages = prompt
    try:
        answer = await ask(
            backend, messages, draft_model(choices), settings=settings, max_tokens=ANSWER_TOKENS
        )
    except BackendError as exc:
        if exc.usage is not None:
            _price(exc.usage, backend, settings)
        raise
    _price(answer.usage, backend, settings)
    warnings: list[str] = []
    if answer.parsed is not None:
        draft: dict[str, Any] = answer.parsed.model_dump(mode="json")
    else:
        # Every attempt failed validation: read the last answer without the enums, so
        # grounding keeps only what the article supports and says what it dropped.
        warnings.append(f"the model's answer failed validation: {answer.validation_error}")
        draft = _lenient(answer.raw_json, choices, answer.usage)
    provenance = _provenance(article, backend, answer.usage, started)
    summary = ground(draft, article, provenance, example=example())
    summary.warnings[:0] = warnings
    return summary


def _provenance(article: Article, backend: Backend, usage: Usage, started: float) -> Provenance:
    return Provenance(
        backend=backend.name,
        model=backend.model,
        model_note=backend.note,
        prompt_version=PROMPT_VERSION,
        usage=usage,
        latency_seconds=round(time.perf_counter() - started, 3),
        input_sha256=article.sha256,
    )


def _price(usage: Usage, backend: Backend, settings: Settings) -> None:
    usage.cost_usd = estimate(usage, backend.model, load_prices(settings.prices), free=backend.free)


def _lenient(raw_json: str | None, choices: Choices, usage: Usage) -> dict[str, Any]:
    try:
        return (
            draft_model(choices, constrained=False)
            .model_validate_json(raw_json or "")
            .model_dump(mode="json")
        )
    except ValueError:
        raise BackendError(
            "the model's answer did not fit the schema, even after re-asks", usage
        ) from None


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
    settings = (settings or Settings()).model_copy(update=overrides)
    article = article_from_text(text)
    if client is not None:
        return await summarize_article(article, from_client(client, settings), settings)
    async with open_backend(settings) as backend:
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
