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

Decompressing the whole file took 0.03 s of the 0.05 s that reading the
frequent words took, and they are in its first tenth: the file is
decompressed as far as they are read, and the rest only when a rarer word
is first looked up (which a text with no sign of a scrape never needs).
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


CHUNK = 1 << 16  # bytes decompressed at a time while the frequent words are read


class _Stream:
    """The word list's msgpack bytes, decompressed as far as they are read:
    the frequent words come first, in the first tenth of the stream, and the
    rest is decompressed only when a rarer word is looked up."""

    def __init__(self, compressed: bytes | None = None, data: bytes = b"") -> None:
        import zlib

        self.data = bytearray(data)
        self._inflate = zlib.decompressobj(wbits=31) if compressed is not None else None
        self._pending = compressed or b""

    def more(self) -> bool:
        """Decompress the next piece; False when there is no more."""
        inflate = self._inflate
        if inflate is None or inflate.eof:
            return False
        if self._pending:
            self.data += inflate.decompress(self._pending, CHUNK)
            self._pending = inflate.unconsumed_tail
        else:
            self.data += inflate.flush()
            self._inflate = None
        return True

    def whole(self) -> bytes:
        while self.more():
            pass
        return bytes(self.data)


def _stream() -> _Stream:
    """The word list in msgpack, as wordfreq's data file holds it (gzipped),
    or as wordfreq's own reader gives it should the file differ."""
    import zlib

    import msgpack

    spec = find_spec("wordfreq")  # finds the package without importing it
    locations = spec.submodule_search_locations if spec else None
    if locations:
        path = Path(next(iter(locations))) / "data" / "large_en.msgpack.gz"
        if path.is_file():
            stream = _Stream(path.read_bytes())
            try:
                while len(stream.data) < 256 and stream.more():
                    pass
                unpacker = msgpack.Unpacker(raw=True)
                unpacker.feed(bytes(stream.data))
                if unpacker.read_array_header() and unpacker.unpack() == _HEADER:
                    return stream
            except (ValueError, zlib.error, msgpack.UnpackException):
                pass  # not as documented: read with wordfreq's own reader
    return _Stream(data=_from_wordfreq())


def _from_wordfreq() -> bytes:
    import msgpack
    import wordfreq

    words: list[list[str]] = wordfreq.get_frequency_list("en", wordlist="large")
    buckets = [sorted(word.encode("utf-8") for word in bucket) for bucket in words]
    result: bytes = msgpack.packb([_HEADER, *buckets], use_bin_type=False)  # words as str
    return result


def _packed() -> bytes:
    """The whole word list in msgpack."""
    return _stream().whole()


def _buckets() -> list[list[bytes]]:
    """Every bucket of words, UTF-8 encoded, each in alphabetical order."""
    import msgpack

    data: list[Any] = msgpack.unpackb(_packed(), raw=True)
    return data[1:]


class _Words:
    """The frequent words in a table; the others' buckets packed, unpacked
    one at a time when a look-up finds a word's bytes in one."""

    def __init__(self, source: bytes | _Stream) -> None:
        import msgpack

        stream = source if isinstance(source, _Stream) else _Stream(data=source)
        self._stream = stream
        self.frequent: dict[str, float] = {}
        unpacker = msgpack.Unpacker(raw=False)  # the frequent words as text
        fed = 0

        def read(action: Any) -> Any:
            nonlocal fed
            while True:
                try:
                    return action()
                except msgpack.OutOfData:
                    if fed == len(stream.data) and not stream.more():
                        raise
                    unpacker.feed(bytes(stream.data[fed:]))
                    fed = len(stream.data)

        count = read(unpacker.read_array_header)
        read(unpacker.skip)  # the header
        self._rare_index = count - 1  # the first bucket of rarer words
        for index in range(count - 1):
            value = _zipf_of(index)
            if value < FREQUENT:
                self._rare_index = index
                break
            self.frequent.update(dict.fromkeys(read(unpacker.unpack), value))
        self._rare_from = unpacker.tell()  # where the rarer words' buckets start
        self._count = count
        self._packed = b""
        self._rare: list[tuple[float, int, int]] | None = None  # Zipf, where each bucket is
        self._starts: list[int] = []
        self._unpacked: dict[int, list[bytes]] = {}
        self._rare_lookups = 0

    def _rare_buckets(self) -> list[tuple[float, int, int]]:
        """Where the rarer words' buckets are in the whole stream (which this
        decompresses, on the first look-up of a rarer word)."""
        if self._rare is None:
            import msgpack

            self._packed = self._stream.whole()
            unpacker = msgpack.Unpacker(raw=True)
            unpacker.feed(self._packed[self._rare_from :])
            rare = []
            for index in range(self._rare_index, self._count - 1):
                start = self._rare_from + unpacker.tell()
                unpacker.skip()
                rare.append((_zipf_of(index), start, self._rare_from + unpacker.tell()))
            self._rare = rare
            self._starts = [start for _, start, _ in rare]
        return self._rare

    def find(self, word: str, rare: bool = True) -> float | None:
        """The Zipf frequency of ``word``, None if it is not in the list (or,
        without ``rare``, not among the frequent words). wordfreq writes each
        word in one bucket only."""
        found = self.frequent.get(word)
        if found is not None or not rare or not word:
            return found
        buckets_of_rare = self._rare_buckets()
        if not buckets_of_rare:
            return None
        # a lone surrogate encodes to bytes no UTF-8 word has: unknown, as it should be
        key = word.encode("utf-8", "surrogatepass")
        self._rare_lookups += 1
        if len(key) > _LONGEST_FIXSTR or self._rare_lookups > MANY_RARE:
            buckets: range | list[int] = range(len(buckets_of_rare))  # every bucket, in turn
        else:
            buckets = self._showing(bytes([0xA0 | len(key)]) + key)
        for bucket in buckets:
            words = self._bucket(bucket)
            index = bisect_left(words, key)
            if index < len(words) and words[index] == key:
                return buckets_of_rare[bucket][0]
        return None

    def _showing(self, needle: bytes) -> list[int]:
        """The buckets whose bytes hold ``needle``, in order: the word's own
        bucket among them, if it has one (the needle may also show inside
        other words)."""
        rare = self._rare_buckets()
        buckets = []
        end = rare[-1][2]
        position = rare[0][1]
        while (found := self._packed.find(needle, position, end)) != -1:
            bucket = bisect_right(self._starts, found) - 1
            buckets.append(bucket)
            position = rare[bucket][2]
        return buckets

    def _bucket(self, bucket: int) -> list[bytes]:
        words = self._unpacked.get(bucket)
        if words is None:
            import msgpack

            _, start, end = self._rare_buckets()[bucket]
            words = self._unpacked[bucket] = msgpack.unpackb(self._packed[start:end], raw=True)
        return words


@cache
def _words() -> _Words:
    return _Words(_stream())


def frequent() -> dict[str, float]:
    """The words of Zipf ``FREQUENT`` or more (lower case), with their Zipf
    frequencies: for the many look-ups of a word's pieces."""
    return _words().frequent


def forget() -> None:
    """Let the list go: once a document is built, nothing reads it."""
    _words.cache_clear()


def zipf(word: str, at_least: float = 0.0) -> float:
    """Zipf frequency of ``word`` (case-insensitive); 0.0 when unknown, or
    when it is below ``at_least`` (a floor of ``FREQUENT`` or more reads only
    the table of frequent words)."""
    value = _words().find(word.lower(), rare=at_least < FREQUENT)
    return value if value is not None and value >= at_least else 0.0


def known(word: str) -> bool:
    return _words().find(word.lower()) is not None
