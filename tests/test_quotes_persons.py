"""The grouping of a text's name forms into persons (``persons.group``), on made-up names."""

from __future__ import annotations

from collections.abc import Mapping

from aleppo_cli.analysis.quotes import people, persons
from aleppo_cli.analysis.quotes.model import Gender


def grouped(
    counts: Mapping[str, int], pronouns: Mapping[str, Gender] | None = None
) -> dict[str, persons.Group]:
    told = pronouns or {}
    return persons.group(
        counts,
        is_title=people.is_honorific,
        title_gender=people.title_gender,
        pronoun_gender=told.get,
        particles=people.PARTICLES,
    )


def test_a_pet_form_joins_the_full_name_it_starts() -> None:
    """ "Tom" is "Tom Lark", not "Sir Thomas Lark" (a rank takes no pet form)
    nor a person of its own."""
    groups = grouped({"Tom": 30, "Tom Lark": 4, "Sir Thomas": 50, "Sir Thomas Lark": 3})
    assert groups["Tom"].canonical == "Tom Lark"
    assert groups["Sir Thomas"].canonical == "Sir Thomas Lark"
    assert groups["Tom"].canonical != groups["Sir Thomas"].canonical


def test_a_pet_form_without_its_own_full_name_joins_its_given_name() -> None:
    groups = grouped({"Lizzy": 10, "Elizabeth": 40, "Elizabeth Lark": 5})
    assert groups["Lizzy"].canonical == "Elizabeth Lark"


def test_a_pet_form_of_two_full_names_joins_neither_by_its_own_word() -> None:
    groups = grouped({"Tom": 8, "Tom Lark": 3, "Tom Dace": 3})
    assert groups["Tom"].canonical == "Tom"


def test_miss_and_surname_is_not_the_sister_called_miss_and_given_name() -> None:
    """A "Miss Nora" is a younger sister: "Miss Lark" is someone else."""
    she = {"Nora Lark": Gender.FEMALE}
    groups = grouped({"Nora Lark": 5, "Miss Nora": 4, "Nora": 30, "Miss Lark": 12}, she)
    assert groups["Miss Lark"].canonical != groups["Nora"].canonical
    assert groups["Miss Nora"].canonical == groups["Nora"].canonical == "Nora Lark"


def test_miss_and_surname_joins_the_only_sister_otherwise() -> None:
    groups = grouped({"Nora Lark": 5, "Nora": 30, "Miss Lark": 12}, {"Nora Lark": Gender.FEMALE})
    assert groups["Miss Lark"].canonical == groups["Nora"].canonical == "Nora Lark"


def test_mr_and_surname_is_not_the_son_called_by_his_given_name() -> None:
    """ "Mr. Lark" the father is not "Ivo Lark", whom the text calls "Ivo"."""
    he = {"Ivo Lark": Gender.MALE}
    groups = grouped({"Ivo Lark": 6, "Ivo": 90, "Mr. Lark": 60}, he)
    assert groups["Mr. Lark"].canonical == "Mr. Lark"
    assert groups["Ivo"].canonical == "Ivo Lark"


def test_mr_and_surname_joins_a_man_the_text_calls_so() -> None:
    he = {"Ivo Lark": Gender.MALE}
    groups = grouped({"Ivo Lark": 6, "Ivo": 5, "Mr. Lark": 60}, he)
    assert groups["Mr. Lark"].canonical == groups["Ivo"].canonical == "Ivo Lark"
