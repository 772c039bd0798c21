"""A ready-made index of a bundled text: its clean-up edits and layout.

Reading a bundled text would otherwise load the word list and segment the
text at every start. ``.ci/index_texts.py`` writes ``texts/NAME.index.json``
with what ``cleanup.clean`` and ``document.layout`` compute, a test checks
that it still equals the live computation, and the index is used only when
the SHA-256 of the text it was made from matches.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from aleppo_cli.text.cleanup import Edit, apply, clean
from aleppo_cli.text.document import Document, assemble, layout
from aleppo_cli.text.sources import Source, is_bundled, read_index

VERSION = 1


def fingerprint(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def make(raw: str) -> dict[str, Any]:
    cleaned = clean(raw)
    return {
        "version": VERSION,
        "sha256": fingerprint(raw),
        "edits": [[e.start, e.end, e.replacement, e.reason] for e in cleaned.edits],
        "layout": [[list(span) for span in paragraph] for paragraph in layout(cleaned.text)],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def document(raw: str, data: dict[str, Any]) -> Document | None:
    """The document from ``data``, or None if it was not made from ``raw``."""
    if data.get("version") != VERSION or data.get("sha256") != fingerprint(raw):
        return None
    cleaned = apply(
        raw, [Edit(start, end, text, reason) for start, end, text, reason in data["edits"]]
    )
    spans = [[(start, end) for start, end in paragraph] for paragraph in data["layout"]]
    return assemble(cleaned, spans)


def document_for(source: Source) -> Document:
    """The document of ``source``: from its index when it is a bundled text
    with a current one, else built from the text."""
    from aleppo_cli.text.document import build, from_blocks

    if source.blocks:
        return from_blocks(source.text, source.blocks, source.spans)
    if is_bundled(source):
        stored = read_index(source.name)
        if stored is not None:
            ready = document(source.text, json.loads(stored))
            if ready is not None:
                return ready
    return build(source.text)
