"""English word frequencies from the ``wordfreq`` package, loaded on first use.

Frequencies are on the Zipf scale: log10 of occurrences per billion words, so
"the" is about 7.7, "document" 4.5, a rare word 1 to 2, and an unknown word 0.

Importing ``wordfreq`` itself costs about 0.08 s (it pulls in language and
text-fixing libraries this program does not use), so the list is read
straight from the package's data file, in the "cBpack" format that wordfreq
documents (``wordfreq.read_cBpack``): a gzipped msgpack list whose first item
is a header and whose item i + 1 holds the words of frequency 10 ** (-i / 100).
Should the file or its header ever differ, wordfreq's own reader is used.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

_HEADER = {"format": "cB", "version": 1}


def _buckets() -> list[list[str]]:
    spec = find_spec("wordfreq")  # finds the package without importing it
    locations = spec.submodule_search_locations if spec else None
    if locations:
        path = Path(next(iter(locations))) / "data" / "large_en.msgpack.gz"
        if path.is_file():
            import gzip

            import msgpack

            data: list[Any] = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
            if data and data[0] == _HEADER:
                return data[1:]
    import wordfreq

    buckets: list[list[str]] = wordfreq.get_frequency_list("en", wordlist="large")
    return buckets


@cache
def _table() -> dict[str, float]:
    table: dict[str, float] = {}
    for index, bucket in enumerate(_buckets()):
        table.update(dict.fromkeys(bucket, 9.0 - index / 100))
    return table


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-insensitive); 0.0 when unknown."""
    return _table().get(word.lower(), 0.0)


def known(word: str) -> bool:
    return word.lower() in _table()
