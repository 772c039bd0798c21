"""Extractive summaries: sumy's algorithms on our document, offline and fast.

``summarize(document, algorithm, count)`` returns a ``Summary``: the chosen
sentences, in the order of the text, with the numbers every command uses.
Headings (titles, headlines) are never chosen.
"""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from aleppo_cli.errors import UsageError
from aleppo_cli.text.document import Document, Sentence

DEFAULT_ALGORITHM = "reduction"
DEFAULT_COUNT = 3

SNOWBALL = "snowball"
NO_STEMMER = "none"
STEMMERS = (SNOWBALL, NO_STEMMER)
# Reduction compares sentences by the words they share; on the BBC set it does
# better with words as they are than with Snowball stems (bench/quality.py:
# 0.820 against 0.787, and better on each topic held out in turn). The other
# algorithms keep sumy's usual Snowball stems.
DEFAULT_STEMMERS = {"reduction": NO_STEMMER}

# name -> (class in aleppo_cli.fast, what it is)
ALGORITHMS: dict[str, tuple[str, str]] = {
    "lex-rank": ("FastLexRank", "LexRank: centrality in a graph of similar sentences"),
    "text-rank": ("FastTextRank", "TextRank: PageRank over sentences sharing words"),
    "lsa": ("FastLsa", "latent semantic analysis of the term matrix"),
    "luhn": ("FastLuhn", "Luhn: clusters of frequent words"),
    "edmundson": ("FastEdmundson", "Edmundson: cue words, title words and position"),
    "sum-basic": ("FastSumBasic", "SumBasic: frequent words, updated as sentences are picked"),
    "kl": ("FastKL", "KL-Sum: keeps the summary's word distribution close to the text's"),
    "reduction": ("FastReduction", "Reduction: sentences that share the most words with others"),
    "random": ("FastRandom", "random sentences: a baseline"),
}


@dataclass(frozen=True)
class Summary:
    algorithm: str
    total_sentences: int  # every sentence of the text, headings included
    candidates: int  # sentences that may be chosen (headings excluded)
    requested: int
    sentences: tuple[Sentence, ...]

    @property
    def short(self) -> bool:
        """Fewer sentences than asked: the text has no more."""
        return len(self.sentences) < self.requested


def check_algorithm(name: str) -> str:
    if name not in ALGORITHMS:
        valid = ", ".join(ALGORITHMS)
        raise UsageError(f"unknown algorithm '{name}'", f"choose one of: {valid}")
    return name


def sentence_count(document: Document, sentences: int | None, ratio: float | None) -> int:
    """How many sentences to choose: ``sentences``, or ``ratio`` of the text (at least 1)."""
    if sentences is not None and ratio is not None:
        raise UsageError("give --sentences or --ratio, not both")
    if ratio is not None:
        if not 0.0 < ratio <= 1.0:
            raise UsageError(f"--ratio must be more than 0 and at most 1, not {ratio:g}")
        return max(1, math.floor(ratio * candidates(document)))
    count = DEFAULT_COUNT if sentences is None else sentences
    if count < 1:
        raise UsageError(f"--sentences must be at least 1, not {count}")
    return count


def candidates(document: Document) -> int:
    return sum(len(p.sentences) for p in document.paragraphs if not p.heading)


@cache
def _cue_words() -> dict[str, list[str]]:
    from importlib import resources  # 2 ms: only Edmundson needs it

    data = resources.files("aleppo_cli").joinpath("data/edmundson-en.json").read_text("utf-8")
    words: dict[str, list[str]] = json.loads(data)
    return words


def stemmer_for(algorithm: str, stemmer: str | None = None) -> str:
    """The stemmer to use: as asked, or the one measured better for ``algorithm``."""
    if stemmer is None:
        return DEFAULT_STEMMERS.get(algorithm, SNOWBALL)
    if stemmer not in STEMMERS:
        raise UsageError(f"unknown stemmer '{stemmer}'", f"choose one of: {', '.join(STEMMERS)}")
    return stemmer


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (while sumy, nltk and numpy import).

    Imports create tens of thousands of long-lived objects; the collector
    passes over them again and again for nothing. Pausing it saves about
    0.03 s of the 0.3 s that importing sumy costs (bench/run.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def make_summarizer(algorithm: str, stemmer: str | None = None) -> Any:
    """A configured (fast) sumy summarizer: its stemmer and English stop words."""
    with _collector_paused():
        from aleppo_cli.analysis.summarize import bridge as sumydoc
        from aleppo_cli.analysis.summarize import summarizers as fast

    class_name, _ = ALGORITHMS[check_algorithm(algorithm)]
    if stemmer_for(algorithm, stemmer) == SNOWBALL:
        summarizer = getattr(fast, class_name)(sumydoc.stemmer())
    else:
        summarizer = getattr(fast, class_name)()  # sumy's null stemmer: words as they are
    if algorithm == "edmundson":
        summarizer.null_words = sumydoc.stop_words()
        summarizer.bonus_words = _cue_words()["bonus"]
        summarizer.stigma_words = _cue_words()["stigma"]
    elif algorithm != "random":
        summarizer.stop_words = sumydoc.stop_words()
    return summarizer


def summarize(
    document: Document,
    algorithm: str = DEFAULT_ALGORITHM,
    count: int = DEFAULT_COUNT,
    title: str = "",
    stemmer: str | None = None,
) -> Summary:
    """Choose ``count`` sentences of ``document`` with ``algorithm``.

    ``title`` is given to sumy as a heading (Edmundson's title method reads it).
    """
    from aleppo_cli.analysis.summarize import bridge as sumydoc

    summarizer = make_summarizer(algorithm, stemmer)
    text = sumydoc.to_sumy(document, title)
    available = candidates(document)
    chosen = summarizer(text.model, min(count, available)) if available else ()
    return Summary(
        algorithm=algorithm,
        total_sentences=document.sentence_count,
        candidates=available,
        requested=count,
        sentences=tuple(text.to_ours(chosen)),
    )


@dataclass(frozen=True)
class ComparisonRow:
    sentence: Sentence
    chosen_by: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    algorithms: tuple[str, ...]
    count: int
    total_sentences: int
    rows: tuple[ComparisonRow, ...]  # every sentence some algorithm chose, in text order


def compare(
    document: Document,
    algorithms: tuple[str, ...],
    count: int = DEFAULT_COUNT,
    title: str = "",
    stemmer: str | None = None,
) -> Comparison:
    """Run several algorithms; which sentences did each choose?"""
    chosen: dict[int, tuple[Sentence, list[str]]] = {}
    for algorithm in algorithms:
        for sentence in summarize(document, algorithm, count, title, stemmer).sentences:
            chosen.setdefault(sentence.number, (sentence, []))[1].append(algorithm)
    rows = tuple(
        ComparisonRow(sentence, tuple(names)) for _, (sentence, names) in sorted(chosen.items())
    )
    return Comparison(tuple(algorithms), count, document.sentence_count, rows)
