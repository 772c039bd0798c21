"""Clean-up of scraped or messy text, with a map back to the text as read.

Three repairs, each conservative, none of which touches the file on disk:

* white space, always: CRLF and lone CR become LF, non-breaking and other
  Unicode spaces become plain spaces, zero-width spaces go, runs collapse;
  one line break stays a line break, two or more make a paragraph break;
* ad-slot markers: the word "Advertisement" standing alone between sentences
  (or on a line of its own) is a leftover of a web page, and becomes a
  paragraph break;
* glued words: words run together where formatting was lost
  ("directorSteen", "Halabidocument", "averydifficult", "alwaysreturns") are
  split where a unigram model over English word frequencies (see
  ``wordlist``) finds the words apart likelier enough than the run as one.

The last two repair web artifacts, and run only where the text shows it was
scraped (an ad-slot marker between sentences, or several glued words), or
when forced (``clean(raw, repair=True)``, ``--repair``); a plain text keeps
its words ("dataLayer", "Advertisement Standards Authority").

``clean(raw)`` returns a ``CleanText`` holding the cleaned string, the list
of edits, from which any offset into the cleaned text maps back to the raw
one, and how the repairs were decided.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
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
    repair: str = "not scraped"  # how the repairs were decided: AUTO_ON, AUTO_OFF, FORCED_*

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
        """``to_raw`` of each offset. In order (as a document's are), the
        offsets between two edits are mapped together, by the one shift
        between the texts there (a novel's 66,000 offsets and 800 edits: one
        list made a stretch, instead of a step of Python an offset)."""
        clean_starts, edits = self._clean_starts, self.edits
        count = len(edits)
        if not count or any(map(int.__gt__, offsets, offsets[1:])):  # out of order
            return self._to_raw_each(offsets, side)
        at_start = side == "start"
        position = bisect_left(offsets, clean_starts[0])
        mapped = offsets[:position]  # before the first edit: as they are
        total = len(offsets)
        for index in range(count):
            # the offsets whose last edit starting at or before them is this one
            stop = (
                bisect_left(offsets, clean_starts[index + 1], position)
                if index + 1 < count
                else total
            )
            if stop == position:
                continue
            edit = edits[index]
            clean_start = clean_starts[index]
            clean_end = clean_start + len(edit.replacement)
            # those at its start or inside its replacement map as to_raw says
            inside = bisect_left(offsets, max(clean_end, clean_start + 1), position, stop)
            for offset in offsets[position:inside]:
                if offset == clean_start == clean_end:  # deleted text: skip it for a start
                    mapped.append(edit.end if at_start else edit.start)
                elif offset == clean_start:
                    mapped.append(edit.start)
                else:
                    mapped.append(edit.start if at_start else edit.end)
            shift = edit.end - clean_end
            mapped.extend([offset + shift for offset in offsets[inside:stop]])
            position = stop
        return mapped

    def _to_raw_each(self, offsets: list[int], side: Side) -> list[int]:
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

    def repairs(self) -> dict[str, int]:
        """How many of each repair were made: ad-slot markers removed, glued
        words split (a word split in three counts once)."""
        ads = glued = 0
        previous_end = -1
        for edit in self.edits:
            if edit.reason == ADVERTISEMENT:
                ads += 1
            elif edit.reason == GLUED:
                between = self.raw[previous_end : edit.start]
                if previous_end < 0 or not between.isalpha():  # not the same letter run
                    glued += 1
                previous_end = edit.start
        return {ADVERTISEMENT: ads, GLUED: glued}


def clean(
    raw: str, repair: bool | None = None, shows_glue: Callable[[str], bool] | None = None
) -> CleanText:
    """Clean ``raw``; see the module's docstring for what that means.

    White space is always normalised. The repairs of web artifacts (ad-slot
    markers, glued words) run when ``repair`` is True, never when it is
    False, and by default only when the text shows it was scraped
    (``scraped``). ``shows_glue``: what tells whether it shows glued words,
    if not ``_shows_glue`` itself (a long text's build has a second process
    find out meanwhile, ``document.build``)."""
    ads = _advertisements(raw) if repair is not False else []
    spaces = _whitespace(raw)  # (first: the decision may be made elsewhere meanwhile)
    if repair is None:
        repair = bool(ads) or (shows_glue or _shows_glue)(raw)
        decision = AUTO_ON if repair else AUTO_OFF
    else:
        decision = FORCED_ON if repair else FORCED_OFF
    # Each detector yields sorted, disjoint edits; an ad marker swallows the
    # white space around it, so it wins over the white-space edits it covers.
    found = [ads, spaces, _glued_words(raw) if repair else []]
    if not repair:
        found[0] = []
    ranked = [(edit.start, rank, edit) for rank, edits in enumerate(found) for edit in edits]
    ranked.sort(key=lambda item: (item[0], item[1]))
    edits: list[Edit] = []
    covered = 0
    for start, _, edit in ranked:
        if start < covered:
            continue
        edits.append(edit)
        covered = edit.end
    return apply(raw, edits, decision)


# How the repairs were decided (CleanText.repair).
AUTO_ON = "scraped"  # the text showed it was scraped: repaired
AUTO_OFF = "not scraped"  # no sign of scraping: left as it is
FORCED_ON = "forced"  # --repair
FORCED_OFF = "off"  # --no-repair

# A text shows it was scraped by an ad-slot marker between sentences or on a
# line of its own, or by MIN_GLUE_SIGNS distinct glued words that the repair
# would split (a lower-case word glued to a capitalised one counts only when
# the capitalised part is no frequent word: "outputDir" is an identifier,
# "photographyFadi" glue). They are looked for in the first SIGN_WINDOW
# characters: a scraped text shows it throughout, and a novel is not read
# whole for them.
MIN_GLUE_SIGNS = 2
SIGN_WHOLE_ZIPF = 1.5  # see _cuts; chosen leave-one-out by bench/glued.py --gate
GLUE_SIGN_RATE = 1 / 1000  # glued words a word of the window, at least
SIGN_WINDOW = 100_000


def _shows_glue(raw: str) -> bool:
    end = min(len(raw), SIGN_WINDOW)
    counts = Counter(token for _, token in _candidates(raw, end))
    tokens = [token for token, count in counts.items() if count < REPEATED or _is_camel(token)]
    if not tokens:
        return False
    wordlist.expect(len(tokens) * LOOKUPS_A_CANDIDATE)
    names = _names(raw[:end])
    seen = _standing(raw[:end])
    needed = max(MIN_GLUE_SIGNS, raw.count(" ", 0, end) * GLUE_SIGN_RATE)
    signs = 0
    for token in tokens:
        if not _cuts(token, names, rare=False, count=counts[token], seen=seen):
            continue
        if _is_camel(token):  # the capitalised part a name?
            hump = _CAMEL_SPLIT.search(token)
            if hump is not None and wordlist.zipf(token[hump.start() :], wordlist.FREQUENT):
                continue
        signs += 1
        if signs >= needed:
            return True
    return False


def apply(raw: str, edits: list[Edit], repair: str = AUTO_OFF) -> CleanText:
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
    return CleanText(raw, "".join(pieces), tuple(edits), tuple(clean_starts), repair)


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


# Every character that str.isspace() (and so the pattern's \s) takes for
# white space, but the space and the line feed (a test checks it against
# Python's own), and the zero-width ones.
_OTHER_SPACES = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_UNUSUAL = re.escape(_OTHER_SPACES + _ZERO_WIDTH)
# In a text whose white space is spaces and line feeds alone, a run that may
# need an edit (two characters or more, but a paragraph break "\n\n") holds
# two spaces, which str.find finds, or a line feed next to a space or opening
# three of them, which this finds, as it finds any other white space. It
# opens with a class of characters that spaces are not in, so that the
# engine skips from line feed to line feed: a third of _SPACE_RUN's time.
# (Compiled on first use: a bundled text, read from its index, never needs it.)
_SEED = rf"[{_UNUSUAL}\n](?:(?<=[{_UNUSUAL}])|(?<= \n)|(?<=\n) |(?<=\n)\n\n)"


def _plain_runs(raw: str, first: int, last: int) -> list[tuple[int, int]] | None:
    """The runs of white space in ``raw[first:last]`` that ``_SPACE_RUN``
    finds, but paragraph breaks (which need no edit), when the text's white
    space is spaces and line feeds; None when it has any other (then the
    pattern itself finds them)."""
    runs: dict[int, int] = {}

    def add(position: int) -> int:
        start = position
        while start > first and raw[start - 1] in " \n":
            start -= 1
        end = position + 1
        while end < last and raw[end] in " \n":
            end += 1
        runs[start] = end
        return end

    covered = first
    for match in re.compile(_SEED).finditer(raw, first, last):  # re caches it
        position = match.start()
        if raw[position] != "\n":
            return None  # some other white space
        if position >= covered:
            covered = add(position)
    position = raw.find("  ", first, last)
    while position != -1:
        position = raw.find("  ", add(position), last)
    return sorted(runs.items())


def _whitespace(raw: str) -> list[Edit]:
    length = len(raw)
    first = 0  # the end of the white space opening the text
    while first < length and _is_space(raw[first]):
        first += 1
    last = length  # the start of the white space ending it
    while last > first and _is_space(raw[last - 1]):
        last -= 1
    edits = [Edit(0, first, "", WHITESPACE)] if first else []
    runs = _plain_runs(raw, first, last)
    if runs is None:
        runs = [match.span() for match in _SPACE_RUN.finditer(raw, first, last)]
    for start, end in runs:
        run = raw[start:end]
        if run == "\n\n":  # a paragraph break, the most common run: as it should be
            continue
        if not run.strip(_ZERO_WIDTH):
            replacement = ""  # zero-width characters inside a word
        else:
            breaks = _line_breaks(run)
            replacement = "\n\n" if breaks >= 2 else "\n" if breaks == 1 else " "
        if replacement != run:
            edits.append(Edit(start, end, replacement, WHITESPACE))
    if last < length:
        edits.append(Edit(last, length, "", WHITESPACE))
    return edits


# --- ad-slot markers ---------------------------------------------------------

_MARKER = "Advertisement"
_AD = re.compile(rf"\s*(?<![\w-]){_MARKER}(?![\w-])\s*")
# Two capitalised words after the marker, with only a space between them.
_NAME_GOES_ON = re.compile(r"[A-Z][\w'’-]* [A-Z]")
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
        if not own_line and _NAME_GOES_ON.match(raw, end):
            continue  # "Advertisement Standards Authority": the first word of a name
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
# matched; a run with more than one hump ("getElementById") is none of them,
# and neither is a run next to code punctuation ("x.dataLayer", "pageTitle=").
_BEFORE = r"\w@/\\.#=:"  # no candidate right after one of these (\w: any letter)
_AFTER = r"(?![\w@/\\=:(])"
_CANDIDATE = re.compile(
    rf"(?<![{_BEFORE}])"
    r"(?:(?P<camel>[a-z]{3,}[A-Z][a-z]{2,})|(?P<capital>[A-Z][a-z]{5,})|(?P<lower>[a-z]{6,}))"
    + _AFTER
)
# The same candidates after the character before them (so: not at the very
# start of the text), the token as the group. Opening with a class of
# characters, and looking for six letters before trying the three forms, it
# finds them in a novel in a third of the time _CANDIDATE takes.
_AFTER_ONE = re.compile(
    rf"[^{_BEFORE}](?=[A-Za-z]{{6}})([a-z]{{6,}}|[A-Z][a-z]{{5,}}|[a-z]{{3,}}[A-Z][a-z]{{2,}})"
    + _AFTER
)
_CAMEL_SPLIT = re.compile(r"[A-Z]")

MAX_GLUED = 40  # longer letter runs are not words run together
# About how many look-ups of frequent words deciding a candidate makes (15
# on the review and on War and Peace): for wordlist.expect, which chooses
# how they are looked up (the answers are the same).
LOOKUPS_A_CANDIDATE = 15
# A run of letters that the text has this many times is a word of the text
# ("Mortemart", "Netherfield"), not a slip of its markup.
REPEATED = 3
MIN_PIECE = 3  # letters in a piece, but for the short grammar words below
MIN_PIECE_ZIPF = 3.0  # a piece must be a word seen at least once per million words
MIN_NAME_LENGTH = 3  # the name glued before a lower-case word
MIN_RARE_TAIL = 5  # the word glued after it may be rarer when this long
# How much likelier the words apart must be than the run as one word, on the
# Zipf scale (log10): sum of the pieces' Zipf frequencies, less 9 for each
# word boundary (a unigram model: log10 P(w) = Zipf - 9), less the run's own
# Zipf frequency (0 when unknown). wordfreq counts web text, so it knows glue
# such as "ofthe" (3.3) as a rare word: the margin, not the run's being known,
# decides; an unknown run counts as UNKNOWN_ZIPF. Chosen leave-one-out by
# bench/glued.py (see the README).
LOWER_MARGIN = 1.0
NAME_MARGIN = 0.0
UNKNOWN_ZIPF = -3.0
UNKNOWN_NAME_ZIPF = -3.0  # the same for a capitalised run
# A common word, capitalised, before a lower-case one, where the text does not
# have it as a name on its own inside a sentence, is more likely the start of
# a name than a word glued to another ("Letwin", "Maylie"): it needs this
# much more.
UNSEEN_NAME_MARGIN = 3.0
# A word made of a known word (a compound, a prefix, an inflection) counts as
# that word's Zipf frequency less this.
DERIVED_PENALTY = 3.0
# A run the text has REPEATED times or more needs this much more margin.
REPEATED_MARGIN = 3.0
# Words run together with no grammar word among them are a compound of the
# text when it has them this often ("behindhand", "workbag"): glue is rarely
# the same twice, but for the commonest pairs ("ofthe").
REPEATED_CONTENT = 2
# A rare name (no frequent word) of at most this many letters, that the text
# never has on its own anywhere, is not split off the word after it: it is
# more likely the start of a longer name cut in two ("Misamore", "Khelil",
# "Bewlay") than a name glued to a word ("Halabidocument" is split).
UNSEEN_HEAD_LENGTH = 5
# Words run together with no grammar word among them (none of Zipf
# GRAMMAR_ZIPF or more: "the", "of", "was") may as well be a compound, such
# as the word list misses ("workbag", "lamplit"): they need this much more.
GRAMMAR_ZIPF = 6.0
CONTENT_MARGIN = 1.0
_SHORT_PIECES = {1: 7.0, 2: 5.5}  # "a", "of", "in": only very common short words
# A three-letter piece of a lower-case run must be this common: rarer ones
# ("lat", "wha", "zed") are as often a fragment of a longer word ("latten",
# "whalin", "teazed") as a word. THREE_LETTER_TAIL_ZIPF is the same for the
# word after a name (chosen leave-one-out: no more than any piece needs).
THREE_LETTER_ZIPF = 4.5
THREE_LETTER_TAIL_ZIPF = 3.0
MAX_PIECES = 4
# Words that end compounds and derivations ("cakelike", "portionless",
# "whalemen", "workmanship"): a run whose last piece is one of them is a word.
_COMPOUND_ENDS = frozenset(
    """like less ness ful fully ship hood wise ward wards man men woman women
    some fold dom ism ist ists able ably ible ment ments ance ence ity ities
    ous ward way ways work works house houses""".split()
)
# The parts that end place names and surnames ("Hunsford", "Netherfield",
# "Oldcastle"): a capitalised run ending in one of them is a name.
_NAME_ENDS = frozenset(
    """ford field fields ton ham ley leigh worth wood woods land lands bury borough
    burg berg stone well wells dale ville son sen stein man mann castle hall
    ridge bridge brook combe mouth port gate wick wich by thorpe minster stead""".split()
)
# Prefixes that make words of words ("overhearings", "unfordable"): a run that
# is one of them before a known word, or a known word with an inflection, is
# a word.
_PREFIXES = (
    *"over under out fore for after up down un re mis non pre dis in im en em be de sub".split(),
    *"super inter counter trans anti semi co ex".split(),
)


def _candidates(raw: str, end: int | None = None) -> Iterator[tuple[int, str]]:
    """Where each candidate starts in ``raw[:end]``, and the candidate."""
    first = _CANDIDATE.match(raw, 0, len(raw) if end is None else end)
    if first is not None:  # at the very start, with no character before
        yield 0, first.group()
    for match in _AFTER_ONE.finditer(raw, 0, len(raw) if end is None else end):
        yield match.start(1), match.group(1)


def _glued_words(raw: str) -> list[Edit]:
    # Each distinct candidate is decided once (a novel has 100,000 candidates,
    # 11,000 distinct); the text is read again for places only if one is cut.
    first = _CANDIDATE.match(raw)
    counts = Counter(_AFTER_ONE.findall(raw))
    if first is not None:
        counts[first.group()] += 1
    names = _names(raw)
    seen = _standing(raw)
    hyphened = _hyphened(raw)
    decided: dict[str, list[int]] = {}
    strong: set[str] = set()
    wordlist.expect(len(counts) * LOOKUPS_A_CANDIDATE)
    for token, count in counts.items():
        if token.lower() in hyphened:
            continue
        cuts, sure = _decide(token, names, count=count, seen=seen)
        if cuts:
            decided[token] = cuts
            if sure:
                strong.add(token)
    if not decided:
        return []
    for token in [token for token in decided if _in_address(raw, token)]:
        del decided[token]
        strong.discard(token)
    own = _own_words(strong, raw)
    decided = _with_evidence(decided, strong, _words(raw), own)
    if not decided:
        return []
    return [
        Edit(start + cut, start + cut, " ", GLUED)
        for start, token in _candidates(raw)
        for cut in decided.get(token, ())
    ]


# Glue comes in bursts: a scraped text has several run-together words, a
# clean one's compounds ("workbag", "planemaker", "Qatargas") stand alone.
# In a text of SHORT_TEXT words or more, a split that is no sure sign of glue
# (words run together with no grammar word among them, a name glued to a
# word) is made only where the text has EVIDENCE_MIN sure ones elsewhere (a
# grammar word run into another, "thefirst"; a word run into a name,
# "saidPierre"), or EVIDENCE_RATE a word if more; and a sure one only where
# it has STRONG_RATE a word (rounded down) besides itself: a novel's few
# "seethe" and "therefrom" are its own words. A shorter text shows nothing
# either way: forced, the repair splits as the word list says. The three
# after it are chosen on the novels (bench/glued.py --tune --evidence) and
# scored on the BBC articles; SHORT_TEXT is set by hand (a paragraph or
# two): no novel is that short.
SHORT_TEXT = 100
EVIDENCE_MIN = 1
EVIDENCE_RATE = 1 / 5000
STRONG_RATE = 1 / 10000


def _words(raw: str) -> int:
    """About how many words ``raw`` has (its spaces and line breaks)."""
    return raw.count(" ") + raw.count("\n") + 1


def _with_evidence(
    decided: dict[str, list[int]],
    strong: set[str],
    words: int,
    own: frozenset[str] | set[str] = frozenset(),
) -> dict[str, list[int]]:
    """The splits of ``decided`` that the text's other glue bears out
    (``strong``: the sure ones; ``own``: those of them that are no evidence,
    see ``_own_words``); see SHORT_TEXT."""
    if words < SHORT_TEXT:
        return decided
    sure = len(strong) - len(own & strong)
    weak_ok = sure >= max(EVIDENCE_MIN, words * EVIDENCE_RATE)
    strong_ok = sure - 1 >= int(words * STRONG_RATE)
    return {
        token: cuts
        for token, cuts in decided.items()
        if (strong_ok if token in strong else weak_ok)
    }


# A sure split of a run the text also has with another ending ("seethe"
# beside "seethed", "hastier" beside "hasty") is no evidence of glue: the
# run is the text's own word. (That the run is in the word list at any
# frequency is no such sign: the web's glue is there too, "thefirst",
# "ofthe"; bench/glued.py, README.)
_WORD = re.compile(r"[a-z]+")


def _stems(token: str) -> set[str]:
    """What ``token`` may be an inflection of, itself included."""
    found = {token}
    for suffix, restorations in _OWN_SUFFIXES:
        if not token.endswith(suffix) or len(token) - len(suffix) < 3:
            continue
        stem = token[: -len(suffix)]
        found.update(stem + ending for ending in restorations)
        if len(stem) > 3 and stem[-1] == stem[-2]:  # doubled consonant: stirred
            found.add(stem[:-1])
    return found


def _forms(stem: str) -> set[str]:
    """The inflections of ``stem``, itself included."""
    found = {stem}
    for suffix, restorations in _OWN_SUFFIXES:
        for ending in restorations:
            if stem.endswith(ending):
                base = stem[: len(stem) - len(ending)]
                found.add(base + suffix)
                found.add(base + base[-1:] + suffix)  # doubled consonant
    return found


def _related(token: str, words: frozenset[str] | set[str]) -> bool:
    """Whether the text (its lower-case ``words``) has ``token`` with
    another ending, or without one."""
    related = set().union(*(_forms(stem) for stem in _stems(token)))
    related.discard(token)
    return not related.isdisjoint(words)


def _own_words(strong: set[str], raw: str) -> frozenset[str]:
    """The sure splits (``strong``) of runs that are the text's own words
    (``_is_own``). They may still be split where the rule of evidence
    allows, but are no evidence of glue."""
    lower = [token for token in strong if token.islower()]
    if not lower:
        return frozenset()
    words = frozenset(_WORD.findall(raw))
    return frozenset(token for token in lower if _is_own(token, words))


def _is_own(token: str, words: frozenset[str] | set[str]) -> bool:
    """Whether a run is the text's own word: lower case, and the text (its
    lower-case ``words``) has it with another ending, or without one."""
    return token.islower() and _related(token, words)


def _in_address(raw: str, token: str) -> bool:
    """Whether ``raw`` has ``token`` before a full stop and a lower-case
    letter: a part of a web address or a file name ("mycokemusic.com"),
    never repaired."""
    needle = token + "."
    at = raw.find(needle)
    while at != -1:
        after = at + len(needle)
        if after < len(raw) and raw[after].islower():
            return True
        at = raw.find(needle, after)
    return False


def _is_camel(token: str) -> bool:
    return not token.islower() and not token[1:].islower()


def _cuts(
    token: str,
    names: frozenset[str] = frozenset(),
    rare: bool = True,
    count: int = 1,
    seen: frozenset[str] | None = None,
) -> list[int]:
    """Where a candidate is cut, if anywhere; see ``_decide``."""
    return _decide(token, names, rare, count, seen)[0]


def _decide(
    token: str,
    names: frozenset[str] = frozenset(),
    rare: bool = True,
    count: int = 1,
    seen: frozenset[str] | None = None,
) -> tuple[list[int], bool]:
    """Where a candidate is cut, if anywhere, and whether the cut is a sure
    sign of glue (a grammar word run into another, a word into a name: see
    SHORT_TEXT) (``names``: the capitalised
    words that the text has on their own inside a sentence; ``count``: how
    often the text has the run: ``REPEATED`` times or more, or twice where no
    piece is a grammar word, and the words apart must be likelier still;
    ``seen``: the capitalised words the text has on their own anywhere, None
    if not known).

    Without ``rare``, only the table of frequent words is read (a look-up of
    a rarer word costs a millisecond): a run that is no frequent word is
    taken to be a rare one of Zipf ``SIGN_WHOLE_ZIPF``, and a rare word to be
    no stem or piece: that is how the signs of a scrape are looked for."""
    if len(token) > MAX_GLUED:
        return [], False
    if _is_camel(token):
        return _split_camel(token), True
    repeated = count >= REPEATED
    sure = False
    if token.islower():
        cuts, margin = _split_lower(token, rare)
        needed = LOWER_MARGIN
        grammar = bool(cuts) and _has_grammar_word(token, cuts)
        sure = grammar and _has_grammar_word(token, cuts, _PARTICLES)
        if cuts and count >= REPEATED_CONTENT and not grammar:
            repeated = True  # a compound the text uses again ("behindhand")
    else:
        cuts, margin = _split_capital(token, names, rare)
        needed = NAME_MARGIN
        head = token[: cuts[0]] if cuts else ""
        if head and head not in names and wordlist.zipf(head, wordlist.FREQUENT):
            needed += UNSEEN_NAME_MARGIN  # a common word the text never has as a name
        elif head and seen is not None and head not in seen and len(head) <= UNSEEN_HEAD_LENGTH:
            return [], False  # a fragment of a longer name, more likely
    if repeated:
        needed += REPEATED_MARGIN
    return (cuts, sure) if cuts and margin >= needed else ([], False)


# A name the text has on its own inside a sentence (after a word or a comma,
# so not "The" or "Let" opening one): "Halabi" in "... Fadi Al Halabi ...".
_NAME = re.compile(r"(?<=[\w,;] )[A-Z][a-z]{2,}(?![\w'’-])")
# Such a name, however rare in the word list, is as likely as this before a
# word glued to it.
NAME_IN_TEXT_ZIPF = 4.0


def _names(raw: str) -> frozenset[str]:
    return frozenset(_NAME.findall(raw))


# A capitalised word on its own anywhere (also opening a sentence).
_STANDING = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?![\w'’-])")


def _standing(raw: str) -> frozenset[str]:
    return frozenset(_STANDING.findall(raw))


def _has_grammar_word(token: str, cuts: list[int], besides: frozenset[str] = frozenset()) -> bool:
    """Whether a piece of ``token`` cut at ``cuts`` is a grammar word (Zipf
    GRAMMAR_ZIPF or more), but for those ``besides``."""
    table = wordlist.frequent()
    edges = [0, *cuts, len(token)]
    return any(
        table.get(piece, 0.0) >= GRAMMAR_ZIPF and piece not in besides
        for piece in (token[a:b] for a, b in itertools.pairwise(edges))
    )


# Adverbial particles make compounds of words: nouns of phrasal verbs
# ("writeback", "sickout", "walkout"), words after a prefix ("overawing",
# "backstay"). A run split at one of them alone is no sure sign of glue.
_PARTICLES = frozenset("out back off up down over away in on".split())


_HYPHENED = re.compile(r"(?<![\w'’-])([A-Za-z]{2,})-([a-z]{2,})(?![\w'’-])")


def _hyphened(raw: str) -> frozenset[str]:
    """The compounds the text writes with a hyphen, the hyphen left out and
    in lower case: the text has "work-bag", so "workbag" is its word, not
    two words run together."""
    return frozenset((head + tail).lower() for head, tail in _HYPHENED.findall(raw))


def _least_zipf(length: int) -> float:
    """How common a piece of a lower-case run of this length must be."""
    if length == MIN_PIECE:
        return max(MIN_PIECE_ZIPF, THREE_LETTER_ZIPF)
    return _SHORT_PIECES.get(length, MIN_PIECE_ZIPF)


def _piece_zipf(piece: str) -> float:
    """The piece's Zipf frequency if it may be a piece (a frequent enough
    word), else 0; reads only the table of frequent words."""
    needed = _SHORT_PIECES.get(len(piece), MIN_PIECE_ZIPF)
    return wordlist.zipf(piece, needed)


def _lookup(rare: bool) -> Callable[[str], float]:
    """The Zipf frequency of a word (0 if unknown): of any word, or, without
    ``rare``, of the frequent words alone."""
    if rare:
        return wordlist.zipf
    table = wordlist.frequent()
    return lambda word: table.get(word.lower(), 0.0)


def _split_camel(token: str) -> list[int]:
    """A lower-case word glued to a capitalised one: "photographyFadi"."""
    hump = _CAMEL_SPLIT.search(token)
    assert hump is not None
    head = token[: hump.start()]
    if not _piece_zipf(head) or wordlist.known(token):
        return []
    return [hump.start()]


def _split_capital(
    token: str, names: frozenset[str] = frozenset(), rare: bool = True
) -> tuple[list[int], float]:
    """A name glued to a lower-case word: "Halabidocument", "Pierrewas";
    the cut, and by how much the words apart are likelier than the run."""
    if wordlist.zipf(token, MIN_PIECE_ZIPF + 1):
        return [], 0.0  # a common word or name: "Something", "Whenever"
    best: tuple[float, int] | None = None
    for cut in range(MIN_NAME_LENGTH, len(token) - MIN_PIECE + 1):
        head, tail = token[:cut], token[cut:]
        if tail in _COMPOUND_ENDS or tail in _NAME_ENDS or tail in _DERIVED_ENDS:
            continue
        # the frequent words first (a look-up of a rarer word costs a
        # millisecond): a rare tail only after a known name ("Queequegaccosted"),
        # a rare head only before a frequent tail ("Halabidocument")
        head_zipf = wordlist.zipf(head, wordlist.FREQUENT)
        if head in names:
            head_zipf = max(head_zipf, NAME_IN_TEXT_ZIPF)
        least = THREE_LETTER_TAIL_ZIPF if len(tail) == MIN_PIECE else MIN_PIECE_ZIPF
        tail_zipf = wordlist.zipf(tail, max(least, MIN_PIECE_ZIPF))
        if not tail_zipf and head_zipf and rare and len(tail) >= MIN_RARE_TAIL:
            tail_zipf = wordlist.zipf(tail)
        if not tail_zipf:
            continue
        if not head_zipf and rare:
            head_zipf = wordlist.zipf(head)
        if not head_zipf:
            continue
        score = head_zipf + tail_zipf
        if best is None or score > best[0]:
            best = (score, cut)
    if best is None:
        return [], 0.0
    whole = (wordlist.zipf(token) or UNKNOWN_NAME_ZIPF) if rare else SIGN_WHOLE_ZIPF
    return [best[1]], best[0] - 9.0 - whole


def _split_lower(token: str, rare: bool = True) -> tuple[list[int], float]:
    """Most probable split into frequent words (unigram model), and by how
    much it is likelier than the run as one word: as itself, or as a
    compound or derivation of a known word (``_derived_zipf``)."""
    table = wordlist.frequent()  # lower-case words of Zipf FREQUENT or more
    whole = table.get(token, 0.0)
    n = len(token)
    if whole and not _may_split(token, whole):
        return [], 0.0
    # best[i]: (sum of Zipf - 9 a piece, cuts) of the best segmentation of
    # token[:i]; each is final before the pieces that start at i are tried
    best: list[tuple[float, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    for start in range(n):
        previous = best[start]
        if previous is None or (start and len(previous[1]) + 2 > MAX_PIECES):
            continue
        cuts = (*previous[1], start) if start else ()
        for end in range(start + 1, min(n, start + 20) + 1):
            value = table.get(token[start:end])
            if value is None or value < _least_zipf(end - start):
                continue
            score = previous[0] + value - 9.0
            current = best[end]
            if current is None or score > current[0]:
                best[end] = (score, cuts)
    result = best[n]
    if result is None or not result[1]:
        return [], 0.0
    found = list(result[1])
    score = result[0] + 9.0
    pieces = [token[a:b] for a, b in zip([0, *found], [*found, n], strict=True)]
    # One- and two-letter words double as prefixes and endings ("aslope",
    # "besmoked", "inconsequence", dialect "foamin'"): a split with one needs
    # two pieces of three letters or more ("averydifficult").
    if len(pieces) - sum(len(piece) >= MIN_PIECE for piece in pieces) and (
        sum(len(piece) >= MIN_PIECE for piece in pieces) < 2
    ):
        return [], 0.0
    if score - UNKNOWN_ZIPF < LOWER_MARGIN:
        return [], 0.0  # not enough even against an unknown word
    lookup = _lookup(rare)
    if not whole:  # a rarer word (Zipf under FREQUENT), or none
        whole = (wordlist.zipf(token) or UNKNOWN_ZIPF) if rare else SIGN_WHOLE_ZIPF
    if score - whole < LOWER_MARGIN:
        return [], score - whole  # not enough as it is: no need to look further
    whole = max(whole, _derived_zipf(token, pieces[-1], lookup))
    if len(pieces) == 2 and max(table[piece] for piece in pieces) < GRAMMAR_ZIPF:
        # no grammar word: a compound is as likely ("workbag"); one of three
        # words is rare, and three run together are glue ("undereverybridge")
        whole += CONTENT_MARGIN
    return found, score - whole


def _may_split(token: str, whole: float) -> bool:
    """Whether a run that is a frequent word of Zipf ``whole`` could be
    split at all (``_split_lower``), found from the commonest words alone:
    most such runs are words, and the split's look-ups cost a short scraped
    page a fifth of its clean-up. A split must score ``whole`` plus
    LOWER_MARGIN; its score is the sum of its pieces' Zipf frequencies less
    9 for each cut, and every piece is under 9, so it is at most its first
    and its last piece less 9, and each of them must be at least ``whole``
    + LOWER_MARGIN + 9 less the commonest word's Zipf: 5.3 or more for
    any frequent word, all among ``wordlist.common()``. (The rule changes
    no result: where no first or last piece is that common, the split
    would be refused.)"""
    common, highest, longest_word = wordlist.common()
    least = whole + LOWER_MARGIN + 9.0 - highest - 1e-9
    if least < wordlist.COMMON:
        return True  # (no gate for a word list with no word that common)
    n = len(token)
    longest = min(n - 1, 20, longest_word)  # as _split_lower's pieces
    get = common.get
    for end in range(1, longest + 1):
        if get(token[:end], 0.0) >= least:
            break
    else:
        return False  # no first piece that common
    for size in range(1, longest + 1):  # noqa: SIM110  (loops: no generator a call)
        if get(token[n - size :], 0.0) >= least:
            return True
    return False


# Endings that make names and adjectives of words and names ("Cousinage",
# "Inlanders", "Quakerish", "Hogarthian", "Leonardesque"): a capitalised run
# that ends in one is a word.
_DERIVED_ENDS = frozenset("age ages ers ian ians ish esque ite ites ese ans ins".split())


def _derived_zipf(token: str, last: str, lookup: Callable[[str], float]) -> float:
    """How likely ``token`` is as a word made of a known one: a compound
    whose last part is one of ``_COMPOUND_ENDS`` ("cakelike", "whalemen"), a
    word after a prefix ("overhearings"), an inflection ("harpoons"): the
    known word's Zipf frequency less DERIVED_PENALTY (or none, -inf)."""
    found = 0.0
    if last in _COMPOUND_ENDS or last in _DERIVED_ENDS:
        found = max(found, lookup(token[: -len(last)]))
    found = max(found, _prefixed_word(token, lookup), _inflected_known_word(token, lookup))
    return found - DERIVED_PENALTY if found else float("-inf")


def _prefixed_word(token: str, lookup: Callable[[str], float]) -> float:
    """The Zipf frequency of the known word (or its stem) after a prefix."""
    found = 0.0
    for prefix in _PREFIXES:
        rest = token[len(prefix) :]
        if token.startswith(prefix) and len(rest) >= MIN_PIECE:
            found = max(found, lookup(rest), _inflected_known_word(rest, lookup))
    return found


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
    ("eth", ("", "e")),
    ("ly", ("", "le")),
    ("es", ("", "e")),
    ("ed", ("", "e")),
    ("er", ("", "e")),
    ("ic", ("", "e")),
    ("s", ("",)),
)


def _inflected_known_word(token: str, lookup: Callable[[str], float]) -> float:
    """The Zipf frequency of the known stem of an inflected ``token``, 0 if none."""
    found = 0.0
    for suffix, restorations in _SUFFIXES:
        if not token.endswith(suffix) or len(token) - len(suffix) < 3:
            continue
        stem = token[: -len(suffix)]
        candidates = [stem + ending for ending in restorations]
        if len(stem) > 3 and stem[-1] == stem[-2]:  # doubled consonant: stirred
            candidates.append(stem[:-1])
        found = max(found, *(lookup(candidate) for candidate in candidates))
    return found


# The endings of _own_words: the inflections, and a few of derivation more.
_OWN_SUFFIXES = (*_SUFFIXES, ("ier", ("y",)), ("iest", ("y",)), ("ings", ("", "e")))
