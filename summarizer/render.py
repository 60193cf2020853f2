"""ArticleSummary -> JSON, Markdown or plain text. Renderers only read verified fields."""

from __future__ import annotations

from collections.abc import Callable

from .models import ArticleSummary, Deal

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
