"""parse_money: every category the issue lists, and what must not count as money."""

from decimal import Decimal

import pytest

from summarizer import Qualifier, find_money, parse_money, parse_percent

Q = Qualifier


@pytest.mark.parametrize(
    ("text", "amount", "currency", "qualifier"),
    [
        # German decimal and thousands separators
        ("239,30 US-Dollar", "239.30", "USD", Q.exact),
        ("1.234.567 Euro", "1234567", "EUR", Q.exact),
        ("18.928,00 Euro", "18928.00", "EUR", Q.exact),
        ("10.000 Franken", "10000", "CHF", Q.exact),
        # scale words and abbreviations; German "Billion" is a trillion
        ("5 Tsd. Euro", "5000", "EUR", Q.exact),
        ("3 Mio. Euro", "3000000", "EUR", Q.exact),
        ("1,4 Millionen Euro", "1400000", "EUR", Q.exact),
        ("2,5 Mrd. Dollar", "2500000000", "USD", Q.exact),
        ("42 Milliarden Euro", "42000000000", "EUR", Q.exact),
        ("1 Bio. Euro", "1000000000000", "EUR", Q.exact),
        ("bis zu 1 Billion US-Dollar", "1000000000000", "USD", Q.up_to),
        ("2 Billionen Yen", "2000000000000", "JPY", Q.exact),
        # number words
        ("eine Milliarde Euro", "1000000000", "EUR", Q.exact),
        ("zwei Millionen Pfund", "2000000", "GBP", Q.exact),
        ("zehn Milliarden Dollar", "10000000000", "USD", Q.exact),
        ("eine halbe Milliarde Euro", "500000000", "EUR", Q.exact),
        ("anderthalb Milliarden Euro", "1500000000", "EUR", Q.exact),
        # symbols and codes before or after the number
        ("€ 5 Mio.", "5000000", "EUR", Q.exact),
        ("5 Mio. €", "5000000", "EUR", Q.exact),
        ("$10", "10", "USD", Q.exact),
        ("EUR 12,5 Millionen", "12500000", "EUR", Q.exact),
        ("USD 3 Mrd.", "3000000000", "USD", Q.exact),
        ("450 CHF", "450", "CHF", Q.exact),
        ("7 Mio. GBP", "7000000", "GBP", Q.exact),
        ("£ 20", "20", "GBP", Q.exact),
        # currency names
        ("8 Mrd. Schweizer Franken", "8000000000", "CHF", Q.exact),
        ("100 Millionen Yuan", "100000000", "CNY", Q.exact),
        ("3 Milliarden norwegische Kronen", "3000000000", "NOK", Q.exact),
        ("mit 3 Milliarden norwegischen Kronen", "3000000000", "NOK", Q.exact),
        ("9 Mio. schwedische Kronen", "9000000", "SEK", Q.exact),
        # hyphenated compounds
        ("die 50-Milliarden-Dollar-Investition", "50000000000", "USD", Q.exact),
        # qualifier words
        ("rund 10 Milliarden US-Dollar", "10000000000", "USD", Q.approx),
        ("etwa 5 Mio. Euro", "5000000", "EUR", Q.approx),
        ("ca. 43 Millionen Euro", "43000000", "EUR", Q.approx),
        ("knapp 500 Millionen Euro", "500000000", "EUR", Q.approx),
        ("gut 2 Milliarden Euro", "2000000000", "EUR", Q.more_than),
        ("höchstens 200 Mrd. Euro", "200000000000", "EUR", Q.up_to),
        ("mehr als 500 Milliarden US-Dollar", "500000000000", "USD", Q.more_than),
        ("über 500 Milliarden US-Dollar", "500000000000", "USD", Q.more_than),
        ("mindestens 1 Mrd. Euro", "1000000000", "EUR", Q.more_than),
        ("weniger als 10 Tsd. Pfund", "10000", "GBP", Q.less_than),
        ("Rund 10 Milliarden Euro", "10000000000", "EUR", Q.approx),
    ],
)
def test_parses_amounts(text: str, amount: str, currency: str, qualifier: Qualifier) -> None:
    money = parse_money(text)
    assert money is not None
    assert (money.amount, money.currency, money.qualifier) == (Decimal(amount), currency, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "Die Aktie legte um 1,4 Prozent zu.",  # a percentage is not money
        "Microsoft hält 27 Prozent der Anteile.",
        "Amazon baut 30.000 Arbeitsplätze ab.",  # a count of people
        "ChatGPT kommt auf über 800 Millionen Nutzer.",
        "Porsche hält 27,4 Prozent der Aktien.",
        "Er kaufte 5.000 Aktien.",  # a count of shares
        "Der Milliarden-Einstieg wird diskutiert.",  # no number at all
        "am 30.01.2026 um 22:19",
        "Nadal gewann das 21. Turnier.",
        "",
    ],
)
def test_not_money(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("bis zu 1 Billion US-Dollar", "up to $1 trillion"),
        ("rund 10 Milliarden US-Dollar", "about $10 billion"),
        ("mehr als 500 Milliarden US-Dollar", "more than $500 billion"),
        ("42 Milliarden Euro", "€42 billion"),
        ("239,30 US-Dollar", "$239.30"),
        ("1,783 Milliarden Euro", "€1.783 billion"),
        ("1.234.567 CHF", "CHF 1,234,567"),
        ("weniger als 10 Tsd. Pfund", "less than £10,000"),
    ],
)
def test_english_rendering_comes_from_the_parsed_value(text: str, english: str) -> None:
    money = parse_money(text)
    assert money is not None and money.english() == english


@pytest.mark.parametrize(
    ("text", "quote", "english"),
    [
        (
            "Nettoerlöse von 7,6 bis 7,8 Milliarden Dollar",
            "7,6 bis 7,8 Milliarden Dollar",
            "between $7.6 billion and $7.8 billion",
        ),
        (
            "Zwischen 100 und 200 Millionen Dollar zahlte er",
            "Zwischen 100 und 200 Millionen Dollar",
            "between $100 million and $200 million",
        ),
        ("für 1-2 Mrd. Euro", "1-2 Mrd. Euro", "between €1 billion and €2 billion"),
        (  # each bound with its own scale, or currency
            "soll zwischen 140 Millionen und 180 Millionen Euro liegen",
            "zwischen 140 Millionen und 180 Millionen Euro",
            "between €140 million and €180 million",
        ),
        (
            "von 500 Millionen Euro bis 1 Milliarde Euro",
            "500 Millionen Euro bis 1 Milliarde Euro",
            "between €500 million and €1 billion",
        ),
        (
            "500 Millionen bis 1 Milliarde Euro",
            "500 Millionen bis 1 Milliarde Euro",
            "between €500 million and €1 billion",
        ),
        (
            "von 500.000 bis 1 Million Euro",
            "500.000 bis 1 Million Euro",
            "between €500,000 and €1 million",
        ),
        # not a range: a year before a dash, a larger number before "bis"
        ("Im Jahr 2024 - 300 Millionen Euro", "300 Millionen Euro", "€300 million"),
        ("2030 bis 2 Milliarden Euro", "2 Milliarden Euro", "€2 billion"),
    ],
)
def test_a_range_is_one_figure_with_both_bounds(text: str, quote: str, english: str) -> None:
    """Reading only "7,8 Milliarden" of "7,6 bis 7,8 Milliarden" would print a figure the
    article commits to less firmly than the output says."""
    [mention] = find_money(text)
    assert (mention.text, mention.value.english()) == (quote, english)
    assert text[mention.start : mention.end] == quote


@pytest.mark.parametrize(
    ("text", "quote", "amount"),
    [
        ("CHF 1,2 Mia.", "CHF 1,2 Mia.", Decimal("1.2E9")),  # Swiss "Mia.", not 1.2 francs
        ("1,2 Mia. Franken", "1,2 Mia. Franken", Decimal("1.2E9")),
        ("a $1.5bn deal", "$1.5bn", Decimal("1.5E9")),  # not "$1"
        ("für 2Mrd. Euro", "2Mrd. Euro", Decimal("2E9")),
        ("zweieinhalb Milliarden Euro", "zweieinhalb Milliarden Euro", Decimal("2.5E9")),
        ("einen Betrag von 584 Mill. Euro", "584 Mill. Euro", Decimal("5.84E8")),
        # thousands grouped by spaces or Swiss apostrophes: not "476 Euro", not "000 Euro"
        ("In Summe macht das 534 476 Euro.", "534 476 Euro", Decimal(534476)),
        ("knapp 100 000 Euro", "knapp 100 000 Euro", Decimal(100000)),
        ("für 858'900 Franken", "858'900 Franken", Decimal(858900)),
        ("1 234 567,50 Euro", "1 234 567,50 Euro", Decimal("1234567.50")),
    ],
)
def test_a_number_and_its_scale_are_read_however_written(
    text: str, quote: str, amount: Decimal
) -> None:
    [mention] = find_money(text)
    assert (mention.text, mention.value.amount) == (quote, amount)


@pytest.mark.parametrize(
    "text",
    [
        "100 000 Millionen Euro",  # was "000 Millionen Euro", €0
        "Phase 3 100 Millionen Euro",  # 100 million, or 3,100 million?
        "Im Jahr 2019 500 Millionen Euro",
    ],
)
def test_digits_after_a_digit_and_a_space_before_a_scale_are_not_read(text: str) -> None:
    """Spaces group thousands only where no scale word follows; before one, which digits
    belong together is a guess, and a guessed figure is a wrong one half the time."""
    assert find_money(text) == []


def test_english_billion_is_not_german_billion() -> None:
    english = parse_money("$10 billion")
    german = parse_money("10 Billionen Dollar")
    assert english is not None and german is not None
    assert english.amount == Decimal(10) ** 10
    assert german.amount == Decimal(10) ** 13


def test_find_money_reports_exact_spans_in_order() -> None:
    text = "eine Investition von bis zu 50 Milliarden US-Dollar (42 Milliarden Euro) in OpenAI"
    mentions = find_money(text)
    assert [m.text for m in mentions] == ["bis zu 50 Milliarden US-Dollar", "42 Milliarden Euro"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("um 1,4 Prozent", "1.4", Q.exact),
        ("27 Prozent der Anteile", "27", Q.exact),
        ("37,45 %", "37.45", Q.exact),
        ("höchstens 74,9 Prozent", "74.9", Q.up_to),
        ("rund 3 Prozent", "3", Q.approx),
        ("einen 24,99-Prozent-Anteil", "24.99", Q.exact),
    ],
)
def test_parses_percentages(text: str, value: str, qualifier: Qualifier) -> None:
    percent = parse_percent(text)
    assert percent is not None
    assert (percent.value, percent.qualifier) == (Decimal(value), qualifier)


def test_percent_is_none_without_percentage() -> None:
    assert parse_percent("10 Milliarden Euro") is None
