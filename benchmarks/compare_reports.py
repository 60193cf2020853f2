"""Put `summarizer eval -f json` reports side by side as one Markdown table.

    summarizer eval gold --reader-only --split held_out -f json -o reader.json
    summarizer eval gold --backend local --split held_out -f json -o both.json
    python benchmarks/compare_reports.py "reader alone=reader.json" "reader + model=both.json"

Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SHARES = [
    ("articles", "articles", None),
    ("deal / no deal right", "deal_accuracy", "%"),
    ("main deal found", "main_deal_found", "%"),
    ("main deal: right kind", "main_kind_right", "%"),
    ("main deal: right coarse status", "main_status_coarse_right", "%"),
    ("headline names a party of the main deal", "headline_names_main_party", "%"),
    ("output figures the article does not state", "unstated_figure_share", "%"),
]
FIELDS = [
    ("buyers", "recall"),
    ("targets", "recall"),
    ("sellers", "recall"),
    ("kind", "f1"),
    ("status_coarse", "f1"),
    ("amount", "precision"),
    ("amount", "recall"),
    ("valuation", "recall"),
    ("stake", "f1"),
    ("market_moves", "f1"),
]


def _cell(value: float | int | None, unit: str | None) -> str:
    if value is None:
        return "–"
    return (
        f"{value:.0%}"
        if unit == "%"
        else f"{value:.2f}"
        if isinstance(value, float)
        else str(value)
    )


def main(args: list[str]) -> None:
    columns = [arg.split("=", 1) for arg in args]
    reports = [json.loads(Path(path).read_text(encoding="utf-8")) for _, path in columns]
    print("| | " + " | ".join(name for name, _ in columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    for label, key, unit in SHARES:
        print(f"| {label} | " + " | ".join(_cell(r.get(key), unit) for r in reports) + " |")
    for field, measure in FIELDS:
        cells = [_cell(r["fields"][field][measure], None) for r in reports]
        print(f"| {field} {measure} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
