"""aleppo quotes: the direct quotations, who said them and where."""

from __future__ import annotations

from typing import Annotated

import typer

from aleppo_cli.cli.emit import emit, progress
from aleppo_cli.cli.inputs import load_source
from aleppo_cli.cli.options import EncodingOpt, JsonOpt, PagerOpt, RepairOpt, TextArg, WidthOpt
from aleppo_cli.cli.status import NothingFound, UsageProblem
from aleppo_cli.output.views import QuotesView, SpeakersView
from aleppo_cli.text import prebuilt


def quotes(
    ctx: typer.Context,
    text: TextArg = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also quoted titles, nicknames and scare quotes.")
    ] = False,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            metavar="NAME",
            help="Only what the person NAME names said (any of their names, any case).",
            show_default=False,
        ),
    ] = None,
    list_speakers: Annotated[
        bool,
        typer.Option(
            "--speakers",
            help="List the people who speak instead: names, gender, quotations.",
        ),
    ] = False,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    encoding: EncodingOpt = None,
    repair: RepairOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """List the direct quotations, with who said them and where (or, with
    --speakers, who speaks). Exit status 1: none."""
    # The stages' patterns compile at import: only when quotations are found
    # (``ready.find`` answers a bundled text from its ready-made file).
    from aleppo_cli.analysis.quotes import ready, selection

    env = ctx.obj
    if speaker is not None and not speaker.strip():
        raise UsageProblem("--speaker needs a name", ctx.command_path)
    source = load_source(env, text, encoding, repair)
    names = ready.names_beside(source)  # a long text's: found by the child that lays it out
    with progress(env, "Reading…"):
        document = prebuilt.document_for(source, names)
    with progress(env, "Finding quotations…"):
        found = ready.find(source, document, names, env.keep)
    env.keep(document, found)  # not freed one by one as the command returns
    if list_speakers:
        if speaker is not None or show_all:
            raise UsageProblem(
                "--speakers lists everyone: not with --speaker or --all", ctx.command_path
            )
        people = selection.speakers(found)
        emit(env, SpeakersView(source, people), json_output=json_output, width=width, pager=pager)
        if not people:
            raise NothingFound
        return
    chosen = selection.select(found, show_all=show_all, speaker=speaker)
    view = QuotesView(source, chosen.quotations, chosen.hidden, show_all, document.sections)
    emit(env, view, json_output=json_output, width=width, pager=pager)
    if not chosen.quotations:
        raise NothingFound
