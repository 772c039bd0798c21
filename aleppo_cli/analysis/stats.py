"""Counts for ``aleppo info``: words, sentences, paragraphs, reading time."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from aleppo_cli.text.document import Document

# Average silent reading rate of adults for non-fiction (Brysbaert, 2019,
# "How many words do we read per minute?", Journal of Memory and Language).
WORDS_PER_MINUTE = 238

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True)
class Stats:
    words: int
    sentences: int
    paragraphs: int
    characters: int
    reading_minutes: int
    words_per_minute: int = WORDS_PER_MINUTE


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def compute(document: Document) -> Stats:
    words = count_words(document.clean.text)
    return Stats(
        words=words,
        sentences=document.sentence_count,
        paragraphs=len(document.paragraphs),
        characters=len(document.raw),
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
    )
