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

import re

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
_BULLETS = "•⁃▪‣◦∙"
_BULLET = re.compile(rf"(?<=\s)[{_BULLETS}](?=\s?\S)")
_BULLET_NUMBER = re.compile(rf"[{_BULLETS}] ?(?:\d{{1,3}}|[a-z])(?P<stop>\.)")
_DASHES = re.compile(r"[-‐‑‒–—―]+")
_OPENERS = "\"'“‘«([¡¿"


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph of ``text``."""
    cuts = set(_bullet_cuts(text))
    list_cuts, marker_ends = _list_cuts(text)
    cuts.update(list_cuts)
    for match in _CANDIDATE.finditer(text):
        if match.group("cjk"):
            cuts.add(match.end())
            continue
        cut = _decide(text, match, marker_ends)
        if cut is not None:
            cuts.add(cut)
    spans = []
    start = 0
    for cut in sorted(cuts):
        spans.extend(_trimmed(text, start, cut))
        start = cut
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at ``end``."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _next_word(text: str, position: int) -> str:
    """The word that follows ``position``, with any opening quote skipped."""
    index = position
    length = len(text)
    while index < length and (text[index].isspace() or text[index] in _OPENERS):
        index += 1
    end = index
    while end < length and (text[end].isalnum() or text[end] in "'’"):
        end += 1
    return text[index:end] if end > index else text[index : index + 1]


def _decide(text: str, match: re.Match[str], marker_ends: set[int]) -> int | None:
    """Where the sentence ends for this candidate, or None."""
    mark = match.group("mark")
    after = match.end()
    following = _next_word(text, after)
    if not following:
        return None
    first = following[0]
    if first.islower():
        return None  # "Yahoo! in", "'Great.' she said", "co. at noon"
    if "!" in mark or "?" in mark or "‽" in mark:
        return after
    start = match.start()
    if start in marker_ends:
        return None  # "1. The first item", "1.) The first item"
    if " " in mark or len(mark) >= 3 or mark == "…":
        return _after_ellipsis(text, match, following)
    if mark == "..":
        return after
    # a single full stop
    if match.group("close"):
        return after  # '"This is great." She'
    token = _word_before(text, start)
    word = _DASHES.split(token)[-1].lstrip(_OPENERS)  # "--Mr." -> "Mr"
    lower = word.lower()
    if lower in HONORIFICS:
        return None
    if len(word) == 1 and word.isalpha():
        return _after_single_letter(text, start, word, following)
    if lower in ABBREVIATIONS or _DOTTED.match(word):
        if first.isdigit():
            return None  # "p. 55", "No. 5"
        return after if following.lower() in STARTERS else None
    return after


def _after_ellipsis(text: str, match: re.Match[str], following: str) -> int | None:
    mark = match.group("mark")
    start = match.start()
    dots = mark.count(".") + 3 * mark.count("…")
    word_before = start > 0 and text[start - 1].isalnum()
    if mark.startswith(". .") and word_before and dots >= 4:
        # "compounds. . . . The": a full stop, then an ellipsis opening the next
        return start + 1
    if dots >= 4:
        return match.end()
    if text[start - 1 : start] == "[" or following == "I":
        return None  # "[...]" leaves words out; "... I didn't" goes on
    return match.end()


def _after_single_letter(text: str, start: int, letter: str, following: str) -> int | None:
    if letter.islower():
        return None  # "p.", "a." in a list
    if letter == "I":
        previous = _word_before(text, len(text[: start - 1].rstrip()))
        if previous[:1].islower():
            return start + 1  # "you and I. Did you"
    return None  # an initial: "Jonas E. Smith"


def _bullet_cuts(text: str) -> list[int]:
    return [match.start() for match in _BULLET.finditer(text)]


def _list_cuts(text: str) -> tuple[list[int], set[int]]:
    """Cuts before the items of an inline numbered or lettered list.

    A list starts with "1." / "1)" / "1.)" or "a." at the start of the text or
    of a line, or after a colon; each next item in sequence, in the same style,
    starts a new sentence. Returns the cuts and the positions of the full stops
    that belong to markers.
    """
    cuts: list[int] = []
    marker_stops: set[int] = set()
    expected: tuple[str, str] | None = None
    for match in _LIST_MARKER.finditer(text):
        value, style = match.group("value"), match.group("style")
        opening = value in ("1", "a") and _opens_list(text, match.start())
        if expected and (value, style) == expected:
            cuts.append(match.start())
        elif not opening:
            continue
        if style.startswith("."):
            marker_stops.add(match.start("style"))
        expected = (_successor(value), style)
    marker_stops.update(match.start("stop") for match in _BULLET_NUMBER.finditer(text))
    return cuts, marker_stops


def _opens_list(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t")
    return not before or before[-1] in "\n:"


def _successor(value: str) -> str:
    return str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
