"""Turn text into an Article, refusing what cannot be summarized (sources.py reads files)."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from pydantic import BaseModel, Field

from .errors import InputError
from .quotes import INVISIBLE

# Control bytes that text files do not contain. A stray NUL from a scraper is tolerated
# (and removed); many of them mean the file is binary.
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")


class Article(BaseModel):
    """One article as the pipeline sees it; `sha256` keys caches and provenance."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = Field(None, description="When known (HTML, feeds, JSONL).")
    sha256: str = Field(description="Of the UTF-8 text.")


def article_from_text(
    text: str,
    *,
    id: str = "text",
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
) -> Article:
    """Validate raw text and wrap it; the one door every input goes through."""
    # Invisible characters (scraped text is full of them) would hide figures and names
    # from the parsers; they change no word, so they go before anything reads the text.
    text = text.replace("\r\n", "\n").translate(INVISIBLE)
    if not text.strip():
        raise InputError(f"{id}: the article is empty")
    if title is None:
        first_line = text.strip().splitlines()[0].strip()
        title = first_line[:200]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=id, text=text, title=title, url=url, published=published, sha256=digest)


def decode(data: bytes, *, name: str) -> str:
    """UTF-8 first; old Windows and Latin-1 exports are common in newsrooms, so try those."""
    sample = data[:8192]
    if _CONTROL.search(sample) or sample.count(b"\x00") > max(2, len(sample) // 100):
        raise InputError(f"{name}: looks like a binary file, not text")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # every byte is a Latin-1 character
