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
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from aleppo_cli.analysis.quotes.model import NARRATOR, OPENS_PARAGRAPH, Gender

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.people import People
    from aleppo_cli.analysis.quotes.speakers import Conversation, Speech, Turn

# The name of a pair of ``Ahead.run`` that gives a gender, not a person (``dialogue.GENDERED``).
GENDERED = "\x00"

WEIGHTS_FILE = Path(__file__).with_name("speaker_weights.json")

# The narration before a quotation whose people are candidates: this many characters back,
MENTION_REACH = 2000
# and at most this many people, nearest first.
MENTIONS_KEPT = 6
# The narration after the quotation whose people are candidates: to its paragraph's end, at most.
AFTER_REACH = 400
# The turns before a quotation that count (see speakers.TURNS_REACH): this many paragraphs.
TURN_PARAGRAPHS = 4
# A sentence's subject opens it within this many characters (capitalised words before it).
SUBJECT_REACH = 40
# Tried and left off (README, "The ranker"): the speakers of the last
# quotations, turns or not, as candidates, and features tagged by where the
# quotation stands; both raised the novels' accuracy and lowered BBC's.
SAID_FEATURES = False
SITUATION_TAGS = False
# A person the quotation names is no candidate (rule 4), rather than a feature.
NAMED_OUT = True
# The "opens its sentence" feature of a mention (a subject).
SUBJECTS = True
# How many of the last turns give a "spoke lately" count.
LATELY = 6
# The turns after a quotation that count (an unbroken run of paragraphs).
AHEAD = 3
# Features of the quotations after it (Ahead).
LOOK_AHEAD = True
# Features of the run of dialogue around a turn: its named turns either way (``dialogue``).
RUNS = True
# Sequence decoding: the speakers of ranked turns in consecutive paragraphs are
# chosen together (a beam over the run), each choice's score plus these for the
# same speaker as the turn before and as the turn two back (A, B, A); the second
# chosen leave-one-novel-out (bench/train_speakers.py --sequence-grid: 1.0 in 11
# of 13 folds); the first is 0 as news's lines run on with one speaker (-0.5
# scored as well on the novels and split a news run between two people).
SEQUENCE = True
# The turns whose speaker a fixed rule gives are in the runs too, as their one choice.
ANCHORS = True
SAME_AS_LAST = 0.0
SAME_AS_TWO_BACK = 1.0
BEAM = 8
# and each turn's choices are its best scoring candidates, at most this many.
CHOICES = 4
# Crossed features: the first mention of the pronoun's gender that is a subject or
# near, the subject of the narration after the quote, A-B with two people or more.
# Tried and left off: held out all 0.730 -> 0.728.
CROSSES = False
# The grammatical role of a mention nearby (ROLES): the words around it say whether
# it is a verb's subject ("Nora looked"), a possessor ("Nora's hand"), a
# preposition's object ("turned to Nora") or a verb's ("told Nora"). Tried and
# left off: with the descriptions, the words of address and the anchors below,
# held out all 0.740 -> 0.742 but the lowest novel 0.602 -> 0.599, for about
# 0.035 s CPU on War and Peace (alone, before them: 0.737 -> 0.739).
ROLES = False
# The speaker the rules gave the last quotation attributed by the same gendered
# description ("cried the old lady"), within DESCRIBED_REACH paragraphs.
DESCRIPTIONS = True
DESCRIBED_REACH = 40
# The gender of a word of address in the quotation ("Yes, sir.") against the candidate's.
ADDRESS_WORDS = True
# Pairs of these features as features of their own (a small nonlinear model).
# Tried and left off: held out all 0.739 -> 0.737 (L2 1), 0.739 (L2 5), implicit
# 0.607 -> 0.590-0.594.
PAIRS = False
# A description an attribution names ("said the doctor", "the lad answered") is
# ranked against the people around it (context "desc"), with what ties each to
# it: the description's words as a title of theirs ("Doctor Lark"), and how
# often the text writes the description just after naming them.
DESCRIPTIONS_RANKED = True
DESCRIPTION_RULE = "description"
# A description's mention is tied to the people named this far either side of it;
TIE_REACH = 300
# and only in the stretch of text around the quotation: this many characters, and those either side.
TIE_STRETCH = 20000
# the three most tied are candidates, if named near it this often at least (two: held out
# anaphoric 0.673, all 0.765; three: Oliver Twist 0.580 -> 0.585, Daisy Miller 0.790 -> 0.795).
TIES_KEPT = 3
TIE_LEAST = 2
# A longer description is a character's own epithet, more often than not.
DESCRIPTION_WORDS = 3
# A tie this strong (n log(n / e)) is a strong one.
TIE_STRONG = 10.0
_PAIRED = frozenset(
    """rule turn1 turn2 turn1:sure turn2:sure alt:ab before0 before:gender0 before:gender1
    gender:same gender:other gender:unknown before:subject before:paragraph next1:named
    next2:named called addressee lately1 lately2 lately3 narrator acts""".split()
)

# The last turn's speaker of the pronoun's gender, when the narration of the
# quotation's paragraph before it says "he" and names no man ("chain:turn1").
# Tried and left off: held out anaphoric 0.673 unchanged, Oliver Twist 0.585 -> 0.583.
CHAIN = False
_GENDER_PRONOUN = {
    Gender.MALE: re.compile(r"\b(?:[Hh]e|him|[Hh]is|himself)\b"),
    Gender.FEMALE: re.compile(r"\b(?:[Ss]he|[Hh]er|herself)\b"),
}

# Antecedents of "he said" (the fifth round; README, "Anaphoric quotations,
# fifth round"). Shipped: the name the last speech quotation called out, turn or
# not ("Well, Nora, ..." in a quote inside the narration before, "called:prev";
# in its own paragraph, "called:here": the turn's "called" read only turns);
# the nearest of the pronoun's gender named after a preposition ("sat down
# beside Nora": no subject, "before:gender0:object") and the first of it named
# at a sentence's or a clause's start ("and Nora", "as Nora": "before:free");
# in a run whose last two speakers are both of the pronoun's gender, the one two
# back ("alt:ab:gender": two women talking, "she said" is the one before last).
CALLED_LAST = True
OBJECTS = True
ALTERNATION_OF_GENDER = True
# How many mentions of the pronoun's gender OBJECTS looks through for a subject's.
OBJECTS_KEPT = 3
# Which mentions OBJECTS marks "before:free": "strict", after a clause's opening
# word or none (held out anaphoric 0.694); "any", after no preposition (0.693:
# "the whole Mingott clan" is no subject); "none" (0.691).
FREE_MODE = "strict"
# Tried and left off (held out, with the shipped ones above): the last quotation's
# speaker where nobody of the pronoun's gender is named since ("last:clear":
# anaphoric unchanged, all 0.785 -> 0.784); the nearest of the pronoun's gender
# opening its sentence where another is nearer ("before:subject:gender":
# unchanged); the nearest of it named since the last quotation, opening its
# sentence or a clause ("before:antecedent": anaphoric unchanged, all +0.001,
# Thursday 0.547 -> 0.543); the last speaker of the pronoun's gender where the
# narration since says "he" and names nobody of it but a preposition's object
# ("last:topic": 0.698 -> 0.697); a verb's object ("accused Nora") as a
# preposition's (unchanged); a preposition's object left out of its gender's
# order ("before:gender:object": 0.698 -> 0.696).
LAST_CLEAR = False
SUBJECT_OF_GENDER = False
ANTECEDENT = False
# The fifth round: candidates beyond the mentions and turns above, for a quotation
# whose attribution gives a gender ("she said", "cried the old lady"): the last
# people of that gender who spoke, however far back (``Conversation.voices``),
VOICES = False
VOICES_RANKED = 3
VOICES_ADDED = True  # as candidates (False: a feature of the candidates found otherwise)
# the nearest people of that gender named beyond MENTION_REACH, within FAR_REACH,
FAR = False
FAR_REACH = 20000
FAR_KEPT = 2
_FAR_BINS = (5000, 10000)
# and the people of that gender named most often in the block of FOCAL_BLOCK
# characters the quotation stands in and the one before (a scene's focal character).
FOCAL = True
FOCAL_BLOCK = 5000
FOCAL_KEPT = 1
# Every candidate of that gender has its rank there as a feature (scene0, scene1, ...).
SCENE = True
# and where the attribution gives none, every candidate's rank among the scene's people.
SCENE_ANY = False
# The same ranks over a wider stretch (a chapter): wide0, wide1, ... (0: not read).
WIDE_BLOCK = 0
_WIDE = ("wide0", "wide1", "wide2", "wide:more", "wide:absent")
_SCENE = ("scene0", "scene1", "scene2", "scene:more", "scene:absent")
LAST_TOPIC = False
VERB_OBJECTS = False
OBJECT_RANK = False
# A ranked description with no gender of its own ("the doctor") takes the one the
# pronouns after its mentions tell ("the doctor rose; he ..."; ``_pronouns_after``).
DESCRIPTION_PRONOUNS = True
# In a run whose last speaker is of the other gender and the one before of the
# pronoun's, that one ("alt:ab:mixed": a man and a woman talking, "she said").
MIXED_ALTERNATION = True

_DISTANCE_BINS = (60, 200, 600, 2000)
_FREQUENT_BINS = (1, 3, 6, 12)


class Candidate(NamedTuple):
    """A possible speaker and the names of its active features."""

    name: str
    context: str  # the kind of attribution its quotation has (CONTEXTS)
    features: list[str]
    situation: str = "open"  # where its quotation stands (SITUATIONS)


class Ahead(NamedTuple):
    """What the text says of the speech quotations after one (``speakers._ahead``)."""

    later: str | None = None  # the speaker an attribution names of a later one in its paragraph
    # the turns of the paragraphs just after it, nearest first: the speaker an
    # attribution names, the gender of its pronoun ("she said"), and the name it
    # calls out ("Yes, Mr. Lark,")
    turns: tuple[tuple[str | None, Gender | None, str | None], ...] = ()
    # the (name, feature) pairs of its run of dialogue (``dialogue.features``)
    run: tuple[tuple[str, str], ...] = ()


_NOTHING_AHEAD = Ahead()


class Text(NamedTuple):
    """What the features read of the whole text, computed once."""

    frequency_rank: Mapping[str, int]  # by mentions, 0 the most named
    narrator: bool  # the rules gave a quotation to the first-person narrator
    text: str = ""  # the cleaned text
    # a description's head word -> how often the text writes it just after naming each person
    # (None: not kept; ``text_facts`` gives each text its own)
    links: dict[tuple[str, int], list[tuple[str, float]]] | None = None
    # (block, gender) -> the people of that gender named in it and the block before, by rank
    focal: dict[tuple[int, Gender | None, int], dict[str, int]] | None = None
    # a description's head word, by stretch -> the gender of the pronouns after its mentions
    pronouns: dict[tuple[str, int], Gender | None] | None = None
    # a candidate's name -> what it is whatever the quotation: its gender, whether
    # it acts ("Nora looked"), its frequency's feature (``_own``; None: not kept)
    selves: dict[str, tuple[Gender | None, bool, str]] | None = None


def text_facts(people: People, narrator: bool, text: str = "") -> Text:
    """The frequency ranks of ``people``; ``narrator``: whether a first-person
    narrator speaks; ``text``: the cleaned text the positions index."""
    counts = Counter(people.names)
    ranked = {name: rank for rank, (name, _) in enumerate(counts.most_common())}
    return Text(ranked, narrator, text, {}, {}, {}, {})


def _own(
    name: str,
    genders: Mapping[str, Gender | None],
    acts: AbstractSet[str],
    ranks: Mapping[str, int],
) -> tuple[Gender | None, bool, str]:
    """What ``candidates`` reads of a candidate itself: its gender, whether it
    acts, and its frequency's feature ("unnamed" for a name never indexed)."""
    rank = ranks.get(name)
    frequent = "unnamed" if rank is None else _FREQUENT[bisect_right(_FREQUENT_BINS, rank)]
    return genders.get(name), name in acts, frequent


def a_description(name: str | None) -> bool:
    """Whether ``name`` is a short definite description in lower case ("the
    doctor", "the old clergyman") that may stand for someone the text names:
    not a name ("the Hatter", "the Professor": the text writes it as one; nor
    "the Tory leader", which a proper name in it identifies), nor
    an indefinite one ("a voice", "a spokesman": someone new), a plural ("the
    judges"), another's ("the minister's spokesman") or a long epithet ("the
    gentleman in the white waistcoat")."""
    if name is None or not name.startswith("the "):
        return False
    words = name.split()
    head = words[-1]
    return (
        len(words) <= DESCRIPTION_WORDS
        and name.islower()  # not "the Tory leader": an affiliation names the one meant
        and head.isalpha()
        and not (head.endswith("s") and not head.endswith("ss"))
        and not any(word.endswith(("'s", "\u2019s")) for word in words)
    )


def _head(description: str) -> str:
    """The description's noun: "doctor" of "the good doctor", "gentleman" of
    "the gentleman in the white waistcoat"."""
    words = description.split()
    for at, word in enumerate(words[1:], 1):
        if word in _NOT_VERBS:
            return words[at - 1]
    return words[-1]


def _ties(people: People, facts: Text, head: str, position: int) -> list[tuple[str, float]]:
    """The people the text ties to "the ... ``head``" around ``position``
    (the TIE_STRETCH characters of its stretch of text and those either side
    of it: "the doctor" of one chapter is not another's), most tied first: for
    each person named within TIE_REACH characters of its mentions, the
    mentions so (``n``) against how many a person named as often there would
    have by chance (``e``), scored ``n * log(n / e)`` where ``n`` is above ``e``."""
    stretch = position // TIE_STRETCH
    key = (head, stretch)
    found = facts.links.get(key) if facts.links is not None else None
    if found is not None:
        return found
    text, positions, names = facts.text, people.positions, people.names
    start = max(0, (stretch - 1) * TIE_STRETCH)
    stop = min(len(text), (stretch + 2) * TIE_STRETCH)
    near: Counter[str] = Counter()
    mentions = 0
    votes = [0, 0]  # the pronouns after its mentions: "he", "she"
    at = text.find(head, start, stop)
    while at >= 0:
        end = at + len(head)
        if (
            (end >= len(text) or not text[end].isalpha())
            and (at == 0 or not text[at - 1].isalpha())
            and _ARTICLE_BEFORE.search(text, max(0, at - 24), at)
        ):
            mentions += 1
            if DESCRIPTION_PRONOUNS:
                pronoun = _ANY_PRONOUN.search(text, end, end + 80)
                if pronoun is not None:
                    votes[pronoun.group()[0] not in "Hh"] += 1
            low = bisect_left(positions, at - TIE_REACH)
            high = bisect_right(positions, end + TIE_REACH)
            near.update({name for name in names[low:high] if name and not name.startswith("the ")})
        at = text.find(head, end, stop)
    scored = []
    if near:
        counts = Counter(names[bisect_left(positions, start) : bisect_left(positions, stop)])
        share = 2 * TIE_REACH / max(1, stop - start)
        for name, count in near.items():
            expected = mentions * min(1.0, counts[name] * share)
            if count >= TIE_LEAST and count > expected:
                scored.append((name, count * math.log(count / expected)))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))  # (the same order in every run)
    found = scored[:TIES_KEPT]
    if facts.links is not None:
        facts.links[key] = found
    if facts.pronouns is not None:
        facts.pronouns[key] = _by_votes(*votes)
    return found


def _focal(
    people: People, facts: Text, position: int, gender: Gender | None, size: int = 0
) -> dict[str, int]:
    """The people of ``gender`` (of either, if None) named in the FOCAL_BLOCK
    characters ``position`` stands in and the block before, each with its rank,
    the most named first."""
    size = size or FOCAL_BLOCK
    block = position // size
    cache = facts.focal
    found = cache.get((block, gender, size)) if cache is not None else None
    if found is not None:
        return found
    positions, genders = people.positions, people.gender
    low = bisect_left(positions, (block - 1) * size)
    high = bisect_left(positions, (block + 1) * size)
    by_gender: dict[Gender | None, list[tuple[int, str]]] = {
        Gender.MALE: [],
        Gender.FEMALE: [],
        None: [],
    }
    for name, count in Counter(people.names[low:high]).items():
        known = genders.get(name) if name else None
        if known is not None:
            by_gender[known].append((-count, name))
            by_gender[None].append((-count, name))
    for each, ranked in by_gender.items():
        ranked.sort()  # (most named first, then by name: the same order in every run)
        kept = {name: rank for rank, (_, name) in enumerate(ranked)}
        if each == gender:
            found = kept
        if cache is not None:
            cache[block, each, size] = kept
    assert found is not None
    return found


def _by_votes(male: int, female: int) -> Gender | None:
    """A gender told at least three times, and twice as often as the other."""
    if male >= 3 and male >= 2 * female:
        return Gender.MALE
    if female >= 3 and female >= 2 * male:
        return Gender.FEMALE
    return None


def _pronouns_after(people: People, facts: Text, head: str, position: int) -> Gender | None:
    """The gender of "the ... ``head``" ("the doctor") that the pronouns after
    its mentions around ``position`` tell ("the doctor rose; he ..."): the
    first "he" or "she" (his, her) within 80 characters of each, in the
    stretch of text ``_ties`` reads (which counts them)."""
    _ties(people, facts, head, position)
    if facts.pronouns is None:
        return None
    return facts.pronouns.get((head, position // TIE_STRETCH))


_ANY_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b")


_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|an?)\s+(?:[\w-]+\s+){0,2}$")


def _description_gender(description: str, genders: Mapping[str, Gender | None]) -> Gender | None:
    known = genders.get(description)
    if known is not None:
        return known
    for word in reversed(description.split()):
        from aleppo_cli.analysis.quotes.people import word_gender  # (loaded when quoted)

        found = word_gender(word.lower())
        if found is not None:
            return found
    return None


def _opens_sentence(text: str, position: int, floor: int) -> bool:
    """Whether the mention at ``position`` opens its sentence (of its
    paragraph, from ``floor``), capitalised words aside ("Prof Lark", "Labour
    MP Lark"): a sentence's subject, most often."""
    start = max(floor, position - SUBJECT_REACH)
    before = text[start:position]
    line = before.rfind("\n")
    if line >= 0:
        before, start = before[line + 1 :], floor  # a line's start is a sentence's
    for word in reversed(before.split()):
        core = word.rstrip(_CLOSERS)
        if core.endswith(("!", "?")):
            return True
        if core.endswith(".") and not _abbreviation(core.lstrip(_OPENERS)):
            return True
        letters = core.lstrip(_OPENERS)
        if letters[:1].islower():
            return False
    return start <= floor


_OPENERS = "\"'(\u201c\u2018\u2014\u2013-"
_CLOSERS = "\"')\u201d\u2019,;:"


_MENTION_WORD = r"[A-Z](?:[\w.-]|['\u2019](?!s\b))*"
_MENTION = re.compile(rf"{_MENTION_WORD}(?:\s+{_MENTION_WORD})*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]*$")
_AFTER_NAME = re.compile(r"(['\u2019]s\b)|,|[ \t]+([a-z]+)")
# Grammar words: a preposition before a name, and the words after a name that are no verb.
_PREPOSITIONS = frozenset(
    "to with at of for from by on upon in into towards toward about after before behind "
    "beside between near like than as against among round around over under".split()
)
_NOT_VERBS = _PREPOSITIONS | frozenset("and or but nor who whom whose which that the a an".split())
_GRAMMAR = _NOT_VERBS | frozenset(
    "he she it they we you i his her its their was is had has then when while if so not".split()
)


def _roles(text: str, position: int) -> list[str]:
    """The role of the mention at ``position``, as the words around it tell."""
    roles = []
    match = _MENTION.match(text, position)
    if match is not None:
        after = _AFTER_NAME.match(text, match.end())
        if after is not None:
            if after.group(1):
                roles.append("role:poss")
            elif after.group(2):
                roles.append("role:fn" if after.group(2) in _NOT_VERBS else "role:agent")
            else:
                roles.append("role:comma")
    before = _WORD_BEFORE.search(text, max(0, position - 24), position)
    if before is not None:
        word = before.group(1)
        if word == "to":
            roles.append("role:to")
        elif word in _PREPOSITIONS:
            roles.append("role:prep")
        elif word.islower() and word not in _GRAMMAR:
            roles.append("role:object")
    return roles


def _abbreviation(word: str) -> bool:
    """Whether ``word`` is a short capitalised word and its full stop ("Mr.", "St.")."""
    return len(word) <= 4 and word[:1].isupper() and word[:-1].isalpha()


def _situation(speech: Speech, talk: Conversation) -> str:
    """Where the quotation stands: "dlg", a turn after a turn in the paragraph
    before; "open", a turn after narration; "in", a quote inside narration."""
    stretch = speech.quote.stretch
    paragraph = stretch.paragraph
    if stretch.spans[0].start - paragraph.clean_start > OPENS_PARAGRAPH:  # (``opens_paragraph``)
        return "in"
    turns = talk.turns
    return "dlg" if turns and turns[-1].paragraph == paragraph.number - 1 else "open"


def _context(speech: Speech) -> str:
    attribution = speech.quote.attribution
    reference = attribution.reference if attribution is not None else None
    if reference is None or attribution is None:
        return "none"
    if attribution.goes_on:
        return "on"
    if reference.relation:
        return "rel"
    return "pro" if reference.gender is not None else "ref"


_TURN = tuple(f"turn{back}" for back in range(7))
_TURN_SAME = tuple(f"turn{back}:same" for back in range(7))
_TURN_BEFORE = tuple(f"turn{back}:before" for back in range(7))
_TURN_SURE = tuple(f"turn{back}:sure" for back in range(7))
_LATELY = ("lately0", "lately1", "lately2", "lately3")
_LATELY_BY = (*_LATELY, *[_LATELY[-1]] * (LATELY - 3))  # (by the count, up to LATELY)
_BEFORE = tuple(f"before{rank}" for rank in range(MENTIONS_KEPT))
_DISTANCE = tuple(f"before:d{index}" for index in range(len(_DISTANCE_BINS) + 1))
_OF_GENDER = ("before:gender0", "before:gender1", "before:gender2")
_AFTER = ("after0", "after1", "after2")
_FAR = tuple(f"far{rank}" for rank in range(FAR_KEPT))
_FAR_DISTANCE = tuple(f"far:d{index}" for index in range(len(_FAR_BINS) + 1))
_VOICE = tuple(f"voice{rank}" for rank in range(VOICES_RANKED))
_FOCAL = ("focal0", "focal1", "focal2")
_FREQUENT = tuple(f"frequent{index}" for index in range(len(_FREQUENT_BINS) + 1))
_ANCHOR_BINS = (1, 2, 4, 8)
_ANCHOR = tuple(f"alt:anchor{index}" for index in range(len(_ANCHOR_BINS) + 1))
_SPOKE = ("spoke0", "spoke1", "spoke2", "spoke3")
_AGO_BINS = (1, 2, 5, 11)
_SPOKE_AGO = tuple(f"spoke:ago{index}" for index in range(len(_AGO_BINS) + 1))
_ADDRESSED = ("addressed1", "addressed2")
_COUNT_BINS = (2, 4)
_COUNT = tuple(f"count{index}" for index in range(len(_COUNT_BINS) + 1))
_NEXT = tuple(f"next{step}:named" for step in range(AHEAD + 1))
_NEXT_CALLS = ("", "next1:calls", "next2:calls")
_NEXT_GENDER = {
    (step, same): f"next{step}:gender:" + ("same" if same else "other")
    for step in (1, 2)
    for same in (True, False)
}
_GENDERS = (Gender.MALE, Gender.FEMALE)
_FEMALE = Gender.FEMALE
CONTEXTS = ("pro", "rel", "ref", "on", "none", "desc")
SITUATIONS = ("dlg", "open", "in")


# Features that say a candidate speaks or is spoken to: a person.
_PERSON_SIGNS = (
    "rule",
    "turn",
    "lately",
    "last",
    "called",
    "narrator",
    "addressee",
    "spoke",
    "addressed",
    "alt",
    "parity",
    "next",
    "later",
    "run:back",
    "run:ahead",
    "run:pair",
    "voice",
)


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
    ahead: Ahead | None = None,
) -> list[Candidate]:
    """The candidates for ``speech``'s speaker, each with its features."""
    stretch = speech.quote.stretch  # (its properties read once)
    spans, paragraph = stretch.spans, stretch.paragraph
    start, end = spans[0].start, spans[-1].end
    number = paragraph.number
    # each candidate's features, in the order they come (``features[name]``
    # makes a new one: read it only for a name in it or one to add)
    features: defaultdict[str, list[str]] = defaultdict(list)

    def add(name: str | None, feature: str) -> None:  # (inlined where it is called most)
        if name:
            features[name].append(feature)

    if answer:
        features[answer] = ["rule", f"rule:{rule}"]
    # the turns before, nearest first
    turns: list[Turn] = []
    for turn in reversed(talk.turns):  # (the turns come in the order of their paragraphs)
        if number - turn.paragraph > TURN_PARAGRAPHS:
            break
        turns.append(turn)
    for back, turn in enumerate(turns[:4], 1):
        if turn.speaker:
            active = features.setdefault(turn.speaker, [])
            active.append(_TURN[back])
            active.append(_TURN_SAME[back] if turn.paragraph == number else _TURN_BEFORE[back])
            if turn.sure:
                active.append(_TURN_SURE[back])
    if turns and turns[0].paragraph == number - 1:
        add(turns[0].speaker, "turn1:adjacent")
        if len(turns) > 1:
            add(turns[1].speaker, "turn2:adjacent")
    # the rhythm of the conversation: A, B, A, B; the turns of consecutive paragraphs
    run = _run(talk.turns, number)
    if len(run) >= 2 and run[0] != run[1]:
        add(run[1], "alt:ab")
        if ALTERNATION_OF_GENDER:
            _alternation_of_gender(run, speech, people, add)
        if CROSSES:
            two = len({name for name in run[:6] if name}) == 2
            add(run[1], "alt:ab:two" if two else "alt:ab:more")
        # how many turns back the last one an attribution named: the alternation's anchor
        anchor = next((back for back, turn in enumerate(reversed(talk.turns)) if turn.sure), 9)
        add(run[1], _ANCHOR[bisect_right(_ANCHOR_BINS, anchor)])
        if len(run) >= 4 and run[2] == run[0] and run[3] == run[1]:
            add(run[1], "alt:abab")
        elif len(run) >= 3 and run[2] not in (run[0], run[1]):
            add(run[2], "alt:abc")  # three people: the third's turn may come again
    if run:
        parity: dict[str, int] = {}
        for back, name in enumerate(run, 1):
            if name and name not in parity:
                parity[name] = back
        for name, back in parity.items():
            add(name, "parity:even" if back % 2 == 0 else "parity:odd")
    # the speakers of the last quotations, turns or not, and whom they called
    spoken: list[str] = []
    for index, said in enumerate(reversed(talk.said) if SAID_FEATURES else ()):
        if said.speaker and said.speaker not in spoken:
            add(said.speaker, _SPOKE[min(len(spoken), 3)])
            add(said.speaker, _SPOKE_AGO[bisect_right(_AGO_BINS, number - said.paragraph)])
            spoken.append(said.speaker)
        if said.addressee and index < 2:
            add(said.addressee, _ADDRESSED[index])
    lately: dict[str, int] = {}
    for turn in talk.turns[-LATELY:]:
        name = turn.speaker
        if name:
            lately[name] = lately.get(name, 0) + 1
    for name, count in lately.items():
        features[name].append(_LATELY_BY[count])
    if talk.last is not None:
        add(talk.last.speaker, "last")
        if talk.last.paragraph == number:
            add(talk.last.speaker, "last:same")
    called = talk.called
    if called is not None and called.name and called.paragraph == number - 1:
        add(called.name, "called")
    if CALLED_LAST:
        for name, feature in _called_last(talk, number):
            add(name, feature)
    # the people named before it, nearest first
    positions, names, genders = people.positions, people.names, people.gender
    nearest = bisect_left(positions, start) - 1
    # (the mentions within MENTION_REACH before it: ``nearest`` down to ``reach``)
    reach = bisect_left(positions, start - MENTION_REACH, 0, nearest + 1)
    kept = 0  # the people named before it so far, at most MENTIONS_KEPT
    counts: dict[str, int] = {}  # each one's mentions within MENTION_REACH
    by_description = DESCRIPTIONS_RANKED and rule == DESCRIPTION_RULE and answer is not None
    if by_description:
        assert answer is not None
        gender = _description_gender(answer, genders)
        if gender is None and DESCRIPTION_PRONOUNS:
            gender = _pronouns_after(people, facts, _head(answer), start)
    else:
        attribution = speech.quote.attribution
        reference = attribution.reference if attribution is not None else None
        gender = reference.gender if reference is not None else None
    of_gender = 0
    free = 0  # the mentions of its gender looked through for one named after no preposition
    since = talk.last.end if talk.last is not None else -1  # the last quotation's end
    subject_of_gender = not SUBJECT_OF_GENDER  # the nearest of its gender opening a sentence found
    if LAST_CLEAR:
        for name, feature in _last_clear(speech, talk, people, gender):
            add(name, feature)
    if LAST_TOPIC and gender is not None and facts.text:
        add(_last_topic(speech, talk, people, gender, facts.text), "last:topic")
    before = stretch.before
    previous = before.clean_start if before is not None else paragraph.clean_start
    text = facts.text
    if (
        CHAIN
        and gender is not None
        and text
        and turns
        and turns[0].paragraph == number - 1
        and turns[0].speaker
        and genders.get(turns[0].speaker) == gender
        and start > paragraph.clean_start
        and _GENDER_PRONOUN[gender].search(text, paragraph.clean_start, start)
        and not people.named_between(paragraph.clean_start, start, gender)
    ):
        # "With these words he pulled up a chair. "See there," he said.": the
        # last turn's speaker goes on as its paragraph's "he"
        add(turns[0].speaker, "chain:turn1")
    # each one's count: all its mentions in the window (it is counted from its
    # nearest on); its feature comes last of its mentions' (``_COUNT``)
    window = names[reach : nearest + 1]
    clean_start = paragraph.clean_start
    for index in range(nearest, reach - 1, -1):
        if kept >= MENTIONS_KEPT:
            # the candidates named further back only: counted
            for name, active in features.items():
                if name not in counts and name in window:
                    count = counts[name] = window.count(name)
                    active.append(_COUNT[bisect_right(_COUNT_BINS, count)])
            break
        name = names[index]
        if not name or name in counts:
            continue
        position = positions[index]
        count = counts[name] = window.count(name)
        active = features.setdefault(name, [])
        active.append(_BEFORE[kept])  # (kept < MENTIONS_KEPT: one of _BEFORE)
        kept += 1
        active.append(_DISTANCE[bisect_right(_DISTANCE_BINS, start - position)])
        if position >= clean_start:
            active.append("before:paragraph")
            floor = clean_start
        elif position >= previous:
            active.append("before:previous")
            floor = previous
        else:
            floor = -1
        subject = SUBJECTS and floor >= 0 and bool(text) and _opens_sentence(text, position, floor)
        its_gender = gender is not None and genders.get(name) == gender  # (the pronoun's)
        if subject:
            active.append("before:subject")
            if not subject_of_gender and its_gender:
                subject_of_gender = True
                if of_gender:
                    active.append("before:subject:gender")
        if ROLES and floor >= 0 and text:
            for role in _roles(text, position):
                active.append("before:" + role)
                if its_gender and of_gender == 0:
                    active.append("before:gender0:" + role)
        if its_gender:
            if (
                ANTECEDENT
                and of_gender == 0
                and position > since
                and text
                and (subject or _word_before(text, position) in _CLAUSE_OPENERS)
            ):
                active.append("before:antecedent")
            an_object = False
            if OBJECTS and free < OBJECTS_KEPT and text:
                word = _word_before(text, position)
                if word in _OBJECT_OF or (VERB_OBJECTS and _verb_object(text, position, word)):
                    an_object = True
                    if of_gender == 0:
                        active.append("before:gender0:object")
                    free += 1
                elif FREE_MODE == "any" or (FREE_MODE == "strict" and word in _CLAUSE_OPENERS):
                    active.append("before:free")
                    free = OBJECTS_KEPT
                else:
                    free += 1
            if OBJECT_RANK and an_object:
                active.append("before:gender:object")  # not counted among its gender's
                active.append(_COUNT[bisect_right(_COUNT_BINS, count)])
                continue
            active.append(_OF_GENDER[min(of_gender, 2)])
            if CROSSES and of_gender == 0:
                if subject:
                    active.append("before:gender0:subject")
                if floor >= 0:
                    active.append("before:gender0:near")
            of_gender += 1
        active.append(_COUNT[bisect_right(_COUNT_BINS, count)])
    index = reach - 1  # (where the FAR_REACH mentions go on)
    if gender is not None:
        if FAR:  # the nearest of the pronoun's gender named further back
            far = 0
            while index >= 0 and far < FAR_KEPT and start - positions[index] <= FAR_REACH:
                name, position = names[index], positions[index]
                index -= 1
                if name and name not in counts and genders.get(name) == gender:
                    counts[name] = 0
                    add(name, _FAR[far])
                    add(name, _FAR_DISTANCE[bisect_right(_FAR_BINS, start - position)])
                    far += 1
        if VOICES:  # the last of the pronoun's gender who spoke, however far back
            voice = 0
            for name in reversed(talk.voices):
                if genders.get(name) == gender:
                    if VOICES_ADDED or name in features:
                        add(name, _VOICE[voice])
                    voice += 1
                    if voice >= VOICES_RANKED:
                        break
    scene: dict[str, int] | None = None
    wide = _focal(people, facts, start, gender, WIDE_BLOCK) if WIDE_BLOCK and gender else None
    if SCENE_ANY and gender is None and SCENE:
        scene = _focal(people, facts, start, None)
    elif FOCAL and gender is not None:
        scene = _focal(people, facts, start, gender)
        for name, place in scene.items():
            if place >= FOCAL_KEPT:
                break
            add(name, _FOCAL[place])
    # the people named after it in its paragraph
    index = bisect_left(positions, end)
    limit = min(paragraph.clean_end, end + AFTER_REACH)
    after: list[str] = []
    while index < len(positions) and positions[index] < limit:
        name = names[index]
        index += 1
        if name not in after:
            if name:
                features[name].append(_AFTER[min(len(after), 2)])
            if CROSSES and not after and text and _opens_sentence(text, positions[index - 1], end):
                add(name, "after:subject")  # '"Yes." Nora turned away.'
            after.append(name)
    if facts.narrator:
        add(NARRATOR, "narrator")
    ahead = _NOTHING_AHEAD if ahead is None else ahead
    if LOOK_AHEAD:
        add(ahead.later, "later:named")
        for step, (name, _, calls) in enumerate(ahead.turns, 1):
            if name:
                features[name].append(_NEXT[step])
            if calls and step <= 2:
                features[calls].append(_NEXT_CALLS[step])
    gendered: list[tuple[str, str]] = []  # a gender the run gives, not a name (dialogue)
    if RUNS:
        for name, feature in ahead.run:
            if name[:1] == GENDERED:
                gendered.append((name[1:], feature))
            elif name:
                features[name].append(feature)
    if speech.addressee:
        add(speech.addressee, "addressee")
    if speech.described:
        for described, where, who in reversed(talk.described):
            if described == speech.described and number - where <= DESCRIBED_REACH:
                add(who, "described:same")
                break
    ties: list[tuple[str, float]] = []
    if by_description:  # the people the text ties the description to, even named far back
        assert answer is not None
        ties = _ties(people, facts, _head(answer), start)
        for name, _ in ties:
            features.setdefault(name, [])
    context = "desc" if by_description else _context(speech)
    situation = _situation(speech, talk)
    head = _head(answer) if by_description and answer is not None else ""
    named, excluded, acts, ranks = speech.named, speech.excluded, people.acts, facts.frequency_rank
    addresses = speech.addresses(text) if ADDRESS_WORDS and text else None
    # what a candidate of each gender gets of the gendered pairs, the word of
    # address and the pronouns of the turns ahead (the same for each candidate
    # of that gender: made once, in the order they are appended)
    # (a list by the gender's index in _GENDERS: an enum member hashes slowly)
    pronouns = (
        [
            (step, pronoun)
            for step, (_, pronoun, _) in enumerate(ahead.turns[:2], 1)
            if pronoun is not None
        ]
        if LOOK_AHEAD
        else []
    )
    of_known: Sequence[tuple[list[str], list[str]]] = _NOTHING_KNOWN
    if gendered or addresses is not None or pronouns:
        of_known = []
        for each in _GENDERS:
            first = [
                f"{feature}:same" if value == each.value else f"{feature}:other"
                for value, feature in gendered
            ]
            if addresses is not None:
                first.append("addresses:same" if each == addresses else "addresses:other")
            later = [_NEXT_GENDER[step, pronoun == each] for step, pronoun in pronouns]
            of_known.append((first, later))
    selves = facts.selves if facts.selves is not None else {}
    scene_of = (gender,) if gender is not None else _GENDERS  # (``known`` is one of these)
    result = []
    for name, active in features.items():
        if answer is None and not _a_person(name, active, genders, acts):
            continue  # "Prices rose. ... saying it was a “terrible mistake”": nobody
        # the features of the candidate itself
        if name in named:
            if NAMED_OUT:
                continue  # "If you mean Harry," cried her brother: not Harry (rule 4)
            active.append("named")
        elif name in excluded:
            active.append("owner")
        own = selves.get(name)
        if own is None:
            own = selves[name] = _own(name, genders, acts, ranks)
        known, does, frequent = own
        if known is None:
            if gender is not None:
                active.append("gender:unknown")
            elif name != NARRATOR:
                active.append("gender:none")
            if does:
                active.append("acts")
        else:
            if gender is not None:
                active.append("gender:same" if known == gender else "gender:other")
            if does:
                active.append("acts")
            first, later = of_known[known is _FEMALE]
            if first:
                active.extend(first)
            if SCENE and scene is not None and known in scene_of:
                ranked_at = scene.get(name)
                active.append(_SCENE[-1] if ranked_at is None else _SCENE[min(ranked_at, 3)])
            if wide is not None and known == gender:
                ranked_at = wide.get(name)
                active.append(_WIDE[-1] if ranked_at is None else _WIDE[min(ranked_at, 3)])
            if later:
                active.extend(later)
        active.append(frequent)
        if by_description:
            if name == answer:
                active.append("desc:self" if known is None else "desc:indexed")
            else:
                if _titled_as(people, name, head):
                    active.append("desc:title")
                for rank, (tied, strength) in enumerate(ties):
                    if tied == name:
                        active.append(f"desc:tie{rank}")
                        if strength >= TIE_STRONG:
                            active.append(f"desc:tie{rank}:strong")
        if PAIRS:
            core = sorted(f for f in active if f in _PAIRED)
            active.extend(f"{a}&{b}" for i, a in enumerate(core) for b in core[i + 1 :])
        result.append(_new(Candidate, (name, context, active, situation)))
    return result


# (a named tuple made without its ``__new__``'s call: a candidate is made by the ten thousand)
_new = tuple.__new__
# what candidates of either gender get where no pair, word of address or pronoun ahead gives any
_NOTHING_KNOWN: tuple[tuple[list[str], list[str]], ...] = (([], []), ([], []))


def _alternation_of_gender(
    run: Sequence[str | None],
    speech: Speech,
    people: People,
    add: Callable[[str | None, str], None],
) -> None:
    """In a run of turns whose last two speakers (``run``, nearest first) are
    both of the pronoun's gender, the one two back: "alt:ab:gender"."""
    reference = speech.reference
    gender = reference.gender if reference is not None and not reference.relation else None
    if gender is None or run[1] is None or people.gender.get(run[1]) != gender:
        return
    last = people.gender.get(run[0]) if run[0] is not None else None
    if last == gender:
        add(run[1], "alt:ab:gender")
    elif MIXED_ALTERNATION and last is not None:
        add(run[1], "alt:ab:mixed")  # a man and a woman: "she said" is the woman


def _last_clear(
    speech: Speech, talk: Conversation, people: People, gender: Gender | None
) -> list[tuple[str, str]]:
    """The last speech quotation's speaker, if of the pronoun's gender and
    nobody of that gender (anybody, with no pronoun) is named between it and
    this one: in this paragraph ("last:clear": '"No," said Ivo. He turned.
    "Go," he said.'), or in the one before when narration opens this one
    ("last:clear:prev")."""
    last = talk.last
    if last is None:
        return []
    step = speech.paragraph - last.paragraph
    if step > 1 or (step == 1 and speech.stretch.opens_paragraph):
        return []
    if gender is not None and people.gender.get(last.speaker) != gender:
        return []
    if people.named_between(last.end, speech.stretch.start, gender, but=last.speaker):
        return []
    return [(last.speaker, "last:clear" if step == 0 else "last:clear:prev")]


def _last_topic(
    speech: Speech, talk: Conversation, people: People, gender: Gender, text: str
) -> str | None:
    """The last speech quotation's speaker, of the pronoun's gender, in this
    paragraph or the one before, where the narration since says "he" (or
    "she") and names nobody of that gender but as a preposition's object: the
    one the narration goes on about ('"No," said Ivo. He held up his hand;
    Nora looked at Mr. Lark. "Go," he said.')."""
    last = talk.last
    if last is None or speech.paragraph - last.paragraph > 1:
        return None
    if people.gender.get(last.speaker) != gender:
        return None
    start = speech.stretch.start
    if not _PRONOUN_OF[gender].search(text, last.end, start):
        return None
    positions, names = people.positions, people.names
    index = bisect_left(positions, last.end)
    while index < len(positions) and positions[index] < start:
        name = names[index]
        if (
            name != last.speaker
            and people.gender.get(name) == gender
            and _word_before(text, positions[index]) not in _OBJECT_OF
        ):
            return None
        index += 1
    return last.speaker


_PRONOUN_OF = {
    Gender.MALE: re.compile(r"\b[Hh]e\b"),
    Gender.FEMALE: re.compile(r"\b[Ss]he\b"),
}


def _called_last(talk: Conversation, number: int) -> list[tuple[str, str]]:
    """The name the last speech quotation called out, turn or not ("Well, Nora,
    how ..." she replied): in this paragraph ("called:here"), or in a quote
    inside the narration of the one before ("called:prev"; a turn's is ``called``)."""
    heard = talk.heard
    if heard is None or not heard.name:
        return []
    if heard.paragraph == number:
        return [(heard.name, "called:here")]
    called = talk.called
    if heard.paragraph == number - 1 and (called is None or called != heard):
        return [(heard.name, "called:prev")]
    return []


# Prepositions whose object is no sentence's subject ("with Nora", "at Nora", "by Nora").
_OBJECT_OF = frozenset(
    "to with at of for from by on upon in into towards toward about after behind "
    "beside between near against among round around over under".split()
)

# The words after which a name opens a clause: its subject ("and Nora", "as Nora").
_CLAUSE_OPENERS = frozenset(
    "and but or nor as when while till until if though although because since that where "
    "then so whom who".split()
) | {""}


def _verb_object(text: str, position: int, word: str) -> bool:
    """Whether the mention at ``position`` after the lower-case ``word`` is a
    verb's object ("accused Nora"), not an inverted attribution's subject
    ('," said Nora': the word follows a quote or a comma)."""
    if not word or word in _CLAUSE_OPENERS or word in _GRAMMAR:
        return False
    at = text.rfind(word, max(0, position - 24), position)
    before = text[max(0, at - 3) : at].rstrip()
    return not before or before[-1] not in _AFTER_QUOTE


_AFTER_QUOTE = frozenset(",\"'\u201d\u2019\u2014-;:")


def _word_before(text: str, position: int) -> str:
    """The lower-case word just before the mention at ``position`` ("" if none:
    a sentence's start, a comma, a capitalised word)."""
    before = _WORD_BEFORE_LINE.search(text, max(0, position - 24), position)
    return before.group(1) if before is not None else ""


_WORD_BEFORE_LINE = re.compile(r"(?<![A-Za-z])([a-z]+)\s+$")


_TITLES = {"dr": "doctor", "dr.": "doctor"}


def _titled_as(people: People, name: str, head: str) -> bool:
    """Whether any form of ``name`` has ``head`` as its title ("Doctor Lark" of "the doctor")."""
    group = people.groups.get(name)
    forms = group.forms if group is not None else (name,)
    head = head.lower()
    for form in forms:
        words = form.split()
        if len(words) >= 2:
            title = words[0].lower()
            if _TITLES.get(title, title) == head:
                return True
    return False


def _run(turns: Sequence[Turn], number: int) -> list[str | None]:
    """The speakers of the conversation's turns before paragraph ``number``,
    nearest first, as long as each paragraph back holds a turn."""
    run: list[str | None] = []
    expected = number - 1
    for turn in reversed(turns):
        if turn.paragraph == number:
            continue
        if turn.paragraph != expected:
            break
        run.append(turn.speaker)
        expected -= 1
    return run


def tagged(candidate: Candidate) -> list[str]:
    """The candidate's features and their copies tagged with its context and situation."""
    context, situation = candidate.context, candidate.situation
    return [
        *candidate.features,
        *(f"{context}|{f}" for f in candidate.features),
        *(f"{situation}|{f}" for f in (candidate.features if SITUATION_TAGS else ())),
    ]


_NO_WEIGHT = repeat(0.0)


class _ByContext(dict[tuple[str, str], dict[str, float]]):
    """Each feature's weight summed with those of its copies tagged with a
    context and a situation, a dict for each pair, made when a candidate of
    that pair is first scored (a short text meets a few of the 18: making
    them all took a tenth of the analysis of the review as a user's file)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        super().__init__()
        self._weights = weights
        self._features = list(dict.fromkeys(f.partition("|")[2] or f for f in weights))

    def __missing__(self, key: tuple[str, str]) -> dict[str, float]:
        context, situation = key
        if context not in CONTEXTS or situation not in SITUATIONS:
            raise KeyError(key)
        weights = self._weights
        made = self[key] = {
            f: weights.get(f, 0.0)
            + weights.get(f"{context}|{f}", 0.0)
            + weights.get(f"{situation}|{f}", 0.0)
            for f in self._features
        }
        return made


class Ranker:
    """Scores candidates by the sum of their features' weights (and of their
    copies tagged with the quotation's context)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.weights = weights
        self._by_context = _ByContext(weights)

    def score(self, candidate: Candidate) -> float:
        weights = self._by_context[candidate.context, candidate.situation]
        # a feature without a weight adds 0.0, which leaves any sum as it is
        return sum(map(weights.get, candidate.features, _NO_WEIGHT))

    def choose(self, found: Sequence[Candidate], at: int = 0) -> str | None:
        """The best scoring of ``found`` (``at``: the quotation's index, unused)."""
        best, best_score = None, -math.inf
        for candidate in found:
            score = self.score(candidate)
            if score > best_score:
                best, best_score = candidate.name, score
        return best


class Ranked(NamedTuple):
    """A quotation the ranker chose a speaker for, and where it stands."""

    at: int  # its index among the text's quotations
    paragraph: int  # its paragraph's number
    turn: bool  # it opens its paragraph
    choices: Sequence[tuple[str, float]]  # its best scoring candidates, best first


def ranked(
    model: Ranker, at: int, paragraph: int, turn: bool, found: Sequence[Candidate]
) -> tuple[Ranked, str | None]:
    """The quotation's entry for ``decode``, and its own best candidate."""
    if type(model).score is Ranker.score:  # (``score``, its weights looked up once a candidate)
        by_context = model._by_context
        scored = sorted(
            [
                (sum(map(by_context[c.context, c.situation].get, c.features, _NO_WEIGHT)), -index)
                for index, c in enumerate(found)
            ],
            reverse=True,
        )
    else:
        scored = sorted(((model.score(c), -index) for index, c in enumerate(found)), reverse=True)
    choices = [(found[-negative].name, score) for score, negative in scored[:CHOICES]]
    entry = _new(Ranked, (at, paragraph, turn, choices))
    return entry, choices[0][0] if choices else None


def anchor(at: int, paragraph: int, name: str) -> Ranked:
    """A turn whose speaker is given, as an entry of a run for ``decode``."""
    return _new(Ranked, (at, paragraph, True, ((name, 0.0),)))


# A choice of a sequence (its name), and the one before it: a plain pair, made
# by the hundred thousand (a named tuple took a third of ``decode``).
_Step: TypeAlias = "tuple[str | None, _Step | None]"


def decode(
    ranked: Sequence[Ranked],
    same: float = SAME_AS_LAST,
    two_back: float = SAME_AS_TWO_BACK,
) -> dict[int, str | None]:
    """The speakers of the runs of ranked turns in consecutive paragraphs,
    chosen together: the best sequence by the sum of the choices' scores and
    of ``same`` for a speaker who also spoke the turn before, ``two_back`` for
    one who spoke the turn before that (a beam of BEAM sequences). By the
    quotation's index; quotations outside a run of two or more are left out."""
    chosen: dict[int, str | None] = {}
    for run in runs(ranked):
        if len(run) >= 2:
            chosen.update(
                zip((entry.at for entry in run), decode_run(run, same, two_back), strict=True)
            )
    return chosen


def runs(ranked: Sequence[Ranked]) -> list[list[Ranked]]:
    """The runs of ranked turns in consecutive paragraphs that ``decode``
    decodes, each on its own (``decode_run``)."""
    found: list[list[Ranked]] = []
    for entry in ranked:
        if not entry.turn:
            continue
        if found and found[-1][-1].paragraph == entry.paragraph - 1:
            found[-1].append(entry)
        else:
            found.append([entry])
    return found


def decode_run(
    run: Sequence[Ranked], same: float = SAME_AS_LAST, two_back: float = SAME_AS_TWO_BACK
) -> list[str | None]:
    """The speakers ``decode`` chooses for the entries of one run, in order."""
    beam: list[tuple[float, _Step | None]] = [(0.0, None)]
    for entry in run:
        scored = entry.choices
        grown: list[tuple[float, _Step | None]] = []
        for total, step in beam:
            if step is None:
                last = before = None
            else:
                last, back = step
                before = back[0] if back is not None else None
            if same == 0.0:
                # (``score + 0.0`` is ``score`` but for -0.0, whose 0.0 sums the same:
                # a total is never -0.0, as it starts at 0.0)
                grown += [
                    (total + (score + two_back if name == before else score), (name, step))
                    for name, score in scored
                ]
                continue
            for name, score in scored:
                if name == last:
                    score += same
                if name == before:
                    score += two_back
                grown.append((total + score, (name, step)))
        if not grown:
            grown = [(total, (None, step)) for total, step in beam]
        # the best first, ties in their order (as a key of minus the total)
        grown.sort(key=itemgetter(0), reverse=True)
        beam = grown[:BEAM]
    step = beam[0][1]
    names: list[str | None] = []
    for _ in run:
        assert step is not None
        chosen, step = step
        names.append(chosen)
    names.reverse()
    return names


@lru_cache(maxsize=1)
def shipped() -> Ranker:
    """The ranker trained on every development novel (``speaker_weights.json``)."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return Ranker(data["weights"])
