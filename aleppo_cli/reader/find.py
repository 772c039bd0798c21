"""Search as you type: every match of a query, folded as ``aleppo search``
folds (case, diacritics, quote styles, dashes, punctuation, white space).

The folded copy of the text is made once per document (``search.Folded``,
the class ``aleppo search`` uses) and kept as two numpy arrays: the folded
characters' code points and, for each, its offset in the cleaned text. A
keystroke then costs a few vectorised comparisons: the positions of the
query's first character, narrowed by each next one. Matches do not overlap
and are taken left to right, as ``aleppo search`` takes them (a query that
can overlap itself, such as "aa", gets one pass over its candidates).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aleppo_cli.analysis.search import Folded, fold
from aleppo_cli.text.document import Document

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Offsets = npt.NDArray[np.int64]
else:
    Offsets = Any


@dataclass(frozen=True)
class Matches:
    """Matches of one query, as spans of the cleaned text, in order."""

    query: str
    starts: Offsets
    ends: Offsets
    problem: str = ""  # why there is nothing to look for

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, index: int) -> tuple[int, int]:
        return int(self.starts[index]), int(self.ends[index])

    def within(self, clean_start: int, clean_end: int) -> range:
        """Indexes of the matches that overlap ``[clean_start, clean_end)``."""
        first = int(self.ends.searchsorted(clean_start, side="right"))
        last = int(self.starts.searchsorted(clean_end, side="left"))
        return range(first, max(first, last))

    def next_from(self, clean_offset: int, forward: bool) -> int | None:
        """The first match at or after the offset (forward), or the last one
        before it; wrapping around the text. None when there is none."""
        if not len(self.starts):
            return None
        index = int(self.starts.searchsorted(clean_offset, side="left"))
        if forward:
            return index if index < len(self.starts) else 0
        return index - 1 if index > 0 else len(self.starts) - 1


def no_matches(query: str, problem: str = "") -> Matches:
    import numpy as np

    empty = np.zeros(0, dtype=np.int64)
    return Matches(query, empty, empty, problem)


@dataclass(frozen=True)
class _Index:
    codes: Any  # npt.NDArray[np.uint32]: the folded text's code points
    positions: Offsets  # cleaned-text offset of each folded character


class Finder:
    """Finds queries in one document; the folded text is made on first use
    (or ahead of time by ``prepare``, from another thread)."""

    def __init__(self, document: Document) -> None:
        self._text = document.clean.text
        self._lock = threading.Lock()
        self._index: _Index | None = None

    def prepare(self) -> None:
        with self._lock:
            if self._index is None:
                self._index = fold_index(self._text)

    @property
    def ready(self) -> bool:
        return self._index is not None

    def find(self, query: str) -> Matches:
        if not query.strip():
            return no_matches(query)
        needle = fold(query)
        if not needle:
            return no_matches(query, "no letters or digits to look for")
        self.prepare()
        import numpy as np

        index = self._index
        assert index is not None
        codes = index.codes
        length = len(needle)
        if length > len(codes):
            return no_matches(query)
        wanted = [ord(char) for char in needle]
        candidates = np.flatnonzero(codes[: len(codes) - length + 1] == wanted[0])
        for offset, code in enumerate(wanted[1:], 1):
            if not len(candidates):
                break
            candidates = candidates[codes[candidates + offset] == code]
        if length > 1 and _overlaps_itself(needle) and len(candidates) > 1:
            candidates = _leftmost(candidates, length)
        starts = index.positions[candidates]
        ends = index.positions[candidates + length - 1] + 1
        return Matches(query, starts, ends)


CHUNK = 1 << 20  # characters folded at a time


def fold_index(text: str) -> _Index:
    """``Folded(text)`` as arrays, made a chunk at a time: a list of a Python
    int per character of a 30 MB text would take a gigabyte. Chunks end at
    white space, where folding starts afresh but for the one space between
    words, which is put back; so the result is exactly ``Folded(text)``'s."""
    import numpy as np

    codes: list[Any] = []
    positions: list[Offsets] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut if cut > start else end
        folded = Folded(text[start:end])
        if folded.text:
            offsets = np.array(folded.positions, dtype=np.int64) + start
            chunk = np.frombuffer(folded.text.encode("utf-32-le"), dtype=np.uint32)
            if codes:  # the space between the last word before and the first here
                codes.append(np.array([ord(" ")], dtype=np.uint32))
                positions.append(offsets[:1])
            codes.append(chunk)
            positions.append(offsets)
        start = end
    if not codes:
        return _Index(np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64))
    return _Index(np.concatenate(codes), np.concatenate(positions))


def _overlaps_itself(needle: str) -> bool:
    """Whether two matches of ``needle`` can overlap ("aa", "abab")."""
    return any(needle[:size] == needle[-size:] for size in range(1, len(needle)))


def _leftmost(candidates: Offsets, length: int) -> Offsets:
    """Non-overlapping matches, left to right, as ``str.find`` takes them."""
    import numpy as np

    kept = []
    end = -1
    for start in candidates.tolist():
        if start >= end:
            kept.append(start)
            end = start + length
    return np.array(kept, dtype=np.int64)
