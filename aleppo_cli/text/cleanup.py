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
# Only the runs that may need an edit: at either end of the text, two or more
# characters long, or a single character that is not a plain space or line feed.
# (A lone space or line feed, by far the most common, is left alone.)
_SPACE_RUN = re.compile(rf"\A{_SPACE}+|{_SPACE}+\Z|{_SPACE}{{2,}}|[^\S \n]|[{_ZERO_WIDTH}]")


def _line_breaks(run: str) -> int:
    crlf = run.count("\r\n")
    breaks = run.count("\n") + run.count("\r") - crlf + run.count("\u2028") + run.count("\x85")
    return breaks + 2 * (run.count("\u2029") + run.count("\x0c"))


def _whitespace(raw: str) -> list[Edit]:
    edits = []
    for match in _SPACE_RUN.finditer(raw):
        run = match.group()
        if match.start() == 0 or match.end() == len(raw):
            replacement = ""
        elif not run.strip(_ZERO_WIDTH):
            replacement = ""  # zero-width characters inside a word
        else:
            breaks = _line_breaks(run)
            replacement = "\n\n" if breaks >= 2 else "\n" if breaks == 1 else " "
        if replacement != run:
            edits.append(Edit(match.start(), match.end(), replacement, WHITESPACE))
    return edits


# --- ad-slot markers ---------------------------------------------------------

_AD = re.compile(r"\s*(?<![\w-])Advertisement(?![\w-])\s*")
_SENTENCE_END = frozenset(".!?…\"”’')]")


def _advertisements(raw: str) -> list[Edit]:
    edits = []
    for match in _AD.finditer(raw):
        start, end = match.span()
        at_start, at_end = start == 0, end == len(raw)
        before = match.group()[: match.group().index("A")]
        after = match.group()[match.group().index("A") + len("Advertisement") :]
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
_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9_@/\\.#=:])"
    r"(?:(?P<camel>[a-z]{3,}[A-Z][a-z]{2,})|(?P<capital>[A-Z][a-z]{6,})|(?P<lower>[a-z]{7,}))"
    r"(?![A-Za-z0-9_@/\\=:(])"
)
_CAMEL_SPLIT = re.compile(r"[A-Z]")

MAX_GLUED = 40  # longer letter runs are not words run together
MIN_PIECE_ZIPF = 3.0  # a piece must be a word seen at least once per million words
MIN_TAIL_ZIPF = 4.0  # the common word glued after a name ...
MIN_TAIL_LENGTH = 6  # ... is no short name part such as -ford, -ham, -field
MAX_NAME_ZIPF = 3.0  # the name is rare: Common+Common is a compound name (Oldcastle)
_SHORT_PIECES = {1: 7.0, 2: 5.5, 3: 4.5}  # short pieces must be very common


def _glued_words(raw: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in _CANDIDATE.finditer(raw):
        token = match.group()
        if len(token) > MAX_GLUED or wordlist.known(token):
            continue
        if match.group("camel"):
            cuts = _split_camel(token)
        elif match.group("capital"):
            cuts = _split_capital(token)
        else:
            cuts = _split_lower(token)
        edits.extend(Edit(match.start() + cut, match.start() + cut, " ", GLUED) for cut in cuts)
    return edits


def _piece_ok(piece: str, minimum: float = MIN_PIECE_ZIPF) -> bool:
    needed = _SHORT_PIECES.get(len(piece), minimum)
    return wordlist.zipf(piece) >= needed


def _split_camel(token: str) -> list[int]:
    hump = _CAMEL_SPLIT.search(token)
    assert hump is not None
    return [hump.start()] if _piece_ok(token[: hump.start()]) else []


def _split_capital(token: str) -> list[int]:
    """A rare name glued to a longer common word: "Halabidocument"."""
    best: tuple[float, int] | None = None
    for cut in range(3, len(token) - MIN_TAIL_LENGTH + 1):
        head, tail = token[:cut], token[cut:]
        if not 0.0 < wordlist.zipf(head) < MAX_NAME_ZIPF or not _piece_ok(tail, MIN_TAIL_ZIPF):
            continue
        score = wordlist.zipf(head) + wordlist.zipf(tail)
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
