"""Running the reader in the terminal, from the CLI's ``read`` command."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from aleppo_cli.reader.session import prepare
from aleppo_cli.text.sources import Source

if TYPE_CHECKING:
    from textual.driver import Driver

INTERRUPTED = 130


def read(
    source: Source,
    variables: Mapping[str, str],
    *,
    from_start: bool = False,
    no_state: bool = False,
    no_color: bool = False,
) -> tuple[int, list[str]]:
    """Show ``source`` full-screen until the reader quits: (status, notes).
    Textual is imported here."""
    session = prepare(
        source, variables, from_start=from_start, no_state=no_state, no_color=no_color
    )
    keyboard_from_terminal()
    from aleppo_cli.reader.app import ReaderApp

    app = ReaderApp(session, driver_class=terminal_driver())
    try:
        status = app.run()
    except KeyboardInterrupt:
        status = INTERRUPTED
    notes = [*session.store.notes, *session.notes]
    return (status if status is not None else 0), notes


def terminal_driver() -> type[Driver] | None:
    """Textual draws on standard error; the reader draws on standard output
    (the terminal it checked), so that ``aleppo read 2>log`` still shows."""
    if sys.platform == "win32":
        return None
    from textual.drivers.linux_driver import LinuxDriver

    class StdoutDriver(LinuxDriver):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._file = sys.__stdout__

    return StdoutDriver


def keyboard_from_terminal() -> None:
    """When standard input is not the terminal (the text came from a pipe),
    read keys from the terminal itself, as less does."""
    stdin = sys.__stdin__
    with contextlib.suppress(AttributeError, ValueError, OSError):
        if stdin is not None and stdin.isatty():
            return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return
    os.dup2(terminal, 0)
    os.close(terminal)
