"""aleppo info: counts and the reading time."""

from __future__ import annotations

import typer

from aleppo_cli.cli.emit import emit
from aleppo_cli.cli.inputs import load
from aleppo_cli.cli.options import EncodingOpt, JsonOpt, RepairOpt, TextArg
from aleppo_cli.output.views import InfoView


def info(
    ctx: typer.Context,
    text: TextArg = None,
    encoding: EncodingOpt = None,
    repair: RepairOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Word, sentence, paragraph and section counts, and the reading time."""
    from aleppo_cli.analysis import stats  # its pattern compiles at import: only here

    env = ctx.obj
    source, document = load(env, text, encoding, repair)
    view = InfoView(source, stats.compute(document), document.sections)
    emit(env, view, json_output=json_output, width=env.columns)  # a table, not prose
