"""Inputs of every kind become Articles, and whatever cannot be read becomes a Failure."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from summarizer.ingest import Article
from summarizer.sources import Failure, read_inputs

from .conftest import read_example

SEED = read_example("amazon-openai-50bn-talks.txt")
BODY = "Die Heidelberger Druckmaschinen AG übernimmt den Softwareanbieter Zaikio vollständig."

HTML = f"""<!DOCTYPE html>
<html><head><title>Heidelberger kauft Zaikio | Wirtschaft</title>
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<link rel="canonical" href="https://example.org/zaikio"></head>
<body><nav><a href="/">Startseite</a> <a href="/abo">Abo</a></nav>
<article><h1>Heidelberger kauft Zaikio</h1>
<p>{BODY}</p>
<p>Der Kaufpreis liegt nach Angaben des Unternehmens bei rund 20 Millionen Euro. Zaikio
entwickelt eine Plattform für die Druckindustrie und beschäftigt 60 Mitarbeiter.</p>
<p>Die Übernahme soll im zweiten Quartal abgeschlossen werden, teilte Heidelberger mit.</p>
</article>
<footer>Impressum · Datenschutz · Cookie-Einstellungen</footer></body></html>"""

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wirtschaft</title>
<item><title>Heidelberger kauft Zaikio</title><link>https://example.org/zaikio</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>{BODY}</p><p>Der Preis: rund 20 Millionen Euro.</p>]]>
</content:encoded>
</item>
<item><title>Leer</title><link>https://example.org/leer</link><description></description></item>
</channel></rss>"""


def _articles(items: list[Article | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_plain_text_directory_and_glob(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not an article: skipped
    (tmp_path / "SOURCES.md").write_text("# Sources", encoding="utf-8")  # notes: skipped
    by_dir = read_inputs([str(tmp_path)])
    assert [a.id for a in _articles(by_dir)] == ["a", "b"] and len(by_dir) == 2
    by_glob = read_inputs([str(tmp_path / "**" / "b.*"), str(tmp_path / "SOURCES.md")])
    assert [a.id for a in _articles(by_glob)] == ["b", "SOURCES"]  # named, so read
    # The same file named twice is read once.
    assert len(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "a.txt")])) == 1


def test_html_main_text_title_and_date_without_the_page_chrome(tmp_path: Path) -> None:
    page = tmp_path / "zaikio.html"
    page.write_text(HTML, encoding="utf-8")
    [article] = read_inputs([str(page)])
    assert isinstance(article, Article)
    assert BODY in article.text and "rund 20 Millionen Euro" in article.text
    assert "Impressum" not in article.text and "Startseite" not in article.text
    assert article.title is not None and "Zaikio" in article.title
    assert article.published == date(2024, 3, 5)


def test_feed_items_become_articles_and_an_empty_item_a_failure(tmp_path: Path) -> None:
    feed = tmp_path / "wirtschaft.rss"
    feed.write_text(RSS, encoding="utf-8")
    first, second = read_inputs([str(feed)])
    assert isinstance(first, Article) and isinstance(second, Failure)
    assert first.id == "wirtschaft#1" and first.url == "https://example.org/zaikio"
    assert BODY in first.text and "<p>" not in first.text
    assert first.published == date(2024, 3, 5)
    assert second.source.endswith("wirtschaft.rss#2") and second.error == "the article is empty"


def test_jsonl_lines_each_succeed_or_fail_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "z1", "title": "Zaikio", "url": "https://x", "text": BODY, "date": "2024-03-05"}
        ),
        "{not json",
        json.dumps({"id": "z2", "title": "no text"}),
        "",
        json.dumps({"text": SEED}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read_inputs([str(path)])
    assert len(items) == 4
    assert isinstance(items[0], Article) and items[0].id == "z1"
    assert items[0].published == date(2024, 3, 5)
    assert isinstance(items[1], Failure) and items[1].error.startswith("not valid JSON")
    assert items[1].source.endswith("batch.jsonl:2")
    assert isinstance(items[2], Failure) and "'text'" in items[2].error
    assert isinstance(items[3], Article) and items[3].id.endswith("batch.jsonl:5")


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(HTML.encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    [article] = read_inputs(["-"])
    assert isinstance(article, Article) and article.id == "stdin" and BODY in article.text


def test_unreadable_inputs_are_failures_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.html").write_text("<html><body><script>track()</script></body></html>")
    (tmp_path / "broken.rss").write_text("Fehler 404: Seite nicht gefunden", encoding="utf-8")
    items = read_inputs(
        [str(tmp_path / n) for n in ("binary.txt", "empty.html", "broken.rss", "gone.txt")]
    )
    assert all(isinstance(i, Failure) for i in items)
    assert [i.error.split(" (")[0] for i in items] == [  # type: ignore[union-attr]
        "looks like a binary file, not text",
        "no article text found in the HTML page",
        "no items found in the feed",
        "no such file",
    ]
