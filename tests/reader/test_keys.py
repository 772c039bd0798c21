"""Every key of `aleppo read`, driven by Textual's Pilot, and the state it
leaves (position, matches, marks, panels)."""

from __future__ import annotations

import json
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from aleppo_cli.analysis.summarize import summary as summaries
from aleppo_cli.reader import keys
from aleppo_cli.reader.app import ReaderApp
from aleppo_cli.reader.panels import ContentsPanel, HelpPanel, QuotesPanel, SummaryPanel
from aleppo_cli.reader.session import prepare
from tests.reader.conftest import app_for, chapters, review, settle

SIZE = (80, 24)


def percent(app: ReaderApp) -> int:
    return int(str(app.status_text(app.view)).split("%")[0])


async def type_in(pilot: Pilot[int], text: str) -> None:
    """Put ``text`` into the focused input at once (a Changed event, as
    typing its last letter sends); typing key by key is tested elsewhere."""
    field = pilot.app.focused
    assert isinstance(field, Input)
    field.value = text
    field.cursor_position = len(text)
    await pilot.pause()


def on_top_line(app: ReaderApp, number: int) -> bool:
    """Sentence ``number`` starts on the top line."""
    sentence = list(app.document.sentences)[number - 1]
    return app.view.page.y_of(sentence.clean_start) == app.view.top


def sentence_at_top(app: ReaderApp) -> int:
    return app.view.sentence_index_at(app.view.top_offset) + 1


async def test_moving_down_and_up_by_lines_pages_and_ends() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        view = app.view
        assert view.top == 0
        await pilot.press("j", "down", "enter")
        assert view.top == 3
        await pilot.press("k", "up")
        assert view.top == 1
        await pilot.press("5", "j")
        assert view.top == 6
        await pilot.press("space")
        page = view.scrollable_content_region.height - 1
        assert view.top == 6 + page
        await pilot.press("b")
        assert view.top == 6
        await pilot.press("pagedown", "pageup", "f")
        assert view.top == 6 + page
        await pilot.press("u")
        assert view.top == 6 + page - view.scrollable_content_region.height // 2
        await pilot.press("d")
        assert view.top == 6 + page
        for key in ("G", "end", ">"):
            await pilot.press("g")
            assert view.top == 0
            await pilot.press(key)
            assert view.top == view.max_scroll_y > 0
            assert "100%" in str(app.status_text(view))
        for key in ("home", "<"):
            await pilot.press(key)
            assert view.top == 0


async def test_the_mouse_wheel_scrolls() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        view = app.view
        view.post_message(events.MouseScrollDown(view, 1, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert view.top > 0
        down = view.top
        view.post_message(events.MouseScrollUp(view, 1, 1, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert view.top < down


async def test_a_share_of_the_text_with_a_number_then_percent_or_the_prompt() -> None:
    app = app_for()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.press("5", "0", "%")
        assert 46 <= percent(app) <= 50  # the line where 50% of the text falls
        assert 16 <= sentence_at_top(app) <= 22
        await pilot.press("%")
        assert isinstance(app.focused, Input)
        await pilot.press("1", "0", "enter")
        assert 6 <= percent(app) <= 10
        await pilot.press("%", "x", "enter")
        assert "not a percentage" in app.message


async def test_search_as_you_type_highlights_every_match_and_steps_around() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("/", "t", "h", "e")
        search = app.search
        assert search is not None and not search.kept
        many = len(search.matches)
        assert many > 20 and search.current == 0
        assert app.view.marks.matches is search.matches
        await pilot.press("space", "w", "h", "i", "t", "e")
        assert len(search.matches) == 7  # "the White" (Helmets), folded
        assert "match 1 of 7" in str(app.status_text(app.view))
        await pilot.press("enter")
        assert search.kept and isinstance(app.focused, type(app.view))
        await pilot.press("n")
        assert search.current == 1
        await pilot.press("N", "N")
        assert search.current == 6  # around to the last
        assert "around to the end" in app.message
        await pilot.press("n")
        assert search.current == 0
        assert "around to the start" in app.message


async def test_search_folds_like_aleppo_search() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("/")
        await type_in(pilot, "THIS IS OUR DESTINY.")
        await pilot.press("enter")
        assert app.search is not None and len(app.search.matches) == 1
        start, end = app.search.matches.span(0)
        assert app.document.clean.text[start:end] == "This is our destiny"
        assert app.view.top <= app.view.page.y_of(start) < app.view.top + 23
        await pilot.press("escape", "/")
        await type_in(pilot, "verite")
        await pilot.press("enter")
        assert app.search is not None and len(app.search.matches) == 1


async def test_escape_cancels_a_search_and_goes_back() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("/")
        await type_in(pilot, "fitzgerald")
        assert app.view.top > 0
        await pilot.press("escape")
        assert app.search is None and app.view.top == 0
        assert app.view.marks.matches is None
        assert app.focused is app.view


async def test_backward_search_and_question_mark_for_help() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpPanel)  # no search kept: ? is help
        await pilot.press("escape")
        await pilot.press("G", "/")
        await type_in(pilot, "khaled")
        await pilot.press("enter")
        assert app.search is not None
        last = len(app.search.matches) - 1
        assert app.search.current == 0  # around from the bottom to the first
        await pilot.press("question_mark")  # a search is kept: ? searches backward
        assert isinstance(app.focused, Input)
        await type_in(pilot, "khaled")
        await pilot.press("enter")
        assert app.search is not None and not app.search.forward
        assert app.search.current == last  # the last one before the bottom
        await pilot.press("n")  # n goes on backward
        assert app.search.current == last - 1


async def test_empty_and_regex_like_searches_do_not_fail() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("/", "enter")
        assert app.search is None
        await pilot.press("/", "(", "a", "|", "a", "+", "$")  # typed: no regex, no hang
        assert app.search is not None
        await pilot.press("enter")
        await pilot.press("/")
        await type_in(pilot, "[.*?]")
        assert "no letters or digits" in str(app.status_text(app.view))
        await pilot.press("enter")
        await pilot.press("/")
        await type_in(pilot, "K\\w+d\\b")
        await pilot.press("enter")
        assert app.search is None  # folded: "k w d b", not in the text
        assert "no match" in app.message


async def test_go_to_a_sentence_by_number() -> None:
    app = app_for()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.press(":", "2", "0", "enter")
        assert on_top_line(app, 20)
        assert app.view.marks.target is not None
        await pilot.press(":", "9", "9", "enter")
        assert "no sentence 99" in app.message
        await pilot.press("1", "2", ":")  # a number first
        assert on_top_line(app, 12)


async def test_table_of_contents_lists_headings_and_goes_there() -> None:
    app = app_for(chapters())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        panel = app.screen
        assert isinstance(panel, ContentsPanel)
        assert [entry.title for entry in panel.entries] == [f"CHAPTER {n}" for n in range(1, 8)]
        await pilot.press("down", "down", "down", "enter")
        assert not isinstance(app.screen, ContentsPanel)
        top = app.view.top_offset
        assert top is not None
        assert app.document.clean.text[top:].startswith("CHAPTER 4")
        assert "CHAPTER 4" in str(app.status_text(app.view))
        await pilot.press("t")
        assert app.screen.query_one(OptionList).highlighted == 3  # where we are


async def test_contents_of_a_text_without_headings_say_so() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, ContentsPanel) and app.screen.entries == []
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_summary_marks_the_sentences_aleppo_summarize_picks() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        picked = summaries.summarize(app.session.document, title=app.session.source.title)
        assert app.summary_on and app.summary_sentences == [s.number for s in picked.sentences]
        assert len(app.view.marks.summary) == 3
        await pilot.press("right_curly_bracket")
        assert app.summary_index == 0
        assert app.view.marks.current_summary == 0
        await pilot.press("}", "}", "}")
        assert app.summary_index == 0  # around
        await pilot.press("{")
        assert app.summary_index == 2
        await pilot.press("s")
        assert not app.summary_on and not app.view.marks.summary


async def test_summary_options_choose_the_algorithm_and_length() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        assert isinstance(app.screen, SummaryPanel)
        field = app.screen.query_one(Input)
        field.value = ""
        await pilot.press("5")
        names = list(app.screen.algorithms)
        default = summaries.DEFAULT_ALGORITHM
        assert names.index("lsa") < names.index(default)
        for _ in range(names.index(default) - names.index("lsa")):
            await pilot.press("up")
        await pilot.press("enter")
        assert app.algorithm == "lsa"
        assert len(app.summary_sentences) == 5


async def test_quotations_step_with_their_speaker_in_the_footer() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("]")
        assert app.quotations is not None and len(app.quotations) == 3
        assert app.quote_index == 0 and app.speaker == "Khaled"
        assert "— Khaled" in str(app.status_text(app.view))
        await pilot.press("]", "]")
        assert app.speaker == "Fitzgerald"
        await pilot.press("]")
        assert app.quote_index == 0  # around
        await pilot.press("[")
        assert app.quote_index == 2
        await pilot.press("escape")
        assert app.quote_index is None and not app.view.marks.quote


async def test_quotations_panel_by_speaker_filtered_as_you_type() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("Q")
        panel = app.screen
        assert isinstance(panel, QuotesPanel)
        listed = panel.query_one(OptionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert prompts[0] == "Khaled · 2" and prompts[3] == "Fitzgerald · 1"
        assert prompts[1].startswith("  [14] “This is our destiny")
        await pilot.press(*"fitz")
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert prompts == [
            "Fitzgerald · 1",
            "  [38] “Show me a hero and I’ll write you a tragedy,”",
        ]
        await pilot.press("enter")
        assert not isinstance(app.screen, QuotesPanel)
        assert app.speaker == "Fitzgerald" and app.quote_index == 2
        await pilot.press("Q")
        await type_in(pilot, "nobody")
        await pilot.press("enter")
        assert isinstance(app.screen, QuotesPanel)  # nothing to choose
        await pilot.press("escape")


async def test_sentence_numbers_measure_and_theme() -> None:
    app = app_for()
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.view
        assert view.measure == 88
        await pilot.press("#")
        assert view.numbers and view.page.block(0).text.startswith("[1] Since late 2012")
        await pilot.press("number_sign")
        assert not view.numbers and view.page.block(0).text.startswith("Since late 2012")
        await pilot.press("w")
        assert view.measure == view.content_width - 2  # the full width
        await pilot.press("w")
        assert view.measure == 66
        await pilot.press("w")
        assert view.measure == 88
        assert app.theme == "textual-dark"
        await pilot.press("T")
        assert app.theme == "textual-light"
        await pilot.press("T")
        assert app.theme == "textual-dark"


async def test_marks_set_and_return_and_back_before_a_jump() -> None:
    app = app_for()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.press("1", "0", "j", "m", "a")
        assert app.marks == {"a": app.view.top_offset}
        here = app.view.top
        await pilot.press("G", "apostrophe", "a")
        assert app.view.top == here
        await pilot.press("'", "'")  # back to before that jump: the bottom
        assert app.view.top == app.view.max_scroll_y
        await pilot.press("'", "z")
        assert app.message == "no mark z"
        await pilot.press("m", "1")
        assert "letters" in app.message


async def test_help_lists_every_key_and_f1_opens_it() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpPanel)
        shown = app.screen.query_one("#help")
        text = "".join(
            str(strip.text)
            for strip in shown.query_one("Static").render_lines(
                shown.query_one("Static").region.reset_offset
            )
        )
        for key in keys.KEYS:
            assert key.description[:30] in text
        await pilot.press("q")
        assert app.screen is app.screen_stack[0] and app.is_running


async def test_q_quits_with_status_0_and_saves_the_place(state_home: Path) -> None:
    session = prepare(review(), {"XDG_STATE_HOME": str(state_home)}, synchronous=True)
    app = ReaderApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "2", "j", "m", "x", "q")
    assert app.return_code == 0
    saved = json.loads((state_home / "aleppo" / "reader.json").read_text())
    (entry,) = saved["texts"].values()
    assert entry["position"] > 0 and set(entry["marks"]) == {"x"}
    again = ReaderApp(prepare(review(), {"XDG_STATE_HOME": str(state_home)}, synchronous=True))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: again.view.top == 12)
        assert again.view.top == 12  # where it was left
        assert set(again.marks) == {"x"}
    fresh = ReaderApp(
        prepare(review(), {"XDG_STATE_HOME": str(state_home)}, synchronous=True, from_start=True)
    )
    async with fresh.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert fresh.view.top == 0


async def test_ctrl_c_quits_with_status_130(state_home: Path) -> None:
    session = prepare(review(), {"XDG_STATE_HOME": str(state_home)}, synchronous=True)
    app = ReaderApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "ctrl+c")
    assert app.return_code == 130
    assert (state_home / "aleppo" / "reader.json").exists()


async def test_no_state_writes_nothing(state_home: Path) -> None:
    for variables, options in (
        ({"XDG_STATE_HOME": str(state_home)}, {"no_state": True}),
        ({"XDG_STATE_HOME": str(state_home), "ALEPPO_NO_STATE": "1"}, {}),
    ):
        app = ReaderApp(prepare(review(), variables, synchronous=True, **options))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "m", "a", "q")
        assert app.return_code == 0
        assert not state_home.exists()


async def test_unknown_keys_do_nothing() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z", "x", "ctrl+x", "f5", "tab", "shift+tab")
        assert app.view.top == 0 and app.is_running
        await pilot.press("j")  # the text still has the keys
        assert app.view.top == 1


async def test_the_help_scrolls_with_the_reading_keys() -> None:
    app = app_for()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.press("f1", "j", "j")
        found = app.screen.query_one("#help")
        assert found.scroll_y == 2
        await pilot.press("G")
        assert found.scroll_y == found.max_scroll_y > 2
        await pilot.press("g")
        assert found.scroll_y == 0
