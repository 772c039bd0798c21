"""Which sentences a summary may choose: no fragments of dialogue, no repeats,
long sentences last, spread over long texts; a repeatable random (made-up texts)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from typer.testing import CliRunner

from aleppo_cli.analysis.summarize import eligible
from aleppo_cli.analysis.summarize import summary as summarize
from aleppo_cli.cli.app import app
from tests.builders import document_of, text_of

# Every sentence is about the market, so every algorithm rates the dialogue
# highly; the fragments hold the most market words of all.
# The first three paragraphs are turns of a dialogue: the text is one of dialogue.
DIALOGUE = [
    ['"The market will rise, the market will rise, the market!', 'The market is the market."'],
    ['"Market," said she, "the market is up.', 'The market market market."'],
    ['"The market is open," said the trader.'],
    ["The market rose today on strong trading."],
    ["Traders in the market watched prices all day."],
    ["Nobody in the market knew why prices moved."],
]


def fragments_of(paragraphs: list[list[str]], dialogue: bool | None = True) -> list[str]:
    """The fragments of dialogue among the paragraphs' sentences, judged as
    in a text of dialogue (or, with ``dialogue`` None, as the text itself is)."""
    found = eligible.candidates(document_of(*paragraphs), dialogue)
    return [c.sentence.text for c in found if c.fragment]


def test_fragments_of_dialogue_are_found() -> None:
    assert eligible.is_dialogue(document_of(*DIALOGUE))
    assert fragments_of(DIALOGUE, dialogue=None) == [
        '"The market will rise, the market will rise, the market!',
        'The market is the market."',
        '"Market," said she, "the market is up.',
        'The market market market."',
    ]
    # a whole quotation, with or without its attribution, is no fragment
    assert fragments_of([['"Go home."', '"I will," he said.', "He went."]]) == []
    # curly marks: a close without an open is a fragment too
    curly = [["“We go now.", "Yes.”", "They went.", "It was over.”", "Then silence came."]]
    assert fragments_of(curly) == ["“We go now.", "Yes.”", "It was over.”"]
    # a straight mark before a word opens: a sentence whose first mark opens
    # starts outside any quotation (the one before was left open)
    left_open = [['He said: "We will win.', 'It was "very difficult" to lose.', "They left."]]
    assert fragments_of(left_open) == ['He said: "We will win.']
    # a paragraph starts outside any quotation
    assert fragments_of([['"Hello.'], ["Then he left."]]) == ['"Hello.']
    # a quotation left open, the next sentence of its paragraph starting by
    # reopening: a speech run over paragraphs whose break was lost (news copy)
    carried = [['He said: "Sales fell.', '"We will recover."', "Shares rose."]]
    assert fragments_of(carried) == []
    over_two = [['He said: "Sales fell.', "Costs rose.", '"We will recover."']]
    assert fragments_of(over_two) == ['He said: "Sales fell.', "Costs rose."]
    # one left open at the end of its paragraph stays a fragment
    assert fragments_of([['He said: "Sales fell.'], ['"We will recover."']]) == [
        'He said: "Sales fell.'
    ]


# News: quotations of statements, each its own paragraph; no exchange of turns.
NEWS = [
    ["The firm reported its results on Monday."],
    ['Its chief said: "The market is up.', 'Costs fell in the year."'],
    ["Shares rose by 5% after the report."],
    ['"We will grow," said the chief.'],
    ["Analysts had expected less."],
    ['"It was a strong year.', 'Sales rose in every region," said an analyst.'],
]


def test_a_text_of_dialogue_holds_exchanges_of_turns() -> None:
    assert not eligible.is_dialogue(document_of(*NEWS))
    assert not eligible.is_dialogue(document_of(["No quotation here."], ["Nor here."]))
    # two turns in a row are no exchange; three are
    two = [['"Go."'], ['"No."'], ["They stayed."]]
    assert not eligible.is_dialogue(document_of(*two))
    assert eligible.is_dialogue(document_of(*two[:2], ['"Then stay."'], *two[2:]))
    # a quarter of the paragraphs that quote must be turns of an exchange
    exchange = [['"Go."'], ['"No."'], ['"Stay."']]
    assert eligible.is_dialogue(document_of(*exchange, *NEWS[:3]))  # 3 of 4
    assert not eligible.is_dialogue(document_of(*exchange, *(NEWS * 4)))  # 3 of 15
    # judged on the whole text, also for a part of it (a chapter)
    document = document_of(*DIALOGUE, *NEWS)
    part = dataclasses.replace(document, paragraphs=document.paragraphs[len(DIALOGUE) :])
    assert eligible.is_dialogue(part)


def test_in_a_text_without_dialogue_a_quotation_s_sentences_may_be_chosen_alone() -> None:
    found = eligible.candidates(document_of(*NEWS))
    assert not any(c.fragment or c.joined for c in found)
    assert [unit for unit in eligible.order([0.0] * 9, found) if 1 in unit] == [[1]]
    # the same paragraphs, judged as dialogue: fragments, chosen whole
    assert fragments_of(NEWS) == [
        'Its chief said: "The market is up.',
        'Costs fell in the year."',
        '"It was a strong year.',
        'Sales rose in every region," said an analyst.',
    ]
    found = eligible.candidates(document_of(*NEWS), dialogue=True)
    assert [unit for unit in eligible.order([0.0] * 9, found) if 1 in unit] == [[1, 2]]


UNCLOSED = ['"The market, the market, the market never closes, the market!']


def test_quotations_over_several_sentences_are_units() -> None:
    found = eligible.candidates(document_of(*DIALOGUE, UNCLOSED))
    assert eligible.units(found) == [[0, 1], [2, 3], [4], [5], [6], [7], [8]]


def test_a_quotation_carried_on_by_a_reopening_sentence_is_a_whole_unit() -> None:
    paragraph = ['He said: "Sales fell.', "Costs rose.", '"We will recover."', "They left."]
    found = eligible.candidates(document_of(paragraph), dialogue=True)
    assert eligible.units(found) == [[0, 1], [2], [3]]
    order = eligible.order([0.0, 0.0, 0.0, 0.0], found)
    assert [0, 1] in order
    # without the reopening sentence, the quotation is left open: never chosen
    found = eligible.candidates(document_of(paragraph[:2], paragraph[2:]), dialogue=True)
    assert [0, 1] not in eligible.order([0.0, 0.0, 0.0, 0.0], found)


@pytest.mark.parametrize("algorithm", list(summarize.ALGORITHMS))
def test_a_fragment_is_chosen_only_with_its_whole_quotation(algorithm: str) -> None:
    document = document_of(*DIALOGUE, UNCLOSED)
    fragments = set(fragments_of(DIALOGUE))
    units = [DIALOGUE[0], DIALOGUE[1]]
    for count in range(1, 9):
        chosen = {s.text for s in summarize.summarize(document, algorithm, count, seed=1).sentences}
        assert UNCLOSED[0] not in chosen
        for unit in units:  # all of a quotation or none of it
            assert len(chosen & set(unit)) in (0, len(unit))
        # a quotation of two sentences does not fit in the last place left
        assert len(chosen) in (count, count - 1) or count > 8
        if count == 1:
            assert not chosen & fragments
    # never a fragment at all, when quotations are not taken whole
    alone = summarize.summarize(document, algorithm, 3, seed=1, whole=False).sentences
    assert not {s.text for s in alone} & fragments
    every = summarize.summarize(document, algorithm, 9, seed=1, fragments=True).sentences
    assert UNCLOSED[0] in {s.text for s in every}


def test_fragments_option_and_not_enough_whole_sentences(runner: CliRunner) -> None:
    text = text_of(*DIALOGUE, UNCLOSED)
    plain = runner.invoke(app, ["summarize", "-", "--json", "-s", "9"], input=text)
    assert len(json.loads(plain.stdout)["sentences"]) == 8  # not the unclosed quotation
    assert plain.stderr == (
        "aleppo: note: 8 of the text's 9 sentences can be chosen (whole quotations, "
        "each text once); showing them; --fragments allows the others\n"
    )
    asked = runner.invoke(app, ["summarize", "-", "--json", "-s", "9", "--fragments"], input=text)
    assert len(json.loads(asked.stdout)["sentences"]) == 9


@pytest.mark.parametrize("algorithm", list(summarize.ALGORITHMS))
def test_the_same_text_is_never_chosen_twice(algorithm: str) -> None:
    repeated = "The market rose and the market fell in the market."
    document = document_of(
        [repeated, "Traders watched the market."],
        [repeated, "Prices moved in the market."],
        [repeated, "Nobody knew why."],
    )
    chosen = [s.text for s in summarize.summarize(document, algorithm, 4, seed=2).sentences]
    assert len(chosen) == 4
    assert chosen.count(repeated) == 1


def test_long_sentences_come_last() -> None:
    long = "The market " + " ".join(["market"] * eligible.LONG_WORDS) + " rose."
    document = document_of([long, "The market rose.", "The market fell.", "It rained."])
    limit = eligible.LONG_WORDS
    first = summarize.summarize(document, "reduction", 1, long_words=limit).sentences
    assert [s.text for s in first] != [long]
    chosen = summarize.summarize(document, "reduction", 4, long_words=limit).sentences
    assert long in [s.text for s in chosen]
    # without the rule, reduction would choose it first
    plain = summarize.summarize(document, "reduction", 1, long_words=10**9).sentences
    assert [s.text for s in plain] == [long]


def test_summaries_of_long_texts_spread_over_the_text() -> None:
    # the first half is all about the market; a plain ranking would choose there only
    market = [[f"The market and the market rose {n} times."] for n in range(200)]
    other = [[f"Rain fell on day {n}."] for n in range(200)]
    document = document_of(*market, *other)
    total = summarize.candidates(document)
    assert total >= summarize.SPREAD_FROM
    chosen = summarize.summarize(document, "reduction", 10).sentences
    tenths = {(s.number - 1) * 10 // total for s in chosen}
    assert tenths == set(range(10))
    ratio = summarize.sentence_count(document, None, 0.1)
    assert len(summarize.summarize(document, "reduction", ratio).sentences) == ratio
    short = [[4], [0, 1], [2], [3]]  # a short text: the best units that fit
    assert summarize.spread(short, 3, 5) == [4, 0, 1]
    assert summarize.spread(short, 2, 5) == [4, 2]


def test_seed_makes_random_repeatable(runner: CliRunner) -> None:
    text = text_of(*[[f"Sentence number {n} is here."] for n in range(40)])

    def run(*extra: str) -> list[int]:
        args = ["summarize", "-", "--json", "-a", "random", "-s", "5", *extra]
        result = runner.invoke(app, args, input=text)
        return [s["number"] for s in json.loads(result.stdout)["sentences"]]

    assert run("--seed", "7") == run("--seed", "7")
    assert len({tuple(run("--seed", str(seed))) for seed in range(5)}) > 1
    help_text = runner.invoke(app, ["summarize", "--help"]).stdout
    assert "changes from run to run" in " ".join(help_text.split())


def test_only_a_book_length_text_holds_long_sentences_back() -> None:
    long = "The market " + " ".join(["market"] * eligible.LONG_WORDS) + " rose."
    short = document_of([long, "The market rose.", "The market fell.", "It rained."])
    assert eligible.long_words_for(short) == eligible.NO_LIMIT
    # an article's long sentence may be chosen first, as reduction rates it
    assert [s.text for s in summarize.summarize(short, "reduction", 1).sentences] == [long]
    filler = [[f"Rain fell on day {n} and the river rose again by the mill."] for n in range(2000)]
    book = document_of([long, "The market rose.", "The market fell."], *filler)
    assert len(book.clean.text) >= eligible.BOOK_LENGTH
    assert eligible.long_words_for(book) == eligible.LONG_WORDS
