"""The Typer application: the root options and the table of commands.

The commands themselves are in ``cli/commands/``, one module each; ``run``
in ``cli/main.py`` is the one way out.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from aleppo_cli import __version__
from aleppo_cli.cli.commands import info, quotes, read, search, show, summarize, texts
from aleppo_cli.cli.emit import PROG
from aleppo_cli.cli.environment import DEBUG_VARIABLE, Environment


class AleppoGroup(TyperGroup):
    """Sends every invocation through ``run``, also Typer's test runner's."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        obj: Environment | None = None,
        **extra: Any,
    ) -> Any:
        from aleppo_cli.cli.main import run

        env = obj if obj is not None else Environment.from_system()
        status = run(sys.argv[1:] if args is None else args, env, command=self)
        if not standalone_mode:
            return status
        sys.exit(int(status))


app = typer.Typer(
    cls=AleppoGroup,
    name=PROG,
    help="Read, summarize and search long-form text in the terminal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain help: typer's rich help imports 0.06 s more
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        env: Environment = ctx.obj
        env.stdout.write(f"{PROG} {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help=f"Show tracebacks of internal errors (or set {DEBUG_VARIABLE}=1)."
        ),
    ] = False,
) -> None:
    """Read, summarize and search long-form text in the terminal."""
    if debug:
        env: Environment = ctx.obj
        env.debug = True


app.command("show")(show.show)
app.command("read")(read.read)
app.command("info")(info.info)
app.command("summarize")(summarize.summarize)
app.command("search")(search.search)
app.command("quotes")(quotes.quotes)
app.command("texts")(texts.texts)
