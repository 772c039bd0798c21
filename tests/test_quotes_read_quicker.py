"""Quicker ways of reading each quotation (its attribution, its kind, what
the speaker rules hear) against the plain ways they replace: the same
results, found with fewer steps."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from aleppo_cli.analysis.quotes import attribution, kind, stretches
from aleppo_cli.analysis.quotes.model import Stretch
from aleppo_cli.analysis.quotes.people import NAME
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document, build
from tests.conftest import REVIEW, read_book, shared_path


def _found(match: re.Match[str] | None) -> tuple[object, ...] | None:
    """What a caller reads of a match."""
    if match is None:
        return None
    return (match.re.pattern, match.span(), match.groupdict(), match.string)


def _flat(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")"


_WORDS = st.lists(
    st.text(alphabet="abs", min_size=1, max_size=4), min_size=1, max_size=8, unique=True
)


@given(_WORDS, st.text(alphabet="abs x", max_size=16), st.sampled_from(["", r"\b", "s?x", "a*b"]))
def test_words_by_first_letter_match_as_the_flat_alternation(
    words: list[str], text: str, after: str
) -> None:
    grouped = re.compile(attribution._by_first_letter(words) + after)
    flat = re.compile(_flat(words) + after)
    for start in range(len(text) + 1):
        one, other = grouped.match(text, start), flat.match(text, start)
        assert (one and one.span()) == (other and other.span())


_VERB_FLAT = _flat(sorted(set(attribution._VERBS), key=lambda verb: (-len(verb), verb)))
_SAYING = st.lists(
    st.sampled_from(
        [
            *("said", "says", "saying", "sa", "replied", "repl", "cried", "cries", "put in"),
            *("asked", "ask", "answered", "answers", "began", "begins", "broke", "burst"),
            *(" ", "\n", ",", "s", "ing", "Nora", "Mr.", "he", "the", "“", "”", "."),
        ]
    ),
    max_size=16,
).map("".join)


@given(_SAYING)
def test_the_verbs_match_as_the_flat_alternation(text: str) -> None:
    grouped = re.compile(attribution._VERB + r"\b")
    flat = re.compile(_VERB_FLAT + r"\b")
    for start in range(len(text) + 1):
        one, other = grouped.match(text, start), flat.match(text, start)
        assert (one and one.span()) == (other and other.span())


_NAMED = st.lists(
    st.sampled_from(
        [
            *("Mr.", "Mrs", "Nora", "Lark", "Ivo", "de", "van", "J.", "Anna’s", "Lloyd-George"),
            *("NATO", "the", "said", " ", "\n", "“", "”", ",", ".", "-", "é", "1", "ivo", "İ"),
        ]
    ),
    max_size=16,
).map("".join)


@given(_NAMED)
def test_a_name_after_its_look_ahead_is_the_name(text: str) -> None:
    quick, plain = re.compile(attribution._NAME), re.compile(NAME)
    for start in range(len(text) + 1):
        one, other = quick.match(text, start), plain.match(text, start)
        assert (one and one.span()) == (other and other.span())


_PLAIN_BEFORE = re.compile(attribution._BEFORE.pattern.removeprefix("(?=[A-Zhst])"))
_NARRATED = st.lists(
    st.sampled_from(
        [
            *("Nora", "Mr. Lark", "he", "she", "He", "She", "his wife", "the Colonel", "the"),
            *("said", "replied", "quietly", "put in", "turned", "and", "at last", "to her"),
            *(" ", " ", ",", ":", ".", "\n", "“", "whispered", "Then", "they"),
        ]
    ),
    max_size=14,
).map(" ".join)


@given(_NARRATED)
def test_said_before_with_its_look_ahead_is_the_plain_pattern(sentence: str) -> None:
    assert attribution._BEFORE.pattern != _PLAIN_BEFORE.pattern
    for start in range(len(sentence) + 1):
        quick, plain = (
            attribution._BEFORE.search(sentence, start),
            _PLAIN_BEFORE.search(sentence, start),
        )
        assert (quick and (quick.span(), quick.groupdict())) == (
            plain and (plain.span(), plain.groupdict())
        )


# --- the attribution's candidates: each finder asked only when those before found none


def _candidates_as_before(text: str, stretch: Stretch) -> Iterator[re.Match[str]]:
    """``attribution._candidates`` as it was: every finder asked, each
    reading the narration before the quote for itself."""
    after = (
        attribution._after(text, stretch.spans[0].end, stretch)
        or attribution._in_first_gap(stretch)
        or (attribution._after(text, stretch.end, stretch) if len(stretch.spans) > 1 else None)
    )
    if after is not None:
        yield after
    for end in attribution._ends(stretch):
        rest = text[end : min(stretch.paragraph.clean_end, end + attribution.LOOK_AFTER)]
        was = (
            attribution._WAS_REPLY.match(rest.lstrip(quotemarks.CLOSING))
            if " was " in rest
            else None
        )
        if was is not None and was.group("who").endswith(attribution._POSSESSIVE):
            yield was

    def narration() -> str:
        start = max(stretch.paragraph.clean_start, stretch.start - 1 - attribution.NARRATION_READ)
        return text[start : max(start, stretch.start - 1)]

    def sentence() -> str:
        read = narration()
        cut = max(map(read.rfind, attribution._NARRATION_ENDS))
        return read[cut + 1 :] if cut >= 0 else read

    news_before = attribution._news_before_in(narration().rstrip(" " + quotemarks.OPENING))
    subject = attribution._subject_before(news_before)
    if subject is not None:
        yield subject
    for found in (
        attribution._before_in(narration()),
        attribution._ending_paragraph_before(text, stretch),
        attribution._news_after(text, stretch),
        news_before,
        attribution._sentence_end(text, stretch),
        attribution._sentence_subject_in(text, stretch, sentence()),
        attribution.said_by_it(text, stretch),
    ):
        if found is not None:
            yield found


def _attribute_as_before(text: str, stretch: Stretch, cast: object) -> object:
    for match in _candidates_as_before(text, stretch):
        said = attribution._read(match, cast, stretch.start, text)  # type: ignore[arg-type]
        if said is not None and not (
            said == attribution._NOBODY and match.re in attribution._OPENERS
        ):
            return said
    return None


def _same_attributions(document: Document) -> int:
    from aleppo_cli.analysis.quotes import people
    from aleppo_cli.analysis.quotes.model import Span

    text = document.clean.text
    found = stretches.find(document)
    cast = people.index(document, [Span(stretch.start, stretch.end) for stretch in found])
    for stretch in found:
        quick = [_found(match) for match in attribution._candidates(text, stretch)]
        assert quick == [_found(match) for match in _candidates_as_before(text, stretch)]
        assert attribution.attribute(text, stretch, cast) == _attribute_as_before(
            text, stretch, cast
        )
    return len(found)


_FICTION = """\
“Yes,” said Nora, turning to her sister. “I will.”

Mr. Lark said: “We leave at dawn.”

After a silence she observed,

“It is late.”

Dana Lowe, head of Acme, said: “The results were respectable.”

“No,” he replied. The band began. “Go.”

There was an “absolute crisis” in recruitment, the committee added.

It said the play could go ahead if “nothing changes”.

Ivo, who had been talking to James, turned to her and whispered, “Come.”

“Well,” was Fanny’s humble answer.
"""


def test_the_candidates_of_a_story_are_found_as_before() -> None:
    assert _same_attributions(build(_FICTION)) >= 10


def test_the_candidates_of_the_review_are_found_as_before() -> None:
    assert _same_attributions(build(REVIEW.read_text(encoding="utf-8"))) > 10


@pytest.mark.slow
def test_the_candidates_of_a_novel_are_found_as_before() -> None:
    assert _same_attributions(build(read_book("pride_and_prejudice.txt"))) > 1000


_REPORTED = st.lists(
    st.sampled_from(
        [
            *("Dana Lowe", "Mr Lark", "Acme", "the minister", "a spokesman", "The Tories"),
            *("said", "says", "told", "added", "according to", "so says", "also", "saying"),
            *("reporters", "the", "had", "that", "quietly", ",", ".", "“", "”", "(", "\n", "x"),
        ]
    ),
    max_size=12,
).map(" ".join)


@given(_REPORTED)
def test_the_quick_test_before_news_patterns_misses_no_match(sentence: str) -> None:
    sentence = sentence[-attribution.NEWS_REACH :].rstrip(" ,:—–") + " "
    for start in range(len(sentence) + 1):
        if attribution._NEWS_BEFORE.search(sentence, start) is not None:
            assert attribution._may_be_news_before(sentence)


def test_the_quick_test_before_news_patterns_lets_their_forms_through() -> None:
    for sentence in ("Dana Lowe, head of Acme, said ", "according to Mr Lark ", "so says Acme "):
        assert attribution._NEWS_BEFORE.search(sentence) is not None
        assert attribution._may_be_news_before(sentence)
    # no verb of saying after the last stop: nothing for the pattern
    assert not attribution._may_be_news_before("Dana Lowe said. He sat down ")
    assert attribution._NEWS_BEFORE.search("Dana Lowe said. He sat down ") is None


@given(
    st.lists(
        st.sampled_from(["began", "went on", "went", " on", "continued", "resumed", "proceed"])
        | st.text(alphabet="abegnortu \n", max_size=4),
        max_size=8,
    ).map("".join)
)
def test_the_words_that_take_up_the_talk_as_before(tail: str) -> None:
    assert attribution._takes_up(tail) == any(verb in tail for verb in attribution._TAKES_UP)


@given(st.text(alphabet=" \t\n\r\x0b\u2003\u00a0", max_size=12))
def test_no_word_before_a_quote_is_no_cue_as_before(before: str) -> None:
    # what each test of ``unspoken_cue`` reads of white space alone: no word,
    # no full stop, none of the cues' letters
    assert kind._last_word(before) == ""
    assert not before.rstrip().endswith(".")
    assert not kind._has_cue(before.lower())
    assert not kind.unspoken_cue(before)


@given(
    st.text(alphabet=".!? \n”“ab", max_size=40),
    st.sampled_from(
        [
            attribution._NARRATION_ENDS,
            attribution._NEWS_SENTENCE_ENDS,
            attribution._TAIL_STOPS,
            attribution._LAST_SENTENCE_ENDS,
        ]
    ),
    st.none() | st.integers(0, 45),
)
def test_the_last_of_the_marks_as_the_greatest_rfind(
    text: str, marks: tuple[str, ...], end: int | None
) -> None:
    expected = max(text.rfind(mark, 0, len(text) if end is None else end) for mark in marks)
    assert attribution._last_of(text, marks, end) == expected


@given(
    st.lists(
        st.sampled_from(
            [
                *("added", "adds", "adding", "add", "continued", "continues", "continue"),
                *("resumed", "went on", "went", "on", " ", "\n", "Nora", "said", "x", "_", "é"),
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_goes_on_as_the_pattern(attribution_text: str) -> None:
    expected = attribution._GOES_ON.search(attribution_text) is not None
    assert attribution._goes_on(attribution_text) == expected


@given(
    st.sampled_from(["said", "SAID", "cried", "sobbed", "snapped", "him", "her", "inquire"])
    | st.text(alphabet="aeiodnrsy", max_size=8)
)
def test_speaking_words_as_the_pattern(word: str) -> None:
    expected = kind._SPEAK_WORD.fullmatch(word) is not None
    assert kind._speaks(word) == expected
    assert kind._speaks(word) == expected  # remembered


# --- the narration before a quote: its last sentence cut only when a pattern may match

_BEFORE_QUOTE = st.lists(
    st.sampled_from(
        [
            *("said", "asked", "replied", "began", "answered", "whispered", "by", "who"),
            *("Nora", "Mr.", "Mrs.", "M.", "Lark", "he", "she", "the", "and", "x", "sayly"),
            *(" ", "  ", "\n", ",", ":", ". ", "! ", "? ", ".\n", "”", "“", '"', "—"),
        ]
    ),
    max_size=24,
).map("".join)


def _attribution_before_as_before(narration: str) -> re.Match[str] | None:
    """``attribution._attribution_before`` as it was: the sentence cut first."""
    narration = narration.rstrip(" " + quotemarks.OPENING)
    cut = attribution._last_sentence_end(narration)
    sentence = narration[cut + 1 :] if cut >= 0 else narration
    by = attribution._BY_SAID.search(sentence) if " by " in sentence[-80:] else None
    if not attribution._verb_in_tail(sentence):
        return by
    return (
        attribution._before_said(sentence)
        or by
        or (attribution._WHO_SAID.search(sentence) if ", who" in sentence else None)
        or attribution._did_and_said(sentence)
        or attribution._opener_said(sentence)
    )


@given(_BEFORE_QUOTE)
def test_a_verb_in_the_tail_of_the_narration_as_in_its_last_sentence(narration: str) -> None:
    cut = attribution._last_sentence_end(narration)
    sentence = narration[cut + 1 :] if cut >= 0 else narration
    assert attribution._verb_in_tail(narration) == attribution._verb_in_tail(sentence)


@given(_BEFORE_QUOTE)
def test_attribution_before_the_quote_as_before(narration: str) -> None:
    expected = _found(_attribution_before_as_before(narration))
    assert _found(attribution._attribution_before(narration)) == expected


def test_attribution_before_the_quote_of_long_narrations() -> None:
    # past the tail's reach, and a name after "by" with no verb of saying near the end
    long = "Nora walked in. " + "x " * 80
    for narration in (
        long + "and Mr. Lark said,",
        long + "when thus accosted by Miss Lark,",
        "He was accosted by Miss Lark, and " + "x " * 60,
        "Mrs. Lark, who had been waiting, said:",
        "",
    ):
        expected = _found(_attribution_before_as_before(narration))
        assert _found(attribution._attribution_before(narration)) == expected
    assert attribution._attribution_before(long + "when thus accosted by Miss Lark,") is not None


# --- the kind: tests of the words before a quote, each only where its words are

_CUED = st.lists(
    st.sampled_from(
        [
            *("fancy", "imagined", "pictured", "as if", "as though", "had", "said", "just"),
            *("sang", "singing", "sung", "chanted", "intoned", "words of a", "song", "hymn"),
            *("the letter", "his note", "the writer", "telegram", "began", "went on", "read"),
            *("aloud", "out", "it", "low", ",", ":", ".", " ", "\n", "SANG", "İ", "ı", "ſ"),
            *("ſang", "Read", "x"),
        ]
    ),
    max_size=14,
).map(" ".join)


@given(_CUED)
def test_imagined_sung_or_written_as_the_four_patterns(before: str) -> None:
    lowered = before.lower()
    expected = bool(
        kind._IMAGINED_BEFORE.search(before)
        or kind._SUNG_BEFORE.search(before)
        or kind._WRITTEN_BY_LETTER.search(before)
        or kind._READ_OUT.search(before)
    )
    assert kind._imagined_sung_or_written(before, lowered) == expected


def test_imagined_sung_or_written_of_their_forms() -> None:
    for before in (
        "he could fancy Reggie saying,",
        "she was singing:",
        "the words of a song:",
        "the letter went on,",
        "his wife read aloud:",
        "she ſang:",
    ):
        assert kind._imagined_sung_or_written(before, before.lower())
    assert not kind._imagined_sung_or_written("he said:", "he said:")


@given(st.text(alphabet="Ab .,!?:“”\"'’-é", max_size=12), st.text(max_size=12), st.integers(1, 3))
def test_no_word_before_a_quote_names_nothing_and_says_nothing(
    inner: str, after: str, parts: int
) -> None:
    # what ``of`` skips when nothing stands before the quote in its paragraph
    words = inner.rstrip(".,;:!?…").split(None, kind._WORDS_COUNTED)
    assert kind._named("", after, inner, inner[:1].isupper()) is None
    assert kind._last_word("") == ""
    assert not kind._speaks("")
    assert not kind._embedded("", inner, words, parts)
    assert not kind._named_term("", inner, words, parts)


_AND_SAID = st.lists(
    st.sampled_from(
        [
            *("Nora", "Mr.", "he", "the Lark", "stopped", "and", "then", "said", "replied"),
            *("quietly", "at last", "x", ",", ";", ".", "!", "“", "”", " ", "\n", "sand"),
        ]
    ),
    max_size=16,
).map(" ".join)


@given(_AND_SAID)
def test_did_and_said_as_the_plain_search(sentence: str) -> None:
    plain = attribution._DID_AND_SAID.search(sentence)
    while plain is not None:
        later = attribution._DID_AND_SAID.search(
            sentence, plain.end("who" if plain.group("who") else "desc")
        )
        if later is None:
            break
        plain = later
    assert _found(attribution._did_and_said(sentence)) == _found(plain)


_GOLDEN = Path(__file__).parent / "data" / "read_golden.json"


def _read_digest(path: Path) -> str:
    """A digest of ``quotations._read`` of a text as a user's file (one process)."""
    import hashlib
    import io

    from aleppo_cli.analysis.quotes import halves, quotations
    from aleppo_cli.text import prebuilt, sources
    from aleppo_cli.text.collector import collector_paused

    document = prebuilt.document_for(sources.load(str(path), io.BytesIO(), None))
    enabled, halves.ENABLED = halves.ENABLED, False
    try:
        with collector_paused():
            found, cast, _ = quotations._stages(document, None)
            read = quotations._read(document.clean.text, found, cast)
    finally:
        halves.ENABLED = enabled
    canonical = repr(
        [
            (said, kind_of, None if ears is None else (ears[0], sorted(ears[1]), *ears[2:]))
            for said, kind_of, ears in read
        ]
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(json.loads(_GOLDEN.read_text("utf-8"))))
def test_what_is_read_of_each_quote_equals_its_golden_data(name: str) -> None:
    """The attributions, kinds and what the speaker rules hear of every quote
    of the 3 books and 13 PDNC novels, as before the speed work of
    2026-11-26's eighth round (digests made by the code of main at 2232778,
    then with the gendered description of each speech quotation's
    attribution, which ``_read`` dropped until 3db6947)."""
    path = shared_path("corpus", *name.split("/"))
    assert _read_digest(path) == json.loads(_GOLDEN.read_text("utf-8"))[name]


_AFTER_NAME = st.lists(
    st.sampled_from(
        [
            *("and", "&", "Acme’s", "Co", "Young's", "chief", "analyst", "Dana", "Lowe"),
            *("executive", "producer", "Mr.", "sand", "andrew", " ", "  ", "\n", "\t", ","),
        ]
    ),
    max_size=12,
).map(" ".join)


@given(_AFTER_NAME, st.integers(0, 3))
def test_the_forms_joined_by_and_need_it_ahead(rest: str, start: int) -> None:
    start = min(start, len(rest))
    ahead = attribution._AND_AHEAD.match(rest, start) is not None
    owned = attribution._OWNED_NAME.match(rest, start)
    if owned is not None and owned.group("and"):
        assert ahead
    if attribution._SHOW_THEN_NAME.match(rest, start) is not None:
        assert ahead


def test_the_forms_joined_by_and_of_their_examples() -> None:
    for said in (
        "said Ernst and Young's Dana Lowe",
        "said Acme and Co executive producer Dana Lowe",
    ):
        end = len("said Ernst") if "Ernst" in said else len("said Acme")
        assert attribution._AND_AHEAD.match(said, end) is not None
    assert attribution._AND_AHEAD.match("said Nora quietly", len("said Nora")) is None


@given(st.text(alphabet="sangichtowrlebm \n", max_size=30))
def test_song_or_letter_as_the_pattern(head: str) -> None:
    pattern = re.compile("|".join(kind._SONG_OR_LETTER))
    assert kind._song_or_letter(head) == (pattern.search(head) is not None)


def test_naming_words_tested_in_turn_are_the_list() -> None:
    for word in kind._NAMING_WORDS:
        assert kind._may_name(f"she {word.upper()} it")
    assert not kind._may_name("she said")


@given(_SAYING, st.integers(0, 40))
def test_a_verb_run_as_the_runs_in_the_set(text: str, start: int) -> None:
    expected = not attribution._VERB_WORDS.isdisjoint(attribution._LOWER_RUN.findall(text, start))
    assert attribution._has_verb_run(text, start) == expected


def test_every_verb_word_is_letters_only() -> None:
    for word in attribution._VERB_WORDS:
        assert re.fullmatch("[a-z]+", word)
        assert attribution._has_verb_run(f"x {word}, y")
        assert not attribution._has_verb_run(f"x {word}s{word}")


_CUE_WORDS = st.sampled_from(
    [
        *("She", "smiled", "as", "if", "though", "she", "had", "said", "just", "answered"),
        *("fancied", "him", "saying", "sang", "\u017fang", "the", "words", "of", "a", "song"),
        *("wrote", "letter", "read", "out", "AS", "IF", "\u0131f", "\u0130F", "I", ",", ":"),
    ]
)
_SPACES = st.sampled_from([" ", "\n", "\t", "\u00a0", "\u2003", " \n "])
# words of the patterns, each followed by some white space
_BEFORE_A_QUOTE = st.lists(st.tuples(_CUE_WORDS, _SPACES), max_size=10).map(
    lambda pairs: "".join(word + space for word, space in pairs)
)


@given(_BEFORE_A_QUOTE)
@example("She smiled as\nif she had said, ")
@example("as\u00a0if she had said, ")
@example("She \u017fang, ")
@example("as \u0131f she had said, ")
@example("AS \u0130F SHE HAD SAID, ")
def test_the_quick_cue_test_keeps_every_quote_the_patterns_find(before: str) -> None:
    """``_has_cue`` lets through every quote ``_imagined_sung_or_written``
    finds, whatever white space or case folding joins its words ("as\\nif",
    a long s)."""
    lowered = before.lower()
    if kind._imagined_sung_or_written(before, lowered):
        assert kind._has_cue(lowered)


def test_as_if_broken_across_lines_is_imagined_as_on_one_line() -> None:
    assert kind.unspoken_cue("She smiled as if she had said, ")
    assert kind.unspoken_cue("She smiled as\nif she had said, ")


_NAMING = st.lists(
    st.tuples(
        st.sampled_from(
            [
                *("what", "everyone", "calls", "call", "called", "people", "the", "a"),
                *("words", "word", "term", "termed", "phrase", "label", "so-called"),
                *("nicknamed", "dubbed", "known", "as", "a.k.a.", "aka", "entitled"),
                *("titled", "named", "it", "ſo-called", "KNOWN", "İt", "was", "one"),
            ]
        ),
        st.sampled_from([" ", "\n", "\u00a0", "  "]),
    ),
    max_size=8,
).map(lambda pairs: "".join(word + space for word, space in pairs))


@given(_NAMING)
@example("They went to what everyone calls ")
@example("what people call ")
def test_the_quick_naming_test_keeps_every_quote_the_patterns_find(before: str) -> None:
    """``_may_name`` lets through every quote one of ``_named``'s patterns
    finds."""
    patterns = (
        kind._CALLED_BY_NOBODY,
        kind._THE_WORDS,
        kind._NICKNAMED,
        kind._TITLED,
        kind._SCARE_NAMED,
        kind._CALLED,
    )
    if any(pattern.search(before) for pattern in patterns):
        assert kind._may_name(before)


_AFTER_A_QUOTE = st.lists(
    st.tuples(
        st.sampled_from(
            [
                *(",", "extraordinarily-accomplished", "magnificently-trained", "choristers"),
                *("sang", "sings", "chanted", "intoned", "the", "writer", "letter", "ran"),
                *("note", "telegram", "said", "and", "she", "wrote", "read"),
            ]
        ),
        st.sampled_from([" ", "\n", "  "]),
    ),
    max_size=8,
).map(lambda pairs: " " + "".join(word + space for word, space in pairs))


@given(_AFTER_A_QUOTE)
@example(" extraordinarily-accomplished magnificently-trained choristers sang.")
def test_the_quick_song_or_letter_test_keeps_every_quote_the_patterns_find(after: str) -> None:
    """``_song_or_letter`` lets through every quote the patterns of sung or
    written words after it find, however long their words."""
    if kind._SUNG_AFTER.match(after) or kind._WRITTEN_AFTER.match(after):
        assert kind._song_or_letter(after.lower())


def test_words_sung_by_long_named_singers_are_not_speech() -> None:
    raw = (
        "\u201cGlory, glory, hallelujah,\u201d extraordinarily-accomplished "
        "magnificently-trained choristers sang.\n"
    )
    document = build(raw)
    (stretch,) = stretches.find(document)
    assert kind.of(document.clean.text, stretch, False) == "other"


@pytest.mark.parametrize(
    "after", [" eyes implored him.", " could fancy Reggie saying."], ids=["look", "imagined"]
)
def test_a_look_or_an_imagining_right_after_the_quote_is_no_speech(after: str) -> None:
    """The quick word test before the patterns of a look's or an imagined
    saying after a quote reads their first word too (they take 0 to 3 words
    before their noun or modal)."""
    document = build(f"\u201cWhy not?\u201d{after}\n")
    (stretch,) = stretches.find(document)
    assert kind._unspoken(document.clean.text, stretch)
