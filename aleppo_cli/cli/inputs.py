"""Reading the TEXT a command was given: the source, then its document."""

from __future__ import annotations

from aleppo_cli.cli.emit import progress, report
from aleppo_cli.cli.environment import Environment
from aleppo_cli.text import prebuilt, sources
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source


def load_source(env: Environment, text: str | None) -> Source:
    """The decoded input; a note on stderr when decoding needed a guess."""
    source = sources.load(text, env.stdin)
    if source.note:
        report(env, source.note, label="note")
    return source


def load(env: Environment, text: str | None) -> tuple[Source, Document]:
    source = load_source(env, text)
    with progress(env, "Reading…"):
        return source, prebuilt.document_for(source)
