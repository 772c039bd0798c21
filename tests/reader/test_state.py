"""The reader's state file: where it is, what it keeps, and that nothing
wrong with it is ever an error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from aleppo_cli.reader import state
from aleppo_cli.reader.state import MAX_TEXTS, Store, TextState


def test_the_path_follows_xdg_and_home() -> None:
    assert state.state_path({"XDG_STATE_HOME": "/x/state"}) == Path("/x/state/aleppo/reader.json")
    assert state.state_path({"XDG_STATE_HOME": "relative", "HOME": "/h"}) == Path(
        "/h/.local/state/aleppo/reader.json"
    )
    assert state.state_path({"HOME": "/h"}) == Path("/h/.local/state/aleppo/reader.json")
    assert state.state_path({}) is None


@pytest.mark.parametrize(("value", "off"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_aleppo_no_state(value: str, off: bool) -> None:
    assert state.disabled({"ALEPPO_NO_STATE": value}) is off


def test_saved_and_read_back_atomically(tmp_path: Path) -> None:
    path = tmp_path / "aleppo" / "reader.json"
    store = Store.open(path)
    assert store.texts == {} and store.notes == []
    store.save("k1", TextState(120, {"a": 5, "b": 7}))
    assert os.listdir(path.parent) == ["reader.json"]  # no temporary file left
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    again = Store.open(path)
    assert again.get("k1") == TextState(120, {"a": 5, "b": 7})
    assert json.loads(path.read_text())["version"] == 1


def test_other_readers_positions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "reader.json"
    first, second = Store.open(path), Store.open(path)
    first.save("one", TextState(1))
    second.save("two", TextState(2))
    assert set(Store.open(path).texts) == {"one", "two"}


def test_the_most_recent_texts_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "reader.json"
    store = Store.open(path)
    for number in range(MAX_TEXTS + 30):
        store.save(f"text{number}", TextState(number))
        if number == MAX_TEXTS + 20:
            store.save("text35", TextState(35))  # read again lately: kept, and last
    texts = list(Store.open(path).texts)
    assert len(texts) == MAX_TEXTS and texts[-1] == f"text{MAX_TEXTS + 29}"
    assert "text29" not in texts and "text30" in texts
    assert texts.index("text35") == texts.index(f"text{MAX_TEXTS + 20}") + 1
    assert path.stat().st_size < 20_000


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"version": 99, "texts": {}}',
        b'{"version": 1, "texts": {"k": {"position": -4}}}',
        b'{"version": 1, "texts": {"k": "x"}}',
        b" " * (2 * 1024 * 1024),
    ],
)
def test_a_corrupt_file_is_ignored_with_a_note(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "reader.json"
    path.write_bytes(content)
    store = Store.open(path)
    assert store.texts == {}
    assert len(store.notes) == 1 and "ignored" in store.notes[0]
    store.save("k", TextState(3))  # replaced by a good one
    assert Store.open(path).get("k") == TextState(3)


def test_bad_marks_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "reader.json"
    marks = '{"a": 1, "bc": 2, "d": -1}'
    path.write_text(f'{{"version": 1, "texts": {{"k": {{"position": 3, "marks": {marks}}}}}}}')
    assert Store.open(path).get("k") == TextState(3, {"a": 1})


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = Store.open(folder / "aleppo" / "reader.json")
        store.save("k", TextState(1))
        assert len(store.notes) == 1 and "could not save" in store.notes[0]
    finally:
        folder.chmod(0o700)


def test_a_path_that_cannot_be_a_folder_is_a_note(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = Store.open(blocker / "aleppo" / "reader.json")
    assert store.notes == [] or "ignored" in store.notes[0]
    store.save("k", TextState(1))
    assert any("could not save" in note for note in store.notes)


def test_no_path_keeps_nothing(tmp_path: Path) -> None:
    store = Store.open(None)
    store.save("k", TextState(1))
    assert store.notes == [] and list(tmp_path.iterdir()) == []
