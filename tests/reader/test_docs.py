"""The README's picture and table of keys are the reader's own."""

from __future__ import annotations

from aleppo_cli.reader.keys import KEYS, markdown_table
from tests.conftest import REPO

SNAPSHOTS = REPO / "tests" / "reader" / "__snapshots__" / "test_snapshots"


def test_the_readme_lists_every_key() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme
    assert len({key.action for key in KEYS}) == len(KEYS)


def test_the_picture_is_a_snapshot() -> None:
    picture = (REPO / ".ci" / "aleppo-read.svg").read_text(encoding="utf-8")
    assert picture in {path.read_text(encoding="utf-8") for path in SNAPSHOTS.glob("*.svg")}
