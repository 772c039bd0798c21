"""aleppo show: a text, formatted for reading."""

from __future__ import annotations

from typing import Annotated

import typer

from aleppo_cli.cli.emit import emit
from aleppo_cli.cli.inputs import load, load_source
from aleppo_cli.cli.options import (
    EncodingOpt,
    JsonOpt,
    PagerOpt,
    RepairOpt,
    TextArg,
    WidthOpt,
    conflict,
)
from aleppo_cli.output.views import RawView, ShowView


def show(
    ctx: typer.Context,
    text: TextArg = None,
    width: WidthOpt = None,
    numbers: Annotated[
        bool, typer.Option("--numbers", "-n", help="Prefix each sentence with its number.")
    ] = False,
    raw: Annotated[bool, typer.Option("--raw", help="Show the text exactly as read.")] = False,
    pager: PagerOpt = None,
    encoding: EncodingOpt = None,
    repair: RepairOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Show a text, formatted for reading."""
    env = ctx.obj
    if raw and numbers:
        raise conflict(ctx, "--raw", "--numbers")
    if raw and width is not None:
        raise conflict(ctx, "--raw", "--width")
    if raw:
        view: RawView | ShowView = RawView(load_source(env, text, encoding, repair))
    else:
        source, document = load(env, text, encoding, repair)
        view = ShowView(source, document, numbers)
    emit(env, view, json_output=json_output, width=width, pager=pager)
