"""Exception types and exit codes.

The library raises these; only ``cli.py`` turns them into a message on stderr
and an exit status. Every error carries a one-line message that names the
problem and, where there is one, what to do about it.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes, documented in the README."""

    OK = 0
    NOTHING_FOUND = 1  # search found no match (like grep)
    ERROR = 2  # usage or input error
    INTERRUPTED = 130  # Ctrl-C


class AleppoError(Exception):
    """Base class: a problem the user can fix, reported as one line."""

    exit_status = ExitStatus.ERROR

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class InputError(AleppoError):
    """The text could not be found, read or decoded."""


class UsageError(AleppoError):
    """An option or argument is out of range or invalid."""
