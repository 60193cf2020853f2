import pytest

from summarizer.quotes import contains

ARTICLE = (
    "Die Anteils-\nscheine legten im  vorbörslichen Handel um 1,4 Prozent zu.\n"
    "Amazon \u2013 OpenAI: \u201eeine Investition\u201c von bis\u00a0zu 50 Milliarden US-Dollar."
)


@pytest.mark.parametrize(
    "quote",
    [
        "um 1,4 Prozent",
        "Anteilsscheine legten im vorbörslichen Handel",  # hyphenated at a line end
        "legten im vorbörslichen",  # double space in the article
        "Amazon - OpenAI",  # typographic dash
        '"eine Investition"',  # typographic quotes
        "bis zu 50 Milliarden US-Dollar",  # non-breaking space in the article
        "bis zu 50\nMilliarden US-Dollar",  # line break in the quote
        "bis zu 50 Mil\u00adliarden",  # soft hyphen in the quote
    ],
)
def test_finds_faithful_copies(quote: str) -> None:
    assert contains(ARTICLE, quote)


@pytest.mark.parametrize(
    "quote",
    [
        "um 1,5 Prozent",  # a changed digit is not harmless
        "um 14 Prozent",
        "bis zu 50 Milliarden Euro",
        "bis zu 5 Milliarden US-Dollar",
        "",
        "   ",
    ],
)
def test_rejects_what_the_article_does_not_say(quote: str) -> None:
    assert not contains(ARTICLE, quote)
