"""Journalism's speakers, read after the speaker rules: "he said" after a
sentence about someone, and runs of quoted lines.

News writing names its speaker as the subject of a sentence ("But Dana Lowe,
who chairs the committee, warned ministers.") and goes on with "he said",
often with more people, places and organisations named in between than a
novel would. And it quotes line after line of one speaker, with the
attribution on the first or on the last ("... nine years," Lowe later
recalled). Two passes over the speakers ``speakers.assign`` gave:

1. ``by_subject``: a quotation attributed by a pronoun ("he said") outside a
   dialogue is the speaker of the last quotation before it (not an
   unattributed line of its own run, which takes its speaker from it) or the last
   sentence subject before it, whichever came later, that can be that
   pronoun: a person whose gender is the pronoun's, or whose gender nothing
   tells but whose name is a person's (two words or a title, no word of an
   organisation's name: "Rachel Harvey", not "Indonesia" or "Lib Dem").
2. ``runs``: quotations on consecutive lines of one paragraph, each opening
   its line, are one speaker's: an unattributed one takes the speaker of the
   attributed line before it in the run, or, at the run's start, of the
   first attributed line after it.

The library's rule: nothing here prints or names a text's people.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence

from aleppo_cli.analysis.quotes.attribution import (
    ADVERB,
    VERB,
    described_subject,
    it_says,
    reported_speaker,
    said_by_it,
)
from aleppo_cli.analysis.quotes.model import NARRATOR, SPEECH, Gender, Quote
from aleppo_cli.analysis.quotes.people import PARTICLES, People, is_honorific
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document

# How far back a pronoun's subject or quotation may be: a few paragraphs of news.
SUBJECT_REACH = 1500
# A sentence's subject stands this close to its start: "Realising his error, Mr Lark".
SUBJECT_LEAD = 60

# Words of the names of organisations, places and events, never of a person.
_NOT_PERSON_WORDS = frozenset(
    """Party Council Association Office Committee Corporation Company International Bank Group
    Ltd Inc Plc University College School News Times Post Agency Authority Commission
    Department Ministry Service Services Fund Union Organisation Organization Foundation
    Institute Trust Club Society House Street Road Court Board Programme Program Centre
    Center Network Airlines Airways Telegraph Guardian Herald Journal Review Magazine Watch
    Election Budget Commons Parliament Government Assembly Senate Congress Republic Kingdom
    States Nations Europe European Council Federation League Museum Theatre Theater Festival
    Awards Award Prize Records Studios Pictures Motors Holdings Industries Systems Media
    Broadcasting Television Radio Police Army Navy Force Forces Church Cathedral City County
    Province Island Islands River Mountains Valley Airport Station Hospital Prison List""".split()
)
# words that open a sentence before a name, never a person's name's first word
_FUNCTION_WORDS = frozenset(
    """from to by for with in at on of into through under over after before near beyond
    across along behind towards toward upon within without during since until""".split()
)
# a pronoun before a name is its sentence's subject: "He said Mr Lark had ..."
_PRONOUN = re.compile(rf"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I)\s+{ADVERB}{VERB}\b")
# a preposition or a verb before a name makes it an object, not the subject
# ("in", "starring", "beating")
_GOVERNED = re.compile(
    r"\b(?:in|at|on|for|of|from|to|with|by|after|about|against|into|during|under|over|"
    r"than|like|between|among|and|or|(?-i:[a-z]+ing))\s+(?:the\s+)?(?-i:[A-Z][A-Z&\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# a name right before its verb of saying: "..., Mr Lark said that"
_SAYS = re.compile(rf"\s+{ADVERB}{VERB}\b")


def person_like(name: str, people: People) -> bool:
    """Whether ``name`` is a person's: a gender is known for it, or it has two
    words or a title and no word of an organisation's or a place's name."""
    words = name.replace("’s", "").replace("'s", "").split()
    if name == NARRATOR or (len(words) == 1 and name.endswith("ing")):
        return False  # "Realising his error, ...": no name
    if words[0].lower() in _FUNCTION_WORDS:
        return False  # "From Ashworth the road ran north": a sentence's first word
    if people.gender.get(name) is not None:
        return True
    if any(word in _NOT_PERSON_WORDS for word in words):
        return False
    return len(words) >= 2 and (
        is_honorific(words[0]) or all(w[:1].isupper() or w in PARTICLES for w in words)
    )


def revise(
    document: Document, quotes: Sequence[Quote], speakers: Sequence[str | None], people: People
) -> tuple[str | None, ...]:
    """The speakers of ``quotes``, with journalism's two passes applied."""
    *_, last = _passes(document, quotes, speakers, people)
    return last


def _passes(
    document: Document, quotes: Sequence[Quote], speakers: Sequence[str | None], people: People
) -> Iterator[tuple[str | None, ...]]:
    """``revise``'s passes in turn: the speakers after each of the first
    three, then ``revise``'s (after ``runs``)."""
    text = document.clean.text
    starts = sorted(s.clean_start for p in document.paragraphs for s in p.sentences)
    found = list(speakers)
    for index, quote in enumerate(quotes):
        if quote.kind != SPEECH or quote.attribution is None:
            continue
        reference = quote.attribution.reference
        if reference is None or reference.relation or reference.gender is None:
            continue
        if _in_dialogue(quotes, index):
            continue
        speaker = by_subject(text, starts, quotes, found, index, reference.gender, people)
        if speaker is not None:
            found[index] = speaker
    yield tuple(found)
    said = reported(text, starts, quotes, found, people)
    yield tuple(found)
    for index, quote in enumerate(quotes):
        said_it = quote.attribution
        if said_it is None or said_it.name is not None or said_it.reference is not None:
            continue  # "it said" is an attribution that names nobody
        if quote.kind == SPEECH and said_by_it(text, quote.stretch) is not None:
            body = by_it(text, starts, quotes, found, index, people)
            if body is not None:
                found[index] = body
    yield tuple(found)
    yield runs(text, quotes, found, said)


# A second process's revision of the quotations from ``split`` on
# (``revise_later``): ``split`` and ``window`` (``split_at``); the speakers
# it revised from ``window`` on; the speakers of ``window`` to ``split``
# after each pass; the revised speakers from ``split`` on.
Later = tuple[int, int, list[str | None], list[tuple[str | None, ...]], tuple[str | None, ...]]
# The quotations a second process revises before those it hands back, at least.
LATER_WARM_UP = 100


def split_at(text: str, quotes: Sequence[Quote], start: int) -> tuple[int, int] | None:
    """Where a second process that holds the quotations from number
    ``start`` on hands back its revision (``split``), and the first quotation
    whose speaker the passes over those from ``split`` on read (``window``).

    Each pass reads back only the speakers of quotations ending less than
    ``SUBJECT_REACH`` characters before the one at hand, and the quotations
    themselves no further back than the start of the run of quoted lines it
    is in (``split`` opens one). ``split`` is the first such quotation at
    least ``SUBJECT_REACH`` characters after the ``LATER_WARM_UP``-th from
    ``start``, so that ``window`` is after it. None if there is none."""
    first = start + LATER_WARM_UP
    if first >= len(quotes):
        return None
    edge = quotes[first - 1].stretch.end + SUBJECT_REACH
    split = first
    while split < len(quotes) and (
        quotes[split].stretch.start < edge or _follows(text, quotes[split - 1], quotes[split])
    ):
        split += 1
    if split == len(quotes):
        return None
    low = quotes[split].stretch.start - SUBJECT_REACH
    window = first
    while quotes[window].stretch.end <= low:
        window += 1
    return split, window


def revise_later(
    document: Document,
    quotes: Sequence[Quote],
    speakers: Sequence[str | None],
    people: People,
    base: int,
) -> Later | None:
    """``revise`` of the quotations of a text from number ``base`` on
    (``quotes``, with their ``speakers``), by a second process: what
    ``revise_with`` takes to give the speakers from ``split`` on
    (``split_at``). They are the whole text's if this process's speakers from
    ``window`` on are the whole text's after each pass (those before
    ``window`` are read on from ``base`` only): ``revise_with`` checks. None
    if there is no split."""
    at = split_at(document.clean.text, quotes, 0)
    if at is None:
        return None
    split, window = at
    *passes, last = _passes(document, quotes, speakers, people)
    return (
        base + split,
        base + window,
        list(speakers[window:]),
        [found[window:split] for found in passes],
        last[split:],
    )


def revise_with(
    document: Document,
    quotes: Sequence[Quote],
    speakers: Sequence[str | None],
    people: People,
    later: Callable[[], Later | None] | None,
    start: int,
) -> tuple[str | None, ...] | None:
    """``revise`` with the speakers from the split on taken from the
    revision of a second process that holds the quotations from number
    ``start`` on (``later()``; ``revise_later``), if they are the whole
    text's: the speakers it revised are these, and after each pass over those
    before the split, those from its window on are its own; this process
    revises only those before the split meanwhile. ``quotes``: those up to
    the split and the split itself, at least. None if not taken."""
    at = split_at(document.clean.text, quotes, start) if later is not None else None
    if at is None or later is None:
        return None
    split, window = at
    *passes, last = _passes(document, quotes[:split], speakers[:split], people)
    theirs = later()
    if theirs is None:
        return None
    their_split, their_window, revised, checked, their_last = theirs
    if (
        (their_split, their_window) != at
        or list(speakers[window:]) != revised
        or [found[window:] for found in passes] != checked
    ):
        return None
    return (*last, *their_last)


def _is_body(name: str | None, people: People) -> bool:
    """A speaker that "it" can be: an organisation or a description of one."""
    if not name or name == NARRATOR:
        return False
    if name.startswith("the "):
        last = name.split()[-1]
        return not last.endswith("s") or last[:1].isupper()
    return not person_like(name, people) and len(name.split()) >= 2


def by_it(
    text: str,
    starts: Sequence[int],
    quotes: Sequence[Quote],
    speakers: Sequence[str | None],
    index: int,
    people: People,
) -> str | None:
    """The organisation an "it said" is: the latest speaker before quotation
    ``index`` that is a body, by a quotation or a sentence of reported speech."""
    position = quotes[index].stretch.start
    low = position - SUBJECT_REACH
    found: tuple[int, str] | None = None
    for i in range(index - 1, -1, -1):
        if quotes[i].stretch.end <= low:
            break
        if quotes[i].kind == SPEECH and _is_body(speakers[i], people):
            found = (quotes[i].stretch.end, str(speakers[i]))
            break
    first = bisect_left(starts, max(0, low, found[0] if found else 0))
    last = bisect_left(starts, position) - 1
    for number in range(last - 1, first - 1, -1):  # the sentences before this one's
        sentence = text[starts[number] : starts[number + 1]]
        if any(mark in sentence for mark in quotemarks.ENGLISH):
            continue
        name = described_subject(sentence) or reported_speaker(sentence, people)
        if _is_body(name, people):
            return name
    return found[1] if found else None


def reported(
    text: str,
    starts: Sequence[int],
    quotes: Sequence[Quote],
    speakers: list[str | None],
    people: People,
) -> frozenset[int]:
    """Quotations opening a line with no attribution of their own, after a
    line of reported speech ("Ms Lark, who chairs it, tells the panel that
    ...", "..., said Mr Lark."): the reported speaker's, as news goes on with
    its speaker. The numbers of the quotations so given a speaker."""
    given = set()
    for index, quote in enumerate(quotes):
        if quote.kind != SPEECH or quote.attribution is not None or not _opens_line(text, quote):
            continue
        end = quote.stretch.start - 1  # the opening mark
        while end > 0 and text[end - 1].isspace():
            end -= 1
        line = text[text.rfind("\n", 0, end) + 1 : end]
        if not line or any(mark in line for mark in quotemarks.ENGLISH):
            continue  # a quoted line before: ``runs`` reads it
        line = line[line.rfind(". ", 0, len(line) - 1) + 1 :]  # its last sentence
        speaker = (
            by_it(text, starts, quotes, speakers, index, people)
            if it_says(line)
            else reported_speaker(line, people)
        )
        if speaker is not None and (person_like(speaker, people) or speaker.startswith("the ")):
            speakers[index] = speaker
            given.add(index)
    return frozenset(given)


def _in_dialogue(quotes: Sequence[Quote], index: int) -> bool:
    """A turn of dialogue: the quotation opens its paragraph, and the
    paragraph before opens with a quotation too."""
    stretch = quotes[index].stretch
    if not stretch.opens_paragraph:
        return False
    number = stretch.paragraph.number
    return any(
        q.stretch.paragraph.number == number - 1 and q.stretch.opens_paragraph
        for q in quotes[max(0, index - 4) : index]
    )


def by_subject(
    text: str,
    starts: Sequence[int],
    quotes: Sequence[Quote],
    speakers: Sequence[str | None],
    index: int,
    gender: Gender,
    people: People,
) -> str | None:
    """The last quotation's speaker or sentence subject before quotation
    ``index`` that can be a pronoun of ``gender`` (see the module's doc)."""
    quote = quotes[index]
    position = quote.stretch.start
    inside = " ".join(text[span.start : span.end] for span in quote.stretch.spans)

    def fits(name: str | None, said: bool = False) -> bool:
        if not name or _named_inside(name, inside):
            return False
        if said and name.startswith(("a ", "an ", "the ")):
            return True  # a speaker the text describes: "a spokeswoman for Acme"
        if not person_like(name, people):
            return False
        known = people.gender.get(name)
        return known is None or known == gender

    low = position - SUBJECT_REACH
    spoken = None
    # the unattributed lines of its own run before it take their speaker from it (``runs``)
    first = index
    while first > 0 and _follows(text, quotes[first - 1], quotes[first]):
        first -= 1
    for i in range(index - 1, -1, -1):
        if quotes[i].stretch.end <= low:
            break
        if i >= first and not _attributed(quotes[i]):
            continue
        if quotes[i].kind == SPEECH and fits(speakers[i], said=True):
            spoken = (quotes[i].stretch.end, speakers[i])
            break
    if spoken is not None:
        low = max(low, spoken[0])
    described = _described(text, starts, low, position)
    if described is not None:
        low = described[0]
        spoken = described
    mention = bisect_left(people.positions, position) - 1
    while mention >= 0 and people.positions[mention] > low:
        name = people.names[mention]
        if fits(name) and _subject(text, starts, people, mention):
            return name
        mention -= 1
    if spoken is not None:
        return spoken[1]
    return None


def _described(text: str, starts: Sequence[int], low: int, position: int) -> tuple[int, str] | None:
    """The last sentence between ``low`` and ``position`` that a description
    of one person opens as the subject of a verb of saying ("In a furious
    response, the first minister said ..."): where, and the description."""
    first, last = bisect_left(starts, max(0, low)), bisect_left(starts, position) - 1
    for number in range(last - 1, first - 1, -1):
        sentence = text[starts[number] : starts[number + 1]]
        name = described_subject(sentence)
        if name is not None and not name.split()[-1].endswith("s"):
            words = name.split()
            if not any(word.capitalize() in _NOT_PERSON_WORDS for word in words[1:]):
                return starts[number], name
    return None


def _named_inside(name: str, inside: str) -> bool:
    """Whether a quotation's words ``inside`` name ``name`` (by a word of it
    other than a title): nobody is the speaker of what names them."""
    return any(
        word in inside
        for word in name.replace("’s", "").replace("'s", "").split()
        if word[:1].isupper() and not is_honorific(word)
    )


def _subject(text: str, starts: Sequence[int], people: People, mention: int) -> bool:
    """Whether mention number ``mention`` is its sentence's first person named,
    near its start, and not after a preposition."""
    at = people.positions[mention]
    sentence = starts[bisect_right(starts, at) - 1] if starts and starts[0] <= at else 0
    lead = text[sentence:at]
    if _GOVERNED.search(lead) is not None or _PRONOUN.search(lead) is not None:
        return False
    last = people.names[mention].split()[-1]
    said = text.find(last, at, at + 60)
    if said >= 0 and _SAYS.match(text, said + len(last)) is not None:
        return True  # "Speaking to the press in Ashby, Mr Lark said that"
    if at - sentence > SUBJECT_LEAD:
        return False
    before = mention - 1  # someone named before it in its sentence
    while before >= 0 and people.positions[before] >= sentence:
        if person_like(people.names[before], people):
            return False
        before -= 1
    lead = text[sentence:at]
    return _GOVERNED.search(lead) is None and _PRONOUN.search(lead) is None


def runs(
    text: str,
    quotes: Sequence[Quote],
    speakers: Sequence[str | None],
    said: frozenset[int] = frozenset(),
) -> tuple[str | None, ...]:
    """Quoted lines of one speaker: ``runs`` of the module's doc; the
    quotations numbered in ``said`` count as attributed."""
    found = list(speakers)
    run: list[int] = []
    for index, quote in enumerate(quotes):
        if run and _follows(text, quotes[run[-1]], quote):
            run.append(index)
            continue
        _settle(quotes, found, run, said)
        run = [index] if quote.kind == SPEECH else []
    _settle(quotes, found, run, said)
    return tuple(found)


def _opens_line(text: str, quote: Quote) -> bool:
    """A speech quotation whose opening mark starts a line."""
    start = quote.stretch.start - 1  # the opening mark
    return quote.kind == SPEECH and (start <= 0 or text[start - 1] == "\n")


def _follows(text: str, previous: Quote, quote: Quote) -> bool:
    """``quote`` opens the line right after ``previous``'s, in its paragraph."""
    if not _opens_line(text, quote) or quote.stretch.paragraph != previous.stretch.paragraph:
        return False
    return text.count("\n", previous.stretch.end, quote.stretch.start) == 1


def _attributed(quote: Quote) -> bool:
    said = quote.attribution
    return said is not None and (said.name is not None or said.reference is not None)


def _settle(
    quotes: Sequence[Quote], found: list[str | None], run: Sequence[int], given: frozenset[int]
) -> None:
    """Give a run's unattributed lines the speaker of its attributed ones."""
    if len(run) < 2:
        return
    said = [i for i in run if (_attributed(quotes[i]) or i in given) and found[i]]
    if not said:
        return
    current = found[said[0]]
    for i in run:
        if (_attributed(quotes[i]) or i in given) and found[i]:
            current = found[i]
        elif not _attributed(quotes[i]):
            found[i] = current
