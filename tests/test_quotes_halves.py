"""The quotation steps shared with a second process (``halves``) give what
one process gives, and the parent does a child's work when the child fails."""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Sequence
from dataclasses import replace

import pytest

from aleppo_cli.analysis.quotes import (
    halves,
    news,
    people,
    quotations,
    ranker,
    speakers,
    stretches,
)
from aleppo_cli.analysis.quotes.model import NARRATOR, Quote, Span, Stretch
from aleppo_cli.analysis.quotes.people import People
from aleppo_cli.text.document import Document, build
from tests.conftest import REVIEW, read_book


def test_the_review_forked_gives_the_quotations_of_one_process(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    document = build(REVIEW.read_text(encoding="utf-8"))
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = quotations.find(document)
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(halves, "LONG_TEXT", 0)
    monkeypatch.setattr(halves, "MANY_STRETCHES", 0)
    shared = quotations.find(document)
    # lower-case words; the later half's names (then where the quotes stand);
    # the later part's attributions and speakers, in one child
    assert len(forks) == 3
    assert len(alone) > 10
    assert shared == alone


def test_a_text_below_the_thresholds_never_forks(forks: list[int]) -> None:
    quotations.find(build(REVIEW.read_text(encoding="utf-8")))
    assert forks == []


def test_a_child_that_fails_leaves_its_work_to_the_parent() -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return 42

    pending = halves.background(work, fork=True)
    assert pending.forked  # a child was started
    assert pending.result() == 42


def test_a_childs_result_comes_back_whole() -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    parent = os.getpid()
    big = [str(number) * 3 for number in range(100_000)]  # more than a pipe holds

    def work() -> tuple[bool, list[str]]:
        return os.getpid() != parent, big

    in_child, value = halves.background(work, fork=True).result()
    assert in_child
    assert value == big


def test_no_fork_while_another_thread_runs() -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not halves.worth_it(10**6, 0)
    finally:
        stop.set()
        other.join()
    assert halves.worth_it(10**6, 0)


def test_a_child_never_asked_for_is_not_left_behind() -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    pending = halves.background(lambda: list(range(100_000)), fork=True)
    assert pending._child is not None
    child = pending._child._pid
    assert child
    del pending  # the parent failed before asking for it
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped


@pytest.mark.parametrize(("warm_up", "checked"), [(0, 400), (0, 0), (3, 1)])
def test_the_speakers_read_in_two_processes_are_those_of_one(
    monkeypatch: pytest.MonkeyPatch, forks: list[int], warm_up: int, checked: int
) -> None:
    """The child reads the later half from an empty conversation; the parent
    takes its speakers where the two conversations meet, and reads on alone
    where they never do (no states checked)."""
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    document = build(read_book("pride_and_prejudice.txt")[:60_000])  # 205 quotations
    quotes, cast = quotations.quotes_and_people(document)
    text = document.clean.text
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = speakers.assign(text, quotes, cast)
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(halves, "MANY_STRETCHES", 0)
    monkeypatch.setattr(speakers, "WARM_UP", warm_up)
    monkeypatch.setattr(speakers, "CHECKED", checked)
    shared = speakers.assign(text, quotes, cast)
    assert len(forks) == 1
    assert sum(1 for speaker in alone if speaker) > 100
    assert shared == alone


def _walk(
    begin: int,
    end: int,
    talk: speakers.Conversation,
    found: list[str | None],
    ranked: list[ranker.Ranked],
    states: list[speakers.Conversation] | None = None,
) -> speakers.Conversation:
    """A stand-in for ``assign``'s steps whose speakers depend on the
    conversation: every fifth quotation names its speaker, the others are the
    speaker of two turns back."""
    for at in range(begin, end):
        if states is not None:
            states.append(talk)
        turns = talk.turns
        speaker = f"p{at}" if at % 5 == 0 else (turns[-2].speaker if len(turns) > 1 else None)
        found.append(speaker)
        ranked.append(ranker.anchor(at, at, speaker or "-"))
        talk = speakers.Conversation((*turns, speakers.Turn(at, speaker))[-3:])
    return talk


@pytest.mark.parametrize("warm_up", [0, 2, 7])
def test_the_parent_takes_the_childs_speakers_only_where_the_conversations_meet(
    monkeypatch: pytest.MonkeyPatch, warm_up: int
) -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    alone: list[str | None] = []
    alone_ranked: list[ranker.Ranked] = []
    _walk(0, 101, speakers.Conversation(), alone, alone_ranked)
    monkeypatch.setattr(speakers, "WARM_UP", warm_up)
    found: list[str | None] = []
    ranked: list[ranker.Ranked] = []
    speakers._in_halves(_walk, 101, found, ranked)
    assert found == alone
    assert ranked == alone_ranked
    # a child that starts afresh there is wrong at first: the check is needed
    fresh: list[str | None] = []
    _walk(51, 101, speakers.Conversation(), fresh, [])
    assert fresh != alone[51:]


def test_names_found_by_the_layouts_child_give_the_quotations_of_one_process(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    from aleppo_cli.text import beside

    raw = REVIEW.read_text(encoding="utf-8")
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = quotations.find(build(raw))
    monkeypatch.setattr(beside, "LONG_TEXT", 0)
    names = halves.names_beside()
    document = build(raw, beside=names)
    assert names.forked  # the layout's child finds them
    assert quotations.find(document, names) == alone
    assert not names.forked  # taken
    assert len(forks) == 1  # the layout's child, no other


def test_names_found_here_when_no_child_finds_them(forks: list[int]) -> None:
    document = build(REVIEW.read_text(encoding="utf-8"))  # too short to fork
    names = halves.names_beside()
    assert not names.forked
    assert quotations.find(document, names) == quotations.find(document)
    assert forks == []


def test_only_a_long_users_text_asks_its_layouts_child_for_names() -> None:
    from aleppo_cli.analysis.quotes import ready
    from aleppo_cli.text import beside, sources

    assert ready.FORKS_FROM == beside.LONG_TEXT
    bundled = sources.load(None)
    assert ready.names_beside(bundled) is None
    users = sources.load(str(REVIEW))
    assert ready.names_beside(users) is None  # too short
    long = replace(users, text=users.text * (ready.FORKS_FROM // len(users.text) + 1))
    assert ready.names_beside(long) is not None


@functools.cache
def _read_pride() -> tuple[list[Quote], dict[int, speakers.Speech], People]:
    return quotations._quotes_heard_people(build(read_book("pride_and_prejudice.txt")))


@pytest.mark.parametrize("where", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_the_look_ahead_of_a_part_is_that_of_the_whole_text(where: float) -> None:
    quotes, heard, cast = _read_pride()
    whole = speakers._ahead(quotes, heard, cast)
    # a cut inside a dialogue: the quotations on both sides read turns and runs
    cut = next(
        at
        for at in range(int(len(quotes) * where), len(quotes))
        if whole[at - 1].turns and whole[at - 1].run and whole[at].run
    )
    assert speakers._ahead_part(quotes, heard, cast, 0, cut) == whole[:cut]
    assert speakers._ahead_part(quotes, heard, cast, cut, len(quotes)) == whole[cut:]
    begin = max(0, cut - 50)
    assert speakers._ahead_part(quotes, heard, cast, begin, cut) == whole[begin:cut]


def test_steps_after_a_childs_first_come_back_in_turn_from_the_same_child(
    forks: list[int],
) -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    parent = os.getpid()
    second = halves.deferred(lambda: ("second", os.getpid() != parent))
    third = halves.deferred(lambda: ("third", os.getpid() != parent))
    first = halves.background(lambda: ("first", os.getpid() != parent), True, (second, third))
    assert first.forked and second.forked and third.forked
    assert len(forks) == 1
    assert first.result() == ("first", True)
    assert second.result() == ("second", True)
    assert third.result() == ("third", True)
    assert not third.forked  # the child closed with the last


def test_steps_after_a_child_that_fails_are_done_by_the_parent() -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    parent = os.getpid()

    def fails() -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return "first"

    second = halves.deferred(lambda: ("second", os.getpid() != parent))
    first = halves.background(fails, True, (second,))
    assert first.result() == "first"
    assert second.result() == ("second", False)


def test_a_deferred_step_started_alone_runs_in_a_child() -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    parent = os.getpid()
    step = halves.deferred(lambda: os.getpid() != parent)
    assert not step.forked
    step.start()
    assert step.forked
    assert step.result()


def _excerpt() -> tuple[Document, list[Span], Sequence[Stretch]]:
    # chapters with headings, relations ("her father"), a few hundred names
    document = build(read_book("pride_and_prejudice.txt")[:120_000])
    found = stretches.find(document)
    return document, [Span(s.start, s.end) for s in found], found


@pytest.mark.parametrize("fails", [False, True])
def test_the_people_index_read_in_two_processes_is_that_of_one(
    monkeypatch: pytest.MonkeyPatch, forks: list[int], fails: bool
) -> None:
    """The later half of the names (with the headings it reads, the family
    relations and the ``after`` steps) in a child, or in the parent if the
    child fails: the same people, mentions, genders and groups."""
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    document, spans, found = _excerpt()
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = people.index(document, spans)
    placed_alone = quotations._placed(document, found)
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(halves, "LONG_TEXT", 0)
    parent = os.getpid()
    if fails:
        later = people._later

        def failing(*args: object) -> object:
            if os.getpid() != parent:
                raise RuntimeError("the child fails")
            return later(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(people, "_later", failing)
    placed = halves.deferred(lambda: quotations._placed(document, found))
    shared = people.index(document, spans, after=(placed,))
    assert len(forks) == 1  # the later half, the relations and where the quotes stand
    assert len(alone.names) > 300
    assert len(document.sections) > 5
    assert shared == alone
    assert shared.lower_words.names == alone.lower_words.names  # type: ignore[attr-defined]
    assert placed.forked
    assert placed.result() == placed_alone


@pytest.mark.parametrize("step", ["read", "speak", "revise"])
def test_a_novels_child_that_fails_at_a_step_leaves_the_rest_to_the_parent(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """The child that reads and walks the later part (``quotations._Later``)
    fails at one of its steps: the parent does what did not come back."""
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    document = build(read_book("pride_and_prejudice.txt")[:60_000])  # 205 quotations
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = quotations.find(document)
    parent = os.getpid()
    real = getattr(quotations._Later, step)

    def failing(self: quotations._Later) -> object:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return real(self)

    monkeypatch.setattr(quotations._Later, step, failing)
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(halves, "MANY_STRETCHES", 0)
    monkeypatch.setattr(speakers, "WARM_UP", 20)
    monkeypatch.setattr(quotations, "_PARENT_MORE", 0)  # (the child's part starts at quotation 112)
    assert sum(1 for q in alone if q.speaker) > 100
    assert quotations.find(document) == alone


def test_a_parent_whose_own_reading_fails_leaves_no_pipe_nor_child_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not halves.worth_it(1, 0) or not os.path.isdir("/proc/self/fd"):
        pytest.skip("no fork or no /proc here")
    document = build(read_book("pride_and_prejudice.txt")[:60_000])
    monkeypatch.setattr(halves, "MANY_STRETCHES", 0)
    parent = os.getpid()
    real = quotations._read

    def failing(*args: object) -> object:
        if os.getpid() == parent:
            raise RuntimeError("the parent fails")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(quotations, "_read", failing)
    before = set(os.listdir("/proc/self/fd"))
    with pytest.raises(RuntimeError, match="the parent fails"):
        quotations.find(document)
    assert set(os.listdir("/proc/self/fd")) <= before


def test_the_parent_takes_a_decoded_run_only_if_it_is_wholly_the_childs() -> None:
    def turn(at: int, *names: str) -> ranker.Ranked:
        return ranker.Ranked(at, at, True, [(name, 1.0) for name in names])

    ranked = [turn(0, "A"), turn(1, "B"), turn(3, "A"), turn(4, "B"), turn(5, "A")]
    own: list[str | None] = [None] * 6
    speakers.decode(ranked, own)
    assert own == ["A", "B", None, "A", "B", "A"]
    # the child's runs (made up here to tell them apart): taken only from quotation 3 on
    decoded: dict[tuple[int, int], list[str | None]] = {(0, 1): ["x", "y"], (3, 5): ["p", "q", "r"]}
    found: list[str | None] = [None] * 6
    speakers.decode(ranked, found, decoded, after=3)
    assert found == ["A", "B", None, "p", "q", "r"]
    found = [None] * 6
    speakers.decode(ranked, found, decoded, after=4)  # the run from 3 is not wholly the child's
    assert found == own
    found = [None] * 6
    speakers.decode(ranked, found, {(4, 5): ["p", "q"]}, after=3)  # not a run of these entries
    assert found == own


def test_a_novels_later_part_read_and_walked_by_one_child_gives_one_process(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    """``quotations._in_two``: the child's reads, speakers and decoded runs
    are taken (the conversations meet) and the quotations are those of one process."""
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    document = build(read_book("pride_and_prejudice.txt")[:60_000])  # 205 quotations
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = quotations.find(document)
    met: list[int] = []
    real = speakers.take_over

    def spy(*args: object) -> int:
        at = real(*args)  # type: ignore[arg-type]
        met.append(at)
        return at

    monkeypatch.setattr(speakers, "take_over", spy)
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(halves, "MANY_STRETCHES", 0)
    monkeypatch.setattr(speakers, "WARM_UP", 20)
    monkeypatch.setattr(quotations, "_PARENT_MORE", 0)
    assert quotations.find(document) == alone
    assert len(met) == 1 and 112 <= met[0] < len(alone)  # the child's walk was taken
    assert len(forks) == 2  # where the quotes stand; the later part


@functools.cache
def _news_read() -> tuple[object, list[Quote], People, tuple[str | None, ...]]:
    """The BBC articles of the quotations corpus as one text: its document,
    quotes, people and speakers before journalism's passes."""
    from tests.conftest import shared_path

    folder = shared_path("corpus", "bbc-quotes")
    texts = []
    for name in sorted(folder.glob("*.json")):
        article = (folder / json.loads(name.read_text(encoding="utf-8"))["text_file"]).resolve()
        texts.append(article.read_text(encoding="utf-8"))
    document = build("\n\n".join(texts))
    quotes, heard, cast = quotations._quotes_heard_people(document)
    return document, quotes, cast, speakers.assign(document.clean.text, quotes, cast, heard=heard)


@pytest.mark.parametrize("start", [0, 40, 150])
def test_news_revised_later_by_a_second_process_is_revised_as_one(
    monkeypatch: pytest.MonkeyPatch, start: int
) -> None:
    """A revision of the quotations from ``start`` on (``news.revise_later``,
    run here) is taken where its window checks out, and gives the speakers of
    one revision; with its checks spoilt, or from other speakers, it is not."""
    document, quotes, cast, said = _news_read()
    assert isinstance(document, type(build("x")))
    whole = news.revise(document, quotes, said, cast)
    assert sum(1 for a, b in zip(whole, said, strict=True) if a != b) > 10  # the passes act
    later = news.revise_later(document, quotes[start:], said[start:], cast, start)
    assert later is not None
    assert news.revise_with(document, quotes, said, cast, lambda: later, start) == whole
    split, window, revised, checked, last = later
    spoilt: list[tuple[str | None, ...]] = [("x",) * len(check) for check in checked]
    spoilt_later = (split, window, revised, spoilt, last)
    assert news.revise_with(document, quotes, said, cast, lambda: spoilt_later, start) is None
    other = [*revised[:-1], "x"]  # its speakers were not these
    assert (
        news.revise_with(
            document, quotes, said, cast, lambda: (*later[:2], other, *later[3:]), start
        )
        is None
    )
    # this process needs the quotations up to the split only
    assert (
        news.revise_with(document, quotes[: split + 1], said, cast, lambda: later, start) == whole
    )


@pytest.mark.parametrize("failure", ["read", "fork"])
def test_a_narrator_heard_only_after_the_cut_is_heard_when_the_child_sends_nothing(
    monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """The whole text's narrator (the ranker's candidate "I") is known to the
    parent even when it reads the later part itself: the child failed at its
    first step, or there was no child at all."""
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    told = "".join(
        f'"I shall go to the town tomorrow, number {at}," I said to Elizabeth.\n\n'
        '"Then go," said she.\n\nShe looked away, and we walked on in silence.\n\n'
        '"Very well," said he at last.\n\n'
        for at in range(30)
    )
    document = build(read_book("pride_and_prejudice.txt")[:60_000] + "\n\n" + told)
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = quotations.find(document)
    assert sum(1 for q in alone if q.speaker == NARRATOR) >= 30
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(halves, "MANY_STRETCHES", 0)
    monkeypatch.setattr(speakers, "WARM_UP", 20)
    monkeypatch.setattr(quotations, "_PARENT_MORE", 0)
    if failure == "fork":

        def no_fork() -> int:
            raise OSError(11, "no process to be had")

        monkeypatch.setattr(os, "fork", no_fork)
    else:
        parent = os.getpid()
        real = quotations._Later.read

        def failing(self: quotations._Later) -> object:
            if os.getpid() != parent:
                raise RuntimeError("the child fails")
            return real(self)

        monkeypatch.setattr(quotations._Later, "read", failing)
    assert quotations.find(document) == alone
