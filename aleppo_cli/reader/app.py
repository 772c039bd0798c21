"""``aleppo read``: the Textual application.

The text is a ``DocumentView`` (only the lines on screen are rendered); a
prompt line (search, sentence number, percentage) and a status line sit
below it; help, contents, quotations and the summary's options are panels.
Every key is in ``keys.KEYS``. Work that can take long on a novel (the
whole document behind a preview, the summary, the quotations, the folded
text for searching) runs on daemon threads, so that quitting never waits
for it; with ``Session.synchronous`` (tests) it runs when asked, in order.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.filter import Monochrome
from textual.widgets import Input, Static

from aleppo_cli.reader import contents, keys
from aleppo_cli.reader.find import Finder, Matches, no_matches
from aleppo_cli.reader.layout import display
from aleppo_cli.reader.panels import (
    PANEL_CSS,
    ContentsPanel,
    HelpPanel,
    QuoteRow,
    QuotesPanel,
    SummaryPanel,
)
from aleppo_cli.reader.session import Session
from aleppo_cli.reader.state import TextState
from aleppo_cli.reader.view import MEASURE_NAMES, MEASURES, DocumentView
from aleppo_cli.text.document import Document

if TYPE_CHECKING:
    from textual.driver import Driver

T = TypeVar("T")
INTERRUPTED = 130
DARK, LIGHT = "textual-dark", "textual-light"
MARK_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
MAX_COUNT = 10_000_000


@dataclass
class Search:
    query: str
    forward: bool
    origin: int | None  # the anchor when the search began: Escape goes back there
    matches: Matches
    current: int | None = None
    kept: bool = False  # Enter was pressed: n and N step through it


class Status(Static):
    """The bottom line: where you are, what happened, the main keys."""

    DEFAULT_CSS = """
    Status { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """


class Prompt(Input):
    """A one-line question at the bottom: a search, a number."""

    DEFAULT_CSS = """
    Prompt { height: 1; border: none; padding: 0; background: $surface; width: 1fr; }
    Prompt:focus { border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    kind = ""

    def action_cancel(self) -> None:
        app = self.app
        assert isinstance(app, ReaderApp)
        app.prompt_cancelled()


class ReaderApp(App[int]):
    TITLE = "aleppo read"
    CSS = (
        """
    #document { height: 1fr; }
    #prompt-bar { height: 1; display: none; background: $surface; padding: 0 1; }
    #prompt-label { width: auto; height: 1; color: $accent; text-style: bold; }
    """
        + PANEL_CSS
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "interrupt", show=False, priority=True),
        Binding("ctrl+q", "quit", show=False, priority=True),
    ]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, session: Session, driver_class: type[Driver] | None = None) -> None:
        super().__init__(driver_class=driver_class)
        self.session = session
        self.source = session.source
        self.document = session.document
        self.complete = session.complete
        if session.no_color and not self.no_color:
            self.no_color = True
            self._filters.append(Monochrome())
        self.theme = DARK
        self.dispatch = keys.dispatch_table()
        self.count = ""  # digits typed before a key
        self.pending: str | None = None  # "m" or "'": waiting for a letter
        self.marks: dict[str, int] = {}  # letter -> cleaned-text offset
        self.marks_here: set[str] = set()  # set in this session: not restored over
        self.resumed = False  # gone to the remembered place
        self.previous: int | None = None  # before the last jump: '' goes back
        self.search: Search | None = None
        self.message = ""
        self.summary_on = False
        self.summary_spans: list[tuple[int, int]] = []
        self.summary_sentences: list[int] = []  # their numbers
        self.summary_index: int | None = None
        self.algorithm = ""
        self.summary_count = 0
        self.quotations: list[Any] | None = None  # Quotation, imported when needed
        self.quote_index: int | None = None
        self.speaker = ""
        self.entries = contents.entries(self.document)
        self.finder = Finder(self.document)
        self.waiting: dict[str, list[Callable[[], None]]] = {}

    # --- layout ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield DocumentView(self.source, self.document, self.update_status, id="document")
        with Horizontal(id="prompt-bar"):
            yield Static(id="prompt-label")
            yield Prompt(id="prompt")
        yield Status(id="status")

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    @property
    def prompt(self) -> Prompt:
        return self.query_one(Prompt)

    def on_mount(self) -> None:
        view = self.view
        self.prompt.cursor_blink = False
        view.focus()
        self._restore()
        if self.session.store.notes:  # said again on standard error on quitting
            self.message = self.session.store.notes[0]
        self.update_status()
        if not self.complete:
            self.call_after_refresh(self._build_rest)
        elif not self.session.synchronous:
            self.call_after_refresh(self._prepare_search)

    def _restore(self) -> None:
        """The marks and the place remembered for this text. Offsets past a
        preview wait for the whole document (``_whole`` calls this again)."""
        session = self.session
        remembered = session.store.get(session.key) if session.key else None
        if remembered is None:
            return
        shown = len(self.document.raw)
        for letter, offset in remembered.marks.items():
            if letter not in self.marks_here and (self.complete or offset < shown):
                self.marks[letter] = self._clean_of(offset)
        position = remembered.position
        if session.from_start or position <= 0 or self.resumed:
            return
        if self.complete or position < shown:
            self.resumed = True
            if self.view.top_offset in (None, 0):  # the reader has not moved meanwhile
                self.view.go_when_laid_out(self._clean_of(position))
        else:
            self.message = "reading the whole text, to go where you stopped…"

    # --- background work ---------------------------------------------------

    def background(self, name: str, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """Run ``work`` on a daemon thread (at once in synchronous mode) and
        hand its result to ``done`` on the app's thread."""
        if self.session.synchronous:
            done(work())
            return

        def run() -> None:
            try:
                result = work()
            except Exception as error:  # shown, never raised into the UI thread
                self._call_from_thread(self._failed, name, error)
                return
            self._call_from_thread(done, result)

        threading.Thread(target=run, name=f"aleppo-{name}", daemon=True).start()

    def _call_from_thread(self, callback: Callable[..., Any], *args: Any) -> None:
        if not self.is_running:
            return  # the reader has quit: nobody waits for this any more
        with contextlib.suppress(RuntimeError, CancelledError):  # it quit just now
            self.call_from_thread(callback, *args)

    def _failed(self, name: str, error: Exception) -> None:
        self.say(f"{name} failed: {type(error).__name__}: {error}")

    def _build_rest(self) -> None:
        build = self.session.build_rest
        assert build is not None
        if not self.message:
            self.say("reading the whole text…")
        self.background("reading", build, self._whole)

    def _whole(self, document: Document) -> None:
        self.document = document
        self.complete = True
        self.entries = contents.entries(document)
        self.finder = Finder(document)
        self.quotations = None
        self.view.set_document(document)
        if self.message.startswith("reading the whole text"):
            self.message = ""
        self._restore()
        self.update_status()
        for callback in self.waiting.pop("document", []):
            callback()
        self._prepare_search()

    def _prepare_search(self) -> None:
        finder = self.finder
        self.background("search", finder.prepare, lambda _: None)

    def when_complete(self, callback: Callable[[], None]) -> bool:
        """Run ``callback`` now if the whole document is here, else once it is."""
        if self.complete:
            return True
        self.waiting.setdefault("document", []).append(callback)
        self.say("still reading the whole text: once it is read, that follows")
        return False

    # --- status ------------------------------------------------------------

    def say(self, message: str) -> None:
        self.message = message
        self.update_status()

    def update_status(self) -> None:
        try:
            status = self.query_one(Status)
            view = self.view
        except Exception:  # not mounted yet
            return
        status.update(self.status_text(view))

    def status_text(self, view: DocumentView) -> Text:
        anchor = view.top_offset
        length = max(1, len(self.document.clean.text))
        if view.at_bottom:
            percent = 100
        else:
            percent = 0 if anchor is None else min(99, anchor * 100 // length)
        where = [f"{percent}%"]
        if not self.complete:
            where[0] += " of the start"
        entry = contents.current(self.entries, anchor if anchor is not None else -1)
        if entry is not None:
            where.append(display(" ".join(entry.title.split()))[:40])
        total = self.document.sentence_count
        if total:
            number = view.sentence_index_at(anchor) + 1
            where.append(f"sentence {number:,} of {total:,}" if self.complete else f"{number:,}")
        line = Text(" · ".join(where), style="bold")
        extra = self._status_extra()
        if extra:
            line.append("  ")
            line.append(display(extra))
        width = max(0, self.size.width - 2)
        hint = keys.FOOTER_KEYS
        if line.cell_len + 2 + len(hint) <= width:
            line.append(" " * (width - line.cell_len - len(hint)))
            line.append(hint, style="dim")
        line.truncate(width, overflow="ellipsis")
        return line

    def _status_extra(self) -> str:
        parts = []
        if self.pending == "m":
            parts.append("mark: type a letter")
        elif self.pending == "'":
            parts.append("go to mark: type a letter (' for the last place)")
        if self.count:
            parts.append(self.count)
        search = self.search
        if search is not None and search.query:
            found = len(search.matches)
            if search.matches.problem:
                parts.append(f"/{search.query}: {search.matches.problem}")
            elif found == 0:
                parts.append(f"/{search.query}: no match")
            elif search.current is not None:
                parts.append(f"match {search.current + 1:,} of {found:,}")
            else:
                parts.append(f"{found:,} matches")
        if self.quote_index is not None and self.quotations is not None:
            who = self.speaker or "speaker unknown"
            parts.append(f"quotation {self.quote_index + 1} of {len(self.quotations)} — {who}")
        if self.summary_on and self.summary_sentences:
            at = "" if self.summary_index is None else f"{self.summary_index + 1} of "
            parts.append(f"summary {at}{len(self.summary_sentences)} ({self.algorithm})")
        if self.message:
            parts.append(self.message)
        return "  ".join(parts)

    # --- keys --------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.focused is not self.view or self.screen is not self.screen_stack[0]:
            return
        name = event.character if event.character and event.character.isprintable() else event.key
        if name is None:
            return
        event.stop()
        event.prevent_default()
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self._mark_key(pending, name)
            return
        if name.isdigit() and len(self.count) < 12:
            self.count += name
            self.update_status()
            return
        if name == "?" or name == "question_mark":
            action = "search_backward" if self.search is not None and self.search.kept else "help"
        else:
            action = self.dispatch.get(name, "")
        if not action:
            self.count = ""
            self.update_status()
            return
        self.message = ""
        getattr(self, f"action_{action}")()
        if action not in ("percent", "line_down", "line_up"):
            self.count = ""
        self.update_status()

    def _take_count(self, default: int = 1) -> int:
        value = int(self.count) if self.count else default
        self.count = ""
        return min(value, MAX_COUNT)

    # --- moving ------------------------------------------------------------

    def _lines(self, delta: int) -> None:
        view = self.view
        view.scroll_to_line(view.top + delta)

    def _screen(self) -> int:
        return max(1, self.view.scrollable_content_region.height)

    def action_line_down(self) -> None:
        self._lines(self._take_count())

    def action_line_up(self) -> None:
        self._lines(-self._take_count())

    def action_page_down(self) -> None:
        self._lines(max(1, self._screen() - 1))

    def action_page_up(self) -> None:
        self._lines(-max(1, self._screen() - 1))

    def action_half_down(self) -> None:
        self._lines(max(1, self._screen() // 2))

    def action_half_up(self) -> None:
        self._lines(-max(1, self._screen() // 2))

    def _jump(self, go: Callable[[], None]) -> None:
        """A jump: remember where we were, for ''."""
        before = self.view.top_offset
        go()
        if self.view.top_offset != before:
            self.previous = before

    def action_top(self) -> None:
        self._jump(lambda: self.view.scroll_to_line(0))

    def action_bottom(self) -> None:
        self._jump(lambda: self.view.scroll_to_line(self.view.page.height))

    def action_percent(self) -> None:
        if not self.count:
            self.ask("percent", "%: ")
            return
        self.go_percent(self._take_count())

    def go_percent(self, percent: int) -> None:
        percent = max(0, min(100, percent))
        if not self.when_complete(lambda: self.go_percent(percent)):
            return
        length = len(self.document.clean.text)
        if percent >= 100:
            self.action_bottom()
            return
        offset = length * percent // 100
        self._jump(lambda: self.view.go_to(self._line_start(offset)))

    def _line_start(self, offset: int) -> int:
        return self.view.page.offset_at(self.view.page.y_of(offset)) or 0

    # --- the prompt --------------------------------------------------------

    def ask(self, kind: str, label: str, value: str = "") -> None:
        prompt = self.prompt
        prompt.kind = kind
        prompt.placeholder = ""
        prompt.value = value
        prompt.cursor_position = len(value)
        self.query_one("#prompt-label", Static).update(Text(label))
        self.query_one("#prompt-bar").styles.display = "block"
        prompt.focus()
        self.update_status()

    def _close_prompt(self) -> None:
        prompt = self.prompt
        self.query_one("#prompt-bar").styles.display = "none"
        prompt.kind = ""
        self.view.focus()

    def prompt_cancelled(self) -> None:
        kind = self.prompt.kind
        self._close_prompt()
        self.message = ""
        if kind == "search" and self.search is not None:
            origin = self.search.origin
            self.clear_search()
            self.view.go_to(origin) if origin is not None else self.view.scroll_to_line(0)
        self.update_status()

    @on(Input.Changed, "#prompt")
    def prompt_changed(self, event: Input.Changed) -> None:
        if self.prompt.kind == "search" and self.search is not None:
            self.run_search(event.value)

    @on(Input.Submitted, "#prompt")
    def prompt_submitted(self, event: Input.Submitted) -> None:
        kind = self.prompt.kind
        value = event.value.strip()
        self._close_prompt()
        self.message = ""
        if kind == "search":
            self.keep_search()
        elif kind == "sentence":
            if value.isdigit():
                self.go_sentence(int(value))
            elif value:
                self.say(f"not a sentence number: {value[:20]}")
        elif kind == "percent":
            if value.rstrip("%").isdigit():
                self.go_percent(int(value.rstrip("%")))
            elif value:
                self.say(f"not a percentage: {value[:20]}")
        self.update_status()

    # --- search ------------------------------------------------------------

    def _begin_search(self, forward: bool) -> None:
        if not self.when_complete(lambda: self._begin_search(forward)):
            return
        origin = self.view.top_offset
        self.search = Search("", forward, origin, no_matches(""))
        self.ask("search", "/" if forward else "?")

    def action_search_forward(self) -> None:
        self._begin_search(True)

    def action_search_backward(self) -> None:
        self._begin_search(False)

    def run_search(self, query: str) -> None:
        """One keystroke of a search: find every match, show the first one
        from where the search began."""
        search = self.search
        assert search is not None
        search.query = query
        search.matches = self.finder.find(query)
        start = search.origin if search.origin is not None else 0
        search.current = search.matches.next_from(start, search.forward)
        self._show_match(placement="visible", origin=True)
        self.message = ""
        self.update_status()

    def _show_match(self, placement: str = "visible", origin: bool = False) -> None:
        search = self.search
        view = self.view
        assert search is not None
        view.marks.matches = search.matches
        view.marks.current_match = search.current
        if search.current is not None:
            view.go_to(search.matches.starts[search.current], placement)
        elif origin and search.origin is not None:
            view.go_to(search.origin)
        view.restyle()

    def keep_search(self) -> None:
        search = self.search
        if search is None:
            return
        if not search.query.strip() or not len(search.matches):
            if search.query.strip():
                self.say(f"/{search.query}: no match")
            self.clear_search(keep_message=True)
            return
        search.kept = True
        if search.origin != self.view.top_offset:
            self.previous = search.origin

    def clear_search(self, keep_message: bool = False) -> None:
        self.search = None
        self.view.marks.matches = None
        self.view.marks.current_match = None
        self.view.restyle()
        if not keep_message:
            self.message = ""

    def _step_match(self, forward: bool) -> None:
        search = self.search
        if search is None or not len(search.matches):
            self.say("no search: / or ? starts one")
            return
        matches = search.matches
        direction = forward == search.forward
        if search.current is None:
            search.current = matches.next_from(self.view.top_offset or 0, direction)
        else:
            step = 1 if direction else -1
            following = search.current + step
            if following >= len(matches):
                following = 0
                self.message = "search went around to the start"
            elif following < 0:
                following = len(matches) - 1
                self.message = "search went around to the end"
            search.current = following
        self._jump(lambda: self._show_match("visible"))

    def action_next_match(self) -> None:
        self._step_match(True)

    def action_previous_match(self) -> None:
        self._step_match(False)

    def action_clear(self) -> None:
        self.clear_search()
        view = self.view
        view.marks.target = None
        view.marks.quote = ()
        self.quote_index = None
        self.speaker = ""
        self.message = ""
        view.restyle()

    # --- going to ----------------------------------------------------------

    def action_goto_sentence(self) -> None:
        if self.count:
            self.go_sentence(self._take_count())
            return
        self.ask("sentence", f"sentence (1-{self.document.sentence_count:,}): ")

    def go_sentence(self, number: int) -> None:
        if not self.when_complete(lambda: self.go_sentence(number)):
            return
        total = self.document.sentence_count
        if not 1 <= number <= total:
            self.say(f"no sentence {number:,}: the text has {total:,}")
            return
        sentence = next(s for i, s in enumerate(self.document.sentences, 1) if i == number)
        self.view.marks.target = (sentence.clean_start, sentence.clean_end)
        self.view.restyle()
        self._jump(lambda: self.view.go_to(sentence.clean_start))
        self.say(f"sentence {number:,}")

    def action_contents(self) -> None:
        if not self.when_complete(self.action_contents):
            return
        anchor = self.view.top_offset
        current = None
        for index, entry in enumerate(self.entries):
            if anchor is not None and entry.clean_start <= anchor:
                current = index
        self.push_screen(ContentsPanel(self.entries, current), self._contents_chosen)

    def _contents_chosen(self, result: object) -> None:
        if isinstance(result, int):
            self._jump(lambda: self.view.go_to(result))
        self.update_status()

    # --- summary -----------------------------------------------------------

    def action_summary(self) -> None:
        if self.summary_on:
            self.summary_on = False
            self.summary_index = None
            self.view.marks.summary = ()
            self.view.marks.current_summary = None
            self.view.restyle()
            return
        from aleppo_cli.analysis.summarize import summary as summaries

        self.summarize(
            self.algorithm or summaries.DEFAULT_ALGORITHM,
            self.summary_count or summaries.DEFAULT_COUNT,
        )

    def action_summary_options(self) -> None:
        from aleppo_cli.analysis.summarize import summary as summaries

        names = {name: summaries.describe(name) for name in summaries.ALGORITHMS}
        algorithm = self.algorithm or summaries.DEFAULT_ALGORITHM
        count = self.summary_count or summaries.DEFAULT_COUNT
        self.push_screen(SummaryPanel(names, algorithm, count), self._summary_chosen)

    def _summary_chosen(self, result: object) -> None:
        if isinstance(result, tuple):
            algorithm, count = result
            self.summarize(str(algorithm), int(count))

    def summarize(self, algorithm: str, count: int) -> None:
        if not self.when_complete(lambda: self.summarize(algorithm, count)):
            return
        from aleppo_cli.analysis.summarize import summary as summaries
        from aleppo_cli.text import sources

        document = self.document
        if summaries.candidates(document) == 0:
            self.say("this text has no sentences to summarize")
            return
        title = self.source.title if sources.is_bundled(self.source) else ""
        self.say(f"summarizing ({algorithm})…")

        def work() -> Any:
            return summaries.summarize(document, algorithm, count, title)

        self.background("summary", work, self._summarized)

    def _summarized(self, summary: Any) -> None:
        if summary is None:
            return
        self.algorithm = summary.algorithm
        self.summary_count = summary.requested
        self.summary_on = True
        sentences = list(summary.sentences)
        self.summary_spans = [(s.clean_start, s.clean_end) for s in sentences]
        self.summary_sentences = [s.number for s in sentences]
        self.summary_index = None
        view = self.view
        view.marks.summary = self.summary_spans
        view.marks.current_summary = None
        view.restyle()
        many = len(sentences)
        self.message = f"{many} sentence{'s' * (many != 1)} marked: }} and {{ step through them"
        if summary.short:
            self.message += " (the text has no more)"
        self.update_status()

    def _step_summary(self, forward: bool) -> None:
        if not self.summary_on or not self.summary_spans:
            self.say("no summary marked: s marks one")
            return
        anchor = self.view.top_offset or 0
        spans = self.summary_spans
        if self.summary_index is None:
            if forward:
                index = next((i for i, s in enumerate(spans) if s[0] >= anchor), 0)
            else:
                before = [i for i, s in enumerate(spans) if s[0] < anchor]
                index = before[-1] if before else len(spans) - 1
        else:
            index = (self.summary_index + (1 if forward else -1)) % len(spans)
        self.summary_index = index
        self.view.marks.current_summary = index
        self.view.restyle()
        self._jump(lambda: self.view.go_to(spans[index][0], "third"))

    def action_next_summary(self) -> None:
        self._step_summary(True)

    def action_previous_summary(self) -> None:
        self._step_summary(False)

    # --- quotations --------------------------------------------------------

    def with_quotations(self, then: Callable[[], None]) -> None:
        """Find the quotations once (on a thread), then ``then``."""
        if self.quotations is not None:
            then()
            return
        if not self.when_complete(lambda: self.with_quotations(then)):
            return
        waiting = self.waiting.setdefault("quotations", [])
        waiting.append(then)
        if len(waiting) > 1:
            return
        from aleppo_cli.analysis.quotes import quotations as quotes

        document = self.document
        self.say("finding the quotations…")
        self.background("quotations", lambda: quotes.find(document), self._found_quotations)

    def _found_quotations(self, found: list[Any]) -> None:
        from aleppo_cli.analysis.quotes import quotations as quotes

        self.quotations = [q for q in found if q.kind == quotes.SPEECH]
        if self.message == "finding the quotations…":
            self.message = ""
        for callback in self.waiting.pop("quotations", []):
            callback()
        self.update_status()

    def _step_quote(self, forward: bool) -> None:
        found = self.quotations or []
        if not found:
            self.say("this text has no quotations")
            return
        if self.quote_index is None:
            anchor = self.view.top_offset or 0
            starts = [q.parts[0].clean_start for q in found]
            if forward:
                index = next((i for i, start in enumerate(starts) if start >= anchor), 0)
            else:
                before = [i for i, start in enumerate(starts) if start < anchor]
                index = before[-1] if before else len(found) - 1
        else:
            index = (self.quote_index + (1 if forward else -1)) % len(found)
        self.show_quote(index)

    def show_quote(self, index: int) -> None:
        assert self.quotations is not None
        quotation = self.quotations[index]
        self.quote_index = index
        self.speaker = quotation.speaker or ""
        view = self.view
        view.marks.quote = [(part.clean_start, part.clean_end) for part in quotation.parts]
        view.restyle()
        self._jump(lambda: view.go_to(quotation.parts[0].clean_start, "third"))
        self.update_status()

    def action_next_quote(self) -> None:
        self.with_quotations(lambda: self._step_quote(True))

    def action_previous_quote(self) -> None:
        self.with_quotations(lambda: self._step_quote(False))

    def action_quotes_panel(self) -> None:
        self.with_quotations(self._open_quotes)

    def _open_quotes(self) -> None:
        assert self.quotations is not None
        rows = [
            QuoteRow(index, q.speaker or "(speaker unknown)", q.sentence, q.text)
            for index, q in enumerate(self.quotations)
        ]
        self.push_screen(QuotesPanel(rows, self.quote_index), self._quote_chosen)

    def _quote_chosen(self, result: object) -> None:
        if isinstance(result, int):
            self.show_quote(result)

    # --- display -----------------------------------------------------------

    def action_toggle_numbers(self) -> None:
        view = self.view
        view.numbers = not view.numbers
        view.reflow()
        self.message = "sentence numbers on" if view.numbers else "sentence numbers off"

    def action_cycle_measure(self) -> None:
        view = self.view
        index = MEASURES.index(view.measure_mode) if view.measure_mode in MEASURES else 0
        view.measure_mode = MEASURES[(index + 1) % len(MEASURES)]
        view.reflow()
        self.message = f"measure: {MEASURE_NAMES[view.measure_mode]} ({view.measure} columns)"

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK
        self.view.restyle()
        self.message = "light theme" if self.theme == LIGHT else "dark theme"

    def watch_theme(self, theme: str) -> None:
        with contextlib.suppress(Exception):  # before the view is mounted
            self.view.restyle()

    # --- marks -------------------------------------------------------------

    def action_set_mark(self) -> None:
        self.pending = "m"

    def action_go_mark(self) -> None:
        self.pending = "'"

    def _mark_key(self, pending: str, name: str) -> None:
        view = self.view
        if pending == "'" and name in ("'", "apostrophe"):
            if self.previous is None:
                self.say("no jump to go back from")
                return
            target = self.previous
            self._jump(lambda: view.go_to(target))
            self.say("back to the place before the jump")
        elif name not in MARK_LETTERS:
            self.say("marks are letters: a to z, A to Z")
        elif pending == "m":
            self.marks[name] = view.top_offset or 0
            self.marks_here.add(name)
            self.say(f"mark {name} set")
        elif name in self.marks:
            offset = self.marks[name]
            self._jump(lambda: view.go_to(offset))
            self.say(f"mark {name}")
        else:
            self.say(f"no mark {name}")
        self.update_status()

    # --- help and quitting ---------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(HelpPanel())

    def action_quit(self) -> None:  # type: ignore[override]
        self.save_state()
        self.exit(0)

    def action_interrupt(self) -> None:
        self.save_state()
        self.exit(INTERRUPTED, return_code=INTERRUPTED)

    def save_state(self) -> None:
        session = self.session
        if not session.key or session.store.path is None:
            return  # offsets into a preview are offsets into the whole text too
        clean = self.document.clean
        view = self.view
        position = clean.to_raw(view.top_offset) if view.top_offset is not None else 0
        remembered = session.store.get(session.key)
        marks = dict(remembered.marks) if remembered is not None else {}
        marks.update((letter, clean.to_raw(offset)) for letter, offset in self.marks.items())
        if remembered is not None and not self.resumed and not position:
            position = remembered.position  # quit before the remembered place was reached
        session.store.save(session.key, TextState(position, marks))

    def _clean_of(self, raw_offset: int) -> int:
        """A cleaned-text offset for an offset into the text as read (the
        start of the sentence it falls in, or its place inside it)."""
        document = self.document
        for sentence in document.sentences:
            if sentence.end > raw_offset:
                if raw_offset <= sentence.start:
                    return sentence.clean_start
                inside = raw_offset - sentence.start
                return min(sentence.clean_start + inside, sentence.clean_end)
        return len(document.clean.text)
