import pytest

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
