"""The pieces the plain and the styled renderings share: labels, counts,
groupings and the numbering of sentences inside a paragraph."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from aleppo_cli.text.document import Paragraph, Sentence
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:  # only the command that makes them imports each of these
    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.search import Hit, SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Summary


def meta_line(source: Source) -> str:
    parts = (source.kind, source.author, source.date, source.publisher, source.origin)
    return " · ".join(part for part in parts if part)


BULLET = "• "
QUOTE_BAR = "│ "
CODE_INDENT = "    "


def block_prefix(paragraph: Paragraph) -> tuple[str, str]:
    """What goes before a block's first line and before its other lines."""
    if paragraph.kind == "item":
        indent = "  " * max(0, paragraph.level - 1)
        mark = f"{paragraph.marker} " if paragraph.marker else BULLET
        return indent + mark, indent + " " * len(mark)
    if paragraph.kind == "quote":
        bars = QUOTE_BAR * max(1, paragraph.level)
        return bars, bars
    return "", ""


def joined_to_previous(previous: Paragraph | None, paragraph: Paragraph) -> bool:
    """List items and table rows follow each other with no blank line between."""
    return (
        previous is not None
        and previous.kind == paragraph.kind
        and paragraph.kind in ("item", "row")
    )


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


TEXT_COLUMNS = ("name", "title", "kind", "source")


def text_rows(entries: Iterable[TextInfo]) -> list[Sequence[str]]:
    return [(e.name, e.title, e.kind, e.source) for e in entries]


EXCERPT = 60

MARK = "*"  # plain --highlight: chosen sentences start with it, others with a space


def summary_title(source: Source, summary: Summary) -> str:
    return (
        f"{source.title}: {len(summary.sentences)} of {summary.total_sentences} sentences, "
        f"by {summary.algorithm}"
    )


def excerpt(text: str, limit: int = EXCERPT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


def quoted(quotation: Quotation) -> str:
    return "“" + " … ".join(" ".join(part.text.split()) for part in quotation.parts) + "”"


def quotes_count(shown: int, hidden: int) -> str:
    line = count_line(shown, "quotation")
    if hidden:
        line += f" ({hidden} more quoted titles, names or words: --all shows them)"
    return line
