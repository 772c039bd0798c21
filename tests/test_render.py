import io
import json

from rich.console import Console

from aleppo_cli import render
from tests.builders import document_of, source_of


def rich_output(renderable: object, width: int = 60) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
    )
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_markup_in_text_is_printed_literally() -> None:
    document = document_of(["Use [bold]this[/] and [link=http://x]that[/link]."])
    source = source_of("x", title="[red]x.txt")
    plain = render.show_plain(source, document, 80, numbers=False)
    assert "[bold]this[/] and [link=http://x]that[/link]." in plain
    assert "[red]x.txt" in plain
    styled = rich_output(render.show_rich(source, document, 80, numbers=False))
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
    data = render.dump_json({"text": hostile})
    assert not any(ch in data for ch in "\x1b\x07\x08\r\x9b")
    assert json.loads(data) == {"text": hostile}


def test_quotations_are_styled() -> None:
    document = document_of(["“This is our destiny,” Khaled says."])
    text = render.paragraph_text(document.paragraphs[0])
    styled = [(text.plain[span.start : span.end], str(span.style)) for span in text.spans]
    assert styled == [("“This is our destiny,”", render.QUOTE_STYLE)]


def test_sentence_numbers_and_quotes_line_up() -> None:
    document = document_of(["First one.", "“Second,” he said."])
    text = render.paragraph_text(document.paragraphs[0], numbers=True)
    assert text.plain == "[1] First one. [2] “Second,” he said."
    styled = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styled == {"[1] ": "dim", "[2] ": "dim", "“Second,”": render.QUOTE_STYLE}


def test_plain_show_wraps_at_the_width() -> None:
    document = document_of(["word " * 50])
    plain = render.show_plain(source_of("x"), document, 30, numbers=False)
    assert max(len(line) for line in plain.splitlines()) <= 30


def test_reading_time_in_hours_for_long_texts() -> None:
    assert render._duration(4) == "4 min"
    assert render._duration(2363) == "39 h 23 min"
