"""How often search's speakers, labelled from the conversations around its
hits (``analysis/search_speakers.py``), differ from the whole book's quotation
analysis (what ``aleppo quotes`` says), on the three books and the queries of
``tests/search_golden.py``; and how long each takes.

    python bench/search_speakers.py [--reset-before N] [--reset-after N]
    python bench/search_speakers.py --pdnc [--sample N]

Every book is windowed here, whatever its length (the command analyses texts
under ``WHOLE_BELOW`` characters whole). ``--pdnc`` instead takes each
annotated quotation of the novels of ../shared/corpus/pdnc as if a search had
hit it alone (or, with ``--sample N``, N of each novel's, fixed seed, as the
hits of one search), and scores both ways of labelling them against the
annotated speakers exactly as bench/quotes.py scores speakers (see ``pdnc``).
"""

from __future__ import annotations

import argparse
import sys
import time
from bisect import bisect_right
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aleppo_cli.analysis import search, search_speakers  # noqa: E402
from aleppo_cli.analysis.quotes import quotations  # noqa: E402
from aleppo_cli.text import prebuilt, sources  # noqa: E402
from aleppo_cli.text.document import Document, RawToClean, build  # noqa: E402
from tests.pipeline_golden import read  # noqa: E402
from tests.search_golden import QUERIES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reset-before", type=int, default=search_speakers.RESET_BEFORE)
    parser.add_argument("--reset-after", type=int, default=search_speakers.RESET_AFTER)
    parser.add_argument("--show", action="store_true", help="print each difference")
    parser.add_argument("--book", help="only this book (part of its file name)")
    parser.add_argument("--pdnc", action="store_true", help="score against PDNC's speakers")
    parser.add_argument(
        "--sample", type=int, default=0, help="quotations a novel (--pdnc; 0: all, each alone)"
    )
    options = parser.parse_args()
    search_speakers.RESET_BEFORE = options.reset_before
    search_speakers.RESET_AFTER = options.reset_after
    search_speakers.WHOLE_BELOW = 0
    search_speakers.MOST = 2.0
    if options.pdnc:
        pdnc(options.sample)
        return
    print("| book | query | hits | labelled (whole book) | differ | windowed s | whole s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    totals = [0, 0, 0]
    for name, queries in QUERIES.items():
        if options.book and options.book not in name:
            continue
        document = build(read(name))
        began = time.perf_counter()
        whole = quotations.SpeakerIndex(quotations.find(document))
        whole_seconds = time.perf_counter() - began
        searcher = search.Searcher(document)
        for query in queries:
            hits = searcher.search(search.Query(query))
            offsets = [hit.clean_start for hit in hits]
            began = time.perf_counter()
            windowed = search_speakers.speakers(document, offsets)
            seconds = time.perf_counter() - began
            expected = [whole(offset) for offset in offsets]
            differ = [
                (offset, a, b)
                for offset, a, b in zip(offsets, expected, windowed, strict=True)
                if a != b
            ]
            labelled = sum(1 for speaker in expected if speaker)
            totals[0] += len(hits)
            totals[1] += labelled
            totals[2] += len(differ)
            print(
                f"| {name} | {query} | {len(hits)} | {labelled} | {len(differ)} "
                f"| {seconds:.2f} | {whole_seconds:.2f} |"
            )
            if options.show:
                for offset, a, b in differ:
                    line = document.clean.text[max(0, offset - 60) : offset + 40]
                    print(f"    {a!r} -> {b!r}: {line!r}", file=sys.stderr)
    print(f"| all | | {totals[0]} | {totals[1]} | {totals[2]} | | |")


def pdnc(sample: int) -> None:
    """Speaker accuracy, whole book against windows, on PDNC's annotated quotations.

    ``sample`` quotations of each novel (a fixed seed) are taken as one
    search's hits, their windows merged where they meet as the command merges
    them; with ``sample`` 0, every quotation is labelled in its own window, as
    a search hitting it alone would label it. Both ways are scored as
    ``bench/quotes.py`` scores them: a gold quotation's speaker is right when
    the quotation matching it is given a person one of whose names is one of
    the speaker's aliases, and none only another character's; an undetected
    quotation is wrong. (Until 2026-11-26 this scored the fullest name
    alone, which the gold lists often lack: "Miss Charlotte Bartlett" for
    "Miss Bartlett". A window, seeing fewer of a person's forms, gives shorter
    names, and so seemed right more often than the whole book: 359 against
    323 of 520.)
    """
    import random
    from collections import Counter

    sys.path.insert(0, str(REPO / "bench"))
    import quotes as scoring  # bench/quotes.py

    corpus = REPO.parent / "shared" / "corpus" / "pdnc"
    kinds = scoring.KINDS
    print(
        "| novel | quotations | whole: "
        + " / ".join(k.lower() for k in kinds)
        + " | windows: "
        + " / ".join(k.lower() for k in kinds)
        + " | whole only right | windows only right | windows, share of the text |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    means: list[tuple[dict[str, float], dict[str, float]]] = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        document = prebuilt.document_for(sources.load(str(folder / "novel_text.txt")))
        gold = scoring.gold_quotations(folder)
        cast = scoring.characters(folder)
        chosen = list(range(len(gold)))
        if sample:
            chosen = random.Random(11).sample(chosen, min(sample, len(gold)))
        to_clean = RawToClean(document.clean)
        paragraphs = document.paragraphs
        starts = [p.clean_start for p in paragraphs]
        held = {
            index: max(0, bisect_right(starts, to_clean(_first(gold[index]), "start")) - 1)
            for index in chosen
        }
        # the windows, and the gold quotations each one labels
        groups: dict[tuple[int, int], list[int]] = {}
        if sample:
            windows = search_speakers._windows(paragraphs, sorted(set(held.values())))
            for index in chosen:
                window = next(w for w in windows if w[0] <= held[index] <= w[1])
                groups.setdefault(window, []).append(index)
        else:
            for index in chosen:
                window = (
                    search_speakers._start(paragraphs, held[index]),
                    search_speakers._end(paragraphs, held[index]),
                )
                groups.setdefault(window, []).append(index)
        whole = quotations.find(document)
        whole_match, _, _ = scoring.match(whole, gold)
        by_whole = {i: whole[whole_match[i]] if i in whole_match else None for i in chosen}
        by_window: dict[int, quotations.Quotation | None] = {}
        covered = 0
        for (first, last), indexes in groups.items():
            part, base = search_speakers._window(document, first, last)
            covered += len(part.clean.text)
            found = _placed(document, quotations.find(part), base)
            matched, _, _ = scoring.match(found, [gold[i] for i in indexes])
            for position, index in enumerate(indexes):
                by_window[index] = found[matched[position]] if position in matched else None
        right: list[Counter[str]] = [Counter(), Counter()]
        total: Counter[str] = Counter()
        only = [0, 0]
        for index in chosen:
            row = gold[index]
            marks = []
            for side, label in enumerate((by_whole[index], by_window[index])):
                good = (
                    label is not None
                    and bool(label.speaker)
                    and scoring.right_person(label, row["speaker"], cast)
                )
                marks.append(good)
                right[side][row["quoteType"]] += good
                right[side]["all"] += good
            total[row["quoteType"]] += 1
            total["all"] += 1
            only[0] += marks[0] and not marks[1]
            only[1] += marks[1] and not marks[0]
        rates = [{k: right[s][k] / total[k] if total[k] else 0.0 for k in kinds} for s in (0, 1)]
        means.append((rates[0], rates[1]))
        print(
            f"| {folder.name} | {total['all']} | "
            + " / ".join(f"{rates[0][k]:.3f}" for k in kinds)
            + " | "
            + " / ".join(f"{rates[1][k]:.3f}" for k in kinds)
            + f" | {only[0]} | {only[1]} | {covered / len(document.clean.text):.2f} |",
            flush=True,
        )
    count = len(means)
    print(
        f"| **mean of {count}** | | "
        + " / ".join(f"{sum(m[0][k] for m in means) / count:.3f}" for k in kinds)
        + " | "
        + " / ".join(f"{sum(m[1][k] for m in means) / count:.3f}" for k in kinds)
        + " | | | |"
    )


def _first(row: dict[str, str]) -> int:
    """Where a PDNC quotation's first part starts in the text as read."""
    import ast

    return int(ast.literal_eval(row["quoteByteSpans"])[0][0])


def _placed(
    document: Document, found: list[quotations.Quotation], base: int
) -> list[quotations.Quotation]:
    """A window's quotations with the whole text's offsets (as read and cleaned)."""
    placed = []
    for quotation in found:
        parts = []
        for part in quotation.parts:
            start, end = part.clean_start + base, part.clean_end + base
            raw_start, raw_end = document.clean.span_to_raw(start, end)
            parts.append(
                part._replace(start=raw_start, end=raw_end, clean_start=start, clean_end=end)
            )
        placed.append(quotation._replace(parts=tuple(parts)))
    return placed


if __name__ == "__main__":
    main()
