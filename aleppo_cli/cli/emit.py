"""Everything that reaches the terminal: results, the pager, notes and errors,
and the spinner.

``emit`` prints a command's result once: it asks the view for exactly one
rendering (JSON, styled for a colour terminal, or plain), decides on the
pager, and writes. rich is imported only for a terminal.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from aleppo_cli.cli.environment import Environment
from aleppo_cli.output.safe import carries_unicode, dump_json, fit, visible
from aleppo_cli.output.views import View, envelope

if TYPE_CHECKING:
    from rich.console import Console

PROG = "aleppo"
SPINNER_DELAY = 1.0  # seconds of work before the spinner shows: short runs stay quiet
DEFAULT_PAGER = "less"
PAGER_FLAGS = "-R"  # less: pass colour escape codes through


def emit(
    env: Environment,
    view: View,
    *,
    json_output: bool = False,
    width: int | None = None,
    pager: bool | None = False,
) -> None:
    """Print ``view`` once. ``pager``: True always, None when longer than the
    terminal, False never (pipes and files are never paged)."""
    if json_output:
        ascii_only = not carries_unicode(env.encoding)
        write(env, dump_json(envelope(view), ascii_only) + "\n")
        return
    measure = env.measure(width)
    styled = view.styled(measure) if env.pretty else None
    if styled is not None:
        text = render_styled(env, styled)
    else:  # piped with no width asked: one record a line, for grep
        text = view.plain(measure if env.stdout_isatty or width is not None else None)
    if env.stdout_isatty and (pager or (pager is None and text.count("\n") > env.lines)):
        page(env, text)
    else:
        write(env, text)


def write(env: Environment, text: str) -> None:
    """Write to standard output, in what its encoding can carry."""
    env.stdout.write(fit(text, env.encoding))
    env.stdout.flush()


def console(file: Any, **options: Any) -> Console:
    """A rich console that never reads markup, emoji codes or highlights prose."""
    from rich.console import Console

    return Console(file=file, highlight=False, markup=False, emoji=False, **options)


def render_styled(env: Environment, renderable: Any) -> str:
    """The renderable as the terminal will show it, escape codes included."""
    out = console(
        env.stdout,
        width=env.columns,
        height=env.lines,
        force_terminal=env.stdout_isatty,
        no_color=env.no_color,
    )
    with out.capture() as captured:
        out.print(renderable)
    return captured.get()


def page(env: Environment, text: str) -> None:
    """Show ``text`` in the user's pager ($PAGER, else less). Colour flags go
    only into the pager's own environment; without a pager, just print."""
    import shlex
    import subprocess  # 5 ms: only when paging

    command = shlex.split(env.variables.get("PAGER") or DEFAULT_PAGER)
    variables = {**env.variables, "LESS": less_flags(env.variables.get("LESS", ""))}
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=variables)
    except (OSError, ValueError):
        write(env, text)
        return
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the reader quit the pager early
        process.stdin.write(fit(text, env.encoding).encode(env.encoding, "replace"))
    with contextlib.suppress(BrokenPipeError):
        process.stdin.close()
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue


def less_flags(user: str) -> str:
    """The user's LESS, with -R added when it lacks it (or -r): colour codes
    must reach the screen as colour, not as ESC[1m."""
    flags = user.strip()
    words = flags.split()
    if any(w.startswith("-") and not w.startswith("--") and ("R" in w or "r" in w) for w in words):
        return flags
    if any(w in ("--RAW-CONTROL-CHARS", "--raw-control-chars") for w in words):
        return flags
    return f"{flags} {PAGER_FLAGS}".strip()


def error_console(env: Environment) -> Console:
    return console(env.stderr, no_color=env.no_color, soft_wrap=True)


def report(env: Environment, message: str, label: str = "error") -> None:
    """One line on stderr: styled on a colour terminal, plain otherwise."""
    text = fit(visible(message).replace("\n", " "), env.error_encoding)
    if not env.stderr_isatty or env.no_color:
        env.stderr.write(f"{PROG}: {label}: {text}\n")
        env.stderr.flush()
        return
    from rich.text import Text

    style = "bold red" if label == "error" else "yellow"
    error_console(env).print(Text.assemble((f"{PROG}: {label}:", style), " ", text))


@contextlib.contextmanager
def progress(env: Environment, label: str) -> Iterator[None]:
    """A spinner on stderr for work that takes a while, on a terminal only.
    rich is imported only if the spinner shows."""
    if not env.stderr_isatty:
        yield
        return
    lock = threading.Lock()
    shown: list[Any] = []
    done = False

    def start() -> None:
        with lock:
            if done:
                return
            spinner = "dots" if carries_unicode(env.error_encoding) else "line"
            status = error_console(env).status(label, spinner=spinner)
            status.start()
            shown.append(status)

    timer = threading.Timer(SPINNER_DELAY, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            done = True
            for status in shown:
                status.stop()
