"""A web page's title, author and date from generic signals in its markup.

trafilatura finds the article, and its metadata is the first guess; this
module reads what a page declares about itself in the ways the web commonly
does, and uses it to check and complete that guess:

- the title: the page's ``<h1>`` headings against its ``<title>``,
  ``og:title`` and ``citation_title`` (see ``title``);
- the author: a byline cleaned of its labels ("By", "Written by", "Author")
  and of what leaks into it (a date, a link, a job title after the name,
  the site's or the JSON-LD publisher's name beside a person's); else Yoast's ``twitter:label1 =
  "Written by"``, ``<meta name="author">``, a link to an author page
  (``rel="author"``, ``/author/…``), the name that follows a "Written by"
  label, or an ``<address>``;
- the date: a ``<time datetime>`` or a date in the text labelled
  "Published" or "Posted", else one shown beside a reading time, else
  trafilatura's (htmldate's), unless that is a declared modification date
  the text never shows (then the declared publication date). (Preferring
  the JSON-LD ``datePublished`` always, chosen on half of the WCXB pages,
  lost on the other half: not kept.)

No rule names a site. bench/web.py measures each against trafilatura's
own metadata; the README says which figures are held out.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|»|::)\s+")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "Dec", "December"
# Month names that are not also given names or surnames, when one ends a byline.
_MONTH_ALONE = r"(?:january|february|september|october|november|december|feb|sept?|oct|nov|dec)\.?"
# What trails a name in a byline: a date, "Updated …", "Published …", a reading time.
_BYLINE_TAIL = re.compile(
    rf"(?:^|\s+)(?:{_MONTH}\s*\d|{_MONTH_ALONE}$|updated\b|published\b|posted\b|on\s+\d|"
    rf"\d{{1,2}}[/.]\d|\d+\s+min\b|·|•|\|)",
    re.IGNORECASE,
)
_BYLINE_HEAD = re.compile(
    r"^(?:(?:this\s+(?:post|article|story)\s+(?:was\s+)?)?(?:written|posted|reviewed|"
    r"edited|published)\s+by|by|authors?|read\s+more\s+about|about\s+the\s+author)\b[\s:]*",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\.com\b|\d{3}", re.IGNORECASE)
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "medicalwebpage",
    "posting",
    "socialmediaposting",
    "howto",
    "recipe",
    "review",
}
MAX_JSON_LD = 200_000  # characters of JSON-LD read a page


@dataclass
class Facts:
    """What a page says about itself, read once from its tree."""

    title: str = ""  # <title>
    meta: dict[str, str] = field(default_factory=dict)  # name/property/itemprop → content
    headings: list[str] = field(default_factory=list)  # <h1>s, in order
    linked: dict[str, Any] = field(default_factory=dict)  # the JSON-LD object of the article
    published: str = ""  # a <time datetime> labelled "published"
    author_links: list[str] = field(default_factory=list)  # rel=author, /author/ links
    labelled: list[str] = field(default_factory=list)  # the text after a "Written by" label
    addresses: list[str] = field(default_factory=list)  # <address> (an article's author)
    stamps: set[str] = field(default_factory=set)  # days in machine-readable dates (YYYY-MM-DD)
    modified: set[str] = field(default_factory=set)  # days the page declares as modification dates
    shown: dict[str, str] = field(default_factory=dict)  # "published", "read", "updated" → day
    visible: set[str] = field(default_factory=set)  # every day the page's text shows
    declared: list[str] = field(default_factory=list)  # declared publication days, JSON-LD first


def facts(tree: Any, max_headings: int = 10) -> Facts:
    found = Facts()
    head_title = tree.find(".//title")
    if head_title is not None:
        found.title = _line(head_title.text_content())
    for element in tree.iter("meta"):
        key = (
            element.get("property") or element.get("name") or element.get("itemprop") or ""
        ).lower()
        content = _line(element.get("content") or "")
        if key and content and key not in found.meta:
            found.meta[key] = content
        if ("date" in key or "time" in key) and _ISO_DAY.match(content):
            found.stamps.add(content[:10])
            if "modified" in key or "updated" in key:
                found.modified.add(content[:10])
            elif _PUBLISHED_KEY.search(key):
                found.declared.append(content[:10])
    found.headings = [_laid_out(h) for h in tree.iter("h1")][:max_headings]
    found.linked = _article_object(tree)
    changed = found.linked.get("dateModified")
    if isinstance(changed, str) and _ISO_DAY.match(changed.strip()):
        found.modified.add(changed.strip()[:10])
    published = found.linked.get("datePublished")
    if isinstance(published, str) and _ISO_DAY.match(published.strip()):
        found.declared.insert(0, published.strip()[:10])
    found.shown, found.visible = _shown_dates(tree)
    for count, element in enumerate(tree.iter("time")):
        stamp = element.get("datetime") or ""
        parent = element.getparent()
        if count >= 20:
            break
        if _ISO_DAY.match(stamp.strip()):
            found.stamps.add(stamp.strip()[:10])
        if not stamp or parent is None:
            continue
        label = " ".join([parent.text or "", element.text or "", element.tail or ""]).lower()
        if "published" in label or "posted" in label:
            found.published = stamp
            break
    for element in tree.iter("a"):
        href = element.get("href") or ""
        if element.get("rel") == "author" or re.search(r"/(?:authors?|writers?)/[\w-]+/?$", href):
            found.author_links.append(_line(element.text_content()))
            if len(found.author_links) >= 5:
                break
    found.addresses = [_line(e.text_content()) for e in tree.iter("address")][:2]
    for element in tree.iter("p", "span", "div", "dt", "strong", "em", "small"):
        if len(element):
            continue  # a label is an element of its own: no children
        text = (element.text or "").strip().lower().rstrip(":")
        if text in ("written by", "by", "author"):
            following = element.getnext()
            if following is not None and isinstance(following.tag, str):
                found.labelled.append(_line(following.text_content()))
                if len(found.labelled) >= 3:
                    break
    return found


# Elements that run on with their neighbours' text; any other element (a
# <br>, a <p> or <h4> inside a heading) stands apart, as a browser lays it out.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
    "time tt u var wbr".split()
)


def _laid_out(element: Any) -> str:
    """An element's text on one line, its block children and line breaks
    apart from their neighbours ("(US)<br>Your Guide": "(US) Your Guide")."""
    from lxml import etree

    pieces: list[str] = []
    for event, child in etree.iterwalk(element, events=("start", "end")):
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        apart = child is not element and tag != "" and tag not in _INLINE
        if event == "start":
            if apart:
                pieces.append(" ")
            if tag not in ("", "script", "style"):
                pieces.append(child.text or "")
        elif child is not element:
            if apart:
                pieces.append(" ")
            pieces.append(child.tail or "")
    return _line("".join(pieces))


def _article_object(tree: Any) -> dict[str, Any]:
    """The first JSON-LD object of an article's type, else of a web page's."""
    budget = MAX_JSON_LD
    page: dict[str, Any] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        text = script.text or ""
        budget -= len(text)
        if budget < 0:
            break
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for item in _objects(data, 0):
            kinds = item.get("@type")
            names = kinds if isinstance(kinds, list) else [kinds]
            kinds_found = {k.lower() for k in names if isinstance(k, str)}
            if kinds_found & _ARTICLE_TYPES:
                return item
            if "webpage" in kinds_found and not page:
                page = item
    return page


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            yield from _objects(data.get(key), depth + 1)
    elif isinstance(data, list):
        for item in data[:50]:
            yield from _objects(item, depth + 1)


# --- title ----------------------------------------------------------------------

# The title: the page's first <h1> that shares words with its <title> (at least
# HEADING_SHARE of the heading's words), as that is the headline a reader
# sees; else the <title> less what follows a separator (" | Site Name").
# A heading that begins with the page's declared title and adds a short tail
# (a byline, a count, " | Opinion") is that title. trafilatura's guess at the
# <title> stands unless it shares no word with the page's <title>. bench/web.py chose
# HEADING_SHARE by two-fold cross-validation on the WCXB pages.
HEADING_SHARE = 0.1


def title(page_title: str, found: Facts) -> str:
    declared = [
        t
        for t in (found.meta.get("og:title", ""), found.title, found.meta.get("citation_title", ""))
        if t
    ]
    words = _content_words(page_title)
    if (
        found.title
        and not words & _content_words(found.title)
        and _fold(page_title) not in {_fold(t) for t in declared}
    ):
        # trafilatura's title is neither in the page's <title> nor one the
        # page declares (og:title): a stray element
        page_title = found.title
        words = _content_words(page_title)
    for heading in found.headings:
        own = _content_words(heading)
        if own and len(heading) <= 300 and len(own & words) >= HEADING_SHARE * len(own):
            return _trimmed(heading, declared)
    parts = [part for part in _SEPARATOR.split(page_title) if part.strip()]
    if parts:
        return parts[0].strip()
    return found.headings[0] if found.headings else page_title


# What begins a tail that is not part of a headline: a separator or a
# bracket (" | Opinion", " - Personally Tested", " (example.com) 87"), or a
# byline, capitalised ("Posted on July 1, 2024 by jane"; not "… by the Sea").
_TAIL = re.compile(r"\s*(?:[|\-–—·•»:(\[]|(?:Posted|Published|Updated|Written|By|BY)\b)")


# English function words: a heading and a title that share only these
# ("to", "the", "your") share nothing.
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with about into as and or but nor so if than then "
    "is are was were be been being do does did can will would should could may might must "
    "i me my we our us you your he him his she her it its they them their this that these "
    "those what which who whom whose how why when where not no".split()
)


def _content_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _FUNCTION_WORDS}


def _trimmed(heading: str, declared: list[str]) -> str:
    """The heading less a tail that the page's declared titles do not have;
    else, a heading that is only the head of a declared title before its
    colon ("Index funds" of "Index Funds: How to Invest"), that title."""
    folded = _fold(heading)
    lowered = heading.lower()
    for candidate in declared:
        for part in (candidate, *_SEPARATOR.split(candidate)[:1]):
            part = part.strip()
            own = _fold(part)
            if (
                len(own) >= 12
                and folded != own
                and lowered.startswith(part.lower())
                and _TAIL.match(heading, len(part))
                and len(own) >= 0.6 * len(folded)
            ):
                return part
    for candidate in declared:
        part = _SEPARATOR.split(candidate)[0].strip()
        if part.lower().startswith(lowered + ":") and len(part) > len(heading) + 3:
            return part
    return heading


# --- author ---------------------------------------------------------------------


def author(found_author: str, found: Facts, site: str) -> str:
    publisher = found.linked.get("publisher")
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else ""
    cleaned = clean_author(
        found_author, site, publisher_name if isinstance(publisher_name, str) else ""
    )
    if cleaned:
        return cleaned
    if found.meta.get("twitter:label1", "").lower() == "written by":
        named = clean_author(found.meta.get("twitter:data1", ""), site)
        if named:
            return named
    for candidate in (
        found.meta.get("author", ""),
        *found.author_links,
        *found.labelled,
        *found.addresses,
    ):
        named = clean_author(candidate, site)
        if named and len(named) <= 60:
            return named
    return ""


def clean_author(byline: str, *site: str) -> str:
    """A byline less its label, what trails the name, and parts that are not
    a name at all or the site's name beside a person's."""
    people = []
    sites = {_fold(name) for name in site if name}
    for part in _line(byline).split(";"):
        part = _BYLINE_HEAD.sub("", part.strip())
        tail = _BYLINE_TAIL.search(part)
        if tail:
            part = part[: tail.start()]
        part = part.strip(" ,:|-")
        if not part or _NOT_A_NAME.search(part) or not any(c.isalpha() for c in part):
            continue
        if len(part.split()) > 6:
            continue
        people.append(part)
    people = _without_roles(people)
    # The site's name beside people's names is the publisher, not an author
    # (a personal site's name alone is its author's).
    named = [p for p in people if _fold(p) not in sites]
    return "; ".join(dict.fromkeys(named or people))


# Words of job titles and the departments they name: what follows an author's
# name in a byline ("Jane Roe, Head of Community Development", split by
# trafilatura into "Jane Roe; Head; Community Development"). A conventional
# list, not read off the test pages' names.
_ROLE = re.compile(
    r"(?:co-?)?(?:founder|owner|ceo|cto|cfo|coo|cmo|president|vice|vp|director|manager|head|"
    r"chief|lead|senior|principal|editor|editorial|writer|reporter|correspondent|columnist|"
    r"contributor|contributing|journalist|reviewer|analyst|expert|specialist|consultant|"
    r"coordinator|strategist|officer|advisor|adviser|associate|assistant|intern|fellow|"
    r"producer|researcher|scientist|engineer|developer|designer|marketer|marketing|content|"
    r"communications|community|development|sales|product|operations|security|privacy|"
    r"technology|research|strategy|partner|professor|lecturer)",
    re.IGNORECASE,
)


def _without_roles(people: list[str]) -> list[str]:
    """The names of a split byline less the job title that follows them: a
    part from the first word of a title on (if two words of a name precede
    it), and every part after the first that holds one. A plural ("The
    Currency editors") names a group, an author as a whole."""
    kept: list[str] = []
    for index, part in enumerate(people):
        words = part.split()
        at = next((i for i, w in enumerate(words) if _ROLE.fullmatch(w.strip(",.()"))), None)
        if at is None:
            kept.append(part)
        elif at >= 2:
            kept.append(" ".join(words[:at]))
            break
        elif index == 0:
            kept.append(part)  # a title before a name ("Senior Editor Jane Roe"): as it is
        else:
            break
    return kept


# --- date -----------------------------------------------------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Meta tags that declare the publication date: article:published_time,
# og:published_time, datePublished (itemprop), parsely-pub-date, pubdate.
_PUBLISHED_KEY = re.compile(r"publish|pub-?date", re.IGNORECASE)


def date(found_date: str, found: Facts) -> str:
    """A ``<time datetime>`` labelled "Published" or "Posted"; else a date the
    page's text labels so ("Published on 26 Sep 2019"); else the date shown
    beside a reading time ("Dec 30, 2013 · 7 min read"), unless the page
    declares it as its modification date or labels it "Updated"; else
    trafilatura's (htmldate's), its day and month put right."""
    match = _ISO_DAY.match(found.published.strip())
    if match:
        return match.group(0)
    if "published" in found.shown:
        return found.shown["published"]
    beside = found.shown.get("read", "")
    if beside and beside not in found.modified and beside != found.shown.get("updated"):
        return beside
    guess = _unswapped(found_date, found.stamps)
    day = guess[:10]
    if day in found.modified and day not in found.visible and found.declared:
        # the page's declared modification date, which it does not show its
        # readers: the declared publication date instead
        return next((d for d in found.declared if d != day), guess)
    return guess


def _unswapped(found_date: str, stamps: set[str]) -> str:
    """A date read from text with its day and month swapped ("10/12/2023"
    read as 10 December) where the page's machine-readable dates (a <time
    datetime>, a meta tag's ISO date) have it the other way round, and not
    as read."""
    if not _ISO_DAY.match(found_date) or found_date[:10] in stamps:
        return found_date
    year, month, day = found_date[:10].split("-")
    swapped = f"{year}-{day}-{month}"
    return swapped if month != day and swapped in stamps else found_date


# Dates as pages show them to readers: "2025-12-19", "Dec. 18, 2025",
# "December 18th, 2025", "3 January, 2025" (numeric forms such as 12/10/2025
# are left out: day and month cannot be told apart).
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_SHOWN_DATE = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))\b",
    re.IGNORECASE,
)
# The label right before a shown date, and what it says the date is.
_DATE_LABELS = (
    # a byline's label is capitalised ("Published", "POSTED on"); a sentence's
    # "the novel was first published on 12 May 1998" is not the page's date
    (
        "published",
        re.compile(
            r"(?<![Ll]ast\s)\b(?:Published|PUBLISHED|Posted|POSTED|[Oo]riginally\s+published)"
            r"(?:\s+(?:on|ON|On))?\s*:?\s*$"
        ),
    ),
    ("updated", re.compile(r"\b(?:updated|modified)(?:\s+on)?\s*:?\s*$", re.I)),
)
_READ_AFTER = re.compile(r"[\W_]{0,4}\d+\s+min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_READ_BEFORE = re.compile(r"\b\d+\s+min(?:ute)?s?\.?\s+read[\W_]{0,4}$", re.IGNORECASE)
MAX_SHOWN_TEXT = 100_000  # characters of a page's text searched for shown dates


def _shown_dates(tree: Any) -> tuple[dict[str, str], set[str]]:
    """The first date the page's text labels "Published" or "Posted" (not a
    profile's "Last published"), the first labelled "Updated", and the first
    beside a reading time ("Dec 30, 2013 · 7 min read"), as YYYY-MM-DD; and
    every day the text shows."""
    pieces: list[str] = []
    size = 0
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() not in _UNSHOWN:
            piece = (element.text or "").strip()
            if piece:
                pieces.append(piece)
                size += len(piece)
        piece = (element.tail or "").strip()
        if piece:
            pieces.append(piece)
            size += len(piece)
        if size > MAX_SHOWN_TEXT:
            break
    text = " ".join(" ".join(pieces).split())
    shown: dict[str, str] = {}
    visible: set[str] = set()
    for match in _SHOWN_DATE.finditer(text):
        day = _day(match)
        if not day:
            continue
        visible.add(day)
        before = text[max(0, match.start() - 40) : match.start()]
        kind = next((k for k, label in _DATE_LABELS if label.search(before)), "")
        if not kind and (_READ_AFTER.match(text, match.end()) or _READ_BEFORE.search(before)):
            kind = "read"
        if kind and kind not in shown:
            shown[kind] = day
    return shown, visible


_UNSHOWN = frozenset({"script", "style", "noscript", "template", "head", "title", "option"})


def _day(match: re.Match[str]) -> str:
    """The matched date as YYYY-MM-DD, or "" if there is no such day."""

    try:
        if match.group("iso"):
            return datetime.date.fromisoformat(match.group("iso")).isoformat()
        month = _MONTHS.index((match.group("m1") or match.group("m2"))[:3].lower()) + 1
        day = int(match.group("d1") or match.group("d2"))
        return datetime.date(int(match.group("y1") or match.group("y2")), month, day).isoformat()
    except ValueError:
        return ""


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _line(text: str) -> str:
    return " ".join(text.split())
