"""Styled output for a terminal: one rich renderable per command.

Imported only when the output goes to a terminal (``cli.emit``). User text
never meets rich markup: it goes into ``Text`` objects as plain strings,
made visible (``shared.visible``) first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from aleppo_cli.output import shared
from aleppo_cli.output.safe import visible
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document, Paragraph
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:
    from rich.table import Table

    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.search import SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary

QUOTE_STYLE = "italic cyan"
HIGHLIGHT_STYLE = "bold yellow"
HEADING_STYLE = "bold"
NUMBER_STYLE = "dim"
TITLE_STYLE = "bold"
META_STYLE = "dim"
HIT_STYLE = "bold reverse"
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


def paragraph_text(
    paragraph: Paragraph, numbers: bool = False, highlight: Collection[int] = ()
) -> Text:
    """A paragraph as a styled ``Text``: quotations, sentence numbers, headings
    and the sentences numbered in ``highlight`` marked."""
    prefixes = shared.numbered_segments(paragraph, numbers)
    body, shifts = shared.with_prefixes(paragraph.text, prefixes)
    text = Text(visible(body), style=HEADING_STYLE if paragraph.heading else "")
    for emphasis in paragraph.emphasis:
        start, end = emphasis.clean_start, min(emphasis.clean_end, len(paragraph.text))
        if 0 <= start < end:
            text.stylize(EMPHASIS_STYLES[emphasis.style], start + shifts[start], end + shifts[end])
    for start, end in quotemarks.spans(paragraph.text):
        text.stylize(QUOTE_STYLE, start + shifts[start], end + shifts[end])
    for sentence in paragraph.sentences:
        if sentence.number in highlight:
            start = sentence.clean_start - paragraph.clean_start
            end = sentence.clean_end - paragraph.clean_start
            text.stylize(HIGHLIGHT_STYLE, start + shifts[start], end + shifts[end])
    for offset, prefix in prefixes:
        position = offset + shifts[offset] - len(prefix)
        text.stylize(NUMBER_STYLE, position, position + len(prefix))
    return text


def show(source: Source, document: Document, width: int, numbers: bool) -> RenderableType:
    header = Group(
        Text(visible(source.title), style=TITLE_STYLE),
        Text(visible(shared.meta_line(source)), style=META_STYLE),
        Rule(style=META_STYLE),
    )
    return Constrain(Group(header, *blocks(document, numbers)), width)


def blocks(
    document: Document, numbers: bool = False, highlight: Collection[int] = ()
) -> list[RenderableType]:
    """Each paragraph as the terminal shows it: list items with bullets,
    quotes with a bar, code verbatim (never wrapped), emphasis in italics."""
    shown: list[RenderableType] = []
    previous = None
    for paragraph in document.paragraphs:
        top = 0 if shared.joined_to_previous(previous, paragraph) else 1
        previous = paragraph
        if paragraph.kind == "code":
            code = Text(visible(paragraph.text), style=CODE_STYLE, no_wrap=True, overflow="crop")
            shown.append(Padding(code, (top, 0, 0, len(shared.CODE_INDENT))))
            continue
        text = paragraph_text(paragraph, numbers, highlight)
        first, _ = shared.block_prefix(paragraph)
        if first:
            grid = _grid()
            grid.add_column(no_wrap=True, style=MARKER_STYLE)
            grid.add_column()
            grid.add_row(Text(first), text)
            shown.append(Padding(grid, (top, 0, 0, 0)))
        else:
            shown.append(Padding(text, (top, 0, 0, 0)))
    return shown


def info(source: Source, stats: Stats) -> RenderableType:
    table = _grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in shared.info_rows(source, stats):
        table.add_row(label, Text(visible(value)))
    return table


def texts(entries: Iterable[TextInfo]) -> RenderableType:
    table = _new_table(box=None, header_style="bold", pad_edge=False)
    for column in shared.TEXT_COLUMNS:
        table.add_column(column.capitalize(), overflow="fold")
    for row in shared.text_rows(entries):
        table.add_row(*(Text(cell) for cell in row))
    return table


def summary(source: Source, result: Summary, width: int) -> RenderableType:
    table = _grid(padding=(0, 1, 1, 0))
    table.add_column(style=NUMBER_STYLE, justify="right", no_wrap=True)
    table.add_column()
    for sentence in result.sentences:
        body = Text(visible(sentence.text))
        for start, end in quotemarks.spans(sentence.text):
            body.stylize(QUOTE_STYLE, start, end)
        table.add_row(f"[{sentence.number}]", body)
    header = Group(
        Text(visible(shared.summary_title(source, result)), style=TITLE_STYLE),
        Rule(style=META_STYLE),
    )
    return Constrain(Group(header, Text(""), table), width)


def highlight(source: Source, document: Document, summary: Summary, width: int) -> RenderableType:
    chosen = {sentence.number for sentence in summary.sentences}
    header = Group(
        Text(visible(shared.summary_title(source, summary)), style=TITLE_STYLE),
        Rule(style=META_STYLE),
    )
    return Constrain(Group(header, *blocks(document, True, chosen)), width)


def compare(comparison: Comparison) -> RenderableType:
    table = _new_table(header_style="bold", box=None, pad_edge=False)
    table.add_column("#", justify="right", style=NUMBER_STYLE)
    for name in comparison.algorithms:
        table.add_column(name, justify="center")
    table.add_column("votes", justify="right")
    table.add_column("sentence", overflow="ellipsis", no_wrap=True, max_width=shared.EXCERPT)
    for row in comparison.rows:
        marks = ["✓" if name in row.chosen_by else "·" for name in comparison.algorithms]
        table.add_row(
            str(row.sentence.number),
            *marks,
            str(len(row.chosen_by)),
            Text(visible(row.sentence.text)),
        )
    return table


def search(found: SearchResult, width: int) -> RenderableType:
    items: list[RenderableType] = []
    for hits, speaker, around in shared.by_sentence(found):
        items.append(Text(visible(shared.where(hits[0], speaker, len(hits))), style=NUMBER_STYLE))
        for sentence in around:
            body = Text(visible(sentence.text))
            if sentence.number == hits[0].sentence.number:
                for hit in hits:
                    start = hit.clean_start - sentence.clean_start
                    end = min(hit.clean_end - sentence.clean_start, len(sentence.text))
                    body.stylize(HIT_STYLE, start, end)
            else:
                body.stylize(NUMBER_STYLE)
            items.append(Padding(body, (0, 0, 0, 2)))
        items.append(Text(""))
    items.append(Text(shared.count_line(len(found.hits), "hit"), style="bold"))
    return Constrain(Group(*items), width)


def quotes(
    quotations: Sequence[Quotation], hidden: int, width: int, show_kind: bool
) -> RenderableType:
    table = _grid(padding=(0, 1))
    table.add_column(style=NUMBER_STYLE, justify="right", no_wrap=True)
    if show_kind:
        table.add_column(style="magenta", no_wrap=True)
    table.add_column()
    table.add_column(style="bold", no_wrap=True)
    for quotation in quotations:
        body = Text(
            visible(shared.quoted(quotation)),
            style=QUOTE_STYLE if quotation.kind == "speech" else "",
        )
        who = Text(visible(quotation.speaker or ("?" if quotation.kind == "speech" else "")))
        cells: list[Any] = [f"[{quotation.sentence}]"]
        if show_kind:
            cells.append(quotation.kind)
        table.add_row(*cells, body, who)
    return Constrain(
        Group(table, Text(""), Text(shared.quotes_count(len(quotations), hidden))), width
    )
