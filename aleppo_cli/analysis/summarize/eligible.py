"""Which sentences a summary may choose: whole ones, each once.

A sentence is a *fragment of dialogue* when it starts or ends inside an open
quotation, or closes a quotation it did not open: a quotation cut by the
sentence splitter (``"Don't, Natásha!`` followed by more of the same speech)
or split by an attribution (``"I am sure," said she, "that it is.`` with the
speech going on in the next sentence). Quotation marks are followed through
each paragraph: straight double quotes open and close in turn, curly ones
open (“) and close (”); a paragraph starts outside any quotation (a speech
that runs over paragraphs opens each of them again).

A sentence is *long* when it has more than ``LONG_WORDS`` words: summaries
choose long sentences only when there are not enough others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from aleppo_cli.text.document import Document, Sentence

# Longer sentences are chosen last. Measured leave-one-topic-out on the BBC
# articles (bench/quality.py --long): see README, Summaries.
LONG_WORDS = 60

_MARK = re.compile(r"[\"“”]")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


class Candidate(NamedTuple):
    sentence: Sentence
    fragment: bool  # of dialogue: see the module's docstring
    repeated: bool  # the same text as an earlier candidate
    words: int


def quotation_states(texts: Iterable[str]) -> list[tuple[bool, bool, bool]]:
    """For each sentence of a paragraph: (open at its start, open at its end, stray close)."""
    states = []
    inside = False
    for text in texts:
        start = inside
        stray = False
        for mark in _MARK.findall(text):
            if mark == "“":
                inside = True
            elif mark == "”":
                stray = stray or not inside
                inside = False
            else:
                inside = not inside
        states.append((start, inside, stray))
    return states


def is_fragment(start_open: bool, end_open: bool, stray: bool) -> bool:
    return start_open or end_open or stray


def candidates(document: Document) -> list[Candidate]:
    """Every sentence that is not a heading, in order, with what a summary needs to know."""
    seen: set[str] = set()
    found = []
    for paragraph in document.paragraphs:
        if paragraph.heading:
            continue
        states = quotation_states(s.text for s in paragraph.sentences)
        for sentence, state in zip(paragraph.sentences, states, strict=True):
            key = " ".join(sentence.text.split())
            found.append(
                Candidate(
                    sentence,
                    fragment=is_fragment(*state),
                    repeated=key in seen,
                    words=len(_WORD.findall(sentence.text)),
                )
            )
            seen.add(key)
    return found


def order(
    ratings: Sequence[float],
    found: Sequence[Candidate],
    *,
    fragments: bool = False,
    long_words: int = LONG_WORDS,
) -> list[int]:
    """Indexes of the candidates that may be chosen, best first.

    Best by rating (ties in text order, as sumy breaks them), long sentences
    (more than ``long_words`` words) after all others; fragments (unless
    ``fragments``) and repeats never.
    """
    allowed = [i for i, c in enumerate(found) if not c.repeated and (fragments or not c.fragment)]
    return sorted(allowed, key=lambda i: (found[i].words > long_words, -ratings[i]))
