"""German deal vocabulary: what a deal statement's words say about its kind, its status
and its figures. Patterns only; frames.py applies them to clauses.

Every pattern is matched case-insensitively against one sentence. Order matters where a
sentence could match several: the more specific kind or status comes first.
"""

from __future__ import annotations

import re

from ..models import DealKind, DealStatus, Direction


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# A deal's trigger and the kind it states, most specific first: "Rückkaufangebot" is a
# buyback before it is an offer, "Übernahmeangebot" an offer before it is a takeover,
# "Anteil erwerben" a stake before it is a purchase.
TRIGGERS: tuple[tuple[DealKind, re.Pattern[str]], ...] = (
    (  # before offers: a "Rückkaufangebot" is a buyback
        DealKind.share_buyback,
        _re(
            r"aktienrückkauf|rückkaufprogramm|rückkaufangebot|"
            r"eigene\w* aktien.{0,80}\b(zurück(zu)?)?(kauf|erwerb)|aktien zurück(zu)?kauf"
        ),
    ),
    (
        DealKind.takeover_offer,
        _re(
            r"übernahmeangebot|übernahmeofferte|kaufangebot|pflichtangebot|"
            r"\bbiete[nt]\b.{0,80}\b(je|pro) ([\w.]+-)?(aktie|anteilsschein)|"
            r"angebot.{0,60}\b(je|pro) ([\w.]+-)?(aktie|anteilsschein)|\bangebot für\b|"
            r"\bbiete[nt]?\b.{0,60}\bfür\b|\bgeboten\b"
        ),
    ),
    (
        DealKind.insider_purchase,
        _re(
            r"directors'? dealings|"
            r"(vorstandschef|vorstandsvorsitzende\w*|finanzchef|konzernchef|firmenchef|"
            r"ceo|aufsichtsrat\w*|vorstand|vorständin|insider)\b.{0,120}\b(kauft|kaufte|erwarb|"
            r"gekauft|erworben|erwerben|kaufen)\b|"
            # "Der Vorstandsvorsitzende der X, Axel Haas, hat ... 200.000 Aktien des
            # Unternehmens und damit weitere 1,7 Prozent des Grundkapitals erworben"
            r"(vorstandschef|vorstandsvorsitzende\w*|vorständin|vorstand|finanzchef|ceo|insider)"
            r"\b.{0,120}\baktien\b.{0,100}\b(kauf|erw[oa]rb|erwerben|erworben|gekauft)|"
            # "SGL: Führung kauft Aktien des Unternehmens", "griffen die Chefs ... zu"
            r"\b(führung\w*|management|chefs)\b.{0,40}\b(kauf\w*|erw[oa]rb\w*|gekauft|erworben|"
            r"deck\w* sich|griffen)\b.{0,80}\baktien\b"
        ),
    ),
    (DealKind.capital_increase, _re(r"kapitalerhöhung")),
    (DealKind.funding_round, _re(r"finanzierungsrunde|series[- ][a-e]\b|serie[- ][a-e]\b")),
    (
        DealKind.ipo,
        _re(
            r"börsengang|\bipo\b|an die (\w+ )?börse\b|aktienplatzierung|erstnotiz|börsendebüt|"
            r"an der börse (gestartet|debütiert)|handelsstart|erste[nr]? handelstag|aufs parkett"
        ),
    ),
    (
        DealKind.merger,
        _re(
            r"\bfusion|fusionier|zusammenschluss|schließen sich .{0,60}zusammen|"
            r"verschmelz|zusammengehen|gemeinschaftsunternehmen|joint.venture"
        ),
    ),
    (
        DealKind.loan,
        _re(
            r"kredit(?!karte|institut|geber|wesen|würdig|anstalt)|darlehen|bürgschaft|"
            r"staatshilfe|rettungspaket|anleihe"
        ),
    ),
    (
        DealKind.asset_sale,  # refined by _SALE_OF below: a stake, an asset, or a company
        _re(
            r"\bverkauf|\bverkäuf|veräußer|\babgestoßen|\babstoßen|\btrennt sich|"
            r"\bgibt .{0,60}\bab\b|privatisier|abspaltung|abgespalten|\bverkaufen"
        ),
    ),
    (
        DealKind.stake_purchase,
        _re(
            r"\beinstieg|\bsteig\w* .{0,80}\bein\b|eingestiegen|einzusteigen|einsteigen|"
            r"beteiligung|beteiligt sich|beteiligen|aufstock|aufgestockt|aufzustocken|aktienpaket|"
            r"\b(erwirbt|erwarb|kauft|kaufte|übernimmt|übernahm|übernehmen|erwerben|"
            r"gekauft|erworben|übernommen)\b.{0,50}\b(prozent|anteil\w*|aktienpaket|beteiligung)|"
            r"\b(prozent|anteil\w*|aktienpaket)\b.{0,50}\b(erwirbt|erwarb|kauft|kaufte|"
            r"übernimmt|übernahm|übernehmen|erwerben|gekauft|erworben|übernommen)\b"
        ),
    ),
    (
        DealKind.acquisition,
        _re(
            r"übernahme|übernimmt|übernahm|übernommen|übernehmen|\bkauft|\bkaufte|gekauft|"
            r"\bkaufen\b|\bkauf\b|erwirbt|erwarb|erworben|erwerben|\berwerb|akquisition|"
            r"akquiriert|zukauf|"
            r"\bgehört (jetzt|nun|künftig|ab sofort|seit \w+) (zu[mr]?|dem|der)\b"
        ),
    ),
    (
        DealKind.investment,
        _re(
            r"investiert|investition|investieren|\binvestment\b(?!-)|finanzspritze|geldspritze|"
            r"kapitalspritze|\bpumpt\b|\bsteck\w* .{0,60}\bin\b|\bin\b .{0,80}\bstecken\b"
        ),
    ),
    (
        DealKind.funding_round,
        _re(
            r"\bsammel\w* .{0,80}\bein\b|eingesammelt|einzusammeln|"
            r"\bschieß\w*\b.{0,160}\b(zu|ein)\b|zugeschossen|eingeschossen"  # "schießen ... zu"
        ),
    ),
)
# English deal words, for articles in English (an API model summarizes those too).
_ENGLISH_DEAL = _re(r"acquisi|merger|stake|takeover|invest|buyout|\bipo\b|\bloan")
# Words of a deal's price: a sentence with one of them may state a deal's figure.
_PRICE_WORDS = _re(r"bewert|zahl|preis|valu|worth|paid|pays|biete|angebot|offerte|je aktie")


def states_deal(text: str, *, price_words: bool = False, kind: DealKind | None = None) -> bool:
    """Whether `text` uses a word for a deal (or, with `price_words`, for a deal's
    price; for a deal of `kind` that raises money, for what it brings in): without one,
    an article reports no deal and a sentence states no deal figure."""
    if any(pattern.search(text) for _, pattern in TRIGGERS) or _ENGLISH_DEAL.search(text):
        return True
    if not price_words:
        return False
    # FOLLOW_UP: the words by which the reader gives a later sentence's figure to a deal
    # ("Das Volumen liege bei 300 Millionen Euro") are price words here too.
    proceeds = kind in RAISING and bool(PROCEEDS.search(text))
    return proceeds or bool(_PRICE_WORDS.search(text) or FOLLOW_UP.search(text))


# Deals that raise money for the company: what they bring in ("erlöste damit 882
# Millionen Euro", "Emissionserlös") is their amount, where elsewhere it is a revenue.
RAISING = frozenset({DealKind.ipo, DealKind.capital_increase})
PROCEEDS = _re(r"erlös")


# Words that make a trigger no deal: "Übernahme des Tarifvertrages", "Kaufkraft".
NOT_A_DEAL = _re(
    r"übernahme (des|der) (tarif|verantwortung|kosten|betrieb|mitarbeiter|beschäftigten)|"
    r"kaufkraft|kaufverhalten|kaufzurückhaltung|kaufempfehlung|kaufen sie|"
    r"\bübernimmt (die|den) (verantwortung|vorsitz|leitung|führung|betrieb|kosten)|"
    r"übernehmen (die|den) (verantwortung|vorsitz|leitung|führung|kosten)|"
    r"feindliche\w* übernahme"
)
# Plurals name deals in general, not one deal: "Übernahmen", "Zukäufe" (case matters:
# "übernahmen" is also the verb).
GENERIC_PLURAL = re.compile(r"\b(Übernahmen|Zukäufe|Fusionen|Beteiligungen|Investitionen)\b")
# What is sold: a stake, an asset (plant, division, subsidiary), or else a company.
STAKE_WORDS = _re(r"prozent|anteil|beteiligung|aktienpaket|aktien\b|papiere\b|minderheit|mehrheit")
ASSET_WORDS = _re(
    r"werk|sparte|tochter|geschäft|standort|bereich|division|halle|grundstück|immobilie|"
    r"filiale|marke|portfolio|fabrik|anlage|kraftwerk|netz"
)

# How far a deal has got, from the words of its sentence; the first that matches wins.
STATUS_CUES: tuple[tuple[DealStatus, re.Pattern[str]], ...] = (
    (
        DealStatus.failed,
        _re(
            r"gescheitert|scheitert|abgesagt|abgebrochen|geplatzt|\bplatzt|zurückgezogen|"
            r"aufgegeben|untersagt|verboten|abgelehnt|nicht zustande|auf eis|verworfen|"
            r"abgeblasen|\bkein(en)? (käufer|investor|interessent|bieter)|"
            r"sollten? ursprünglich|ursprünglich sollten?|\bzieht .{0,80}\bzurück\b|"
            r"\bzog .{0,80}\bzurück\b|\bsagt\w* .{0,60}\bab\b|verschoben|\bverschiebt|"
            # "sagte seinen geplanten Börsengang mit Verweis auf ... ab."
            r"\bsagt\w* .{0,200}\bab(?=\s*[.;]|$)|\bdarf .{0,60}\bnicht (übernehmen|kaufen)|"
            r"\bblockier|\bgestoppt|\bstoppt|verhindert|\bgegen die (geplante )?übernahme|"
            r"rückzieher|\bplatz(en|te|ten)\b|\bdoch nicht\b|\bveto\b|"
            # "will Akorn nun doch nicht mehr übernehmen", "tritt vom Kauf zurück"
            r"\bnicht mehr\b.{0,40}\b(übernehmen|kaufen|erwerben|verkaufen|fusionieren)\b|"
            r"\btr(itt|at|aten)\b.{0,60}\bvo[nm]\b.{0,60}\bzurück\b"
        ),
    ),
    (
        DealStatus.rumored,
        _re(
            # "einer Mitteilung zufolge", "eigenen Angaben zufolge": the company's own word
            r"(?<!mitteilung )(?<!angaben )zufolge|insider|kreisen|medienbericht|"
            r"informierte[n]? person|"
            r"vertraute[n]? person|unter berufung|\bberichtet|\bmeldet|spekul|gerücht|"
            r"angeblich|nach informationen"
        ),
    ),
    (DealStatus.in_talks, _re(r"verhandl|verhandelt|gespräch|\bprüft|erwägt|sondier")),
    (DealStatus.offered, _re(r"\bangebot|\bbiete[nt]\b|offerte|geboten")),
    (
        DealStatus.agreed,
        _re(
            r"unterzeichne|vereinbart|geeinigt|\beinigten|\beinigung\b|\bist offiziell|"
            r"offiziell bekannt|unter dach und fach|"
            # "soll bis Mitte 2020 abgeschlossen werden": signed, closing expected
            r"\b(soll|sollen|wird|werden)\b.{0,80}\b(abgeschlossen|vollzogen) (werden|sein)\b|"
            r"\babschluss\b.{0,60}\b(erwartet|gerechnet)"
        ),
    ),
    # "hat die geplante Übernahme erfolgreich abgeschlossen": done, whatever was planned
    # ("soll ... abgeschlossen werden" is agreed, above).
    (
        DealStatus.completed,
        _re(r"(?<!nicht )\b(abgeschlossen\b(?! (werden|sein))|vollzogen\b(?! werden))"),
    ),
    (
        DealStatus.planned,
        _re(
            r"\bwill\b|\bwollen\b|\bplant(e|en)?\b|geplant|\bplanen|\bsoll(en|te|ten)?\b|beabsichtig|"
            r"vorhaben|strebt .{0,40}\ban\b|künftig|"
            r"\bdarf\b|\bdürfen\b|möchte|\bkönnte\b|\bwürde\b|mittelfristig"
        ),
    ),
    (
        DealStatus.completed,
        _re(
            # "hätten ... verkauft", reported speech of a perfect, is done too
            r"\b(hat|hatte|hatten|habe|haben|hätte|hätten)\b.{0,100}\b(übernommen|gekauft|"
            r"erworben|verkauft|investiert|eingesammelt|platziert|ausgebaut|aufgestockt|"
            r"besorgt|geschafft)\b|\bist .{0,40}\b(gelungen|geglückt)\b|"
            r"\bplatzierte\b|\binvestierten\b|"
            r"\b(übernommen|verkauft|gekauft|erworben) (wurde|wurden|worden)\b|"
            r"\bübernahm\b|\bkaufte\b|\berwarb\b|"
            r"\bverkaufte\b|\bwurden? .{0,80}(übernommen|verkauft|gekauft|erworben)\b|"
            r"\b(ist|war|sind|waren) .{0,80}\b(an der börse gestartet|an die börse gegangen)|"
            r"\b(hat|hatte)\b.{0,80}\bbörsendebüt|erste[rn]? kurs\b|"
            r"\bwar(en)? .{0,60}(übernommen|verkauft)\b|verkäufer war|"
            r"\bgehört (jetzt|nun|seit \w+) (zu[mr]?|dem|der)\b|den besitzer gewechselt"
        ),
    ),
)
# Present-tense deal news ("X übernimmt Y") reads as agreed unless a cue says otherwise;
# a round, a manager's purchase or a stake bought on the market is reported once done
# ("sammelt 45 Millionen ein", "stockt auf").
DONE_WHEN_TOLD = _re(
    r"\bsammel\w* .{0,80}\bein\b|eingesammelt|aufgestockt|\bstockt\b.{0,80}\bauf\b"
)


def default_status(kind: DealKind, text: str) -> DealStatus:
    """The status of a deal whose sentence states none."""
    if kind in (DealKind.funding_round, DealKind.insider_purchase) or DONE_WHEN_TOLD.search(text):
        return DealStatus.completed
    return DealStatus.agreed


# Figure roles, read from the words right before a figure (or around a percentage).
# "je Aktie", "je Schaltbau-Aktie"
PRICE_PER_SHARE = _re(
    r"\b(je|pro) ([\w.]+-)?(aktie|anteilsschein|stammaktie|vorzugsaktie)|aktienkurs"
)
VALUATION = _re(r"bewert|bewertung|marktwert|firmenwert|unternehmenswert|börsenwert")
# A figure that is never a deal's amount: revenue, profit, a share price, an index level.
NOT_DEAL_MONEY = _re(
    r"umsatz|erlös|gewinn|verlust|ergebnis|schulden|jahresumsatz|kurs|notierte|schloss|"
    r"gehalt|lohn|dividende|umsätze|betriebsergebnis|ebit|marktkapitalisierung|bilanzsumme|"
    r"kosten um\b|einspar"
)
# The same said after the figure: "mit einer Milliarde Euro Umsatz". ("29 Millionen Euro
# pro Jahr" may well be a contract's volume.)
NOT_DEAL_MONEY_AFTER = _re(
    r"^\W{0,3}(umsatz|jahresumsatz|bilanzsumme|verlust|gewinn|verbindlichkeiten|schulden)\b"
)
# Money that the deal is about: "für", "in Höhe von", "Kaufpreis", "Volumen".
AMOUNT_CUES = _re(
    r"\bfür\b|in höhe von|kaufpreis|\bpreis\b|volumen|summe|\bzahlt|gezahlt|\bvon\b|\bmit\b|"
    r"bis zu|\bim wert von|\bwert\b|investition|investiert|finanzspritze|geldspritze|"
    r"kredit|darlehen|kapitalerhöhung|einsammeln|eingesammelt"
)
# Sentences that add a figure to the deal before them: "Der Kaufpreis beträgt ...", "Das
# Emissionsvolumen beläuft sich auf ...", "zahlte er dafür".
# "Dem Konzern fließen damit 4,2 Milliarden Euro zu": what a listing or a sale brings in.
FOLLOW_UP = _re(
    r"kaufpreis|volumen\b|preis\b|\b(be|ge)?zahl(t|en|te|ten)\b|"
    r"summe|wert von|offerte von|angebot von|gebot von|emissionserlös|zufluss|"
    r"\b(flie(ß|ss)|flo(ß|ss))\w*\b.{0,80}\bzu\b|" + VALUATION.pattern
)
# A percentage is a stake when it is about shares held or bought, not about a price move.
# A manager buying shares of the own company: the buyer is a person.
INSIDER = _re(r"directors'? dealings|(vorstand|finanzchef|konzernchef|ceo|aufsichtsrat)\w*")
# A holding that exists already is no deal's stake: "Microsoft hält 27 Prozent".
HOLDING = _re(r"\b(hält|halten|hielt|besitzt|gehör\w*|kontrolliert)\b\W+(\w+\W+){0,3}$")
STAKE_CUES = _re(
    r"anteil|beteilig|aktien\b|stimmrecht|kapital|prozent (an|der|des|am|bei)|"
    r"prozentige|übernimmt|erwirbt|kauft|hält|halten|einstieg|steigt"
)
# A premium over the share price is no stake either: "ein Aufschlag von 30 Prozent".
PREMIUM = _re(r"aufschlag|prämie|über dem (schluss)?kurs")

# Share price moves: up or down, from the words around a change.
_DOWN = _re(
    r"verl(o|ie)r|fiel|sank|gab .{0,40}nach|rutscht|brach .{0,20}ein|minus|"
    r"einbu(ß|ss)|abw(ä|a)rts|schw(ä|a)cher|tiefer|Verlust"
)
_UP = _re(
    r"legt\w* .{0,60}\bzu\b|stieg|gewann|kletter|zog .{0,30}an|plus|aufw(ä|a)rts|"
    r"fester|höher|Gewinn"
)


def direction_in(sentence: str) -> Direction | None:
    """Up or down, read by code from the words around a price change."""
    down, up = _DOWN.search(sentence), _UP.search(sentence)
    if down and not up:
        return Direction.down
    if up and not down:
        return Direction.up
    return None


# What makes a percentage a share price move rather than any change: shares are named.
SHARE_WORDS = _re(
    r"aktie|papier|titel|anteilsschein|kurs|notier|börse|handel|schloss|zulegen|legten|"
    r"verlierer|gewinner|abschlag|zuschlag"
)
# Indexes move too, but they are no company.
INDEXES = _re(
    r"^(dax|mdax|sdax|tecdax|dow jones|nasdaq|s&p|euro stoxx|stoxx|nikkei|ftse|cac|smi|atx|"
    r"deutsche[rn]? aktienindex|leitindex|xetra|tradegate|nyse|lse\b|"
    r"\w+er börse$)"  # "Pariser Börse", "Frankfurter Börse": where; "Deutsche Börse" is a firm
)
# Who reported the deal: a news outlet, named or described.
MEDIA = _re(
    r"^(bloomberg|reuters|dpa|dpa-afx|afp|ap|handelsblatt|wall street journal|wsj|"
    r"financial times|ft|cnbc|spiegel|der spiegel|faz|süddeutsche zeitung|sz|bild|welt|"
    r"manager magazin|wirtschaftswoche|börsen-zeitung|sky news|new york times|nikkei|"
    r"the information|axios|techcrunch|business insider|bbc|cnn|dow jones|"
    r"dow jones newswires|der standard|standard|apa|awp|sda)$"
)
MEDIA_BEFORE = _re(
    r"(nachrichtenagentur|agentur|sender|senders|zeitung|blatt|blattes|magazin|magazins|"
    r"portal|nachrichtendienst|informationsdienst|laut|berichtete?|berichten|schreibt|"
    r"meldet|meldete|informationen|informationen (von|der|des)|bericht (von|der|des))"
    r"[\s\"„“”]*$"
)
# "München/Berlin (BoerseGo.de) - ...": a dateline's source, whatever its name.
MEDIA_AFTER = _re(r"^[\s\"„“”]*(zufolge|berichtete?|meldete?|schreibt|schrieb)|^\)\s*[-–—]")
