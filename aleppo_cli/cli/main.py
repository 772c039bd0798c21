"""The one way out: ``run`` maps every outcome to an exit status.

``main`` (the console script, through ``aleppo_cli.cli:main``) builds the
environment once and exits with what ``run`` returns. The table of
exceptions and statuses is ``cli/status.py``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any, NoReturn

from typer import Abort, Exit

from aleppo_cli.cli import completion
from aleppo_cli.cli.emit import PROG, report, stop_spinner
from aleppo_cli.cli.environment import DEBUG_VARIABLE, Environment
from aleppo_cli.cli.status import ExitStatus, Kind, UsageProblem, status_for


def run(argv: Sequence[str], env: Environment, command: Any = None) -> ExitStatus:
    """Run ``aleppo`` with ``argv`` (no program name) in ``env``."""
    if command is None:
        from typer.main import get_command

        from aleppo_cli.cli.app import app

        command = get_command(app)
    # Click writes help and --version to sys.stdout: point it at env's streams.
    with (
        contextlib.redirect_stdout(env.stdout),
        contextlib.redirect_stderr(env.stderr),
        warnings.catch_warnings(),
    ):
        if not env.debug:
            warnings.simplefilter("ignore")  # library warnings are not the user's business
        try:
            instruction = env.variables.get(completion.VARIABLE)
            if instruction:  # the shell asks what may come next on its command line
                return ExitStatus(completion.complete(command, instruction))
            with command.make_context(PROG, list(argv), obj=env) as ctx:
                command.invoke(ctx)
            return ExitStatus.OK
        except BaseException as error:  # the one place that decides what an error means
            return _finish(env, error)
        finally:
            stop_spinner(env)


def _finish(env: Environment, error: BaseException) -> ExitStatus:
    if isinstance(error, Exit):  # --help and --version end this way
        return ExitStatus(error.exit_code)
    if isinstance(error, Abort):  # the parser's own interruption (EOF at a prompt)
        return ExitStatus.INTERRUPTED
    status, kind = status_for(error)
    if isinstance(error, BrokenPipeError):
        _silence_stdout(env)
    elif kind is Kind.MESSAGE:
        report(env, str(error))
    elif kind is Kind.USAGE:
        status = _usage(env, error)
    elif kind is Kind.INTERNAL:
        if env.debug:
            import traceback  # 7 ms: only for a traceback

            traceback.print_exception(error, file=env.stderr)
        else:
            report(
                env,
                f"internal error: {type(error).__name__}: {error}; run with --debug "
                f"(or {DEBUG_VARIABLE}=1) to see the traceback, and please report it",
            )
    return status


def _usage(env: Environment, error: BaseException) -> ExitStatus:
    if isinstance(error, UsageProblem):
        report(env, f"{error} (see '{error.command} --help')")
        return ExitStatus.ERROR
    message = str(error.format_message())  # type: ignore[attr-defined]
    if type(error).__name__ == "NoArgsIsHelpError":  # no arguments: the help, on stdout
        env.stdout.write(message + "\n")
        env.stdout.flush()
        return ExitStatus.OK
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else PROG
    report(env, f"{message.rstrip('.')} (see '{command} --help')")
    return ExitStatus.ERROR


def _silence_stdout(env: Environment) -> None:
    """After the reader closed the pipe: drop whatever is still buffered, so
    that the interpreter's last flush does not fail again."""
    try:
        fileno = env.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError):
        os.dup2(devnull, fileno)
    os.close(devnull)


def main() -> NoReturn:
    """Console-script entry point."""
    from aleppo_cli.text import collector

    collector.allow_freezing()  # (a command leaves without collecting again: ``leave``)
    leave(int(run(sys.argv[1:], Environment.from_system())))


def leave(status: int) -> NoReturn:
    """End the process with ``status``, without the interpreter's teardown.

    A long text's results (a novel's document and quotations: 250,000
    objects and more, kept by ``Environment.keep``) would be freed one by one
    as the process ends: 0.03 s of ``aleppo quotes`` on a novel. So, once
    standard output and error are flushed and the exit handlers have run,
    the process leaves at once (``os._exit``). The interpreter's own way
    (``sys.exit``) is kept whenever that would not be the same: a thread
    other than a daemon still running (its end would be waited for), or a
    stream that cannot be flushed (the interpreter reports it). Only for the
    real entry point: ``run`` itself returns, in-process runs and tests free
    everything as usual."""
    import atexit
    import threading

    running = threading.main_thread()
    if any(t is not running and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(status)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except BaseException:  # the interpreter's own exit says what it says of it
        sys.exit(status)
    atexit._run_exitfuncs()
    os._exit(status)
