from summarizer.schemas import SCHEMAS, render_schema

from .conftest import ROOT


def test_published_schemas_are_fresh() -> None:
    for name, model in SCHEMAS.items():
        published = (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert published == render_schema(model), (
            f"schemas/{name}.schema.json is stale: run  python -m summarizer.schemas"
        )
