"""What kind a quoted stretch is, by the first test that fits, in this order:

a nickname after "nicknamed", "known as" ...; speech if attributed; a title
if every word is capitalised (or a small word such as "of"); scare quotes for
a word or three in lower case with no closing punctuation; speech if it ends
as a sentence or a clause does, or runs to four words or more; else other.
"""

from __future__ import annotations

import re

from aleppo_cli.analysis.quotes.model import NICKNAME, OTHER, SCARE, SPEECH, TITLE, Stretch
from aleppo_cli.text.quotemarks import looks_like_title

# "nicknamed", "known as" ... stand within this many characters before the quote.
NICKNAME_REACH = 40
# Scare quotes hold a word or three: "explain", "so-called experts".
SCARE_MAX_WORDS = 3
# Four words or more are speech even with no closing punctuation: "We leave at dawn".
SPEECH_MIN_WORDS = 4
_NICKNAMED = re.compile(
    r"(?:nicknamed|called|dubbed|known\s+as|named|so-called|titled|entitled)\s*$", re.IGNORECASE
)
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLAUSE_ENDS = (*_SENTENCE_ENDS, ",", "—", "-", ";")


def of(text: str, stretch: Stretch, attributed: bool) -> str:
    """The kind of ``stretch`` of the cleaned ``text``: one of the model's kinds."""
    start, end = stretch.start, stretch.end
    inner = text[start:end]
    before = text[max(stretch.paragraph.clean_start, start - NICKNAME_REACH) : start - 1]
    words = inner.rstrip(".,;:!?…").split()
    if _NICKNAMED.search(before):
        return NICKNAME
    if attributed:
        return SPEECH
    if looks_like_title(inner):
        return TITLE
    if len(words) <= SCARE_MAX_WORDS and inner[:1].islower() and not inner.endswith(_SENTENCE_ENDS):
        return SCARE
    if inner.endswith(_CLAUSE_ENDS) or len(words) >= SPEECH_MIN_WORDS:
        return SPEECH
    return OTHER
