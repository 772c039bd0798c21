"""The quotation stages one by one, on made-up texts: stretches, people,
attribution, kind; and the immutable values they hand on."""

import pytest

from aleppo_cli.analysis.quotes import attribution, kind, people, stretches
from aleppo_cli.analysis.quotes.model import (
    NICKNAME,
    OTHER,
    SCARE,
    SPEECH,
    TITLE,
    Attribution,
    Gender,
    Reference,
    Span,
    Stretch,
)
from aleppo_cli.text.document import Document, build


def stretched(raw: str) -> tuple[Document, tuple[Stretch, ...]]:
    document = build(raw)
    return document, stretches.find(document)


def words(document: Document, stretch: Stretch) -> list[str]:
    return [document.clean.text[s.start : s.end] for s in stretch.spans]


def indexed(raw: str) -> people.People:
    document, found = stretched(raw)
    return people.index(document, [Span(s.start, s.end) for s in found])


def attributed(raw: str) -> list[Attribution | None]:
    document, found = stretched(raw)
    cast = people.index(document, [Span(s.start, s.end) for s in found])
    return [attribution.attribute(document.clean.text, s, cast) for s in found]


# --- stretches ------------------------------------------------------------------


def test_spans_around_an_attribution_are_one_stretch() -> None:
    document, (stretch,) = stretched('"Yes," said Nora, "I will."')
    assert words(document, stretch) == ["Yes,", "I will."]
    assert stretch.gaps == ('" said Nora, "',)


def test_spans_around_narration_are_two_stretches() -> None:
    document, found = stretched('"Yes," said Nora. She looked at the sea for a while. "I will."')
    assert [words(document, s) for s in found] == [["Yes,"], ["I will."]]


def test_a_quote_left_open_goes_on_in_the_next_paragraph() -> None:
    document, (stretch,) = stretched('"It began in the north.\n\n"And it has not ended."')
    assert words(document, stretch) == ["It began in the north.", "And it has not ended."]
    assert stretch.gaps == ()  # a paragraph break, not an attribution
    assert stretch.before is None and not stretch.open_end


def test_a_stretch_knows_the_paragraph_before_it() -> None:
    document, (stretch,) = stretched('Ivo sat down.\n\n"Good evening."')
    assert stretch.paragraph is document.paragraphs[1]
    assert stretch.before is document.paragraphs[0]
    assert stretch.opens_paragraph


def test_the_values_handed_on_are_immutable() -> None:
    _, (stretch,) = stretched('"Yes," said Nora.')
    with pytest.raises(AttributeError):
        stretch.open_end = True  # type: ignore[misc]


# --- people ----------------------------------------------------------------------


def test_genders_from_pronouns_titles_and_titled_forms() -> None:
    cast = indexed(
        "Nora came in; she was wet. Ivo stood up; he smiled. Mrs. Lark waited. "
        "Mr. Quill sat down. Quill was tired."
    )
    assert cast.gender == {
        "Nora": Gender.FEMALE,
        "Ivo": Gender.MALE,
        "Mrs. Lark": Gender.FEMALE,
        "Mr. Quill": Gender.MALE,  # "Quill" is one person with him, and takes his gender
    }
    assert cast.person("Quill") == "Mr. Quill"


def test_gender_is_derived_from_pronouns_in_one_place() -> None:
    assert [people.pronoun_gender(w) for w in ("he", "His", "himself", "she", "Her", "they")] == [
        Gender.MALE,
        Gender.MALE,
        Gender.MALE,
        Gender.FEMALE,
        Gender.FEMALE,
        None,
    ]
    assert people.word_gender("aunt") is Gender.FEMALE
    assert people.title_gender("Sir Bram") is Gender.MALE
    assert people.title_gender("Bram") is None


def test_places_things_and_names_inside_quotes_are_not_people() -> None:
    cast = indexed(
        "Nora lived at Dace for years; at Dace the winters were long. She wrote from Dace. "
        "The Kestrel sailed; the Kestrel sank. Nora wept. "
        '"Where is Bram?" she asked.'
    )
    assert set(cast.gender) == {"Nora"}


def test_a_name_loses_the_words_the_text_writes_in_lower_case() -> None:
    cast = indexed(
        "Poor Ivo sat alone; the poor man smiled whenever Nora came. Whenever Nora sang, he wept."
    )
    assert cast.clean("Poor Ivo") == "Ivo"
    assert cast.clean("Whenever Nora") == "Nora"
    assert cast.clean("The") is None
    assert cast.clean("Nora's") == "Nora"


def test_her_father_in_the_narration_is_a_mention_of_him() -> None:
    cast = indexed(
        "Mr. Lark read by the fire. Nora Lark came in; she smiled. Her father looked up."
    )
    assert cast.names == ["Mr. Lark", "Nora Lark", "Mr. Lark"]


def test_a_quotation_names_people_in_every_form() -> None:
    document, found = stretched('Mr. Lark and Nora Lark sat.\n\n"Lark is late," said Ivo.')
    cast = people.index(document, [Span(s.start, s.end) for s in found])
    named = cast.named_in(document.clean.text, found[0].spans)
    assert named == {"Lark", "Mr. Lark", "Nora Lark"}


# --- attribution -------------------------------------------------------------------


def test_an_attribution_after_the_first_span() -> None:
    assert attributed('"Go home," said Nora.') == [Attribution("Nora", None, False)]


def test_an_attribution_between_the_spans() -> None:
    # the first span's attribution is looked for right after it, which here is the gap
    (found,) = attributed('"Yes," Ivo said, "I will."')
    assert found == Attribution("Ivo", None, False)


def test_an_attribution_before_the_quote() -> None:
    assert attributed("Bram said: “We leave at dawn.”") == [Attribution("Bram", None, False)]
    raw = 'Ivo turned to the window, and then said, "We leave tonight."'
    assert attributed(raw) == [Attribution("Ivo", None, False)]


def test_an_attribution_ending_the_paragraph_before() -> None:
    raw = 'Ivo came in late.\n\nAfter a long silence Nora observed,\n\n"You never wait."'
    assert attributed(raw) == [Attribution("Nora", None, False)]


def test_pronouns_and_relations_are_references() -> None:
    raw = '"Yes," she added.\n\n"No," said his wife.\n\n"Maybe," said the man.'
    assert attributed(raw) == [
        Attribution(None, Reference(Gender.FEMALE), True),
        Attribution(None, Reference(Gender.FEMALE, Gender.MALE, "wife"), False),
        Attribution(None, Reference(Gender.MALE), False),
    ]


def test_no_attribution() -> None:
    assert attributed('Ivo read "The Long Road" twice.') == [None]


# --- kind -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('He was known as "the Hammer" at school.', NICKNAME),
        ('"Run," she cried.', SPEECH),
        ('He read "The Long Road Home" twice.', TITLE),
        ('He read "Odile" twice.', TITLE),
        ('The "experts" came.', SCARE),
        ('A sign: "we leave at dawn"', SPEECH),
        ('A sign: "Closed,"', SPEECH),
        ('A sign: "42"', OTHER),
    ],
)
def test_kinds(raw: str, expected: str) -> None:
    document, (stretch,) = stretched(raw)
    cast = people.index(document, [Span(stretch.start, stretch.end)])
    said = attribution.attribute(document.clean.text, stretch, cast)
    assert kind.of(document.clean.text, stretch, said is not None) == expected


def test_one_person_many_names_and_a_family_kept_apart() -> None:
    cast = indexed(
        "Fitzwilliam Lark came in; he was wet. Mr. Lark sat down. Lark smiled; he was tired. "
        "Lizzy Quill laughed; she was happy. Elizabeth Quill waited; she was calm. "
        "Tom Bell, Mr. Bell, Mrs. Bell and Miss Bell came. Bell sat."
    )
    assert cast.person("Lark") == cast.person("Mr. Lark") == "Fitzwilliam Lark"
    assert cast.person("Mrs. Bell") != cast.person("Mr. Bell") != cast.person("Miss Bell")
    assert cast.person("Mr. Bell") != "Tom Bell"  # a family: the titles stay apart
    assert cast.groups["Mr. Lark"].forms == ("Fitzwilliam Lark", "Lark", "Mr. Lark")


def test_a_pet_form_joins_the_given_name_but_not_a_lady() -> None:
    cast = indexed(
        "Elizabeth Lark came; she smiled. Lizzy ran; she laughed. Lady Catherine sat; she "
        "frowned. Kitty sang; she was young."
    )
    assert cast.person("Lizzy") == "Elizabeth Lark"
    assert cast.person("Kitty") == "Kitty"


def test_a_wife_named_by_her_husbands_name_is_not_him() -> None:
    cast = indexed(
        "Ivo Lark came in; he was wet. Ivo Lark sat; he smiled. Mrs. Ivo Lark waited. "
        "Ivo Lark ran; he was late. Ivo Lark slept; he was tired. "
        "Bram Ivo laughed. Ivo stood up; he was tall."
    )
    assert cast.person("Ivo Lark") == "Ivo Lark" != cast.person("Mrs. Ivo Lark")
    # "Ivo" starts a name named four times and ends one named once: the first
    assert cast.person("Ivo") == "Ivo Lark"
