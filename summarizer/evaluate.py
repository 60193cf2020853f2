"""Score summaries against hand-annotated gold, field by field.

Pure functions: given the same outputs, the same scores. Faithfulness needs no gold: code
checks every output figure against the figures the article states.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .language import is_english
from .models import DEAL_FIGURES, ArticleSummary, Deal, MoneyFigure, PercentFigure
from .money import find_money, find_percents, parse_money, parse_percent, roughly_equal
from .names import Entity, normalize_name, same_party

# --- gold -------------------------------------------------------------------------------


class GoldMoney(BaseModel):
    quote: str
    amount: Decimal
    currency: str
    qualifier: str
    alternatives: list[str] = Field(default_factory=list)


class GoldPercent(BaseModel):
    quote: str
    value: Decimal
    alternatives: list[str] = Field(default_factory=list)


class GoldDeal(BaseModel):
    main: bool
    kind: str
    kind_alternatives: list[str] = Field(default_factory=list)
    status: str
    status_alternatives: list[str] = Field(default_factory=list)
    buyers: list[Entity] = Field(default_factory=list)
    targets: list[Entity] = Field(default_factory=list)
    sellers: list[Entity] = Field(default_factory=list)
    amount: GoldMoney | None = None
    valuation: GoldMoney | None = None
    stake: GoldPercent | None = None
    reported_by: list[Entity] = Field(default_factory=list)


class GoldMove(BaseModel):
    company: Entity
    change: str
    direction: str


class GoldArticle(BaseModel):
    id: str
    article: str
    deals: list[GoldDeal]
    market_moves: list[GoldMove] = Field(default_factory=list)
    notes: str = ""


SPLITS = ("all", "dev", "held_out")


def load_gold(directory: Path, split: str = "all") -> list[tuple[GoldArticle, str]]:
    """Every gold file in `directory` with the text of its article; `split` keeps only the
    articles `splits.json` there assigns to "dev" (what the deal reader's rules were
    developed on) or "held_out" (never looked at while writing them)."""
    wanted: set[str] | None = None
    if split != "all":
        splits = json.loads((directory / "splits.json").read_text(encoding="utf-8"))
        wanted = set(splits[split])
    items = []
    for path in sorted(directory.glob("*.json")):
        if path.name == "splits.json" or (wanted is not None and path.stem not in wanted):
            continue
        gold = GoldArticle.model_validate_json(path.read_text(encoding="utf-8"))
        items.append((gold, (path.parent / gold.article).read_text(encoding="utf-8")))
    return items


# --- counts -----------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def _party_counts(predicted: list[str], gold: list[Entity]) -> Counts:
    matched = [any(same_party(n, e) for n in predicted) for e in gold]
    extra = [n for n in predicted if not any(same_party(n, e) for e in gold)]
    return Counts(tp=sum(matched), fp=len(extra), fn=len(matched) - sum(matched))


def _money_ok(predicted: Any, gold: GoldMoney) -> bool:
    """Same value within 0.5 % and same currency as the gold figure or a restatement."""
    accepted = [(gold.amount, gold.currency)]
    for quote in gold.alternatives:
        if (money := parse_money(quote)) is not None:
            accepted.append((money.amount, money.currency))
    return any(
        predicted.currency == cur and roughly_equal(predicted.amount, amt) for amt, cur in accepted
    )


def _percent_ok(predicted: Any, gold: GoldPercent) -> bool:
    accepted = [gold.value] + [
        p.value for q in gold.alternatives if (p := parse_percent(q)) is not None
    ]
    return any(roughly_equal(predicted.value, value) for value in accepted)


def _figure_counts(predicted: Any, gold: Any, ok: Any) -> Counts:
    if predicted is None and gold is None:
        return Counts()
    if predicted is None:
        return Counts(fn=1)
    if gold is None:
        return Counts(fp=1)
    return Counts(tp=1) if ok(predicted, gold) else Counts(fp=1, fn=1)


# --- one article ------------------------------------------------------------------------

FIELDS = (
    "deal",
    "parties",
    "buyers",
    "targets",
    "sellers",
    "kind",
    "status",
    "status_coarse",
    "amount",
    "valuation",
    "stake",
    "market_moves",
)
_COARSE = {
    "rumored": "open",
    "in_talks": "open",
    "planned": "open",
    "offered": "open",
    "agreed": "open",
    "completed": "done",
    "failed": "failed",
}
_EXAMPLE_MARKERS = ("kalvion", "fibrotex", "nordkap")


@dataclass
class ArticleScore:
    id: str
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    deal_right: bool = False
    has_gold_deal: bool = False
    main_deal_found: bool = False
    figures: int = 0
    unstated_figures: int = 0
    text_fields: int = 0
    non_english_fields: int = 0
    copied_example: bool = False
    main_kind_right: bool = False
    main_status_coarse_right: bool = False
    headline_names_main_party: bool = False


def _parties(deal: Deal) -> list[str]:
    return [*deal.buyers, *deal.targets, *deal.sellers]


def _gold_parties(deal: GoldDeal) -> list[Entity]:
    return [*deal.buyers, *deal.targets, *deal.sellers]


def _overlap(predicted: Deal, gold: GoldDeal) -> int:
    return sum(any(same_party(n, e) for n in _parties(predicted)) for e in _gold_parties(gold))


def _match(predicted: list[Deal], gold: list[GoldDeal]) -> list[tuple[GoldDeal, Deal | None]]:
    """Pair each gold deal with the unused predicted deal that shares most parties."""
    free = list(predicted)
    pairs: list[tuple[GoldDeal, Deal | None]] = []
    for g in sorted(gold, key=lambda d: not d.main):  # the main deal chooses first
        best = max(free, key=lambda p: _overlap(p, g), default=None)
        if best is not None and _overlap(best, g) > 0:
            free.remove(best)
            pairs.append((g, best))
        else:
            pairs.append((g, None))
    return pairs + [(None, p) for p in free]  # type: ignore[list-item]


def _score_pair(score: ArticleScore, g: GoldDeal | None, p: Deal | None) -> None:
    c = score.counts
    if g is None and p is not None:  # a deal the article does not report
        c["parties"].add(Counts(fp=len(_parties(p))))
        for name in ("amount", "valuation", "stake"):
            c[name].add(_figure_counts(getattr(p, name), None, None))
        return
    assert g is not None
    if p is None:
        c["parties"].add(Counts(fn=len(_gold_parties(g))))
        for name in ("amount", "valuation", "stake"):
            c[name].add(_figure_counts(None, getattr(g, name), None))
        c["kind"].add(Counts(fn=1))
        c["status"].add(Counts(fn=1))
        c["status_coarse"].add(Counts(fn=1))
        return
    c["parties"].add(_party_counts(_parties(p), _gold_parties(g)))
    if g.kind == "merger":  # who merges with whom has no direction
        c["buyers"].add(_party_counts(p.buyers + p.targets, g.buyers + g.targets))
    else:
        c["buyers"].add(_party_counts(p.buyers, g.buyers))
        c["targets"].add(_party_counts(p.targets, g.targets))
    c["sellers"].add(_party_counts(p.sellers, g.sellers))
    right = {g.kind, *g.kind_alternatives}
    c["kind"].add(Counts(tp=1) if p.kind.value in right else Counts(fp=1, fn=1))
    statuses = {g.status, *g.status_alternatives}
    c["status"].add(Counts(tp=1) if p.status.value in statuses else Counts(fp=1, fn=1))
    coarse = {_COARSE[s] for s in statuses}
    c["status_coarse"].add(
        Counts(tp=1) if _COARSE[p.status.value] in coarse else Counts(fp=1, fn=1)
    )
    c["amount"].add(_figure_counts(p.amount, g.amount, _money_ok))
    c["valuation"].add(_figure_counts(p.valuation, g.valuation, _money_ok))
    c["stake"].add(_figure_counts(p.stake, g.stake, _percent_ok))


def _names_in(text: str, entity: Entity) -> bool:
    """Whether `text` names the party by one of its aliases (case, diacritics and legal
    suffixes aside)."""
    words = f" {normalize_name(text)} "
    return any(f" {alias} " in words for alias in map(normalize_name, entity) if alias)


def _stated(figure: MoneyFigure | PercentFigure, text: str) -> bool:
    """Whether the article states this value: a money or percent mention with the same value
    (and currency), wherever the output says it came from."""
    if isinstance(figure, MoneyFigure):
        return any(
            m.value.currency == figure.currency and roughly_equal(m.value.amount, figure.amount)
            for m in find_money(text)
            if m.value.amount
        )
    return any(roughly_equal(m.value.value, figure.value) for m in find_percents(text))


def output_figures(summary: ArticleSummary) -> list[MoneyFigure | PercentFigure]:
    figures: list[MoneyFigure | PercentFigure] = []
    for deal in summary.deals:
        figures += [f for name in DEAL_FIGURES if (f := getattr(deal, name)) is not None]
    for move in summary.market_moves:
        figures += [move.change] + ([move.price] if move.price else [])
    return figures


def score_article(gold: GoldArticle, summary: ArticleSummary, text: str) -> ArticleScore:
    score = ArticleScore(id=gold.id, has_gold_deal=bool(gold.deals))
    has_deal = bool(summary.deals)
    score.deal_right = has_deal == score.has_gold_deal
    score.counts["deal"] = Counts(
        tp=int(has_deal and score.has_gold_deal),
        fp=int(has_deal and not score.has_gold_deal),
        fn=int(score.has_gold_deal and not has_deal),
    )
    for g, p in _match(summary.deals, gold.deals):
        _score_pair(score, g, p)
        if g is not None and g.main and p is not None:
            score.main_deal_found = True
            score.main_kind_right = p.kind.value in {g.kind, *g.kind_alternatives}
            statuses = {g.status, *g.status_alternatives}
            score.main_status_coarse_right = _COARSE[p.status.value] in {
                _COARSE[s] for s in statuses
            }
    main = next((g for g in gold.deals if g.main), None)
    # The headline may use the summary's name for a party ("Hollmann" for "Hollmann
    # Antriebstechnik AG"): such a name counts as parties are matched.
    named = [n for d in summary.deals for n in _parties(d) if _names_in(summary.headline, [n])]
    score.headline_names_main_party = main is not None and any(
        _names_in(summary.headline, entity) or any(same_party(n, entity) for n in named)
        for entity in _gold_parties(main)
    )
    moves = score.counts["market_moves"]
    for gm in gold.market_moves:
        value = parse_percent(gm.change)
        hit = any(
            same_party(m.company, gm.company)
            and value is not None
            and roughly_equal(m.change.value, value.value)
            for m in summary.market_moves
        )
        moves.add(Counts(tp=1) if hit else Counts(fn=1))
    moves.fp += max(0, len(summary.market_moves) - moves.tp)
    figures = output_figures(summary)
    score.figures = len(figures)
    score.unstated_figures = sum(not _stated(f, text) for f in figures)
    texts = [summary.headline, summary.summary, *summary.key_points]
    score.text_fields = len(texts)
    score.non_english_fields = sum(not is_english(t) for t in texts)
    score.copied_example = any(m in " ".join(texts).casefold() for m in _EXAMPLE_MARKERS)
    return score


# --- the report -------------------------------------------------------------------------


class FieldScore(BaseModel):
    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None


class Report(BaseModel):
    """Aggregate and per-article scores; `failed` lists articles that produced no output."""

    articles: int
    deal_accuracy: float
    main_deal_found: float = Field(description="Share of deal articles whose main deal matched.")
    main_kind_right: float = Field(0, description="Share of deal articles: main deal, right kind.")
    main_status_coarse_right: float = Field(
        0, description="Share of deal articles: main deal, right coarse status."
    )
    headline_names_main_party: float = Field(
        0, description="Share of deal articles whose headline names a party of the main deal."
    )
    fields: dict[str, FieldScore]
    unstated_figure_share: float = Field(description="Output figures the article does not state.")
    non_english_share: float
    copied_example: int
    per_article: list[dict[str, Any]]
    failed: dict[str, str] = Field(default_factory=dict)


def report(scores: list[ArticleScore], failed: dict[str, str] | None = None) -> Report:
    totals = {f: Counts() for f in FIELDS}
    for s in scores:
        for name, counts in s.counts.items():
            totals[name].add(counts)
    deal_articles = [s for s in scores if s.has_gold_deal]
    figures = sum(s.figures for s in scores)
    texts = sum(s.text_fields for s in scores)

    def share(part: int, whole: int) -> float:
        return round(part / whole, 3) if whole else 0.0

    return Report(
        articles=len(scores),
        deal_accuracy=share(sum(s.deal_right for s in scores), len(scores)),
        main_deal_found=share(sum(s.main_deal_found for s in deal_articles), len(deal_articles)),
        main_kind_right=share(sum(s.main_kind_right for s in deal_articles), len(deal_articles)),
        main_status_coarse_right=share(
            sum(s.main_status_coarse_right for s in deal_articles), len(deal_articles)
        ),
        headline_names_main_party=share(
            sum(s.headline_names_main_party for s in deal_articles), len(deal_articles)
        ),
        fields={
            name: FieldScore(
                tp=c.tp,
                fp=c.fp,
                fn=c.fn,
                precision=_round(c.precision),
                recall=_round(c.recall),
                f1=_round(c.f1),
            )
            for name, c in totals.items()
        },
        unstated_figure_share=share(sum(s.unstated_figures for s in scores), figures),
        non_english_share=share(sum(s.non_english_fields for s in scores), texts),
        copied_example=sum(s.copied_example for s in scores),
        per_article=[
            {
                "id": s.id,
                "deal_right": s.deal_right,
                "main_deal_found": s.main_deal_found,
                "figures": s.figures,
                "unstated_figures": s.unstated_figures,
                "non_english_fields": s.non_english_fields,
                "copied_example": s.copied_example,
                **{f"{n}_tp_fp_fn": [c.tp, c.fp, c.fn] for n, c in s.counts.items()},
            }
            for s in scores
        ],
        failed=failed or {},
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def to_markdown(r: Report, title: str = "Evaluation") -> str:
    def pct(v: float | None) -> str:
        return "–" if v is None else f"{v:.2f}"

    lines = [
        f"# {title}",
        "",
        f"- articles: {r.articles} (failed: {len(r.failed)})",
        f"- deal / no deal right: {r.deal_accuracy:.0%}",
        f"- main deal found (parties matched): {r.main_deal_found:.0%} of deal articles",
        f"- main deal of the right kind: {r.main_kind_right:.0%} of deal articles",
        f"- main deal of the right coarse status: {r.main_status_coarse_right:.0%}"
        " of deal articles",
        f"- headline names a party of the main deal: {r.headline_names_main_party:.0%}"
        " of deal articles",
        f"- output figures the article does not state: {r.unstated_figure_share:.0%}",
        f"- text fields not in English: {r.non_english_share:.0%}",
        f"- answers copying the worked example: {r.copied_example}",
        "",
        "| field | P | R | F1 | tp | fp | fn |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, f in r.fields.items():
        lines.append(
            f"| {name} | {pct(f.precision)} | {pct(f.recall)} | {pct(f.f1)} | "
            f"{f.tp} | {f.fp} | {f.fn} |"
        )
    lines += [
        "",
        "| article | deal right | main deal | figures | unstated | not English |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for a in r.per_article:
        lines.append(
            f"| {a['id']} | {'yes' if a['deal_right'] else 'no'} | "
            f"{'yes' if a['main_deal_found'] else 'no'} | {a['figures']} | "
            f"{a['unstated_figures']} | {a['non_english_fields']} |"
        )
    for article, cause in r.failed.items():
        lines.append(f"\nfailed: {article}: {cause}")
    return "\n".join(lines) + "\n"


def to_json(r: Report) -> str:
    return json.dumps(r.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


async def evaluate(
    gold_dir: Path,
    backend: Any,
    settings: Any,
    progress: Any = lambda message: None,
    *,
    split: str = "all",
) -> Report:
    """Summarize every gold article and score the results. With `backend=None` no model
    is called: the deal reader alone is scored."""
    from .errors import SummarizerError
    from .ingest import article_from_text
    from .pipeline import summarize_article, summarize_by_reader

    scores, failed = [], {}
    items = load_gold(gold_dir, split)
    for number, (gold, text) in enumerate(items, 1):
        progress(f"[{number}/{len(items)}] {gold.id}")
        article = article_from_text(text, id=gold.id)
        try:
            if backend is None:
                summary = summarize_by_reader(article)
            else:
                summary = await summarize_article(article, backend, settings)
        except SummarizerError as exc:
            failed[gold.id] = str(exc)
            continue
        scores.append(score_article(gold, summary, text))
    return report(scores, failed)
