"""Quicker ways of the quotation stages against the plain ones they replace
(speed work: the same results, found with fewer steps)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import people

_NAMED = st.lists(
    st.sampled_from(
        [
            "Mr.",
            "Mrs",
            "Nora",
            "Lark",
            "Ivo",
            "de",
            "van",
            "J.",
            "Anna’s",
            "Lloyd-George",
            "NATO",
            "the",
            "said",
            " ",
            "  ",
            "\n",
            "\n\n",
            "“",
            "”",
            '"',
            "'",
            "’",
            ",",
            ".",
            "-",
            "_",
            "é",
            "1",
        ]
    ),
    max_size=24,
).map("".join)


@given(_NAMED, st.integers(0, 60), st.integers(0, 60))
def test_names_inside_a_span_are_the_patterns(text: str, first: int, second: int) -> None:
    start, end = sorted((min(first, len(text)), min(second, len(text))))
    whole = list(people._names(text))
    known = (text, [m.start() for m in whole], [m.end() for m in whole])
    expected = [m.group() for m in people._names(text, start, end)]
    assert list(people._names_inside(text, start, end, known)) == expected


def test_names_inside_quotes_come_from_the_whole_texts() -> None:
    text = "Mr. Lark said “Nora, Mr. Ivo Lark’s here” and “Ivo”-Lark left."
    whole = list(people._names(text))
    known = (text, [m.start() for m in whole], [m.end() for m in whole])
    first = text.index("“") + 1
    assert list(people._names_inside(text, first, text.index("”"), known)) == [
        "Nora",
        "Mr. Ivo Lark’s",
    ]
    second = text.index("“", first) + 1
    assert list(people._names_inside(text, second, second + 3, known)) == ["Ivo"]


def _role_after_the_as_before(text: str, start: int, candidate: str) -> str | None:
    words = candidate.split()
    if words[0] == "The":
        words = words[1:]
    elif text[max(0, start - len(people._THE)) : start].lower() != people._THE:
        return None
    if len(words) != 1:
        return None
    word = words[0].rstrip(".")
    if word in people._ROLES or people.is_honorific(word) or word.lower() in people._TITLE_WORDS:
        return word
    return None


@given(
    st.sampled_from(["the ", "The ", "THE ", "he ", "", "at "]),
    st.sampled_from(["The", "", "Mr"]),
    st.sampled_from(["Professor", "Secretary.", "Mr.", "Doctor", "Nora", "Nora Lark", "The"]),
)
def test_roles_after_the_as_before(before: str, opening: str, rest: str) -> None:
    candidate = f"{opening} {rest}".strip()
    text = f"x {before}{candidate} went."
    start = len(f"x {before}")
    expected = _role_after_the_as_before(text, start, candidate)
    assert people._role_after_the(text, start, candidate) == expected
    assert people._role_after_the(text, start, candidate) == expected  # remembered
