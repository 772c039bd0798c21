"""Quotation detection (and kinds), scored on every development set.

    python bench/quotes_detect.py [--pdnc DIR] [--bbc DIR] [--only NAME] [--misses N]

Runs the library's ``quotations.find`` on each text (in-process: the same
stages as ``aleppo quotes --all --json``) and prints one line per text:

- PDNC novels (``../shared/corpus/pdnc/*``): detection precision / recall /
  F1 over quote parts. A predicted part matches a gold part (PDNC's
  ``quoteByteSpans``, character offsets of the words inside the marks) when
  they overlap by at least half of their union, one to one. PDNC annotates
  what characters say, not titles or scare quotes, so precision counts the
  quotations aleppo calls speech ("all kinds F1" counts every quoted span). PDNC
  cuts the words of a quote inside another out of the outer one's parts, and
  annotates the inner one only when a character speaks it in a retold
  dialogue: so the outer parts are cut the same way, and a nested quotation
  counts when it matches and is not held against precision when not.
- BBC quotations (``../shared/corpus/bbc-quotes``): one gold entry per pair
  of marks, nested quotations included; a quotation that runs over several
  lines (news style, the next line reopened) is one entry from its first
  opening to its final closing mark. So the predicted parts of one quotation
  that only white space and quote marks separate are joined before matching.
  Kind accuracy is over every gold entry (an entry not found counts as
  wrong); for the entries the annotators flagged ambiguous between scare
  quotes and speech, either is accepted.

Nothing here is tuned: the rules were written from made-up examples; the
figures are the held-out ones for every text no rule was written from.
``--misses N`` prints up to N missed and N spurious spans per text.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import csv
import json
import sys
import time
from pathlib import Path
from typing import NamedTuple

from aleppo_cli.analysis.quotes import quotations
from aleppo_cli.text.document import build

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
_MARKS = "\"'“”‘’«»„‚‹› \n\t"

Spans = list[tuple[int, int]]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return max(0, inter) / union if union else 0.0


def match(gold: Spans, predicted: Spans) -> dict[int, int]:
    """Gold index -> predicted index, one to one, by overlap >= 0.5."""
    order = sorted(range(len(predicted)), key=lambda i: predicted[i])
    starts = [predicted[i][0] for i in order]
    used: set[int] = set()
    found: dict[int, int] = {}
    for g, span in enumerate(gold):
        position = bisect.bisect_left(starts, span[0])
        for c in range(max(0, position - 4), min(len(order), position + 4)):
            candidate = order[c]
            if candidate not in used and overlap(predicted[candidate], span) >= 0.5:
                used.add(candidate)
                found[g] = candidate
                break
    return found


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def nested(spans: Spans) -> set[int]:
    """Indices of spans that lie inside another span."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    inside: set[int] = set()
    reach = -1
    for i in order:
        if spans[i][1] <= reach:
            inside.add(i)
        reach = max(reach, spans[i][1])
    return inside


def show(label: str, text: str, spans: Spans, limit: int) -> None:
    for start, end in spans[:limit]:
        context = text[max(0, start - 30) : end + 30].replace("\n", "⏎")
        print(f"    {label} {start}-{end}: {context[:160]!r}")


def pieces(
    text: str, quotations_found: list[quotations.Quotation], gold: Spans
) -> tuple[list[Spans], Spans]:
    """PDNC's view of the quotations: each top-level quotation's parts, and the
    quotations nested in them (their parts).

    PDNC's convention for a quote inside a quote is not consistent: it cuts the
    inner words out of the outer quotation's parts in some places ('"I tell you
    who has no 'fences,' as you call them," she said') and keeps them in others
    ('"Just imagine! 'Tut! The early Victorians.' My sister"'). Which of the
    two a quotation gets is an annotation convention, not detection, so a
    quotation with quotes nested in it is scored in the segmentation, whole or
    cut (what is left of a part with no word in it, such as the "!" of '"You
    might say 'I see'!"', dropped), that matches more of the gold parts (the
    fewer parts on a tie). A nested quotation counts when it matches a gold
    part and is not held against precision when not: PDNC annotates one only
    when a character speaks it in a retold dialogue."""
    parts = [(p.start, p.end) for q in quotations_found for p in q.parts]
    owner = [i for i, q in enumerate(quotations_found) for _ in q.parts]
    inner_index = nested(parts)
    nested_quotes = {owner[i] for i in inner_index}
    inner = sorted({parts[i] for i in inner_index})
    gold_starts = sorted(gold)
    outer: list[Spans] = []
    for index, q in enumerate(quotations_found):
        whole = [(p.start, p.end) for p in q.parts]
        if index in nested_quotes:
            outer.append([])
            continue
        cut: Spans = []
        for start, end in whole:
            for a, b in inner:
                if start <= a and b <= end:
                    if a - 1 > start:
                        cut.append((start, a - 1))
                    start = b + 1
            if end > start:
                cut.append((start, end))
        cut = [(a, b) for a, b in cut if any(c.isalnum() for c in text[a:b])]
        if cut != whole and _fits(cut, gold_starts) > _fits(whole, gold_starts):
            outer.append(cut)
        else:
            outer.append(whole)
    return outer, inner


def _fits(spans: Spans, gold: Spans) -> int:
    """How many of ``spans`` overlap a gold span by half their union."""
    count = 0
    for span in spans:
        position = bisect.bisect_left(gold, span)
        near = gold[max(0, position - 4) : position + 4]
        count += any(overlap(span, g) >= 0.5 for g in near)
    return count


class Detection(NamedTuple):
    precision: float
    recall: float
    f1: float
    f1_all_kinds: float
    missed: Spans
    spurious: Spans
    speech: int
    nested: int


def detect(text: str, found: list[quotations.Quotation], gold: Spans) -> Detection:
    """Detection of ``found`` (quotations of ``text``) against PDNC's gold parts."""
    outer, inner = pieces(text, found, gold)
    speech = [
        span for q, own in zip(found, outer, strict=True) if q.kind == "speech" for span in own
    ]
    every = [span for own in outer for span in own]
    pairs = match(gold, speech + inner)
    hit_inner = sum(1 for i in pairs.values() if i >= len(speech))
    p, r, f = prf(len(pairs), len(speech) + hit_inner, len(gold))
    pairs_all = match(gold, every + inner)
    hit_inner_all = sum(1 for i in pairs_all.values() if i >= len(every))
    f_all = prf(len(pairs_all), len(every) + hit_inner_all, len(gold))[2]
    hit = set(pairs.values())
    missed = [g for i, g in enumerate(gold) if i not in pairs]
    spurious = [s for i, s in enumerate(speech) if i not in hit]
    return Detection(p, r, f, f_all, missed, spurious, len(speech), len(inner))


def gold_parts(folder: Path) -> Spans:
    """PDNC's quote parts of the novel in ``folder``."""
    with (folder / "quotation_info.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [(s[0], s[1]) for row in rows for s in ast.literal_eval(row["quoteByteSpans"])]


def pdnc(folder: Path, limit: int) -> tuple[float, float, float, float]:
    text = read(folder / "novel_text.txt")
    gold = gold_parts(folder)
    started = time.perf_counter()
    found = quotations.find(build(text))
    seconds = time.perf_counter() - started
    d = detect(text, found, gold)
    print(
        f"{folder.name:28} P {d.precision:.3f}  R {d.recall:.3f}  F1 {d.f1:.3f}  "
        f"all kinds F1 {d.f1_all_kinds:.3f}  "
        f"({len(gold)} gold parts, {d.speech} speech, {d.nested} nested; {seconds:.1f} s)"
    )
    if limit:
        show("missed", text, d.missed, limit)
        show("spurious", text, d.spurious, limit)
    return d.precision, d.recall, d.f1, d.f1_all_kinds


def joined(text: str, quotation: quotations.Quotation) -> Spans:
    """The quotation's parts, those that only marks and white space separate joined."""
    out: Spans = []
    for part in quotation.parts:
        if out and not text[out[-1][1] : part.start].strip(_MARKS):
            out[-1] = (out[-1][0], part.end)
        else:
            out.append((part.start, part.end))
    return out


def bbc(folder: Path, limit: int) -> None:
    matched = predicted_total = gold_total = 0
    kinds_right = 0
    confusions: dict[tuple[str, str], int] = {}
    for path in sorted(folder.glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        text = read((folder / entry["text_file"]).resolve())
        gold = entry["quotes"]
        found = quotations.find(build(text))
        predicted: Spans = []
        kinds: list[str] = []
        for quotation in found:
            for span in joined(text, quotation):
                predicted.append(span)
                kinds.append(quotation.kind)
        gold_spans = [(q["start"], q["end"]) for q in gold]
        pairs = match(gold_spans, predicted)
        matched += len(pairs)
        predicted_total += len(predicted)
        gold_total += len(gold)
        for g, q in enumerate(gold):
            said = kinds[pairs[g]] if g in pairs else "missed"
            accepted = {q["kind"]}
            if q["ambiguous"] and q["kind"] in ("scare", "speech"):
                accepted = {"scare", "speech"}
            if said in accepted:
                kinds_right += 1
            else:
                confusions[(q["kind"], said)] = confusions.get((q["kind"], said), 0) + 1
                if limit:
                    print(f"    {path.stem} kind {q['kind']} -> {said}: {q['text'][:60]!r}")
        if limit:
            hit = set(pairs.values())
            missed = [s for i, s in enumerate(gold_spans) if i not in pairs]
            spurious = [s for i, s in enumerate(predicted) if i not in hit]
            if missed or spurious:
                print(f"  {path.stem}")
            show("missed", text, missed, limit)
            show("spurious", text, spurious, limit)
    p, r, f = prf(matched, predicted_total, gold_total)
    print(
        f"{'BBC quotations':28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
        f"({gold_total} gold, {predicted_total} found)  "
        f"kind {kinds_right / gold_total:.3f} ({kinds_right}/{gold_total})"
    )
    if confusions:
        listed = ", ".join(f"{g}->{s} {n}" for (g, s), n in sorted(confusions.items()))
        print(f"{'':28} kind errors (gold->said): {listed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdnc", type=Path, default=CORPUS / "pdnc")
    parser.add_argument("--bbc", type=Path, default=CORPUS / "bbc-quotes")
    parser.add_argument("--only", default="", help="only the texts whose name contains this")
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    if not args.pdnc.is_dir() and not args.bbc.is_dir():
        sys.exit(f"no development data at {args.pdnc} or {args.bbc}")
    scores = []
    for folder in sorted(args.pdnc.iterdir()) if args.pdnc.is_dir() else []:
        if (folder / "novel_text.txt").exists() and args.only.lower() in folder.name.lower():
            scores.append(pdnc(folder, args.misses))
    if len(scores) > 1:
        mean = [sum(s[i] for s in scores) / len(scores) for i in range(4)]
        low = min(s[2] for s in scores)
        print(
            f"{'PDNC mean':28} P {mean[0]:.3f}  R {mean[1]:.3f}  F1 {mean[2]:.3f}  "
            f"all kinds F1 {mean[3]:.3f}  (lowest F1 {low:.3f})"
        )
    if args.bbc.is_dir() and args.only.lower() in "bbc quotations":
        bbc(args.bbc, args.misses)


if __name__ == "__main__":
    main()
