"""Where a reader stopped, and the marks set, per text: one small JSON file.

The file is ``$XDG_STATE_HOME/aleppo/reader.json`` (``~/.local/state/aleppo``
when XDG_STATE_HOME is unset or not an absolute path). It is the only file
``aleppo`` writes. A text is known by the SHA-256 of its content as read, so
a renamed or moved file keeps its place and an edited one starts afresh.
Positions and marks are offsets into the text as read. The most recently
read ``MAX_TEXTS`` texts are kept, in order of reading (no clock is read).

Writing goes to a temporary file in the same folder, then ``os.replace``:
a reader never sees half a file. Whatever is wrong with the file (unreadable,
not JSON, another shape, not writable) becomes a note, never an error.
``--no-state`` or ``ALEPPO_NO_STATE=1`` reads and writes nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERSION = 1
FILE_NAME = "reader.json"
MAX_TEXTS = 200
MAX_MARKS = 52  # a-z and A-Z
MAX_FILE_BYTES = 1024 * 1024  # a larger file is not ours: ignored
NO_STATE_VARIABLE = "ALEPPO_NO_STATE"


def key_for(text: str) -> str:
    """The store's key for a text: the SHA-256 of its content as read."""
    import hashlib  # OpenSSL, 3 ms: only the reader needs it

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state_path(variables: Mapping[str, str]) -> Path | None:
    """The state file's path, or None when there is no home to put it in."""
    base = variables.get("XDG_STATE_HOME", "")
    if not base or not os.path.isabs(base):
        home = variables.get("HOME", "")
        if not home or not os.path.isabs(home):
            return None
        base = os.path.join(home, ".local", "state")
    return Path(base) / "aleppo" / FILE_NAME


def disabled(variables: Mapping[str, str]) -> bool:
    return variables.get(NO_STATE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


@dataclass
class TextState:
    position: int = 0  # offset into the text as read of the top line
    marks: dict[str, int] = field(default_factory=dict)  # letter -> offset


@dataclass
class Store:
    """The state of every text read lately; ``path`` None: nothing is kept."""

    path: Path | None
    texts: dict[str, TextState] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, path: Path | None) -> Store:
        store = cls(path)
        if path is not None:
            store.texts = store._read()
        return store

    def get(self, key: str) -> TextState | None:
        return self.texts.get(key)

    def put(self, key: str, state: TextState) -> None:
        self.texts.pop(key, None)
        self.texts[key] = state  # the most recent last
        while len(self.texts) > MAX_TEXTS:
            del self.texts[next(iter(self.texts))]

    def save(self, key: str, state: TextState) -> None:
        """Record ``state`` for ``key`` and write the file, keeping what other
        readers wrote meanwhile. Failing to write adds a note."""
        if self.path is None:
            return
        latest = self._read(quiet=True)
        latest.pop(key, None)
        self.texts = latest
        self.put(key, state)
        try:
            self._write()
        except OSError as error:
            reason = error.strerror or str(error)
            self.notes.append(f"could not save the reading position in {self.path}: {reason}")

    def _read(self, quiet: bool = False) -> dict[str, TextState]:
        assert self.path is not None
        try:
            with self.path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return {}
        except OSError as error:
            if not quiet:
                self._ignored(error.strerror or str(error))
            return {}
        if len(data) > MAX_FILE_BYTES:
            if not quiet:
                self._ignored("it is larger than 1 MiB")
            return {}
        try:
            texts = _parse(json.loads(data.decode("utf-8")))
        except (ValueError, UnicodeDecodeError):
            if not quiet:
                self._ignored("it is not the JSON this version writes")
            return {}
        return texts

    def _ignored(self, reason: str) -> None:
        self.notes.append(f"ignored the reader's state file {self.path}: {reason}")

    def _write(self) -> None:
        assert self.path is not None
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = {
            "version": VERSION,
            "texts": {
                key: {"position": state.position, "marks": dict(sorted(state.marks.items()))}
                for key, state in self.texts.items()
            },
        }
        handle, temporary = tempfile.mkstemp(prefix=f".{FILE_NAME}.", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=True, separators=(",", ":"))
                out.write("\n")
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _parse(data: Any) -> dict[str, TextState]:
    """The texts of a state file; ValueError when it is not one."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ValueError("not a state file of this version")
    texts = data.get("texts")
    if not isinstance(texts, dict):
        raise ValueError("no texts")
    parsed: dict[str, TextState] = {}
    for key, entry in list(texts.items())[-MAX_TEXTS:]:
        if not isinstance(entry, dict):
            raise ValueError("an entry is not an object")
        position = entry.get("position", 0)
        marks = entry.get("marks", {})
        if not _offset(position) or not isinstance(marks, dict):
            raise ValueError("an entry has no valid position")
        parsed[str(key)] = TextState(
            position,
            {
                letter: offset
                for letter, offset in list(marks.items())[:MAX_MARKS]
                if isinstance(letter, str) and len(letter) == 1 and _offset(offset)
            },
        )
    return parsed


def _offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
