"""aleppo read: a full-screen reader (Textual, imported only here)."""

from __future__ import annotations

from typing import Annotated

import typer

from aleppo_cli.cli.emit import emit, report, stop_spinner
from aleppo_cli.cli.inputs import load, load_source
from aleppo_cli.cli.options import RepairOpt, TextArg
from aleppo_cli.output.views import ShowView


def read(
    ctx: typer.Context,
    text: TextArg = None,
    from_start: Annotated[
        bool, typer.Option("--from-start", help="Start at the top, not where you stopped.")
    ] = False,
    no_state: Annotated[
        bool,
        typer.Option(
            "--no-state",
            help="Neither restore nor save the reading position and marks "
            "(or set ALEPPO_NO_STATE=1).",
        ),
    ] = False,
    repair: RepairOpt = None,
) -> None:
    """Read a text full-screen: search, summary, quotations, bookmarks.

    Keys: arrows, j/k, space/b, g/G move; / and ? search, n/N step; : goes to
    a sentence, t to the contents; s marks the summary; ] and [ step through
    quotations, Q lists them; ? or F1 shows every key; q quits. Where you
    stopped is kept in $XDG_STATE_HOME/aleppo/reader.json (by default under
    ~/.local/state). When standard output is not a terminal, prints what
    'aleppo show' prints.
    """
    env = ctx.obj
    if not env.stdout_isatty:
        source, document = load(env, text, repair=repair)
        report(
            env,
            "standard output is not a terminal: printing the text as 'aleppo show' does",
            label="note",
        )
        emit(env, ShowView(source, document), pager=False)
        return
    from aleppo_cli.reader import run
    from aleppo_cli.text import collector

    # the reader lives on: a long text's build (on a thread, beside the app) must
    # not freeze the app's objects out of the collector's reach
    collector.allow_freezing(False)
    source = load_source(env, text, repair=repair)
    stop_spinner(env)  # the reader takes the whole screen now
    status, notes = run.read(
        source, env.variables, from_start=from_start, no_state=no_state, no_color=env.no_color
    )
    for note in notes:
        report(env, note, label="note")
    if status == run.INTERRUPTED:
        raise KeyboardInterrupt
