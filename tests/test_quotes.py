import json

import pytest
from typer.testing import CliRunner

from aleppo_cli.analysis.quotes import quotations as quotes
from aleppo_cli.cli.app import app
from aleppo_cli.text.document import build
from tests.conftest import REVIEW


def found(raw: str) -> list[quotes.Quotation]:
    return quotes.find(build(raw))


def test_the_reviews_speech_comes_out_exactly(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["quotes", "--json"]).stdout)["quotes"]
    assert [(q["speaker"], [p["text"] for p in q["parts"]]) for q in data] == [
        ("Khaled", ["This is our destiny,", "We’re going to die like everyone else."]),
        (
            "Khaled",
            ["I’d rather they die before my eyes than have something happen to them far away,"],
        ),
        ("Fitzgerald", ["Show me a hero and I’ll write you a tragedy,"]),
    ]
    raw = REVIEW.read_text("utf-8")
    for quote in data:
        assert quote["kind"] == "speech"
        for part in quote["parts"]:
            assert raw[part["start"] : part["end"]] == part["text"]


def test_the_reviews_other_quoted_strings(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["quotes", "--all", "--json"]).stdout)["quotes"]
    kinds = {(q["kind"], q["text"].rstrip(",")) for q in data if q["kind"] != "speech"}
    assert kinds == {
        ("title", "Last Men in Aleppo"),
        ("nickname", "the hero of Aleppo"),
        ("scare", "explain"),
    }
    assert sum(q["kind"] == "title" for q in data) == 7


def test_plain_listing_and_speaker_filter(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "fitzgerald"])
    line = "[38] “Show me a hero and I’ll write you a tragedy,” — Fitzgerald\n"
    assert result.stdout == f"{line}\n1 quotation\n"


def test_the_hidden_count_is_what_all_would_add(runner: CliRunner) -> None:
    # It once counted every quoted title of the text, whoever the speaker asked for.
    speech = runner.invoke(app, ["quotes", "--speaker", "fitzgerald"]).stdout
    every_kind = runner.invoke(app, ["quotes", "--all", "--speaker", "fitzgerald"]).stdout
    assert len(every_kind.splitlines()) == len(speech.splitlines())
    assert runner.invoke(app, ["quotes"]).stdout.endswith(
        "3 quotations (9 more quoted titles, names or words: --all shows them)\n"
    )
    assert runner.invoke(app, ["quotes", "--all"]).stdout.endswith("\n12 quotations\n")


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        ('"I will go," said Anna. "Tomorrow."', "Anna"),
        ('Tom smiled. "Not now," he replied.', "Tom"),
        ('Mary looked up. "Never," she said.', "Mary"),
        ('"Fine," Mr. Grey said quietly.', "Mr. Grey"),
        ("Paul said: “We leave at dawn.”", "Paul"),
        ("Watching Brandt, she said nothing.\n\n“Go home,” Brandt said.", "Brandt"),
    ],
)
def test_attribution_forms(raw: str, speaker: str) -> None:
    speech = [q for q in found(raw) if q.kind == quotes.SPEECH]
    assert [q.speaker for q in speech] == [speaker]


def test_pronouns_follow_gender_and_recency() -> None:
    raw = (
        "Anna met Tom at the door. Tom took his coat off and Anna smiled at her sister.\n\n"
        '"Welcome," she said.\n\n"Thank you," he said.'
    )
    assert [q.speaker for q in found(raw)] == ["Anna", "Tom"]


def test_dialogue_turns_alternate() -> None:
    raw = (
        '"Are you coming?" asked Anna.\n\n"Perhaps," said Tom.\n\n'
        '"Only perhaps?"\n\n"Yes."\n\n"Then I go alone."'
    )
    assert [q.speaker for q in found(raw)] == ["Anna", "Tom", "Anna", "Tom", "Anna"]


def test_a_quote_across_paragraphs_is_one_quotation() -> None:
    raw = '"It began long ago, in the north.\n\n"And it has not ended," said the old man.'
    (quote,) = found(raw)
    assert [p.text for p in quote.parts] == [
        "It began long ago, in the north.",
        "And it has not ended,",
    ]


def test_straight_and_curly_quotes_alike() -> None:
    curly = found("“Go home,” said Ruth.")
    straight = found('"Go home," said Ruth.')
    assert [(q.speaker, q.text) for q in curly] == [(q.speaker, q.text) for q in straight]


def test_a_one_word_line_is_speech_not_a_title() -> None:
    kinds = [(q.kind, q.text) for q in found("“Run,” she cried. He read “Hamlet” twice.")]
    assert kinds == [("speech", "Run,"), ("title", "Hamlet")]


def test_places_are_not_speakers() -> None:
    raw = (
        "Anna had lived at Ashworth for years. The house at Ashworth was cold, and she "
        "loved it. From Ashworth the road ran north.\n\n"
        '"I shall stay," she said.'
    )
    assert [q.speaker for q in found(raw)] == ["Anna"]


def test_an_attribution_ending_the_paragraph_before() -> None:
    raw = (
        "Anna came in late. Tom looked up from his paper.\n\n"
        "After a long silence she observed,\n\n"
        '"You never wait for anyone."'
    )
    assert [q.speaker for q in found(raw)] == ["Anna"]


def test_a_subject_what_it_did_and_said() -> None:
    raw = (
        "Tom stood at the door, his hat in his hand. Anna sat by the window; she smiled.\n\n"
        'He heard her out in silence, and then said, "We leave tonight."'
    )
    assert [q.speaker for q in found(raw)] == ["Tom"]


def test_a_speaker_does_not_name_themselves() -> None:
    raw = (
        "Tom and his friend Harry sat with Anna. Harry had his hat on.\n\n"
        '"Shall we go?" asked Harry.\n\n'
        '"Not yet," said Anna.\n\n'
        '"If you mean Harry," cried her brother, "he may go alone."'
    )
    assert [q.speaker for q in found(raw)] == ["Harry", "Anna", "Tom"]


def test_she_added_is_the_last_speaker_again() -> None:
    raw = (
        "Anna and Ruth walked to the gate.\n\n"
        '"It is late," said Ruth.\n\n'
        '"Yes," said Anna.\n\n'
        'They walked on. "And cold," she added.'
    )
    assert [q.speaker for q in found(raw)] == ["Ruth", "Anna", "Anna"]


def test_her_aunt_is_someone_else_than_her() -> None:
    raw = (
        "Mrs. Grey walked in the garden with Anna; she was tired.\n\n"
        '"Do you like it, my dear?" said her aunt.'
    )
    assert [q.speaker for q in found(raw)] == ["Mrs. Grey"]


def test_a_name_loses_a_leading_common_word() -> None:
    raw = (
        "Poor Reynolds had waited an hour; the poor man was cold.\n\n"
        '"I am frozen," said Poor Reynolds.'
    )
    assert [q.speaker for q in found(raw)] == ["Reynolds"]


def test_a_name_mostly_written_with_the_is_not_a_person() -> None:
    raw = (
        "The Pequod sailed at dawn. Ahab stood on deck; he watched the sea. "
        "The Pequod rolled.\n\n"
        '"Steady, men, steady!"'
    )
    assert [q.speaker for q in found(raw)] == ["Ahab"]


def test_her_father_in_the_narration_is_a_mention_of_him() -> None:
    raw = (
        "Mr. Grey read by the fire. Anna Grey came in with Tom; he was laughing. "
        "Her father looked up from his book.\n\n"
        '"Anna," said he, "sit down."'
    )
    assert [q.speaker for q in found(raw)] == ["Mr. Grey"]


def test_the_narration_of_the_quotes_own_paragraph_comes_first() -> None:
    raw = (
        "Ruth sat down; she was tired. Anna stood; she was not.\n\n"
        '"Is it true?" asked Ruth.\n\n'
        '"It is," said Anna.\n\n'
        'A letter came. Mary read it with horror; her hands shook. "A gamester!" she cried.'
    )
    assert [q.speaker for q in found(raw)] == ["Ruth", "Anna", "Mary"]


def test_she_with_nobody_of_hers_named_lately_is_a_woman_who_spoke() -> None:
    raw = (
        '"Come in," said Anna; she smiled.\n\n'
        + "The rain fell on the roof. " * 150
        + '\n\n"Thank you," said Tom; he sat down.\n\nTom looked at the fire.\n\n'
        + '"You are welcome," she said.'
    )
    assert [q.speaker for q in found(raw)] == ["Anna", "Tom", "Anna"]


def test_the_sentence_opened_by_its_subject_names_the_speaker_of_its_verb() -> None:
    """The name opening the sentence says it, not the names of its deeds'
    objects ("Nora", "Ivo Lark"), across a hard-wrapped line."""
    raw = (
        "Ivo Lark sat; he was tired. Nora Vance stood; she was not.\n\n"
        "Nora Vance, after waiting a moment, obliged Ivo Lark to look up\n"
        'by saying, "What do you want?"\n\n'
        "Mrs. Vance, who had been eyeing Nora and Ivo Lark, now\n"
        'observed, "They must have some interesting point to discuss."\n\n'
        "Nora had applied her handkerchief to her eyes; and Ivo Lark, miserable at\n"
        'such a sight, could not help saying, "Nay, Nora."'
    )
    assert [q.speaker for q in found(raw)] == ["Nora Vance", "Mrs. Vance", "Ivo Lark"]


def test_a_subject_with_a_relative_clause_after_it_is_no_object_of_that_clause() -> None:
    raw = (
        "Ivo Lark sat; he was tired. Nora Vance stood; she was not.\n\n"
        'Ivo Lark looked at Nora Vance, who said, "It is late."'
    )
    assert [q.speaker for q in found(raw)] == ["Nora Vance"]
