"""The ready-compiled patterns of the quotation stages (aleppo_cli/analysis/patterns.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from aleppo_cli.analysis import patterns
from tests.conftest import REPO

ENTRIES = patterns.entries()
START = patterns.entries(patterns.START)
made_here = pytest.mark.skipif(
    ENTRIES is None or START is None, reason="the files were made by another interpreter"
)


@made_here
def test_each_ready_pattern_is_the_one_re_compiles() -> None:
    assert ENTRIES and START
    for entry in [*ENTRIES, *START]:
        pattern, flags = entry[0], entry[1]
        built = patterns._build(entry)
        assert built == re.compile(pattern, flags), pattern[:60]
        assert built.groupindex == re.compile(pattern, flags).groupindex
        assert built.groups == re.compile(pattern, flags).groups


@made_here
@pytest.mark.parametrize(
    ("seed", "check"), [("0", "--check"), ("1", "--check-stages"), ("12345", "--check-stages")]
)
def test_the_files_hold_every_pattern_of_ours_the_commands_compile(seed: str, check: str) -> None:
    # a fresh interpreter with its own hash seed: a pattern built from a set's
    # order would differ from process to process and never be found
    # (--check: also each command's own, run in fresh interpreters)
    result = subprocess.run(
        [sys.executable, str(REPO / ".ci/compile_patterns.py"), check],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        cwd=REPO,
    )
    assert result.returncode == 0, (
        result.stdout + result.stderr + "\nrun python .ci/compile_patterns.py"
    )


def test_a_file_of_another_interpreter_or_damaged_is_not_used(tmp_path: Path) -> None:
    other = tmp_path / "patterns.bin"
    other.write_bytes(zlib.compress(b"not marshal data"))
    assert patterns.entries(other) is None
    other.write_bytes(b"")
    assert patterns.entries(other) is None
    assert patterns.entries(tmp_path / "missing.bin") is None


def test_made_patterns_round_trip(tmp_path: Path) -> None:
    keys = {(r"(?P<who>[A-Z]\w+) (?:said|says)\b", 0), (r"ab+c", re.IGNORECASE.value)}
    path = tmp_path / "patterns.bin"
    path.write_bytes(patterns.make(keys))
    found = patterns.entries(path)
    assert found is not None
    assert {(entry[0], entry[1]) for entry in found} == keys
    for entry in found:
        built = patterns._build(entry)
        assert built == re.compile(entry[0], entry[1])
    who = next(patterns._build(entry) for entry in found if "who" in entry[0])
    said = who.match("Nora said")
    assert said is not None and said.group("who") == "Nora"


@made_here
@pytest.mark.parametrize("stage", ["quotations", "stretches"])  # search imports stretches alone
def test_importing_the_stages_compiles_none_of_their_patterns(stage: str) -> None:
    code = (
        "import re, sys\n"
        "from aleppo_cli.text.document import build\n"
        "compiled = []\n"
        "original = re._compile\n"
        "def counted(pattern, flags):\n"
        "    known = type(pattern) is bytes or (str, pattern, flags) in re._cache\n"
        "    compiled.extend([] if known else [pattern])\n"
        "    return original(pattern, flags)\n"
        "re._compile = counted\n"
        f"from aleppo_cli.analysis.quotes import {stage}\n"
        "print(len(compiled))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
