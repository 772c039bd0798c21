"""Quicker ways of the quotation stages against the plain ones they replace
(speed work: the same results, found with fewer steps)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import kind, people, speakers
from aleppo_cli.text import quotemarks


def _marks_of_every_run(text: str) -> list[tuple[int, str, str, str, int]]:
    """``quotemarks._marks`` as it was: every run of marks, an apostrophe
    between letters or digits left out one by one."""
    found = []
    for run in quotemarks._RUN.finditer(text):
        start, end = run.span()
        before = text[start - 1] if start else ""
        after = text[end : end + 1]
        if end - start == 1:
            mark = text[start]
            if mark in "'’" and before.isalnum() and after.isalnum():
                continue
            found.append((start, mark, before, after, end))
        elif end - start <= quotemarks.MAX_RUN:
            for offset, mark in enumerate(run.group()):
                found.append((start + offset, mark, before, after, end))
    return found


_MARKED = st.text(alphabet="“”\"«»„‘’‚‹›'ab1_ \n.é٣²-", max_size=30)


@given(_MARKED)
def test_marks_leave_out_the_apostrophes_of_words_as_before(text: str) -> None:
    assert quotemarks._marks(text) == _marks_of_every_run(text)


def test_marks_of_a_sentence() -> None:
    text = "“Don't,” said Anna’s ‘friend’ '90s ''"
    assert quotemarks._marks(text) == _marks_of_every_run(text)
    assert [mark for _, mark, _, _, _ in quotemarks._marks(text)] == list("“”‘’'''")


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


@given(_NAMED.map(lambda s: s.replace("the", "my dear")), st.integers(1, 60))
def test_vocatives_past_the_first_character_are_the_patterns(text: str, start: int) -> None:
    start = min(start, len(text))
    inside = [(m.span(), m.group("name")) for m in speakers._VOCATIVE_INSIDE.finditer(text, start)]
    assert inside == [(m.span(), m.group("name")) for m in speakers._VOCATIVE.finditer(text, start)]


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


def _may_name_as_before(before: str) -> bool:
    lowered = before.lower()
    return any(word in lowered for word in kind._NAMING_WORDS) or any(
        character in before for character in kind._FOLDED_TO_ASCII
    )


@given(
    st.lists(
        st.sampled_from(
            [
                *("named", "Dubbed", "KNOWN", "a.k.a", "akA", "so-called", "term", "word"),
                *("called", "nam", "a.k", "ak", "call", " ", "\n", "x", "İ", "ı", "ſ", "the", "."),
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_may_name_as_before(before: str) -> None:
    assert kind._may_name(before) == _may_name_as_before(before)
