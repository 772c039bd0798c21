"""aleppo search: a quote or phrase, however it is typed."""

from __future__ import annotations

from typing import Annotated

import typer

from aleppo_cli.analysis import search as finder
from aleppo_cli.cli.emit import emit, progress, write
from aleppo_cli.cli.inputs import load
from aleppo_cli.cli.options import EncodingOpt, JsonOpt, PagerOpt, TextArg, WidthOpt, conflict
from aleppo_cli.cli.status import NothingFound
from aleppo_cli.output.views import SearchView


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
        float,
        typer.Option(
            "--min-score",
            min=0,
            max=100,
            metavar="SCORE",
            help="With --fuzzy: the lowest score (0-100) that counts.",
        ),
    ] = finder.DEFAULT_MIN_SCORE,
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
    json_output: JsonOpt = False,
) -> None:
    """Find a quote or phrase, however it is typed. Exit status 1: none found."""
    env = ctx.obj
    modes = [
        flag for flag, on in (("--exact", exact), ("--regex", regex), ("--fuzzy", fuzzy)) if on
    ]
    if len(modes) > 1:
        raise conflict(ctx, *modes)
    mode = (
        finder.Mode.EXACT
        if exact
        else finder.Mode.REGEX
        if regex
        else (finder.Mode.FUZZY if fuzzy else finder.Mode.FOLDED)
    )
    source, document = load(env, text, encoding)
    with progress(env, "Searching…"):
        found = finder.run(document, finder.Query(query, mode, word, min_score), around)
    if count_only:
        write(env, f"{len(found.hits)}\n")
    else:
        emit(env, SearchView(source, found), json_output=json_output, width=width, pager=pager)
    if not found.hits:
        raise NothingFound
