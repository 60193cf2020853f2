"""Deal frames: what one German deal statement says, read by code.

A frame is found where a sentence uses deal vocabulary (lexicon.TRIGGERS). Its roles come
from the clause: German marks them with prepositions and voice ("X übernimmt Y", "Y wird
von X übernommen", "Einstieg von X bei Y", "X verkauft Y an Z"). Its figures are the
amounts and percentages of that sentence whose neighbouring words say what they are (a
price per share, a valuation, the amount), or of the sentence right after it when that one
only adds a figure ("Der Kaufpreis beträgt ..."). A figure about another party ("Microsoft
hält 27 Prozent") stands in a sentence without a trigger and so belongs to no frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..draft import DealDraft
from ..models import DealKind, DealStatus
from ..money import find_money, find_percents
from ..names import (
    Mention,
    is_common_noun,
    is_name_word,
    is_person,
    is_place,
    name_mentions,
    normalize_name,
    same_party,
    short_forms,
)
from . import lexicon
from .sentences import Sentence, split_sentences

_PREPOSITIONS = {
    "von": "von",
    "vom": "von",
    "durch": "durch",
    "an": "an",
    "am": "an",
    "bei": "bei",
    "beim": "bei",
    "in": "in",
    "im": "in",
    "ins": "in",
    "für": "für",
    "mit": "mit",
    "über": "über",
    "zu": "zu",
    "zum": "zu",
    "zur": "zu",
    "aus": "aus",
    "gegen": "gegen",
    "unter": "unter",
    "nach": "nach",
}
_DETERMINERS = frozenset(
    """der die das den dem des ein eine einer einem eines einen sein seine seiner seinem
    seinen ihr ihre ihrer ihrem ihren dessen deren""".split()
)
_AUXILIARIES = re.compile(r"\b(wird|wurde|werden|wurden|worden|soll|sollen|sollte)\b", re.I)
_PARTICIPLE = re.compile(
    r"\b(übernommen|gekauft|erworben|verkauft|veräußert|übertragen|privatisiert)\b", re.I
)
# A deal noun ("Erwerb", "Kauf"), not the verb it comes from ("zu erwerben", "kaufen").
_NOMINAL = re.compile(
    r"\b(übernahme|kauf|erwerb|einstieg|verkauf|beteiligung|investition|fusion)"
    r"(?!(en|t|te|ten|e)\b)",
    re.I,
)
_SELLING = re.compile(
    r"verkauf|verkäuf|veräußer|privatisier|abgestoßen|abstoßen|trennt sich|\bgibt|abspalt", re.I
)
_RECEIVES = re.compile(r"\b(erhält|erhielt|bekommt|bekam|beantragt|nimmt|nahm|sichert sich)\b")
# Who borrows says it with these ("hat ein Schuldscheindarlehen platziert", "hat sich mit
# den Banken auf einen Kredit geeinigt", "gibt eine Anleihe aus"); who lends with those
# ("gewährt", "hat der Fluggesellschaft einen Kredit zugesagt", "bürgt").
_BORROWS = re.compile(
    r"\b(platziert\w*|aufgenommen|aufnehmen|begeben|begibt|ausgegeben|einig\w*|geeinigt|"
    r"refinanzier\w*|gibt\b.{0,80}\baus)\b|\bmit (einem|den|mehreren) \w*\s?(banken|konsortium)",
    re.IGNORECASE,
)
_LENDS = re.compile(
    r"\b(gewähr\w*|vergib\w*|vergab\w*|vergeben|verleih\w*|zugesagt|bereitgestellt|"
    r"bürg(t|en|te|ten)|stell\w*\b.{0,80}\bbereit|sag\w*\b.{0,80}\bzu)\b",
    re.IGNORECASE,
)
_ROLE_SENTENCE = re.compile(
    r"\b(ver)?käufer (war|ist|sind|waren)\b|\bbisherigen? (eigentümer|besitzer|mehrheitseigner)|"
    r"\bstamm\w* (von|aus dem bestand)",
    re.I,
)
# "wie deren Eigentümer X mitteilte", "der Mehrheitseigner X": who owned what is sold.
_OWNER = re.compile(
    r"\b(eigentümer|besitzer|mehrheitseigner|alteigentümer|großaktionärs?|verkäufer)\b"
    r"[\w\s,-]{0,40}$",
    re.I,
)
_COARSE = {
    DealKind.investment: "invest",
    DealKind.stake_purchase: "invest",
    DealKind.funding_round: "invest",
    DealKind.capital_increase: "invest",
    DealKind.acquisition: "acquire",
    DealKind.takeover_offer: "acquire",
}
# Kinds whose company is the target and that need no buyer to be a deal.
_TARGET_ONLY = {
    DealKind.ipo,
    DealKind.funding_round,
    DealKind.capital_increase,
    DealKind.share_buyback,
}
_BUYING = {
    DealKind.acquisition,
    DealKind.stake_purchase,
    DealKind.investment,
    DealKind.takeover_offer,
    DealKind.insider_purchase,
    DealKind.share_buyback,
}


class Frame(DealDraft):
    """One candidate deal: a deal draft (kind, status, roles and figures, each a span of
    the article), grounded like a model's, with what the reader knows of its context."""

    evidence: str = ""
    sentence: int = 0
    status_stated: bool = True  # False: no cue, the status is the default for the tense
    unnamed_target: bool = False  # "übernimmt einen Wettbewerber": named sentences later
    unnamed_buyer: bool = False  # "wird an eine Investorengruppe verkauft"
    merges_with_previous: bool = False  # "will sie mit X zusammengehen": sie = named before

    def parties(self) -> list[str]:
        return [*self.buyers, *self.targets, *self.sellers]


def frame_keys(frames: tuple[Frame, ...] | list[Frame]) -> tuple[str, ...]:
    """Short keys a model chooses frames by ("D1", "D2", ...): a few tokens instead of a
    whole description; code maps the key back to its frame."""
    return tuple(f"D{number}" for number in range(1, len(frames) + 1))


@dataclass(frozen=True)
class _Arg:
    """A name in a clause and what marks its role: a preposition, or nothing."""

    name: str
    start: int  # offset in the sentence
    marker: str | None


def read_deals(text: str) -> list[Frame]:
    """The article's candidate deals, the one it is most about first."""
    mentions = name_mentions(text)
    sentences = split_sentences(text)
    salient = _by_salience(mentions)
    aliases = short_forms(text, mentions)
    frames: list[Frame] = []
    for index, sentence in enumerate(sentences):
        inside = _within(mentions, sentence)
        frame = _frame(sentence, index, inside, frames, salient)
        if frame is not None and _lists_backers(frame, frames, sentence, inside, aliases):
            continue
        if frame is not None:
            if frame.merges_with_previous:
                earlier = [
                    m.text for m in mentions if m.start < sentence.start and m.text in salient
                ]
                frame.buyers += [n for n in reversed(earlier) if not _among(n, frame.buyers)][:1]
            frames.append(frame)
        elif frames and (
            index - frames[-1].sentence <= 4
            # "Die Porsche AG wird damit mit 75 Milliarden Euro bewertet", paragraphs on;
            # "das Unternehmen wird ... bewertet" refers back to it too (what "das
            # Unternehmen" will spend is not the deal's).
            or any(_among(m.text, frames[-1].parties(), aliases) for m in inside)
            or (
                not inside
                and bool(_DESCRIBED.search(sentence.text))
                and bool(lexicon.VALUATION.search(sentence.text))
            )
            # "Das Programm hat insgesamt ein Volumen von 5,8 Millionen Euro"
            or (
                bool(_REFERS_BACK.search(sentence.text))
                and bool(lexicon.FOLLOW_UP.search(sentence.text))
            )
        ):
            _follow_up(_told_again(frames, sentence.text), sentence, inside, aliases)
    ranked = _rank(_merge(frames, aliases), mentions)
    if all(_BACKGROUND.search(frame.evidence) for frame in ranked):
        return []  # only deals told as the past behind the news: the news is no deal
    media = [n for s in sentences for n in _arguments(s, _within(mentions, s))[1]]
    for number, frame in enumerate(ranked):
        # The outlets an article cites report its main deal; another deal keeps only the
        # outlets its own sentences name.
        if number == 0 and frame.status in (DealStatus.rumored, DealStatus.in_talks):
            frame.reported_by += [n for n in dict.fromkeys(media) if n not in frame.reported_by]
        frame.reported_by = [n for n in frame.reported_by if not _among(n, frame.parties())]
    return ranked


def _within(mentions: Sequence[Mention], sentence: Sentence) -> list[Mention]:
    return [m for m in mentions if sentence.start <= m.start < sentence.end]


def _by_salience(mentions: Sequence[Mention]) -> list[str]:
    """The article's names, the most mentioned first: what "der Konzern" most likely
    refers to, when it is not a party already named in the clause."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if not (is_place(mention.text) or is_person(mention.text, mentions)):
            counts[mention.text] = counts.get(mention.text, 0) + 1
    return sorted(counts, key=lambda name: -counts[name])


# "des Konzerns", "das Unternehmen": a party named by what it is, not by its name.
_DESCRIBED = re.compile(
    r"\b([Dd]es|[Dd]er|[Dd]en|[Dd]as|[Dd]em)( \w+){0,4}? "
    r"(Konzerns?|Unternehmens?|Firma|Herstellers?|"
    r"Gruppe|Start-ups?)\b"
)
# "wie Sachsensol mitteilte": who announced the news, not a party to it.
_ANNOUNCER = re.compile(r"(?:\bwie|\bteilte?|\bsagte|\berklärte)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_ANNOUNCED = re.compile(
    r"^\s*(?:\w+\s+){0,4}?(mitteilte|bekanntgab|berichtete|erklärte|bestätigte|mitteilt)\b"
)
# "Die IG Metall hat bestätigt: Beyerdynamic wird verkauft": who says what follows the
# colon is no party of it.
_SAYS_BEFORE_COLON = re.compile(
    r"^\W*(?:[\w-]+\s+){0,3}?(?:hat|haben|hatte|hatten)?\s*(?:bestätigt|mitgeteilt|erklärt|"
    r"bekanntgegeben|berichtet|gemeldet|angekündigt|bestätigte|erklärte|berichtete|meldete|"
    r"sagte|sagt|teilte\s+(?:\w+\s+){0,2}mit)(?:\s+[\w-]+){0,3}\s*:",
    re.IGNORECASE,
)
# Who speaks or holds an office is named for that, not as a party ("Klaus-Michael Kühne
# stockt auf" names one).
_SPEAKS = re.compile(
    r"\b(sagte|sagt|erklärte|erklärt|so|kommentierte|betonte|meinte|zufolge|laut)\b|"
    r"(chef|chefin|vorstand\w*|sprecher\w*|gründer\w*|präsident\w*|minister\w*|"
    r"analyst\w*|manager\w*|direktor\w*|leiter\w*|kanzler\w*)\W*$",
    re.IGNORECASE,
)
_BELONGS = re.compile(r"gehört", re.IGNORECASE)
_FIRM_NOUN = (
    r"(unternehmen|konzern|hersteller|firma|gruppe|gesellschaft|händler|zulieferer|anbieter|"
    r"versicherer|reederei|holding|verlag|brauerei)"
)
# "übernimmt einen chinesischen Wettbewerber": a target described, its name still to come.
_UNNAMED_TARGET = re.compile(
    r"\W*(?:\w+\W+){0,3}?(Wettbewerber|Konkurrenten?|Rivalen|Hersteller\w*|Anbieter|"
    r"Spezialisten|Start-ups?|Firma|Unternehmen|Entwickler)\b"
)
_EARLIER_FAILURE = re.compile(
    r"\bnach (einem|einer|der|dem|zwei|mehreren)( \w+){0,2}? (gescheiterten|geplatzten|"
    r"abgesagten)( \w+){1,2}",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"\b(will|wollen|soll|plant|möchte) (sie|es|er)\b")
# "wird an eine deutsche Investorengruppe verkauft": sold to a buyer not (yet) named.
_UNNAMED_BUYER = re.compile(
    r"\ban (eine[nr]?|den|die) (\w+ ){0,3}(investor\w*|käufer\w*|konsortium|"
    r"investorengruppe|gruppe von)",
    re.IGNORECASE,
)
# "Das Programm", "Die Transaktion", "Der Kauf": the deal just told, named again.
_REFERS_BACK = re.compile(
    r"\b(das|die|der|dem|den)( \w+)? (programm|rückkaufprogramm|transaktion|deal|kauf|"
    r"verkauf|übernahme|rückkauf|angebot|offerte|platzierung|emission)\b",
    re.IGNORECASE,
)
# Right after a deal noun, a genitive names what the deal is about: "Verkauf des Münchner
# Chip-Zulieferers Siltronic".
_GENITIVE_OF = re.compile(r"\s+(des|der|eines|einer)\s+([\w-]+\s+){0,3}$")
# A sold company or unit "geht an" its buyer, or "wird an X verkauft".
_SOLD = {DealKind.acquisition, DealKind.asset_sale, DealKind.stake_sale}
_GOES_TO = re.compile(r"\bgeh(t|en)\b.{0,80}\ban\b|\b(verkauft|veräußert|abgegeben)\b", re.I)
_BUYER_CLAUSE = re.compile(
    r"\bkäufer\b|\bübernimmt\b|\bübernehme[n]?\b|\bkauf(t|en|e)\b|\berw[iea]rb\w*|\bden deal\b",
    re.I,
)
# Who puts money into a round: "bestehende Investoren wie X ziehen mit", "Die
# Altgesellschafter X und Y haben nachgelegt", "angeführt von X".
_BACKERS = re.compile(
    r"investor\w*|geldgeber|kapitalgeber|gesellschafter|\bbeteilig\w*|nachgelegt|"
    r"\bziehen\b.{0,60}\bmit\b|angeführt|\bführ\w* .{0,80}\ban\b",
    re.IGNORECASE,
)
# "Hoshino führt die Finanzierungsrunde an": the round's lead investor.
_LEADS = re.compile(r"\bführ\w* .{0,80}\ban\b|angeführt|unter (der )?führung", re.IGNORECASE)


def _frame(
    sentence: Sentence,
    index: int,
    mentions: list[Mention],
    before: list[Frame],
    salient: list[str],
) -> Frame | None:
    """The frame a sentence states, or None: no deal word, a deal word in another sense,
    or nobody named in a role the kind needs."""
    text = sentence.text
    if lexicon.NOT_A_DEAL.search(text) or _ROLE_SENTENCE.search(text):
        return None
    trigger = _trigger(text)
    if trigger is None:
        return None
    kind, match = trigger
    args, media = _arguments(sentence, mentions)
    if kind is DealKind.asset_sale:
        kind = _sale_kind(text)
    status = _status(kind, text)
    frame = Frame(
        kind=kind,
        status=status or lexicon.default_status(kind, text),
        evidence=text,
        sentence=index,
        # a filing reports a manager's purchase once done: as good as stated
        status_stated=status is not None or kind is DealKind.insider_purchase,
    )
    frame.reported_by = media
    _assign_roles(frame, args, text, match)
    # "Der Konzern will ... übernehmen": the subject is the buyer named before.
    described = re.match(r"(der|die|das) [A-ZÄÖÜ]", text, re.IGNORECASE)
    if not frame.buyers and frame.targets and kind in _BUYING and before and described:
        frame.buyers = before[-1].buyers[:1]
    # "investiert in das Unternehmen", "Das Unternehmen wird an X verkauft": the company
    # of the deal just told, else the one the article is about.
    selling = bool(_SELLING.search(match.group(0)))
    wants_target = kind in _BUYING or kind in (DealKind.loan, DealKind.funding_round) or selling
    needs_one = bool(frame.buyers and wants_target) or kind in _TARGET_ONLY
    # A round's investors named, its company not: the company the article is about.
    unnamed_round = kind is DealKind.funding_round and frame.buyers
    if needs_one and not frame.targets and (unnamed_round or _DESCRIBED.search(text)):
        told = before[-1].targets if before else []
        frame.targets = [n for n in [*told, *salient] if not _among(n, frame.parties())][:1]
    if frame.buyers and not frame.targets and kind in _BUYING:
        frame.unnamed_target = frame.unnamed_target or bool(
            _UNNAMED_TARGET.match(text, match.end())
        )
    if selling and frame.targets and not frame.buyers:
        frame.unnamed_buyer = bool(_UNNAMED_BUYER.search(text))
    if not _enough(frame):
        return None
    _figures(frame, text, match.start())
    return frame


def _trigger(text: str) -> tuple[DealKind, re.Match[str]] | None:
    """The deal word of a sentence and its kind; plurals that name deals in general
    ("feindliche Übernahmen") are no trigger."""
    for kind, pattern in lexicon.TRIGGERS:
        for match in pattern.finditer(text):
            if not lexicon.GENERIC_PLURAL.match(text, match.start()):
                return kind, match
    return None


def _sale_kind(text: str) -> DealKind:
    """A sale is of a stake, of an asset, or (seen from the buyer) of a whole company;
    a privatisation sells shares."""
    if lexicon.STAKE_WORDS.search(text) or re.search(r"privatisier", text, re.I):
        return DealKind.stake_sale
    if lexicon.ASSET_WORDS.search(text):
        return DealKind.asset_sale
    return DealKind.acquisition


def _status(kind: DealKind, text: str) -> DealStatus | None:
    """The status the sentence's words state, or None where they state none. A manager's
    purchase is reported from a filing ("ein meldepflichtiger Insider"): no rumour."""
    cues = lexicon.STATUS_CUES
    if kind is DealKind.insider_purchase:
        cues = tuple((s, p) for s, p in cues if s is not DealStatus.rumored)
    text = _EARLIER_FAILURE.sub("", text)  # "Nach einem gescheiterten Versuch will sie ..."
    status = next((s for s, p in cues if p.search(text)), None)
    if status is None and kind is DealKind.takeover_offer:
        return DealStatus.offered
    return status


def _arguments(sentence: Sentence, mentions: list[Mention]) -> tuple[list[_Arg], list[str]]:
    """The names of a clause with their markers, and the news outlets it cites apart."""
    args: list[_Arg] = []
    media: list[str] = []
    text = sentence.text
    for mention in mentions:
        start = mention.start - sentence.start
        before, after = text[:start], text[mention.end - sentence.start :]
        if (
            lexicon.MEDIA.match(mention.text)
            or lexicon.MEDIA_BEFORE.search(before)
            or lexicon.MEDIA_AFTER.match(after)
        ):
            media.append(mention.text)
            continue
        if lexicon.INDEXES.match(mention.text):
            continue  # "im Dax", "auf Tradegate": where shares trade, never a party
        if _OWNER.search(before[-60:]):
            args.append(_Arg(mention.text, start, "owner"))
            continue
        if (_ANNOUNCER.search(before) and _ANNOUNCED.match(after)) or _SAYS_BEFORE_COLON.match(
            after
        ):
            continue
        speaks = _SPEAKS.search(before[-40:]) or _SPEAKS.search(after[:30])
        if is_person(mention.text, mentions) and speaks and not lexicon.INSIDER.search(text):
            continue  # "sagte Vorstandschef Frank Wendler": who speaks, not who buys
        if is_place(mention.text):
            continue
        args.append(_Arg(mention.text, start, _marker(before)))
    return args, list(dict.fromkeys(media))


def _marker(before: str) -> str | None:
    """The preposition that governs the name after `before`, looking back over articles,
    adjectives and descriptors ("in den ChatGPT-Entwickler OpenAI" -> "in")."""
    words = re.findall(r"[\w'’.-]+|[,;:()]", before)[-5:]
    nouns = 0
    for word in reversed(words):
        lower = word.lower()
        if lower in _PREPOSITIONS:
            return _PREPOSITIONS[lower]
        if word in ",;:()" or lower in {"und", "oder", "sowie"} or _NOMINAL.match(word):
            return None  # "Beteiligung der KfW": a deal noun's genitive is unmarked
        descriptor = word[:1].isupper() and (not is_name_word(word) or is_common_noun(word))
        adjective = word[:1].islower() and re.search(r"(e|en|er|es|em)$", lower)
        # "der unter Druck geratene Hersteller Nordex": a second noun further back is
        # another phrase's ("unter Druck"), not this name's (a place's "Münchner" is not).
        nouns += bool(descriptor)
        if nouns > 1 and descriptor and not word.endswith("er"):
            return None
        if not (lower in _DETERMINERS or descriptor or adjective or lower.isdigit()):
            return None
    return None


def _assign_roles(frame: Frame, args: list[_Arg], text: str, trigger: re.Match[str]) -> None:
    kind = frame.kind
    passive = bool(_AUXILIARIES.search(text) and _PARTICIPLE.search(text))
    nominal = bool(_NOMINAL.match(trigger.group(0)))
    plain = [a for a in args if a.marker is None]
    by = [a for a in args if a.marker in ("von", "durch")]
    into = [a for a in args if a.marker in ("in", "bei", "an")]

    def names(items: list[_Arg]) -> list[str]:
        return list(dict.fromkeys(a.name for a in items))

    if kind is DealKind.merger:
        frame.buyers = names([a for a in args if a.marker in (None, "mit", "von")])[:3]
        if len(frame.buyers) == 1 and _PRONOUN_SUBJECT.search(text):
            # "... will sie mit der Sparkasse Osterode zusammengehen": "sie" is the company
            # named before, which the caller adds (see read_deals)
            frame.merges_with_previous = True
    elif kind is DealKind.funding_round and _LEADS.search(text):
        # "Hoshino führt die Runde an", "unter Führung von X", "angeführt von X"
        led = [a for a in args if a.marker in ("unter", "von") and a.start > trigger.start()]
        frame.buyers = names(plain or led)[:2]
        frame.targets = names([a for a in args if a.marker in ("für", "bei", "in")])[:1]
    elif kind in _TARGET_ONLY:
        frame.targets = names(plain or [a for a in args if a.marker in ("für", "bei")])[:1]
        frame.buyers = names(
            [a for a in by if a.start > trigger.start()] + [a for a in args if a.marker == "unter"]
        )[:3]
        if kind is DealKind.share_buyback:
            frame.buyers, frame.targets = frame.targets, []
        elif kind is DealKind.capital_increase and (
            of := [a for a in args if a.marker == "von" and a.start > trigger.start()]
        ):
            # "X hat sich an der Kapitalerhöhung von Y beteiligt": X subscribes to Y's
            frame.targets, frame.buyers = names(of)[:1], names(plain)[:2]
        elif kind is DealKind.funding_round and _BACKERS.search(text) and not frame.buyers:
            # "schießen Investoren wie X und Y zu": the names are who pays in
            frame.buyers, frame.targets = names(plain)[:12], []
    elif kind is DealKind.loan:
        if _RECEIVES.search(text) or (_BORROWS.search(text) and not _LENDS.search(text)):
            lenders = [a for a in args if a.marker in ("von", "durch", "bei", "unter")]
            frame.targets, frame.buyers = names(plain)[:1], names(lenders)[:2]
        else:
            frame.buyers = names([a for a in args if a.marker == "unter"] or plain)[:1]
            rest = [a for a in plain if a.name not in frame.buyers]
            frame.targets = names([a for a in args if a.marker in ("an", "für")] or rest)[:1]
    elif _SELLING.search(trigger.group(0)):
        to = [a for a in args if a.marker == "an"]
        frame.buyers = names(to)[:2]
        if re.search(r"privatisier", trigger.group(0), re.I):
            frame.targets = names(plain or by)[:1]  # the state sells the company itself
        elif passive:
            frame.targets = names(plain)[:1]
            frame.sellers = names(by)[:1]
        elif sold := [a for a in plain if _GENITIVE_OF.match(text, trigger.end(), a.start)]:
            # "Der Verkauf des Chip-Zulieferers Siltronic": what is sold; "Verkauf von X"
            # (marked "von") stays a seller's, as before.
            frame.targets = names(sold)[:1]
        else:
            frame.sellers = names(plain)[:1]
            rest = [a for a in plain[1:] if a.name not in frame.sellers]
            frame.targets = names(rest or [a for a in by if a.start > trigger.start()])[:1]
    elif _BELONGS.match(trigger.group(0)):
        # "Märklin gehört jetzt zum Spielwarenhersteller Simba Dickie": bought by the other
        frame.targets = names(plain)[:1]
        frame.buyers = names([a for a in args if a.marker == "zu" or a.start > trigger.start()])
        frame.buyers = [n for n in frame.buyers if n not in frame.targets][:1]
    else:  # buying: acquisition, stake purchase, investment, offer, insider purchase
        after = [a for a in args if a.start > trigger.start()]
        if passive or (nominal and any(a.marker == "durch" for a in args)):
            frame.buyers = names(by if passive else [a for a in by if a.marker == "durch"])[:2]
            frame.targets = names(
                [a for a in plain if a.name not in frame.buyers]
                or [a for a in after if a.marker == "von"]
            )[:1]
        elif nominal:
            # "Einstieg von X bei Y", "Übernahme von Y", "Amazons Investition in Y";
            # a stake's genitive is its holder ("Beteiligung der KfW"), a takeover's
            # its target ("Übernahme der Bertelsmann AG").
            near = trigger.end() + 30
            of = [a for a in after if a.marker in ("von", None) and a.start < near]
            # "Übernahmeofferte für X": an offer is for its target.
            offered = (
                [a for a in args if a.marker == "für"] if kind is DealKind.takeover_offer else []
            )
            # "Twitter-Übernahme", "Porsche-Börsengang": the company is the compound's start.
            glued = [a for a in args if a.start + len(a.name) + 1 == trigger.start()]
            glued = [a for a in glued if text[trigger.start() - 1] == "-"]
            frame.targets = names(
                glued or [a for a in into + offered if a.start > trigger.start()]
            )[:1]
            holder = kind in (DealKind.stake_purchase, DealKind.investment)
            if frame.targets or holder:
                before = [a for a in plain if a.start < trigger.start() and a not in glued]
                frame.buyers = names(of or before)[:2]
            else:
                frame.targets = names(of or [a for a in after if a.marker is None])[:1]
                frame.buyers = names([a for a in plain if a.start < trigger.start()])[:2]
        else:
            frame.buyers = names(plain)[:1]
            objects = [a for a in plain[1:] if a.name not in frame.buyers]
            placed = [a for a in into if a.name not in frame.buyers]
            if kind is DealKind.acquisition:  # "kauft Y" (in Y is where, not whom)
                placed = [a for a in placed if a.marker != "in"]
                objects, placed = placed, objects
            frame.targets = names(placed or objects or [a for a in after if a.marker == "für"])[:1]
            frame.sellers = names([a for a in args if a.marker == "von" and a.start > 0])[:1]
            if frame.sellers and frame.sellers[0] in frame.buyers + frame.targets:
                frame.sellers = []
    if kind is DealKind.insider_purchase and not frame.targets:
        # "kaufte Aktien von Bayer": a manager buys the shares of the company, not from it
        frame.targets, frame.sellers = frame.sellers[:1], []
    if kind is DealKind.insider_purchase:
        # "Der Vorstandsvorsitzende der Augusta AG, Axel Haas, hat Aktien erworben": the
        # manager buys, the company is whose shares.
        named = frame.buyers + frame.targets
        people = [n for n in named if is_person(n, ())]
        if people:
            frame.buyers = people[:1]
            frame.targets = [n for n in named if n not in people][:1]
        elif not frame.targets:
            # "SGL: Führung kauft Aktien des Unternehmens": the managers go unnamed, the
            # company named is whose shares they buy.
            frame.buyers, frame.targets = [], frame.buyers[:1]
    # A person sells, buys or speaks; what is bought or listed is a company, here one
    # the sentence does not name ("Übernahme von Rhön-Klinikum: Der Vorstand um
    # Unternehmenschef Wolfgang Pföhler ...").
    companies = [n for n in frame.targets if not is_person(n, ()) or _firm_before(n, text)]
    frame.unnamed_target = frame.unnamed_target or companies != frame.targets
    frame.targets = companies
    owners = [a.name for a in args if a.marker == "owner" and a.name not in frame.buyers]
    frame.sellers += [n for n in owners if n not in frame.sellers][:1]
    frame.targets = [n for n in frame.targets if n not in frame.buyers]


def _firm_before(name: str, text: str) -> bool:
    """ "Das Medizintechnikunternehmen Otto Bock": a firm named after a person."""
    return bool(re.search(rf"{_FIRM_NOUN}\s+{re.escape(name)}", text, re.IGNORECASE))


def _lists_backers(
    frame: Frame,
    frames: list[Frame],
    sentence: Sentence,
    mentions: list[Mention],
    aliases: dict[str, str],
) -> bool:
    """A sentence that lists who put money into the round just told ("Federführend
    investiert hätten X und Y", "Die Altgesellschafter X, Y und Z haben nachgelegt") adds
    them to its investors instead of telling a deal of its own; whether it did."""
    rounds = [f for f in frames if f.kind is DealKind.funding_round]
    if not rounds or frame.kind not in _INVESTING or not _BACKERS_LISTED.search(sentence.text):
        return False
    args, _media = _arguments(sentence, mentions)
    round_ = rounds[-1]
    if any(a.marker in ("in", "bei", "an") for a in args) and not any(
        _among(t, round_.targets, aliases) for t in frame.targets
    ):
        return False  # "X investiert in Y": a deal of its own
    backers = [a.name for a in args if a.marker is None and not _among(a.name, round_.targets)]
    round_.buyers += [n for n in dict.fromkeys(backers) if not _among(n, round_.buyers)]
    return bool(backers)


_INVESTING = {DealKind.investment, DealKind.stake_purchase, DealKind.funding_round}
# Words that list a round's investors, not a deal: who invested "federführend", "ebenfalls",
# "nachgelegt"; "Altgesellschafter", "Bestandsinvestoren", "Geldgeber". ("auch" is too
# common: in a round-up, "Auch X sammelt ... ein" is the next round.)
_BACKERS_LISTED = re.compile(
    r"federführend|angeführt|nachgelegt|ebenfalls|altgesellschafter|bestandsinvestor|"
    r"altinvestor|geldgeber|kapitalgeber",
    re.IGNORECASE,
)


def _enough(frame: Frame) -> bool:
    """A deal names who does it to whom; a listing or a round needs only its company."""
    if frame.kind in _TARGET_ONLY or frame.kind is DealKind.merger:
        return bool(frame.targets or frame.buyers) and (
            frame.kind is not DealKind.merger or len(frame.buyers) >= 1
        )
    if frame.kind in (DealKind.asset_sale, DealKind.stake_sale):
        return bool(frame.sellers or frame.buyers or frame.targets)
    if frame.kind is DealKind.investment:
        return bool(frame.targets)  # money "invested in a plant" is spending, not a deal
    if frame.kind is DealKind.insider_purchase:
        return bool(frame.targets)  # the managers who buy may go unnamed
    # "Die Aussicht auf eine Übernahme der Aareal Bank": a takeover with its bidder not
    # (yet) named is news when it is reported or planned, not when it is done.
    # A takeover that failed is news too: "Der Verkauf von Siltronic ist geplatzt".
    open_status = frame.status in (
        DealStatus.rumored,
        DealStatus.in_talks,
        DealStatus.planned,
        DealStatus.failed,
    )
    named = frame.targets or frame.sellers or frame.unnamed_target
    return bool(frame.buyers and named) or bool(
        frame.targets
        and (frame.kind is not DealKind.acquisition or open_status or frame.unnamed_buyer)
    )


# "4,68 Milliarden Dollar bezahlen", "ein 3,1 Milliarden Euro schweres Angebot", "die
# 5 Milliarden Euro einbringen könnte"
_PAID_AFTER = re.compile(
    r"\W*(\([^)]*\)\W*)?(zu )?((be)?zahl|schwer|einbring|einzubring)", re.IGNORECASE
)
_PRICE_WORD = re.compile(r"kaufpreis|\bpreis|volumen|summe|insgesamt", re.IGNORECASE)
# "18,75 Euro" with no Millionen or Milliarden is a price per share (an issue price, an
# offer per share), never what a whole deal is worth.
_SMALLEST_DEAL = 10_000


def _figures(frame: Frame, text: str, trigger_at: int) -> None:
    """Give each figure of the sentence its role, from the words right around it."""
    amounts: list[tuple[bool, int, str]] = []  # (no price word before it, distance, quote)
    raising = frame.kind in lexicon.RAISING
    for money in find_money(text):
        before = text[max(0, money.start - 45) : money.start]
        after = text[money.end : money.end + 45]
        per_share = lexicon.PRICE_PER_SHARE.search(after[:20] + " " + before[-20:])
        not_deal = lexicon.NOT_DEAL_MONEY.search(before[-30:])
        if per_share or money.value.amount < _SMALLEST_DEAL:  # type: ignore[union-attr]
            if per_share:
                frame.price_per_share = frame.price_per_share or money.text
        elif lexicon.VALUATION.search(before[-45:] + " " + after[:25]):
            frame.valuation = frame.valuation or money.text
        elif (
            # What a listing or a capital increase "erlöst" is its volume, not a revenue.
            (not_deal and not (raising and lexicon.PROCEEDS.search(not_deal.group(0))))
            or lexicon.NOT_DEAL_MONEY_AFTER.match(after)
            # "(165 Millionen US-Dollar)": the figure just read, converted
            or (before.rstrip().endswith("(") and amounts)
        ):
            continue
        elif (
            lexicon.AMOUNT_CUES.search(before[-35:])
            or _PAID_AFTER.match(after)
            or abs(money.start - trigger_at) < 60
            or (raising and lexicon.PROCEEDS.search(before[-35:]))
        ):
            # "Kaufpreis von insgesamt 25 Millionen Euro einschließlich der Übernahme von
            # 6,8 Millionen Euro Verbindlichkeiten": the price word wins over nearness.
            priced = bool(_PRICE_WORD.search(before[-35:]))
            amounts.append((not priced, abs(money.start - trigger_at), money.text))
    if amounts and frame.amount is None:
        frame.amount = min(amounts)[2]
    if frame.stake is None and lexicon.direction_in(text) is None:
        stakes = [
            (abs(percent.start - trigger_at), percent.text)
            for percent in find_percents(text)
            if lexicon.STAKE_CUES.search(text[max(0, percent.start - 60) : percent.end + 40])
            and not lexicon.HOLDING.search(text[max(0, percent.start - 40) : percent.start])
            and not lexicon.PREMIUM.search(text[max(0, percent.start - 40) : percent.end + 30])
        ]
        frame.stake = min(stakes)[1] if stakes else None


def _follow_up(
    frame: Frame, sentence: Sentence, mentions: list[Mention], aliases: dict[str, str]
) -> None:
    """A sentence that only adds to the deal before it: its price, its seller."""
    text = sentence.text
    if _ROLE_SENTENCE.search(text):
        names = [m.text for m in mentions if not _among(m.text, frame.parties())]
        buyer = re.search(r"\bkäufer", text, re.IGNORECASE) and "verkäufer" not in text.lower()
        role = frame.buyers if buyer else frame.sellers
        role += [n for n in names[:1] if n not in role]
        return
    # The outlet a figure is quoted from ("wie das Manager Magazin berichtet") is no party.
    args, _media = _arguments(sentence, mentions)
    others = [a.name for a in args if not _among(a.name, frame.parties(), aliases)]
    if frame.unnamed_target and not frame.targets:
        # "Für das Unternehmen Biotheus zahlen die Mainzer ...": the target, named.
        named = [a.name for a in args if a.name in others and a.marker in (None, "für")]
        frame.targets = named[:1]
        others = [n for n in others if n not in frame.targets]
    sold_to = frame.kind in _SOLD and not frame.buyers and _buyer_named(frame, args, others, text)
    others = [n for n in others if n not in frame.buyers]
    if frame.kind is DealKind.funding_round and _BACKERS.search(text):
        # "Die Altgesellschafter X, Y und Z haben nachgelegt": the round's investors.
        frame.buyers += [n for n in dict.fromkeys(others) if not _among(n, frame.buyers)]
        others = []
    trigger = _trigger(text)
    same_kind = trigger is not None and _coarse(trigger[0]) == _coarse(frame.kind)
    proceeds = frame.kind in lexicon.RAISING and lexicon.PROCEEDS.search(
        text
    )  # "erlöste damit 882 Mio."
    if (same_kind or sold_to or proceeds or lexicon.FOLLOW_UP.search(text)) and not others:
        _figures(frame, text, trigger[1].start() if trigger else 0)


def _told_again(frames: list[Frame], text: str) -> Frame:
    """The deal a sentence without a frame of its own adds to: the last one of the kind
    it names again ("Die Übernahme mit einem Volumen von 600 Millionen Euro", after a
    sale of assets the takeover required), else the last one told."""
    again = _REFERS_BACK.search(text)
    trigger = _trigger(again.group(0)) if again else None
    if trigger is not None:
        for frame in reversed(frames):
            if _coarse(frame.kind) == _coarse(trigger[0]):
                return frame
    return frames[-1]


def _buyer_named(frame: Frame, args: list[_Arg], others: list[str], text: str) -> bool:
    """A later sentence that names who buys what was sold: "Diese geht für 1,2 Milliarden
    Euro an den Finanzinvestor EQT", "Der Käufer Hitachi übernehme 80 Prozent", "Der
    Finanzinvestor Advent wolle den Deal abschließen". Sets the buyer; whether it did."""
    new = [a for a in args if a.name in others]
    if _GOES_TO.search(text):
        frame.buyers = [a.name for a in new if a.marker == "an"][:1]
    elif _BUYER_CLAUSE.search(text):
        frame.buyers = [a.name for a in new if a.marker is None][:1]
    return bool(frame.buyers)


def _coarse(kind: DealKind) -> str:
    return _COARSE.get(kind, kind.value)


def _among(name: str, names: list[str], aliases: dict[str, str] | None = None) -> bool:
    """Whether `name` is one of `names`, by alias ("Amazon.com" is "Amazon") or by an
    abbreviation the article defines ("DFS")."""
    aliases = aliases or {}
    entity = [name, *([aliases[name]] if name in aliases else [])]
    return any(
        same_party(other, entity) or same_party(aliases.get(other, other), entity)
        for other in names
    )


def _same_deal(a: Frame, b: Frame, aliases: dict[str, str]) -> bool:
    """Two statements of one deal: the same coarse kind, a shared target (or none on
    either side), and buyers that do not contradict each other."""
    kinds = {a.kind, b.kind}
    if kinds == {DealKind.ipo, DealKind.stake_sale} and not (a.buyers or b.buyers):
        return True  # "Die Mutter nimmt mit dem Verkauf von 23 Prozent ... ein": the listing
    if _coarse(a.kind) != _coarse(b.kind):
        # "erwirbt zunächst 24,9 Prozent der MueTec ... einen Kaufpreis für die Übernahme":
        # the same buyer taking a stake in and over the same company is one deal.
        return (
            kinds <= _STAKE_OR_WHOLE
            and _shares(a.buyers, b.buyers, aliases)
            and _shares(a.targets, b.targets, aliases)
        )
    if DealKind.funding_round in kinds and len(kinds) == 2 and a.amount and b.amount:
        return False  # a round's total and one investor's part of it: two figures
    same_target = _shares(a.targets, b.targets, aliases) or not (a.targets or b.targets)
    buyers_agree = not a.buyers or not b.buyers or _shares(a.buyers, b.buyers, aliases)
    return same_target and buyers_agree and bool(a.targets or a.buyers)


_STAKE_OR_WHOLE = {DealKind.stake_purchase, DealKind.acquisition, DealKind.takeover_offer}


def _shares(names: list[str], others: list[str], aliases: dict[str, str]) -> bool:
    """Whether the two lists name a party in common."""
    return any(_among(n, others, aliases) for n in names)


def _merge(frames: list[Frame], aliases: dict[str, str]) -> list[Frame]:
    """One frame per deal: later mentions add roles and figures to the first."""
    merged: list[Frame] = []
    for frame in frames:
        into = next((m for m in merged if _same_deal(m, frame, aliases)), None)
        if into is None:
            merged.append(frame)
            continue
        for role in ("buyers", "targets", "sellers", "reported_by"):
            values = getattr(into, role)
            values += [n for n in getattr(frame, role) if not _among(n, values, aliases)]
        for figure in ("valuation", "stake", "price_per_share"):
            if getattr(into, figure) is None:
                setattr(into, figure, getattr(frame, figure))
        # A round's total is not one investor's amount; a listing's volume is the listing's.
        if into.amount is None and (frame.buyers or not into.buyers):
            into.amount = frame.amount
        if not into.status_stated and frame.status_stated:
            into.status, into.status_stated = frame.status, True
        if into.kind is DealKind.acquisition and frame.kind is DealKind.takeover_offer:
            # "Midea will Kuka übernehmen ... bietet 115 Euro je Aktie": an offer
            into.kind = DealKind.takeover_offer
            if into.status in (DealStatus.planned, DealStatus.agreed):
                into.status = DealStatus.offered
    return merged


# "Elbtor hatte WOL 2019 von der Familie erworben": the deal before this one.
_BACKGROUND = re.compile(
    r"\bhatten?\b.{0,120}\b(übernommen|gekauft|erworben|verkauft|investiert)\b.*\b(19|20)\d\d\b|"
    r"\b(19|20)\d\d\b.{0,120}\bhatten?\b.{0,60}\b(übernommen|gekauft|erworben|verkauft)\b|"
    r"\b(übernommen|gekauft|erworben|verkauft) hatten?\b|"  # "..., den Bayer übernommen hatte"
    r"\bim (vergangenen|letzten) jahr\b|\bvor (einigen|zwei|drei) jahren\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(wenn|sofern|im falle)\b", re.IGNORECASE)


def _rank(frames: list[Frame], mentions: Sequence[Mention]) -> list[Frame]:
    """The deal the article is about first: complete, early, about its frequent names."""
    counts: dict[str, int] = {}
    for mention in mentions:
        key = normalize_name(mention.text)
        counts[key] = counts.get(key, 0) + 1

    def score(frame: Frame) -> tuple[float, int]:
        complete = bool(frame.buyers and (frame.targets or frame.sellers))
        figures = sum(
            getattr(frame, f) is not None
            for f in ("amount", "valuation", "stake", "price_per_share")
        )
        salience = sum(min(counts.get(normalize_name(n), 0), 5) for n in frame.parties())
        early = 3 if frame.sentence <= 1 else 2 if frame.sentence <= 3 else 0
        # "..., wenn der Verteidigungsfall eintritt": a contract clause, not the news.
        conditional = 3 if _CONDITIONAL.search(frame.evidence) else 0
        background = 3 if _BACKGROUND.search(frame.evidence) else 0
        score = 3 * complete + early + figures + salience / 3 - conditional - background
        return (score, -frame.sentence)

    return sorted(frames, key=score, reverse=True)
