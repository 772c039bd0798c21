"""Who said each speech quotation, by rules that read only the text itself.

The first rule that applies gives the speaker; the rules are tried in this
order (``RULES``). A rule that applies may find nobody: then nobody it is.

1. ``named_by_attribution``: an attribution next to the quotation names its
   speaker: "X says", "said X", "X eventually tells", "X said:" before it,
   also at the end of the paragraph before ("Nora observed,") or joined on
   by "and" ("Ivo turned to her, and said,"); see ``attribution``.
2. An attribution by a pronoun ("she said") or a relation ("his wife said",
   "her aunt said") resolves to a person named outside quotes with that
   gender (a name's gender comes from its honorific or from the pronouns
   that follow its mentions; see ``people``):

   a. ``goes_on``: "she added", "he continued" is the last speaker again,
      if nobody of that gender was named since;
   b. ``answers_by_pronoun``: the one the turn before called by name ("Yes,
      Mr. Lark,"), if the gender fits;
   c. ``relation``: "his wife" is Mrs. X for Mr. X, "her mother" is Mrs. Y
      for her family name Y, "her ladyship" the last Lady named, where "his"
      or "her" is the one spoken to, else the last of that gender named;
      "her aunt" is never "her" herself;
   d. ``named_in_its_paragraph``: the last of that gender named in the
      narration of the quotation's own paragraph;
   e. ``alternates_by_pronoun``: in a dialogue, the speaker two turns back,
      if the gender fits;
   f. ``another_in_the_dialogue``: in a dialogue, someone of that gender who
      spoke in it, other than the last speaker;
   g. ``last_named``: the last person of that gender named (the last speaker
      of a dialogue only if nobody else);
   h. ``spoke_lately``: nobody of that gender named lately: the last of that
      gender who spoke.
3. An unattributed quotation (or one whose attribution names nobody):

   a. ``same_paragraph``: the speaker of a turn before it in its paragraph;
   b. ``continues``: inside a paragraph, after a quotation with nobody else
      named between them, the running speaker (news);
   c. ``answers_the_caller``: the one the turn before called by name;
   d. ``alternates``: in a dialogue, the speaker two turns back (A, B, A, B);
   e. ``after_a_turn``: after a turn in the paragraph before, the last person
      named other than its speaker;
   f. ``after_narration``: after narration, the last person it named nearby.
4. ``not_speakers``: nobody is the speaker of a quotation that names them:
   the rules of 2 and 3 but 3a pass over the people it names ("If you mean
   Ivo," said her brother).

A turn is a speech quotation that opens its paragraph or follows a turn in
it; a dialogue is turns in the paragraphs just before.

The answer of rules 1, 2a, 2b and 2c stands (``FIXED``); for every other
quotation the rules' answer is one candidate among the people around it, and
a learned ranker (``ranker``) picks the speaker. The conversation the rules
read goes on with the rules' own answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from aleppo_cli.analysis.quotes import dialogue, halves, ranker
from aleppo_cli.analysis.quotes.model import (
    NARRATOR,
    OPENS_PARAGRAPH,
    SPEECH,
    Gender,
    Quote,
    Reference,
    Stretch,
)
from aleppo_cli.analysis.quotes.people import NAME, People, word_gender

# The conversation goes on with the ranker's choices (True) or the rules' answers.
FOLLOW = False
# The last speaker ("she added", news's running speaker) is the ranker's choice even
# so: a capitalised word the rules guessed and the ranker overruled does not run on
# (PDNC held out all 0.710 -> 0.712, implicit 0.557 -> 0.564; BBC 265 -> 266 of 284).
LAST_FOLLOWS = True
# Turns only look a few paragraphs back: the rules see the last this many.
TURNS_KEPT = 8
# The ranker sees the speakers of this many speech quotations before, turns or not.
SAID_KEPT = 8
# A word of address is looked for this far from a quotation part's start and end.
ADDRESS_REACH = 60
# The last quotations a gendered description attributes that the ranker reads.
DESCRIBED_KEPT = 4
# The last people who spoke, however far back, that the ranker reads (``ranker.VOICES``).
VOICES_KEPT = 6
# "She added" goes on from a quotation this many paragraphs back at most.
GOES_ON_REACH = 1
# A pronoun's dialogue: the turns of this many paragraphs before its own.
DIALOGUE_REACH = 2
# An unattributed turn alternates with the turns of this many paragraphs before.
TURNS_REACH = 3
# After narration, an unattributed quote is someone's named this far before it: a paragraph.
NARRATION_REACH = 600

_VOCATIVE = re.compile(rf"(?:^|[,;!?]\s+|\b(?:dear|my|Oh|oh)\s+)(?P<name>{NAME})(?=\s*[,.!?;—–-])")
# The same past the text's first character, where "^" never matches: its
# look-aheads let the engine skip to where a form can start (a third quicker)
_VOCATIVE_INSIDE = re.compile(
    rf"(?=[,;!?dmOo])(?:[,;!?]\s+|\b(?:dear|my|Oh|oh)\s+)(?=[A-Z])(?P<name>{NAME})(?=\s*[,.!?;—–-])"
)


class Turn(NamedTuple):
    """A turn of dialogue: a speech quotation opening its paragraph, or following a turn in it."""

    paragraph: int  # its paragraph's number
    speaker: str | None
    sure: bool = False  # an attribution named its speaker (rule 1)


class Called(NamedTuple):
    """The name the last turn called out ("Yes, Mr. Lark,"), if not its own speaker's."""

    paragraph: int
    name: str | None


class LastSpeech(NamedTuple):
    """The last speech quotation, if it has a speaker."""

    paragraph: int
    speaker: str
    end: int  # where its last span ends, in the cleaned text


class Said(NamedTuple):
    """A speech quotation before the one at hand, turn or not (for the ranker)."""

    paragraph: int
    speaker: str | None
    addressee: str | None  # the name it calls out, if not its speaker's


class Conversation(NamedTuple):
    """What the rules know of the quotations before the one at hand."""

    turns: tuple[Turn, ...] = ()  # the last TURNS_KEPT turns
    called: Called | None = None
    last: LastSpeech | None = None
    said: tuple[Said, ...] = ()  # the last SAID_KEPT speech quotations, turns or not
    # the last quotations a gendered description attributes: (description, paragraph, speaker)
    described: tuple[tuple[str, int, str], ...] = ()
    # the name the last speech quotation called out, turn or not ("Well, Nora, ...")
    heard: Called | None = None
    # the last VOICES_KEPT people who spoke, however far back, the latest last (for the ranker)
    voices: tuple[str, ...] = ()


class Speech(NamedTuple):
    """A speech quotation as the rules read it."""

    quote: Quote
    addressee: str | None  # the first name it calls out: "My dear Mr. Lark,"
    named: frozenset[str]  # the people it names, in every form (rule 4)
    owner: str | None  # "her" of "her aunt": the one spoken to, or the last of her gender named
    described: str | None = None  # the gendered description of its attribution: "the old lady"

    def addresses(self, text: str) -> Gender | None:
        """The gender its word of address gives: "sir", "madam" (read when ranked)."""
        return _address_gender(text, self.quote.stretch)

    @property
    def stretch(self) -> Stretch:
        return self.quote.stretch

    @property
    def paragraph(self) -> int:
        return self.quote.stretch.paragraph.number

    @property
    def name(self) -> str | None:
        return self.quote.attribution.name if self.quote.attribution else None

    @property
    def reference(self) -> Reference | None:
        return self.quote.attribution.reference if self.quote.attribution else None

    @property
    def goes_on(self) -> bool:
        return self.quote.attribution.goes_on if self.quote.attribution else False

    @property
    def excluded(self) -> frozenset[str]:
        """Who cannot have said it: the people it names, and the owner of its relation."""
        return self.named | {self.owner} if self.owner else self.named


class Verdict(NamedTuple):
    """A rule's answer: it applies, and the speaker is ``speaker`` (None: nobody)."""

    speaker: str | None


Rule = Callable[[Speech, Conversation, People], Verdict | None]


class Chooser(Protocol):
    """What picks a speaker among candidates (``ranker.Ranker``; a recorder in training)."""

    def choose(self, found: Sequence[ranker.Candidate], at: int) -> str | None: ...


def assign(
    text: str,
    quotes: Sequence[Quote],
    people: People,
    chooser: Chooser | None = None,
    follow: bool = FOLLOW,
    heard: dict[int, Speech] | None = None,
) -> tuple[str | None, ...]:
    """The speaker of each of ``quotes`` (None for those not speech), in order.

    An attribution that names the speaker gives it (rule 1), and so do the
    rules of ``FIXED``; for the others the
    rules' answer and the people around the quotation are candidates, and
    ``chooser`` (the shipped ranker by default; ``RULES_ONLY`` for the rules'
    answer alone) picks one. The conversation the rules read goes on with the
    speakers chosen if ``follow``, else with the rules' own answers."""
    chooser = ranker.shipped() if chooser is None else chooser
    if heard is None:  # (``heard``: each speech quotation's ``_hear``, by index, if at hand)
        heard = {at: _hear(text, q, people) for at, q in enumerate(quotes) if q.kind == SPEECH}
    walker = Walker(text, quotes, heard, people, chooser, follow, narrated(quotes))
    halved = walker.pure and halves.worth_it(len(quotes), halves.MANY_STRETCHES)
    speakers: list[str | None] = []
    ranked: list[ranker.Ranked] = []
    if halved:
        # what the ranker reads ahead of each quotation: of each process's part only
        _in_halves(walker.walk, len(quotes), speakers, ranked, walker.prepare)
    else:
        walker.prepare(0, len(quotes))
        walker.walk(0, len(quotes), Conversation(), speakers, ranked)
    decode(ranked, speakers)
    return tuple(speakers)


def narrated(quotes: Sequence[Quote]) -> bool:
    """Whether a first-person narrator speaks in ``quotes`` (the ranker reads it)."""
    return any(q.attribution is not None and q.attribution.name == NARRATOR for q in quotes)


class Walker:
    """``assign``'s steps over quotations ``base`` on of a text (``quotes``
    and ``heard`` by their index less ``base``: a process that reads only a
    later part of the text walks it with the same indices as the whole)."""

    def __init__(
        self,
        text: str,
        quotes: Sequence[Quote],
        heard: dict[int, Speech],
        people: People,
        chooser: Chooser,
        follow: bool,
        narrator: bool,
        base: int = 0,
    ) -> None:
        self.text, self.quotes, self.heard, self.people = text, quotes, heard, people
        self.chooser, self.follow, self.base = chooser, follow, base
        self.facts = ranker.text_facts(people, narrator, text)
        # a pure function of its arguments: a step can be taken in another process
        self.pure = chooser is RULES_ONLY or type(chooser) is ranker.Ranker  # (a recorder is not)
        self.decoding = ranker.SEQUENCE and isinstance(chooser, ranker.Ranker)
        # what the ranker reads ahead of each quotation, made as the walk is about to need it
        self.ahead: list[ranker.Ahead] = []

    def prepare(self, begin: int, end: int) -> None:
        """What the walk reads ahead of quotations ``begin`` to ``end``
        (``_ahead_part``: from the quotations around them only)."""
        base, quotes = self.base, self.quotes
        if self.chooser is RULES_ONLY or begin >= end:
            return
        if len(self.ahead) < len(quotes):
            self.ahead.extend([ranker.Ahead(None, (), ())] * (len(quotes) - len(self.ahead)))
        if begin == base and end == base + len(quotes):
            self.ahead[:] = _ahead(quotes, self.heard, self.people)
        else:
            self.ahead[begin - base : end - base] = _ahead_part(
                quotes, self.heard, self.people, begin - base, end - base
            )

    def walk(
        self,
        begin: int,
        end: int,
        talk: Conversation,
        speakers: list[str | None],
        ranked: list[ranker.Ranked],
        states: list[Conversation] | None = None,
    ) -> Conversation:
        """The speakers of quotations ``begin`` to ``end`` (excluded), read on
        from ``talk``, appended to ``speakers`` (and their entries for
        ``decode`` to ``ranked``); the conversation after them. ``states``:
        the conversation before each, recorded."""
        quotes, heard, people, ahead, base = (
            self.quotes,
            self.heard,
            self.people,
            self.ahead,
            self.base,
        )
        chooser, facts, decoding, follow = self.chooser, self.facts, self.decoding, self.follow
        descriptions, anchors = ranker.DESCRIPTIONS_RANKED, decoding and ranker.ANCHORS
        ranking = chooser is not RULES_ONLY
        for at in range(begin, end):
            quote = quotes[at - base]
            if states is not None:
                states.append(talk)
            if quote.kind != SPEECH:
                speakers.append(None)
                continue
            speech = heard[at - base]
            rule, speaker = decide(speech, talk, people)
            chosen = speaker
            ranks = rule
            if descriptions and rule == SURE and ranker.a_description(speaker):
                ranks = ranker.DESCRIPTION_RULE  # "said the doctor": ranked with the people around
            stretch = quote.stretch
            opens = stretch.spans[0].start - stretch.paragraph.clean_start <= OPENS_PARAGRAPH
            if ranks not in FIXED and ranking:
                found = ranker.candidates(
                    speech, talk, people, facts, ranks, speaker, ahead[at - base]
                )
                if decoding and found:
                    assert isinstance(chooser, ranker.Ranker)
                    number = stretch.paragraph.number
                    entry, chosen = ranker.ranked(chooser, at, number, opens, found)
                    ranked.append(entry)
                else:
                    chosen = chooser.choose(found, at) if found else speaker
            if anchors and chosen and opens and (not ranked or ranked[-1].at != at):
                ranked.append(ranker.anchor(at, stretch.paragraph.number, chosen))  # a turn given
            speakers.append(chosen)
            talk = _after(talk, speech, chosen if follow else speaker, rule == SURE)
            if LAST_FOLLOWS and chosen and chosen != speaker and talk.last is not None:
                # (``talk._replace(last=talk.last._replace(speaker=chosen))``, made directly)
                said_in, _, said_to = talk.last
                follows = _new(LastSpeech, (said_in, chosen, said_to))
                talk = _new(Conversation, (*talk[:2], follows, *talk[3:]))
        return talk


class _Walk(Protocol):
    def __call__(
        self,
        begin: int,
        end: int,
        talk: Conversation,
        speakers: list[str | None],
        ranked: list[ranker.Ranked],
        states: list[Conversation] | None = None,
        /,
    ) -> Conversation: ...


# A child reads on from an empty conversation this many quotations before the
# middle, and records the conversation before each of this many after it.
WARM_UP = 100
CHECKED = 400


def _in_halves(
    walk: _Walk,
    count: int,
    speakers: list[str | None],
    ranked: list[ranker.Ranked],
    prepare: Callable[[int, int], None] = lambda begin, end: None,
) -> None:
    """``walk`` over ``count`` quotations, the later half in a second process
    (``halves``), with the results of one.

    The conversation carries each quotation's speaker to the next, so the
    later half cannot be read without the first; but what it carries is
    bounded (the last turns, the last speaker, the last descriptions), and
    read on from an empty one a few hundred quotations back it comes to the
    same state as the true one. So a child reads on from ``WARM_UP``
    quotations before the middle to the end, recording the conversation
    before each of the ``CHECKED`` quotations from the middle; the parent
    reads the first half, then on one quotation at a time until its
    conversation equals the child's there. From that quotation on the
    child's speakers and entries are the parent's: each step is a pure
    function of the conversation before it and of values the child holds
    copies of (the quotations, what they hear, the people, the ranker's
    weights: ``walk`` writes nothing else). If the two never meet, or the
    child fails, the parent reads on alone. ``prepare(begin, end)`` makes
    what ``walk`` reads of quotations ``begin`` to ``end`` (the ranker's
    look-ahead), each process its own part."""
    import os

    cut = min(count, (count + WARM_UP) // 2)
    parent = os.getpid()

    def later() -> Walked | None:
        if os.getpid() == parent:  # the child failed: the parent reads on alone
            return None
        return walk_later(walk, prepare, cut, count)

    child = halves.background(later, True)
    prepare(0, cut)
    talk = walk(0, cut, Conversation(), speakers, ranked)
    take_over(walk, prepare, cut, count, talk, speakers, ranked, child.result())


# What a second process hands back of its walk over the later part of the
# quotations (``walk_later``): the conversation before each of the
# ``CHECKED`` quotations from ``cut``, their speakers from ``cut`` on, and the
# ranked entries of those.
Walked = tuple[list[Conversation], list[str | None], list[ranker.Ranked]]


def walk_later(walk: _Walk, prepare: Callable[[int, int], None], cut: int, count: int) -> Walked:
    """The walk of a second process over quotations ``cut`` to ``count``, read
    on from an empty conversation ``WARM_UP`` quotations before ``cut``
    (``_in_halves``)."""
    begin = max(0, cut - WARM_UP)
    states: list[Conversation] = []
    theirs: list[str | None] = []
    entries: list[ranker.Ranked] = []
    prepare(begin, count)
    walk(begin, count, Conversation(), theirs, entries, states)
    return (
        states[cut - begin : cut - begin + CHECKED],
        theirs[cut - begin :],
        [entry for entry in entries if entry.at >= cut],
    )


def take_over(
    walk: _Walk,
    prepare: Callable[[int, int], None],
    cut: int,
    count: int,
    talk: Conversation,
    speakers: list[str | None],
    ranked: list[ranker.Ranked],
    theirs: Walked | None,
) -> int:
    """The walk over quotations ``cut`` to ``count`` read on from ``talk``,
    the conversation after the first ``cut``: the second process's
    (``walk_later``: ``theirs``, None if it failed) from the first quotation
    whose conversation before it is the same in both, else this process's
    own. Which quotation that is (``count`` if none)."""
    at = cut
    if theirs is not None:
        states, said, entries = theirs
        for state in states:
            if state == talk:  # the same conversation: the child's from here on
                speakers.extend(said[at - cut :])
                ranked.extend(entry for entry in entries if entry.at >= at)
                return at
            if at == cut:  # (mostly they meet at once)
                prepare(cut, cut + len(states))
            talk = walk(at, at + 1, talk, speakers, ranked)
            at += 1
    prepare(at, count)
    walk(at, count, talk, speakers, ranked)
    return count


def decode(
    ranked: Sequence[ranker.Ranked],
    speakers: list[str | None],
    decoded: dict[tuple[int, int], list[str | None]] | None = None,
    after: int = 0,
) -> None:
    """``speakers`` with the runs of ``ranked`` decoded (``ranker.decode``);
    ``decoded``: runs already decoded by a second process, by the indices of
    their first and last quotations, taken for a run wholly from quotation
    ``after`` on, whose entries are that process's (``decoded_runs``)."""
    for run in ranker.runs(ranked):
        if len(run) < 2:
            continue
        names = decoded.get((run[0].at, run[-1].at)) if decoded and run[0].at >= after else None
        for entry, name in zip(run, names or ranker.decode_run(run), strict=True):
            speakers[entry.at] = name


def decoded_runs(ranked: Sequence[ranker.Ranked]) -> dict[tuple[int, int], list[str | None]]:
    """The runs of ``ranked`` decoded, by the indices of their first and last
    quotations (what ``decode`` takes from a second process)."""
    return {
        (run[0].at, run[-1].at): ranker.decode_run(run)
        for run in ranker.runs(ranked)
        if len(run) >= 2
    }


# What the ranker reads ahead of a quotation (``_ahead``) depends on the
# quotations around it only: the next speech quotation in its paragraph, the
# turns of the AHEAD paragraphs after it, and its run of turns
# (``dialogue.features``: the turns up to RUN_REACH either side, in its run).
# So quotations ``begin`` to ``end`` read what the whole text gives them from
# a window of whole paragraphs that holds this many turns more on each side
# (twice what the features reach, and more than AHEAD paragraphs).
AHEAD_MARGIN = 2 * dialogue.RUN_REACH + ranker.AHEAD + 2


def _ahead_part(
    quotes: Sequence[Quote], heard: dict[int, Speech], people: People, begin: int, end: int
) -> list[ranker.Ahead]:
    """``_ahead(quotes, heard, people)[begin:end]``, from a window around them
    (``AHEAD_MARGIN``; tests compare the two)."""
    low = _widened(quotes, begin, -1)
    high = _widened(quotes, end - 1, 1) + 1
    part = {at - low: speech for at, speech in heard.items() if low <= at < high}
    return _ahead(quotes[low:high], part, people)[begin - low : end - low]


def reach_back(quotes: Sequence[Quote], at: int) -> int:
    """The first of ``quotes`` that what the walk reads ahead of quotation
    ``at`` on reads (``_ahead_part``): 0 if the window reaches the start."""
    return _widened(quotes, at, -1)


def reach_on(quotes: Sequence[Quote], at: int) -> int:
    """The last of ``quotes`` that what the walk reads ahead of the
    quotations up to ``at`` reads (``_ahead_part``), the one after it looked
    at too."""
    return _widened(quotes, at, 1)


def _widened(quotes: Sequence[Quote], at: int, step: int) -> int:
    """From quotation ``at``, the far end (``step`` -1: back, 1: on) of the
    paragraphs beyond its own up to the one with the ``AHEAD_MARGIN``-th
    turn, whole."""
    last = len(quotes) - 1
    paragraph = quotes[at].stretch.paragraph.number
    turns = 0
    counted = True  # (its own paragraph's turn is not beyond it)
    while 0 <= at + step <= last:
        quote = quotes[at + step]
        number = quote.stretch.paragraph.number
        if number != paragraph:
            if turns >= AHEAD_MARGIN:
                break
            paragraph, counted = number, False
        if not counted and quote.kind == SPEECH and quote.stretch.opens_paragraph:
            turns, counted = turns + 1, True
        at += step
    return at


def _ahead(quotes: Sequence[Quote], heard: dict[int, Speech], people: People) -> list[ranker.Ahead]:
    """For each of ``quotes``, what the text says of the speech quotations
    after it: the speaker an attribution names of the next one in its
    paragraph, if nobody is named between them, and of the turns of the
    paragraphs just after it (as long as each holds one), the speaker named,
    the pronoun's gender and the name it calls out."""
    turns: dict[int, tuple[str | None, Gender | None, str | None]] = {}
    later: list[str | None] = [None] * len(quotes)
    following: Quote | None = None  # the next speech quotation
    for at in range(len(quotes) - 1, -1, -1):
        quote = quotes[at]
        if quote.kind != SPEECH:
            continue
        stretch = quote.stretch
        paragraph = stretch.paragraph
        number = paragraph.number
        if (
            following is not None
            and following.stretch.paragraph.number == number
            and following.attribution is not None
            and following.attribution.name
            and following.stretch.start >= stretch.end
            and not people.named_between(stretch.end, following.stretch.start, None)
        ):
            later[at] = following.attribution.name
        following = quote
        attribution = quote.attribution
        name = attribution.name if attribution else None
        if stretch.spans[0].start - paragraph.clean_start <= OPENS_PARAGRAPH:  # (a turn)
            gender = None
            if attribution is not None and not attribution.goes_on:
                reference = attribution.reference
                if reference is not None and not reference.relation:
                    gender = reference.gender
            addressee = heard[at].addressee
            turns[number] = (name, gender, addressee if addressee != name else None)
    runs = None
    if ranker.RUNS:
        called = [heard[at].addressee if at in heard else None for at in range(len(quotes))]
        runs = dialogue.features(quotes, people, called)
    result = []
    steps = range(1, ranker.AHEAD + 1)
    # (the turns after a paragraph: the same for each of its quotations)
    number, run = -1, ranker.Ahead().turns
    for at, quote in enumerate(quotes):
        if quote.stretch.paragraph.number != number:
            number = quote.stretch.paragraph.number
            after = []
            for step in steps:
                turn = turns.get(number + step)
                if turn is None:
                    break
                after.append(turn)
            run = tuple(after)
        result.append(_new(ranker.Ahead, (later[at], run, runs[at] if runs else ())))
    return result


def decide(speech: Speech, talk: Conversation, people: People) -> tuple[str, str | None]:
    """The first rule that applies, by name ("" if none), and the speaker it gives."""
    rules = RULES
    if rules is _SHIPPED:
        # Each rule of 2 applies only with a reference, each of 3 only without an
        # attribution's name or reference, and rule 1 with a name: only that group is tried
        attribution = speech.quote.attribution
        if attribution is None:
            rules = _WITHOUT
        elif attribution.name is not None:
            return SURE, attribution.name
        else:
            rules = _WITHOUT if attribution.reference is None else _BY_REFERENCE
    for rule in rules:
        verdict = rule(speech, talk, people)
        if verdict is not None:
            return rule.__name__, verdict.speaker
    return "", None


def _hear(text: str, quote: Quote, people: People) -> Speech:
    name = quote.attribution.name if quote.attribution else None
    addressee = _vocative(text, quote.stretch, people, name)
    reference = quote.attribution.reference if quote.attribution else None
    owner = None
    if reference is not None and reference.relation:
        owner = _owner(reference, addressee, quote.stretch.start, people)
    described = None
    if (
        ranker.DESCRIPTIONS
        and reference is not None
        and reference.gender
        and not reference.relation
    ):
        described = _described(text, quote.stretch)
    named = not_speakers(text, quote.stretch, people)
    return Speech(quote, addressee, named, owner, described)


# "cried the old lady", "the girl answered": a gendered description next to the quote
_DESCRIBED_AFTER = re.compile(
    r"[^\w\n]{0,4}\s*(?:[a-z]+\s+){0,2}?the\s+((?:[a-z-]+\s+){0,2}[a-z-]+)"
)
_DESCRIBED_BEFORE = re.compile(
    r"\b[Tt]he\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+[a-z]+(?:\s+[a-z]+)?[,:]?\s*\W?$"
)
# A word of address in a quotation: "Yes, sir.", "Madam, I ...", "my dear girl!" (the
# look-ahead lets the engine skip to a word's first letter; what stands before it is
# checked after: a sentence's start, a comma, "my" or "dear")
_ADDRESS = re.compile(
    r"(?=[SsMmbgfw])\b(?P<word>[Ss]ir|[Mm]adam|[Mm]a['\u2019]am|[Mm]iss|[Mm]y\s+lord|[Mm]y\s+lady"
    r"|boy|girl|fellow|man|woman)(?=\s*[,.!?;\u2014\u2013-])"
)
_ADDRESS_BEFORE = re.compile(r"(?:^|[,;:!?.\"'\u201c\u2018]|\b(?:my|dear))\s*$")
_ADDRESS_GENDER = {
    "sir": Gender.MALE,
    "madam": Gender.FEMALE,
    "ma'am": Gender.FEMALE,
    "ma\u2019am": Gender.FEMALE,
    "miss": Gender.FEMALE,
    "my lord": Gender.MALE,
    "my lady": Gender.FEMALE,
    "boy": Gender.MALE,
    "girl": Gender.FEMALE,
    "fellow": Gender.MALE,
    "man": Gender.MALE,
    "woman": Gender.FEMALE,
}


def _described(text: str, stretch: Stretch) -> str | None:
    """The description "the old lady" next to the quotation, up to its gendered noun."""
    end = stretch.spans[0].end
    match = _DESCRIBED_AFTER.match(text, end, end + 50)
    if match is None:
        start = stretch.start - 1
        match = _DESCRIBED_BEFORE.search(
            text, max(stretch.paragraph.clean_start, start - 50), start
        )
    if match is None:
        return None
    words = match.group(1).split()
    for last, word in enumerate(words):
        if word_gender(word) is not None:
            return " ".join(words[: last + 1])
    return None


def _address_gender(text: str, stretch: Stretch) -> Gender | None:
    """The gender of the first word of address in the quotation, if any."""
    search = _ADDRESS.search
    for floor, end in stretch.spans:
        ends = end - ADDRESS_REACH
        if ends <= floor + ADDRESS_REACH:
            if search(text, floor, end):  # (mostly none: the quick way)
                found = _first_address(text, floor, end, floor)
                if found is not None:
                    return found
            continue
        if search(text, floor, floor + ADDRESS_REACH):
            found = _first_address(text, floor, floor + ADDRESS_REACH, floor)
            if found is not None:
                return found
        if search(text, ends, end):
            found = _first_address(text, ends, end, floor)
            if found is not None:
                return found
    return None


def _first_address(text: str, start: int, end: int, floor: int) -> Gender | None:
    for match in _ADDRESS.finditer(text, start, end):
        at = match.start()
        if at == floor or _ADDRESS_BEFORE.search(text, max(floor, at - 8), at):
            return _ADDRESS_GENDER.get(" ".join(match.group("word").lower().split()))
    return None


def _vocative(text: str, stretch: Stretch, people: People, speaker: str | None) -> str | None:
    """The first name addressed in the quotation ("My dear Mr. Lark,"), not its speaker."""
    for span in stretch.spans:
        vocative = _VOCATIVE_INSIDE if span.start else _VOCATIVE
        for match in vocative.finditer(text, span.start, span.end):
            name = people.clean(match.group("name"))
            name = people.person(name) if name else None
            if name and name != speaker:
                return name
    return None


def _owner(
    reference: Reference, addressee: str | None, position: int, people: People
) -> str | None:
    """Whose relation "her aunt" is: the one spoken to, if the gender fits,
    else the last person of the owner's gender named."""
    if addressee and people.gender.get(addressee) in (reference.owner, None):
        return addressee
    return people.recent(position, reference.owner)


def _after(
    talk: Conversation, speech: Speech, speaker: str | None, sure: bool = False
) -> Conversation:
    """The conversation once ``speech`` has been given ``speaker`` (``sure``:
    by an attribution that names it)."""
    stretch = speech.quote.stretch
    spans, paragraph = stretch.spans, stretch.paragraph
    number = paragraph.number
    # (the named tuples made without their ``__new__``'s call: one a quotation)
    last = _new(LastSpeech, (number, speaker, spans[-1].end)) if speaker else None
    addressee = speech.addressee
    if addressee == speaker:
        addressee = None
    said = talk.said
    if ranker.SAID_FEATURES:
        said = (*said, Said(number, speaker, addressee))[-SAID_KEPT:]
    described = talk.described
    if speech.described and speaker:
        described = (*described, (speech.described, number, speaker))[-DESCRIBED_KEPT:]
    called = _new(Called, (number, addressee))
    heard = called if ranker.CALLED_LAST else None
    voices = talk.voices
    if ranker.VOICES and speaker and (not voices or voices[-1] != speaker):
        voices = (*(v for v in voices if v != speaker), speaker)[-VOICES_KEPT:]
    turns = talk.turns
    if spans[0].start - paragraph.clean_start > OPENS_PARAGRAPH:  # (not ``opens_paragraph``)
        inside = True  # a quote inside narration, not after a turn in its paragraph
        for turn in reversed(turns):  # (the turns come in the order of their paragraphs)
            if turn.paragraph != number:
                break
            if turn.speaker:
                inside = False  # (``_same_paragraph``)
                break
        if inside:
            return _new(Conversation, (turns, talk.called, last, said, described, heard, voices))
    turns = (*turns, _new(Turn, (number, speaker, sure)))
    if len(turns) > TURNS_KEPT:
        turns = turns[-TURNS_KEPT:]
    return _new(Conversation, (turns, called, last, said, described, heard, voices))


_new = tuple.__new__


# --- what the rules read of the conversation ---------------------------------------


def _same_paragraph(speech: Speech, talk: Conversation) -> list[str]:
    """The speakers of the turns before it in its own paragraph."""
    number = speech.paragraph  # (a property: read once, not once a turn)
    found: list[str] = []
    for turn in reversed(talk.turns):  # (the turns come in the order of their paragraphs)
        if turn.paragraph != number:
            break
        if turn.speaker:
            found.append(turn.speaker)
    found.reverse()
    return found


def _answerer(speech: Speech, talk: Conversation) -> str | None:
    """The one the turn in the paragraph before called by name, unless it names them."""
    called = talk.called
    if called is None or called.paragraph != speech.paragraph - 1:
        return None
    return None if called.name in speech.named else called.name


def _dialogue(speech: Speech, talk: Conversation) -> list[str]:
    """The speakers of the turns in the DIALOGUE_REACH paragraphs before."""
    number = speech.paragraph
    found: list[str] = []
    for turn in reversed(talk.turns):  # (the turns come in the order of their paragraphs)
        back = number - turn.paragraph
        if back > DIALOGUE_REACH:
            break
        if back >= 1 and turn.speaker:
            found.append(turn.speaker)
    found.reverse()
    return found


def _in_dialogue(speech: Speech, talk: Conversation) -> bool:
    """The paragraph before is a turn with a speaker."""
    return (
        bool(talk.turns)
        and talk.turns[-1].paragraph == speech.paragraph - 1
        and talk.turns[-1].speaker is not None
    )


# --- 1. an attribution that names the speaker ------------------------------------


def named_by_attribution(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """1. "said Nora": Nora."""
    return Verdict(speech.name) if speech.name is not None else None


# --- 2. an attribution by a pronoun or a relation -----------------------------------


def goes_on(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2a. "she added": the last speaker, if nobody of her gender was named since."""
    last = talk.last
    if speech.reference is None or not speech.goes_on or last is None:
        return None
    gender = speech.reference.gender
    if (
        speech.paragraph - last.paragraph <= GOES_ON_REACH
        and last.speaker not in speech.named
        and people.gender.get(last.speaker) in (gender, None)
        and not people.named_between(last.end, speech.stretch.start, gender)
    ):
        return Verdict(last.speaker)
    return None


def answers_by_pronoun(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2b. "Yes, Mr. Lark," ... "No," he said: Mr. Lark answers."""
    if speech.reference is None:
        return None
    answerer, gender = _answerer(speech, talk), speech.reference.gender
    if answerer and gender and people.gender.get(answerer) == gender:
        return Verdict(answerer)
    return None


def relation(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2c. "his wife said": Mrs. Lark, when "his" is Mr. Lark."""
    if speech.reference is None or not speech.reference.relation or speech.owner is None:
        return None
    related = people.related(speech.owner, speech.reference.relation, speech.stretch.start)
    return Verdict(related) if related and related not in speech.named else None


def named_in_its_paragraph(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2d. "Nora read it; her hands shook. "No!" she cried.": Nora."""
    reference = speech.reference
    if reference is None or not reference.gender or reference.relation:
        return None
    position = speech.stretch.start
    window = position - speech.stretch.paragraph.clean_start
    local = people.recent(position, reference.gender, exclude=speech.excluded, window=window)
    if local is not None and people.gender.get(local) == reference.gender:
        return Verdict(local)
    return None


def alternates_by_pronoun(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2e. A, B, then "she said": A, if A is a woman."""
    if speech.reference is None or not _in_dialogue(speech, talk):
        return None
    dialogue, gender = _dialogue(speech, talk), speech.reference.gender
    if (
        len(dialogue) >= 2
        and dialogue[-2] != dialogue[-1]
        and dialogue[-2] not in speech.excluded
        and (not gender or people.gender.get(dialogue[-2]) == gender)
    ):
        return Verdict(dialogue[-2])
    return None


def another_in_the_dialogue(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2f. In a dialogue, "she said": a woman who spoke in it, not the last speaker."""
    if speech.reference is None or not speech.reference.gender or not _in_dialogue(speech, talk):
        return None
    exclude = _and_the_last_speaker(speech, talk)
    found = _last_to_speak(talk, speech.reference.gender, exclude, people)
    return Verdict(found) if found is not None else None


def last_named(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2g. "she said": the last woman named."""
    if speech.reference is None:
        return None
    position, gender = speech.stretch.start, speech.reference.gender
    first = people.recent(position, gender, exclude=_and_the_last_speaker(speech, talk))
    found = first or people.recent(position, gender, exclude=speech.excluded)
    return Verdict(found) if found is not None else None


def spoke_lately(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """2h. "she said", no woman named lately: the last woman who spoke."""
    if speech.reference is None or not speech.reference.gender:
        return None
    found = _last_to_speak(talk, speech.reference.gender, speech.excluded, people)
    return Verdict(found) if found is not None else None


def _last_to_speak(
    talk: Conversation, gender: Gender, exclude: frozenset[str], people: People
) -> str | None:
    """The last speaker of ``gender`` in the turns kept, but those in ``exclude``."""
    for turn in reversed(talk.turns):
        name = turn.speaker
        if name and name not in exclude and people.gender.get(name) == gender:
            return name
    return None


def _and_the_last_speaker(speech: Speech, talk: Conversation) -> frozenset[str]:
    """Who cannot have said it, and in a dialogue its last speaker."""
    dialogue = _dialogue(speech, talk)
    if _in_dialogue(speech, talk) and dialogue:
        return speech.excluded | {dialogue[-1]}
    return speech.excluded


# --- 3. no attribution, or one that names nobody ---------------------------------------


def _unattributed(speech: Speech) -> bool:
    return speech.name is None and speech.reference is None


def same_paragraph(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """3a. '"Go," said Nora. She turned. "Now."': Nora again."""
    same = _same_paragraph(speech, talk) if _unattributed(speech) else []
    return Verdict(same[-1]) if same else None


def continues(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """3b. News: a quotation inside its paragraph, after another with no one else
    named between: the running speaker ("...," said Ana Ruiz. "And ...")."""
    last = talk.last
    if (
        not _unattributed(speech)
        or last is None
        or speech.stretch.opens_paragraph
        or last.paragraph != speech.paragraph
        or last.speaker in speech.named
    ):
        return None
    if people.named_between(last.end, speech.stretch.start, None, but=last.speaker):
        return None
    return Verdict(last.speaker)


def answers_the_caller(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """3c. "Is it you, Ivo?" ... "It is.": Ivo."""
    answerer = _answerer(speech, talk) if _unattributed(speech) else None
    return Verdict(answerer) if answerer else None


def _turns(speech: Speech, talk: Conversation) -> list[Turn]:
    """The turns of the TURNS_REACH paragraphs before."""
    number = speech.paragraph
    found: list[Turn] = []
    for turn in reversed(talk.turns):  # (the turns come in the order of their paragraphs)
        if number - turn.paragraph > TURNS_REACH:
            break
        found.append(turn)
    found.reverse()
    return found


def alternates(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """3d. A, B, then an unattributed turn: A."""
    turns = _turns(speech, talk) if _unattributed(speech) else []
    if (
        len(turns) >= 2
        and turns[-1].paragraph == speech.paragraph - 1
        and turns[-2].speaker != turns[-1].speaker
        and turns[-2].speaker not in speech.named
    ):
        return Verdict(turns[-2].speaker)
    return None


def after_a_turn(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """3e. After A's turn, an unattributed one: the last person named but A."""
    turns = _turns(speech, talk) if _unattributed(speech) else []
    if turns and turns[-1].paragraph == speech.paragraph - 1 and turns[-1].speaker:
        exclude = {turns[-1].speaker, *speech.named}
        return Verdict(people.recent(speech.stretch.start, None, exclude=exclude))
    return None


def after_narration(speech: Speech, talk: Conversation, people: People) -> Verdict | None:
    """3f. After narration, an unattributed quotation: the last person named nearby."""
    if not _unattributed(speech):
        return None
    start = speech.stretch.start
    return Verdict(people.recent(start, None, exclude=speech.named, window=NARRATION_REACH))


# --- 4. nobody said what names them ------------------------------------------------------


def not_speakers(text: str, stretch: Stretch, people: People) -> frozenset[str]:
    """4. The people a quotation names, in every form ("Lark" and "Mr. Lark"),
    whom no rule of 2 or 3 but 3a makes its speaker."""
    return people.named_in(text, stretch.spans)


# The rules whose answer stands, never ranked: an attribution that names the
# speaker, and the pronoun rules that were right more often than the ranker
# held out (bench/train_speakers.py: 0.901 against 0.857, 0.849 against 0.822,
# 0.440 against 0.405, on 91, 73 and 84 quotations), and news's running
# speaker (0.327 against 0.265 on 49; the novels have few such quotations to
# learn it from, and a sentence's subject named before outweighed it).
FIXED = frozenset(
    {"named_by_attribution", "answers_by_pronoun", "relation", "goes_on", "continues"}
)


class _RulesOnly:
    """The rules' answer, unranked."""

    def choose(self, found: Sequence[ranker.Candidate], at: int) -> str | None:
        return next((c.name for c in found if "rule" in c.features), None)


RULES_ONLY = _RulesOnly()

# The rule whose answer the ranker reads as sure.
SURE = "named_by_attribution"

RULES: tuple[Rule, ...] = (
    named_by_attribution,
    goes_on,
    answers_by_pronoun,
    relation,
    named_in_its_paragraph,
    alternates_by_pronoun,
    another_in_the_dialogue,
    last_named,
    spoke_lately,
    same_paragraph,
    continues,
    answers_the_caller,
    alternates,
    after_a_turn,
    after_narration,
)
# (``decide``'s groups of the shipped rules: those of 2, and those of 3)
_SHIPPED = RULES
_BY_REFERENCE = RULES[RULES.index(goes_on) : RULES.index(spoke_lately) + 1]
_WITHOUT = RULES[RULES.index(same_paragraph) :]
