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

Making a Python object of each of its 321,000 words and hashing them into a
table took 0.1 s and 37 MB, for a clean-up that mostly asks whether a piece
of a word is a frequent word. So only the words of Zipf ``FREQUENT`` or more
(29,000) go into a table; the buckets of rarer words stay packed, and a rarer
word is looked for in their bytes (its msgpack form: a length byte and the
word), the bucket where it shows is unpacked, and the word looked up in it by
bisection. After ``MANY_RARE`` such look-ups, every bucket is unpacked.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

_HEADER = {b"format": b"cB", b"version": 1}
FREQUENT = 3.0  # the Zipf frequency from which words are in the table
MANY_RARE = 64  # look-ups of rarer words after which all their buckets are unpacked
_LONGEST_FIXSTR = 31  # msgpack writes a word of up to 31 bytes as 0xa0 | length, then it


def _zipf_of(index: int) -> float:
    """The Zipf frequency of the words of bucket ``index`` (as wordfreq rounds it)."""
    return 9.0 - index / 100


def _packed() -> bytes:
    """The word list in msgpack, as wordfreq's data file holds it (gunzipped),
    or as wordfreq's own reader gives it should the file differ."""
    import msgpack

    spec = find_spec("wordfreq")  # finds the package without importing it
    locations = spec.submodule_search_locations if spec else None
    if locations:
        path = Path(next(iter(locations))) / "data" / "large_en.msgpack.gz"
        if path.is_file():
            import zlib

            inflate = zlib.decompressobj(wbits=31)  # gzip; quicker to import than gzip
            packed = inflate.decompress(path.read_bytes())
            if inflate.eof and not inflate.unused_data:  # one gzip member, as written
                unpacker = msgpack.Unpacker(raw=True)
                unpacker.feed(packed)
                if unpacker.read_array_header() and unpacker.unpack() == _HEADER:
                    return packed
    import wordfreq

    words: list[list[str]] = wordfreq.get_frequency_list("en", wordlist="large")
    buckets = [sorted(word.encode("utf-8") for word in bucket) for bucket in words]
    result: bytes = msgpack.packb([_HEADER, *buckets], use_bin_type=False)  # words as str
    return result


def _buckets() -> list[list[bytes]]:
    """Every bucket of words, UTF-8 encoded, each in alphabetical order."""
    import msgpack

    data: list[Any] = msgpack.unpackb(_packed(), raw=True)
    return data[1:]


class _Words:
    """The frequent words in a table; the others' buckets packed, unpacked
    one at a time when a look-up finds a word's bytes in one."""

    def __init__(self, packed: bytes) -> None:
        import msgpack

        self.frequent: dict[bytes, float] = {}
        self._packed = packed
        self._rare: list[tuple[float, int, int]] = []  # Zipf, where each bucket is
        unpacker = msgpack.Unpacker(raw=True)
        unpacker.feed(packed)
        count = unpacker.read_array_header()
        unpacker.skip()  # the header
        for index in range(count - 1):
            value = _zipf_of(index)
            if value >= FREQUENT:
                self.frequent.update(dict.fromkeys(unpacker.unpack(), value))
            else:
                start = unpacker.tell()
                unpacker.skip()
                self._rare.append((value, start, unpacker.tell()))
        self._starts = [start for _, start, _ in self._rare]
        self._unpacked: dict[int, list[bytes]] = {}
        self._rare_lookups = 0

    def find(self, word: bytes, rare: bool = True) -> float | None:
        """The Zipf frequency of ``word``, None if it is not in the list (or,
        without ``rare``, not among the frequent words). wordfreq writes each
        word in one bucket only."""
        found = self.frequent.get(word)
        if found is not None or not rare or not word or not self._rare:
            return found
        self._rare_lookups += 1
        if len(word) > _LONGEST_FIXSTR or self._rare_lookups > MANY_RARE:
            buckets: range | list[int] = range(len(self._rare))  # every bucket, in turn
        else:
            buckets = self._showing(bytes([0xA0 | len(word)]) + word)
        for bucket in buckets:
            words = self._bucket(bucket)
            index = bisect_left(words, word)
            if index < len(words) and words[index] == word:
                return self._rare[bucket][0]
        return None

    def _showing(self, needle: bytes) -> list[int]:
        """The buckets whose bytes hold ``needle``, in order: the word's own
        bucket among them, if it has one (the needle may also show inside
        other words)."""
        buckets = []
        end = self._rare[-1][2]
        position = self._rare[0][1]
        while (found := self._packed.find(needle, position, end)) != -1:
            bucket = bisect_right(self._starts, found) - 1
            buckets.append(bucket)
            position = self._rare[bucket][2]
        return buckets

    def _bucket(self, bucket: int) -> list[bytes]:
        words = self._unpacked.get(bucket)
        if words is None:
            import msgpack

            _, start, end = self._rare[bucket]
            words = self._unpacked[bucket] = msgpack.unpackb(self._packed[start:end], raw=True)
        return words


@cache
def _words() -> _Words:
    return _Words(_packed())


def forget() -> None:
    """Let the list go: once a document is built, nothing reads it."""
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
