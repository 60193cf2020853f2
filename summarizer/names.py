"""Find the names an article mentions, so the model can only choose parties that exist.

German capitalises every noun, so "capitalised" does not mean "name". The heuristics here
keep what looks like a proper name (brands like OpenAI, acronyms like DFS, words with a
legal suffix, capitalised words that are not common German nouns) and join neighbouring
ones ("Axel Springer", "Premium Aerotec"). Recall matters more than precision: a junk
candidate costs little, a missing party cannot be chosen at all.
"""

from __future__ import annotations

import gzip
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from .money import currency_names

_WORD = re.compile(r"[\w&+][\w&.+'’-]*[\w&+]|[\w&+]")
# Legal forms: part of a name ("Bertelsmann AG"), never a name alone.
LEGAL_SUFFIXES = frozenset(
    """
AG GmbH GesmbH SE KG KGaA Inc Inc. Corp Corp. Ltd Ltd. plc PLC N.V. S.A. SA Holding Group Co. LLC ag
gmbh se ZRt Zrt. Zrt
""".split()
)
# Endings of German common nouns (and of adjectives used as nouns).
_NOUN_ENDINGS = tuple(
    """
ung ungen heit heiten keit keiten schaft schaften tion tionen tät täten nis nisse tum ismus
ment mente chen lich isch ische ischer ischen isches ität
kauf käufe verkauf geschäft geschäfte markt märkte konzern konzerne firma
werk werke sparte sparten tochter töchter gruppe unternehmen aktie aktien anteil anteile
chef chefs sprecher kreise kreisen investor investoren kunde kunden entwickler händler
hersteller betreiber anbieter nutzer rivale rivalen sender senders zeitung agentur autobauer
versicherer journalist analyst analysten
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
Mehr Weitere Ziel Plan Pläne Schritt Wert Zahl Rund Etwa Bis Franken Pfund Banken
Investoren Investor Kreisen Insider Analysten Anleger Aktionäre Käufer Verkäufer Börsen
Deshalb Dabei Danach Dafür Dagegen Daher Denn Doch Erst Heute Gestern Morgen Jetzt Nun
Inzwischen Unterdessen Zuletzt Zuvor Bereits Damals Außerdem Insgesamt Allerdings
Mitte Anfang Hälfte Teil Seite Dollar-Milliarden Euro-Milliarden Kurs Kurse Umsatz Gewinn
Verlust Dividende Milliarde Million Punkte Punkten Stand Hintergrund Grund Falls Sollte
Kein Keine Alle Viele Einige Beide Andere Jeder Jede Ihre Seine Sein Unser
Dr Prof Dessen Deren Durch Zunächst Zuerst Schließlich Später Künftig Ebenfalls Dennoch
Trotzdem Somit Also Höhe Erneut Gleiches Ähnliches Anderes Neues Weiteres IPO CEO CFO
COO CTO Da Dort Hier Dazu Jedwede Jegliche Knapp Kaum Konkret Indes Hinzu Wenige Mehrere
Manche Etliche Sämtliche Zahlreiche Diverse Alles Nichts Vieles Manches
Wegen Gegen Ohne Bis Ab Aufs Ins Ans Vorerst Anschließend Hingegen Jedenfalls Immerhin
Offenbar Angeblich Womöglich Möglicherweise Vermutlich Eigentlich Zugleich Ebenso
Brutto Netto Bezugsberechtigt Stimmberechtigt Meldepflichtig Statt Anstatt
Keiner Niemand Jemand Hinter Zwischen Innerhalb Außerhalb Angesichts Aufgrund Infolge
Mithilfe Dank Gemäß Seitens Zufolge Entgegen Samt Mittels Anhand Hinsichtlich Bezüglich
Zugunsten Jenseits Binnen Übrigens Zwar Ferner Vielmehr Überdies Sogar Zusätzlich Weiterhin
Übernahme Übernahmen Fusion Fusionen Börsengang Beteiligung Kapitalerhöhung Kreditlinie
Finanzierungsrunde Transaktion Offerte Angebot Du Dir Dich Euch
""".split()
)
# Words of company names that German text also uses as nouns: they continue a name
# ("Grohmann Automation", "Siemens Energy", "Springer Nature") but never start one.
BUSINESS_WORDS = frozenset(
    """Automation Energy Energie Capital Partners Group Systems Solutions Technologies
    Holdings Labs Ventures Media Motors Airlines Airways Bank Trust Nature Mail Payments
    Electronics Medical Maritime Shipping Logistics Logistik Industries Services Software
    Pharma Therapeutics Biotech Semiconductors Networks Finance Financial Insurance Börse
    Versicherung Versicherungen Verlag Verlages Solar Wind Power Immobilien Chemie Bau
    Baustoffe Feinmechanik Elektrotechnik Systemtechnik Halbleiter Investment Investments
    Beteiligungen Entertainment Health Healthcare Foods Retail Mobility Aerospace""".split()
)
# Glued words: a scraper removed the spaces around a link ("DerDAXhat", "DieDHLGroup",
# "Healthineersübernimmt"). Only a function word before, or a short finite verb after, a
# capitalised run is split off, so "OpenAI", "ChatGPT" or "BioNTech" stay whole.
_GLUED_HEAD = re.compile(
    r"^(Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Eines|Beim|Vom|Zum|Zur|Im|Am|Auch|Mit|Von|"
    r"Bei|Für|Laut|Nach)(?=[A-ZÄÖÜ]{2}|[A-ZÄÖÜ][a-zäöüß]+[A-ZÄÖÜ])"
)
_GLUED_VERB = re.compile(
    r"(?<=[\w&])(übernimmt|übernahm|kauft|kaufte|verkauft|verkaufte|erwirbt|erwarb|investiert|"
    r"steigt|legte|verlor|gewann)$"
)
_GLUED_AFTER_ACRONYM = re.compile(r"(?<=[A-ZÄÖÜ]{2})(hat|hatte|ist|war|will|soll|wird|und|hält)$")
_GLUED_SENTENCE = re.compile(r"(?<=[a-zäöüß]{3})\.(?=[A-ZÄÖÜ][a-zäöüß])")
_ACRONYM_WORD = re.compile(r"^([A-ZÄÖÜ]{2,})([A-ZÄÖÜ][a-zäöüß]{3,})$")  # "DHLGroup"
# A long lower-case run, then a capital: two words ("ChemikalienSiemens"); names such as
# "ThyssenKrupp" or "ProSiebenSat.1" have shorter runs.
_LOWER_UPPER = re.compile(r"(?<=[a-zäöüß]{7})(?=[A-ZÄÖÜ][a-zäöüß])")


@dataclass(frozen=True)
class Mention:
    """A name where it stands, from `start` to `end`; `text` is that span, with a space
    put back where a scraper had glued two words ("DHLGroup" -> "DHL Group")."""

    start: int
    end: int
    text: str


@cache
def _words(name: str) -> frozenset[str]:
    """A word list shipped in summarizer/data (from Wiktionary via german-nouns, CC BY-SA
    4.0; see data/NOTICE.md), read on first use: common nouns in every case and number
    ("Fokus", "Anlegern", "Notverkauf" are no parties), first names, place names; and
    companies.txt, by hand: well-known companies whose names are German nouns too."""
    data = files("summarizer").joinpath(f"data/{name}").read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return frozenset(data.decode("utf-8").split())


def is_common_noun(word: str) -> bool:
    """A common noun by its ending, the stop list, the lexicon, or the lexicon's noun at its
    end ("Geldspritze", "Fremdfirmen"). Names that are nouns too ("Amazon", "Tesla",
    "Bertelsmann") are rescued by how the article uses them: see `_used_as_name`."""
    if word in _words("companies.txt"):
        return False  # "die Allianz", "Linde", "Puma": the companies, in business news
    lower = word.lower()
    if word in _STOP or lower.endswith(_NOUN_ENDINGS) or lower.capitalize() in _STOP:
        return True
    lexicon = _words("common_nouns.txt.gz")
    if word in lexicon:
        return True
    head = word.rsplit("-", 1)[-1]
    if len(head) < 7:
        return False
    for i in range(2, len(head) - 3):
        tail = head[i:].capitalize()
        # A short head ("Kurs", "Plus", "Jahr") only after a noun of its own: "Ausgabekurs",
        # "Jahresplus", but "Blackstone" and "Tradegate" are not German compounds.
        if tail in lexicon and (len(tail) >= 5 or _noun_before(head[:i], lexicon)):
            return True
    return False


def _noun_before(first: str, lexicon: frozenset[str]) -> bool:
    """Whether a compound's first part is a noun, with or without its linking letters."""
    forms = {first, first.removesuffix("s"), first.removesuffix("es"), first.removesuffix("n")}
    return any(form.capitalize() in lexicon for form in forms if len(form) >= 3)


_DESCRIPTOR = re.compile(
    r"(?:Firma|Konzern|Unternehmen|Hersteller|Autobauer|Gruppe|Tochter|Tochterfirma|Rivale|"
    r"Rivalen|Konkurrent|Konkurrenten|Marke|Anbieter|Händler|Versicherer|Zulieferer|Bank|"
    r"Investor|Finanzinvestor|Start-up|Startup|Plattform|Entwickler|Chiphersteller)\s+$"
)


_ARTICLE_LIKE = re.compile(
    r"(?i)der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|im|am|zum|zur|vom|beim|"
    r"ins|kein\w*|sein\w*|ihr\w*|unser\w*|dies\w*|jede\w*|viele|alle|[a-zäöüß]+(e|en|er|es|em)|"
    r"[\d.,]+|ohne|um|als|wie|und|oder|sowie|[„\"(]|"
    # Prepositions before which a common noun stands bare ("vor Börsenbeginn", "mit
    # Erfolg"); "bei Siemens", "von Amazon", "für Tesla" do say name.
    r"vor|nach|seit|mit|zu|unter|über|gegen|auf|aus|zwischen|aufs|ans|übers|durchs|fürs"
)


def _found(word: str, text: str, *, touching: str = "-") -> list[int]:
    """Where `word` stands in `text` as a whole word: no letter, digit, "_" or one of
    `touching` right before or after it. (str.find, not a regex per word: compiling one
    for every name of every article cost half the CPU of a batch.)"""
    starts = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        edges = (text[at - 1] if at else "", text[end] if end < len(text) else "")
        if not any(c and (c.isalnum() or c == "_" or c in touching) for c in edges):
            starts.append(at)
        at = text.find(word, at + 1)
    return starts


@lru_cache(maxsize=1)
def _legal_form_after() -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s in sorted(LEGAL_SUFFIXES, key=len, reverse=True))
    return re.compile(rf"\s+(?:{suffixes})(?!\w)")


def _used_as_name(word: str, text: str) -> bool:
    """Whether the article uses a word the lexicon knows as a noun as a name: with a legal
    form ("Bertelsmann AG"), as a compound's first part ("Amazon-Aktie",
    "Twitter-Übernahme"), after a descriptor ("die Firma Tesla"), or without the article
    a common noun would take."""
    for start in _found(word, text, touching=""):
        end = start + len(word)
        if _legal_form_after().match(text, end):
            return True
        # "Amazon-Aktie", "Bayer-Sprecher", but not "Übernahme-Spekulationen"
        head = re.match(r"-([A-ZÄÖÜ][\wäöüß]*)", text[end : end + 40])
        company_head = head and (
            head.group(1) in _COMPANY_HEADS
            or head.group(1) in DEAL_HEADS
            or _DESCRIPTOR_WORD.search(head.group(1))
        )
        if company_head and (not start or text[start - 1] != "-"):
            return True
    plural = word.endswith(("en", "er", "ern", "el")) or (
        word.endswith(("s", "e")) and is_common_noun(word[:-1])  # "von Solarparks"
    )
    # A singular noun takes an article or an adjective ("der Fokus", "staatliche Hilfe");
    # a company name does not ("hatte Tesla", "prüft Siemens"). After a preposition a mass
    # noun stands bare too ("an Bord", "in Software", "per Dekret"), so that counts only
    # twice. Plurals ("Banken") prove nothing; one use with an article disproves.
    after_verb = after_preposition = with_article = 0
    for start in _found(word, text):
        before = text[max(0, start - 40) : start]
        if _DESCRIPTOR.search(before):
            return True
        previous = re.search(r"(\S+)\s+$", before)
        # Not at a sentence start or in a headline, where any noun may stand bare
        # ("Börsengang geplant").
        line_end = text.find("\n", start + len(word))
        line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else None]
        headline = not line.rstrip().endswith((".", "!", "?", ":", '"', "“", "«"))
        if headline or previous is None or previous.group(1)[-1] in ".!?:-–—":
            continue
        word_before = previous.group(1)
        if word_before[-1] in ",;" or word_before in ("und", "oder", "sowie"):
            continue  # "Papier, Karton und Wellpappe": in a list any noun stands bare
        if _COUNTED.fullmatch(word_before) or (
            _DETERMINED.fullmatch(word_before) and not _PAST_TENSE.search(word_before)
        ):
            with_article += 1  # "zwei Mal", "drei Prozent": a number counts a noun
        elif _ARTICLE_LIKE.fullmatch(word_before):
            continue  # "vor Börsenbeginn", "teilte": neither name nor noun
        elif word_before.lower() in _NAME_PREPOSITIONS:
            after_preposition += 1
        else:
            after_verb += 1
    if plural or with_article:
        return False
    return after_verb >= 1 or after_preposition >= 2


# Prepositions before which a name stands bare ("bei Siemens", "an Linde"), and so can a
# mass noun ("an Bord"); the others are in _ARTICLE_LIKE.
_NAME_PREPOSITIONS = frozenset("in an bei von für per durch um vom".split())
# An article, a determiner, an adjective or a genitive before a noun ("der Fokus",
# "staatliche Hilfe", "Obamas Dekret"); weak verbs in the past look like adjectives
# ("teilte Siemens mit"), and are not.
_DETERMINED = re.compile(
    r"(?i:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|kein\w*|sein\w*|ihr\w*|"
    r"unser\w*|dies\w*|jede\w*)|[a-zäöüß]+(e|en|er|es|em)|[A-ZÄÖÜ][\w-]*s"
)
_COUNTED = re.compile(
    r"\d[\d.,]*|(?i:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|"
    r"hundert|tausend|mehrere|einige|viele|wenige|beide)"
)
_PAST_TENSE = re.compile(r"^[a-zäöüß]+[^aeiouäöü]ten?$")


def is_name_word(token: str) -> bool:
    """Whether a capitalised word may be (part of) a name by itself."""
    if token in LEGAL_SUFFIXES:
        return True
    if len(token) < 2 or not token[0].isupper() or token in _STOP:
        return False
    if token in _currency_codes() or re.search(r"schwer(e[nmrs]?)?$", token):
        return False  # "GBP", "Milliardenschwerer Rückkauf"
    if "ss" in token and token.replace("ss", "ß") in _STOP:
        return False  # Swiss spelling: "Ausserdem"
    head = token.rsplit("-", 1)[-1]  # "KI-Firma" is a firm, "Mercedes-Benz" a name
    if "-" in token and head and (head[0].islower() or is_common_noun(head)):
        return False
    if any(c.isupper() for c in token[1:]) or any(c.isdigit() for c in token):
        return True  # OpenAI, ChatGPT, DFS, Amazon.com, A380
    lower = token.lower()
    if lower.endswith(_NOUN_ENDINGS):
        return token in _words("companies.txt")  # "Heidelbergcement", "Vorwerk"
    return lower.capitalize() not in _STOP


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(currency_names().values())


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Words with their spans, glued words split where a scraper joined them."""
    out = []
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0).rstrip(".")
        if glued := _GLUED_SENTENCE.search(word):  # "Prozent.Bundeskanzlerin"
            out.append((start, start + glued.start(), word[: glued.start()]))
            start, word = start + glued.end(), word[glued.end() :]
        if head := _GLUED_HEAD.match(word):
            out.append((start, start + head.end(), head.group(0)))
            start, word = start + head.end(), word[head.end() :]
        tail = _GLUED_VERB.search(word) or _GLUED_AFTER_ACRONYM.search(word)
        if tail and word[:1].isupper() and (tail.start() >= 4 or word[: tail.start()].isupper()):
            out.append((start, start + tail.start(), word[: tail.start()]))
            start, word = start + tail.start(), word[tail.start() :]
        for piece in _LOWER_UPPER.split(word):
            if acronym := _ACRONYM_WORD.match(piece):
                out.append((start, start + acronym.end(1), acronym.group(1)))
                start, piece = start + acronym.end(1), acronym.group(2)
            out.append((start, start + len(piece), piece))
            start += len(piece)
    return out


@lru_cache(maxsize=8)  # the reader, the moves and the name list all read one article
def name_mentions(text: str) -> tuple[Mention, ...]:
    """Every name in `text`, where it stands: neighbouring name words are one name ("Axel
    Springer", "Daily Mail & General Trust"); a legal form ends one ("Bertelsmann AG");
    a quoted lower-case name counts ("„con energy ag“"); a descriptor does not
    ("KI-Firma", "Konzern")."""
    mentions: list[Mention] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        while run and run[-1][2] in {"&", "+"}:
            run.pop()
        if run and not all(t[2] in LEGAL_SUFFIXES for t in run):
            if run[0][2] in LEGAL_SUFFIXES:
                run.pop(0)
            shown = text[run[0][0] : run[0][1]]
            for (_, end, _), (start, stop, _) in itertools.pairwise(run):
                shown += (text[end:start] or " ") + text[start:stop]  # unglued: a space
            mentions.append(Mention(run[0][0], run[-1][1], shown))
        run.clear()

    waiting: list[tuple[int, int, str]] = []  # capitalised words a legal form may claim
    for start, end, word in _tokens(text):
        gap = text[run[-1][1] : start] if run else ""
        # "KI-Firma OpenAI": a hyphenated descriptor is not joined to the name after it.
        joins = (
            run
            and gap in ("", " ", "\u00a0")  # "": pieces of one glued word
            and run[-1][2] not in LEGAL_SUFFIXES - {"Holding"}
            and ("-" not in run[-1][2] or word in LEGAL_SUFFIXES or _first_name(run[-1][2]))
        )
        if word in {"&", "+"} and run and gap == " ":
            run.append((start, end, word))
        elif _TRUNCATED.match(text, end):  # "Der Pharma- und Chemiekonzern"
            flush()
            waiting = []
        elif is_name_word(word) or (joins and word in BUSINESS_WORDS):
            if word in LEGAL_SUFFIXES and not joins and _adjacent(waiting, start, text):
                # "Deutsche Flugsicherung GmbH": the legal form makes it a name, but not
                # the descriptor before it ("Chemiekonzern Kalvion AG").
                cut = [i + 1 for i, w in enumerate(waiting) if _DESCRIPTOR_WORD.search(w[2])]
                run[:] = waiting[max(cut, default=0) :]
            elif not joins:
                flush()
                if waiting and _adjacent(waiting, start, text) and _leads_name(waiting[-1], text):
                    run.append(waiting[-1])  # "Quellwerk Data", "Mitteldeutsche Handelsbank"
            run.append((start, end, word))
            waiting = []
        else:
            capitalised = word[:1].isupper() and word not in _STOP
            before = list(run) if _adjacent(run, start, text) else waiting
            flush()
            if not capitalised:
                waiting = []
            elif _adjacent(before, start, text):
                waiting = [*before[-2:], (start, end, word)]
            else:
                waiting = [(start, end, word)]
        _prefix_mention(start, end, word, mentions)
    flush()
    mentions += _quoted_names(text)
    # "buecher.de", "booxtra.de": a web shop is named by its lower-case domain.
    mentions += [Mention(m.start(), m.end(), m.group(0)) for m in _DOMAIN.finditer(text)]
    # "Kreditanstalt für Wiederaufbau": institutions are named with "für".
    mentions += [Mention(m.start(), m.end(), m.group(0)) for m in _INSTITUTION.finditer(text)]
    datelines = [m.span() for m in _DATELINE.finditer(text)]
    mentions = [
        _without_descriptor(m)
        for m in mentions
        if not any(start <= m.start < end for start, end in datelines)
    ]
    verdicts: dict[str, bool] = {}  # one verdict per name, however often it is mentioned
    for mention in mentions:
        if mention.text not in verdicts:
            verdicts[mention.text] = _plausible(mention, text, mentions)
    kept = {m for m in mentions if verdicts[m.text]}
    inside = {m for m in kept for o in kept if o != m and o.start <= m.start and m.end <= o.end}
    names = {m.text for m in kept}
    return tuple(sorted((_as_named(m, names) for m in kept - inside), key=lambda m: m.start))


def _as_named(mention: Mention, names: set[str]) -> Mention:
    """The name the article itself uses: "HBCs" and "Amazons" are genitives of names it
    uses; "Dortmunder Elmos" is Elmos from Dortmund where it says "Elmos" too."""
    text = mention.text
    if text[-1:] == "s" and text[:-1] in names:
        return Mention(mention.start, mention.end - 1, text[:-1])
    first, _, rest = text.partition(" ")
    if rest in names and _place_adjective(first):
        return Mention(mention.end - len(rest), mention.end, rest)
    return mention


def _place_adjective(word: str) -> bool:
    """ "Dortmunder", "Bremer", "Kölner": of a place."""
    stem = word.removesuffix("er")
    return word.endswith("er") and any(is_place(p) for p in (stem, stem + "en", stem + "n"))


_PARTICIPLE = re.compile(
    r"(ab|an|auf|aus|bei|ein|mit|nach|vor|zu|zurück|über|unter|durch|um)?ge\w{3,}(t|en)$"
)
_ADVERB = re.compile(r"(end|ig|lich|weise|mal|falls|dings|wärts|seits)$")
_TRUNCATED = re.compile(r"-\s+(und|oder|bzw\.|sowie)\b")
_DESCRIPTOR_WORD = re.compile(
    r"(konzern|hersteller|firma|unternehmen|gruppe|tochter|anbieter|händler|versicherer|"
    r"entwickler|investor|produzent|zulieferer|betreiber|spezialist|dienstleister|riese|"
    r"bauer|sender|agentur|institut|verband|reederei|familie|spezialisten?|gesellschafter|"
    r"eigentümer|käufer|bieter|rivale|konkurrent|chef|chefin|aktionärs?|investmentbank|"
    r"förderbank|versorgers?|meister|ministerin|minister|sprecherin|sprecher|analyst|"
    r"investoren|gesellschaft|stiftung|senders|kette|vermarkter|betreiberin|haus|"
    r"plattform|namen|startup|start-up|flieger|airline|fluglinie|veranstalter|"
    r"lieferdienst|vorständin|vorstand|aufsichtsrätin|aufsichtsrat|fonds|holding|"
    r"konkurrenten|rivalen|verlag|verwaltungsrat|finanzierer|geldgeber|kapitalgeber|"
    r"inhaber|inhaberin|geschäftsmann|geschäftsfrau|unternehmer|unternehmerin)s?$",
    re.IGNORECASE,
)


# Abstract nouns and adjectives of kind ("Auslastung", "Technologische") never begin a name.
_NEVER_LEADS = re.compile(r"(ung|heit|keit|schaft|tion|tät|ismus|nis|lich|isch|ische[nrs]?)$")


def _leads_name(token: tuple[int, int, str], text: str) -> bool:
    """Whether a capitalised word the lexicon does not know, right before a name, is the
    name's first word: "Quellwerk Data", "Voltwerk Robotics", and adjectives, which German
    writes in capitals only inside a name ("Mitteldeutsche Handelsbank"). Not at a
    sentence start, where every word is capitalised, and never a descriptor
    ("Finanzinvestor Advent") or a compound of one ("VW-Anteilseigner Porsche")."""
    start, _, word = token
    lower = word.lower()
    if "-" in word or word in _STOP or word in _words("common_nouns.txt.gz"):
        return False
    if _DESCRIPTOR_WORD.search(word) or _NEVER_LEADS.search(lower):
        return False
    return not _sentence_start(start, text) and not _found(lower, text, touching="")


def _sentence_start(start: int, text: str) -> bool:
    return bool(re.search(r"(^|[.!?:]\s*|\n\s*)$", text[max(0, start - 3) : start]))


def _adjacent(words: list[tuple[int, int, str]], start: int, text: str) -> bool:
    return bool(words) and text[words[-1][1] : start] == " "


# Heads of compounds whose first part is the company: "VW-Anteile", "EADS-Konzern".
_COMPANY_HEADS = frozenset(
    """Anteil Anteile Anteilen Anteils Aktie Aktien Aktienpaket Konzern Konzerns Gruppe
    Tochter Mutter Mutterkonzern Beteiligung Titel Papiere Papier Aktienkurs Kurs""".split()
)


_REGIONS = frozenset("US USA EU UK NRW DDR BRD".split())  # "US-Konzern": where, not who


# Deal nouns whose first part is the company dealt in: "Twitter-Übernahme", "Porsche-Börsengang".
DEAL_HEADS = frozenset("Übernahme Kauf Verkauf Börsengang Übernahmeangebot Offerte".split())


def _prefix_mention(start: int, end: int, word: str, mentions: list[Mention]) -> None:
    prefix, _, head = word.partition("-")
    if (
        (head in _COMPANY_HEADS or head in DEAL_HEADS)
        and is_name_word(prefix)
        and prefix not in _REGIONS
        and prefix not in BUSINESS_WORDS  # "Pharma-Konzern" is a kind of firm
    ):
        mentions.append(Mention(start, start + len(prefix), prefix))


def _without_descriptor(mention: Mention) -> Mention:
    """ "Reederei Skagerrak Shipping" is Skagerrak Shipping: common nouns before a name
    describe it ("Chipzulieferer", "Unternehmerfamilie")."""
    words = mention.text.split(" ")
    drop = 0
    while drop < len(words) - 1 and words[drop + 1] not in LEGAL_SUFFIXES:
        # "des Halbleiterausrüsters ASML": a common noun's genitive describes the name after
        genitive = words[drop].endswith("s") and is_common_noun(words[drop][:-1])
        describes = _DESCRIPTOR_WORD.search(words[drop]) or genitive
        place = words[drop].endswith("er") and _DESCRIPTOR_WORD.search(words[drop + 1])
        if not (describes or place):
            break
        drop += 1
    if drop == 0:
        return mention
    skipped = len(" ".join(words[:drop])) + 1
    return Mention(mention.start + skipped, mention.end, " ".join(words[drop:]))


def is_place(name: str) -> bool:
    """ "Wien", "Brandenburg": where a deal happens, not who makes it. (A state that sells
    is named as one: "Land Brandenburg", "Bundesrepublik Deutschland".)"""
    places = _words("places.txt")
    return name in places or (name.endswith("s") and name[:-1] in places)  # "Europas"


def _first_name(word: str) -> bool:
    """ "Klaus", and hyphenated "Klaus-Michael"."""
    return all(part in _words("first_names.txt") for part in word.split("-"))


def is_person(name: str, mentions: Sequence[Mention]) -> bool:
    """ "Frank Wendler", "Angela Merkel": a first name and one more word, never part of a
    longer name in the article ("Axel Springer Verlag" is a firm)."""
    words = name.split()
    if len(words) != 2 or not _first_name(words[0]) or words[1] in BUSINESS_WORDS:
        return False
    return not any(m.text != name and m.text.startswith(name) for m in mentions)


def _plausible(mention: Mention, text: str, mentions: list[Mention]) -> bool:
    """A one-word name that the lexicon knows as a common noun stays only where the article
    uses it as a name, or uses it as part of a longer name ("Springer" of "Axel Springer");
    a word that stands only at the start of sentences and is written in lower case
    elsewhere ("Droht", "Verkauft") is no name at all."""
    name = mention.text
    if " " in name:
        # "Vage Übernahmegerüchte": capitals of a sentence start before a common noun.
        words = name.split()
        return not (
            is_common_noun(words[-1])
            and not any(w in LEGAL_SUFFIXES or w in BUSINESS_WORDS for w in words)
            and all(_sentence_start(at, text) for at in _found(name, text, touching=""))
        )
    if not name[:1].isupper():
        return True
    if _DESCRIPTOR_WORD.search(name) and not _used_as_name(name, text):
        return False  # "der Werbevermarkter": what a company is, named alone
    starts = all(_sentence_start(at, text) for at in _found(name, text, touching=""))
    if starts and (_ADVERB.search(name) or _PARTICIPLE.match(name.lower())):
        return False  # "Entsprechend", "Abgesichert": a sentence's first word
    if any(c.isupper() for c in name[1:]) or any(c.isdigit() for c in name):
        return True
    if _found(name.lower(), text, touching=""):
        return False
    if not is_common_noun(name):
        return True
    longer = (m.text.split() for m in mentions if " " in m.text)
    return _used_as_name(name, text) or any(name in (w[0], w[-1]) for w in longer)


# "KIEL (dpa-AFX) -": the city a wire story was filed from.
_DATELINE = re.compile(
    r"(?:^|(?<=\s))[A-ZÄÖÜ]{3,}(?:[/ -][A-ZÄÖÜ]{3,})*(?=\s*(?:\((?:dpa|Reuters|AFP|AP|APA|awp|"
    r"Dow Jones|Bloomberg|sda)|[-–—]\s))|"
    # "Schwerzenbach (awp) -": a town in ordinary case, at a line's start, before the agency
    r"^[A-ZÄÖÜ][\wäöüß.-]+(?: [A-ZÄÖÜ][\wäöüß.-]+)?(?= \((?:dpa|Reuters|AFP|AP|APA|awp|sda)\b)",
    re.MULTILINE,
)
_FUNCTION_WORDS = frozenset(
    "nicht auf der die das den dem des und oder ist sind war nur noch auch mit von zu im am "
    "in an bei für als wie so es sich ein eine kein keine".split()
)
_QUOTED = re.compile(r"[„\"“»]([a-zäöü][\w&.-]*(?: [\w&.-]+){0,3})[“\"”«]")


def _quoted_names(text: str) -> list[Mention]:
    """Lower-case brand names the article quotes: „con energy ag“, Elektroauto „mindset“
    (a quoted word after a noun, or several words; a quoted „strategisch“ is a word)."""
    return [
        Mention(m.start(1), m.end(1), m.group(1))
        for m in _QUOTED.finditer(text)
        if len(m.group(1)) <= 40
        and not set(m.group(1).split()) & _FUNCTION_WORDS
        and (
            " " in m.group(1)
            or re.search(r"[A-ZÄÖÜ]\w+\s$", text[max(0, m.start() - 40) : m.start()])
        )
    ]


def short_forms(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Abbreviations the article defines: "Deutsche Flugsicherung GmbH (DFS)" makes "DFS"
    another name of the same party."""
    by_start = {m.start: m for m in mentions}
    forms: dict[str, str] = {}
    for mention in mentions:
        opening = re.match(r"\s*[(„\"]\s*", text[mention.end : mention.end + 4])
        short = opening and by_start.get(mention.end + opening.end())
        if short and short.text != mention.text and len(short.text) < len(mention.text):
            forms[short.text] = mention.text
    return forms


_DOMAIN = re.compile(r"(?<![\w@./-])[a-z][a-z0-9-]{2,}\.(?:de|com|net|at|ch|io|eu)(?![\w/-])")
_INSTITUTION = re.compile(
    r"\b[A-ZÄÖÜ]\w*(?:anstalt|institut|amt|ministerium|agentur|gesellschaft|verband|zentrum|"
    r"stiftung|bank|kasse) für [A-ZÄÖÜ]\w+(?: und [A-ZÄÖÜ]\w+)?"
)


def candidate_names(text: str, *, limit: int = 25) -> list[str]:
    """Names in `text`, most frequent first, each exactly as it is written there."""
    counts = Counter(m.text for m in name_mentions(text))
    return [name for name, _ in counts.most_common(limit)]


# --- comparing names across articles and against gold ------------------------------------

Entity = list[str]  # the aliases one party goes by


def _folded(text: str) -> str:
    """Without case, diacritics or punctuation: "Zrt." and "zrt" are one word."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


# The legal forms, folded, and publishers ("Axel Springer Verlag" is Axel Springer).
_LEGAL = re.compile(
    r"\b("
    + "|".join(sorted({re.escape(_folded(s)) for s in LEGAL_SUFFIXES}, key=len, reverse=True))
    + r"|verlag\w*)\b"
)


def normalize_name(name: str) -> str:
    """Case, diacritics, punctuation and legal suffixes do not make another party."""
    return " ".join(_LEGAL.sub(" ", _folded(name)).split())


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
