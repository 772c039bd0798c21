"""Counts for ``aleppo info``: words, sentences, paragraphs, reading time."""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from aleppo_cli.text.cleanup import ADVERTISEMENT, GLUED
from aleppo_cli.text.document import Document

# Average silent reading rate of adults for non-fiction (Brysbaert, 2019,
# "How many words do we read per minute?", Journal of Memory and Language).
WORDS_PER_MINUTE = 238

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")  # a word: letters and digits, maybe joined

# Counting the matches of _WORD in a novel took 0.12 s: the engine looks up
# the Unicode category of every character. A word is a run of letters and
# digits joined to the next by one apostrophe or hyphen, so the words are the
# runs that start the text or follow something else than a joining mark that
# ends a run. They are counted in bytes, each character written as its class:
# "a" (a letter or a digit), "j" (a joining mark) or " " (anything else).
_CLASS_OF_BYTE = bytes(
    ord("a") if chr(code).isalnum() else ord("j") if chr(code) in "'-" else ord(" ")
    for code in range(256)
)
_AFTER_A_MARK = re.compile(rb"j(?=a)(?<!aj)")  # a run after a mark that joins nothing
_CLASSES = "aleppo-word-classes"


def _as_classes(error: UnicodeError) -> tuple[str, int]:
    """An encoding error handler: characters beyond ASCII as ASCII ones of
    their class (a letter or digit "a", ’ the joining "'", others " ")."""
    assert isinstance(error, UnicodeEncodeError)
    chars = error.object[error.start : error.end]
    return "".join("a" if c.isalnum() else "'" if c == "’" else " " for c in chars), error.end


codecs.register_error(_CLASSES, _as_classes)


@dataclass(frozen=True)
class Stats:
    words: int
    sentences: int
    paragraphs: int
    characters: int
    reading_minutes: int
    words_per_minute: int = WORDS_PER_MINUTE
    repair: str = ""  # how web-artifact repair was decided (cleanup.CleanText.repair)
    ad_markers: int = 0  # ad-slot markers removed
    glued_words: int = 0  # run-together words split


def count_words(text: str) -> int:
    """The number of matches of ``_WORD`` in ``text``."""
    marks = text.encode("ascii", _CLASSES).translate(_CLASS_OF_BYTE)
    return marks.startswith(b"a") + marks.count(b" a") + len(_AFTER_A_MARK.findall(marks))


def compute(document: Document) -> Stats:
    words = count_words(document.clean.text)
    repairs = document.clean.repairs()
    return Stats(
        words=words,
        sentences=document.sentence_count,
        paragraphs=len(document.paragraphs),
        characters=len(document.raw),
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        repair=document.clean.repair,
        ad_markers=repairs[ADVERTISEMENT],
        glued_words=repairs[GLUED],
    )
