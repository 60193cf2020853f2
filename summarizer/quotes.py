"""Check that a quote really stands in an article.

Models copy spans imperfectly in harmless ways (a line break became a space, a word was
hyphenated across a line, a typographic dash became a hyphen) and in harmful ways (a
digit changed). The comparison forgives only the harmless ones.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that change no word: soft hyphens, zero-width spaces and joiners, BOMs, NULs.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"))
_DASHES = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"}
)
_QUOTES = str.maketrans(
    {
        "\u201e": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u00bb": '"',
        "\u00ab": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
    }
)
_LINE_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=[a-zäöüß])")


@lru_cache(maxsize=64)  # the same article is checked against many quotes
def normalize(text: str) -> str:
    """Fold the differences a faithful copy may have: invisible characters, typographic
    dashes and quotes, words hyphenated at a line end, and runs of white space."""
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE)
    text = text.translate(_DASHES).translate(_QUOTES)
    text = _LINE_HYPHEN.sub("", text)
    return " ".join(text.split())


def contains(article: str, quote: str) -> bool:
    """Whether `quote` stands in `article`, up to the differences `normalize` folds."""
    needle = normalize(quote)
    return bool(needle) and needle in normalize(article)
