"""The document widget: a Line API scroll view that renders only what is on
screen.

``Page`` (``layout.py``) says which line each paragraph starts on, for the
current measure; ``render_line`` wraps and styles just the paragraph under a
line, and keeps the styles of the paragraphs lately shown. The top line's
offset into the cleaned text (``top_offset``) is what the reader's position is:
it survives resizing, a new measure, sentence numbers, and the swap from a
preview to the whole document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from aleppo_cli.reader.find import Matches
from aleppo_cli.reader.layout import BODY, META, RULE, TITLE, Block, Page, clean_spans_to_display
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source

NARROW = 66
MEASURES = (NARROW, 88, 0)  # 0: the full width
MEASURE_NAMES = {NARROW: "narrow", 88: "88 columns", 0: "full width"}
PAGES_KEPT = 4  # pages (one per measure and numbering) kept for quick switching
STYLED_KEPT = 256  # paragraphs whose styles are kept


@dataclass
class Marks:
    """What is marked in the text, in cleaned-text spans."""

    matches: Matches | None = None
    current_match: int | None = None
    summary: Sequence[tuple[int, int]] = ()  # the summary's sentences, in order
    current_summary: int | None = None
    quote: Sequence[tuple[int, int]] = ()  # the parts of the current quotation
    target: tuple[int, int] | None = None  # a sentence gone to


class DocumentView(ScrollView, can_focus=True, inherit_bindings=False):
    """The text, as ``aleppo show`` lays it out, rendered line by line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document--title",
        "document--meta",
        "document--heading",
        "document--quote",
        "document--number",
        "document--summary",
        "document--summary-current",
        "document--match",
        "document--match-current",
        "document--quote-current",
        "document--target",
    }

    DEFAULT_CSS = """
    DocumentView {
        background: $background;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        scrollbar-background: $background;
        scrollbar-color: $panel-lighten-2;
    }
    DocumentView > .document--title { text-style: bold; color: $text; }
    DocumentView > .document--meta { color: $text-muted; }
    DocumentView > .document--heading { text-style: bold; color: $accent; }
    DocumentView > .document--quote { text-style: italic; color: $secondary; }
    DocumentView > .document--number { color: $text-disabled; text-style: dim; }
    DocumentView > .document--summary { text-style: bold underline; background: $warning 25%; }
    DocumentView > .document--summary-current {
        text-style: bold underline; background: $warning 60%; color: $text;
    }
    DocumentView > .document--match { background: $primary 45%; text-style: reverse; }
    DocumentView > .document--match-current {
        background: $warning; color: $background; text-style: bold underline;
    }
    DocumentView > .document--quote-current { text-style: italic underline; }
    DocumentView > .document--target { text-style: underline; }
    """

    def __init__(
        self,
        source: Source,
        document: Document,
        on_move: Callable[[], None] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.source = source
        self.document = document
        self.numbers = False
        self.measure_mode = 88
        self.marks = Marks()
        self.top_offset: int | None = None  # cleaned-text offset of the top line
        self._on_move = on_move
        self._pages: OrderedDict[tuple[int, bool], Page] = OrderedDict()
        self._styles: OrderedDict[int, list[Span]] = OrderedDict()
        self._page: Page | None = None
        self._pending: int | None = None  # where to go once laid out
        self._sentence_starts = [s.clean_start for s in document.sentences]

    # --- the page ----------------------------------------------------------

    @property
    def page(self) -> Page:
        if self._page is None:
            self._relayout()
        assert self._page is not None
        return self._page

    @property
    def content_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    @property
    def measure(self) -> int:
        """Columns of text: the mode's, within the width less a margin each side."""
        room = max(1, self.content_width - 2)
        return room if self.measure_mode == 0 else min(self.measure_mode, room)

    @property
    def margin(self) -> int:
        return max(0, (self.content_width - self.measure) // 2)

    def _relayout(self) -> None:
        key = (self.measure, self.numbers)
        page = self._pages.get(key)
        if page is None:
            page = Page(self.source, self.document, self.measure, self.numbers)
            self._pages[key] = page
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        self._pages.move_to_end(key)
        self._page = page
        self._styles.clear()
        self.virtual_size = Size(self.content_width, page.height)

    def reflow(self) -> None:
        """Lay the page out again (new width, measure or numbering), keeping
        the top line's text on top."""
        anchor = self.top_offset
        self._relayout()
        self._scroll_to_offset(anchor)
        self.refresh()

    def set_document(self, document: Document) -> None:
        """Swap in the whole document for its preview, or another one."""
        anchor = self.top_offset
        self.document = document
        self._sentence_starts = [s.clean_start for s in document.sentences]
        self._pages.clear()
        self._relayout()
        self._scroll_to_offset(anchor)
        self.refresh()

    @property
    def laid_out(self) -> bool:
        """The widget has its size: pages can be made."""
        return self._page is not None

    def on_resize(self) -> None:
        page = self._page
        if page is None or page.measure != self.measure:
            self.reflow()
        else:
            self.virtual_size = Size(self.content_width, page.height)
            self.refresh()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.call_after_refresh(self.go_to, pending)

    def restyle(self) -> None:
        """Marks changed: style the paragraphs on screen again."""
        self._styles.clear()
        self.refresh()

    # --- moving ------------------------------------------------------------

    @property
    def top(self) -> int:
        return round(self.scroll_y)

    @property
    def at_bottom(self) -> bool:
        return self.laid_out and self.top >= self.max_scroll_y

    def _scroll_to_offset(self, offset: int | None) -> None:
        y = 0 if offset is None else self.page.y_of(offset)
        self.scroll_to_line(y)

    def scroll_to_line(self, y: int) -> None:
        y = max(0, min(y, self.page.height - 1))
        self.scroll_to(y=y, animate=False, force=True)
        self._moved(y)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._moved(round(new_value))

    def go_when_laid_out(self, clean_offset: int) -> None:
        """Go to the offset once the widget has its size (at start)."""
        if self.laid_out:
            self.go_to(clean_offset)
        else:
            self._pending = clean_offset

    def _moved(self, y: int) -> None:
        if self._page is None:
            return
        self.top_offset = self._page.offset_at(y)
        if self._on_move is not None:
            self._on_move()

    def go_to(self, clean_offset: int, placement: str = "top") -> None:
        """Show the cleaned-text offset: on the top line, or a third of the way
        down, or (placement "visible") only scrolling if it is off screen."""
        y = self.page.y_of(clean_offset)
        height = max(1, self.scrollable_content_region.height)
        if placement == "visible" and self.top <= y < self.top + height:
            return
        if placement in ("third", "visible"):
            y -= height // 3
        self.scroll_to_line(y)

    def sentence_index_at(self, clean_offset: int | None) -> int:
        """0-based index of the sentence at the offset (the first at None)."""
        if clean_offset is None or not self._sentence_starts:
            return 0
        return max(0, bisect_right(self._sentence_starts, clean_offset) - 1)

    # --- rendering ---------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.content_width
        base = self.rich_style
        page = self.page
        line = page.line(self.top + y)
        if line is None:
            return Strip.blank(width, base)
        margin = self.margin
        if line.kind == BODY:
            block = page.block(line.block)
            text = Text(block.text[line.start : line.end], end="")
            text.spans.append(Span(0, line.end - line.start, base))  # rich leaves a lone style out
            for span in self._block_styles(line.block, block):
                if span.end > line.start and span.start < line.end:
                    text.spans.append(
                        Span(
                            max(0, span.start - line.start),
                            min(line.end, span.end) - line.start,
                            span.style,
                        )
                    )
        elif line.kind in (TITLE, META):
            style = self.get_component_rich_style(
                "document--title" if line.kind == TITLE else "document--meta"
            )
            text = Text(page.header_text(line.kind)[line.start : line.end], end="")
            text.stylize(base + style)
        elif line.kind == RULE:
            text = Text("─" * page.measure, end="")
            text.stylize(base + self.get_component_rich_style("document--meta"))
        else:
            return Strip.blank(width, base)
        if line.kind == BODY and line.start and block.hang:  # a list item's or quote's next line
            text = Text.assemble((block.hang, base + self._style("number")), text, end="")
        segments = [Segment(" " * margin, base), *text.render(self.app.console)]
        strip = Strip(segments, margin + cell_len(text.plain))
        return strip.adjust_cell_length(width, base)

    def _block_styles(self, index: int, block: Block) -> list[Span]:
        found = self._styles.get(index)
        if found is None:
            found = self._style_block(block)
            self._styles[index] = found
            while len(self._styles) > STYLED_KEPT:
                self._styles.popitem(last=False)
        return found

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"document--{name}")

    def _style_block(self, block: Block) -> list[Span]:
        paragraph = block.paragraph
        base = paragraph.clean_start
        end = paragraph.clean_end
        spans: list[Span] = []

        def add(name: str, ranges: Sequence[tuple[int, int]]) -> None:
            style = self._style(name)
            spans.extend(Span(a, b, style) for a, b in clean_spans_to_display(block, ranges))

        if paragraph.heading:
            add("heading", [(base, end)])
        add("quote", [(base + a, base + b) for a, b in quotemarks.spans(paragraph.text)])
        number = self._style("number")
        spans.extend(Span(a, b, number) for a, b in block.prefixes())
        marks = self.marks
        if marks.target is not None:
            add("target", [marks.target])
        if marks.summary:
            add("summary", [s for s in marks.summary if s[1] > base and s[0] < end])
            if marks.current_summary is not None:
                add("summary-current", [marks.summary[marks.current_summary]])
        if marks.quote:
            add("quote-current", marks.quote)
        found = marks.matches
        if found is not None and len(found):
            indexes = found.within(base, end)
            add("match", [found.span(i) for i in indexes if i != marks.current_match])
            if marks.current_match is not None and marks.current_match in indexes:
                add("match-current", [found.span(marks.current_match)])
        return spans
