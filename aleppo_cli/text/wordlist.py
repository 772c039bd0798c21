"""English word frequencies from the ``wordfreq`` package, loaded on first use.

Frequencies are on the Zipf scale: log10 of occurrences per billion words, so
"the" is about 7.7, "document" 4.5, a rare word 1 to 2, and an unknown word 0.

Importing ``wordfreq`` itself costs about 0.08 s (it pulls in language and
text-fixing libraries this program does not use), so the list is read
straight from the package's data file, in the "cBpack" format that wordfreq
documents (``wordfreq.read_cBpack``): a gzipped msgpack list whose first item
is a header and whose item i + 1 holds the words of frequency 10 ** (-i / 100),
in alphabetical order. Should the file or its header ever differ, wordfreq's
own reader is used.

Hashing all 321,000 words into one table took 0.07 s of the 0.1 s the list
cost, so only the words of Zipf ``FREQUENT`` or more (29,000) go into a
table; a rarer word is found by bisection in the alphabetical buckets below
them. The clean-up asks mostly whether a piece is at least that frequent,
which the table alone answers (``zipf(word, at_least)``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

_HEADER = {b"format": b"cB", b"version": 1}
FREQUENT = 3.0  # the Zipf frequency from which words are in the table


def _zipf_of(index: int) -> float:
    """The Zipf frequency of the words of bucket ``index`` (as wordfreq rounds it)."""
    return 9.0 - index / 100


def _buckets() -> list[list[bytes]]:
    """The buckets of words, UTF-8 encoded, each in alphabetical order."""
    spec = find_spec("wordfreq")  # finds the package without importing it
    locations = spec.submodule_search_locations if spec else None
    if locations:
        path = Path(next(iter(locations))) / "data" / "large_en.msgpack.gz"
        if path.is_file():
            import zlib

            import msgpack

            inflate = zlib.decompressobj(wbits=31)  # gzip; quicker to import than gzip
            packed = inflate.decompress(path.read_bytes())
            if inflate.eof and not inflate.unused_data:  # one gzip member, as written
                data: list[Any] = msgpack.unpackb(packed, raw=True)
                if data and data[0] == _HEADER:
                    return data[1:]
    import wordfreq

    words: list[list[str]] = wordfreq.get_frequency_list("en", wordlist="large")
    return [sorted(word.encode("utf-8") for word in bucket) for bucket in words]


@dataclass(frozen=True)
class _Words:
    frequent: dict[bytes, float]  # the words of Zipf FREQUENT or more
    rare: list[tuple[float, list[bytes]]]  # the other buckets: Zipf, sorted words

    def find(self, word: bytes, rare: bool = True) -> float | None:
        """The Zipf frequency of ``word``, None if it is not in the list (or,
        without ``rare``, not among the frequent words). wordfreq writes each
        word in one bucket only."""
        found = self.frequent.get(word)
        if found is not None or not rare:
            return found
        for value, bucket in self.rare:
            index = bisect_left(bucket, word)
            if index < len(bucket) and bucket[index] == word:
                return value
        return None


@cache
def _words() -> _Words:
    frequent: dict[bytes, float] = {}
    rare: list[tuple[float, list[bytes]]] = []
    for index, bucket in enumerate(_buckets()):
        value = _zipf_of(index)
        if value >= FREQUENT:
            frequent.update(dict.fromkeys(bucket, value))
        elif bucket:
            rare.append((value, bucket))
    return _Words(frequent, rare)


def forget() -> None:
    """Let the list go (21 MB): once a document is built, nothing reads it."""
    _words.cache_clear()


def _key(word: str) -> bytes:
    # a lone surrogate encodes to bytes no UTF-8 word has: unknown, as it should be
    return word.lower().encode("utf-8", "surrogatepass")


def zipf(word: str, at_least: float = 0.0) -> float:
    """Zipf frequency of ``word`` (case-insensitive); 0.0 when unknown, or
    when it is below ``at_least`` (a floor of ``FREQUENT`` or more reads only
    the table of frequent words)."""
    value = _words().find(_key(word), rare=at_least < FREQUENT)
    return value if value is not None and value >= at_least else 0.0


def known(word: str) -> bool:
    return _words().find(_key(word)) is not None
