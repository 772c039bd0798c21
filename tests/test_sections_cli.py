"""Sections on the command line: show --toc and --chapter, info's count,
summarize --by-section, and locations that name the chapter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.builders import fake_env, invoke
from tests.conftest import read_book

NOVEL = """\
A Short Novel

BOOK ONE

CHAPTER I. The Start

Anna lived by the sea. She mended nets for the fishermen of the bay. The work was hard.

"Go away," said Bob. He meant it, and Anna went.

CHAPTER II

The winter came early. Snow covered the boats. Nobody went out to fish for a month.

BOOK TWO

CHAPTER I

Spring brought the boats back. Anna counted them from the hill. There were eleven.
"""


@pytest.fixture
def novel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The novel's file name, relative: the header names it on one line
    wherever the temporary directory is (a long path would wrap)."""
    (tmp_path / "novel.txt").write_text(NOVEL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return "novel.txt"


def test_toc_lists_the_sections_numbered_and_indented(novel: str) -> None:
    outcome = invoke(["show", "--toc", novel])
    assert outcome.status == 0, outcome.stderr
    assert outcome.stdout.split("\n")[2:] == [
        "",
        "1  BOOK ONE",
        "2    CHAPTER I. The Start",
        "3    CHAPTER II",
        "4  BOOK TWO",
        "5    CHAPTER I",
        "",
        "5 sections",
        "",
    ]
    data = json.loads(invoke(["show", "--toc", "--json", novel]).stdout)
    assert [(s["number"], s["level"], s["label"], s["name"]) for s in data["sections"]] == [
        (1, 1, "Book One", ""),
        (2, 2, "Chapter I", "The Start"),
        (3, 2, "Chapter II", ""),
        (4, 1, "Book Two", ""),
        (5, 2, "Chapter I", ""),
    ]


def test_chapter_by_number_or_title_shows_only_that_section(novel: str) -> None:
    whole = invoke(["show", novel]).stdout
    by_number = invoke(["show", "--chapter", "3", novel])
    assert by_number.status == 0, by_number.stderr
    body = by_number.stdout.split("\n", 3)[3]
    assert body.startswith("CHAPTER II\n\nThe winter came early.")
    assert "Anna" not in body and body in whole
    assert invoke(["show", "--chapter", "chapter ii", novel]).stdout == by_number.stdout
    book = invoke(["show", "-c", "book two", novel]).stdout
    assert "BOOK TWO" in book and "Spring brought" in book and "winter" not in book
    # numbers and offsets are those of the whole text
    numbered = invoke(["show", "--numbers", "--chapter", "3", novel]).stdout.split("\n", 3)[3]
    assert numbered.startswith("[9] CHAPTER II\n")
    assert numbered in invoke(["show", "--numbers", novel]).stdout
    data = json.loads(invoke(["show", "--json", "--chapter", "3", novel]).stdout)
    every = json.loads(invoke(["show", "--json", novel]).stdout)["paragraphs"]
    assert data["paragraphs"] == [p for p in every if (p["section"] or {}).get("number") == 3]


def test_an_unknown_chapter_is_one_line_saying_how_many_there_are(novel: str) -> None:
    outcome = invoke(["show", "--chapter", "9", novel])
    assert outcome.status == 2
    assert outcome.stdout == ""
    assert outcome.stderr.count("\n") == 1
    assert "it has 5 sections" in outcome.stderr and "--toc" in outcome.stderr
    assert invoke(["show", "--chapter", "Chapter XX", novel]).status == 2
    ambiguous = invoke(["show", "--chapter", "chapter i", novel])
    assert ambiguous.status == 2 and "names 2 sections" in ambiguous.stderr
    assert ambiguous.stderr.count("\n") == 1


def test_a_text_without_sections_says_so(tmp_path: Path) -> None:
    for argv in (["show", "--toc"], ["show", "--chapter", "1"], ["summarize", "--by-section"]):
        outcome = invoke(argv)  # the bundled review: no chapters
        assert outcome.status == 2, argv
        assert "has no sections" in outcome.stderr and outcome.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "--toc", "--raw"],
        ["show", "--toc", "--chapter", "1"],
        ["show", "--toc", "--numbers"],
        ["show", "--raw", "--chapter", "1"],
        ["summarize", "--by-section", "--compare"],
        ["summarize", "--by-section", "--highlight"],
    ],
)
def test_options_that_do_not_go_together(argv: list[str], novel: str) -> None:
    outcome = invoke([*argv, novel])
    assert outcome.status == 2
    assert "do not go together" in outcome.stderr


def test_info_counts_sections_and_the_review_is_unchanged(novel: str) -> None:
    assert "\nSections      5 (2 at the top level)\n" in invoke(["info", novel]).stdout
    assert json.loads(invoke(["info", "--json", novel]).stdout)["sections"] == 5
    review = invoke(["info"])
    assert "Sections" not in review.stdout
    assert "sections" not in json.loads(invoke(["info", "--json"]).stdout)


def test_by_section_gives_each_section_its_own_sentences(novel: str) -> None:
    outcome = invoke(["summarize", "--by-section", "-s", "1", novel])
    assert outcome.status == 0, outcome.stderr
    lines = outcome.stdout.split("\n")
    assert lines[0] == "novel.txt: 3 of 5 sections summarized, by blend"
    headings = [line for line in lines if line and not line.startswith(("  [", "novel"))]
    assert headings == ["CHAPTER I. The Start", "CHAPTER II", "CHAPTER I"]
    data = json.loads(invoke(["summarize", "--by-section", "-s", "2", "--json", novel]).stdout)
    whole = json.loads(invoke(["show", "--json", novel]).stdout)
    for entry in data["sections"]:
        own = {
            sentence["number"]
            for paragraph in whole["paragraphs"]
            if (paragraph["section"] or {}).get("number") == entry["number"]
            for sentence in paragraph["sentences"]
        }
        chosen = {s["number"] for s in entry["sentences"]}
        assert len(chosen) == 2 and chosen <= own
        assert entry["title"] not in {s["text"] for s in entry["sentences"]}


def test_locations_name_the_chapter(novel: str) -> None:
    found = invoke(["search", "eleven", novel]).stdout
    assert found.startswith("Book Two, Chapter I, ¶1, sentence 17: There were eleven.")
    quotes = invoke(["quotes", novel]).stdout
    assert quotes.startswith('[7] Book One, Chapter I, ¶2: "Go away," — Bob\n')
    summary = invoke(["summarize", "-s", "1", novel]).stdout
    assert ", ¶" in summary.split("\n")[2]
    hit = json.loads(invoke(["search", "eleven", "--json", novel]).stdout)["hits"][0]
    assert hit["section"] == {
        "number": 5,
        "title": "CHAPTER I",
        "label": "Book Two, Chapter I",
        "paragraph": 1,
    }
    # the review has no sections: its locations are as they were
    assert invoke(["search", "destiny"]).stdout.startswith("paragraph 4, sentence 14 — Khaled: ")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("book", "chapters"),
    [("pride_and_prejudice.txt", 61), ("moby-dick.txt", 136), ("war_and_peace.txt", 365)],
)
def test_by_section_has_one_entry_per_chapter(book: str, chapters: int, tmp_path: Path) -> None:
    path = tmp_path / book
    path.write_text(read_book(book), encoding="utf-8")
    data = json.loads(invoke(["summarize", "--by-section", "-s", "1", "--json", str(path)]).stdout)
    entries = data["sections"]
    assert len(entries) == chapters
    assert all(len(entry["sentences"]) == 1 for entry in entries)
    assert len({entry["number"] for entry in entries}) == chapters


@pytest.mark.parametrize(
    "argv",
    [
        ["summarize", "--by-section", "-s", "1"],
        ["summarize", "-s", "2"],
        ["search", "Anna"],
        ["quotes"],
        ["show", "--toc"],
        ["info"],
        ["show", "--chapter", "2"],
    ],
)
def test_on_a_terminal_too(argv: list[str], novel: str) -> None:
    outcome = invoke([*argv, novel], fake_env(terminal=True))
    assert outcome.status == 0, outcome.stderr
    plain = re.sub(r"\x1b\[[0-9;]*m", "", outcome.stdout)
    if argv[0] in ("summarize", "search", "quotes") and "--by-section" not in argv:
        assert "Chapter I, ¶" in plain
    elif "--by-section" in argv:
        assert "CHAPTER I. The Start\n" in plain and "CHAPTER II\n" in plain


def test_the_one_location_formatter() -> None:
    from aleppo_cli.output.shared import location, locator
    from aleppo_cli.text.document import build

    document = build("A Title\n\nCHAPTER I\n\nOne. Two.\n\nThree.\n\nCHAPTER II\n\nFour.")
    places = locator(document.sections)
    assert location(places, 1, "sentence 1") == "front matter, ¶1, sentence 1"
    assert location(places, 2) == "Chapter I, heading"
    assert location(places, 4, "sentences 5-6") == "Chapter I, ¶2, sentences 5-6"
    assert location(places, 6) == "Chapter II, ¶1"
    assert locator(()) is None
    assert location(None, 4, "sentence 9") == "paragraph 4, sentence 9"
