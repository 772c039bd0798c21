"""Web pages: the main article, extracted by trafilatura, with its metadata.

trafilatura (``include_comments=False``; otherwise its defaults) finds the
article and drops navigation, ads, scripts, comments and related links; the
tree it returns keeps headings, paragraphs, lists, block quotes, code,
tables and emphasis, which become our blocks and spans. Before it runs,
small aria-hidden icons, consent notices and what the page's stylesheet
hides by its utility classes are dropped from the tree; after it, the
headings and list items between the paragraphs of a text that has none are
put back (trafilatura's "wild text" keeps paragraphs only), a heading
that repeats the title, back-matter sections, footnotes and placeholder
text are dropped from the blocks, and words it ran together are split.
Site name and canonical URL are trafilatura's; title, author and date are
``pagemeta``'s. Imported only for HTML input.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Any

from aleppo_cli.text.formats import pagemeta
from aleppo_cli.text.formats.model import (
    SEPARATOR,
    Block,
    BlockKind,
    Builder,
    Extracted,
    Metadata,
    Span,
    Style,
)
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
        # trafilatura refuses a fragment that names no <html> and parses to one
        # element (a saved "<p>…</p>" snippet); read it as the body of a page
        tree = load_html(f"<html><body>{markup}</body></html>")
    if tree is None:
        return None
    found = pagemeta.facts(tree, MAX_HEADINGS)
    if DROP_HIDDEN:
        _drop_hidden(tree)
    if DROP_CONSENT:
        _drop_consent(tree)
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
    extracted = _unglued(builder.finish(metadata, "html"), builder.joins, markup)
    if FILL_GAPS:
        extracted = _with_gaps_filled(extracted, markup)
    extracted = _without_headline(extracted)
    if DROP_BACK_MATTER:
        extracted = _without_back_matter(extracted)
    if DROP_FOOTNOTES:
        extracted = _without_footnotes(extracted)
    return extracted if extracted.text.strip() else None


# Elements a browser runs on with their neighbours' text; every other element
# stands apart (a block, a line break, a cell).
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
    "time tt u var wbr".split()
)
_GLUED = re.compile(r"[^\W\d_]{6,}")
_CASE_TURN = re.compile(r"[a-z][A-Z]")  # "NoemKristi": a name run into the next


def page_words(tree: Any) -> set[str]:
    """The words of the page as a browser lays it out, lower-cased."""
    pieces: list[str] = []
    for event, element in _events(tree):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag.lower() not in _INLINE:
                pieces.append(" ")
            if tag and tag not in ("script", "style"):  # not a comment's text
                pieces.append(element.text or "")
        else:
            if tag.lower() not in _INLINE:
                pieces.append(" ")
            pieces.append(element.tail or "")
    return set(_WORD.findall("".join(pieces).lower()))


def _events(tree: Any) -> Any:
    from lxml import etree

    return etree.iterwalk(tree, events=("start", "end"))


def _unglued(found: Extracted, joins: list[int], markup: str) -> Extracted:
    """Words that extraction ran together ("<b>will</b> appreciate" read as
    "willappreciate") split again: where two pieces of the extracted text
    meet inside a word, or its case turns ("NoemKristi"), if the page has both
    parts apart and never the whole. The page's words are read only then."""
    suspects = []
    for match in _GLUED.finditer(found.text):
        start, end = match.span()
        inner = joins[bisect_right(joins, start) : bisect_left(joins, end)]
        inner += [start + m.start() + 1 for m in _CASE_TURN.finditer(match.group(0))]
        inner = sorted(j for j in set(inner) if start + 3 <= j <= end - 3)
        if inner and match.group(0) not in markup:  # a word the page has as it is stays
            suspects.append((start, match.group(0).lower(), inner))
    if not suspects:
        return found
    from trafilatura.utils import load_html

    words = page_words(load_html(markup))
    cuts = [
        join
        for start, word, inner in suspects
        if word not in words
        for join in inner
        if word[: join - start] in words and word[join - start :] in words
    ]
    return _with_spaces(found, sorted(set(cuts))) if cuts else found


def _with_spaces(found: Extracted, cuts: list[int]) -> Extracted:
    """``found`` with a space inserted before each offset in ``cuts`` (sorted)."""
    text = found.text
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]

    def start(position: int) -> int:
        return position + bisect_right(cuts, position)

    def end(position: int) -> int:
        return position + bisect_left(cuts, position)

    return Extracted(
        " ".join(pieces),
        tuple(replace(b, start=start(b.start), end=end(b.end)) for b in found.blocks),
        tuple(replace(s, start=start(s.start), end=end(s.end)) for s in found.spans),
        found.metadata,
        found.format,
    )


# Sections that follow an article rather than belong to it: what a reader of
# the article does not read as its text (and what summaries and quotations
# should not draw on). A fixed list of the conventional headings, not chosen
# on the test pages; bench/web.py measures it on both sets.
DROP_BACK_MATTER = True
_BACK_MATTER = re.compile(
    r"(?:references|bibliography|works cited|citations|footnotes|endnotes|"
    r"acknowledge?ments?|conflicts? of interest|competing interests|funding|"
    r"author contributions|related (?:articles|posts|stories|reading|content)|"
    r"you (?:may|might) also like|more (?:from|stories|articles)\b.*|recommended(?: for you)?|"
    r"share (?:this|on)\b.*|comments?|leave a (?:reply|comment)|about the authors?)",
    re.IGNORECASE,
)


def _without_back_matter(found: Extracted) -> Extracted:
    """The article less sections headed by a back-matter heading (each up to
    the next heading of its level or above)."""
    keep: list[bool] = []
    dropping = 0  # the level of the back-matter heading being dropped, 0 if none
    for block in found.blocks:
        if block.kind == "heading":
            if dropping and block.level <= dropping:
                dropping = 0
            words = " ".join(_WORD.findall(found.text[block.start : block.end]))
            if not dropping and _BACK_MATTER.fullmatch(words):
                dropping = block.level or 1
        keep.append(not dropping)
    if all(keep) or not any(keep):
        return found
    return _kept(found, keep)


# Footnotes: the notes that end with a link back to their mark ("↩", as
# Markdown's footnotes and most blog engines write them), a book's endnotes
# that a reader of the article does not read in line (as EPUB's are left out).
DROP_FOOTNOTES = True
_BACK_LINK = re.compile(r"↩[\ufe0e\ufe0f]?\s*$")
# And a template's placeholder text, which no article holds: "Lorem ipsum ...".
_PLACEHOLDER = re.compile(r"\W*lorem ipsum\b", re.IGNORECASE)


def _without_footnotes(found: Extracted) -> Extracted:
    """The article less its footnotes and placeholder blocks."""
    keep = [
        not _BACK_LINK.search(found.text[b.start : b.end])
        and not _PLACEHOLDER.match(found.text[b.start : b.end])
        for b in found.blocks
    ]
    if all(keep) or not any(keep):
        return found
    return _kept(found, keep)


def _kept(found: Extracted, keep: list[bool]) -> Extracted:
    """``found`` with only the blocks marked to keep, offsets remapped."""
    parts: list[str] = []
    blocks: list[Block] = []
    spans: list[Span] = []
    length = 0
    starts = [block.start for block in found.blocks]
    owner: dict[int, list[Span]] = {}
    for span in found.spans:  # each span lies within one block
        owner.setdefault(bisect_right(starts, span.start) - 1, []).append(span)
    for index, (block, wanted) in enumerate(zip(found.blocks, keep, strict=True)):
        if not wanted:
            continue
        if parts:
            parts.append(SEPARATOR)
            length += len(SEPARATOR)
        shift = length - block.start
        parts.append(found.text[block.start : block.end])
        length += block.end - block.start
        blocks.append(replace(block, start=block.start + shift, end=block.end + shift))
        spans.extend(
            replace(s, start=s.start + shift, end=s.end + shift) for s in owner.get(index, ())
        )
    return Extracted("".join(parts), tuple(blocks), tuple(spans), found.metadata, found.format)


# Headings and list items between the article's paragraphs. Where trafilatura
# finds no container for the article, it gathers the page's paragraphs
# wherever they are ("wild text") and leaves out the headings and lists among
# them: a guide's section titles and its bulleted steps. So where the text
# has paragraphs but not one heading or list item, the page's <h2>-<h6> and
# innermost <li> that lie between two of those paragraphs (in the page's
# order, outside navigation, headers, footers, side bars and forms) are put
# back in their places. Nothing before the first paragraph or after the last
# is added: menus and footers stay out.
FILL_GAPS = True
_GAP_HEADING = re.compile(r"h([2-6])")
_OUTSIDE_ARTICLE = frozenset(
    "nav header footer aside form script style noscript template button select".split()
)
MAX_GAP_ELEMENTS = 200_000  # elements looked at: a hostile page stays linear


def _with_gaps_filled(found: Extracted, markup: str) -> Extracted:
    if len(found.blocks) < 3 or any(b.kind in ("heading", "item") for b in found.blocks):
        return found
    from trafilatura.utils import load_html

    paragraphs: dict[str, list[int]] = {}
    for index, block in enumerate(found.blocks):
        if block.kind == "paragraph":
            paragraphs.setdefault(_one_line(found.text[block.start : block.end]), []).append(index)
    tree = load_html(markup)
    if tree is None or len(paragraphs) < 2:
        return found
    if DROP_HIDDEN:
        _drop_hidden(tree)
    if DROP_CONSENT:
        _drop_consent(tree)
    last = -1  # the block of the last paragraph found in the page
    waiting: list[Extracted] = []  # the blocks found since then
    inserts: dict[int, list[Extracted]] = {}
    present = _one_line(found.text)
    numbers: dict[Any, dict[Any, int]] = {}  # a numbered list's items: their numbers
    for count, element in enumerate(tree.iter()):
        if count > MAX_GAP_ELEMENTS:
            break
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "p":
            indexes = paragraphs.get(_one_line(element.text_content()), [])
            following = next((i for i in indexes if i > last), None)
            if following is None:
                continue
            if last >= 0 and waiting:
                inserts[following] = waiting
            waiting, last = [], following
            continue
        heading = _GAP_HEADING.fullmatch(tag)
        if last < 0 or not (heading or tag == "li"):
            continue
        if tag == "li" and element.find(".//li") is not None:
            continue  # the innermost items only
        text = _one_line(element.text_content())
        if not text or text in present or _linked(element, text) or _boxed(element):
            continue
        if heading and _BACK_MATTER.fullmatch(" ".join(_WORD.findall(text))):
            continue
        if heading:
            waiting.append(_one_block(element, "heading", int(heading.group(1)), ""))
        else:
            parent = element.getparent()
            numbered = parent is not None and parent.tag == "ol"
            marker = ""
            if numbered:
                if parent not in numbers:  # once a list: a long one stays linear
                    items = (e for e in parent if e.tag == "li")
                    numbers[parent] = {item: n for n, item in enumerate(items, 1)}
                marker = f"{numbers[parent].get(element, 1)}."
            waiting.append(_one_block(element, "item", 1, marker))
    return _inserted(found, inserts) if inserts else found


# A box of links or promotions in the article's column: related stories,
# sharing, a newsletter sign-up, a table of contents. Conventional names.
_BOX = re.compile(
    r"related|recommend|promo|newsletter|subscri|share|sharing|social|advert|sponsor|widget|"
    r"sidebar|breadcrumb|\btoc\b|table-of-contents|comment|popular|trending|read-?more|"
    r"more-?(?:stories|articles)|\bmenu\b|\bnav",
    re.IGNORECASE,
)


def _linked(element: Any, text: str) -> bool:
    """Whether half the element's text or more is the text of links."""
    linked = sum(len(_one_line(a.text_content())) for a in element.iter("a"))
    return linked >= 0.5 * len(text)


def _boxed(element: Any) -> bool:
    for ancestor in element.iterancestors():
        if not isinstance(ancestor.tag, str):
            continue
        if ancestor.tag in _OUTSIDE_ARTICLE:
            return True
        names = f"{ancestor.get('id') or ''} {ancestor.get('class') or ''}"
        if names.strip() and _BOX.search(names):
            return True
    return False


_ELEMENT_STYLES: dict[str, Style] = {
    "em": "italic",
    "i": "italic",
    "cite": "italic",
    "strong": "bold",
    "b": "bold",
    "code": "code",
}


def _one_block(element: Any, kind: BlockKind, level: int, marker: str) -> Extracted:
    """A page's element as one block of ours, its emphasis kept."""
    from lxml import etree

    builder = Builder()
    builder.begin(kind, level, marker)
    styles: list[Style | None] = [None]
    for event, child in etree.iterwalk(element, events=("start", "end")):
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        apart = child is not element and tag not in _INLINE  # a <br>, a <p> in an item
        if event == "start":
            styles.append(_ELEMENT_STYLES.get(tag, styles[-1]))
            if apart:
                builder.add(" ")
            if tag not in ("", "script", "style"):
                builder.add(child.text or "", styles[-1])
        else:
            styles.pop()
            if apart:
                builder.add(" ")
            if child is not element:
                builder.add(child.tail or "", styles[-1])
    return builder.finish(Metadata(), "html")


def _inserted(found: Extracted, inserts: dict[int, list[Extracted]]) -> Extracted:
    """``found`` with new blocks (each an Extracted of one block) before some
    of its blocks, offsets remapped."""
    parts: list[str] = []
    blocks: list[Block] = []
    spans: list[Span] = []
    starts = [block.start for block in found.blocks]
    owner: dict[int, list[Span]] = {}
    for span in found.spans:  # each span lies within one block
        owner.setdefault(bisect_right(starts, span.start) - 1, []).append(span)
    length = 0

    def put(text: str) -> int:
        nonlocal length
        if parts:
            parts.append(SEPARATOR)
            length += len(SEPARATOR)
        start = length
        parts.append(text)
        length += len(text)
        return start

    for index, block in enumerate(found.blocks):
        for piece in inserts.get(index, ()):
            if not piece.blocks:
                continue
            at = put(piece.text)
            blocks.extend(replace(b, start=b.start + at, end=b.end + at) for b in piece.blocks)
            spans.extend(replace(s, start=s.start + at, end=s.end + at) for s in piece.spans)
        start = put(found.text[block.start : block.end])
        shift = start - block.start
        blocks.append(replace(block, start=block.start + shift, end=block.end + shift))
        spans.extend(
            replace(s, start=s.start + shift, end=s.end + shift) for s in owner.get(index, ())
        )
    return Extracted("".join(parts), tuple(blocks), tuple(spans), found.metadata, found.format)


# Small elements marked aria-hidden="true" are what a screen reader skips:
# icons (an icon font's ligature names, "chevron_right"), decorative marks.
# Large ones stay: a page saved with a dialog open hides its whole article so.
DROP_HIDDEN = True
MAX_HIDDEN = 40  # characters of text
MAX_HIDDEN_ELEMENTS = 2000  # a hostile page of nested hidden elements stays linear


def _drop_hidden(tree: Any) -> None:
    hidden = [e for e in tree.iter() if e.get("aria-hidden") == "true"]
    for element in hidden[:MAX_HIDDEN_ELEMENTS]:
        if element.getparent() is not None and _short(element):
            element.drop_tree()  # its tail text stays
    if DROP_HIDDEN_CLASSES:
        _drop_hidden_classes(tree)


# Elements that a page's own stylesheet hides, by the conventional utility
# classes (Bootstrap's d-none and invisible, hide, hidden, is-hidden) and
# screen-reader-only text (sr-only, visually-hidden): a promotion bar, a
# region picker, "(opens in a new window)". Not the `hidden` attribute: a
# page streamed by React parks its article in hidden elements until scripts
# move it. An element shown again at some screen width ("hidden md:block",
# "d-none d-lg-block") stays, and so does one that holds the page's headline,
# its article or half its text (a page that hides everything until scripts run).
DROP_HIDDEN_CLASSES = True
_HIDDEN_CLASS = frozenset(
    "hide hidden d-none is-hidden invisible sr-only visually-hidden visuallyhidden "
    "screen-reader-text".split()
)
_SHOWN_AGAIN = re.compile(r"\S+:(?!hidden)\S+|d-\w+-(?!none)\w+|visible-\S+|show")
_MAYBE_HIDDEN = (
    "//*["
    + " or ".join(
        f"contains(@class, '{part}')" for part in ("hid", "d-none", "invisible", "sr-only")
    )
    + "]"
)


def _drop_hidden_classes(tree: Any) -> None:
    candidates = []
    for element in tree.xpath(_MAYBE_HIDDEN)[:MAX_HIDDEN_ELEMENTS]:
        names = (element.get("class") or "").lower().split()
        if (
            _HIDDEN_CLASS.intersection(names)
            and not any(_SHOWN_AGAIN.fullmatch(name) for name in names)
            and element.tag not in ("html", "body", "main", "article")
            and element.getparent() is not None
        ):
            candidates.append(element)
    if not candidates:
        return
    body = tree.find(".//body")
    half = sum(len(piece) for piece in (body if body is not None else tree).itertext()) / 2
    budget = MAX_HIDDEN_VISITS  # elements looked at in all: nested hidden elements stay linear
    for element in candidates:
        if element.getparent() is None or budget <= 0:
            continue
        length = 0
        droppable = True
        for inner in element.iter():
            budget -= 1
            if inner.tag in ("h1", "article", "main"):
                droppable = False  # the headline or the article itself
            else:
                length += len(inner.text or "") + (
                    len(inner.tail or "") if inner is not element else 0
                )
            if not droppable or length > half or budget <= 0:
                droppable = False
                break
        if droppable:
            element.drop_tree()  # its tail text stays


MAX_HIDDEN_VISITS = 200_000


# Cookie and consent notices: elements whose id or class says so ("cookie-banner",
# "cmp-consent", "gdpr"); a class that merely contains "cookie" (a recipe's) stays,
# and so does anything holding the page's headline or article.
DROP_CONSENT = True
_CONSENT = re.compile(
    r"(?:^|[\s_-])(?:consent|gdpr|cookie[\s_-]*(?:banner|notice|bar|consent|law|popup|modal|"
    r"message|warning|info|policy|settings|preferences|table|declaration|disclaimer))",
    re.IGNORECASE,
)
_MAYBE_CONSENT = (
    "//*["
    + " or ".join(
        f"contains(@{name}, '{part}')"
        for name in ("id", "class")
        for part in ("ookie", "OOKIE", "onsent", "ONSENT", "gdpr", "GDPR", "Gdpr")
    )
    + "]"
)


def _drop_consent(tree: Any) -> None:
    for element in tree.xpath(_MAYBE_CONSENT)[:MAX_HIDDEN_ELEMENTS]:
        names = f"{element.get('id') or ''} {element.get('class') or ''}"
        if (
            element.getparent() is None
            or element.tag in ("html", "body", "main", "article")
            or not _CONSENT.search(names)
            or element.find(".//h1") is not None
            or element.find(".//article") is not None
        ):
            continue
        element.drop_tree()


def _short(element: Any) -> bool:
    length = 0
    for piece in element.itertext():
        length += len(piece.strip())
        if length > MAX_HIDDEN:
            return False
    return True


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
