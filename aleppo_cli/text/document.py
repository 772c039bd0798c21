"""The document model: paragraphs and numbered sentences with offsets.

Built once per text from the cleaned text; every command reads it, so the
paragraph and sentence numbers agree everywhere. ``start``/``end`` of a
paragraph or sentence are offsets into the text *as read* (``raw``), so
``raw[start:end]`` is the span; ``text`` is the cleaned text, on one line.

Plain text is laid out by its blank lines (``build``). A web page, Markdown
file or EPUB comes with its blocks (``from_blocks``): each block is a
paragraph of its kind (heading, paragraph, list item, quote, table row,
code), and ``raw`` is the extracted text. Code is kept verbatim: clean-up
never touches it, and a code paragraph has no sentences, so summaries,
quotations and search never use it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import MISSING, dataclass, fields, replace
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from aleppo_cli.text import cleanup
from aleppo_cli.text.cleanup import CleanText, apply, clean
from aleppo_cli.text.collector import collector_paused

if TYPE_CHECKING:
    from aleppo_cli.text.beside import Beside, Child
    from aleppo_cli.text.formats.model import Block, Span
    from aleppo_cli.text.sections import Section

# Paragraphs: when a text has lost its paragraph breaks (on average more than
# LOST_BREAKS characters between breaks), paragraphs longer than that are cut
# at sentence boundaries into parts of about PART characters. Any paragraph
# longer than VERY_LONG is cut the same way.
LOST_BREAKS = 1000
VERY_LONG = 4000
PART = 600
# Text with no sentence punctuation: a "sentence" is cut at line breaks, or at
# spaces, once it grows longer than this.
MAX_SENTENCE = 2000


# Sentence and Paragraph are read-only by convention, not frozen: a frozen
# dataclass's instance can only be made by setting each field through
# ``object.__setattr__`` (or a whole ``__dict__`` made for it), twice as slow
# as plain attributes, which Python keeps in the instance itself (a novel's
# 31,000 sentences and 12,000 paragraphs: 0.015 s of ``assemble``, and 270
# bytes less each). ``unsafe_hash``: hashed by their fields, as when frozen.
@dataclass(unsafe_hash=True)
class Sentence:
    number: int  # 1-based, across the whole document
    paragraph: int  # 1-based
    start: int  # offsets into the text as read
    end: int
    clean_start: int  # offsets into the cleaned text
    clean_end: int
    text: str  # cleaned, on one line


@dataclass(frozen=True)
class Emphasis:
    """Emphasis or inline code inside a paragraph."""

    start: int  # offsets into the text as read
    end: int
    clean_start: int  # offsets into the paragraph's ``text``
    clean_end: int
    style: str  # "italic", "bold" or "code"


@dataclass(unsafe_hash=True)
class Paragraph:
    number: int
    start: int
    end: int
    clean_start: int
    clean_end: int
    text: str  # cleaned, on one line (code: verbatim, its lines kept)
    sentences: tuple[Sentence, ...]  # none for code
    heading: bool = False  # a title or headline line, not prose
    kind: str = "paragraph"  # "heading", "paragraph", "item", "quote", "row" or "code"
    level: int = 0  # a heading's level; a list item's or quote's depth
    emphasis: tuple[Emphasis, ...] = ()
    marker: str = ""  # an item of a numbered list: its number ("3.")


@dataclass(frozen=True)
class Document:
    clean: CleanText
    paragraphs: tuple[Paragraph, ...]
    structured: bool = False  # built from blocks (a web page, Markdown, EPUB)
    sections: tuple[Section, ...] = ()  # chapters, parts, headings (text/sections.py)

    @property
    def raw(self) -> str:
        return self.clean.raw

    @property
    def sentences(self) -> Iterator[Sentence]:
        for paragraph in self.paragraphs:
            yield from paragraph.sentences

    @property
    def sentence_count(self) -> int:
        return sum(len(paragraph.sentences) for paragraph in self.paragraphs)


def build(raw: str, repair: bool | None = None, beside: Beside[Any] | None = None) -> Document:
    """Clean ``raw`` and segment it into paragraphs and sentences (``repair``:
    see ``cleanup.clean``). A long text is laid out with a second process
    (``text/beside.py``), which then does ``beside``'s work, if given."""
    from aleppo_cli.text.beside import Child, worth_it  # (not for a ready-made document)

    with collector_paused(freeze=len(raw) >= FREEZE_FROM):
        if not worth_it(len(raw)):
            cleaned = clean(raw, repair)
            return assemble(cleaned, layout(cleaned.text, beside))
        # A long text: the child decides whether the text shows glued words
        # (a novel: 0.03 s) while this process finds its white space, then
        # cleans it too and finds the later paragraphs' sentences, then does
        # ``beside``'s work; each result comes back in that order.
        share = _share(beside)
        state: dict[str, Any] = {}

        def decide() -> bool:
            state["glue"] = cleanup._shows_glue(raw)
            return bool(state["glue"])

        def later() -> list[list[tuple[int, int]]]:
            from aleppo_cli.text import segmenter

            text = state["text"] = clean(raw, repair, lambda _: state["glue"]).text
            return segmenter.split_blocks(text, list(_blocks(text, _later_start(text, share))))

        steps: list[Callable[[], object]] = [decide, later] if repair is None else [later]
        if repair is not None:
            state["glue"] = False  # (not read: the repair is decided)
        if beside is not None:
            steps.append(lambda: beside.work(state["text"]))
        child = Child(steps)
        if beside is not None:
            beside.started(child)
        taken: list[bool] = []

        def shows_glue(text: str) -> bool:
            taken.append(True)
            done, glue = child.take()
            return bool(glue) if done else cleanup._shows_glue(text)

        cleaned = clean(raw, repair, shows_glue)
        if repair is None and not taken:  # (an ad marker decided it): on to the next result
            child.take()
        return assemble(cleaned, layout(cleaned.text, beside, (child, share)))


# A text this long (characters) leaves its document out of the collector's
# later passes (see collector_paused).
FREEZE_FROM = 200_000


Layout = list[list[tuple[int, int]]]  # paragraphs of sentence spans in the cleaned text


def from_clean(cleaned: CleanText) -> Document:
    return assemble(cleaned, layout(cleaned.text))


def layout(
    text: str, beside: Beside[Any] | None = None, shared: tuple[Child, float] | None = None
) -> Layout:
    """Where the paragraphs and sentences of a cleaned text are: of a long
    text, those of the later paragraphs found by a second process, which
    then does ``beside``'s work (``shared``: that process, already started
    by ``build``, and the share of the text it does)."""
    from aleppo_cli.text import segmenter  # its patterns: not for a ready-made layout
    from aleppo_cli.text.beside import Child, worth_it

    if shared is None and worth_it(len(text)):
        share = _share(beside)
        steps: list[Callable[[], object]] = [
            lambda: segmenter.split_blocks(text, list(_blocks(text, _later_start(text, share))))
        ]
        if beside is not None:
            steps.append(partial(beside.work, text))
        shared = Child(steps), share
        if beside is not None:
            beside.started(shared[0])
    if shared is not None:
        child, share = shared
        later = _later_start(text, share)
        blocks = list(_blocks(text, 0, later))
        sentences = segmenter.split_blocks(text, blocks)
        more = list(_blocks(text, later))
        done, theirs = child.take()
        if not done:  # the child failed: its share is found here
            theirs = segmenter.split_blocks(text, more)
        sentences += cast(list[segmenter.Spans], theirs)
        blocks += more
        if beside is None:
            child.close()
    else:
        blocks = list(_blocks(text))
        sentences = segmenter.split_blocks(text, blocks)
    lost_breaks = bool(blocks) and len(text) / len(blocks) > LOST_BREAKS
    limit = LOST_BREAKS if lost_breaks else VERY_LONG
    paragraphs: Layout = []
    for (block_start, block_end), found in zip(blocks, sentences, strict=True):
        length = block_end - block_start
        if length > MAX_SENTENCE:  # else no sentence in it is longer
            found = [piece for start, end in found for piece in _capped(text, start, end)]
        if length <= limit or len(found) < 2:  # one paragraph (what _parts gives)
            if found:
                paragraphs.append(found)
        else:
            paragraphs.extend(_parts(found, length, limit))
    return paragraphs


def assemble(cleaned: CleanText, spans: Layout, sectioned: bool = True) -> Document:
    """The document for a cleaned text and its layout; its sections are
    looked for unless ``sectioned`` is False (a ready-made index that found
    none says so, and the section rules are then not even imported)."""
    one_line = cleaned.text.replace("\n", " ")  # sentences' and paragraphs' text: slices
    raw_spans = cleaned.spans_to_raw([span for part in spans for span in part])
    paragraphs: list[Paragraph] = []
    flags: list[bool] = []  # whether each paragraph looks like a heading
    # A novel has 31,000 sentences and 11,700 paragraphs: each is made empty
    # and its fields set as plain attributes, in the order of its fields (as
    # its __init__ sets them), without the call of its __init__.
    new = object.__new__
    mapped = iter(raw_spans)
    number = 0
    for paragraph_number, part in enumerate(spans, start=1):
        built = []
        for start, end in part:
            raw_start, raw_end = next(mapped)
            number += 1
            sentence = new(Sentence)
            sentence.number = number
            sentence.paragraph = paragraph_number
            sentence.start = raw_start
            sentence.end = raw_end
            sentence.clean_start = start
            sentence.clean_end = end
            sentence.text = one_line[start:end]
            built.append(sentence)
        first, last = built[0], built[-1]
        clean_start, clean_end = first.clean_start, last.clean_end
        paragraph_text = one_line[clean_start:clean_end]
        paragraph = new(Paragraph)
        paragraph.number = paragraph_number
        paragraph.start = first.start
        paragraph.end = last.end
        paragraph.clean_start = clean_start
        paragraph.clean_end = clean_end
        paragraph.text = paragraph_text
        paragraph.sentences = tuple(built)
        # (the defaults, as constants; see _PARAGRAPH_DEFAULTS, which a test
        # checks them against)
        paragraph.heading = False
        paragraph.kind = "paragraph"
        paragraph.level = 0
        paragraph.emphasis = ()
        paragraph.marker = ""
        paragraphs.append(paragraph)
        flags.append(len(built) == 1 and _looks_like_heading_text(paragraph_text))
    if len(paragraphs) >= 2 and sum(flags) <= HEADING_MAX_SHARE * len(paragraphs):
        for index, flag in enumerate(flags):
            if flag:
                paragraphs[index] = replace(paragraphs[index], heading=True)
    if not sectioned:
        return Document(cleaned, tuple(paragraphs))
    from aleppo_cli.text.headings import candidates

    maybe = candidates(paragraphs)
    if not maybe:  # no paragraph that may be a heading: no section rules
        return Document(cleaned, tuple(paragraphs))
    from aleppo_cli.text import sections

    found = tuple(sections.detect(cleaned.text, paragraphs, maybe))
    return Document(cleaned, tuple(paragraphs), sections=found)


# What a Paragraph made by ``assemble`` holds besides what it sets.
_PARAGRAPH_DEFAULTS = {
    field.name: field.default for field in fields(Paragraph) if field.default is not MISSING
}

# A heading is a paragraph of one short "sentence" with no closing punctuation
# ("Chapter 1", a headline), in a text where such lines are the exception.
HEADING_MAX_WORDS = 12
HEADING_MAX_SHARE = 0.3
_PROSE_END = tuple(".!?…:;,\"”’')]")


def _looks_like_heading_text(text: str) -> bool:
    """Of a paragraph of one sentence: short, with no closing punctuation."""
    return not text.endswith(_PROSE_END) and len(text.split()) <= HEADING_MAX_WORDS


_BREAK = re.compile(r"\n\n")
_LINE = re.compile(r"\n")


# The share of a long text's paragraphs (by characters, from the end) whose
# sentences the second process finds: half, or less when it has a command's
# work to do after them (a search's folding and matching, about 0.1 s of a
# novel, against 0.07 s for all its sentences).
LATER_SHARE = 0.5
BESIDE_SHARE = 0.3
# A work whose result is asked for long after the document is built takes a
# smaller share: the people index's words and names (0.19 s of a novel),
# which ``aleppo quotes`` asks for once the parent has assembled the
# document and found the quoted stretches. Measured on War and Peace (CPU
# from the fork: the parent's to the people index, the child's to its names
# done; medians of 4): at 0.45 the parent 0.24 s, the child 0.30 s (the
# parent waits); at 0.2 0.26 / 0.28; at 0.08 0.26 / 0.26; at 0 0.27 / 0.26.
# (It was 0.45 while assembling and the stretches took 0.04 s more.)
LATE_RESULT_SHARE = 0.08


def _share(beside: Beside[Any] | None) -> float:
    """The share of the later sentences the child finds, before ``beside``'s work."""
    if beside is None:
        return LATER_SHARE
    return BESIDE_SHARE if beside.share is None else beside.share


def _later_start(text: str, share: float) -> int:
    """Where the last ``share`` of ``text`` starts for ``_blocks``: at the
    first character of a separator (a run of line breaks), which a scan from
    the start of the text reaches as a scan from there does."""
    separator = "\n\n" if "\n\n" in text else "\n"
    position = int(len(text) * (1 - share))
    while position < len(text) and text[position] == "\n":
        position += 1
    found = text.find(separator, position)
    # (nothing before it is a line break: else the separator would start there)
    return len(text) if found == -1 else found


def _blocks(text: str, begin: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Paragraph spans: separated by blank lines, or by line breaks when the
    text has no blank line at all (one paragraph a line). ``begin``,
    ``end``: only those that start in ``text[begin:end]``, where a separator
    ends at ``begin``, if any (see ``_later_share``)."""
    separator = _BREAK if "\n\n" in text else _LINE
    end = len(text) if end is None else end
    start = begin
    for match in separator.finditer(text, begin):
        if match.start() > start:
            if start >= end:
                return
            yield start, match.start()
        start = match.end()
    if end > start < len(text):
        yield start, len(text)


def _one_line(text: str) -> str:
    return text.replace("\n", " ")


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of one block of ``text`` (for documents built from blocks)."""
    from aleppo_cli.text import segmenter

    (found,) = segmenter.split_blocks(text, [(start, end)])
    return [piece for s, e in found for piece in _capped(text, s, e)]


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run with no sentence punctuation at line breaks, then spaces."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind("\n", start + 1, start + MAX_SENTENCE)
        if cut == -1:
            cut = text.rfind(" ", start + 1, start + MAX_SENTENCE // 2)
        if cut == -1:
            cut = start + MAX_SENTENCE  # one enormous word
        head_end = cut
        while head_end > start and text[head_end - 1].isspace():
            head_end -= 1
        if head_end > start:
            pieces.append((start, head_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _parts(
    spans: list[tuple[int, int]], length: int, limit: int
) -> Iterator[list[tuple[int, int]]]:
    """Group a block's sentences into one or more presentation paragraphs of
    about equal length, cutting at the sentence starts nearest the ideal cuts."""
    if length <= limit or len(spans) < 2:
        if spans:
            yield spans
        return
    count = min(len(spans), math.ceil(length / PART))
    origin = spans[0][0]
    starts = [span[0] - origin for span in spans]
    cuts = []
    previous = 0
    for k in range(1, count):
        ideal = k * length / count
        remaining = count - k  # parts still to come after this cut
        low, high = previous + 1, len(spans) - remaining + 1  # the candidates
        if low >= high:
            break
        best = _nearest(starts, ideal, low, high)
        cuts.append(best)
        previous = best
    for begin, end in zip([0, *cuts], [*cuts, len(spans)], strict=True):
        yield spans[begin:end]


# --- documents with blocks (web pages, Markdown, EPUB) -------------------------


def from_blocks(
    raw: str, blocks: tuple[Block, ...], spans: tuple[Span, ...] = (), repair: bool | None = None
) -> Document:
    """The document of an extracted text whose blocks are known."""
    cleaned = _clean_outside_code(raw, blocks, spans, repair)
    mapper = RawToClean(cleaned)
    text = cleaned.text
    paragraphs: list[Paragraph] = []
    number = 0
    ordered = sorted(spans, key=lambda span: span.start)
    span_starts = [span.start for span in ordered]
    for block in blocks:
        clean_start = mapper(block.start, "start")
        clean_end = mapper(block.end, "end")
        if block.kind == "code":
            paragraphs.append(
                Paragraph(
                    len(paragraphs) + 1,
                    block.start,
                    block.end,
                    clean_start,
                    clean_end,
                    text[clean_start:clean_end],
                    (),
                    kind="code",
                )
            )
            continue
        while clean_start < clean_end and text[clean_start].isspace():
            clean_start += 1
        while clean_end > clean_start and text[clean_end - 1].isspace():
            clean_end -= 1
        if clean_end <= clean_start:
            continue
        sentence_spans = _sentence_spans(text, clean_start, clean_end)
        for index, part in enumerate(_parts(sentence_spans, clean_end - clean_start, VERY_LONG)):
            built = []
            paragraph_number = len(paragraphs) + 1
            for start, end in part:
                number += 1
                raw_start, raw_end = cleaned.span_to_raw(start, end)
                built.append(
                    Sentence(
                        number,
                        paragraph_number,
                        raw_start,
                        raw_end,
                        start,
                        end,
                        _one_line(text[start:end]),
                    )
                )
            first, last = built[0], built[-1]
            paragraphs.append(
                Paragraph(
                    paragraph_number,
                    first.start,
                    last.end,
                    first.clean_start,
                    last.clean_end,
                    _one_line(text[first.clean_start : last.clean_end]),
                    tuple(built),
                    heading=block.kind == "heading",
                    kind=block.kind,
                    level=block.level,
                    marker=block.marker if index == 0 else "",
                    emphasis=_emphasis(
                        ordered, span_starts, first.start, last.end, first.clean_start, mapper
                    ),
                )
            )
    from aleppo_cli.text import sections

    return Document(
        cleaned,
        tuple(paragraphs),
        structured=True,
        sections=tuple(sections.from_headings(paragraphs)),
    )


def _clean_outside_code(
    raw: str, blocks: tuple[Block, ...], spans: tuple[Span, ...], repair: bool | None = None
) -> CleanText:
    """Clean-up, less any edit that touches code (blocks or inline)."""
    cleaned = clean(raw, repair)
    code = sorted(
        [(b.start, b.end) for b in blocks if b.kind == "code"]
        + [(s.start, s.end) for s in spans if s.style == "code"]
    )
    if not code or not cleaned.edits:
        return cleaned
    starts = [start for start, _ in code]

    def touches(edit_start: int, edit_end: int) -> bool:
        index = bisect_right(starts, edit_end) - 1
        while index >= 0:
            start, end = code[index]
            if end < edit_start:
                return False
            if start <= edit_end and edit_start <= end:
                return True
            index -= 1
        return False

    kept = [edit for edit in cleaned.edits if not touches(edit.start, edit.end)]
    return cleaned if len(kept) == len(cleaned.edits) else apply(raw, kept, cleaned.repair)


class RawToClean:
    """Offsets into the raw text mapped to offsets into the cleaned one."""

    def __init__(self, cleaned: CleanText) -> None:
        self.edits = cleaned.edits
        self.starts = [edit.start for edit in cleaned.edits]
        shifts = [0]
        for edit in cleaned.edits:
            shifts.append(shifts[-1] + len(edit.replacement) - (edit.end - edit.start))
        self.shifts = shifts  # shift before edit i is shifts[i]

    def __call__(self, offset: int, side: str) -> int:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        edit = self.edits[index]
        clean_start = edit.start + self.shifts[index]
        if offset >= edit.end:
            return offset + self.shifts[index + 1]
        if offset == edit.start:
            return clean_start
        return clean_start + (len(edit.replacement) if side == "end" else 0)


def _emphasis(
    spans: list[Span],
    starts: list[int],
    start: int,
    end: int,
    clean_base: int,
    mapper: RawToClean,
) -> tuple[Emphasis, ...]:
    found = []
    index = bisect_right(starts, end)
    # spans are short and do not nest deeply: look back from the last that starts in time
    for span in reversed(spans[max(0, index - 64) : index]):
        if span.end <= start or span.start >= end:
            continue
        span_start, span_end = max(span.start, start), min(span.end, end)
        found.append(
            Emphasis(
                span_start,
                span_end,
                mapper(span_start, "start") - clean_base,
                mapper(span_end, "end") - clean_base,
                span.style,
            )
        )
    return tuple(reversed(found))


def _nearest(starts: list[int], ideal: float, low: int, high: int) -> int:
    """The index in ``[low, high)`` whose start is nearest ``ideal`` (the lower
    one on a tie), by bisection: ``starts`` increase. A scan of every
    candidate made a 30 MB line without paragraph breaks take ten minutes."""
    index = bisect_left(starts, ideal, low, high)
    if index == high or (index > low and ideal - starts[index - 1] <= starts[index] - ideal):
        return index - 1
    return index
