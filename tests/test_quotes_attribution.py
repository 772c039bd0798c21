"""Explicit attributions of fiction: verbs of saying beyond the common ones,
a hard-wrapped narration, a paragraph that leads into the quote after it,
postposed and passive attributions, words before a name after its verb.

Every text names two people so that the speaker the attribution gives is not
the one the turn-taking rules would pick without it."""

import pytest

from aleppo_cli.analysis.quotes import attribution
from aleppo_cli.analysis.quotes import quotations as quotes
from aleppo_cli.text.document import build


def speakers(raw: str) -> list[str | None]:
    return [q.speaker for q in quotes.find(build(raw)) if q.kind == quotes.SPEECH]


def attributed(raw: str) -> str | None:
    """The name the last quotation's attribution gives (the stage itself)."""
    said = quotes.quotes_and_people(build(raw))[0][-1].attribution
    return said.name if said is not None else None


# the turn before: Nora speaks to Ivo, so that turn-taking alone would give Ivo
TURN = '"Good evening," said Nora Quill to Ivo Brandt.\n\n'


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        # verbs of saying of fiction's narration, and phrasal ones
        ('"It will rain," put in Nora Quill.', "Nora Quill"),
        ('"It will rain," quavered Nora.', "Nora Quill"),
        ('"It will rain," Nora proclaimed.', "Nora Quill"),
        ('"It will rain," cut in Nora Quill.', "Nora Quill"),
        # a hard-wrapped line ends the sentence before the attribution's
        (
            "Ivo Brandt sat down. Ivo began to read again.\n"
            "Nora Quill looked up, and, after waiting a moment, said\n"
            'to him,\n\n"It will rain."',
            "Nora Quill",
        ),
        # a paragraph ending with a dash, or with a word (its colon lost), leads in
        (
            "Ivo Brandt sat by the fire. Nora Quill,\n"
            'drawing near Ivo, said to him--\n\n"It will rain."',
            "Nora Quill",
        ),
        (
            'After a long silence, Nora said in a low voice\n\n"It will rain."',
            "Nora Quill",
        ),
        # the one whose answer it was, after the quote
        ('"Yes, sir," was Nora\'s humble answer.', "Nora Quill"),
        # the relative clause's own verb of saying
        (
            'The talk was broken by Nora Quill, who said with a smile,\n\n"It will rain."',
            "Nora Quill",
        ),
        ('Ivo Brandt looked at Nora Quill, whose clear voice said "It will rain."', "Nora Quill"),
        # a sentence of its own that takes up the talk, before the quote's paragraph
        ('Ivo Brandt was silent. Nora Quill began again.\n\n"It will rain."', "Nora Quill"),
        (
            'Ivo Brandt was silent. Nora fetched breath, and went on.\n\n"It will rain."',
            "Nora Quill",
        ),
        # one the story calls by a capitalised noun, as the subject of "and said"
        (
            "Ivo Brandt stopped, and then the Mock Lark drew a long breath, and said "
            '"It will rain."',
            "the Mock Lark",
        ),
        # a verb that says only before its subject, right after a quote
        ('"Some tea?" offered Nora Quill.', "Nora Quill"),
        ('"… and that is all," finished Nora.', "Nora Quill"),
        ('"It will rain," droned Nora Quill.', "Nora Quill"),
        # a hard-wrapped line that goes on in lower case after a question
        # the subject of the last clause's verb of saying, not of an earlier verb
        (
            "Ivo Brandt seemed determined to be answered; and Nora, averting her\n"
            'face, said, with a firmer tone, "It will rain."',
            "Nora Quill",
        ),
        (
            "The half-hour crept away, and at last Nora Quill rose with a sigh, and\n"
            'said:\n\n"It will rain."',
            "Nora Quill",
        ),
        # a colon after the attribution that leads into the quote's own next part
        ('"No, I give it up," Nora Quill replied: "what is the answer?"', "Nora Quill"),
        # "thus" between the subject and the verb; "X began" after an opening
        # phrase or in a clause after ", and"; a name and a verb of saying alone
        ('Ivo Brandt left the room, and Nora Quill thus began: "It will rain."', "Nora Quill"),
        (
            "Ivo Brandt was silent. After a moment's pause, Nora Quill, trying to smile,\n"
            'went on.\n\n"It will rain."',
            "Nora Quill",
        ),
        (
            "A short pause followed, and Nora Quill began again about\nthe weather.\n\n"
            '"It will rain."',
            "Nora Quill",
        ),
        (
            'Ivo Brandt looked at her. Nora Quill stammered pitiably.\n\n"It will rain."',
            "Nora Quill",
        ),
        # a subject that did something and, after a semicolon, "and said"
        (
            "Ivo Brandt sat down. Nora Quill moved the lamp, so as to see his face; and\n"
            'said, with a little impatience,\n\n"It will rain."',
            "Nora Quill",
        ),
        # the subject of a clause opened by "when", with a title's full stop inside
        (
            "They were at supper, when Nora Quill, after several glances at Mr. Brandt,\n"
            'said,\n\n"It will rain."',
            "Nora Quill",
        ),
        (
            'Nora Quill, who had been eyeing Dr. Brandt and his son, now observed, "It will rain."',
            "Nora Quill",
        ),
        # words that come from someone, a voice and its owner
        ('"It will rain!" came from Nora Quill\'s tight lips.', "Nora Quill"),
        ('"It will rain!" at last broke explosively from Nora Quill.', "Nora Quill"),
        ('Ivo Brandt said nothing. Then Nora Quill\'s voice came: "It will rain."', "Nora Quill"),
        (
            "Ivo Brandt opened the door, and after an interval Nora Quill's clear voice: "
            '"It will rain."',
            "Nora Quill",
        ),
        # the last clause's own subject and verb of saying
        (
            "She asked Ivo Brandt a question, and Nora Quill\nanswered, in the same words, "
            '"It will rain."',
            "Nora Quill",
        ),
        # the article and the name on two lines
        ('A lark sang.\n\n"It will rain," said the\nLark.', "the Lark"),
        # one the story calls by a capitalised noun, before the quote's paragraph
        (
            'There was a pause, and then the Colonel\nbegan again abruptly\n\n"It will rain."',
            "the Colonel",
        ),
        # "the clear voice of X" after the verb
        ('"It will rain," cut in the clear voice of\nNora Quill.', "Nora Quill"),
        # a hard-wrapped line opened by the attribution, which ends a clause
        (
            "Ivo Brandt looked up.\n\n"
            '"It will rain, and the roads will flood, and nobody will come!"\n'
            "Nora Quill protested; and Ivo guessed what she meant.",
            "Nora Quill",
        ),
        # a short phrase of manner in the relative clause
        (
            "Ivo Brandt found his arm seized by his faithful Nora Quill, who in great spirits "
            'exclaimed, "It will rain."',
            "Nora Quill",
        ),
        ('"Shall we go?" Nora Quill suddenly proposed.', "Nora Quill"),
        # a capitalised noun after an adjective: the one the story calls so
        ('"It will rain," said the staring Professor.', "the Professor"),
        # the passive: the one who accosts says it
        (
            'Ivo Brandt was reading, when thus accosted by Nora Quill,\n\n"What are you reading?"',
            "Nora Quill",
        ),
    ],
)
def test_explicit_attributions(raw: str, speaker: str) -> None:
    assert attributed(TURN + raw) in (speaker, speaker.split()[0])
    assert speakers(TURN + raw)[-1] == speaker


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        # words before the name after the verb
        (
            '"Good evening," said Mrs. Quill to Mr. Brandt.\n\n'
            '"It will rain," said the gentle Mrs. Quill.',
            "Mrs. Quill",
        ),
        (
            '"Good evening," said Mr. Brandt to Mrs. Quill.\n\n'
            '"It will rain," cried the voice of old Mr. Brandt.',
            "Mr. Brandt",
        ),
    ],
)
def test_words_before_the_name(raw: str, speaker: str) -> None:
    assert speakers(raw)[-1] == speaker


@pytest.mark.parametrize(
    "raw",
    [
        # "offered" says nothing before a quote, nor with its subject first
        'Nora Quill offered Ivo Brandt a cup, and he drank.\n\n"It will rain."',
        '"It will rain," said Ivo Brandt.\n\n"It will rain." Nora Quill offered him tea.',
        # a new line opened with a capital after a question is another sentence
        '"Will it rain?"\nNora Quill said nothing to Ivo Brandt.',
        # a sentence of a name and a verb of saying, then another sentence
        'Nora Quill sighed. The rain began.\n\n"It will rain."',
    ],
)
def test_not_attributions(raw: str) -> None:
    assert attributed(TURN + raw) is None


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # "and voice" opens no clause: the verb of saying is "he continued"'s
        (
            "he continued, returning to the talk, posture, and voice, as soon as Nora Quill began",
            "he",
        ),
        # "; and Nora" and ", and the Lark" do
        ("he seemed determined to be answered; and Nora, averting her face, said,", "Nora"),
        ("she asked Ivo, and Nora Quill answered, in the same words,", "Nora"),
    ],
)
def test_the_last_clause_says_it(sentence: str, subject: str) -> None:
    """Of two clauses with a verb of saying, the last one's subject says the
    quote after them; a list after "and" is no clause."""
    match = attribution._attribution_before(sentence)
    assert match is not None
    assert (match.group("who") or match.group("desc")).startswith(subject)


def test_a_wrapped_line_after_a_question() -> None:
    """'"…?"' / 'inquired the driver:' in a hard-wrapped paragraph: the driver's."""
    raw = TURN + '"Will it rain, my man?"\ninquired the driver: seeing Ivo out of breath.'
    assert attributed(raw) == "the driver"


@pytest.mark.parametrize(
    "raw",
    [
        # a sentence's first word that names nobody is no speaker: news's reading
        # of the description goes on ("a Cabinet Office spokeswoman")
        'Dana Lowe said so.\nBut a council spokeswoman said the plan was "reckless".',
        'Dana Lowe said so.\nThe spokesman said: "The plan is reckless."',
    ],
)
def test_an_opening_word_is_no_speaker(raw: str) -> None:
    assert speakers(raw)[-1] != "Dana Lowe"


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        pytest.param(
            "A woman in a red\nshawl sat down. Nobody knew the woman in a red shawl.\n\n"
            '"Stop," said the woman in a red shawl.',
            "the woman in a red shawl",
            id="written-again-across-a-line-break",
        ),
        pytest.param(
            "A woman in a red shawls-shop sat down. The woman in a red shawlish coat\n\n"
            '"Stop," said the woman in a red shawl.',
            None,  # "the woman": read as "she", and no woman is named
            id="only-whole-words-are-the-same-description",
        ),
        pytest.param(
            "The woman in a red shawl sat down."
            + " The rain went on." * 8000
            + '\n\n"Stop," said the woman in a red shawl.',
            None,
            id="written-again-only-far-away",
        ),
    ],
)
def test_a_description_the_text_writes_again(raw: str, speaker: str | None) -> None:
    """'said the woman in a red shawl' keeps its phrase when the text writes
    it again nearby, and is "the woman" (read as "she") otherwise."""
    found = [q.speaker for q in quotes.find(build(raw)) if q.kind == quotes.SPEECH]
    assert found == [speaker]
