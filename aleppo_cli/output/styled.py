"""Styled output for a terminal: one rich renderable per command.

Imported only when the output goes to a terminal (``cli.emit``). User text
never meets rich markup: it goes into ``Text`` objects as plain strings,
made visible (``shared.visible``) first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from aleppo_cli.output import shared
from aleppo_cli.output.safe import visible
from aleppo_cli.output.shared import SEPARATOR
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document, Paragraph, Sentence
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:
    from rich.table import Table

    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.search import Hit, SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary
    from aleppo_cli.text.sections import Locator, Section

QUOTE_STYLE = "italic cyan"
WORK_STYLE = "italic"  # a quoted title of a work
HIGHLIGHT_STYLE = "bold yellow"
HEADING_STYLE = "bold"
NUMBER_STYLE = "dim"
TITLE_STYLE = "bold"
META_STYLE = "dim"
HIT_STYLE = "bold reverse"
KIND_STYLE = "magenta"
SPEAKER_STYLE = "bold"
EMPHASIS_STYLES = {"italic": "italic", "bold": "bold", "code": "green"}
CODE_STYLE = "green"
MARKER_STYLE = "dim"


def _new_table(**options: Any) -> Table:
    """A rich Table; rich.table is imported on first use (show and search have
    none, and it costs them 4 ms of start-up)."""
    from rich.table import Table

    return Table(**options)


def _grid(**options: Any) -> Table:
    from rich.table import Table

    return Table.grid(**options)


def quote_style(text: str, start: int, end: int) -> str:
    """Speech in italic cyan; a title of a work ("Last Men in Aleppo") in
    italics alone, as print sets it."""
    return WORK_STYLE if quotemarks.looks_like_title(text[start + 1 : end - 1]) else QUOTE_STYLE


def paragraph_text(
    paragraph: Paragraph,
    numbers: bool = False,
    highlight: Collection[int] = (),
    width: int | None = None,
) -> Text:
    """A paragraph as a styled ``Text``: quotations, sentence numbers, headings
    and the sentences numbered in ``highlight`` marked. With numbers and a
    ``width``, it comes wrapped, each number on the line of its sentence."""
    prefixes = shared.numbered_segments(paragraph, numbers)
    body, shifts = shared.with_prefixes(paragraph.text, prefixes)
    text = Text(visible(body), style=HEADING_STYLE if paragraph.heading else "")
    for emphasis in paragraph.emphasis:
        start, end = emphasis.clean_start, min(emphasis.clean_end, len(paragraph.text))
        if 0 <= start < end:
            text.stylize(EMPHASIS_STYLES[emphasis.style], start + shifts[start], end + shifts[end])
    for start, end in quotemarks.spans(paragraph.text):
        style = quote_style(paragraph.text, start, end)
        text.stylize(style, start + shifts[start], end + shifts[end])
    for sentence in paragraph.sentences:
        if sentence.number in highlight:
            start = sentence.clean_start - paragraph.clean_start
            end = sentence.clean_end - paragraph.clean_start
            text.stylize(HIGHLIGHT_STYLE, start + shifts[start], end + shifts[end])
    for offset, prefix in prefixes:
        position = offset + shifts[offset] - len(prefix)
        text.stylize(NUMBER_STYLE, position, position + len(prefix))
    if not prefixes:
        return text
    return _wrapped(text, width) if width else _unglued(text)


def _wrapped(text: Text, width: int) -> Text:
    """``text`` broken into lines here rather than by rich, which would break
    at a glued space too (rich breaks at every Unicode space)."""
    import textwrap

    plain = text.plain
    lines = textwrap.wrap(
        plain, width, expand_tabs=False, replace_whitespace=False, break_on_hyphens=False
    )
    pieces: list[Text] = []
    position = 0
    for line in lines:
        start = plain.find(line, position)
        position = start + len(line)
        pieces.append(text[start:position])
    return _unglued(Text("\n").join(pieces), no_wrap=True, overflow="fold")


def _unglued(text: Text, **options: Any) -> Text:
    """``text`` with its glued spaces plain spaces again (same length, same styles)."""
    plain = text.plain.replace(shared.GLUE, " ")
    return Text(plain, style=text.style, spans=text.spans, **options)


def show(source: Source, document: Document, width: int, numbers: bool) -> RenderableType:
    return Group(*show_parts(source, document, width, numbers))


def show_parts(
    source: Source, document: Document, width: int, numbers: bool
) -> Iterator[RenderableType]:
    """The header, then a paragraph at a time: made only as they are printed."""
    yield Constrain(
        Group(
            Text(visible(source.title), style=TITLE_STYLE),
            *(Text(visible(line), style=META_STYLE) for line in shared.meta_lines(source, width)),
            Rule(style=META_STYLE),
        ),
        width,
    )
    start = 0 if numbers else shared.title_heading(source, document)
    for block in blocks(document, numbers, width=width, start=start):
        yield Constrain(block, width)


def blocks(
    document: Document,
    numbers: bool = False,
    highlight: Collection[int] = (),
    width: int | None = None,
    start: int = 0,
) -> Iterator[RenderableType]:
    """Each paragraph from ``start`` as the terminal shows it, one at a time:
    list items with bullets, quotes with a bar, code verbatim (never wrapped),
    emphasis in italics."""
    previous = None
    for paragraph in document.paragraphs[start:]:
        top = 0 if shared.joined_to_previous(previous, paragraph) else 1
        previous = paragraph
        if paragraph.kind == "code":
            code = Text(visible(paragraph.text), style=CODE_STYLE, no_wrap=True, overflow="crop")
            yield Padding(code, (top, 0, 0, len(shared.CODE_INDENT)))
            continue
        first, _ = shared.block_prefix(paragraph)
        inner = None if width is None else max(1, width - len(first))
        text = paragraph_text(paragraph, numbers, highlight, width=inner)
        if first:
            grid = _grid()
            grid.add_column(no_wrap=True, style=MARKER_STYLE)
            grid.add_column()
            grid.add_row(Text(first), text)
            yield Padding(grid, (top, 0, 0, 0))
        else:
            yield Padding(text, (top, 0, 0, 0))


def info(
    source: Source, stats: Stats, width: int, sections: Sequence[Section] = ()
) -> RenderableType:
    rows = shared.info_rows(source, stats, sections)
    label_width = max(len(label) for label, _ in rows)
    table = _grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")  # nothing lost, even narrower than a URL
    for label, value in rows:
        if label == "Source":  # wrapped between its parts, a URL whole
            value = "\n".join(shared.meta_lines(source, max(20, width - label_width - 2)))
        table.add_row(label, Text(visible(value)))
    return table


def texts(entries: Iterable[TextInfo]) -> RenderableType:
    """A block a text: its name, then its title, kind and source indented
    (the URL on a line of its own, so it is never broken)."""
    blocks: list[RenderableType] = []
    for entry in entries:
        about = SEPARATOR.join(part for part in (entry.kind, entry.publisher) if part)
        blocks += [
            Text(visible(entry.name), style=TITLE_STYLE),
            Text("  " + visible(entry.title)),
            Text("  " + visible(about), style=META_STYLE),
            Text("  " + visible(entry.source), style=META_STYLE, overflow="ignore"),
        ]
    return Group(*blocks)


def summary(
    source: Source, result: Summary, width: int, sections: Sequence[Section] = ()
) -> RenderableType:
    header = Group(
        Text(visible(shared.summary_title(source, result)), style=TITLE_STYLE),
        Rule(style=META_STYLE),
    )
    locator = shared.locator(sections)
    return Constrain(Group(header, Text(""), _sentences(result.sentences, locator)), width)


def _sentences(sentences: Iterable[Sentence], locator: Locator | None = None) -> Table:
    """A summary's sentences, their numbers in a column, quotations styled;
    in a text with sections, each led by where it is."""
    table = _grid(padding=(0, 1, 1, 0))
    table.add_column(style=NUMBER_STYLE, justify="right", no_wrap=True)
    table.add_column()
    for sentence in sentences:
        body = Text(visible(sentence.text))
        for start, end in quotemarks.spans(sentence.text):
            body.stylize(quote_style(sentence.text, start, end), start, end)
        if locator:
            where = visible(shared.location(locator, sentence.paragraph))
            body = Text.assemble((where, META_STYLE), "\n", body)
        table.add_row(f"[{sentence.number}]", body)
    return table


def by_section(
    source: Source,
    document: Document,
    algorithm: str,
    parts: Sequence[tuple[Section, Summary]],
    width: int,
) -> RenderableType:
    header = Group(
        Text(
            visible(shared.by_section_title(source, document, algorithm, len(parts))),
            style=TITLE_STYLE,
        ),
        Rule(style=META_STYLE),
    )
    blocks: list[RenderableType] = [header]
    for section, summary in parts:
        blocks += [Text(""), Text(visible(section.title), style=HEADING_STYLE)]
        blocks.append(_sentences(summary.sentences))
    return Constrain(Group(*blocks), width)


def highlight(source: Source, document: Document, summary: Summary, width: int) -> RenderableType:
    return Group(*highlight_parts(source, document, summary, width))


def highlight_parts(
    source: Source, document: Document, summary: Summary, width: int
) -> Iterator[RenderableType]:
    chosen = {sentence.number for sentence in summary.sentences}
    yield Constrain(
        Group(
            Text(visible(shared.summary_title(source, summary)), style=TITLE_STYLE),
            Rule(style=META_STYLE),
        ),
        width,
    )
    for block in blocks(document, True, chosen, width=width):
        yield Constrain(block, width)


def compare(source: Source, comparison: Comparison, width: int) -> RenderableType:
    """Stacked, to read at any width: a record per sentence, the algorithms
    that chose it by short name (the legend under the title)."""
    short = shared.comparison_abbreviations(comparison.algorithms)
    legend = Text("  ".join(f"{short[n]}={n}" for n in comparison.algorithms), style=META_STYLE)
    items: list[RenderableType] = [
        Text(visible(shared.compare_title(source, comparison)), style=TITLE_STYLE),
        legend,
        Rule(style=META_STYLE),
    ]
    total = len(comparison.algorithms)
    for row in comparison.rows:
        head = Text.assemble(
            (f"[{row.sentence.number}] ", NUMBER_STYLE),
            (f"{len(row.chosen_by)}/{total} ", "bold"),
            " ".join(short[name] for name in row.chosen_by),
        )
        body = Text(visible(row.sentence.text))
        items += [Text(""), head, Padding(body, (0, 0, 0, 4))]
    return Constrain(Group(*items), width)


def search(found: SearchResult, width: int, sections: Sequence[Section] = ()) -> RenderableType:
    locator = shared.locator(sections)
    items: list[RenderableType] = []
    for number, block in enumerate(found.blocks):
        if number:
            items.append(Text(""))
        for sentence in block.sentences:
            hit_group = block.group_at(sentence)
            if hit_group is not None:
                label = shared.where(hit_group, found.mode == "fuzzy", locator)
                items.append(Text(visible(label), style=NUMBER_STYLE))
                for covered in hit_group.sentences:
                    body = _with_hits(covered, hit_group.hits)
                    items.append(_marked(body, covered, "> ") if found.around else _indented(body))
            elif not block.is_hit(sentence):
                body = Text(visible(sentence.text), style=NUMBER_STYLE)
                items.append(_marked(body, sentence, "  "))  # context
    items.append(Text(""))
    items.append(Text(shared.count_line(len(found.hits), "hit"), style="bold"))
    return Constrain(Group(*items), width)


def _indented(body: Text) -> RenderableType:
    return Padding(body, (0, 0, 0, 2))


def _marked(body: Text, sentence: Sentence, mark: str) -> RenderableType:
    """With context shown, as in the plain output, each sentence carries its
    number, and a hit's sentence a ">"."""
    table = _grid(padding=(0, 1, 0, 0))
    table.add_column(no_wrap=True)
    table.add_column()
    head = Text.assemble((mark, "bold"), (f"[{sentence.number}]", NUMBER_STYLE))
    table.add_row(head, body)
    return table


def _with_hits(sentence: Sentence, hits: Sequence[Hit]) -> Text:
    """The sentence with the parts of ``hits`` that fall in it marked."""
    body = Text(visible(sentence.text))
    spans = [
        (piece.clean_start, piece.clean_end)
        for hit in hits
        for piece in (hit.pieces or (hit,))  # across an attribution: only the quoted words
    ]
    for clean_start, clean_end in spans:
        start = max(clean_start, sentence.clean_start) - sentence.clean_start
        end = min(clean_end, sentence.clean_end) - sentence.clean_start
        if end > start:
            body.stylize(HIT_STYLE, start, min(end, len(sentence.text)))
    return body


def quotes(
    raw: str,
    quotations: Sequence[Quotation],
    hidden: int,
    width: int,
    show_kind: bool,
    sections: Sequence[Section] = (),
) -> RenderableType:
    """A row a quotation: its sentence number, then its kind (with --all),
    the quotation and its speaker, wrapped together to any width."""
    table = _grid(padding=(0, 1))
    table.add_column(style=NUMBER_STYLE, justify="right", no_wrap=True)
    table.add_column()
    locator = shared.locator(sections)
    for quotation in quotations:
        speech = quotation.kind == "speech"
        body = Text()
        if locator:
            body.append(f"{visible(shared.location(locator, quotation.paragraph))}: ", META_STYLE)
        if show_kind:
            body.append(f"{quotation.kind}: ", style=KIND_STYLE)
        body.append(visible(shared.quoted(quotation, raw)), style=QUOTE_STYLE if speech else "")
        speaker = quotation.speaker or ("(speaker unknown)" if speech else "")
        if speaker:
            body.append(" — ")
            body.append(visible(speaker), style=SPEAKER_STYLE)
        table.add_row(f"[{quotation.sentence}]", body)
    return Constrain(
        Group(table, Text(""), Text(shared.quotes_count(len(quotations), hidden))), width
    )
