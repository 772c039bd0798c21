"""Text with no name to tell its format (standard input, a file with no
extension): Markdown and HTML are told by content, conservatively, and plain
text is never read as either."""

from __future__ import annotations

from pathlib import Path

import pytest

from aleppo_cli.text import sources
from tests.builders import fake_env, invoke
from tests.conftest import shared_path

NOTES = b"""# Field Notes

Some **bold** words, and `dataLayer.push()` verbatim.

- the first thing
- the second thing
"""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (NOTES, "markdown"),
        (b"Intro.\n\n```\ncode here\n```\n\nAfter.", "markdown"),  # a closed fence
        (b"| name | age |\n| --- | ---: |\n| Ann | 3 |\n", "markdown"),  # a table
        (b"See [the docs](https://example.org/docs) and `make test`.", "markdown"),
        (b"# Title\r\n\r\n1. one\r\n2. two\r\n", "markdown"),
        # one sign alone is plain text
        (b"# Title\n\nText.", "text"),
        (b"- milk\n- eggs\n- bread\n", "text"),
        (b"It was **very** important, she said; *very*.", "text"),
        (b"```\nan unclosed fence", "text"),
        (b"Price: 5 | 6 | 7\n", "text"),
        (b"# comment in a config file\nkey = value\n", "text"),
        (b"Use [brackets] (like this) in prose, and - dashes - too.", "text"),
    ],
)
def test_markdown_is_sniffed_conservatively(data: bytes, expected: str) -> None:
    assert sources.detect(data, "") == expected


def test_a_txt_file_is_plain_text_whatever_it_holds() -> None:
    assert sources.detect(NOTES, ".txt") == "text"


def test_markdown_on_standard_input_is_read_as_markdown() -> None:
    env = fake_env(stdin=NOTES, stdin_has_data=True)
    outcome = invoke(["show"], env)
    assert outcome.status == 0, outcome.stderr
    lines = outcome.stdout.splitlines()
    assert lines[0] == "Field Notes" and lines[1].startswith("Markdown")
    assert "**" not in outcome.stdout and "• the first thing" in outcome.stdout


def test_plain_text_on_standard_input_stays_as_it_is() -> None:
    text = b"# a comment, not a heading\n\nkey = value  - one line\n\nAnd *stars* too.\n"
    outcome = invoke(["show", "--raw"], fake_env(stdin=text, stdin_has_data=True))
    assert outcome.status == 0, outcome.stderr
    assert outcome.stdout == text.decode()


def test_html_on_standard_input_is_read_as_a_page() -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>A Quiet Rescue | Film Notes</title></head><body>"
        b"<nav>Home NAVLINK</nav><article><p>The volunteers rush toward the bombs, and the "
        b"film follows them through a city where nobody else goes.</p></article></body></html>"
    )
    outcome = invoke(["show", "-"], fake_env(stdin=page, stdin_has_data=False))
    assert outcome.status == 0, outcome.stderr
    assert outcome.stdout.startswith("A Quiet Rescue\nweb page")
    assert "NAVLINK" not in outcome.stdout and "<p>" not in outcome.stdout


def test_a_page_that_opens_with_its_title_is_html() -> None:
    assert sources.detect(b"<title>Notes</title>\n<p>Text.</p>", "") == "html"
    assert sources.detect(b"<title> is the tag he meant.", "") == "text"


def test_no_plain_text_in_the_corpus_is_sniffed_as_markdown_or_html() -> None:
    corpus = shared_path("corpus")
    files = [
        *(corpus / "books").glob("*.txt"),
        *(corpus / "pdnc").glob("*/novel_text.txt"),
        *(corpus / "bbc-news-summary").rglob("*.txt"),
    ]
    files += Path(sources.__file__).resolve().parents[2].joinpath("texts").glob("*.txt")
    assert len(files) > 1000
    sniffed = [path.name for path in files if sources.detect(path.read_bytes(), "") != "text"]
    assert sniffed == []
