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

That still cost a text with a rarer word 0.04 s (decompressing the other
nine tenths, then a search of 2.4 MB for each word), and 0.02 s for the
frequent words. So the package ships the same list in a form made for
look-ups, ``wordlist.bin`` (written by ``python .ci/build_wordlist.py``
from wordfreq's file, 1.2 MB): the frequent words as one compressed line a
bucket (read into the table at once), and the rarer ones sorted, in blocks
of ``BLOCK`` words, each compressed apart with the first word of each in an
index, so that a look-up decompresses one block of 4 KB and finds the word
in it with one ``bytes.find`` (each word whole, between a line feed and a
space: a block written with each word as the bytes it shares with the one
before and the rest took a step of Python a word up to it, 0.3 ms a
look-up, a third of the repair of a short scraped page). It is used only
when it was made from the very file wordfreq has installed (its size and
the gzip trailer, the CRC-32 and length of what it holds, must match);
otherwise the list is read from wordfreq's file as above.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
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

    path = _source_path()
    if path is not None:
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


# --- the shipped form: wordlist.bin ------------------------------------------

SHIPPED = Path(__file__).with_name("wordlist.bin")
_MAGIC = b"aleppo words 2\n"
BLOCK = 1024  # rarer words a compressed block
# A block's entry: a line feed, the word, a space, and the byte _VALUE_BASE +
# its bucket, counted from the first rare one (so never a line feed).
_VALUE_BASE = 32


def _source_path() -> Path | None:
    """wordfreq's data file of English words, if it is there (found without
    importing wordfreq)."""
    spec = find_spec("wordfreq")
    locations = spec.submodule_search_locations if spec else None
    if not locations:
        return None
    path = Path(next(iter(locations))) / "data" / "large_en.msgpack.gz"
    return path if path.is_file() else None


def signature(path: Path) -> bytes:
    """What tells one data file from another: its size and its gzip trailer
    (the CRC-32 and the length of the bytes it holds)."""
    with path.open("rb") as file:
        size = file.seek(0, 2)
        if size < 8:
            return b""
        file.seek(size - 8)
        trailer = file.read(8)
    return b"%d %s" % (size, trailer.hex().encode())


def pack(buckets: list[list[bytes]], source: bytes) -> bytes:
    """``wordlist.bin`` for the buckets of a word list (``_buckets()``) read
    from the data file of signature ``source``."""
    import zlib

    rare_from = next((i for i in range(len(buckets)) if _zipf_of(i) < FREQUENT), len(buckets))
    for bucket in buckets:
        for word in bucket:
            if not word or b" " in word or b"\n" in word:
                raise ValueError(f"a word this form cannot hold: {word!r}")
    if len(buckets) - rare_from + _VALUE_BASE > 256:
        raise ValueError("more buckets than this form can number")
    frequent = b"\n".join(
        b"%d %s" % (index, b" ".join(bucket))
        for index, bucket in enumerate(buckets[:rare_from])
        if bucket
    )
    rare = sorted(
        (word, index) for index in range(rare_from, len(buckets)) for word in buckets[index]
    )
    blocks = []
    index_lines = []
    for first in range(0, len(rare), BLOCK):
        block = zlib.compress(
            b"".join(
                b"\n%s %c" % (word, _VALUE_BASE + index - rare_from)
                for word, index in rare[first : first + BLOCK]
            ),
            9,
        )
        blocks.append(block)
        index_lines.append(b"%d %s" % (len(block), rare[first][0]))
    packed_frequent = zlib.compress(frequent, 9)
    packed_index = zlib.compress(b"\n".join(index_lines), 9)
    header = b"%s %d %d %d\n" % (source, rare_from, len(packed_frequent), len(packed_index))
    return b"".join([_MAGIC, header, packed_frequent, packed_index, *blocks])


class _Shipped:
    """The word list as ``wordlist.bin`` holds it: the frequent words in a
    table, the rarer ones in compressed blocks, one decompressed a look-up
    (the blocks looked at are kept)."""

    def __init__(self, data: bytes, source: bytes) -> None:
        """Raises ValueError if ``data`` is not of this form, or was not made
        from the data file of signature ``source``."""
        import zlib

        if not data.startswith(_MAGIC):
            raise ValueError("not a word list of this form")
        end = data.index(b"\n", len(_MAGIC))
        *made_from, rare_from, frequent_length, index_length = data[len(_MAGIC) : end].split(b" ")
        if b" ".join(made_from) != source:
            raise ValueError("made from another data file")
        self._rare_from = int(rare_from)
        position = end + 1
        try:
            frequent = zlib.decompress(data[position : position + int(frequent_length)])
            position += int(frequent_length)
            index = zlib.decompress(data[position : position + int(index_length)])
        except zlib.error as error:
            raise ValueError(str(error)) from None
        position += int(index_length)
        self.frequent: dict[str, float] = {}
        for text in frequent.decode("utf-8").split("\n"):
            number, _, words = text.partition(" ")
            self.frequent.update(dict.fromkeys(words.split(" "), _zipf_of(int(number))))
        self._firsts: list[bytes] = []
        self._spans: list[tuple[int, int]] = []
        for line in index.split(b"\n"):
            length, _, first = line.partition(b" ")
            self._firsts.append(first)
            self._spans.append((position, position + int(length)))
            position += int(length)
        self._data = data
        self._blocks: dict[int, bytes] = {}

    def find(self, word: str, rare: bool = True) -> float | None:
        """As ``_Words.find``."""
        found = self.frequent.get(word)
        if found is not None or not rare or not word:
            return found
        # a lone surrogate encodes to bytes no UTF-8 word has: unknown, as it should be
        key = word.encode("utf-8", "surrogatepass")
        block = bisect_right(self._firsts, key) - 1
        if block < 0 or b"\n" in key or b" " in key:
            return None  # no word of the list holds a line feed or a space
        entries = self._block(block)
        at = entries.find(b"\n%s " % key)
        if at < 0:
            return None
        return _zipf_of(self._rare_from + entries[at + len(key) + 2] - _VALUE_BASE)

    def _block(self, block: int) -> bytes:
        entries = self._blocks.get(block)
        if entries is None:
            import zlib

            start, end = self._spans[block]
            entries = self._blocks[block] = zlib.decompress(self._data[start:end])
        return entries

    def rare_words(self) -> Iterator[tuple[bytes, float]]:
        """Every rarer word with its Zipf frequency, in order (for tests)."""
        for block in range(len(self._firsts)):
            for entry in self._block(block).split(b"\n")[1:]:
                yield entry[:-2], _zipf_of(self._rare_from + entry[-1] - _VALUE_BASE)


def _shipped() -> _Shipped | None:
    """The shipped word list, if it was made from wordfreq's installed file."""
    source = _source_path()
    if source is None:
        return None
    try:
        return _Shipped(SHIPPED.read_bytes(), signature(source))
    except (OSError, ValueError):
        return None


@cache
def _words() -> _Words | _Shipped:
    shipped = _shipped()
    return shipped if shipped is not None else _Words(_stream())


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
