"""Builders: documents from sentences, without a file in every test, and a
fake environment to run the command line in."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from aleppo_cli.cli.environment import Environment
from aleppo_cli.cli.main import run
from aleppo_cli.text.document import Document, build
from aleppo_cli.text.sources import Source


def text_of(*paragraphs: list[str]) -> str:
    """Raw text with one blank line between paragraphs of sentences."""
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs)


def document_of(*paragraphs: list[str]) -> Document:
    return build(text_of(*paragraphs))


def source_of(text: str, title: str = "sample", kind: str = "file") -> Source:
    return Source(
        name=title,
        title=title,
        kind=kind,
        publisher="",
        origin=title,
        text=text,
    )


@dataclass
class Outcome:
    status: int
    stdout: str
    stderr: str


def fake_env(terminal: bool = False, stdin: bytes | None = None, **facts: Any) -> Environment:
    """An environment with string streams; ``terminal`` makes standard output
    a colour terminal of 80 x 24 (unless ``facts`` say otherwise)."""
    return Environment(
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin=io.BytesIO(stdin) if stdin is not None else None,
        stdout_isatty=terminal,
        **facts,
    )


def invoke(argv: list[str], env: Environment | None = None) -> Outcome:
    """Run ``aleppo`` in-process, as the console script does, in ``env``."""
    env = env or fake_env()
    status = run(argv, env)
    out, err = env.stdout, env.stderr
    assert isinstance(out, io.StringIO) and isinstance(err, io.StringIO)
    return Outcome(int(status), out.getvalue(), err.getvalue())
