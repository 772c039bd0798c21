import json
import re
from pathlib import Path

import pytest

from aleppo_cli.text import segmenter as sentences
from aleppo_cli.text.document import build
from tests.conftest import read_book

GOLDEN = json.loads((Path(__file__).parent / "data" / "golden_rules_en.json").read_text("utf-8"))


def split_text(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences.split(text)]


def test_golden_rules_at_least_45_of_48() -> None:
    cases = GOLDEN["cases"]
    assert len(cases) == 48
    failures = [case["text"] for case in cases if split_text(case["text"]) != case["sentences"]]
    assert len(failures) <= 3, failures


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
