"""Where direct quotations are, by their quote marks.

``spans(paragraphs)`` finds, in each paragraph's cleaned text, the stretches
between opening and closing double quotes: curly (“ ”), straight ("),
guillemets (« » and » «) and low-high („ “). A paragraph that opens a quote
and does not close it continues the quotation to its end (novels reopen the
quote in the next paragraph). Single quotes are left alone: in English they
are mostly apostrophes.
"""

from __future__ import annotations

import re

_MARKS = re.compile(r"[“”\"«»„]")
_OPEN = {"“": "”", "«": "»", "„": "“"}

# Named sets of marks, for code that strips quote marks or stops at them.
CURLY_OPEN = "“"
CURLY_CLOSE = "”"
STRAIGHT = '"'
ENGLISH = CURLY_OPEN + CURLY_CLOSE + STRAIGHT  # the marks of English text, curly or straight
# marks that open a quote; not the German », which closes French quotes far more often
OPENING = CURLY_OPEN + "«„" + STRAIGHT
# marks that close a quote; not “ and «, which open English and French quotes more often
CLOSING = CURLY_CLOSE + "»" + STRAIGHT
ANY_CLOSING = CLOSING + "“«"  # every mark that closes a quote in some style: „…“ and »…« too


# Titles are short: "Last Men in Aleppo"; a longer capitalised run is speech.
TITLE_MAX_WORDS = 10
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def looks_like_title(inner: str) -> bool:
    """Do the words between a pair of quote marks look like a title of a work:
    a few words, each capitalised (or a small word such as "of"), no sentence
    inside? One word is a title only bare ("Hamlet"), not with punctuation
    ("Run,")."""
    words = inner.rstrip(".,;:!?…").split()
    if not 1 <= len(words) <= TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    if any(mark in inner.rstrip(".,") for mark in ".!?;"):
        return False
    capitalised = [w for w in words if w[:1].isupper() or w.lower() in _SMALL_WORDS]
    return len(capitalised) == len(words) and (len(words) >= 2 or inner[-1:].isalnum())


def spans(text: str) -> list[tuple[int, int]]:
    """Quotation spans of one paragraph, each including its quote marks."""
    found: list[tuple[int, int]] = []
    opened_at: int | None = None
    closer = ""
    for match in _MARKS.finditer(text):
        mark = match.group()
        position = match.start()
        if opened_at is None:
            if mark == '"':
                if _looks_opening(text, position):
                    opened_at, closer = position, '"'
            elif mark in _OPEN:
                opened_at, closer = position, _OPEN[mark]
            elif mark == "»":  # German/Danish style: »quote«
                opened_at, closer = position, "«"
        elif mark == closer or (closer == '"' and mark == '"'):
            found.append((opened_at, match.end()))
            opened_at = None
        elif mark in _OPEN and closer != "“":
            opened_at, closer = position, _OPEN[mark]  # an unclosed quote, reopened
    if opened_at is not None:
        found.append((opened_at, len(text)))
    return found


def _looks_opening(text: str, position: int) -> bool:
    """A straight quote opens when it is not glued to the word before it."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-‘'")
