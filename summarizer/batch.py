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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .backends import Backend, Identity, LazyBackend, from_client
from .cache import Cache, cache_key
from .config import Settings
from .errors import BackendError, SummarizerError, internal_error
from .ingest import Article
from .models import ArticleSummary, Usage
from .pipeline import run_sync, summarize_article
from .sources import Failure, read_inputs

if TYPE_CHECKING:
    import openai

API_CONCURRENCY = 8  # polite for rate limits, and most of the speed-up of more


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


async def asummarize_many(
    inputs: Iterable[str | Article],
    *,
    settings: Settings | None = None,
    client: openai.AsyncOpenAI | None = None,
    results_file: Path | None = None,
    resume: bool = False,
    use_cache: bool = True,
    hooks: Hooks | None = None,
) -> list[BatchResult]:
    """Summarize every input (paths, globs, "-" or Articles); results in input order.

    `client` injects an OpenAI-compatible client, as in `asummarize`; otherwise the backend
    comes from `settings` and is started only if some article is not cached.
    """
    settings = settings or Settings()
    hooks = hooks or Hooks()
    items: list[Article | Failure] = []
    for given in inputs:
        items += [given] if isinstance(given, Article) else read_inputs([given])
    backends = LazyBackend(settings, client and from_client(client, settings), hooks.backend)
    who = backends.identity
    concurrency = settings.concurrency or (1 if who.name == "local" else API_CONCURRENCY)
    earlier = {r.sha256: r for r in load_results(results_file) if r.ok} if resume else {}
    cache = Cache(settings.cache_file) if use_cache else None
    if cache and cache.problem:
        hooks.note(cache.problem)
    out = _ResultsFile(results_file)
    hooks.start(len(items))
    try:
        async with backends:
            gate = asyncio.Semaphore(concurrency)

            async def one(item: Article | Failure) -> BatchResult:
                if isinstance(item, Failure):
                    result = BatchResult(id=item.source, error=item.error)
                    out.write(result)
                elif item.sha256 in earlier:  # already in the results file
                    result = earlier[item.sha256]
                    result.summary.provenance.cached = True  # type: ignore[union-attr]
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
