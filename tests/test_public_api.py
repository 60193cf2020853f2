"""The public API is what `summarizer` exports; this list changes only on purpose."""

import summarizer

PUBLIC = """
DIGEST_FORMATS ArticleSummary BackendError BatchResult ConfigError Deal DealKind DealMode
DealStatus Digest Direction FailureCause InputError MarketMove Money MoneyFigure Percent
PercentFigure
Provenance Qualifier Settings SummarizerError Usage Via asummarize asummarize_many
build_digest find_money find_percents parse_money parse_percent render_digest summarize
summarize_many
""".split()


def test_the_exported_names_are_the_public_api() -> None:
    assert sorted(summarizer.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert getattr(summarizer, name) is not None


def test_every_type_an_article_summary_holds_is_exported() -> None:
    """A user who reads a summary can name every type in it without a private import."""
    exported = {getattr(summarizer, n) for n in PUBLIC}
    for model in (summarizer.ArticleSummary, summarizer.Deal, summarizer.Provenance):
        for field in model.model_fields.values():
            for kind in (field.annotation, *getattr(field.annotation, "__args__", ())):
                inner = getattr(kind, "__args__", (kind,))
                for t in inner:
                    if getattr(t, "__module__", "").startswith("summarizer"):
                        assert t in exported, f"{model.__name__}.{t.__name__} is not exported"
