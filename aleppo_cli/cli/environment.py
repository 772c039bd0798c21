"""The one object that owns standard streams, terminal detection and colour.

Pretty (rich, styled) output goes to a terminal; anything else, or a terminal
with NO_COLOR set or TERM=dumb, gets plain text with no escape codes.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

DEFAULT_MEASURE = 88


@dataclass
class Environment:
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin: BinaryIO | None = None
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    no_color: bool = False
    columns: int = 80
    lines: int = 24

    @classmethod
    def from_system(cls) -> Environment:
        stdout, stderr = sys.stdout, sys.stderr
        size = shutil.get_terminal_size((80, 24))
        return cls(
            stdout=stdout,
            stderr=stderr,
            stdin=getattr(sys.stdin, "buffer", None),
            stdout_isatty=_isatty(stdout),
            stderr_isatty=_isatty(stderr),
            no_color="NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb",
            columns=size.columns,
            lines=size.lines,
        )

    @property
    def pretty(self) -> bool:
        return self.stdout_isatty and not self.no_color

    def measure(self, width: int | None) -> int:
        """Line width for prose: ``width`` if given, else at most 88 columns."""
        if width is not None:
            return width
        if self.stdout_isatty:
            return max(20, min(DEFAULT_MEASURE, self.columns))
        return DEFAULT_MEASURE


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
