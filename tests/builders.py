"""Builders: documents from sentences, without a file in every test."""

from __future__ import annotations

from aleppo_cli.text.document import Document, build
from aleppo_cli.text.sources import Source


def text_of(*paragraphs: list[str]) -> str:
    """Raw text with one blank line between paragraphs of sentences."""
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs)


def document_of(*paragraphs: list[str]) -> Document:
    return build(text_of(*paragraphs))


def source_of(text: str, title: str = "sample", kind: str = "file") -> Source:
    return Source(
        name=title,
        title=title,
        kind=kind,
        publisher="",
        origin=title,
        text=text,
        encoding="utf-8",
    )
