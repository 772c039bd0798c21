"""The library's exceptions.

Every error carries a one-line message that names the problem and, where
there is one, what to do about it, in words that do not depend on how the
library is called: no command-line flags and no exit statuses here (the CLI
adds those: ``aleppo_cli/cli/status.py``).
"""

from __future__ import annotations


class AleppoError(Exception):
    """Base class: a problem the user can fix, reported as one line."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class InputError(AleppoError):
    """The text could not be found, read or decoded."""


class UsageError(AleppoError):
    """A request the library cannot carry out as asked (a bad query, an unknown name)."""
