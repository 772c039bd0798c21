"""The table of contents: the document's sections when it has them, else its
headings (short lines with no closing punctuation, such as "CHAPTER 1")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aleppo_cli.text.document import Document


@dataclass(frozen=True)
class Entry:
    title: str
    clean_start: int  # where it starts in the cleaned text
    level: int = 1  # 1 for a top-level section; deeper ones indent


def entries(document: Document) -> list[Entry]:
    """Sections (``document.sections``, when the model has them), else headings."""
    sections: Sequence[Any] | None = getattr(document, "sections", None)
    if sections:
        return [_from_section(section) for section in sections]
    return [
        Entry(paragraph.text, paragraph.clean_start)
        for paragraph in document.paragraphs
        if paragraph.heading
    ]


def _from_section(section: Any) -> Entry:
    """A section of the (coming) document model: it has a title and a start
    in the cleaned text, and perhaps a level."""
    title = str(getattr(section, "title", "") or "")
    start = getattr(section, "clean_start", None)
    if start is None:
        paragraphs = getattr(section, "paragraphs", ())
        start = paragraphs[0].clean_start if paragraphs else 0
    return Entry(title, int(start), int(getattr(section, "level", 1) or 1))


def current(found: Sequence[Entry], clean_offset: int) -> Entry | None:
    """The last entry that starts at or before the offset."""
    last = None
    for entry in found:
        if entry.clean_start > clean_offset:
            break
        last = entry
    return last
