"""SVG snapshots of `aleppo read` (pytest-textual-snapshot), at 80 x 24 and
120 x 40, and a 20 x 6 terminal. No clock, no randomness, no blinking
cursor, no state file: the same screen every run.

    python -m pytest tests/reader/test_snapshots.py --snapshot-update

redraws them after a deliberate change (then look at every one).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tests.reader.conftest import app_for, chapters

Compare = Callable[..., bool]
SIZES = [(80, 24), (120, 40)]


async def _search(pilot: Pilot[int]) -> None:
    await pilot.press("/", "h", "e", "l", "m", "e", "t", "s", "enter", "n")


async def _contents(pilot: Pilot[int]) -> None:
    await pilot.press("3", "j", "t", "down", "down")


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_the_review(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_a_search_with_hits(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(), terminal_size=size, run_before=_search)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_the_summary_marked(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(), terminal_size=size, press=["s", "}"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_the_quotations_panel(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(), terminal_size=size, press=["Q"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_the_contents_of_a_text_with_headings(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(chapters()), terminal_size=size, run_before=_contents)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_the_help(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(), terminal_size=size, press=["f1"])


def test_a_20_by_6_terminal(snap_compare: Compare) -> None:
    assert snap_compare(app_for(), terminal_size=(20, 6), press=["j", "#"])
