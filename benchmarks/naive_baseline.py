"""The naive baseline: what a user writes with instructor in 30 lines, on the same embedded
model and gold set, scored by the same harness as summarizer.

    python benchmarks/naive_baseline.py [-o report.md]

Prints a Markdown report; asserts nothing. Needs the `local` extra.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

import instructor
import openai
from instructor.core.exceptions import InstructorRetryException
from pydantic import BaseModel

from summarizer.backends.local import MODEL_ALIAS, local_server
from summarizer.evaluate import load_gold, report, score_article, to_markdown
from summarizer.ingest import article_from_text
from summarizer.models import ArticleSummary, Deal, MoneyFigure, PercentFigure, Provenance, Usage
from summarizer.money import Qualifier
from summarizer.prompt import example

ROOT = Path(__file__).resolve().parent.parent


# --- the naive script: one model, one worked example, free-form figures ------------------
class NaiveDeal(BaseModel):
    kind: str
    status: str
    buyer: str
    target: str
    amount: float | None = None
    currency: str | None = None
    valuation: float | None = None
    stake_percent: float | None = None


class NaiveSummary(BaseModel):
    headline: str
    summary: str
    deals: list[NaiveDeal]


EXAMPLE_ANSWER = NaiveSummary(
    headline="Kalvion agrees to buy Swiss fibre maker Fibrotex",
    summary="Kalvion buys Fibrotex from Nordkap Capital for about 2.3 billion Swiss francs.",
    deals=[
        NaiveDeal(
            kind="acquisition",
            status="agreed",
            buyer="Kalvion AG",
            target="Fibrotex Holding",
            amount=2.3e9,
            currency="CHF",
            stake_percent=82,
        )
    ],
)


def naive(client: instructor.Instructor, text: str) -> NaiveSummary:
    prompt = (
        "Summarize this German business news article in English and extract the deals.\n\n"
        f"Example article:\n{example().article}\n"
        f"Example answer:\n{EXAMPLE_ANSWER.model_dump_json()}\n\nArticle:\n{text}"
    )
    return client.chat.completions.create(
        model=MODEL_ALIAS,
        response_model=NaiveSummary,
        max_retries=2,
        max_tokens=1024,  # the same answer budget summarizer gets; unbounded runs take minutes
        messages=[{"role": "user", "content": prompt}],
    )


# --- end of the naive script -----------------------------------------------------------


def as_summary(answer: NaiveSummary, text: str) -> ArticleSummary:
    """Put the naive answer in the shape the harness scores; nothing is checked."""

    def money(value: float | None, currency: str | None) -> MoneyFigure | None:
        if value is None or not currency or len(currency) != 3:
            return None
        return MoneyFigure(
            amount=Decimal(str(value)),
            currency=currency.upper(),
            qualifier=Qualifier.exact,
            english="",
            quote="",
        )

    deals = []
    for d in answer.deals:
        stake = (
            None
            if d.stake_percent is None
            else PercentFigure(
                value=Decimal(str(d.stake_percent)), qualifier=Qualifier.exact, english="", quote=""
            )
        )
        deals.append(
            Deal.model_construct(
                kind=_enum(Deal.model_fields["kind"].annotation, d.kind, "other"),
                status=_enum(Deal.model_fields["status"].annotation, d.status, "rumored"),
                buyers=[d.buyer] if d.buyer else [],
                targets=[d.target] if d.target else [],
                sellers=[],
                amount=money(d.amount, d.currency),
                valuation=money(d.valuation, d.currency),
                stake=stake,
                price_per_share=None,
                reported_by=[],
            )
        )
    article = article_from_text(text)
    return ArticleSummary.model_construct(
        headline=answer.headline,
        summary=answer.summary,
        key_points=[],
        source_language="de",
        deals=deals,
        market_moves=[],
        warnings=[],
        provenance=Provenance(
            backend="local",
            model=MODEL_ALIAS,
            prompt_version="naive",
            usage=Usage(),
            latency_seconds=0,
            input_sha256=article.sha256,
        ),
    )


def _enum(kind: type, value: str, default: str):  # type: ignore[no-untyped-def]
    try:
        return kind(value.strip().lower().replace(" ", "_"))
    except ValueError:
        return kind(default)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    scores, failed = [], {}
    with local_server() as base_url:
        client = instructor.from_openai(
            openai.OpenAI(base_url=base_url, api_key="local"), mode=instructor.Mode.TOOLS
        )
        for gold, text in load_gold(ROOT / "gold"):
            print(f"naive baseline: {gold.id}", flush=True)
            try:
                answer = naive(client, text)
            except (InstructorRetryException, openai.OpenAIError) as exc:
                failed[gold.id] = str(exc).splitlines()[0][:200]
                continue
            scores.append(score_article(gold, as_summary(answer, text), text))
    markdown = to_markdown(report(scores, failed), title="Naive baseline")
    if args.output:
        args.output.write_text(markdown, encoding="utf-8")
    print(markdown)
    print(json.dumps({"failed": failed}, ensure_ascii=False))


if __name__ == "__main__":
    main()
