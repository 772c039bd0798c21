"""Who said the words at some offsets of a long text, without analysing it all.

A search labels its hits with the speakers of the quotations they lie in.
The quotation analysis of a whole novel takes a second or more, and a search
usually hits a few dozen quotations. So the analysis runs on the stretches of
text around those hits only: each *conversation* that holds a hit, from the
point where its dialogue could last have been reset (a heading, or a run of
narration without quote marks long enough that the "recent" people of the
conversation are named in it) to the next such point after the hit. Where
those stretches would cover much of the text, the whole text is analysed
instead (it costs no more).

A speaker can depend on the whole text (the genders its pronouns give a
name, the words it writes in lower case), so the stretches can disagree with
the whole-text analysis; ``bench/search_speakers.py`` counts how often on
the three books (README, "Search and quotations").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from aleppo_cli.text.cleanup import CleanText
from aleppo_cli.text.document import Document, Paragraph, Sentence

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.quotations import Quotation

# Texts shorter than this (in characters) are analysed whole, as ``aleppo
# quotes`` does (half a second for *Pride and Prejudice*, 0.7 million).
WHOLE_BELOW = 1_000_000
# Narration without quote marks this long (characters) before a hit's
# paragraph resets its conversation; the window starts with it, so that the
# people named lately are named in the window too.
RESET_BEFORE = 6_000
# After the hit, a shorter run of narration ends the conversation (an
# attribution or an answer comes soon after a quotation, not pages later).
RESET_AFTER = 1_500
# When the windows would cover more than this share of the text, analyse it whole.
MOST = 0.5
# Windows holding this many characters in all share their analysis with a
# second process (half each): a fork and the pickled quotations back cost some
# 0.02 s, half the analysis of 100,000 characters saves about 0.04 s.
SHARED_FROM = 100_000

_QUOTE_MARK = re.compile(r"[“”\"«»„‘]")


def speakers(document: Document, offsets: Sequence[int]) -> list[str | None]:
    """Who said the words at each cleaned-text offset, None outside speech."""
    from aleppo_cli.analysis.quotes import quotations as quotes

    if not offsets:
        return []
    paragraphs = document.paragraphs
    starts = [p.clean_start for p in paragraphs]
    held = sorted({max(0, bisect_right(starts, offset) - 1) for offset in offsets})
    # when no offset lies between quote marks, nobody said any: no analysis at all
    quoted = _quoted(document, held)
    inside = [offset for offset in offsets if _inside(quoted, offset)]
    if not inside:
        return [None] * len(offsets)
    total = len(document.clean.text)
    if total < WHOLE_BELOW:
        return _labels(quotes.find(document), offsets, 0)
    held = sorted({max(0, bisect_right(starts, offset) - 1) for offset in inside})
    windows = _windows(paragraphs, held)
    covered = sum(paragraphs[b].clean_end - paragraphs[a].clean_start for a, b in windows)
    if covered > MOST * total:
        return _labels(quotes.find(document), offsets, 0)
    return _lookup(_shared(document, windows, paragraphs), offsets)


def _shared(
    document: Document, windows: list[tuple[int, int]], paragraphs: Sequence[Paragraph]
) -> list[Quotation]:
    """The quotations of the ``windows``, each window analysed apart: when
    they hold enough text, the later half of them (by characters) in a second
    process (``halves``) while this one does the first. The windows do not
    depend on each other, so the result is the same either way."""
    from aleppo_cli.analysis.quotes import halves

    sizes = [paragraphs[b].clean_end - paragraphs[a].clean_start for a, b in windows]
    if len(windows) < 2 or not halves.worth_it(sum(sizes), SHARED_FROM):
        return _analysed(document, windows)
    split, running = 1, sizes[0]
    while split < len(windows) - 1 and 2 * (running + sizes[split]) <= sum(sizes):
        running += sizes[split]
        split += 1
    later = halves.background(lambda: _analysed(document, windows[split:]), fork=True)
    return _analysed(document, windows[:split]) + later.result()


def _analysed(document: Document, windows: Sequence[tuple[int, int]]) -> list[Quotation]:
    from aleppo_cli.analysis.quotes import quotations as quotes

    found: list[Quotation] = []
    for first, last in windows:
        window, base = _window(document, first, last)
        found.extend(_parts(quotes.find(window), base))
    return found


def _quoted(document: Document, held: list[int]) -> list[tuple[int, int]]:
    """The quoted spans of the ``held`` paragraphs (cleaned-text offsets), in order."""
    from aleppo_cli.analysis.quotes import stretches

    chosen = Document(document.clean, tuple(document.paragraphs[i] for i in held))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(
        (span.start, span.end) for stretch in stretches.find(chosen) for span in stretch.spans
    ):
        if merged and start < merged[-1][1]:  # a quotation inside another
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and offset < spans[index][1]


def _windows(paragraphs: Sequence[Paragraph], held: list[int]) -> list[tuple[int, int]]:
    """The conversations (first and last paragraph indexes) that hold the
    ``held`` paragraphs, merged where they meet."""
    merged: list[tuple[int, int]] = []
    for index in held:
        if merged and merged[-1][0] <= index <= merged[-1][1]:
            continue
        first, last = _start(paragraphs, index), _end(paragraphs, index)
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _quoteless(paragraph: Paragraph) -> bool:
    return _QUOTE_MARK.search(paragraph.text) is None


def _start(paragraphs: Sequence[Paragraph], index: int) -> int:
    """Back from ``index``: after a heading, or at the start of a run of
    narration at least RESET_BEFORE long."""
    run = 0
    first = index
    while first > 0:
        before = paragraphs[first - 1]
        if before.heading or before.kind == "heading":
            return first
        if _quoteless(before):
            run += len(before.text)
            if run >= RESET_BEFORE:
                return first - 1
        else:
            run = 0
        first -= 1
    return first


def _end(paragraphs: Sequence[Paragraph], index: int) -> int:
    """On from ``index``: before a heading, or after RESET_AFTER of narration."""
    run = 0
    last = index
    while last + 1 < len(paragraphs):
        after = paragraphs[last + 1]
        if after.heading or after.kind == "heading":
            return last
        if _quoteless(after):
            run += len(after.text)
            if run >= RESET_AFTER:
                return last + 1
        else:
            run = 0
        last += 1
    return last


def _window(document: Document, first: int, last: int) -> tuple[Document, int]:
    """Paragraphs ``first`` to ``last`` as a document of their own, and where
    its cleaned text starts in the whole one (its offsets are shifted by it)."""
    chosen = document.paragraphs[first : last + 1]
    base, end = chosen[0].clean_start, chosen[-1].clean_end
    text = document.clean.text[base:end]
    paragraphs = tuple(
        _moved(
            paragraph,
            base,
            sentences=tuple(_moved(sentence, base) for sentence in paragraph.sentences),
        )
        for paragraph in chosen
    )
    return Document(CleanText(text, text, (), ()), paragraphs), base


_T = TypeVar("_T", Paragraph, Sentence)


def _moved(record: _T, base: int, **changes: object) -> _T:
    """A paragraph or sentence with its cleaned-text offsets ``base`` lower:
    ``dataclasses.replace``, a few times quicker (it copies the fields as
    they are instead of calling the class)."""
    fields = getattr(record, "__dict__", None)
    if fields is None:  # a class with slots
        return replace(
            record,
            clean_start=record.clean_start - base,
            clean_end=record.clean_end - base,
            **changes,  # type: ignore[arg-type]
        )
    moved = object.__new__(type(record))
    moved.__dict__.update(
        fields, clean_start=record.clean_start - base, clean_end=record.clean_end - base, **changes
    )
    return moved


def _parts(quotations: Sequence[Quotation], base: int) -> list[Quotation]:
    """The quotations of a window, their cleaned offsets moved to the whole text's."""
    return [
        quotation._replace(
            parts=tuple(
                part._replace(clean_start=part.clean_start + base, clean_end=part.clean_end + base)
                for part in quotation.parts
            )
        )
        for quotation in quotations
    ]


def _labels(quotations: Sequence[Quotation], offsets: Sequence[int], base: int) -> list[str | None]:
    return _lookup(_parts(quotations, base), offsets)


def _lookup(quotations: Sequence[Quotation], offsets: Sequence[int]) -> list[str | None]:
    """The speaker of the quotation each offset lies in (the inner one where
    quotations nest)."""
    from aleppo_cli.analysis.quotes.model import SpeakerIndex

    speaker_at = SpeakerIndex(quotations)
    return [speaker_at(offset) for offset in offsets]
