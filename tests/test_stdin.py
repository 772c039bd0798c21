"""Standard input by default: read when it is a pipe, a file or a socket;
with a terminal or a character device, no TEXT means the bundled review."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from aleppo_cli.cli.environment import _carries_data
from tests.builders import fake_env, invoke

PIPED = "“Go away,” said Bob. He left."


def test_piped_text_is_read_when_no_text_is_given() -> None:
    env = fake_env(stdin=PIPED.encode(), stdin_has_data=True)
    outcome = invoke(["quotes"], env)
    assert outcome.status == 0, outcome.stderr
    assert "Go away" in outcome.stdout and "Bob" in outcome.stdout
    assert "Khaled" not in outcome.stdout


def test_without_data_on_stdin_no_text_means_the_review() -> None:
    env = fake_env(stdin=PIPED.encode(), stdin_has_data=False)
    outcome = invoke(["show"], env)
    assert outcome.stdout.startswith("Last Men in Aleppo\n")


def test_a_dash_still_forces_standard_input() -> None:
    env = fake_env(stdin=b"Forced. Twice.", stdin_has_data=False)
    assert "Forced. Twice." in invoke(["show", "-"], env).stdout


def test_a_named_text_wins_over_piped_data() -> None:
    env = fake_env(stdin=PIPED.encode(), stdin_has_data=True)
    assert invoke(["show", "last-men-in-aleppo"], env).stdout.startswith("Last Men in Aleppo")


def test_an_empty_pipe_is_one_error() -> None:
    outcome = invoke(["show"], fake_env(stdin=b"", stdin_has_data=True))
    assert outcome.status == 2
    assert outcome.stderr == (
        "aleppo: error: standard input contains no text; give a file with some text in it\n"
    )


class _Stream:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd


def test_what_counts_as_data(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    path = tmp_path / "file.txt"
    path.write_text("x")
    left, right = socket.socketpair()
    try:
        with path.open("rb") as handle, open(os.devnull, "rb") as null:
            assert _carries_data(_Stream(read_end))  # a pipe
            assert _carries_data(handle)  # a redirected file
            assert _carries_data(left)  # a socket
            assert not _carries_data(null)  # a character device
            assert not _carries_data(object())  # no file descriptor (a test runner's stream)
            assert not _carries_data(_Stream(999_999))  # closed
    finally:
        os.close(read_end)
        os.close(write_end)
        left.close()
        right.close()


@pytest.mark.parametrize(
    ("piped", "expected"),
    [
        (False, "Last Men in Aleppo"),  # /dev/null, as for cron and CI: never waits
        (True, "“Go away,” said Bob."),
    ],
)
def test_the_real_command(piped: bool, expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aleppo_cli", "show"],
        input=PIPED.encode() if piped else None,
        stdin=None if piped else subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout.decode()
