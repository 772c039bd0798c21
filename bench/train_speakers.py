"""Trains the speaker ranker (``aleppo_cli/analysis/quotes/ranker.py``) on the PDNC novels.

    python bench/train_speakers.py [--corpus DIR] [--write] [--l2 X]

For every speech quotation that no attribution names, the candidates and their
features are those the shipped code computes (``speakers.assign`` with a
recorder in place of the ranker); a candidate is right when
``bench/quotes.py``'s scorer would count it right for the gold quotation the
found one matches. The model is a conditional logit (softmax over a
quotation's candidates, L2 penalty, full-batch Adam, fixed seed and
iterations) in numpy.

It prints, leave-one-novel-out (train on 12, score the 13th with the same
scorer as ``bench/quotes.py``), every novel's speaker accuracy by quote type,
the rules alone beside it, and the in-sample figures of the model trained on
all 13; ``--write`` saves that model to ``speaker_weights.json``.
"""

from __future__ import annotations

import argparse
import bisect
import json
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import quotes as scoring  # noqa: E402

from aleppo_cli.analysis.quotes import (  # noqa: E402
    people,
    quotations,
    ranker,
    speakers,
)
from aleppo_cli.analysis.quotes.model import Quote  # noqa: E402
from aleppo_cli.text import prebuilt, sources  # noqa: E402

WEIGHTS = REPO / "aleppo_cli" / "analysis" / "quotes" / "speaker_weights.json"
L2 = 1.0  # the penalty on the squared weights, summed over quotations (set by hand)
ITERATIONS = 200
RATE = 0.1
SEED = 11
ROUNDS = 0  # see fit


class Recorder:
    """Keeps each choice's candidates, and answers as ``guide`` would (the rules'
    answer if None)."""

    def __init__(self, guide: ranker.Ranker | None = None) -> None:
        self.guide = guide
        self.records: list[list[ranker.Candidate]] = []
        self.at: list[int] = []  # the quotation of each record

    def choose(self, found: Sequence[ranker.Candidate], at: int) -> str | None:
        self.records.append(list(found))
        self.at.append(at)
        if self.guide is None:
            return next((c.name for c in found if "rule" in c.features), None)
        return self.guide.choose(found, at)


class Prepared(NamedTuple):
    """A novel up to the speakers: what the candidates are computed from."""

    folder: Path
    document: Any
    quotes: list[Quote]
    cast: people.People


class Novel(NamedTuple):
    prepared: Prepared
    by: tuple[str | None, ...]  # the speakers given
    records: list[list[ranker.Candidate]]
    at: list[int]  # the quotation of each record
    rules: list[str | None]  # the rules' answer of each record
    labels: list[list[bool]]  # of each record, which candidates are right
    matched: tuple[bool, ...] = ()  # of each record, whether a gold quotation matches it

    @property
    def folder(self) -> Path:
        return self.prepared.folder


def prepare(folder: Path) -> Prepared:
    document = prebuilt.document_for(sources.load(str(folder / "novel_text.txt")))
    quotes, cast = quotations.quotes_and_people(document)
    return Prepared(folder, document, quotes, cast)


def extract(prepared: Prepared, guide: ranker.Ranker | None = None, follow: bool = True) -> Novel:
    """The candidates of ``prepared``'s quotations, the conversation going on
    with ``guide``'s choices (the rules' if None; with ``follow`` False, only
    as ``aleppo quotes`` lets them), and which are right."""
    recorder = Recorder(guide)
    text = prepared.document.clean.text
    by = speakers.assign(text, prepared.quotes, prepared.cast, recorder, follow=follow)
    rules = [next((c.name for c in r if "rule" in c.features), None) for r in recorder.records]
    novel = Novel(prepared, by, recorder.records, recorder.at, rules, [])
    realised = realise(novel, rules)
    folder = prepared.folder
    gold = scoring.gold_quotations(folder)
    gold_to_found, _, _ = scoring.match(realised, gold)
    found_to_gold: dict[int, int] = {}
    for gold_index, quote_index in gold_to_found.items():
        found_to_gold.setdefault(quote_index, gold_index)
    cast_names = scoring.characters(folder)
    labels: list[list[bool]] = []
    matched: list[bool] = []
    for record, quote_index in zip(recorder.records, recorder.at, strict=True):
        gold_index = found_to_gold.get(quote_index)
        matched.append(gold_index is not None)
        if gold_index is None:
            labels.append([False] * len(record))
            continue
        row = gold[gold_index]
        persons = quotations._persons(prepared.cast, [c.name for c in record])
        labels.append(
            [
                scoring.right_person(
                    realised[quote_index]._replace(speaker=c.name, person=persons[c.name]),
                    row["speaker"],
                    cast_names,
                )
                for c in record
            ]
        )
    return novel._replace(labels=labels, matched=tuple(matched))


def realise(novel: Novel, choices: Sequence[str | None]) -> list[quotations.Quotation]:
    """The novel's quotations with ``choices`` for the recorded ones."""
    by = list(novel.by)
    for at, choice in zip(novel.at, choices, strict=True):
        by[at] = choice
    prepared = novel.prepared
    known = quotations._persons(prepared.cast, by)
    found = [quote.stretch for quote in prepared.quotes]
    kinds = [quote.kind for quote in prepared.quotes]
    offsets, numbers = quotations._placed(prepared.document, found)
    return quotations._finished(prepared.document, found, kinds, by, known, offsets, numbers)


# --- the model ----------------------------------------------------------------------


class Data(NamedTuple):
    rows: np.ndarray  # for each active feature: its candidate's row
    columns: np.ndarray  # the feature's column
    group: np.ndarray  # each candidate's quotation
    label: np.ndarray  # each candidate: right (1.0) or not
    groups: int


def matrix(novels: Sequence[Novel], vocabulary: dict[str, int]) -> Data:
    rows: list[int] = []
    columns: list[int] = []
    group: list[int] = []
    label: list[float] = []
    groups = 0
    for novel in novels:
        for record, labels in zip(novel.records, novel.labels, strict=True):
            if not any(labels):
                continue  # no candidate is right: nothing to learn
            for candidate, right in zip(record, labels, strict=True):
                for feature in ranker.tagged(candidate):
                    if feature in vocabulary:
                        rows.append(len(group))
                        columns.append(vocabulary[feature])
                group.append(groups)
                label.append(1.0 if right else 0.0)
            groups += 1
    return Data(np.array(rows), np.array(columns), np.array(group), np.array(label), groups)


def train(novels: Sequence[Novel], l2: float = L2) -> dict[str, float]:
    """A conditional logit's weights, by full-batch Adam from zero."""
    vocabulary: dict[str, int] = {}
    for novel in novels:
        for record in novel.records:
            for candidate in record:
                for feature in ranker.tagged(candidate):
                    vocabulary.setdefault(feature, len(vocabulary))
    data = matrix(novels, vocabulary)
    weights = np.zeros(len(vocabulary))
    np.random.default_rng(SEED)  # nothing random is drawn: the start is zero
    first, second = np.zeros_like(weights), np.zeros_like(weights)
    count = len(data.group)
    right = data.label / np.maximum(np.bincount(data.group, weights=data.label), 1)[data.group]
    for step in range(1, ITERATIONS + 1):
        scores = np.bincount(data.rows, weights=weights[data.columns], minlength=count)
        top = np.full(data.groups, -np.inf)
        np.maximum.at(top, data.group, scores)
        exp = np.exp(scores - top[data.group])
        probability = exp / np.bincount(data.group, weights=exp)[data.group]
        residual = probability - right
        gradient = np.bincount(data.columns, weights=residual[data.rows], minlength=len(weights))
        gradient = (gradient + 2 * l2 * weights) / data.groups
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        weights -= RATE * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return {feature: round(float(weights[i]), 4) for feature, i in vocabulary.items()}


def choices(
    novel: Novel,
    weights: dict[str, float],
    same: float = ranker.SAME_AS_LAST,
    two_back: float = ranker.SAME_AS_TWO_BACK,
) -> list[str | None]:
    """The model's choice for each record, decoded as ``speakers.assign`` does."""
    model = ranker.Ranker(weights)
    chosen = [model.choose(record, at) for record, at in zip(novel.records, novel.at, strict=True)]
    if not ranker.SEQUENCE:
        return chosen
    quotes = novel.prepared.quotes
    ranked = [
        ranker.ranked(
            model,
            at,
            quotes[at].stretch.paragraph.number,
            quotes[at].stretch.opens_paragraph,
            record,
        )[0]
        for record, at in zip(novel.records, novel.at, strict=True)
        if record
    ]
    if ranker.ANCHORS:  # the turns a fixed rule gives, as assign has them
        recorded = set(novel.at)
        for at, (quote, speaker) in enumerate(zip(quotes, novel.by, strict=True)):
            if at not in recorded and speaker and quote.stretch.opens_paragraph:
                ranked.append(ranker.anchor(at, quote.stretch.paragraph.number, speaker))
        ranked.sort(key=lambda entry: entry.at)
    decoded = ranker.decode(ranked, same, two_back)
    return [decoded.get(at, choice) for at, choice in zip(novel.at, chosen, strict=True)]


# The transition scores tried for the sequence decoding (same as the turn before, two back).
GRID = [(same, two) for same in (0.0, -0.5) for two in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)]


def sequence_grid(novels: Sequence[Novel], folds: Sequence[dict[str, float]]) -> list[Pair]:
    """Prints, for each novel, the transition scores chosen on the other twelve
    (their held-out rankers' right choices among matched records) and its own
    accuracy with them against none; returns the pairs chosen."""
    right: dict[tuple[float, float], list[tuple[int, int]]] = {}
    for pair in GRID:
        for novel, weights in zip(novels, folds, strict=True):
            chosen = choices(novel, weights, *pair)
            hits = [
                choice in {c.name for c, label in zip(record, labels, strict=True) if label}
                for choice, record, labels, matched in zip(
                    chosen, novel.records, novel.labels, novel.matched, strict=True
                )
                if matched
            ]
            right.setdefault(pair, []).append((sum(hits), len(hits)))

    def rate(pair: tuple[float, float], leave: int) -> float:
        kept = [r for i, r in enumerate(right[pair]) if i != leave]
        return sum(r[0] for r in kept) / max(1, sum(r[1] for r in kept))

    print("| novel | chosen on the others (same, two back) | ranked right: none | chosen |")
    print("| --- | --- | --- | --- |")
    totals = [0, 0, 0]
    pairs = []
    for index, novel in enumerate(novels):
        pair = max(GRID, key=lambda p: rate(p, index))
        pairs.append(pair)
        base, mine = right[(0.0, 0.0)][index], right[pair][index]
        totals = [totals[0] + base[0], totals[1] + mine[0], totals[2] + base[1]]
        print(
            f"| {novel.folder.name} | {pair} | {base[0] / base[1]:.3f} | {mine[0] / mine[1]:.3f} |"
        )
    print(f"| all | | {totals[0] / totals[2]:.3f} | {totals[1] / totals[2]:.3f} |\n")
    return pairs


def row(name: str, result: dict[str, Any]) -> str:
    return f"| {name} | " + " | ".join(f"{result[k]:.3f}" for k in scoring.KINDS) + " |"


def fit(
    prepared: Sequence[Prepared],
    rounds: int,
    l2: float,
    extracted: Sequence[Novel] | None = None,
) -> dict[str, float]:
    """The weights trained on ``prepared``: first on the conversation as the
    rules see it (``extracted``, if given, is that: computed once for every
    fold), then ``rounds`` times on the one the last weights choose."""
    weights = train(extracted if extracted is not None else [extract(p) for p in prepared], l2)
    for _ in range(rounds):
        weights = train([extract(p, ranker.Ranker(weights)) for p in prepared], l2)
    return weights


Pair = tuple[float, float]
SHIPPED: Pair = (ranker.SAME_AS_LAST, ranker.SAME_AS_TWO_BACK)


def held(
    prepared: Prepared, weights: dict[str, float], rounds: int, pair: Pair = SHIPPED
) -> list[Any]:
    """``prepared``'s quotations as ``weights`` choose their speakers (``pair``:
    the sequence decoding's transition scores)."""
    model = ranker.Ranker(weights)
    # with no rounds, the conversation as ``aleppo quotes`` keeps it (speakers.FOLLOW)
    novel = extract(prepared, model, follow=True if rounds else speakers.FOLLOW)
    return realise(novel, choices(novel, weights, *pair))


def by_rule(novel: Novel, weights: dict[str, float], counts: dict[str, list[int]]) -> None:
    """Adds to ``counts`` (rule -> [quotations, right by the rules, right by the
    ranker]) the novel's ranked quotations that a gold one matches, and to
    ``counts["*"]`` [matched, with a right candidate, ranker right]."""
    total = counts.setdefault("*", [0, 0, 0])
    for record, labels, choice, matched in zip(
        novel.records, novel.labels, choices(novel, weights), novel.matched, strict=True
    ):
        if not matched:
            continue
        total[0] += 1
        total[1] += any(labels)
        total[2] += choice in {c.name for c, label in zip(record, labels, strict=True) if label}
        rule = next((f for c in record for f in c.features if f.startswith("rule:")), "rule:(none)")
        right = {c.name for c, label in zip(record, labels, strict=True) if label}
        answer = next((c.name for c in record if "rule" in c.features), None)
        count = counts.setdefault(rule[5:], [0, 0, 0])
        count[0] += 1
        count[1] += answer in right
        count[2] += choice in right


def anaphoric_recall(novels: Sequence[Novel]) -> None:
    """Prints, by novel, how often the gold speaker of a ranked anaphoric
    quotation ("she said") is among its candidates, and where the missing
    ones are: no person of the index is the character, never named before
    it, or named last how many characters back."""
    classes = ("not in the index", "never named before", "<= 2,000", "<= 5,000", "<= 20,000")
    totals = [0, 0] + [0] * len(classes) + [0]
    print("| novel | anaphoric ranked | recall | " + " | ".join(classes) + " | further |")
    print("| --- " * (len(classes) + 4) + "|")
    for novel in novels:
        realised = realise(novel, novel.rules)
        gold = scoring.gold_quotations(novel.folder)
        gold_to_found, _, _ = scoring.match(realised, gold)
        found_to_gold: dict[int, int] = {}
        for gold_index, quote_index in gold_to_found.items():
            found_to_gold.setdefault(quote_index, gold_index)
        cast_names = scoring.characters(novel.folder)
        cast = novel.prepared.cast
        named = sorted({name for name in cast.names if name})
        persons = quotations._persons(cast, named)
        sample = realised[0] if realised else None
        owner: dict[str, str | None] = {}
        for name in named:
            quote = sample._replace(speaker=name, person=persons.get(name)) if sample else None
            owner[name] = next(
                (m for m in cast_names if quote and scoring.right_person(quote, m, cast_names)),
                None,
            )
        row = [0, 0] + [0] * len(classes) + [0]
        for labels, at in zip(novel.labels, novel.at, strict=True):
            gold_index = found_to_gold.get(at)
            if gold_index is None or gold[gold_index]["quoteType"] != "Anaphoric":
                continue
            row[0] += 1
            if any(labels):
                row[1] += 1
                continue
            theirs = {name for name, main in owner.items() if main == gold[gold_index]["speaker"]}
            start = novel.prepared.quotes[at].stretch.start
            index = bisect.bisect_left(cast.positions, start) - 1
            while index >= 0 and cast.names[index] not in theirs:
                index -= 1
            if not theirs:
                row[2] += 1
            elif index < 0:
                row[3] += 1
            else:
                back = start - cast.positions[index]
                row[4 + bisect.bisect_left((2000, 5000, 20000), back)] += 1
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        recall = row[1] / max(1, row[0])
        cells = " | ".join(str(count) for count in row[2:])
        print(f"| {novel.folder.name} | {row[0]} | {recall:.3f} | {cells} |")
    cells = " | ".join(str(count) for count in totals[2:])
    print(f"| all | {totals[0]} | {totals[1] / max(1, totals[0]):.3f} | {cells} |\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=scoring.DEFAULT)
    parser.add_argument("--write", action="store_true", help="save the model trained on all")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--cache", type=Path, help="a pickle of the novels' stages (speed)")
    parser.add_argument("--in-sample", action="store_true", help="also the in-sample figures")
    parser.add_argument("--no-folds", action="store_true", help="only train on all (with --write)")
    parser.add_argument(
        "--recall", action="store_true", help="where anaphoric quotations' speakers are missing"
    )
    parser.add_argument(
        "--sequence-grid", action="store_true", help="choose the transition scores held out"
    )
    args = parser.parse_args(argv)
    pdnc = args.corpus / "pdnc"
    if not pdnc.is_dir():
        print(f"no PDNC novels in {args.corpus}", file=sys.stderr)
        return 2
    start = time.process_time()
    if args.cache and args.cache.is_file():
        prepared = pickle.loads(args.cache.read_bytes())
    else:
        folders = sorted(p for p in pdnc.iterdir() if (p / "novel_text.txt").is_file())
        prepared = [prepare(folder) for folder in folders]
        if args.cache:
            args.cache.write_bytes(pickle.dumps(prepared))
    novels = [extract(p) for p in prepared]
    records = sum(len(n.records) for n in novels)
    reachable = sum(any(labels) for n in novels for labels in n.labels)
    print(
        f"{len(novels)} novels, {records} ranked quotations, a right candidate for "
        f"{reachable} ({reachable / records:.3f}); {time.process_time() - start:.0f} s CPU\n"
    )
    if args.recall:
        anaphoric_recall(novels)
    header = "| novel | explicit | anaphoric | implicit | all |\n| --- | --- | --- | --- | --- |"
    table: dict[str, list[dict[str, Any]]] = {"rules": [], "held out": []}
    rules: dict[str, list[int]] = {}
    folds: list[dict[str, float]] = []
    everything = fit(prepared, args.rounds, args.l2, novels)
    for index in range(0 if args.no_folds else len(novels)):
        others = [p for i, p in enumerate(prepared) if i != index]
        folds.append(
            fit(others, args.rounds, args.l2, [n for i, n in enumerate(novels) if i != index])
        )
    pairs = [SHIPPED] * len(folds)
    if args.sequence_grid and folds:
        pairs = sequence_grid(novels, folds)
        print(
            "held out below: each novel decoded with the transition scores chosen on the others\n"
        )
    for index, (novel, weights) in enumerate(zip(novels, folds, strict=False)):
        table["rules"].append(scoring.score_novel(novel.folder, found=realise(novel, novel.rules)))
        found = held(prepared[index], weights, args.rounds, pairs[index])
        table["held out"].append(scoring.score_novel(novel.folder, found=found))
        by_rule(novel, weights, rules)
        if args.in_sample:
            found = held(prepared[index], everything, args.rounds)
            table.setdefault("in-sample", []).append(scoring.score_novel(novel.folder, found=found))
    if rules:
        matched, reachable, ranked_right = rules.pop("*")
        print(
            f"ranked quotations a gold one matches: {matched}; the right person among the "
            f"candidates (recall) {reachable / matched:.3f}; ranker right (held out) "
            f"{ranked_right / matched:.3f}, given recall {ranked_right / reachable:.3f}\n"
        )
        print("| rule that fired | quotations | rules right | ranker right (held out) |")
        print("| --- | --- | --- | --- |")
        for name, (count, rule_right, ranked_right) in sorted(
            rules.items(), key=lambda r: -r[1][0]
        ):
            print(f"| {name} | {count} | {rule_right / count:.3f} | {ranked_right / count:.3f} |")
        print()
    for title, results in table.items():
        if not results:
            continue
        print(f"{title}\n\n{header}")
        for result in results:
            print(row(result["name"], result))
        means = {k: sum(r[k] for r in results) / len(results) for k in scoring.KINDS}
        print(row(f"**mean of {len(results)}**", means))
        print(f"\nlowest novel (all): {min(r['all'] for r in results):.3f}\n", flush=True)
    if args.write:
        about = "speaker ranker weights: bench/train_speakers.py on the 13 PDNC novels"
        data = {"about": about, "l2": args.l2, "rounds": args.rounds}
        data["weights"] = dict(sorted(everything.items()))
        WEIGHTS.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(REPO)} ({len(everything)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
