"""EPUB books: the chapters in spine order, with their titles and metadata.

Read with zipfile and lxml. The archive is refused before anything is
extracted if its members would expand past 200 MB (a zip bomb), and every
XML document in it is refused if it declares entities (the billion laughs):
the parser never expands entities, never loads a DTD and never touches the
network. Navigation documents, footnotes, endnotes and their reference marks
are left out; spine items marked ``linear="no"`` too. A chapter without a
heading of its own gets its title from the table of contents. Imported only
for EPUB input.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any
from urllib.parse import unquote

from aleppo_cli.errors import InputError
from aleppo_cli.text.formats.model import Builder, Extracted, Metadata
from aleppo_cli.text.formats.tree import (
    BREAK,
    CELL,
    CODE,
    INLINE,
    LIST,
    SKIP,
    Rule,
    local_name,
    walk,
)

MAX_EXPANDED = 200 * 1000 * 1000  # bytes, all members together
MAX_MEMBERS = 20_000

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_LEFT_OUT = re.compile(
    r"\b(?:doc-)?(?:footnotes?|endnotes?|rearnotes?|noteref|toc|landmarks|page-list|pagebreak)\b"
)
_HEADING = re.compile(r"h([1-6])")
_ITALIC = frozenset(("em", "i", "cite", "dfn", "var"))
_BOLD = frozenset(("strong", "b"))
_CODE_INLINE = frozenset(("code", "kbd", "samp", "tt"))
_DROPPED = frozenset(
    ("head", "script", "style", "nav", "aside", "template", "noscript", "svg", "math", "img", "hr")
)
_PARAGRAPHS = frozenset(
    (
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "body",
        "figure",
        "figcaption",
        "caption",
        "dd",
        "dt",
        "address",
        "table",
    )
)


class _Book:
    def __init__(self, data: bytes, label: str) -> None:
        self.label = label
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise self.invalid(f"not a readable ZIP archive ({error})") from None
        members = self.archive.infolist()
        expanded = sum(member.file_size for member in members)
        if len(members) > MAX_MEMBERS or expanded > MAX_EXPANDED:
            raise InputError(
                f"{label} would expand to {expanded / 1e6:,.0f} MB in {len(members):,} files; "
                f"refused (the limit is {MAX_EXPANDED // 1_000_000} MB)"
            )

    def invalid(self, why: str) -> InputError:
        return InputError(f"{self.label} is not a valid EPUB: {why}")

    def read(self, name: str) -> bytes:
        try:
            with self.archive.open(name) as member:
                return member.read(MAX_EXPANDED + 1)
        except KeyError:
            raise self.invalid(f"'{name}' is missing") from None
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError) as error:
            raise self.invalid(f"'{name}' cannot be read ({error})") from None

    def _refuse_entities(self, name: str, data: bytes) -> None:
        if _ENTITY.search(data):
            raise InputError(
                f"{self.label}: '{name}' declares XML entities; refused "
                "(entities can expand without limit)"
            )

    def xml(self, name: str) -> Any:
        from lxml import etree

        data = self.read(name)
        self._refuse_entities(name, data)
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as error:
            raise self.invalid(f"'{name}': {error}") from None

    def xhtml(self, name: str) -> Any:
        """A content document, read leniently (as browsers and readers do)."""
        from lxml import etree, html

        data = self.read(name)
        self._refuse_entities(name, data)
        parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
        try:
            return html.document_fromstring(data, parser=parser)
        except (etree.ParserError, ValueError):
            return None


def extract(data: bytes, label: str = "the book") -> Extracted:
    book = _Book(data, label)
    container = book.xml("META-INF/container.xml")
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise book.invalid("META-INF/container.xml names no package document")
    package_path = rootfile.get("full-path")
    package = book.xml(package_path)
    base = posixpath.dirname(package_path)
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in package.iter(f"{_OPF}item"):
        href = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
        manifest[item.get("id", "")] = (
            href,
            item.get("media-type", ""),
            item.get("properties", ""),
        )
    titles = _toc_titles(book, package, manifest)
    builder = Builder()
    spine = package.find(f"{_OPF}spine")
    for itemref in spine.iter(f"{_OPF}itemref") if spine is not None else ():
        entry = manifest.get(itemref.get("idref", ""))
        if entry is None or itemref.get("linear", "yes") == "no":
            continue
        href, media_type, properties = entry
        if "nav" in properties.split() or "html" not in media_type:
            continue
        root = book.xhtml(href)
        body = root.find("body") if root is not None else None
        if body is None or _left_out(body):
            continue
        if titles.get(href) and not any(_is_heading(e) for e in body.iter()):
            builder.begin("heading", 1)
            builder.add(titles[href])
        walk(body, _classify, builder)
    return builder.finish(_metadata(package), "epub")


def _metadata(package: Any) -> Metadata:
    def first(tag: str) -> str:
        element = package.find(f".//{_DC}{tag}")
        return " ".join((element.text or "").split()) if element is not None else ""

    authors = [
        " ".join((e.text or "").split())
        for e in package.iter(f"{_DC}creator")
        if (e.text or "").strip()
    ]
    return Metadata(
        title=first("title"),
        author=", ".join(authors),
        date=first("date"),
        language=first("language"),
    )


def _toc_titles(
    book: _Book, package: Any, manifest: dict[str, tuple[str, str, str]]
) -> dict[str, str]:
    """Chapter titles by document, from the EPUB 3 navigation document or the
    EPUB 2 NCX (the first entry that points into each document)."""
    titles: dict[str, str] = {}
    for href, _, properties in manifest.values():
        if "nav" in properties.split():
            root = book.xhtml(href)
            for link in root.iter("a") if root is not None else ():
                target = link.get("href", "").split("#")[0]
                text = " ".join(link.text_content().split())
                if target and text:
                    path = posixpath.normpath(
                        posixpath.join(posixpath.dirname(href), unquote(target))
                    )
                    titles.setdefault(path, text)
            return titles
    spine = package.find(f"{_OPF}spine")
    ncx = manifest.get(spine.get("toc", "")) if spine is not None else None
    if ncx is None:
        return titles
    root = book.xml(ncx[0])
    for point in root.iter(f"{_NCX}navPoint"):
        label = point.find(f"{_NCX}navLabel/{_NCX}text")
        content = point.find(f"{_NCX}content")
        if label is None or content is None:
            continue
        target = content.get("src", "").split("#")[0]
        path = posixpath.normpath(posixpath.join(posixpath.dirname(ncx[0]), unquote(target)))
        titles.setdefault(path, " ".join((label.text or "").split()))
    return titles


def _semantics(element: Any) -> str:
    return " ".join(
        value for key, value in element.attrib.items() if key.endswith("type") or key == "role"
    )


def _left_out(element: Any) -> bool:
    return bool(_LEFT_OUT.search(_semantics(element)))


def _is_heading(element: Any) -> bool:
    return bool(_HEADING.fullmatch(local_name(element)))


def _classify(element: Any) -> Rule:
    name = local_name(element)
    if name in _DROPPED or _left_out(element):
        return SKIP
    if name == "sup" and any(local_name(e) == "a" for e in element.iter()):
        return SKIP  # a footnote mark
    match = _HEADING.fullmatch(name)
    if match:
        return Rule("block", "heading", int(match.group(1)))
    if name in _PARAGRAPHS:
        return Rule("block")
    if name == "ol":
        start = element.get("start", "1")
        return Rule("list", start=int(start) if start.isdigit() and int(start) > 0 else 1)
    if name in ("ul", "dl"):
        return LIST
    if name == "li":
        return Rule("block", "item")
    if name == "blockquote":
        return Rule("block", "quote")
    if name == "pre":
        return CODE
    if name == "tr":
        return Rule("block", "row")
    if name in ("td", "th"):
        return CELL
    if name == "br":
        return BREAK
    if name in _ITALIC:
        return Rule("inline", style="italic")
    if name in _BOLD:
        return Rule("inline", style="bold")
    if name in _CODE_INLINE:
        return Rule("inline", style="code")
    return INLINE
