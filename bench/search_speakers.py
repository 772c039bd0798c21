"""How often search's speakers, labelled from the conversations around its
hits (``analysis/search_speakers.py``), differ from the whole book's quotation
analysis (what ``aleppo quotes`` says), on the three books and the queries of
``tests/search_golden.py``; and how long each takes.

    python bench/search_speakers.py [--reset-before N] [--reset-after N]

Every book is windowed here, whatever its length (the command analyses texts
under ``WHOLE_BELOW`` characters whole).
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
    options = parser.parse_args()
    search_speakers.RESET_BEFORE = options.reset_before
    search_speakers.RESET_AFTER = options.reset_after
    search_speakers.WHOLE_BELOW = 0
    search_speakers.MOST = 2.0
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


if __name__ == "__main__":
    main()
