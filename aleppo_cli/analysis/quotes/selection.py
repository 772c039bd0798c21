"""Which quotations a reader asked for: speech only or every kind, and one
speaker's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from aleppo_cli.analysis.quotes.model import SPEECH, Quotation


class Selection(NamedTuple):
    quotations: tuple[Quotation, ...]
    hidden: int  # quotations of other kinds, by the same speaker filter, left out


def select(
    found: Sequence[Quotation], show_all: bool = False, speaker: str | None = None
) -> Selection:
    """Speech (or every kind, with ``show_all``), by ``speaker`` when given:
    any part of the speaker's name, in any case."""
    if speaker:
        # analysis.search compiles its patterns at import (some 4 ms): only for a speaker
        from aleppo_cli.analysis.search import fold

        wanted = fold(speaker)
        found = [q for q in found if q.speaker and wanted in fold(q.speaker)]
    chosen = tuple(q for q in found if show_all or q.kind == SPEECH)
    return Selection(chosen, len(found) - len(chosen))
