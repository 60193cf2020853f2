"""The code stays ruff-clean: checked by the same command that runs the tests."""

import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT


def test_ruff_is_clean() -> None:
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed (it comes with the 'dev' extra)")
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
