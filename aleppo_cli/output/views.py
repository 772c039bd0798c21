"""One result view per command, each with its three renderings.

A view holds what a command found; ``plain(width)`` is the text for a pipe,
``data()`` the command's own JSON data, ``styled(width)`` the rich
renderable for a terminal (``None``: the plain text serves there too).
``plain(None)`` is for a pipe with no width asked: one record a line, for
grep, where a record is a line of its own (a hit, a quotation, a sentence). The
CLI's ``emit`` asks for exactly one of them. Views are named tuples: as
immutable as frozen dataclasses, and about 5 times cheaper to define at start-up. ``styled`` imports
``output.styled`` (and so rich) only when it is called.

Every command's JSON is ``envelope(view)``: the input it read under
``"input"`` (name, title, kind, source) and its own data beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from aleppo_cli.output import jsondata, plain
from aleppo_cli.output.safe import visible_raw
from aleppo_cli.output.shared import DEFAULT_MEASURE
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source, TextInfo

if TYPE_CHECKING:
    from rich.console import RenderableType

    from aleppo_cli.analysis.quotes.quotations import Quotation
    from aleppo_cli.analysis.search import SearchResult
    from aleppo_cli.analysis.stats import Stats
    from aleppo_cli.analysis.summarize.summary import Comparison, Summary
    from aleppo_cli.text.sections import Section


class View(Protocol):
    @property
    def source(self) -> Source | None: ...

    def plain(self, width: int | None) -> str: ...

    def data(self) -> dict[str, Any]: ...

    def styled(self, width: int) -> RenderableType | None: ...


def styled_parts(view: View, width: int) -> Iterable[RenderableType] | None:
    """The styled rendering in parts to print one after another (a long text
    paragraph by paragraph), or None where the plain text serves."""
    parts = getattr(view, "parts", None)
    if parts is not None:
        return parts(width)  # type: ignore[no-any-return]
    styled = view.styled(width)
    return None if styled is None else [styled]


def envelope(view: View) -> dict[str, Any]:
    """The JSON a command prints: ``{"input": {...}, **data}``."""
    if view.source is None:
        return view.data()
    return {"input": jsondata.source_json(view.source), **view.data()}


class ShowView(NamedTuple):
    source: Source
    document: Document
    numbers: bool = False

    def plain(self, width: int | None) -> str:
        return plain.show_plain(self.source, self.document, width or DEFAULT_MEASURE, self.numbers)

    def data(self) -> dict[str, Any]:
        return jsondata.show_json(self.document)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        return styled.show(self.source, self.document, width, self.numbers)

    def parts(self, width: int) -> Iterable[RenderableType]:
        from aleppo_cli.output import styled

        return styled.show_parts(self.source, self.document, width, self.numbers)


class TocView(NamedTuple):
    """The table of contents: the text's sections, numbered, indented by level."""

    source: Source
    document: Document

    def plain(self, width: int | None) -> str:
        return plain.toc_plain(self.source, self.document, width or DEFAULT_MEASURE)

    def data(self) -> dict[str, Any]:
        return jsondata.toc_json(self.document)

    def styled(self, width: int) -> None:
        return None


class RawView(NamedTuple):
    """The text exactly as read (control characters made visible)."""

    source: Source

    def plain(self, width: int | None) -> str:
        return visible_raw(self.source.text)

    def data(self) -> dict[str, Any]:
        return jsondata.raw_json(self.source)

    def styled(self, width: int) -> None:
        return None


class InfoView(NamedTuple):
    source: Source
    stats: Stats
    sections: Sequence[Section] = ()

    def plain(self, width: int | None) -> str:
        return plain.info_plain(self.source, self.stats, self.sections)

    def data(self) -> dict[str, Any]:
        return jsondata.info_json(self.stats, self.sections)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        return styled.info(self.source, self.stats, width, self.sections)


class TextsView(NamedTuple):
    entries: Sequence[TextInfo]
    source: None = None

    def plain(self, width: int | None) -> str:
        return plain.texts_plain(self.entries)

    def data(self) -> dict[str, Any]:
        return jsondata.texts_json(self.entries)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        return styled.texts(self.entries)


class SummaryView(NamedTuple):
    source: Source
    summary: Summary
    sections: Sequence[Section] = ()  # where the text has them, each sentence says where it is

    def plain(self, width: int | None) -> str:
        return plain.summary_plain(self.source, self.summary, width, self.sections)

    def data(self) -> dict[str, Any]:
        return jsondata.summary_json(self.summary, self.sections)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        return styled.summary(self.source, self.summary, width, self.sections)


class BySectionView(NamedTuple):
    """A summary of each section, under its title (``summarize --by-section``)."""

    source: Source
    document: Document
    algorithm: str
    summaries: Sequence[tuple[Section, Summary]]  # (not "parts": styled_parts reads that)

    def plain(self, width: int | None) -> str:
        return plain.by_section_plain(
            self.source, self.document, self.algorithm, self.summaries, width
        )

    def data(self) -> dict[str, Any]:
        return jsondata.by_section_json(self.document, self.algorithm, self.summaries)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        return styled.by_section(self.source, self.document, self.algorithm, self.summaries, width)


class HighlightView(NamedTuple):
    """The whole text with the summary's sentences marked in place."""

    source: Source
    document: Document
    summary: Summary

    def plain(self, width: int | None) -> str:
        return plain.highlight_plain(self.document, self.summary, width)

    def data(self) -> dict[str, Any]:
        return jsondata.highlight_json(self.document, self.summary)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        return styled.highlight(self.source, self.document, self.summary, width)

    def parts(self, width: int) -> Iterable[RenderableType]:
        from aleppo_cli.output import styled

        return styled.highlight_parts(self.source, self.document, self.summary, width)


class CompareView(NamedTuple):
    source: Source
    comparison: Comparison

    def plain(self, width: int | None) -> str:
        return plain.compare_plain(self.source, self.comparison, width)

    def data(self) -> dict[str, Any]:
        return jsondata.compare_json(self.comparison)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        return styled.compare(self.source, self.comparison, width)


class SearchView(NamedTuple):
    source: Source
    found: SearchResult
    count_only: bool = False  # only the number of hits
    sections: Sequence[Section] = ()  # the document's: hits say where they are

    def plain(self, width: int | None) -> str:
        if self.count_only:
            return f"{len(self.found.hits)}\n"
        return plain.search_plain(self.found, width, self.sections)

    def data(self) -> dict[str, Any]:
        return jsondata.search_json(self.found, self.count_only, self.sections)

    def styled(self, width: int) -> RenderableType | None:
        if self.count_only:
            return None
        from aleppo_cli.output import styled

        return styled.search(self.found, width, self.sections)


class QuotesView(NamedTuple):
    source: Source
    quotations: Sequence[Quotation]
    hidden: int  # quotations of other kinds that --all would add
    show_kind: bool
    sections: Sequence[Section] = ()  # the document's: quotations say where they are

    def plain(self, width: int | None) -> str:
        raw = self.source.text
        return plain.quotes_plain(
            raw, self.quotations, self.hidden, width, self.show_kind, self.sections
        )

    def data(self) -> dict[str, Any]:
        return jsondata.quotes_json(self.quotations, self.hidden, self.sections)

    def styled(self, width: int) -> RenderableType:
        from aleppo_cli.output import styled

        raw = self.source.text
        return styled.quotes(
            raw, self.quotations, self.hidden, width, self.show_kind, self.sections
        )
