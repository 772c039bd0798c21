"""Quotation detection and speaker attribution, scored on every development set.

    python bench/quotes.py [--corpus DIR] [--only NAME] [--errors N]

Scores ``aleppo``'s quotations (the library's ``quotations.find``, what
``aleppo quotes --all --json`` prints) against:

- the 13 novels of the Project Dialogism Novel Corpus in ``DIR/pdnc``
  (default ``../shared/corpus``): detection precision/recall/F1 over the gold
  quote parts as ``bench/quotes_detect.py`` scores it (a predicted part
  matches a gold part when they overlap by at least half of their union, one
  to one; precision counts the quotations called speech, as PDNC annotates
  speech; a quote nested in another is scored as PDNC has it), and speaker
  accuracy by quote type (Explicit, Anaphoric, Implicit, all), where an
  undetected quotation counts as wrong and a predicted name is right when
  it is one of the gold speaker's aliases (case, dots and a leading article
  ignored: "the Dodo" is "The Dodo"); "narrator" is right for the character
  whose aliases include
  ``_narr``, the first-person narrator;
- the BBC quotations in ``DIR/bbc-quotes``: detection F1 (a predicted part
  counts when at least half of it lies in a gold entry, a gold entry is found
  when predicted parts cover at least half of it), kind accuracy on the gold
  entries found, and speaker accuracy on the speech entries not flagged
  ambiguous that have a speaker (an undetected one counts as wrong; a
  predicted speaker is right when it is the gold name or one of its
  ``speaker_mentions``, honorifics, a leading article and case ignored).

The speakers of quotations no attribution names are chosen by a ranker
trained on these novels (``bench/train_speakers.py``): the PDNC figures
printed here are therefore in-sample; that script prints the held-out ones
(leave one novel out), which the README reports. The BBC articles are never
trained on.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import csv
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aleppo_cli.analysis.quotes import quotations  # noqa: E402
from aleppo_cli.text import prebuilt, sources  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
import quotes_detect  # noqa: E402

DEFAULT = REPO.parent / "shared" / "corpus"
KINDS = ("Explicit", "Anaphoric", "Implicit", "all")
NARRATOR = "narrator"
ONLY_KIND = __import__("os").environ.get("QUOTES_KIND", "")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|the|a|an)\s+")


def key(name: str) -> str:
    """A name with case, dots and a leading article ignored: PDNC's "The Dodo"
    is the text's "the Dodo" and "Dodo"."""
    return _ARTICLE.sub("", re.sub(r"[^a-z ]", "", name.lower().replace(".", "")).strip())


def loose(name: str) -> str:
    """A name with case, dots, a leading honorific or article ignored."""
    return _HONORIFIC.sub("", key(name))


def find(path: Path) -> tuple[list[Any], float]:
    """The quotations of the file at ``path`` and the seconds they took."""
    start = time.perf_counter()
    document = prebuilt.document_for(sources.load(str(path)))
    found = quotations.find(document)
    return found, time.perf_counter() - start


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return max(0, inter) / union if union else 0.0


# --- PDNC ------------------------------------------------------------------------------


def characters(folder: Path) -> dict[str, set[str]]:
    """Main name -> every way of naming that character ("narrator" for the narrator)."""
    table: dict[str, set[str]] = {}
    with (folder / "character_info.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = row["Aliases"].strip()
            aliases = ast.literal_eval(text) if text else set()
            names = {key(a) for a in aliases} | {key(row["Main Name"])}
            if "_narr" in aliases:
                names.add(NARRATOR)
            table[row["Main Name"]] = names
    return table


def right_person(quote: Any, gold: str, cast: dict[str, set[str]]) -> bool:
    """Whether the quotation's speaker is the character ``gold``: one of the
    names we give that person is one of the character's, and none of them is
    only another character's (a person made of two characters is wrong)."""
    ours = {key(quote.speaker)} | {key(n) for n in (quote.person.names if quote.person else ())}
    theirs = cast.get(gold) or next(
        (names for names in cast.values() if key(gold) in names), {key(gold)}
    )
    if not ours & theirs:
        return False
    return not any(ours & names - theirs for names in cast.values() if names is not theirs)


def gold_quotations(folder: Path) -> list[dict[str, str]]:
    with (folder / "quotation_info.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def match(
    found: Sequence[Any], gold: Sequence[dict[str, str]]
) -> tuple[dict[int, int], float, float]:
    """Gold quotation -> the found one holding its first matched part; precision, recall."""
    parts = sorted(
        (part.start, part.end, index) for index, quote in enumerate(found) for part in quote.parts
    )
    starts = [p[0] for p in parts]
    used: set[int] = set()
    gold_to_found: dict[int, int] = {}
    matched = gold_parts = 0
    for gold_index, row in enumerate(gold):
        for span in ast.literal_eval(row["quoteByteSpans"]):
            gold_parts += 1
            position = bisect.bisect_left(starts, span[0])
            for candidate in range(max(0, position - 3), min(len(parts), position + 3)):
                p_start, p_end, quote_index = parts[candidate]
                if candidate in used or overlap((p_start, p_end), (span[0], span[1])) < 0.5:
                    continue
                used.add(candidate)
                matched += 1
                gold_to_found.setdefault(gold_index, quote_index)
                break
    precision = matched / len(parts) if parts else 0.0
    recall = matched / gold_parts if gold_parts else 0.0
    return gold_to_found, precision, recall


def score_novel(
    folder: Path, errors: int = 0, found: Sequence[Any] | None = None
) -> dict[str, Any]:
    """The scores of one novel: of ``found`` if given, else of ``aleppo``'s quotations."""
    seconds = 0.0
    if found is None:
        found, seconds = find(folder / "novel_text.txt")
    gold = gold_quotations(folder)
    cast = characters(folder)
    gold_to_found, _, _ = match(found, gold)
    # detection as bench/quotes_detect.py scores it: PDNC annotates speech, so
    # precision counts the quotations called speech; nested quotes as PDNC has them
    text = quotes_detect.read(folder / "novel_text.txt")
    detection = quotes_detect.detect(text, list(found), quotes_detect.gold_parts(folder))
    precision, recall = detection.precision, detection.recall
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    shown = 0
    for gold_index, row in enumerate(gold):
        kind = row["quoteType"]
        total[kind] += 1
        total["all"] += 1
        quote_index = gold_to_found.get(gold_index)
        quote = found[quote_index] if quote_index is not None else None
        speaker = quote.speaker if quote is not None else None
        if quote is not None and speaker and right_person(quote, row["speaker"], cast):
            right[kind] += 1
            right["all"] += 1
        elif shown < errors and (not ONLY_KIND or kind == ONLY_KIND):
            shown += 1
            text = row["quoteText"].replace("\n", " ")[:70]
            print(f"  {kind:9} gold {row['speaker']!r} got {speaker!r}: {text}")
    return {
        "name": folder.name,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        **{k: (right[k] / total[k] if total[k] else 0.0) for k in KINDS},
        "counts": {k: (right[k], total[k]) for k in KINDS},
        "seconds": seconds,
    }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --- BBC -------------------------------------------------------------------------------


def score_bbc(folder: Path, topics: Sequence[str] = (), errors: int = 0) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    shown = 0
    for path in sorted(folder.glob("*.json")):
        if topics and path.name.split("-")[0] not in topics:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        found, _ = find((folder / data["text_file"]).resolve())
        gold = data["quotes"]
        parts = [(p.start, p.end, q) for q in found for p in q.parts]
        counts["predicted"] += len(parts)
        for start, end, _ in parts:
            length = max(1, end - start)
            if any(min(end, g["end"]) - max(start, g["start"]) >= length / 2 for g in gold):
                counts["precise"] += 1
        for entry in gold:
            counts["gold"] += 1
            inside = [
                (start, end, q)
                for start, end, q in parts
                if min(end, entry["end"]) - max(start, entry["start"]) >= max(1, end - start) / 2
            ]
            covered = sum(
                min(end, entry["end"]) - max(start, entry["start"]) for start, end, _ in inside
            )
            quote = (
                inside[0][2] if inside and covered >= (entry["end"] - entry["start"]) / 2 else None
            )
            if quote is not None:
                counts["found"] += 1
                counts["kind_right"] += quote.kind == entry["kind"]
            if entry["kind"] != "speech" or entry["ambiguous"] or not entry["speaker"]:
                continue
            counts["speech"] += 1
            speaker = quote.speaker if quote is not None else None
            accepted = {loose(entry["speaker"])} | {loose(m) for m in entry["speaker_mentions"]}
            if speaker and loose(speaker) in accepted:
                counts["speaker_right"] += 1
            elif shown < errors:
                shown += 1
                print(
                    f"  {path.stem}: gold {entry['speaker']!r} got {speaker!r}: "
                    f"{entry['text'][:60]!r}"
                )
    precision = counts["precise"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["found"] / counts["gold"] if counts["gold"] else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "kind": counts["kind_right"] / counts["found"] if counts["found"] else 0.0,
        "speaker": counts["speaker_right"] / counts["speech"] if counts["speech"] else 0.0,
        "counts": dict(counts),
    }


# --- the table -------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--only", help="one PDNC novel's folder name, or 'bbc'")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors a set")
    args = parser.parse_args(argv)
    pdnc, bbc = args.corpus / "pdnc", args.corpus / "bbc-quotes"
    if not pdnc.is_dir() and not bbc.is_dir():
        print(f"no development data in {args.corpus}", file=sys.stderr)
        return 2
    rows = []
    if pdnc.is_dir() and args.only != "bbc":
        print(
            "| novel | detection P | R | F1 | explicit | anaphoric | implicit | all | s |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        )
        for folder in sorted(p for p in pdnc.iterdir() if (p / "novel_text.txt").is_file()):
            if args.only and folder.name != args.only:
                continue
            row = score_novel(folder, args.errors)
            rows.append(row)
            print(
                f"| {row['name']} | {row['precision']:.3f} | {row['recall']:.3f} | "
                f"{row['f1']:.3f} | "
                + " | ".join(f"{row[k]:.3f}" for k in KINDS)
                + f" | {row['seconds']:.1f} |",
                flush=True,
            )
        if len(rows) > 1:
            means = {
                k: sum(r[k] for r in rows) / len(rows)
                for k in ("precision", "recall", "f1", *KINDS)
            }
            print(
                f"| **mean of {len(rows)}** | {means['precision']:.3f} | {means['recall']:.3f} | "
                f"{means['f1']:.3f} | "
                + " | ".join(f"**{means[k]:.3f}**" for k in KINDS)
                + f" | |\n\nlowest novel (all): {min(r['all'] for r in rows):.3f}; "
                f"lowest detection F1: {min(r['f1'] for r in rows):.3f}"
            )
    if bbc.is_dir() and (args.only in (None, "bbc")):
        result = score_bbc(bbc, errors=args.errors)
        c = result["counts"]
        print(
            f"\nBBC quotations: detection P {result['precision']:.3f} R {result['recall']:.3f} "
            f"F1 {result['f1']:.3f}; kind {result['kind']:.3f} ({c.get('kind_right', 0)}/"
            f"{c.get('found', 0)}); speaker {result['speaker']:.3f} "
            f"({c.get('speaker_right', 0)}/{c.get('speech', 0)})"
        )
        # each topic alone: a rule written while reading one topic's errors is
        # checked on the others (the README's leave-one-topic-out view)
        topics = sorted({p.name.split("-")[0] for p in bbc.glob("*.json")})
        print(
            "BBC speaker by topic: "
            + "; ".join(
                f"{topic} {score_bbc(bbc, topics=(topic,))['speaker']:.3f}" for topic in topics
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
