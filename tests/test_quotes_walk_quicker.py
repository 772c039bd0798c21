"""The walk's quicker steps give what the plain ones gave: the turns of the
last paragraphs read back from the latest with a stop, a mention's count from
one count of its window, and decode's sum where SAME_AS_LAST is 0.0. Each is
checked on every quotation the ranker ranks in the first chapters of two
novels of the shared corpus (skipped without it), against the plain code."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

import pytest

from aleppo_cli.analysis.quotes import halves, quotations, ranker, speakers
from aleppo_cli.text.document import build
from tests.conftest import read_book

_WALKED: dict[str, tuple[list[tuple[Any, ...]], list[ranker.Ranked]]] = {}


def _walked(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[Any, ...]], list[ranker.Ranked]]:
    """Each ``candidates`` call of the walk of the first chapters of the
    shared corpus's ``source`` (its arguments and what it gave), and the
    entries the walk ranked (one walk a book for the tests of this module)."""
    if source not in _WALKED:
        with monkeypatch.context() as patched:
            _WALKED[source] = _walk(read_book(source)[:300_000], patched)
    return _WALKED[source]


def _walk(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[Any, ...]], list[ranker.Ranked]]:
    monkeypatch.setattr(halves, "ENABLED", False)
    document = build(text)
    quotes, heard, people = quotations._quotes_heard_people(document)
    calls: list[tuple[Any, ...]] = []
    plain = ranker.candidates

    def recorded(*arguments: Any) -> list[ranker.Candidate]:
        found = plain(*arguments)
        calls.append((*arguments, found))
        return found

    monkeypatch.setattr(ranker, "candidates", recorded)
    walker = speakers.Walker(
        document.clean.text, quotes, heard, people, ranker.shipped(), False, False
    )
    walker.prepare(0, len(quotes))
    ranked: list[ranker.Ranked] = []
    walker.walk(0, len(quotes), speakers.Conversation(), [], ranked)
    assert len(calls) > 20
    return calls, ranked


SOURCES = ["pride_and_prejudice.txt", "war_and_peace.txt"]


@pytest.mark.parametrize("source", SOURCES)
def test_the_turns_read_back_with_a_stop_are_the_filtered_ones(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, _ = _walked(source, monkeypatch)
    for speech, talk, *_ in calls:
        number = speech.paragraph
        turns = talk.turns
        assert speakers._same_paragraph(speech, talk) == [
            t.speaker for t in turns if t.paragraph == number and t.speaker
        ]
        assert speakers._dialogue(speech, talk) == [
            t.speaker
            for t in turns
            if 1 <= number - t.paragraph <= speakers.DIALOGUE_REACH and t.speaker
        ]
        assert speakers._turns(speech, talk) == [
            t for t in turns if number - t.paragraph <= speakers.TURNS_REACH
        ]


@pytest.mark.parametrize("source", SOURCES)
def test_the_mentions_before_are_ranked_and_counted_as_one_by_one(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plain loop: the nearest MENTIONS_KEPT people named before it within
    MENTION_REACH, nearest first, each counted from its nearest mention on,
    and those named further back there counted only if candidates already."""
    calls, _ = _walked(source, monkeypatch)
    counted = further = 0
    for speech, _talk, people, _facts, _rule, _answer, _ahead, found in calls:
        start = speech.stretch.start
        positions, names = people.positions, people.names
        index = bisect_left(positions, start) - 1
        kept: list[str] = []
        counts: dict[str, int] = {}  # every name's mentions in the window
        while index >= 0 and start - positions[index] <= ranker.MENTION_REACH:
            name = names[index]
            index -= 1
            if not name:
                continue
            if name not in counts and len(kept) < ranker.MENTIONS_KEPT:
                kept.append(name)
            counts[name] = counts.get(name, 0) + 1
        for candidate in found:
            name, active = candidate.name, candidate.features
            ranks = [f for f in active if f in ranker._BEFORE]
            assert ranks == ([ranker._BEFORE[kept.index(name)]] if name in kept else [])
            counts_given = [f for f in active if f in ranker._COUNT]
            if name in kept:
                counted += 1
            if name in kept or counts_given:  # (further back: only a candidate already)
                further += name not in kept
                assert name in counts
                assert counts_given == [
                    ranker._COUNT[bisect_right(ranker._COUNT_BINS, counts[name])]
                ]
    assert counted > 20
    assert further > 0  # (candidates named beyond the nearest MENTIONS_KEPT people)


def _plain_decode_run(
    run: Sequence[ranker.Ranked], same: float, two_back: float
) -> list[str | None]:
    """``ranker.decode_run`` as it was: each step's score added up one by one."""
    beam: list[tuple[float, Any]] = [(0.0, None)]
    for entry in run:
        grown: list[tuple[float, Any]] = []
        for total, step in beam:
            if step is None:
                last = before = None
            else:
                last, back = step
                before = back[0] if back is not None else None
            for name, score in entry.choices:
                if name == last:
                    score += same
                if name == before:
                    score += two_back
                grown.append((total + score, (name, step)))
        if not grown:
            grown = [(total, (None, step)) for total, step in beam]
        grown.sort(key=itemgetter(0), reverse=True)
        beam = grown[: ranker.BEAM]
    step = beam[0][1]
    names: list[str | None] = []
    for _ in run:
        chosen, step = step
        names.append(chosen)
    names.reverse()
    return names


@pytest.mark.parametrize("source", SOURCES)
def test_decode_sums_each_step_as_one_by_one(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _, ranked = _walked(source, monkeypatch)
    runs = [run for run in ranker.runs(ranked) if len(run) >= 2]
    assert runs
    for run in runs:
        for same, two_back in ((0.0, ranker.SAME_AS_TWO_BACK), (0.0, 0.0), (0.5, 1.0)):
            assert ranker.decode_run(run, same, two_back) == _plain_decode_run(run, same, two_back)
