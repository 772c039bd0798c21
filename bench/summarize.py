"""Summarizer speed: ours against stock sumy, side by side; stock sumy's choices.

    python bench/summarize.py [--limit SECONDS] [--texts review,pride,war] [--algorithms a,b]
    python bench/summarize.py --golden


Each run is a fresh process. Both sides get the same document model (our
sentences and word tokenizer, since stock sumy's own parser needs NLTK data)
and sumy's English stop words; stock sumy uses its own uncached Stemmer, as it
ships. Times are for choosing 3 sentences, document building excluded (shown
once per text); stock sumy is stopped at the time limit. Peak memory is the
whole process's (ours). Books are read from ../shared/corpus/books.

``--golden`` writes tests/data/summarize_golden.json instead: the sentences
stock sumy chooses in each case tests/test_summarize_parity.py checks (the
inputs are described at the top of the file). Run it again whenever our
document model changes (sentences, tokenizer, stop words, cue words) or sumy
does; it runs stock sumy live, KL on 50,000 characters of *Pride and
Prejudice* included, so it takes a few minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
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
GOLDEN = REPO / "tests" / "data" / "summarize_golden.json"
WITH_STOCK = ("edmundson", "kl", "lex-rank", "lsa", "luhn", "reduction", "sum-basic", "text-rank")
# text -> cases the parity tests check: (stemmer, algorithms, counts)
GOLDEN_CASES: dict[str, list[tuple[str, tuple[str, ...], tuple[int | str, ...]]]] = {
    "review": [("snowball", WITH_STOCK, (3, 10, "20%")), ("none", ("reduction",), (3, 25))],
    "pride-50k": [
        ("snowball", WITH_STOCK, (3, 25)),
        ("snowball", ("lsa",), ("20%",)),  # ranks tie at the cut-off: see the tests
        ("none", ("reduction",), (3, 25)),
    ],
}
GOLDEN_ABOUT = [
    "The sentences stock sumy chooses, by their numbers (as `aleppo show --numbers`",
    "gives them), for tests/test_summarize_parity.py. Written by",
    "`python bench/summarize.py --golden`: run it again whenever the document model",
    "or sumy changes ('texts' holds a fingerprint of each model).",
    "Inputs: 'review' is the bundled texts/last-men-in-aleppo.txt with its title as",
    "a heading; 'pride-50k' the first 50,000 characters of",
    "../shared/corpus/books/pride_and_prejudice.txt, no title. Each is our document",
    "model for sumy (aleppo_cli.analysis.summarize.bridge.to_sumy: our sentences and",
    "word tokenizer), with sumy's English stop words, our English cue words for",
    "Edmundson, and stemmer 'snowball' (nltk's English Snowball, bridge.stemmer) or",
    "'none' (sumy's null stemmer: words as they are). Counts are sumy's: a number",
    "of sentences or a share of them ('20%').",
]


def stock_summarizer(name: str, stemmer: str = "sumy") -> Any:
    """Stock sumy's summarizer ``name``, configured as ours is.

    ``stemmer``: "sumy" (sumy's own uncached Stemmer("english"), as it ships),
    "snowball" (the same stems, cached: ``bridge.stemmer``, as ours) or "none".
    """
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
    if stemmer == "none":
        summarizer = classes[name]()
    else:
        summarizer = classes[name](Stemmer("english") if stemmer == "sumy" else sumydoc.stemmer())
    if name == "edmundson":
        ours = make_summarizer(name, "none" if stemmer == "none" else "snowball")
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


def golden_texts() -> dict[str, Any]:
    """The parity tests' texts as sumy models (``bridge.SumyText``)."""
    from aleppo_cli.analysis.summarize import bridge
    from aleppo_cli.text.document import build
    from aleppo_cli.text.sources import load

    review = load(None)
    with TEXTS["pride"].open(encoding="utf-8", newline="") as handle:  # as tests/conftest.py
        pride = handle.read()[:50_000]
    return {
        "review": bridge.to_sumy(build(review.text), review.title),
        "pride-50k": bridge.to_sumy(build(pride)),
    }


def fingerprint(text: Any) -> str:
    """sha256 of a model's headings and numbered sentences (as in the tests)."""
    lines = [f"# {heading}" for heading in text.model.headings]
    lines += [f"{text.ours[id(s)].number} {s}" for s in text.model.sentences]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def golden() -> None:
    """Write stock sumy's choices in every case of GOLDEN_CASES to GOLDEN."""
    from importlib.metadata import version

    texts = golden_texts()
    chosen: dict[str, dict[str, dict[str, dict[str, list[int]]]]] = {}
    for text, cases in GOLDEN_CASES.items():
        for stemmer, names, counts in cases:
            for name in names:
                for count in counts:
                    start = time.perf_counter()
                    picked = stock_summarizer(name, stemmer)(texts[text].model, count)
                    numbers = [s.number for s in texts[text].to_ours(picked)]
                    by_count = chosen.setdefault(text, {}).setdefault(stemmer, {})
                    by_count.setdefault(name, {})[str(count)] = numbers
                    seconds = time.perf_counter() - start
                    print(f"{text:10} {stemmer:9} {name:10} {count!s:>4}: {seconds:6.2f} s")
    data = {
        "about": GOLDEN_ABOUT,
        "sumy": version("sumy"),
        "texts": {
            name: {"sentences": len(text.model.sentences), "sha256": fingerprint(text)}
            for name, text in texts.items()
        },
        "chosen": chosen,
    }
    written = json.dumps(data, indent=1, ensure_ascii=False)
    # each list of numbers on one line
    written = re.sub(r"\[[\d,\s]*\]", lambda m: json.dumps(json.loads(m.group())), written)
    GOLDEN.write_text(written + "\n", "utf-8")
    print(f"wrote {GOLDEN.relative_to(REPO)}")


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
    parser.add_argument(
        "--golden", action="store_true", help=f"write stock sumy's choices to {GOLDEN.name}"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.golden:
        golden()
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
