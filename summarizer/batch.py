"""Many articles through one shared backend: bounded concurrency, a persistent cache, and a
results file written as each article finishes, so an interrupted run loses nothing.

Every input ends as exactly one BatchResult, a summary or an error record with its cause.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .backends import Backend, Identity, LazyBackend, from_client
from .cache import Cache, cache_key
from .config import Settings
from .errors import BackendError, ConfigError, SummarizerError, internal_error
from .ingest import Article
from .models import ArticleSummary, Usage
from .pipeline import build_prompt, run_sync, summarize_article
from .sources import Failure, read_inputs

if TYPE_CHECKING:
    import openai

    from .batch_api import Poll


class BatchResult(BaseModel):
    """One input's outcome, and one line of the results file."""

    id: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    sha256: str | None = None
    summary: ArticleSummary | None = None
    error: str | None = None
    usage: Usage | None = None  # of a failed article: what its attempts still spent
    batch_id: str | None = None  # the Batch API batch that answered it, if one did

    @property
    def ok(self) -> bool:
        return self.summary is not None


def _record(article: Article, **outcome: Any) -> BatchResult:
    return BatchResult(
        id=article.id,
        title=article.title,
        url=article.url,
        published=article.published,
        sha256=article.sha256,
        **outcome,
    )


def totals(results: Iterable[BatchResult]) -> Usage:
    """Tokens and cost this run spent: cached answers cost nothing now, failures do."""
    spent = []
    for result in results:
        if result.summary is not None and not result.summary.provenance.cached:
            spent.append(result.summary.provenance.usage)
        elif result.usage is not None:
            spent.append(result.usage)
    return Usage.total(spent)


def load_results(path: Path) -> list[BatchResult]:
    """The results file of an earlier run; a line cut off by a crash is skipped."""
    if not path.exists():
        return []
    results = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(ValidationError, ValueError):
            results.append(BatchResult.model_validate_json(line))
    return results


class _ResultsFile:
    """Appends each result as one line the moment it is known, synced to disk."""

    def __init__(self, path: Path | None) -> None:
        self._file = path.open("a", encoding="utf-8") if path else None

    def write(self, result: BatchResult) -> None:
        if self._file is None:
            return
        self._file.write(result.model_dump_json() + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _ignore(*args: object) -> None:
    pass


@dataclass(frozen=True)
class Hooks:
    """What a caller (the CLI's progress display) hears about a run. All optional."""

    start: Callable[[int], None] = _ignore
    backend: Callable[[Backend], None] = _ignore
    result: Callable[[BatchResult], None] = _ignore
    note: Callable[[str], None] = _ignore


class Via(StrEnum):
    """How the model is asked: one request at a time, or all at once through the
    provider's Batch API (half the price, answers within 24 hours; see batch_api.py)."""

    sync = "sync"
    batch_api = "batch-api"


async def asummarize_many(
    inputs: Iterable[str | Article],
    *,
    settings: Settings | None = None,
    client: openai.AsyncOpenAI | None = None,
    results_file: Path | None = None,
    resume: bool = False,
    use_cache: bool = True,
    hooks: Hooks | None = None,
    via: Via = Via.sync,
    retry_failed: bool = False,
    poll: Poll | None = None,
) -> list[BatchResult]:
    """Summarize every input (paths, globs, "-" or Articles); results in input order.

    `client` injects an OpenAI-compatible client, as in `asummarize`; otherwise the backend
    comes from `settings` and is started only if some article is not cached. With
    `via=Via.batch_api` the articles that need the model go through the provider's Batch
    API (the batches are recorded beside `results_file`, which is then required);
    `retry_failed` resumes, sending the articles that failed in `results_file`
    synchronously instead.
    """
    settings = settings or Settings()
    hooks = hooks or Hooks()
    items: list[Article | Failure] = []
    for given in inputs:
        items += [given] if isinstance(given, Article) else read_inputs([given])
    backends = LazyBackend(settings, client and from_client(client, settings), hooks.backend)
    who = backends.identity
    concurrency = settings.in_flight(who.name)
    recorded = load_results(results_file) if resume or retry_failed else []
    earlier = {r.sha256: r for r in recorded if r.ok}
    failed_before = {r.sha256 for r in recorded if not r.ok}
    cache = Cache(settings.cache_file) if use_cache else None
    if cache and cache.problem:
        hooks.note(cache.problem)
    out = _ResultsFile(results_file)
    hooks.start(len(items))
    try:
        async with backends:
            batched: dict[str | None, BatchResult] = {}
            if via is Via.batch_api:
                pending = [
                    item
                    for item in items
                    if isinstance(item, Article)
                    and item.sha256 not in earlier
                    and not (retry_failed and item.sha256 in failed_before)
                ]
                batched = await _through_batch_api(
                    pending, settings, backends, cache, results_file, poll, hooks
                )
            gate = asyncio.Semaphore(concurrency)

            async def one(item: Article | Failure) -> BatchResult:
                if isinstance(item, Failure):
                    result = BatchResult(id=item.source, error=item.error)
                    out.write(result)
                elif item.sha256 in earlier:  # already in the results file
                    result = earlier[item.sha256]
                    result.summary.provenance.cached = True  # type: ignore[union-attr]
                elif item.sha256 in batched:
                    result = batched[item.sha256]
                    out.write(result)
                else:
                    async with gate:
                        result = await _summarize(item, who, settings, cache, backends)
                    out.write(result)
                hooks.result(result)
                return result

            return list(await asyncio.gather(*(one(item) for item in items)))
    finally:
        out.close()
        if cache:
            cache.close()


async def _through_batch_api(
    articles: list[Article],
    settings: Settings,
    backends: LazyBackend,
    cache: Cache | None,
    results_file: Path | None,
    poll: Poll | None,
    hooks: Hooks,
) -> dict[str | None, BatchResult]:
    """The results of the articles that need the model, asked through the Batch API; the
    others (cached, or settled by the deal reader) are left to the synchronous path."""
    from . import batch_api  # loads the model client: only a Batch API run needs it here

    if backends.identity.name == "local":
        raise ConfigError(
            "the Batch API needs an API backend: set OPENAI_API_KEY or OPENAI_BASE_URL"
        )
    if results_file is None:
        raise ConfigError("the Batch API needs a results file: the batches are recorded beside it")
    mode = settings.deal_mode(backends.identity.name)
    requests: list[batch_api.Request] = []
    for article in dict((a.sha256, a) for a in articles).values():  # one request per text
        if cache and cache.get(cache_key(article, backends.identity, settings)):
            continue
        prompt = build_prompt(article, mode)
        if prompt.needs_model:
            requests.append(
                batch_api.build_request(article, prompt, backends.identity.model, settings)
            )
    if not requests:
        return {}
    backend = await backends.get()
    state = batch_api.State.load(results_file.with_name(results_file.name + ".batches.json"))
    outcomes = await batch_api.run(
        requests, backend.client.client, state, poll=poll or batch_api.Poll(), note=hooks.note
    )
    results: dict[str | None, BatchResult] = {}
    for request in requests:
        article, outcome = request.article, outcomes[request.custom_id]
        try:
            summary = batch_api.summarize(request, outcome, backend, settings)
        except BackendError as exc:
            results[article.sha256] = _record(
                article, error=str(exc), usage=exc.usage, batch_id=outcome.batch_id
            )
            continue
        if cache:
            cache.put(cache_key(article, backends.identity, settings), summary)
        results[article.sha256] = _record(article, summary=summary, batch_id=outcome.batch_id)
    return results


async def _summarize(
    article: Article,
    who: Identity,
    settings: Settings,
    cache: Cache | None,
    backends: LazyBackend,
) -> BatchResult:
    key = cache_key(article, who, settings)
    if cache and (hit := cache.get(key)):
        return _record(article, summary=hit)
    try:
        summary = await summarize_article(article, backends, settings)
    except BackendError as exc:
        return _record(article, error=str(exc), usage=exc.usage)
    except SummarizerError as exc:
        return _record(article, error=str(exc))
    except Exception as exc:  # a bug must cost one article, not the batch
        return _record(article, error=internal_error(exc))
    if cache:
        cache.put(key, summary)
    return _record(article, summary=summary)


def summarize_many(inputs: Sequence[str | Article], **options: Any) -> list[BatchResult]:
    """Blocking twin of `asummarize_many`."""
    return run_sync(asummarize_many(inputs, **options))
