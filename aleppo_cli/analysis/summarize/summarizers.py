"""sumy's summarizers, with their hot loops replaced by sparse numpy code.

Each class subclasses the sumy summarizer it speeds up and keeps its
definition: the same words, stems and stop words, the same formulas, the same
tie-breaking (a stable sort in document order, ``_get_best_sentences``), even
sumy's habit of keying ratings by sentence text, so that repeated sentences
share a rating. What changes is how the numbers are computed:

* LexRank, TextRank, Reduction: sentence-by-sentence similarity is the upper
  triangle of one sparse product of the sentence-term matrix with its
  transpose (in row blocks, so no dense N x N matrix ever exists), and the
  power method runs on it (``csr.py``: numpy only, see there why not scipy).
* LSA: sumy keeps every singular value (REDUCTION_RATIO = 1), and then the
  rank sqrt(sum_i s_i^2 v_ij^2) of a sentence is exactly the length of its
  column in the term matrix (A = U S V^T with orthonormal U). That length is
  computed directly, with no SVD.
* SumBasic, KL: the greedy loops recompute all scores with sparse vector
  operations and stop as soon as the chosen sentences are certain to be the
  best rated (sumy runs the loop over every sentence of the text).
* Luhn, Edmundson: sumy's own code, fast once the stemmer caches its stems
  (``bridge.stemmer``: each distinct word is stemmed once); Luhn's
  significant words are a set instead of a tuple.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import wraps
from itertools import chain
from typing import Any, TypeVar

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.random import RandomSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from aleppo_cli.analysis.summarize.csr import (
    Csr,
    gram_row_sums,
    gram_type,
    product_count,
    symmetric_dot,
    upper_gram,
)
from aleppo_cli.text.collector import collector_paused

Summarizer = TypeVar("Summarizer", bound=type)


def paused(cls: Summarizer) -> Summarizer:
    """The summarizer runs with the cyclic garbage collector paused.

    A novel's sumy model is hundreds of thousands of objects, none in a
    cycle; the collections that the summarizers' own lists set off went over
    all of them (luhn on War and Peace: 1.3 s of CPU with it, 1.1 to 1.25 s
    without, at load 19)."""
    call = cls.__call__

    @wraps(call)
    def __call__(self: Any, *args: Any, **kwargs: Any) -> Any:
        with collector_paused():
            return call(self, *args, **kwargs)

    setattr(cls, "__call__", __call__)  # noqa: B010
    return cls


# --- shared preprocessing ----------------------------------------------------


class Tokens:
    """Every word of every sentence, as ids into a table of distinct words."""

    def __init__(self, sentences: Sequence[Any]) -> None:
        # the loops over every word run in C (dict.fromkeys, map): words in
        # the order they first come, then each word's id
        per_sentence = [sentence.words for sentence in sentences]
        distinct = dict.fromkeys(chain.from_iterable(per_sentence))
        ids = {word: place for place, word in enumerate(distinct)}
        lengths = np.fromiter(map(len, per_sentence), dtype=np.int64, count=len(per_sentence))
        self.words = list(ids)
        self.flat = np.fromiter(
            map(ids.__getitem__, chain.from_iterable(per_sentence)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        self.offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        self.rows = np.repeat(np.arange(len(sentences)), np.diff(self.offsets))
        self.count = len(sentences)

    def matrix(self, term_of_word: np.ndarray, terms: int) -> Csr:
        """Sentence x term counts; ``term_of_word`` maps word ids to terms (-1: skip)."""
        terms_flat = term_of_word[self.flat] if len(self.flat) else self.flat
        keep = terms_flat >= 0
        return Csr.count(self.rows[keep], terms_flat[keep], (self.count, max(terms, 1)))


def _terms(values: Sequence[str | None]) -> tuple[np.ndarray, int]:
    """Number distinct non-None values; None maps to -1."""
    table: dict[str, int] = {}
    ids = [-1 if value is None else table.setdefault(value, len(table)) for value in values]
    return np.asarray(ids, dtype=np.int64), len(table)


def content_stems(summarizer: Any, tokens: Tokens) -> Csr:
    """Counts of stems of the words that are not stop words (normalised first)."""
    stop = summarizer.stop_words
    values = []
    for word in tokens.words:
        normal = summarizer.normalize_word(word)
        values.append(None if normal in stop else summarizer.stem_word(normal))
    ids, size = _terms(values)
    return tokens.matrix(ids, size)


def _keyed_last(sentences: Sequence[Any], scores: Sequence[float] | np.ndarray) -> dict[Any, float]:
    """sumy's ``dict(zip(sentences, scores))``: equal sentences keep the last score."""
    return dict(zip(sentences, (float(score) for score in scores), strict=True))


Weigh = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def _overlap_row_sums(summarizer: Any, sentences: Sequence[Any], weigh: Weigh) -> np.ndarray:
    """Row sums of the graph of sentences that share words, an edge weighing
    ``weigh(rank, norm, rows, columns)``, linear in ``rank`` (``gram_row_sums``:
    the graph is never kept): ``rank`` counts shared words (with repeats),
    ``norm`` is log(len_i) + log(len_j)."""
    counts = content_stems(summarizer, Tokens(sentences))
    logs = _log_lengths(counts.row_sums())

    def edge(rank: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return weigh(rank, logs[rows] + logs[columns], rows, columns)

    return gram_row_sums(counts, edge)


def _log_lengths(lengths: np.ndarray) -> np.ndarray:
    result: np.ndarray = np.log(np.maximum(lengths, 1))
    return result


# --- LexRank -------------------------------------------------------------------


@paused
class FastLexRank(LexRankSummarizer):  # type: ignore[misc]
    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        sentences = document.sentences
        if not sentences:
            return ()
        tokens = Tokens(sentences)
        counts = content_stems(self, tokens)
        upper = self._adjacency(counts, self.threshold)
        scores = self._power_method(upper, self.epsilon)
        ratings = _keyed_last(sentences, scores)
        return tuple(self._get_best_sentences(sentences, sentences_count, ratings))

    @staticmethod
    def _adjacency(counts: Csr, threshold: float) -> Csr:
        """Upper triangle of sumy's 0/1 matrix: idf-modified cosine > threshold."""
        n = counts.shape[0]
        maxima = counts.row_max()
        maxima[maxima == 0] = 1
        idf = np.log(n / (1.0 + counts.column_counts()))
        weights = counts.with_data(counts.data / maxima[counts.rows] * idf[counts.indices])
        norms = np.sqrt(np.bincount(weights.rows, weights=weights.data**2, minlength=n))

        def edge(dot: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
            denominator = norms[rows] * norms[columns]
            with np.errstate(divide="ignore", invalid="ignore"):
                cosine = np.where(denominator > 0, dot / denominator, 0.0)
            return (cosine > threshold).astype(float)

        return upper_gram(weights, edge, dtype=np.uint8)  # 0 or 1: a byte an entry

    @staticmethod
    def _power_method(upper: Csr, epsilon: float) -> np.ndarray:
        # sumy's matrix is A / degrees (row-wise), A symmetric: its transpose
        # times v is A (v / degrees)
        n = upper.shape[0]
        diagonal = upper.diagonal()
        degrees = symmetric_dot(upper, diagonal, np.ones(n))
        degrees[degrees == 0] = 1
        vector = np.full(n, 1.0 / n)
        change = 1.0
        while change > epsilon:
            following = symmetric_dot(upper, diagonal, vector / degrees)
            length = np.linalg.norm(following)
            if length == 0:  # no sentence has a word of any weight: sumy would divide by 0
                break
            following /= length
            change = float(np.linalg.norm(following - vector))
            vector = following
        return vector


# --- TextRank ------------------------------------------------------------------


#: products (an upper bound on the entries) from which text-rank's graph holds
#: each pair's rank instead of its weight. War and Peace, 26 million: 70 MB
#: of graph instead of 233 MB (peak 257 instead of 396 MB), but each product
#: with the graph works the weights out again (0.25 s instead of 0.13 s of
#: CPU, six times). Below it, weights: Pride and Prejudice stays as fast.
COMPACT_FROM = 8_000_000


@paused
class FastTextRank(TextRankSummarizer):  # type: ignore[misc]
    def rate_sentences(self, document: Any) -> dict[Any, float]:
        sentences = document.sentences
        counts = content_stems(self, Tokens(sentences))
        logs = _log_lengths(counts.row_sums())

        def weigh(rank: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
            # sumy: rank / (log len_i + log len_j), or the rank itself when
            # np.isclose(that, 0); it is never negative, so that is <= 1e-8
            norm = logs[rows]
            norm += logs[columns]
            norm[norm <= 1e-8] = 1.0
            result: np.ndarray = rank / norm
            return result

        # A long text's graph holds each pair's rank (shared words, with
        # repeats: a small integer, a byte or two) and the weights are worked
        # out as they are used; the same numbers either way.
        compact = product_count(counts) >= COMPACT_FROM
        if compact:
            upper = upper_gram(counts, lambda rank, rows, columns: rank, dtype=gram_type(counts))
            use: Any = weigh
            everyone = np.arange(upper.shape[0])
            diagonal = weigh(upper.diagonal(), everyone, everyone)
        else:
            upper, use = upper_gram(counts, weigh), None
            diagonal = upper.diagonal()
        row_sums = symmetric_dot(upper, diagonal, np.ones(upper.shape[0]), use)
        ranks = self._power_method(upper, diagonal, row_sums + self._ZERO_DIVISION_PREVENTION, use)
        return _keyed_last(sentences, ranks)

    def _power_method(
        self, upper: Csr, diagonal: np.ndarray, row_sums: np.ndarray, weigh: Any
    ) -> np.ndarray:
        # sumy's matrix is (1 - d) / n everywhere plus d * W, with W the edge
        # weights divided by their row sums; W is symmetric before that
        # division, so W^T p = E (p / row_sums) with E the symmetric edges.
        n = upper.shape[0]
        damping = self.damping
        vector = np.full(n, 1.0 / n)
        change = 1.0
        while change > self.epsilon:
            spread = symmetric_dot(upper, diagonal, vector / row_sums, weigh)
            following = (1.0 - damping) / n * vector.sum() + damping * spread
            change = float(np.linalg.norm(following - vector))
            vector = following
        return vector


# --- Reduction -------------------------------------------------------------------


@paused
class FastReduction(ReductionSummarizer):  # type: ignore[misc]
    def rate_sentences(self, document: Any) -> dict[Any, float]:
        sentences = document.sentences
        # sumy: rank / (log len_i + log len_j), 0 when that is 0; pairs only.
        # Only each sentence's sum is needed: summed block by block, no graph kept.
        per_sentence = _overlap_row_sums(
            self,
            sentences,
            lambda rank, norm, rows, columns: np.where(
                (norm == 0.0) | (rows == columns), 0.0, rank / norm
            ),
        )
        # sumy adds every pair's rank into ratings[sentence]: equal sentences add up
        ratings: defaultdict[Any, float] = defaultdict(float)
        for sentence, value in zip(sentences, per_sentence, strict=True):
            ratings[sentence] += float(value)
        return ratings


# --- LSA -------------------------------------------------------------------------


@paused
class FastLsa(LsaSummarizer):  # type: ignore[misc]
    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        if LsaSummarizer.REDUCTION_RATIO < 1:  # singular values are dropped: sumy's way
            return tuple(super().__call__(document, sentences_count))
        dictionary = self._create_dictionary(document)
        if not dictionary:
            return ()
        sentences = document.sentences
        tokens = Tokens(sentences)
        ids = np.asarray(
            [dictionary.get(self.stem_word(word), -1) for word in tokens.words], dtype=np.int64
        )
        counts = tokens.matrix(ids, len(dictionary))
        ranks = self._column_lengths(counts, len(dictionary))
        iterator = iter(ranks)
        return tuple(self._get_best_sentences(sentences, sentences_count, lambda s: next(iterator)))

    @staticmethod
    def _column_lengths(counts: Csr, words: int, smooth: float = 0.4) -> np.ndarray:
        """Length of each sentence's column of sumy's smoothed TF matrix.

        A column with any word has ``smooth + (1 - smooth) * tf / max_tf`` in
        every row, ``smooth`` where the word is absent; an empty column stays 0.
        """
        maxima = counts.row_max()
        present = np.diff(counts.indptr)
        rows = counts.rows
        safe = np.where(maxima > 0, maxima, 1.0)
        values = smooth + (1.0 - smooth) * counts.data / safe[rows]
        squares: np.ndarray = np.bincount(rows, weights=values**2, minlength=counts.shape[0])
        squares += (words - present) * smooth**2
        result: np.ndarray = np.where(maxima > 0, np.sqrt(squares), 0.0)
        return result


# --- Luhn and Edmundson: linear already; only stemming and lookups are slow --------


@paused
class FastLuhn(LuhnSummarizer):  # type: ignore[misc]
    def _get_significant_words(self, words: Any) -> frozenset[str]:
        return frozenset(super()._get_significant_words(words))


@paused
class FastEdmundson(EdmundsonSummarizer):  # type: ignore[misc]
    """sumy's Edmundson; fast once its stemmer is cached (see bridge.stemmer)."""


@paused
class FastRandom(RandomSummarizer):  # type: ignore[misc]
    """The baseline: sentences in random order; repeatable when given a seed."""

    seed: int | None = None

    def _get_random_ratings(self, sentences: Sequence[Any]) -> dict[Any, int]:
        if self.seed is None:  # sumy's own: the process-wide generator
            return super()._get_random_ratings(sentences)  # type: ignore[no-any-return]
        ratings = list(range(len(sentences)))
        random.Random(self.seed).shuffle(ratings)
        return dict(zip(sentences, ratings, strict=True))


# --- greedy summarizers: SumBasic and KL -------------------------------------------


def _greedy_ratings(
    sentences: Sequence[Any], count: int, choose: Callable[[np.ndarray], int]
) -> dict[Any, float]:
    """Run sumy's "pick the best, rate it -len(ratings)" loop only as far as needed.

    sumy rates the sentence chosen at each step ``-len(ratings)``, keyed by
    sentence text, over the whole text. The loop stops once ``count``
    sentences have final ratings above any rating still to be given: ratings
    only go down, and a group of equal sentences keeps the rating of its last
    member. ``choose(remaining)`` returns the index sumy would pick next.
    """
    remaining = np.ones(len(sentences), dtype=bool)
    members = Counter(sentences)
    left = dict(members)
    ratings: dict[Any, float] = {}
    finished_at: Counter[float] = Counter()  # rating -> sentences in finished groups
    settled = 0  # sentences with final ratings above every rating still to come
    for _ in range(len(sentences)):
        if settled >= count:
            break
        index = choose(remaining)
        remaining[index] = False
        sentence = sentences[index]
        value = -len(ratings)
        is_new = sentence not in ratings
        ratings[sentence] = value
        left[sentence] -= 1
        if left[sentence] == 0:
            finished_at[value] += members[sentence]
        if is_new:  # future ratings are now below `value`
            settled += finished_at[value]
    return {
        sentence: (ratings[sentence] if left[sentence] == 0 else -np.inf) for sentence in sentences
    }


def _count_of(sentences_count: Any, total: int) -> int:
    from sumy.utils import ItemsCount

    return len(ItemsCount(sentences_count)(list(range(total))))


class _Greedy(AbstractSummarizer):  # type: ignore[misc]
    """What SumBasic and KL share: sumy's greedy loop, cut short (``_greedy_ratings``)."""

    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        sentences = document.sentences
        count = _count_of(sentences_count, len(sentences))
        ratings = _greedy_ratings(sentences, count, self._chooser(sentences))
        return tuple(self._get_best_sentences(sentences, sentences_count, ratings))

    def _chooser(self, sentences: Sequence[Any]) -> Callable[[np.ndarray], int]:
        """A fresh ``choose(remaining)`` for ``_greedy_ratings``: it picks the
        sentence sumy picks next among the ``remaining`` ones (updating what
        the picks so far have changed) and returns its index."""
        raise NotImplementedError


@paused
class FastSumBasic(_Greedy, SumBasicSummarizer):  # type: ignore[misc]
    def _chooser(self, sentences: Sequence[Any]) -> Callable[[np.ndarray], int]:
        tokens = Tokens(sentences)
        counts = content_stems(self, tokens)
        lengths = counts.row_sums()
        total = lengths.sum()
        frequency = counts.column_sums() / max(total, 1)

        def choose(remaining: np.ndarray) -> int:
            with np.errstate(divide="ignore", invalid="ignore"):
                averages = np.where(lengths > 0, counts.dot(frequency) / lengths, 0.0)
            averages[~remaining] = -np.inf
            index = int(np.argmax(averages))  # the first of equal best, as in sumy
            for term, times in zip(*counts.row(index), strict=True):
                for _ in range(int(times)):  # sumy squares once per occurrence
                    frequency[term] *= frequency[term]
            return index

        return choose


@paused
class FastKL(_Greedy, KLSummarizer):  # type: ignore[misc]
    def _chooser(self, sentences: Sequence[Any]) -> Callable[[np.ndarray], int]:
        tokens = Tokens(sentences)
        stop = self.stop_words
        # the text's word frequencies, as sumy's compute_tf counts them: stop
        # words are dropped *before* lower-casing, so "The" counts as "the"
        doc_counts: Counter[str] = Counter()
        raw_counts = np.bincount(tokens.flat, minlength=len(tokens.words))
        for word, times in zip(tokens.words, raw_counts, strict=True):
            if word not in stop:
                doc_counts[self.normalize_word(word)] += int(times)
        content_total = sum(doc_counts.values())
        doc_freq = {word: times / content_total for word, times in doc_counts.items()}

        # sentence content words: lower-cased, then stop words dropped, no stems
        normals = [self.normalize_word(word) for word in tokens.words]
        ids, size = _terms([None if normal in stop else normal for normal in normals])
        counts = tokens.matrix(ids, size)
        vocabulary = [""] * size
        for word_id, term in enumerate(ids):
            if term >= 0:
                vocabulary[term] = normals[word_id]
        d = np.asarray([doc_freq[word] for word in vocabulary]) if size else np.zeros(1)
        lengths = counts.row_sums()
        by_column = counts.transpose()
        rows = counts.rows
        # per stored entry: d log d - d log c, and row sums of it and of d
        entry_d = d[counts.indices]
        own = np.bincount(
            rows,
            weights=entry_d * np.log(entry_d) - entry_d * np.log(counts.data),
            minlength=counts.shape[0],
        )
        own_mass = np.bincount(rows, weights=entry_d, minlength=counts.shape[0])
        term_of = {word: term for term, word in enumerate(vocabulary)}

        summary: Counter[str] = Counter()  # raw words of the summary, as sumy keeps them

        def choose(remaining: np.ndarray) -> int:
            total = float(summary.total())
            shared = [(w, c) for w, c in summary.items() if doc_freq.get(w)]
            a = sum(doc_freq[w] * np.log(doc_freq[w]) for w, _ in shared)
            b = sum(doc_freq[w] for w, _ in shared)
            log_s = sum(doc_freq[w] * np.log(c) for w, c in shared)
            correction = np.zeros(counts.shape[0])
            own_in_summary = np.zeros(counts.shape[0])
            mass_in_summary = np.zeros(counts.shape[0])
            for word, times in shared:
                term = term_of.get(word)
                if term is None:
                    continue
                start, end = by_column.indptr[term], by_column.indptr[term + 1]
                where = by_column.indices[start:end]
                c = by_column.data[start:end]
                dw = d[term]
                correction[where] += dw * (np.log(c + times) - np.log(times))
                own_in_summary[where] += dw * np.log(dw) - dw * np.log(c)
                mass_in_summary[where] += dw
            size_log = np.log(np.maximum(lengths + total, 1e-300))
            kl = (
                a
                - log_s
                - correction
                + b * size_log
                + (own - own_in_summary)
                + (own_mass - mass_in_summary) * size_log
            )
            kl = np.where(lengths + total > 0, kl, 0.0)
            kl[~remaining] = np.inf
            index = int(np.argmin(kl))  # the first of equal best, as in sumy
            summary.update(sentences[index].words)
            return index

        return choose
