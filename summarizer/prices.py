"""What a run costs: token usage times a price per million tokens.

The table holds the models people are likely to use; add or correct prices with a JSON file
named by SUMMARIZER_PRICES: {"my-model": {"input": 0.5, "output": 1.5}} (USD per million
tokens). A model missing from both has no estimate (null), never a guessed one.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError
from .models import Usage

# USD per million tokens (input, output), from OpenAI's published list prices.
PRICES: dict[str, tuple[Decimal, Decimal]] = {
    "gpt-4o-mini": (Decimal("0.15"), Decimal("0.60")),
    "gpt-4o": (Decimal("2.50"), Decimal("10.00")),
    "gpt-4.1": (Decimal("2.00"), Decimal("8.00")),
    "gpt-4.1-mini": (Decimal("0.40"), Decimal("1.60")),
    "gpt-4.1-nano": (Decimal("0.10"), Decimal("0.40")),
}
_MILLION = Decimal(1_000_000)
# The Batch API's discount on both token prices (OpenAI: half the list price).
BATCH_DISCOUNT = Decimal("0.5")


@lru_cache(maxsize=8)
def load_prices(path: Path | None) -> dict[str, tuple[Decimal, Decimal]]:
    """The built-in table, extended (and overridden) by the user's file."""
    table = dict(PRICES)
    if path is None:
        return table
    try:
        extra = json.loads(path.read_text(encoding="utf-8"))
        for model, price in extra.items():
            table[model] = (Decimal(str(price["input"])), Decimal(str(price["output"])))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(
            f"{path}: not a price table ({type(exc).__name__}); expected "
            '{"model": {"input": USD, "output": USD}} per million tokens'
        ) from None
    return table


def estimate(
    usage: Usage,
    model: str,
    table: dict[str, tuple[Decimal, Decimal]],
    *,
    free: bool = False,
    batch: bool = False,
) -> Decimal | None:
    """USD for `usage`; zero on a backend that costs nothing per token (the embedded one),
    discounted for answers from the Batch API."""
    if free:
        return Decimal(0)
    price = table.get(model)
    if price is None:
        return None
    spent = usage.prompt_tokens * price[0] + usage.completion_tokens * price[1]
    if batch:
        spent *= BATCH_DISCOUNT
    return (spent / _MILLION).quantize(Decimal("0.000001"))
