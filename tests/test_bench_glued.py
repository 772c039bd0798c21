"""bench/glued.py's leave-one-novel-out folds: each text held out once, the
others (and only they) choose its parameters, and choosing on a slice of
the decisions made once for all texts is choosing on those texts alone.
Made-up texts: no ../shared needed."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def glued() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_glued", REPO / "bench" / "glued.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_glued"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["bench_glued"]
    return module


def test_each_text_is_held_out_once_and_never_chooses_for_itself(glued: ModuleType) -> None:
    seen = []
    for held, rows in glued.folds(5):
        assert held not in rows
        assert sorted([*rows, held]) == list(range(5))
        seen.append(held)
    assert seen == list(range(5))


def test_take_slices_every_column_by_text(glued: ModuleType) -> None:
    tally = glued.Tally(*([10 * column + row for row in range(4)] for column in range(6)))
    sliced = glued.take(tally, [0, 2, 3])
    assert sliced.edits_sure == [0, 2, 3]
    assert sliced.sure_glued == [50, 52, 53]
    assert len(vars(sliced)) == len(vars(tally))


SENTENCES = [
    "The old workbag lay beside the window where the morning light fell.",
    "She said that thefirst letter came from her brother in the north country.",
    "Nobody expected the carriage before noon, though the roads were dry.",
    "Pierre walked slowly along the river and thought about the coming winter.",
    "A small playfellow of the children waited under the great chestnut tree.",
    "Their mother read aloud every evening while the fire burned low.",
]


def texts(glued: ModuleType) -> list[object]:
    made = []
    for number in range(4):
        lines = [SENTENCES[(number + k) % len(SENTENCES)] for k in range(3 + 4 * number)]
        made.append(glued.Text("novels", f"text{number}", " ".join(lines)))
    return made


def test_choosing_on_a_slice_is_choosing_on_the_others(
    glued: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # made-up texts keep no set recall: choose by the fewest edits alone
    monkeypatch.setattr(glued, "TUNING_RECALL", 0.0)
    parameters = [name for grid in glued.GRIDS.values() for name in grid]
    default = {name: getattr(glued.cleanup, name) for name in parameters}
    try:
        found = glued.candidates(texts(glued), 2)
        assert sum(len(text.sites) for text in found) > 0
        camel, options = glued.decided(found, base=False)
        for _held, rows in glued.folds(len(found)):
            sliced = (
                glued.take(camel, rows),
                {w: [(v, glued.take(t, rows)) for v, t in o] for w, o in options.items()},
            )
            others = [found[row] for row in rows]
            assert glued.tune(others, False, sliced, quiet=True) == glued.tune(
                others, False, quiet=True
            )
    finally:
        glued.set_parameters(default)
