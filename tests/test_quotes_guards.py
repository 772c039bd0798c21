"""Quick tests that spare the quotation stages a pattern must never change a
result: where they say "no", the pattern finds nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import attribution

BEFORE_PATTERNS = (attribution._BEFORE, attribution._WHO_SAID, attribution._DID_AND_SAID)


def test_the_verbs_are_words_of_lower_case_letters() -> None:
    # the guard in _attribution_before looks for them as runs of [a-z]
    assert all(verb.isascii() and verb.isalpha() and verb.islower() for verb in attribution._VERBS)


WORDS = st.sampled_from(
    [
        "Nora",
        "Mr. Lark",
        "he",
        "she",
        "his wife",
        "who",
        "and",
        "then",
        "softly",
        "said",
        "replied",
        "asked",
        "added",
        "turned",
        "to",
        "her",
        "the",
        "door",
        "saying",
        "resaid",
    ]
)
GLUE = st.sampled_from([" ", ", ", "  ", ",", "\n", " — ", "", ":"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(WORDS, GLUE), max_size=14))
def test_a_sentence_without_a_verb_word_matches_no_pattern_before_a_quote(
    parts: list[tuple[str, str]],
) -> None:
    sentence = "".join(word + glue for word, glue in parts)
    if attribution._VERB_WORDS.isdisjoint(attribution._LOWER_RUN.findall(sentence)):
        assert all(pattern.search(sentence) is None for pattern in BEFORE_PATTERNS)
