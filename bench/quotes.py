"""Quotation detection and speaker attribution, scored on a PDNC novel.

    python bench/quotes.py [NOVEL_DIR]

NOVEL_DIR is a Project Dialogism Novel Corpus folder (novel_text.txt,
quotation_info.csv, character_info.csv); default ../shared/corpus/pdnc/
PrideAndPrejudice. Runs `aleppo quotes --all --json` on the novel and prints:
detection precision/recall/F1 over the gold quote spans (a predicted part
matches a gold span when they overlap by at least half of their union, one to
one), and speaker accuracy by quote type (Explicit, Anaphoric, Implicit, all),
where an undetected quotation counts as wrong and a predicted name counts as
right when it is one of the gold speaker's aliases (case and honorific dots
ignored).
"""

from __future__ import annotations

import ast
import csv
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "pdnc" / "PrideAndPrejudice"


def key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", name.lower().replace(".", "")).strip()


def characters(folder: Path) -> dict[str, set[str]]:
    """Main name -> every way of naming that character."""
    table: dict[str, set[str]] = {}
    with (folder / "character_info.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            aliases = ast.literal_eval(row["Aliases"]) if row["Aliases"].strip() else set()
            table[row["Main Name"]] = {key(a) for a in aliases} | {key(row["Main Name"])}
    return table


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return max(0, inter) / union if union else 0.0


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    text_path = folder / "novel_text.txt"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "aleppo_cli", "quotes", "--all", "--json", str(text_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    predicted = json.loads(done.stdout)["quotes"]
    with (folder / "quotation_info.csv").open(encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle))
    cast = characters(folder)

    predicted_parts = sorted(
        (part["start"], part["end"], index)
        for index, quote in enumerate(predicted)
        for part in quote["parts"]
    )
    used: set[int] = set()
    gold_to_predicted: dict[int, int] = {}
    matched_parts = 0
    gold_parts = 0
    starts = [p[0] for p in predicted_parts]
    import bisect

    for gold_index, row in enumerate(gold):
        for span in ast.literal_eval(row["quoteByteSpans"]):
            gold_parts += 1
            position = bisect.bisect_left(starts, span[0])
            for candidate in range(max(0, position - 3), min(len(predicted_parts), position + 3)):
                p_start, p_end, quote_index = predicted_parts[candidate]
                if candidate in used or overlap((p_start, p_end), tuple(span)) < 0.5:
                    continue
                used.add(candidate)
                matched_parts += 1
                gold_to_predicted.setdefault(gold_index, quote_index)
                break
    precision = matched_parts / len(predicted_parts) if predicted_parts else 0.0
    recall = matched_parts / gold_parts if gold_parts else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for gold_index, row in enumerate(gold):
        kind = row["quoteType"]
        total[kind] += 1
        total["all"] += 1
        quote_index = gold_to_predicted.get(gold_index)
        if quote_index is None:
            continue
        speaker = predicted[quote_index]["speaker"]
        if speaker and key(speaker) in cast.get(row["speaker"], {key(row["speaker"])}):
            right[kind] += 1
            right["all"] += 1

    speech = sum(1 for q in predicted if q["kind"] == "speech")
    print(
        f"{folder.name}: {len(gold)} gold quotations, {len(predicted)} found "
        f"({speech} speech), in {seconds:.1f} s"
    )
    print(f"detection (parts): precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    for kind in ("Explicit", "Anaphoric", "Implicit", "all"):
        share = right[kind] / total[kind] if total[kind] else 0.0
        print(f"speaker accuracy {kind:9} {share:.3f}  ({right[kind]}/{total[kind]})")


if __name__ == "__main__":
    main()
