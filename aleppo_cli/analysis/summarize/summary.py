"""Extractive summaries: sumy's algorithms on our document, offline and fast.

``summarize(document, algorithm, count)`` returns a ``Summary``: the chosen
sentences, in the order of the text, with the numbers every command uses.
Headings (titles, headlines) are never chosen.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from aleppo_cli.errors import UsageError
from aleppo_cli.text.collector import collector_paused
from aleppo_cli.text.document import Document, Sentence

DEFAULT_ALGORITHM = "blend"  # ours: see blend.py, and README, Summaries
DEFAULT_COUNT = 3

SNOWBALL = "snowball"
NO_STEMMER = "none"
STEMMERS = (SNOWBALL, NO_STEMMER)
# Reduction compares sentences by the words they share; on the BBC articles it
# does better with words as they are than with Snowball stems, chosen so by
# every fold leave-one-topic-out (bench/quality.py: 0.772 against 0.749 held
# out); so does Blend, which reads the same words. The other algorithms keep
# sumy's usual Snowball stems.
DEFAULT_STEMMERS = {"reduction": NO_STEMMER, "blend": NO_STEMMER}


class Algorithm(NamedTuple):  # a named tuple: cheaper at start-up than a dataclass
    """A summarizer: what it does, and how to get its class.

    ``load`` imports the class (and with it sumy, nltk and numpy) only when
    called: listing or describing the algorithms imports nothing.
    """

    description: str
    load: Callable[[], type[Any]]


def _lex_rank() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastLexRank

    return FastLexRank


def _text_rank() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastTextRank

    return FastTextRank


def _lsa() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastLsa

    return FastLsa


def _luhn() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastLuhn

    return FastLuhn


def _edmundson() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastEdmundson

    return FastEdmundson


def _sum_basic() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastSumBasic

    return FastSumBasic


def _kl() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastKL

    return FastKL


def _reduction() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastReduction

    return FastReduction


def _blend() -> type[Any]:
    from aleppo_cli.analysis.summarize.blend import Blend

    return Blend


def _random() -> type[Any]:
    from aleppo_cli.analysis.summarize.summarizers import FastRandom

    return FastRandom


ALGORITHMS: dict[str, Algorithm] = {
    "lex-rank": Algorithm("LexRank: centrality in a graph of similar sentences", _lex_rank),
    "text-rank": Algorithm("TextRank: PageRank over sentences sharing words", _text_rank),
    "lsa": Algorithm("latent semantic analysis of the term matrix", _lsa),
    "luhn": Algorithm("Luhn: clusters of frequent words", _luhn),
    "edmundson": Algorithm("Edmundson: cue words, title words and position", _edmundson),
    "sum-basic": Algorithm("SumBasic: frequent words, updated as sentences are picked", _sum_basic),
    "kl": Algorithm("KL-Sum: keeps the summary's word distribution close to the text's", _kl),
    "reduction": Algorithm(
        "Reduction: sentences that share the most words with others", _reduction
    ),
    "blend": Algorithm("ours: a learned mix of centrality, length and place in the text", _blend),
    "random": Algorithm(
        "random sentences: a baseline (changes from run to run unless --seed)", _random
    ),
}


class Summary(NamedTuple):  # named tuples: cheaper to define at start-up than dataclasses
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


def describe(algorithm: str) -> str:
    """What ``algorithm`` does, in a line (for help texts)."""
    return ALGORITHMS[check_algorithm(algorithm)].description


def sentence_count(document: Document, sentences: int | None, ratio: float | None) -> int:
    """How many sentences to choose: ``sentences``, or ``ratio`` of the text (at least 1)."""
    if sentences is not None and ratio is not None:
        raise UsageError("give a number of sentences or a ratio, not both")
    if ratio is not None:
        if not 0.0 < ratio <= 1.0:
            raise UsageError(f"the ratio must be more than 0 and at most 1, not {ratio:g}")
        return max(1, math.floor(ratio * candidates(document)))
    count = DEFAULT_COUNT if sentences is None else sentences
    if count < 1:
        raise UsageError(f"the number of sentences must be at least 1, not {count}")
    return count


def candidates(document: Document) -> int:
    return sum(len(p.sentences) for p in document.paragraphs if not p.heading)


@cache
def _cue_words() -> dict[str, list[str]]:
    # 2 to 4 ms, kept out of start-up: every command imports this module
    from importlib import resources

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


# numpy's OpenBLAS starts a thread a core when it loads; the summarizers' work
# is sparse and mostly single products with a vector, where the second thread
# only spins. With one, on this 2-core machine, importing numpy took 0.09 s
# instead of 0.15 s and `summarize -a lex-rank` on the review 0.53 s of CPU
# instead of 0.64 s, its wall time 0.54 s instead of 0.65 s (medians of 5
# fresh processes). A thread count the user set is kept.
BLAS_THREADS = "1"


def _one_blas_thread() -> None:
    """Ask OpenBLAS for one thread, if numpy is not loaded yet and the user
    set no count: the variable is read when the library loads."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", BLAS_THREADS)


def _on_a_fresh_stack(load: Callable[[], type[Any]]) -> type[Any]:
    """``load()`` (the imports of sumy, nltk and numpy) in a thread of its own.

    CPython 3.11 keeps its frames on a stack of 16 KB chunks and frees a chunk
    as soon as the frame that opened it returns. Run as deep in the call stack
    as a command is (Typer, Click, the command, ``summarize``), those imports'
    recursive pattern compiling sat on a chunk's edge: ``python -m
    aleppo_cli summarize`` mapped and unmapped 6,488 chunks (the ``aleppo``
    script 985), and took 19,600 page faults against stock sumy's 14,600.
    A new thread starts at the bottom of a stack of its own: 310 chunks,
    13,600 faults, and 9% less CPU time on the review (0.600 -> 0.545 s,
    medians of 9; bench/run.py has the wall times).
    """
    import threading

    loaded: list[type[Any]] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            loaded.append(load())
        except BaseException as error:  # handed to the caller's thread
            failed.append(error)

    worker = threading.Thread(target=run, name="aleppo-import", daemon=True)
    worker.start()
    worker.join()
    if failed:
        raise failed[0]
    return loaded[0]


def make_summarizer(algorithm: str, stemmer: str | None = None) -> Any:
    """A configured (fast) sumy summarizer: its stemmer and English stop words."""
    load = ALGORITHMS[check_algorithm(algorithm)].load
    stemmed = stemmer_for(algorithm, stemmer) == SNOWBALL
    _one_blas_thread()
    # The collector paused while sumy, nltk and numpy import: imports make tens
    # of thousands of long-lived objects it passes over again and again for
    # nothing (0.03 s of the 0.4 s those imports take; 0.37 s of CPU time
    # against 0.40 s, medians of 31 fresh processes).
    with collector_paused():
        summarizer_class = _on_a_fresh_stack(load)
        from aleppo_cli.analysis.summarize import bridge

    # with no stemmer given, sumy's null stemmer: words as they are
    summarizer = summarizer_class(bridge.stemmer()) if stemmed else summarizer_class()
    if algorithm == "edmundson":
        summarizer.null_words = bridge.stop_words()
        summarizer.bonus_words = _cue_words()["bonus"]
        summarizer.stigma_words = _cue_words()["stigma"]
    elif algorithm == "blend":  # its own short list of function words: see blend.py
        from aleppo_cli.analysis.summarize.blend import FUNCTION_WORDS

        summarizer.stop_words = FUNCTION_WORDS
    elif algorithm != "random":
        summarizer.stop_words = bridge.stop_words()
    return summarizer


def summarize(
    document: Document,
    algorithm: str = DEFAULT_ALGORITHM,
    count: int = DEFAULT_COUNT,
    title: str = "",
    stemmer: str | None = None,
    seed: int | None = None,
    fragments: bool = False,
    long_words: int | None = None,
    whole: bool = True,
    rating: str | None = None,
) -> Summary:
    """Choose ``count`` sentences of ``document`` with ``algorithm``.

    ``title`` is given to sumy as a heading (Edmundson's title method reads it).
    ``seed`` makes ``random`` repeatable (the others ignore it). The algorithm
    rates the sentences; the best rated are chosen, but never a fragment of
    dialogue without the rest of its quotation (``whole``; never at all if not
    ``whole``; like any sentence with ``fragments``; only a text of dialogue
    has any: ``eligible.is_dialogue``), nor a text twice, and
    long ones only when there are not enough others (more than ``long_words``
    words, by default ``eligible.LONG_WORDS`` in a book-length text and no
    limit in a shorter one: ``eligible.long_words_for``); ``rating`` rates a quotation
    by the "max" or "mean" of its sentences (``eligible.order``). A long text
    is cut into parts, and each part gives its share (``spread``).
    """
    from aleppo_cli.analysis.summarize import bridge, eligible

    summarizer = make_summarizer(algorithm, stemmer)
    if algorithm == "random":
        summarizer.seed = seed
    long = eligible.long_words_for(document) if long_words is None else long_words
    text = bridge.to_sumy(document, title)
    found = eligible.candidates(document)
    chosen: list[Sentence] = []
    if found:
        # The greedy algorithms (sum-basic, kl) rate only as many sentences as
        # asked, one costly step each: three times as many leave room for the
        # ones not chosen; the rest tie (in text order).
        ratings = _ratings(summarizer, text, min(len(found), 3 * count))
        if ratings is not None:
            rated = [ratings[c.sentence.number] for c in found]
            units = eligible.order(
                rated,
                found,
                fragments=fragments,
                long_words=long,
                whole=whole,
                rating=rating or eligible.QUOTATION_RATING,
            )
            picked = spread(units, count, len(found))
            chosen = sorted((found[i].sentence for i in picked), key=lambda s: s.number)
    return Summary(
        algorithm=algorithm,
        total_sentences=document.sentence_count,
        candidates=len(found),
        requested=count,
        sentences=tuple(chosen),
    )


def _ratings(summarizer: Any, text: Any, count: int) -> dict[int, float] | None:
    """Every candidate's rating by ``summarizer``, by sentence number (None: it chose none).

    sumy's summarizers end by handing their ratings to ``_get_best_sentences``;
    that call is caught here, so the choice can be ours.
    """
    ratings: dict[int, float] = {}
    caught = False

    def catch(sentences: Any, _count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple[()]:
        nonlocal caught
        caught = True
        for sentence in sentences:  # in order: LSA's rating reads an iterator
            value = (
                rating[sentence] if isinstance(rating, dict) else rating(sentence, *args, **kwargs)
            )
            ratings[text.ours[id(sentence)].number] = float(value)
        return ()

    summarizer._get_best_sentences = catch
    summarizer(text.model, count)
    return ratings if caught else None


# A text of SPREAD_FROM candidate sentences or more is cut into as many equal
# parts as sentences asked (at most SPREAD_PARTS): each part gives the best
# rated of its sentences, so that the summary of a novel covers the novel.
SPREAD_FROM = 300
SPREAD_PARTS = 10


def spread(units: list[list[int]], count: int, total: int) -> list[int]:
    """Up to ``count`` candidates from ``units`` (best first), spread over long texts.

    A unit (a whole quotation) is taken whole, if it fits in what is left.
    """
    parts = min(count, SPREAD_PARTS) if total >= SPREAD_FROM and count > 1 else 1
    quota = [count // parts + (k < count % parts) for k in range(parts)]
    picked: list[int] = []
    rest: list[list[int]] = []
    for unit in units:
        part = unit[0] * parts // total
        if len(unit) <= quota[part]:
            quota[part] -= len(unit)
            picked.extend(unit)
        else:
            rest.append(unit)
    for unit in rest:
        if len(picked) + len(unit) <= count:
            picked.extend(unit)
    return picked


class ComparisonRow(NamedTuple):
    sentence: Sentence
    chosen_by: tuple[str, ...]


@dataclass(frozen=True)  # not a named tuple: its field "count" would hide tuple.count
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
    seed: int | None = None,
    fragments: bool = False,
) -> Comparison:
    """Run several algorithms; which sentences did each choose?"""
    chosen: dict[int, tuple[Sentence, list[str]]] = {}
    for algorithm in algorithms:
        picked = summarize(document, algorithm, count, title, stemmer, seed, fragments)
        for sentence in picked.sentences:
            chosen.setdefault(sentence.number, (sentence, []))[1].append(algorithm)
    rows = tuple(
        ComparisonRow(sentence, tuple(names)) for _, (sentence, names) in sorted(chosen.items())
    )
    return Comparison(tuple(algorithms), count, document.sentence_count, rows)
