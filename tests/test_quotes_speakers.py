"""The speaker rules, one made-up text each, in the order ``speakers`` lists them.

Each case passes with every rule and fails with its own rule taken out of
``speakers.RULES``: the second test proves that the rule decides the case.
"""

import re
from pathlib import Path

import pytest

from aleppo_cli.analysis.quotes import news, ranker, speakers
from aleppo_cli.analysis.quotes import quotations as quotes
from aleppo_cli.analysis.quotes.model import Stretch
from aleppo_cli.analysis.quotes.people import People
from aleppo_cli.text.document import build


@pytest.fixture(autouse=True)
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These are the rules' cases: the ranker (tests/test_quotes_ranker.py) is left out."""
    monkeypatch.setattr(ranker, "shipped", lambda: speakers.RULES_ONLY)


def said(raw: str) -> list[str | None]:
    """The speaker of each speech quotation of ``raw``, in order."""
    return [q.speaker for q in quotes.find(build(raw)) if q.kind == quotes.SPEECH]


CASES = [
    pytest.param(
        "named_by_attribution",
        'Ivo waited.\n\n"I will go," said Nora.',
        ["Nora"],
        id="1-said-Nora",
    ),
    pytest.param(
        "goes_on",
        "Nora and Talia walked to the gate.\n\n"
        '"It is late," said Talia.\n\n'
        '"Yes," said Nora.\n\n'
        'They walked on. "And cold," she added.',
        ["Talia", "Nora", "Nora"],
        id="2a-she-added",
    ),
    pytest.param(
        "answers_by_pronoun",
        "Mr. Lark sat by the fire with Bram; he was cold.\n\n"
        '"Will you stay, Mr. Lark?" asked Teodor.\n\n'
        '"I will not," he said.',
        ["Teodor", "Mr. Lark"],
        id="2b-the-one-called-answers",
    ),
    pytest.param(
        "relation",
        "Mr. Quill and Mrs. Quill sat at dinner with Nora; she was quiet.\n\n"
        '"More bread?" asked Mr. Quill.\n\n'
        '"No," said his wife.',
        ["Mr. Quill", "Mrs. Quill"],
        id="2c-his-wife",
    ),
    pytest.param(
        "named_in_its_paragraph",
        "Talia sat down; she was tired.\n\n"
        '"Is it true?" asked Talia.\n\n'
        '"It is," said Oona.\n\n'
        'A letter came. Petra read it; her hands shook. "No!" she cried.',
        ["Talia", "Oona", "Petra"],
        id="2d-her-own-paragraph",
    ),
    pytest.param(
        "alternates_by_pronoun",
        "Bram and Ivo sat by the fire with Teodor.\n\n"
        '"Is it late?" asked Bram.\n\n'
        '"Not yet," said Ivo.\n\n'
        '"Then one more story," said the companion.',
        ["Bram", "Ivo", "Bram"],
        id="2e-two-turns-back",
    ),
    pytest.param(
        "another_in_the_dialogue",
        "Oona came in; she was wet. Ivo sat by the fire; he was dry. Bram stood; he was not.\n\n"
        '"Is it raining?" asked Oona.\n\n'
        '"It is," said Ivo.\n\n'
        '"No," said Bram, and Petra laughed; she could not help it.\n\n'
        '"It is only a shower," she said.',
        ["Oona", "Ivo", "Bram", "Oona"],
        id="2f-a-woman-of-the-dialogue",
    ),
    pytest.param(
        "last_named",
        "Nora met Ivo at the door. Ivo took his coat off and Nora smiled at her sister.\n\n"
        '"Welcome," she said.',
        ["Nora"],
        id="2g-the-last-woman-named",
    ),
    pytest.param(
        "spoke_lately",
        '"Come in," said Nora; she smiled.\n\n'
        + "The rain fell on the roof. " * 150
        + '\n\n"Thank you," said Ivo; he sat down.\n\nIvo looked at the fire.\n\n'
        + '"You are welcome," she said.',
        ["Nora", "Ivo", "Nora"],
        id="2h-a-woman-who-spoke",
    ),
    pytest.param(
        "same_paragraph",
        '"Go," said Nora to Ivo. Ivo was tired. She waited a moment. "Now."',
        ["Nora", "Nora"],
        id="3a-same-paragraph",
    ),
    pytest.param(
        "continues",
        # (a name of no known gender: a man's given name lets after_narration find him too)
        'Jobs grew. "It is slow," said Dr Lowe, an economist at Acme Bank in Ohio. '
        '"We expected more."',
        ["Dr Lowe", "Dr Lowe"],
        id="3b-news-goes-on",
    ),
    pytest.param(
        "answers_the_caller",
        'Bram and Talia stood at the gate.\n\n"Is it you, Teodor?" asked Bram.\n\n"It is."',
        ["Bram", "Teodor"],
        id="3c-the-one-called-answers",
    ),
    pytest.param(
        "alternates",
        '"Are you coming?" asked Oona.\n\n"Perhaps," said Ivo.\n\n"Only perhaps?"\n\n"Yes."',
        ["Oona", "Ivo", "Oona", "Ivo"],
        id="3d-A-B-A-B",
    ),
    pytest.param(
        "after_a_turn",
        "Petra walked with Ivo in the garden; he was reading.\n\n"
        '"Look at the sky," said Petra.\n\n'
        '"It will rain."',
        ["Petra", "Ivo"],
        id="3e-after-a-turn",
    ),
    pytest.param(
        "after_narration",
        'Ivo closed the book; he was tired.\n\n"Enough for tonight."',
        ["Ivo"],
        id="3f-after-narration",
    ),
]


@pytest.mark.parametrize(("rule", "raw", "expected"), CASES)
def test_each_rule_gives_its_speaker(rule: str, raw: str, expected: list[str | None]) -> None:
    assert said(raw) == expected


@pytest.mark.parametrize(("rule", "raw", "expected"), CASES)
def test_each_rule_decides_its_case(
    rule: str, raw: str, expected: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    without = tuple(r for r in speakers.RULES if r.__name__ != rule)
    assert len(without) == len(speakers.RULES) - 1
    monkeypatch.setattr(speakers, "RULES", without)
    # and without journalism's pass after the rules, which may find the same speaker
    monkeypatch.setattr(news, "revise", lambda document, quotes, found, people: tuple(found))
    assert said(raw) != expected


def test_every_rule_has_a_case() -> None:
    assert [case.values[0] for case in CASES] == [rule.__name__ for rule in speakers.RULES]


def test_the_rules_run_in_the_order_the_docstring_lists_them() -> None:
    listed = re.findall(r"``(\w+)``", speakers.__doc__ or "")
    names = [rule.__name__ for rule in speakers.RULES]
    assert [name for name in listed if name in names] == names
    numbers = [(rule.__doc__ or "").split(".")[0] for rule in speakers.RULES]
    assert numbers == ["1", *(f"2{c}" for c in "abcdefgh"), *(f"3{c}" for c in "abcdef")]


NAMES_THE_LAST_SPEAKER = (
    "Teodor waited by the window; he was hungry.\n\n"
    '"Shall we eat?" asked Ivo.\n\n'
    '"Not yet," said Bram.\n\n'
    '"Why not, Ivo?"'
)


def test_4_nobody_said_what_names_them() -> None:
    # A, B, then a turn naming A: not A (rule 3c), but the last one named but B
    assert said(NAMES_THE_LAST_SPEAKER) == ["Ivo", "Bram", "Teodor"]


def test_4_decides_its_case(monkeypatch: pytest.MonkeyPatch) -> None:
    def nobody(text: str, stretch: Stretch, people: People) -> frozenset[str]:
        return frozenset()

    monkeypatch.setattr(speakers, "not_speakers", nobody)
    assert said(NAMES_THE_LAST_SPEAKER) == ["Ivo", "Bram", "Ivo"]


def test_a_rule_that_applies_and_finds_nobody_decides() -> None:
    # 3d applies (a turn in the paragraph before) and finds nobody else named:
    # the quotation is nobody's, not the one 3e would find (the last speaker)
    raw = 'Ivo was tired.\n\n"Shall we go?" asked Ivo.\n\n"Soon."'
    assert said(raw) == ["Ivo", None]


class _Picks:
    """A chooser that picks one name wherever it is a candidate."""

    def __init__(self, name: str) -> None:
        self.name = name

    def choose(self, found: object, at: int) -> str | None:
        return next((c.name for c in found if c.name == self.name), None)  # type: ignore[attr-defined]


def test_the_running_speaker_is_the_one_chosen_not_the_rules_guess() -> None:
    # the rules guess the capitalised word named last; where the chooser
    # overrules them, the next quotation of the paragraph goes on with its choice
    raw = (
        "Pay rose.\n\n"
        "Nora Vance spoke to the panel on Monday.\n"
        "Mothers can take six months of leave.\n"
        '"We are looking at it."\n'
        "Mothers can take six months of leave.\n"
        '"The average woman is paid 80p." It is not enough. "For part-time women it is 60p."\n'
    )
    document = build(raw)
    found, cast = quotes.quotes_and_people(document)
    by_rules = speakers.assign(document.clean.text, found, cast, speakers.RULES_ONLY)
    assert by_rules[-1] == "Mothers"  # what the rules alone would go on with
    chosen = speakers.assign(document.clean.text, found, cast, _Picks("Nora Vance"))
    assert chosen == ("Nora Vance",) * 3


def test_decide_tries_only_the_rules_that_can_apply_with_the_plain_loops_answer() -> None:
    """``decide`` skips the rules that cannot apply (those of 2 without a
    reference, those of 3 with one): each answer is the plain loop's over
    ``RULES``, on the made-up cases and the bundled review, all three groups met."""
    raws = [str(case.values[1]) for case in CASES]
    review = Path(__file__).parents[1] / "texts" / "last-men-in-aleppo.txt"
    raws.append(review.read_text(encoding="utf-8"))
    met = set()
    for raw in raws:
        document = build(raw)
        text = document.clean.text
        found, cast = quotes.quotes_and_people(document)
        talk = speakers.Conversation()
        for quote in found:
            if quote.kind != quotes.SPEECH:
                continue
            speech = speakers._hear(text, quote, cast)
            plain = next(
                (
                    (rule.__name__, verdict.speaker)
                    for rule in speakers.RULES
                    if (verdict := rule(speech, talk, cast)) is not None
                ),
                ("", None),
            )
            rule, speaker = speakers.decide(speech, talk, cast)
            assert (rule, speaker) == plain
            met.add("1" if rule == speakers.SURE else "2" if speech.reference is not None else "3")
            talk = speakers._after(talk, speech, speaker, rule == speakers.SURE)
    assert met == {"1", "2", "3"}


def test_what_the_stages_read_of_each_speech_is_what_the_rules_hear_themselves() -> None:
    """``quotations`` reads what the speaker rules hear of each speech
    quotation along with its attribution (``_read``); that must be all of
    it, the gendered description of its attribution too ("cried the old
    lady"), or ``assign`` given those reads would choose otherwise than
    ``assign`` reading them itself."""
    raw = (
        "Mary Brown and John Smith sat by the fire with the old lady.\n\n"
        '"It is cold tonight," cried the old lady.\n\n'
        '"Then we must stay in," said John.\n\n'
        '"You are right, sir," the young man answered.\n\n'
        '"Stay, then," she said.\n'
    )
    document = build(raw)
    text = document.clean.text
    found, heard, cast = quotes._quotes_heard_people(document)
    assert heard  # (the text has speech quotations)
    described = 0
    for at, speech in heard.items():
        itself = speakers._hear(text, found[at], cast)
        assert speech == itself
        described += itself.described is not None
    assert described  # "the old lady", "the young man"
    by_itself = speakers.assign(text, found, cast)
    assert speakers.assign(text, found, cast, heard=heard) == by_itself
