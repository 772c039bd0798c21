"""Plain text output: for pipes, files, NO_COLOR and TERM=dumb.

No function here prints; each returns the text for ``cli.emit`` to print
once. Nothing here imports rich.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from aleppo_cli.output.safe import visible
from aleppo_cli.output.shared import (
    CODE_INDENT,
    GLUE,
    MARK,
    TEXT_COLUMNS,
    block_prefix,
    by_section_title,
    compare_title,
    comparison_abbreviations,
    count_line,
    info_rows,
    joined_to_previous,
    location,
    locations,
    meta_lines,
    numbered_segments,
    quoted,
    quoted_visible,
    quotes_count,
    sentence_range,
    summary_title,
    text_rows,
    title_heading,
    where,
    with_prefixes,
)
from aleppo_cli.output.shared import locator as shared_locator
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:  # only the command that makes them imports each of these
    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.quotes.selection import Speaker
    from aleppo_cli.analysis.search import SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary
    from aleppo_cli.text.sections import Locator, Section


def show_plain(source: Source, document: Document, width: int, numbers: bool) -> str:
    lines = [
        *_wrap(visible(source.title), width, break_words=False),
        *(visible(line) for line in meta_lines(source, width)),
    ]
    previous = None
    for paragraph in document.paragraphs[0 if numbers else title_heading(source, document) :]:
        if not joined_to_previous(previous, paragraph):
            lines.append("")
        previous = paragraph
        if paragraph.kind == "code":  # verbatim, never wrapped
            lines.extend(
                (CODE_INDENT + visible(line)).rstrip() for line in paragraph.text.split("\n")
            )
            continue
        body = paragraph.text
        if numbers:
            body, _ = with_prefixes(body, numbered_segments(paragraph, numbers))
        first, other = block_prefix(paragraph)
        if first:
            lines.extend(_hanging(first, visible(body), width, other))
        else:
            lines.extend(_wrap(visible(body), width))
    return "\n".join(lines) + "\n"


def toc_plain(source: Source, document: Document, width: int) -> str:
    """The title, then a line a section: its number, indented by its level, its title."""
    lines = [
        *_wrap(visible(source.title), width, break_words=False),
        *(visible(line) for line in meta_lines(source, width)),
        "",
    ]
    digits = len(str(len(document.sections)))
    for section in document.sections:
        prefix = f"{section.number:>{digits}}  {'  ' * (section.level - 1)}"
        lines.extend(_hanging(prefix, visible(section.title), width))
    lines.append("")
    lines.append(count_line(len(document.sections), "section"))
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int, break_words: bool = True) -> list[str]:
    lines = _between_spaces(text, width) if break_words else None
    if lines is None:
        lines = textwrap.wrap(
            text, width=width, break_long_words=break_words, break_on_hyphens=False
        )
    return [line.replace(GLUE, " ") for line in lines] or [""]


def _between_spaces(text: str, width: int) -> list[str] | None:
    """What ``textwrap.wrap(text, width, break_on_hyphens=False)`` gives, for
    the common text it can be found for quickly, a line and not a word at a
    time: printable words (every white space character but the space is
    unprintable; GLUE inside words only) between single spaces, none longer
    than a line. None for any other text."""
    printable = text.replace(GLUE, "x").isprintable() if GLUE in text else text.isprintable()
    if width < 1 or not printable or "  " in text or text[:1] == " " or text[-1:] == " ":
        return None
    if GLUE in text and (
        f" {GLUE}" in text or f"{GLUE} " in text or text[:1] == GLUE or text[-1:] == GLUE
    ):
        return None  # GLUE on its own could make a chunk textwrap takes for white space
    lines = []
    start = 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width + 1)  # after the last word that fits
        if cut == -1:
            return None  # a word longer than a line, which textwrap breaks
        lines.append(text[start:cut])
        start = cut + 1
    if start < len(text):
        lines.append(text[start:])
    return lines


def glued(text: str) -> str:
    """``text`` kept on one line when wrapped (a number with its sentence's
    first word, a dash with the speaker's name)."""
    return text.replace(" ", GLUE)


def info_plain(source: Source, stats: Stats, sections: Sequence[Section] = ()) -> str:
    rows = info_rows(source, stats, sections)
    label_width = max(len(label) for label, _ in rows)
    return "".join(f"{label:<{label_width}}  {visible(value)}\n" for label, value in rows)


def texts_plain(entries: Iterable[TextInfo]) -> str:
    rows = [tuple(c.upper() for c in TEXT_COLUMNS), *text_rows(entries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TEXT_COLUMNS))]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in rows
    )


def _hanging(prefix: str, text: str, width: int | None, other: str | None = None) -> list[str]:
    """``text`` after ``prefix``, continuation lines indented to match (or
    after ``other``); on one line when ``width`` is None (output for grep: one
    record a line)."""
    if width is None:
        return [(prefix + text.replace(GLUE, " ")).rstrip()]
    lines = textwrap.wrap(
        text,
        width=width,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix) if other is None else other,
        break_on_hyphens=False,
    )
    return [line.replace(GLUE, " ") for line in lines] or [prefix.rstrip()]


def summary_plain(
    source: Source, summary: Summary, width: int | None, sections: Sequence[Section] = ()
) -> str:
    title = visible(summary_title(source, summary))
    lines = [title] if width is None else _wrap(title, width, break_words=False)
    if width is None:
        lines.append("")
    locator = shared_locator(sections)
    for sentence in summary.sentences:
        if width is not None:
            lines.append("")
        where = f"{visible(location(locator, sentence.paragraph))}: " if locator else ""
        lines.extend(_hanging(f"[{sentence.number}] ", where + visible(sentence.text), width))
    return "\n".join(lines) + "\n"


def by_section_plain(
    source: Source,
    document: Document,
    algorithm: str,
    parts: Sequence[tuple[Section, Summary]],
    width: int | None,
) -> str:
    """The title, then each section's title and its sentences under it (a
    sentence a line into a pipe, as a summary prints)."""
    title = visible(by_section_title(source, document, algorithm, len(parts)))
    lines = [title] if width is None else _wrap(title, width, break_words=False)
    for section, summary in parts:
        lines.append("")
        heading = visible(section.title)
        lines.extend([heading] if width is None else _wrap(heading, width, break_words=False))
        for sentence in summary.sentences:
            lines.extend(_hanging(f"  [{sentence.number}] ", visible(sentence.text), width))
    return "\n".join(lines) + "\n"


def highlight_plain(document: Document, summary: Summary, width: int | None) -> str:
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


def compare_plain(source: Source, comparison: Comparison, width: int | None) -> str:
    """A title, a legend, then a record per sentence: its number, how many
    algorithms chose it and which (by their short names), and the sentence."""
    short = comparison_abbreviations(comparison.algorithms)
    title = visible(compare_title(source, comparison))
    lines = [title] if width is None else _wrap(title, width, break_words=False)
    lines.append("")
    legend = "  ".join(f"{short[name]}={name}" for name in comparison.algorithms)
    lines.extend(_hanging("", legend, width) if width is not None else [legend])
    lines.append("")
    total = len(comparison.algorithms)
    for row in comparison.rows:
        chosen = ",".join(short[name] for name in row.chosen_by)
        prefix = f"[{row.sentence.number}] {len(row.chosen_by)}/{total} {chosen}: "
        if width is None:
            lines.append(prefix + visible(row.sentence.text))
        else:
            lines.append(prefix.rstrip())
            lines.extend(_hanging("    ", visible(row.sentence.text), width))
    return "\n".join(lines) + "\n"


def search_plain(found: SearchResult, width: int | None, sections: Sequence[Section] = ()) -> str:
    """Hits grouped by sentence. One record a line when ``width`` is None, as
    grep prints: ``place: sentence`` for a hit, ``place- sentence`` for
    context, ``--`` between blocks; else wrapped, the hit's sentence marked
    with ``>`` when context is shown."""
    locator = shared_locator(sections)
    lines: list[str] = []
    for number, block in enumerate(found.blocks):
        if number and width is None and found.around:
            lines.append("--")
        elif number and width is not None:
            lines.append("")
        for sentence in block.sentences:
            hit_group = block.group_at(sentence)
            if hit_group is not None:
                label = visible(where(hit_group, found.mode == "fuzzy", locator))
                text = " ".join(visible(s.text) for s in hit_group.sentences)
                if width is None:
                    lines.append(f"{label}: {text}")
                else:
                    lines.append(label)
                    mark = f"> [{sentence.number}] " if found.around else "  "
                    lines.extend(_hanging(mark, text, width))
            elif not block.is_hit(sentence):
                place = location(
                    locator, sentence.paragraph, sentence_range(sentence.number, sentence.number)
                )
                if width is None:
                    lines.append(f"{place}- {visible(sentence.text)}")
                else:
                    mark = f"  [{sentence.number}] "
                    lines.extend(_hanging(mark, visible(sentence.text), width))
    if lines:
        lines.append("")
    lines.append(count_line(len(found.hits), "hit"))
    return "\n".join(lines) + "\n"


def quotes_plain(
    raw: str,
    quotations: Sequence[Quotation],
    hidden: int,
    width: int | None,
    show_kind: bool,
    sections: Sequence[Section] = (),
) -> str:
    locator = shared_locator(sections)
    lines: list[str] = []
    if width is None:
        return _quotes_lines(raw, quotations, hidden, show_kind, locator)
    for quotation in quotations:
        kind = f"{quotation.kind}: " if show_kind else ""
        if locator:
            kind = f"{visible(location(locator, quotation.paragraph))}: {kind}"
        speaker = quotation.speaker or ("(speaker unknown)" if quotation.kind == "speech" else "")
        who = glued(f" — {visible(speaker)}") if speaker else ""
        body = f"{kind}{visible(quoted(quotation, raw))}{who}"
        lines.extend(_hanging(f"[{quotation.sentence}] ", body, width))
    lines.append("")
    lines.append(quotes_count(len(quotations), hidden))
    return "\n".join(lines) + "\n"


def _quotes_lines(
    raw: str,
    quotations: Sequence[Quotation],
    hidden: int,
    show_kind: bool,
    locator: Locator | None,
) -> str:
    """``quotes_plain`` unwrapped: a quotation a line, as ``_hanging`` writes
    it with no width (``visible``, the glue made spaces, ``rstrip``), and
    the glue of a wrapped line's speaker never put in. Each piece a line is
    made of is made once (a paragraph's location, a speaker's ending), and
    ``visible`` and the glue's spaces (``_shown``) go only into the pieces
    that may hold a character they change (the sections' paths, the
    speakers' names, the quotations' words: ``quoted_visible``, which
    holds no glue, as it is white space): the same as over the whole line,
    as both map character by character. A line with a speaker ends in its
    name (stripped here) or in "(speaker unknown)"; one without, in its
    words, stripped as the line."""
    places = None  # a paragraph's "location: "
    if locator:
        paragraphs = dict.fromkeys(map(_PARAGRAPH, quotations))
        located = locations(locator, paragraphs, _shown).items()
        places = {paragraph: f"{place}: " for paragraph, place in located}
    labels: dict[str, str] = {}  # a kind's "kind: "
    endings: dict[str, str] = {}  # a speaker's " — name"
    unknown = " — (speaker unknown)"
    lines: list[str] = []
    add = lines.append
    for quotation, words in zip(quotations, quoted_visible(quotations, raw), strict=True):
        prefix = places[quotation.paragraph] if places is not None else ""
        kind_of = quotation.kind
        if show_kind:
            label = labels.get(kind_of)
            if label is None:
                label = labels[kind_of] = _shown(f"{kind_of}: ")
            prefix += label
        speaker = quotation.speaker
        if speaker:
            ending = endings.get(speaker)
            if ending is None:  # (never empty: "—" is no white space)
                ending = endings[speaker] = _shown(f" — {speaker}").rstrip()
        elif kind_of == "speech":
            ending = unknown
        else:  # (the line ends in its words: stripped as ``_hanging`` strips it)
            add(f"[{quotation.sentence}] {prefix}{words}".rstrip())
            continue
        add(f"[{quotation.sentence}] {prefix}{words}{ending}")
    lines.append("")
    lines.append(quotes_count(len(quotations), hidden))
    return "\n".join(lines) + "\n"


_PARAGRAPH = attrgetter("paragraph")


def _shown(text: str) -> str:
    """``text`` as a plain line shows it: ``visible``, the glue made spaces."""
    return visible(text).replace(GLUE, " ") if not text.isprintable() else text


def speakers_plain(speakers: Sequence[Speaker], width: int | None) -> str:
    """A line a person: quotations, fullest name, gender where known, other names."""
    lines: list[str] = []
    digits = len(str(speakers[0].quotations)) if speakers else 1
    for speaker in speakers:
        person = speaker.person
        gender = {"M": "male", "F": "female"}.get(person.gender.value) if person.gender else None
        others = [n for n in person.names if n != person.name]
        body = visible(person.name)
        if gender:
            body += f" ({gender})"
        if others:
            body += f"; also {visible(', '.join(others))}"
        lines.extend(_hanging(f"{speaker.quotations:>{digits}} ", body, width))
    lines.append("")
    lines.append(count_line(len(speakers), "speaker"))
    return "\n".join(lines) + "\n"
