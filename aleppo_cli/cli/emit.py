"""Everything that reaches the terminal: results, the pager, notes and errors,
and the spinner.

``emit`` prints a command's result once: it asks the view for exactly one
rendering (JSON, styled for a colour terminal, or plain), decides on the
pager, and writes. rich is imported only for a terminal.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from aleppo_cli.cli.environment import Environment
from aleppo_cli.output.safe import carries_unicode, dump_json, fit, visible
from aleppo_cli.output.views import View, envelope, styled_parts
from aleppo_cli.text.beside import fork_safe

if TYPE_CHECKING:
    from rich.console import Console

PROG = "aleppo"
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
    terminal, False never (pipes and files are never paged). A long styled
    text goes out part by part, so the first page shows before the last
    paragraph is styled."""
    if json_output:
        ascii_only = not carries_unicode(env.encoding)
        write(env, dump_json(envelope(view), ascii_only) + "\n")
        return
    measure = env.measure(width)
    parts = styled_parts(view, measure) if env.pretty else None
    rendered: Iterator[str]
    if parts is not None:
        rendered = render_styled(env, parts)
    else:  # piped with no width asked: one record a line, for grep
        rendered = iter([view.plain(measure if env.stdout_isatty or width is not None else None)])
    if not env.stdout_isatty or pager is False:
        for text in rendered:
            write(env, text)
        return
    first: list[str] = []
    lines = 0
    for text in rendered:  # up to a screenful, to decide on the pager
        first.append(text)
        lines += text.count("\n")
        if pager or lines > env.lines:
            page(env, itertools.chain(first, rendered))
            return
    write(env, "".join(first))


def write(env: Environment, text: str) -> None:
    """Write to standard output, in what its encoding can carry."""
    stop_spinner(env)
    env.stdout.write(fit(text, env.encoding))
    env.stdout.flush()


def console(file: Any, **options: Any) -> Console:
    """A rich console that never reads markup, emoji codes or highlights prose."""
    from rich.console import Console

    return Console(file=file, highlight=False, markup=False, emoji=False, **options)


def render_styled(env: Environment, renderables: Iterable[Any]) -> Iterator[str]:
    """Each renderable as the terminal will show it, escape codes included,
    made only when asked for (one console for them all)."""
    out = console(
        env.stdout,
        width=env.columns,
        height=env.lines,
        force_terminal=env.stdout_isatty,
        no_color=env.no_color,
    )
    for renderable in renderables:
        with out.capture() as captured:
            out.print(renderable)
        yield captured.get()


def page(env: Environment, texts: Iterable[str]) -> None:
    """Show ``texts`` in the user's pager ($PAGER, else less), writing each as
    it comes. Colour flags go only into the pager's own environment; without
    a pager, just print."""
    import shlex
    import subprocess  # 5 ms: only when paging

    command = shlex.split(env.variables.get("PAGER") or DEFAULT_PAGER)
    variables = {**env.variables, "LESS": less_flags(env.variables.get("LESS", ""))}
    stop_spinner(env)
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=variables)
    except (OSError, ValueError):
        for text in texts:
            write(env, text)
        return
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the reader quit the pager early
        for text in texts:
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
    terminal = env.stderr_isatty or None  # the environment decides, not rich's own look
    return console(env.stderr, no_color=env.no_color, soft_wrap=True, force_terminal=terminal)


def report(env: Environment, message: str, label: str = "error") -> None:
    """One line on stderr: styled on a colour terminal, plain otherwise."""
    stop_spinner(env)
    text = fit(visible(message).replace("\n", " "), env.error_encoding)
    if not env.stderr_isatty or env.no_color:
        env.stderr.write(f"{PROG}: {label}: {text}\n")
        env.stderr.flush()
        return
    from rich.text import Text

    style = "bold red" if label == "error" else "yellow"
    error_console(env).print(Text.assemble((f"{PROG}: {label}:", style), " ", text))


class Spinner:
    """A spinner on stderr, from the first slow step until output starts.

    It shows only after ``env.spinner_delay`` seconds of work, and only on a
    terminal; rich is imported only then (in the timer's thread). Its
    threads (the timer's, rich's refresh) only draw on standard error, so a
    long text's work may still fork beside them (``beside.fork_safe``)."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.label = ""
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.status: Any = None

    def show(self, label: str) -> None:
        with self.lock:
            self.label = label
            if self.status is not None:
                self.status.update(label)
            elif self.timer is None:
                self.timer = threading.Timer(self.env.spinner_delay, self._start)
                self.timer.daemon = True
                self.timer.start()
                fork_safe(self.timer)

    def _start(self) -> None:
        with self.lock:
            if self.timer is None:  # stopped meanwhile
                return
            spinner = "dots" if carries_unicode(self.env.error_encoding) else "line"
            status = error_console(self.env).status(self.label, spinner=spinner)
            before = set(threading.enumerate())
            status.start()
            for thread in set(threading.enumerate()) - before:  # rich's refresh
                fork_safe(thread)
            self.status = status  # (once its threads are known to be safe)

    def stop(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.status is not None:
                self.status.stop()
                self.status = None


def stop_spinner(env: Environment) -> None:
    if env.spinner is not None:
        env.spinner.stop()


@contextlib.contextmanager
def progress(env: Environment, label: str) -> Iterator[None]:
    """Say what the program is doing, on a spinner, if it takes a while. The
    spinner keeps turning after the block, until output starts."""
    if env.stderr_isatty:
        if env.spinner is None:
            env.spinner = Spinner(env)
        env.spinner.show(label)
    yield
