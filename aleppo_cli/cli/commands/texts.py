"""aleppo texts: the bundled texts."""

from __future__ import annotations

import typer

from aleppo_cli.cli.emit import emit
from aleppo_cli.cli.options import JsonOpt
from aleppo_cli.output.views import TextsView
from aleppo_cli.text import sources


def texts(ctx: typer.Context, json_output: JsonOpt = False) -> None:
    """List the bundled texts."""
    emit(ctx.obj, TextsView(list(sources.catalogue().values())), json_output=json_output)
