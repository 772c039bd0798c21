"""Which paragraphs may be headings of sections, found on their first
character and word (``candidates``), without the section rules: a text with
none (most short texts) never imports ``sections``, whose named tuples and
patterns cost a user's file some 6 million instructions to load.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aleppo_cli.text.document import Paragraph

# Divisions by rank: a lower rank holds the higher ones.
VOLUME, BOOK, PART, CHAPTER, NUMBERED = 0, 1, 2, 3, 4
_KINDS = {
    "volume": VOLUME,
    "book": BOOK,
    "part": PART,
    "chapter": CHAPTER,
    "chap": CHAPTER,
    "canto": CHAPTER,
    "stave": CHAPTER,
}
_LABELS = {"chap": "Chapter"}
_NAMED = (
    "prologue",
    "epilogue",
    "preface",
    "introduction",
    "foreword",
    "afterword",
    "conclusion",
    "interlude",
    "postscript",
    "appendix",
)
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth last"
).split()

# A heading is a short paragraph (``sections`` has the rest of its limits).
MAX_HEADING = 600  # characters of the whole paragraph
MAX_HEADING_SENTENCES = 4  # the label, a title, a subtitle (the novels: at most 3)

# The words a heading can start with (or a numeral): most paragraphs are
# passed over on their first word, and the patterns of ``sections``, which
# take tens of milliseconds to compile, are compiled only for a text that has one.
_FIRST_WORDS = frozenset(
    case(word)
    for word in [*_KINDS, *_NAMED, *_ORDINALS[:-1]]
    for case in (str.capitalize, str.upper)
)
_ROMAN_CHARS = frozenset("IVXLCDM")
_INITIALS = frozenset(
    "0123456789IVXLCDMT" + "".join(w[0] for w in [*_KINDS, *_NAMED, *_ORDINALS]).upper()
)


def candidates(paragraphs: Sequence[Paragraph]) -> list[int]:
    """The indexes of the ``paragraphs`` that may be headings: each opens
    with a word a heading opens with or a numeral, and is short enough."""
    found = []
    words = _FIRST_WORDS
    initials = _INITIALS
    for index, paragraph in enumerate(paragraphs):
        if paragraph.text[:1] not in initials:  # most paragraphs: one set lookup
            continue
        first, _, rest = paragraph.text[:32].partition(" ")
        if first in ("The", "THE"):  # THE PREFACE
            first = rest.partition(" ")[0]
        if first not in words:
            first = first.rstrip(".:")
            if first not in words and not (first.isdigit() or _ROMAN_CHARS.issuperset(first)):
                continue
        if (
            paragraph.clean_end - paragraph.clean_start > MAX_HEADING
            or len(paragraph.sentences) > MAX_HEADING_SENTENCES
        ):
            continue
        found.append(index)
    return found
