"""A learned choice among candidate speakers, for quotations no attribution names.

For a speech quotation whose attribution names nobody ("she said", "his
friend said", or none), the rules of ``speakers`` give an answer, and this
module proposes the people around the quotation as candidates: the rules'
answer, the speakers of the turns before, the one the last turn called by
name, the people named in the narration before it (and after it, in its
paragraph), and the narrator where the text has one. Each candidate is
described by binary features that read only positions and roles, never a
name or a phrase: is it the rules' answer (and by which rule), the speaker of
the turn one, two, three or four back, the one called, the one this
quotation addresses or names, its gender against the pronoun's, how recently
and where it was named, how often it spoke lately, how often the text names
it. A linear model scores each candidate (the sum of its features' weights)
and the best scoring one is the speaker; the weights are a conditional logit
trained by ``bench/train_speakers.py`` on the development novels
(``speaker_weights.json``, loaded when quotations are first computed).

Every feature is also given a copy tagged with the kind of attribution the
quotation has ("pro": a pronoun, "rel": a relation, "ref": a description
with no gender, "on": "she added", "none": no attribution), so that the
weights can differ between a quotation a pronoun attributes and one that
only turn-taking does.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from aleppo_cli.analysis.quotes.model import NARRATOR, Gender

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.people import People
    from aleppo_cli.analysis.quotes.speakers import Conversation, Speech

WEIGHTS_FILE = Path(__file__).with_name("speaker_weights.json")

# The narration before a quotation whose people are candidates: this many characters back,
MENTION_REACH = 2000
# and at most this many people, nearest first.
MENTIONS_KEPT = 6
# The narration after the quotation whose people are candidates: to its paragraph's end, at most.
AFTER_REACH = 400
# The turns before a quotation that count (see speakers.TURNS_REACH): this many paragraphs.
TURN_PARAGRAPHS = 4
# How many of the last turns give a "spoke lately" count.
LATELY = 6

_DISTANCE_BINS = (60, 200, 600)
_FREQUENT_BINS = (1, 3, 6, 12)


class Candidate(NamedTuple):
    """A possible speaker and the names of its active features."""

    name: str
    context: str  # the kind of attribution its quotation has (CONTEXTS)
    features: list[str]


class Text(NamedTuple):
    """What the features read of the whole text, computed once."""

    frequency_rank: Mapping[str, int]  # by mentions, 0 the most named
    narrator: bool  # the rules gave a quotation to the first-person narrator


def text_facts(people: People, narrator: bool) -> Text:
    """The frequency ranks of ``people``; ``narrator``: whether a first-person narrator speaks."""
    counts = Counter(people.names)
    ranked = {name: rank for rank, (name, _) in enumerate(counts.most_common())}
    return Text(ranked, narrator)


def _context(speech: Speech) -> str:
    reference = speech.reference
    if reference is None:
        return "none"
    if speech.goes_on:
        return "on"
    if reference.relation:
        return "rel"
    return "pro" if reference.gender is not None else "ref"


_TURN = tuple(f"turn{back}" for back in range(7))
_TURN_SAME = tuple(f"turn{back}:same" for back in range(7))
_TURN_BEFORE = tuple(f"turn{back}:before" for back in range(7))
_LATELY = ("lately0", "lately1", "lately2", "lately3")
_BEFORE = tuple(f"before{rank}" for rank in range(MENTIONS_KEPT))
_DISTANCE = tuple(f"before:d{index}" for index in range(len(_DISTANCE_BINS) + 1))
_OF_GENDER = ("before:gender0", "before:gender1", "before:gender2")
_AFTER = ("after0", "after1", "after2")
_FREQUENT = tuple(f"frequent{index}" for index in range(len(_FREQUENT_BINS) + 1))
CONTEXTS = ("pro", "rel", "ref", "on", "none")


# Features that say a candidate speaks or is spoken to: a person.
_PERSON_SIGNS = ("rule", "turn", "lately", "last", "called", "narrator", "addressee")


def _a_person(
    name: str, active: Sequence[str], genders: Mapping[str, Gender | None], acts: AbstractSet[str]
) -> bool:
    """Whether anything but a mention nearby says ``name`` is a person: it
    spoke or was spoken to, has a gender, does something ("Nora looked"), or
    is a full name. Where the rules found nobody, only such a one is ranked:
    a one-word name seen only in passing ("Prices rose.") is not."""
    return (
        genders.get(name) is not None
        or name in acts
        or " " in name
        or any(feature.startswith(_PERSON_SIGNS) for feature in active)
    )


def candidates(
    speech: Speech,
    talk: Conversation,
    people: People,
    facts: Text,
    rule: str,
    answer: str | None,
) -> list[Candidate]:
    """The candidates for ``speech``'s speaker, each with its features."""
    start, end = speech.stretch.start, speech.stretch.end
    number = speech.paragraph
    paragraph = speech.stretch.paragraph
    features: dict[str, list[str]] = {}

    def add(name: str | None, feature: str) -> None:
        if name:
            if name in features:
                features[name].append(feature)
            else:
                features[name] = [feature]

    if answer:
        features[answer] = ["rule", f"rule:{rule}"]
    # the turns before, nearest first
    turns = [t for t in reversed(talk.turns) if number - t.paragraph <= TURN_PARAGRAPHS]
    for back, turn in enumerate(turns[:4], 1):
        if turn.speaker:
            active = features.setdefault(turn.speaker, [])
            active.append(_TURN[back])
            active.append(_TURN_SAME[back] if turn.paragraph == number else _TURN_BEFORE[back])
    if turns and turns[0].paragraph == number - 1:
        add(turns[0].speaker, "turn1:adjacent")
        if len(turns) > 1:
            add(turns[1].speaker, "turn2:adjacent")
    lately: dict[str, int] = {}
    for turn in talk.turns[-LATELY:]:
        if turn.speaker:
            lately[turn.speaker] = lately.get(turn.speaker, 0) + 1
    for name, count in lately.items():
        add(name, _LATELY[min(count, 3)])
    if talk.last is not None:
        add(talk.last.speaker, "last")
        if talk.last.paragraph == number:
            add(talk.last.speaker, "last:same")
    called = talk.called
    if called is not None and called.name and called.paragraph == number - 1:
        add(called.name, "called")
    # the people named before it, nearest first
    positions, names, genders = people.positions, people.names, people.gender
    index = bisect_left(positions, start) - 1
    seen: list[str] = []
    gender = speech.reference.gender if speech.reference is not None else None
    of_gender = 0
    before = speech.stretch.before
    previous = before.clean_start if before is not None else paragraph.clean_start
    while index >= 0 and start - positions[index] <= MENTION_REACH:
        name, position = names[index], positions[index]
        index -= 1
        if name in seen or not name:
            continue
        active = features.setdefault(name, [])
        active.append(_BEFORE[len(seen)])
        seen.append(name)
        active.append(_DISTANCE[bisect_right(_DISTANCE_BINS, start - position)])
        if position >= paragraph.clean_start:
            active.append("before:paragraph")
        elif position >= previous:
            active.append("before:previous")
        if gender is not None and genders.get(name) == gender:
            active.append(_OF_GENDER[min(of_gender, 2)])
            of_gender += 1
        if len(seen) >= MENTIONS_KEPT:
            break
    # the people named after it in its paragraph
    index = bisect_left(positions, end)
    limit = min(paragraph.clean_end, end + AFTER_REACH)
    after: list[str] = []
    while index < len(positions) and positions[index] < limit:
        name = names[index]
        index += 1
        if name not in after:
            add(name, _AFTER[min(len(after), 2)])
            after.append(name)
    if facts.narrator:
        add(NARRATOR, "narrator")
    if speech.addressee:
        add(speech.addressee, "addressee")
    context = _context(speech)
    named, excluded, acts, ranks = speech.named, speech.excluded, people.acts, facts.frequency_rank
    result = []
    for name, active in features.items():
        if answer is None and not _a_person(name, active, genders, acts):
            continue  # "Prices rose. ... saying it was a “terrible mistake”": nobody
        # the features of the candidate itself
        if name in named:
            active.append("named")
        elif name in excluded:
            active.append("owner")
        known = genders.get(name)
        if gender is not None:
            if known is None:
                active.append("gender:unknown")
            else:
                active.append("gender:same" if known == gender else "gender:other")
        elif known is None and name != NARRATOR:
            active.append("gender:none")
        if name in acts:
            active.append("acts")
        rank = ranks.get(name)
        active.append("unnamed" if rank is None else _FREQUENT[bisect_right(_FREQUENT_BINS, rank)])
        result.append(Candidate(name, context, active))
    return result


def tagged(candidate: Candidate) -> list[str]:
    """The candidate's features and their copies tagged with its context."""
    context = candidate.context
    return [*candidate.features, *(f"{context}|{f}" for f in candidate.features)]


class Ranker:
    """Scores candidates by the sum of their features' weights (and of their
    copies tagged with the quotation's context)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.weights = weights
        features = {f.partition("|")[2] or f for f in weights}
        self._by_context = {
            context: {f: weights.get(f, 0.0) + weights.get(f"{context}|{f}", 0.0) for f in features}
            for context in CONTEXTS
        }

    def score(self, candidate: Candidate) -> float:
        weights = self._by_context[candidate.context]
        return sum([weights[f] for f in candidate.features if f in weights])

    def choose(self, found: Sequence[Candidate], at: int = 0) -> str | None:
        """The best scoring of ``found`` (``at``: the quotation's index, unused)."""
        best, best_score = None, -math.inf
        for candidate in found:
            score = self.score(candidate)
            if score > best_score:
                best, best_score = candidate.name, score
        return best


@lru_cache(maxsize=1)
def shipped() -> Ranker:
    """The ranker trained on every development novel (``speaker_weights.json``)."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return Ranker(data["weights"])
