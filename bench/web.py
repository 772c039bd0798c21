"""Score web-page extraction on the two test sets in ../shared/corpus/web-pages.

    python bench/web.py            # ours, trafilatura's defaults, readability-lxml (if installed)
    python bench/web.py --choose   # also the cross-set check of trafilatura's modes
    python bench/web.py --titles   # only the title rule's parameter, chosen held out

ScrapingHub's article benchmark: F1 of 4-word shingles (its evaluate.py:
precision and recall averaged over pages, then F1). WCXB (development
split): the mean over pages of the F1 of the bags of lower-cased words.
Title, author and date accuracy on WCXB (the only set that has them): the
title and author compared case-, space- and punctuation-folded (an author
list matches if it names the same people in any order), the date as
YYYY-MM-DD. Median extraction time per page over both sets (one process,
after a warm-up), in CPU time: on this shared machine wall time varies
tenfold with its load.

Our extraction (``aleppo_cli.text.formats.html``) is trafilatura with
comments left out, read through its XML output into our blocks, with the
headings and lists between paragraphs put back where trafilatura kept
paragraphs only, less back-matter sections, hidden icons and words run
together; its title,
author and date are ``formats/pagemeta.py``'s. The README says which
figures are held out. ``--choose`` shows what picking one of trafilatura's
modes (default, favor_precision, favor_recall) on one set does on the
other, and chooses the title rule's parameter by two-fold cross-validation.
Also printed: the share of the page's emphasis kept as emphasis, and the
words extraction ran together (two of the page's words glued where the page
lays them apart).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
CORPUS = HERE.parent.parent / "shared" / "corpus" / "web-pages"

TOKEN = re.compile(r"\w+")


def shingle_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = TOKEN.findall(text or "")
        return Counter(
            tuple(tokens[i : i + n])
            for i in range(max(1, len(tokens) - n + 1))
            if tokens[i : i + n]
        )

    a, b = shingles(true), shingles(pred)
    tp, fp, fn = sum((a & b).values()), sum((b - a).values()), sum((a - b).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_f1(counts: list[tuple[float, float, float]]) -> float:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return 2 * p * r / (p + r)


def word_f1(pred: str, ref: str) -> float:
    pt, rt = TOKEN.findall(pred.lower()), TOKEN.findall(ref.lower())
    if not rt:
        return 1.0 if not pt else 0.0
    if not pt:
        return 0.0
    overlap = sum((Counter(pt) & Counter(rt)).values())
    p, r = overlap / len(pt), overlap / len(rt)
    return 2 * p * r / (p + r) if p + r else 0.0


def folded(text: str) -> str:
    return " ".join(TOKEN.findall((text or "").lower()))


def same_people(ours: str, truth: str) -> bool:
    def people(text: str) -> set[str]:
        return {folded(p) for p in re.split(r",|;|\band\b|&", text or "") if folded(p)}

    return bool(people(truth)) and people(ours) == people(truth)


def same_date(ours: str, truth: str) -> bool:
    return bool(truth) and (ours or "")[:10] == truth[:10]


class Page:
    def __init__(
        self, dataset: str, key: str, html: str, truth: str, url: str, meta: dict[str, str]
    ):
        self.dataset, self.key, self.html, self.truth, self.url, self.meta = (
            dataset,
            key,
            html,
            truth,
            url,
            meta,
        )


def pages() -> list[Page]:
    if not CORPUS.is_dir():
        sys.exit(f"web pages not found at {CORPUS}")
    found = []
    truth = json.loads((CORPUS / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        html = _html(CORPUS / "scrapinghub" / "html" / f"{key}.html.gz")
        found.append(Page("sh", key, html, entry["articleBody"], entry["url"], {}))
    for path in sorted((CORPUS / "wcxb-dev" / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gt = data["ground_truth"]
        html = _html(CORPUS / "wcxb-dev" / "html" / f"{path.stem}.html.gz")
        meta = {k: gt.get(k) or "" for k in ("title", "author", "publish_date")}
        found.append(Page("wc", path.stem, html, gt["main_content"] or "", data["url"], meta))
    return found


def _html(path: Path) -> str:
    from aleppo_cli.text import sources

    return sources.decode_html(gzip.decompress(path.read_bytes()))[0]


Result = tuple[str, dict[str, str]]  # text, metadata (title, author, date)


def ours(page: Page) -> Result:
    from aleppo_cli.text.formats import html

    extracted = html.extract(page.html, page.url)
    if extracted is None:
        return "", {}
    m = extracted.metadata
    return extracted.text, {"title": m.title, "author": m.author, "date": m.date}


def trafilatura_defaults(page: Page) -> Result:
    """What ``trafilatura.extract`` gives with its defaults (comments included)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    text = trafilatura.extract(page.html, url=page.url) or ""
    meta = extract_metadata(page.html, default_url=page.url)
    return text, {"title": meta.title or "", "author": meta.author or "", "date": meta.date or ""}


def trafilatura_with(**options: Any) -> Callable[[Page], Result]:
    def run(page: Page) -> Result:
        import trafilatura

        doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True, **options)
        if doc is None or isinstance(doc, dict):
            return "", {}
        meta = {"title": doc.title or "", "author": doc.author or "", "date": doc.date or ""}
        return doc.text or "", meta

    return run


def readability_lxml(page: Page) -> Result:
    import lxml.html
    from readability import Document

    doc = Document(page.html)
    summary = doc.summary(html_partial=True)
    text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return text, {"title": doc.short_title() or ""}


def score(name: str, run: Callable[[Page], Result], every: list[Page]) -> dict[str, Any]:
    run(every[0])  # warm-up: imports
    counts, wcxb, titles, authors, dates, times = [], [], [], [], [], []
    halves: dict[str, tuple[list[float], list[float]]] = {
        "wcxb": ([], []),
        "title": ([], []),
        "author": ([], []),
        "date": ([], []),
    }
    outputs: dict[str, str] = {}
    for page in every:
        start = time.process_time()
        text, meta = run(page)
        times.append(time.process_time() - start)
        outputs[f"{page.dataset}/{page.key}"] = text
        if page.dataset == "sh":
            counts.append(shingle_counts(page.truth, text))
        else:
            wcxb.append(word_f1(text, page.truth))
            half = len(wcxb) % 2  # 1: an even-numbered WCXB page (0-based), 0: an odd one
            halves["wcxb"][half].append(wcxb[-1])
            titles.append(folded(meta.get("title", "")) == folded(page.meta["title"]))
            halves["title"][half].append(titles[-1])
            if page.meta["author"]:
                authors.append(same_people(meta.get("author", ""), page.meta["author"]))
                halves["author"][half].append(authors[-1])
            if page.meta["publish_date"]:
                dates.append(same_date(meta.get("date", ""), page.meta["publish_date"]))
                halves["date"][half].append(dates[-1])
    return {
        "name": name,
        "sh": shingle_f1(counts),
        "wcxb": statistics.mean(wcxb),
        "title": statistics.mean(titles),
        "author": statistics.mean(authors) if authors else float("nan"),
        "date": statistics.mean(dates) if dates else float("nan"),
        "median_ms": 1000 * statistics.median(times),
        "outputs": outputs,
        "halves": {key: tuple(statistics.mean(h) for h in pair) for key, pair in halves.items()},
        "authors": len(authors),
        "dates": len(dates),
    }


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| extractor | ScrapingHub shingle F1 | WCXB word F1 | title | author | date "
        "| median ms/page |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {r['sh']:.3f} | {r['wcxb']:.3f} | {r['title']:.3f} | "
            f"{r['author']:.3f} | {r['date']:.3f} | {r['median_ms']:.0f} |"
        )
    return "\n".join(lines)


def choose(every: list[Page]) -> None:
    """Choices made on one part of the pages, reported on the other."""
    modes = {
        "default": {},
        "favor_precision": {"favor_precision": True},
        "favor_recall": {"favor_recall": True},
    }
    scores = {
        mode: score(mode, trafilatura_with(include_comments=False, **options), every)
        for mode, options in modes.items()
    }
    for train, test in (("sh", "wcxb"), ("wcxb", "sh")):
        best = max(scores, key=lambda mode: scores[mode][train])
        others = ", ".join(f"{mode} {scores[mode][test]:.3f}" for mode in scores)
        print(
            f"trafilatura mode chosen on {train}: {best} ({scores[best][train]:.3f}); "
            f"held out, on {test}: {scores[best][test]:.3f} ({others})"
        )
    choose_title([page for page in every if page.dataset == "wc"])


def choose_title(wcxb: list[Page]) -> None:
    """pagemeta.HEADING_SHARE chosen leaving one page out, and by two-fold
    cross-validation on WCXB (even and odd pages): chosen on one half,
    reported on the other."""
    import trafilatura
    from trafilatura.utils import load_html

    from aleppo_cli.text.formats import pagemeta

    shipped = pagemeta.HEADING_SHARE
    facts = []
    for page in wcxb:
        tree = load_html(page.html)
        if tree is None:
            continue
        found = pagemeta.facts(tree)
        doc = trafilatura.bare_extraction(tree, url=page.url, with_metadata=True)
        page_title = doc.title if doc is not None and not isinstance(doc, dict) else ""
        facts.append((" ".join((page_title or "").split()), found, page.meta["title"]))
    shares = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.01)  # 1.01: never a heading

    def accuracy(share: float, part: list[tuple[str, pagemeta.Facts, str]]) -> float:
        pagemeta.HEADING_SHARE = share
        return statistics.mean(
            folded(pagemeta.title(t, found)) == folded(truth) for t, found, truth in part
        )

    # leave one page (one site) out: the share chosen on the other 177 pages,
    # scored on the one left out
    right = {
        share: [folded(_title(share, t, found)) == folded(truth) for t, found, truth in facts]
        for share in shares
    }
    totals = {share: sum(right[share]) for share in shares}
    left_out = [
        right[max(shares, key=lambda share: totals[share] - right[share][i])][i]
        for i in range(len(facts))
    ]
    print(f"title, held out, leave one page out: {statistics.mean(left_out):.3f}")
    folds = [facts[0::2], facts[1::2]]
    held = []
    for index in (0, 1):
        train, test = folds[index], folds[1 - index]
        best = max(shares, key=lambda share: accuracy(share, train))
        held.append(accuracy(best, test))
        tied = [share for share in shares if accuracy(share, train) == accuracy(best, train)]
        print(
            f"title: HEADING_SHARE chosen on half {index + 1}: {best} "
            f"({accuracy(best, train):.3f}; tied: {tied}); held out: {held[-1]:.3f} "
            f"(over the tied values {min(accuracy(s, test) for s in tied):.3f} to "
            f"{max(accuracy(s, test) for s in tied):.3f})"
        )
    print(f"title, held out, mean of the two halves: {statistics.mean(held):.3f}")
    print(f"title, in sample (the value shipped, {shipped}): {accuracy(shipped, facts):.3f}")
    pagemeta.HEADING_SHARE = shipped


def _title(share: float, page_title: str, found: Any) -> str:
    from aleppo_cli.text.formats import pagemeta

    pagemeta.HEADING_SHARE = share
    return pagemeta.title(page_title, found)


def emphasis_kept(every: list[Page]) -> tuple[int, int]:
    """Of the emphasised stretches (<em>, <i>, <strong>, <b>, 3 to 200
    characters) whose text is in our extracted text, how many a span of ours
    covers there."""
    import lxml.html

    from aleppo_cli.text.formats import html

    kept = total = 0
    for page in every:
        found = html.extract(page.html, page.url)
        if found is None:
            continue
        try:
            tree = lxml.html.fromstring(page.html)
        except Exception:
            continue
        for element in tree.iter("em", "i", "strong", "b"):
            text = " ".join(element.text_content().split())
            if not 3 <= len(text) <= 200:
                continue
            at = found.text.find(text)
            if at < 0:
                continue
            total += 1
            kept += any(s.start < at + len(text) and s.end > at for s in found.spans)
    return kept, total


_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
    "time tt u var wbr".split()
)


def page_words(markup: str) -> set[str]:
    """The words of a page's text as a browser lays it out: inline elements
    run on (``foo<b>bar</b>`` is one word), every other element is apart."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(markup)
    except Exception:
        return set()
    pieces: list[str] = []

    def visit(element: Any) -> None:
        inline = isinstance(element.tag, str) and element.tag.lower() in _INLINE
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            pieces.append(element.tail or "")
            return
        if not inline:
            pieces.append(" ")
        pieces.append(element.text or "")
        for child in element:
            visit(child)
        if not inline:
            pieces.append(" ")
        pieces.append(element.tail or "")

    visit(tree)
    return set(TOKEN.findall("".join(pieces).lower()))


def run_together(every: list[Page]) -> tuple[int, int, list[str]]:
    """Words of our extracted text that are two of the page's words glued
    (each of three letters or more) where the page has them apart: the
    run-together words extraction introduced. Returns (glued, words, examples)."""
    from aleppo_cli.text.formats import html

    glued = total = 0
    examples: list[str] = []
    for page in every:
        found = html.extract(page.html, page.url)
        if found is None:
            continue
        known = page_words(page.html)
        for word in TOKEN.findall(found.text.lower()):
            total += 1
            if word in known or len(word) < 6 or not word.isalpha():
                continue
            if any(word[:cut] in known and word[cut:] in known for cut in range(3, len(word) - 2)):
                glued += 1
                if len(examples) < 10:
                    examples.append(f"{page.dataset}/{page.key[:8]}: {word}")
    return glued, total, examples


def main() -> None:
    every = pages()
    if "--titles" in sys.argv:  # the title rule's choice alone (no extraction)
        choose_title([page for page in every if page.dataset == "wc"])
        return
    rows = [
        score("aleppo (trafilatura 2.3.1 without comments, into blocks, pagemeta)", ours, every),
        score("trafilatura 2.3.1, defaults (`extract`)", trafilatura_defaults, every),
    ]
    try:
        import readability  # noqa: F401 - not a dependency: pip install readability-lxml

        rows.append(score("readability-lxml", readability_lxml, every))
    except ImportError:
        print("readability-lxml is not installed (pip install readability-lxml): left out")
    print(
        f"{len(every)} pages: {sum(p.dataset == 'sh' for p in every)} ScrapingHub, "
        f"{sum(p.dataset == 'wc' for p in every)} WCXB (authors on {rows[0]['authors']}, "
        f"dates on {rows[0]['dates']})"
    )
    print(table(rows))
    for row in rows[:2]:
        for key in ("wcxb", "title", "author", "date"):
            odd, even = (row["halves"][key][i] for i in (0, 1))
            print(f"{row['name']}: {key} on the even-numbered WCXB pages {even:.4f}, odd {odd:.4f}")
    kept, total = emphasis_kept(every)
    print(f"emphasis kept as spans: {kept}/{total} = {kept / total:.3f}")
    glued, words, examples = run_together(every)
    print(f"run-together words introduced by extraction: {glued} of {words:,} words")
    for example in examples:
        print(f"  {example}")
    if "--choose" in sys.argv:
        choose(every)


if __name__ == "__main__":
    main()
