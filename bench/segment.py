"""Sentence segmentation: accuracy on the Golden Rules, speed on the books.

    python bench/segment.py [--runs N]

Compares our rule-based segmenter with nltk's Punkt built without its trained
model (the only way to run it offline) and given the same abbreviations, and
with pySBD when it happens to be installed (it is not a dependency).
Reads the books from ../shared/corpus/books.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from aleppo_cli.text import segmenter as sentences
from aleppo_cli.text.cleanup import clean
from aleppo_cli.text.document import from_clean

REPO = Path(__file__).resolve().parents[1]
BOOKS = REPO.parent / "shared" / "corpus" / "books"
GOLDEN = REPO / "tests" / "data" / "golden_rules_en.json"

Splitter = Callable[[str], list[str]]


def ours(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences.split(text)]


def punkt() -> Splitter:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = {a for a in sentences.HONORIFICS | sentences.ABBREVIATIONS}
    tokenizer = PunktSentenceTokenizer(params)
    return lambda text: [s.strip() for s in tokenizer.tokenize(text)]


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd  # type: ignore[import-not-found]
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text)]


def golden_score(split: Splitter) -> int:
    cases = json.loads(GOLDEN.read_text("utf-8"))["cases"]
    return sum(split(case["text"]) == case["sentences"] for case in cases)


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    splitters: dict[str, Splitter] = {"aleppo": ours, "nltk punkt (untrained)": punkt()}
    extra = pysbd_splitter()
    if extra:
        splitters["pysbd"] = extra
    print("Golden Rules (English, 48 cases)")
    for name, split in splitters.items():
        print(f"  {name:24} {golden_score(split)}/48")

    print(f"\nSpeed, median of {args.runs} runs, seconds")
    print(f"  {'book':24} {'MB':>5} {'clean-up':>9} {'sentences':>10} {'punkt':>7} {'count':>7}")
    punkt_split = splitters["nltk punkt (untrained)"]
    for path in sorted(BOOKS.glob("*.txt")):
        raw = path.read_text("utf-8")
        cleaned = clean(raw)
        clean_time = median_time(lambda raw=raw: clean(raw), args.runs)
        segment_time = median_time(lambda c=cleaned: from_clean(c), args.runs)
        punkt_time = median_time(lambda c=cleaned: punkt_split(c.text), args.runs)
        count = from_clean(cleaned).sentence_count
        size = len(raw.encode()) / 1e6
        print(
            f"  {path.name:24} {size:5.1f} {clean_time:9.2f} {segment_time:10.2f}"
            f" {punkt_time:7.2f} {count:7,}"
        )


if __name__ == "__main__":
    main()
