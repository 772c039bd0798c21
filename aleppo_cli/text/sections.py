"""Sections: the chapters, parts and books of a text, with titles and levels.

A plain text gets its sections from its headings: a paragraph of its own
that names a division and its number (``CHAPTER I.``, ``Chapter 1``,
``BOOK ONE: 1805``, ``Part the Second``, roman, arabic or spelt-out
numerals), perhaps with a title on the same line after a stop, colon or
dash, or on the next lines of the same paragraph (``CHAPTER I.`` / ``Down
the Rabbit-Hole``); a named division (``EPILOGUE``, ``PREFACE``, ``FIRST
EPILOGUE: 1813 - 20``); or bare numerals (``I``, ``II.``) on lines of
their own that count up one by one: the chapters of a text with no other,
else subdivisions of its chapters. A line that merely starts with
"Chapter" inside prose is not a heading: the numeral must end the line or be
followed by a stop, a colon or a dash, a title is short, and what follows a
heading in its paragraph is a title, not prose. Three or more headings of
one kind with nothing between them are a list of contents, not sections.

Books hold parts, parts hold chapters: each kind has a rank (volume, book,
part, chapter), and the ranks a text uses become its levels 1, 2, ... A named
division followed at once by chapters (``FIRST EPILOGUE`` then ``CHAPTER
I``) holds them, at the rank of the text's books; otherwise it is a chapter.

A web page, Markdown file or EPUB has its headings already (blocks of kind
``heading`` with a level): each is a section, its level relative to the
highest heading.

Nothing here names a book: the rules are the forms headings take in print.
Most paragraphs are passed over on their first character or word, and the
patterns are compiled only for a text with a candidate: finding the sections
of *War and Peace* costs about 8 ms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from aleppo_cli.text.headings import (
    _KINDS,
    _LABELS,
    _NAMED,
    _ORDINALS,
    BOOK,
    CHAPTER,
    NUMBERED,
    candidates,
)

if TYPE_CHECKING:
    from aleppo_cli.text.document import Document, Paragraph


class Section(NamedTuple):  # a named tuple: cheaper at start-up than a dataclass
    number: int  # 1-based, in the order of the text (as ``show --toc`` numbers them)
    level: int  # 1: the top; a chapter inside a book is 2
    title: str  # the heading as the text writes it, on one line: "CHAPTER 1. Loomings."
    label: str  # what it is called, for locations: "Chapter 1", "Book One", "Epilogue"
    name: str  # its own title after the label ("Loomings"), or ""
    paragraph: int  # the number of the paragraph that starts it (its heading)
    last: int  # the number of its last paragraph, its subsections included
    start: int  # offset of its heading in the text as read
    clean_start: int  # offset of its heading in the cleaned text
    path: str = ""  # its label, led by its holders' where labels repeat: "Book Two, Chapter I"


# --- the forms of a heading ------------------------------------------------------

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_NUMBER = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
)
_ROMAN = r"(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_NUMERAL = rf"(?:\d{{1,3}}|{_ROMAN}|(?i:{_WORD_NUMBER})|(?i:the\s+(?:{'|'.join(_ORDINALS)})))"
# What may part a numeral from the title on its line: a stop, colon or dash.
_AFTER = r"(?:\s*[.:]?\s*$|\s*(?:[.:]\s*[-–—]*|[-–—]+)\s*(?P<name>\S.*?)\s*$)"


def _cases(words: Sequence[str]) -> str:
    """Each word as a heading writes it: capitalised or in capitals."""
    return "|".join(f"{w.capitalize()}|{w.upper()}" for w in words)


class _Patterns(NamedTuple):
    numbered: re.Pattern[str]
    named: re.Pattern[str]
    bare: re.Pattern[str]
    roman: re.Pattern[str]
    prose_end: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    return _Patterns(
        re.compile(
            rf"(?P<kind>{_cases(list(_KINDS))})\.?\s+(?P<number>{_NUMERAL})(?![\w'’]){_AFTER}"
        ),
        re.compile(
            rf"(?:(?:The|THE)\s+)?(?:(?P<ordinal>{_cases(_ORDINALS[:-1])})\s+)?"
            rf"(?P<kind>{_cases(_NAMED)})(?![\w'’]){_AFTER}"
        ),
        re.compile(rf"(?P<number>\d{{1,3}}|{_ROMAN})\.?"),
        re.compile(_ROMAN),
        re.compile(r"[,;]\s*$"),
    )


# A heading is a short paragraph: its first line, and a title of a few lines.
MAX_NAME_WORDS = 15  # a title on the heading's line
MAX_TITLE_LINES = 6  # a title on the lines after it (the longest of the novels: 4)
MAX_TITLE_WORDS = 60  # (the longest of the novels: 39)
CONTENTS_RUN = 3  # this many headings of a kind in a row, with no text between: contents


class _Found(NamedTuple):
    at: int  # the index of its paragraph in the document (0-based)
    rank: int
    label: str
    name: str
    value: int  # the number, for bare numerals (0 for the others)
    named: bool  # a named division (EPILOGUE)


def _title_case(text: str) -> str:
    """``BOOK ONE`` -> ``Book One``, ``CHAPTER XII`` -> ``Chapter XII``."""
    words = []
    for word in text.split():
        if _patterns().roman.fullmatch(word):
            words.append(word)
        elif word.lower() == "the":
            words.append("the")
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        if index + 1 < len(text) and values[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _heading_line(line: str) -> tuple[int, str, str, bool] | None:
    """(rank, label, name on the line, named) if ``line`` is a heading's first line."""
    match = _patterns().numbered.fullmatch(line)
    if match:
        kind = match.group("kind").lower()
        label = f"{_LABELS.get(kind, kind.capitalize())} {_title_case(match.group('number'))}"
        return _KINDS[kind], label, match.group("name") or "", False
    match = _patterns().named.fullmatch(line)
    if match:
        ordinal = match.group("ordinal")
        kind = match.group("kind").capitalize()
        label = f"{ordinal.capitalize()} {kind}" if ordinal else kind
        return CHAPTER, label, match.group("name") or "", True
    return None


def _name_ok(name: str, limit: int) -> bool:
    """A title, not prose: a few words, not ending mid-sentence."""
    return len(name.split()) <= limit and not _patterns().prose_end.search(name)


def _candidate(text: str) -> tuple[int, str, str, bool, int] | None:
    """(rank, label, name, named, bare value) if a paragraph's cleaned text
    (its line breaks kept) is a heading, else None."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return None
    first, rest = lines[0], lines[1:]
    found = _heading_line(first)
    if found is None:
        if not rest:
            bare = _patterns().bare.fullmatch(first)
            if bare:
                number = bare.group("number")
                value = int(number) if number.isdigit() else _roman_value(number)
                return NUMBERED, number, "", False, value
        return None
    rank, label, name, named = found
    if rest:
        if len(rest) > MAX_TITLE_LINES or any(_heading_line(line) for line in rest):
            return None  # prose after a line that looks like a heading, or a list of contents
        if not name and rest[0][0].islower():
            return None  # a sentence that goes on
        name = " ".join([name, *rest]) if name else " ".join(rest)
        if not _name_ok(name, MAX_TITLE_WORDS):
            return None
    elif name and not _name_ok(name, MAX_NAME_WORDS):
        return None
    return rank, label, name.rstrip(". "), named, 0


def detect(
    text: str, paragraphs: Sequence[Paragraph], maybe: Sequence[int] | None = None
) -> list[Section]:
    """The sections of a plain text, from its cleaned ``text`` and its
    paragraphs (``maybe``: their ``candidates``, if already found)."""
    found: list[_Found] = []
    for index in candidates(paragraphs) if maybe is None else maybe:
        paragraph = paragraphs[index]
        candidate = _candidate(text[paragraph.clean_start : paragraph.clean_end])
        if candidate is not None:
            rank, label, name, named, value = candidate
            found.append(_Found(index, rank, label, name, value, named))
    found = _without_contents(_counted(found))
    found = _ranked(found)
    return _sections(found, paragraphs)


def _counted(found: list[_Found]) -> list[_Found]:
    """Bare numerals are headings only where they count up one by one
    (restarting at one), at least CONTENTS_RUN of them; they are the
    chapters of a text that has no other, else divisions of its chapters."""
    bare = [entry for entry in found if entry.rank == NUMBERED]
    if not bare:
        return found
    kept: set[int] = set()
    expected = 1
    for entry in bare:
        if entry.value in (expected, 1):
            kept.add(entry.at)
            expected = entry.value + 1
    others = [entry for entry in found if entry.rank != NUMBERED]
    if len(kept) < CONTENTS_RUN:
        return others
    chapters = any(entry.rank == CHAPTER and not entry.named for entry in others)
    rank = NUMBERED if chapters else CHAPTER
    return [
        entry._replace(
            rank=rank, label=f"Chapter {entry.label}" if rank == CHAPTER else entry.label
        )
        if entry.rank == NUMBERED
        else entry
        for entry in found
        if entry.rank != NUMBERED or entry.at in kept
    ]


def _without_contents(found: list[_Found]) -> list[_Found]:
    """Less runs of CONTENTS_RUN or more headings of one rank in adjacent
    paragraphs: a list of contents (but for the last, which the text follows)."""
    drop: set[int] = set()
    run: list[_Found] = []
    for entry in [*found, None]:
        if entry is not None and run and entry.at == run[-1].at + 1 and entry.rank == run[-1].rank:
            run.append(entry)
            continue
        if len(run) >= CONTENTS_RUN:  # the last one heads the text that follows
            drop.update(item.at for item in run[:-1])
        run = [entry] if entry is not None else []
    return [entry for entry in found if entry.at not in drop]


def _ranked(found: list[_Found]) -> list[_Found]:
    """A named division that chapters follow at once holds them: it takes the
    rank of the text's highest division above chapters (books if none)."""
    containers = [entry.rank for entry in found if entry.rank < CHAPTER]
    top = min(containers) if containers else BOOK
    ranked = []
    for position, entry in enumerate(found):
        following = found[position + 1] if position + 1 < len(found) else None
        if (
            entry.named
            and following is not None
            and following.at == entry.at + 1
            and following.rank >= CHAPTER
            and not following.named
        ):
            entry = entry._replace(rank=top)
        ranked.append(entry)
    return ranked


def _sections(found: list[_Found], paragraphs: Sequence[Paragraph]) -> list[Section]:
    levels = {rank: level for level, rank in enumerate(sorted({e.rank for e in found}), start=1)}
    return _extents(
        [(levels[entry.rank], entry.label, entry.name, paragraphs[entry.at]) for entry in found],
        len(paragraphs),
    )


def _extents(heads: list[tuple[int, str, str, Paragraph]], count: int) -> list[Section]:
    """Sections from (level, label, name, heading paragraph), each running to
    the paragraph before the next section of its level or above."""
    sections = []
    for position, (level, label, name, paragraph) in enumerate(heads):
        last = count
        for later in range(position + 1, len(heads)):
            if heads[later][0] <= level:
                last = heads[later][3].number - 1
                break
        sections.append(
            Section(
                position + 1,
                level,
                paragraph.text,
                label,
                name,
                paragraph.number,
                last,
                paragraph.start,
                paragraph.clean_start,
            )
        )
    return [
        section._replace(path=path)
        for section, path in zip(sections, _paths(sections), strict=True)
    ]


# --- documents with headings (web pages, Markdown, EPUB) ---------------------------

MAX_LABEL = 60  # characters of a heading's text used as its label


def from_headings(paragraphs: Sequence[Paragraph]) -> list[Section]:
    """A section for each heading block, levels relative to the highest."""
    headings = [p for p in paragraphs if p.kind == "heading"]
    if not headings:
        return []
    levels = sorted({p.level for p in headings})
    heads = []
    for paragraph in headings:
        found = _heading_line(paragraph.text)
        if found is not None:
            label, name = found[1], found[2].rstrip(". ")
        else:
            label, name = shorten(paragraph.text, MAX_LABEL), ""
        heads.append((levels.index(paragraph.level) + 1, label, name, paragraph))
    return _extents(heads, paragraphs[-1].number if paragraphs else 0)


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:-") + "…"


# --- where a paragraph is -------------------------------------------------------------


class Place(NamedTuple):
    section: Section
    path: str  # its label, with the labels of the sections holding it where it is not unique
    paragraph: int  # its number inside the section (0: the heading itself)


class Locator:
    """Which section a paragraph is in: the innermost section that starts at
    or before it."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.sections = tuple(sections)
        self._starts = [section.paragraph for section in self.sections]

    def __bool__(self) -> bool:
        return bool(self.sections)

    def at(self, paragraph: int) -> Place | None:
        index = bisect_right(self._starts, paragraph) - 1
        if index < 0:
            return None
        section = self.sections[index]
        return Place(section, section.path or section.label, paragraph - section.paragraph)


def _paths(sections: Sequence[Section]) -> list[str]:
    """Each section's label, led by its holders' labels while it is ambiguous
    ("Book Two, Chapter XII" where every book has a twelfth chapter)."""
    counts: dict[str, int] = {}
    for section in sections:
        counts[section.label] = counts.get(section.label, 0) + 1
    holders: list[Section] = []
    paths = []
    for section in sections:
        while holders and holders[-1].level >= section.level:
            holders.pop()
        path = section.label
        if counts[section.label] > 1 and holders:
            path = ", ".join([*(holder.label for holder in holders), section.label])
        paths.append(path)
        holders.append(section)
    return paths


def find(sections: Sequence[Section], wanted: str) -> list[Section]:
    """The sections ``wanted`` names: its number in the table of contents, or
    its title, label, name or path (any case, white space folded); exact
    matches first, else those it begins."""
    key = " ".join(wanted.split()).casefold()
    if key.isdigit():
        number = int(key)
        return [sections[number - 1]] if 1 <= number <= len(sections) else []
    exact = []
    begun = []
    for section in sections:
        names = {
            " ".join(n.split()).casefold()
            for n in (section.title, section.label, section.name, section.path)
            if n
        }
        if key in names:
            exact.append(section)
        elif any(name.startswith(key) for name in names):
            begun.append(section)
    return exact or begun


# --- parts of a document ---------------------------------------------------------------


def excerpt(document: Document, section: Section) -> Document:
    """The document of one section, its subsections included: the same
    paragraphs, numbers and offsets, only fewer of them."""
    first, last = section.paragraph, section.last
    return replace(
        document,
        paragraphs=document.paragraphs[first - 1 : last],
        sections=tuple(s for s in document.sections if first <= s.paragraph <= last),
    )


def own_parts(document: Document) -> list[tuple[Section, Document]]:
    """Each section with the document of its own text: from its heading to
    the next section of any level (a book's own part is its heading and any
    text before its first chapter). Text before the first section is left out."""
    parts = []
    found = document.sections
    for position, section in enumerate(found):
        end = found[position + 1].paragraph - 1 if position + 1 < len(found) else section.last
        end = min(end, section.last)
        paragraphs = document.paragraphs[section.paragraph - 1 : end]
        parts.append((section, replace(document, paragraphs=paragraphs, sections=(section,))))
    return parts


def headed(document: Document) -> Document:
    """The document with every section's heading marked a heading (a
    chapter's heading of two "sentences", ``CHAPTER 1. Loomings.``, or one in
    a text so short that headings are not the exception), so that a summary
    never chooses one. The same paragraphs otherwise."""
    paragraphs = list(document.paragraphs)
    changed = False
    for section in document.sections:
        index = section.paragraph - 1
        if 0 <= index < len(paragraphs) and not paragraphs[index].heading:
            paragraphs[index] = replace(paragraphs[index], heading=True)
            changed = True
    return replace(document, paragraphs=tuple(paragraphs)) if changed else document
