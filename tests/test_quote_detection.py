"""Finding quotations: quote marks of every style, nesting, quotations over
lines and paragraphs (stretches), and offsets kept exact on any text."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import kind, quotations, stretches
from aleppo_cli.analysis.quotes.model import NICKNAME, OTHER, SCARE, SPEECH, TITLE
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import build
from tests.builders import invoke


def found(raw: str) -> list[list[str]]:
    document = build(raw)
    text = document.clean.text
    return [[text[s.start : s.end] for s in stretch.spans] for stretch in stretches.find(document)]


def test_a_nested_quotation_is_a_stretch_of_its_own() -> None:
    assert found("“Say ‘please,’ child,” she said. “Now.”") == [
        ["Say ‘please,’ child,", "Now."],
        ["please,"],
    ]


def test_news_style_lines_reopened_make_one_quotation() -> None:
    raw = 'Headline\n\nShe said: "It rose.\n"It fell again."\nThe end.'
    assert found(raw) == [["It rose.", "It fell again."]]


def test_a_quotation_over_three_paragraphs_is_one() -> None:
    raw = "“One.\n\n“Two.\n\n“Three.”\n\nNarration."
    assert found(raw) == [["One.", "Two.", "Three."]]


def test_a_quote_over_two_paragraph_lines_closes_in_the_second() -> None:
    raw = "He said: “It rose\nand then it fell.” The end.\nAnother line."
    assert found(raw) == [["It rose", "and then it fell."]]


def test_an_unclosed_quote_never_runs_past_its_paragraph() -> None:
    raw = "“It began, and never closed.\n\nThe narration goes on.\n\nAnd on."
    assert found(raw) == [["It began, and never closed."]]


def test_british_dialogue_with_apostrophes() -> None:
    raw = "‘I shan’t,’ she said. ‘The dogs’ bowls are empty.’ It was the ’90s."
    assert found(raw) == [["I shan’t,", "The dogs’ bowls are empty."]]


def test_an_apostrophe_heavy_text_has_no_quotations() -> None:
    raw = "Rock ’n’ roll, the dogs’ bowls, ’tis true, don’t. Rock 'n' roll, the cats' toys, 'em."
    assert found(raw) == []


def kinds(raw: str) -> list[tuple[str, str]]:
    return [(q.kind, q.text) for q in quotations.find(build(raw))]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a title with its punctuation inside the marks
        ("Her novel “Moonfall,” published last year, sold well.", (TITLE, "Moonfall,")),
        # a nickname inside a name, not a title
        ("Anna “Sparrow” Kovacs won the race.", (NICKNAME, "Sparrow")),
        ("Rivals called him “Hammer” for years.", (NICKNAME, "Hammer")),
        # attributed fragments are their source's speech, not scare quotes
        ("She called it “reckless” and left the room.", (SPEECH, "reckless")),
        ("The minister described the plan as “deeply flawed”.", (SPEECH, "deeply flawed")),
        ("The plan is “unworkable”, a senior judge has said.", (SPEECH, "unworkable")),
        # the writer's own marks
        ("The “experts” came and went.", (SCARE, "experts")),
        ("So much for the so-called “reform” of the rules.", (SCARE, "reform")),
        ("He coined the term “doom loop” in a lecture.", (SCARE, "doom loop")),
        # a headline quotes a claim
        ("Minister ‘will not resign’\n\nHe spoke on Monday.", (SPEECH, "will not resign")),
        ("Band’s ‘Night Songs’ tops chart\n\nThe album sold well.", (TITLE, "Night Songs")),
    ],
)
def test_kinds_of_quoted_words(raw: str, expected: tuple[str, str]) -> None:
    assert kinds(raw)[0] == expected


VERSE = (
    "The old clerk stood up by the fire and began to sing, slowly and\n"
    "sadly:\n\n"
    "\u201cOver the hill the lanterns go,\n"
    "    Down to the mill by the water;\n"
    "Nobody knows where the millers row,\n"
    "    Nor the name of the miller\u2019s daughter.\u201d"
    " he sang.\n"
)
# The same words as prose: lines filled to the wrap, not all opening with a capital.
PROSE = (
    "\u201cOver the hill the lanterns go down to the mill by the water, and\n"
    "nobody knows where the millers row, nor the name of the miller\u2019s\n"
    "daughter, whatever the old clerk by the fire may tell you,\u201d he sang.\n"
)


def test_verse_is_not_speech_even_when_sung() -> None:
    assert [kind for kind, _ in kinds(VERSE)] == [OTHER]


def test_prose_over_lines_is_still_speech() -> None:
    assert [kind for kind, _ in kinds(PROSE)] == [SPEECH]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a few words a sentence runs into, with no verb of saying: the writer's,
        # whatever attribution a pronoun nearby seems to give them
        ("The music at her parties was too \u201cheavy,\u201d for him.", SCARE),
        ("She wondered what he meant by \u201clife\u2019s delirium.\u201d It rained.", SCARE),
        # "was called" names a thing; nobody said it
        ("The main building was called \u201cthe house,\u201d to set it apart.", SCARE),
        # with a verb of saying the fragment is someone's words
        ("In what the firm calls an \u201calarming development\u201d, pay fell.", SPEECH),
        ("Men in the back rows jeered \u201cmelons\u201d at her.", SPEECH),
        ("The judges called it \u201can impressive piece\u201d on Monday.", SPEECH),
    ],
)
def test_an_attributed_fragment_is_speech_only_with_a_verb_of_saying(
    raw: str, expected: str
) -> None:
    document = build(raw)
    (stretch,) = stretches.find(document)
    assert kind.of(document.clean.text, stretch, True) == expected


# A sentence that opens with a subject and a verb of saying: its fragments are the
# subject's account, however far the verb stands from them (beyond FRAGMENT_REACH).
_LONG = (
    " the ferry company had been warned for years about the state of the old harbour wall"
    " and the crumbling steps below it, which the council had never repaired"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"She says{_LONG} but still lacked a \u201cproper plan\u201d for it.", SPEECH),
        (f"The mayor described{_LONG} as a \u201cslow disaster\u201d in the end.", SPEECH),
        (f"The union brands such claims{_LONG} as \u201cutter nonsense\u201d today.", SPEECH),
        # no verb of saying at the sentence's start: the writer's marks
        (f"Everyone knows{_LONG} but it lacked a \u201cproper plan\u201d for it.", SCARE),
        # the verb opens an earlier sentence, not the quote's
        (f"She says so. Then{_LONG} but it lacked a \u201cproper plan\u201d for it.", SCARE),
    ],
)
def test_a_fragment_in_a_sentence_that_opens_with_a_verb_of_saying(raw: str, expected: str) -> None:
    document = build(raw)
    (stretch,) = stretches.find(document)
    assert stretch.start - raw.index(" ") > kind.FRAGMENT_REACH
    assert kind.of(document.clean.text, stretch, False) == expected


def test_two_short_lines_are_not_yet_verse() -> None:
    raw = "She turned. \u201cWait for me,\nAnna will come,\u201d she said.\n"
    assert [kind for kind, _ in kinds(raw)] == [SPEECH]


MARKS = st.sampled_from([*quotemarks.ALL_MARKS, "a", "b ", " ", ".", ",", "\n", "\n\n", "s"])
TEXTS = st.lists(MARKS, min_size=1, max_size=60).map("".join)
SETTINGS = settings(
    settings.get_profile("aleppo"),
    max_examples=int(os.environ.get("ALEPPO_EXAMPLES", "200" if os.environ.get("CI") else "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(TEXTS)
def test_parse_keeps_its_offsets_inside_the_paragraph(text: str) -> None:
    for quoted in quotemarks.parse(text):
        assert 0 <= quoted.start <= quoted.end <= len(text)
        bounds = [quoted.start, *(x for part in quoted.parts for x in part), quoted.end]
        assert bounds == sorted(bounds)


@SETTINGS
@given(TEXTS)
def test_every_part_is_the_text_as_read(raw: str) -> None:
    for quotation in quotations.find(build(raw)):
        for part in quotation.parts:
            assert part.text == raw[part.start : part.end]
            assert part.text and not part.text[0].isspace() and not part.text[-1].isspace()


HOSTILE = {
    "apostrophes": "'" * 300_000,
    "only marks": "\"'“”‘’«»„‚‹›" * 20_000,
    "unbalanced everywhere": 'He said “yes and ‘no and "maybe. She ’tis « it » » ‘ «\n\n' * 2_000,
    "nested 10,000": "“a " * 10_000 + "x" + "” b" * 10_000,
    "nested straight 10,000": '"a ' * 10_000 + "x" + '" b' * 10_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_quote_marks_give_a_result(tmp_path: Path, name: str) -> None:
    path = tmp_path / "input.txt"
    path.write_text(HOSTILE[name], encoding="utf-8")
    outcome = invoke(["quotes", "--all", "--json", str(path)])
    assert outcome.status in (0, 1), outcome.stderr
    assert "Traceback" not in outcome.stderr
    data = json.loads(outcome.stdout)
    raw = HOSTILE[name]
    for quote in data["quotes"]:
        for part in quote["parts"]:
            assert raw[part["start"] : part["end"]] == part["text"]


@pytest.mark.slow
def test_a_30_mb_line_of_apostrophes(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_text("'" * 30_000_000, encoding="utf-8")
    outcome = invoke(["quotes", "--all", str(path)])
    assert outcome.status in (0, 1), outcome.stderr
    assert outcome.stdout.strip().endswith("0 quotations")


def test_a_straight_mark_between_spaces_closes_an_open_quote() -> None:
    # texts that lost their dashes: '"be so " She had almost said "strange."'
    assert found('"Be so " She had almost said "strange."') == [["Be so"], ["strange."]]


def test_a_novel_never_carries_a_quote_over_a_blank_line() -> None:
    raw = '"I dare say they will not\n\nThe general was sure of it, "quite sure."'
    assert found(raw) == [["I dare say they will not"], ["quite sure."]]


def test_the_words_after_a_nested_quotation_are_the_outer_speakers(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_text(
        "Intro line here.\n\n“Say ‘please,’ child, and then go home,” said Nora. It was late.\n",
        encoding="utf-8",
    )
    outcome = invoke(["search", "--json", "go home", str(path)])
    assert [hit["speaker"] for hit in json.loads(outcome.stdout)["hits"]] == ["Nora"]
    index = quotations.SpeakerIndex(quotations.find(build(path.read_text("utf-8"))))
    text = build(path.read_text("utf-8")).clean.text
    assert index(text.index("please")) == "Nora"  # the nested quote's speaker, as decided
    assert index(text.index("go home")) == "Nora"
    assert index(text.index("It was")) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the name of a thing that a sentence runs into, after a word of its own
        ("He went to see \u201cThe Lost Harbour.\u201d He liked the second act.", TITLE),
        ("She sat down at her walnut \u201cBonheur du Jour,\u201d and sealed it.", TITLE),
        ("On the shelf stood Hardy\u2019s \u201cWessex,\u201d the essays of Pater.", TITLE),
        # a verb of saying, a noun of saying or an answer word before it: said
        ("He whispered \u201cGood night.\u201d Then he left.", SPEECH),
        ("He passed to himself the remark of \u201cToo much Mozart.\u201d It rained.", SPEECH),
        ("Lady Mary agreed to it all with a calm \u201cYes\u201d; and left.", SPEECH),
        # a sentence, not a name, though the sentence runs into it
        ("She bid the porter \u201cTake that trunk down,\u201d and he did.", SPEECH),
    ],
)
def test_a_name_a_sentence_runs_into_is_not_speech(raw: str, expected: str) -> None:
    document = build(raw)
    (stretch,) = stretches.find(document)
    assert kind.of(document.clean.text, stretch, True) == expected


def test_a_rating_a_sentence_runs_into_is_not_a_name() -> None:
    assert kinds("The agency cut its rating to \u201cBB+\u201d on Monday.") == [(OTHER, "BB+")]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # only wished, held back or imagined
        ("Tom felt like answering: \u201cNot while I live.\u201d But he bowed.", OTHER),
        ("It was on the tip of his tongue to ask: \u201cWho sent you?\u201d He did not.", OTHER),
        ("How could he say: \u201cYes, I knew it all along\u201d? He was silent.", OTHER),
        ("\u201cWe made it so,\u201d he felt like retorting. He smiled.", OTHER),
        ("His lips moved without a sound. He wished to say, \u201cNever!\u201d", OTHER),
        ("It was on his lips to exclaim: \u201cFar worse!\u201d Instead he nodded.", OTHER),
        ("She had almost said \u201cstrange.\u201d Then she smiled.", OTHER),
        ("She raised her brows in a curve that signified: \u201cThe cook--\u201d", OTHER),
        # what a look or a tone said
        ("Her eyes said: \u201cYou see why I came.\u201d He nodded.", OTHER),
        ("He spoke in a tone that implied: \u201cShe knew better.\u201d", OTHER),
        # read off a page
        ("He opened the envelope and read: \u201cCome at once. Mary.\u201d", OTHER),
        ("The telegram ran as follows: \u201cArrive Tuesday noon.\u201d", OTHER),
        # said aloud, with the eyes or the face in the sentence
        ("She glanced at him with laughing eyes and said: \u201cWhat now?\u201d", SPEECH),
        ("She turned her eyes to his face and said: \u201cYou\u2019re not changed.\u201d", SPEECH),
        ("He read the letter, then said: \u201cIt is from Mary.\u201d", SPEECH),
    ],
)
def test_words_nobody_said_aloud_are_not_speech(raw: str, expected: str) -> None:
    document = build(raw)
    (stretch,) = stretches.find(document)
    assert kind.of(document.clean.text, stretch, True) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a verb of speaking aloud right before the quote
        ("Tom roused himself to say: \u201cDo sit down\u201d; and the clerk bowed.", SPEECH),
        ("The boy ran across the floor shouting \u201cDad,\u201d while they laughed.", SPEECH),
        ("The maid opened the door, announcing: \u201cMrs. Anna Kell\u201d and left.", SPEECH),
        # a name may end the writer's sentence after "called it"
        ("The piece had no name, but she called it \u201cSolitude.\u201d It rained.", NICKNAME),
        # not "addressed" (a letter's), not "wrote" (a title may follow)
        ("He held a paper addressed: \u201cTo the Secretary of the Club.\u201d", TITLE),
        ("She wrote \u201cThe Lost Harbour\u201d in a year.", TITLE),
    ],
)
def test_a_verb_of_speaking_right_before_the_quote(raw: str, expected: str) -> None:
    document = build(raw)
    (stretch,) = stretches.find(document)
    assert kind.of(document.clean.text, stretch, False) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # imagined: fancied, pictured, "as if she had said"
        ("He could fancy old Bram saying: \u201cToo late for supper.\u201d He smiled.", OTHER),
        ("She pictured her aunt adding with relish: \u201cAnd in June!\u201d Then slept.", OTHER),
        ("\u201cThe ferry is late,\u201d the guest could imagine Tom saying. It rained.", OTHER),
        ("She said it as if she had said: \u201cThe soup is cold.\u201d He stared.", OTHER),
        ("It would have been easy to say: \u201cStay, then.\u201d He did not.", OTHER),
        ("Her eyes said: \u201cGo,\u201d and his answered: \u201cNever.\u201d They sat.", OTHER),
        ("\u201cWhat shall I say to them?\u201d her frightened eyes asked him. He smiled.", OTHER),
        ("\u201cNo,\u201d he felt like answering. \u201cNot while I live.\u201d He bowed.", OTHER),
        # sung: the song's words
        ("The choir was singing: \u201cO come, all ye faithful\u201d as we left.", OTHER),
        ("She sang, of course, \u201cLa donna \u00e8 mobile\u201d and bowed.", OTHER),
        ("\u201cLa la la,\u201d the old tenor sang, and the hall was hushed.", OTHER),
        ("While she worked she hummed and sang low the old air, \u201cAh, my love!\u201d", OTHER),
        ("She gave him a glance, which plainly meant, \u201cNot now.\u201d He waited.", OTHER),
        # a letter's words
        ("\u201cI am well. Yours sincerely,\u201d she wrote, and sealed it.", SPEECH),
        ("She ended the note with a conventional \u201cYours sincerely,\u201d and sent it.", OTHER),
        ("\u201cYours, you mean,\u201d said Bill, and laughed.", SPEECH),
        ("She read aloud, in her driest voice: \u201cThe Club meets at three.\u201d", OTHER),
        ("He read out: \u201cClosed until Monday.\u201d They went home.", OTHER),
        ("She read the letter, and then said: \u201cHe is coming.\u201d", SPEECH),
        ("\u201cI left on Monday,\u201d the writer began, without a greeting.", OTHER),
        # said aloud: "sang out" is a shout; heard, not imagined
        ("\u201cLand ahead!\u201d sang out the boy on the mast, and we ran up.", SPEECH),
        ("He could hear Tom saying: \u201cToo late for supper.\u201d He smiled.", SPEECH),
        ("The cabman drove away singing. \u201cGood night,\u201d said Anna.", SPEECH),
        ("\u201cNo, the chorus, listen!\u201d and Anna sang the air for him.", SPEECH),
        # a look after a preposition is no subject; a look "on her face" is
        ("Holding his hand up before his eyes he said: \u201cNo more.\u201d", SPEECH),
        ("The look on her face said: \u201cI knew it.\u201d He smiled.", OTHER),
    ],
)
def test_words_imagined_sung_or_written_are_not_speech(raw: str, expected: str) -> None:
    document = build(raw)
    found = stretches.find(document)
    assert kind.of(document.clean.text, found[-1], True) == expected


def test_a_name_before_a_verb_of_singing_is_not_a_song() -> None:
    (found,) = kinds("Then \u201cUncle\u201d sang as the peasants sing, and we listened.")
    assert found[0] != OTHER


def test_a_quote_after_a_colon_ending_the_paragraph_before_is_read_with_it() -> None:
    raw = "He took up the guitar and began to sing:\n\n\u201cAh, if you knew!\u201d\n"
    assert kinds(raw) == [(OTHER, "Ah, if you knew!")]
    raw = "He took up the guitar and said:\n\n\u201cAh, if you knew!\u201d\n"
    assert kinds(raw) == [(SPEECH, "Ah, if you knew!")]


def test_words_not_said_aloud_are_not_joined_to_the_speech_before() -> None:
    raw = (
        "\u201cOh, yes,\u201d she answered, as if she had said: \u201cThe soup is cold.\u201d"
        " He stared.\n"
    )
    assert kinds(raw) == [(SPEECH, "Oh, yes,"), (OTHER, "The soup is cold.")]
    raw = "\u201cOh, yes,\u201d she answered, \u201cthe soup is cold.\u201d He stared.\n"
    assert [k for k, _ in kinds(raw)] == [SPEECH]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a name that nobody in particular gives a thing
        ("She had tired of what people called \u201csociety\u201d; it bored her.", SCARE),
        ("They wore what were called \u201cwalking dresses\u201d: plain wool.", SCARE),
        ("He meant what knowing people called a \u201cdouble entendre.\u201d", SCARE),
        # a source's own words stay its speech
        ("It faces what the bank calls \u201ca difficult year\u201d, it said.", SPEECH),
        # words mentioned, not said
        ("She said the words \u201cmy brother\u201d as if they were nothing.", SCARE),
        ("Then he heard the words: \u201cA lady to see you, sir.\u201d He rose.", SPEECH),
    ],
)
def test_names_and_words_mentioned_are_not_speech(raw: str, expected: str) -> None:
    assert kinds(raw)[0][0] == expected


def test_a_quote_after_said_that_names_the_one_who_said_the_words_before() -> None:
    raw = "\u201cCome on!\u201d said \u201cSkipper.\u201d He rode off."
    assert kinds(raw) == [(SPEECH, "Come on!"), (TITLE, "Skipper.")]


def test_words_broken_off_or_an_interjection_first_are_not_a_title() -> None:
    assert not quotemarks.looks_like_title("Oh, Monsieur--")
    assert not quotemarks.looks_like_title("If Beaufort\u2014")
    assert quotemarks.looks_like_title("No Country for Old Men")
    assert quotemarks.looks_like_title("Well Met")
    # a title in another language
    assert quotemarks.looks_like_title("Lettres a une Inconnue")
    assert quotemarks.looks_like_title("Bonheur du Jour")
    assert not quotemarks.looks_like_title("Je me suis sauvee")
