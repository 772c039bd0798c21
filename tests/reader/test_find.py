"""Search as you type finds what `aleppo search` finds, with the same folding."""

from __future__ import annotations

import pytest

from aleppo_cli.analysis.search import Query, Searcher
from aleppo_cli.errors import UsageError
from aleppo_cli.reader.find import Finder
from aleppo_cli.text.document import Document, build
from tests.conftest import read_book
from tests.reader.conftest import review

QUERIES = [
    "the",
    "e",
    "THIS IS OUR DESTINY.",
    "this is our destiny",
    "verite",
    "we're",
    "aa",
    "ana",
    "o o",
    "K\\w+d\\b",
    "(a|aa)+$",
    "[bold]",
    "’s",
]


def same_as_search(document: Document) -> None:
    finder = Finder(document)
    searcher = Searcher(document)
    for query in QUERIES:
        try:
            hits = searcher.search(Query(query))
        except UsageError:
            hits = []
        found = finder.find(query)
        assert found.starts.tolist() == [hit.clean_start for hit in hits], query
        assert found.ends.tolist() == [hit.clean_end for hit in hits], query


def test_the_review() -> None:
    same_as_search(build(review().text))


def test_pride_and_prejudice_start() -> None:
    same_as_search(build(read_book("pride_and_prejudice.txt")[:150_000]))


def test_overlapping_queries_are_left_to_right() -> None:
    document = build("Baaaa aaa. The banana is ananas.")
    finder = Finder(document)
    assert len(finder.find("aa")) == len(Searcher(document).search(Query("aa")))
    assert len(finder.find("ana")) == len(Searcher(document).search(Query("ana")))


@pytest.mark.parametrize("query", ["", "   ", "...", "“”", "—"])
def test_nothing_to_look_for(query: str) -> None:
    found = Finder(build("Some text. More text.")).find(query)
    assert len(found) == 0
    assert bool(found.problem) == bool(query.strip())


def test_next_and_previous_around_the_text() -> None:
    found = Finder(build("One cat. Two cats. Three cats.")).find("cat")
    assert len(found) == 3
    assert found.next_from(0, forward=True) == 0
    assert found.next_from(10, forward=True) == 1
    assert found.next_from(10_000, forward=True) == 0  # around
    assert found.next_from(0, forward=False) == 2  # around
    assert found.next_from(10, forward=False) == 0
    assert list(found.within(0, 8)) == [0]


def test_folding_a_chunk_at_a_time_is_folding_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from aleppo_cli.analysis.search import Folded
    from aleppo_cli.reader import find

    text = build(review().text).clean.text + " ’tis e\u0301 naïve—“quoted” it's 42 "
    monkeypatch.setattr(find, "CHUNK", 37)
    index = find.fold_index(text)
    whole = Folded(text)
    assert index.codes.tobytes().decode("utf-32-le") == whole.text
    assert index.positions.tolist() == list(whole.positions)
