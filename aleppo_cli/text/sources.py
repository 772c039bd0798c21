"""Where text comes from: the bundled catalogue, files, URLs and standard input.

A TEXT argument is, in this order: ``-`` for standard input, the name of a
bundled text (looked up in the catalogue, never joined into a path), an
``http://`` or ``https://`` URL, or the path of a file. Bytes are decoded
here, once. A web page, a Markdown file or an EPUB is then read by its module
in ``text/formats/`` (chosen by content, the file name's extension as a
hint), and its extracted text is "the text as read"; plain text is read as it
is. Every offset any command reports is an index into that text.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from aleppo_cli.text.formats.model import Block, Extracted, Span

from aleppo_cli.errors import InputError

DEFAULT_TEXT = "last-men-in-aleppo"
STDIN = "-"
MAX_BYTES = 32 * 1024 * 1024  # documented in the README
# A web page larger than this is refused: the same limit as for a URL; finding
# the article and its date in 30 MB of HTML takes trafilatura over 15 s.
MAX_PAGE_BYTES = 10 * 1000 * 1000
_SNIFF = 8192


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
    text: str  # the text as read: decoded (plain text) or extracted (other formats)
    note: str = ""  # for example "decoded as windows-1252"
    format: str = "text"  # "text", "html", "markdown" or "epub"
    author: str = ""
    date: str = ""
    url: str = ""  # a web page's canonical address, or the address it was fetched from
    language: str = ""
    blocks: tuple[Block, ...] = ()  # structure of an extracted text (none for plain text)
    spans: tuple[Span, ...] = ()  # emphasis and inline code in an extracted text
    repair: bool | None = None  # web-artifact repair forced on or off; None: if scraped


# The files beside a bundled text that hold what is computed from it, not its metadata.
READY_MADE = (".index.json", ".quotes.json")


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
        if not item.name.endswith(".json") or item.name.endswith(READY_MADE):
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


def read_index(name: str, suffix: str = ".index.json") -> str | None:
    """The text of a bundled text's ready-made index (or, with ``suffix``
    ".quotes.json", of its ready-made quotations), if it has one."""
    if name not in catalogue() or suffix not in READY_MADE:
        return None
    path = _texts_dir().joinpath(f"{name}{suffix}")
    return path.read_text(encoding="utf-8") if path.is_file() else None


def is_bundled(source: Source) -> bool:
    return source.name in catalogue() and source.kind not in ("file", "stdin")


def _unknown_name(name: str) -> InputError:
    import re

    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", name):  # ftp://, file://: an address
        return InputError(
            f"cannot read '{name}': only http:// and https:// addresses are fetched",
            "give an http or https address, or the path of a file",
        )
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


def load(spec: str | None, stdin: BinaryIO | None = None, encoding: str | None = None) -> Source:
    """Resolve a TEXT argument and decode it (as ``encoding``, when given)."""
    spec = spec or DEFAULT_TEXT
    if spec == STDIN:
        if stdin is None:
            raise InputError("standard input is not available")
        data = stdin.read(MAX_BYTES + 1)
        return _source("-", "standard input", "stdin", "", "standard input", data, encoding)
    if spec.lower().startswith(("http://", "https://")):
        return _from_url(spec, encoding)
    name = spec if spec in catalogue() else None
    path = Path(spec)
    if name is None and not path.exists():  # a file of that name wins over another case
        name = _bundled_name(spec)
    if name is not None:
        info = catalogue()[name]
        data = read_bundled_bytes(name)
        return _source(
            info.name, info.title, info.kind, info.publisher, info.source, data, None, plain=True
        )
    data = _read_file(path, spec)
    return _source(spec, path.name, "file", "", spec, data, encoding, path.suffix.lower())


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


def _source(
    name: str,
    title: str,
    kind: str,
    publisher: str,
    origin: str,
    data: bytes,
    encoding: str | None,
    suffix: str = "",
    plain: bool = False,
) -> Source:
    label = "standard input" if name == STDIN else f"'{name}'"
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{label} is larger than {MAX_BYTES // (1024 * 1024)} MiB",
            "split it into smaller files",
        )
    kind_of = "text" if plain else detect(data, suffix)
    if kind_of == "epub":
        from aleppo_cli.text.formats import epub

        return _extracted(name, title, kind, origin, epub.extract(data, label), "")
    if kind_of == "html":
        if len(data) > MAX_PAGE_BYTES:
            raise InputError(
                f"{label} is a web page of {len(data) / 1e6:,.0f} MB; pages over "
                f"{MAX_PAGE_BYTES // 1_000_000} MB are refused",
                "save the article's text and read that",
            )
        text, _, note = decode_html(data, label, encoding)
        return _extracted(name, title, kind, origin, _article(text, label, ""), note)
    text, _, note = decode(data, label, encoding)
    if not text.strip():
        raise InputError(f"{label} contains no text", "give a file with some text in it")
    if kind_of == "markdown":
        from aleppo_cli.text.formats import markdown

        found = markdown.extract(text)
        if found.text.strip():  # else (only markup nested too deep, say) it is read as text
            return _extracted(name, title, kind, origin, found, note)
    return Source(name, title, kind, publisher, origin, text, note)


_KINDS = {"html": "web page", "markdown": "Markdown", "epub": "EPUB"}


def _extracted(
    name: str, title: str, kind: str, origin: str, found: Extracted, note: str
) -> Source:
    meta = found.metadata
    if not found.text.strip():
        label = "standard input" if name == STDIN else f"'{name}'"
        raise InputError(f"{label} contains no text", "give a file with some text in it")
    return Source(
        name=name,
        title=meta.title or title,
        kind=_KINDS[found.format] if kind in ("file", "stdin", "URL") else kind,
        publisher=meta.site,
        origin=origin,
        text=found.text,
        note=note,
        format=found.format,
        author=meta.author,
        date=meta.date,
        url=meta.url,
        language=meta.language,
        blocks=found.blocks,
        spans=found.spans,
    )


def _article(markup: str, label: str, url: str) -> Extracted:
    from aleppo_cli.text.formats import html

    found = html.extract(markup, url)
    if found is None:
        raise InputError(
            f"found no article text in {label}",
            "it may be a page that needs JavaScript, or markup too broken or too deeply"
            " nested to read",
        )
    return found


def _from_url(url: str, encoding: str | None) -> Source:
    from aleppo_cli.text import fetch

    page = fetch.get(url)
    label = f"'{url}'"
    if page.kind == "html" or (page.kind == "unknown" and detect(page.body) == "html"):
        text, _, note = decode_html(page.body, label, encoding or page.charset)
        found = _article(text, label, page.url)
        source = _extracted(url, url, "URL", page.url, found, note)
        return source if source.url else replace(source, url=page.url)
    text, _, note = decode(page.body, label, encoding or page.charset)
    if not text.strip():
        raise InputError(f"{label} contains no text")
    is_markdown = page.kind == "markdown" or urlsplit(page.url).path.endswith(_MARKDOWN_SUFFIXES)
    if is_markdown:
        from aleppo_cli.text.formats import markdown

        found = markdown.extract(text)
        if found.text.strip():
            source = _extracted(url, url, "URL", page.url, found, note)
            return replace(source, url=page.url)
    return Source(url, url, "web text", "", page.url, text, note, url=page.url)


# --- telling formats apart ------------------------------------------------------


class _Patterns:
    """Compiled on first use: reading the bundled review needs none of them."""

    def __init__(self) -> None:
        import re

        self.html_start = re.compile(
            rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
            rb"(?:<!doctype\s+html|<html\b|<head\b|<body\b"
            rb"|<meta\s[^>]*charset|<title>[^<\n]{0,300}</title>)",
            re.IGNORECASE | re.DOTALL,
        )
        # Markdown's signs, for text that has no name to say so (standard input)
        line = rb"^ {0,3}"
        self.md_fence = re.compile(line + rb"(?:```|~~~)", re.M)
        self.md_table = re.compile(
            rb"^[^\n|]*\|[^\n]*\n {0,3}\|? *:?-{3,}:? *(?:\| *:?-{3,}:? *)+\|? *\r?$",
            re.M,
        )
        self.md_heading = re.compile(line + rb"#{1,6}[ \t]+\S[^\n]{0,200}$", re.M)
        self.md_link = re.compile(
            rb"!?\[[^\]\n]{1,300}\]\((?:https?://|/|\./|\.\./|#|mailto:)[^)\s]*\)"
            rb"|^ {0,3}\[[^\]\n]{1,100}\]: +(?:https?://|/)\S+$",
            re.M,
        )
        self.md_inline = re.compile(rb"\*\*[^*\n]{1,200}\*\*|(?<![`\w])`[^`\n]{1,200}`(?![`\w])")
        self.md_item = re.compile(line + rb"(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.M)
        self.meta_charset = re.compile(
            rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE
        )


@cache
def _patterns() -> _Patterns:
    return _Patterns()


_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")


def detect(data: bytes, suffix: str = "") -> str:
    """The format of ``data``: "epub", "html", "markdown" or "text".

    By content: a ZIP archive that names the EPUB media type, or bytes that
    open like an HTML document. The extension is a hint: ``.html``/``.htm``
    with a tag in it is HTML, ``.md``/``.markdown`` is Markdown, ``.epub`` a
    ZIP archive is an EPUB. Text with no extension (standard input) is
    Markdown when it clearly is (``looks_like_markdown``); a ``.txt`` file
    is plain text.
    """
    head = data[:4096]
    if head.startswith(b"PK\x03\x04") and (
        b"application/epub+zip" in head[:200] or suffix == ".epub"
    ):
        return "epub"
    head = head.removeprefix(codecs.BOM_UTF8)
    if _patterns().html_start.match(head) or (suffix in _HTML_SUFFIXES and b"<" in head):
        return "html"
    if suffix in _MARKDOWN_SUFFIXES or (not suffix and looks_like_markdown(data)):
        return "markdown"
    return "text"


_MARKDOWN_SNIFF = 65_536


def looks_like_markdown(data: bytes) -> bool:
    """Whether text with no name to tell its format (standard input, a file
    with no extension) clearly is Markdown. Conservative, as a plain text
    read as Markdown would lose its offsets: a fenced code block that is
    closed, or a table's delimiter row, is enough; otherwise it takes a
    Markdown heading (``# Title``) or link (``[text](https://…)``) and one
    more kind of sign (a second of those, ``**bold**`` or `` `code` ``, or
    two list items). A ``#`` line, a list or asterisks alone are plain text.
    """
    head = data[:_MARKDOWN_SNIFF]
    found = _patterns()
    fences = found.md_fence.findall(head)
    if len(fences) >= 2 or found.md_table.search(head):
        return True
    strong = {"heading"} if found.md_heading.search(head) else set()
    if found.md_link.search(head):
        strong.add("link")
    if not strong:
        return False
    signs = set(strong)
    if found.md_inline.search(head):
        signs.add("inline")
    if len(found.md_item.findall(head)) >= 2:
        signs.add("list")
    return len(signs) >= 2


# What browsers read these labels as (the WHATWG Encoding Standard).
_BROWSER_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "latin-1": "cp1252"}


def decode_html(
    data: bytes, label: str = "the page", declared: str | None = None
) -> tuple[str, str, str]:
    """Decode an HTML page: a byte-order mark, else the charset the server
    declared (or ``--encoding``), else the page's own ``<meta charset>``, else
    as any text (``decode``). Bytes that do not fit a declared charset become
    U+FFFD, as in a browser."""
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return decode(data, label)
    names = [declared] if declared else []
    match = _patterns().meta_charset.search(data[:4096])
    if match:
        names.append(match.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        codec = _BROWSER_ALIASES.get(codec, codec)
        if b"\x00" in data[:_SNIFF] and not codec.startswith("utf-16"):
            break
        return data.decode(codec, errors="replace"), codec, ""
    return decode(data, label)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(
    data: bytes, label: str = "the input", encoding: str | None = None
) -> tuple[str, str, str]:
    """Decode bytes to text: (text, encoding, note). A BOM is not part of the text.

    ``encoding`` forces a codec. Otherwise: a byte-order mark, else UTF-8, else
    Windows-1252 when that reads as plausible Western text (``plausible_western``),
    else charset-normalizer's best guess.
    """
    if encoding is not None:
        return _forced(data, label, encoding)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(bom_encoding), bom_encoding, ""
            except UnicodeDecodeError:
                raise InputError(
                    f"{label} starts with a {bom_encoding} byte-order mark "
                    f"but is not valid {bom_encoding}"
                ) from None
    if b"\x00" in data[:_SNIFF] or b"\x00" in data[-_SNIFF:]:
        raise InputError(f"{label} looks like a binary file", "give a plain-text file")
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    note = f"{label} is not UTF-8; decoded it as {{}} (--encoding NAME to choose)"
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    # A short legacy file gives a detector little to go on, and it often
    # guesses a CJK code page for Western text; Windows-1252 (what browsers
    # read "latin-1" as) wins whenever its reading is plausible. Text in a
    # Cyrillic or CJK code page read as Windows-1252 is not (runs of accented
    # capitals and symbols), so the detector's guess stands there.
    if western is not None and plausible_western(western):
        return western, "cp1252", note.format("cp1252")
    from charset_normalizer import from_bytes  # only for other legacy encodings

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"{label} is not text in a known encoding",
            "convert it to UTF-8, or name its encoding with --encoding",
        )
    guessed = str(best.encoding)
    return str(best), guessed, note.format(guessed)


def _forced(data: bytes, label: str, encoding: str) -> tuple[str, str, str]:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding '{encoding}'", "give a name such as utf-8, cp1252 or latin-1"
        ) from None
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{label} is not valid {name}: byte 0x{data[error.start]:02x} at offset {error.start}",
            "try another --encoding",
        ) from None
    return text.removeprefix("\ufeff"), name, ""


# Characters that Western text in Windows-1252 uses besides ASCII letters:
# the accented letters of Latin-1, the ligatures and carons of 0x80-0x9F, and
# common punctuation, currency and fraction signs.
_WESTERN_LETTERS = frozenset(chr(c) for c in range(0xC0, 0x100) if chr(c).isalpha()) | frozenset(
    "ŒœŠšŽžŸ"
)
_WESTERN_SIGNS = frozenset("“”‘’‚„–—…•€£¥¢½¼¾°©®™§¶·«»×÷±¹²³ªº¿¡µ\xa0")
_MAX_ACCENTED_RUN = 2  # "Größe": two accented letters in a row at most
_MAX_ACCENTED_SHARE = 0.3  # of the letters; French or Portuguese prose has under 0.1


def plausible_western(text: str) -> bool:
    """Whether ``text`` reads as Western European text: only Latin-1 letters
    and common signs outside ASCII, never more than two accented letters in a
    row, and at most 30% of the letters accented."""
    letters = accented = run = 0
    for char in text:
        if char < "\x80":
            run = 0
            if char.isalpha():
                letters += 1
            elif char < " " and char not in "\t\n\r\f":
                return False
        elif char in _WESTERN_LETTERS:
            letters += 1
            accented += 1
            run += 1
            if run > _MAX_ACCENTED_RUN:
                return False
        elif char in _WESTERN_SIGNS:
            run = 0
        else:
            return False
    return letters > 0 and accented <= _MAX_ACCENTED_SHARE * letters
