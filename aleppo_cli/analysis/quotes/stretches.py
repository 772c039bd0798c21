"""Quoted stretches: where the quotations of a document are.

Quote marks (double and single, of every style) delimit quoted spans in
each paragraph (``quotemarks.parse``). Spans are joined into one stretch when
only an attribution stands between them (“This is our destiny,” Khaled says.
“We’re going to die…”), when a quote is reopened after a line break or the
end of a sentence (news style), or when a paragraph leaves a quote open and
the next reopens it or closes it. A quotation inside another is a stretch of
its own.
"""

from __future__ import annotations

import re

from aleppo_cli.analysis import patterns

# search imports this stage alone (a quotation's parts): the ready-compiled
# patterns first, as quotations.py does for all the stages
patterns.preload()

from aleppo_cli.analysis.quotes import attribution, kind  # noqa: E402
from aleppo_cli.analysis.quotes.model import Span, Stretch  # noqa: E402
from aleppo_cli.text import quotemarks  # noqa: E402
from aleppo_cli.text.document import Document  # noqa: E402

# An attribution joining two spans is short: '," said she, turning to her sister, "'.
MAX_GAP = 80
# An attribution ending its sentence trails a word at most ('," Nora says quietly. "').
MAX_TRAILING_WORDS = 1
_SENTENCE_BREAK = re.compile(r"[.!?…]\s")
_RUNS_ON = (",", ":", ";", "—", "–")  # a gap ending so runs on into the next span


def find(document: Document) -> tuple[Stretch, ...]:
    """The quoted stretches of ``document``, in order of their first words; a
    quotation inside another is a stretch of its own."""
    text = document.clean.text
    top: list[Stretch] = []  # stretches at the top level, which may join
    inner: list[Stretch] = []  # quotations inside others
    before = None  # the paragraph before this one
    last_paragraph = None  # the paragraph of the last top-level stretch's last span
    # a Stretch made as its own __new__ makes it (gaps: none yet), without its call
    new = tuple.__new__
    prose = [paragraph for paragraph in document.paragraphs if paragraph.sentences]
    # the quote marks of every paragraph, found in one pass over the text
    marks = iter(
        quotemarks.marks_of(
            text,
            [(paragraph.clean_start, paragraph.clean_end) for paragraph in prose],
            [paragraph.text for paragraph in prose],
        )
    )
    for paragraph in document.paragraphs:
        if not paragraph.sentences:  # code: never a quotation
            before = paragraph
            continue
        own = next(marks)
        if own is None:
            own = quotemarks._marks(paragraph.text)
        if not own:  # no quote marks: no quotation, nothing carried through it
            before = paragraph
            continue
        base = paragraph.clean_start
        # the last stretch left the paragraph before open: this one may go on with it
        previous_open = bool(top) and top[-1].open_end and last_paragraph is before
        # paragraphs a blank line apart: a novel reopens its quotes, it never carries them
        carry = (
            _carried(top[-1], paragraph.text)
            if previous_open
            and not (
                before is not None and "\n\n" in text[before.clean_end : paragraph.clean_start]
            )
            else ""
        )
        found = quotemarks.parse(paragraph.text, carry, own)
        if carry and not (found and found[0].start == 0 and found[0].depth == 0):
            found = quotemarks.parse(paragraph.text, "", own)  # not closed here: nothing carried
            carry = ""
        first_in_paragraph = True
        for quoted in found:
            parts = quoted.parts
            if len(parts) == 1:  # the usual quote: no comprehension made for it
                ((a, b),) = parts
                a += base
                b += base
                if a < b and not (text[a].isspace() or text[b - 1].isspace()):
                    spans = [new(Span, (a, b))]  # what _strip gives, without its call
                else:
                    span = _strip(text, a, b)
                    if span.end <= span.start:
                        continue
                    spans = [span]
            else:
                spans = [_strip(text, base + a, base + b) for a, b in parts]
                spans = [span for span in spans if span.end > span.start]
                if not spans:
                    continue
            if quoted.depth > 0:
                inner.append(new(Stretch, (tuple(spans), paragraph, before, not quoted.closed, ())))
                continue
            last = top[-1] if top else None
            if last and last_paragraph is paragraph and _joins(text, last.end, spans[0].start):
                gap = text[last.end : spans[0].start]
                top[-1] = last._replace(
                    spans=(*last.spans, *spans),
                    gaps=(*last.gaps, gap),
                    open_end=not quoted.closed,
                )
            elif last and previous_open and first_in_paragraph and quoted.start == 0:
                # the quote goes on: reopened, or closed here without reopening
                top[-1] = last._replace(spans=(*last.spans, *spans), open_end=not quoted.closed)
            else:
                top.append(new(Stretch, (tuple(spans), paragraph, before, not quoted.closed, ())))
            last_paragraph = paragraph
            first_in_paragraph = False
        before = paragraph
    if not inner:
        return tuple(top)
    return tuple(sorted((*top, *inner), key=_first_start))


def _first_start(stretch: Stretch) -> int:
    """``stretch.start``, without its property's call."""
    return stretch[0][0][0]


def _carried(last: Stretch, paragraph: str) -> str:
    """The opening mark of a quote the last paragraph left open, if this one
    does not reopen it (a quotation over two lines of a text with a paragraph
    a line)."""
    if paragraph[:1] in quotemarks.ALL_MARKS:
        return ""
    text = last.paragraph.text  # where the stretch opened: its mark's family
    first = last.spans[0].start - last.paragraph.clean_start - 1
    mark = text[first] if 0 <= first < len(text) else ""
    return mark if mark in quotemarks.ALL_MARKS else ""


def _strip(text: str, start: int, end: int) -> Span:
    """``text[start:end]`` without the white space at either end."""
    if start >= end or not (text[start].isspace() or text[end - 1].isspace()):
        return Span(start, end)  # the usual quotation
    inner = text[start:end]
    stripped = inner.lstrip()
    start += len(inner) - len(stripped)
    return Span(start, start + len(stripped.rstrip()))


def _joins(text: str, previous_end: int, start: int) -> bool:
    """Only an attribution stands between two quoted spans."""
    gap = text[previous_end:start].strip(quotemarks.CLOSING + quotemarks.SINGLE_CLOSING + " \n")
    gap = gap.rstrip(quotemarks.OPENING + quotemarks.SINGLE_OPENING + " ")
    if len(gap) > MAX_GAP or not gap:
        return False
    match = attribution.AFTER.match(gap)
    if match is None or _SENTENCE_BREAK.search(gap.rstrip(".,;:—– ")):
        return False
    if gap.endswith(_RUNS_ON):
        # '"Yes," said she, "I will."': one sentence around the attribution; but not
        # '"Oh, yes," she said, as if she had said: "…"', words not said aloud
        return not kind.unspoken_cue(gap + " ")
    # '"Yes," Khaled says. "I will."', but not '"Yes," said X years ago. "Title" ...'
    return len(gap[match.end() :].split()) <= MAX_TRAILING_WORDS
