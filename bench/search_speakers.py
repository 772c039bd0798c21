"""How often search's speakers, labelled from the conversations around its
hits (``analysis/search_speakers.py``), differ from the whole book's quotation
analysis (what ``aleppo quotes`` says), on the three books and the queries of
``tests/search_golden.py``; and how long each takes.

    python bench/search_speakers.py [--reset-before N] [--reset-after N]
    python bench/search_speakers.py --pdnc [--sample N]

Every book is windowed here, whatever its length (the command analyses texts
under ``WHOLE_BELOW`` characters whole). ``--pdnc`` instead takes, in each
novel of ../shared/corpus/pdnc, a sample of its annotated quotations (fixed
seed) as if they were a search's hits, and scores both ways of labelling them
against the annotated speakers (a name counts when it is one of the
speaker's aliases, as bench/quotes.py counts it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aleppo_cli.analysis import search, search_speakers  # noqa: E402
from aleppo_cli.analysis.quotes import quotations  # noqa: E402
from aleppo_cli.text.document import build  # noqa: E402
from tests.pipeline_golden import read  # noqa: E402
from tests.search_golden import QUERIES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reset-before", type=int, default=search_speakers.RESET_BEFORE)
    parser.add_argument("--reset-after", type=int, default=search_speakers.RESET_AFTER)
    parser.add_argument("--show", action="store_true", help="print each difference")
    parser.add_argument("--book", help="only this book (part of its file name)")
    parser.add_argument("--pdnc", action="store_true", help="score against PDNC's speakers")
    parser.add_argument("--sample", type=int, default=40, help="quotations a novel (--pdnc)")
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


def _right(name: str | None, speaker: str, aliases: dict[str, set[str]]) -> bool:
    """Is ``name`` one of the annotated ``speaker``'s names?"""
    from quotes import key  # bench/quotes.py

    return name is not None and key(name) in aliases.get(speaker, {key(speaker)})


def pdnc(sample: int) -> None:
    """Speaker accuracy on a sample of each PDNC novel's quotations, whole and windowed."""
    import ast
    import csv
    import random

    sys.path.insert(0, str(REPO / "bench"))
    from quotes import characters  # bench/quotes.py

    from aleppo_cli.text.document import RawToClean

    corpus = REPO.parent / "shared" / "corpus" / "pdnc"
    print("| novel | sampled | whole right | windowed right | differ | windowed s | whole s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    totals = [0, 0, 0, 0]
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        raw = (folder / "novel_text.txt").read_text("utf-8")
        aliases = characters(folder)
        with (folder / "quotation_info.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        chosen = random.Random(11).sample(rows, min(sample, len(rows)))
        document = build(raw)
        to_clean = RawToClean(document.clean)
        offsets = [to_clean(ast.literal_eval(r["quoteByteSpans"])[0][0], "start") for r in chosen]
        began = time.perf_counter()
        whole_index = quotations.SpeakerIndex(quotations.find(document))
        whole = [whole_index(offset) for offset in offsets]
        whole_seconds = time.perf_counter() - began
        began = time.perf_counter()
        windowed = search_speakers.speakers(document, sorted(offsets))
        by_offset = dict(zip(sorted(offsets), windowed, strict=True))
        windowed = [by_offset[offset] for offset in offsets]
        seconds = time.perf_counter() - began

        a = sum(_right(n, r["speaker"], aliases) for n, r in zip(whole, chosen, strict=True))
        b = sum(_right(n, r["speaker"], aliases) for n, r in zip(windowed, chosen, strict=True))
        differ = sum(1 for x, y in zip(whole, windowed, strict=True) if x != y)
        for index, value in enumerate((len(chosen), a, b, differ)):
            totals[index] += value
        print(
            f"| {folder.name} | {len(chosen)} | {a} | {b} | {differ} "
            f"| {seconds:.2f} | {whole_seconds:.2f} |"
        )
    n, a, b, differ = totals
    print(f"| all | {n} | {a} ({a / n:.3f}) | {b} ({b / n:.3f}) | {differ} | | |")


if __name__ == "__main__":
    main()
