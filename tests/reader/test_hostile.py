"""Hostile text in the reader: control characters, markup, enormous lines,
and a state file that is not what it should be."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.strip import Strip

from aleppo_cli.reader.app import ReaderApp
from aleppo_cli.reader.session import prepare
from aleppo_cli.reader.state import Store, TextState, key_for, state_path
from aleppo_cli.text.document import Document
from tests.builders import source_of
from tests.reader.conftest import app_for, review, settle

CONTROLS = {chr(c) for c in range(32) if c != 10} | {chr(c) for c in range(0x7F, 0xA0)}
HOSTILE = (
    "The \x1b[31mred\x1b[0m text, an \x1b]8;;http://x\x07OSC 8\x1b]8;;\x07 link, a bell \x07, "
    "back\x08space, a c\rreturn, C1 \x9b\x85 codes, a\ttab. [bold red]Not bold[/] and "
    "[link=http://x]no link[/link]. “Quoted [b]markup[/b],” she said.\n\n"
    "A second paragraph with \u2028 a line separator. The end."
)


def screen_text(app: ReaderApp) -> str:
    view = app.view
    strips: list[Strip] = [view.render_line(y) for y in range(view.size.height)]
    return "\n".join(strip.text for strip in strips)


async def test_controls_are_visible_and_markup_is_literal() -> None:
    app = app_for(source_of(HOSTILE, title="[bold]title\x1b[0m"))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("#")
        shown = screen_text(app)
        assert not CONTROLS & set(shown)
        for literal in ("[bold red]Not bold[/]", "[link=http://x]no link[/link]", "[b]markup[/b]"):
            assert literal in shown.replace("\n", " ")
        assert "␛[31mred␛[0m" in shown and "␇" in shown and "␈" in shown
        assert "[bold]title␛[0m" in shown
        for strip in (app.view.render_line(y) for y in range(20)):
            for segment in strip:
                assert segment.style is None or segment.style.link is None
        status = str(app.status_text(app.view))
        assert not CONTROLS & set(status)


async def test_hostile_searches_and_quotations() -> None:
    app = app_for(source_of(HOSTILE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("/", "[", "b", "]", "enter")  # folded: "b"
        assert app.search is not None and len(app.search.matches) >= 1
        await pilot.press("Q")
        await pilot.press("escape", "]")
        assert app.speaker in ("", "she")  # no crash; who "she" is, is the rules' business


async def test_a_long_line_of_a_30_mb_file_starts_from_its_preview() -> None:
    raw = ("The whale swam on and on, “far away,” said Ishmael. " * 600_000)[:30_000_000]
    session = prepare(source_of(raw), {}, no_state=True)
    assert not session.complete
    preview = session.document
    release = threading.Event()

    def build_rest() -> Document:  # not the half a minute of the whole, here
        release.wait(60)
        return preview

    session.build_rest = build_rest
    app = ReaderApp(session)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("space", "j")
            assert "whale" in screen_text(app)
            assert "of the start" in str(app.status_text(app.view))
            await pilot.press("/")  # waits for the whole document
            assert "still reading" in app.message
            await pilot.press("q")
    finally:
        release.set()
    assert app.return_code == 0


async def test_the_whole_document_replaces_the_preview_in_place() -> None:
    raw = "\n\n".join(f"Paragraph {n} is here. It has two sentences." for n in range(8000))
    session = prepare(source_of(raw), {}, no_state=True)
    assert not session.complete
    app = ReaderApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.complete:
            await pilot.pause(0.05)
        assert app.document.sentence_count == 16_000
        await pilot.press("1", "0", "j")
        offset = app.view.top_offset
        await pilot.press("/", "7", "9", "9", "9", "enter")
        assert app.search is not None and len(app.search.matches) == 1
        await pilot.press("'", "'")
        assert app.view.top_offset == offset


async def test_a_corrupt_state_file_is_a_note_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "aleppo" / "reader.json"
    path.parent.mkdir()
    path.write_text("{broken")
    session = prepare(review(), {"XDG_STATE_HOME": str(tmp_path)}, synchronous=True)
    assert any("ignored" in note for note in session.store.notes)
    app = ReaderApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "ignored the reader's state file" in app.message
        await pilot.press("j", "q")
    assert app.return_code == 0
    assert '"version":1' in path.read_text()


async def test_an_unwritable_state_file_is_a_note(tmp_path: Path) -> None:
    blocker = tmp_path / "aleppo"
    blocker.write_text("a file where the folder should be")
    session = prepare(review(), {"XDG_STATE_HOME": str(tmp_path)}, synchronous=True)
    app = ReaderApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "q")
    assert app.return_code == 0
    assert any("could not save" in note for note in session.store.notes)


async def test_no_color_keeps_the_marks_distinct() -> None:
    app = app_for(no_color=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "/", "t", "h", "e", "enter")
        styles = {
            segment.style
            for strip in (app.view.render_line(y) for y in range(23))
            for segment in strip
            if segment.style is not None
        }
        assert any(style.reverse for style in styles)  # matches
        assert any(style.underline and style.bold for style in styles)  # summary
        assert any(style.italic for style in styles)  # quotations


async def test_a_remembered_place_past_the_preview_is_reached_once_read(tmp_path: Path) -> None:
    raw = "\n\n".join(f"Paragraph {n} is here. It has two sentences." for n in range(8000))
    variables = {"XDG_STATE_HOME": str(tmp_path)}
    far = raw.index("Paragraph 6000 ")
    Store.open(state_path(variables)).save(key_for(raw), TextState(far, {"a": far + 10}))
    session = prepare(source_of(raw), variables)
    assert not session.complete  # the first screen comes from the preview all the same
    app = ReaderApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "where you stopped" in app.message or app.complete
        while not app.complete:
            await pilot.pause(0.05)
        await settle(pilot, lambda: app.view.top_offset not in (None, 0))
        top = app.view.top_offset
        assert top is not None
        assert app.document.clean.text[top:].startswith("Paragraph 6000 ")
        assert "a" in app.marks
        await pilot.press("q")
    saved = Store.open(state_path(variables)).get(key_for(raw))
    assert saved is not None and saved.position == far and saved.marks == {"a": far + 10}
