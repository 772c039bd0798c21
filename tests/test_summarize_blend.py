"""Blend, our own summarizer: its features against dense numpy, its weights,
and that it rates by them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aleppo_cli.analysis.summarize import blend, blend_weights, bridge
from aleppo_cli.analysis.summarize import summary as summarize
from tests.builders import document_of

PARAGRAPHS = (
    ["Headline About Markets"],
    ["The market rose today on strong trading in London.", "Prices rose 5% by noon."],
    ['"The market is strong," said a trader.', "Traders watched the market all day."],
    ["Nobody knew why.", "The market, the traders and the prices all rose together."],
    ["Cats sleep."],
)


def model() -> tuple[object, list[object]]:
    text = bridge.to_sumy(document_of(*PARAGRAPHS))
    summarizer = summarize.make_summarizer("blend")
    return summarizer, list(text.model.sentences)


def test_centralities_match_a_dense_computation() -> None:
    summarizer, sentences = model()
    stop = blend.FUNCTION_WORDS  # blend's own short list, not sumy's stop words
    assert summarizer.stop_words == stop  # type: ignore[attr-defined]
    words = [[w.lower() for w in s.words if w.lower() not in stop] for s in sentences]  # type: ignore[attr-defined]
    vocabulary = sorted({w for ws in words for w in ws})
    counts = np.array([[ws.count(v) for v in vocabulary] for ws in words], dtype=float)
    dot = counts @ counts.T
    logs = np.log(np.maximum(counts.sum(axis=1), 1))
    length = logs[:, None] + logs[None, :]
    reduction = np.where(length != 0, dot / np.where(length != 0, length, 1), 0.0)
    norms = np.linalg.norm(counts, axis=1)
    both = np.outer(norms, norms)
    cosine = np.where(both > 0, dot / np.where(both > 0, both, 1), 0.0)
    for matrix in (reduction, cosine):
        np.fill_diagonal(matrix, 0.0)
    found = blend.centralities(summarizer, sentences)
    assert np.allclose(found[0], reduction.sum(axis=1))
    assert np.allclose(found[1], cosine.sum(axis=1))
    assert found[1][-1] == 0  # "Cats sleep." shares no word


def test_blend_counts_words_that_sumy_drops() -> None:
    stop = bridge.stop_words()
    assert len(blend.FUNCTION_WORDS) == 153 and len(stop) == 580
    assert {"the", "of", "and", "she", "was"} <= blend.FUNCTION_WORDS & stop
    assert {"said", "new", "first", "would"} <= stop - blend.FUNCTION_WORDS


def test_features_are_measured_within_the_text() -> None:
    summarizer, sentences = model()
    rows = blend.features(summarizer, sentences)
    assert rows.shape == (len(sentences), len(blend.FEATURES))
    column = dict(zip(blend.FEATURES, rows.T, strict=True))
    assert column["place / n"][0] == 0 and column["place / n"][-1] == 1
    assert column["first sentence"].tolist() == [1] + [0] * (len(sentences) - 1)
    assert column["quotation mark"].tolist() == [0, 0, 1, 0, 0, 0, 0]
    assert column["digit"].tolist() == [0, 1, 0, 0, 0, 0, 0]
    for name in ("reduction centrality", "cosine centrality"):
        assert column[f"{name} / highest"].max() == 1
        ranks = column[f"{name} rank / n"]
        assert sorted(ranks.tolist()) == [k / (len(sentences) - 1) for k in range(len(sentences))]
        # the highest rated is ranked first
        assert ranks[np.argmax(column[f"{name} / highest"])] == 0


def test_the_weights_fit_the_features_and_are_small() -> None:
    assert len(blend_weights.WEIGHTS) == len(blend.FEATURES)
    assert all(len(weights) == len(blend.FEATURES) for weights in blend_weights.FOLDS.values())
    assert any(weight != 0 for weight in blend_weights.WEIGHTS)
    assert Path(blend_weights.__file__).stat().st_size < 1 << 20  # under 1 MB


@pytest.mark.parametrize("feature", ["first sentence", "digit", "quotation mark"])
def test_blend_rates_by_its_weights(feature: str) -> None:
    document = document_of(*PARAGRAPHS)
    weights = [1.0 if name == feature else 0.0 for name in blend.FEATURES]
    try:
        blend.Blend.weights = weights
        chosen = summarize.summarize(document, "blend", 1).sentences
    finally:
        blend.Blend.weights = None
    summarizer, sentences = model()
    column = blend.features(summarizer, sentences)[:, blend.FEATURES.index(feature)]
    assert [s.text for s in chosen] == [str(sentences[int(np.argmax(column))])]


def test_words_in_too_many_sentences_of_a_long_text_are_left_out() -> None:
    from aleppo_cli.analysis.summarize.csr import Csr

    n = 4000  # column 0 in every sentence, 1 in 60 of them, 2 in 8
    rows = np.concatenate([np.arange(n), np.arange(60), np.arange(8)])
    columns = np.concatenate([np.zeros(n), np.ones(60), np.full(8, 2)]).astype(int)
    order = np.lexsort((columns, rows))
    counts = Csr.count(rows[order], columns[order], (n, 3))
    kept = blend.without_common(counts)
    assert kept.column_counts().tolist() == [0, 60, 8]  # 60 > 50 but under 2% of 4000: kept
    assert kept.row_sums().tolist() == [2.0] * 8 + [1.0] * 52 + [0.0] * (n - 60)
    short = Csr.count(np.arange(40), np.zeros(40, dtype=int), (40, 1))
    assert blend.without_common(short) is short  # in at most 50 sentences: kept
    fewer = Csr.count(np.arange(60), np.zeros(60, dtype=int), (400, 1))
    assert blend.without_common(fewer).nnz == 0  # in 60 of 400: more than 50 and 2%
