"""English word frequencies from the ``wordfreq`` package, loaded on first use.

Frequencies are on the Zipf scale: log10 of occurrences per billion words, so
"the" is about 7.7, "document" 4.5, a rare word 1 to 2, and an unknown word 0.
"""

from __future__ import annotations

from functools import cache


@cache
def _table() -> dict[str, float]:
    import wordfreq  # heavy: imported only when a rule needs it

    # get_frequency_list buckets words by frequency, one bucket per centibel:
    # bucket i holds words with frequency 10 ** (-i / 100).
    buckets = wordfreq.get_frequency_list("en", wordlist="large")
    return {word: 9.0 - index / 100 for index, bucket in enumerate(buckets) for word in bucket}


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-insensitive); 0.0 when unknown."""
    return _table().get(word.lower(), 0.0)


def known(word: str) -> bool:
    return word.lower() in _table()
