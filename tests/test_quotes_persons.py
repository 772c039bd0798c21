"""The grouping of a text's name forms into persons (``persons.group``), on made-up names."""

from __future__ import annotations

from collections.abc import Mapping

from aleppo_cli.analysis.quotes import people, persons
from aleppo_cli.analysis.quotes.model import Gender


def grouped(
    counts: Mapping[str, int],
    pronouns: Mapping[str, Gender] | None = None,
    sisters: frozenset[str] = frozenset(),
) -> dict[str, persons.Group]:
    told = pronouns or {}
    return persons.group(
        counts,
        is_title=people.is_honorific,
        title_gender=people.title_gender,
        pronoun_gender=told.get,
        particles=people.PARTICLES,
        sisters=sisters,
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
    """A "Miss Nora" is a younger sister where the text names sisters ("the
    Miss Larks") or another woman of the family in full: "Miss Lark" is
    someone else."""
    she = {"Nora Lark": Gender.FEMALE, "Ada Lark": Gender.FEMALE}
    counts = {"Nora Lark": 5, "Miss Nora": 4, "Nora": 30, "Miss Lark": 12}
    groups = grouped(counts, she, sisters=frozenset({"Lark"}))
    assert groups["Miss Lark"].canonical != groups["Nora"].canonical
    assert groups["Miss Nora"].canonical == groups["Nora"].canonical == "Nora Lark"
    groups = grouped({**counts, "Ada Lark": 3}, she)
    assert groups["Miss Lark"].canonical not in (groups["Nora"].canonical, "Ada Lark")


def test_miss_and_surname_is_the_one_woman_of_the_family_called_miss_and_given_name() -> None:
    """Without sisters, "Miss Lark" is the one Lark woman, "Miss Nora" too."""
    she = {"Nora Lark": Gender.FEMALE}
    groups = grouped({"Nora Lark": 5, "Miss Nora": 4, "Nora": 30, "Miss Lark": 12}, she)
    assert groups["Miss Lark"].canonical == groups["Nora"].canonical == "Nora Lark"


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


def summed_grouped(
    counts: Mapping[str, int], votes: Mapping[str, Mapping[Gender, int]]
) -> dict[str, persons.Group]:
    """Grouped with the pronoun counts of each form, summed per person as the index does."""

    def majority(forms: object) -> Gender | None:
        total: dict[Gender, int] = {}
        for form in forms:  # type: ignore[attr-defined]
            for gender, count in votes.get(form, {}).items():
                total[gender] = total.get(gender, 0) + count
        return people._pronoun_majority(total)

    return persons.group(
        counts,
        is_title=people.is_honorific,
        title_gender=people.title_gender,
        pronoun_gender=lambda form: people._pronoun_majority(votes.get(form, {})),
        particles=people.PARTICLES,
        summed=majority,
    )


def test_a_persons_gender_is_that_of_the_pronouns_after_all_its_forms() -> None:
    """One "she" after the full name once does not make a woman of the man
    that "he" follows under his given name forty times."""
    votes = {"Ivo Lark": {Gender.FEMALE: 1}, "Ivo": {Gender.MALE: 40, Gender.FEMALE: 5}}
    groups = summed_grouped({"Ivo Lark": 2, "Ivo": 300}, votes)
    assert groups["Ivo"].canonical == "Ivo Lark"
    assert groups["Ivo"].gender is Gender.MALE


def test_a_title_with_or_without_its_full_stop_is_one_person() -> None:
    groups = grouped({"Mr. Lark": 40, "Mr Lark": 3, "Nora Vance": 4})
    assert groups["Mr Lark"].canonical == groups["Mr. Lark"].canonical


def test_miss_and_surname_joins_the_one_woman_of_a_large_family() -> None:
    """The Larks are many (a Mr., a Mrs., a son named in full), but only one
    woman is named in full as a Lark: "Miss Lark" is she."""
    told = {"Nora Lark": Gender.FEMALE, "Ivo Lark": Gender.MALE}
    counts = {"Nora Lark": 5, "Ivo Lark": 6, "Mr. Lark": 20, "Mrs. Lark": 20, "Miss Lark": 9}
    groups = grouped(counts, told)
    assert groups["Miss Lark"].canonical == "Nora Lark"
    told["Ada Lark"] = Gender.FEMALE
    two = grouped({**counts, "Ada Lark": 3}, told)
    assert two["Miss Lark"].canonical == "Miss Lark"  # two sisters: the eldest, unknown


def test_miss_and_surname_is_no_married_woman() -> None:
    groups = grouped({"Mrs. Jack Lark": 4, "Miss Lark": 9})
    assert groups["Miss Lark"].canonical == "Miss Lark"


def test_a_title_and_given_name_joins_the_full_name_with_that_title() -> None:
    groups = grouped({"Sir Ivo Lark": 3, "Ivo Vance": 4, "Sir Ivo": 30})
    assert groups["Sir Ivo"].canonical == "Sir Ivo Lark"


def test_a_word_is_a_given_name_by_the_forms_it_starts_not_the_persons_others() -> None:
    """ "Fitzwilliam" starts a full name written twice and ends "Colonel
    Fitzwilliam", written forty times: it is the colonel, however often the
    first man is called by his surname."""
    counts = {"Mr. Fitzwilliam Dace": 2, "Dace": 200, "Colonel Fitzwilliam": 40, "Fitzwilliam": 9}
    groups = grouped(counts)
    assert groups["Fitzwilliam"].canonical == "Colonel Fitzwilliam"


def test_a_surname_alone_is_the_man_named_far_more_often() -> None:
    told = {"Ivo Lark": Gender.MALE}
    groups = grouped({"Ivo Lark": 200, "Ivo": 250, "Mr. Lark": 4, "Lark": 300}, told)
    assert groups["Mr. Lark"].canonical == "Mr. Lark"  # the father, seldom named
    assert groups["Lark"].canonical == "Ivo Lark"


def test_a_married_woman_named_in_full_leaves_the_miss_to_her_unmarried_relative() -> None:
    """A "Mrs. Jack Lark" is no Miss: the one unmarried woman named in full
    as a Lark is "Miss Lark", however many Larks there are."""
    told = {"Nora Lark": Gender.FEMALE, "Ivo Lark": Gender.MALE}
    counts = {
        "Nora Lark": 5,
        "Ivo Lark": 6,
        "Mrs. Jack Lark": 1,
        "Mr. Lark": 20,
        "Mrs. Lark": 20,
        "Miss Lark": 9,
    }
    groups = grouped(counts, told)
    assert groups["Miss Lark"].canonical == "Nora Lark"
    assert groups["Mrs. Jack Lark"].canonical == "Mrs. Jack Lark"


def test_the_full_names_own_pronouns_give_the_miss_her_woman() -> None:
    """Seen through a man's eyes, "he" follows the bare given name "Nora"
    (which makes the sum over her forms a man's), but "she" follows "Nora
    Lark": "Miss Lark" is still she."""
    votes = {"Nora Lark": {Gender.FEMALE: 6}, "Nora": {Gender.MALE: 60, Gender.FEMALE: 5}}
    counts = {"Nora Lark": 6, "Nora": 150, "Mr. Lark": 20, "Mrs. Lark": 30, "Miss Lark": 5}
    groups = summed_grouped(counts, votes)
    assert groups["Miss Lark"].canonical == "Nora Lark"
    assert groups["Miss Lark"].gender is Gender.FEMALE
    # without the full name's own "she", nothing ties them
    votes["Nora Lark"] = {}
    assert summed_grouped(counts, votes)["Miss Lark"].canonical == "Miss Lark"


def test_a_title_with_the_given_name_joins_a_person_titled_by_the_surname() -> None:
    """ "Aunt Nora" is the "Nora Lark" the text also calls "Miss Lark": a
    title of the given name does not compete with one of the surname."""
    told = {"Nora Lark": Gender.FEMALE}
    groups = grouped({"Nora Lark": 2, "Miss Lark": 3, "Aunt Nora": 1, "Nora": 30}, told)
    assert groups["Aunt Nora"].canonical == "Nora Lark"
    assert groups["Nora"].canonical == "Nora Lark"
    assert groups["Miss Lark"].canonical == "Nora Lark"
    # but a "Mr. Lark" and a "Mrs. Lark" still never meet
    told = {"Ivo Lark": Gender.MALE}
    two = grouped({"Ivo Lark": 4, "Mr. Lark": 5, "Mrs. Lark": 5}, told)
    assert two["Mr. Lark"].canonical != two["Mrs. Lark"].canonical


def test_titles_of_rank_join_the_one_woman_of_that_family_named_in_full() -> None:
    from aleppo_cli.analysis.quotes import persons
    from aleppo_cli.analysis.quotes.model import Gender
    from aleppo_cli.analysis.quotes.people import is_honorific, title_gender

    def grouped(counts: dict[str, int]) -> dict[str, persons.Group]:
        genders = {"Nora Lark": Gender.FEMALE, "Ivo Lark": Gender.MALE, "Lisa Lark": Gender.FEMALE}
        return persons.group(
            counts,
            is_title=is_honorific,
            title_gender=title_gender,
            pronoun_gender=lambda form: genders.get(form),
        )

    groups = grouped({"Madame Lark": 9, "Countess Lark": 4, "Nora Lark": 3, "Count Larks": 1})
    assert groups["Madame Lark"].canonical == groups["Countess Lark"].canonical == "Nora Lark"
    # a "Mrs. Lark" named too: the Madame may be another
    groups = grouped({"Madame Lark": 9, "Mrs. Lark": 4, "Nora Lark": 3})
    assert groups["Madame Lark"].canonical != "Nora Lark"
    # two women of the family named in full: which one is not told
    groups = grouped({"Madame Lark": 9, "Nora Lark": 3, "Lisa Lark": 2})
    assert groups["Madame Lark"].canonical == "Madame Lark"


def test_a_pet_form_alone_joins_its_name_with_a_given_names_title() -> None:
    """ "Nancy" (a pet form of Anne) is "Miss Nancy" when no full name starts
    with it, whatever "Anne" names."""
    groups = grouped({"Miss Nancy": 8, "Nancy": 60, "Anne Vey": 4}, {"Nancy": Gender.FEMALE})
    assert groups["Nancy"].canonical == "Miss Nancy"
    assert groups["Anne Vey"].canonical == "Anne Vey"


def test_a_surname_of_several_men_is_not_one_given_names_without_his_surname() -> None:
    """ "Lark" alone is not "Ivo Lark" because "Ivo" alone is named far more
    often than the other Larks, when the text writes "Ivo Lark" seldom next to
    "Count Lark" and "Tom Lark" (the family's bare name, not his)."""
    he = dict.fromkeys(("Ivo", "Ivo Lark", "Ned Lark", "Lark"), Gender.MALE)
    counts = {"Ivo Lark": 3, "Ivo": 230, "Count Tom Lark": 20, "Count Lark": 23, "Lark": 600}
    groups = grouped({**counts, "Ned Lark": 19}, he)
    assert groups["Lark"].canonical == "Lark"
    # the text writing his surname with his name often enough ties it to him
    groups = grouped({**counts, "Ivo Lark": 20}, he)
    assert groups["Lark"].canonical == "Ivo Lark"


def test_mr_and_surname_is_the_son_where_the_elder_goes_by_a_rank() -> None:
    """With a "General Lark" in the family, "Mr. Lark" is the son the text
    calls "Ivo" more often, not his father."""
    he = {"Ivo Lark": Gender.MALE}
    counts = {"Ivo Lark": 6, "Mr. Ivo Lark": 2, "Ivo": 90, "Mr. Lark": 60}
    assert grouped(counts, he)["Mr. Lark"].canonical == "Mr. Lark"
    groups = grouped({**counts, "General Lark": 20}, he)
    assert groups["Mr. Lark"].canonical == groups["Ivo"].canonical == "Mr. Ivo Lark"
    assert groups["General Lark"].canonical == "General Lark"
