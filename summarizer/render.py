"""What the tool prints: an ArticleSummary as JSON, Markdown or plain text, and a digest as
Markdown, a self-contained HTML email or JSON (through the Jinja2 templates in
summarizer/templates/). Renderers only lay out verified fields: every figure they print is
a rendering of a verified, code-parsed quote (`english`), shown beside its source.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from .models import ArticleSummary, Deal
from .phrasing import deal_sentence
from .stories import Digest

if TYPE_CHECKING:
    import jinja2

FORMATS = ("json", "markdown", "text")


def to_json(summary: ArticleSummary) -> str:
    return summary.model_dump_json(indent=2)


def _deal_lines(deal: Deal) -> list[str]:
    figures = [
        ("amount", deal.amount),
        ("valuation", deal.valuation),
        ("stake", deal.stake),
        ("price per share", deal.price_per_share),
    ]
    lines = [f"{deal.kind.value.replace('_', ' ')} ({deal.status.value.replace('_', ' ')})"]
    for label, names in (
        ("buyers", deal.buyers),
        ("targets", deal.targets),
        ("sellers", deal.sellers),
        ("reported by", deal.reported_by),
    ):
        if names:
            lines.append(f"{label}: {', '.join(names)}")
    for label, figure in figures:
        if figure is not None:
            lines.append(f"{label}: {figure.english}  [„{figure.quote}“]")
    return lines


def to_markdown(summary: ArticleSummary) -> str:
    out = [f"# {summary.headline}", "", summary.summary, ""]
    out += [f"- {point}" for point in summary.key_points]
    for number, deal in enumerate(summary.deals, 1):
        head, *rest = _deal_lines(deal)
        out += ["", f"## Deal {number}: {head}", ""] + [f"- {line}" for line in rest]
    if summary.market_moves:
        out += ["", "## Market moves", ""]
        for move in summary.market_moves:
            sign = {"up": "+", "down": "−"}.get(move.direction.value if move.direction else "", "")
            price = f" to {move.price.english}" if move.price else ""
            out.append(f"- {move.company}: {sign}{move.change.english}{price}")
    if summary.warnings:
        out += ["", "## Warnings", ""] + [f"- {w}" for w in summary.warnings]
    p = summary.provenance
    out += [
        "",
        f"_{p.backend} · {p.model} · {p.prompt_version} · "
        f"{p.usage.total_tokens} tokens · {p.latency_seconds:.1f} s_",
        "",
    ]
    return "\n".join(out)


def to_text(summary: ArticleSummary) -> str:
    out = [summary.headline, "", summary.summary, ""]
    out += [f"* {point}" for point in summary.key_points]
    for deal in summary.deals:
        head, *rest = _deal_lines(deal)
        out += ["", f"Deal: {head}"] + [f"  {line}" for line in rest]
    for warning in summary.warnings:
        out.append(f"warning: {warning}")
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[[ArticleSummary], str]] = {
    "json": to_json,
    "markdown": to_markdown,
    "text": to_text,
}


def render(summary: ArticleSummary, format: str = "json") -> str:
    return RENDERERS[format](summary)


# --- digests ------------------------------------------------------------------------------

DIGEST_FORMATS = ("markdown", "html", "json")


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    import jinja2  # loaded by the one command that renders a digest

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("summarizer", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["deal_sentence"] = deal_sentence
    return env


def render_digest(digest: Digest, format: str = "markdown") -> str:
    """The digest as text in `format` (one of DIGEST_FORMATS)."""
    if format == "json":
        return digest.model_dump_json(indent=2) + "\n"
    if format not in DIGEST_FORMATS:
        raise ValueError(f"unknown digest format {format!r}; use one of {DIGEST_FORMATS}")
    name = "digest.html.j2" if format == "html" else "digest.md.j2"
    template = _environment(format == "html").get_template(name)
    articles = sum(len(story.articles) for story in digest.stories)
    return template.render(digest=digest, articles=articles)
