"""Clean-up of scraped or messy text, with a map back to the text as read.

Three repairs, each conservative, none of which touches the file on disk:

* white space: CRLF and lone CR become LF, non-breaking and other Unicode
  spaces become plain spaces, zero-width spaces go, runs collapse; one line
  break stays a line break, two or more make a paragraph break;
* ad-slot markers: the word "Advertisement" standing alone between sentences
  (or on a line of its own) is a leftover of a web page, and becomes a
  paragraph break;
* glued words: words run together where formatting was lost
  ("directorSteen", "Halabidocument", "averydifficult") are split, but only
  when the glued form is not an English word or name and every piece is a
  known word (see ``wordlist``).

``clean(raw)`` returns a ``CleanText`` holding the cleaned string and the list
of edits, from which any offset into the cleaned text maps back to the raw one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from aleppo_cli.text import wordlist

Side = Literal["start", "end"]

WHITESPACE = "whitespace"
ADVERTISEMENT = "advertisement"
GLUED = "glued words"


@dataclass(frozen=True)
class Edit:
    """Replace ``raw[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str
    reason: str


@dataclass(frozen=True)
class CleanText:
    raw: str
    text: str
    edits: tuple[Edit, ...]
    _clean_starts: tuple[int, ...] = field(repr=False)

    def to_raw(self, offset: int, side: Side = "start") -> int:
        """Map an offset into ``text`` to the matching offset into ``raw``.

        Inside replaced text a start maps to the start of what it replaced and
        an end to its end, so a span never loses any of the raw text it covers.
        """
        index = bisect_right(self._clean_starts, offset) - 1
        if index < 0:
            return offset
        edit = self.edits[index]
        clean_start = self._clean_starts[index]
        clean_end = clean_start + len(edit.replacement)
        if offset == clean_start == clean_end:  # deleted text: skip it for a start
            return edit.end if side == "start" else edit.start
        if offset == clean_start:
            return edit.start
        if offset < clean_end:
            return edit.start if side == "start" else edit.end
        return edit.end + (offset - clean_end)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.to_raw(start, "start"), self.to_raw(end, "end")

    def spans_to_raw(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """``span_to_raw`` of each span, in one pass when they are in order
        (a document's sentences): the edit before each offset is found by
        stepping on from the last one's."""
        starts = self._to_raw_all([start for start, _ in spans], "start")
        ends = self._to_raw_all([end for _, end in spans], "end")
        return list(zip(starts, ends, strict=True))

    def _to_raw_all(self, offsets: list[int], side: Side) -> list[int]:
        clean_starts, edits = self._clean_starts, self.edits
        count = len(clean_starts)
        at_start = side == "start"
        mapped = []
        index = -1  # the last edit starting at or before the offset
        previous = 0
        for offset in offsets:
            if offset < previous:  # out of order: look it up afresh
                index = bisect_right(clean_starts, offset) - 1
            while index + 1 < count and clean_starts[index + 1] <= offset:
                index += 1
            previous = offset
            if index < 0:
                mapped.append(offset)
                continue
            edit = edits[index]
            clean_start = clean_starts[index]
            clean_end = clean_start + len(edit.replacement)
            if offset == clean_start == clean_end:  # as in to_raw
                mapped.append(edit.end if at_start else edit.start)
            elif offset == clean_start:
                mapped.append(edit.start)
            elif offset < clean_end:
                mapped.append(edit.start if at_start else edit.end)
            else:
                mapped.append(edit.end + (offset - clean_end))
        return mapped

    def edits_for(self, reason: str) -> list[Edit]:
        return [edit for edit in self.edits if edit.reason == reason]


def clean(raw: str) -> CleanText:
    """Clean ``raw``; see the module's docstring for what that means."""
    # Each detector yields sorted, disjoint edits; an ad marker swallows the
    # white space around it, so it wins over the white-space edits it covers.
    ranked = [
        (edit.start, rank, edit)
        for rank, detector in enumerate(_DETECTORS)
        for edit in detector(raw)
    ]
    ranked.sort(key=lambda item: (item[0], item[1]))
    edits: list[Edit] = []
    covered = 0
    for start, _, edit in ranked:
        if start < covered:
            continue
        edits.append(edit)
        covered = edit.end
    return apply(raw, edits)


def apply(raw: str, edits: list[Edit]) -> CleanText:
    """The cleaned text that sorted, disjoint ``edits`` make of ``raw``."""
    pieces: list[str] = []
    clean_starts: list[int] = []
    position = 0
    length = 0
    for edit in edits:
        pieces.append(raw[position : edit.start])
        length += edit.start - position
        clean_starts.append(length)
        pieces.append(edit.replacement)
        length += len(edit.replacement)
        position = edit.end
    pieces.append(raw[position:])
    return CleanText(raw, "".join(pieces), tuple(edits), tuple(clean_starts))


# --- white space -------------------------------------------------------------

_ZERO_WIDTH = "\u200b\u2060\ufeff"
_SPACE = rf"[\s{_ZERO_WIDTH}]"
# Only the runs inside the text that may need an edit: two or more characters
# long, or a single character that is not a plain space or line feed. (A lone
# space or line feed, by far the most common, is left alone.) The pattern
# opens with a class of characters, so that the regular-expression engine
# skips quickly to the next space; the runs at either end of the text are
# found apart.
_SPACE_RUN = re.compile(rf"{_SPACE}(?:{_SPACE}+|(?<![ \n]))")


def _is_space(char: str) -> bool:
    return char.isspace() or char in _ZERO_WIDTH  # what _SPACE matches


def _line_breaks(run: str) -> int:
    crlf = run.count("\r\n")
    breaks = run.count("\n") + run.count("\r") - crlf + run.count("\u2028") + run.count("\x85")
    return breaks + 2 * (run.count("\u2029") + run.count("\x0c"))


def _whitespace(raw: str) -> list[Edit]:
    length = len(raw)
    first = 0  # the end of the white space opening the text
    while first < length and _is_space(raw[first]):
        first += 1
    last = length  # the start of the white space ending it
    while last > first and _is_space(raw[last - 1]):
        last -= 1
    edits = [Edit(0, first, "", WHITESPACE)] if first else []
    for match in _SPACE_RUN.finditer(raw, first, last):
        run = match.group()
        if not run.strip(_ZERO_WIDTH):
            replacement = ""  # zero-width characters inside a word
        else:
            breaks = _line_breaks(run)
            replacement = "\n\n" if breaks >= 2 else "\n" if breaks == 1 else " "
        if replacement != run:
            edits.append(Edit(match.start(), match.end(), replacement, WHITESPACE))
    if last < length:
        edits.append(Edit(last, length, "", WHITESPACE))
    return edits


# --- ad-slot markers ---------------------------------------------------------

_MARKER = "Advertisement"
_AD = re.compile(rf"\s*(?<![\w-]){_MARKER}(?![\w-])\s*")
_SENTENCE_END = frozenset(".!?…\"”’')]")


def _ad_matches(raw: str) -> Iterator[re.Match[str]]:
    """What ``_AD.finditer(raw)`` finds, tried only where the word stands.

    A match is the word with the white space around it, so it starts at the
    white space before an occurrence (no earlier than the last match's end):
    trying the pattern there alone finds it, where scanning the whole text
    with it took 0.1 s on a novel without one.
    """
    end = 0
    found = raw.find(_MARKER)
    while found != -1:
        start = found
        while start > end and raw[start - 1].isspace():  # what \s matches
            start -= 1
        match = _AD.match(raw, start)
        if match is None:
            found = raw.find(_MARKER, found + 1)
            continue
        yield match
        end = match.end()
        found = raw.find(_MARKER, end)


def _advertisements(raw: str) -> list[Edit]:
    edits = []
    for match in _ad_matches(raw):
        start, end = match.span()
        at_start, at_end = start == 0, end == len(raw)
        before = match.group()[: match.group().index("A")]
        after = match.group()[match.group().index("A") + len(_MARKER) :]
        if not (at_start or before) or not (at_end or after):
            continue  # glued to something: not a lone marker
        own_line = (at_start or "\n" in before) and (at_end or "\n" in after)
        after_sentence = at_start or raw[start - 1] in _SENTENCE_END
        next_char = raw[end] if not at_end else ""
        before_sentence = (
            at_end or next_char.isupper() or next_char in "\"“‘'([" or next_char.isdigit()
        )
        if own_line or (after_sentence and before_sentence):
            replacement = "" if at_start or at_end else "\n\n"
            edits.append(Edit(start, end, replacement, ADVERTISEMENT))
    return edits


# --- glued words -------------------------------------------------------------

# Candidates, ASCII letters only; the word list decides.
#  camel:   a lower-case word glued to a capitalised one   ("directorSteen")
#  capital: a capitalised word glued to a lower-case one   ("Halabidocument")
#  lower:   lower-case words run together                  ("averydifficult")
# A candidate is a whole run of letters (no letter before or after it), so
# the three never match at the same place, and the token itself tells which
# matched.
_BEFORE = r"A-Za-z0-9_@/\\.#=:"  # no candidate right after one of these
_AFTER = r"(?![A-Za-z0-9_@/\\=:(])"
_CANDIDATE = re.compile(
    rf"(?<![{_BEFORE}])"
    r"(?:(?P<camel>[a-z]{3,}[A-Z][a-z]{2,})|(?P<capital>[A-Z][a-z]{6,})|(?P<lower>[a-z]{7,}))"
    + _AFTER
)
# The same candidates after the character before them (so: not at the very
# start of the text), the token as the group. Opening with a class of
# characters, and looking for six letters before trying the three forms, it
# finds them in a novel in a third of the time _CANDIDATE takes.
_AFTER_ONE = re.compile(
    rf"[^{_BEFORE}](?=[A-Za-z]{{6}})([a-z]{{7,}}|[A-Z][a-z]{{6,}}|[a-z]{{3,}}[A-Z][a-z]{{2,}})"
    + _AFTER
)
_CAMEL_SPLIT = re.compile(r"[A-Z]")

MAX_GLUED = 40  # longer letter runs are not words run together
MIN_PIECE_ZIPF = 3.0  # a piece must be a word seen at least once per million words
MIN_TAIL_ZIPF = 4.0  # the common word glued after a name ...
MIN_TAIL_LENGTH = 6  # ... is no short name part such as -ford, -ham, -field
MAX_NAME_ZIPF = 3.0  # the name is rare: Common+Common is a compound name (Oldcastle)
MIN_NAME_LENGTH = 3  # the name glued before it
_SHORT_PIECES = {1: 7.0, 2: 5.5, 3: 4.5}  # short pieces must be very common


def _glued_words(raw: str) -> list[Edit]:
    # Each distinct candidate is decided once (a novel has 100,000 candidates,
    # 11,000 distinct); the text is read again for places only if one is cut.
    first = _CANDIDATE.match(raw)  # at the very start, with no character before
    tokens = set(_AFTER_ONE.findall(raw))
    if first is not None:
        tokens.add(first.group())
    decided = {token: cuts for token in tokens if (cuts := _cuts(token))}
    if not decided:
        return []
    places = [(0, first.group())] if first is not None else []
    places.extend((match.start(1), match.group(1)) for match in _AFTER_ONE.finditer(raw))
    return [
        Edit(start + cut, start + cut, " ", GLUED)
        for start, token in places
        for cut in decided.get(token, ())
    ]


def _cuts(token: str) -> list[int]:
    """Where a candidate is cut, if anywhere.

    It is cut when it is no known word and splits; the quick tests come
    first: what cannot split (too short for a name and a word, no grammar
    word in a lower-case run), a frequent word, the split (which reads only
    frequent words), and only then the whole list, for a rarer word.
    """
    if len(token) > MAX_GLUED:
        return []
    if token[0].isupper():
        if len(token) < MIN_NAME_LENGTH + MIN_TAIL_LENGTH:
            return []  # no rare name and a long word in it
    elif token.islower() and _GRAMMAR_PIECE.search(token) is None:
        return []  # split only at a grammar word of three letters or more
    if wordlist.zipf(token, wordlist.FREQUENT):
        return []  # a frequent word, so a known one
    if token[0].isupper():
        cuts = _split_capital(token)
    elif token.islower():
        cuts = _split_lower(token)
    else:
        cuts = _split_camel(token)
    return [] if not cuts or wordlist.known(token) else cuts


def _piece_ok(piece: str, minimum: float = MIN_PIECE_ZIPF) -> bool:
    needed = _SHORT_PIECES.get(len(piece), minimum)
    return wordlist.zipf(piece, needed) >= needed  # needed is FREQUENT or more


def _split_camel(token: str) -> list[int]:
    hump = _CAMEL_SPLIT.search(token)
    assert hump is not None
    return [hump.start()] if _piece_ok(token[: hump.start()]) else []


def _split_capital(token: str) -> list[int]:
    """A rare name glued to a longer common word: "Halabidocument"."""
    best: tuple[float, int] | None = None
    for cut in range(MIN_NAME_LENGTH, len(token) - MIN_TAIL_LENGTH + 1):
        head, tail = token[:cut], token[cut:]
        if not _piece_ok(tail, MIN_TAIL_ZIPF):  # the tail first: it reads only frequent words
            continue
        head_zipf = wordlist.zipf(head)
        if not 0.0 < head_zipf < MAX_NAME_ZIPF:
            continue
        score = head_zipf + wordlist.zipf(tail)
        if best is None or score > best[0]:
            best = (score, cut)
    return [best[1]] if best else []


MAX_PIECES = 4

# Closed-class words that English does not build compounds from. A run of
# lower-case words is split only when one of the pieces is such a word:
# "averydifficult" (a, very) is glue; "workbag" or "whalemen" are compounds.
# Left out on purpose: prepositions (over, under, out, with, to ...), which
# make compounds all the time ("overhearings", "underlip"), and short modals
# and particles that start many words (can-, will-, may-, be-, or-).
_GRAMMAR_WORDS = frozenset(
    """a an the this that these those my your his her its our their i you he she we
    they me him us them am is are was were been has have had does did would could
    should and but nor than because very not quite rather of""".split()
)


# A lower-case run holds one of these if it splits (see _split_lower).
_GRAMMAR_PIECE = re.compile(
    "|".join(sorted((word for word in _GRAMMAR_WORDS if len(word) >= 3), key=len, reverse=True))
)


def _split_lower(token: str) -> list[int]:
    """Most probable split into known words (unigram model), or none."""
    n = len(token)
    # best[i]: (log-probability, cuts) of the best segmentation of token[:i]
    best: list[tuple[float, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            previous = best[start]
            piece = token[start:end]
            if previous is None or not _piece_ok(piece):
                continue
            if start and len(previous[1]) + 2 > MAX_PIECES:
                continue
            score = previous[0] + wordlist.zipf(piece) - 9.0
            cuts = (*previous[1], start) if start else ()
            current = best[end]
            if current is None or score > current[0]:
                best[end] = (score, cuts)
    result = best[n]
    if result is None or not result[1]:
        return []
    found = list(result[1])
    pieces = [token[a:b] for a, b in zip([0, *found], [*found, n], strict=True)]
    # One- and two-letter grammar words double as prefixes (a-, be-: "acutest",
    # "bethinking"), so a longer one must be among the pieces.
    if not any(piece in _GRAMMAR_WORDS and len(piece) >= 3 for piece in pieces):
        return []
    return [] if _inflected_known_word(token) else found


# Suffixes of inflection and derivation, each with what may have been dropped
# from the stem: "harpoons" -> "harpoon", "overawing" -> "overawe",
# "bestirred" -> "bestir", "whimsicalities" -> "whimsical".
_SUFFIXES = (
    ("ically", ("ic", "ical")),
    ("ities", ("", "e")),
    ("ness", ("",)),
    ("ally", ("al", "")),
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ing", ("", "e")),
    ("est", ("", "e")),
    ("ly", ("", "le")),
    ("es", ("", "e")),
    ("ed", ("", "e")),
    ("er", ("", "e")),
    ("ic", ("", "e")),
    ("s", ("",)),
)


def _inflected_known_word(token: str) -> bool:
    for suffix, restorations in _SUFFIXES:
        if not token.endswith(suffix) or len(token) - len(suffix) < 3:
            continue
        stem = token[: -len(suffix)]
        candidates = [stem + ending for ending in restorations]
        if len(stem) > 3 and stem[-1] == stem[-2]:  # doubled consonant: stirred
            candidates.append(stem[:-1])
        if any(wordlist.known(candidate) for candidate in candidates):
            return True
    return False


_DETECTORS = (_advertisements, _whitespace, _glued_words)
