import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.text import segmenter as sentences
from aleppo_cli.text.document import _blocks, build
from tests.conftest import read_book

GOLDEN = json.loads((Path(__file__).parent / "data" / "golden_rules_en.json").read_text("utf-8"))


def split_text(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences.split(text)]


# The one Golden Rule aleppo fails (47/48, as the README says): after a
# dotted abbreviation ("P.M.") a sentence ends only before a typical first
# word (segmenter.STARTERS), and "Mr." is not one.
KNOWN_FAILURES = {
    "He left the bank at 6 P.M. Mr. Smith then went to the store.": (
        "'P.M.' followed by 'Mr.': the sentence end is not recognised"
    ),
}


def _golden_cases() -> list[Any]:  # pytest.param values
    cases = GOLDEN["cases"]
    params = []
    for number, case in enumerate(cases, start=1):
        reasons = [reason for tail, reason in KNOWN_FAILURES.items() if case["text"].endswith(tail)]
        marks = [pytest.mark.xfail(reason=reasons[0], strict=True)] if reasons else []
        params.append(
            pytest.param(case["text"], case["sentences"], id=f"rule-{number}", marks=marks)
        )
    return params


def test_golden_rules_are_all_here() -> None:
    assert len(GOLDEN["cases"]) == 48
    for tail in KNOWN_FAILURES:
        assert sum(case["text"].endswith(tail) for case in GOLDEN["cases"]) == 1, tail


@pytest.mark.parametrize(("text", "expected"), _golden_cases())
def test_golden_rule(text: str, expected: list[str]) -> None:
    """Every rule passes but the known failure, which must still fail
    (xfail strict): a regression or an unnoticed fix both show up."""
    assert split_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Darcy bowed. Mrs. Bennet did not.", ["Mr. Darcy bowed.", "Mrs. Bennet did not."]),
        ("Dr. Who? St. Paul's is near. Go on.", ["Dr. Who?", "St. Paul's is near.", "Go on."]),
        ("We met at 5 p.m. on Friday. It rained.", ["We met at 5 p.m. on Friday.", "It rained."]),
        ("He said, “Stop.” Then he left.", ["He said, “Stop.”", "Then he left."]),
        (
            "A sentence. 你好。再见！ Another one.",
            ["A sentence.", "你好。", "再见！", "Another one."],
        ),
        ("No punctuation at all", ["No punctuation at all"]),
        ("e.g. this. And that, i.e. the other.", ["e.g. this.", "And that, i.e. the other."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split_text(text) == expected


def test_pride_and_prejudice_never_ends_a_sentence_on_an_honorific() -> None:
    document = build(read_book("pride_and_prejudice.txt"))
    endings = [s.text for s in document.sentences if re.search(r"\b(Mr|Mrs)\.$", s.text)]
    assert endings == []
    assert document.sentence_count > 5000


# --- one pass over the whole text finds what each paragraph alone gives ---------

_pieces = st.lists(
    st.one_of(
        st.sampled_from(
            ["Mr.", "U.S.", "p.", "No. 5", "1.", "2.", "a.", "b)", "2.)", "I.", "you and I. Did"]
        ),
        st.sampled_from(["The", "he", "end.", "Yes!", "...", ". . . .", "[...]", "“Hi.”", "。"]),
        st.sampled_from(["•", "• 1.", "◦", ":", "٣.", "x", "10.", "1000."]),
        st.sampled_from([" ", " ", "  ", "\n", "\n\n", "\t", "\u2028"]),
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_pieces)
def test_split_blocks_is_split_of_each_paragraph(text: str) -> None:
    blocks = list(_blocks(text))
    whole = sentences.split_blocks(text, blocks)
    alone = [
        [(begin + start, begin + end) for start, end in sentences.split(text[begin:end])]
        for begin, end in blocks
    ]
    assert whole == alone
    # the list markers found in one pass are those the pattern finds in each paragraph
    markers = sentences._list_markers(text, blocks)
    for (begin, end), found in zip(blocks, markers, strict=True):
        paragraph = text[begin:end]
        expected = [
            (begin + m.start(), m["value"], m["style"], begin + m.start("style"))
            for m in sentences._LIST_MARKER.finditer(paragraph)
        ]
        assert [tuple(marker) for marker in found] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=".!?‽…。！？ab )\n1", max_size=40))
def test_terminal_positions_are_the_pattern_s(text: str) -> None:
    expected = [m.start() for m in sentences._TERMINAL.finditer(text)]
    assert sentences._terminal_positions(text, 0, len(text)) == expected
    middle = len(text) // 3
    assert sentences._terminal_positions(text, middle, 2 * middle) == [
        m.start() for m in sentences._TERMINAL.finditer(text, middle, 2 * middle)
    ]
    # the list markers' styles, found by two patterns, are the one pattern's
    found = [*sentences._MARKER_STOP.finditer(text), *sentences._MARKER_PARENTHESIS.finditer(text)]
    spans = sorted(m.span() for m in found)
    assert spans == [m.span() for m in sentences._MARKER_STYLE.finditer(text)]
