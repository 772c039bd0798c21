"""Hostile web pages, Markdown and EPUB: a result, or one line and exit 2;
never a traceback, never a hang."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from tests.builders import invoke
from tests.test_formats import BOMB, BOOK, make_epub


def _bomb_zip() -> bytes:
    """An EPUB whose one extra member expands to 201 MB (about 200 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        for name, content in BOOK.items():
            archive.writestr(name, content)
        with archive.open("OEBPS/zeros.xhtml", "w", force_zip64=True) as member:
            block = b"\0" * 1_000_000
            for _ in range(201):
                member.write(block)
    return buffer.getvalue()


CASES: dict[str, tuple[str, bytes]] = {
    "malformed HTML": (
        "broken.html",
        b"<html><body><p>Unclosed <b>bold <i>and <p>more</div></span>& &amp; &#xZZ; "
        b"<table><tr><td>A cell with a sentence in it.</p></body>",
    ),
    "deeply nested tags": (
        "nested.html",
        b"<html><body>" + b"<div>" * 100_000 + b"Deep text." + b"</div>" * 100_000 + b"</body>",
    ),
    "a 30 MB page": (
        "big.html",
        b"<html><body><article>" + b"<p>A sentence of a very long page.</p>\n" * 800_000,
    ),
    "an EPUB with an XML bomb": ("bomb.epub", make_epub({**BOOK, "OEBPS/content.opf": BOMB})),
    "a zip bomb": ("zipbomb.epub", _bomb_zip()),
    "100,000 nested list items": ("nested.md", b"- " * 100_000 + b"deep\n"),
    "100,000 nested list items, a line each": (
        "nested-lines.md",
        b"".join(b"  " * min(depth, 300) + b"- item\n" for depth in range(100_000)),
    ),
    "100,000 nested quotes": ("quotes.md", b">" * 100_000 + b" deep\n"),
    "an EPUB that is not a ZIP archive": ("fake.epub", b"PK\x03\x04 not really a zip"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["show", "info", "quotes"])
def test_a_result_or_one_line(case: str, command: str, tmp_path: Path) -> None:
    name, data = CASES[case]
    path = tmp_path / name
    path.write_bytes(data)
    start = time.monotonic()
    outcome = invoke([command, str(path)])
    assert time.monotonic() - start < 30
    assert "Traceback" not in outcome.stderr
    assert "internal error" not in outcome.stderr
    if outcome.status != 0 and not (command == "quotes" and outcome.status == 1):  # 1: none
        assert outcome.status == 2
        assert outcome.stderr.startswith("aleppo: error: ")
        assert outcome.stderr.count("\n") == 1


def test_which_are_refused(tmp_path: Path) -> None:
    expected = {
        "a 30 MB page": "pages over 10 MB are refused",
        "an EPUB with an XML bomb": "declares XML entities; refused",
        "a zip bomb": "would expand to 201 MB",
        "an EPUB that is not a ZIP archive": "is not a valid EPUB",
        "deeply nested tags": "too deeply nested to read",
    }
    for case, message in expected.items():
        name, data = CASES[case]
        path = tmp_path / name
        path.write_bytes(data)
        outcome = invoke(["info", str(path)])
        assert (outcome.status, message in outcome.stderr) == (2, True), outcome.stderr
    name, data = CASES["100,000 nested list items"]
    path = tmp_path / name
    path.write_bytes(data)
    assert invoke(["info", str(path)]).status == 0


@pytest.mark.parametrize(
    "nest",
    [
        lambda depth: "  " * depth + f"- level {depth}\n",  # a list a level deeper each line
        lambda depth: ">" * (depth + 1) + f" level {depth}\n",  # a quote in a quote
        lambda depth: "- " * (depth + 1) + f"level {depth}\n",  # all on one line each
    ],
)
def test_nesting_past_the_limit_is_read_as_text_not_dropped(nest: object) -> None:
    # markdown-it skips everything past its nesting limit; the words deeper
    # than it, and everything after, are the user's text and must stay
    from aleppo_cli.text.formats import markdown

    assert callable(nest)
    deep = "".join(nest(depth) for depth in range(markdown.MAX_NESTING + 15))
    found = markdown.extract("# Deep\n\n" + deep + "\nThe end paragraph is here.\n")
    for depth in range(markdown.MAX_NESTING + 15):
        assert f"level {depth}" in found.text
    assert found.text.rstrip().endswith("The end paragraph is here.")
    # nothing but words: no block is left empty
    assert all(found.text[block.start : block.end].strip() for block in found.blocks)
