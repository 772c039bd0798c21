"""The pipeline's results equal the golden data made before work on its speed
(tests/pipeline_golden.py): clean-up edits, paragraph and sentence offsets,
the folded copy search reads, search hits with speakers, quotations with
speakers, ``info``'s counts and ``show``'s plain text, on the bundled review
and the three books (skipped without ../shared)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from tests import pipeline_golden as golden
from tests.conftest import shared_path

GOLDEN: dict[str, Any] = json.loads(golden.GOLDEN.read_text("utf-8"))


@cache
def live(name: str) -> dict[str, Any]:
    return golden.sections(golden.read(name), name)


def _texts() -> list[str]:
    return list(golden.TEXTS)


@pytest.fixture(params=_texts())
def text(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name != golden.REVIEW:
        shared_path("corpus", "books", name)  # skips without the shared corpus
    return name


def _first_difference(expected: Any, actual: Any) -> str:
    """Where two digests differ, readably: the first sample item that differs."""
    for part in ("items", "first", "last"):
        wanted, got = expected.get(part), actual.get(part)
        if wanted is None or wanted == got:
            continue
        assert got is not None
        for index, (a, b) in enumerate(zip(wanted, got, strict=False)):
            if a != b:
                return f"{part}[{index}]: expected {a!r}, got {b!r}"
        return f"{part}: {len(wanted)} items expected, {len(got)} found"
    return "the samples agree; the difference lies between them"


def _check(section: str, expected: Any, actual: Any) -> None:
    if expected == actual:
        return
    if isinstance(expected, dict) and "sha256" in expected and "count" in expected:
        detail = _first_difference(expected, actual)
        pytest.fail(f"{section}: {actual['count']} items, {expected['count']} expected; {detail}")
    assert actual == expected, section


@pytest.mark.parametrize(
    "section",
    [
        "cleaned_text",
        "edits",
        "glued_edits",
        "paragraphs",
        "sentences",
        "sentence_texts",
        "folded",
        "info",
        "show_plain",
        "quotations",
    ],
)
def test_a_section_equals_its_golden_data(text: str, section: str) -> None:
    _check(f"{text} {section}", GOLDEN[text][section], live(text)[section])


@pytest.mark.parametrize("group", ["search", "search_with_speakers"])
def test_search_hits_equal_their_golden_data(text: str, group: str) -> None:
    expected, actual = GOLDEN[text][group], live(text)[group]
    assert sorted(actual) == sorted(expected)
    for query, digest in expected.items():
        _check(f"{text} {group} {query!r}", digest, actual[query])
