"""Hits beyond the cleaned text's own words: across an attribution, and in
the text as read where clean-up repaired it.

Imported by ``search`` only when a query needs it (a query of two words or
more; a text with repairs), so that the module ``search`` stays small to load.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from aleppo_cli.analysis.search import (
    Folded,
    Hit,
    Mode,
    Query,
    Searcher,
    _align,
    _exact_spans,
    _folded_spans,
    _overlaps,
    _regex_spans,
    _widen_to_words,
)
from aleppo_cli.text.cleanup import ADVERTISEMENT, WHITESPACE, CleanText
from aleppo_cli.text.document import Document, RawToClean

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.model import Quotation


class Piece(NamedTuple):
    """One piece of a hit across an attribution: words inside one pair of quote marks."""

    start: int  # offsets into the text as read
    end: int
    clean_start: int  # offsets into the cleaned text
    clean_end: int
    match: str  # as read: raw[start:end]


def piece(cleaned: CleanText, clean_start: int, clean_end: int) -> Piece:
    start, end = cleaned.span_to_raw(clean_start, clean_end)
    return Piece(start, end, clean_start, clean_end, cleaned.raw[start:end])


# --- across an attribution ----------------------------------------------------------


def split_quotations(
    document: Document, quotations: Sequence[Quotation] | None
) -> list[tuple[tuple[int, int], ...]]:
    """The parts (cleaned-text spans) of each quotation of two parts or more:
    of ``quotations`` when they are known (a bundled text's ready-made ones),
    else of the quoted stretches found (no speakers are needed)."""
    if quotations is not None:
        return [
            tuple((part.clean_start, part.clean_end) for part in quotation.parts)
            for quotation in quotations
            if len(quotation.parts) > 1
        ]
    from aleppo_cli.analysis.quotes import stretches

    return [
        tuple((span.start, span.end) for span in stretch.spans)
        for stretch in stretches.find(document)
        if len(stretch.spans) > 1
    ]


def joined(searcher: Searcher, query: Query, needle: str) -> list[Hit]:
    """Hits in the joined text of a quotation split by an attribution, that
    run from one of its parts into another: "This is our destiny, we're
    going to die" in “This is our destiny,” Khaled says. “We’re going to
    die…”. (A match inside one part is a hit of the text already.) With
    --fuzzy, the best match in each joined quotation, if it runs across."""
    text = searcher.document.clean.text
    fuzzy = query.mode is Mode.FUZZY
    hits = []
    for parts in searcher.split_quotations:
        folded = [Folded(text[start:end]) for start, end in parts]
        together = " ".join(f.text for f in folded)
        starts = []  # where each part's folded text starts in the joined one
        offset = 0
        for part in folded:
            starts.append(offset)
            offset += len(part.text) + 1
        if fuzzy:
            aligned = _align(needle, together, query.min_score)
            found = [aligned] if aligned else []
        else:
            found = []
            position = together.find(needle)
            while position != -1:
                end = position + len(needle)
                if not query.word or _spaced(together, position, end):
                    found.append((100.0, position, end))
                position = together.find(needle, position + 1)
        for score, begin, end in found:
            first = bisect_right(starts, begin) - 1
            last = bisect_right(starts, end - 1) - 1
            if first == last:
                continue
            clean_start = parts[first][0] + folded[first].positions[begin - starts[first]]
            clean_end = parts[last][0] + folded[last].positions[end - 1 - starts[last]] + 1
            if fuzzy:
                clean_start, clean_end = _widen_to_words(text, clean_start, clean_end)
            pieces = (
                (clean_start, parts[first][1]),
                *parts[first + 1 : last],
                (parts[last][0], clean_end),
            )
            hits.append(searcher._hit(clean_start, clean_end, score, pieces))
    return hits


def _spaced(text: str, start: int, end: int) -> bool:
    """Whole words in a folded text: a space or an end on either side."""
    return (start == 0 or text[start - 1] == " ") and (end == len(text) or text[end] == " ")


# --- the text as read ---------------------------------------------------------------


def as_read(searcher: Searcher, query: Query, found: list[Hit]) -> list[Hit]:
    """Hits in the text as read that clean-up's repairs hid: a query that is
    literally in the input is found even where a repair changed it
    (``dataLayer``, made "data Layer"). Only matches that overlap a repair
    count (anywhere else the cleaned text was searched; a split glued word is
    a repair of no width, which a match must hold inside it), and only where
    no hit already covers any of the same raw text. White space changes
    nothing a search sees; an ad-slot marker is the page's furniture, not the
    author's words, and is not shown: neither counts as a repair here."""
    cleaned = searcher.document.clean
    skip = (WHITESPACE, ADVERTISEMENT)
    repairs = sorted((e.start, e.end) for e in cleaned.edits if e.reason not in skip)
    if not repairs:
        return []
    raw = cleaned.raw
    if query.mode is Mode.FOLDED:
        spans = _folded_spans(query, Folded(raw))
    elif query.mode is Mode.EXACT:
        spans = _exact_spans(query, raw)
    else:
        spans = _regex_spans(query, raw)
    taken = sorted((hit.start, hit.end) for hit in found)
    to_clean = RawToClean(cleaned)
    added = []
    for start, end in spans:
        if not _overlaps(repairs, start, end):
            continue
        if _overlaps(taken, start, end):
            continue
        clean_start, clean_end = to_clean(start, "start"), to_clean(end, "end")
        hit = searcher._hit(clean_start, max(clean_end, clean_start + 1))
        added.append(hit._replace(start=start, end=end, match=raw[start:end]))
    return added
