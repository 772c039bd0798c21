"""The one way out (cli/main.py, cli/status.py): every outcome's exit status,
in-process with a fake environment."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aleppo_cli.analysis import stats
from aleppo_cli.cli import status
from aleppo_cli.cli.status import ExitStatus
from tests.builders import fake_env, invoke


class ClosedPipe(io.StringIO):
    """Standard output whose reader has gone away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_is_a_quiet_success() -> None:
    env = fake_env()
    env.stdout = ClosedPipe()
    outcome = invoke(["show"], env)
    assert (outcome.status, outcome.stderr) == (ExitStatus.OK, "")


def test_ctrl_c_is_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(document: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(stats, "compute", interrupted)
    outcome = invoke(["info"])
    assert (outcome.status, outcome.stderr) == (130, "")


def test_an_internal_error_is_one_line_and_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(stats, "compute", broken)
    outcome = invoke(["info"])
    assert outcome.status == ExitStatus.ERROR
    assert outcome.stderr.startswith("aleppo: error: internal error: ValueError: boom; run with")
    assert len(outcome.stderr.splitlines()) == 1


def test_debug_shows_the_traceback_and_leaks_nowhere(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(stats, "compute", broken)
    monkeypatch.delenv("ALEPPO_DEBUG", raising=False)
    debugging = invoke(["--debug", "info"])
    assert debugging.status == ExitStatus.ERROR
    assert "Traceback" in debugging.stderr and debugging.stderr.endswith("ValueError: boom\n")
    # --debug once used to set ALEPPO_DEBUG for the rest of the process.
    assert "ALEPPO_DEBUG" not in os.environ
    later = invoke(["info"])
    assert len(later.stderr.splitlines()) == 1


def test_debug_from_the_environment() -> None:
    outcome = invoke(["info", "/nonexistent/file"], fake_env(debug=True))
    assert outcome.status == ExitStatus.ERROR  # a user error stays one line
    assert outcome.stderr.startswith("aleppo: error: no bundled text or file named")


def test_usage_errors_and_help() -> None:
    bad = invoke(["show", "--width", "5"])
    assert bad.status == ExitStatus.ERROR
    assert bad.stderr == (
        "aleppo: error: Invalid value for '--width' / '-w': 5 is not in the range "
        "20<=x<=1000 (see 'aleppo show --help')\n"
    )
    assert invoke([]).stdout.startswith("Usage: aleppo [OPTIONS] COMMAND [ARGS]...")
    assert invoke([]).status == ExitStatus.OK
    assert invoke(["show", "--help"]).stdout.startswith("Usage: aleppo show [OPTIONS] [TEXT]")


def test_nothing_found_is_1() -> None:
    assert invoke(["search", "zebra"]).status == ExitStatus.NOTHING_FOUND


def test_the_table_decides_in_order() -> None:
    assert status.status_for(status.NothingFound()) == (1, status.Kind.QUIET)
    assert status.status_for(BrokenPipeError()) == (0, status.Kind.QUIET)
    assert status.status_for(KeyboardInterrupt()) == (130, status.Kind.QUIET)
    assert status.status_for(RuntimeError()) == (2, status.Kind.INTERNAL)


def test_a_really_closed_pipe_exits_0_with_nothing_on_stderr() -> None:
    """`aleppo show - | head -0`: the reader is gone before aleppo writes (pipes
    here are large enough to take a whole text, so the reader leaves first)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "aleppo_cli", "show", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin and process.stdout and process.stderr
    process.stdout.close()
    process.stdin.write(b"Nobody will read this sentence. Nor this one.")
    process.stdin.close()
    error = process.stderr.read()
    assert (process.wait(), error) == (0, b"")


def _run(code: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, check=False)


def test_leaving_keeps_the_exit_status_handlers_and_buffered_text(tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    done = _run(
        "import atexit, sys\n"
        "from aleppo_cli.cli.main import leave\n"
        "atexit.register(lambda: open(sys.argv[1], 'w').write('saved'))\n"
        "sys.stdout.write('out'); sys.stderr.write('err')\n"
        "leave(3)\n",
        str(saved),
    )
    assert (done.returncode, done.stdout, done.stderr) == (3, b"out", b"err")
    assert saved.read_text() == "saved"


def test_leaving_waits_for_a_thread_still_at_work(tmp_path: Path) -> None:
    """A thread other than a daemon is waited for, as the interpreter does."""
    done = _run(
        "import threading, time, sys\n"
        "from aleppo_cli.cli.main import leave\n"
        "def late():\n"
        "    time.sleep(0.2); sys.stdout.write('late'); sys.stdout.flush()\n"
        "threading.Thread(target=late).start()\n"
        "leave(4)\n"
    )
    assert (done.returncode, done.stdout) == (4, b"late")


@pytest.mark.parametrize(
    ("argv", "status"), [(["quotes"], 0), (["search", "zebra"], 1), (["show", "/nonexistent"], 2)]
)
def test_the_real_entry_point_prints_all_and_exits_as_run_says(
    argv: list[str], status: int, tmp_path: Path
) -> None:
    """The console script leaves without the teardown: its output, into a
    file, is all of what ``run`` prints, with ``run``'s status."""
    expected = invoke(argv)
    out = tmp_path / "out"
    with out.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "aleppo_cli", *argv],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == expected.status == status
    assert out.read_text(encoding="utf-8") == expected.stdout
    assert done.stderr.decode() == expected.stderr


def test_an_in_process_run_leaves_every_object_to_the_collector(tmp_path: Path) -> None:
    """Only the console script, which leaves without collecting again, moves
    a long text's objects out of the collector's reach (``gc.freeze``): run
    in-process, ``quotes`` freezes nothing, and a cycle of the caller's that
    was garbage before it is still collected after it."""
    import gc
    import weakref

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    novel = tmp_path / "novel.txt"
    novel.write_text('"A long talk," said Anna. "Go on."\n\n' * 12_000, encoding="utf-8")
    gc.collect()
    gc.unfreeze()
    gc.disable()  # (so that the cycle is still there, uncollected, as the commands run)
    try:
        garbage = Cycle()
        collected = weakref.ref(garbage)
        del garbage
        for argv in (["quotes", "--json", str(novel)], ["search", "talk", str(novel)]):
            assert invoke(argv).status == 0
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert collected() is None


def test_the_console_script_lets_its_commands_freeze(monkeypatch: pytest.MonkeyPatch) -> None:
    """``main`` (the console script, which leaves at once) allows the
    collector's freezing that in-process runs never do."""
    import importlib

    from aleppo_cli.text import collector

    entry = importlib.import_module("aleppo_cli.cli.main")  # (the module: the package's
    # ``main`` is the function the console script calls)

    seen: list[bool] = []

    def ran(argv: list[str], env: object) -> int:
        seen.append(collector._freezing)
        return 0

    def left(status: int) -> None:
        raise SystemExit(status)

    monkeypatch.setattr(entry, "run", ran)
    monkeypatch.setattr(entry, "leave", left)
    try:
        with pytest.raises(SystemExit):
            entry.main()
    finally:
        collector.allow_freezing(False)
    assert seen == [True]
