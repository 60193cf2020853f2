"""The README's first command installs a wheel, not the checkout: it must carry the prompts."""

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_the_wheel_ships_every_prompt_and_data_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("german_deal_summarizer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("prompts", "data"):
        for file in (ROOT / "summarizer" / folder).iterdir():
            assert f"summarizer/{folder}/{file.name}" in names
    assert "summarizer/reader/frames.py" in names


def test_the_version_is_the_distributions() -> None:
    from importlib import metadata

    from click.testing import CliRunner

    from summarizer.cli import main
    from summarizer.config import DISTRIBUTION

    shown = CliRunner().invoke(main, ["--version"], prog_name="summarizer").output
    assert shown.strip() == f"summarizer, version {metadata.version(DISTRIBUTION)}"
