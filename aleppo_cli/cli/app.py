"""The Typer application: the root options and the table of commands.

The commands themselves are in ``cli/commands/``, one module each; ``run``
in ``cli/main.py`` is the one way out.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer.core import TyperCommand, TyperGroup

from aleppo_cli import __version__
from aleppo_cli.cli import completion
from aleppo_cli.cli.commands import info, quotes, search, show, summarize, texts
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


class AleppoCommand(TyperCommand):
    """Typer writes a required argument as {QUERY} in the usage line; we write
    QUERY, as the help's own Arguments section does."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # Typer's vendored Click Context
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


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


if TYPE_CHECKING:
    Shell = str
else:
    Shell = Literal[completion.SHELLS]


def _show_completion(ctx: typer.Context, shell: str | None) -> None:
    if shell is not None:
        env: Environment = ctx.obj
        env.stdout.write(completion.script(shell) + "\n")
        raise typer.Exit()


def _install_completion(ctx: typer.Context, shell: str | None) -> None:
    if shell is not None:
        env: Environment = ctx.obj
        line = completion.install_line(shell)
        start_up = completion.START_UP_FILES[shell]
        env.stdout.write(f"{line}\n")
        env.stderr.write(
            f"{PROG}: note: add the line above to {start_up} (aleppo changes no file of "
            f"yours), or run it now: {line}\n"
        )
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
    show_completion: Annotated[
        Shell | None,
        typer.Option(
            "--show-completion",
            callback=_show_completion,
            is_eager=True,
            show_default=False,
            help="Print the completion script for SHELL.",
        ),
    ] = None,
    install_completion: Annotated[
        Shell | None,
        typer.Option(
            "--install-completion",
            callback=_install_completion,
            is_eager=True,
            show_default=False,
            help="Print the line that installs completion for SHELL (writes nothing).",
        ),
    ] = None,
) -> None:
    """Read, summarize and search long-form text in the terminal."""
    if debug:
        env: Environment = ctx.obj
        env.debug = True


for name, command in (
    ("show", show.show),
    ("info", info.info),
    ("summarize", summarize.summarize),
    ("search", search.search),
    ("quotes", quotes.quotes),
    ("texts", texts.texts),
):
    app.command(name, cls=AleppoCommand)(command)
