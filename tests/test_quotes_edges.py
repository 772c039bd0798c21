"""The quick ways the end of ``aleppo quotes`` takes give what the plain
ways give: the quotations finished a field at a time, the locations of
many paragraphs at once, the quotations' words made visible at once, and
the unwrapped lines of a text with sections."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import halves, quotations
from aleppo_cli.analysis.quotes.model import Part, Person, Quotation, Stretch
from aleppo_cli.output import plain
from aleppo_cli.output.safe import visible
from aleppo_cli.output.shared import location, locations, quoted, quoted_visible, quotes_count
from aleppo_cli.text import collector, sections
from aleppo_cli.text.document import Document, build
from tests.conftest import read_book

_STORY = "\n\n".join(
    [
        "Front matter: “Read me,” it says.",
        "BOOK ONE",
        "CHAPTER I",
        "“Come in,” said Nora, “and sit down.”",
        "“Thank you,” Tom replied. “I will.”",
        "The “so-called” friend laughed.",
        "BOOK TWO",
        "CHAPTER I",
        "“Again?” asked Nora.\n“Yes,” said Tom.",
        "“Open and\nnever closed",
    ]
)


def test_locations_of_many_paragraphs_are_each_ones_location() -> None:
    document = build(_STORY)
    locator = sections.Locator(document.sections)
    assert document.sections  # (the story has books and chapters)
    numbers = list(range(0, len(document.paragraphs) + 3))
    assert locations(locator, numbers) == {n: location(locator, n) for n in numbers}
    assert locations(None, numbers) == {n: location(None, n) for n in numbers}
    marked = locations(locator, numbers, lambda path: path.replace("I", "\x1b"))
    assert marked == {n: location(locator, n).replace("I", "\x1b") for n in numbers}


def _finish(
    document: Document, stretch: Stretch, kind_of: str, speaker: str | None, person: Person | None
) -> Quotation:
    """A quotation as ``quotations`` once finished each alone."""
    cleaned = document.clean
    parts = []
    for span in stretch.spans:
        raw_start, raw_end = cleaned.span_to_raw(span.start, span.end)
        text = cleaned.raw[raw_start:raw_end]
        parts.append(Part(raw_start, raw_end, span.start, span.end, text))
    paragraph, sentence = stretch.paragraph.number, quotations._sentence(stretch).number
    return Quotation(kind_of, speaker, tuple(parts), paragraph, sentence, person)


def test_finished_quotations_are_each_finished_alone() -> None:
    document = build(_STORY)
    found, cast, _ = quotations._stages(document, None)
    assert any(len(stretch.spans) > 1 for stretch in found)  # (joined around "said Nora")
    made = quotations.find(document)
    kinds, by = [q.kind for q in made], [q.speaker for q in made]
    known = quotations._persons(cast, by)
    alone = [
        _finish(document, stretch, kind, speaker, known.get(speaker) if speaker else None)
        for stretch, kind, speaker in zip(found, kinds, by, strict=True)
    ]
    offsets, numbers = quotations._placed(document, found)
    together = quotations._finished(document, found, kinds, by, known, offsets, numbers)
    assert together == alone == made
    assert [type(part) for q in together for part in q.parts] == [Part] * sum(
        len(q.parts) for q in together
    )
    assert all(type(q) is Quotation for q in together)


_RAW_PIECES = st.sampled_from(
    ["Nora", " ", "  ", "\u00a0", "\x1b", "\x1c", "\x85", "\t", "\n", "“", "”", "«", "'", "é"]
)


@given(st.lists(_RAW_PIECES, max_size=12).map("".join), st.integers(1, 3), st.booleans())
def test_quotations_made_visible_at_once_are_each_made_visible(
    words: str, count: int, at_edges: bool
) -> None:
    raw = words if at_edges else f"“{words}”"
    start = 0 if at_edges else 1
    part = Part(start, start + len(words), start, start + len(words), words)
    found = [Quotation("speech", None, (part,) * n, 1, 1) for n in range(1, count + 1)]
    assert quoted_visible(found, raw) == [visible(quoted(q, raw)) for q in found]


def test_unwrapped_lines_of_a_text_with_sections() -> None:
    document = build(_STORY)
    found = quotations.find(document)
    raw = _STORY
    locator = sections.Locator(document.sections)
    for show_kind in (False, True):
        lines = []
        for quotation in found:
            kind = f"{quotation.kind}: " if show_kind else ""
            kind = f"{visible(location(locator, quotation.paragraph))}: {kind}"
            speech = quotation.kind == "speech"
            speaker = quotation.speaker or ("(speaker unknown)" if speech else "")
            who = plain.glued(f" — {visible(speaker)}") if speaker else ""
            body = f"{kind}{visible(quoted(quotation, raw))}{who}"
            lines.extend(plain._hanging(f"[{quotation.sentence}] ", body, None))
        expected = "\n".join([*lines, "", quotes_count(len(found), 2)]) + "\n"
        assert plain.quotes_plain(raw, found, 2, None, show_kind, document.sections) == expected


def test_what_the_stages_made_is_kept_when_asked_and_the_quotations_are_the_same() -> None:
    document = build(_STORY)
    kept: list[object] = []
    alone = quotations.find(document)
    frozen = gc.get_freeze_count()
    collector.allow_freezing()  # (as the console script does)
    try:
        assert quotations.find(document, keep=kept.append) == alone
        assert gc.get_freeze_count() > frozen  # (out of the collector's reach)
    finally:
        collector.allow_freezing(False)
        gc.unfreeze()
    assert len(kept) == 1 and isinstance(kept[0], list)
    found, _, _ = quotations._stages(document, None)
    assert found in kept[0]  # (the stretches, among what the stages made)


def test_a_novels_later_part_in_a_child_keeps_what_it_made_too(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    document = build(read_book("pride_and_prejudice.txt")[:60_000])  # 205 quotations
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = quotations.find(document)
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(halves, "MANY_STRETCHES", 0)
    kept: list[object] = []
    assert quotations.find(document, keep=kept.append) == alone
    assert forks  # (the later part read by a child)
    assert len(kept) == 1 and isinstance(kept[0], list) and len(kept[0]) > 4


def test_no_unwrapped_line_ends_in_white_space() -> None:
    """A quotation without a speaker ends its line in its own words, stripped
    as ``_hanging`` strips a line: even where its last part is empty."""
    empty = Part(0, 0, 0, 0, "")
    found = [Quotation("scare", None, (empty, empty), 4, 9)]
    out = plain.quotes_plain("", found, 0, None, False)
    assert out.startswith("[9] ")
    assert all(line == line.rstrip() for line in out.splitlines())
