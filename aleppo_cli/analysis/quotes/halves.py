"""Work of a long text shared with a second process (the machine's other core).

On a novel the quotation stages spend about a second of CPU in steps that
do not need each other's results: the words the text writes in lower case
(the people index reads them) while the quoted stretches are found, and the
attribution and kind of the second half of the stretches while the first
half's are read. ``background`` runs such a step in a forked child process,
which sends its result back pickled through a pipe; the parent goes on with
its own part meanwhile and then takes the result. The results are those of
the same function run in the parent: the child runs the same code on the
same values (a copy of the parent's memory), and a result that does not come
back whole (no ``fork``, a child that failed or was killed) is computed in
the parent instead.

It is used only where it pays: for a long text (``LONG_TEXT``, ``MANY_STRETCHES``), on a system
with ``fork``, and only while the process runs no thread but the main one
and the spinner's (``beside.may_fork``: a fork copies only the calling thread).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from aleppo_cli.text.beside import may_fork

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.people import WordsAndNames
    from aleppo_cli.text.beside import Beside, Child

R = TypeVar("R")

# A text this long (characters) finds its lower-case words in a second
# process, and one with this many quoted stretches reads the attributions and
# kinds of half of them there: a fork costs some 0.01 to 0.02 s of CPU (the
# copied page tables, the pages written after it), a novel's steps save ten
# times that; the bundled review (10 KB, 20 quotations) never forks.
LONG_TEXT = 300_000
MANY_STRETCHES = 1500
# Set to False to keep every step in one process (tests compare both ways).
ENABLED = True


def worth_it(size: int, at_least: int) -> bool:
    """Whether work of ``size`` (at least ``at_least``) goes to a second process."""
    return (
        ENABLED
        and size >= at_least
        and hasattr(os, "fork")
        and sys.platform != "darwin"  # fork without exec is unsafe with Apple's frameworks
        and may_fork()
    )


class Pending(Generic[R]):
    """A step's result, computed in a child process (``beside.Child``, the
    document build's too) or, failing that, here."""

    def __init__(
        self, work: Callable[[], R], fork: bool, after: Sequence[Pending[Any]] = ()
    ) -> None:
        self._work = work
        self._child: Child | None = None
        # whether a step after this one takes its result from the same child
        self._shared = False
        if fork:
            self._start([self, *after])

    def _start(self, steps: Sequence[Pending[Any]]) -> None:
        from aleppo_cli.text.beside import Child

        child = Child([step._work for step in steps])
        if not child.forked:
            return
        for step in steps:
            step._child = child
            step._shared = True
        steps[-1]._shared = False

    def start(self) -> None:
        """Started in a child process of its own now, if it is not yet."""
        if self._child is None:
            self._start([self])

    @property
    def forked(self) -> bool:
        """Whether a child process computes it (not yet asked for)."""
        return self._child is not None

    def result(self) -> R:
        """The step's result: the child's, else computed here."""
        child, self._child = self._child, None
        if child is not None:
            done, value = child.take()
            if not self._shared:  # (a child that failed is closed already)
                child.close()
            if done:
                return cast(R, value)
        return self._work()


def background(work: Callable[[], R], fork: bool, after: Sequence[Pending[Any]] = ()) -> Pending[R]:
    """``work`` started in a child process if ``fork``, else left to be done
    when its result is asked for. ``after``: steps not yet started
    (``deferred``) that the same child does next, each sending its result
    in turn; their results are to be asked for in that order, after
    ``work``'s (what one of them does not get whole, it computes itself)."""
    return Pending(work, fork, after)


def deferred(work: Callable[[], R]) -> Pending[R]:
    """``work`` left to be done when its result is asked for, unless a child
    does it first (``background``'s ``after``, ``Pending.start``)."""
    return Pending(work, False)


def names_beside() -> Beside[WordsAndNames]:
    """The words a long text writes in lower case and its name matches
    (``people.words_and_names``), found by the child that ``document.build``
    forks to lay the text out, once it has sent its sentences: it is idle
    while this process assembles the document and finds the quoted
    stretches. Meanwhile, where this process would wait for the child's
    sentences, it imports the quotation stages. The same function on the
    same cleaned text, so the same result (``Beside.result`` computes it here
    if no child did); ``quotations.find`` uses it only if a child does it."""
    from aleppo_cli.text.beside import Beside
    from aleppo_cli.text.document import LATE_RESULT_SHARE

    return Beside(_words_and_names, meanwhile=(_stages,), share=LATE_RESULT_SHARE)


def _words_and_names(text: str) -> WordsAndNames:
    # only the people index's module (and its patterns, ready-compiled
    # first), not every stage's: the parent waits for this child's names
    # (some 0.006 s of imports less before them)
    from aleppo_cli.analysis import patterns

    patterns.preload()
    from aleppo_cli.analysis.quotes.people import words_and_names

    return words_and_names(text)


def _stages() -> None:
    from aleppo_cli.analysis.quotes import quotations  # noqa: F401
