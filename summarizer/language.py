"""Tell which language a text is in, well enough to report it and to catch a model that
answers in German when it was asked for English. Stop-word counts are enough for that,
and they are deterministic and instant."""

from __future__ import annotations

import re

_STOPWORDS = {
    "de": frozenset(
        """
        der die das und ist nicht mit von den im zu ein eine auch sich auf für des dem wird
        bei nach als sind hat über noch wie einen aus werden wurde zum zur""".split()
    ),
    "en": frozenset(
        """
        the and is are was with of to in for on that this from by as has have it will be at
        an which its their were been would""".split()
    ),
    "fr": frozenset(
        """
        le la les et est des une un du dans pour pas sur que qui avec par au aux ce sont été
        cette ses leur""".split()
    ),
}
_WORD = re.compile(r"[a-zäöüßéèêàâçîïôûù]+")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the likeliest language, or "und" when nothing stands out."""
    words = _WORD.findall(text.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 and list(scores.values()).count(scores[best]) == 1 else "und"


_GERMAN_FORM = re.compile(r"[äöüß]|(ung|ungen|keit|heit|schaft|lich|isch|chen|ieren|iert)$")


def is_english(text: str) -> bool:
    """Whether a short model-written text reads as English rather than copied German.

    Headlines have few function words, so German word forms (umlauts, -ung, -keit, -iert...)
    count as German evidence too: "EADS-Chef will Arbeitsplätze abbauen" is not English.
    """
    words = _WORD.findall(text.lower())
    german = sum(w in _STOPWORDS["de"] or bool(_GERMAN_FORM.search(w)) for w in words)
    english = sum(w in _STOPWORDS["en"] for w in words)
    return english > german or (german == 0 and english == 0 and bool(words))
