"""What kind a quoted stretch is, by the first test that fits, in this order:

a nickname after "nicknamed", "known as" ...; speech if attributed; a title
if every word is capitalised (or a small word such as "of"); scare quotes for
a word or three in lower case with no closing punctuation; speech if it ends
as a sentence or a clause does, or runs to four words or more; else other.
"""

from __future__ import annotations

import re

from aleppo_cli.analysis.quotes.model import NICKNAME, OTHER, SCARE, SPEECH, TITLE, Stretch

# "nicknamed", "known as" ... stand within this many characters before the quote.
NICKNAME_REACH = 40
# Titles are short: "Last Men in Aleppo"; a longer capitalised run is speech.
TITLE_MAX_WORDS = 10
# Scare quotes hold a word or three: "explain", "so-called experts".
SCARE_MAX_WORDS = 3
# Four words or more are speech even with no closing punctuation: "We leave at dawn".
SPEECH_MIN_WORDS = 4
_NICKNAMED = re.compile(
    r"(?:nicknamed|called|dubbed|known\s+as|named|so-called|titled|entitled)\s*$", re.IGNORECASE
)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
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
    if _is_title(words, inner):
        return TITLE
    if len(words) <= SCARE_MAX_WORDS and inner[:1].islower() and not inner.endswith(_SENTENCE_ENDS):
        return SCARE
    if inner.endswith(_CLAUSE_ENDS) or len(words) >= SPEECH_MIN_WORDS:
        return SPEECH
    return OTHER


def _is_title(words: list[str], inner: str) -> bool:
    if not 1 <= len(words) <= TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    if any(mark in inner.rstrip(".,") for mark in ".!?;"):
        return False
    capitalised = [w for w in words if w[:1].isupper() or w.lower() in _SMALL_WORDS]
    # one word is a title only bare ("Hamlet"), not with punctuation ("Run,")
    return len(capitalised) == len(words) and (len(words) >= 2 or inner[-1:].isalnum())
