"""Property-based tests (hypothesis): parse_money and the quote check never crash on any
text, and a value comes back only for text that states money."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from summarizer import find_money, parse_money
from summarizer.quotes import contains, normalize

MARKERS = re.compile(
    r"€|\$|£|¥|Fr\.|Euro|Dollar|Franken|Pfund|Yen|Kronen|Rubel|Yuan|Rupien|[A-Z]{3}",
    re.IGNORECASE,
)
money_ish = st.lists(
    st.sampled_from(
        [
            *list("0123456789,.  -"),
            "Mio.",
            "Mrd.",
            "Mia.",
            "Mill.",
            "bn",
            "'",
            "zwischen ",
            " und ",
            " bis ",
            " Millionen",
            " Milliarden",
            " Billion",
            " Euro",
            " US-Dollar",
            " €",
            "$",
            " Franken",
            "bis zu ",
            "rund ",
            "mehr als ",
            "\u200b",
            "\xad",
            "\n",
            "Prozent",
        ]
    ),
    max_size=14,
).map("".join)


@given(st.one_of(st.text(max_size=200), money_ish))
@example("bis zu 1 Billion US-Dollar")
@example("1,4 Prozent")
@example("\x00\u200b€")
def test_parse_money_never_crashes_and_needs_a_number_and_a_currency(text: str) -> None:
    money = parse_money(text)
    if money is None:
        return
    assert money.amount >= 0 and isinstance(money.amount, Decimal)
    assert re.fullmatch(r"[A-Z]{3}", money.currency)
    assert any(ch.isdigit() for ch in text) or re.search(
        r"(?i)\b(ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|hundert)", text
    )
    assert MARKERS.search(text)
    # What was parsed is a span of the text itself.
    assert any(contains(text, m.text) for m in find_money(text))


amounts = st.decimals(min_value=1, max_value=999, places=0)
scales = st.sampled_from(
    [
        ("Millionen", 10**6),
        ("Milliarden", 10**9),
        ("Billionen", 10**12),
        ("Mio.", 10**6),
        ("Mrd.", 10**9),
    ]
)
currencies = st.sampled_from([("Euro", "EUR"), ("US-Dollar", "USD"), ("Franken", "CHF")])


@given(amounts, st.sampled_from(["", ",5", ",25"]), scales, currencies)
def test_german_amounts_parse_to_their_value(
    whole: Decimal, fraction: str, scale: tuple[str, int], currency: tuple[str, str]
) -> None:
    text = f"Der Preis liegt bei {whole}{fraction} {scale[0]} {currency[0]} laut Bericht."
    money = parse_money(text)
    assert money is not None
    value = Decimal(f"{whole}{fraction.replace(',', '.')}") * scale[1]
    assert (money.amount, money.currency) == (value, currency[1])


@given(
    st.integers(min_value=1000, max_value=10**9),
    st.sampled_from([".", " ", "\u00a0", "'", "’"]),
    st.sampled_from(["", ",5", ",25"]),
    currencies,
)
def test_a_number_grouped_in_thousands_is_read_whole(
    number: int, separator: str, fraction: str, currency: tuple[str, str]
) -> None:
    """ "534 476 Euro" once came out as 476 euros: every grouping German-language news uses
    (dots; spaces; Swiss apostrophes) gives the whole number."""
    grouped = f"{number:,}".replace(",", separator)
    money = parse_money(f"Es geht um {grouped}{fraction} {currency[0]}.")
    assert money is not None
    assert money.amount == Decimal(number) + Decimal(fraction.replace(",", "0.") or 0)


@given(money_ish)
@example("$1.5bn")
@example("CHF 1,2 Mia.")
@example("100 000 Millionen Euro")
def test_no_figure_starts_inside_a_number(text: str) -> None:
    """A figure read from the middle of a number ("$1" of "$1.5bn", "000 Millionen" of
    "100 000 Millionen") would be a wrong one."""
    for mention in find_money(text):
        inside = r"\d[.,'’ \u00a0\u202f]?\Z" if mention.text[0].isdigit() else r"\d[.,'’]?\Z"
        assert not re.search(inside, text[: mention.start])


@given(st.text(max_size=300), st.text(max_size=40))
def test_the_quote_check_never_crashes(article: str, quote: str) -> None:
    assert contains(article, quote) in (True, False)
    normalize(article)


@given(st.text(min_size=1, max_size=200), st.integers(0, 200), st.integers(1, 40))
def test_every_span_of_an_article_is_found_and_invisible_characters_do_not_matter(
    article: str, start: int, length: int
) -> None:
    quote = article[start : start + length]
    if normalize(quote):
        assert contains(article, quote)
        assert contains(article.replace(" ", " \u200b"), quote)
