"""JSON Schema files of the public output, generated from the pydantic models.

    python -m summarizer.schemas [DIR]     # writes DIR/*.schema.json (default: ./schemas)

A test fails when a file in schemas/ is stale, so the published contract cannot drift from
the code. Decimals serialize as strings, so no amount loses precision on its way to JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .batch import BatchResult
from .models import ArticleSummary
from .stories import Digest

SCHEMAS: dict[str, type[BaseModel]] = {
    "article_summary": ArticleSummary,
    "batch_result": BatchResult,  # one line of a --results file
    "digest": Digest,
}


def render_schema(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(directory: str = "schemas") -> None:
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for name, model in SCHEMAS.items():
        (out / f"{name}.schema.json").write_text(render_schema(model), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
