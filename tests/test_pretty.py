"""The styled (rich) output for a terminal."""

import io

from rich.console import Console

from aleppo_cli.output import styled as pretty
from tests.builders import document_of


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


def test_quotations_are_styled() -> None:
    document = document_of(["“This is our destiny,” Khaled says."])
    text = pretty.paragraph_text(document.paragraphs[0])
    styled = [(text.plain[span.start : span.end], str(span.style)) for span in text.spans]
    assert styled == [("“This is our destiny,”", pretty.QUOTE_STYLE)]


def test_sentence_numbers_and_quotes_line_up() -> None:
    document = document_of(["First one.", "“Second,” he said."])
    text = pretty.paragraph_text(document.paragraphs[0], numbers=True)
    assert text.plain == "[1] First one. [2] “Second,” he said."
    styled = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styled == {"[1] ": "dim", "[2] ": "dim", "“Second,”": pretty.QUOTE_STYLE}


def test_titles_of_works_are_not_styled_as_speech() -> None:
    document = document_of(["I saw “Last Men in Aleppo” twice.", "“We stay,” he said."])
    text = pretty.paragraph_text(document.paragraphs[0])
    styled = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styled == {
        "“Last Men in Aleppo”": pretty.WORK_STYLE,
        "“We stay,”": pretty.QUOTE_STYLE,
    }
    assert pretty.WORK_STYLE != pretty.QUOTE_STYLE
