"""What the reader is given, ready before Textual is imported.

The CLI decodes the text and builds this. A long text that has no ready-made
index is first shown from a *preview*, the document of its first pages, while
the whole document is built on another thread; the preview's paragraphs,
sentence numbers and offsets are those of the whole text, because it is cut
at a paragraph break (or, in a text without one, at a sentence end).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from aleppo_cli.reader import state
from aleppo_cli.text import prebuilt
from aleppo_cli.text.document import Document, build
from aleppo_cli.text.sources import Source, is_bundled

PREVIEW_FROM = 200_000  # characters: longer texts are shown from a preview first
PREVIEW_SIZE = 20_000  # about how much of the text the preview holds
_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n")
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]* (?=[A-Z“\"])")


@dataclass
class Session:
    source: Source
    document: Document  # the whole document, or its preview while ``complete`` is False
    complete: bool = True
    build_rest: Callable[[], Document] | None = None  # builds the whole document
    store: state.Store = field(default_factory=lambda: state.Store(None))
    key: str = ""  # the text's fingerprint in the store
    from_start: bool = False
    no_color: bool = False
    synchronous: bool = False  # tests: no threads, everything computed when asked
    notes: list[str] = field(default_factory=list)  # for stderr after the reader closes


def prepare(
    source: Source,
    variables: Mapping[str, str],
    *,
    from_start: bool = False,
    no_state: bool = False,
    no_color: bool = False,
    synchronous: bool = False,
) -> Session:
    """The session for ``source``: its document (or a preview), its state."""
    keep = not no_state and not state.disabled(variables)
    store = state.Store.open(state.state_path(variables) if keep else None)
    if keep and store.path is None:
        store.notes.append("no HOME or XDG_STATE_HOME: the reading position is not kept")
    key = state.key_for(source.text)
    preview = None if synchronous else preview_of(source)
    if preview is not None:
        document: Document = preview
        complete = False
    else:
        document = prebuilt.document_for(source)
        complete = True
    return Session(
        source,
        document,
        complete,
        (lambda: build(source.text, source.repair)) if not complete else None,
        store,
        key,
        from_start,
        no_color,
        synchronous,
    )


def preview_of(source: Source) -> Document | None:
    """The document of the first pages of a long text (None for a short one,
    or a bundled text, whose ready-made index is quicker), with the repair
    the reader chose (``--repair/--no-repair``), as the whole is built."""
    raw = source.text
    if len(raw) < PREVIEW_FROM or is_bundled(source):
        return None
    cut = cut_point(raw)
    if cut is None:
        return None
    return build(raw[:cut], source.repair)


def cut_point(raw: str) -> int | None:
    """Where the preview ends: at a paragraph break after PREVIEW_SIZE
    characters; in a text without blank lines at a line end, else at a
    sentence end (one long line); None if none comes soon."""
    window = raw[PREVIEW_SIZE : PREVIEW_SIZE * 4]
    found = _PARAGRAPH_BREAK.search(window)
    if found is not None:
        return PREVIEW_SIZE + found.start()
    if _PARAGRAPH_BREAK.search(raw) is not None:
        return None  # paragraphs, but long ones: the preview might cut differently
    line_end = window.find("\n")  # no blank line anywhere: a paragraph a line
    if line_end != -1:
        return PREVIEW_SIZE + line_end
    found = _SENTENCE_END.search(window)
    return PREVIEW_SIZE + found.start() + 1 if found is not None else None
