"""Articles too long for the model's context: split into parts that fit, summarize each, and
merge. Nothing is truncated, so a deal stated in the last paragraph is still read.

Parts break at paragraphs, else at sentences, else (one endless "sentence") at a word
boundary; each part is summarized and grounded against its own text, so every quote is
still checked against words the article contains.

What `split_text` promises, and its property test checks: every part fits; the parts hold
every non-space character of the text, in order; and a word that fits by itself is never
cut. Only a single word longer than the context (junk, base64, a URL run wild) is cut, at
characters, into pieces that each fit: no split can both keep such a word whole and fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .ground import unique
from .models import ArticleSummary, Provenance, Usage
from .reader import split_sentences


def split_text(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Consecutive parts of `text`, each as long as `fits` allows, joined at the largest
    boundary that works: paragraphs, then sentences, then words."""
    parts = _pack(re.split(r"\n\s*\n", text), "\n\n", fits, _split_smaller)
    return [p for p in parts if p.strip()]


def _split_smaller(text: str, fits: Callable[[str], bool]) -> list[str]:
    """A paragraph too long by itself: by sentences, and a sentence too long by words."""
    sentences = [sentence.text for sentence in split_sentences(text)]
    units = sentences if len(sentences) > 1 else text.split()
    return _pack(units, " ", fits, _split_unit)


def _split_unit(unit: str, fits: Callable[[str], bool]) -> list[str]:
    if len(unit.split()) > 1:  # a sentence too long: by its words
        return _split_smaller(unit, fits)
    pieces: list[str] = []
    last = _hard_cut(unit, fits, pieces)
    return [*pieces, last]


def _pack(
    units: list[str],
    joiner: str,
    fits: Callable[[str], bool],
    split: Callable[[str, Callable[[str], bool]], list[str]],
) -> list[str]:
    """Units joined into parts as long as `fits` allows; a unit too long by itself is
    `split` further, and its last piece starts the next part."""
    out: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current}{joiner}{unit}" if current else unit
        if fits(candidate):
            current = candidate
            continue
        if current:
            out.append(current)
        if fits(unit):
            current = unit
        else:
            *done, current = split(unit, fits)
            out += done
    out.append(current)
    return out


def _hard_cut(unit: str, fits: Callable[[str], bool], out: list[str]) -> str:
    """A single word longer than the context: cut into the longest prefixes that fit
    (found by bisection, since `fits` may count tokens); returns the last piece."""
    while not fits(unit) and len(unit) > 1:
        low, high = 1, len(unit) - 1  # fits(unit[:low]) is assumed: one character fits
        while low < high:
            middle = (low + high + 1) // 2
            if fits(unit[:middle]):
                low = middle
            else:
                high = middle - 1
        out.append(unit[:low])
        unit = unit[low:]
    return unit


def merge(parts: list[ArticleSummary], provenance: Provenance) -> ArticleSummary:
    """One summary of the whole article: the lead part's prose, every part's deals and
    market moves (duplicates once), and a warning that says the article was split."""
    lead = parts[0]
    usage = Usage.total(part.provenance.usage for part in parts)
    warnings = [
        f"the article is longer than the model's context: it was read in {len(parts)} parts"
    ]
    for number, part in enumerate(parts, 1):
        warnings += [f"part {number}: {w}" for w in part.warnings]
    return ArticleSummary(
        headline=lead.headline,
        summary=lead.summary,
        key_points=lead.key_points,
        source_language=lead.source_language,
        deals=unique([d for p in parts for d in p.deals]),
        market_moves=unique([m for p in parts for m in p.market_moves]),
        warnings=warnings,
        provenance=provenance.model_copy(update={"usage": usage}),
    )
