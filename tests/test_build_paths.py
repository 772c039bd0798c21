"""The quick paths of the document build give what the plain definitions give."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.text import cleanup


def test_the_other_spaces_are_every_white_space_character_python_knows() -> None:
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace())
    assert every.replace(" ", "").replace("\n", "") == cleanup._OTHER_SPACES


_texts = st.lists(
    st.sampled_from(["a", "b.", " ", "  ", "\n", "\n\n", "\n\n\n", " \n", "\n ", "\t", "\u200b"]),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_plain_runs_are_the_runs_the_pattern_finds(raw: str) -> None:
    first = len(raw) - len(raw.lstrip(" \n\t\u200b"))
    last = max(first, len(raw.rstrip(" \n\t\u200b")))
    runs = cleanup._plain_runs(raw, first, last)
    found = cleanup._SPACE_RUN.finditer(raw, first, last)
    expected = [match.span() for match in found if match.group() != "\n\n"]  # needs no edit
    if "\t" in raw[first:last] or "\u200b" in raw[first:last]:
        assert runs is None
    else:
        assert runs == expected


@settings(max_examples=300, deadline=None)
@given(_texts, st.lists(st.integers(min_value=0, max_value=60), max_size=30), st.booleans())
def test_offsets_in_order_map_as_each_alone(raw: str, offsets: list[int], ordered: bool) -> None:
    cleaned = cleanup.clean(raw, repair=False)
    offsets = [offset % (len(cleaned.text) + 1) for offset in offsets]
    if ordered:
        offsets.sort()
    sides: tuple[cleanup.Side, ...] = ("start", "end")
    for side in sides:
        expected = [cleaned.to_raw(offset, side) for offset in offsets]
        assert cleaned._to_raw_all(offsets, side) == expected


def test_a_long_text_leaves_its_document_out_of_the_collectors_passes() -> None:
    import gc

    from aleppo_cli.text import collector, document

    long_text = "A sentence of a long text. " * (document.FREEZE_FROM // 27 + 1)
    gc.unfreeze()
    try:
        document.build(long_text)
        assert gc.get_freeze_count() == 0  # (in-process: never, unless allowed)
        collector.allow_freezing()
        document.build("Short. Text.")
        assert gc.get_freeze_count() == 0
        built = document.build(long_text)
        assert gc.get_freeze_count() > 0
        assert gc.is_tracked(built.paragraphs[0])  # frozen, not untracked
        assert gc.isenabled()
    finally:
        collector.allow_freezing(False)
        gc.unfreeze()
