"""A persistent cache of summaries, so a rerun over the same articles calls no model.

One SQLite file in the user cache directory. The key is everything that can change an
answer: the article's sha256, backend endpoint and model, prompt and schema versions,
sampling settings. Only the summary is stored (no settings, so no API key ever lands here).
A cache that cannot be opened or read is a warning, never a failed run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from functools import cache
from importlib import metadata
from pathlib import Path

import platformdirs

from .backends import Identity
from .config import DISTRIBUTION, Settings
from .ingest import Article
from .models import SCHEMA_VERSION, ArticleSummary
from .prompt import PROMPT_VERSION


@cache
def _version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a checkout without installing
        return "unknown"


def default_path() -> Path:
    return Path(platformdirs.user_cache_dir("summarizer")) / "summaries.sqlite3"


def cache_key(article: Article, who: Identity, settings: Settings) -> str:
    parts = {
        "input": article.sha256,
        "version": _version(),  # grounding rules change with the code, not the prompt
        "backend": who.name,
        "endpoint": who.endpoint,
        "model": who.model,
        "prompt": PROMPT_VERSION,
        "schema": SCHEMA_VERSION,
        "temperature": settings.temperature,
        "max_tokens": settings.answer_tokens,
        "mode": settings.mode.value,
        "max_reasks": settings.max_reasks,
        "deals": settings.deal_mode(who.name).value,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class Cache:
    """get/put by key; every SQLite error is turned into `self.problem` and a miss."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS summaries "
                "(key TEXT PRIMARY KEY, summary TEXT NOT NULL, stored REAL NOT NULL)"
            )
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        self.problem = f"cache {self.path} not used ({exc})"
        if self._db is not None:
            self._db.close()
        self._db = None

    def get(self, key: str) -> ArticleSummary | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT summary FROM summaries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        if row is None:
            return None
        try:
            summary = ArticleSummary.model_validate_json(row[0])
        except ValueError:
            return None  # written by an incompatible version; it will be overwritten
        summary.provenance.cached = True
        return summary

    def put(self, key: str, summary: ArticleSummary) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO summaries VALUES (?, ?, ?)",
                (key, summary.model_dump_json(), time.time()),
            )
            self._db.commit()
        except sqlite3.Error as exc:
            self._fail(exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
