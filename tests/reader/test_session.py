"""A long text is shown from a preview of its first pages while the whole
document is built: the preview is the start of the whole, offsets and all."""

from __future__ import annotations

from dataclasses import replace

from aleppo_cli.reader.session import PREVIEW_FROM, cut_point, prepare, preview_of
from aleppo_cli.text.document import build
from tests.builders import source_of
from tests.conftest import read_book
from tests.reader.conftest import review


def same_start(raw: str) -> None:
    preview = preview_of(source_of(raw))
    assert preview is not None
    whole = build(raw)
    shown = list(preview.sentences)
    assert len(shown) > 50
    assert shown[:-1] == list(whole.sentences)[: len(shown) - 1]


def test_the_preview_of_a_novel_is_its_start() -> None:
    same_start(read_book("moby-dick.txt"))
    same_start(read_book("pride_and_prejudice.txt"))


def test_a_text_with_a_paragraph_a_line() -> None:
    raw = "\n".join(f"Line {n} says a thing. And then another." for n in range(8000))
    same_start(raw)


def test_a_long_line_is_cut_at_a_sentence_end() -> None:
    raw = "The whale swam on. " * 20_000
    cut = cut_point(raw)
    assert cut is not None and raw[:cut].endswith(".")


def test_short_and_bundled_texts_have_no_preview() -> None:
    assert preview_of(review()) is None
    assert preview_of(source_of("A short text. " * 100)) is None


def test_a_30_mb_line_shows_its_start_first() -> None:
    # how quickly is bench/reader.py's to say; here: a preview, the rest built later
    raw = ("The whale swam on and on, “far away,” said Ishmael. " * 600_000)[:30_000_000]
    assert len(raw) > PREVIEW_FROM
    session = prepare(source_of(raw), {}, no_state=True)
    assert not session.complete and session.build_rest is not None
    assert 10 < session.document.sentence_count < 2000


def test_a_synchronous_session_has_the_whole_document() -> None:
    raw = "\n\n".join(f"Paragraph {n} is here. It has two sentences." for n in range(6000))
    assert not prepare(source_of(raw), {}, no_state=True).complete  # a preview first
    assert prepare(source_of(raw), {}, no_state=True, synchronous=True).complete  # tests


def test_the_background_build_keeps_the_repair_chosen() -> None:
    # ad-slot markers between sentences: a scrape, repaired by default
    raw = "\n\n".join(
        f"Paragraph {n} is here. Advertisement It has two sentences." for n in range(6000)
    )
    for repair, kept in ((None, False), (True, False), (False, True)):
        source = replace(source_of(raw), repair=repair)
        session = prepare(source, {}, no_state=True)
        assert not session.complete and session.build_rest is not None
        whole = session.build_rest()
        for document in (session.document, whole):
            assert ("Advertisement" in document.clean.text) is kept, repair
