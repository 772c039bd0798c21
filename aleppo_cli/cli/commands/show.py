"""aleppo show: a text, formatted for reading; its contents; one chapter."""

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
from aleppo_cli.errors import UsageError
from aleppo_cli.output.views import RawView, ShowView, TocView
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source


def show(
    ctx: typer.Context,
    text: TextArg = None,
    width: WidthOpt = None,
    numbers: Annotated[
        bool, typer.Option("--numbers", "-n", help="Prefix each sentence with its number.")
    ] = False,
    raw: Annotated[bool, typer.Option("--raw", help="Show the text exactly as read.")] = False,
    toc: Annotated[
        bool,
        typer.Option("--toc", help="Show the table of contents: the text's chapters and parts."),
    ] = False,
    chapter: Annotated[
        str | None,
        typer.Option(
            "--chapter",
            "-c",
            metavar="N|TITLE",
            show_default=False,
            help="Show one section: its number in --toc, or its title (any case; the start "
            "of it will do).",
        ),
    ] = None,
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
    for flag, on in (("--raw", raw), ("--numbers", numbers), ("--chapter", chapter is not None)):
        if toc and on:
            raise conflict(ctx, "--toc", flag)
    if raw and chapter is not None:
        raise conflict(ctx, "--raw", "--chapter")
    if raw:
        emit(
            env,
            RawView(load_source(env, text, encoding, repair)),
            json_output=json_output,
            pager=pager,
        )
        return
    source, document = load(env, text, encoding, repair)
    if toc:
        if not document.sections:
            raise _no_sections(source)
        emit(env, TocView(source, document), json_output=json_output, width=width, pager=pager)
        return
    if chapter is not None:
        document = _chapter(source, document, chapter)
    view = ShowView(source, document, numbers)
    emit(env, view, json_output=json_output, width=width, pager=pager)


def _no_sections(source: Source) -> UsageError:
    return UsageError(
        f"'{source.name}' has no sections (no chapter or part headings were found)",
        "'aleppo show' shows the whole text",
    )


def _chapter(source: Source, document: Document, wanted: str) -> Document:
    """The document of the section ``wanted`` names (one line and exit 2 if none)."""
    from aleppo_cli.text import sections

    if not document.sections:
        raise _no_sections(source)
    found = sections.find(document.sections, wanted)
    count = len(document.sections)
    if not found:
        raise UsageError(
            f"no section {wanted!r} in '{source.name}': it has {count} "
            f"section{'' if count == 1 else 's'}, numbered 1 to {count}",
            "see 'aleppo show --toc'",
        )
    if len(found) > 1:
        numbers = ", ".join(str(s.number) for s in found[:5]) + (", …" if len(found) > 5 else "")
        raise UsageError(
            f"{wanted!r} names {len(found)} sections of '{source.name}' ({numbers})",
            "give its number (see 'aleppo show --toc')",
        )
    return sections.excerpt(document, found[0])
