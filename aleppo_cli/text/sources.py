"""Where text comes from: the bundled catalogue, files and standard input.

A TEXT argument is, in this order: ``-`` for standard input, the name of a
bundled text (looked up in the catalogue, never joined into a path), or the
path of a file. Bytes are decoded here, once, and the result is "the text as
read": every offset any command reports is an index into it.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from importlib.abc import Traversable

from aleppo_cli.errors import InputError

DEFAULT_TEXT = "last-men-in-aleppo"
STDIN = "-"
MAX_BYTES = 32 * 1024 * 1024  # documented in the README
_SNIFF = 8192
_PREFERRED_LEGACY = "cp1252"


@dataclass(frozen=True)
class TextInfo:
    """Catalogue entry of a bundled text: facts from its metadata file."""

    name: str
    title: str
    kind: str
    publisher: str
    source: str


@dataclass(frozen=True)
class Source:
    """A decoded text and what is known about where it came from."""

    name: str  # catalogue name, file path as given, or "-"
    title: str
    kind: str  # "film review", ... ; "file" or "stdin" when not bundled
    publisher: str
    origin: str  # URL of a bundled text, the file path, or "standard input"
    text: str  # the text as read (decoded; nothing else changed)
    note: str = ""  # for example "decoded as windows-1252"


def _texts_dir() -> Traversable:
    here = Path(__file__).resolve().parents[1]  # the aleppo_cli package
    if (here / "texts").is_dir():  # installed wheel: texts travel inside the package
        return here / "texts"
    if (here.parent / "texts").is_dir():  # source checkout or editable install
        return here.parent / "texts"
    from importlib import resources  # a package that is not files on disk (a zip)

    return resources.files("aleppo_cli").joinpath("texts")


@cache
def catalogue() -> dict[str, TextInfo]:
    """The bundled texts by name, read from the ``*.json`` next to each text."""
    entries: dict[str, TextInfo] = {}
    folder = _texts_dir()
    for item in folder.iterdir():
        if not item.name.endswith(".json") or item.name.endswith(".index.json"):
            continue
        meta = json.loads(item.read_text(encoding="utf-8"))
        info = TextInfo(
            name=meta["name"],
            title=meta["title"],
            kind=meta["kind"],
            publisher=meta.get("publisher", ""),
            source=meta["source"],
        )
        entries[info.name] = info
    return dict(sorted(entries.items()))


def read_bundled_bytes(name: str) -> bytes:
    """Bytes of a bundled text; ``name`` must be a catalogue key."""
    if name not in catalogue():
        raise _unknown_name(name)
    data: bytes = _texts_dir().joinpath(f"{name}.txt").read_bytes()
    return data


def read_index(name: str) -> str | None:
    """The text of a bundled text's ready-made index, if it has one."""
    if name not in catalogue():
        return None
    path = _texts_dir().joinpath(f"{name}.index.json")
    return path.read_text(encoding="utf-8") if path.is_file() else None


def is_bundled(source: Source) -> bool:
    return source.name in catalogue() and source.kind not in ("file", "stdin")


def _unknown_name(name: str) -> InputError:
    close = suggest(name)
    if close:
        return InputError(
            f"no bundled text or file named '{name}'",
            f"did you mean '{close}'? (see 'aleppo texts')",
        )
    names = ", ".join(catalogue())
    return InputError(
        f"no bundled text or file named '{name}'",
        f"bundled texts: {names} (see 'aleppo texts'), or give a file path or '-'",
    )


def suggest(name: str) -> str | None:
    """The bundled text a mistyped ``name`` most likely means, if any: a close
    spelling, or a name that contains it as a word ("aleppo")."""
    from difflib import get_close_matches

    wanted = name.lower()
    if "/" in wanted or "\\" in wanted:  # a path: no bundled name looks like one
        return None
    names = list(catalogue())
    close = get_close_matches(wanted, names, n=1, cutoff=0.75)
    if close:
        return close[0]
    containing = [n for n in names if len(wanted) >= 3 and wanted in n.split("-")]
    return containing[0] if len(containing) == 1 else None


def _bundled_name(spec: str) -> str | None:
    """The catalogue name ``spec`` names: exactly, or in another case."""
    if spec in catalogue():
        return spec
    folded = [name for name in catalogue() if name.casefold() == spec.casefold()]
    return folded[0] if len(folded) == 1 else None


def load(spec: str | None, stdin: BinaryIO | None = None) -> Source:
    """Resolve a TEXT argument and decode it."""
    spec = spec or DEFAULT_TEXT
    if spec == STDIN:
        if stdin is None:
            raise InputError("standard input is not available")
        data = stdin.read(MAX_BYTES + 1)
        return _source("-", "standard input", "stdin", "", "standard input", data)
    name = spec if spec in catalogue() else None
    path = Path(spec)
    if name is None and not path.exists():  # a file of that name wins over another case
        name = _bundled_name(spec)
    if name is not None:
        info = catalogue()[name]
        data = read_bundled_bytes(name)
        return _source(info.name, info.title, info.kind, info.publisher, info.source, data)
    data = _read_file(path, spec)
    return _source(spec, path.name, "file", "", spec, data)


def _read_file(path: Path, spec: str) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"'{spec}' is a directory", "give the path of a text file")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _unknown_name(spec) from None
    except PermissionError:
        raise InputError(
            f"cannot read '{spec}': permission denied", "check the file's permissions"
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read '{spec}': {exc.strerror or exc}") from None
    return data


def _source(name: str, title: str, kind: str, publisher: str, origin: str, data: bytes) -> Source:
    label = "standard input" if name == STDIN else f"'{name}'"
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{label} is larger than {MAX_BYTES // (1024 * 1024)} MiB",
            "split it into smaller files",
        )
    text, _, note = decode(data, label)
    if not text.strip():
        raise InputError(f"{label} contains no text", "give a file with some text in it")
    return Source(name, title, kind, publisher, origin, text, note)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, label: str = "the input") -> tuple[str, str, str]:
    """Decode bytes to text: (text, encoding, note). A BOM is not part of the text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ""
            except UnicodeDecodeError:
                raise InputError(
                    f"{label} starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from None
    if b"\x00" in data[:_SNIFF] or b"\x00" in data[-_SNIFF:]:
        raise InputError(f"{label} looks like a binary file", "give a plain-text file")
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for legacy encodings

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise InputError(
            f"{label} is not text in a known encoding", "convert it to UTF-8 and try again"
        )
    # Ties are common on short texts; Windows-1252, the usual legacy encoding of
    # English text (and what browsers read "latin-1" as), wins a tie.
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and match.encoding == _PREFERRED_LEGACY:
            best = match
            break
    encoding = str(best.encoding)
    return str(best), encoding, f"{label} is not UTF-8; decoded it as {encoding}"
