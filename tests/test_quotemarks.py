import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.text import quotemarks
from aleppo_cli.text.quotemarks import spans


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“This is our destiny,” Khaled says.", ["“This is our destiny,”"]),
        ('He said "go" and "stay".', ['"go"', '"stay"']),
        ("“Unclosed, as novels do", ["“Unclosed, as novels do"]),
        ("It’s Khaled’s, not a quote.", []),
        ('The 5" screen and «Bonjour».', ["«Bonjour»"]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_the_named_sets_are_marks_that_spans_knows() -> None:
    marks = set('“”"«»„')
    named = (quotemarks.ENGLISH, quotemarks.OPENING, quotemarks.CLOSING, quotemarks.ANY_CLOSING)
    assert all(set(group) <= marks for group in named)
    assert set(quotemarks.OPENING) | set(quotemarks.ANY_CLOSING) == marks


def inner(text: str) -> list[tuple[int, bool, list[str]]]:
    """(depth, single, the words of each part) of every quoted span."""
    return [(q.depth, q.single, [text[a:b] for a, b in q.parts]) for q in quotemarks.parse(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British style, with apostrophes inside
        ("‘I shan’t,’ she said.", [(0, True, ["I shan’t,"])]),
        ("'I shan't,' she said.", [(0, True, ["I shan't,"])]),
        ("Minister ‘will not resign’", [(0, True, ["will not resign"])]),
        # a curly opening mark closed by a straight one
        ('“It’s over," he said.', [(0, False, ["It’s over,"])]),
        # guillemets both ways, low-9 marks
        (
            "«Oui» et »Ja« und „Gut“ und ‚klein‘",
            [
                (0, False, ["Oui"]),
                (0, False, ["Ja"]),
                (0, False, ["Gut"]),
                (0, True, ["klein"]),
            ],
        ),
        # the other style inside
        (
            "“Say ‘please,’ child,” she said.",
            [
                (0, False, ["Say ‘please,’ child,"]),
                (1, True, ["please,"]),
            ],
        ),
        ("‘He said “never”,’ she said.", [(0, True, ["He said “never”,"]), (1, False, ["never"])]),
        # the same style inside
        (
            "“She called it “reckless,” and left,” he said.",
            [
                (0, False, ["She called it “reckless,” and left,"]),
                (1, False, ["reckless,"]),
            ],
        ),
        (
            '"She called it "reckless," and left," he said.',
            [
                (0, False, ['She called it "reckless," and left,']),
                (1, False, ["reckless,"]),
            ],
        ),
        # reopened after a line break or a sentence: one quotation in parts
        (
            'He said: "It ended.\n"It began again."',
            [(0, False, ["It ended.\n", "It began again."])],
        ),
        ('"Why? "Because."', [(0, False, ["Why? ", "Because."])]),
    ],
)
def test_quotations_of_every_style(text: str, expected: list[tuple[int, bool, list[str]]]) -> None:
    assert inner(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "don’t, ’tis, the dogs’ bowls, rock ’n’ roll, the ’90s",
        "don't, 'tis, the dogs' bowls, rock 'n' roll, the '90s, 'em",
        "The analysts' forecasts and Dunkin' Donuts' sales",
        "‘90s music",
        "A stray ' mark and a stray \" one",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert quotemarks.parse(text) == []


def test_a_possessive_inside_a_single_quote_does_not_close_it() -> None:
    text = "‘The dogs’ bowls are empty,’ she said."
    assert inner(text) == [(0, True, ["The dogs’ bowls are empty,"])]


def test_a_single_mark_left_open_inside_a_double_quote_is_an_apostrophe() -> None:
    text = '"They come from \'cross the river," he said.'
    assert inner(text) == [(0, False, ["They come from 'cross the river,"])]


def test_a_double_quote_left_open_runs_to_the_paragraph_end_only() -> None:
    assert inner("“Unclosed, as novels do") == [(0, False, ["Unclosed, as novels do"])]
    # a single quote left open mid-paragraph is an apostrophe; at its start, a quote
    assert inner("Of 'course not") == []
    assert inner("‘Unclosed, British style") == [(0, True, ["Unclosed, British style"])]


def test_a_carried_quote_is_kept_only_when_closed() -> None:
    assert inner_carried("and it ended.” Then", "“") == [(0, False, ["and it ended."])]
    assert quotemarks.parse("No mark closes it here.", "“") == []


def inner_carried(text: str, carry: str) -> list[tuple[int, bool, list[str]]]:
    return [
        (q.depth, q.single, [text[a:b] for a, b in q.parts]) for q in quotemarks.parse(text, carry)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "'" * 300_000,
        "“" * 10_000 + "x" + "”" * 10_000,
        "“a " * 10_000 + "”" * 10_000,
        "\"'“”‘’«»„ " * 20_000,
        '"' * 7 + " x " + "'" * 5,
    ],
)
def test_hostile_marks_give_a_result(text: str) -> None:
    found = quotemarks.parse(text)
    assert all(0 <= q.start <= q.end <= len(text) for q in found)
    assert all(q.depth < quotemarks.MAX_DEPTH for q in found)


def test_the_marks_of_paragraphs_found_in_one_pass_are_each_paragraphs_own() -> None:
    text = (
        '"Yes," he said, \'don\'t.\'\n\n“Well,” ‘she’ said\nand \'tis """" over.\n\n'
        "It's Anna’s ’90s «ça» '\"Oh!\"'\n\nNo marks here.\n\n'Last'"
    )
    bounds = []
    start = 0
    for paragraph in text.split("\n\n"):
        bounds.append((start, start + len(paragraph)))
        start += len(paragraph) + 2
    texts = [text[a:b].replace("\n", " ") for a, b in bounds]
    found = quotemarks.marks_of(text, bounds, texts)
    assert found == [quotemarks._marks(paragraph) for paragraph in texts]
    assert any(found) and [] in found
    # paragraphs whose ends touch other characters: left to the caller
    glued = '"Yes.""No."'
    halves = [(0, 6), (6, len(glued))]
    assert quotemarks.marks_of(glued, halves, [glued[0:6], glued[6:]]) == [None, None]
    # out of order: all left to the caller
    assert quotemarks.marks_of(text, bounds[::-1], texts[::-1]) == [None] * len(bounds)


_PIECES = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "„",
    "'",
    "’",
    "‘",
    " ",
    "a",
    "B",
    ".",
    ",",
    "\n",
    "-",
    "(",
    "1",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["", '"', "“", "'"]))
@settings(max_examples=600, deadline=None)
def test_paired_marks_are_read_as_the_loop_reads_them(pieces: list[str], carry: str) -> None:
    text = "".join(pieces)
    quick = quotemarks.parse(text, carry)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotemarks, "_paired", lambda marks, roles: None)
        assert quick == quotemarks.parse(text, carry)


def test_paired_marks_give_what_the_loop_gives_on_common_paragraphs() -> None:
    for text in [
        '"Yes," he said. "I will."',
        "“Oh,” said she, “and you?”",
        '"Yes" "No" «Non» „Ja“',
        '"a"b" "c"',  # a mark glued on both sides: not paired, the loop reads it
        '"Open and" "closed',
        'He said "yes "no',  # two marks that may only open: nested, not paired
        '"Yes.” «No,» he said',
    ]:
        marks = quotemarks._marks(text)
        quick = quotemarks.parse(text)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(quotemarks, "_paired", lambda marks, roles: None)
            assert quick == quotemarks.parse(text), text
        assert marks
