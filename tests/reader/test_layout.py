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


def test_list_items_show_their_bullets_with_no_blank_line_between(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from aleppo_cli.text import sources
    from aleppo_cli.text.prebuilt import document_for

    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nIntro here.\n\n- first item\n- second item\n\n1. one\n2. two\n")
    source = sources.load(str(path))
    document = document_for(source)
    for numbers in (False, True):
        page = Page(source, document, 40, numbers)
        shown = [
            page.block(line.block).text[line.start : line.end]
            for line in map(page.line, range(page.height))
            if line is not None and line.kind == BODY
        ]
        prefix = "[{}] " if numbers else ""
        items = [text for text in shown if text.startswith(("• ", "1. ", "2. "))]
        assert [text.split(" ", 1)[0] for text in items] == ["•", "•", "1.", "2."], shown
        first = next(p for p in document.paragraphs if p.text == "first item")
        block = block_for(first, numbers)
        number = prefix.format(first.sentences[0].number)
        assert block.text == "• " + number + "first item"
        assert block.display_offset(0) == len("• " + number)
        assert block.local_offset(0) == 0  # on the bullet: the item's start
        # the items follow each other with no blank line between
        y = page.y_of(first.clean_start)
        assert page.line(y + 1).kind == BODY  # type: ignore[union-attr]
        assert page.offset_at(y) == first.clean_start


def test_a_wrapped_list_item_or_quote_hangs_beside_its_bullet_or_bar(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from aleppo_cli.text import sources
    from aleppo_cli.text.prebuilt import document_for

    path = tmp_path / "notes.md"
    long = "every word of this item must still be read beside the bullet it hangs from"
    path.write_text(f"Intro here.\n\n- {long}\n\n> {long}\n")
    source = sources.load(str(path))
    document = document_for(source)
    page = Page(source, document, 24, False)
    for paragraph, lead in zip(document.paragraphs[1:], ("• ", "│ "), strict=True):
        block = page.block(page.paragraph_index(paragraph.clean_start))
        assert block.hang == " " * len(lead) if lead == "• " else lead
        lines = [
            block.text[a:b] for a, b in page.spans(page.paragraph_index(paragraph.clean_start))
        ]
        # wrapped in the 22 columns beside the bullet or bar, as `show` wraps it
        assert lines[0].startswith(lead), lines
        assert [lines[0][len(lead) :], *lines[1:]] == textwrap.wrap(long, 22)


def test_a_title_heading_takes_no_lines_unless_numbers_are_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from aleppo_cli.text import sources
    from aleppo_cli.text.prebuilt import document_for

    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nIntro here.\n")
    source = sources.load(str(path))
    document = document_for(source)
    for numbers, expected in ((False, ["Intro here."]), (True, ["[1] Notes", "[2] Intro here."])):
        page = Page(source, document, 40, numbers)
        lines = [page.line(y) for y in range(page.height)]
        body = [
            page.block(ln.block).text[ln.start : ln.end] for ln in lines if ln and ln.kind == BODY
        ]
        assert body == expected
        assert page.line(page.header_height).kind != BODY  # type: ignore[union-attr]
        # the heading's offset is still a place on the page (the reader's first sentence)
        assert page.y_of(document.paragraphs[0].clean_start) <= page.y_of(
            document.paragraphs[1].clean_start
        )
