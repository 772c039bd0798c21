"""aleppo summarize: the most telling sentences, in order."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from aleppo_cli.analysis.summarize import summary as summaries
from aleppo_cli.cli.emit import emit, progress, report
from aleppo_cli.cli.inputs import load
from aleppo_cli.cli.options import (
    EncodingOpt,
    JsonOpt,
    PagerOpt,
    RepairOpt,
    TextArg,
    WidthOpt,
    conflict,
)
from aleppo_cli.cli.status import UsageProblem
from aleppo_cli.errors import UsageError
from aleppo_cli.output.views import BySectionView, CompareView, HighlightView, SummaryView
from aleppo_cli.text import sources
from aleppo_cli.text.document import Document

if TYPE_CHECKING:
    from aleppo_cli.analysis.summarize.summary import Summary
    from aleppo_cli.text.sections import Section

    Algorithm = Enum
    Stemmer = str
else:  # Typer reads the choices (and lists them in --help) from these
    Algorithm = Enum("Algorithm", {name: name for name in summaries.ALGORITHMS})
    Stemmer = Literal[summaries.STEMMERS]


def _epilog() -> str:
    lines = ["\b", "Algorithms:"]  # \b: click keeps these lines as they are
    width = max(len(name) for name in summaries.ALGORITHMS)
    for name in summaries.ALGORITHMS:
        lines.append(f"  {name:<{width}}  {summaries.describe(name)}")
    return "\n".join(lines)


def _ratio(value: float | None) -> float | None:
    if value is not None and not 0.0 < value <= 1.0:
        raise typer.BadParameter(f"{value:g} is not in the range 0<x<=1.")
    return value


def summarize(
    ctx: typer.Context,
    text: TextArg = None,
    sentences: Annotated[
        int | None,
        typer.Option(
            "--sentences",
            "-s",
            min=1,
            metavar="N",
            show_default=False,
            help=f"How many sentences (default {summaries.DEFAULT_COUNT}).",
        ),
    ] = None,
    ratio: Annotated[
        float | None,
        typer.Option(
            "--ratio",
            "-r",
            callback=_ratio,
            metavar="SHARE",
            show_default=False,
            help="A share of the text's sentences instead, in (0, 1]; at least one.",
        ),
    ] = None,
    algorithm: Annotated[
        list[Algorithm] | None,
        typer.Option(
            "--algorithm",
            "-a",
            show_default=False,
            help=f"The algorithm (default {summaries.DEFAULT_ALGORITHM}; listed above). "
            "Repeat it with --compare.",
        ),
    ] = None,
    highlight: Annotated[
        bool,
        typer.Option("--highlight", help="Show the whole text with the summary marked in place."),
    ] = False,
    compare: Annotated[
        bool,
        typer.Option(
            "--compare", help="Compare algorithms (default: all but random), sentence by sentence."
        ),
    ] = False,
    stemmer: Annotated[
        Stemmer | None,
        typer.Option(
            "--stemmer",
            show_default=False,
            help="Word stems (snowball) or words as they are (none); default: none for "
            "reduction, snowball for the others.",
        ),
    ] = None,
    fragments: Annotated[
        bool,
        typer.Option(
            "--fragments",
            help="Let the summary choose fragments of dialogue (a sentence that starts or "
            "ends inside a quotation); by default it never does.",
        ),
    ] = False,
    by_section: Annotated[
        bool,
        typer.Option(
            "--by-section",
            help="Summarize each section (chapter) on its own: N sentences (or the share) "
            "of each, under its title.",
        ),
    ] = False,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed",
            metavar="N",
            show_default=False,
            help="Make random repeatable; without it, random changes from run to run.",
        ),
    ] = None,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    encoding: EncodingOpt = None,
    repair: RepairOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Summarize a text: its most telling sentences, in order."""
    env = ctx.obj
    names = tuple(str(choice.value) for choice in algorithm or ())
    if len(names) > 1 and not compare:
        raise UsageProblem(
            "give one --algorithm, or add --compare to run several", ctx.command_path
        )
    if compare and highlight:
        raise conflict(ctx, "--compare", "--highlight")
    for flag, on in (("--compare", compare), ("--highlight", highlight)):
        if by_section and on:
            raise conflict(ctx, "--by-section", flag)
    if sentences is not None and ratio is not None:
        raise conflict(ctx, "--sentences", "--ratio")
    source, document = load(env, text, encoding, repair)
    if document.sections:  # a chapter's heading is never chosen, whatever its form
        from aleppo_cli.text.sections import headed

        document = headed(document)
    if not document.paragraphs or summaries.candidates(document) == 0:
        raise UsageError(f"'{source.name}' has no sentences to summarize")
    title = source.title if sources.is_bundled(source) else ""  # a file's "title" is its name
    algorithm_name = names[0] if names else summaries.DEFAULT_ALGORITHM
    if by_section:
        if not document.sections:
            raise UsageError(
                f"'{source.name}' has no sections to summarize one by one (no chapter or "
                "part headings were found)",
                "leave out --by-section to summarize the whole text",
            )
        with progress(env, "Summarizing each section…"):
            parts = by_sections(
                document, algorithm_name, sentences, ratio, stemmer, seed=seed, fragments=fragments
            )
        each = BySectionView(source, document, algorithm_name, parts)
        emit(env, each, json_output=json_output, width=width, pager=pager)
        return
    count = summaries.sentence_count(document, sentences, ratio)
    if compare:
        # Each algorithm once; random only when asked (it changes from run to run).
        chosen = tuple(dict.fromkeys(names)) or tuple(
            a for a in summaries.ALGORITHMS if a != "random"
        )
        with progress(env, "Comparing summaries…"):
            comparison = summaries.compare(
                document, chosen, count, title, stemmer, seed=seed, fragments=fragments
            )
        compared = CompareView(source, comparison)
        emit(env, compared, json_output=json_output, width=width, pager=pager)
        return
    with progress(env, "Summarizing…"):
        summary = summaries.summarize(
            document,
            algorithm_name,
            count,
            title,
            stemmer,
            seed=seed,
            fragments=fragments,
        )
    shown = len(summary.sentences)
    if summary.short and shown == summary.candidates:
        many = summary.candidates != 1
        report(
            env,
            f"the text has {summary.candidates} sentence{'s' if many else ''} to choose from; "
            f"showing {'all of them' if many else 'it'}",
            label="note",
        )
    elif summary.short and summary.candidates <= summary.requested:
        report(
            env,
            f"{shown} of the text's {summary.candidates} sentences can be chosen (whole "
            "quotations, each text once); showing them; --fragments allows the others",
            label="note",
        )
    view: HighlightView | SummaryView = (
        HighlightView(source, document, summary)
        if highlight
        else SummaryView(source, summary, document.sections)
    )
    emit(env, view, json_output=json_output, width=width, pager=pager)


def by_sections(
    document: Document,
    algorithm: str,
    sentences: int | None,
    ratio: float | None,
    stemmer: str | None,
    seed: int | None = None,
    fragments: bool = False,
) -> list[tuple[Section, Summary]]:
    """Each section's own summary (its text up to the next section of any
    level), by the summarizers' public ``summarize``; the section's heading
    is given as the title and never chosen. Sections with no sentence to
    choose (a book's heading followed at once by its first chapter) are left
    out, as is any text before the first section (a title page)."""
    from aleppo_cli.text.sections import headed, own_parts

    parts = []
    for section, part in own_parts(headed(document)):
        if summaries.candidates(part) == 0:
            continue
        count = summaries.sentence_count(part, sentences, ratio)
        summary = summaries.summarize(
            part, algorithm, count, section.title, stemmer, seed=seed, fragments=fragments
        )
        parts.append((section, summary))
    return parts


summarize.__doc__ = f"{summarize.__doc__}\n\n{_epilog()}"
