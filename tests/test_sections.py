"""Sections: chapters, parts and books found from a plain text's headings,
and the headings of structured documents."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.text import sections
from aleppo_cli.text.document import Document, build, from_blocks
from aleppo_cli.text.formats import markdown
from tests.conftest import shared_path


def outline(document: Document) -> list[tuple[int, str, str]]:
    return [(s.level, s.label, s.name) for s in document.sections]


def test_chapters_in_the_forms_novels_print_them() -> None:
    text = "\n\n".join(
        [
            "CHAPTER I.\nDown the Rabbit-Hole",
            "Alice was tired. She sat by her sister.",
            "Chapter 2",
            "The pool was deep.",
            "CHAPTER 3. The Carpet-Bag.",
            "He stuffed a shirt or two into his old bag.",
            "CHAPTER XII",
            "It was late.",
            "Chapter Thirteen: Of Whales in Paint; in Teeth; in Wood; in\nStone; in Stars.",
            "The end of it.",
            "EPILOGUE",
            "The drama's done.",
        ]
    )
    assert outline(build(text)) == [
        (1, "Chapter I", "Down the Rabbit-Hole"),
        (1, "Chapter 2", ""),
        (1, "Chapter 3", "The Carpet-Bag"),
        (1, "Chapter XII", ""),
        (1, "Chapter Thirteen", "Of Whales in Paint; in Teeth; in Wood; in Stone; in Stars"),
        (1, "Epilogue", ""),
    ]


def test_books_hold_chapters_and_an_epilogue_followed_by_chapters_holds_them() -> None:
    text = "\n\n".join(
        [
            "BOOK ONE: 1805",
            "CHAPTER I",
            "Well, Prince. So it begins.",
            "CHAPTER II",
            "Anna spoke.",
            "BOOK TWO: 1805",
            "CHAPTER I",
            "In October the army stood.",
            "FIRST EPILOGUE: 1813 - 20",
            "CHAPTER I",
            "Seven years had passed.",
        ]
    )
    document = build(text)
    assert outline(document) == [
        (1, "Book One", "1805"),
        (2, "Chapter I", ""),
        (2, "Chapter II", ""),
        (1, "Book Two", "1805"),
        (2, "Chapter I", ""),
        (1, "First Epilogue", "1813 - 20"),
        (2, "Chapter I", ""),
    ]
    first_book = document.sections[0]
    assert (first_book.paragraph, first_book.last) == (1, 5)
    assert document.sections[1].title == "CHAPTER I"


def test_a_line_that_merely_starts_with_chapter_is_prose() -> None:
    prose = [
        "Chapter two was found, and she glanced at its opening sentences.",
        "Chapter 4\nof the report says that the river had risen.",
        "Part of the reason was the weather.",
        "Book one of the series sold well, and the second better.",
        "Chapter 3 begins with a storm.",
        "Epilogues are hard to write.",
        "Introduction over, they sat down to dinner, talking, laughing, eating,",
        "BOOK II. (Octavo), CHAPTER IV. (Porpoise).-A pirate. Very savage. He is only\n"
        "found in the Pacific. He is larger than the others. Provoke him, and he will\n"
        "buckle to a shark.",
    ]
    text = "\n\n".join(["CHAPTER I", "It began.", *prose])
    document = build(text)
    assert outline(document) == [(1, "Chapter I", "")]
    assert document.sections[0].last == len(document.paragraphs)


def test_bare_numerals_count_up_or_are_not_headings() -> None:
    counted = "\n\n".join(
        ["THE AWAKENING", "I", "A parrot spoke.", "II", "He walked.", "III.", "She swam."]
    )
    assert outline(build(counted)) == [
        (1, "Chapter I", ""),
        (1, "Chapter II", ""),
        (1, "Chapter III", ""),
    ]
    stray = "\n\n".join(["A list of things.", "IV", "Then more text.", "2", "And more.", "9"])
    assert build(stray).sections == ()


def test_parts_above_bare_numbered_chapters() -> None:
    text = "\n\n".join(["Book I", "I.", "It was winter.", "II.", "Then spring.", "Book II"])
    text += "\n\nI.\n\nSummer came."
    assert outline(build(text)) == [
        (1, "Book I", ""),
        (2, "Chapter I", ""),
        (2, "Chapter II", ""),
        (1, "Book II", ""),
        (2, "Chapter I", ""),
    ]


def test_a_list_of_contents_is_not_sections() -> None:
    contents = ["Chapter 1. The Start", "Chapter 2. The Middle", "Chapter 3. The End"]
    body = ["Chapter 1", "It began.", "Chapter 2", "It went on.", "Chapter 3", "It ended."]
    document = build("\n\n".join(["CONTENTS", *contents, *body]))
    assert [s.label for s in document.sections] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert document.sections[0].paragraph == 5
    in_one = "CHAPTER I. The Start\nCHAPTER II. The Middle\n\nCHAPTER I\n\nIt began."
    assert [s.paragraph for s in build(in_one).sections] == [2]


def test_no_headings_no_sections_and_the_review_has_none() -> None:
    assert build("Just a note. Nothing more.").sections == ()
    from tests.conftest import REVIEW

    assert build(REVIEW.read_text(encoding="utf-8")).sections == ()


def test_markdown_headings_are_sections() -> None:
    found = markdown.extract(
        "# Notes\n\nIntro.\n\n## Setting up\n\nInstall it.\n\n### Chapter 2: Details\n\n"
        "Fine print.\n\n## Use\n\nRun it.\n"
    )
    document = from_blocks(found.text, found.blocks, found.spans)
    assert outline(document) == [
        (1, "Notes", ""),
        (2, "Setting up", ""),
        (3, "Chapter 2", "Details"),
        (2, "Use", ""),
    ]
    assert [(s.paragraph, s.last) for s in document.sections] == [(1, 8), (3, 6), (5, 6), (7, 8)]


def test_where_a_paragraph_is_and_finding_a_section() -> None:
    text = "\n\n".join(
        ["Front matter.", "BOOK ONE", "CHAPTER I", "A.", "B.", "BOOK TWO", "CHAPTER I", "C."]
    )
    document = build(text)
    locator = sections.Locator(document.sections)
    assert locator.at(1) is None
    place = locator.at(5)
    assert place is not None
    assert (place.section.label, place.path, place.paragraph) == (
        "Chapter I",
        "Book One, Chapter I",
        2,
    )
    heading = locator.at(2)
    assert heading is not None and heading.paragraph == 0
    assert [s.number for s in sections.find(document.sections, "3")] == [3]
    assert sections.find(document.sections, "9") == []
    assert [s.number for s in sections.find(document.sections, "book two")] == [3]
    assert [s.number for s in sections.find(document.sections, "Chapter I")] == [2, 4]
    assert [s.number for s in sections.find(document.sections, "book two, chapter i")] == [4]


# Each novel's table of contents, counted by hand from its headings (the
# chapter lines of the text; parts, books and epilogues where it has them).
# (sections in all, at the top level, the first and the last titles)
TABLES_OF_CONTENTS = {
    ("books", "pride_and_prejudice.txt"): (61, 61, "Chapter 1", "Chapter 61"),
    # 135 chapters and the Epilogue
    ("books", "moby-dick.txt"): (136, 136, "CHAPTER 1. Loomings.", "Epilogue"),
    # 15 books and 2 epilogues at the top; 365 chapters within them
    ("books", "war_and_peace.txt"): (382, 17, "BOOK ONE: 1805", "CHAPTER XII"),
    # 2 parts, 20 chapters
    ("pdnc", "ARoomWithAView"): (22, 2, "PART ONE", "Chapter XX: The End of the Middle Ages"),
    ("pdnc", "AlicesAdventuresInWonderland"): (
        12,
        12,
        "CHAPTER I. Down the Rabbit-Hole",
        "CHAPTER XII. Alice's Evidence",
    ),
    ("pdnc", "DaisyMiller"): (2, 2, "PART I", "PART II"),
    ("pdnc", "MansfieldPark"): (48, 48, "CHAPTER I", "CHAPTER XLVIII"),
    ("pdnc", "NorthangerAbbey"): (31, 31, "CHAPTER 1", "CHAPTER 31"),
    ("pdnc", "OliverTwist"): (
        53,
        53,
        "CHAPTER I. TREATS OF THE PLACE WHERE OLIVER TWIST WAS BORN AND OF THE "
        "CIRCUMSTANCES ATTENDING HIS BIRTH",
        "CHAPTER LIII. AND LAST",
    ),
    # three volumes of 23, 19 and 19 chapters, numbered afresh in each
    ("pdnc", "PrideAndPrejudice"): (61, 61, "CHAPTER I.", "CHAPTER XIX."),
    ("pdnc", "SenseAndSensibility"): (50, 50, "CHAPTER I.", "CHAPTER L."),
    # 2 books, 34 chapters numbered I. to XXXIV.
    ("pdnc", "TheAgeOfInnocence"): (36, 2, "Book I", "XXXIV."),
    ("pdnc", "TheAwakening"): (39, 39, "I", "XXXIX"),
    ("pdnc", "TheManWhoWasThursday"): (15, 15, "CHAPTER I. THE TWO POETS OF SAFFRON PARK", None),
    ("pdnc", "TheMysteriousAffairAtStyles"): (13, 13, "CHAPTER I. I GO TO STYLES", None),
    # the Preface and 20 chapters
    ("pdnc", "ThePictureOfDorianGray"): (21, 21, "THE PREFACE", "CHAPTER XX."),
}


@pytest.mark.slow
@pytest.mark.parametrize(("where", "book"), list(TABLES_OF_CONTENTS), ids=lambda v: str(v))
def test_the_novels_sections_are_their_tables_of_contents(where: str, book: str) -> None:
    parts = (
        ("corpus", "books", book)
        if where == "books"
        else ("corpus", "pdnc", book, "novel_text.txt")
    )
    raw = shared_path(*parts).read_text(encoding="utf-8")
    document = build(raw)
    count, top, first, last = TABLES_OF_CONTENTS[where, book]
    assert len(document.sections) == count
    assert sum(1 for s in document.sections if s.level == 1) == top
    if first is not None:
        assert document.sections[0].title == first
    if last is not None:
        assert document.sections[-1].title == last


HEADING_PIECES = st.sampled_from(
    [
        "CHAPTER I",
        "Chapter 2.",
        "BOOK ONE: 1805",
        "Part the Second",
        "EPILOGUE",
        "THE PREFACE",
        "XII.",
        "I",
        "3",
        "Chapter two was found, and so on.",
        "CHAPTER IV. (Note).-A pirate. Very savage. He bites. He swims. He sleeps.",
        "It was late. She slept.",
        "“Go,” said Bob.",
        "lower case prose",
    ]
)
SEPARATORS = st.sampled_from(["\n\n", "\n", "\n\n\n", " "])


@settings(max_examples=int(os.environ.get("ALEPPO_EXAMPLES", "50")), deadline=None)
@given(st.lists(st.tuples(HEADING_PIECES, SEPARATORS), min_size=1, max_size=25))
def test_sections_are_always_well_formed(pieces: list[tuple[str, str]]) -> None:
    document = build("".join(piece + separator for piece, separator in pieces))
    found = document.sections
    count = len(document.paragraphs)
    assert [s.number for s in found] == list(range(1, len(found) + 1))
    assert all(1 <= s.paragraph <= s.last <= count and s.level >= 1 for s in found)
    assert [s.paragraph for s in found] == sorted({s.paragraph for s in found})
    for section in found:
        heading = document.paragraphs[section.paragraph - 1]
        assert section.title == heading.text and section.start == heading.start
        holder = [s for s in found if s.level < section.level and s.paragraph < section.paragraph]
        assert all(h.last >= section.last for h in holder if h.last >= section.paragraph)
    locator = sections.Locator(found)
    for paragraph in document.paragraphs:
        place = locator.at(paragraph.number)
        assert place is None or place.section.paragraph <= paragraph.number


@pytest.mark.slow
def test_news_articles_have_no_sections() -> None:
    """No false headings: the 1,313 BBC articles (headline, paragraphs) have none."""
    folder = shared_path("corpus", "bbc-news-summary", "articles")
    found = []
    for path in sorted(folder.glob("*/*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        if build(text).sections:
            found.append(path.name)
    assert found == []


def test_more_forms_of_print() -> None:
    text = "\n\n".join(
        [
            "STAVE ONE.\nMARLEY'S GHOST",
            "Marley was dead: to begin with.",
            "Chapter the Second",
            "There is no doubt whatever about that.",
            "PART III.—THE LAST OF THE SPIRITS",
            "The Phantom slowly, gravely, silently approached.",
            "CHAP. IV - The End",
            "He was better than his word.",
        ]
    )
    assert outline(build(text)) == [
        (2, "Stave One", "MARLEY'S GHOST"),
        (2, "Chapter the Second", ""),
        (1, "Part III", "THE LAST OF THE SPIRITS"),
        (2, "Chapter IV", "The End"),
    ]
