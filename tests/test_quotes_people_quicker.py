"""The people index's quicker searches against the plain ones they replace
(speed work: the same answers, found with fewer steps)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import people


def _pronoun_in_sentence(text: str, end: int, next_name: int) -> tuple[re.Match[str] | None, bool]:
    """As ``_scan_part`` found it before ``_PRONOUN_OR_END``: the sentence's
    end within the reach, then the first pronoun before it (and before the
    next name); and whether the search stopped before the next name."""
    stop = people._SENTENCE_END.search(text, end, end + people.PRONOUN_REACH)
    limit = stop.start() if stop else end + people.PRONOUN_REACH
    if next_name < limit:
        limit = next_name
    return people._PRONOUNS.search(text, end, limit), limit < next_name


_WORDS = st.sampled_from(
    ["he", "She", "HIS", "herself", "hers", "shed", "the", "Ash", "sh", "h", "s", "x"]
)
_GAPS = st.sampled_from([" ", "", ".", "!", "?", "…", "“", "”", '"', "'", ",", "\n", " . "])
_TEXTS = st.lists(st.tuples(_WORDS, _GAPS), max_size=40).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)


@given(_TEXTS, st.integers(0, 200), st.integers(0, 400))
def test_one_search_finds_the_pronoun_before_the_sentence_ends(
    text: str, end: int, next_name: int
) -> None:
    end = min(end, len(text))
    expected, expected_ended = _pronoun_in_sentence(text, end, next_name)
    reach = end + people.PRONOUN_REACH
    found = people._PRONOUN_OR_END.search(text, end, min(next_name, reach))
    if found is None:
        ended = reach < next_name
    else:
        ended = found.lastindex == 1
        if ended:
            found = None
    assert (found and (found.span(), found.group())) == (
        expected and (expected.span(), expected.group())
    )
    if found is None:
        assert ended == expected_ended


def test_the_pronoun_after_a_name_and_the_sentence_that_ends_first() -> None:
    text = "Nora sat. She rose, and he left"
    found = people._PRONOUN_OR_END.search(text, 4, len(text))
    assert found is not None and found.lastindex == 1 and found.start() == text.index(".")
    found = people._PRONOUN_OR_END.search(text, text.index("."), len(text))
    assert found is not None and found.lastindex == 1
    found = people._PRONOUN_OR_END.search(text, text.index(".") + 1, len(text))
    assert found is not None and found.group() == "She"
