"""The reader's panels: help, contents, quotations, the summary's options.

Every piece of user text goes into rich ``Text`` objects as plain strings
(made visible first), never into markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from aleppo_cli.analysis.search import fold
from aleppo_cli.reader.contents import Entry
from aleppo_cli.reader.keys import KEYS
from aleppo_cli.reader.layout import display

PANEL_CSS = """
ModalScreen { align: center middle; background: $background 60%; }
ModalScreen > Vertical {
    width: 90%; max-width: 100; height: 90%;
    border: round $accent; background: $surface; padding: 0 1;
}
ModalScreen .panel-title { text-style: bold; color: $accent; height: 1; }
ModalScreen .panel-hint { color: $text-muted; height: 1; }
ModalScreen OptionList { height: 1fr; border: none; background: $surface; padding: 0; }
ModalScreen Input { border: tall $panel; height: 3; }
ModalScreen VerticalScroll { height: 1fr; }
"""


def row(text: str, style: str = "") -> Text:
    """One line of a list: cut with an ellipsis, never wrapped."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


def one_line(text: str, limit: int) -> str:
    text = " ".join(display(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def steady(field: Input) -> Input:
    """No blinking cursor: calmer, and the screen is the same at any moment."""
    field.cursor_blink = False
    return field


class Panel(ModalScreen[object]):
    """A panel over the text; Escape closes it with no result."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", show=False)]

    def action_close(self) -> None:
        self.dismiss(None)


class HelpPanel(Panel):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close", show=False),
        Binding("j", "scroll(1)", show=False),
        Binding("k", "scroll(-1)", show=False),
        Binding("space,f", "scroll(10)", show=False),
        Binding("b", "scroll(-10)", show=False),
        Binding("g,less_than_sign", "scroll(-1000)", show=False),
        Binding("G,greater_than_sign", "scroll(1000)", show=False),
    ]

    def action_scroll(self, lines: int) -> None:
        found = self.query_one(VerticalScroll)
        found.scroll_to(y=found.scroll_y + lines, animate=False)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        group = ""
        for key in KEYS:
            if key.group != group:
                if group:
                    table.add_row("", "")
                group = key.group
                table.add_row(Text(group, style="bold underline"), "")
            table.add_row(Text(key.label), Text(key.description))
        with Vertical():
            yield Static(Text("Keys"), classes="panel-title")
            yield Static(Text("Esc, q or ? closes this help"), classes="panel-hint")
            with VerticalScroll(id="help"):
                yield Static(table)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()


class ContentsPanel(Panel):
    """The table of contents; Enter returns the chosen entry's offset."""

    def __init__(self, entries: Sequence[Entry], current: int | None) -> None:
        super().__init__()
        self.entries = list(entries)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Contents · {len(self.entries)}"), classes="panel-title")
            if not self.entries:
                yield Static(
                    Text("This text has no sections or headings. Esc goes back."),
                    classes="panel-hint",
                )
                return
            yield Static(Text("Enter goes there · Esc goes back"), classes="panel-hint")
            options = [
                Option(row("  " * (entry.level - 1) + one_line(entry.title, 200)), id=str(i))
                for i, entry in enumerate(self.entries)
            ]
            yield OptionList(*options, id="contents")

    def on_mount(self) -> None:
        if self.entries:
            found = self.query_one(OptionList)
            found.highlighted = self.current or 0
            found.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(self.entries[int(event.option.id)].clean_start)


@dataclass(frozen=True)
class QuoteRow:
    index: int  # in the reader's list of quotations
    speaker: str
    sentence: int
    text: str


class QuotesPanel(Panel):
    """Quotations by speaker, the most frequent first; typing filters by
    speaker or words (folded as a search is); Enter returns a quotation's index."""

    def __init__(self, rows: Sequence[QuoteRow], current: int | None = None) -> None:
        super().__init__()
        self.rows = list(rows)
        self.current = current
        self.counts = Counter(row.speaker for row in self.rows)
        order = {speaker: rank for rank, (speaker, _) in enumerate(self._ranked())}
        self.rows.sort(key=lambda row: (order[row.speaker], row.index))
        self._folded = [(fold(row.speaker), fold(row.text)) for row in self.rows]

    def _ranked(self) -> list[tuple[str, int]]:
        return sorted(self.counts.items(), key=lambda item: (-item[1], item[0].casefold()))

    def compose(self) -> ComposeResult:
        speakers = len(self.counts)
        title = f"Quotations · {len(self.rows)} by {speakers} speaker{'s' * (speakers != 1)}"
        with Vertical():
            yield Static(Text(title), classes="panel-title")
            yield Input(placeholder="type to filter by speaker or words", id="filter")
            yield Static(Text("↑↓ choose · Enter goes there · Esc goes back"), classes="panel-hint")
            yield OptionList(id="quotes")

    def on_mount(self) -> None:
        self.fill("")
        steady(self.query_one(Input)).focus()

    def fill(self, query: str) -> None:
        wanted = fold(query)
        found = self.query_one(OptionList)
        found.clear_options()
        options: list[Option] = []
        shown: dict[str, list[QuoteRow]] = {}
        for quote, (speaker, text) in zip(self.rows, self._folded, strict=True):
            if not wanted or wanted in speaker or wanted in text:
                shown.setdefault(quote.speaker, []).append(quote)
        highlight = None
        for speaker, quotes in shown.items():
            count = self.counts[speaker]
            label = f"{one_line(speaker, 60)} · {count}"
            if len(quotes) != count:
                label += f" ({len(quotes)} shown)"
            options.append(Option(row(label, style="bold"), disabled=True))
            for quote in quotes:
                if quote.index == self.current:
                    highlight = len(options)
                line = row("")
                line.append(f"  [{quote.sentence}] ", style="dim")
                line.append(one_line(f"“{quote.text}”", 300))
                options.append(Option(line, id=str(quote.index)))
        if not options:
            options.append(Option(Text("no quotation matches"), disabled=True))
        found.add_options(options)
        if highlight is not None:
            found.highlighted = highlight
        else:
            found.action_first()

    @on(Input.Changed, "#filter")
    def filtered(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#filter")
    def submitted(self) -> None:
        found = self.query_one(OptionList)
        if found.highlighted is not None:
            option = found.get_option_at_index(found.highlighted)
            if option.id is not None:
                self.dismiss(int(option.id))

    def on_key(self, event: events.Key) -> None:
        key = event.key
        found = self.query_one(OptionList)
        if key in ("down", "up", "pagedown", "pageup") and self.focused is not found:
            getattr(found, f"action_cursor_{key.replace('page', 'page_')}")()
            event.stop()

    @on(OptionList.OptionSelected, "#quotes")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))


class SummaryPanel(Panel):
    """The summary's algorithm and length; Enter returns (algorithm, count)."""

    def __init__(self, algorithms: dict[str, str], algorithm: str, count: int) -> None:
        super().__init__()
        self.algorithms = algorithms
        self.algorithm = algorithm
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Summary"), classes="panel-title")
            yield Input(str(self.count), placeholder="sentences", type="integer", id="count")
            yield Static(
                Text("sentences above · ↑↓ algorithm · Enter summarizes · Esc goes back"),
                classes="panel-hint",
            )
            width = max(len(name) for name in self.algorithms)
            options = [
                Option(row(f"{name:<{width}}  {description}"), id=name)
                for name, description in self.algorithms.items()
            ]
            yield OptionList(*options, id="algorithms")

    def on_mount(self) -> None:
        found = self.query_one(OptionList)
        names = list(self.algorithms)
        found.highlighted = names.index(self.algorithm) if self.algorithm in names else 0
        steady(self.query_one(Input)).focus()

    def on_key(self, event: events.Key) -> None:
        key = event.key
        found = self.query_one(OptionList)
        if key in ("down", "up") and self.focused is not found:
            getattr(found, f"action_cursor_{key}")()
            event.stop()

    def _count(self) -> int:
        value = self.query_one(Input).value.strip()
        return int(value) if value.isdigit() and int(value) > 0 else self.count

    def _finish(self) -> None:
        found = self.query_one(OptionList)
        index = found.highlighted if found.highlighted is not None else 0
        self.dismiss((list(self.algorithms)[index], self._count()))

    @on(Input.Submitted, "#count")
    def submitted(self) -> None:
        self._finish()

    @on(OptionList.OptionSelected, "#algorithms")
    def chosen(self) -> None:
        self._finish()
