"""Where every line of the reader's page is, computed cheaply, for one width.

The page is what ``aleppo show`` prints: the title, the metadata line, a rule,
then each paragraph after a blank line. A ``Page`` knows, for a measure and
with or without sentence numbers, how many lines each paragraph wraps to and
on which line it starts; a paragraph's own line breaks are computed only when
it is on screen (and kept for the most recent ones). Wrapping is greedy at
spaces, long words cut, like ``textwrap`` in ``show``; text whose characters
are all one terminal cell wide (nearly every text) is wrapped by one regular
expression, in C, and anything else (CJK, emoji, combining marks) by cell
widths.

Offsets: a paragraph's *display text* is its cleaned text, character for
character (control characters made visible, tabs and line separators made
spaces), with ``[n] `` inserted before each sentence when numbers are on.
``display_offset`` and ``clean_offset`` convert between the two. Nothing
here imports Textual or rich's console.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from aleppo_cli.output.safe import visible
from aleppo_cli.output.shared import (
    SEPARATOR,
    block_prefix,
    joined_to_previous,
    meta_line,
    meta_lines,
    title_heading,
)
from aleppo_cli.text.document import Document, Paragraph
from aleppo_cli.text.sources import Source

Span = tuple[int, int]
T = TypeVar("T")
SPAN_CACHE = 512  # paragraphs whose line breaks are kept, per page

# Line kinds of the header (before the first paragraph).
TITLE, META, RULE, BLANK, BODY = range(5)

_SPACES = re.compile("[\t\u2028\u2029\u0085]")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def display(text: str) -> str:
    """``text`` safe for one terminal line, the same length as ``text``."""
    if _UNSAFE.search(text) is None:  # nearly always: no copy
        return text
    return visible(_SPACES.sub(" ", text))


@cache
def _single_cell() -> frozenset[str]:
    """Characters one terminal cell wide, by rich's measure (checked once)."""
    from rich.cells import get_character_cell_size

    ranges = [
        (0x20, 0x7E),
        (0xA0, 0x2FF),
        (0x370, 0x482),
        (0x2010, 0x2027),
        (0x2030, 0x205E),
        (0x2190, 0x21FF),
        (0x2400, 0x2426),
        (0x2500, 0x25FF),
        (0xFFFD, 0xFFFD),
    ]
    chars = (chr(code) for start, end in ranges for code in range(start, end + 1))
    return frozenset(char for char in chars if get_character_cell_size(char) == 1)


@cache
def _wrapper(width: int) -> re.Pattern[str]:
    # The longest run of at most `width` characters that starts with a
    # non-space and ends before a space or the end; else `width` characters of
    # a word too long for a line.
    return re.compile(rf"[^ ].{{0,{width - 1}}}(?= |$)|[^ ]{{{width}}}")


def wrap(text: str, width: int) -> list[Span]:
    """Line spans of ``text`` (one line, no line breaks) at ``width`` cells."""
    width = max(1, width)
    if text.isascii() or _single_cell().issuperset(text):
        spans = [match.span() for match in _wrapper(width).finditer(text)]
    else:
        spans = _wrap_cells(text, width)
    return spans or [(0, 0)]


def _wrap_cells(text: str, width: int) -> list[Span]:
    """Greedy wrapping by terminal cells: wide characters count two."""
    from rich.cells import get_character_cell_size

    spans: list[Span] = []
    start = None  # start of the current line
    used = 0  # cells used on it
    last_space = -1  # the last space on it
    index = 0
    while index < len(text):
        char = text[index]
        if start is None:
            if char == " ":
                index += 1
                continue
            start, used, last_space = index, 0, -1
        cells = get_character_cell_size(char)
        if used + cells > width and index > start:
            if char == " ":
                spans.append((start, _rstrip(text, start, index)))
                start = None
                index += 1
                continue
            if last_space > start:
                spans.append((start, _rstrip(text, start, last_space)))
                start, index = None, last_space + 1
                continue
            spans.append((start, index))  # a word longer than the line
            start, used, last_space = index, 0, -1
        if char == " ":
            last_space = index
        used += cells
        index += 1
    if start is not None and start < len(text):
        spans.append((start, _rstrip(text, start, len(text))))
    return [span for span in spans if span[1] > span[0]]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


@dataclass(frozen=True)
class Block:
    """A paragraph as shown: its display text and where its sentences start."""

    paragraph: Paragraph
    text: str
    inserts: tuple[int, ...]  # local offsets where a number prefix goes in
    shifts: tuple[int, ...]  # display shift from each insert on
    hang: str = ""  # before each line after the first: a list item's indent, a quote's bar

    def display_offset(self, local: int) -> int:
        """Display offset of a local offset into ``paragraph.text``."""
        index = bisect_right(self.inserts, local) - 1
        return local + (self.shifts[index] if index >= 0 else 0)

    def local_offset(self, position: int) -> int:
        """Local offset into ``paragraph.text`` of a display offset (a
        position inside a number prefix maps to its sentence's start)."""
        starts = self.prefix_starts
        index = bisect_right(starts, position) - 1
        if index < 0:
            local = position
        elif position < self.inserts[index] + self.shifts[index]:
            local = self.inserts[index]
        else:
            local = position - self.shifts[index]
        return min(local, len(self.paragraph.text))

    @property
    def prefix_starts(self) -> list[int]:
        """Display offsets where the number prefixes start."""
        return [insert + (self.shifts[k - 1] if k else 0) for k, insert in enumerate(self.inserts)]

    def prefixes(self) -> list[Span]:
        """Display spans of the number prefixes."""
        return [
            (start, insert + shift)
            for start, insert, shift in zip(
                self.prefix_starts, self.inserts, self.shifts, strict=True
            )
        ]


def block_for(paragraph: Paragraph, numbers: bool) -> Block:
    """A paragraph as shown: a list item's bullet or number and a block
    quote's bar before its text (as ``aleppo show`` prints them), and with
    ``numbers`` each sentence's number before it."""
    text = display(paragraph.text)
    lead, hang = block_prefix(paragraph)
    if not numbers and not lead:
        return Block(paragraph, text, (), ())
    base = paragraph.clean_start
    starts = [sentence.clean_start - base for sentence in paragraph.sentences] if numbers else []
    labels = [f"[{sentence.number}] " for sentence in paragraph.sentences] if numbers else []
    if lead:
        if starts and starts[0] == 0:
            labels[0] = lead + labels[0]
        else:
            starts.insert(0, 0)
            labels.insert(0, lead)
    inserts: list[int] = []
    shifts: list[int] = []
    pieces: list[str] = []
    previous = 0
    shift = 0
    for local, prefix in zip(starts, labels, strict=True):
        pieces.append(text[previous:local])
        pieces.append(prefix)
        shift += len(prefix)
        inserts.append(local)
        shifts.append(shift)
        previous = local
    pieces.append(text[previous:])
    return Block(paragraph, "".join(pieces), tuple(inserts), tuple(shifts), hang)


def block_spans(block: Block, measure: int) -> list[Span]:
    """The block's lines at ``measure``: a list item or a quote wrapped beside
    its bullet or bar (its lines after the first start at ``block.hang``,
    which the view draws before them), as ``aleppo show`` wraps them."""
    indent = len(block.hang)
    if not indent:
        return wrap(block.text, measure)
    spans = [(a + indent, b + indent) for a, b in wrap(block.text[indent:], measure - indent)]
    return [(0, spans[0][1]), *spans[1:]]  # the first line with its bullet or bar


def _remember(cache: OrderedDict[int, T], key: int, value: T) -> None:
    cache[key] = value
    cache.move_to_end(key)
    if len(cache) > SPAN_CACHE:
        cache.popitem(last=False)


@dataclass(frozen=True)
class Line:
    """One line of the page: a header line, a blank, or part of a paragraph."""

    kind: int
    block: int = -1  # index of the paragraph (0-based) for BODY lines
    start: int = 0  # display span in the header text or the block's text
    end: int = 0


def _meta_spans(source: Source, measure: int) -> list[Span]:
    """The header's meta line broken between its parts, as ``show`` breaks it
    (never inside a URL, no separator left at a line's end): spans into
    ``meta_line(source)``, which joins the parts with the separator."""
    spans: list[Span] = []
    start = 0
    for line in meta_lines(source, measure):
        spans.append((start, start + len(display(line))))
        start += len(display(line)) + len(SEPARATOR)
    return spans


class Page:
    """The page at one measure: which line each paragraph starts on."""

    def __init__(self, source: Source, document: Document, measure: int, numbers: bool) -> None:
        self.document = document
        self.measure = max(1, measure)
        self.numbers = numbers
        self.title = display(source.title)
        self.meta = display(meta_line(source))
        self._title_spans = wrap(self.title, self.measure)
        self._meta_spans = _meta_spans(source, self.measure)
        self.header_height = len(self._title_spans) + len(self._meta_spans) + 1
        paragraphs = document.paragraphs
        self.paragraph_starts = [p.clean_start for p in paragraphs]
        self._blocks: OrderedDict[int, Block] = OrderedDict()
        self._spans: OrderedDict[int, list[Span]] = OrderedDict()
        # a first heading that repeats the header's title takes no lines, as
        # in ``aleppo show`` (with numbers it is shown: it is sentence 1)
        self.hidden = 0 if numbers else title_heading(source, document)
        tops = array("l")
        y = self.header_height
        previous = None
        for index, paragraph in enumerate(paragraphs):
            if index < self.hidden:
                tops.append(y)
                continue
            # the blank line before each paragraph, but not between a list's
            # items or a table's rows
            y += 0 if joined_to_previous(previous, paragraph) else 1
            previous = paragraph
            tops.append(y)
            y += self._count(index, paragraph)
        self.tops = tops  # first line of each paragraph's text
        self.height = y

    def _count(self, index: int, paragraph: Paragraph) -> int:
        spans = block_spans(self.block(index), self.measure)
        _remember(self._spans, index, spans)
        return len(spans)

    def block(self, index: int) -> Block:
        found = self._blocks.get(index)
        if found is None:
            found = block_for(self.document.paragraphs[index], self.numbers)
            _remember(self._blocks, index, found)
        return found

    def spans(self, index: int) -> list[Span]:
        if index < self.hidden:
            return []
        found = self._spans.get(index)
        if found is None:
            found = block_spans(self.block(index), self.measure)
            _remember(self._spans, index, found)
        return found

    def line(self, y: int) -> Line | None:
        """What is on line ``y``; None past the end."""
        if y < 0 or y >= self.height:
            return None
        if y < self.header_height:
            if y < len(self._title_spans):
                return Line(TITLE, -1, *self._title_spans[y])
            y -= len(self._title_spans)
            if y < len(self._meta_spans):
                return Line(META, -1, *self._meta_spans[y])
            return Line(RULE)
        index = bisect_right(self.tops, y) - 1
        if index < 0 or y < self.tops[index]:
            return Line(BLANK)
        spans = self.spans(index)
        row = y - self.tops[index]
        if row >= len(spans):
            return Line(BLANK)
        return Line(BODY, index, *spans[row])

    def header_text(self, kind: int) -> str:
        return self.title if kind == TITLE else self.meta if kind == META else ""

    # --- positions ---------------------------------------------------------

    def paragraph_index(self, clean_offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, clean_offset) - 1)

    def y_of(self, clean_offset: int) -> int:
        """The line showing the cleaned-text offset."""
        if not self.tops:
            return 0
        index = self.paragraph_index(clean_offset)
        block = self.block(index)
        local = min(max(0, clean_offset - block.paragraph.clean_start), len(block.paragraph.text))
        position = block.display_offset(local)
        spans = self.spans(index)
        row = 0
        for number, (start, _) in enumerate(spans):
            if start <= position:
                row = number
            else:
                break
        return self.tops[index] + row

    def offset_at(self, y: int) -> int | None:
        """The cleaned-text offset where line ``y`` begins (the next
        paragraph's start on a blank line); None on the header."""
        if y < self.header_height or not self.tops:
            return None
        line = self.line(min(y, self.height - 1))
        if line is None:
            return None
        if line.kind != BODY:
            index = min(bisect_right(self.tops, y), len(self.tops) - 1)
            return self.document.paragraphs[index].clean_start
        block = self.block(line.block)
        return block.paragraph.clean_start + block.local_offset(line.start)

    def rows_of(self, clean_start: int, clean_end: int) -> range:
        """The lines a cleaned-text span covers."""
        first = self.y_of(clean_start)
        last = self.y_of(max(clean_start, clean_end - 1))
        return range(first, last + 1)


def clean_spans_to_display(block: Block, spans: Sequence[Span]) -> list[Span]:
    """Cleaned-text spans (document offsets) to display spans of ``block``."""
    base = block.paragraph.clean_start
    length = len(block.paragraph.text)
    out = []
    for start, end in spans:
        local_start = min(max(0, start - base), length)
        local_end = min(max(0, end - base), length)
        if local_end > local_start:
            out.append((block.display_offset(local_start), block.display_offset(local_end)))
    return out
