"""Options and arguments shared by the commands, defined once.

Ranges and choices are checked by Typer, so every bad value is reported in
one wording ("Invalid value for '--width': ...").
"""

from __future__ import annotations

from typing import Annotated

import typer

from aleppo_cli.cli import completion
from aleppo_cli.cli.environment import MIN_MEASURE
from aleppo_cli.cli.status import UsageProblem

MAX_WIDTH = 1000

TextArg = Annotated[
    str | None,
    typer.Argument(
        metavar="[TEXT]",
        autocompletion=completion.texts,
        help="A bundled text's name, a file path, or '-' for stdin. Default: standard input "
        "when it is a pipe or a file, else the review.",
        show_default=False,
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="NAME",
        show_default=False,
        help="Decode the input as NAME (utf-8, cp1252, latin-1, ...) instead of detecting it.",
    ),
]
RepairOpt = Annotated[
    bool | None,
    typer.Option(
        "--repair/--no-repair",
        show_default=False,
        help="Repair web artifacts (ad-slot markers, words run together) always, or never "
        "(default: only where the text shows it was scraped).",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        "-w",
        min=MIN_MEASURE,
        max=MAX_WIDTH,
        metavar="COLUMNS",
        show_default=False,
        help=f"Wrap prose at COLUMNS ({MIN_MEASURE}-{MAX_WIDTH}; default: the terminal's "
        "width, at most 88).",
    ),
]
PagerOpt = Annotated[
    bool | None,
    typer.Option(
        "--pager/--no-pager",
        show_default=False,
        help="Page long output (default: when it is longer than the terminal).",
    ),
]


def conflict(ctx: typer.Context, *flags: str) -> UsageProblem:
    """The usage error for options that do not go together."""
    return UsageProblem(f"{' and '.join(flags)} do not go together", ctx.command_path)
