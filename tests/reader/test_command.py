"""`aleppo read` on the command line: into a pipe it prints what `aleppo
show` prints; on a terminal (a pseudo-terminal here) it is the reader, q
quits with 0 and Ctrl-C with 130, and the place is kept."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.builders import fake_env, invoke


def test_into_a_pipe_it_prints_what_show_prints() -> None:
    read = invoke(["read"])
    show = invoke(["show"])
    assert read.status == 0 and read.stdout == show.stdout
    assert read.stderr == (
        "aleppo: note: standard output is not a terminal: printing the text as 'aleppo show' does\n"
    )


def test_into_a_pipe_reading_a_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("A [bold] text.\x1b[31m The end.", encoding="utf-8")
    assert invoke(["read", str(path)]).stdout == invoke(["show", str(path)]).stdout
    env = fake_env(stdin=b"From standard input. Two sentences.")
    assert "From standard input." in invoke(["read", "-"], env).stdout


def test_bad_input_is_one_line() -> None:
    outcome = invoke(["read", "no-such-text"])
    assert outcome.status == 2 and outcome.stderr.count("\n") == 1


def run_in_terminal(
    args: list[str], keys: list[bytes], state: Path, wait_for: bytes = b"sentence 1 of 39"
) -> tuple[int, bytes]:
    """Run `aleppo read` in a pseudo-terminal of 100 x 30, type ``keys``
    once ``wait_for`` shows, and return its status and what it drew."""
    leader, follower = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "XDG_STATE_HOME": str(state), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "aleppo_cli", "read", *args],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 30
    pending = list(keys)
    while time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                seen += os.read(leader, 65536)
            except OSError:
                break
        if pending and wait_for in seen:
            time.sleep(0.5 if len(pending) == len(keys) else 0.1)  # settled; then one by one
            os.write(leader, pending.pop(0))
    try:
        status = process.wait(timeout=10)
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return status, seen


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_on_a_terminal_q_quits_with_0_and_the_place_is_kept(tmp_path: Path) -> None:
    status, seen = run_in_terminal([], [b"9", b"j", b"j", b"q"], tmp_path)
    assert status == 0
    assert b"Last Men in Aleppo" in seen and b"\x1b[?1049l" in seen  # the screen restored
    saved = json.loads((tmp_path / "aleppo" / "reader.json").read_text())
    (entry,) = saved["texts"].values()
    assert entry["position"] > 0


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_on_a_terminal_ctrl_c_quits_with_130(tmp_path: Path) -> None:
    status, seen = run_in_terminal(["--no-state"], [b"\x03"], tmp_path)
    assert status == 130
    assert b"\x1b[?1049l" in seen
    assert not tmp_path.joinpath("aleppo").exists()


def test_the_reader_never_freezes_its_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader lives on: the console script's freezing (``collector``)
    is off before it builds anything, on a thread or not."""
    from aleppo_cli.reader import run
    from aleppo_cli.text import collector

    seen: list[bool] = []

    def reader(*arguments: object, **options: object) -> tuple[int, list[str]]:
        seen.append(collector._freezing)
        return 0, []

    monkeypatch.setattr(run, "read", reader)
    collector.allow_freezing()  # (as the console script does)
    try:
        outcome = invoke(["read", "last-men-in-aleppo"], fake_env(terminal=True))
    finally:
        collector.allow_freezing(False)
    assert outcome.status == 0
    assert seen == [False]
