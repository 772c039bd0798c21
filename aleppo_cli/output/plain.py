"""Plain text output: for pipes, files, NO_COLOR and TERM=dumb.

No function here prints; each returns the text for ``cli.emit`` to print
once. Nothing here imports rich.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from aleppo_cli.output.safe import visible
from aleppo_cli.output.shared import (
    CODE_INDENT,
    MARK,
    TEXT_COLUMNS,
    block_prefix,
    by_sentence,
    count_line,
    excerpt,
    info_rows,
    joined_to_previous,
    meta_line,
    numbered_segments,
    quoted,
    quotes_count,
    summary_title,
    text_rows,
    where,
    with_prefixes,
)
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:  # only the command that makes them imports each of these
    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.search import SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary


def show_plain(source: Source, document: Document, width: int, numbers: bool) -> str:
    lines = [
        *_wrap(visible(source.title), width, break_words=False),
        *_wrap(visible(meta_line(source)), width, break_words=False),
    ]
    previous = None
    for paragraph in document.paragraphs:
        if not joined_to_previous(previous, paragraph):
            lines.append("")
        previous = paragraph
        if paragraph.kind == "code":  # verbatim, never wrapped
            lines.extend(
                (CODE_INDENT + visible(line)).rstrip() for line in paragraph.text.split("\n")
            )
            continue
        body, _ = with_prefixes(paragraph.text, numbered_segments(paragraph, numbers))
        first, other = block_prefix(paragraph)
        if first:
            lines.extend(_hanging(first, visible(body), width, other))
        else:
            lines.extend(_wrap(visible(body), width))
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int, break_words: bool = True) -> list[str]:
    return textwrap.wrap(
        text, width=width, break_long_words=break_words, break_on_hyphens=False
    ) or [""]


def info_plain(source: Source, stats: Stats) -> str:
    rows = info_rows(source, stats)
    label_width = max(len(label) for label, _ in rows)
    return "".join(f"{label:<{label_width}}  {visible(value)}\n" for label, value in rows)


def texts_plain(entries: Iterable[TextInfo]) -> str:
    rows = [tuple(c.upper() for c in TEXT_COLUMNS), *text_rows(entries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TEXT_COLUMNS))]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in rows
    )


def _hanging(prefix: str, text: str, width: int, other: str | None = None) -> list[str]:
    """``text`` wrapped after ``prefix``, continuation lines indented to match
    (or after ``other``)."""
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix) if other is None else other,
        break_on_hyphens=False,
    ) or [prefix.rstrip()]


def summary_plain(source: Source, summary: Summary, width: int) -> str:
    lines = _wrap(visible(summary_title(source, summary)), width, break_words=False)
    for sentence in summary.sentences:
        lines.append("")
        lines.extend(_hanging(f"[{sentence.number}] ", visible(sentence.text), width))
    return "\n".join(lines) + "\n"


def highlight_plain(document: Document, summary: Summary, width: int) -> str:
    """The whole text, a sentence a line; chosen sentences start with ``*``."""
    chosen = {sentence.number for sentence in summary.sentences}
    lines: list[str] = []
    for paragraph in document.paragraphs:
        if lines:
            lines.append("")
        for sentence in paragraph.sentences:
            mark = MARK if sentence.number in chosen else " "
            lines.extend(_hanging(f"{mark} [{sentence.number}] ", visible(sentence.text), width))
    return "\n".join(lines) + "\n"


def compare_plain(comparison: Comparison) -> str:
    names = list(comparison.algorithms)
    header = ["#", *names, "votes", "sentence"]
    rows = [
        [
            str(row.sentence.number),
            *("x" if name in row.chosen_by else "." for name in names),
            str(len(row.chosen_by)),
            visible(excerpt(row.sentence.text)),
        ]
        for row in comparison.rows
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    out = []
    for row in [header, *rows]:
        cells = [
            cell.rjust(w) if i == 0 else cell.center(w)
            for i, (cell, w) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        out.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(out) + "\n"


def search_plain(found: SearchResult, width: int) -> str:
    lines: list[str] = []
    for hits, speaker, around in by_sentence(found):
        lines.append(visible(where(hits[0], speaker, len(hits))))
        for sentence in around:
            lines.extend(_hanging("  ", visible(sentence.text), width))
        lines.append("")
    lines.append(count_line(len(found.hits), "hit"))
    return "\n".join(lines) + "\n"


def quotes_plain(quotations: Sequence[Quotation], hidden: int, width: int, show_kind: bool) -> str:
    lines: list[str] = []
    for quotation in quotations:
        kind = f"{quotation.kind}: " if show_kind else ""
        who = (
            f" — {quotation.speaker}"
            if quotation.speaker
            else (" — (speaker unknown)" if quotation.kind == "speech" else "")
        )
        lines.extend(
            _hanging(f"[{quotation.sentence}] ", visible(f"{kind}{quoted(quotation)}{who}"), width)
        )
    lines.append("")
    lines.append(quotes_count(len(quotations), hidden))
    return "\n".join(lines) + "\n"
