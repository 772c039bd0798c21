"""aleppo search: a quote or phrase, however it is typed."""

from __future__ import annotations

from typing import Annotated

import typer

from aleppo_cli.cli.emit import emit, progress
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
from aleppo_cli.cli.status import NothingFound, UsageProblem
from aleppo_cli.errors import UsageError
from aleppo_cli.output.views import SearchView

DEFAULT_MIN_SCORE = 80.0  # analysis.search's default, named here to keep that import lazy


def search(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(metavar="QUERY", help="The word or phrase to find.", show_default=False),
    ],
    text: TextArg = None,
    exact: Annotated[bool, typer.Option("--exact", help="Literal and case-sensitive.")] = False,
    regex: Annotated[
        bool, typer.Option("--regex", help="QUERY is a regular expression (regex package).")
    ] = False,
    fuzzy: Annotated[bool, typer.Option("--fuzzy", help="Tolerate typos.")] = False,
    word: Annotated[bool, typer.Option("--word", help="Whole words only.")] = False,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score",
            min=0,
            max=100,
            metavar="SCORE",
            show_default=False,
            help=f"With --fuzzy: the lowest score (0-100) that counts (default "
            f"{DEFAULT_MIN_SCORE:g}).",
        ),
    ] = None,
    around: Annotated[
        int,
        typer.Option(
            "--context", "-C", min=0, metavar="N", help="Show N sentences either side of each hit."
        ),
    ] = 0,
    count_only: Annotated[
        bool, typer.Option("--count", help="Print only the number of hits.")
    ] = False,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    encoding: EncodingOpt = None,
    repair: RepairOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Find a quote or phrase, however it is typed. Exit status 1: none found."""
    # Its patterns compile at import (4 ms): only for this command.
    from aleppo_cli.analysis import search as finder
    from aleppo_cli.analysis.quotes.ready import stored as stored_quotations

    env = ctx.obj
    modes = [
        flag for flag, on in (("--exact", exact), ("--regex", regex), ("--fuzzy", fuzzy)) if on
    ]
    if len(modes) > 1:
        raise conflict(ctx, *modes)
    if word and fuzzy:
        raise conflict(ctx, "--word", "--fuzzy")
    if min_score is not None and not fuzzy:
        raise UsageProblem("--min-score goes with --fuzzy", ctx.command_path)
    mode = (
        finder.Mode.EXACT
        if exact
        else finder.Mode.REGEX
        if regex
        else (finder.Mode.FUZZY if fuzzy else finder.Mode.FOLDED)
    )
    score = finder.DEFAULT_MIN_SCORE if min_score is None else min_score
    asked = finder.Query(query, mode, word, score)
    beside = finder.folded_beside(asked)  # found while a long text is laid out
    source, document = load(env, text, encoding, repair, beside)
    with progress(env, "Searching…"):
        try:
            ready = stored_quotations(source)
            spans = None if beside is None else (asked, beside.result(document.clean.text))
            found = finder.run(document, asked, around, ready, spans)
        except finder.QueryWithoutWords as error:
            hint = "use --exact or --regex to search for punctuation"
            raise UsageError(error.message, hint) from None
    view = SearchView(source, found, count_only, document.sections)
    emit(env, view, json_output=json_output, width=width, pager=pager)
    if not found.hits:
        raise NothingFound
