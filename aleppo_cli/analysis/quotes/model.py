"""The values the quotation stages hand on, all immutable.

stretches -> ``Stretch``; attribution -> ``Attribution`` (with a ``Reference``
for "she said", "his wife said"); kind -> a kind constant; the three make a
``Quote``, which the speaker rules read; ``Quotation`` and its ``Part`` are
what the rest of the program gets. They are named tuples: as immutable as
frozen dataclasses, and about five times cheaper to define, some 0.1 ms
against 0.5 (the package is imported by the ``quotes`` command's start). A
named tuple is a tuple: it compares and hashes by value, iterates over its
fields and is never empty; nothing here relies on the difference.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from aleppo_cli.text.document import Paragraph

SPEECH = "speech"
TITLE = "title"
NICKNAME = "nickname"
SCARE = "scare"
OTHER = "other"

# A quote this close to its paragraph's start, after a dash or a space, opens it: a turn.
OPENS_PARAGRAPH = 2


class Gender(enum.Enum):
    MALE = "M"
    FEMALE = "F"


class Part(NamedTuple):
    """One pair of quote marks' words, in the text as read and in the cleaned text."""

    start: int  # offsets into the text as read: the words inside the quote marks
    end: int
    clean_start: int
    clean_end: int
    text: str  # as read: raw[start:end]


class Quotation(NamedTuple):
    """A quotation as the rest of the program sees it."""

    kind: str
    speaker: str | None
    parts: tuple[Part, ...]
    paragraph: int
    sentence: int

    @property
    def text(self) -> str:
        """The words of all parts, white space made single spaces."""
        return " ".join(" ".join(part.text.split()) for part in self.parts)


class Span(NamedTuple):
    """Offsets into the cleaned text: the words inside one pair of quote marks."""

    start: int
    end: int


class Stretch(NamedTuple):
    """Quoted spans that make one quotation: joined when only an attribution
    stands between them, or when a paragraph leaves a quote open and the next
    reopens it."""

    spans: tuple[Span, ...]
    paragraph: Paragraph  # the paragraph of the first span
    before: Paragraph | None  # the paragraph before that one: "she observed," may end it
    open_end: bool  # the last span runs to the end of its paragraph, unclosed
    gaps: tuple[str, ...] = ()  # the text between spans joined within a paragraph

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def opens_paragraph(self) -> bool:
        return self.start - self.paragraph.clean_start <= OPENS_PARAGRAPH


class Reference(NamedTuple):
    """A speaker given by a pronoun ("she said") or a relation ("his wife
    said"), which the speaker rules resolve."""

    gender: Gender | None  # the speaker's: "she", "his wife"; None for "his friend"
    owner: Gender | None = None  # whose relation: "his" wife; None for "the man"
    relation: str = ""  # "wife" of "his wife"; "" when there is no owner


class Attribution(NamedTuple):
    """An attribution next to a quotation: "said Nora", "she added"."""

    name: str | None  # the speaker as named: "Nora"; None for a reference or no name
    reference: Reference | None  # "she", "his wife": for the speaker rules to resolve
    goes_on: bool  # "she added", "he continued": the last speaker again


class Quote(NamedTuple):
    """A stretch with its attribution, if any, and its kind."""

    stretch: Stretch
    attribution: Attribution | None
    kind: str


class SpeakerIndex:
    """Who said the words at a cleaned-text offset, if they lie in a quotation."""

    def __init__(self, quotations: Sequence[Quotation]) -> None:
        parts = sorted(
            (part.clean_start, part.clean_end, quotation.speaker)
            for quotation in quotations
            for part in quotation.parts
        )
        self._starts = [start for start, _, _ in parts]
        self._parts = parts

    def __call__(self, clean_offset: int) -> str | None:
        index = bisect_left(self._starts, clean_offset + 1) - 1
        if index >= 0:
            start, end, speaker = self._parts[index]
            if start <= clean_offset < end:
                return speaker
        return None
