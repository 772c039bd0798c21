"""A ready-made index of a bundled text: its clean-up edits and layout.

Reading a bundled text would otherwise load the word list and segment the
text at every start. ``.ci/index_texts.py`` writes ``texts/NAME.index.json``
with what ``cleanup.clean`` and ``document.layout`` compute, a test checks
that it still equals the live computation, and the index is used only when
it was made from this very text (its BLAKE2b digest, ``digest.py``) by this very code
(the digest of the source files that compute it, ``CODE``): a changed rule
never serves a stale index, it makes the text be built live until the index
is written again.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aleppo_cli.text import digest
from aleppo_cli.text.cleanup import AUTO_OFF, Edit, apply, clean
from aleppo_cli.text.document import Document, assemble, layout
from aleppo_cli.text.sources import Source, is_bundled, read_index

if TYPE_CHECKING:
    from aleppo_cli.text.beside import Beside

VERSION = 5  # 3: the repair decision; 4: whether the text has sections; 5: BLAKE2b

# The modules of this package whose code decides what an index holds: the
# clean-up rules and the word list they consult, the sentence and paragraph
# rules, and this module, which writes and reads the index.
CODE = (
    "cleanup.py",
    "wordlist.py",
    "segmenter.py",
    "document.py",
    "sections.py",
    "headings.py",
    "prebuilt.py",
    "beside.py",  # (the layout of a long text shared with a second process)
    "collector.py",  # (the collector paused while the document is made)
)


def fingerprint(raw: str) -> str:
    """The text's BLAKE2b-256 digest, in hex."""
    hashed = digest.new()
    hashed.update(raw.encode("utf-8"))
    return hashed.hexdigest()


def _source_bytes(name: str) -> bytes:
    """The source file ``name`` of this package, as bytes."""
    try:
        return Path(__file__).with_name(name).read_bytes()  # a checkout or an installed wheel
    except OSError:
        from importlib import resources  # a package that is not files on disk (a zip)

        return resources.files(__package__ or "aleppo_cli.text").joinpath(name).read_bytes()


@cache
def code_fingerprint() -> str | None:
    """BLAKE2b-256 of the source of ``CODE`` (line endings as in the repository),
    or None when the sources are not there to read: then no index is used."""
    hashed = digest.new()
    for name in CODE:
        try:
            data = _source_bytes(name).replace(b"\r\n", b"\n")
        except (OSError, ModuleNotFoundError):
            return None
        hashed.update(f"{name}\0{len(data)}\0".encode())
        hashed.update(data)
    return hashed.hexdigest()


def make(raw: str) -> dict[str, Any]:
    code = code_fingerprint()
    if code is None:
        raise RuntimeError("the source files of aleppo_cli.text are not readable")
    cleaned = clean(raw)
    spans = layout(cleaned.text)
    return {
        "version": VERSION,
        "digest": fingerprint(raw),
        "code": code,
        "repair": cleaned.repair,
        "edits": [[e.start, e.end, e.replacement, e.reason] for e in cleaned.edits],
        "layout": [[list(span) for span in paragraph] for paragraph in spans],
        # whether it has sections: when not, reading it skips the section rules
        "sectioned": bool(assemble(cleaned, spans).sections),
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def document(raw: str, data: dict[str, Any]) -> Document | None:
    """The document from ``data``, or None if it was not made from ``raw`` by
    the code running now."""
    if data.get("version") != VERSION or data.get("digest") != fingerprint(raw):
        return None
    code = code_fingerprint()
    if code is None or data.get("code") != code:
        return None
    cleaned = apply(
        raw,
        [Edit(start, end, text, reason) for start, end, text, reason in data["edits"]],
        data.get("repair", AUTO_OFF),
    )
    spans = [[(start, end) for start, end in paragraph] for paragraph in data["layout"]]
    return assemble(cleaned, spans, sectioned=data.get("sectioned", True))


def stored(source: Source) -> dict[str, Any] | None:
    """The ready-made index of ``source`` if it is a bundled text with one."""
    if not is_bundled(source):
        return None
    text = read_index(source.name)
    if text is None:
        return None
    data: dict[str, Any] = json.loads(text)
    return data


def document_for(source: Source, beside: Beside[Any] | None = None) -> Document:
    """The document of ``source``: from its index when it is a bundled text
    with a current one, else built from the text (``beside``: see
    ``document.build``)."""
    from aleppo_cli.text import wordlist
    from aleppo_cli.text.document import build, from_blocks

    if source.blocks:
        return from_blocks(source.text, source.blocks, source.spans, source.repair)
    data = stored(source) if source.repair is None else None  # made with repair decided
    if data is not None:
        ready = document(source.text, data)
        if ready is not None:
            return ready
    built = build(source.text, source.repair, beside)
    wordlist.forget()  # a novel's search or quotations then peak 21 MB lower
    return built
