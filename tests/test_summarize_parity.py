"""Each fast summarizer picks exactly the sentences stock sumy picks.

Same document model (our sentences), tokenizer, stemmer and stop words; only
the implementation differs. Random has no parity to check.

Stock sumy is slow (KL alone took 43 to 85 s on 50,000 characters of *Pride and
Prejudice*), so by default our summarizers are checked against stock sumy's
choices stored in tests/data/summarize_golden.json, written by
``python bench/summarize.py --golden``. The tests marked ``slow`` run stock
sumy live, and check that the stored choices are still its choices.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from aleppo_cli.analysis.summarize import bridge
from aleppo_cli.analysis.summarize import summarizers as fast
from aleppo_cli.analysis.summarize.summary import make_summarizer
from aleppo_cli.text.document import build
from aleppo_cli.text.sources import load
from tests.conftest import read_book

GOLDEN = json.loads((Path(__file__).parent / "data" / "summarize_golden.json").read_text("utf-8"))
REGENERATE = "run python bench/summarize.py --golden"
STOCK = {
    "lex-rank": LexRankSummarizer,
    "text-rank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "sum-basic": SumBasicSummarizer,
    "kl": KLSummarizer,
    "reduction": ReductionSummarizer,
}
WITH_STOCK = sorted(STOCK)

# (stemmer, algorithm, count): the cases checked, as bench/summarize.py's GOLDEN_CASES
ON_THE_REVIEW = [
    *(("snowball", name, count) for name in WITH_STOCK for count in (3, 10, "20%")),
    *(("none", "reduction", count) for count in (3, 25)),
]
ON_PRIDE_50K = [
    *(("snowball", name, count) for name in WITH_STOCK for count in (3, 25)),
    *(("none", "reduction", count) for count in (3, 25)),
]
# live: stock KL on P&P only once (its time does not depend on the count)
ON_PRIDE_50K_LIVE = [case for case in ON_PRIDE_50K if case[1:] != ("kl", 25)]


@cache
def sumy_text(name: str) -> bridge.SumyText:
    """A text of the golden data as sumy's model; skips if the shared corpus is absent."""
    if name == "review":
        source = load(None)
        return bridge.to_sumy(build(source.text), source.title)
    assert name == "pride-50k"
    return bridge.to_sumy(build(read_book("pride_and_prejudice.txt")[:50_000]))


def fingerprint(text: bridge.SumyText) -> str:
    """sha256 of a model's headings and numbered sentences (as in bench/summarize.py)."""
    lines = [f"# {heading}" for heading in text.model.headings]
    lines += [f"{text.ours[id(s)].number} {s}" for s in text.model.sentences]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def golden(name: str, stemmer: str, algorithm: str, count: int | str) -> list[int]:
    """Stock sumy's choice, as stored, for the text ``name`` as it is now."""
    assert fingerprint(sumy_text(name)) == GOLDEN["texts"][name]["sha256"], (
        f"the model of '{name}' is not the one the golden data was made from: {REGENERATE}"
    )
    numbers: list[int] = GOLDEN["chosen"][name][stemmer][algorithm][str(count)]
    return numbers


def numbers(text: bridge.SumyText, chosen: Any) -> list[int]:
    return [sentence.number for sentence in text.to_ours(chosen)]


def ours(name: str, stemmer: str, algorithm: str, count: int | str) -> list[int]:
    text = sumy_text(name)
    return numbers(text, make_summarizer(algorithm, stemmer)(text.model, count))


def stock(algorithm: str, stemmer: str = "snowball") -> Any:
    """Stock sumy's summarizer, configured as ours (as in bench/summarize.py)."""
    configured = make_summarizer(algorithm, stemmer)
    stemmed = stemmer == "snowball"
    summarizer = STOCK[algorithm](bridge.stemmer()) if stemmed else STOCK[algorithm]()
    if algorithm == "edmundson":
        summarizer.null_words = bridge.stop_words()
        summarizer._bonus_words = configured._bonus_words
        summarizer._stigma_words = configured._stigma_words
    else:
        summarizer.stop_words = bridge.stop_words()
    return summarizer


def assert_lsa_differs_only_where_ranks_tie(stock_numbers: list[int]) -> None:
    """At 20% of P&P the cut-off falls among sentences of equal rank.

    sumy's SVD gives those ranks tiny, arbitrary differences; the exact
    column lengths make them equal, and the tie goes to document order. Every
    sentence chosen by one and not the other must have exactly the rank at
    the cut-off.
    """
    text = sumy_text("pride-50k")
    model = text.model
    fast_numbers = set(ours("pride-50k", "snowball", "lsa", "20%"))
    summarizer = make_summarizer("lsa", "snowball")
    dictionary = summarizer._create_dictionary(model)
    tokens = fast.Tokens(model.sentences)
    ids = np.asarray([dictionary.get(summarizer.stem_word(w), -1) for w in tokens.words])
    ranks = fast.FastLsa._column_lengths(tokens.matrix(ids, len(dictionary)), len(dictionary))
    rank_of = {text.ours[id(s)].number: r for s, r in zip(model.sentences, ranks, strict=True)}
    cut_off = min(rank_of[i] for i in fast_numbers)
    differing = set(stock_numbers) ^ fast_numbers
    assert all(np.isclose(rank_of[i], cut_off, rtol=1e-9) for i in differing)
    assert len(differing) < len(fast_numbers) // 5


# --- against the golden data ---------------------------------------------------


@pytest.mark.parametrize(("stemmer", "algorithm", "count"), ON_THE_REVIEW)
def test_same_choice_as_stock_on_the_review(stemmer: str, algorithm: str, count: Any) -> None:
    assert ours("review", stemmer, algorithm, count) == golden("review", stemmer, algorithm, count)


@pytest.mark.parametrize(("stemmer", "algorithm", "count"), ON_PRIDE_50K)
def test_same_choice_as_stock_on_pride_and_prejudice_50k(
    stemmer: str, algorithm: str, count: Any
) -> None:
    assert ours("pride-50k", stemmer, algorithm, count) == golden(
        "pride-50k", stemmer, algorithm, count
    )


def test_lsa_differs_from_stock_only_where_ranks_tie() -> None:
    assert_lsa_differs_only_where_ranks_tie(golden("pride-50k", "snowball", "lsa", "20%"))


# --- stock sumy, live ---------------------------------------------------------------


def same_as_stock_live(name: str, stemmer: str, algorithm: str, count: Any) -> None:
    text = sumy_text(name)
    expected = numbers(text, stock(algorithm, stemmer)(text.model, count))
    assert ours(name, stemmer, algorithm, count) == expected
    assert golden(name, stemmer, algorithm, count) == expected, (
        f"golden data out of date: {REGENERATE}"
    )


@pytest.mark.slow
@pytest.mark.parametrize(("stemmer", "algorithm", "count"), ON_THE_REVIEW)
def test_live_parity_on_the_review(stemmer: str, algorithm: str, count: Any) -> None:
    same_as_stock_live("review", stemmer, algorithm, count)


@pytest.mark.slow
@pytest.mark.parametrize(("stemmer", "algorithm", "count"), ON_PRIDE_50K_LIVE)
def test_live_parity_on_pride_and_prejudice_50k(stemmer: str, algorithm: str, count: Any) -> None:
    same_as_stock_live("pride-50k", stemmer, algorithm, count)


@pytest.mark.slow
def test_live_lsa_differs_only_where_ranks_tie() -> None:
    text = sumy_text("pride-50k")
    assert_lsa_differs_only_where_ranks_tie(numbers(text, stock("lsa")(text.model, "20%")))


@pytest.mark.parametrize("name", ["review", "pride-50k"])
def test_text_rank_rates_the_same_with_a_graph_of_ranks(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a long text's graph holds ranks and works the weights out as it goes
    # (COMPACT_FROM); the ratings must be the very same numbers
    model = sumy_text(name).model
    weights = make_summarizer("text-rank").rate_sentences(model)
    monkeypatch.setattr(fast, "COMPACT_FROM", 0)
    ranks = make_summarizer("text-rank").rate_sentences(model)
    assert list(ranks.values()) == list(weights.values())
