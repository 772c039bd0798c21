"""info's word count: counted in bytes, it is the number of matches of its pattern."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.analysis import stats


def matches(text: str) -> int:
    return sum(1 for _ in stats._WORD.finditer(text))


@pytest.mark.parametrize(
    "text",
    ["", "a", "-a", "a-", "a-b", "a--b", "a-b-c", "'tis", "don't", "l’été", "x’ ’y", "½ ²", "_a_"],
)
def test_words(text: str) -> None:
    assert stats.count_words(text) == matches(text)


_chars = st.sampled_from([*"ab1 -'’_\n.é²½ÿ‘—\u00a0\ud800", "\U0001d400", "ﷺ"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_chars, st.characters()), max_size=40).map("".join))
def test_the_count_is_the_patterns(text: str) -> None:
    assert stats.count_words(text) == matches(text)


def test_every_character_is_classed_as_the_pattern_classes_it() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    for joiner in (" ", "-", "a", "’"):
        text = joiner.join(every)
        assert stats.count_words(text) == matches(text)
