"""The README's command reference is the program's own --help (regenerate it
with `python .ci/cli_reference.py`)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO
from tests.test_formats import BOOK, PAGE, make_epub
from tests.test_urls import loopback, server  # noqa: F401 - fixtures for the URL example


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_reference", REPO / ".ci/cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_current() -> None:
    module = generator()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert module.updated(readme) == readme, "run: python .ci/cli_reference.py"


def test_the_reference_has_every_command() -> None:
    reference = generator().reference()
    for command in ("show", "read", "info", "summarize", "search", "quotes", "texts"):
        assert f"Usage: aleppo {command} [OPTIONS]" in reference


def readme_command_lines() -> list[str]:
    """Every command line of the README's sh blocks that runs aleppo (the
    set-up lines, which make a virtual environment, aside)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    lines: list[str] = []
    for block in text.split("```sh\n")[1:]:
        for line in block.split("```")[0].splitlines():
            command = line.split("  #")[0].strip()
            if command.startswith("aleppo ") or "| aleppo " in command:
                lines.append(command)
    return lines


def test_the_readme_has_examples() -> None:
    assert len(readme_command_lines()) >= 25


@pytest.mark.parametrize("command", readme_command_lines())
def test_every_readme_example_runs(
    command: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """With the installed `aleppo` on PATH, in a folder with the files the
    examples name (stand-ins for a novel, a note, a saved page, an e-book),
    and the example URL served from the loopback."""
    if "https://example.org/" in command:
        server = request.getfixturevalue("server")
        server.route("/post", PAGE)
        command = command.replace("https://example.org/", server.base + "/")
    (tmp_path / "article.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "book.epub").write_bytes(make_epub(BOOK))
    (tmp_path / "notes.md").write_text(
        "# Notes\n\n“We leave at dawn,” said Anne.\n\n- bread\n- water\n", encoding="utf-8"
    )
    for tool in ("jq", "grep", "cat"):
        if f"{tool} " in command and shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    books = tmp_path / "books"
    books.mkdir()
    chapter = "\n\n".join(
        f"“Is it far, Anne?” asked her sister. It was the {n}th morning of the journey. "
        "The road went on, and the talk went on with it."
        for n in range(1, 60)
    )
    (books / "persuasion.txt").write_text(chapter, encoding="utf-8")
    books_and_chapters = "\n\n".join(  # the sections' examples need a novel with chapters
        f"BOOK {book}\n\nCHAPTER I\n\n{chapter}\n\nCHAPTER II\n\nThey marched to Tarutino."
        for book in ("ONE", "TWO")
    )
    (tmp_path / "war_and_peace.txt").write_text(books_and_chapters, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("A note of mine. It has two sentences.\n")
    bin_folder = str(Path(sys.executable).parent)
    environment = {
        **os.environ,
        "HOME": str(tmp_path),
        "PATH": f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, (command, result.stderr)
    assert "error" not in result.stderr, (command, result.stderr)
    assert result.stdout.strip() or "> /dev/null" in command, command
