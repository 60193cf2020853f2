"""Turn an Article into chat messages, from versioned templates shipped in the package.

The worked example is a fictional article (names and figures that occur in no real news),
so that a model which copies it is easy to catch: its figures and names cannot be chosen
(they are not in the article's enums), and copied prose is dropped by grounding.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from .choices import Choices
from .ingest import Article, article_from_text
from .names import LEGAL_SUFFIXES
from .reader import Frame, frame_keys

# Bump when a template changes: it is part of provenance and of every cache key.
PROMPT_VERSION = "summarize-v2"


def _read(name: str) -> str:
    return files("summarizer").joinpath(f"prompts/{name}").read_text("utf-8")


@dataclass(frozen=True)
class Example:
    """The worked example: a German article and the answer the model should give."""

    article: str
    answer: dict[str, Any]
    instructions: str = ""  # the prompt's own text, which an answer must not echo either

    @cached_property
    def prose(self) -> list[str]:
        """The example's English sentences, which a real answer must not repeat."""
        return [self.answer["headline"], self.answer["summary"], *self.answer["key_points"]]

    @cached_property
    def names(self) -> set[str]:
        """Words of the parties the example answer names ("Kalvion", "Fibrotex", ...),
        without legal suffixes, which real articles share."""
        parties = [m["company"] for m in self.answer.get("market_moves", [])]
        for deal in self.answer.get("deals", []):
            for role in ("buyers", "targets", "sellers", "reported_by"):
                parties += deal.get(role, [])
        return {w for name in parties for w in name.split() if w not in LEGAL_SUFFIXES}

    @cached_property
    def _instruction_phrases(self) -> set[tuple[str, ...]]:
        return _phrases(self.instructions)

    def echoes_instructions(self, text: str) -> bool:
        """Whether `text` shares a run of five words with the instructions: what a model
        writes when an article tells it to print its prompt."""
        return bool(_phrases(text) & self._instruction_phrases)


def _phrases(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


@cache
def example() -> Example:
    return Example(
        _read("example_article.txt").strip(),
        json.loads(_read("example_answer.json")),
        _read("summarize.txt") + _read("choose.txt"),
    )


def _as_data(text: str) -> str:
    """Keep the article from closing its own delimiter and posing as the prompt."""
    return text.replace("<article>", "‹article›").replace("</article>", "‹/article›")


def _article_block(text: str, choices: Choices) -> str:
    deals = [
        f"{key}: {describe(frame)}"
        for key, frame in zip(frame_keys(choices.frames), choices.frames, strict=True)
    ]
    return (
        f"<article>\n{_as_data(text)}\n</article>\n"
        f"Deals found in the article: {'; '.join(deals) or 'none'}\n"
        f"Names in the article: {'; '.join(choices.names) or 'none'}\n"
        f"Amounts in the article: {'; '.join(choices.money) or 'none'}\n"
        f"Percentages in the article: {'; '.join(choices.percents) or 'none'}"
    )


def describe(frame: Frame) -> str:
    """A frame in one line of the prompt: kind, status, roles, figures."""
    parts = [f"{frame.kind.value} ({frame.status.value})"]
    for role in ("buyers", "targets", "sellers"):
        if names := getattr(frame, role):
            parts.append(f"{role}: {', '.join(names)}")
    for figure in ("amount", "valuation", "stake", "price_per_share"):
        if quote := getattr(frame, figure):
            parts.append(f"{figure.replace('_', ' ')}: {quote}")
    return ", ".join(parts)


def estimate_tokens(messages: list[dict[str, str]]) -> int:
    """A deliberately high estimate: German runs at about 3 to 4 characters a token, and
    refusing early beats a server error after the prompt has been processed."""
    return sum(len(m["content"]) for m in messages) // 3 + 1


def _example_answer(shown: Example, choose_frames: bool) -> dict[str, Any]:
    """The worked example's answer in the shape the model fills: the small model's shape
    keeps the prose and market moves and names the deal by its key."""
    if not choose_frames:
        return shown.answer
    answer = {key: shown.answer[key] for key in ("headline", "summary", "market_moves")}
    return {"main_deal": "D1", **answer}


@cache
def _instructions_and_example(choose_frames: bool) -> tuple[dict[str, str], ...]:
    """The turns before the article: the same for every article, so built once (and the
    model server can reuse their processed prefix across a batch)."""
    shown = example()
    example_choices = Choices.of(article_from_text(shown.article))
    template = "choose.txt" if choose_frames else "summarize.txt"
    return (
        {
            "role": "user",
            "content": _read(template).strip()
            + "\n\n"
            + _article_block(shown.article, example_choices),
        },
        {
            "role": "assistant",
            "content": json.dumps(_example_answer(shown, choose_frames), ensure_ascii=False),
        },
    )


def build_messages(
    article: Article, choices: Choices, *, choose_frames: bool = False
) -> list[dict[str, str]]:
    return [
        *(dict(turn) for turn in _instructions_and_example(choose_frames)),  # callers may mutate
        {"role": "user", "content": _article_block(article.text.strip(), choices)},
    ]
