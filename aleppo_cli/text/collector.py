"""The cyclic garbage collector around a long text's many small objects.

A novel's document and quotations are some 250,000 objects, none in a
cycle; the collections their making would set off go over every object
made so far. ``collector_paused`` holds the collector off while they are
made, and, where a command of the console script then leaves through
``cli.main.leave`` without collecting again (``allow_freezing``), moves
them to the permanent generation, out of every later collection. The
reader, which lives on, and in-process callers (tests, a program using the
library) never freeze: their objects, and cycles among them, stay
collectable."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_freezing = False


def allow_freezing(allowed: bool = True) -> None:
    """Let ``collector_paused`` freeze what there is (for a command of the
    console script, see above), or not (the default)."""
    global _freezing
    _freezing = allowed


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector paused: a novel's document is some 200,000
    objects, none in a cycle, and the collections their making set off (each
    going over every object made so far) took a tenth of building it.

    ``freeze``, where freezing is allowed (``allow_freezing``): then move
    every object there is to the collector's permanent generation
    (``gc.freeze``) before it resumes, so that no later collection goes over
    them again: the first two after a novel's build took 0.05 s of ``aleppo
    search`` (objects that die are still freed as their last reference goes;
    only a cycle among them would stay, which is why only a process that
    ends at once may freeze)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze and _freezing:
            gc.freeze()
        if enabled:
            gc.enable()
