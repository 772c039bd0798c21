"""Blend: our own summarizer, a learned mix of what makes a sentence telling.

A sentence is rated by a logistic model over a few features of it, each
measured within its own text (so that a text's length or style does not
shift them):

* two centralities, from one pass over the sentence similarity graph (which
  is never kept: ``csr.gram_row_sums``): reduction's (the content words a
  sentence shares with each other sentence, over the sum of the logs of
  their lengths) and the sum of its cosine similarities with every other
  sentence; each as a share of the text's highest and as a rank;
* its length in words (log, and rank), its place in the text (a share of
  the way through, and whether it is the first), whether it holds a
  quotation mark or a digit;
* the product of every two of those ten (squares included): the model is
  quadratic in them, so that, say, length can weigh differently for a
  central sentence than for one on the margin.

Content words are lower-cased words, as they are (or stemmed, if asked),
without the function words of ``FUNCTION_WORDS`` (articles, pronouns,
auxiliaries, prepositions, conjunctions): a short list, not sumy's 580 stop
words, which also drop words that carry content (``said``, ``new``,
``year``-like ones: ``first``, ``two``, ``last``...). On the BBC articles the
short list recovers 0.86 of the reference sentences held out, sumy's 0.80
(README, Summaries). The weights are in ``blend_weights.py``,
written by ``bench/train_blend.py`` from the BBC development articles
(logistic regression by Newton's method: no randomness); the held-out
figures are in the README.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer

from aleppo_cli.analysis.summarize import blend_weights
from aleppo_cli.analysis.summarize.csr import Csr, gram_row_sums
from aleppo_cli.analysis.summarize.summarizers import Tokens, _log_lengths, content_stems, paused

# English function words: NLTK's stop-word list without its forms with an
# apostrophe (typed in: no NLTK data is read), the pieces of contractions
# ("s", "t", "ll"...) included.
FUNCTION_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him
    his himself she her hers herself it its itself they them their theirs
    themselves what which who whom this that these those am is are was were be
    been being have has had having do does did doing a an the and but if or
    because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under
    again further then once here there when where why how all any both each few
    more most other some such no nor not only own same so than too very s t can
    will just don should now d ll m o re ve y ain aren couldn didn doesn hadn
    hasn haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn
    """.split()
)

MEASURES = (
    "reduction centrality / highest",
    "reduction centrality rank / n",
    "cosine centrality / highest",
    "cosine centrality rank / n",
    "log(1 + words)",
    "length rank / n",
    "place / n",
    "first sentence",
    "quotation mark",
    "digit",
)
# every pair of measures, squares included, in the order of _products
PAIRS = tuple((i, j) for i in range(len(MEASURES)) for j in range(i, len(MEASURES)))
FEATURES = (
    *MEASURES,
    "constant",
    *(f"{MEASURES[i]} x {MEASURES[j]}" for i, j in PAIRS),
)
_QUOTE = re.compile(r"[\"“”]")
_DIGIT = re.compile(r"\d")


def _share(values: np.ndarray) -> np.ndarray:
    top = float(np.max(np.abs(values))) if len(values) else 0.0
    result: np.ndarray = values / top if top > 0 else values
    return result


def _rank(values: np.ndarray) -> np.ndarray:
    """0 for the highest, 1 for the lowest (ties in text order)."""
    n = len(values)
    ranks = np.empty(n)
    ranks[np.argsort(-values, kind="stable")] = np.arange(n)
    result: np.ndarray = ranks / max(1, n - 1)
    return result


# A word in more than COMMON_SHARE of the sentences of a long text, and in
# more than COMMON_FROM of them, is left out of the centralities (as a
# vectorizer's max_df does): it links nearly every sentence to every other,
# so it says little about which are central, and its pairs would be most of
# the work (on War and Peace, 37 words such as "said" and "prince" would make
# 34 million of the graph's products; without them, 15 million). No BBC
# article has a word in more than 50 of its sentences.
COMMON_SHARE = 0.02
COMMON_FROM = 50


def without_common(counts: Csr) -> Csr:
    """``counts`` without the columns of words in too many sentences."""
    found = counts.column_counts()
    keep = found[counts.indices] <= max(COMMON_FROM, COMMON_SHARE * counts.shape[0])
    if keep.all():
        return counts
    return Csr._from_sorted(
        counts.rows[keep], counts.indices[keep], counts.data[keep], counts.shape
    )


def centralities(summarizer: Any, sentences: Sequence[Any]) -> np.ndarray:
    """Reduction's and the cosine centrality of each sentence (2 x n)."""
    counts = without_common(content_stems(summarizer, Tokens(sentences)))
    logs = _log_lengths(counts.row_sums())
    norms = np.sqrt(np.bincount(counts.rows, weights=counts.data**2, minlength=counts.shape[0]))

    def edge(dot: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        off = rows != columns
        with np.errstate(divide="ignore", invalid="ignore"):
            length = logs[rows] + logs[columns]
            reduction = np.where(off & (length != 0), dot / length, 0.0)
            both = norms[rows] * norms[columns]
            cosine = np.where(off & (both > 0), dot / both, 0.0)
        return np.stack([reduction, cosine])

    result: np.ndarray = gram_row_sums(counts, edge, values=2)
    return result


def features(summarizer: Any, sentences: Sequence[Any]) -> np.ndarray:
    """The features (``FEATURES``) of every sentence, a row each."""
    n = len(sentences)
    reduction, cosine = centralities(summarizer, sentences)
    texts = [str(sentence) for sentence in sentences]
    words = np.asarray([len(sentence.words) for sentence in sentences], dtype=float)
    place = np.arange(n, dtype=float)
    columns = [
        _share(reduction),
        _rank(reduction),
        _share(cosine),
        _rank(cosine),
        np.log1p(words),
        _rank(words),
        place / max(1, n - 1),
        (place == 0).astype(float),
        np.asarray([bool(_QUOTE.search(text)) for text in texts], dtype=float),
        np.asarray([bool(_DIGIT.search(text)) for text in texts], dtype=float),
    ]
    columns.append(np.ones(n))
    columns.extend(columns[i] * columns[j] for i, j in PAIRS)
    return np.stack(columns, axis=1)


@paused
class Blend(AbstractSummarizer):  # type: ignore[misc]
    """Sentences rated by ``features`` times the learned weights."""

    stop_words: frozenset[str] = FUNCTION_WORDS
    #: the weights used: the shipped ones unless set (bench/quality.py sets a
    #: fold's own, trained without the topic it is scored on)
    weights: Sequence[float] | None = None

    def __call__(self, document: Any, sentences_count: Any) -> tuple[Any, ...]:
        sentences = document.sentences
        if not sentences:
            return ()
        weights = np.asarray(self.weights if self.weights is not None else blend_weights.WEIGHTS)
        rated = features(self, sentences) @ weights
        ratings = dict(zip(sentences, rated.tolist(), strict=True))
        return tuple(self._get_best_sentences(sentences, sentences_count, ratings))
