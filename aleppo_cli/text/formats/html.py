"""Web pages: the main article, extracted by trafilatura, with its metadata.

trafilatura (``include_comments=False``; otherwise its defaults) finds the
article and drops navigation, ads, scripts, comments and related links; the
tree it returns keeps headings, paragraphs, lists, block quotes, code,
tables and emphasis, which become our blocks and spans. Author, date, site
name and canonical URL are trafilatura's; the title is chosen as ``title``
says. Imported only for HTML input.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from aleppo_cli.text.formats import pagemeta
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
        return Rule("list", start=1) if element.get("rend") == "ol" else LIST
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
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        return None
    found = pagemeta.facts(tree, MAX_HEADINGS)
    doc = bare_extraction(tree, url=url or None, with_metadata=True, **SETTINGS)
    if doc is None or isinstance(doc, dict) or doc.body is None:
        return None
    builder = Builder()
    walk(doc.body, _classify, builder)
    site = _one_line(doc.sitename) or _one_line(doc.hostname)
    metadata = Metadata(
        title=pagemeta.title(_one_line(doc.title), found),
        author=pagemeta.author(_one_line(doc.author), found, site),
        date=pagemeta.date(_one_line(doc.date), found),
        site=site,
        url=_one_line(doc.url) or url,
        language=_one_line(doc.language) or _language(markup),
    )
    extracted = _without_headline(builder.finish(metadata, "html"))
    return extracted if extracted.text.strip() else None


def _without_headline(found: Extracted) -> Extracted:
    """The article less a first heading that repeats the title: the title is
    in the metadata, and shown above the text."""
    blocks = found.blocks
    if len(blocks) < 2 or blocks[0].kind != "heading":
        return found
    heading = found.text[blocks[0].start : blocks[0].end]
    if _words(heading) != _words(found.metadata.title):
        return found
    cut = blocks[1].start
    return Extracted(
        found.text[cut:],
        tuple(replace(b, start=b.start - cut, end=b.end - cut) for b in blocks[1:]),
        tuple(
            replace(s, start=s.start - cut, end=s.end - cut) for s in found.spans if s.start >= cut
        ),
        found.metadata,
        found.format,
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


MAX_HEADINGS = 10
_WORD = re.compile(r"\w+")


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def _language(markup: str) -> str:
    match = _LANGUAGE.search(markup[:10_000])
    return match.group(1) if match else ""
