"""The bridge to sumy: its document model built from ours, offline.

Stock sumy reads text with nltk's Punkt model, which needs a data download;
here sumy gets our sentences (so numbers agree with every other command), our
word tokenizer (a regular expression), nltk's Snowball stemmer (pure code, no
data) with a cache, and sumy's own bundled English stop words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from aleppo_cli.text.collector import collector_paused
from aleppo_cli.text.document import Document
from aleppo_cli.text.document import Sentence as OurSentence

LANGUAGE = "english"
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


class Tokenizer:
    """What sumy's Sentence asks of a tokenizer (its words), without nltk data.

    No ``to_sentences``: only sumy's parsers ask for it, and the sentences
    here are ours (``to_sumy``).
    """

    language = LANGUAGE

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(WORD.findall(sentence))


TOKENIZER = Tokenizer()


@cache
def stemmer() -> Callable[[str], str]:
    """nltk's English Snowball stemmer (what sumy's Stemmer('english') uses), cached."""
    from nltk.stem.snowball import EnglishStemmer

    return lru_cache(maxsize=None)(EnglishStemmer().stem)


@cache
def stop_words() -> frozenset[str]:
    """sumy's bundled English stop words, parsed as sumy parses them."""
    data = resources.files("sumy").joinpath(f"data/stopwords/{LANGUAGE}.txt").read_bytes()
    return frozenset(word.rstrip() for word in data.decode("utf-8").splitlines() if word)


@dataclass(frozen=True)
class SumyText:
    """A sumy document and the way back from its sentences to ours."""

    model: Any  # sumy.models.dom.ObjectDocumentModel
    ours: dict[int, OurSentence]  # id() of a sumy Sentence -> our Sentence

    def to_ours(self, chosen: Any) -> list[OurSentence]:
        return sorted((self.ours[id(sentence)] for sentence in chosen), key=lambda s: s.number)


def to_sumy(document: Document, title: str = "") -> SumyText:
    """sumy's document model for ``document``; headings stay headings.

    ``title``, when given, is added as a heading (sumy's Edmundson title
    method reads headings); it is never a candidate for a summary.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    ours: dict[int, OurSentence] = {}
    paragraphs = []
    # the collector paused: a novel's model is tens of thousands of objects,
    # none in a cycle (War and Peace: 0.025 s instead of 0.035 to 0.1 s)
    with collector_paused():
        if title:
            paragraphs.append(Paragraph([Sentence(title, TOKENIZER, is_heading=True)]))
        for paragraph in document.paragraphs:
            if not paragraph.sentences:  # code
                continue
            built = []
            for sentence in paragraph.sentences:
                model = Sentence(sentence.text, TOKENIZER, is_heading=paragraph.heading)
                ours[id(model)] = sentence
                built.append(model)
            paragraphs.append(Paragraph(built))
        return SumyText(ObjectDocumentModel(paragraphs), ours)
