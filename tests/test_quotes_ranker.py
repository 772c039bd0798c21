"""The speaker ranker: its candidates, its choice, and the weights it ships with."""

import json
import math
from collections.abc import Sequence

import pytest

from aleppo_cli.analysis.quotes import quotations as quotes
from aleppo_cli.analysis.quotes import ranker, speakers
from aleppo_cli.analysis.quotes.model import Gender
from aleppo_cli.analysis.quotes.people import People
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
    assert contexts <= {*ranker.CONTEXTS, *ranker.SITUATIONS}


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


def test_a_conversations_rhythm_and_its_anchor_are_features(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    spoken(DIALOGUE + '\n\n"Why not?"\n\n"The snow."')
    fifth = {c.name: c for c in recorder.records[2]}  # A, B, A, B, then "Why not?"
    assert {"alt:ab", "alt:abab", "parity:even"} <= set(fifth["Nora"].features)
    assert "parity:odd" in fifth["Ivo"].features
    assert "alt:ab" not in fifth["Ivo"].features
    # the last turn an attribution named ("It is," said Ivo.) is two turns before the last
    assert "alt:anchor2" in fifth["Nora"].features
    assert "turn4:sure" in fifth["Nora"].features and "turn3:sure" in fifth["Ivo"].features
    assert "turn1:sure" not in fifth["Ivo"].features
    assert {c.situation for c in recorder.records[2]} == {"dlg"}
    third = {c.name: c for c in recorder.records[0]}  # after A, B: no A, B, A, B yet
    assert "alt:abab" not in third["Nora"].features and "alt:anchor0" in third["Nora"].features


def test_the_speakers_of_quotations_inside_narration_are_candidates_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    monkeypatch.setattr(ranker, "SAID_FEATURES", True)  # off in the shipped model
    raw = (
        'Nora came in. She looked round and said "Hello," to nobody.\n\n'
        "The evening went by. Ivo read; the clock struck.\n\n"
        '"Tea?"'
    )
    spoken(raw)
    last = {c.name: c for c in recorder.records[-1]}
    assert "spoke0" in last["Nora"].features  # a quote inside narration, not a turn
    assert "turn1" not in last["Nora"].features
    assert last["Nora"].situation == "open"
    assert "before:subject" in last["Ivo"].features  # "Ivo read;" opens its sentence


def test_a_subject_opens_its_sentence_capitalised_words_aside() -> None:
    text = "He left. Prof Joni Lark, who ran it, spoke. Then the Mr. Bo came. Sir Al Ray wept."
    opens = {w: ranker._opens_sentence(text, text.index(w), 0) for w in ("He", "Joni", "Bo", "Al")}
    assert opens == {"He": True, "Joni": True, "Bo": False, "Al": True}
    late = "Sir Al Ray came in with the others, of whom only Bo stayed."
    assert not ranker._opens_sentence(late, late.index("Bo"), 0)  # too far into it


def test_a_mentions_role_comes_from_the_words_around_it() -> None:
    text = "Nora looked. Ivo's hat fell. He turned to Mr. Lark Bo and told Ann, then Bo, who ran."

    def roles(word: str) -> list[str]:
        return ranker._roles(text, text.index(word))

    assert roles("Nora") == ["role:agent"]
    assert roles("Ivo") == ["role:poss"]
    assert roles("Mr.") == ["role:fn", "role:to"]  # "to Mr. Lark Bo and": the name's end
    assert roles("Ann") == ["role:comma", "role:object"]
    assert roles("Bo,") == ["role:comma"]  # after "then": a grammar word, no verb


def test_a_gendered_description_and_a_word_of_address_are_read() -> None:
    text = '"Well, sir," cried the old lady. The young man said, "No, madam."'
    document = build(text)
    found = [q for q in quotes.quotes_and_people(document)[0] if q.kind == quotes.SPEECH]
    clean = document.clean.text
    described = [speakers._described(clean, q.stretch) for q in found]
    assert described == ["old lady", "young man"]
    addressed = [speakers._address_gender(clean, q.stretch) for q in found]
    assert addressed == [Gender.MALE, Gender.FEMALE]


def test_a_given_turn_anchors_the_run_it_stands_in() -> None:
    # B's turn is given; the ranked turns around it: A, B, A
    entries = [
        ranker.Ranked(0, 1, True, [("A", 1.0), ("C", 0.2)]),
        ranker.anchor(1, 2, "B"),
        ranker.Ranked(2, 3, True, [("C", 1.0), ("A", 0.5)]),
    ]
    assert ranker.decode(entries, 0.0, 1.0) == {0: "A", 1: "B", 2: "A"}
    assert ranker.decode(entries, 0.0, 0.0) == {0: "A", 1: "B", 2: "C"}


def test_the_turns_after_a_quotation_mark_their_named_speakers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    raw = DIALOGUE + '\n\n"Are you sure?"\n\n"Quite," said Nora. "Yes, Ivo."'
    spoken(raw)
    # ranked: "Then we must go.", "Not yet.", "Are you sure?"
    assert len(recorder.records) == 3
    go, yet, sure = ({c.name: c.features for c in r} for r in recorder.records)
    assert "next2:named" in yet["Nora"] and "next1:named" not in yet["Nora"]
    assert "next1:named" in sure["Nora"]
    assert "next1:calls" in sure["Ivo"]  # Nora's next turn calls Ivo: he spoke before it
    assert "next3:named" in go["Nora"] and "next1:calls" not in go["Ivo"]


def test_a_later_quotation_of_its_paragraph_gives_its_named_speaker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    raw = 'Nora and Ivo sat by the fire.\n\n"Late." Outside, rain fell. "Very late," said Ivo.'
    spoken(raw)
    first = {c.name: c.features for c in recorder.records[0]}
    assert "later:named" in first["Ivo"]
    blocked = raw.replace("Outside, rain fell.", "Nora looked up.")
    recorder.records.clear()
    spoken(blocked)
    assert all("later:named" not in c.features for c in recorder.records[0])


def test_the_turns_of_a_run_are_chosen_together() -> None:
    model = Ranker({"a": 1.0, "b": 0.3, "c": 0.5})

    def turn(at: int, paragraph: int, **scores: list[str]) -> ranker.Ranked:
        found = [Candidate(name, "none", features) for name, features in scores.items()]
        return ranker.ranked(model, at, paragraph, True, found)[0]

    ranked = [
        turn(0, 1, A=["a"], B=[]),
        turn(1, 2, A=["b"], B=[]),  # alone A (0.3), but A twice running costs 0.5
        turn(2, 3, A=[], B=["c"]),  # alone B (0.5), but A, B, A earns 2.0
        turn(3, 5, A=["a"], B=[]),  # after a paragraph with no turn: a run of its own
    ]
    assert [r.choices[0][0] for r in ranked] == ["A", "A", "B", "A"]
    assert ranker.decode(ranked, same=-0.5, two_back=2.0) == {0: "A", 1: "B", 2: "A"}
    # with no transition scores, each turn's own best
    assert ranker.decode(ranked, same=0.0, two_back=0.0) == {0: "A", 1: "A", 2: "B"}


def test_the_shipped_ranker_decodes_a_dialogue_as_a_sequence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real = ranker.decode_run

    def spy(run: Sequence[ranker.Ranked], *args: float) -> list[str | None]:
        calls.append(len(run))
        return real(run, *args)

    monkeypatch.setattr(ranker, "decode_run", spy)
    assert spoken(DIALOGUE) == ["Nora", "Ivo", "Nora", "Ivo"]
    assert calls == [4]  # one run: the two unattributed turns, together, and the two given


def test_only_a_short_definite_lower_case_description_is_ranked() -> None:
    assert ranker.a_description("the doctor") and ranker.a_description("the good doctor")
    for name in (
        "Nora",
        "the Hatter",  # written as a name
        "the Tory leader",  # a proper name in it says who
        "a spokesman",  # someone new
        "the judges",
        "the minister's spokesman",
        "the gentleman in the white waistcoat",
        None,
    ):
        assert not ranker.a_description(name), name
    assert ranker._head("the good doctor") == "doctor"
    assert ranker._head("the man in grey") == "man"


_FILLER = "Ivo walked by the river in the rain, and the water rose slowly that year.\n\n"
# Mr. Lark is named beside "the doctor" more than his share; Ivo everywhere alike.
CLINIC = (
    _FILLER * 30
    + "Mr. Lark came to see Ivo. Mr. Lark sat down; the doctor was tired.\n\n"
    + _FILLER * 30
    + "Mr. Lark smiled at last, and the doctor nodded.\n\n"
    + _FILLER * 30
    + '"He will live," said the doctor.'
)


def test_a_description_is_ranked_against_the_people_the_text_ties_it_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    assert spoken(CLINIC) == ["the doctor"]  # the recorder answers as the rules do
    found = {c.name: c for c in recorder.records[-1]}
    assert found["the doctor"].context == "desc"
    assert {"rule", "rule:description", "desc:self"} <= set(found["the doctor"].features)
    assert "desc:tie0" in found["Mr. Lark"].features
    assert not any(
        f.startswith("desc:tie") for f in found.get("Ivo", Candidate("", "", [])).features
    )
    weights = {"desc:tie0": 2.0, "rule": 1.0}
    monkeypatch.setattr(ranker, "shipped", lambda: Ranker(weights))
    assert spoken(CLINIC) == ["Mr. Lark"]


def test_a_description_is_not_ranked_when_the_option_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ranker, "DESCRIPTIONS_RANKED", False)
    monkeypatch.setattr(ranker, "shipped", lambda: Recorder("Zed"))
    assert spoken(CLINIC) == ["the doctor"]  # named by its attribution: fixed


def _features(recorder: Recorder, record: int = -1) -> dict[str, list[str]]:
    return {c.name: c.features for c in recorder.records[record]}


def test_the_name_a_quote_inside_the_narration_called_out_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    raw = (
        "Nora and Mrs. Lark walked on.\n\n"
        'At the gate Ivo stopped, and asked, "Well, Nora, where now?"\n\n'
        '"Home," she said.'
    )
    spoken(raw)
    found = _features(recorder)
    assert "called:prev" in found["Nora"]  # the quote is no turn: "called" never saw it
    assert "called" not in found["Nora"]
    assert not any(f.startswith("called:") for f in found.get("Mrs. Lark", []))
    monkeypatch.setattr(ranker, "CALLED_LAST", False)
    recorder.records.clear()
    spoken(raw)
    assert not any(f.startswith("called:") for fs in _features(recorder).values() for f in fs)


def test_a_name_after_a_preposition_is_no_subject_for_the_pronoun(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    spoken('Mrs. Lark came in, and sat down beside\nMiss Vane.\n\n"Go," she said.')
    found = _features(recorder)
    assert {"before:gender0", "before:gender0:object"} <= set(found["Miss Vane"])
    assert "before:free" not in found["Miss Vane"]
    assert {"before:gender1", "before:free"} <= set(found["Mrs. Lark"])
    assert ranker._word_before("sat by\nNora", 7) == "by"
    assert ranker._word_before("Yes. Nora", 5) == ""
    assert ranker._word_before("the whole Nora", 10) == "whole"


def test_two_of_the_pronouns_gender_alternate(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    two_women = (
        "Mrs. Lark and Miss Vane sat by the fire.\n\n"
        '"Is it late?" said Mrs. Lark.\n\n'
        '"It is," said Miss Vane.\n\n'
        '"Then go," she said.'
    )
    spoken(two_women)
    found = _features(recorder)
    assert "alt:ab:gender" in found["Mrs. Lark"]
    assert "alt:ab:gender" not in found["Miss Vane"]
    recorder.records.clear()
    spoken(two_women.replace("Miss Vane", "Mr. Vane"))  # a man between: "she" is the woman
    found = _features(recorder)
    assert not any("alt:ab:gender" in fs for fs in found.values())
    assert "alt:ab:mixed" in found["Mrs. Lark"]


def test_the_scenes_most_named_person_of_the_pronouns_gender_is_a_candidate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(ranker, "shipped", lambda: recorder)
    rain = "The rain fell on the roofs of the old town all afternoon. " * 45  # 2,600 characters
    raw = (
        "Mr. Lark came home late. Mr. Lark lit the lamp, and Mr. Lark sat down.\n\n"
        f"{rain}\n\nMrs. Holt passed by; Mr. Holt waved from the gate.\n\n"
        f"{rain}\n\n"
        '"Nobody came," he said.'
    )
    spoken(raw)
    found = {c.name: c for c in recorder.records[-1]}
    # named more than MENTION_REACH characters back, and the most named man of the scene
    assert "Mr. Lark" in found and "before0" not in found["Mr. Lark"].features
    assert {"focal0", "scene0"} <= set(found["Mr. Lark"].features)
    assert "focal0" not in found.get("Mr. Holt", Candidate("", "", [])).features
    assert "Mrs. Holt" not in found  # a woman is not the focal man
    monkeypatch.setattr(ranker, "FOCAL", False)
    spoken(raw)
    assert "Mr. Lark" not in {c.name for c in recorder.records[-1]}


def test_a_descriptions_gender_comes_from_the_pronouns_after_its_mentions() -> None:
    text = (
        "The doctor rose; he was tired. Then the doctor smiled, and his hand shook. "
        "Later the doctor came back, and he sat down. A doctor and she left. "
        "The nurse went out; she was cross. The nurse came in, and he laughed. "
        "The clerk nodded. The clerk left."
    )
    people = build_people(text)
    facts = ranker.Text({}, False, text, links={}, pronouns={})
    assert ranker._pronouns_after(people, facts, "doctor", 0) == Gender.MALE  # he, his, he
    assert ranker._pronouns_after(people, facts, "nurse", 0) is None  # once each way
    assert ranker._pronouns_after(people, facts, "clerk", 0) is None  # no pronoun at all
    assert facts.pronouns == {("doctor", 0): Gender.MALE, ("nurse", 0): None, ("clerk", 0): None}
    far = ranker.TIE_STRETCH * 3  # another stretch of the text: read on its own
    assert ranker._pronouns_after(people, facts, "doctor", far) is None


def build_people(text: str) -> People:
    return quotes.quotes_and_people(build(text))[1]
