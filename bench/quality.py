"""Summary quality on BBC news articles with extractive reference summaries.

    python bench/quality.py [--corpus DIR] [--algorithms a,b,...]

For each article and algorithm, choose as many sentences as the reference
summary has, and count the share of reference sentences recovered; print the
mean over the articles, overall and per topic. "lead" is the baseline of the
article's first sentences. Reads ../shared/corpus/bbc-extractive by default.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from aleppo_cli.analysis.summarize import summary as summarize
from aleppo_cli.text.document import Document, Sentence, build

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc-extractive"


def normal(text: str) -> str:
    return " ".join(text.split())


def lead(document: Document, count: int) -> list[Sentence]:
    body = [s for p in document.paragraphs if not p.heading for s in p.sentences]
    return body[:count]


def recall(chosen: list[Sentence], reference: list[str]) -> float:
    wanted = {normal(line) for line in reference}
    found = {normal(s.text) for s in chosen} & wanted
    return len(found) / len(wanted)


def articles(corpus: Path) -> list[tuple[str, str, list[str]]]:
    items = []
    for path in sorted((corpus / "article").glob("*/*.txt")):
        topic = path.parent.name
        summary = corpus / "summary" / topic / path.name
        reference = [line for line in summary.read_text("utf-8").splitlines() if line.strip()]
        items.append((topic, path.read_text("utf-8"), reference))
    return items


def evaluate(
    corpus: Path, algorithms: list[str]
) -> tuple[dict[str, dict[str, list[float]]], float]:
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    aligned = total = 0
    for topic, text, reference in articles(corpus):
        document = build(text)
        sentences = {normal(s.text) for s in document.sentences}
        aligned += sum(normal(line) in sentences for line in reference)
        total += len(reference)
        count = len(reference)
        scores["lead"][topic].append(recall(lead(document, count), reference))
        for name in algorithms:
            chosen = list(summarize.summarize(document, name, count).sentences)
            scores[name][topic].append(recall(chosen, reference))
            if name in summarize.DEFAULT_STEMMERS:  # also with sumy's usual stems
                stemmed = summarize.summarize(document, name, count, stemmer=summarize.SNOWBALL)
                scores[f"{name} (snowball)"][topic].append(
                    recall(list(stemmed.sentences), reference)
                )
    return scores, aligned / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--algorithms", default=",".join(summarize.ALGORITHMS))
    args = parser.parse_args()
    if not (args.corpus / "article").is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    random.seed(0)  # the random baseline, repeatably
    names = [name for name in args.algorithms.split(",") if name]
    scores, alignment = evaluate(args.corpus, names)
    topics = sorted(next(iter(scores.values())))
    print(f"reference sentences found whole by our segmentation: {alignment:.1%}")
    print(f"{'algorithm':22} {'all':>6} " + " ".join(f"{t[:13]:>13}" for t in topics))
    rows = []
    for name, by_topic in scores.items():
        every = [v for values in by_topic.values() for v in values]
        rows.append((statistics.mean(every), name, by_topic))
    for mean, name, by_topic in sorted(rows, reverse=True):
        cells = " ".join(f"{statistics.mean(by_topic[t]):13.3f}" for t in topics)
        default = " (default)" if name == summarize.DEFAULT_ALGORITHM else ""
        print(f"{name:22} {mean:6.3f} {cells}{default}")


if __name__ == "__main__":
    main()
