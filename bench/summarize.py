"""Summarizer speed: ours against stock sumy, side by side; stock sumy's choices.

    python bench/summarize.py [--limit SECONDS] [--texts review,pride,war] [--algorithms a,b]
    python bench/summarize.py --golden
    python bench/summarize.py --novels [--algorithms a,b]


Each run is a fresh process. Both sides get the same document model (our
sentences and word tokenizer, since stock sumy's own parser needs NLTK data)
and sumy's English stop words; stock sumy uses its own uncached Stemmer, as it
ships. Times are for choosing 3 sentences, document building excluded (shown
once per text); stock sumy is stopped at the time limit. Peak memory is the
whole process's (ours). On a busy machine read the CPU column (the load
average is printed before and after each table): wall times stretch with the
load, CPU times far less. Books are read from ../shared/corpus/books.

``--novels`` checks what a summary of a novel chooses (10 sentences, every
algorithm, the three books): how many tenths of the text hold a chosen
sentence, and whether any chosen sentence is a fragment of dialogue, a
repeat, or a run of chosen sentences has an unbalanced quotation mark.

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
import os
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
MOBY = BOOKS / "moby-dick.txt"
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
    start, cpu = time.perf_counter(), time.process_time()
    summarizer(model, COUNT)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "build": built, "peak_mb": peak}))


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


def balanced(text: str) -> bool:
    """Curly quote marks open and close in pairs, straight ones come in pairs."""
    depth = 0
    for mark in re.findall(r"[“”]", text):
        depth += 1 if mark == "“" else -1
        if depth < 0:
            return False
    return depth == 0 and text.count('"') % 2 == 0


def novels(names: list[str], count: int = 10) -> None:
    """What 10-sentence summaries of the three books choose (see the docstring)."""
    from aleppo_cli.analysis.summarize import eligible
    from aleppo_cli.analysis.summarize.summary import summarize
    from aleppo_cli.text.document import build

    print("fragments: chosen (of them alone, not in a whole quotation)")
    head = ("book", "algorithm", "tenths", "fragments", "repeats", "unbalanced")
    print("{:10} {:10} {:>6} {:>9} {:>7} {:>10}".format(*head))
    for book in ("pride", "moby", "war"):
        path = {"pride": TEXTS["pride"], "moby": MOBY, "war": TEXTS["war"]}[book]
        document = build(path.read_text("utf-8"))
        found = eligible.candidates(document)
        place = {c.sentence.number: k for k, c in enumerate(found)}
        bad = {c.sentence.number for c in found if c.fragment}
        repeated = {c.sentence.number for c in found if c.repeated}
        for name in names:
            chosen = summarize(document, name, count, seed=1).sentences
            tenths = {place[s.number] * 10 // len(found) for s in chosen}
            runs: list[list[Any]] = []  # neighbouring chosen sentences: a whole quotation
            for sentence in chosen:
                if runs and place[sentence.number] == place[runs[-1][-1].number] + 1:
                    runs[-1].append(sentence)
                else:
                    runs.append([sentence])
            fragments = sum(s.number in bad for s in chosen)
            alone = sum(len(run) == 1 and run[0].number in bad for run in runs)
            unbalanced = sum(not balanced(" ".join(s.text for s in run)) for run in runs)
            print(
                f"{book:10} {name:10} {len(tenths):6} {fragments:5} ({alone})"
                f" {sum(s.number in repeated for s in chosen):7} {unbalanced:10}"
            )


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
    parser.add_argument("--novels", action="store_true", help="what summaries of novels choose")
    parser.add_argument("--ours-only", action="store_true", help="do not run stock sumy")
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
    if args.novels:
        novels(names)
        return
    for text in args.texts.split(","):
        path = TEXTS[text]
        size = path.stat().st_size / 1e6
        print(f"\n{text} ({path.name}, {size:.2f} MB), {COUNT} sentences")
        print(f"  (load average before: {', '.join(f'{x:.1f}' for x in os.getloadavg())})")
        heading = ("algorithm", "ours (s)", "CPU (s)", "peak MB", "stock (s)", "stock/ours")
        print("  {:10} {:>9} {:>8} {:>8} {:>10} {:>11}".format(*heading))
        built = None
        for name in names:
            ours = run("ours", name, path, None)
            assert ours is not None
            built = ours["build"]
            stock = None if args.ours_only else run("stock", name, path, args.limit)
            stock_text = (
                f"{stock['seconds']:10.2f}" if stock else f"{'>' + format(args.limit, 'g'):>10}"
            )
            if stock:
                ratio = f"{stock['seconds'] / max(ours['seconds'], 1e-6):10.0f}x"
            else:
                ratio = f"{'>' + format(args.limit / max(ours['seconds'], 1e-6), '.0f'):>10}x"
            if args.ours_only:
                stock_text, ratio = f"{'-':>10}", f"{'-':>11}"
            print(
                f"  {name:10} {ours['seconds']:9.2f} {ours['cpu']:8.2f} {ours['peak_mb']:8.0f}"
                f" {stock_text} {ratio}"
            )
        print(f"  (building the document: {built:.2f} s)")
        print(f"  (load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()
