"""Journalism's and fiction's attributions (``attribution``) and the news
passes (``news``), each on a made-up text."""

from __future__ import annotations

import pytest

from aleppo_cli.analysis.quotes import news
from aleppo_cli.analysis.quotes import quotations as quotes
from aleppo_cli.analysis.quotes.model import Gender
from aleppo_cli.analysis.quotes.people import index
from aleppo_cli.text.document import build


def said(raw: str) -> list[str | None]:
    """The speaker of each speech quotation of ``raw``, in order."""
    return [q.speaker for q in quotes.find(build(raw)) if q.kind == quotes.SPEECH]


ATTRIBUTIONS = [
    pytest.param(
        'The firm lost.\n\n"It is over," said Acme attorney Ray Holt.',
        ["Ray Holt"],
        id="a-company-then-a-role-after-the-verb",
    ),
    pytest.param(
        'The summit waited.\n\n"It is over," says Spanish climber Ana Ruiz.',
        ["Ana Ruiz"],
        id="a-people-then-a-role-after-the-verb",
    ),
    pytest.param(
        'Ivo waited.\n\n"Go," said Nora to her friend Ivo.',
        ["Nora"],
        id="the-one-spoken-to-after-a-role-is-no-speaker",
    ),
    pytest.param(
        'Ivo waited.\n\n"Is it you?" inquired Nora Lark, taking his arm.',
        ["Nora Lark"],
        id="a-verb-of-fiction",
    ),
    pytest.param(
        'The mill stood idle.\n\n"Nobody came back," Dana Lowe later recalled.',
        ["Dana Lowe"],
        id="an-adverb-of-time",
    ),
    pytest.param(
        'The mill stood idle.\n\n"Nobody came back," Dana Lowe has said.',
        ["Dana Lowe"],
        id="an-auxiliary",
    ),
    pytest.param(
        'The mill stood idle.\n\n"Come in," Mrs. Lark used to say.',
        ["Mrs. Lark"],
        id="used-to-say",
    ),
    pytest.param(
        "The rain went on. At the door she met Ivo Lark, who, on hearing the news, "
        'said, "I am glad."',
        ["Ivo Lark"],
        id="who-and-a-clause-then-said",
    ),
    pytest.param(
        'The rain went on. Nora Lark was vexed, and would only say, "Very well."',
        ["Nora Lark"],
        id="and-would-only-say",
    ),
    pytest.param(
        'The rain went on.\n\n"Stop," said the porter sadly.',
        ["the porter"],
        id="a-description-without-its-adverb",
    ),
    pytest.param(
        'The rain went on.\n\n"Stop," said the porter in the grey coat.',
        ["the porter in the grey coat"],
        id="a-description-with-what-sets-it-apart",
    ),
    pytest.param(
        'The rain went on.\n\n"Stop," said the porter after a long pause.',
        ["the porter"],
        id="a-description-without-the-adverbial-after-it",
    ),
    pytest.param(
        'The rain went on.\n\n"Stop," said the porter in a hoarse whisper.',
        ["the porter"],
        id="a-description-without-its-manner",
    ),
    pytest.param(
        'The rain went on.\n\n"Stop," said the porter to Nora.',
        ["the porter"],
        id="the-one-spoken-to-is-no-part-of-a-description",
    ),
    pytest.param(
        'The rain went on.\n\n"Stop," said the parrot outside the window.',
        ["the parrot"],
        id="a-description-without-the-place-after-it",
    ),
    pytest.param(
        "The woman in a red shawl sat down. Nobody knew the woman in a red shawl.\n\n"
        '"Stop," said the woman in a red shawl.',
        ["the woman in a red shawl"],
        id="a-description-the-text-writes-again",
    ),
    pytest.param(
        'The talks failed.\n\n"It is over," said a spokeswoman at Acme Holdings.',
        ["a spokeswoman at Acme Holdings"],
        id="a-description-with-the-body-it-speaks-for",
    ),
    pytest.param(
        'Nora Lark and Ivo Dunn sat at the table.\n\n"It is late," said Ivo.\n\n'
        '"It is early," said the other.',
        ["Ivo Dunn", "Nora Lark"],
        id="the-other-of-two-is-not-the-last-speaker",
    ),
    pytest.param(
        'Nora Lark and Ivo Dunn sat at the table.\n\n"It is late," said Nora.\n\n'
        '"It is early," said the other with a smile.',
        ["Nora Lark", "Ivo Dunn"],
        id="the-other-of-two-either-way",
    ),
    pytest.param(
        'Nora Lark sat at the window.\n\n"It is late." The music began.\n\nIvo came in.',
        ["Nora Lark"],
        id="a-sentence-after-a-closed-quote-is-no-attribution",
    ),
    pytest.param(
        'Nora Lark sat at the window.\n\n"Send him in." The man bowed and went out.',
        ["Nora Lark"],
        id="a-description-and-its-deed-after-a-closed-quote",
    ),
    pytest.param(
        'Prices rose.\n\n"It is a good year," said Acme\'s chief analyst Dana Lowe.',
        ["Dana Lowe"],
        id="an-owner-before-the-name",
    ),
    pytest.param(
        'Prices rose.\n\nIn the Senate, Dana Lowe said: "We will vote against it."',
        ["Dana Lowe"],
        id="a-place-before-the-subject",
    ),
    pytest.param(
        'Prices rose.\n\nThe Minister for the Arts, Dana Lowe, said: "We will pay."',
        ["Dana Lowe"],
        id="the-name-set-beside-an-object",
    ),
    pytest.param(
        'Prices rose.\n\nAcme Holdings\' chief executive, Dana Lowe, said: "We will pay."',
        ["Dana Lowe"],
        id="apposition",
    ),
    pytest.param(
        'Prices rose.\n\n"It is a disgrace," said the head of the panel, Labour MP Dana Lowe.',
        ["Dana Lowe"],
        id="a-party-and-a-role-before-the-name",
    ),
    pytest.param(
        'Prices rose.\n\n"It was hard," said Mill and Loom executive producer Dana Lowe.',
        ["Dana Lowe"],
        id="a-show-and-a-role-before-the-name",
    ),
    pytest.param(
        'Prices rose.\n\nBut the Audit Office has insisted the figures were "a fair reflection".',
        ["the Audit Office"],
        id="an-organisation",
    ),
    pytest.param(
        'Prices rose.\n\n"We will pay," said its chairman, Dana Lowe.',
        ["Dana Lowe"],
        id="its-chairman-and-a-name",
    ),
    pytest.param(
        'Prices rose.\n\nMr Lowe\'s official spokesman said the figures were "a fair reflection".',
        ["Mr Lowe's official spokesman"],
        id="an-owned-description",
    ),
    pytest.param(
        "Prices rose.\n\nThe veteran actor, whose films include Dark Harbour, Ivo Lark and "
        'Moonfall, said: "I owe it everything."',
        ["the veteran actor"],
        id="the-subject-not-a-name-in-its-relative-clause",
    ),
    pytest.param(
        'Prices rose.\n\nThe panel contacted the agency saying it was a "terrible mistake".',
        [None],
        id="an-object-is-no-speaker",
    ),
    pytest.param(
        "Prices rose.\n\nMarket analyst Dana Lowe of Acme Holdings described the results as "
        '"pretty modest".',
        ["Dana Lowe"],
        id="the-sentence-subject-of-a-fragment-with-an-organisation-after-the-name",
    ),
    pytest.param(
        'Prices rose.\n\nThe Greens dismissed the plan as "desperate", while the Liberals '
        "said it was misdirected.",
        ["the Greens"],
        id="a-judging-verb-and-not-the-clause-after-the-fragment",
    ),
    pytest.param(
        "Prices rose.\n\nDana Lowe, a friend of the mayor, also revealed that in 1990 the "
        'mayor was "much loved by all".',
        ["Dana Lowe"],
        id="a-subject-with-an-apposition-and-a-far-fragment",
    ),
    pytest.param(
        "Prices rose.\n\nRay Holt said he had good relations with Ivo Lark, who he described "
        'as "very talented".',
        ["Ray Holt"],
        id="who-he-described-is-the-object",
    ),
    pytest.param(
        'The mill closed.\n\n"He had a good life," said his wife, Mara.',
        ["Mara"],
        id="a-relation-and-the-name-beside-it",
    ),
    pytest.param(
        'Prices rose.\n\nThe Greens said they were glad the mayor had been "shamed" into it.',
        ["the Greens"],
        id="a-body-of-people-with-the-article",
    ),
    pytest.param(
        'Prices rose.\n\nThere was an "absolute crisis" in the hiring of teachers, the '
        "education committee added.",
        ["the education committee"],
        id="a-description-ending-the-sentence",
    ),
    pytest.param(
        'Prices rose.\n\nMany were not prepared to "put up with" the old ways they met, '
        "Prof Nora Lark said.",
        ["Prof Nora Lark"],
        id="a-name-ending-the-sentence",
    ),
    pytest.param(
        'Prices rose.\n\nThe mayor should see for himself "the harm it did", Rabbi Ivo Lark, '
        "founder of the relief group the Acme Foundation said.",
        ["Ivo Lark"],
        id="a-name-and-an-unclosed-apposition-ending-the-sentence",
    ),
    pytest.param(
        'Prices rose.\n"It was a fine year for books.\nNobody could dislike it," wrote the '
        "judges.\nThe judges called it a triumph.",
        ["the judges"],
        id="after-a-quotation-closed-on-its-second-line",
    ),
    pytest.param(
        "Prices rose.\n\nThe law faces a challenge from the Acme Carriers Association (ACA), "
        'which has attacked it as a "bad piece of legislation".',
        ["the Acme Carriers Association"],
        id="a-relative-clause-whose-verb-governs-the-quotation",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), ATTRIBUTIONS)
def test_attributions(raw: str, expected: list[str | None]) -> None:
    assert said(raw) == expected


def test_a_pronoun_is_the_last_subject_who_can_be_it() -> None:
    raw = (
        "Taxes rose again.\n\n"
        "But Dana Lowe, who chairs the audit panel in Ashby, warned that Ashby Council "
        "and the Kestrel Group had lost money.\n"
        '"It was a fiasco," she said.'
    )
    assert said(raw) == ["Dana Lowe"]


def test_a_pronoun_is_not_a_place_or_an_organisation() -> None:
    raw = (
        "Prices rose.\n\n"
        "Analyst Nora Vance of Kestrel Bank expects more.\n"
        "Indonesia is growing.\n"
        '"The question is when," she said.'
    )
    assert said(raw) == ["Nora Vance"]


def test_quoted_lines_before_their_attribution_are_its_speakers() -> None:
    raw = (
        "The pilot was Ivo Lark.\n\n"
        "Dana Lowe remembers the night.\n"
        '"I fell asleep."\n'
        '"Then the engine stopped."\n'
        '"We were lucky," Dana Lowe later recalled.'
    )
    assert said(raw) == ["Dana Lowe"] * 3


def test_quoted_lines_before_a_pronouns_attribution_are_the_subjects_not_a_film_stars() -> None:
    # the run's first lines take their speaker from the last one's "he", whose
    # subject is the writer named before, not a name after "starring" or a place
    # he moved to (which a pronoun after it would otherwise make a man)
    raw = (
        '"I was young," Ivo Lark later recalled.\n'
        "Lark moved to Dacia in 1947, where he became a citizen.\n"
        "The book became a film in 1970, starring Tom Vey as a pilot.\n"
        '"I have never been quick."\n'
        '"I am too slow for that."\n'
        '"I am never pleased," he once said.'
    )
    assert said(raw) == ["Ivo Lark"] * 4


def test_a_pronoun_after_a_place_the_subject_went_to_is_the_subjects() -> None:
    """ "Lark moved to Dacia, where he ...": the "he" tells Ivo Lark's
    gender, not the place's (which is nobody)."""
    raw = (
        '"I was young," Ivo Lark later recalled.\n'
        "Lark moved to Dacia in 1947, where he became a citizen.\n"
        "Dacia is far. They went to Dacia.\n"
    )
    people = quotes.quotes_and_people(build(raw))[1]
    assert people.gender.get("Ivo Lark") is Gender.MALE
    assert "Dacia" not in people.gender


def test_a_pronoun_ending_a_run_is_not_the_speaker_its_own_lines_were_guessed() -> None:
    raw = (
        "Ivo Lark has died.\n\n"
        '"I was young," Ivo Lark later recalled.\n'
        "In 1970 the book was filmed with Tom Vey as a pilot.\n"
        '"I have never been quick."\n'
        '"I am never pleased," he once said.'
    )
    assert said(raw) == ["Ivo Lark"] * 3


def test_a_name_after_a_participle_is_no_subject() -> None:
    assert news._GOVERNED.search("The film came out in 1970, starring ") is not None
    assert news._GOVERNED.search("But ") is None


def test_quoted_lines_after_an_attribution_go_on_with_its_speaker() -> None:
    raw = (
        "Ivo Lark wrote back.\n\n"
        'Dana Lowe then emailed Ivo Lark. She said: "Sorry."\n'
        '"Wrong address."\n'
        '"Ignore it."'
    )
    assert said(raw) == ["Dana Lowe"] * 3


def test_quoted_lines_after_reported_speech_are_its_speakers() -> None:
    raw = (
        "Ivo Lark wrote back.\n\n"
        "Nora Vance, who chairs the board tells Ivo Lark that she was worried.\n"
        '"I used to lie awake."\n'
        '"It was very hard."\n\n'
        "The rules were clear, said Mr Lowe.\n\n"
        '"If in doubt, keep it."'
    )
    assert said(raw) == ["Nora Vance", "Nora Vance", "Mr Lowe"]


def test_an_organisations_it_is_the_last_body_that_spoke() -> None:
    raw = (
        "Prices rose.\n\n"
        'There was an "absolute crisis" in the hiring of teachers, the education committee '
        "added.\n"
        '"Major problems" are expected over the next ten years, it said.\n'
        "The Acme Council said the show would not go on.\n"
        'It said the play could go ahead if the organisers "cut the offending parts".'
    )
    assert said(raw) == ["the education committee", "the education committee", "the Acme Council"]


def test_he_after_a_description_saying_something_is_that_description() -> None:
    raw = (
        "Prices rose.\n\n"
        'Nora Vance wrote to Ivo Lark calling for him to drop his "ill-judged comment".\n'
        "In a furious response, the first minister said his words had been distorted.\n"
        'He told Ms Vance: "That is untrue."'
    )
    assert said(raw) == ["Nora Vance", "the first minister"]


def test_a_name_and_a_quoted_verb() -> None:
    assert said('Prices rose.\n\nIvo Lark "totally condemned" the plan.') == ["Ivo Lark"]


def test_a_pronoun_is_a_subject_named_before_its_verb_far_into_its_sentence() -> None:
    raw = (
        "Speaking to BBC West Ashby before the dinner at the town hall, Ivo Lark said "
        "that he was happy.\n"
        'He said that the mayor was a "very good man".'
    )
    assert said(raw) == ["Ivo Lark"]


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Nora Vance", True),
        ("Jan van der Berg", True),
        ("Mr Lowe", True),
        ("Indonesia", False),
        ("Kestrel Bank", False),
        ("Realising", False),
        ("From Ashworth", False),
        ("narrator", False),
    ],
)
def test_person_like(name: str, person: bool) -> None:
    people = index(build("Nothing here."), [])
    assert news.person_like(name, people) is person


def test_dialogue_keeps_the_speaker_rules() -> None:
    raw = (
        "Mrs. Lark and Mr. Vance sat down.\n\n"
        '"Will you go?" said Mrs. Lark.\n\n'
        '"No," he said.\n\n'
        '"Why not?" she asked.'
    )
    assert said(raw) == ["Mrs. Lark", "Mr. Vance", "Mrs. Lark"]
