"""Share price moves, read by code: a sentence that names a company's shares, a percentage
and a rise or fall ("Die Amazon-Aktie verlor 1,01 Prozent auf 239,30 US-Dollar")."""

from __future__ import annotations

import re

from ..draft import MoveDraft
from ..money import find_money, find_percents
from ..names import Mention, name_mentions
from . import lexicon
from .sentences import split_sentences


def read_moves(text: str) -> list[MoveDraft]:
    """Each move as a draft (spans of `text`), grounded like a model's."""
    mentions = name_mentions(text)
    moves: list[MoveDraft] = []
    previous: list[Mention] = []  # "Die Anteilsscheine legten ... zu": whose shares
    for sentence in split_sentences(text):
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        if lexicon.SHARE_WORDS.search(sentence.text):
            move = _move(sentence.text, sentence.start, inside, previous)
            if move is not None:
                moves.append(move)
        previous = inside or previous
    return moves


def _move(
    text: str, offset: int, inside: list[Mention], previous: list[Mention]
) -> MoveDraft | None:
    """The sentence's first price move: its subject moved, later ones compare."""
    for percent in find_percents(text):
        if lexicon.direction_in(_clause_of(text, percent.start)) is None:
            continue
        # An index or a trading venue ("im MDax notierten", "via XETRA") is where the
        # shares trade, not whose they are.
        before = [
            m for m in inside
            if m.start < offset + percent.start
            and not (lexicon.INDEXES.match(m.text) or lexicon.MEDIA.match(m.text))
        ]  # fmt: skip
        if before:
            company = before[-1]
        elif _ANAPHOR.search(text) and previous:
            company = previous[-1]
        else:
            return None
        after = text[percent.end : percent.end + 30]
        price = next(
            (m.text for m in find_money(after) if after[: m.start].strip() in ("auf", "")),
            None,
        )
        return MoveDraft(company=company.text, change=percent.text, price=price)
    return None


# A sentence about "the shares" of the company named just before.
_ANAPHOR = re.compile(
    r"\b([Dd]ie|[Dd]iese|[Dd]essen|[Dd]eren|[Ii]hre|[Ss]eine)( \w+){0,4}? "
    r"(Aktien?|Papiere|Anteilsscheine|Titel)\b"
)


def _clause_of(sentence: str, at: int) -> str:
    """The part of a sentence around a percentage, between semicolons."""
    start = sentence.rfind(";", 0, at) + 1
    end = sentence.find(";", at)
    return sentence[start : end if end >= 0 else len(sentence)]
