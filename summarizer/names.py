"""Find the names an article mentions, so the model can only choose parties that exist.

German capitalises every noun, so "capitalised" does not mean "name". The heuristics here
keep what looks like a proper name (brands like OpenAI, acronyms like DFS, words with a
legal suffix, capitalised words that are not common German nouns) and join neighbouring
ones ("Axel Springer", "Premium Aerotec"). Recall matters more than precision: a junk
candidate costs little, a missing party cannot be chosen at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_TOKEN = re.compile(r"[A-ZÄÖÜ][\w&.+-]*[\w&+]|[A-ZÄÖÜ]")
LEGAL_SUFFIXES = frozenset(
    """
AG GmbH SE KG KGaA Inc Inc. Corp Corp. Ltd Ltd. plc N.V. S.A. Holding Group Co. LLC ag gmbh
""".split()
)
# Endings of German common nouns (and of adjectives used as nouns).
_NOUN_ENDINGS = tuple(
    """
ung ungen heit heiten keit keiten schaft schaften tion tionen ion ionen tät täten nis nisse
tum ismus ment mente chen lich isch ik ie ien ur uren enz enzen anz anzen ei eien ität
""".split()
)
# Capitalised words frequent in business news that are never parties by themselves.
_STOP = frozenset(
    """
Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Wir Ihr Ich Man Im Am
Zum Zur Vom Beim Auch Aber Und Oder Nach Mit Bei Für Von Zu Auf Aus An In Über Unter Vor
Seit Wie Was Wer Wenn Als Ob Dass Damit Dies Diese Dieser Dieses Jedoch Noch Nur So Um
Allein Anfang Ende Jahr Jahre Jahren Prozent Euro Dollar US-Dollar Mio Mrd Milliarden
Millionen Billion Aktie Aktien Anteil Anteile Anteilen Konzern Unternehmen Firma Markt
Bank Geld Kapital Deal Chef Börse Gespräch Gespräche Bericht Berichte Angaben Januar
Februar März April Mai Juni Juli August September Oktober November Dezember Montag
Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Quartal Wochen Woche Tag Tage Rolle
Trotz Während Neben Darüber Demnach Gleichzeitig Bisher Derzeit Aktuell Zudem Laut KI
Mehr Weitere Ziel Plan Pläne Schritt Wert Zahl Rund Etwa Bis Franken Pfund
""".split()
)


def _is_name_token(token: str) -> bool:
    if token in LEGAL_SUFFIXES:
        return True
    if token in _STOP or len(token) < 2:
        return False
    if any(c.isupper() for c in token[1:]) or any(c.isdigit() for c in token):
        return True  # OpenAI, ChatGPT, DFS, Amazon.com, A380
    return not token.lower().endswith(_NOUN_ENDINGS)


def candidate_names(text: str, *, limit: int = 25) -> list[str]:
    """Names in `text`, most frequent first, each exactly as it is written there."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        run: list[str] = []
        for match in _TOKEN.finditer(line):
            token = match.group(0).rstrip(".")
            # Join "Axel Springer", but not a descriptor to its name ("KI-Firma OpenAI").
            follows_run = (
                run
                and "-" not in run[-1]
                and line[match.start() - 1] == " "
                and line[: match.start()].rstrip().endswith(run[-1])
            )
            if _is_name_token(token) and (follows_run or not run):
                run.append(token)
                continue
            _flush(run, counts)
            run = [token] if _is_name_token(token) else []
        _flush(run, counts)
    return [name for name, _ in counts.most_common(limit)]


def _flush(run: list[str], counts: Counter[str]) -> None:
    while (
        run and run[-1] in LEGAL_SUFFIXES and len(run) > 1 and run[-1] not in {"AG", "SE", "GmbH"}
    ):
        run.pop()
    if run and not all(token in LEGAL_SUFFIXES for token in run):
        counts[" ".join(run)] += 1
        if len(run) > 1:
            # Keep short forms choosable ("CNBC" of "Wirtschaftssenders CNBC") without
            # ranking them above names the article repeats.
            for token in (run[0], run[-1]):
                counts[token] += 0


# --- comparing names across articles and against gold ------------------------------------

Entity = list[str]  # the aliases one party goes by

_LEGAL = re.compile(
    r"\b(ag|gmbh|se|kg|kgaa|inc|corp|ltd|plc|nv|sa|holding|group|co|llc|zrt|verlag\w*)\b"
)


def normalize_name(name: str) -> str:
    """Case, diacritics, punctuation and legal suffixes do not make another party."""
    name = unicodedata.normalize("NFKD", name.casefold())
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[^\w]+", " ", name)
    return " ".join(_LEGAL.sub(" ", name).split())


def same_party(name: str, entity: Entity) -> bool:
    """Whether `name` is one of the entity's aliases, allowing a whole-word part
    ("Amazon.com" for "Amazon", "Porsche" for "Porsche AG")."""
    mine = normalize_name(name)
    if not mine:
        return False
    for alias in map(normalize_name, entity):
        if not alias:
            continue
        if mine == alias or f" {alias} " in f" {mine} " or f" {mine} " in f" {alias} ":
            return True
    return False
