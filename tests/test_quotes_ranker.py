"""The speaker ranker: its candidates, its choice, and the weights it ships with."""

import json
import math
from collections.abc import Sequence

import pytest

from aleppo_cli.analysis.quotes import quotations as quotes
from aleppo_cli.analysis.quotes import ranker, speakers
from aleppo_cli.analysis.quotes.ranker import Candidate, Ranker
from aleppo_cli.text.document import build

DIALOGUE = (
    "Nora and Ivo sat by the fire.\n\n"
    '"Is it late?" said Nora.\n\n'
    '"It is," said Ivo.\n\n'
    '"Then we must go."\n\n'
    '"Not yet."'
)


class Recorder:
    """Keeps every choice's candidates and answers ``answer`` (the rules' if None)."""

    def __init__(self, answer: str | None = None) -> None:
        self.answer = answer
        self.records: list[list[Candidate]] = []

    def choose(self, found: Sequence[Candidate], at: int = 0) -> str | None:
        self.records.append(list(found))
        if self.answer is not None:
            return self.answer
        return next((c.name for c in found if "rule" in c.features), None)


def spoken(raw: str) -> list[str | None]:
    return [q.speaker for q in quotes.find(build(raw)) if q.kind == quotes.SPEECH]


def test_the_shipped_weights_are_small_finite_and_of_known_features() -> None:
    assert ranker.WEIGHTS_FILE.stat().st_size < 1_000_000
    weights = json.loads(ranker.WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]
    assert len(weights) > 20
    assert all(math.isfinite(w) for w in weights.values())
    contexts = {f.partition("|")[0] for f in weights if "|" in f}
    assert contexts <= set(ranker.CONTEXTS)


def test_the_ranker_takes_the_candidate_whose_features_weigh_most() -> None:
    model = Ranker({"turn2": 1.0, "pro|rule": 3.0, "rule": -0.5})
    found = [Candidate("Ivo", "pro", ["turn2"]), Candidate("Nora", "pro", ["rule"])]
    assert model.choose(found) == "Nora"  # 3.0 - 0.5 against 1.0
    other = [c._replace(context="none") for c in found]
    assert model.choose(other) == "Ivo"  # the tagged weight is the pronoun's only
    assert model.choose([]) is None


def test_an_unattributed_turn_has_the_speakers_before_for_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    assert spoken(DIALOGUE) == ["Nora", "Ivo", "Nora", "Ivo"]  # the rules' turns
    assert len(recorder.records) == 2  # the two said-quotations are not ranked
    third = {c.name: c for c in recorder.records[0]}
    assert set(third) == {"Nora", "Ivo"}
    assert third["Ivo"].context == third["Nora"].context == "none"
    assert {"turn1", "turn1:adjacent"} <= set(third["Ivo"].features)
    assert {"turn2", "turn2:adjacent", "rule", "rule:alternates"} <= set(third["Nora"].features)
    assert "rule" not in third["Ivo"].features


def test_a_named_or_fixed_attribution_is_never_ranked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranker, "shipped", lambda: Recorder("Zed"))
    raw = DIALOGUE + '\n\nMr. Lark came in with Mrs. Lark.\n\n"Tea?" said his wife.'
    assert spoken(raw) == ["Nora", "Ivo", "Zed", "Zed", "Mrs. Lark"]
    assert "relation" in speakers.FIXED


def test_the_shipped_ranker_keeps_a_plain_dialogue_alternating() -> None:
    raw = DIALOGUE + '\n\n"Why not?"\n\n"The snow."'
    assert spoken(raw) == ["Nora", "Ivo", "Nora", "Ivo", "Nora", "Ivo"]
