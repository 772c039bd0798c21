"""The pieces the plain and the styled renderings share: labels, counts,
groupings and the numbering of sentences inside a paragraph."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from aleppo_cli.output.safe import visible
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document, Paragraph
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:  # only the command that makes them imports each of these
    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.search import HitGroup
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary
    from aleppo_cli.text.sections import Locator, Section


SEPARATOR = " · "


def meta_parts(source: Source) -> list[str]:
    """What the header says of a text beside its title: kind, author, date,
    publisher, origin (nothing for standard input, whose title says it all)."""
    if source.kind == "stdin":
        return []
    parts = (source.kind, source.author, source.date, source.publisher, source.origin)
    return [part for part in parts if part]


def meta_line(source: Source) -> str:
    return SEPARATOR.join(meta_parts(source))


def meta_lines(source: Source, width: int) -> list[str]:
    """The meta line wrapped at ``width`` between its parts, never inside one
    (a URL stays whole) and never leaving a separator at a line's end."""
    lines: list[str] = []
    for part in meta_parts(source):
        if lines and len(lines[-1]) + len(SEPARATOR) + len(part) <= width:
            lines[-1] += SEPARATOR + part
        else:
            lines.append(part)
    return lines


GLUE = "\u00a0"  # a space no line is broken at; a plain space again once wrapped


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


def title_heading(source: Source, document: Document) -> int:
    """How many paragraphs ``show`` leaves out below the header: 1 when the
    text opens with a heading that repeats the title the header shows (a
    Markdown file's ``# Title``), else 0. The document keeps the heading: its
    section, offsets and sentence numbers are unchanged (``--numbers`` shows
    it, so that the numbers start at 1)."""
    paragraphs = document.paragraphs
    if not paragraphs or paragraphs[0].kind != "heading" or len(paragraphs) < 2:
        return 0
    return int(_words(paragraphs[0].text) == _words(source.title))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def joined_to_previous(previous: Paragraph | None, paragraph: Paragraph) -> bool:
    """List items and table rows follow each other with no blank line between."""
    return (
        previous is not None
        and previous.kind == paragraph.kind
        and paragraph.kind in ("item", "row")
    )


def numbered_segments(paragraph: Paragraph, numbers: bool) -> list[tuple[int, str]]:
    """(offset in paragraph text where a sentence starts, prefix) pairs. The
    number is glued to the sentence's first word: it never ends a line."""
    if not numbers:
        return []
    base = paragraph.clean_start
    return [
        (sentence.clean_start - base, f"[{sentence.number}]{GLUE}")
        for sentence in paragraph.sentences
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


def info_rows(
    source: Source, stats: Stats, sections: Sequence[Section] = ()
) -> list[tuple[str, str]]:
    return [
        ("Title", source.title),
        ("Source", meta_line(source)),
        ("Words", f"{stats.words:,}"),
        ("Sentences", f"{stats.sentences:,}"),
        ("Paragraphs", f"{stats.paragraphs:,}"),
        *([("Sections", sections_count(sections))] if sections else []),
        ("Characters", f"{stats.characters:,}"),
        (
            "Reading time",
            f"{duration(stats.reading_minutes)} at {stats.words_per_minute} words a minute",
        ),
        ("Repairs", repairs_line(stats)),
    ]


def sections_count(sections: Sequence[Section]) -> str:
    """How many sections, and how many at the top level when they nest:
    "382 (17 at the top level)"."""
    top = sum(1 for section in sections if section.level == 1)
    count = f"{len(sections):,}"
    return count if top == len(sections) else f"{count} ({top:,} at the top level)"


_DECISIONS = {
    "scraped": "the text looks scraped",
    "not scraped": "no sign of scraping",
    "forced": "--repair",
    "off": "--no-repair",
}


def repairs_line(stats: Stats) -> str:
    """What web-artifact repair did, and why: "2 ad-slot markers removed, 4
    run-together words split (the text looks scraped)"."""
    made = []
    if stats.ad_markers:
        made.append(f"{stats.ad_markers:,} ad-slot marker{'s' * (stats.ad_markers != 1)} removed")
    if stats.glued_words:
        words = "word" if stats.glued_words == 1 else "words"
        made.append(f"{stats.glued_words:,} run-together {words} split")
    why = _DECISIONS.get(stats.repair, stats.repair)
    return f"{', '.join(made) or 'none'} ({why})"


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if hours else f"{minutes} min"


TEXT_COLUMNS = ("name", "title", "kind", "source")


def text_rows(entries: Iterable[TextInfo]) -> list[Sequence[str]]:
    return [(e.name, e.title, e.kind, e.source) for e in entries]


DEFAULT_MEASURE = 88  # columns of prose, at most, when nothing else says

MARK = "*"  # plain --highlight: chosen sentences start with it, others with a space


def summary_title(source: Source, summary: Summary) -> str:
    return (
        f"{source.title}: {len(summary.sentences)} of {summary.total_sentences} sentences, "
        f"by {summary.algorithm}"
    )


def location(locator: Locator | None, paragraph: int, sentences: str = "") -> str:
    """Where a paragraph is, and its sentence(s) (``"sentence 12"``): in a
    text with sections "Chapter 19, ¶3, sentence 5530" (the section's label,
    led by its book's where chapters' labels repeat; ¶ counts the section's
    paragraphs after its heading; "heading" for the heading itself; "front
    matter" before the first section), else "paragraph 4, sentence 12". The
    one way every command writes a location."""
    place = locator.at(paragraph) if locator else None
    if place is not None:
        head = (
            f"{place.path}, heading"
            if place.paragraph == 0
            else f"{place.path}, ¶{place.paragraph}"
        )
    elif locator:
        head = f"front matter, ¶{paragraph}"
    else:
        head = f"paragraph {paragraph}"
    return f"{head}, {sentences}" if sentences else head


def locations(
    locator: Locator | None, paragraphs: Iterable[int], shown: Callable[[str], str] | None = None
) -> dict[int, str]:
    """``location(locator, paragraph)`` of each of ``paragraphs``, by
    paragraph, the sections looked up once for them all (a novel's
    quotations stand in thousands of paragraphs). ``shown``: made of each
    section's path first (a function that maps character by character and
    leaves the printable characters, such as ``safe.visible``: the same as
    over each location)."""
    if not locator:
        return {paragraph: f"paragraph {paragraph}" for paragraph in paragraphs}
    starts = [section.paragraph for section in locator.sections]
    paths = [section.path or section.label for section in locator.sections]
    if shown is not None:
        paths = list(map(shown, paths))
    found: dict[int, str] = {}
    for paragraph in paragraphs:
        index = bisect_right(starts, paragraph) - 1
        if index < 0:
            found[paragraph] = f"front matter, ¶{paragraph}"
        elif paragraph == starts[index]:
            found[paragraph] = f"{paths[index]}, heading"
        else:
            found[paragraph] = f"{paths[index]}, ¶{paragraph - starts[index]}"
    return found


def locator(sections: Sequence[Section]) -> Locator | None:
    """What ``location`` needs to place paragraphs; None for a text without sections."""
    if not sections:
        return None
    from aleppo_cli.text.sections import Locator

    return Locator(sections)


def sentence_range(first: int, last: int) -> str:
    return f"sentence {first}" if first == last else f"sentences {first}-{last}"


def by_section_title(source: Source, document: Document, algorithm: str, parts: int) -> str:
    return (
        f"{source.title}: {parts} of {len(document.sections)} sections summarized, by {algorithm}"
    )


def where(group: HitGroup, scores: bool = False, locator: Locator | None = None) -> str:
    """Where a group of hits is, how many, their best score, and who spoke."""
    first, last = group.sentences[0], group.sentences[-1]
    place = location(locator, first.paragraph, sentence_range(first.number, last.number))
    if len(group.hits) > 1:
        place += f" ({len(group.hits)} hits)"
    if scores:
        place += f" (score {max(hit.score for hit in group.hits):g})"
    return f"{place} — {group.speaker}" if group.speaker else place


def count_line(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def compare_title(source: Source, comparison: Comparison) -> str:
    names = len(comparison.algorithms)
    return (
        f"{source.title}: the {comparison.count} sentences each of {names} "
        f"algorithm{'' if names == 1 else 's'} chose, of {comparison.total_sentences}"
    )


def comparison_abbreviations(names: Sequence[str]) -> dict[str, str]:
    """Short names for the columns of a comparison: initials of the parts of
    a name (lex-rank: LR), or its first two letters (lsa: LS); unique."""
    short: dict[str, str] = {}
    for name in names:
        parts = name.split("-")
        candidate = "".join(p[0] for p in parts).upper() if len(parts) > 1 else name[:2].upper()
        while candidate in short.values():
            candidate = name[: len(candidate) + 1].upper()
        short[name] = candidate
    return short


def quoted(quotation: Quotation, raw: str) -> str:
    """The quotation between the marks the text itself uses (“”, «», "…"),
    its parts joined by an ellipsis. ``raw`` is the text as read."""
    parts = quotation.parts
    first, last = parts[0], parts[-1]
    before = raw[first.start - 1] if first.start > 0 else ""
    after = raw[last.end] if last.end < len(raw) else ""
    opening = before if before in _OPENINGS else "“"
    closing = after if after in _CLOSINGS else "”"
    if len(parts) == 1:  # most quotations (the same as the join below)
        return f"{opening}{single_spaced(first.text)}{closing}"
    body = " … ".join(single_spaced(part.text) for part in parts)
    return f"{opening}{body}{closing}"


def single_spaced(text: str) -> str:
    """``" ".join(text.split())``, without the split where that would give
    ``text`` with its line breaks as spaces (most of a novel's quotations):
    printable text holds no white space but the space (every other white
    space character is a control or separator), so with no two spaces
    together and none at either end its words are already single-spaced."""
    line = text.replace("\n", " ") if "\n" in text else text
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(text.split())


# The marks ``quoted`` keeps from the text (an empty string, at either end of
# the text, is "in" them: no mark is put there).
_OPENINGS = quotemarks.OPENING + "»‘'"
_CLOSINGS = quotemarks.ANY_CLOSING + "’'"


def quoted_visible(quotations: Sequence[Quotation], raw: str) -> list[str]:
    """``[visible(quoted(quotation, raw)) for quotation in quotations]``,
    each made at once: a novel's quotations go through both in some 0.011 s
    with two calls each and two scans of their words, one of them by a
    pattern (``visible``); so ``visible`` goes only over a part whose words
    are not printable (the marks always are), and ``single_spaced``'s test
    of the words is that they are (``_spaced_visible``, written out for a
    quotation of one part)."""
    size = len(raw)
    openings, closings = _OPENINGS, _CLOSINGS
    shown: list[str] = []
    add = shown.append
    for quotation in quotations:
        parts = quotation.parts
        first, last = parts[0], parts[-1]
        start, end = first.start, last.end
        before = raw[start - 1] if start > 0 else ""
        after = raw[end] if end < size else ""
        opening = before if before in openings else "“"
        closing = after if after in closings else "”"
        if len(parts) == 1:  # most quotations: ``_spaced_visible`` written out
            text = first.text
            line = text.replace("\n", " ") if "\n" in text else text
            if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
                add(f"{opening}{line}{closing}")
            else:
                add(f"{opening}{visible(' '.join(text.split()))}{closing}")
            continue
        body = " … ".join(_spaced_visible(part.text) for part in parts)
        add(f"{opening}{body}{closing}")
    return shown


def _spaced_visible(text: str) -> str:
    """``visible(single_spaced(text))``: printable words are visible already."""
    line = text.replace("\n", " ") if "\n" in text else text
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return visible(" ".join(text.split()))


def quotes_count(shown: int, hidden: int) -> str:
    line = count_line(shown, "quotation")
    if hidden:
        line += f" ({hidden} more quoted titles, names or words: --all shows them)"
    return line
