"""Each command's data for ``--json``: plain dicts and lists, no printing.

``views.envelope`` puts the input the command read under ``"input"`` beside
this data; the README documents the envelope and tests check it against a
schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from aleppo_cli.text.document import Document, Paragraph, Sentence
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:  # only the command that makes them imports each of these
    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.quotes.selection import Speaker
    from aleppo_cli.analysis.search import SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary
    from aleppo_cli.text.sections import Locator, Section


def show_json(document: Document) -> dict[str, Any]:
    locator = _locator(document.sections)
    return {
        **({"sections": [section_json(s) for s in document.sections]} if locator else {}),
        "paragraphs": [
            {
                "number": paragraph.number,
                "start": paragraph.start,
                "end": paragraph.end,
                **(_structure(paragraph) if document.structured else {}),
                **placed(locator, paragraph.number),
                "sentences": [
                    {"number": s.number, "start": s.start, "end": s.end, "text": s.text}
                    for s in paragraph.sentences
                ],
            }
            for paragraph in document.paragraphs
        ],
    }


def toc_json(document: Document) -> dict[str, Any]:
    return {"sections": [section_json(section) for section in document.sections]}


def section_json(section: Section) -> dict[str, Any]:
    """A section: its number in the table of contents, level, title as the
    text writes it, label, own name, and where it is (its first and last
    paragraphs; the offset of its heading in the text as read)."""
    return {
        "number": section.number,
        "level": section.level,
        "title": section.title,
        "label": section.label,
        "name": section.name,
        "paragraph": section.paragraph,
        "last_paragraph": section.last,
        "start": section.start,
    }


def _locator(sections: Sequence[Section]) -> Locator | None:
    if not sections:
        return None
    from aleppo_cli.text.sections import Locator

    return Locator(sections)


def placed(locator: Locator | None, paragraph: int) -> dict[str, Any]:
    """``{"section": {number, title, label, paragraph}}`` for a paragraph of a
    text with sections (``paragraph``: its number inside the section, 0 for the
    heading; the section is null before the first one), else nothing: a text
    without sections keeps the JSON it had."""
    if not locator:
        return {}
    place = locator.at(paragraph)
    if place is None:
        return {"section": None}
    section = place.section
    return {
        "section": {
            "number": section.number,
            "title": section.title,
            "label": place.path,
            "paragraph": place.paragraph,
        }
    }


def _structure(paragraph: Paragraph) -> dict[str, Any]:
    """A block's kind, level, and emphasis (offsets into the extracted text)."""
    return {
        "kind": paragraph.kind,
        "level": paragraph.level,
        **({"marker": paragraph.marker} if paragraph.marker else {}),
        **({"code": paragraph.text} if paragraph.kind == "code" else {}),
        "emphasis": [
            {"start": e.start, "end": e.end, "style": e.style} for e in paragraph.emphasis
        ],
    }


def source_json(source: Source) -> dict[str, Any]:
    """The input a command read: the envelope's ``"input"``; for a web page,
    Markdown or EPUB also its format and metadata."""
    data = {
        "name": source.name,
        "title": source.title,
        "kind": source.kind,
        "source": source.origin,
    }
    if source.format != "text":
        data.update(
            format=source.format,
            author=source.author,
            date=source.date,
            site=source.publisher,
            url=source.url,
            language=source.language,
        )
    return data


def info_json(stats: Stats, sections: Sequence[Section] = ()) -> dict[str, Any]:
    return {
        "words": stats.words,
        "sentences": stats.sentences,
        "paragraphs": stats.paragraphs,
        **({"sections": len(sections)} if sections else {}),
        "characters": stats.characters,
        "reading_minutes": stats.reading_minutes,
        "words_per_minute": stats.words_per_minute,
        "repairs": {
            "decision": stats.repair,
            "ad_markers": stats.ad_markers,
            "glued_words": stats.glued_words,
        },
    }


def texts_json(entries: Iterable[TextInfo]) -> dict[str, Any]:
    return {
        "texts": [
            {
                "name": e.name,
                "title": e.title,
                "kind": e.kind,
                "publisher": e.publisher,
                "source": e.source,
            }
            for e in entries
        ]
    }


def sentence_json(sentence: Sentence) -> dict[str, Any]:
    return {
        "number": sentence.number,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def summary_json(summary: Summary, sections: Sequence[Section] = ()) -> dict[str, Any]:
    locator = _locator(sections)
    return {
        "algorithm": summary.algorithm,
        "total_sentences": summary.total_sentences,
        "sentences": [
            {**sentence_json(s), **placed(locator, s.paragraph)} for s in summary.sentences
        ],
    }


def by_section_json(
    document: Document, algorithm: str, parts: Sequence[tuple[Section, Summary]]
) -> dict[str, Any]:
    return {
        "algorithm": algorithm,
        "total_sentences": document.sentence_count,
        "sections": [
            {
                **section_json(section),
                "total_sentences": summary.total_sentences,
                "sentences": [sentence_json(s) for s in summary.sentences],
            }
            for section, summary in parts
        ],
    }


def highlight_json(document: Document, summary: Summary) -> dict[str, Any]:
    """Every sentence of the text, the chosen ones marked."""
    chosen = {sentence.number for sentence in summary.sentences}
    return {
        "algorithm": summary.algorithm,
        "total_sentences": summary.total_sentences,
        "sentences": [
            {**sentence_json(s), "chosen": s.number in chosen} for s in document.sentences
        ],
    }


def compare_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "algorithms": list(comparison.algorithms),
        "count": comparison.count,
        "total_sentences": comparison.total_sentences,
        "sentences": [
            {**sentence_json(row.sentence), "chosen_by": list(row.chosen_by)}
            for row in comparison.rows
        ],
    }


def search_json(
    found: SearchResult, count_only: bool = False, sections: Sequence[Section] = ()
) -> dict[str, Any]:
    data: dict[str, Any] = {"query": found.query, "mode": found.mode, "count": len(found.hits)}
    if count_only:
        return data
    locator = _locator(sections)
    hits = []
    # the block each hit is shown in (ranked fuzzy hits' blocks may share sentences)
    shown_in = {id(hit): block for block in found.blocks for g in block.groups for hit in g.hits}
    for hit, speaker in zip(found.hits, found.speakers, strict=True):
        first, last = hit.sentence.number, (hit.through or hit.sentence).number
        entry: dict[str, Any] = {
            "paragraph": hit.sentence.paragraph,
            "sentence": first,
            "sentences": list(range(first, last + 1)),  # every sentence the hit runs into
            "start": hit.start,
            "end": hit.end,
            "match": hit.match,
            "sentence_text": hit.sentence.text,
            "speaker": speaker,
            "score": hit.score,  # 100 but for --fuzzy
            **placed(locator, hit.sentence.paragraph),
        }
        if hit.pieces:  # across an attribution: the words matched inside the quote marks
            entry["pieces"] = [
                {"start": piece.start, "end": piece.end, "match": piece.match}
                for piece in hit.pieces
            ]
        if found.around:
            window = range(first - found.around, last + found.around + 1)
            block = shown_in[id(hit)]
            entry["context"] = [
                {"number": s.number, "text": s.text} for s in block.sentences if s.number in window
            ]
        hits.append(entry)
    return {**data, "hits": hits}


def quotes_json(
    quotations: Sequence[Quotation], hidden: int, sections: Sequence[Section] = ()
) -> dict[str, Any]:
    locator = _locator(sections)
    return {
        "count": len(quotations),
        "hidden": hidden,
        "quotes": [
            {
                "kind": quotation.kind,
                "speaker": quotation.speaker,
                "speaker_id": quotation.person.id if quotation.person else None,
                "speaker_names": _other_names(quotation),
                "text": quotation.text,
                "parts": [
                    {"start": p.start, "end": p.end, "text": p.text} for p in quotation.parts
                ],
                "paragraph": quotation.paragraph,
                "sentence": quotation.sentence,
                **placed(locator, quotation.paragraph),
            }
            for quotation in quotations
        ],
    }


def _other_names(quotation: Quotation) -> list[str]:
    """The speaker's other names than the one shown, most used first."""
    person = quotation.person
    return [n for n in person.names if n != person.name] if person else []


def speakers_json(speakers: Sequence[Speaker]) -> dict[str, Any]:
    return {
        "count": len(speakers),
        "speakers": [
            {
                "id": s.person.id,
                "name": s.person.name,
                "names": [n for n in s.person.names if n != s.person.name],
                "gender": _GENDERS.get(s.person.gender.value if s.person.gender else ""),
                "quotations": s.quotations,
            }
            for s in speakers
        ],
    }


_GENDERS = {"M": "male", "F": "female"}


def raw_json(source: Source) -> dict[str, Any]:
    return {"raw": source.text}
