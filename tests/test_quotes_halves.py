"""The quotation steps shared with a second process (``halves``) give what
one process gives, and the parent does a child's work when the child fails."""

from __future__ import annotations

import os
import threading

import pytest

from aleppo_cli.analysis.quotes import halves, quotations
from aleppo_cli.text.document import build
from tests.conftest import REVIEW


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
    assert len(forks) == 2  # the lower-case words, the second half's attributions
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
    assert pending._pid  # a child was started
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
    child = pending._pid
    assert child
    del pending  # the parent failed before asking for it
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped
