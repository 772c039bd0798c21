"""The installed command on a real pseudo-terminal, with a real pager."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
import time

import pytest

pytestmark = pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")


def read_until(fd: int, wanted: bytes, seconds: float = 20) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def test_show_pages_in_colour_with_the_users_less_flags() -> None:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "PAGER": "less", "LESS": "-F"}
    environment.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "aleppo_cli", "show"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=environment,
        start_new_session=True,
    )
    os.close(follower)
    try:
        screen = read_until(leader, b"Since late 2012")
        assert b"Last Men in Aleppo" in screen
        assert b"ESC[" not in screen  # colour codes reach the screen as colour
        assert b"\x1b[1m" in screen  # the bold title, through less
        os.write(leader, b"q")
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
