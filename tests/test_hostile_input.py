"""Every command against every kind of bad or unusual input (a table).

Each case is a file's bytes (or a command line) and what must happen: the
exit code, and for errors one line on stderr saying what is wrong. Whatever
happens, no traceback, no control character reaches stdout or stderr, and no
file appears anywhere in the working directory.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aleppo_cli.cli.app import app
from aleppo_cli.text import sources
from tests.builders import fake_env, invoke

COMMANDS = [
    ["show"],
    ["info"],
    ["summarize"],
    ["search", "--", "the"],
    ["quotes", "--all"],
    ["read"],  # into a pipe: what show prints
]
CONTROLS = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {chr(c) for c in range(0x7F, 0xA0)}

OK_INPUTS = {
    "latin-1": "Café au lait. The naïve señor said “déjà vu”.".encode("latin-1", "replace"),
    "windows-1252": "The “smart” quotes — and a naïve café. Then the end.".encode("cp1252"),
    "utf-8 bom": codecs.BOM_UTF8 + b"The first line. The second one.",
    "utf-16 bom": "The first line. The second line, in UTF-16.".encode("utf-16"),
    "crlf": b"The first line.\r\nThe second line.\r\n\r\nA new paragraph.\r\n",
    "lone cr": b"The first line.\rThe second line.\r\rA new paragraph.",
    "no punctuation": ("the words go on and on without a stop " * 300).encode(),
    "long line": ("the long line " * 50_000).encode(),
    "long word": ("the " + "x" * 200_000 + " end.").encode(),
    "other scripts": "مرحبا بالعالم. 你好，世界。Привет, мир! 👋🏽 e\u0301 \u200f.".encode(),
    "markup": b"The [bold red]alarm[/] and [link=http://x]a link[/link]. The end.",
    "control sequences": (
        "The \x1b[31mred\x1b[0m text, an \x1b]8;;http://x\x07OSC 8\x1b]8;;\x07 link, "
        "an \x1b]52;c;SGk=\x07 clipboard write, a bell \x07, back\x08space, a c\rreturn, "
        "and C1 \x9b\x85 codes. The end."
    ).encode(),
}

ERROR_INPUTS = {
    "empty": (b"", "contains no text"),
    "white space only": (b" \n\t\r\n  ", "contains no text"),
    "nul bytes": (b"The start.\x00\x00\x00 binary", "looks like a binary file"),
    "an image": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "looks like a binary file"),
}


def check_clean_output(result: object) -> None:
    out, err = result.stdout, result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in out + err
    assert not CONTROLS & set(out)
    assert not CONTROLS & set(err)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", sorted(OK_INPUTS))
def test_unusual_input_works(
    runner: CliRunner, workdir: Path, kind: str, command: list[str]
) -> None:
    Path("input.txt").write_bytes(OK_INPUTS[kind])
    result = runner.invoke(app, [*command, "input.txt"])
    assert result.exit_code in (0, 1), (kind, result.stderr)  # search may find nothing
    check_clean_output(result)
    assert sorted(p.name for p in workdir.iterdir()) == ["input.txt"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", sorted(ERROR_INPUTS))
def test_bad_input_is_one_line(
    runner: CliRunner, workdir: Path, kind: str, command: list[str]
) -> None:
    data, message = ERROR_INPUTS[kind]
    Path("input.txt").write_bytes(data)
    result = runner.invoke(app, [*command, "input.txt"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    check_clean_output(result)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing.txt", "no bundled text or file named 'missing.txt'"),
        ("../secret", "bundled texts: last-men-in-aleppo"),
        ("[red]x.txt", "no bundled text or file named '[red]x.txt'"),
        (".", "is a directory"),
    ],
)
def test_bad_paths(
    runner: CliRunner, workdir: Path, command: list[str], target: str, message: str
) -> None:
    result = runner.invoke(app, [*command, target])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    check_clean_output(result)


def test_unreadable_file(runner: CliRunner, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("locked.txt").write_text("Secret.")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # root reads anything; simulate
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "locked.txt"])
        assert result.exit_code == 2
        assert "cannot read 'locked.txt': permission denied" in result.stderr


def test_a_file_over_the_size_limit_is_refused(runner: CliRunner, workdir: Path) -> None:
    with open("huge.txt", "wb") as handle:
        handle.truncate(sources.MAX_BYTES + 1)  # sparse: no 32 MiB written
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "huge.txt"])
        assert result.exit_code == 2
        assert "larger than 32 MiB" in result.stderr


def test_a_file_named_like_markup(runner: CliRunner, workdir: Path) -> None:
    Path("[red]x.txt").write_text("A [bold]short[/] text. The end.")
    result = runner.invoke(app, ["show", "[red]x.txt"])
    assert result.stdout.splitlines()[:2] == ["[red]x.txt", "file · [red]x.txt"]
    assert "A [bold]short[/] text." in result.stdout


def test_control_sequences_never_reach_a_terminal_raw(workdir: Path) -> None:
    """On a terminal rich writes its own escape codes, but none from the text."""
    Path("input.txt").write_bytes(OK_INPUTS["control sequences"])
    for command in COMMANDS:
        if command[0] == "read":
            continue  # on a terminal, the reader: tests/reader/test_hostile.py
        pager = [] if command[0] == "info" else ["--no-pager"]
        result = invoke([command[0], *pager, *command[1:], "input.txt"], fake_env(terminal=True))
        assert result.status in (0, 1), result.stderr
        if command[0] != "quotes":  # it finds none here: nothing to style
            assert "\x1b[" in result.stdout  # styled: rich's own codes
        for hostile in ("\x1b]52", "\x1b]8;;http", "\x1b[31m", "\x07", "\x08", "\r", "\x9b"):
            assert hostile not in result.stdout, (command, hostile)


def test_ctrl_c_exits_130_quietly(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from aleppo_cli.analysis import stats

    def interrupted(document: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(stats, "compute", interrupted)
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 130
    assert "Traceback" not in result.output


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    long_text = tmp_path / "long.txt"
    long_text.write_text("A line of text that goes on. " * 20_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "aleppo_cli", "show", "--no-pager", str(long_text)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    error = process.stderr.read()
    process.wait()
    assert error == b""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--width", "0"], "Invalid value for '--width'"),
        (
            ["summarize", "-s", "0"],
            "Invalid value for '--sentences' / '-s': 0 is not in the range x>=1",
        ),
        (
            ["summarize", "--ratio", "2"],
            "Invalid value for '--ratio' / '-r': 2 is not in the range 0<x<=1",
        ),
        (
            ["summarize", "-a", "bogus"],
            "Invalid value for '--algorithm' / '-a': 'bogus' is not one of",
        ),
        (["search", "x", "--regex", "--exact"], "do not go together"),
        (["search", "(unclosed", "--regex"], "invalid regular expression"),
        (
            ["search", "x", "--min-score", "101", "--fuzzy"],
            "Invalid value for '--min-score': 101.0 is not in the range 0<=x<=100",
        ),
        (["quotes", "--bogus"], "No such option: --bogus"),
        (["nosuchcommand"], "No such command"),
    ],
)
def test_bad_options(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    check_clean_output(result)
