import json
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.output import plain as render
from aleppo_cli.output import safe, shared
from aleppo_cli.output import styled as pretty
from tests.builders import document_of, source_of
from tests.test_pretty import rich_output


def test_markup_in_text_is_printed_literally() -> None:
    document = document_of(["Use [bold]this[/] and [link=http://x]that[/link]."])
    source = source_of("x", title="[red]x.txt")
    plain = render.show_plain(source, document, 80, numbers=False)
    assert "[bold]this[/] and [link=http://x]that[/link]." in plain
    assert "[red]x.txt" in plain
    styled = rich_output(pretty.show(source, document, 80, numbers=False))
    assert "[bold]this[/]" in styled
    assert "\x1b]8;" not in styled  # no hyperlink was made


def test_control_characters_never_reach_the_terminal() -> None:
    hostile = (
        "Red \x1b[31malert\x1b[0m, bell \x07, clip \x1b]52;c;SGk=\x07, back\x08, cr\r, c1 \x9b."
    )
    document = document_of([hostile])
    plain = render.show_plain(source_of("x"), document, 200, numbers=False)
    assert not any(ch in plain for ch in "\x1b\x07\x08\r\x9b")
    assert "␛[31malert" in plain
    data = safe.dump_json({"text": hostile})
    assert not any(ch in data for ch in "\x1b\x07\x08\r\x9b")
    assert json.loads(data) == {"text": hostile}


def test_plain_show_wraps_at_the_width() -> None:
    document = document_of(["word " * 50])
    plain = render.show_plain(source_of("x"), document, 30, numbers=False)
    assert max(len(line) for line in plain.splitlines()) <= 30


def test_reading_time_in_hours_for_long_texts() -> None:
    assert shared.duration(4) == "4 min"
    assert shared.duration(2363) == "39 h 23 min"


_words = st.lists(
    st.one_of(
        st.sampled_from(["a", "bb", "ccc", "dddddddddd", "x-y", "é", "[12]\u00a0Word", "\u00a0"]),
        st.sampled_from([" ", " ", "  ", "\t", "\n", "\u2003", "\u200b"]),
        st.text(max_size=3),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_words, st.integers(min_value=1, max_value=16))
def test_plain_wrapping_is_textwraps(text: str, width: int) -> None:
    for break_words in (True, False):
        lines = textwrap.wrap(
            text, width=width, break_long_words=break_words, break_on_hyphens=False
        )
        expected = [line.replace(shared.GLUE, " ") for line in lines] or [""]
        assert render._wrap(text, width, break_words) == expected


WHITE_AND_WORDS = st.text(
    alphabet=st.sampled_from(" \n\t\r\x0b\x1c\x85\xa0\u2003\u2028\u3000ab.’—"),
    max_size=30,
)


@given(WHITE_AND_WORDS)
def test_single_spaced_is_the_split_and_join(text: str) -> None:
    assert shared.single_spaced(text) == " ".join(text.split())


def test_every_white_space_but_the_space_is_unprintable() -> None:
    """What ``single_spaced`` relies on, over every code point."""
    white = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in white if c.isprintable()] == [" "]
