"""Articles longer than the model's context are read in parts, never truncated: a deal in
the last paragraph still reaches the summary."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import openai
from hypothesis import example, given
from hypothesis import strategies as st

from summarizer.backends import wrap
from summarizer.config import Settings
from summarizer.ingest import article_from_text
from summarizer.parts import split_text
from summarizer.pipeline import summarize_article
from summarizer.testing import Reply, stub_server, tool_call

from .conftest import draft_deal

FILLER = (
    "Der Verband der Maschinenbauer berichtete über die Lage der Branche im Herbst. "
    "Die Auftragseingänge entwickelten sich in den Regionen sehr unterschiedlich.\n\n"
)
LATE_DEAL = (
    "Zum Schluss: Die Zaikio GmbH wird für 20 Millionen Euro von der Heidelberger AG übernommen."
)
EMPTY = {"headline": "", "summary": "", "key_points": [], "deals": [], "market_moves": []}


def test_a_deal_in_the_last_paragraph_survives_the_split() -> None:
    text = "Branchenbericht\n\n" + FILLER * 60 + LATE_DEAL

    def route(request: dict[str, Any]) -> Reply:
        if "Zaikio" not in request["messages"][-1]["content"]:
            return tool_call(EMPTY)
        deal = draft_deal(
            kind="acquisition",
            status="agreed",
            buyers=["Heidelberger AG"],
            targets=["Zaikio GmbH"],
            amount="20 Millionen Euro",
        )
        return tool_call({**EMPTY, "deals": [deal]})

    with stub_server(route) as stub:
        client = openai.AsyncOpenAI(base_url=stub.base_url, api_key="x", max_retries=0)
        settings = Settings(deals="hints")  # the model fills every field, as an API would
        backend = wrap(client, settings, name="local", model="m", context_tokens=4096)
        summary = asyncio.run(
            summarize_article(article_from_text(text, id="long"), backend, settings)
        )
    parts = len(stub.requests)
    assert parts > 1
    assert summary.warnings[0] == (
        f"the article is longer than the model's context: it was read in {parts} parts"
    )
    [deal] = summary.deals
    assert deal.amount is not None and deal.amount.english == "€20 million"
    assert summary.provenance.usage.requests == parts
    assert summary.provenance.input_sha256 == article_from_text(text).sha256


def _fits_in(limit: int):
    return lambda text: len(text) <= limit


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("abc äö.!? \n"), min_size=0, max_size=300),
        min_size=1,
        max_size=12,
    ).map("\n\n".join),
    st.integers(min_value=20, max_value=400),
)
@example("?" * 21, 20)  # one word longer than the limit: found by hypothesis on main
@example("a\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 20)  # a line break inside a long run
def test_parts_fit_keep_every_character_and_cut_only_words_too_long(text: str, limit: int) -> None:
    fits = _fits_in(limit)
    parts = split_text(text, fits)
    assert all(fits(p) for p in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())
    words_out = Counter(" ".join(parts).split())
    whole_words = Counter(w for w in text.split() if fits(w))
    assert whole_words <= words_out  # only a word that cannot fit is ever cut


def test_a_long_article_whose_deals_the_reader_found_is_read_whole_without_a_request() -> None:
    """The embedded default asks the model nothing about a deal article, so its length
    against the model's context does not matter: no split, no request (nothing listens on
    the client's port, so a request would fail the test)."""
    text = "Branchenbericht\n\n" + FILLER * 60 + LATE_DEAL
    client = openai.AsyncOpenAI(base_url="http://127.0.0.1:9/v1", api_key="x", max_retries=0)
    settings = Settings()
    backend = wrap(client, settings, name="local", model="m", context_tokens=4096)
    summary = asyncio.run(summarize_article(article_from_text(text, id="long"), backend, settings))
    [deal] = summary.deals
    assert (deal.buyers, deal.targets) == (["Heidelberger AG"], ["Zaikio GmbH"])
    assert deal.amount is not None and deal.amount.english == "€20 million"
    assert summary.provenance.usage.requests == 0 and summary.warnings == []
