"""Exit statuses, in one place, and the one table from exception to status.

The README documents these. ``cli.main.run`` is the only caller of
``status_for``; nothing else in the program chooses an exit status.
"""

from __future__ import annotations

from enum import IntEnum

from aleppo_cli.errors import AleppoError


class ExitStatus(IntEnum):
    OK = 0
    NOTHING_FOUND = 1  # search or quotes found nothing (like grep)
    ERROR = 2  # a usage or input error, or an internal error
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


class NothingFound(Exception):
    """Raised by a command after printing its (empty) result: exit status 1."""


class UsageProblem(Exception):
    """A command line the parser accepted but the command cannot (options
    that do not go together); reported as the parser's errors are."""

    def __init__(self, message: str, command: str) -> None:
        super().__init__(message)
        self.command = command  # "aleppo search", for the pointer to its help


class Kind(IntEnum):
    """How ``run`` reports an exception; its value is never shown."""

    QUIET = 0  # nothing to say
    MESSAGE = 1  # the error's own one-line message
    USAGE = 2  # a usage message from the command-line parser
    INTERNAL = 3  # a bug: one line, or the traceback with --debug


# Checked in order; the first type the exception is an instance of wins.
TABLE: tuple[tuple[type[BaseException], ExitStatus, Kind], ...] = (
    (NothingFound, ExitStatus.NOTHING_FOUND, Kind.QUIET),
    (UsageProblem, ExitStatus.ERROR, Kind.USAGE),
    (AleppoError, ExitStatus.ERROR, Kind.MESSAGE),
    (BrokenPipeError, ExitStatus.OK, Kind.QUIET),  # the reader closed the pipe: not an error
    (KeyboardInterrupt, ExitStatus.INTERRUPTED, Kind.QUIET),
)


def status_for(error: BaseException) -> tuple[ExitStatus, Kind]:
    for kind_of_error, status, kind in TABLE:
        if isinstance(error, kind_of_error):
            return status, kind
    if is_parser_error(error):
        return ExitStatus.ERROR, Kind.USAGE
    return ExitStatus.ERROR, Kind.INTERNAL


def is_parser_error(error: BaseException) -> bool:
    """A usage error of the command-line parser (bad option, missing argument,
    value out of range). Typer vendors Click, so its exception classes are
    private (``typer._click.exceptions``): they are told apart by what they
    carry, a message formatter and an exit code, not by importing them."""
    return callable(getattr(error, "format_message", None)) and isinstance(
        getattr(error, "exit_code", None), int
    )
