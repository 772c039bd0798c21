"""Reading the TEXT a command was given: the source, then its document."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from aleppo_cli.cli.emit import progress, report
from aleppo_cli.cli.environment import Environment
from aleppo_cli.text import prebuilt, sources
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source

if TYPE_CHECKING:
    from aleppo_cli.text.beside import Beside


def load_source(
    env: Environment, text: str | None, encoding: str | None = None, repair: bool | None = None
) -> Source:
    """The decoded input; a note on stderr when decoding needed a guess.

    With no TEXT, standard input is read when it is a pipe, a file or a
    socket; otherwise (a terminal, /dev/null, closed) the bundled review."""
    if text is None and env.stdin_has_data:
        text = sources.STDIN
    fetching = text is not None and text.lower().startswith(("http://", "https://"))
    with progress(env, "Fetching…" if fetching else "Reading…"):
        source = sources.load(text, env.stdin, encoding)
    if source.note:
        report(env, source.note, label="note")
    return source if repair is None else replace(source, repair=repair)


def load(
    env: Environment,
    text: str | None,
    encoding: str | None = None,
    repair: bool | None = None,
    beside: Beside[Any] | None = None,
) -> tuple[Source, Document]:
    """The source and its document (``beside``: work on its cleaned text
    that a long text's build may do in a second process, ``text/beside.py``);
    the document is kept as long as ``env`` (``Environment.keep``)."""
    source = load_source(env, text, encoding, repair)
    with progress(env, "Reading…"):
        document = prebuilt.document_for(source, beside)
    env.keep(document)
    return source, document
