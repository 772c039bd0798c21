"""The Typer application: the root options and the table of commands.

The commands themselves are in ``cli/commands/``, one module each; ``run``
in ``cli/main.py`` is the one way out.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer.core import TyperCommand, TyperGroup

from aleppo_cli import __version__
from aleppo_cli.cli import completion
from aleppo_cli.cli.emit import PROG
from aleppo_cli.cli.environment import DEBUG_VARIABLE, Environment


def _show() -> Callable[..., None]:
    from aleppo_cli.cli.commands.show import show

    return show


def _read() -> Callable[..., None]:
    from aleppo_cli.cli.commands.read import read

    return read


def _info() -> Callable[..., None]:
    from aleppo_cli.cli.commands.info import info

    return info


def _summarize() -> Callable[..., None]:
    from aleppo_cli.cli.commands.summarize import summarize

    return summarize


def _search() -> Callable[..., None]:
    from aleppo_cli.cli.commands.search import search

    return search


def _quotes() -> Callable[..., None]:
    from aleppo_cli.cli.commands.quotes import quotes

    return quotes


def _texts() -> Callable[..., None]:
    from aleppo_cli.cli.commands.texts import texts

    return texts


# Each command's function, imported only when that command runs (or --help lists it).
COMMANDS: dict[str, Callable[[], Callable[..., None]]] = {
    "show": _show,
    "read": _read,
    "info": _info,
    "summarize": _summarize,
    "search": _search,
    "quotes": _quotes,
    "texts": _texts,
}
CONTEXT = {"help_option_names": ["-h", "--help"]}


class AleppoGroup(TyperGroup):
    """The root command. It sends every invocation through ``run`` (also
    Typer's test runner's), and builds a command's options only when that
    command is asked for: Typer would build all six at every start, reading
    every annotation (8 to 12 ms here)."""

    def list_commands(self, ctx: Any) -> list[str]:  # Typer's vendored Click Context
        return list(COMMANDS)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The Commands section of --help, from the functions' docstrings (the
        first sentence, as Click's short help), without building the commands."""
        rows = [(name, _short_help(load())) for name, load in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: Any, name: str) -> Any:
        if name not in COMMANDS:
            return None
        if name not in self.commands:
            self.commands[name] = _built(name)
        return self.commands[name]

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
    context_settings=CONTEXT,
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
            help="Print the completion script for this shell.",
        ),
    ] = None,
    install_completion: Annotated[
        Shell | None,
        typer.Option(
            "--install-completion",
            callback=_install_completion,
            is_eager=True,
            show_default=False,
            help="Print the line that installs completion for this shell (writes nothing).",
        ),
    ] = None,
) -> None:
    """Read, summarize and search long-form text in the terminal."""
    if debug:
        env: Environment = ctx.obj
        env.debug = True


def _short_help(function: Callable[..., None]) -> str:
    first = (function.__doc__ or "").strip().split("\n\n")[0]
    sentence = " ".join(first.split())
    end = sentence.find(". ")
    return sentence[: end + 1] if end >= 0 else sentence


def _built(name: str) -> Any:
    """One command as Typer makes it, alone (a Typer app of one command gives
    the command itself)."""
    from typer.main import get_command

    single = typer.Typer(add_completion=False, rich_markup_mode=None, context_settings=CONTEXT)
    single.command(name, cls=AleppoCommand)(COMMANDS[name]())
    return get_command(single)
