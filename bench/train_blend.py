"""Train Blend's weights on the BBC development articles, leave-one-topic-out.

    python bench/train_blend.py [--corpus DIR] [--l2 X] [--dry-run]

Every article (duplicates dropped, as in bench/quality.py) gives each of its
sentences a row of features (``aleppo_cli.analysis.summarize.blend.features``)
and a label: in the reference summary or not. A logistic regression (Newton's
method from zero weights, an L2 penalty: deterministic, no seed needed) is
fitted three times, each time without one topic, and once on all three. It
prints what each fold's weights recover on the topic left out (the reference's
number of best rated sentences, fragments of dialogue allowed: bench/quality.py
scores the whole summarizer) and writes every set of weights to
aleppo_cli/analysis/summarize/blend_weights.py: WEIGHTS (all topics, shipped)
and FOLDS (topic -> the weights trained without it, for bench/quality.py's
held-out figures).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np
from quality import CORPUS, REPO, Article, articles

from aleppo_cli.analysis.summarize import blend, bridge
from aleppo_cli.analysis.summarize import summary as summarize

WEIGHTS = REPO / "aleppo_cli" / "analysis" / "summarize" / "blend_weights.py"
L2 = 1.0  # 0.1, 1 and 10 recover the same to within 0.001 held out


def rows(items: list[Article]) -> list[tuple[Article, np.ndarray, np.ndarray]]:
    """Each article's feature rows and labels, its sentences in text order."""
    summarizer = summarize.make_summarizer("blend")
    found = []
    for article in items:
        text = bridge.to_sumy(article.document)
        sentences = text.model.sentences
        chosen = set(article.reference)
        labels = np.asarray([text.ours[id(s)].number in chosen for s in sentences], dtype=float)
        found.append((article, blend.features(summarizer, sentences), labels))
    return found


def fit(data: list[tuple[Article, np.ndarray, np.ndarray]], l2: float) -> np.ndarray:
    features = np.concatenate([x for _, x, _ in data])
    labels = np.concatenate([y for _, _, y in data])
    weights = np.zeros(features.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-features @ weights))
        gradient = features.T @ (p - labels) + l2 * weights
        hessian = (features * (p * (1 - p))[:, None]).T @ features + l2 * np.eye(len(weights))
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-12:
            break
    return weights


def recovered(data: list[tuple[Article, np.ndarray, np.ndarray]], weights: np.ndarray) -> float:
    shares = []
    for article, features, labels in data:
        count = len(article.reference)
        best = np.argsort(-(features @ weights), kind="stable")[:count]
        shares.append(float(labels[best].sum()) / count)
    return statistics.fmean(shares)


def write(weights: np.ndarray, folds: dict[str, np.ndarray], l2: float, items: int) -> None:
    def listed(values: np.ndarray) -> str:
        return "(\n" + "".join(f"    {value!r},\n" for value in values.tolist()) + ")"

    lines = [
        '"""Blend\'s weights, one for each of blend.FEATURES: written by',
        f"bench/train_blend.py (logistic regression, L2 {l2:g}, on {items} BBC articles).",
        "",
        "WEIGHTS: trained on every topic (shipped). FOLDS: trained without the topic",
        'named, for bench/quality.py\'s held-out figures."""',
        "",
        f"WEIGHTS = {listed(weights)}",
        "",
        "FOLDS = {",
    ]
    for topic, values in folds.items():
        body = listed(values).replace("\n    ", "\n        ").replace("\n)", "\n    )")
        lines.append(f'    "{topic}": {body},')
    lines.append("}")
    WEIGHTS.write_text("\n".join(lines) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args()
    if not (args.corpus / "articles").is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    items, dropped = articles(args.corpus)
    data = rows(items)
    topics = sorted({a.topic for a in items})
    print(f"{len(items)} articles ({dropped} duplicates dropped), {len(blend.FEATURES)} features")
    folds = {}
    for topic in topics:
        weights = fit([d for d in data if d[0].topic != topic], args.l2)
        folds[topic] = weights
        held = recovered([d for d in data if d[0].topic == topic], weights)
        print(f"  held out {topic:14} recovered {held:.3f}")
    weights = fit(data, args.l2)
    for name, value in zip(blend.FEATURES, weights, strict=True):
        print(f"  {name:34} {value:+.3f}")
    if not args.dry_run:
        write(weights, folds, args.l2, len(items))
        print(f"wrote {WEIGHTS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
