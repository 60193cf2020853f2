"""German sentences with their offsets in the article.

A full stop ends a sentence only where German news does not use it otherwise: after
abbreviations ("Mio.", "Mrd.", "Dr.", "z. B."), ordinals and dates ("7. April",
"1. Januar 2009"), initials ("V.K. Jairath") and inside numbers ("1.500"). Headlines and
sub-headings stand on their own lines and are sentences by themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ABBREVIATIONS = frozenset(
    """
mio mrd mill mia bzw ca dr prof st nr vgl inkl zzgl abs co corp inc ltd jr sr usw etc evtl ggf
bspw insb z b u a d h o s v chr gebr jan feb mär apr jun jul aug sep sept okt nov dez
mr mrs ms tsd abt str tel
""".split()
)
_MONTHS = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "Jahrhundert|Quartal|Halbjahr|Mal|Platz|Stelle|Runde|Woche|Minute"
)
_END = re.compile(r"[.!?…]+[\"“”»«'’)]*(?=\s)|[.!?…]+[\"“”»«'’)]*$")
_ORDINAL_NEXT = re.compile(rf"\s+(?:{_MONTHS})\b")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _ends_here(text: str, match: re.Match[str]) -> bool:
    if match.group(0)[0] != ".":
        return True
    before = re.search(r"(\S+?)$", text[: match.start()])
    word = before.group(1) if before else ""
    bare = word.lstrip('("„“»').lower()
    if bare in _ABBREVIATIONS or re.fullmatch(r"(?:[a-zäöü]\.)*[a-zäöü]", bare):
        return False  # "Mio.", "z. B.", "u.a."
    if bare.isdigit() and _ORDINAL_NEXT.match(text, match.end()):
        return False  # "7. April", "21. Grand-Slam-Turnier" is not, but rarely matters
    after = text[match.end() : match.end() + 3].lstrip()
    return not after or not after[0].islower()  # "Mio. Euro", "ca. drei": no new sentence


@lru_cache(maxsize=8)  # the deal reader and the move reader split the same article
def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of `text`, each with its span; lines are never joined."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        start = 0
        for match in _END.finditer(line):
            if _ends_here(line, match):
                _add(sentences, line, offset, start, match.end())
                start = match.end()
        _add(sentences, line, offset, start, len(line))
        offset += len(line)
    return tuple(sentences)


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append(Sentence(offset + start + lead, offset + start + lead + len(stripped), stripped))
