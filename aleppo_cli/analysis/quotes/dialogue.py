"""The shape of a run of dialogue, for the ranker: who the named turns around a quotation are.

A *run* is a stretch of consecutive paragraphs each of which opens with a
speech quotation (a turn). Most turns of a long run are attributed to nobody
(implicit): the reader follows the alternation from the turns an attribution
names, before the quotation and after it. For each turn, this module gives
the ranker features of that kind, read only from positions and attributions,
never from a name or a phrase:

- ``run:back:even`` / ``run:back:odd``: the nearest turn before it in the run
  that an attribution names (an *anchor*), at an even or odd number of turns
  back (with two people talking, even is the same person);
- ``run:ahead:even`` / ``run:ahead:odd``: the nearest anchor after it;
- where the run's anchors name exactly two people, ``run:pair`` for both,
  and ``run:pair:parity`` for the one the nearest anchor's parity gives (the
  anchor itself at an even distance, the other at an odd one), with
  ``run:pair:agree`` when every anchor of the run gives the same;
- where they name one person and the nearest anchor is an odd number of
  turns away (the other party is not named in the run), ``run:scene`` for
  the last person named before the run began other than that one (a
  conversation is set up in the narration before it).

- ``run:called:back:odd`` (``even``, ``ahead``): the name the nearest turn
  either way calls out ("Yes, Mr. Lark,"), with the parity of its distance:
  the one called answers the next turn and speaks again two turns on.
- ``run:named:even`` / ``run:named:odd``: every person the run's anchors
  name within reach, with the parity of the nearest anchor naming them (a
  third party named eight turns back is a candidate too).
- ``run:acts:before`` / ``run:acts:after`` (with ``:same`` or ``:other``
  added by the ranker against each candidate's gender): a sentence of the
  quotation's own paragraph, outside its quotes, that opens with "He" or
  "She" (or "His", "Her"): the one acting in the paragraph of a turn is its
  speaker (`She glowed with sympathy. "Ah--..."`).
- ``run:pron:back:odd`` (``even``, ``ahead``; ``:same`` or ``:other`` added
  by the ranker): the gender of the nearest turn either way that a pronoun
  attributes ("she said"), with the parity of its distance: with a man and
  a woman talking, "she said" one turn back makes this turn a man's.

The pairs of ``run:acts`` and ``run:pron`` carry no name but ``GENDERED``
and the gender's value ("M", "F").

The reach is RUN_REACH turns either way. A description ("said the other",
"said the man") is no anchor: it need not be one person throughout the run.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aleppo_cli.analysis.quotes.model import NARRATOR, OPENS_PARAGRAPH, SPEECH, Gender, Quote

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.people import People

# How many turns either way the anchors of a run are looked for.
RUN_REACH = 12
# How far before a run (characters) its scene's people are looked for.
SCENE_REACH = 2000
# A run goes on across a paragraph of narration at most this long (characters; 0: never).
BRIDGE = 0
# The names the turns of a run call out, as features (``_called``).
CALLED = True
# Features tried and left off (their prefixes).
LEFT_OFF: tuple[str, ...] = ()
# Every name the run's anchors give, with its parity (``run:named``).
NAMED = True
# The gender of the pronoun that opens a sentence of the quotation's paragraph (``run:acts``).
ACTS = True
# The genders of the nearest turns a pronoun attributes either way (``run:pron``).
PRONOUNS = True
# How far (characters) before a paragraph's first quote and after its last its pronouns count.
ACTS_REACH = 400
# The pronoun ("he", "she") of the narration introducing a quotation whose
# attribution gives none ("he drew back his chair, and, glancing over it,
# said, ¶ "..."), within INTRO_REACH characters before it, no quote between
# (``intro:pron``): in its paragraph, or at the end of the one before if that
# ends with a comma, a colon or a dash.
INTRODUCED = True
INTRO_REACH = 200
# And a "he" or "she" just after its first part ('," he spluttered', a verb the
# attribution does not know): ``intro:after``.
INTRO_AFTER = True
# The name of a pair that gives a gender, not a person: this, then the gender's value.
GENDERED = "\x00"

# A pronoun of the third person singular opening a sentence of narration: after
# one of _ENDS, a quote or the paragraph's start, and any of _SKIPPED.
_ACTING = re.compile(r"(?:She|He|Her|His)(?!\w)")
_ENDS = frozenset(".!?;:")
_SKIPPED = frozenset(" \t\n\"'\u201d\u2019)_*-")
_PRONOUN_GENDER = {
    "She": Gender.FEMALE,
    "Her": Gender.FEMALE,
    "He": Gender.MALE,
    "His": Gender.MALE,
}


def features(
    quotes: Sequence[Quote], people: People, called: Sequence[str | None] = ()
) -> list[tuple[tuple[str, str], ...]]:
    """For each of ``quotes``, the (name, feature) pairs of its run (none
    for a quotation that is no turn, and none for one its attribution names,
    which the ranker never sees); ``called``: the name each quotation
    calls out ("Yes, Mr. Lark,"), if any."""
    named: dict[int, str | None] = {}  # the paragraphs that open with a turn: its named speaker
    starts: dict[int, int] = {}  # and where each starts in the cleaned text
    ends: dict[int, int] = {}  # and ends
    speaking: set[int] = set()  # the paragraphs that hold speech
    turns: list[int | None] = []  # each quotation's paragraph if it is a turn that opens it
    calls: dict[int, str] = {}  # the name a turn calls out, by paragraph
    gendered: dict[int, Gender] = {}  # the gender of a turn's pronoun ("she said"), by paragraph
    for at, quote in enumerate(quotes):
        if quote.kind != SPEECH:
            turns.append(None)
            continue
        stretch = quote.stretch
        paragraph = stretch.paragraph
        number = paragraph.number
        speaking.add(number)
        if stretch.spans[0].start - paragraph.clean_start > OPENS_PARAGRAPH:  # (not a turn)
            turns.append(None)
            continue
        turns.append(number)
        if number not in named:
            attribution = quote.attribution
            named[number] = attribution.name if attribution is not None else None
            if (
                PRONOUNS
                and attribution is not None
                and attribution.name is None
                and attribution.reference is not None
                and attribution.reference.gender is not None
            ):
                gendered[number] = attribution.reference.gender
            starts[number] = paragraph.clean_start
            ends[number] = paragraph.clean_end
            name = called[at] if CALLED and called else None
            if name:
                calls[number] = name
    # the turns in order; each one's place in it and its run's first and last place
    order = sorted(named)
    place = {number: index for index, number in enumerate(order)}
    first: list[int] = []
    last: list[int] = []
    for index, number in enumerate(order):
        if index and _goes_on(order[index - 1], number, starts, ends, speaking):
            first.append(first[-1])
        else:
            if index:
                last.extend([index - 1] * (index - len(last)))
            first.append(index)
    last.extend([len(order) - 1] * (len(order) - len(last)))
    anchored = [
        index
        for index, number in enumerate(order)
        if (name := named[number]) and (name == NARRATOR or not name[:1].islower())
    ]
    pronouned = [index for index, number in enumerate(order) if number in gendered]
    calling = [index for index, number in enumerate(order) if number in calls]
    result: list[tuple[tuple[str, str], ...]] = []
    acting = _actors(quotes) if ACTS else {}
    for quote, turn in zip(quotes, turns, strict=True):
        attribution = quote.attribution
        if attribution is not None and attribution.name is not None:
            result.append(())  # named by its attribution: the ranker never sees it
            continue
        acts: tuple[tuple[str, str], ...] = ()
        if acting:
            stretch = quote.stretch
            pronouns_here = acting.get(stretch.paragraph.number)
            if pronouns_here:
                acts = _acts(pronouns_here, stretch.spans[0].start, stretch.spans[-1].end)
        if INTRODUCED and (
            attribution is None
            or attribution.reference is None
            or attribution.reference.gender is None
        ):
            acts = acts + _introduced(quote)
        if turn is None:
            result.append(acts)
            continue
        at = place[turn]
        low = max(at - RUN_REACH, first[at])
        high = min(at + RUN_REACH, last[at])
        around = anchored[bisect_left(anchored, low) : bisect_right(anchored, high)]
        anchors = [
            (abs(index - at), "back" if index < at else "ahead", named[order[index]])
            for index in around
            if index != at
        ]
        found = _of(anchors, starts[order[low]], people) if anchors else ()
        if calls:
            found = found + _called(order, at, low, high, calls, calling)
        if pronouned:
            found = found + _pronouns(order, at, low, high, pronouned, gendered)
        found = found + acts
        if LEFT_OFF:
            found = tuple(pair for pair in found if not pair[1].startswith(LEFT_OFF))
        result.append(found)
    return result


def _actors(quotes: Sequence[Quote]) -> dict[int, list[tuple[int, Gender]]]:
    """The acting pronouns (``_acting``) of each paragraph of speech that no
    attribution names, where it has any."""
    found: dict[int, list[tuple[int, Gender]]] = {}
    seen: set[int] = set()
    for at, quote in enumerate(quotes):
        attribution = quote.attribution
        if quote.kind != SPEECH or (attribution is not None and attribution.name is not None):
            continue
        paragraph = quote.stretch.paragraph
        number = paragraph.number
        if number in seen:
            continue
        seen.add(number)
        text = paragraph.text
        if "He" not in text and "She" not in text and "His" not in text:
            continue  # (most turns' paragraphs: the quick way)
        # the paragraph's quotations: this one's neighbours in the same paragraph
        first = last = at
        while first and quotes[first - 1].stretch.paragraph.number == number:
            first -= 1
        while last + 1 < len(quotes) and quotes[last + 1].stretch.paragraph.number == number:
            last += 1
        spans = [span for other in quotes[first : last + 1] for span in other.stretch.spans]
        pronouns = _acting(text, paragraph.clean_start, spans)
        if pronouns:
            found[number] = pronouns
    return found


def _acting(text: str, offset: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, Gender]]:
    """Where a sentence of the paragraph ``text`` (starting at ``offset`` in the
    cleaned text) opens with "He", "She", "His" or "Her" outside its quotes
    ``spans`` (after a sentence's end, a quote or the paragraph's start), and
    that pronoun's gender: in the narration between its quotes, and within
    ACTS_REACH characters before the first and after the last."""
    found: list[tuple[int, Gender]] = []
    size = len(text)
    edges = sorted(spans)
    first = edges[0][0] - 1 - offset
    low = max(0, first - ACTS_REACH)
    boundary = low == 0  # the narration at hand starts at a sentence's start
    high = first
    ends = [end + 1 - offset for _, end in edges]
    for index in range(len(edges) + 1):
        if index:
            low = max(low, ends[index - 1])
            boundary = True
            if index < len(edges):
                high = edges[index][0] - 1 - offset
            else:
                high = min(size, max(ends) + ACTS_REACH)
        if high <= low:
            continue
        for match in _ACTING.finditer(text, low, high):
            at = match.start()
            back = at
            while back > low and text[back - 1] in _SKIPPED:
                back -= 1
            if (back == low and boundary) or (back > 0 and text[back - 1] in _ENDS):
                found.append((at + offset, _PRONOUN_GENDER[match.group()]))
    return found


# The last "he" or "she" of a stretch (the greedy start backs off from its end).
_LAST_NOMINATIVE = re.compile(r".*(?<![\w'\u2019])([Hh]e|[Ss]he)(?![\w'\u2019])", re.DOTALL)
_QUOTE_MARKS = ('"', "\u201c", "\u201d")
_INTRO_ENDS = frozenset(",:\u2014-")
_PRONOUN_AFTER = re.compile(r"[^\w\s]{0,4}\s*([Hh]e|[Ss]he)\s+[a-z]")


def _introduced(quote: Quote) -> tuple[tuple[str, str], ...]:
    """The gender of the last "he" or "she" in the narration just before
    ``quote`` (``INTRODUCED``), or just after its first part, as a gendered pair."""
    stretch = quote.stretch
    paragraph = stretch.paragraph
    text = paragraph.text
    if INTRO_AFTER:
        end = stretch.spans[0].end - paragraph.clean_start
        after = _PRONOUN_AFTER.match(text, end, end + 12)
        if after is not None:
            return ((GENDERED + _gender_of(after.group(1)), "intro:after"),)
    stop = stretch.start - 1 - paragraph.clean_start  # its opening mark
    if stop <= 0:
        if stretch.before is None:
            return ()
        text = stretch.before.text
        stop = len(text)
        while stop and text[stop - 1].isspace():
            stop -= 1
        if not stop or text[stop - 1] not in _INTRO_ENDS:
            return ()
    low = max(0, stop - INTRO_REACH)
    for mark in _QUOTE_MARKS:
        low = max(low, text.rfind(mark, low, stop) + 1)
    found = _last_nominative(text, low, stop)
    if found is None:
        return ()
    return ((GENDERED + _gender_of(found), "intro:pron"),)


def _last_nominative(text: str, low: int, stop: int) -> str | None:
    """The last "he" or "she" of ``text[low:stop]``, a whole word (the group
    ``_LAST_NOMINATIVE.match(text, low, stop)`` finds, its greedy start backing
    off a character at a time: some five times slower, tests compare the two)."""
    end = stop
    while True:
        at = max(text.rfind("he", low, end), text.rfind("He", low, end))
        if at < 0:
            return None
        if _alone(text, at, at + 2, stop):  # "he", "He"
            return text[at : at + 2]
        if (
            text[at] == "h"
            and at > low
            and text[at - 1] in "Ss"
            and _alone(text, at - 1, at + 2, stop)
        ):
            return text[at - 1 : at + 2]  # "she", "She"
        end = at + 1


def _alone(text: str, start: int, end: int, stop: int) -> bool:
    """Whether ``text[start:end]`` has no word character, nor an apostrophe,
    just before it, nor just after it before ``stop``."""
    if start:
        before = text[start - 1]
        if before.isalnum() or before in _JOINING:
            return False
    if end < stop:
        after = text[end]
        if after.isalnum() or after in _JOINING:
            return False
    return True


# What joins a word as ``\w`` or an apostrophe does (with letters and digits).
_JOINING = frozenset("_'\u2019")


def _gender_of(pronoun: str) -> str:
    """The value of the gender of "he" or "she" ("M", "F")."""
    gender: Gender = Gender.MALE if pronoun[0] in "Hh" else Gender.FEMALE
    return str(gender.value)


def _acts(found: list[tuple[int, Gender]], start: int, end: int) -> tuple[tuple[str, str], ...]:
    """The acting pronoun nearest before the quotation from ``start`` to
    ``end`` in its paragraph, else the first after it."""
    before = after = None
    for position, gender in found:
        if position < start:
            before = gender
        elif position >= end and after is None:
            after = gender
    if before is not None:
        return ((GENDERED + before.value, "run:acts:before"),)
    if after is not None:
        return ((GENDERED + after.value, "run:acts:after"),)
    return ()


def _called(
    order: list[int],
    at: int,
    low: int,
    high: int,
    calls: dict[int, str],
    calling: list[int],
) -> tuple[tuple[str, str], ...]:
    """The names the nearest turns either way call out, with the parity of
    their distance: the one called answers the next turn, and speaks again
    two turns on (``run:called:back:odd``, ...). ``calling``: the places in
    ``order`` of the turns that call a name out, in order."""
    found = []
    index = bisect_left(calling, at)
    if index and calling[index - 1] >= low:
        back = calling[index - 1]
        found.append((calls[order[back]], _CALLED_BACK[(at - back) % 2]))
    if index < len(calling) and calling[index] == at:
        index += 1
    if index < len(calling) and calling[index] <= high:
        ahead = calling[index]
        found.append((calls[order[ahead]], _CALLED_AHEAD[(ahead - at) % 2]))
    return tuple(found)


_CALLED_BACK = ("run:called:back:even", "run:called:back:odd")
_CALLED_AHEAD = ("run:called:ahead:even", "run:called:ahead:odd")


def _pronouns(
    order: list[int],
    at: int,
    low: int,
    high: int,
    pronouned: list[int],
    gendered: dict[int, Gender],
) -> tuple[tuple[str, str], ...]:
    """The genders of the nearest turns either way that a pronoun attributes
    ("she said"), with the parity of their distance (``run:pron:back:odd``, ...;
    the ranker adds ``:same`` or ``:other`` against each candidate's gender)."""
    found = []
    index = bisect_left(pronouned, at)
    if index and pronouned[index - 1] >= low:
        back = pronouned[index - 1]
        parity = "even" if (at - back) % 2 == 0 else "odd"
        found.append((GENDERED + gendered[order[back]].value, f"run:pron:back:{parity}"))
    if index < len(pronouned) and pronouned[index] == at:
        index += 1
    if index < len(pronouned) and pronouned[index] <= high:
        ahead = pronouned[index]
        parity = "even" if (ahead - at) % 2 == 0 else "odd"
        found.append((GENDERED + gendered[order[ahead]].value, f"run:pron:ahead:{parity}"))
    return tuple(found)


def _goes_on(
    before: int, number: int, starts: dict[int, int], ends: dict[int, int], speaking: set[int]
) -> bool:
    """Whether the turn of paragraph ``number`` is in the run of the turn of
    paragraph ``before``: the next paragraph, or (BRIDGE) the one after a
    short paragraph of narration ("She paused.")."""
    if number == before + 1:
        return True
    return (
        BRIDGE > 0
        and number == before + 2
        and before + 1 not in speaking
        and starts[number] - ends[before] <= BRIDGE
    )


def _of(
    anchors: list[tuple[int, str, str | None]], opening: int, people: People
) -> tuple[tuple[str, str], ...]:
    """The features of a turn whose run's anchors are ``anchors`` (distance,
    direction, name); ``opening``: where the run starts, within reach."""
    found: list[tuple[str, str]] = []
    for direction in ("back", "ahead"):
        nearest = min(((d, n) for d, w, n in anchors if w == direction), default=None)
        if nearest is not None and nearest[1]:
            parity = "even" if nearest[0] % 2 == 0 else "odd"
            found.append((nearest[1], f"run:{direction}:{parity}"))
    if NAMED:
        closest: dict[str, int] = {}  # each name's nearest anchor
        for d, _, n in anchors:
            if n and d < closest.get(n, RUN_REACH + 1):
                closest[n] = d
        for n, d in closest.items():
            found.append((n, "run:named:even" if d % 2 == 0 else "run:named:odd"))
    distance, _, name = min(anchors, key=lambda anchor: anchor[:2])
    assert name is not None
    names = {a[2] for a in anchors}
    if len(names) == 2:
        other = next(iter(n for n in names if n != name))
        assert other is not None
        predicted = name if distance % 2 == 0 else other
        found.append((name, "run:pair"))
        found.append((other, "run:pair"))
        found.append((predicted, "run:pair:parity"))
        if all((a[2] == predicted) == (a[0] % 2 == 0) for a in anchors):
            found.append((predicted, "run:pair:agree"))
    elif len(names) == 1 and distance % 2 == 1:
        scene = _scene(opening, name, people)
        if scene:
            found.append((scene, "run:scene"))
    return tuple(found)


def _scene(position: int, anchor: str, people: People) -> str | None:
    """The last person named before ``position`` (within SCENE_REACH) other than ``anchor``."""
    positions, names = people.positions, people.names
    index = bisect_left(positions, position) - 1
    while index >= 0 and position - positions[index] <= SCENE_REACH:
        name = names[index]
        if name and name != anchor:
            return name
        index -= 1
    return None
