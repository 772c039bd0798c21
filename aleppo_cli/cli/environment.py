"""The one object that owns the standard streams, terminal facts and colour.

``cli.main`` builds it once, from the process (``Environment.from_system``),
and hands it to every command as Click's context object; tests build their
own. Styled (rich) output goes to a terminal; anything else, or a terminal
with NO_COLOR set or TERM=dumb, gets plain text with no escape codes. Nothing
here writes to the process environment.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO, TextIO

from aleppo_cli.output.shared import DEFAULT_MEASURE

MIN_MEASURE = 20
DEBUG_VARIABLE = "ALEPPO_DEBUG"


@dataclass
class Environment:
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: BinaryIO | None = None
    stdin_has_data: bool = False  # a pipe, a redirected file or a socket: read it by default
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    no_color: bool = False
    columns: int = 80
    lines: int = 24
    debug: bool = False  # tracebacks of internal errors; set by --debug too
    spinner_delay: float = 0.3  # seconds of work before the spinner shows
    spinner: Any = None  # the spinner on stderr, once some work has started (cli.emit)
    encoding: str = "utf-8"  # what standard output can carry
    error_encoding: str = "utf-8"  # what standard error can carry
    variables: Mapping[str, str] = field(default_factory=dict)  # read only (PAGER, LESS)
    # a command's large results, kept until the environment goes (``keep``)
    kept: list[object] = field(default_factory=list, repr=False)

    @classmethod
    def from_system(cls) -> Environment:
        stdout, stderr = sys.stdout, sys.stderr
        size = shutil.get_terminal_size((80, 24))
        variables = dict(os.environ)
        return cls(
            stdout=stdout,
            stderr=stderr,
            stdin=getattr(sys.stdin, "buffer", None),
            stdin_has_data=_carries_data(sys.stdin),
            stdout_isatty=_isatty(stdout),
            stderr_isatty=_isatty(stderr),
            no_color="NO_COLOR" in variables or variables.get("TERM") == "dumb",
            columns=size.columns,
            lines=size.lines,
            debug=bool(variables.get(DEBUG_VARIABLE)),
            encoding=_encoding(stdout),
            error_encoding=_encoding(stderr),
            variables=variables,
        )

    @property
    def pretty(self) -> bool:
        """Styled output: standard output is a terminal that takes colour."""
        return self.stdout_isatty and not self.no_color

    def keep(self, *values: object) -> None:
        """Hold ``values`` (a document, its quotations) as long as this
        environment: a novel's are 250,000 objects, and freeing them one by
        one as a command returns took 0.02 s; the real entry point's process
        leaves without freeing them (``cli.main.leave``)."""
        self.kept.extend(values)

    def measure(self, width: int | None) -> int:
        """Line width for prose: ``width`` if given, else at most 88 columns."""
        if width is not None:
            return width
        if self.stdout_isatty:
            return max(MIN_MEASURE, min(DEFAULT_MEASURE, self.columns))
        return DEFAULT_MEASURE


def _encoding(stream: TextIO) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _carries_data(stream: object) -> bool:
    """Standard input is a pipe, a regular file or a socket (as ripgrep
    decides): not a terminal, nor a character device such as /dev/null, nor
    closed, so reading it cannot wait on input that will never come."""
    try:
        mode = os.fstat(stream.fileno()).st_mode  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)
