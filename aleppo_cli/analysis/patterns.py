"""Ready-compiled regular expressions of the quotation stages: ``patterns.bin``.

Python compiles a regular expression in Python code (``re._parser`` and
``re._compiler``): the quotation stages' hundred patterns, with their long
alternations of verbs and names, take about 0.7 billion instructions to
compile, where finding the quotations of a 10 KB text takes a few million.
So every process that analysed a user's short text spent most of its time
compiling the same patterns again.

``patterns.bin`` (written by ``python .ci/index_texts.py``) holds what the
compiler made of each pattern: the code the C matching engine runs, its
groups and flags. ``preload`` hands them to ``re``'s own cache of compiled
patterns, so that the stages' ``re.compile`` calls find them there.
``start.bin`` does the same for the 59 other patterns the commands compile
as they start (the document's, the command line's, its libraries'): about
40 million instructions of each command's start, a tenth. They are
used only by the interpreter that made them (the same Python version and
engine: ``_sre.MAGIC`` and ``CODESIZE``), and the engine checks every code it
is given; a pattern not in the file (a rule changed since) is compiled as
usual. A pattern built from the file equals the one ``re.compile`` makes (a
test checks it): same code, same flags, so the results cannot differ.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # CPython's engine (re imports it), no stubs
import marshal
import re
import sys
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FILE = Path(__file__).with_name("patterns.bin")
# The patterns every command compiles as it starts (the command line's, the
# document's, the libraries'), beyond the stages': loaded first by the
# console script and ``python -m aleppo_cli``.
START = Path(__file__).with_name("start.bin")
VERSION = 1

_loaded: set[Path] = set()


def _header() -> tuple[Any, ...]:
    return (
        VERSION,
        sys.implementation.name,
        tuple(sys.version_info),
        _sre.MAGIC,
        _sre.CODESIZE,
        array("I").itemsize,
    )


def _build(entry: tuple[Any, ...]) -> re.Pattern[Any]:
    pattern, _flags, final_flags, code, groups, groupindex, indexgroup = entry
    ops = array("I", code).tolist()  # the engine's code words (CODESIZE 4)
    built: re.Pattern[Any] = _sre.compile(pattern, final_flags, ops, groups, groupindex, indexgroup)
    return built


def entries(path: Path = FILE) -> list[tuple[Any, ...]] | None:
    """The file's patterns, or None when it is missing or was made by another
    interpreter."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != _header():
        return None
    found: list[tuple[Any, ...]] = data[1]
    return found


def preload(path: Path = FILE) -> None:
    """Put the patterns of ``path`` into ``re``'s cache (once a process)."""
    if path in _loaded:
        return
    _loaded.add(path)
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    found = entries(path)
    if found is None:
        return
    try:
        for entry in found:
            key = (type(entry[0]), entry[0], entry[1])  # (a pattern of str or of bytes)
            if key not in cache:
                cache[key] = _build(entry)
    except (RuntimeError, TypeError, ValueError, IndexError):  # not code this engine takes
        return


def make(keys: Iterable[tuple[str | bytes, int]]) -> bytes:
    """``patterns.bin`` for the patterns ``keys`` (pattern, flags), each
    checked to equal what ``re.compile`` makes of it."""
    if sys.version_info >= (3, 11):
        from re import _compiler as compiler
        from re import _parser as parser
    else:  # pragma: no cover - Python 3.10
        import sre_compile as compiler
        import sre_parse as parser
    made = []
    for pattern, flags in sorted(set(keys), key=lambda key: (isinstance(key[0], bytes), key)):
        parsed = parser.parse(pattern, flags)  # type: ignore[arg-type]  # (bytes too)
        code = compiler._code(parsed, flags)  # type: ignore[attr-defined]
        groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (
            pattern,
            flags,
            int(flags | parsed.state.flags),
            array("I", code).tobytes(),
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        if _build(entry) != re.compile(pattern, flags):
            raise RuntimeError(f"pattern {pattern!r} does not compile as re does")
        made.append(entry)
    # not compressed: decompressing the stages' 800 KB took 10 million
    # instructions of each process that analyses a user's text (a fifth of
    # loading them); marshal reads them in a fraction of that
    return marshal.dumps((_header(), made))
