"""Summarizer speed: ours against stock sumy, side by side.

    python bench/summarize.py [--limit SECONDS] [--texts review,pride,war] [--algorithms a,b]

Each run is a fresh process. Both sides get the same document model (our
sentences and word tokenizer, since stock sumy's own parser needs NLTK data)
and sumy's English stop words; stock sumy uses its own uncached Stemmer, as it
ships. Times are for choosing 3 sentences, document building excluded (shown
once per text); stock sumy is stopped at the time limit. Peak memory is the
whole process's (ours). Books are read from ../shared/corpus/books.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BOOKS = REPO.parent / "shared" / "corpus" / "books"
TEXTS = {
    "review": REPO / "texts" / "last-men-in-aleppo.txt",
    "pride": BOOKS / "pride_and_prejudice.txt",
    "war": BOOKS / "war_and_peace.txt",
}
COUNT = 3


def stock_summarizer(name: str) -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.random import RandomSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    from aleppo_cli.analysis.summarize import bridge as sumydoc
    from aleppo_cli.analysis.summarize.summary import make_summarizer

    classes = {
        "lex-rank": LexRankSummarizer,
        "text-rank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "edmundson": EdmundsonSummarizer,
        "sum-basic": SumBasicSummarizer,
        "kl": KLSummarizer,
        "reduction": ReductionSummarizer,
        "random": RandomSummarizer,
    }
    summarizer = classes[name](Stemmer("english"))
    if name == "edmundson":
        ours = make_summarizer(name, "snowball")
        summarizer.null_words = sumydoc.stop_words()
        summarizer._bonus_words = ours._bonus_words
        summarizer._stigma_words = ours._stigma_words
    elif name != "random":
        summarizer.stop_words = sumydoc.stop_words()
    return summarizer


def child(side: str, name: str, path: str) -> None:
    """Run one summarizer once and print what it took, as JSON."""
    from aleppo_cli.analysis.summarize import bridge as sumydoc
    from aleppo_cli.analysis.summarize.summary import make_summarizer
    from aleppo_cli.text.document import build

    text = Path(path).read_text("utf-8")
    start = time.perf_counter()
    model = sumydoc.to_sumy(build(text)).model
    built = time.perf_counter() - start
    # both sides with Snowball stems, sumy's usual configuration
    summarizer = make_summarizer(name, "snowball") if side == "ours" else stock_summarizer(name)
    start = time.perf_counter()
    summarizer(model, COUNT)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "build": built, "peak_mb": peak}))


def run(side: str, name: str, path: Path, limit: float | None) -> dict[str, Any] | None:
    command = [sys.executable, __file__, "--child", side, name, str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=60.0, help="stock sumy's time limit (s)")
    parser.add_argument("--texts", default=",".join(TEXTS))
    parser.add_argument("--algorithms", default="")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from aleppo_cli.analysis.summarize.summary import ALGORITHMS

    names = [n for n in args.algorithms.split(",") if n] or list(ALGORITHMS)
    for text in args.texts.split(","):
        path = TEXTS[text]
        size = path.stat().st_size / 1e6
        print(f"\n{text} ({path.name}, {size:.2f} MB), {COUNT} sentences")
        heading = ("algorithm", "ours (s)", "peak MB", "stock (s)", "stock/ours")
        print("  {:10} {:>9} {:>8} {:>10} {:>11}".format(*heading))
        built = None
        for name in names:
            ours = run("ours", name, path, None)
            assert ours is not None
            built = ours["build"]
            stock = run("stock", name, path, args.limit)
            stock_text = (
                f"{stock['seconds']:10.2f}" if stock else f"{'>' + format(args.limit, 'g'):>10}"
            )
            if stock:
                ratio = f"{stock['seconds'] / max(ours['seconds'], 1e-6):10.0f}x"
            else:
                ratio = f"{'>' + format(args.limit / max(ours['seconds'], 1e-6), '.0f'):>10}x"
            print(f"  {name:10} {ours['seconds']:9.2f} {ours['peak_mb']:8.0f} {stock_text} {ratio}")
        print(f"  (building the document: {built:.2f} s)")


if __name__ == "__main__":
    main()
