"""aleppo info: counts and the reading time."""

from __future__ import annotations

import typer

from aleppo_cli.analysis import stats
from aleppo_cli.cli.emit import emit
from aleppo_cli.cli.inputs import load
from aleppo_cli.cli.options import EncodingOpt, JsonOpt, TextArg
from aleppo_cli.output.views import InfoView


def info(
    ctx: typer.Context,
    text: TextArg = None,
    encoding: EncodingOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Word, sentence and paragraph counts, and the reading time."""
    env = ctx.obj
    source, document = load(env, text, encoding)
    emit(env, InfoView(source, stats.compute(document)), json_output=json_output)
