"""Bad input: one clear line on stderr, a non-zero exit, never a traceback."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import openai
import pytest
from click.testing import CliRunner

from summarizer.backends import wrap
from summarizer.cli import main
from summarizer.config import Settings
from summarizer.errors import InputError
from summarizer.ingest import article_from_text, decode
from summarizer.pipeline import summarize_article


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["summarize", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the article is empty"),
        (b"  \n\t \n", "the article is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    code, out, err = _run(str(path))
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_missing_file_and_empty_directory(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path / "nope.txt"), str(tmp_path))
    assert code == 1
    assert err.splitlines() == [
        f"summarizer: [1/2] {tmp_path / 'nope.txt'}: no such file",
        f"summarizer: [2/2] {tmp_path}: a directory with no article files "
        "(.txt .html .htm .rss .atom .xml .jsonl .ndjson)",
        "summarizer: 2 articles: 0 summarized (0 cached), 2 failed; 0 tokens over 0 requests, "
        "estimated cost $0.0000",
    ]


def test_usage_errors_exit_2() -> None:
    result = CliRunner().invoke(main, ["summarize", "--format", "pdf", "x.txt"])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Übernahme für 5 Mio. €".encode(), "Übernahme für 5 Mio. €"),
        ("Übernahme für 5 Mio. €".encode("cp1252"), "Übernahme für 5 Mio. €"),
        ("Größe".encode("latin-1"), "Größe"),
        (b"Text mit NUL\x00 Byte", "Text mit NUL\x00 Byte"),
    ],
)
def test_legacy_encodings_are_read_before_refusing(data: bytes, text: str) -> None:
    assert decode(data, name="x") == text


def test_nul_bytes_are_removed_from_text() -> None:
    assert article_from_text("Amazon\x00 kauft").text == "Amazon kauft"


def test_a_context_too_small_for_the_prompt_is_refused_before_any_request() -> None:
    client = openai.AsyncOpenAI(base_url="http://127.0.0.1:9/v1", api_key="x", max_retries=0)
    backend = wrap(client, Settings(), name="local", model="m", context_tokens=2048)
    article = article_from_text("Ein Satz über eine Übernahme. " * 2000, id="long")
    with pytest.raises(InputError, match=r"context \(2048 tokens\) is too small"):
        asyncio.run(summarize_article(article, backend, Settings()))


def test_without_the_local_extra_one_line_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "llama_cpp.server", None)
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    article = tmp_path / "a.txt"
    article.write_text("Das Wetter in Berlin ist sonnig.", encoding="utf-8")  # needs the model
    code, out, err = _run(str(article))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "pip install 'german-deal-summarizer[local]'" in err and "OPENAI_API_KEY" in err
