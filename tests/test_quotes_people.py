"""People and journalism: one person per individual, speakers by their fullest
name, news attributions, first-person narrators, --speakers and --speaker."""

import json
import re

import pytest
from typer.testing import CliRunner

from aleppo_cli.analysis.quotes import quotations as quotes
from aleppo_cli.analysis.quotes import selection
from aleppo_cli.analysis.quotes.model import Gender
from aleppo_cli.cli.app import app
from aleppo_cli.text.document import build


def found(raw: str) -> list[quotes.Quotation]:
    return quotes.find(build(raw))


def speakers(raw: str) -> list[str | None]:
    return [q.speaker for q in found(raw) if q.kind == quotes.SPEECH]


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        ('"We will rebuild," chairman and chief executive Dana Lowe said.', "Dana Lowe"),
        ('"We will rebuild," Acme attorney Dana Lowe said.', "Dana Lowe"),
        ('"We will rebuild," said Jane C. Doe, president of Acme.', "Jane C. Doe"),
        ('"We will rebuild," said Utah-based lawyer Dana Lowe, who left.', "Dana Lowe"),
        ('Dana Lowe, the head of Acme, said: "We will rebuild."', "Dana Lowe"),
        ('Dana Lowe, Acme Hotel Association said: "We will rebuild."', "Dana Lowe"),
        ('Dana Lowe said the results were "respectable" this time.', "Dana Lowe"),
        ('"We will rebuild," a company spokesman said.', "a company spokesman"),
        ('"We will rebuild," the company said.', "the company"),
        ('"We will rebuild," according to Dana Lowe.', "Dana Lowe"),
        ('"We will rebuild," said the head of the board, Labour MP Dana Lowe.', "Dana Lowe"),
        ('Writing in a paper, Dana Lowe said: "We will rebuild."', "Dana Lowe"),
        ('"We will rebuild," Dana Lowe quipped.', "Dana Lowe"),
        ('"We will rebuild," Deputy Prime Minister Dana Lowe told reporters.', "Dana Lowe"),
    ],
)
def test_journalisms_attributions(raw: str, speaker: str) -> None:
    assert speakers(raw) == [speaker]


def test_a_news_quotation_goes_on_with_its_speaker_not_the_last_name() -> None:
    raw = (
        "Jobs grew in March. "
        '"It is slow," said Rick Lowe, an economist at Acme Bank in Ohio. '
        '"We expected more."\n'
    )
    assert speakers(raw) == ["Rick Lowe", "Rick Lowe"]


def test_an_attribution_that_introduces_the_next_quote_is_not_the_last_ones() -> None:
    raw = 'Tom Bell spoke first. "It was muddled."\nSir Ann Vale said: "It was not."'
    assert speakers(raw)[1] == "Sir Ann Vale"
    assert speakers(raw)[0] != "Sir Ann Vale"


def test_a_pronoun_after_a_subject_gives_its_gender() -> None:
    raw = (
        "But Edward Lowe, who chairs the committee, warned the board.\n"
        'He said: "This was a fiasco."'
    )
    assert speakers(raw) == ["Edward Lowe"]


@pytest.mark.parametrize(
    "raw", ['"Come in," said I.', '"Come in," I answered.', 'Nora left. "Come in," I said.']
)
def test_a_first_person_narrator_speaks_as_narrator(raw: str) -> None:
    assert speakers(raw) == [quotes.NARRATOR]


def test_speakers_go_by_their_fullest_name_and_one_id() -> None:
    raw = (
        "Fitzwilliam Lark came in; he was wet. Mr. Lark sat. Nora Quill waited; she smiled.\n\n"
        '"Sit down," said Lark.\n\n'
        '"No," said Nora.\n\n'
        '"Please," said Mr. Lark.'
    )
    said = found(raw)
    assert [q.speaker for q in said] == ["Fitzwilliam Lark", "Nora Quill", "Fitzwilliam Lark"]
    assert said[0].person == said[2].person != said[1].person
    assert said[0].person is not None and set(said[0].person.names) == {
        "Fitzwilliam Lark",
        "Mr. Lark",
        "Lark",
    }


FAMILY = (
    "Mr. Lark came in; he was wet. Miss Lark sat; she smiled. Mrs. Lark waited.\n\n"
    '"Sit down," said Mr. Lark.\n\n'
    '"No," said Miss Lark.\n\n'
    '"Please," said Mrs. Lark.\n\n'
    '"Now," said Lark.'
)


def test_speaker_matches_one_person_by_any_of_their_names() -> None:
    said = found(FAMILY)
    chosen = selection.select(said, speaker="lark").quotations
    assert [q.text for q in chosen] == ["Sit down,", "Now,"]  # Mr. Lark, not his family
    assert [q.text for q in selection.select(said, speaker="MISS LARK").quotations] == ["No,"]
    assert selection.select(said, speaker="nobody").quotations == ()


def test_speakers_lists_people_most_quoted_first() -> None:
    listed = selection.speakers(found(FAMILY))
    assert [(s.person.name, s.quotations) for s in listed] == [
        ("Mr. Lark", 2),
        ("Miss Lark", 1),
        ("Mrs. Lark", 1),
    ]
    assert [s.person.gender.value if s.person.gender else None for s in listed] == ["M", "F", "F"]


def test_the_speakers_option(runner: CliRunner, tmp_path: object) -> None:
    result = runner.invoke(app, ["quotes", "--speakers"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["2 Khaled (male)", "1 Fitzgerald", "", "2 speakers"]
    data = json.loads(runner.invoke(app, ["quotes", "--speakers", "--json"]).stdout)
    assert [(s["name"], s["quotations"]) for s in data["speakers"]] == [
        ("Khaled", 2),
        ("Fitzgerald", 1),
    ]
    ids = {
        q["speaker_id"]
        for q in json.loads(runner.invoke(app, ["quotes", "--json"]).stdout)["quotes"]
    }
    assert ids == {s["id"] for s in data["speakers"]}
    clash = runner.invoke(app, ["quotes", "--speakers", "--speaker", "khaled"])
    assert clash.exit_code == 2 and "Traceback" not in clash.output


def test_ids_are_stable_between_runs() -> None:
    first = [q.person for q in found(FAMILY)]
    assert first == [q.person for q in found(FAMILY)]


def test_a_chapters_title_names_nobody() -> None:
    body = "The boat came in at dawn and the men stood on the quay in the cold wind. " * 3
    raw = (
        f"CHAPTER 1. Loomings\n\n{body}\n\nCHAPTER 2. Jonah Historically Regarded\n\n{body}\n\n"
        f"Nora Lark looked at the sea. “We are late,” she said.\n\n"
        f"CHAPTER 3. The Pulpit\n\n{body}\n"
    )
    document = build(raw)
    _, cast = quotes.quotes_and_people(document)
    assert cast.names == ["Nora Lark"]


def test_a_given_name_that_is_also_a_word_is_a_name_in_mid_sentence() -> None:
    """ "Rose" is a verb's past too; "said Rose", "asked Rose" make it a name."""
    raw = (
        "The sun rose over the hills. Rose Lark came down early.\n\n"
        '"Is it late?" asked Rose.\n\n'
        '"No," said Tom Bell.\n\n'
        '"Then we walk," said Rose.\n'
    )
    assert speakers(raw) == ["Rose Lark", "Tom Bell", "Rose Lark"]


def test_a_word_capitalised_only_where_a_sentence_starts_is_no_name() -> None:
    """ "Poor" opens sentences and is written in lower case: "Poor Nora" is Nora."""
    raw = 'They were poor that year. Poor Nora Lark sat down.\n\n"It is late," said Poor Nora.\n'
    assert speakers(raw) == ["Nora Lark"]


def test_a_verb_then_its_subject_after_a_quote_is_that_quotes_before_a_colon() -> None:
    """'"Come," said Nora: taking the lamp; "…"': the colon leads on, not in."""
    raw = (
        'Tom Bell looked up.\n\n"Then come with me," said Nora Lark: taking up a lamp, '
        'and leading the way; "your bed is ready."\n'
    )
    assert speakers(raw) == ["Nora Lark"]
    raw = 'Tom Bell spoke first. "It was muddled."\nSir Ann Vale said: "It was not."'
    assert speakers(raw)[0] != "Sir Ann Vale"


def test_a_titles_full_stop_does_not_end_the_attributions_sentence() -> None:
    """'and Mrs. Lark murmured: "…"' is Mrs. Lark's, not "Lark"'s (Mr. Lark)."""
    raw = (
        "Mr. Lark came in. Mrs. Lark sat by the fire.\n\n"
        'He shook his head; and Mrs. Lark murmured:  "If only she had asked."\n'
    )
    assert speakers(raw) == ["Mrs. Lark"]


def test_m_is_a_french_title() -> None:
    raw = 'M. Riviere bowed to Tom Bell.\n\n"Simply seeing her," M. Riviere replied.\n'
    assert speakers(raw) == ["M. Riviere"]


def test_a_character_called_by_a_capitalised_noun_is_named_by_it_alone() -> None:
    raw = (
        'Tom Bell sat down.\n\n"No," said the Professor with sobriety.\n\n'
        '"No," said the gentleman in the white waistcoat.\n'
    )
    assert speakers(raw) == ["the Professor", "the gentleman in the white waistcoat"]


def test_a_title_alone_names_the_last_person_of_that_title() -> None:
    """'"Yes," answered Mademoiselle.' is the Mademoiselle of the scene."""
    raw = (
        "Mademoiselle Duval left early. Later Mademoiselle Reisz came in, and "
        "Edna Lark rose.\n\n"
        '"Did you want me?" asked Edna Lark.\n\n'
        '"Yes," said Tom Bell.\n\n'
        '"I had not thought of it," answered Mademoiselle. The two sat down.\n'
    )
    assert speakers(raw)[-1] == "Mademoiselle Reisz"


def test_a_full_title_before_a_full_stop_starts_no_name() -> None:
    from aleppo_cli.analysis.quotes.people import NAME

    assert re.fullmatch(NAME, "Mademoiselle. The") is None
    assert re.fullmatch(NAME, "Mrs. Lark") is not None
    assert re.fullmatch(NAME, "Mademoiselle Reisz") is not None


def test_him_and_her_after_a_name_tell_nothing_of_its_gender() -> None:
    """ "Nora thanked him", "Ivo kissed her": the object is someone else; Nora
    is a woman for the "she" and "herself" that follow her name."""
    raw = (
        "Nora thanked him. Nora kissed him. Nora met him. Nora saw that she was late.\n\n"
        "Ivo Lark came in.\n\n"
        '"Sit," she said.'
    )
    document = build(raw)
    _, cast = quotes.quotes_and_people(document)
    assert cast.gender.get("Nora") is Gender.FEMALE


def test_him_and_her_tell_a_gender_where_nothing_else_does() -> None:
    """Weak evidence is better than none: a name only ever followed by "her"
    ("Nora shook her head") is taken for what it tells."""
    raw = "Mr. Vance came in. Nora shook her head. Nora looked at her hands.\n\nIvo Lark waited."
    _, cast = quotes.quotes_and_people(build(raw))
    assert cast.gender.get("Nora") is Gender.FEMALE


@pytest.mark.parametrize(
    ("raw", "speaker"),
    [
        ('Name | Age\n\nPa | 40\n\n"We will survive," said Pa.\n', "Pa"),
        ('Name, Age, Pa\n\nThe dog barked.\n\n"We will survive," said Pa.\n', "Pa"),
        ('Notes on Pa\n\nPa Lark came in.\n\n"We will survive," said Pa Lark.\n', "Pa Lark"),
    ],
)
def test_a_name_never_runs_across_a_paragraphs_end(raw: str, speaker: str) -> None:
    # a heading or a table's cell that ends in a name is not the first part of
    # the next paragraph's ("Age Pa", "Pa The" before)
    assert speakers(raw) == [speaker]


def test_a_name_wrapped_over_one_line_is_one_name() -> None:
    assert speakers('"We will survive," said Mrs.\nLark Ivory, and left.\n') == ["Mrs. Lark Ivory"]


def test_a_character_called_by_a_description_that_speaks_is_a_person() -> None:
    """ "the Gryphon" is mostly written "the X" (a thing, by that alone), but
    it speaks: a person of the index, named "the Gryphon", with the gender
    of the pronouns after it, and its mentions in the narration count."""
    raw = (
        "The Gryphon sat up and rubbed his eyes.\n\n"
        '"Come on!" said the Gryphon.\n\n'
        "Nora looked at the Gryphon, and the Gryphon looked at the sea.\n\n"
        '"What fun!" said the Gryphon, half to himself.\n\n'
        "They sailed on the Kestrel. The Kestrel was slow, and the Kestrel leaked.\n"
    )
    _, cast = quotes.quotes_and_people(build(raw))
    assert cast.person("the Gryphon") == "the Gryphon"
    assert cast.gender.get("the Gryphon") is Gender.MALE
    assert cast.names.count("the Gryphon") >= 4
    assert "Kestrel" not in cast.names and "the Kestrel" not in cast.names  # it never speaks


@pytest.mark.parametrize(
    "raw",
    [
        # a role the story calls someone by ("the Secretary") speaks twice
        'The Secretary rose. "Sit down," said the Secretary.\n\n"No," the Secretary said.',
        # a plural is a body of people, not one ("the Tories")
        'The Tories met. "No," said the Tories.\n\n"Never," the Tories said.',
    ],
)
def test_a_role_that_speaks_is_a_person_a_body_is_not(raw: str) -> None:
    _, cast = quotes.quotes_and_people(build(raw))
    role = "the Secretary" if "Secretary" in raw else "the Tories"
    assert (role in cast.names) is (role == "the Secretary")


def test_a_description_said_once_is_no_person() -> None:
    raw = 'The Kestrel sailed. "Go," said the Kestrel. The Kestrel sank. The Kestrel was lost.'
    _, cast = quotes.quotes_and_people(build(raw))
    assert "the Kestrel" not in cast.names and "Kestrel" not in cast.names


def test_her_brother_is_the_one_other_man_of_her_family_named_in_full() -> None:
    """ "her brother" of Nora Lark is Ivo Lark, the one man named in full as a
    Lark (not "Mr. Lark", the father); with two such men, nobody."""
    raw = (
        "Nora Lark and Ivo Lark came in with Mr. Lark. Ivo Lark sat down, and he smiled.\n\n"
        "Nora Lark looked at the fire, and she sighed.\n"
    )
    _, cast = quotes.quotes_and_people(build(raw))
    assert cast.related("Nora Lark", "brother", len(raw)) == "Ivo Lark"
    assert cast.related("Ivo Lark", "sister", len(raw)) == "Nora Lark"
    two = raw.replace("with Mr. Lark.", "with Jim Lark. Jim Lark waited, and he yawned.")
    _, cast = quotes.quotes_and_people(build(two))
    assert cast.related("Nora Lark", "brother", len(two)) is None


def _people(raw: str) -> set[str]:
    _, cast = quotes.quotes_and_people(build(raw))
    return set(cast.gender)


def test_an_adverb_or_a_participle_opening_a_sentence_is_no_part_of_a_name() -> None:
    """ "Thereupon Ivo", "Presently Ivo", "Nudging Ivo": words that open
    sentences, run into a name the text uses alone; "Presently" alone goes too."""
    raw = (
        "Ivo Tamsk sat down by the fire, and the dog came to Ivo. Thereupon Ivo rose. "
        "Presently Ivo's sister came in. Nudging Ivo, she laughed. Presently the rain "
        "stopped, and they went out to find Ivo's cart.\n\n"
        '"Come," said Ivo.'
    )
    people = _people(raw)
    assert "Ivo Tamsk" in people
    assert not {"Thereupon Ivo", "Presently Ivo", "Nudging Ivo", "Presently"} & people


def test_a_name_only_at_sentence_openings_is_kept() -> None:
    """A frequent English word that is a given name and only opens sentences
    ("Tom stood") is no adverb: it stays, as does a surname in "-ing" that
    acts ("Browning said")."""
    raw = (
        "Tom stood at the door. Browning said nothing at first. Browning nodded.\n\n"
        '"Well," said Tom.'
    )
    assert {"Tom", "Browning"} <= _people(raw)


def test_a_title_in_title_case_over_several_lines_is_no_mention() -> None:
    """A chapter's title written in Title Case ("Miss Nora Lark Drives Out in
    a Carriage"): its names are not mentions ("Nora Lark Drives Out" is nobody),
    but its full name ties "Miss Lark" and "Nora" into one person."""
    raw = (
        "Chapter Two: Mr. Ivo Tamsk and Miss Nora Lark Drive Out in a Carriage\n"
        "to See the Hills; Strangers Watch Them.\n\n"
        "Miss Lark was late, and she ran down the stairs. Nora laughed at the rain. "
        "Mr. Tamsk waited in the hall for her, and Miss Lark thanked him.\n\n"
        '"We shall be late," said Nora.'
    )
    _, cast = quotes.quotes_and_people(build(raw))
    assert not any("Drive" in name or "Watch" in name for name in cast.gender)
    assert cast.person("Nora") == cast.person("Miss Lark")
    assert cast.person("Nora") == "Miss Nora Lark"


def test_a_prose_paragraph_is_no_title() -> None:
    from aleppo_cli.analysis.quotes.people import _title_case

    assert _title_case("Chapter Two: Mr. Ivo Tamsk and Miss Nora Lark Drive Out in a Carriage")
    assert not _title_case("Ivo Tamsk and Nora Lark drove out in a carriage to see the hills.")
    assert not _title_case("Ivo Tamsk")  # too short to tell


def test_a_people_or_a_language_is_nobody() -> None:
    """A word in "-an", "-ish", "-ese" written as an adjective ("a Velosian
    cab", "the Dravish girls") names a people or a language, not a person;
    a given name in "-an" after "that" ("that Dorvan had") is still one."""
    raw = (
        "Ivo Lark hired a Velosian cab. The Dravish girls laughed. Velosian was all "
        "the driver spoke, and Dravish was all they knew. He said that Dorvan had "
        "gone. Dorvan looked at the sea.\n\n"
        '"Go on," said Dorvan.'
    )
    people = _people(raw)
    assert "Dorvan" in people
    assert not {"Velosian", "Dravish"} & people


def test_an_interjection_is_no_name() -> None:
    raw = (
        "Ivo Lark looked at the sea. Alas, the boat had gone. Hullo, thought Ivo.\n\n"
        '"Come," said Ivo.'
    )
    people = _people(raw)
    assert "Ivo Lark" in people
    assert not {"Alas", "Hullo"} & people


def test_a_names_gender_comes_from_its_own_sentences_not_anothers() -> None:
    """A story seen through a man's eyes puts "he" after a woman's name
    where she is the object ("He told Nora he was tired"); where she is the
    subject, her own pronouns follow ("Nora turned, and she laughed")."""
    raw = (
        "Ivo Lark sat down.\n\n"
        "He told Nora that he was tired. He gave Nora his hat, and he left. "
        "He watched Nora while he ate. He asked Nora if he might go. "
        "He thanked Nora, and he went home.\n\n"
        "Nora turned, and she laughed. Nora rose; she was pale. "
        "Nora waited until she was alone.\n\n"
        '"Come," said Ivo.'
    )
    _, cast = quotes.quotes_and_people(build(raw))
    assert cast.gender.get("Nora") is Gender.FEMALE
    assert cast.gender.get("Ivo Lark") is Gender.MALE


def test_a_married_name_is_the_maiden_names_person_where_the_text_ties_them() -> None:
    """ "Nora Lark" marries "Ivo Vance" and is "Nora Vance" after: one person,
    and "Nora" alone is hers; another woman's given name is no tie."""
    raw = (
        "Nora Lark was young. Nora Lark sang; she was happy. Nora Lark wrote; she smiled.\n\n"
        "Ivo Vance came. Ivo Vance spoke; he was tall.\n\n"
        "Nora Vance rose; she was happy. Nora Vance wrote; she was gay. Nora sat down.\n\n"
        '"Come," said Nora.'
    )
    _, cast = quotes.quotes_and_people(build(raw))
    assert cast.person("Nora Vance") == cast.person("Nora Lark") == cast.person("Nora")
    assert cast.person("Ivo Vance") != cast.person("Nora Lark")
    # the married name first, the other later: no marriage the text tells
    swapped = raw.replace("Nora Lark", "Nora Tamsk").replace("Nora Vance", "Nora Lark")
    swapped = swapped.replace("Nora Tamsk", "Nora Vance")
    _, cast = quotes.quotes_and_people(build(swapped))
    assert cast.person("Nora Vance") != cast.person("Nora Lark")


def test_aunt_before_a_family_name_is_no_bare_surname() -> None:
    """ "aunt Lark" (in lower case) is the one woman titled a Lark ("Mrs.
    Lark"): "Lark" alone, which may be another's (a "Mr. Lark" too), is no
    name of hers."""
    raw = (
        "Mrs. Lark came in. Mr. Lark was out. Her aunt Lark said she was tired, "
        "and aunt Lark sat down; she slept.\n\n"
        '"Come," said Mrs. Lark.'
    )
    _, cast = quotes.quotes_and_people(build(raw))
    assert "Lark" not in cast.groups
    assert cast.names.count("Mrs. Lark") == 4  # two "aunt Lark", two "Mrs. Lark"


@pytest.mark.parametrize(
    "raw",
    [
        # a street's, a building's or a body's name
        'Ivo Lark walked up Kestrel Avenue. Kestrel Avenue was bright.\n\n"Go," said Ivo Lark.',
        # a place gone to
        (
            "Ivo Lark had been to Dace. He went to Dace once. Dace was far, "
            'and Dace was cold.\n\n"Go," said Ivo Lark.'
        ),
    ],
)
def test_streets_and_places_gone_to_are_nobody(raw: str) -> None:
    people = _people(raw)
    assert "Ivo Lark" in people
    assert not {"Kestrel Avenue", "Dace"} & people


def test_a_people_named_by_its_adjective_is_no_speaker() -> None:
    """ "the Dravish said" is a people ("the French"), not one person."""
    raw = (
        "The Dravish came at dawn. The Dravish said nothing. Ivo Lark waited.\n\n"
        '"Go," said the Dravish.\n\n"No," said the Dravish.'
    )
    assert "the Dravish" not in _people(raw)


def test_a_word_run_into_a_name_after_a_preposition_is_no_part_of_it() -> None:
    """ "of Dravism Ivo knew": a word written alone that is nobody's subject,
    run into a name used alone many times, is no given name; "Hercule
    Vance" (a given name with nothing else) stays."""
    raw = (
        "Ivo sat. Ivo rose. Ivo ate. Ivo slept. Ivo read. Ivo wrote. Ivo ran. "
        "Ivo sang. Ivo hid. Ivo left. Dravism was old. "
        "Of the rules of Dravism Ivo knew little. Then he met Hercule Vance.\n\n"
        '"Go," said Ivo.'
    )
    _, cast = quotes.quotes_and_people(build(raw))
    assert "Dravism Ivo" not in cast.groups
    assert cast.names.count(cast.person("Ivo")) == 12
    assert "Hercule Vance" in cast.groups


def test_a_title_before_a_family_name_in_the_plural_is_nobody() -> None:
    raw = (
        'Miss Lark sang. The Miss Larks were out. Miss Larks never walk.\n\n"Come," said Miss Lark.'
    )
    people = _people(raw)
    assert "Miss Lark" in people
    assert "Miss Larks" not in people


def test_a_given_name_tells_a_gender_that_nothing_else_tells() -> None:
    # the pronoun after the first sentence goes to the place, so only the
    # given names tell Ana Ruiz from Tom Vey for "she said"
    raw = (
        "Ana Ruiz moved to Dacia in 1990, where she became a judge. "
        "Tom Vey starred in the film.\n\n"
        "\u201cIt was hard,\u201d she said.\n"
    )
    assert speakers(raw) == ["Ana Ruiz"]
    people = quotes.quotes_and_people(build(raw))[1]
    assert people.gender["Ana Ruiz"] is Gender.FEMALE
    assert people.gender["Tom Vey"] is Gender.MALE


def test_a_word_alone_gets_no_gender_from_the_given_names() -> None:
    from aleppo_cli.analysis.quotes import people

    assert people.given_name_gender("Tom") is Gender.MALE
    assert people.given_name_gender("Ana") is Gender.FEMALE
    assert people._given(("Will",)) is None  # a word alone: "will", a surname
    assert people._given(("Mr. Tom Vey", "Tom Vey")) is Gender.MALE


def test_given_names_found_in_their_lines_as_in_their_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the first look-ups find a name in the file's lines, the later ones in
    # a table of them: both answer alike, for names and for what is none
    from pathlib import Path

    from aleppo_cli.analysis.quotes import people

    path = Path(people.__file__).resolve().parents[2] / "data" / "given_names.txt"
    lines = [line for line in path.read_text("utf-8").splitlines() if line[:1] != "#"]
    table = dict.fromkeys(lines[0].split(), Gender.MALE)
    table.update(dict.fromkeys(lines[1].split(), Gender.FEMALE))
    probes = [*table, *(name + "a" for name in table), *(name[:-1] for name in table)]
    probes += ["", " ", "Tom Ann", "tom", "TOM", "Ann\n", " Ann", "Ann\tTom"]
    for lines_only in (True, False):
        monkeypatch.setattr(people, "_GIVEN_NAMES", None)
        monkeypatch.setattr(people, "_given_lookups", 0)
        monkeypatch.setattr(people, "GIVEN_LOOKUPS", 10**9 if lines_only else 1)
        found = [people.given_name_gender(probe) for probe in probes]
        assert found == [table.get(probe) for probe in probes]
        assert (people._GIVEN_NAMES is None) is lines_only  # the lines, or the table


def test_a_given_name_outweighs_one_pronoun_after_it() -> None:
    """One "he" after "Ana Ruiz" (a man she met, seen through his eyes) does
    not make her a man where her given name is a woman's; two would."""
    one = "Ana Ruiz came in and he smiled at her. Tom Vey sat.\n\n\u201cNo,\u201d she said.\n"
    people = quotes.quotes_and_people(build(one))[1]
    assert people.gender["Ana Ruiz"] is Gender.FEMALE
    two = one + "\nAna Ruiz looked, and he left. Ana Ruiz sat, and he ran.\n"
    assert quotes.quotes_and_people(build(two))[1].gender["Ana Ruiz"] is Gender.MALE


def test_a_surname_after_its_particle_is_the_one_person_so_titled() -> None:
    """ "de Lark" with no title (the name pattern reads "Lark") is
    "Professor de Lark"; after the particle of a family ("Mr." and "Mrs. van
    der Vey") it is nobody's, nor a bare "Vey"."""
    raw = (
        "Professor de Lark came in, and then de Lark sat down. De Lark nodded.\n\n"
        "Mr. van der Vey and Mrs. van der Vey dined at the van der Vey house.\n\n"
        '"Come," said de Lark.\n'
    )
    assert speakers(raw) == ["Professor de Lark"]
    people = _people(raw)
    assert "Lark" not in people
    assert "Vey" not in people


def test_a_police_rank_before_a_surname_is_a_name_of_his() -> None:
    raw = (
        "Inspector Lark came in. Lark sat down, and he smiled.\n\n"
        '"Come," said Lark.\n\n"No," said Chief Inspector Ivo Vey.\n'
    )
    assert speakers(raw) == ["Inspector Lark", "Ivo Vey"]


def test_a_month_is_nobody() -> None:
    raw = 'Ivo Lark came home. July was hot, and he slept. July ended.\n\n"Come," said Ivo Lark.\n'
    assert "July" not in _people(raw)
