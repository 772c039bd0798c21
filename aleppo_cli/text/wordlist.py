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
from wordfreq's file, 1.7 MB, mapped, not read): the frequent words in
rows (see ``_Table``, not compressed), and the rarer ones sorted, in blocks
of ``BLOCK`` words, each compressed apart with the first word of each in an
index, so that a look-up decompresses one block of 4 KB and finds the word
in it with one ``bytes.find`` (each word whole, between a line feed and a
space: a block written with each word as the bytes it shares with the one
before and the rest took a step of Python a word up to it, 0.3 ms a
look-up, a third of the repair of a short scraped page). It is used only
when it was made from the very file wordfreq has installed (its size and
the gzip trailer, the CRC-32 and length of what it holds, must match);
otherwise the list is read from wordfreq's file as above.

Making the table of 29,000 frequent words (a string and a hash a word)
still took 49 million instructions, a fifth of what a short scraped page
costs over the bundled review, for its 3,300 look-ups. So the shipped form
keeps them in rows, found by a word's first two letters and its length, and
looks a word up with one ``str.find`` in its row (``_Table``): 8 million
instructions for the rows, 5 for the page's look-ups; a novel's 20,000 to
30,000 cost what the table did.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache, cached_property
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, overload

if TYPE_CHECKING:
    import mmap

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
        self.table = self.frequent
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

_T = TypeVar("_T")
# A frequent word's bucket (its Zipf frequency), written as the character of
# this code point plus the bucket's index: never a tab or a line feed.
_VALUE_CHAR = 0x30
_Group = tuple[list[str], list[str]]


class _Table:
    """The frequent words, with their Zipf frequencies, looked up as a dict's
    ``get`` and ``[]`` answer, without a string and a hash made for each
    word: the words of the same first two letters and length are one row,
    one after the other, and their buckets one character each in a row of
    the same place (``pack``); a word is found by ``str.find`` in its row,
    at a multiple of its length."""

    __slots__ = ("_groups", "_lines", "_where")

    def __init__(self, rows: bytes) -> None:
        """``rows``: what ``_rows`` wrote."""
        # first two letters -> (rows, values): rows[n] the words of length n
        # run together, values[n] their buckets (rows[0] the letters
        # themselves); each decoded and split from its two lines when first
        # looked at (a short text looks at a fraction of them: decoding all
        # 280 KB of them, then splitting them, took a short text's clean-up
        # 1.5 ms)
        self._lines = rows.split(b"\n")
        keys = self._lines[0].decode("utf-8").split("\t")
        if not len(keys) == len(self._lines[1::2]) == len(self._lines[2::2]):
            raise ValueError("rows of frequent words that do not pair up")
        self._where = dict(zip(keys, range(1, len(self._lines), 2), strict=False))
        self._groups: dict[str, _Group] = {}

    def _group(self, letters: str) -> _Group | None:
        line = self._where.get(letters)
        if line is None:
            return None
        rows, values = self._lines[line], self._lines[line + 1]
        group = self._groups[letters] = (
            rows.decode("utf-8").split("\t"),
            values.decode("utf-8").split("\t"),
        )
        return group

    @overload
    def get(self, word: str) -> float | None: ...

    @overload
    def get(self, word: str, default: _T) -> float | _T: ...

    def get(self, word: str, default: object = None) -> object:
        letters = word[:2]
        group = self._groups.get(letters) or self._group(letters)
        if group is None:
            return default
        rows, values = group
        size = len(word)
        if size >= len(rows):
            return default
        row = rows[size]
        at = row.find(word)
        while at > 0 and at % size:  # across two words: look further
            at = row.find(word, at + 1)
        if at < 0:
            return default
        return _zipf_of(ord(values[size][at // size]) - _VALUE_CHAR)

    def __getitem__(self, word: str) -> float:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def as_dict(self) -> dict[str, float]:
        """Every word with its Zipf frequency (for tests)."""
        table = {}
        for letters in self._where:
            group = self._group(letters)
            assert group is not None
            rows, values = group
            for size in range(1, len(rows)):
                row, value = rows[size], values[size]
                for index, char in enumerate(value):
                    word = row[index * size : (index + 1) * size]
                    table[word] = _zipf_of(ord(char) - _VALUE_CHAR)
        return table


def _rows(buckets: list[list[bytes]]) -> bytes:
    """The frequent words in ``_Table``'s rows, as ``_Shipped`` reads them:
    a line of the groups' first two letters, then two lines a group, its
    rows and its values, each with a tab between lengths."""
    index_of: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        for encoded in bucket:
            index_of[encoded.decode("utf-8")] = index  # as dict.update would keep it
    groups: dict[str, dict[int, list[tuple[str, int]]]] = {}
    for text, index in sorted(index_of.items()):
        if "\t" in text:
            raise ValueError(f"a word this form cannot hold: {text!r}")
        groups.setdefault(text[:2], {}).setdefault(len(text), []).append((text, index))
    lines = ["\t".join(groups)]
    for prefix, by_size in groups.items():
        sizes = range(1, max(by_size) + 1)
        words = [by_size.get(n, []) for n in sizes]
        rows = [prefix, *("".join(word for word, _ in row) for row in words)]
        values = ["", *("".join(chr(_VALUE_CHAR + i) for _, i in row) for row in words)]
        lines += ["\t".join(rows), "\t".join(values)]
    return "\n".join(lines).encode("utf-8")


SHIPPED = Path(__file__).with_name("wordlist.bin")
_MAGIC = b"aleppo words 5\n"
# Rarer words a compressed block: a short scraped page looks up some 20 rarer
# words, each in a block of its own, and decompressing a block of 1,024 took
# it a quarter of a million instructions (a tenth of its repair).
BLOCK = 256
# A block's entry: a line feed, the word, a space, and the byte _VALUE_BASE +
# its bucket, counted from the first rare one (so never a line feed).
_VALUE_BASE = 32
_COMMON_PIECE = 2048  # compressed bytes of the lines a bucket read at a time (common)


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
            if not word or b" " in word or b"\n" in word or b"\t" in word:
                raise ValueError(f"a word this form cannot hold: {word!r}")
    if len(buckets) - rare_from + _VALUE_BASE > 256:
        raise ValueError("more buckets than this form can number")
    frequent = _rows(buckets[:rare_from])
    lines = b"\n".join(
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
        index_lines.append(rare[first][0])
    # the rows are not compressed: decompressing their 280 KB took every
    # scraped text's clean-up 1 ms (the file is mapped, not read)
    packed_frequent = frequent
    packed_lines = zlib.compress(lines, 9)
    # the blocks' lengths on a line, then each block's first word on a line
    sizes = b" ".join(b"%d" % len(block) for block in blocks)
    packed_index = zlib.compress(b"\n".join([sizes, *index_lines]), 9)
    lengths = (len(packed_frequent), len(packed_lines), len(packed_index))
    header = b"%s %d %d %d %d\n" % (source, rare_from, *lengths)
    return b"".join([_MAGIC, header, packed_frequent, packed_lines, packed_index, *blocks])


class _Shipped:
    """The word list as ``wordlist.bin`` holds it: the frequent words in a
    table, the rarer ones in compressed blocks, one decompressed a look-up
    (the blocks looked at are kept)."""

    def __init__(self, data: bytes | mmap.mmap, source: bytes) -> None:
        """Raises ValueError if ``data`` (the file's bytes, or the file
        mapped: then only the parts looked at are read) is not of this form,
        or was not made from the data file of signature ``source``."""
        import zlib

        if data[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a word list of this form")
        end = data.find(b"\n", len(_MAGIC))
        if end < 0:
            raise ValueError("not a word list of this form")
        *made_from, rare_from, rows_length, lines_length, index_length = data[
            len(_MAGIC) : end
        ].split(b" ")
        if b" ".join(made_from) != source:
            raise ValueError("made from another data file")
        self._rare_from = int(rare_from)
        position = end + 1
        try:
            # the frequent words in rows, read when first looked up
            self._rows = (position, position + int(rows_length))
            position += int(rows_length)
            # the frequent words again, a line a bucket, for a text that looks
            # up many (use_dict)
            self._bucket_lines = (position, position + int(lines_length))
            position += int(lines_length)
            index = zlib.decompress(data[position : position + int(index_length)])
        except zlib.error as error:
            raise ValueError(str(error)) from None
        position += int(index_length)
        sizes, *self._firsts = index.split(b"\n")
        # where each block starts, and where the last ends
        self._starts = list(accumulate(map(int, sizes.split()), initial=position))
        if len(self._starts) != len(self._firsts) + 1:
            raise ValueError("an index of blocks that does not pair up")
        self._data = data
        self._blocks: dict[int, bytes] = {}

    @cached_property
    def table(self) -> _Table | dict[str, float]:
        """The frequent words: in ``_Table``'s rows, or in a dict once
        ``use_dict`` was called."""
        start, end = self._rows
        return _Table(self._data[start:end])

    @property
    def frequent(self) -> dict[str, float]:
        """The frequent words in a dict, made from their lines a bucket."""
        import zlib

        table: dict[str, float] = {}
        start, end = self._bucket_lines
        for text in zlib.decompress(self._data[start:end]).decode("utf-8").split("\n"):
            number, _, words = text.partition(" ")
            table.update(dict.fromkeys(words.split(" "), _zipf_of(int(number))))
        return table

    def common(self, floor: float) -> dict[str, float]:
        """The words of Zipf ``floor`` or more, from the first of their
        lines a bucket (the commonest words come first): a few kilobytes
        decompressed, not the 29,000 frequent words."""
        import zlib

        start, end = self._bucket_lines
        inflate = zlib.decompressobj()
        text = b""
        table: dict[str, float] = {}
        for at in range(start, end, _COMMON_PIECE):
            text += inflate.decompress(self._data[at : min(end, at + _COMMON_PIECE)])
            lines = text.split(b"\n")
            text = lines.pop()  # (a line not yet whole)
            for line in lines:
                number, _, words = line.decode("utf-8").partition(" ")
                value = _zipf_of(int(number))
                if value < floor:
                    return table
                table.update(dict.fromkeys(words.split(" "), value))
        for line in (text + inflate.flush()).split(b"\n"):
            number, _, words = line.decode("utf-8").partition(" ")
            if line and _zipf_of(int(number)) >= floor:
                table.update(dict.fromkeys(words.split(" "), _zipf_of(int(number))))
        return table

    def use_dict(self) -> None:
        """Look the frequent words up in a dict from now on: making it takes
        as long as some 7,000 look-ups in ``_Table``'s rows save."""
        table = self.__dict__.get("table")  # cached_property's, if made
        if not isinstance(table, dict):
            self.__dict__["table"] = self.frequent

    def find(self, word: str, rare: bool = True) -> float | None:
        """As ``_Words.find``."""
        found = self.table.get(word)
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

            start, end = self._starts[block], self._starts[block + 1]
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
        import mmap  # (only where the list is read)

        with SHIPPED.open("rb") as file:  # mapped: a short text reads a tenth of it
            return _Shipped(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ), signature(source))
    except (OSError, ValueError):
        return None


@cache
def _words() -> _Words | _Shipped:
    shipped = _shipped()
    return shipped if shipped is not None else _Words(_stream())


def frequent() -> dict[str, float] | _Table:
    """The words of Zipf ``FREQUENT`` or more (lower case), with their Zipf
    frequencies, for the many look-ups of a word's pieces: a dict, or what
    answers ``get`` and ``[]`` as one would."""
    return _words().table


# Look-ups of frequent words from which a dict of them is quicker than
# ``_Table`` (its rows cost 16 million instructions less to make than the
# dict, a look-up in them 4,500 more): a novel's check for signs of a scrape
# makes 20,000 to 30,000, a short scraped page's repair 3,300.
MANY_LOOKUPS = 7_000


def expect(lookups: int) -> None:
    """Say about how many look-ups of frequent words are coming: when they
    are ``MANY_LOOKUPS`` or more, the frequent words go into a dict."""
    if lookups >= MANY_LOOKUPS:
        words = _words()
        if isinstance(words, _Shipped):
            words.use_dict()


# The floor of ``common``: the words a frequent run of letters may be split
# into start and end with one of Zipf 5.3 or more (cleanup._split_lower).
COMMON = 5.0


class Common(NamedTuple):
    words: dict[str, float]  # the words of Zipf COMMON or more, with their Zipf frequencies
    highest: float  # the Zipf frequency of the commonest word (0.0 if none)
    longest: int  # the length of the longest of them (0 if none)


def common() -> Common:
    """The words of Zipf ``COMMON`` or more (a few hundred), as ``frequent``
    has them, read when first asked."""
    words = _words()
    found = words.__dict__.get("_common")
    if found is None:
        if isinstance(words, _Shipped):
            table = words.common(COMMON)
        else:
            table = {word: value for word, value in words.frequent.items() if value >= COMMON}
        found = words.__dict__["_common"] = Common(
            table, max(table.values(), default=0.0), max(map(len, table), default=0)
        )
    return found


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
