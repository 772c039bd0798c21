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
    SpeakerIndex,
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
