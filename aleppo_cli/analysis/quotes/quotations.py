"""Direct quotations, what kind they are, and who said them.

The public face of the package: ``find`` runs the stages in order, each
handing on immutable values (``model``):

1. ``stretches``: the quoted stretches of each paragraph, joined across an
   attribution or into the next paragraph;
2. ``people``: the people the text names outside them, with their genders;
3. ``attribution``: "said Nora", "she added" next to each stretch;
4. ``kind``: speech, title, nickname, scare quotes or other;
5. ``speakers``: who said each speech quotation, by rules tried in order.
"""

from __future__ import annotations

import sys
from bisect import bisect_left

from aleppo_cli.analysis.quotes import attribution, kind, people, speakers, stretches
from aleppo_cli.analysis.quotes.model import (
    NICKNAME,
    OTHER,
    SCARE,
    SPEECH,
    TITLE,
    Part,
    Quotation,
    Quote,
    Span,
)
from aleppo_cli.text.document import Document

__all__ = [
    "NICKNAME",
    "OTHER",
    "SCARE",
    "SPEECH",
    "TITLE",
    "Part",
    "Quotation",
    "SpeakerIndex",
    "find",
]


def find(document: Document) -> list[Quotation]:
    """Every quoted stretch of ``document``, in order, speech or not."""
    text = document.clean.text
    found = stretches.find(document)
    cast = people.index(document, [Span(stretch.start, stretch.end) for stretch in found])
    quotes = []
    for stretch in found:
        said = attribution.attribute(text, stretch, cast)
        quotes.append(Quote(stretch, said, kind.of(text, stretch, said is not None)))
    by = speakers.assign(text, quotes, cast)
    return [_finish(document, quote, speaker) for quote, speaker in zip(quotes, by, strict=True)]


def _finish(document: Document, quote: Quote, speaker: str | None) -> Quotation:
    cleaned = document.clean
    parts = []
    for span in quote.stretch.spans:
        raw_start, raw_end = cleaned.span_to_raw(span.start, span.end)
        text = cleaned.raw[raw_start:raw_end]
        parts.append(Part(raw_start, raw_end, span.start, span.end, text))
    paragraph, first = quote.stretch.paragraph, quote.stretch.start
    sentence = next(
        (s for s in paragraph.sentences if s.clean_start <= first < s.clean_end + 1),
        paragraph.sentences[0],
    )
    return Quotation(quote.kind, speaker, tuple(parts), paragraph.number, sentence.number)


class SpeakerIndex:
    """Who said the words at a cleaned-text offset, if they lie in a quotation."""

    def __init__(self, quotations: list[Quotation]) -> None:
        parts = sorted(
            (
                (part.clean_start, part.clean_end, quotation.speaker)
                for quotation in quotations
                for part in quotation.parts
            ),
            key=lambda part: (part[0], -part[1]),
        )
        # a quotation inside another: its words are its own speaker's, the
        # outer one's words either side of it the outer speaker's
        segments: list[tuple[int, int, str | None]] = []
        stack: list[tuple[int, str | None]] = []  # the parts open here: (end, speaker)
        position = 0
        for start, end, speaker in [*parts, (sys.maxsize, sys.maxsize, None)]:
            while stack and stack[-1][0] <= start:
                closing, said = stack.pop()
                if position < closing:
                    segments.append((position, closing, said))
                position = max(position, closing)
            if stack and position < start:
                segments.append((position, start, stack[-1][1]))
            stack.append((end, speaker))
            position = start
        self._starts = [start for start, _, _ in segments]
        self._parts = segments

    def __call__(self, clean_offset: int) -> str | None:
        index = bisect_left(self._starts, clean_offset + 1) - 1
        if index >= 0:
            start, end, speaker = self._parts[index]
            if start <= clean_offset < end:
                return speaker
        return None
