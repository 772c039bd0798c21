"""The shipped form of the word list (aleppo_cli/text/wordlist.bin) answers as
the list read from wordfreq's own data file, and is used only when it was made
from that file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from aleppo_cli.text import wordlist


def test_the_shipped_list_holds_every_word_of_wordfreqs_file() -> None:
    source = wordlist._source_path()
    assert source is not None
    shipped = wordlist._Shipped(wordlist.SHIPPED.read_bytes(), wordlist.signature(source))
    read = wordlist._Words(wordlist._stream())
    assert shipped.frequent == read.frequent
    buckets = wordlist._buckets()
    expected = sorted(
        (word, wordlist._zipf_of(index))
        for index, bucket in enumerate(buckets)
        if wordlist._zipf_of(index) < wordlist.FREQUENT
        for word in bucket
    )
    assert list(shipped.rare_words()) == expected
    # look-ups of words and of words that are not in the list agree too
    rng = random.Random(16)
    words = [word.decode("utf-8") for bucket in buckets for word in bucket]
    probes = rng.sample(words, 500) + [word + "q" for word in rng.sample(words, 500)]
    probes += ["", "\ud800", "a" * 40, "zzzzzzzz", "\x00", "Halabi", "halabi"]
    for probe in probes:
        assert shipped.find(probe) == read.find(probe), probe
        assert shipped.find(probe, rare=False) == read.find(probe, rare=False), probe


def test_the_rows_of_frequent_words_answer_as_a_dict_of_them() -> None:
    source = wordlist._source_path()
    assert source is not None
    shipped = wordlist._Shipped(wordlist.SHIPPED.read_bytes(), wordlist.signature(source))
    table = shipped.table
    assert isinstance(table, wordlist._Table)
    frequent = shipped.frequent
    assert table.as_dict() == frequent
    rng = random.Random(11)
    words = list(frequent)
    # every word; each with a letter more or less, or two words run together
    # (found across the words of a row, never as one); and oddities
    probes = words + [word[:-1] for word in words] + [word + "s" for word in words]
    probes += [a + b for a, b in zip(rng.sample(words, 3000), rng.sample(words, 3000), strict=True)]
    probes += ["", "\t", "\n", "a\tb", "\ud800", "é", "ée", "the the", "x" * 60]
    for probe in probes:
        assert table.get(probe) == frequent.get(probe), probe
        assert table.get(probe, 0.0) == frequent.get(probe, 0.0), probe
        if probe in frequent:
            assert table[probe] == frequent[probe]
        else:
            with pytest.raises(KeyError):
                table[probe]


def test_many_lookups_expected_read_a_dict() -> None:
    wordlist.forget()
    try:
        assert isinstance(wordlist.frequent(), wordlist._Table)
        wordlist.expect(wordlist.MANY_LOOKUPS - 1)
        assert isinstance(wordlist.frequent(), wordlist._Table)
        before = wordlist.zipf("document")
        wordlist.expect(wordlist.MANY_LOOKUPS)
        assert isinstance(wordlist.frequent(), dict)
        assert wordlist.zipf("document") == before > 0
    finally:
        wordlist.forget()


def test_the_shipped_list_is_what_the_word_list_reads() -> None:
    wordlist.forget()
    # if not: wordfreq's file changed; python .ci/build_wordlist.py writes it anew
    assert isinstance(wordlist._words(), wordlist._Shipped)


def _small() -> list[list[bytes]]:
    buckets: list[list[bytes]] = [[] for _ in range(800)]
    buckets[0] = [b"the"]
    buckets[150] = sorted([b"document", b"caf\xc3\xa9"])
    buckets[650] = sorted([b"halabi", b"halab", b"zz\xc3\xa9"])
    buckets[799] = [b"halabis"]
    return buckets


def test_a_list_packed_and_read_back() -> None:
    words = wordlist._Shipped(wordlist.pack(_small(), b"7 abc"), b"7 abc")
    assert words.frequent == {"the": 9.0, "document": 7.5, "café": 7.5}
    assert isinstance(words.table, wordlist._Table)
    assert words.table.as_dict() == words.frequent
    assert words.find("café", rare=False) == 7.5 and words.find("caf", rare=False) is None
    assert words.find("halabi") == words.find("halab") == wordlist._zipf_of(650)
    assert words.find("halabis") == wordlist._zipf_of(799)
    assert words.find("zzé") == wordlist._zipf_of(650)
    assert words.find("halabi", rare=False) is None
    assert words.find("hala") is None and words.find("aaa") is None and words.find("zzz") is None


def test_a_list_made_from_another_file_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError):
        wordlist._Shipped(wordlist.pack(_small(), b"7 abc"), b"7 abd")
    with pytest.raises(ValueError):
        wordlist._Shipped(b"something else", b"7 abc")
    stale = tmp_path / "wordlist.bin"
    stale.write_bytes(wordlist.pack(_small(), b"7 abc"))
    monkeypatch.setattr(wordlist, "SHIPPED", stale)
    wordlist.forget()
    try:
        assert wordlist._shipped() is None
        assert isinstance(wordlist._words(), wordlist._Words)  # read from wordfreq's file
        assert wordlist.zipf("halabi") == pytest.approx(1.77)
    finally:
        wordlist.forget()


def test_the_common_words_are_the_frequent_words_that_common() -> None:
    source = wordlist._source_path()
    assert source is not None
    shipped = wordlist._Shipped(wordlist.SHIPPED.read_bytes(), wordlist.signature(source))
    frequent = shipped.frequent
    for floor in (wordlist.COMMON, 7.0, 4.2, wordlist.FREQUENT, 9.5):
        expected = {word: value for word, value in frequent.items() if value >= floor}
        assert shipped.common(floor) == expected, floor
    found = wordlist.common()
    assert found.words == {w: v for w, v in frequent.items() if v >= wordlist.COMMON}
    assert found.highest == max(frequent.values())
    assert found.longest == max(len(word) for word in found.words)
