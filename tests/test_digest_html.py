"""The HTML digest in a real browser: headless Chromium renders it to a screenshot, in light
and dark mode. Skipped, saying why, where Debian's `chromium` is not installed; under CI=true
that fails instead, since .ci/run installs it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from summarizer.batch import BatchResult
from summarizer.render import render_digest
from summarizer.stories import build_digest

from .conftest import skip_unless
from .drafts import buy, seeds

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def html() -> str:
    results = [
        *seeds(),
        buy("kalvion", "Kalvion AG", "Fibrotex <b>GmbH</b>"),
        BatchResult(id="page.html", error="no article text found in the HTML page"),
    ]
    return render_digest(build_digest(results), "html")


def test_the_email_is_self_contained_and_escaped(html: str) -> None:
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html.split("<body")[0])
    # Nothing is fetched: no source attribute, no CSS url(); links are only the sources'.
    assert "src=" not in html and "url(" not in html
    assert "<img" not in html and "<script" not in html and "<link" not in html
    assert 'name="color-scheme" content="light dark"' in html
    assert "prefers-color-scheme: dark" in html
    assert "Fibrotex &lt;b&gt;GmbH&lt;/b&gt;" in html  # article text never becomes markup
    assert "Sources disagree on the amount" in html and "per amazon-openai-50bn-talks" in html


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chromium_renders_the_digest(html: str, tmp_path: Path, scheme: str) -> None:
    skip_unless(CHROMIUM is not None, "Debian's chromium is not installed")
    assert CHROMIUM is not None
    page = tmp_path / "digest.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / f"digest-{scheme}.png"
    flags = [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=800,1400"]
    if scheme == "dark":
        flags.append("--force-dark-mode")
    subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000  # a page, not a blank
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "Amazon reportedly plans to invest in OpenAI" in dom
    assert "Not summarized (1)" in dom
