"""The quotation stages' quick paths, and the quick path of printing them,
against the plain definitions they replace (speed work: the same results,
found with fewer steps)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import attribution, kind, people
from aleppo_cli.analysis.quotes.model import Part, Quotation
from aleppo_cli.output import plain
from aleppo_cli.output.safe import visible
from aleppo_cli.output.shared import quoted, quotes_count

# what people._family_words finds without a pattern
_FAMILY = re.compile(r"\b(his|her|His|Her)\s+(father|mother|wife|husband)\b")

_PIECES = st.sampled_from(
    [
        "his",
        "her",
        "His",
        "Her",
        "hIs",
        "father",
        "mother",
        "wife",
        "husband",
        "wifely",
        "mid",
        " ",
        "  ",
        "\n",
        "\t",
        "\u2003",
        "_",
        "-",
        "é",
        "x",
        "1",
        ".",
        ",",
        "”",
        "’s",
    ]
)


def _family_by_pattern(text: str) -> list[tuple[int, str, str]]:
    return [(m.start(), m.group(1), m.group(2)) for m in _FAMILY.finditer(text)]


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_family_words_are_the_patterns_matches(text: str) -> None:
    assert people._family_words(text) == _family_by_pattern(text)


def test_family_words_of_a_sentence() -> None:
    text = "Her father and his  wife met his\nmother; the midwife, her husbands."
    assert people._family_words(text) == [
        (0, "Her", "father"),
        (15, "his", "wife"),
        (29, "his", "mother"),
    ]
    assert people._family_words(text) == _family_by_pattern(text)


_BEFORE_PIECES = st.sampled_from(
    ["nicknamed", "NickNamed", "dubbed", "known", "KNOWN", "as", "a.k.a.", "AKA", "titled",
     "Entitled", "so-called", "the", "a", "term", "Word", "phrase", "label", "called",
     "named", "out", "Nora", " ", "  ", "\n", ",", "ı", "İ", "ſ", "K", "s", "x"]
)  # fmt: skip


@given(st.lists(_BEFORE_PIECES, max_size=12).map("".join))
def test_no_naming_word_no_naming_pattern(before: str) -> None:
    patterns = (kind._NICKNAMED, kind._TITLED, kind._SCARE_NAMED, kind._CALLED)
    if not kind._may_name(before):
        assert not any(pattern.search(before) for pattern in patterns)


def test_naming_words_are_seen() -> None:
    for before in ("her friend, nicknamed ", "the so-called ", "known as", "A.K.A. ", "called"):
        assert kind._may_name(before)
    assert not kind._may_name("she said to him, ")


_NARRATION_PIECES = st.sampled_from(
    ["Nora", "Mr.", "Lark", "he", "she", "said", "says", "asked", "and", "then", "quietly",
     "turned", "to", "her", ",", ", who", ".", "!", "?", "“", "”", '"', " ", "  ", "\n",
     "x" * 40, "resaid", "Said", "her friend", "the man"]
)  # fmt: skip


@given(st.lists(_NARRATION_PIECES, max_size=25).map("".join))
def test_no_verb_in_the_tail_no_attribution_before(sentence: str) -> None:
    patterns = (attribution._BEFORE, attribution._WHO_SAID, attribution._DID_AND_SAID)
    if not attribution._verb_in_tail(sentence):
        assert not any(pattern.search(sentence) for pattern in patterns)


def test_verb_in_the_tail() -> None:
    assert attribution._verb_in_tail("Then Nora quietly said")
    assert attribution._verb_in_tail("he turned to her, and said,\n")
    assert not attribution._verb_in_tail("He said so. Then Nora turned")
    assert not attribution._verb_in_tail("Nora said that " + "x " * 60)


@given(st.lists(st.sampled_from(["a", ".", " ", ". ", "\n", ".\n", "x"]), max_size=12).map("".join))
def test_first_break_is_the_first_stop_or_line_break(rest: str) -> None:
    breaks = [i for i in (rest.find(". "), rest.find("\n")) if i >= 0]
    assert attribution._first_break(rest) == min(breaks, default=len(rest))


def test_the_verbs_are_runs_of_lower_case_letters() -> None:
    # what the quick tests of attribution read them as
    assert all(re.fullmatch(r"[a-z]+", verb) for verb in attribution._VERBS)


_AFTER_PIECES = st.sampled_from(
    ["said", "says", "so", "according", "to", "Nora", "Mr", "Lark", "the", "chairman", "of",
     "Acme", "a", "spokesman", ",", ".", " ", "  ", "\n", "—", "–", "-", "”", "he", "added",
     "quietly", "resaid", "his", "wife", ":"]
)  # fmt: skip


@given(st.lists(_AFTER_PIECES, max_size=15).map("".join))
def test_no_news_attribution_after_without_its_words(after: str) -> None:
    if not attribution._may_be_news_after(after):
        assert attribution._NEWS_AFTER.match(after) is None


# --- printing: ``quotes_plain`` with no width ------------------------------------------

_RAW_PIECES = st.sampled_from(
    ["Nora", " ", "\u00a0", "\x1b", "\x1c", "\x85", "\t", "\n", "“", "”", "a", "\x7f", "é"]
)  # fmt: skip


def _quotes_plain_by_parts(raw: str, found: list[Quotation], show_kind: bool) -> str:
    """What ``quotes_plain`` printed with no width before its quick path."""
    lines: list[str] = []
    for quotation in found:
        kind = f"{quotation.kind}: " if show_kind else ""
        speaker = quotation.speaker or ("(speaker unknown)" if quotation.kind == "speech" else "")
        who = plain.glued(f" — {visible(speaker)}") if speaker else ""
        body = f"{kind}{visible(quoted(quotation, raw))}{who}"
        lines.extend(plain._hanging(f"[{quotation.sentence}] ", body, None))
    lines.append("")
    lines.append(quotes_count(len(found), 0))
    return "\n".join(lines) + "\n"


@given(
    st.lists(_RAW_PIECES, min_size=1, max_size=20).map("".join),
    st.sampled_from([None, "Nora", "Nora\x1c", "N\u00a0L", "\x85"]),
    st.sampled_from(["speech", "title"]),
    st.booleans(),
)
def test_unwrapped_quotes_are_printed_as_by_their_parts(
    words: str, speaker: str | None, kind_: str, show_kind: bool
) -> None:
    raw = f"“{words}”"
    part = Part(1, 1 + len(words), 1, 1 + len(words), words)
    found = [Quotation(kind_, speaker, (part,), 1, 3), Quotation(kind_, None, (part, part), 2, 4)]
    assert plain.quotes_plain(raw, found, 0, None, show_kind) == _quotes_plain_by_parts(
        raw, found, show_kind
    )
