"""Shell completion for bash, zsh and fish, through Typer's own scripts.

`aleppo --show-completion bash` prints the script; the shell then calls
`aleppo` with `_ALEPPO_COMPLETE` set, which `cli.main.run` hands to
``complete``. `--install-completion` writes nothing (aleppo never changes a
file of the user's): it says which line to add to the shell's start-up file.
The modules of Typer used here are private (Typer vendors Click); the
version is pinned in pyproject.toml.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PROG = "aleppo"
VARIABLE = "_ALEPPO_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
START_UP_FILES = {"bash": "~/.bashrc", "zsh": "~/.zshrc", "fish": "~/.config/fish/config.fish"}


def shell_of(variables: Mapping[str, str], asked: str | None) -> str:
    """The shell asked for, else the user's login shell, else bash."""
    if asked:
        return asked
    name = os.path.basename(variables.get("SHELL", ""))
    return name if name in SHELLS else "bash"


def script(shell: str) -> str:
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    return get_completion_script(prog_name=PROG, complete_var=VARIABLE, shell=shell)


def install_line(shell: str) -> str:
    if shell == "fish":
        return f"{PROG} --show-completion fish | source"
    return f'eval "$({PROG} --show-completion {shell})"'


def complete(command: Any, instruction: str) -> int:
    """Answer the shell's request (``complete_bash`` and the like)."""
    from typer._completion_classes import completion_init
    from typer.completion import shell_complete

    completion_init()
    return int(shell_complete(command, {}, PROG, VARIABLE, instruction))


def texts(incomplete: str) -> list[str]:
    """TEXT: the bundled texts' names, then files and folders."""
    from aleppo_cli.text.sources import catalogue

    names = [name for name in catalogue() if name.startswith(incomplete)]
    folder, _, stem = incomplete.rpartition("/")
    base = Path(folder or ".").expanduser()
    try:
        entries = sorted(base.iterdir()) if base.is_dir() else []
    except OSError:
        entries = []
    paths = []
    for entry in entries:
        if entry.name.startswith(stem) and (stem.startswith(".") or not entry.name.startswith(".")):
            prefix = f"{folder}/" if folder else ""
            paths.append(prefix + entry.name + ("/" if entry.is_dir() else ""))
    return names + paths
