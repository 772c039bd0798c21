"""The command line: Typer commands only.

Each command parses its options, calls the library, renders the result and
prints it once. Library errors become one line on stderr and an exit status
in ``AleppoGroup.main``; nothing else here handles errors.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from aleppo_cli import __version__
from aleppo_cli.analysis import search
from aleppo_cli.analysis.summarize import summary as summarize
from aleppo_cli.cli.environment import Environment
from aleppo_cli.errors import AleppoError, ExitStatus, UsageError
from aleppo_cli.output import plain as render
from aleppo_cli.text import prebuilt as index
from aleppo_cli.text import sources
from aleppo_cli.text.document import Document

if TYPE_CHECKING:  # rich is imported only for output to a terminal
    from types import ModuleType

    from rich.console import Console, RenderableType

    Styled = Callable[[ModuleType], RenderableType]  # given aleppo_cli.pretty

PROG = "aleppo"
DEBUG_VARIABLE = "ALEPPO_DEBUG"


class AleppoGroup(TyperGroup):
    """Runs the app and turns every failure into one line and an exit status."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not os.environ.get(DEBUG_VARIABLE):
            warnings.simplefilter("ignore")  # library warnings are not the user's business
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            status = result if isinstance(result, int) else ExitStatus.OK
        except AleppoError as error:
            _report(str(error))
            status = error.exit_status
        except KeyboardInterrupt:
            status = ExitStatus.INTERRUPTED
        except Exception as error:
            if _is_usage_error(error):
                status = _report_usage_error(error)
            elif os.environ.get(DEBUG_VARIABLE):
                raise
            else:
                _report(
                    f"internal error: {type(error).__name__}: {error}; run with --debug "
                    f"(or {DEBUG_VARIABLE}=1) to see the traceback, and please report it"
                )
                status = ExitStatus.ERROR
        if not standalone_mode:
            return status
        sys.exit(int(status))


def _is_usage_error(error: Exception) -> bool:
    """Typer's own usage errors (bad option, missing argument, bad value)."""
    return callable(getattr(error, "format_message", None)) and isinstance(
        getattr(error, "exit_code", None), int
    )


def _report_usage_error(error: Exception) -> int:
    if type(error).__name__ == "NoArgsIsHelpError":  # no arguments: the help, on stdout
        out = Environment.from_system().stdout
        out.write(str(error.format_message()) + "\n")  # type: ignore[attr-defined]
        out.flush()
        return ExitStatus.OK
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else PROG
    message = str(error.format_message()).rstrip(".")  # type: ignore[attr-defined]
    _report(f"{message} (see '{command} --help')")
    return int(getattr(error, "exit_code", ExitStatus.ERROR))


def _rich_console(file: Any, **options: Any) -> Console:
    """A console that never reads markup, emoji codes or highlights prose."""
    from rich.console import Console

    return Console(file=file, highlight=False, markup=False, emoji=False, **options)


def _error_console(env: Environment) -> Console:
    return _rich_console(env.stderr, no_color=env.no_color, soft_wrap=True)


def _report(message: str, label: str = "error") -> None:
    """One line on stderr: styled on a colour terminal, plain otherwise."""
    env = Environment.from_system()
    text = render.visible(message).replace("\n", " ")
    if not env.stderr_isatty or env.no_color:
        env.stderr.write(f"{PROG}: {label}: {text}\n")
        env.stderr.flush()
        return
    from rich.text import Text

    style = "bold red" if label == "error" else "yellow"
    _error_console(env).print(Text.assemble((f"{PROG}: {label}:", style), " ", text))


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

# --- options shared by the commands (defined once) ----------------------------

TextArg = Annotated[
    str | None,
    typer.Argument(
        metavar="[TEXT]",
        help="A bundled text's name (default: the review), a file path, or '-' for stdin.",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        "-w",
        min=20,
        max=1000,
        show_default=False,
        help="Wrap prose at N columns (default: the terminal's width, at most 88).",
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
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
        os.environ[DEBUG_VARIABLE] = "1"


# --- helpers ------------------------------------------------------------------


def _load(env: Environment, text: str | None) -> tuple[sources.Source, Document]:
    source = sources.load(text, env.stdin)
    if source.note:
        _report(source.note, label="note")
    with _progress(env, "Reading…"):
        return source, index.document_for(source)


def _console(env: Environment) -> Console:
    return _rich_console(env.stdout, width=env.columns, height=env.lines)


def _emit(
    env: Environment, plain: str, styled: Styled | None = None, pager: bool | None = False
) -> None:
    """Print once: the rich renderable on a terminal, the plain text otherwise.

    ``styled`` makes the renderable from the ``pretty`` module, imported only here.
    """
    if env.pretty and styled is not None:
        from aleppo_cli.output import styled as pretty_module

        pretty = styled(pretty_module)
        console = _console(env)
        too_long = len(console.render_lines(pretty, pad=False)) > env.lines
        if pager or (pager is None and too_long):
            os.environ.setdefault("LESS", "-R")
            with console.pager(styles=True):
                console.print(pretty)
        else:
            console.print(pretty)
        return
    if env.stdout_isatty and (pager or (pager is None and plain.count("\n") > env.lines)):
        import pydoc  # 15 ms: only when paging

        pydoc.pager(plain)
        return
    env.stdout.write(plain)
    env.stdout.flush()


def _emit_json(env: Environment, data: object) -> None:
    env.stdout.write(render.dump_json(data) + "\n")
    env.stdout.flush()


# --- commands -----------------------------------------------------------------


@app.command()
def show(
    text: TextArg = None,
    width: WidthOpt = None,
    numbers: Annotated[
        bool, typer.Option("--numbers", "-n", help="Prefix each sentence with its number.")
    ] = False,
    raw: Annotated[bool, typer.Option("--raw", help="Show the text exactly as read.")] = False,
    pager: PagerOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Show a text, formatted for reading."""
    env = Environment.from_system()
    if raw:
        source = sources.load(text, env.stdin)
        if json_output:
            _emit_json(env, {**render.source_json(source), "text": source.text})
        else:
            _emit(env, render.visible_raw(source.text), pager=pager)
        return
    source, document = _load(env, text)
    if json_output:
        _emit_json(env, render.show_json(source, document))
        return
    measure = env.measure(width)
    _emit(
        env,
        render.show_plain(source, document, measure, numbers),
        lambda p: p.show(source, document, measure, numbers),
        pager=pager,
    )


@app.command()
def info(text: TextArg = None, json_output: JsonOpt = False) -> None:
    """Word, sentence and paragraph counts, and the reading time."""
    from aleppo_cli.analysis import stats  # only info counts

    env = Environment.from_system()
    source, document = _load(env, text)
    counts = stats.compute(document)
    if json_output:
        _emit_json(env, render.info_json(source, counts))
    else:
        _emit(env, render.info_plain(source, counts), lambda p: p.info(source, counts))


@contextlib.contextmanager
def _progress(env: Environment, label: str) -> Iterator[None]:
    """A spinner on stderr for work that takes over a second, on a terminal only."""
    if not env.stderr_isatty:
        yield
        return
    console = _error_console(env)
    status = console.status(label, spinner="dots")
    started = threading.Event()

    def start() -> None:
        started.set()
        status.start()

    timer = threading.Timer(1.0, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        if started.is_set():
            status.stop()


@app.command("summarize")
def summarize_command(
    text: TextArg = None,
    sentences: Annotated[
        int | None,
        typer.Option(
            "--sentences",
            "-s",
            show_default=False,
            help=f"How many sentences (default {summarize.DEFAULT_COUNT}).",
        ),
    ] = None,
    ratio: Annotated[
        float | None,
        typer.Option(
            "--ratio",
            "-r",
            show_default=False,
            help="A share of the text's sentences instead, in (0, 1]; at least one.",
        ),
    ] = None,
    algorithm: Annotated[
        list[str] | None,
        typer.Option(
            "--algorithm",
            "-a",
            show_default=False,
            help=f"One of: {', '.join(summarize.ALGORITHMS)} (default "
            f"{summarize.DEFAULT_ALGORITHM}). Repeat it with --compare.",
        ),
    ] = None,
    highlight: Annotated[
        bool,
        typer.Option("--highlight", help="Show the whole text with the summary marked in place."),
    ] = False,
    compare: Annotated[
        bool, typer.Option("--compare", help="Compare algorithms (default: all) in one table.")
    ] = False,
    stemmer: Annotated[
        str | None,
        typer.Option(
            "--stemmer",
            show_default=False,
            help="snowball (word stems) or none (words as they are); default: none for "
            "reduction, snowball for the others.",
        ),
    ] = None,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Summarize a text: its most telling sentences, in order."""
    env = Environment.from_system()
    names = tuple(summarize.check_algorithm(name) for name in algorithm or ())
    if len(names) > 1 and not compare:
        raise AleppoError("give one --algorithm, or add --compare to run several")
    if compare and highlight:
        raise AleppoError("--compare and --highlight do not go together")
    if stemmer is not None:
        summarize.stemmer_for(summarize.DEFAULT_ALGORITHM, stemmer)  # checks the name
    source, document = _load(env, text)
    if not document.paragraphs or summarize.candidates(document) == 0:
        raise AleppoError(f"'{source.name}' has no sentences to summarize")
    count = summarize.sentence_count(document, sentences, ratio)
    title = source.title if source.kind not in ("file", "stdin") else ""
    measure = env.measure(width)
    if compare:
        with _progress(env, "Comparing summaries…"):
            comparison = summarize.compare(
                document, names or tuple(summarize.ALGORITHMS), count, title, stemmer
            )
        if json_output:
            _emit_json(env, render.compare_json(source, comparison))
        else:
            _emit(
                env, render.compare_plain(comparison), lambda p: p.compare(comparison), pager=pager
            )
        return
    with _progress(env, "Summarizing…"):
        summary = summarize.summarize(
            document, names[0] if names else summarize.DEFAULT_ALGORITHM, count, title, stemmer
        )
    if summary.short:
        many = summary.candidates != 1
        _report(
            f"the text has {summary.candidates} sentence{'s' if many else ''} to choose from; "
            f"showing {'all of them' if many else 'it'}",
            label="note",
        )
    if json_output:
        _emit_json(env, render.summary_json(source, summary))
    elif highlight:
        _emit(
            env,
            render.highlight_plain(document, summary, measure),
            lambda p: p.highlight(source, document, summary, measure),
            pager=pager,
        )
    else:
        _emit(
            env,
            render.summary_plain(source, summary, measure),
            lambda p: p.summary(source, summary, measure),
            pager=pager,
        )


@app.command("search")
def search_command(
    query: Annotated[
        str,
        typer.Argument(metavar="QUERY", help="The word or phrase to find.", show_default=False),
    ],
    text: TextArg = None,
    exact: Annotated[bool, typer.Option("--exact", help="Literal and case-sensitive.")] = False,
    regex: Annotated[
        bool, typer.Option("--regex", help="QUERY is a regular expression (regex package).")
    ] = False,
    fuzzy: Annotated[bool, typer.Option("--fuzzy", help="Tolerate typos.")] = False,
    word: Annotated[bool, typer.Option("--word", help="Whole words only.")] = False,
    min_score: Annotated[
        float,
        typer.Option("--min-score", help="With --fuzzy: the lowest score (0-100) that counts."),
    ] = search.DEFAULT_MIN_SCORE,
    around: Annotated[
        int, typer.Option("--context", "-C", help="Show N sentences either side of each hit.")
    ] = 0,
    count_only: Annotated[
        bool, typer.Option("--count", help="Print only the number of hits.")
    ] = False,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Find a quote or phrase, however it is typed. Exit status 1: none found."""
    env = Environment.from_system()
    modes = [
        name for name, on in (("--exact", exact), ("--regex", regex), ("--fuzzy", fuzzy)) if on
    ]
    if len(modes) > 1:
        raise UsageError(f"{' and '.join(modes)} do not go together", "choose one")
    if around < 0:
        raise UsageError(f"--context must be 0 or more, not {around}")
    if not 0 <= min_score <= 100:
        raise UsageError(f"--min-score must be between 0 and 100, not {min_score:g}")
    mode = (
        search.Mode.EXACT
        if exact
        else search.Mode.REGEX
        if regex
        else (search.Mode.FUZZY if fuzzy else search.Mode.FOLDED)
    )
    _, document = _load(env, text)
    with _progress(env, "Searching…"):
        found = search.run(document, search.Query(query, mode, word, min_score), around)
    if count_only:
        env.stdout.write(f"{len(found.hits)}\n")
    elif json_output:
        _emit_json(env, render.search_json(found))
    else:
        measure = env.measure(width)
        _emit(
            env,
            render.search_plain(found, measure),
            lambda p: p.search(found, measure),
            pager=pager,
        )
    if not found.hits:
        raise typer.Exit(ExitStatus.NOTHING_FOUND)


@app.command("quotes")
def quotes_command(
    text: TextArg = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also quoted titles, nicknames and scare quotes.")
    ] = False,
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            help="Only what NAME said (any part of the name, any case).",
            show_default=False,
        ),
    ] = None,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """List the direct quotations, with who said them and where."""
    from aleppo_cli.analysis.quotes import (
        quotations as quotes,  # its patterns compile at import: only here and in search
    )

    env = Environment.from_system()
    _, document = _load(env, text)
    with _progress(env, "Finding quotations…"):
        found = quotes.find(document)
    chosen = [q for q in found if show_all or q.kind == quotes.SPEECH]
    if speaker:
        wanted = search.fold(speaker)
        chosen = [q for q in chosen if q.speaker and wanted in search.fold(q.speaker)]
    hidden = len(found) - len([q for q in found if q.kind == quotes.SPEECH]) if not show_all else 0
    if json_output:
        _emit_json(env, render.quotes_json(chosen))
        return
    measure = env.measure(width)
    _emit(
        env,
        render.quotes_plain(chosen, hidden, measure, show_all),
        lambda p: p.quotes(chosen, hidden, measure, show_all),
        pager=pager,
    )


@app.command("texts")
def list_texts(json_output: JsonOpt = False) -> None:
    """List the bundled texts."""
    env = Environment.from_system()
    entries = list(sources.catalogue().values())
    if json_output:
        _emit_json(env, render.texts_json(entries))
    else:
        _emit(env, render.texts_plain(entries), lambda p: p.texts(entries))


def main() -> NoReturn:
    """Console-script entry point."""
    try:
        app(prog_name=PROG)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.OK)
    sys.exit(ExitStatus.OK)


def _silence_stdout() -> None:
    """After the reader closed the pipe: drop whatever is still buffered."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())
