"""Which sentences a summary may choose: whole ones, each once.

A sentence is a *fragment of dialogue* when it starts or ends inside an open
quotation, or closes a quotation it did not open: a quotation cut by the
sentence splitter (``"Don't, Natásha!`` followed by more of the same speech)
or split by an attribution (``"I am sure," said she, "that it is.`` with the
speech going on in the next sentence). Quotation marks are followed through
each paragraph: straight double quotes open and close in turn, curly ones
open (“) and close (”); a paragraph starts outside any quotation (a speech
that runs over paragraphs opens each of them again). A sentence left open
and followed, in the same paragraph, by one that starts by opening a
quotation again ends its quotation (``carried``): the convention of a speech run over
paragraphs, where the paragraph break was lost (news copy: ``He said: "Sales
fell.`` then ``"We will recover."``).

All this holds in a text of *dialogue*: one where at least ``DIALOGUE_SHARE``
of the paragraphs that hold a quotation mark are turns of an exchange, runs of
``EXCHANGE`` or more paragraphs in a row that each open with a quotation mark
(one speaks, another answers, the first again: a novel, a play set as prose).
A text with no such exchanges (news, reports, essays) quotes statements, not
dialogue: there each sentence of a quotation may be chosen on its own, as the
reference summaries of news do (``is_dialogue``; README, Summaries).

A sentence is *long* when it has more than ``LONG_WORDS`` words in a text of
book length (``BOOK_LENGTH``): summaries choose long sentences only when
there are not enough others. In a shorter text no sentence is long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from aleppo_cli.text.document import Document, Sentence

# Longer sentences are chosen last. Measured leave-one-topic-out on the BBC
# articles (bench/quality.py --long): see README, Summaries.
LONG_WORDS = 60
# ... in a text of book length only (the whole text, also when one chapter is
# summarized): a novel's run-on period of 190 words reads as no summary, but
# a news article's or an essay's long sentence often carries its news (the
# BBC reference summaries choose some: held back, they cost 0.0003 and 0.0008
# of two topics' scores). Set by hand at about 17,000 words, a novella; the
# development texts lie far on either side (news articles 26,000 characters
# at most, the shortest novel 122,000), so no score chose it.
BOOK_LENGTH = 100_000
NO_LIMIT = 10**9


def long_words_for(document: Document) -> int:
    """How many words make a sentence long in ``document``: ``LONG_WORDS``
    in a book-length text, else no number."""
    return LONG_WORDS if len(document.clean.text) >= BOOK_LENGTH else NO_LIMIT


# A quotation over several sentences is rated by the mean of its sentences'
# ratings ("mean"), not the best of them ("max"): chosen leave-one-topic-out.
QUOTATION_RATING = "mean"

# A text is one of dialogue when at least DIALOGUE_SHARE of its paragraphs
# that hold a quotation mark are in runs of EXCHANGE or more paragraphs that
# each open with one. Set by hand, not on the BBC scores (which would have no
# text be one of dialogue): in the 3 books and the 13 novels of the PDNC the
# share is 0.35 to 0.82 (0.50 to 0.75 in the three books); 3 of the 1,275 BBC
# articles reach 0.25 (README, Summaries). Checked leave-one-topic-out
# (bench/quality.py --dialogue-sweep): every fold chooses (3, 0.25).
EXCHANGE = 3
DIALOGUE_SHARE = 0.25

_OPENING = ('"', "“")
_MARK = re.compile(r"[\"“”]")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


class Candidate(NamedTuple):
    sentence: Sentence
    fragment: bool  # of dialogue: see the module's docstring
    repeated: bool  # the same text as an earlier candidate
    words: int
    joined: bool  # starts inside a quotation that an earlier sentence opened
    carried: bool = False  # left open, the next sentence of its paragraph reopening


def quotation_states(texts: Iterable[str]) -> list[tuple[bool, bool, bool]]:
    """For each sentence of a paragraph: (open at its start, open at its end, stray close).

    A straight quote mark opens when it stands before a word (after a space,
    a bracket or a dash) and closes when it stands after one; else it turns.
    A sentence whose first mark opens a quotation starts outside any: the
    quotation before it was left open by mistake.
    """
    states = []
    inside = False
    for text in texts:
        start = inside
        stray = False
        first = True
        for match in _MARK.finditer(text):
            mark = match.group()
            if mark == "“" or (mark == '"' and _opens(text, match.start())):
                if first:
                    start = False
                inside = True
            elif mark == "”" or _closes(text, match.start()):
                stray = stray or not inside
                inside = False
            else:
                inside = not inside
            first = False
        states.append((start, inside, stray))
    return states


def _opens(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _closes(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def is_dialogue(document: Document) -> bool:
    """Does the text hold dialogue (see the module's docstring)? Judged on the
    whole text, also for a part of it (a chapter: ``document.clean`` is the
    whole text's)."""
    return _dialogue(document.clean.text)


@lru_cache(maxsize=2)  # a novel's chapters are summarized one by one
def _dialogue(text: str) -> bool:
    separator = "\n\n" if "\n\n" in text else "\n"
    turns = quoting = run = 0
    for paragraph in text.split(separator):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if paragraph[0] in _OPENING:
            run += 1
        else:
            turns += run if run >= EXCHANGE else 0
            run = 0
        quoting += bool(_MARK.search(paragraph))
    turns += run if run >= EXCHANGE else 0
    return quoting > 0 and turns >= DIALOGUE_SHARE * quoting


def is_fragment(start_open: bool, end_open: bool, stray: bool) -> bool:
    return start_open or end_open or stray


def candidates(document: Document, dialogue: bool | None = None) -> list[Candidate]:
    """Every sentence that is not a heading, in order, with what a summary needs to know.

    No sentence is a fragment of dialogue in a text that holds none
    (``dialogue``: by default ``is_dialogue``).
    """
    if dialogue is None:
        dialogue = is_dialogue(document)
    seen: set[str] = set()
    found = []
    for paragraph in document.paragraphs:
        if paragraph.heading:
            continue
        states = quotation_states(s.text for s in paragraph.sentences)
        if not dialogue:
            states = [(False, False, False)] * len(states)
        for k, (sentence, state) in enumerate(zip(paragraph.sentences, states, strict=True)):
            key = " ".join(sentence.text.split())
            # the next sentence starts by reopening: this one ends its quotation
            carried = (
                state[1]
                and k + 1 < len(states)
                and not states[k + 1][0]
                and paragraph.sentences[k + 1].text.lstrip()[:1] in _OPENING
            )
            if carried:
                state = (state[0], False, state[2])
            found.append(
                Candidate(
                    sentence,
                    fragment=is_fragment(*state),
                    repeated=key in seen,
                    words=len(_WORD.findall(sentence.text)),
                    joined=state[0] and not state[2],
                    carried=carried,
                )
            )
            seen.add(key)
    return found


def units(found: Sequence[Candidate]) -> list[list[int]]:
    """The candidates grouped into whole quotations: the sentences of a
    quotation that runs over several sentences form one unit; every other
    sentence is a unit of its own."""
    grouped: list[list[int]] = []
    for index, candidate in enumerate(found):
        if candidate.joined and grouped and grouped[-1][-1] == index - 1:
            grouped[-1].append(index)
        else:
            grouped.append([index])
    return grouped


def order(
    ratings: Sequence[float],
    found: Sequence[Candidate],
    *,
    fragments: bool = False,
    long_words: int = LONG_WORDS,
    whole: bool = True,
    rating: str = QUOTATION_RATING,
) -> list[list[int]]:
    """Units of candidates (lists of indexes) that may be chosen, best first.

    A fragment of dialogue is chosen only with the rest of its quotation
    (``whole``, as one unit: ``units``), or never (not ``whole``), or like
    any sentence (``fragments``). A quotation that is still open at the end
    of its paragraph, or closes one never opened, is never chosen (unless
    ``fragments``). Nor is a repeat. Best by rating (of a unit: the ``rating``,
    "max" or "mean", of its sentences; ties in text order, as sumy breaks
    them), long ones (more than ``long_words`` words) after all others.
    """
    if fragments:
        grouped = [[i] for i in range(len(found))]
    elif whole:
        grouped = units(found)
    else:
        grouped = [[i] for i in range(len(found)) if not found[i].fragment]
    allowed = [
        unit
        for unit in grouped
        if not any(found[i].repeated for i in unit)
        and (fragments or not any(found[i].fragment for i in unit) or _closed(found, unit))
    ]

    def key(unit: list[int]) -> tuple[bool, float]:
        values = [ratings[i] for i in unit]
        value = max(values) if rating == "max" else sum(values) / len(values)
        return sum(found[i].words for i in unit) > long_words, -value

    return sorted(allowed, key=key)


def _closed(found: Sequence[Candidate], unit: list[int]) -> bool:
    """A unit of several sentences that holds a whole quotation (ended, or
    carried on by the next sentence: ``candidates``)."""
    states = quotation_states(found[i].sentence.text for i in unit)
    ended = not states[-1][1] or found[unit[-1]].carried
    return len(unit) > 1 and ended and not any(stray for *_, stray in states)
