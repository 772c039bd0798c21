"""What every format module returns: the extracted text, its blocks and
emphasis, and the document's metadata.

The extracted text is what ``aleppo show --raw`` prints for a web page, a
Markdown file or an EPUB, and every offset any command reports for such an
input is an index into it. Blocks are separated by a blank line; a block's
``start``/``end`` and an emphasis span's are offsets into that same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item", "quote", "code", "row"]
Style = Literal["italic", "bold", "code"]

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    level: int = 0  # a heading's level (1-6); a list item's or quote's depth (1 = outermost)
    marker: str = ""  # an item of a numbered list: its number ("3."); else none


@dataclass(frozen=True)
class Span:
    """Emphasis or inline code in the extracted text."""

    start: int
    end: int
    style: Style


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    author: str = ""
    date: str = ""  # as the document gives it; ISO 8601 (YYYY-MM-DD) where known
    site: str = ""
    url: str = ""  # the canonical address
    language: str = ""


@dataclass(frozen=True)
class Extracted:
    text: str
    blocks: tuple[Block, ...]
    spans: tuple[Span, ...]
    metadata: Metadata
    format: str  # "html", "markdown", "epub"


_SPACE = re.compile(r"\s+")
_VISIBLE = re.compile(r"[^\s\u00ad\u034f\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


@dataclass
class Builder:
    """Builds the extracted text a block at a time, keeping the offsets.

    Prose is added in pieces (``add``), each with an optional style; white
    space in prose is collapsed to single spaces. Code is added verbatim
    (``code``).
    """

    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    _pending: list[tuple[str, Style | None]] = field(default_factory=list)
    _kind: BlockKind = "paragraph"
    _level: int = 0
    _marker: str = ""

    def begin(self, kind: BlockKind, level: int = 0, marker: str = "") -> None:
        """Start a block (ending any block still open)."""
        self.end()
        self._kind, self._level, self._marker = kind, level, marker

    def add(self, text: str, style: Style | None = None) -> None:
        if text:
            self._pending.append((text, style))

    def has_text(self) -> bool:
        """Whether the open block has any text yet."""
        return any(text.strip() for text, _ in self._pending)

    def end(self) -> None:
        """Finish the open block: collapse its white space and store it."""
        pending, self._pending = self._pending, []
        pieces: list[tuple[str, Style | None]] = []
        for text, style in pending:
            collapsed = text if style == "code" else _SPACE.sub(" ", text)
            pieces.append((collapsed, style))
        # trim the block's outer white space and double spaces between pieces
        out: list[tuple[str, Style | None]] = []
        for text, style in pieces:
            if out and out[-1][0].endswith(" ") and text.startswith(" "):
                text = text[1:]
            if not out and style != "code":
                text = text.lstrip()
            if text:
                out.append((text, style))
        while out and out[-1][1] != "code" and out[-1][0] != out[-1][0].rstrip():
            text, style = out.pop()
            if text.rstrip():
                out.append((text.rstrip(), style))
        if not any(_VISIBLE.search(text) for text, _ in out):
            return  # nothing a reader would see (zero-width joiners, soft hyphens)
        start = self._open()
        position = start
        for text, style in out:
            if style is not None and text.strip():
                lead = len(text) - len(text.lstrip())
                trail = len(text) - len(text.rstrip())
                self.spans.append(Span(position + lead, position + len(text) - trail, style))
            self.parts.append(text)
            position += len(text)
        self.length = position
        self.blocks.append(Block(self._kind, start, position, self._level, self._marker))
        self._marker = ""  # text after a nested list continues the item, unnumbered

    def code(self, text: str) -> None:
        """A code block, verbatim (trailing line breaks dropped)."""
        self.end()
        text = text.rstrip("\n")
        if not text.strip():
            return
        start = self._open()
        self.parts.append(text)
        self.length = start + len(text)
        self.blocks.append(Block("code", start, self.length))

    def _open(self) -> int:
        if self.parts:
            self.parts.append(SEPARATOR)
            self.length += len(SEPARATOR)
        return self.length

    def finish(self, metadata: Metadata, format: str) -> Extracted:
        self.end()
        return Extracted(
            "".join(self.parts), tuple(self.blocks), tuple(self.spans), metadata, format
        )
