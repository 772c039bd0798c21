"""Which quotations a reader asked for: speech only or every kind, and one
person's; and the people who speak, most quoted first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from aleppo_cli.analysis.quotes.model import SPEECH, Person, Quotation
from aleppo_cli.analysis.quotes.persons import PET_FORMS


class Selection(NamedTuple):
    quotations: tuple[Quotation, ...]
    hidden: int  # quotations of other kinds, by the same speaker filter, left out


class Speaker(NamedTuple):
    """A person who speaks, and how many speech quotations they have."""

    person: Person
    quotations: int


def select(
    found: Sequence[Quotation], show_all: bool = False, speaker: str | None = None
) -> Selection:
    """Speech (or every kind, with ``show_all``), by ``speaker`` when given:
    the one person that name names (``person_named``)."""
    if speaker:
        person = person_named(found, speaker)
        found = [q for q in found if person is not None and q.person == person]
    chosen = tuple(q for q in found if show_all or q.kind == SPEECH)
    return Selection(chosen, len(found) - len(chosen))


def speakers(found: Sequence[Quotation]) -> tuple[Speaker, ...]:
    """The people who speak, most quoted first (then in order of first mention)."""
    counts: Counter[Person] = Counter(q.person for q in found if q.kind == SPEECH and q.person)
    order = {person: index for index, person in enumerate(counts)}
    return tuple(
        Speaker(person, count)
        for person, count in sorted(counts.items(), key=lambda pc: (-pc[1], order[pc[0]]))
    )


def person_named(found: Sequence[Quotation], name: str) -> Person | None:
    """The one person ``name`` names, in any case and with or without accents:
    a person one of whose names it is; else one a name of whom holds its words
    ("darcy" for "Mr. Darcy"). Where several fit, the most quoted."""
    # analysis.search compiles its patterns at import (some 4 ms): only for a speaker
    from aleppo_cli.analysis.search import fold

    wanted = fold(name).split()
    if not wanted:
        return None
    if len(wanted) == 1 and wanted[0] in PET_FORMS:  # "lizzy": also "elizabeth"
        found_pet = (
            person_named(found, PET_FORMS[wanted[0]]) if wanted[0] != PET_FORMS[wanted[0]] else None
        )
        direct = _person_named(found, wanted, fold)
        return direct or found_pet
    return _person_named(found, wanted, fold)


def _person_named(
    found: Sequence[Quotation], wanted: list[str], fold: Callable[[str], str]
) -> Person | None:
    people = speakers(found)

    def words(text: str) -> list[str]:
        return fold(text).split()

    exact = [s.person for s in people if any(words(n) == wanted for n in s.person.names)]
    if exact:
        return exact[0]  # the most quoted
    within = [s.person for s in people if any(_holds(words(n), wanted) for n in s.person.names)]
    return within[0] if within else None


def _holds(words: list[str], wanted: list[str]) -> bool:
    """``wanted`` is a run of whole words of ``words``."""
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(len(words) - size + 1))
