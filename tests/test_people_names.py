"""Two guards of the people index against names glued to their neighbours."""

from __future__ import annotations

from aleppo_cli.analysis.quotes import people


def test_a_sentence_run_into_a_name_is_cut_off() -> None:
    """ "… said Sónya. Both …" must not make a person "Sónya Both"."""
    assert people.clean("Sónya Both", frozenset({"both", "said"})) == "Sónya"
    assert people.clean("Nora Lark", frozenset({"both", "said"})) == "Nora Lark"
    assert people.clean("Mr. Both", frozenset({"both"})) == "Mr. Both"  # a title keeps it


def test_a_place_before_a_name_is_left_out() -> None:
    places = frozenset({"Petersburg"})
    named = frozenset({"Natásha", "Petersburg Natásha"})
    assert people._without_place("Petersburg Natásha", places, named) == "Natásha"
    # only when the rest is a name the text uses on its own
    assert people._without_place("Petersburg Ivo", places, named) == "Petersburg Ivo"
    assert people._without_place("Natásha", places, named) == "Natásha"
