"""Shell completion (cli/completion.py): what the shell is offered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import fake_env, invoke


def offered(words: str, tmp_path: Path | None = None) -> list[str]:
    """What bash's completion function gets for the command line ``words``
    (the cursor at its last word), from the installed command."""
    environment = {
        **os.environ,
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "_ALEPPO_COMPLETE": "complete_bash",
    }
    result = subprocess.run(
        [sys.executable, "-m", "aleppo_cli"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        check=True,
    )
    return result.stdout.split()


def test_commands_options_and_algorithms() -> None:
    assert offered("aleppo s") == ["show", "summarize", "search"]
    assert offered("aleppo summarize -a l") == ["lex-rank", "lsa", "luhn"]
    assert "--highlight" in offered("aleppo summarize --h")


def test_bundled_names_and_files(tmp_path: Path) -> None:
    (tmp_path / "novel.txt").write_text("x")
    (tmp_path / "notes").mkdir()
    assert offered("aleppo show n", tmp_path) == ["notes/", "novel.txt"]
    assert offered("aleppo show la", tmp_path) == ["last-men-in-aleppo"]
    assert offered("aleppo info notes/", tmp_path) == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_scripts(shell: str) -> None:
    outcome = invoke(["--show-completion", shell])
    assert outcome.status == 0
    assert "_ALEPPO_COMPLETE" in outcome.stdout


def test_install_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # where Typer's own install would write
    env = fake_env(variables={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    outcome = invoke(["--install-completion", "bash"], env)
    assert outcome.status == 0
    assert outcome.stdout == 'eval "$(aleppo --show-completion bash)"\n'
    assert "changes no file of yours" in outcome.stderr
    assert list(tmp_path.iterdir()) == []
