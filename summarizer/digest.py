"""Digest -> Markdown, a self-contained HTML email, or JSON, through Jinja2 templates.

Templates only lay out what stories.py decided; every figure they print is a rendering of a
verified, code-parsed quote (`english`), shown beside its source.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .phrasing import deal_sentence
from .stories import Digest

if TYPE_CHECKING:
    import jinja2

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
