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

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from aleppo_cli.analysis import patterns

# the stages compile their patterns at import: hand ``re`` the ready-compiled ones first
patterns.preload()

from aleppo_cli.analysis.quotes import (  # noqa: E402
    attribution,
    halves,
    kind,
    news,
    people,
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
from aleppo_cli.text.document import Document, Sentence, collector_paused  # noqa: E402

if TYPE_CHECKING:
    from aleppo_cli.text.beside import Beside

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


def find(document: Document, names: Beside[people.WordsAndNames] | None = None) -> list[Quotation]:
    """Every quoted stretch of ``document``, in order, speech or not
    (``names``: its words and name matches, if a child process of its build
    finds them, ``halves.names_beside``)."""
    # tens of thousands of small values, none in a cycle: the collections they set
    # off would go over the whole document each time (a tenth of the work on a novel)
    with collector_paused():
        return _find(document, names)


def quotes_and_people(document: Document) -> tuple[list[Quote], people.People]:
    """The first stages: the quoted stretches with their attributions and
    kinds, and the people the text names (what the speaker rules read)."""
    quotes, _, cast = _quotes_heard_people(document)
    return quotes, cast


# What the speaker rules first read of a speech quotation (``speakers._hear``):
# its addressee, the people it names, the owner of its relation.
_Heard = tuple[str | None, frozenset[str], str | None]


def _quotes_heard_people(
    document: Document, names: Beside[people.WordsAndNames] | None = None
) -> tuple[list[Quote], dict[int, speakers.Speech], people.People]:
    """The quotes, what the speaker rules read of each speech quotation (by
    index), and the people."""
    quotes, heard, cast, _ = _stages(document, names)
    return quotes, heard, cast


# Where each quote stands, for its ``Quotation``: the offsets in the text as
# read of each of its spans (two a span, all quotes' in turn), and the number
# of the sentence it opens in, a quote at a time (``_placed``).
_Placed = tuple[Sequence[int], Sequence[int]]


def _stages(
    document: Document, names: Beside[people.WordsAndNames] | None
) -> tuple[list[Quote], dict[int, speakers.Speech], people.People, halves.Pending[_Placed]]:
    """``_quotes_heard_people``, and where the quotes stand (``_placed``) if a
    second process finds it: for a novel, the one that reads half of the
    people index's names, from the stretches alone."""
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
    cut = len(found) // 2
    second = halves.background(
        lambda: _read(text, found[cut:], cast), halves.worth_it(len(found), halves.MANY_STRETCHES)
    )
    first = _read(text, found[:cut], cast)
    quotes = []
    heard = {}
    for at, (stretch, (said, kind_of, ears)) in enumerate(
        zip(found, [*first, *second.result()], strict=True)
    ):
        quote = Quote(stretch, said, kind_of)
        quotes.append(quote)
        if ears is not None:
            heard[at] = speakers.Speech(quote, *ears)
    return quotes, heard, cast, placed


def _read(
    text: str, found: Sequence[Stretch], cast: people.People
) -> list[tuple[Attribution | None, str, _Heard | None]]:
    """The attribution and kind of each of ``found``, and what the speaker
    rules read of it if it is speech."""
    read: list[tuple[Attribution | None, str, _Heard | None]] = []
    for stretch in found:
        said = attribution.attribute(text, stretch, cast)
        kind_of = kind.of(text, stretch, said is not None)
        if kind_of != SPEECH:
            read.append((said, kind_of, None))
            continue
        speech = speakers._hear(text, Quote(stretch, said, kind_of), cast)
        read.append((said, kind_of, (speech.addressee, speech.named, speech.owner)))
    return read


def _find(document: Document, names: Beside[people.WordsAndNames] | None) -> list[Quotation]:
    quotes, heard, cast, placed = _stages(document, names)
    text = document.clean.text
    by = news.revise(document, quotes, speakers.assign(text, quotes, cast, heard=heard), cast)
    known = _persons(cast, by)
    if not placed.forked:
        return [
            _finish(document, quote, speaker, known.get(speaker) if speaker else None)
            for quote, speaker in zip(quotes, by, strict=True)
        ]
    offsets, numbers = placed.result()
    raw = document.clean.raw
    at = 0
    finished = []
    for quote, speaker, number in zip(quotes, by, numbers, strict=True):
        parts = []
        for span in quote.stretch.spans:
            start, end = offsets[at], offsets[at + 1]
            at += 2
            parts.append(Part(start, end, span.start, span.end, raw[start:end]))
        person = known.get(speaker) if speaker else None
        paragraph = quote.stretch.paragraph.number
        finished.append(Quotation(quote.kind, speaker, tuple(parts), paragraph, number, person))
    return finished


def _placed(document: Document, found: Sequence[Stretch]) -> _Placed:
    """Where each of ``found`` stands (``_Placed``), as ``_finish`` finds it."""
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


def _finish(
    document: Document, quote: Quote, speaker: str | None, person: Person | None
) -> Quotation:
    cleaned = document.clean
    parts = []
    for span in quote.stretch.spans:
        raw_start, raw_end = cleaned.span_to_raw(span.start, span.end)
        text = cleaned.raw[raw_start:raw_end]
        parts.append(Part(raw_start, raw_end, span.start, span.end, text))
    paragraph, sentence = quote.stretch.paragraph.number, _sentence(quote.stretch).number
    return Quotation(quote.kind, speaker, tuple(parts), paragraph, sentence, person)


def _sentence(stretch: Stretch) -> Sentence:
    """The sentence ``stretch`` opens in."""
    paragraph, first = stretch.paragraph, stretch.start
    return next(
        (s for s in paragraph.sentences if s.clean_start <= first < s.clean_end + 1),
        paragraph.sentences[0],
    )
