from dataclasses import fields

from aleppo_cli.text.cleanup import clean
from aleppo_cli.text.document import (
    _PARAGRAPH_DEFAULTS,
    MAX_SENTENCE,
    Paragraph,
    Sentence,
    build,
    from_clean,
)
from tests.builders import document_of, text_of
from tests.conftest import REVIEW


def test_sentences_are_numbered_across_paragraphs() -> None:
    document = document_of(["One here.", "Two here."], ["Three here."])
    assert [(s.number, s.paragraph, s.text) for s in document.sentences] == [
        (1, 1, "One here."),
        (2, 1, "Two here."),
        (3, 2, "Three here."),
    ]
    assert [p.number for p in document.paragraphs] == [1, 2]


def test_offsets_are_into_the_text_as_read() -> None:
    raw = "  First  one.\r\n\r\nSecond\u00a0one.  "
    document = build(raw)
    assert [raw[s.start : s.end] for s in document.sentences] == ["First  one.", "Second\u00a0one."]
    first = document.paragraphs[0]
    assert raw[first.start : first.end] == "First  one."


def test_line_breaks_inside_a_paragraph_are_soft() -> None:
    document = build("A sentence that\nwraps over lines.\n\nNext paragraph.")
    assert [p.text for p in document.paragraphs] == [
        "A sentence that wraps over lines.",
        "Next paragraph.",
    ]


def test_one_paragraph_a_line_when_there_is_no_blank_line() -> None:
    document = build("Headline here\nFirst line. Still first.\nSecond line.")
    assert [len(p.sentences) for p in document.paragraphs] == [1, 2, 1]


def test_text_that_lost_its_paragraph_breaks_is_cut_into_readable_parts() -> None:
    sentence = "This sentence is about sixty characters long, give or take. "
    raw = (sentence * 40).strip()  # 2,400 characters on one line
    document = build(raw)
    lengths = [len(p.text) for p in document.paragraphs]
    assert len(lengths) == 4
    assert max(lengths) < 700
    assert document.sentence_count == 40


def test_review_paragraphs() -> None:
    document = build(REVIEW.read_text("utf-8"))
    assert document.sentence_count == 39
    assert 8 <= len(document.paragraphs) <= 12
    assert all(len(p.text) < 800 for p in document.paragraphs)
    # the ad markers are paragraph breaks
    starts = [p.text[:20] for p in document.paragraphs]
    assert "Yet, Firas Fayyad’s " in starts
    assert "Fayyad, co-director " in starts


def test_authors_paragraphs_are_kept_when_the_text_has_them() -> None:
    long_paragraph = ["A fairly ordinary sentence of prose, as in any novel."] * 40
    short = ["Short."] * 3
    document = build(text_of(*([short] * 30), long_paragraph))
    assert len(document.paragraphs) == 31


def test_unpunctuated_text_is_cut_into_bounded_sentences() -> None:
    raw = " ".join(["word"] * 3000)
    document = build(raw)
    assert document.sentence_count > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in document.sentences)
    assert " ".join(s.text for s in document.sentences) == raw


def test_headings_are_short_unpunctuated_lines() -> None:
    raw = (
        "Chapter 1\n\nIt was dark. Rain fell.\n\nWind too.\n\nChapter 2\n\nMorning.\n\nSun.\n\nEnd."
    )
    document = build(raw)
    flags = [p.heading for p in document.paragraphs]
    assert flags == [True, False, False, True, False, False, False]


def test_no_headings_in_text_without_punctuation() -> None:
    document = build("one line\ntwo line\nthree line\nfour.")
    assert not any(p.heading for p in document.paragraphs)


def test_a_megabyte_line_without_punctuation() -> None:
    raw = "word " * 200_000
    document = build(raw)
    assert all(len(s.text) <= MAX_SENTENCE for s in document.sentences)
    assert document.sentence_count >= 900


def test_one_enormous_word() -> None:
    document = build("a" * 100_000)
    assert [len(s.text) for s in document.sentences][:2] == [MAX_SENTENCE, MAX_SENTENCE]
    assert sum(len(s.text) for s in document.sentences) == 100_000


def test_cuts_by_bisection_are_the_nearest_starts() -> None:
    """_parts finds each cut by bisection: the same index a scan of every
    candidate finds (the lower one on a tie)."""
    import random

    from aleppo_cli.text.document import _nearest

    generator = random.Random(13)
    for _ in range(2000):
        starts = sorted(generator.sample(range(0, 400), generator.randint(1, 40)))
        low = generator.randrange(len(starts))
        high = generator.randint(low + 1, len(starts))
        ideal = generator.uniform(-10, 410)
        scan = min(range(low, high), key=lambda index: abs(starts[index] - ideal))
        assert _nearest(starts, ideal, low, high) == scan


def test_assembled_paragraphs_hold_the_defaults_of_the_fields_they_do_not_set() -> None:
    document = from_clean(clean("One sentence here. Another one.\n\nA second paragraph."))
    assert len(document.paragraphs) == 2
    for paragraph in document.paragraphs:
        held = vars(paragraph)
        assert list(held) == [field.name for field in fields(Paragraph)]
        assert {name: held[name] for name in _PARAGRAPH_DEFAULTS} == _PARAGRAPH_DEFAULTS
        for sentence in paragraph.sentences:  # as its own __init__ would make it
            assert list(vars(sentence)) == [field.name for field in fields(Sentence)]
            assert sentence == Sentence(**vars(sentence))
            assert hash(sentence) == hash(Sentence(**vars(sentence)))
        assert paragraph == Paragraph(**vars(paragraph))
