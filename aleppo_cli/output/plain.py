"""Output as plain text and JSON, and the pieces the styled output shares.

No function here prints; each returns something for ``cli.py`` to print once.
The rich renderables for a terminal are in ``pretty.py``, so that output
into a pipe or a file never imports rich (about 0.02 s). Control characters
in user text are made visible before it is shown.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from aleppo_cli.text.document import Document, Paragraph, Sentence
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:  # only the command that makes them imports each of these
    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.search import Hit, SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary

# C0 controls (but tab and line feed), DEL and C1 controls never reach the
# terminal raw: C0 and DEL become their Unicode control pictures (ESC -> ␛),
# C1 the replacement character.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline made visible."""
    return _CONTROL.sub(_picture, text)


def visible_raw(text: str) -> str:
    """Like ``visible``, but CRLF line ends pass through as line ends."""
    return visible(text.replace("\r\n", "\n"))


def dump_json(data: Any) -> str:
    """JSON as UTF-8 text; C1 controls escaped too, so no byte can drive a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(r"[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", text)


# --- show --------------------------------------------------------------------


def meta_line(source: Source) -> str:
    return " · ".join(part for part in (source.kind, source.publisher, source.origin) if part)


def numbered_segments(paragraph: Paragraph, numbers: bool) -> list[tuple[int, str]]:
    """(offset in paragraph text where a sentence starts, prefix) pairs."""
    if not numbers:
        return []
    base = paragraph.clean_start
    return [
        (sentence.clean_start - base, f"[{sentence.number}] ") for sentence in paragraph.sentences
    ]


def with_prefixes(text: str, prefixes: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """Insert prefixes; return new text and the shift to apply to each old offset."""
    if not prefixes:
        return text, [0] * (len(text) + 1)
    pieces = []
    shifts = [0] * (len(text) + 1)
    shift = 0
    previous = 0
    for offset, prefix in prefixes:
        pieces.append(text[previous:offset])
        for index in range(previous, offset):
            shifts[index] = shift
        pieces.append(prefix)
        shift += len(prefix)
        previous = offset
    pieces.append(text[previous:])
    for index in range(previous, len(text) + 1):
        shifts[index] = shift
    return "".join(pieces), shifts


def show_plain(source: Source, document: Document, width: int, numbers: bool) -> str:
    lines = [
        *_wrap(visible(source.title), width, break_words=False),
        *_wrap(visible(meta_line(source)), width, break_words=False),
    ]
    for paragraph in document.paragraphs:
        body, _ = with_prefixes(paragraph.text, numbered_segments(paragraph, numbers))
        lines.append("")
        lines.extend(_wrap(visible(body), width))
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int, break_words: bool = True) -> list[str]:
    return textwrap.wrap(
        text, width=width, break_long_words=break_words, break_on_hyphens=False
    ) or [""]


def show_json(source: Source, document: Document) -> dict[str, Any]:
    return {
        **source_json(source),
        "paragraphs": [
            {
                "number": paragraph.number,
                "start": paragraph.start,
                "end": paragraph.end,
                "sentences": [
                    {"number": s.number, "start": s.start, "end": s.end, "text": s.text}
                    for s in paragraph.sentences
                ],
            }
            for paragraph in document.paragraphs
        ],
    }


def source_json(source: Source) -> dict[str, Any]:
    return {
        "name": source.name,
        "title": source.title,
        "kind": source.kind,
        "source": source.origin,
    }


# --- info --------------------------------------------------------------------


def info_rows(source: Source, stats: Stats) -> list[tuple[str, str]]:
    return [
        ("Title", source.title),
        ("Source", meta_line(source)),
        ("Words", f"{stats.words:,}"),
        ("Sentences", f"{stats.sentences:,}"),
        ("Paragraphs", f"{stats.paragraphs:,}"),
        ("Characters", f"{stats.characters:,}"),
        (
            "Reading time",
            f"{duration(stats.reading_minutes)} at {stats.words_per_minute} words a minute",
        ),
    ]


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if hours else f"{minutes} min"


def info_plain(source: Source, stats: Stats) -> str:
    rows = info_rows(source, stats)
    label_width = max(len(label) for label, _ in rows)
    return "".join(f"{label:<{label_width}}  {visible(value)}\n" for label, value in rows)


def info_json(source: Source, stats: Stats) -> dict[str, Any]:
    return {
        **source_json(source),
        "words": stats.words,
        "sentences": stats.sentences,
        "paragraphs": stats.paragraphs,
        "characters": stats.characters,
        "reading_minutes": stats.reading_minutes,
        "words_per_minute": stats.words_per_minute,
    }


# --- texts -------------------------------------------------------------------

TEXT_COLUMNS = ("name", "title", "kind", "source")


def text_rows(entries: Iterable[TextInfo]) -> list[Sequence[str]]:
    return [(e.name, e.title, e.kind, e.source) for e in entries]


def texts_plain(entries: Iterable[TextInfo]) -> str:
    rows = [tuple(c.upper() for c in TEXT_COLUMNS), *text_rows(entries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TEXT_COLUMNS))]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in rows
    )


def texts_json(entries: Iterable[TextInfo]) -> list[dict[str, str]]:
    return [
        {
            "name": e.name,
            "title": e.title,
            "kind": e.kind,
            "publisher": e.publisher,
            "source": e.source,
        }
        for e in entries
    ]


# --- summarize ---------------------------------------------------------------

EXCERPT = 60
MARK = "*"  # plain --highlight: chosen sentences start with it, others with a space


def summary_title(source: Source, summary: Summary) -> str:
    return (
        f"{source.title}: {len(summary.sentences)} of {summary.total_sentences} sentences, "
        f"by {summary.algorithm}"
    )


def _hanging(prefix: str, text: str, width: int) -> list[str]:
    """``text`` wrapped after ``prefix``, continuation lines indented to match."""
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix),
        break_on_hyphens=False,
    ) or [prefix.rstrip()]


def summary_plain(source: Source, summary: Summary, width: int) -> str:
    lines = _wrap(visible(summary_title(source, summary)), width, break_words=False)
    for sentence in summary.sentences:
        lines.append("")
        lines.extend(_hanging(f"[{sentence.number}] ", visible(sentence.text), width))
    return "\n".join(lines) + "\n"


def sentence_json(sentence: Sentence) -> dict[str, Any]:
    return {
        "number": sentence.number,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def summary_json(source: Source, summary: Summary) -> dict[str, Any]:
    return {
        "text": source.name,
        "algorithm": summary.algorithm,
        "total_sentences": summary.total_sentences,
        "sentences": [sentence_json(s) for s in summary.sentences],
    }


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


def excerpt(text: str, limit: int = EXCERPT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


def compare_json(source: Source, comparison: Comparison) -> dict[str, Any]:
    return {
        "text": source.name,
        "algorithms": list(comparison.algorithms),
        "count": comparison.count,
        "total_sentences": comparison.total_sentences,
        "sentences": [
            {**sentence_json(row.sentence), "chosen_by": list(row.chosen_by)}
            for row in comparison.rows
        ],
    }


# --- search and quotes -------------------------------------------------------


def where(hit: Hit, speaker: str | None, count: int) -> str:
    place = f"paragraph {hit.sentence.paragraph}, sentence {hit.sentence.number}"
    if count > 1:
        place += f" ({count} hits)"
    return f"{place} — {speaker}" if speaker else place


def count_line(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def by_sentence(found: SearchResult) -> list[tuple[list[Hit], str | None, tuple[Sentence, ...]]]:
    """Hits grouped by sentence, like grep prints a matching line once."""
    groups: list[tuple[list[Hit], str | None, tuple[Sentence, ...]]] = []
    for hit, speaker, around in zip(found.hits, found.speakers, found.context, strict=True):
        if groups and groups[-1][0][0].sentence.number == hit.sentence.number:
            groups[-1][0].append(hit)
        else:
            groups.append(([hit], speaker, around))
    return groups


def search_plain(found: SearchResult, width: int) -> str:
    lines: list[str] = []
    for hits, speaker, around in by_sentence(found):
        lines.append(visible(where(hits[0], speaker, len(hits))))
        for sentence in around:
            lines.extend(_hanging("  ", visible(sentence.text), width))
        lines.append("")
    lines.append(count_line(len(found.hits), "hit"))
    return "\n".join(lines) + "\n"


def search_json(found: SearchResult) -> dict[str, Any]:
    return {
        "query": found.query,
        "mode": found.mode,
        "count": len(found.hits),
        "hits": [
            {
                "paragraph": hit.sentence.paragraph,
                "sentence": hit.sentence.number,
                "start": hit.start,
                "end": hit.end,
                "match": hit.match,
                "sentence_text": hit.sentence.text,
                "speaker": speaker,
                **({"score": hit.score} if found.mode == "fuzzy" else {}),
            }
            for hit, speaker in zip(found.hits, found.speakers, strict=True)
        ],
    }


def quoted(quotation: Quotation) -> str:
    return "“" + " … ".join(" ".join(part.text.split()) for part in quotation.parts) + "”"


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


def quotes_count(shown: int, hidden: int) -> str:
    line = count_line(shown, "quotation")
    if hidden:
        line += f" ({hidden} more quoted titles, names or words: --all shows them)"
    return line


def quotes_json(quotations: Sequence[Quotation]) -> dict[str, Any]:
    return {
        "quotes": [
            {
                "kind": quotation.kind,
                "speaker": quotation.speaker,
                "text": quotation.text,
                "parts": [
                    {"start": p.start, "end": p.end, "text": p.text} for p in quotation.parts
                ],
                "paragraph": quotation.paragraph,
                "sentence": quotation.sentence,
            }
            for quotation in quotations
        ]
    }
