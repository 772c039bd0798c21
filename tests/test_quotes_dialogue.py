"""Runs of dialogue (analysis/quotes/dialogue.py): the named turns around an
unattributed one, handed to the speaker ranker as features."""

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import dialogue, quotations, ranker, speakers
from aleppo_cli.text.document import build

RUN = (
    "Nora Lark and Ivo Vance sat by the fire.\n\n"
    '"Is it late?" said Nora.\n\n'
    '"It is," said Ivo.\n\n'
    '"Then we must go."\n\n'
    '"Not yet."\n\n'
    '"Why not?"\n\n'
    '"Because I say so," said Ivo.\n\n'
    "The fire went out."
)


def run_features(raw: str) -> list[dict[str, set[str]]]:
    """For each speech quotation, its features by feature name -> names."""
    document = build(raw)
    quotes, cast = quotations.quotes_and_people(document)
    text = document.clean.text
    called = [speakers._hear(text, quote, cast).addressee for quote in quotes]
    found = []
    for pairs in dialogue.features(quotes, cast, called):
        by: dict[str, set[str]] = {}
        for name, feature in pairs:
            by.setdefault(feature, set()).add(name)
        found.append(by)
    return found


def test_the_anchors_either_way_and_their_parity() -> None:
    first, second, third, fourth, fifth, sixth = run_features(RUN)
    assert first == second == sixth == {}  # named turns: the ranker never sees them
    # "Then we must go.": Ivo one back, Ivo three ahead; two people: Nora's turn by parity
    ivo = third["run:back:odd"]
    assert third["run:ahead:odd"] == ivo and len(ivo) == 1
    assert len(third["run:pair"]) == 2 and ivo < third["run:pair"]
    nora = third["run:pair"] - ivo
    assert third["run:pair:parity"] == third["run:pair:agree"] == nora
    # "Not yet.": Ivo two back and two ahead, so his
    assert fourth["run:back:even"] == fourth["run:ahead:even"] == ivo
    assert fourth["run:pair:parity"] == fourth["run:pair:agree"] == ivo
    assert fifth["run:pair:parity"] == nora


def test_a_run_ends_at_narration_and_a_description_is_no_anchor() -> None:
    raw = (
        '"Is it late?" said Nora.\n\nThe clock struck.\n\n"Not yet."\n\n"Why not?" said the other.'
    )
    features = run_features(raw)
    assert features[0] == {}  # the narration between: another run, with no anchor
    assert features[1] == {}  # "the other" need not be one person
    assert features[2] == {}


def test_one_party_named_gives_the_scene_for_the_other() -> None:
    raw = (
        "Ivo Vance looked up as Nora Lark came in.\n\n"
        '"You are late," said Ivo.\n\n'
        '"The train was slow."'
    )
    features = run_features(raw)
    assert features[1]["run:back:odd"] != features[1]["run:scene"]
    assert features[1]["run:scene"] <= {"Nora Lark", "Nora"}


def test_quotations_not_turns_have_none() -> None:
    raw = 'Nora said that "the train" was slow, and went out.'
    assert all(not features for features in run_features(raw))


def test_the_name_a_turn_calls_out_answers_the_next() -> None:
    raw = (
        "Nora Lark and Ivo Vance sat by the fire.\n\n"
        '"Is it late, Ivo?"\n\n'
        '"It is."\n\n'
        '"Then we must go."'
    )
    first, second, third = run_features(raw)
    assert not any(feature.startswith("run:called") for feature in first)
    assert second["run:called:back:odd"] == third["run:called:back:even"]
    assert second["run:called:back:odd"] <= {"Ivo Vance", "Ivo"}


def acts(raw: str) -> list[set[tuple[str, str]]]:
    """For each speech quotation, its ``run:acts`` pairs (a gender, not a name)."""
    document = build(raw)
    quotes, cast = quotations.quotes_and_people(document)
    return [
        {(name, feature) for name, feature in pairs if feature.startswith("run:acts")}
        for quote, pairs in zip(quotes, dialogue.features(quotes, cast), strict=True)
        if quote.kind == quotations.SPEECH
    ]


def test_the_pronoun_acting_in_a_turns_paragraph_gives_its_gender() -> None:
    male, female = dialogue.GENDERED + "M", dialogue.GENDERED + "F"
    raw = (
        "Nora Lark and Ivo Vance sat by the fire.\n\n"
        '"Is it late?" said Nora.\n\n'
        'He looked at the clock. "Not yet."\n\n'
        '"Then we must go." She rose.\n\n'
        '"Stay." His hand went out. "Please."'
    )
    first, second, third, fourth, fifth = acts(raw)
    assert first == set()  # named by its attribution: the ranker never sees it
    assert second == {(male, "run:acts:before")}
    assert third == {(female, "run:acts:after")}  # none before it: the first after
    assert fourth == {(male, "run:acts:after")}
    assert fifth == {(male, "run:acts:before")}  # the nearest before it


def test_a_pronoun_in_a_quote_or_inside_a_sentence_is_no_actor() -> None:
    raw = (
        "Nora Lark and Ivo Vance sat by the fire.\n\n"
        '"He is late. She is not."\n\n'
        'Ivo smiled at Her Majesty\'s portrait and then He sighed. "Not yet."\n\n'
        '"Is it?" she asked.'
    )
    first, second, third = acts(raw)
    assert first == second == set()
    assert third == set()  # "she asked" is its attribution, no sentence of narration


def test_every_name_the_anchors_give_is_a_candidate_with_its_parity() -> None:
    raw = (
        "Nora Lark, Ivo Vance and Tom Reed sat by the fire.\n\n"
        '"Is it late?" said Tom.\n\n'
        '"It is," said Ivo.\n\n'
        '"Then we must go," said Nora.\n\n'
        '"Not yet."\n\n'
        '"Why not?"'
    )
    features = run_features(raw)
    fourth, fifth = features[3], features[4]
    # "Not yet.": Nora one back, Ivo two, Tom three; the nearest anchor gives Nora alone
    assert fourth["run:back:odd"] == {"Nora"}
    assert fourth["run:named:odd"] == {"Nora", "Tom"} and fourth["run:named:even"] == {"Ivo"}
    # "Why not?": Nora two back, Ivo three, Tom four
    assert fifth["run:named:even"] == {"Nora", "Tom"} and fifth["run:named:odd"] == {"Ivo"}
    assert "run:pair" not in fifth  # three people: no pair


def test_the_ranker_weighs_the_acting_pronoun_against_each_candidates_gender(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records: list[list[ranker.Candidate]] = []

    class Recorder:
        def choose(self, found: Sequence[ranker.Candidate], at: int = 0) -> str | None:
            records.append(list(found))
            return None

    monkeypatch.setattr(ranker, "shipped", Recorder)
    raw = (
        "Mr. Vance came in. Miss Lark stood up, and Mr. Vance bowed to her.\n\n"
        '"Is it late?" said Miss Lark.\n\n'
        'He looked at the clock. "Not yet."'
    )
    quotations.find(build(raw))
    (candidates,) = records
    by = {c.name: set(c.features) for c in candidates}
    assert set(by) == {"Mr. Vance", "Miss Lark"}
    assert "run:acts:before:same" in by["Mr. Vance"]
    assert "run:acts:before:other" in by["Miss Lark"]
    assert not by["Mr. Vance"] & {"run:acts:before:other", "run:acts:after:same"}
    assert not any(name.startswith(dialogue.GENDERED) for name in by)  # a gender is no candidate


def test_the_nearest_turns_a_pronoun_attributes_give_their_gender_and_parity() -> None:
    male, female = dialogue.GENDERED + "M", dialogue.GENDERED + "F"
    raw = (
        "Nora Lark and Ivo Vance sat by the fire.\n\n"
        '"Is it late?" she asked.\n\n'
        '"It is."\n\n'
        '"Then we must go."\n\n'
        '"Not yet," he said.\n\n'
        '"Why not?"'
    )
    document = build(raw)
    quotes, cast = quotations.quotes_and_people(document)
    pairs = [
        {(name, feature) for name, feature in found if feature.startswith("run:pron")}
        for found in dialogue.features(quotes, cast)
    ]
    assert pairs[0] == {(male, "run:pron:ahead:odd")}  # its own pronoun is no anchor
    assert pairs[1] == {(female, "run:pron:back:odd"), (male, "run:pron:ahead:even")}
    assert pairs[2] == {(female, "run:pron:back:even"), (male, "run:pron:ahead:odd")}
    assert pairs[4] == {(male, "run:pron:back:odd")}


def introduced(raw: str) -> list[set[tuple[str, str]]]:
    """For each speech quotation, its ``intro`` pairs (a gender, not a name)."""
    document = build(raw)
    quotes, cast = quotations.quotes_and_people(document)
    return [
        {(name, feature) for name, feature in pairs if feature.startswith("intro:")}
        for quote, pairs in zip(quotes, dialogue.features(quotes, cast), strict=True)
        if quote.kind == quotations.SPEECH
    ]


def test_the_pronoun_introducing_a_quotation_no_attribution_reads_gives_its_gender(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    male, female = dialogue.GENDERED + "M", dialogue.GENDERED + "F"
    raw = (
        "Nora Lark and Ivo Vance sat by the fire. Nora was reading; but by and by,\n"
        "looking up from the page with a frown, she put it down, and, glancing at it,\n"
        "observed, in a colder voice,\n\n"
        '"Is it late?"\n\n'
        '"If I had known," he spluttered, "I would have come."\n\n'
        "Ivo went out.\n\n"
        '"Tea?"\n\n'
        '"Yes," said Nora.'
    )
    intro = introduced(raw)
    assert intro[0] == {(female, "intro:pron")}  # the paragraph before ends with a comma
    assert intro[1] == {(male, "intro:after")}  # "spluttered": no verb the attribution knows
    assert intro[2] == {(male, "intro:pron")}  # the next part, unread: "he" before it
    assert intro[3] == set()  # the paragraph before ends with a full stop
    assert intro[4] == set()  # named by its attribution
    monkeypatch.setattr(dialogue, "INTRODUCED", False)
    assert not any(introduced(raw))


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet="hHeEsS x_'\u2019.\n\u00e9\u0663", max_size=24),
    low=st.integers(0, 26),
    stop=st.integers(0, 26),
)
def test_the_last_nominative_is_the_one_the_greedy_pattern_finds(
    text: str, low: int, stop: int
) -> None:
    """``_last_nominative`` scans back with ``rfind``; what it finds is what
    ``_LAST_NOMINATIVE`` (a greedy ``.*`` backing off) matches, word edges
    (letters, digits of any script, "_", apostrophes) either side included."""
    stop = min(stop, len(text))
    low = min(low, stop)
    match = dialogue._LAST_NOMINATIVE.match(text, low, stop)
    assert dialogue._last_nominative(text, low, stop) == (match.group(1) if match else None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Then she turned, and he said", "he"),
        ("he said; she", "she"),
        ("The shepherd's hens", None),
        ("she'd say he_ or he\u2019s", None),
        ("He", "He"),
    ],
)
def test_the_last_nominative_of_some_narration(text: str, found: str | None) -> None:
    assert dialogue._last_nominative(text, 0, len(text)) == found
