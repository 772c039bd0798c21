"""The wheel carries the bundled texts, and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("aleppo_cli-*.whl")
    return built


def test_wheel_contains_the_texts_and_their_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "aleppo_cli/texts/last-men-in-aleppo.txt" in names
        assert "aleppo_cli/texts/last-men-in-aleppo.json" in names
        assert "aleppo_cli/data/edmundson-en.json" in names
        packed = archive.read("aleppo_cli/texts/last-men-in-aleppo.txt")
    assert packed == (REPO / "texts" / "last-men-in-aleppo.txt").read_bytes()


def test_installed_wheel_shows_the_review_from_another_directory(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)  # what pip does with a pure-Python wheel
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    script = (
        "import aleppo_cli, sys; print(aleppo_cli.__file__); sys.argv=['aleppo','show']; "
        "from aleppo_cli.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        env=env,
        stdin=subprocess.DEVNULL,  # no TEXT and piped data would be read
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    location, *output = result.stdout.splitlines()
    assert location.startswith(str(target))
    assert output[0] == "Last Men in Aleppo"
    assert "a very difficult watch" in " ".join(result.stdout.split())
