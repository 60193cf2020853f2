"""Many inputs -> Articles: files, directories, globs and stdin, holding plain text, HTML
pages, RSS/Atom feeds or JSONL.

A source that cannot be read becomes a `Failure` naming it, never an exception: in a batch,
one unreadable file must not cost the others their results.
"""

from __future__ import annotations

import glob
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest import Article, article_from_text, decode

_BLOCK_END = re.compile(r"(?i)</(?:p|div|h[1-6]|li|blockquote)>|<br\s*/?>")
# What a directory is searched for; anything else in it (images, README or SOURCES notes in
# Markdown) is skipped. A file named explicitly is read whatever its suffix.
SUFFIXES = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True)
class Failure:
    """An input that yielded no article, and why (one line)."""

    source: str
    error: str


Item = Article | Failure


def expand(inputs: Iterable[str]) -> list[str]:
    """Files as given, directories as their known files (recursively, sorted), globs as
    their matches; anything that matches nothing is kept, so it is reported, not skipped."""
    found: list[str] = []
    for given in inputs:
        path = Path(given)
        if given != "-" and path.is_dir():
            # An empty directory stays, so that it is reported rather than skipped.
            found += sorted(
                str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            ) or [given]
        elif given != "-" and not path.exists() and glob.has_magic(given):
            found += sorted(glob.glob(given, recursive=True)) or [given]
        else:
            found.append(given)
    return list(dict.fromkeys(found))  # the same file named twice is read once


def read_inputs(inputs: Iterable[str]) -> list[Item]:
    """Every article the inputs hold, in order, with a Failure for each one that failed."""
    items: list[Item] = []
    for source in expand(inputs):
        items += read_source(source)
    return items


def read_source(source: str) -> list[Item]:
    """The articles in one file (several for a feed or JSONL), or "-" for stdin."""
    name = "stdin" if source == "-" else Path(source).stem
    try:
        data = _read_bytes(source)
        kind = _kind(source, data)
        if kind == "jsonl":
            return _from_jsonl(decode(data, name=source), source)
        if kind == "feed":
            return _from_feed(data, source, name)
        if kind == "html":
            return [_from_html(decode(data, name=source), source, name)]
        return [article_from_text(decode(data, name=source), id=name)]
    except InputError as exc:
        return [_failure(source, exc, name)]


def _failure(where: str, exc: InputError, *names: str) -> Failure:
    """The error without the name it starts with: the record's id already says where."""
    message = str(exc)
    for prefix in (where, *names):
        message = message.removeprefix(f"{prefix}: ")
    return Failure(where, message)


def _read_bytes(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError(
            f"{source}: a directory with no article files ({' '.join(SUFFIXES)})"
        ) from None
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror})") from None


def _kind(source: str, data: bytes) -> str:
    """By suffix; stdin and unknown suffixes by their first bytes."""
    by_suffix = SUFFIXES.get(Path(source).suffix.lower()) if source != "-" else None
    if by_suffix and by_suffix != "text":
        return by_suffix
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if by_suffix is None and head.startswith(b"{"):
        return "jsonl"
    if b"<rss" in head or b"<feed" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _from_html(html: str, source: str, name: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{source}: no article text found in the HTML page")
    return article_from_text(
        doc.text, id=name, title=doc.title or None, url=doc.url or None, published=_date(doc.date)
    )


def _fragment_text(html: str) -> str:
    """Text of a feed item's HTML fragment (trafilatura wants whole pages), one line per
    block element."""
    import lxml.html

    html = _BLOCK_END.sub("\n", html)
    return lxml.html.fragment_fromstring(html, create_parent="div").text_content()


def _from_feed(data: bytes, source: str, name: str) -> list[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.bozo else ""
        raise InputError(f"{source}: no items found in the feed{reason}")
    items: list[Item] = []
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}#{number}"
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        text = _fragment_text(html) if "<" in html else html
        try:
            items.append(
                article_from_text(
                    text,
                    id=f"{name}#{number}",
                    title=entry.get("title"),
                    url=entry.get("link"),
                    published=_feed_date(entry),
                )
            )
        except InputError as exc:
            items.append(_failure(where, exc, f"{name}#{number}"))
    return items


def _from_jsonl(text: str, source: str) -> list[Item]:
    items: list[Item] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError("a JSONL line needs an object with a 'text' string")
            items.append(
                article_from_text(
                    record["text"],
                    id=str(record.get("id") or where),
                    title=record.get("title"),
                    url=record.get("url"),
                    published=_date(record.get("date") or record.get("published")),
                )
            )
        except json.JSONDecodeError as exc:
            items.append(Failure(where, f"not valid JSON ({exc.msg})"))
        except InputError as exc:
            items.append(_failure(where, exc, str(record.get("id"))))
    return items


def _date(value: Any) -> date | None:
    """An ISO date (or datetime) string; anything else is treated as unknown."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _feed_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date.fromtimestamp(time.mktime(parsed)) if parsed else None
