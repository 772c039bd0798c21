"""Web pages: the main article, extracted by trafilatura, with its metadata.

trafilatura (``include_comments=False``; otherwise its defaults) finds the
article and drops navigation, ads, scripts, comments and related links; its
XML output keeps headings, paragraphs, lists, block quotes, code, tables and
emphasis, which become our blocks and spans. Imported only for HTML input.
"""

from __future__ import annotations

import re
from typing import Any

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

# The settings bench/web.py measured (see the README): comments are left out;
# favor_precision / favor_recall did not carry over from one test set to the other.
SETTINGS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": True,
    "include_images": False,
    "include_links": False,
}

_STYLES = {"#i": "italic", "#em": "italic", "#b": "bold", "#strong": "bold", "#t": "code"}
_HEADING = re.compile(r"h([1-6])")
_LANGUAGE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)


def _classify(element: Any) -> Rule:
    name = local_name(element)
    if name == "head":
        match = _HEADING.fullmatch(element.get("rend", ""))
        return Rule("block", "heading", int(match.group(1)) if match else 2)
    if name == "p":
        return Rule("block")
    if name == "list":
        return LIST
    if name == "item":
        return Rule("block", "item")
    if name == "quote":
        return Rule("block", "quote")
    if name == "code":
        return CODE
    if name == "row":
        return Rule("block", "row")
    if name == "cell":
        return CELL
    if name == "lb":
        return BREAK
    if name in ("graphic", "comments", "fw", "note"):
        return SKIP
    if name == "hi":
        return Rule("inline", style=_STYLES.get(element.get("rend", "")))  # type: ignore[arg-type]
    return INLINE


def extract(markup: str, url: str = "") -> Extracted | None:
    """The article of an HTML page, or None if the page has none."""
    import trafilatura
    from lxml import etree

    result = trafilatura.extract(
        markup, url=url or None, output_format="xml", with_metadata=True, **SETTINGS
    )
    if not result:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    doc = etree.fromstring(result.encode("utf-8"), parser)
    builder = Builder()
    main = doc.find("main")
    if main is not None:
        walk(main, _classify, builder)
    extracted = builder.finish(_metadata(doc, url, markup), "html")
    return extracted if extracted.text.strip() else None


def _metadata(doc: Any, url: str, markup: str) -> Metadata:
    def get(name: str) -> str:
        return " ".join((doc.get(name) or "").split())

    return Metadata(
        title=get("title"),
        author=get("author"),
        date=get("date"),
        site=get("sitename") or get("hostname"),
        url=get("url") or url,
        language=get("language") or _language(markup),
    )


def _language(markup: str) -> str:
    match = _LANGUAGE.search(markup[:10_000])
    return match.group(1) if match else ""
