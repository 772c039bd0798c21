"""Search labels its hits' speakers from the conversations around them in a
long text (analysis/search_speakers.py), and from the whole text otherwise."""

from __future__ import annotations

import pytest

from aleppo_cli.analysis import search, search_speakers
from aleppo_cli.analysis.quotes import quotations
from aleppo_cli.text.document import Document
from tests.builders import document_of

NARRATION = " ".join(["The road ran on past the mill and the empty fields."] * 40)


def _story() -> Document:
    """Two conversations, far apart, with a chapter heading and long narration between."""
    return document_of(
        ["CHAPTER I"],
        ["Nora Lark came to the gate, and Mr. Tomas Brenner was there."],
        ["“Is the river high?” asked Nora."],
        ["“Higher than last spring,” said Mr. Brenner."],
        [NARRATION],
        ["CHAPTER II"],
        [NARRATION],
        ["Ivo Dace met Mrs. Lark at the bridge."],
        ["“The river is high,” said Ivo."],
        ["“Then we wait,” she replied."],
    )


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text windowed, whatever its length; the texts analysed."""
    monkeypatch.setattr(search_speakers, "WHOLE_BELOW", 0)
    monkeypatch.setattr(search_speakers, "MOST", 2.0)
    analysed: list[str] = []
    find = quotations.find

    def counting(document: Document) -> list[quotations.Quotation]:
        analysed.append(document.clean.text)
        return find(document)

    monkeypatch.setattr(quotations, "find", counting)
    return analysed


def test_the_conversations_give_the_whole_texts_speakers(windowed: list[str]) -> None:
    document = _story()
    whole = quotations.SpeakerIndex(quotations.find(document))
    windowed.clear()
    ran = search.run(document, search.Query("river"))
    assert len(ran.hits) == 2
    assert ran.speakers == ("Nora Lark", "Ivo Dace")  # their fullest names
    assert list(ran.speakers) == [whole(hit.clean_start) for hit in ran.hits]
    # each conversation was analysed on its own, none with the other chapter in it
    assert len(windowed) == 2
    first, second = windowed
    assert "asked Nora" in first and "CHAPTER II" not in first and "said Ivo" not in first
    assert "said Ivo" in second and "CHAPTER" not in second and "asked Nora" not in second


def test_offsets_outside_quotations_need_no_analysis(windowed: list[str]) -> None:
    document = _story()
    ran = search.run(document, search.Query("mill"))
    assert ran.speakers == (None,) * len(ran.hits) and len(ran.hits) == 80
    assert windowed == []


def test_a_window_keeps_the_conversation_and_the_narration_before_it() -> None:
    document = _story()
    paragraphs = document.paragraphs
    ivo = next(i for i, p in enumerate(paragraphs) if p.text.startswith("“The river is high"))
    first, last = search_speakers._windows(paragraphs, [ivo])[0]
    assert paragraphs[first - 1].text == "CHAPTER II" or paragraphs[first].text == NARRATION
    assert paragraphs[last].text == "“Then we wait,” she replied."
    window, base = search_speakers._window(document, first, last)
    assert window.clean.text == document.clean.text[base : base + len(window.clean.text)]
    for part, original in zip(window.paragraphs, paragraphs[first : last + 1], strict=True):
        assert part.clean_start + base == original.clean_start
        assert (
            window.clean.text[part.clean_start : part.clean_end] == original.text.replace("\n", " ")
            or part.text == original.text
        )


def test_short_texts_are_analysed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    document = _story()
    sizes: list[int] = []
    find = quotations.find

    def counting(document: Document) -> list[quotations.Quotation]:
        sizes.append(len(document.clean.text))
        return find(document)

    monkeypatch.setattr(quotations, "find", counting)
    search.run(document, search.Query("river"))
    assert sizes == [len(document.clean.text)]


def test_windows_shared_with_a_second_process_give_the_same_speakers(
    windowed: list[str], monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    from aleppo_cli.analysis.quotes import halves

    if not halves.worth_it(1, 0):
        pytest.skip("no fork here")
    document = _story()
    monkeypatch.setattr(halves, "ENABLED", False)
    alone = search.run(document, search.Query("river")).speakers
    assert len(windowed) == 2
    monkeypatch.setattr(halves, "ENABLED", True)
    monkeypatch.setattr(search_speakers, "SHARED_FROM", 0)
    windowed.clear()
    shared = search.run(document, search.Query("river")).speakers
    assert shared == alone == ("Nora Lark", "Ivo Dace")
    assert len(forks) == 1  # the second conversation, in the child
    assert len(windowed) == 1  # the first, here
