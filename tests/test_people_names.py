"""Two guards of the people index against names glued to their neighbours."""

from __future__ import annotations

import re

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


# titles, particles, initials, hyphens, possessives, honorifics alone, lower
# case and non-ASCII capitals, names cut by a blank line or by the range's end
_NAMES_TEXT = (
    "Mr. Lark met Mrs. van der Lark, M. Pierre and Mme Bezúkhov; Mlle. Bourienne "
    "and Mr Darcy. Miss Jane C. Doe, Lady Catherine de Bourgh and Sir Walter's dog. "
    "Colonel. Captain Lloyd-George, Prince Andrew, Princess Mary, Countess Rostova, "
    "Count, General Kutuzov, Madame Scherer, Mademoiselle. The Uncle Tom, Aunt Polly, "
    "Father Brown, Mother. Dr. Watson, Dr Who, Professor X, MacAdam, BA, Moscow-based "
    "Natásha Rostova. Élodie, Ó Néill, Mrs. Mr. Lark, Madame\n\nBlanc, Ann\n\nLee, "
    "Jo-Ann la Fontaine du Lac da Ponte. Mme. Mr's Lark, Nr. Ode, Ir Ode, "
    "Ivo van Ivo Ivo Ivo Ivo Ivo"
)


def test_the_whole_texts_name_pattern_finds_what_name_finds() -> None:
    """``_NAME_RE``, written to open with ``[A-Z]`` (for speed), matches as
    ``(?=[A-Z]){NAME}`` does: from every start, within every end."""
    plain = re.compile(rf"(?=[A-Z]){people.NAME}")
    text = _NAMES_TEXT
    assert [m.span() for m in people._NAME_RE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    found = 0
    for start in range(len(text)):
        for end in (len(text), start + 7, start + 20):
            ours = people._NAME_RE.match(text, start, end)
            theirs = plain.match(text, start, end)
            assert (ours and ours.span()) == (theirs and theirs.span()), (start, end)
            found += theirs is not None
    assert found > 150  # the text holds names enough to test
