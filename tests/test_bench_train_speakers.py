"""bench/train_speakers.py's quotations as the product makes them: what its
scoring matches against the gold quotations. Made-up text: no ../shared
needed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from aleppo_cli.analysis.quotes import quotations, speakers
from tests.conftest import REPO

_RAW = (
    "Mary Brown and John Smith sat by the fire.\n\n"
    '"It is cold tonight," said Mary. "Shall we stay in?"\n\n'
    '"We must," said John.\n\n'
    '"Then I will read," she said.\n'
)


@pytest.fixture(scope="module")
def train() -> ModuleType:
    path = REPO / "bench" / "train_speakers.py"
    spec = importlib.util.spec_from_file_location("bench_train_speakers", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_train_speakers"] = module
    path_before = list(sys.path)
    try:
        spec.loader.exec_module(module)  # (it puts the repo and bench/ on the path)
    finally:
        del sys.modules["bench_train_speakers"]
        sys.modules.pop("quotes", None)  # (bench/quotes.py, which it imports as scoring)
        sys.path[:] = path_before
    return module


def test_realised_quotations_are_the_products_with_the_choices_given(
    train: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "novel_text.txt").write_text(_RAW, encoding="utf-8")
    prepared = train.prepare(tmp_path)
    text = prepared.document.clean.text
    by = speakers.assign(text, prepared.quotes, prepared.cast)
    novel = train.Novel(prepared, by, [], [], [], [])
    found = quotations.find(prepared.document)
    assert len(found) == len(prepared.quotes) >= 3
    choices = ["John" if speaker == "Mary" else speaker for speaker in by]
    realised = train.realise(novel._replace(at=list(range(len(by)))), choices)
    assert [q.speaker for q in realised] == choices
    # where each stands, its parts and kind: as ``aleppo quotes`` gives them
    assert [q._replace(speaker=None, person=None) for q in realised] == [
        q._replace(speaker=None, person=None) for q in found
    ]
    assert [q.person.name if q.person else None for q in realised] == choices
