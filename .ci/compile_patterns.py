"""Write aleppo_cli/analysis/patterns.bin and start.bin: regular expressions
as Python's compiler makes them, for this interpreter
(aleppo_cli/analysis/patterns.py says why).

python .ci/compile_patterns.py           (also run by .ci/index_texts.py)
python .ci/compile_patterns.py --check   (exit status 1 if a file lacks one of ours)
python .ci/compile_patterns.py --check-stages   (patterns.bin only: quicker)

patterns.bin: the patterns that importing the quotation stages and the search
modules compiles, beyond those building a document has compiled already.
start.bin: the others that the commands compile on the bundled review and on
a copy of it as a user's file, into a pipe and into a pseudo-terminal (ours,
the command line's libraries', the standard library's), each command run in a
fresh interpreter.
"""

from __future__ import annotations

import os
import pickle
import pty
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from aleppo_cli.analysis import patterns

REVIEW = Path(__file__).resolve().parents[1] / "texts" / "last-men-in-aleppo.txt"
COMMANDS = (["--help"], ["show", "--no-pager"], ["info"], ["quotes"], ["search", "destiny"])

# run in a fresh interpreter: the command, recording each pattern compiled
# (not found in re's cache), whether code of aleppo_cli asked for it, and
# whether that was before the quotation stages' file was read (a pattern of
# theirs compiled before, as json's are at every start, goes into start.bin)
_RECORDER = r"""
import pickle, re, sys, traceback
original = re._compile
seen = set()
staged = []
def recording(pattern, flags):
    if isinstance(pattern, (str, bytes)):
        key = (type(pattern), pattern, int(flags))
        if key not in re._cache:
            ours = any(
                "aleppo_cli" in frame.filename and "patterns.py" not in frame.filename
                for frame in traceback.extract_stack()[:-1]
            )
            seen.add((pattern, int(flags), ours, not staged))
    return original(pattern, flags)
re._compile = recording
from aleppo_cli.analysis import patterns
preload = patterns.preload
def preloading(path=patterns.FILE):
    if path == patterns.FILE:
        staged.append(True)
    preload(path)
patterns.preload = preloading
out = sys.argv.pop(1)
sys.argv[0] = "aleppo"
import aleppo_cli.cli.main
aleppo_cli.cli.main.leave = sys.exit  # the interpreter's own exit: what follows runs
from aleppo_cli.cli.main import main
try:
    main()
except SystemExit:
    pass
with open(out, "wb") as file:
    pickle.dump(seen, file)
"""


def stage_keys() -> set[tuple[str, int]]:
    """The (pattern, flags) the stages compile, in this process."""
    patterns._loaded.add(patterns.FILE)  # record what compiling makes, not the file
    from aleppo_cli.text.document import build

    document = build(REVIEW.read_text(encoding="utf-8"), repair=True)
    before = set(re._cache)  # type: ignore[attr-defined]
    from aleppo_cli.analysis import search, search_beyond, search_speakers
    from aleppo_cli.analysis.quotes import quotations

    quotations.find(document)
    search_speakers.speakers(document, [0])
    del search, search_beyond
    return {
        (key[1], key[2])
        for key in set(re._cache) - before  # type: ignore[attr-defined]
        if key[0] is str
    }


def _drain(fd: int) -> None:
    with open(fd, "rb", buffering=0, closefd=False) as reader:
        try:
            while reader.read(65536):
                pass
        except OSError:
            pass


# A text with chapters: the patterns of headings (text/sections.py), which a
# novel compiles, are in start.bin too.
CHAPTERS = "CHAPTER I.\n\nIt began.\n\nCHAPTER II. The End\n\nIt ended.\n"


def start_keys() -> set[tuple[str | bytes, int, bool, bool]]:
    """(pattern, flags, compiled for aleppo_cli's code, compiled before the
    quotation stages' file was read) the commands compile."""
    found: set[tuple[str | bytes, int, bool, bool]] = set()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "review.txt"
        copy.write_bytes(REVIEW.read_bytes())
        chapters = Path(scratch) / "chapters.txt"
        chapters.write_text(CHAPTERS, encoding="utf-8")
        out = Path(scratch) / "seen.pickle"
        runs = [
            *COMMANDS,
            *([*c, str(copy)] for c in COMMANDS[1:]),
            *([*c, str(chapters)] for c in COMMANDS[1:3]),
        ]
        for terminal in (False, True):
            for args in runs:
                command = [sys.executable, "-c", _RECORDER, str(out), *args]
                if terminal:
                    leader, follower = pty.openpty()
                    drain = threading.Thread(target=_drain, args=(leader,), daemon=True)
                    drain.start()
                    subprocess.run(command, stdin=subprocess.DEVNULL, stdout=follower, check=False)
                    os.close(follower)
                    drain.join(timeout=5)
                    os.close(leader)
                else:
                    subprocess.run(
                        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=False
                    )
                found |= pickle.loads(out.read_bytes())
    return found


def main() -> None:
    check = sys.argv[1:] in (["--check"], ["--check-stages"])
    stages = stage_keys()
    if check:
        missing = sorted(stages - {(e[0], e[1]) for e in patterns.entries() or []})
        if sys.argv[1:] == ["--check-stages"]:
            start: set[tuple[str | bytes, int, bool, bool]] = set()
    else:
        patterns.FILE.write_bytes(patterns.make(stages))
        print(f"wrote {patterns.FILE.name}: {len(stages)} patterns")
    if sys.argv[1:] != ["--check-stages"]:
        # the stages' own, unless compiled before their file is read
        start = {key for key in start_keys() if key[:2] not in stages or key[3]}
    if check:
        stored = {(e[0], e[1]) for e in patterns.entries(patterns.START) or []}
        missing += [key[:2] for key in start if key[2] and key[:2] not in stored]
        for pattern, flags in missing:
            print(f"not in the files: {pattern[:70]!r} (flags {flags})")
        sys.exit(1 if missing else 0)
    patterns.START.write_bytes(patterns.make(key[:2] for key in start))
    print(f"wrote {patterns.START.name}: {len(start)} patterns")


if __name__ == "__main__":
    main()
