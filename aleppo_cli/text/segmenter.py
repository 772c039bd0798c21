"""Sentence boundaries, by rule, with no data to download.

This is the one sentence segmentation of the program: every command numbers
sentences with it. It needs no trained model: a boundary is proposed after
terminal punctuation that is followed by white space, and kept or dropped by
looking at the word before it (abbreviation, honorific, initial, number, list
marker) and the word after it (lower case continues the sentence).

``split(text)`` returns ``(start, end)`` spans of the sentences of one
paragraph, white space trimmed.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from typing import NamedTuple

# Titles before a name: never the end of a sentence.
HONORIFICS = frozenset(
    """mr mrs ms messrs mme mlle mmes dr drs prof rev revd fr st mt ft sra srta gen
    col capt cpt lt maj sgt cpl adm cmdr hon gov sen rep pres supt insp""".split()
)
# Other abbreviations: the end of a sentence only before a typical first word.
ABBREVIATIONS = frozenset(
    """co corp inc ltd llc jr sr esq etc vs viz cf al approx dept est fig figs no nos
    vol vols pp p ch chap sec ed eds trans ca circa op nr tel ave blvd rd hwy jan
    feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
    sat sun n° nº""".split()
)
# First words that open a new sentence after an abbreviation ("... U.S. How").
STARTERS = frozenset(
    """i it he she we they you this that these those there here the a an how what when
    where why who which but and so then if in on at as my our his her their its your
    after before yet now still also however meanwhile""".split()
)

_CANDIDATE = re.compile(
    r"(?P<mark>\.(?: \.){2,}(?! \.)|[.!?‽…]+)(?P<close>[\"'”’»)\]]*)(?=\s|$)"
    r"|(?P<cjk>[。！？]+[」』”’）)]*)"
)
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, e.g, a.m
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)(?P<value>\d{1,3}|[a-z])(?P<style>\.\)|\)|\.)(?=\s)")
_MARKER = re.compile(_LIST_MARKER.pattern.removeprefix(r"(?:(?<=\s)|^)"))
# The same markers (not at the start of the text), found by their full stop or
# parenthesis: rarer than the spaces before them, the engine skips to them.
_MARKER_STYLE = re.compile(
    r"[.)](?:(?<=\s[a-z][.)])|(?<=\s\d[.)])|(?<=\s\d\d[.)])|(?<=\s\d\d\d[.)]))"
    r"(?:(?<=\.)\))?(?=\s)"
)
# The same, as two patterns that open with their one character (a pattern
# that opens with a class tries every character of the text; these are found
# several times faster), for the full stop and the parenthesis.
_MARKER_STOP = re.compile(
    r"\.(?:(?<=\s[a-z]\.)|(?<=\s\d\.)|(?<=\s\d\d\.)|(?<=\s\d\d\d\.))\)?(?=\s)"
)
_MARKER_PARENTHESIS = re.compile(
    r"\)(?:(?<=\s[a-z]\))|(?<=\s\d\))|(?<=\s\d\d\))|(?<=\s\d\d\d\)))(?=\s)"
)
_BULLETS = "•⁃▪‣◦∙"
_BULLET = re.compile(rf"(?<=\s)[{_BULLETS}](?=\s?\S)")
_BULLET_ANY = re.compile(rf"[{_BULLETS}]")
_BULLET_NUMBER = re.compile(rf"[{_BULLETS}] ?(?:\d{{1,3}}|[a-z])(?P<stop>\.)")
_DASHES = re.compile(r"[-‐‑‒–—―]+")
_OPENERS = "\"'“‘«([¡¿"
_TERMINAL = re.compile(r"[.!?‽…。！？]")  # what every _CANDIDATE starts with
_TERMINAL_EACH = [(mark, re.compile(re.escape(mark))) for mark in ".!?‽…。！？"]
_WORD = re.compile(r"(?:[^\W_]|['’])+")  # letters and digits (str.isalnum) and apostrophes


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph of ``text``."""
    return split_blocks(text, [(0, len(text))])[0]


Spans = list[tuple[int, int]]


def split_blocks(text: str, blocks: list[tuple[int, int]]) -> list[Spans]:
    """The sentence spans of each block of ``text`` (its paragraphs: ordered,
    disjoint ``(start, end)`` offsets), as ``split`` finds them in the block
    alone, as offsets into ``text``.

    One pass over the whole text for each pattern, instead of one per
    paragraph; every test that looks at the characters around a place stops
    at its block's ends, as it stopped at the ends of the paragraph's text.
    """
    if not blocks:
        return []
    # (the text is read only as far as the blocks go: a long text's later
    # blocks are split by a second process, text/beside.py)
    first_begin, last_end = blocks[0][0], blocks[-1][1]
    markers = _list_markers(text, blocks)
    # ``find``: quicker than a pattern
    bulleted = any(text.find(bullet, first_begin, last_end) != -1 for bullet in _BULLETS)
    terminals = _terminal_positions(text, first_begin, last_end)
    first = 0
    result = []
    for (begin, end), block_markers in zip(blocks, markers, strict=True):
        cuts: set[int] = set()
        stops: set[int] = set()
        if bulleted and _BULLET_ANY.search(text, begin, end):
            paragraph = text[begin:end]  # rare: the paragraph's own text, as before
            cuts.update(begin + cut for cut in _bullet_cuts(paragraph))
            stops.update(begin + m.start("stop") for m in _BULLET_NUMBER.finditer(paragraph))
        if block_markers:
            list_cuts, marker_stops = _list_cuts(text, begin, block_markers)
            cuts.update(list_cuts)
            stops.update(marker_stops)
        first = bisect_left(terminals, begin, first)
        last = bisect_left(terminals, end, first)
        if last > first:
            _sentence_ends(text, begin, end, stops, cuts, terminals[first:last])
        first = last
        spans: Spans = []
        start = begin
        for cut in sorted(cuts):
            _trimmed(text, start, cut, spans)
            start = cut
        _trimmed(text, start, end, spans)
        result.append(spans)
    return result


def _terminal_positions(text: str, begin: int, end: int) -> list[int]:
    """Where the terminal marks of ``text[begin:end]`` are (what ``_TERMINAL``
    finds), in order: a pattern of one character is found much faster than a
    class."""
    found: list[int] = []
    for mark, pattern in _TERMINAL_EACH:
        if text.find(mark, begin, end) != -1:
            found.extend([match.start() for match in pattern.finditer(text, begin, end)])
    found.sort()
    return found


def _sentence_ends(
    text: str, begin: int, end: int, stops: set[int], cuts: set[int], terminals: list[int]
) -> None:
    """Add to ``cuts`` the sentence ends after terminal punctuation in
    ``text[begin:end]``: what ``_CANDIDATE.finditer`` of the block finds,
    looked for only where a terminal mark is (every candidate starts with one;
    ``terminals``: where they are in the block, in order)."""
    candidate = _CANDIDATE.match
    position = begin
    for start in terminals:
        if start < position:
            continue  # in the candidate before
        after = start + 1
        if (
            after < end
            and text[start] == "."
            and text[after] in " \n"
            and text[after + 1 : after + 2] != "."
        ):
            # the usual candidate, a full stop before a space that no spaced
            # ellipsis follows: what the pattern finds there, without it
            position = after
            cut = _decide(text, start, after, ".", "", stops, begin, end)
            if cut is not None:
                cuts.add(cut)
            continue
        match = candidate(text, start, end)
        if match is None:
            continue
        position = match.end()
        mark, close, cjk = match.groups()
        if cjk:
            cuts.add(position)
        elif position < end:  # at the block's end no word follows (what _decide finds first)
            cut = _decide(text, start, position, mark, close, stops, begin, end)
            if cut is not None:
                cuts.add(cut)


def _trimmed(text: str, start: int, end: int, spans: Spans) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _word_before(text: str, end: int, begin: int = 0) -> str:
    """The run of non-space characters that ends at ``end`` (not before ``begin``)."""
    # the usual word is set off by a space or line feed: found by ``rfind``
    start = max(text.rfind(" ", begin, end), text.rfind("\n", begin, end)) + 1
    word = text[max(start, begin) : end]
    if word.isalpha():  # no other white space in it: the whole run
        return word
    start = end
    while start > begin and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _word_at(text: str, index: int, end: int) -> str:
    """The word at ``index``: letters, digits and apostrophes, or its one character."""
    word = _WORD.match(text, index, end)
    return word.group() if word else text[index]


def _decide(
    text: str,
    start: int,
    after: int,
    mark: str,
    close: str,
    marker_ends: set[int],
    begin: int,
    end: int,
) -> int | None:
    """Where the sentence ends for the candidate ``text[start:after]`` (its
    ``mark`` and ``close`` groups) in ``text[begin:end]``, or None."""
    # the word that follows, with any opening quote skipped: its first character
    index = after
    first = text[index]
    while first.isspace() or first in _OPENERS:
        index += 1
        if index >= end:
            return None
        first = text[index]
    if first.islower():
        return None  # "Yahoo! in", "'Great.' she said", "co. at noon"
    if mark == "." and not close:  # the usual candidate: a single full stop
        if start in marker_ends:
            return None  # "1. The first item", "1.) The first item"
    elif "!" in mark or "?" in mark or "‽" in mark:
        return after
    elif start in marker_ends:
        return None
    elif " " in mark or len(mark) >= 3 or mark == "…":
        return _after_ellipsis(text, start, after, mark, _word_at(text, index, end), begin)
    elif mark == ".." or close:
        return after  # '"This is great." She'
    token = _word_before(text, start, begin)
    # the usual word has no dash, quote or dot to look for; "--Mr." -> "Mr"
    word = token if token.isalpha() else _DASHES.split(token)[-1].lstrip(_OPENERS)
    lower = word.lower()
    if lower in HONORIFICS:
        return None
    if len(word) == 1 and word.isalpha():
        return _after_single_letter(text, start, word, begin)
    if lower in ABBREVIATIONS or (not word.isalpha() and _DOTTED.match(word)):
        if first.isdigit():
            return None  # "p. 55", "No. 5"
        return after if _word_at(text, index, end).lower() in STARTERS else None
    return after


def _after_ellipsis(
    text: str, start: int, after: int, mark: str, following: str, begin: int
) -> int | None:
    dots = mark.count(".") + 3 * mark.count("…")
    word_before = start > begin and text[start - 1].isalnum()
    if mark.startswith(". .") and word_before and dots >= 4:
        # "compounds. . . . The": a full stop, then an ellipsis opening the next
        return start + 1
    if dots >= 4:
        return after
    if (start > begin and text[start - 1] == "[") or following == "I":
        return None  # "[...]" leaves words out; "... I didn't" goes on
    return after


def _after_single_letter(text: str, start: int, letter: str, begin: int) -> int | None:
    if letter.islower():
        return None  # "p.", "a." in a list
    if letter == "I":
        before = start - 1  # the end of the text before "I", white space left out
        while before > begin and text[before - 1].isspace():
            before -= 1
        previous = _word_before(text, before, begin)
        if previous[:1].islower():
            return start + 1  # "you and I. Did you"
    return None  # an initial: "Jonas E. Smith"


def _bullet_cuts(text: str) -> list[int]:
    return [match.start() for match in _BULLET.finditer(text)]


class _Marker(NamedTuple):
    start: int
    value: str
    style: str
    style_start: int


def _list_markers(text: str, blocks: list[tuple[int, int]]) -> list[list[_Marker]]:
    """The list markers ("1.", "b)", "2.)") of each block: what
    ``_LIST_MARKER.finditer`` finds in the block's own text.

    Found in one pass over the text; at a block's start, where the block's
    own text had nothing before it, they are looked for apart unless a space
    stands before it.
    """
    found: list[list[_Marker]] = [[] for _ in blocks]
    index = 0
    # only among the blocks: a marker that is kept ends before its block's
    # last character (a pattern looks behind the start it is given, and what
    # it looks ahead at is inside the block)
    begin, end = (blocks[0][0], blocks[-1][1]) if blocks else (0, 0)
    styles = [
        *_MARKER_STOP.finditer(text, begin, end),
        *_MARKER_PARENTHESIS.finditer(text, begin, end),
    ]
    styles.sort(key=_START)  # what _MARKER_STYLE.finditer finds: no two overlap
    for match in styles:
        style_start = match.start()
        value_start = style_start - 1
        if not "a" <= text[value_start] <= "z":
            while text[value_start - 1].isdecimal():  # \d: at most three, a space before
                value_start -= 1
        while index < len(blocks) and blocks[index][1] <= value_start:
            index += 1
        if index == len(blocks):
            break
        begin, end = blocks[index]
        if value_start >= begin and match.end() < end:  # the space after it is in the block
            value = text[value_start:style_start]
            found[index].append(_Marker(value_start, value, match.group(), style_start))
    for number, (begin, end) in enumerate(blocks):
        if begin < end and (begin == 0 or not text[begin - 1].isspace()):
            first = _MARKER.match(text, begin, end)
            if first is not None:
                found[number].insert(0, _marker(first))
    return found


_START = operator.methodcaller("start")


def _marker(match: re.Match[str]) -> _Marker:
    return _Marker(match.start("value"), match["value"], match["style"], match.start("style"))


def _list_cuts(text: str, begin: int, markers: list[_Marker]) -> tuple[list[int], set[int]]:
    """Cuts before the items of an inline numbered or lettered list.

    A list starts with "1." / "1)" / "1.)" or "a." at the start of the text or
    of a line, or after a colon; each next item in sequence, in the same style,
    starts a new sentence. Returns the cuts and the positions of the full stops
    that belong to markers.
    """
    cuts: list[int] = []
    marker_stops: set[int] = set()
    expected: tuple[str, str] | None = None
    for marker in markers:
        value, style = marker.value, marker.style
        opening = value in ("1", "a") and _opens_list(text, marker.start, begin)
        if expected and (value, style) == expected:
            cuts.append(marker.start)
        elif not opening:
            continue
        if style.startswith("."):
            marker_stops.add(marker.style_start)
        expected = (_successor(value), style)
    return cuts, marker_stops


def _opens_list(text: str, position: int, begin: int) -> bool:
    while position > begin and text[position - 1] in " \t":
        position -= 1
    return position == begin or text[position - 1] in "\n:"


def _successor(value: str) -> str:
    return str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
