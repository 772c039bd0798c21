"""aleppo summarize: the most telling sentences, in order."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from aleppo_cli.analysis.summarize import summary as summaries
from aleppo_cli.cli.emit import emit, progress, report
from aleppo_cli.cli.inputs import load
from aleppo_cli.cli.options import EncodingOpt, JsonOpt, PagerOpt, TextArg, WidthOpt, conflict
from aleppo_cli.cli.status import UsageProblem
from aleppo_cli.errors import UsageError
from aleppo_cli.output.views import CompareView, HighlightView, SummaryView
from aleppo_cli.text import sources

if TYPE_CHECKING:
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
            "reduction and blend, snowball for the others.",
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
    if sentences is not None and ratio is not None:
        raise conflict(ctx, "--sentences", "--ratio")
    source, document = load(env, text, encoding)
    if not document.paragraphs or summaries.candidates(document) == 0:
        raise UsageError(f"'{source.name}' has no sentences to summarize")
    count = summaries.sentence_count(document, sentences, ratio)
    title = source.title if sources.is_bundled(source) else ""  # a file's "title" is its name
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
            names[0] if names else summaries.DEFAULT_ALGORITHM,
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
        HighlightView(source, document, summary) if highlight else SummaryView(source, summary)
    )
    emit(env, view, json_output=json_output, width=width, pager=pager)


summarize.__doc__ = f"{summarize.__doc__}\n\n{_epilog()}"
