"""Run-together words: how many the repair splits, and what it does to clean text.

    python bench/glued.py [--per-text N] [--tune [--evidence]] [--by-novel [--evidence]]
                          [--gate] [--quick]

Takes clean texts (the 1,313 BBC articles of ../shared/corpus/bbc-news-summary,
duplicates dropped, and the novels: the three books and the 13 PDNC novels),
glues neighbouring words (two words with one space between them) at random,
with a fixed seed, in the three shapes the web produces, each part three
letters or more:

- lower+lower   "always returns"  -> "alwaysreturns"
- lower+Capital "said Pierre"     -> "saidPierre"
- Name+lower    "Pierre said"     -> "Pierresaid" (a capitalised word inside
  a sentence, after a lower-case word)

and runs the clean-up with the repair forced on (``clean(text, repair=True)``).
Recall: the glued words split exactly where the space was, and nowhere else.
Edits: the words of the untouched texts that the forced repair changes (goal:
zero), and, on the glued texts, the other words it changed. It also counts
how many glued texts the automatic decision takes for scraped, and how many
untouched ones (goal: none).

``--tune`` chooses the repair's parameters leave-one-out: on the BBC
articles for the novels, on the novels for the BBC articles (of those that
keep a recall of TUNING_RECALL on the tuning set, the fewest edits of its
untouched texts with the repair forced), and prints the held-out figures;
with ``--evidence``, only the rule of evidence (cleanup.SHORT_TEXT), the
margins as they are.
``--by-novel`` holds out one novel at a time: each novel's parameters are
chosen (as ``--tune`` chooses them) on the other 15 novels, then it is
scored alone (recall on its glued copy, words of its untouched copy
changed); with ``--evidence``, only the rule of evidence is chosen.
``--gate`` does the same for the automatic decision (the most glued texts
taken for scraped, with no untouched one).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from aleppo_cli.text import cleanup

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = 12
SHAPES = ("lower+lower", "lower+Capital", "Name+lower")
# two neighbouring words of ASCII letters, one space apart, whole words
_PAIR = re.compile(r"(?<![\w'’\-.@/])([A-Za-z]{3,}) ([A-Za-z]{3,})(?![\w'’\-@/])")


@dataclass
class Text:
    group: str  # "bbc" or "novels"
    name: str
    raw: str


def bbc_texts() -> Iterator[Text]:
    seen: set[bytes] = set()
    for path in sorted((CORPUS / "bbc-news-summary" / "articles").glob("*/*.txt")):
        data = path.read_bytes()
        digest = hashlib.sha256(data.strip()).digest()
        if digest in seen:
            continue
        seen.add(digest)
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            raw = data.decode("latin-1")
        yield Text("bbc", f"{path.parent.name}/{path.name}", raw)


def novel_texts() -> Iterator[Text]:
    for path in sorted((CORPUS / "books").glob("*.txt")):
        yield Text("novels", path.name, path.read_text(encoding="utf-8"))
    for path in sorted((CORPUS / "pdnc").glob("*/novel_text.txt")):
        yield Text("novels", path.parent.name, path.read_text(encoding="utf-8"))


def shape(text: str, match: re.Match[str]) -> str | None:
    left, right = match.group(1), match.group(2)
    if left.islower() and right.islower():
        return SHAPES[0]
    if left.islower() and right[0].isupper() and right[1:].islower():
        return SHAPES[1]
    if left[0].isupper() and left[1:].islower() and right.islower():
        # a name inside a sentence: a lower-case word (and a space) before it
        before = text[max(0, match.start() - 2) : match.start()]
        start = match.start() - 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        word = text[start : match.start() - 1]
        if before.endswith(" ") and word.isalpha() and word.islower():
            return SHAPES[2]
    return None


def glue(text: str, per_shape: int, rng: random.Random) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with ``per_shape`` pairs of each shape glued (none touching
    another), and where each glued word's space was (offsets into the result)."""
    by_shape: dict[str, list[re.Match[str]]] = {name: [] for name in SHAPES}
    position = 0
    while (match := _PAIR.search(text, position)) is not None:
        found = shape(text, match)
        if found:
            by_shape[found].append(match)
        position = match.start(2)  # overlapping pairs: each space once
    chosen: list[tuple[re.Match[str], str]] = []
    used: set[int] = set()
    for name in SHAPES:
        pairs = by_shape[name]
        for match in rng.sample(pairs, min(per_shape, len(pairs))):
            if any(abs(match.start() - other) < 40 for other in used):
                continue
            used.add(match.start())
            chosen.append((match, name))
    chosen.sort(key=lambda item: item[0].start())
    pieces, sites = [], []
    last = 0
    for removed, (match, name) in enumerate(chosen):
        space = match.end(1)
        pieces.append(text[last:space])
        sites.append((space - removed, name))
        last = space + 1
    pieces.append(text[last:])
    return "".join(pieces), sites


@dataclass
class Score:
    glued: dict[str, int]
    right: dict[str, int]
    other_edits: int = 0  # words changed elsewhere in the glued texts
    untouched_edits: int = 0  # words changed in the texts as they are
    untouched_words: int = 0
    glued_texts: int = 0
    glued_scraped: int = 0  # glued texts the automatic decision repairs
    untouched_scraped: int = 0  # untouched texts it repairs
    examples: list[str] | None = None
    auto: bool = True  # the automatic decision was tried

    def recall(self, name: str | None = None) -> float:
        names = [name] if name else list(SHAPES)
        total = sum(self.glued[n] for n in names)
        return sum(self.right[n] for n in names) / total if total else 0.0


def letter_run(text: str, at: int) -> tuple[int, int]:
    start = end = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def score(texts: list[Text], per_text: int, auto: bool = True, examples: int = 3) -> Score:
    result = Score(dict.fromkeys(SHAPES, 0), dict.fromkeys(SHAPES, 0), examples=[], auto=auto)
    assert result.examples is not None
    for text in texts:
        rng = random.Random(f"{SEED}:{text.name}")
        untouched = cleanup.clean(text.raw, repair=True)
        changed = {letter_run(text.raw, e.start) for e in untouched.edits_for(cleanup.GLUED)}
        result.untouched_edits += len(changed)
        result.untouched_words += len(text.raw.split())
        for start, end in sorted(changed)[:examples]:
            result.examples.append(f"{text.name}: {text.raw[start:end]}")
        if auto and cleanup.clean(text.raw).repair == cleanup.AUTO_ON:
            result.untouched_scraped += 1
        glued, sites = glue(text.raw, per_text, rng)
        repaired = cleanup.clean(glued, repair=True)
        inserted: dict[tuple[int, int], list[int]] = {}
        for edit in repaired.edits_for(cleanup.GLUED):
            inserted.setdefault(letter_run(glued, edit.start), []).append(edit.start)
        site_runs = set()
        for at, name in sites:
            run = letter_run(glued, at)
            site_runs.add(run)
            result.glued[name] += 1
            result.right[name] += inserted.get(run) == [at]
        result.other_edits += sum(1 for run in inserted if run not in site_runs)
        if sites:
            result.glued_texts += 1
            if auto and cleanup.clean(glued).repair == cleanup.AUTO_ON:
                result.glued_scraped += 1
    return result


# The decision's parameters, tuned apart for the two kinds of run they
# decide (the lower-case runs, and the capitalised ones); the run of a
# lower-case word glued to a capitalised one has none.
GRIDS: dict[str, dict[str, tuple[float, ...]]] = {
    # LOWER_MARGIN stays under 2 and UNKNOWN_ZIPF at -3: more, and three
    # words run together ("undereverybridge") stay glued.
    "lower": {
        "LOWER_MARGIN": (0.0, 1.0),
        "UNKNOWN_ZIPF": (-3.0,),
        "CONTENT_MARGIN": (0.0, 1.0, 2.0),
        "DERIVED_PENALTY": (3.0, 4.0),
        "THREE_LETTER_ZIPF": (3.0, 4.0, 4.5, 5.0),
        "REPEATED_CONTENT": (2, 3),
    },
    # NAME_MARGIN and UNKNOWN_NAME_ZIPF stay at 0 and -3: any more, and a
    # rare name glued to a frequent word ("Halabidocument") stays glued.
    "capital": {
        "UNSEEN_NAME_MARGIN": (0.0, 1.0, 2.0, 3.0),
        "UNSEEN_HEAD_LENGTH": (0, 3, 4, 5),
        "THREE_LETTER_TAIL_ZIPF": (3.0, 4.0, 4.5, 5.0),
    },
    # the rule of evidence (cleanup.SHORT_TEXT), over the decisions of both
    "evidence": {
        "EVIDENCE_MIN": (1, 2, 3),
        "EVIDENCE_RATE": (0.0, 1 / 5000, 1 / 2000, 1 / 1000),
        "STRONG_RATE": (0.0, 1 / 20000, 1 / 10000, 1 / 5000),
    },
}
KIND_SHAPES = {"lower": "lower+lower", "capital": "Name+lower", "camel": "lower+Capital"}
# The tuning set's recall (all shapes) that the parameters must keep; of
# those that do, the ones with the fewest edits of the untouched texts win.
TUNING_RECALL = 0.91


def kind(token: str) -> str:
    if token.islower():
        return "lower"
    return "capital" if token[1:].islower() else "camel"


@dataclass
class Candidates:
    """A text's candidates, as the repair sees them: each distinct run with
    how often the text has it, the text's names, and (glued) the glued words."""

    untouched: tuple[Counter[str], frozenset[str], frozenset[str]]
    glued: tuple[Counter[str], frozenset[str], frozenset[str]]
    sites: list[tuple[str, int, str]]  # glued word, where its space was, shape
    words: tuple[int, int]  # the words of the untouched text and the glued one
    vocab: tuple[frozenset[str], frozenset[str]]  # their lower-case words (cleanup._is_own)


_ADDRESS = re.compile(r"([A-Za-z]+)\.(?=[a-z])")


def candidates(texts: list[Text], per_text: int) -> list[Candidates]:
    found = []
    for text in texts:
        glued, sites = glue(text.raw, per_text, random.Random(f"{SEED}:{text.name}"))
        runs = []
        for raw in (text.raw, glued):
            hyphened = cleanup._hyphened(raw)
            addresses = set(_ADDRESS.findall(raw))  # what cleanup._in_address finds
            counts = Counter(
                token
                for _, token in cleanup._candidates(raw)
                if token.lower() not in hyphened and token not in addresses
            )
            runs.append((counts, cleanup._names(raw), cleanup._standing(raw)))
        where = []
        for at, name in sites:
            start, end = letter_run(glued, at)
            where.append((glued[start:end], at - start, name))
        words = (cleanup._words(text.raw), cleanup._words(glued))
        vocab = (
            frozenset(cleanup._WORD.findall(text.raw)),
            frozenset(cleanup._WORD.findall(glued)),
        )
        found.append(Candidates(runs[0], runs[1], where, words, vocab))
    return found


@dataclass
class Tally:
    """For one kind of run, with the parameters as they are, text by text:
    the words of the untouched texts changed (by sure splits and by the
    others) and their distinct sure splits; the glued words split right
    (the same) and the glued texts' distinct sure splits (see
    cleanup.SHORT_TEXT)."""

    edits_sure: list[int]
    edits_weak: list[int]
    sure_untouched: list[int]
    right_sure: list[int]
    right_weak: list[int]
    sure_glued: list[int]


def decide(found: list[Candidates], which: str) -> Tally:
    """What the repair forced on would do with the runs of one kind, run by
    run, before the rule of evidence (``with_evidence`` applies it)."""
    memo: dict[tuple[object, ...], tuple[tuple[int, ...], bool]] = {}

    def cuts(
        token: str, names: frozenset[str], seen: frozenset[str], count: int
    ) -> tuple[tuple[int, ...], bool]:
        key: tuple[object, ...] = (token, min(count, cleanup.REPEATED))
        if which == "capital":  # the decision reads the names that begin it
            key += tuple(
                (token[:n] in names, token[:n] in seen)
                for n in range(cleanup.MIN_NAME_LENGTH, len(token))
            )
        if key not in memo:
            split, sure = cleanup._decide(token, names, count=count, seen=seen)
            memo[key] = (tuple(split), sure)
        return memo[key]

    tally = Tally([], [], [], [], [], [])
    shape = KIND_SHAPES[which]
    for text in found:
        counts, names, seen = text.untouched
        sure_edits = weak_edits = sure = 0
        for token, n in counts.items():
            if kind(token) != which:
                continue
            split, is_sure = cuts(token, names, seen, n)
            if split and is_sure:
                sure_edits += n
                sure += not cleanup._is_own(token, text.vocab[0])
            elif split:
                weak_edits += n
        tally.edits_sure.append(sure_edits)
        tally.edits_weak.append(weak_edits)
        tally.sure_untouched.append(sure)
        counts, names, seen = text.glued
        sure = 0
        if which != "capital":  # a name glued to a word is never sure
            for token, n in counts.items():
                if kind(token) == which and all(cuts(token, names, seen, n)):
                    sure += not cleanup._is_own(token, text.vocab[1])
        tally.sure_glued.append(sure)
        right_sure = right_weak = 0
        for token, at, name in text.sites:
            if name != shape:
                continue
            split, is_sure = cuts(token, names, seen, counts[token])
            if split == (at,):
                right_sure += is_sure
                right_weak += not is_sure
        tally.right_sure.append(right_sure)
        tally.right_weak.append(right_weak)
    return tally


def allowed(
    sure: np.ndarray, words: np.ndarray, values: dict[str, float]
) -> tuple[np.ndarray, np.ndarray]:
    """Text by text, whether the sure splits and the others are made, as
    cleanup._with_evidence decides (with these values of its parameters)."""
    short = words < cleanup.SHORT_TEXT  # set by hand: the novels cannot choose it
    weak = short | (sure >= np.maximum(values["EVIDENCE_MIN"], words * values["EVIDENCE_RATE"]))
    strong = short | (sure - 1 >= np.floor(words * values["STRONG_RATE"]))
    return strong, weak


Options = dict[str, list[tuple[dict[str, float], Tally]]]


def take(tally: Tally, rows: list[int]) -> Tally:
    """``tally`` for the texts ``rows`` alone (a text's tally does not
    depend on the others)."""
    return Tally(*([column[row] for row in rows] for column in vars(tally).values()))


def decided(found: list[Candidates], base: bool = True) -> tuple[Tally, Options]:
    """The decisions of every option of the grid (without ``base``, of the
    margins as they are), text by text: computed once, sliced by the folds."""
    camel = decide(found, "camel")
    options: Options = {}
    for which in ("lower", "capital"):
        grid = GRIDS[which] if base else {}
        options[which] = []
        for combo in itertools.product(*grid.values()):
            values = dict(zip(grid, combo, strict=True))
            set_parameters(values)
            options[which].append((values, decide(found, which)))
    return camel, options


def folds(count: int) -> Iterator[tuple[int, list[int]]]:
    """Leave one out: each text, and the others that choose for it."""
    for held in range(count):
        yield held, [row for row in range(count) if row != held]


def tune(
    found: list[Candidates],
    base: bool = True,
    given: tuple[Tally, Options] | None = None,
    quiet: bool = False,
) -> dict[str, float]:
    """The parameters with the fewest edits of the untouched texts that keep
    a recall of TUNING_RECALL; on a tie, the larger recall, then the weaker
    rule of evidence (the smaller values: the tuning set cannot tell them
    apart, and the stronger rule costs recall where glue is sparse), then the
    larger margins. Without ``base``, only the rule of evidence is chosen
    (the margins as they are). ``given``: the decisions of ``found``, if
    already made (``decided``)."""
    total = sum(len(text.sites) for text in found)
    words_u = np.array([text.words[0] for text in found])
    words_g = np.array([text.words[1] for text in found])
    camel, options = given or decided(found, base)
    # every capital option at once: a matrix, an option a row
    capital_right = np.array([t.right_weak for _, t in options["capital"]])
    capital_edits = np.array([t.edits_weak for _, t in options["capital"]])
    camel_right = np.array(camel.right_sure)
    camel_edits = np.array(camel.edits_sure)
    evidence = GRIDS["evidence"]
    best: tuple[tuple[float, ...], dict[str, float]] | None = None
    for lower, tally in options["lower"]:
        sure_u = np.array(tally.sure_untouched) + np.array(camel.sure_untouched)
        sure_g = np.array(tally.sure_glued) + np.array(camel.sure_glued)
        right_sure = np.array(tally.right_sure) + camel_right
        edits_sure = np.array(tally.edits_sure) + camel_edits
        right_weak = np.array(tally.right_weak)
        edits_weak = np.array(tally.edits_weak)
        for combo in itertools.product(*evidence.values()):
            values = dict(zip(evidence, combo, strict=True))
            strong_u, weak_u = allowed(sure_u, words_u, values)
            strong_g, weak_g = allowed(sure_g, words_g, values)
            right = right_sure @ strong_g + right_weak @ weak_g + capital_right @ weak_g
            edits = edits_sure @ strong_u + edits_weak @ weak_u + capital_edits @ weak_u
            for row, (capital, _) in enumerate(options["capital"]):
                recall = right[row] / total
                if recall < TUNING_RECALL:
                    continue
                weaker = tuple(-value for value in combo)
                key = (-edits[row], recall, *weaker, *lower.values(), *capital.values())
                if best is None or key > best[0]:
                    best = (key, {**lower, **capital, **values})
    if best is None:  # none keeps the recall
        raise SystemExit(f"no parameters keep a recall of {TUNING_RECALL}")
    if not quiet:
        print(
            f"  tuning set: recall {best[0][1]:.3f}, edits of the untouched texts {-best[0][0]:.0f}"
        )
    return best[1]


def set_parameters(values: dict[str, float] | dict[str, object]) -> None:
    for name, value in values.items():
        setattr(cleanup, name, value)


GATE_GRID = {
    "SIGN_WHOLE_ZIPF": (1.0, 1.5, 2.0, 2.5, 3.0),
    "MIN_GLUE_SIGNS": (2, 3),
}


def gate(groups: dict[str, tuple[list[Text], int]]) -> None:
    """The automatic decision (the signs of a scrape) for each choice of its
    parameters: untouched and glued texts taken for scraped; chosen
    leave-one-out: the most glued texts with no untouched one (then the
    larger values)."""
    default = {name: getattr(cleanup, name) for name in GATE_GRID}
    texts = {}
    for name, (group, n) in groups.items():
        texts[name] = []
        for text in group:
            glued, _ = glue(text.raw, n, random.Random(f"{SEED}:{text.name}"))
            texts[name].append((text.raw, glued))
    table: dict[str, dict[tuple[float, ...], tuple[int, int]]] = {name: {} for name in texts}
    for combo in itertools.product(*GATE_GRID.values()):
        set_parameters(dict(zip(GATE_GRID, combo, strict=True)))
        for name, pairs in texts.items():
            untouched = sum(cleanup._shows_glue(raw) for raw, _ in pairs)
            glued = sum(cleanup._shows_glue(text) for _, text in pairs)
            table[name][combo] = (untouched, glued)
            print(
                f"{dict(zip(GATE_GRID, combo, strict=True))}: {name}: taken for scraped: "
                f"untouched {untouched}/{len(pairs)}, glued {glued}/{len(pairs)}",
                flush=True,
            )
    for tuned, held in (tuple(texts), tuple(reversed(texts))):
        best = max(table[tuned], key=lambda c: (-table[tuned][c][0], table[tuned][c][1], c))
        untouched, glued = table[held][best]
        print(
            f"tuned on {tuned}: {dict(zip(GATE_GRID, best, strict=True))}; held out, {held}: "
            f"untouched {untouched}/{len(texts[held])}, glued {glued}/{len(texts[held])}"
        )
    set_parameters(default)


def by_novel(novels: list[Text], per_text: int, base: bool) -> None:
    """Leave one novel out: each novel scored (repair forced on) with the
    parameters chosen on the other novels (without ``base``, only the rule
    of evidence, the margins as shipped)."""
    parameters = [name for grid in GRIDS.values() for name in grid]
    default = {name: getattr(cleanup, name) for name in parameters}
    found = candidates(novels, per_text)
    given = decided(found, base)
    set_parameters(default)
    total = Score(dict.fromkeys(SHAPES, 0), dict.fromkeys(SHAPES, 0), examples=[], auto=False)
    assert total.examples is not None
    for held, rows in folds(len(novels)):
        camel, options = given
        sliced = (
            take(camel, rows),
            {which: [(v, take(t, rows)) for v, t in opts] for which, opts in options.items()},
        )
        values = tune([found[row] for row in rows], base, sliced, quiet=True)
        set_parameters(default)
        set_parameters(values)
        result = score([novels[held]], per_text, auto=False, examples=1000)
        set_parameters(default)
        for name in SHAPES:
            total.glued[name] += result.glued[name]
            total.right[name] += result.right[name]
        total.untouched_edits += result.untouched_edits
        total.untouched_words += result.untouched_words
        total.other_edits += result.other_edits
        total.examples += result.examples or []
        chosen = ", ".join(f"{name} {value:g}" for name, value in values.items())
        print(
            f"{novels[held].name}: recall {result.recall():.3f}, edits {result.untouched_edits} "
            f"of {result.untouched_words:,}, other words changed in the glued copy "
            f"{result.other_edits} (chosen on the other {len(rows)}: {chosen})",
            flush=True,
        )
    report(f"{len(novels)} novels, each held out (chosen on the other {len(novels) - 1})", total)


def report(label: str, found: Score) -> None:
    shapes = ", ".join(
        f"{name} {found.right[name]}/{found.glued[name]} ({found.recall(name):.3f})"
        for name in SHAPES
    )
    print(f"{label}: recall {found.recall():.3f} [{shapes}]")
    print(
        f"  edits on the untouched texts: {found.untouched_edits} words of "
        f"{found.untouched_words:,}; other words changed in the glued texts: {found.other_edits}"
    )
    if found.auto:
        print(
            f"  taken for scraped (automatic repair): glued texts {found.glued_scraped}/"
            f"{found.glued_texts}, untouched texts {found.untouched_scraped}"
        )
    if found.examples:
        print("  e.g. " + "; ".join(found.examples[:40]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-text", type=int, default=0, help="glued pairs of each shape a text")
    parser.add_argument("--tune", action="store_true", help="choose the margins leave-one-out")
    parser.add_argument(
        "--evidence", action="store_true", help="with --tune: only the rule of evidence"
    )
    parser.add_argument(
        "--by-novel",
        action="store_true",
        help="leave one novel out: each chosen on the other novels (with --evidence: "
        "only the rule of evidence)",
    )
    parser.add_argument("--quick", action="store_true", help="a quarter of the BBC articles")
    parser.add_argument("--gate", action="store_true", help="the automatic decision alone")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    if args.by_novel:
        started = time.perf_counter()
        by_novel(list(novel_texts()), args.per_text or 150, base=not args.evidence)
        print(f"({time.perf_counter() - started:.0f} s)")
        return
    bbc = list(bbc_texts())
    if args.quick:
        bbc = bbc[::4]
    novels = list(novel_texts())
    groups = {"BBC articles": (bbc, args.per_text or 2), "novels": (novels, args.per_text or 150)}
    started = time.perf_counter()
    if args.gate:
        gate(groups)
        return
    if args.tune:
        parameters = [name for grid in GRIDS.values() for name in grid]
        default = {name: getattr(cleanup, name) for name in parameters}
        (a_name, (a, a_n)), (b_name, (b, b_n)) = groups.items()
        for tuned_on, tuned, n, held_name, held, held_n in (
            (a_name, a, a_n, b_name, b, b_n),
            (b_name, b, b_n, a_name, a, a_n),
        ):
            values = tune(candidates(tuned, n), base=not args.evidence)
            set_parameters(values)
            print(f"tuned on {tuned_on}: {values}")
            report(f"  held out, {held_name}", score(held, held_n, auto=False))
        set_parameters(default)
        print(f"shipped: {default}")
    for name, (texts, n) in groups.items():
        report(f"{name} ({len(texts)} texts, {n} a shape a text)", score(texts, n))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
