"""Read amounts of money and percentages out of German text, and say them in English.

This module is the reason the tool can promise that it never mistranslates a number:
the model only ever points at a German span, and the value is computed here, by code
that knows German "Billion" is 10^12 and "1,4" is one point four.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache

from babel.numbers import get_currency_name


class Qualifier(StrEnum):
    """How exactly the text commits to a figure."""

    exact = "exact"
    approx = "approx"
    up_to = "up_to"
    more_than = "more_than"
    less_than = "less_than"
    between = "between"  # "7,6 bis 7,8 Milliarden Dollar": the amount is the upper bound


@dataclass(frozen=True)
class Money:
    """An amount of money as the article states it."""

    amount: Decimal
    currency: str
    qualifier: Qualifier = Qualifier.exact
    low: Decimal | None = None  # a range's lower bound ("zwischen 100 und 200 Millionen")

    def english(self) -> str:
        """Say the amount in English, e.g. "up to $1 trillion"."""
        high = _english_amount(self.amount, self.currency)
        if self.low is not None:
            return f"between {_english_amount(self.low, self.currency)} and {high}"
        return _qualified(self.qualifier, high)


@dataclass(frozen=True)
class Percent:
    """A percentage as the article states it (unsigned: direction is the caller's job)."""

    value: Decimal
    qualifier: Qualifier = Qualifier.exact

    def english(self) -> str:
        return _qualified(self.qualifier, f"{_plain_number(self.value)}%")


@dataclass(frozen=True)
class Mention:
    """Where in a text a figure is stated, with the exact span and its parsed value."""

    text: str
    start: int
    end: int
    value: Money | Percent


# --- vocabulary -------------------------------------------------------------------------

_QUALIFIERS: dict[str, Qualifier] = {
    "bis zu": Qualifier.up_to,
    "höchstens": Qualifier.up_to,
    "maximal": Qualifier.up_to,
    "mehr als": Qualifier.more_than,
    "über": Qualifier.more_than,
    "mindestens": Qualifier.more_than,
    "gut": Qualifier.more_than,
    "weniger als": Qualifier.less_than,
    "unter": Qualifier.less_than,
    "rund": Qualifier.approx,
    "etwa": Qualifier.approx,
    "ca.": Qualifier.approx,
    "circa": Qualifier.approx,
    "zirka": Qualifier.approx,
    "ungefähr": Qualifier.approx,
    "annähernd": Qualifier.approx,
    "knapp": Qualifier.approx,
    "fast": Qualifier.approx,
    "nahezu": Qualifier.approx,
}

_NUMBER_WORDS: dict[str, Decimal] = {
    "ein": Decimal(1),
    "eine": Decimal(1),
    "einen": Decimal(1),
    "einem": Decimal(1),
    "einer": Decimal(1),
    "zwei": Decimal(2),
    "drei": Decimal(3),
    "vier": Decimal(4),
    "fünf": Decimal(5),
    "sechs": Decimal(6),
    "sieben": Decimal(7),
    "acht": Decimal(8),
    "neun": Decimal(9),
    "zehn": Decimal(10),
    "elf": Decimal(11),
    "zwölf": Decimal(12),
    "zwanzig": Decimal(20),
    "dreißig": Decimal(30),
    "vierzig": Decimal(40),
    "fünfzig": Decimal(50),
    "hundert": Decimal(100),
    "tausend": Decimal(1000),
    "anderthalb": Decimal("1.5"),
    "eineinhalb": Decimal("1.5"),
    "zweieinhalb": Decimal("2.5"),
    "dreieinhalb": Decimal("3.5"),
    "eine halbe": Decimal("0.5"),
    "einer halben": Decimal("0.5"),
    "einen halben": Decimal("0.5"),
    "ein halbes": Decimal("0.5"),
    "halbe": Decimal("0.5"),
}

# Case matters: German "Billion" is 10^12, English "billion" is 10^9.
_SCALES: dict[str, Decimal] = {
    "Tsd.": Decimal(10) ** 3,
    "Tausend": Decimal(10) ** 3,
    "Mio.": Decimal(10) ** 6,
    "Mio": Decimal(10) ** 6,
    "Mill.": Decimal(10) ** 6,  # "361 Mill. Euro" (Handelsblatt, Börsen-Zeitung)
    "Million": Decimal(10) ** 6,
    "Millionen": Decimal(10) ** 6,
    "Mrd.": Decimal(10) ** 9,
    "Mrd": Decimal(10) ** 9,
    "Mia.": Decimal(10) ** 9,  # Swiss: "CHF 1,2 Mia."
    "Mia": Decimal(10) ** 9,
    "Milliarde": Decimal(10) ** 9,
    "Milliarden": Decimal(10) ** 9,
    "Bio.": Decimal(10) ** 12,
    "Bio": Decimal(10) ** 12,
    "Billion": Decimal(10) ** 12,
    "Billionen": Decimal(10) ** 12,
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}

# Currencies German business news names; babel supplies their German names.
_CURRENCY_CODES = (
    "EUR",
    "USD",
    "CHF",
    "GBP",
    "JPY",
    "CNY",
    "NOK",
    "SEK",
    "DKK",
    "CAD",
    "AUD",
    "RUB",
    "INR",
    "PLN",
    "HKD",
    "TRY",
    "BRL",
    "KRW",
    "CZK",
    "HUF",
)
_EXTRA_CURRENCY_NAMES = {
    "Dollar": "USD",
    "US$": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "Pfund": "GBP",
    "Franken": "CHF",
    "sFr.": "CHF",
    "Fr.": "CHF",
    "¥": "JPY",
    "Yen": "JPY",
    "Yuan": "CNY",
    "Renminbi": "CNY",
    "Rubel": "RUB",
    "dollars": "USD",
    "euros": "EUR",
}
_ENGLISH_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_PERCENT_WORDS = ("Prozent", "%", "v. H.", "vH")


@cache
def currency_names() -> dict[str, str]:
    """Every spelling this module recognises for a currency, mapped to its ISO 4217 code."""
    names: dict[str, str] = {code: code for code in _CURRENCY_CODES}
    for code in _CURRENCY_CODES:
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="de")
            names[name] = code
            first, _, rest = name.partition(" ")
            if rest and first.endswith(("e", "er")):
                # Inflected adjective: "Norwegische Kronen" -> "norwegischen Kronen".
                stem = first[:-1] if first.endswith("e") else first[:-2]
                for ending in ("e", "en", "er", "es"):
                    names[f"{stem}{ending} {rest}"] = code
    names.update(_EXTRA_CURRENCY_NAMES)
    return names


def _alternation(words: list[str]) -> str:
    # Longest first, so "Schweizer Franken" wins over "Franken".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SEP = r"[\s\u00a0\-]*"
# Thousands grouped by dots, by Swiss apostrophes ("858'900 Franken"), or by spaces ("534 476
# Euro"; not before a scale word, where "Phase 3 100 Millionen" would be 3.1 billion).
_SCALE_WORDS = _alternation(list(_SCALES))
_SCALE_AHEAD = rf"\s?(?:{_SCALE_WORDS})(?![\w])"
_DIGITS = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?|"
    rf"\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?:,\d+)?(?!\d|{_SCALE_AHEAD})|"
    r"\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    qualifier = rf"(?P<qual>(?i:{_alternation(list(_QUALIFIERS))}))\s+"
    number = rf"(?P<num>{_DIGITS}|(?i:{_alternation(list(_NUMBER_WORDS))}))"
    scales = _SCALE_WORDS
    scale = rf"(?P<scale>{scales})(?![\w])"
    names = _alternation(list(currency_names()))
    after = rf"(?P<cur>(?i:{names}))(?![\w])"
    before = rf"(?P<pre>{names})"
    # "7,6 bis 7,8 Milliarden", "zwischen 100 und 200 Millionen", "zwischen 140 Millionen
    # und 180 Millionen Euro", "1-2 Mrd. Euro": one figure, a range (see _lower_bound).
    bound = rf"(?:{_DIGITS})(?:{_SEP}(?:{scales})(?![\w]))?"
    whole = rf"{bound}(?:{_SEP}(?i:{names})(?![\w]))?"
    low = (
        rf"(?P<low>(?i:zwischen)\s+{whole}\s+und\s+|{whole}\s+bis\s+|"
        rf"{bound}\s*[-–]\s*)"
    )
    money = re.compile(
        rf"(?<![\w.,])(?<!\d['’])(?:{qualifier})?"
        rf"(?:{before}{_SEP}(?=\d))?"
        # A number ends where its digits do ("$1.5bn" is not "$1"), or at a glued scale,
        # and never starts after a digit and a space: "100 000 Millionen" or "2019 500
        # Millionen" is no "000 Millionen" or "500 Millionen" (and not read at all).
        rf"(?<!\d[ \u00a0\u202f])(?:{low}(?=\d))?{number}"
        rf"(?:(?![\d\w]|[.,]\d)|(?={scales}))(?:{_SEP}{scale})?"
        rf"(?:{_SEP}{after})?",
    )
    percent = re.compile(
        rf"(?<![\w.,])(?:{qualifier})?(?P<num>{_DIGITS})(?:\s*|-)"  # "24,99-Prozent-Anteil"
        rf"(?:{_alternation(list(_PERCENT_WORDS))})(?![\w])"
    )
    return money, percent


def _to_decimal(number: str) -> Decimal:
    word = _NUMBER_WORDS.get(number.lower())
    if word is not None:
        return word
    number = re.sub(r"['’\s]", "", number)  # "858'900", "534 476": thousands
    if "," in number:  # German: "." groups thousands, "," marks decimals
        return Decimal(number.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        return Decimal(number.replace(".", ""))
    return Decimal(number)


def find_money(text: str) -> list[Mention]:
    """Every amount of money stated in `text`, in order, with its exact span."""
    money_re, _ = _patterns()
    found: list[Mention] = []
    for m in money_re.finditer(text):
        code = m.group("pre") or m.group("cur")
        if code is None:
            continue  # a number with no currency is not money
        if m.group("num")[0].isalpha() and not (m.group("scale") or m.group("cur")):
            continue  # "ein" + "$" is not an amount
        scale = _SCALES[m.group("scale")] if m.group("scale") else Decimal(1)
        amount = _whole(_to_decimal(m.group("num")) * scale)
        qualifier = _qualifier(m.group("qual"))
        currency = _currency_code(code)
        start = m.start()
        if m.group("low") is not None:
            bound = _lower_bound(m.group("low"), scale)
            if bound < amount:  # "60 bis 65 Millionen": both numbers take the scale
                money = Money(amount, currency, Qualifier.between, bound)
                found.append(Mention(m.group(0), start, m.end(), money))
                continue
            # not a range ("2024 - 300 Millionen"): the figure starts at its own number
            start = m.start("num") if m.group("pre") is None else m.start("pre")
        money = Money(amount, currency, qualifier)
        found.append(Mention(text[start : m.end()], start, m.end(), money))
    return found


def _lower_bound(low: str, scale: Decimal) -> Decimal:
    """The value of a range's lower part ("zwischen 140 Millionen und", "7,6 bis"): with
    the upper bound's scale unless it has a scale or a currency of its own, or is a full
    number ("500.000 bis 1 Million Euro")."""
    number = re.search(_DIGITS, low)
    assert number is not None  # the pattern put digits there
    rest = low[number.end() :]
    own = re.match(rf"{_SEP}({_SCALE_WORDS})(?![\w])", rest)
    value = _to_decimal(number.group(0))
    if own is not None:
        return _whole(value * _SCALES[own.group(1)])
    currency = re.search(r"[^\W\d]{2,}\s*(?:und|bis)\s*$", rest)
    if currency or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number.group(0)):
        return _whole(value)
    return _whole(value * scale)


def _whole(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def _qualifier(word: str | None) -> Qualifier:
    return _QUALIFIERS[word.lower()] if word else Qualifier.exact


@cache
def _currency_codes_by_lowercase() -> dict[str, str]:
    return {name.lower(): code for name, code in currency_names().items()}


def _currency_code(name: str) -> str:
    """The ISO code for a matched spelling; names match case-insensitively after a number."""
    return currency_names().get(name) or _currency_codes_by_lowercase()[name.lower()]


def find_percents(text: str) -> list[Mention]:
    """Every percentage stated in `text`, in order, with its exact span."""
    _, percent_re = _patterns()
    found: list[Mention] = []
    for m in percent_re.finditer(text):
        qualifier = _qualifier(m.group("qual"))
        value = Percent(_to_decimal(m.group("num")), qualifier)
        found.append(Mention(m.group(0), m.start(), m.end(), value))
    return found


def parse_money(text: str) -> Money | None:
    """The first amount of money `text` states, or None when it states none.

    >>> parse_money("bis zu 1 Billion US-Dollar").english()
    'up to $1 trillion'
    """
    mentions = find_money(text)
    return mentions[0].value if mentions else None  # type: ignore[return-value]


def parse_percent(text: str) -> Percent | None:
    """The first percentage `text` states, or None when it states none."""
    mentions = find_percents(text)
    return mentions[0].value if mentions else None  # type: ignore[return-value]


# --- English ----------------------------------------------------------------------------

_ENGLISH_QUALIFIERS = {
    Qualifier.exact: "",
    Qualifier.approx: "about ",
    Qualifier.up_to: "up to ",
    Qualifier.more_than: "more than ",
    Qualifier.less_than: "less than ",
}
_ENGLISH_SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def _qualified(qualifier: Qualifier, text: str) -> str:
    return f"{_ENGLISH_QUALIFIERS[qualifier]}{text}"


def _plain_number(value: Decimal) -> str:
    """A number without trailing zeros or exponent: 1.40 -> "1.4", 1E+1 -> "10"."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _english_amount(amount: Decimal, currency: str) -> str:
    for size, word in _ENGLISH_SCALES:
        scaled = amount / size
        # A scale word only where it reads naturally: "1.25 billion", not "1.234567 million".
        if scaled >= 1 and scaled == scaled.quantize(Decimal("0.001")):
            number = f"{_plain_number(scaled)} {word}"
            break
    else:
        number = f"{amount:,.2f}" if amount != amount.to_integral() else f"{amount:,.0f}"
    symbol = _ENGLISH_SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{currency} {number}"


def roughly_equal(a: Decimal, b: Decimal) -> bool:
    """Within 0.5 %: "rund 10 Milliarden" and "10,02 Milliarden" are one figure, not two."""
    return abs(a - b) <= abs(b) * Decimal("0.005")
