"""The reader's page: wrapping, the line index and offsets, without Textual."""

from __future__ import annotations

import random
import textwrap

from aleppo_cli.reader.layout import BODY, Page, block_for, display, wrap
from aleppo_cli.text.document import build
from tests.builders import source_of
from tests.reader.conftest import CHAPTERS, review

WORDS = ["a", "bb", "ccc", "word", "x" * 30, "“quoted”", "—", "naïve", "\u2400"]


def lines(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap(text, width)]


def test_wrapping_is_textwrap_when_every_word_fits() -> None:
    generator = random.Random(7)
    for _ in range(500):
        text = " ".join(generator.choice(WORDS[:4] + WORDS[5:]) for _ in range(40))
        width = generator.randint(10, 60)
        assert lines(text, width) == textwrap.wrap(text, width, break_on_hyphens=False)


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert lines("a " + "x" * 25 + " b", 10) == ["a", "x" * 10, "x" * 10, "x" * 5 + " b"]
    assert lines("", 10) == [""]


def test_wide_characters_take_two_cells() -> None:
    text = "你好世界 你好世界 你好世界"
    assert lines(text, 9) == ["你好世界", "你好世界", "你好世界"]
    assert lines("e\u0301" * 6, 3) == ["e\u0301" * 3, "e\u0301" * 3]  # combining marks: none


def test_display_text_keeps_offsets_and_shows_controls() -> None:
    raw = "a\tb\x1b[31mc\x07\u2028d\x9b"
    shown = display(raw)
    assert len(shown) == len(raw)
    assert shown == "a b␛[31mc␇ d\ufffd"


def test_every_line_of_the_page_is_found_and_offsets_go_both_ways() -> None:
    source = review()
    document = build(source.text)
    for numbers in (False, True):
        page = Page(source, document, 50, numbers)
        seen = []
        for y in range(page.height):
            line = page.line(y)
            assert line is not None
            if line.kind == BODY:
                seen.append(line)
                offset = page.offset_at(y)
                assert offset is not None and page.y_of(offset) == y
        assert page.line(page.height) is None
        for sentence in document.sentences:
            y = page.y_of(sentence.clean_start)
            line = page.line(y)
            assert line is not None and line.kind == BODY
            block = page.block(line.block)
            start = block.display_offset(sentence.clean_start - block.paragraph.clean_start)
            assert line.start <= start <= line.end
            if numbers:
                assert block.text[start - len(f"[{sentence.number}] ") : start] == (
                    f"[{sentence.number}] "
                )


def test_number_prefixes_map_back_to_their_sentence() -> None:
    document = build(CHAPTERS)
    paragraph = document.paragraphs[1]
    block = block_for(paragraph, numbers=True)
    for (start, end), sentence in zip(block.prefixes(), paragraph.sentences, strict=True):
        assert block.text[start:end] == f"[{sentence.number}] "
        local = sentence.clean_start - paragraph.clean_start
        assert block.local_offset(start) == local  # inside the prefix: the sentence
        assert block.local_offset(end) == local
        assert block.display_offset(local) == end


def test_the_header_is_title_meta_and_rule() -> None:
    page = Page(source_of("One sentence here."), build("One sentence here."), 40, False)
    kinds = [page.line(y).kind for y in range(page.height)]  # type: ignore[union-attr]
    assert kinds == [0, 1, 2, 3, 4]  # title, meta, rule, blank, the text
