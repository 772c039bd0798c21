"""Work on a long text done in a second process while this one lays it out.

Building a novel's document takes some 0.2 s of CPU after its clean-up:
finding its sentences, then making its 200,000 paragraph and sentence
objects. The sentences of its later paragraphs can be found apart (each
paragraph's are found as in that paragraph alone), and a command may have
work of its own that needs only the cleaned text (``search`` folds it and
finds its query there). So, for a long text, ``document.build`` forks a
child as soon as the text is clean: the child finds the sentences of the
later paragraphs and sends them back, then does the command's work
(``Beside``) and sends its result; the parent finds the sentences of the
earlier paragraphs meanwhile, takes the child's, and makes the objects.

The results are those of one process: the child runs the same code on the
same values (a copy of the parent's memory), and whatever does not come
back whole (no ``fork``, a child that failed or was killed, a result that
does not unpickle) is computed in the parent instead. It runs only on a
system with ``fork`` (not macOS, where fork without exec is unsafe) and only
while the process runs one thread, or others that are known to be safe
(``fork_safe``): a fork copies only the calling thread, and a lock another
thread held would stay held in the child.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import weakref
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

R = TypeVar("R")

# A cleaned text this long (characters) is laid out with a second process: a
# fork costs some 0.005 to 0.01 s (the copied page tables, the pages written
# after it); the sentences of a novel's later paragraphs save about 0.03 s,
# a search's folding and matching 0.1 s.
LONG_TEXT = 300_000
# Set to False to keep everything in one process (tests compare both ways).
ENABLED = True
# The pipe's buffer: a novel's later sentences (about 200 KB pickled) go in
# at once, so that the child goes on to its next step without waiting for
# the parent to read them (Linux only; elsewhere the child waits).
_PIPE_SIZE = 1 << 20
_HEADER = 8  # bytes of the length before each result


def worth_it(size: int) -> bool:
    """Whether a cleaned text of ``size`` characters is laid out with a second process."""
    return (
        ENABLED
        and size >= LONG_TEXT
        and hasattr(os, "fork")
        and sys.platform != "darwin"
        and may_fork()
    )


# Threads besides the main one that a fork may leave behind: the command
# line's spinner, which only draws on standard error. A child does pure work
# on copies, writes only to its own pipe and leaves by ``os._exit``: it never
# takes what such a thread may hold (the error stream's lock, the spinner's
# own, rich's console). A module the spinner is importing as the fork happens
# (rich and what it pulls in) stays half-imported in the child, with its lock
# held: a child's steps import nothing new from those (``pickle`` is imported
# before the fork). Any other thread keeps every fork off.
_FORK_SAFE: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


def fork_safe(thread: threading.Thread) -> None:
    """Count ``thread`` as one a fork may leave behind (``_FORK_SAFE``)."""
    _FORK_SAFE.add(thread)


def may_fork() -> bool:
    """Whether this process may fork: it runs no thread but the main one and
    those counted safe (``fork_safe``)."""
    return threading.active_count() == 1 or not unsafe_threads()


def unsafe_threads() -> list[threading.Thread]:
    """The threads that keep this process from forking (``may_fork``)."""
    main = threading.main_thread()
    return [t for t in threading.enumerate() if t is not main and t not in _FORK_SAFE]


class Child:
    """``steps`` run in order in a forked child, each result sent back pickled
    as soon as it is made; ``take`` returns them in the same order."""

    def __init__(self, steps: Sequence[Callable[[], object]]) -> None:
        import pickle  # only where a text is long enough to fork for

        self._pid = 0
        self._pipe = None
        # work of this process's own (imports it will need) done while it
        # would wait for a result that is not there yet (``take``)
        self.meanwhile: list[Callable[[], object]] = []
        read, write = os.pipe()
        with contextlib.suppress(OSError, AttributeError):  # Linux only
            import fcntl

            fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        try:
            pid = os.fork()
        except OSError:  # no process to be had: the parent does it all
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: compute, send, and leave without any clean-up
            status = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb", buffering=0) as pipe:
                    for step in steps:
                        data = pickle.dumps(step(), pickle.HIGHEST_PROTOCOL)
                        pipe.write(len(data).to_bytes(_HEADER, "little") + data)
                status = 0
            except BaseException:  # the parent computes what is missing
                pass
            finally:
                os._exit(status)
        os.close(write)
        self._pid = pid
        self._pipe = os.fdopen(read, "rb")

    @property
    def forked(self) -> bool:
        """Whether a child process was started (and not yet closed)."""
        return self._pid != 0

    def take(self) -> tuple[bool, object]:
        """The next step's result: (True, it), or (False, None) when it did
        not come back whole (the caller computes it then)."""
        import pickle

        if self._pipe is None:
            return False, None
        while self.meanwhile and not self._ready():
            with contextlib.suppress(Exception):  # (whatever failed fails again where it is needed)
                self.meanwhile.pop(0)()
        header = self._pipe.read(_HEADER)
        size = int.from_bytes(header, "little") if len(header) == _HEADER else -1
        data = self._pipe.read(size) if size >= 0 else b""
        if size < 0 or len(data) != size:
            self.close()
            return False, None
        try:
            return True, pickle.loads(data)
        except Exception:  # cut short or garbled: computed here
            self.close()
            return False, None

    def _ready(self) -> bool:
        """Whether the child's pipe holds bytes not yet read (what the reader
        holds already is not seen: the work meanwhile is then done first,
        which is only a little later than it might have been)."""
        import select

        pipe = self._pipe
        return pipe is None or bool(select.select([pipe], [], [], 0)[0])

    def close(self) -> None:
        """Done with the child: it is stopped if still at work, and reaped."""
        pipe, self._pipe = self._pipe, None
        if pipe is not None:
            pipe.close()
        pid, self._pid = self._pid, 0
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)

    def __del__(self) -> None:
        self.close()


class Beside(Generic[R]):
    """A command's ``work`` on a cleaned text, done by the child that
    ``document.build`` forks for a long text, or here when it is asked for
    (a short text, a ready-made document, a child that failed)."""

    def __init__(
        self,
        work: Callable[[str], R],
        meanwhile: Sequence[Callable[[], object]] = (),
        share: float | None = None,
    ) -> None:
        self.work = work
        # the share of the later sentences the child finds before the work
        # (None: ``document.BESIDE_SHARE``)
        self.share = share
        # this process's own work done while it would wait for the child's
        # steps (``Child.meanwhile``): the imports the command needs next
        self.meanwhile = meanwhile
        self._child: Child | None = None

    def started(self, child: Child) -> None:
        """``child`` will send the result after the steps before it."""
        self._child = child
        child.meanwhile.extend(self.meanwhile)

    @property
    def forked(self) -> bool:
        """Whether a child process does the work (its result not yet asked for)."""
        return self._child is not None

    def result(self, text: str) -> R:
        """The work's result on the cleaned ``text``: the child's, else computed here."""
        child, self._child = self._child, None
        if child is not None:
            done, value = child.take()
            child.close()
            if done:
                return value  # type: ignore[return-value]
        return self.work(text)
