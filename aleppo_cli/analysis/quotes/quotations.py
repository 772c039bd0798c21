"""Direct quotations, what kind they are, and who said them.

The public face of the package: ``find`` runs the stages in order, each
handing on immutable values (``model``):

1. ``stretches``: the quoted stretches of each paragraph, joined across an
   attribution or into the next paragraph;
2. ``people``: the people the text names outside them, with their genders;
3. ``attribution``: "said Nora", "she added" next to each stretch;
4. ``kind``: speech, title, nickname, scare quotes or other;
5. ``speakers``: who said each speech quotation, by rules tried in order.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import accumulate, chain, repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING
from typing import cast as cast_to

from aleppo_cli.analysis import patterns

# the stages compile their patterns at import: hand ``re`` the ready-compiled ones first
patterns.preload()

from aleppo_cli.analysis.quotes import (  # noqa: E402
    attribution,
    halves,
    kind,
    news,
    people,
    ranker,
    speakers,
    stretches,
)
from aleppo_cli.analysis.quotes.model import (  # noqa: E402
    NARRATOR,
    NICKNAME,
    OTHER,
    SCARE,
    SPEECH,
    TITLE,
    Attribution,
    Part,
    Person,
    Quotation,
    Quote,
    Span,
    SpeakerIndex,
    Stretch,
)
from aleppo_cli.text.collector import collector_paused  # noqa: E402
from aleppo_cli.text.document import Document, Sentence  # noqa: E402

if TYPE_CHECKING:
    from aleppo_cli.text.beside import Beside, Child

__all__ = [
    "NARRATOR",
    "NICKNAME",
    "OTHER",
    "SCARE",
    "SPEECH",
    "TITLE",
    "Part",
    "Person",
    "Quotation",
    "SpeakerIndex",
    "find",
]


def find(
    document: Document,
    names: Beside[people.WordsAndNames] | None = None,
    keep: Callable[[object], None] | None = None,
) -> list[Quotation]:
    """Every quoted stretch of ``document``, in order, speech or not
    (``names``: its words and name matches, if a child process of its build
    finds them, ``halves.names_beside``). ``keep``: given, what the stages
    made on the way (the stretches, the people, the quotes and what the
    speaker rules made of them) is handed to it, not freed as ``find``
    returns: a process that then leaves without freeing anything
    (``cli.main.leave``) saves freeing them one by one, some 0.015 s of CPU
    at the end of a novel's, which no second process shares; and they go to
    the collector's permanent generation with the quotations
    (``collector_paused``'s ``freeze``), so that no collection goes over
    them again (the first after a novel's took 30 million instructions)."""
    spent: list[object] = []
    # tens of thousands of small values, none in a cycle: the collections they set
    # off would go over the whole document each time (a tenth of the work on a novel)
    with collector_paused(freeze=keep is not None):
        found = _find(document, names, spent)
    if keep is not None:
        keep(spent)
    return found


def quotes_and_people(document: Document) -> tuple[list[Quote], people.People]:
    """The first stages: the quoted stretches with their attributions and
    kinds, and the people the text names (what the speaker rules read)."""
    quotes, _, cast = _quotes_heard_people(document)
    return quotes, cast


# What the speaker rules first read of a speech quotation (``speakers._hear``):
# its addressee, the people it names, the owner of its relation, the gendered
# description of its attribution.
_Heard = tuple[str | None, frozenset[str], str | None, str | None]


def _quotes_heard_people(
    document: Document, names: Beside[people.WordsAndNames] | None = None
) -> tuple[list[Quote], dict[int, speakers.Speech], people.People]:
    """The quotes, what the speaker rules read of each speech quotation (by
    index), and the people."""
    found, cast, _ = _stages(document, names)
    quotes, heard = _heard(found, _read(document.clean.text, found, cast))
    return quotes, heard, cast


# Where each quote stands, for its ``Quotation``: the offsets in the text as
# read of each of its spans (two a span, all quotes' in turn), and the number
# of the sentence it opens in, a quote at a time (``_placed``).
_Placed = tuple[Sequence[int], Sequence[int]]


def _stages(
    document: Document, names: Beside[people.WordsAndNames] | None
) -> tuple[Sequence[Stretch], people.People, halves.Pending[_Placed]]:
    """The quoted stretches, the people, and where the quotes stand
    (``_placed``) if a second process finds it: for a novel, the one that
    reads half of the people index's names, from the stretches alone."""
    text = document.clean.text
    # a novel's independent steps share the machine's second core (``halves``)
    # (the child finds the names too: the people index need not find them
    # again); the child that laid the text out finds them if it was asked to
    words: Beside[people.WordsAndNames] | halves.Pending[people.WordsAndNames]
    given: Callable[[], people.WordsAndNames]
    if names is not None and names.forked:
        words = names
        given = partial(names.result, text)
    else:
        words = halves.background(
            lambda: people.words_and_names(text), halves.worth_it(len(text), halves.LONG_TEXT)
        )
        given = words.result
    found = stretches.find(document)
    # where the quotes stand is found by the child that reads half of the
    # people index's names, once it has sent them (one fork fewer)
    placed = halves.deferred(lambda: _placed(document, found))
    spans = [Span(stretch.start, stretch.end) for stretch in found]
    cast = people.index(
        document,
        spans,
        found=given if words.forked else None,
        after=(placed,) if halves.worth_it(len(found), halves.MANY_STRETCHES) else (),
    )
    return found, cast, placed


# What ``_read`` reads of a stretch: its attribution, its kind, what the rules hear.
_Read = tuple[Attribution | None, str, _Heard | None]


def _read(text: str, found: Sequence[Stretch], cast: people.People) -> list[_Read]:
    """The attribution and kind of each of ``found``, and what the speaker
    rules read of it if it is speech."""
    read: list[_Read] = []
    for stretch in found:
        said = attribution.attribute(text, stretch, cast)
        kind_of = kind.of(text, stretch, said is not None)
        if kind_of != SPEECH:
            read.append((said, kind_of, None))
            continue
        speech = speakers._hear(text, Quote(stretch, said, kind_of), cast)
        read.append(
            (said, kind_of, (speech.addressee, speech.named, speech.owner, speech.described))
        )
    return read


def _heard(
    found: Sequence[Stretch], read: Sequence[_Read], base: int = 0
) -> tuple[list[Quote], dict[int, speakers.Speech]]:
    """The quotes of stretches ``found`` read (``_read``), and what the speaker
    rules read of each speech quotation, by its index (from ``base``)."""
    quotes = []
    heard = {}
    for at, (stretch, (said, kind_of, ears)) in enumerate(zip(found, read, strict=True), base):
        quote = Quote(stretch, said, kind_of)
        quotes.append(quote)
        if ears is not None:
            heard[at] = speakers.Speech(quote, *ears)
    return quotes, heard


def _find(
    document: Document, names: Beside[people.WordsAndNames] | None, spent: list[object]
) -> list[Quotation]:
    """``find``'s work (``spent``: gets what it made on the way)."""
    found, cast, placed = _stages(document, names)
    spent.extend((found, cast))
    text = document.clean.text
    if halves.worth_it(len(found), halves.MANY_STRETCHES):
        kinds, by = _in_two(document, found, cast, spent)
    else:
        quotes, heard = _heard(found, _read(text, found, cast))
        by = news.revise(document, quotes, speakers.assign(text, quotes, cast, heard=heard), cast)
        kinds = [quote.kind for quote in quotes]
        spent.extend((quotes, heard))
    known = _persons(cast, by)
    offsets, numbers = placed.result()  # (``_placed`` here if no child found it)
    return _finished(document, found, kinds, by, known, offsets, numbers)


def _finished(
    document: Document,
    found: Sequence[Stretch],
    kinds: Sequence[str],
    by: Sequence[str | None],
    known: dict[str, Person],
    offsets: Sequence[int],
    numbers: Sequence[int],
) -> list[Quotation]:
    """The quotations of ``found`` of kinds ``kinds`` said ``by``, where
    ``_placed`` found they stand (``offsets``, ``numbers``), made a field
    at a time over them all by C-level maps, the named tuples made by
    ``tuple.__new__`` (their own constructors are Python functions): on
    *War and Peace*, at the end that only this process runs, 76 million
    instructions where a loop over the quotations took 94."""
    raw = document.clean.raw
    spans = list(chain.from_iterable(map(_SPANS, found)))
    starts, ends = offsets[0::2], offsets[1::2]
    texts = map(raw.__getitem__, map(slice, starts, ends))
    cleaned = zip(starts, ends, map(_START, spans), map(_END, spans), texts, strict=True)
    parts = list(map(tuple.__new__, repeat(Part), cleaned))
    if len(parts) == len(found):  # a span each (one pair of quote marks)
        grouped: Iterable[tuple[Part, ...]] = zip(parts)
    else:
        bounds = list(accumulate(map(len, map(_SPANS, found)), initial=0))
        grouped = map(tuple, map(parts.__getitem__, map(slice, bounds[:-1], bounds[1:])))
    paragraphs = map(_PARAGRAPH, found)
    persons = map(cast_to("dict[str | None, Person]", known).get, by)  # (None for None)
    fields = zip(kinds, by, grouped, paragraphs, numbers, persons, strict=True)
    return list(map(tuple.__new__, repeat(Quotation), fields))


_SPANS = attrgetter("spans")
_PARAGRAPH = attrgetter("paragraph.number")
_START, _END = itemgetter(0), itemgetter(1)


# --- a novel's later part in a second process ---------------------------------------


def _in_two(
    document: Document, found: Sequence[Stretch], cast: people.People, spent: list[object]
) -> tuple[list[str], tuple[str | None, ...]]:
    """The kinds of the quotes of ``found`` and their speakers
    (``speakers.assign``, then ``news.revise``), the later part's read,
    walked and revised by one forked child (``_Later``) while this process
    does the earlier part's, with the results of one process: whatever does
    not come back whole, or cannot be taken as it is, is computed here."""
    from aleppo_cli.text.beside import Child

    count = len(found)
    cut = min(count, (count + speakers.WARM_UP) // 2 + _PARENT_MORE)
    told, tell = os.pipe()  # (this process tells the child whether a narrator speaks in its part)
    later = _Later(document, found, cast, cut, told, tell)
    started = Child([later.read, later.speak, later.revise])
    child = started if started.forked else None
    os.close(told)
    try:
        return _with_child(document, found, cast, cut, child, tell, spent)
    finally:  # (whatever failed: neither the pipe nor the child is left behind)
        with contextlib.suppress(OSError):
            os.close(tell)
        if child is not None:
            child.close()


def _narrated(read: Sequence[_Read]) -> bool:
    """Whether a first-person narrator speaks in quotations ``read``."""
    return any(said is not None and said.name == NARRATOR for said, _, _ in read)


def _with_child(
    document: Document,
    found: Sequence[Stretch],
    cast: people.People,
    cut: int,
    child: Child | None,
    tell: int,
    spent: list[object],
) -> tuple[list[str], tuple[str | None, ...]]:
    """``_in_two``'s work once the child is started (``tell``: the pipe's
    end that tells it whether a narrator speaks in this process's part;
    ``spent``: gets what it made on the way)."""
    text = document.clean.text
    count = len(found)
    mine = _read(text, found[:cut], cast)
    narrator = _narrated(mine)
    with contextlib.suppress(OSError):
        os.write(tell, b"1" if narrator else b"0")
    done, value = child.take() if child is not None else (False, None)
    if done:
        their_narrator, their_read, their_kinds = cast_to(_ReadLater, value)
    else:  # read here: whether a narrator speaks in it too, as one process reads it
        their_read, their_kinds = _read(text, found[cut:], cast), []
        their_narrator = _narrated(their_read)
    # the quotes read so far: the rest only where what the child sent cannot be taken
    quotes, heard = _heard(found[: cut + len(their_read)], [*mine, *their_read])
    kinds = [*(quote.kind for quote in quotes), *their_kinds]

    def rest() -> None:
        """The quotes after those the child sent, read here."""
        known = len(quotes)
        more, more_heard = _heard(found[known:], _read(text, found[known:], cast), known)
        quotes.extend(more)
        heard.update(more_heard)

    narrator = narrator or their_narrator
    walker = speakers.Walker(text, quotes, heard, cast, ranker.shipped(), speakers.FOLLOW, narrator)
    said: list[str | None] = []
    ranked: list[ranker.Ranked] = []
    walker.prepare(0, cut)
    talk = walker.walk(0, cut, speakers.Conversation(), said, ranked)
    done, value = child.take() if child is not None and done else (False, None)
    walked: speakers.Walked | None = None
    decoded: dict[tuple[int, int], list[str | None]] = {}
    if done:
        walked, decoded = cast_to(_Spoken, value)
    if cut < count and not (walked and walked[0] and walked[0][0] == talk):
        rest()  # (the conversations do not meet at once: this process walks on)
    met = speakers.take_over(walker.walk, walker.prepare, cut, count, talk, said, ranked, walked)
    speakers.decode(ranked, said, decoded, met)

    def revised() -> news.Later | None:
        done, value = child.take() if child is not None else (False, None)
        return cast_to(news.Later | None, value) if done else None

    by = news.revise_with(document, quotes, said, cast, revised if done else None, cut)
    if by is None:
        rest()
        by = news.revise(document, quotes, said, cast)
    spent.extend((mine, their_read, quotes, heard, walker, said, ranked, walked, decoded))
    return kinds, by


# What the child hands back (``_Later``): whether a first-person narrator
# speaks in the quotations it read, the reads (``_read``) of its part's
# first quotations (as many as this process's walk and journalism's passes
# read: ``speakers.reach_on``, ``news.split_at``), and the kinds of the rest ...
_ReadLater = tuple[bool, list[_Read], list[str]]
# ... then its part's walk (``speakers.walk_later``: the conversations to
# check, the speakers, the ranked entries) and its runs of those entries
# decoded (``speakers.decoded_runs``); then its part's journalism's passes
# (``news.revise_later``).
_Spoken = tuple[speakers.Walked, dict[tuple[int, int], list[str | None]]]
# How many quotations more the child reads before its walk's start at a time,
# until what its look-ahead reads there lies wholly in what it read (34 to 56
# on the 3 books and 13 PDNC novels).
_LEAD = 120
# The parent's part is this many quotations longer than the child's less its
# warm-up: the child also reads its look-ahead's lead and pickles its reads.
_PARENT_MORE = 100


class _Later:
    """What the second process does on a novel (``_in_two``), step by step,
    each step's result sent back as soon as it is made (``beside.Child``):

    1. ``read``: the attributions, kinds and what the speaker rules hear of
       the quotations from ``cut`` on (``_read``; reading from far enough
       back for its walk: ``speakers.reach_back``), and whether a
       first-person narrator speaks in those it read; it sends back what the
       parent reads of them (the reads of the first few, the kinds of the
       rest: ``_ReadLater``);
    2. ``speak``: their speakers, walked (``speakers.Walker``) from an empty
       conversation ``WARM_UP`` quotations before ``cut``, with the whole
       text's narrator (the parent tells whether one speaks in its part
       through the pipe ``told``; ``ranker.text_facts``), and
       what the parent needs to take them (``_Spoken``): the conversation
       before each of the ``CHECKED`` quotations from ``cut`` (the speakers
       are the parent's from where the two conversations meet), the ranked
       entries, and its runs of them decoded (a run wholly the child's is
       the parent's run);
    3. ``revise``: journalism's passes (``news.revise_later``) over the
       quotations from ``cut`` on with those speakers, decoded (taken from
       where they and the passes' are the whole text's: ``news.revise``).

    Each step is a pure function of values the child holds copies of (the
    stretches, the people, the ranker's weights), so the parent takes
    results equal to its own, and computes whatever does not come back."""

    def __init__(
        self,
        document: Document,
        found: Sequence[Stretch],
        cast: people.People,
        cut: int,
        told: int,
        tell: int,
    ) -> None:
        self.document, self.text = document, document.clean.text
        self.found, self.cast, self.cut = found, cast, cut
        self.told, self.tell = told, tell  # the pipe's ends: the child reads, the parent writes
        self.begin = max(0, cut - speakers.WARM_UP)
        self.low = self.begin  # the first quotation read
        self.quotes: list[Quote] = []
        self.heard: dict[int, speakers.Speech] = {}  # (by index less ``low``)
        self.narrator = False
        self.spoken: _Spoken | None = None

    def read(self) -> _ReadLater:
        os.close(self.tell)  # (so that the parent's end closed is an end of file here)
        text, found, cast, begin = self.text, self.found, self.cast, self.begin
        low = max(0, begin - _LEAD)
        read = _read(text, found[low:], cast)
        while True:
            quotes, heard = _heard(found[low:], read)
            if low == 0 or speakers.reach_back(quotes, begin - low) > 0:
                break
            more = max(0, low - _LEAD)
            read = [*_read(text, found[more:low], cast), *read]
            low = more
        self.quotes, self.heard, self.low = quotes, heard, low
        self.narrator = speakers.narrated(quotes)
        # what the parent reads of them: its look-ahead up to the cut reads on
        # (``_widened``, which looks at one more), and journalism's split
        cut = self.cut - low
        upto = speakers.reach_on(quotes, cut - 1) + 2 if cut > 0 else 0
        split = news.split_at(text, quotes[cut:], 0)
        if split is not None:
            upto = max(upto, cut + split[0] + 1)
        upto = max(cut, min(upto, len(quotes)))
        return self.narrator, read[cut:upto], [quote.kind for quote in quotes[upto:]]

    def speak(self) -> _Spoken:
        told = os.read(self.told, 1)  # whether a narrator speaks in the parent's part
        if told not in (b"0", b"1"):
            raise RuntimeError("the parent is gone")
        self.narrator = self.narrator or told == b"1"
        walker = speakers.Walker(
            self.text,
            self.quotes,
            self.heard,
            self.cast,
            ranker.shipped(),
            speakers.FOLLOW,
            self.narrator,
            self.low,
        )
        walked = speakers.walk_later(walker.walk, walker.prepare, self.cut, len(self.found))
        self.spoken = walked, speakers.decoded_runs(walked[2])
        return self.spoken

    def revise(self) -> news.Later | None:
        assert self.spoken is not None
        (_, said, ranked), decoded = self.spoken
        cut = self.cut
        decoding = [None] * cut + said
        speakers.decode(ranked, decoding, decoded, cut)
        quotes = self.quotes[cut - self.low :]
        return news.revise_later(self.document, quotes, decoding[cut:], self.cast, cut)


def _placed(document: Document, found: Sequence[Stretch]) -> _Placed:
    """Where each of ``found`` stands (``_Placed``): the offsets in the text
    as read of each of its spans, and the number of the sentence it opens in."""
    from array import array

    cleaned = document.clean
    offsets = array("q")
    numbers = array("q")
    for stretch in found:
        for span in stretch.spans:
            offsets.extend(cleaned.span_to_raw(span.start, span.end))
        numbers.append(_sentence(stretch).number)
    return offsets, numbers


def _persons(cast: people.People, speakers: Sequence[str | None]) -> dict[str, Person]:
    """The people who speak, by name, numbered in order of first mention."""
    order: dict[str, int] = {}
    for name in cast.names:
        order.setdefault(name, len(order))
    found: dict[str, Person] = {}
    for name in sorted({s for s in speakers if s}, key=lambda s: (order.get(s, len(order)), s)):
        if name == NARRATOR:
            found[name] = Person(NARRATOR, NARRATOR, (NARRATOR,), None)
            continue
        group = cast.groups.get(name)
        names = group.forms if group is not None else (name,)
        if name not in names:
            names = (name, *names)
        number = order.get(name, len(order) + len(found))
        found[name] = Person(f"p{number + 1}", name, names, cast.gender.get(name))
    return found


def _sentence(stretch: Stretch) -> Sentence:
    """The sentence ``stretch`` opens in."""
    paragraph, first = stretch.paragraph, stretch.start
    return next(
        (s for s in paragraph.sentences if s.clean_start <= first < s.clean_end + 1),
        paragraph.sentences[0],
    )
