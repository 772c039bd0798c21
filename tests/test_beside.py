"""A long text laid out with a second process (``text/beside.py``) gives the
document of one process, a command's work done there (a search's folded
matches) gives what it gives here, and the parent does whatever a child
fails to send."""

from __future__ import annotations

import os
import select
import threading
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aleppo_cli.analysis import search
from aleppo_cli.text import beside, document, segmenter
from aleppo_cli.text.cleanup import clean
from tests.conftest import REVIEW

needs_fork = pytest.mark.skipif(not beside.worth_it(beside.LONG_TEXT), reason="no fork here")


@given(
    st.text(alphabet="ab .\n", max_size=60),
    st.floats(min_value=0, max_value=1),
)
def test_the_paragraphs_of_two_shares_are_those_of_the_whole(text: str, share: float) -> None:
    later = document._later_start(text, share)
    assert 0 <= later <= len(text)
    first, rest = list(document._blocks(text, 0, later)), list(document._blocks(text, later))
    assert first + rest == list(document._blocks(text))
    assert all(start < later for start, _ in first)
    assert all(start >= later for start, _ in rest)


@given(
    st.text(alphabet="ab A.!?)1 \n•…", max_size=80),
    st.floats(min_value=0, max_value=1),
)
def test_the_sentences_of_two_shares_are_those_of_the_whole(text: str, share: float) -> None:
    blocks = list(document._blocks(text))
    cut = round(share * len(blocks))
    whole = segmenter.split_blocks(text, blocks)
    assert (
        segmenter.split_blocks(text, blocks[:cut]) + segmenter.split_blocks(text, blocks[cut:])
        == whole
    )


def _review() -> str:
    return clean(REVIEW.read_text(encoding="utf-8")).text


@needs_fork
@pytest.mark.parametrize("share", [document.LATER_SHARE, document.BESIDE_SHARE, 0.9])
def test_a_layout_shared_with_a_child_is_that_of_one_process(
    share: float, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    text = _review()
    monkeypatch.setattr(beside, "ENABLED", False)
    alone = document.layout(text)
    monkeypatch.setattr(beside, "ENABLED", True)
    monkeypatch.setattr(beside, "LONG_TEXT", 0)
    monkeypatch.setattr(document, "LATER_SHARE", share)
    assert document.layout(text) == alone
    assert len(forks) == 1
    assert len(alone) > 5


@needs_fork
def test_a_search_done_beside_the_build_finds_what_the_search_finds(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    raw = REVIEW.read_text(encoding="utf-8")
    query = search.Query("the")
    here = search.run(document.build(raw), query)
    monkeypatch.setattr(beside, "LONG_TEXT", 0)
    work = search.folded_beside(query)
    assert work is not None
    built = document.build(raw, beside=work)
    assert len(forks) == 1
    spans = work.result(built.clean.text)
    assert len(spans) > 10
    assert search.run(built, query, found=(query, spans)) == here


def test_no_work_beside_for_a_query_without_words_or_another_mode() -> None:
    assert search.folded_beside(search.Query("“…”")) is None
    assert search.folded_beside(search.Query("Khaled", search.Mode.EXACT)) is None


def test_a_short_text_never_forks(forks: list[int]) -> None:
    work = search.folded_beside(search.Query("Khaled"))
    assert work is not None
    built = document.build(REVIEW.read_text(encoding="utf-8"), beside=work)
    assert work.result(built.clean.text)  # done here, when asked
    assert forks == []


@needs_fork
def test_what_a_child_fails_to_send_the_parent_computes(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    text = _review()
    alone = document.layout(text)
    parent = os.getpid()
    split = segmenter.split_blocks

    def failing_in_the_child(whole: str, blocks: list[tuple[int, int]]) -> list[segmenter.Spans]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return split(whole, blocks)

    monkeypatch.setattr(segmenter, "split_blocks", failing_in_the_child)
    monkeypatch.setattr(beside, "LONG_TEXT", 0)
    work = beside.Beside(lambda cleaned: len(cleaned))
    assert document.layout(text, work) == alone
    assert work.result(text) == len(text)  # the child never got to it
    assert len(forks) == 1


@needs_fork
@pytest.mark.parametrize("repair", [None, True, False])
@pytest.mark.parametrize("ads", [True, False])
def test_a_build_shared_with_a_child_is_that_of_one_process(
    repair: bool | None, ads: bool, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    raw = REVIEW.read_text(encoding="utf-8")
    if not ads:  # then the child's decision on glued words is the one read
        raw = raw.replace("Advertisement", "")
    monkeypatch.setattr(beside, "ENABLED", False)
    alone = document.build(raw, repair)
    monkeypatch.setattr(beside, "ENABLED", True)
    monkeypatch.setattr(beside, "LONG_TEXT", 0)
    work = search.folded_beside(search.Query("the"))
    assert work is not None
    shared = document.build(raw, repair, work)
    assert shared == alone
    assert work.result(shared.clean.text) == work.work(alone.clean.text)
    assert len(forks) == 1


@needs_fork
def test_the_parent_does_its_own_work_while_the_childs_result_is_not_there() -> None:
    # the child's step waits (up to 10 s) for what only the parent's work meanwhile writes
    read, write = os.pipe()
    try:
        child = beside.Child([lambda: bool(select.select([read], [], [], 10)[0])])
        assert child.forked
        done: list[bool] = []
        child.meanwhile.append(lambda: done.append(os.write(write, b"x") == 1))
        assert child.take() == (True, True)  # the child saw the parent's byte
        assert done == [True]
        assert child.meanwhile == []
        child.close()
    finally:
        os.close(read)
        os.close(write)


@needs_fork
@pytest.mark.parametrize("share", [None, document.LATE_RESULT_SHARE, 0.9])
def test_a_work_beside_the_build_says_the_child_s_share(
    share: float | None, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    """The child lays out the share its work asks for (else BESIDE_SHARE),
    and the document is that of one process."""
    raw = REVIEW.read_text(encoding="utf-8")
    monkeypatch.setattr(beside, "ENABLED", False)
    alone = document.build(raw)
    monkeypatch.setattr(beside, "ENABLED", True)
    monkeypatch.setattr(beside, "LONG_TEXT", 0)
    asked: list[float] = []
    later_start = document._later_start

    def recorded(text: str, given: float) -> int:
        asked.append(given)
        return later_start(text, given)

    monkeypatch.setattr(document, "_later_start", recorded)
    work = beside.Beside(len, share=share)
    shared = document.build(raw, None, work)
    assert shared == alone
    assert work.result(shared.clean.text) == len(alone.clean.text)
    assert set(asked) == {document.BESIDE_SHARE if share is None else share}
    assert len(forks) == 1


def test_another_thread_keeps_forks_off_unless_counted_safe() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        assert not beside.may_fork()
        assert other in beside.unsafe_threads()
        beside.fork_safe(other)
        assert other not in beside.unsafe_threads()
    finally:
        release.set()
        other.join()


def test_the_spinners_threads_do_not_keep_a_long_texts_forks_off() -> None:
    from aleppo_cli.cli.emit import Spinner
    from tests.builders import fake_env

    before = set(threading.enumerate())
    spinner = Spinner(fake_env(stderr_isatty=True, spinner_delay=0.0))
    spinner.show("Reading…")
    try:
        for _ in range(200):  # the timer's thread starts rich's status, then ends
            if spinner.status is not None:
                break
            time.sleep(0.01)
        assert spinner.status is not None
        with spinner.lock:  # (held by the timer's thread until its threads are marked)
            started = set(threading.enumerate()) - before
            assert started  # rich's refresh thread, at least
            assert not started & set(beside.unsafe_threads())
    finally:
        spinner.stop()
