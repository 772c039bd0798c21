"""Quoted stretches: where the quotations of a document are.

Quote marks (curly, straight, guillemets) delimit quoted spans in each
paragraph (``quotemarks``). Spans are joined into one stretch when only an
attribution stands between them (“This is our destiny,” Khaled says. “We’re
going to die…”) or when a paragraph leaves a quote open and the next reopens
it.
"""

from __future__ import annotations

import re

from aleppo_cli.analysis.quotes import attribution
from aleppo_cli.analysis.quotes.model import Span, Stretch
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document

# An attribution joining two spans is short: '," said she, turning to her sister, "'.
MAX_GAP = 80
# An attribution ending its sentence trails a word at most ('," Nora says quietly. "').
MAX_TRAILING_WORDS = 1
_SENTENCE_BREAK = re.compile(r"[.!?…]\s")
_RUNS_ON = (",", ":", ";", "—", "–")  # a gap ending so runs on into the next span


def find(document: Document) -> tuple[Stretch, ...]:
    """The quoted stretches of ``document``, in order."""
    text = document.clean.text
    found: list[Stretch] = []
    before = None  # the paragraph before this one
    for paragraph in document.paragraphs:
        if not paragraph.sentences:  # code: never a quotation
            continue
        base = paragraph.clean_start
        first_in_paragraph = True
        # the last stretch left its own paragraph open: this one may go on with it
        previous_open = bool(found) and found[-1].open_end and found[-1].paragraph is before
        for start, end in quotemarks.spans(paragraph.text):
            closed = end - start >= 2 and paragraph.text[end - 1] in quotemarks.ANY_CLOSING
            span = _strip(text, base + start + 1, base + end - 1 if closed else base + end)
            if span.end <= span.start:
                continue
            last = found[-1] if found else None
            if last and last.paragraph is paragraph and _joins(text, last.end, span.start):
                gap = text[last.end : span.start]
                found[-1] = last._replace(
                    spans=(*last.spans, span), gaps=(*last.gaps, gap), open_end=not closed
                )
            elif last and previous_open and first_in_paragraph and start == 0:
                # the quote goes on
                found[-1] = last._replace(spans=(*last.spans, span), open_end=not closed)
            else:
                found.append(Stretch((span,), paragraph, before, not closed))
            first_in_paragraph = False
        before = paragraph
    return tuple(found)


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _joins(text: str, previous_end: int, start: int) -> bool:
    """Only an attribution stands between two quoted spans."""
    gap = text[previous_end:start].strip(quotemarks.CLOSING + " \n")
    gap = gap.rstrip(quotemarks.OPENING + " ")
    if len(gap) > MAX_GAP or not gap:
        return False
    match = attribution.AFTER.match(gap)
    if match is None or _SENTENCE_BREAK.search(gap.rstrip(".,;:—– ")):
        return False
    if gap.endswith(_RUNS_ON):
        return True  # '"Yes," said she, "I will."': one sentence around the attribution
    # '"Yes," Khaled says. "I will."', but not '"Yes," said X years ago. "Title" ...'
    return len(gap[match.end() :].split()) <= MAX_TRAILING_WORDS
