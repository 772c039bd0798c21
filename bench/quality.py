"""Summary quality on the BBC News Summary articles, chosen leave-one-topic-out.

    python bench/quality.py [--corpus DIR] [--algorithms a,b,...] [--limit N] [--fresh]
    python bench/quality.py --dialogue-sweep


Every article (duplicates dropped) gets, from every configuration (an
algorithm with or without Snowball stems, and our options), as many sentences
as its reference summary has. Two scores: the share of reference sentences
recovered, and ROUGE-1/2/L F1 (the rouge-score package, stemming on) of the
chosen sentences against the reference. "lead" (the first sentences) is the
baseline.

Every choice is made leave-one-topic-out: for each topic, the configuration
(of an algorithm, and the default among all) is the best on the other topics,
and it is scored on the held-out topic. Blend, our own, is scored on each
topic with the weights trained without it (blend_weights.FOLDS, written by
bench/train_blend.py). The table gives those held-out figures
per topic, their mean and their spread (highest minus lowest).

Reads ../shared/corpus/bbc-news-summary (articles/TOPIC/NNN.txt: headline,
blank line, paragraphs; summaries/TOPIC/NNN.txt: the reference sentences run
together). Per-article choices are cached in --cache, keyed by a fingerprint
of the summarizer code, so a second run only scores.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import random
import statistics
import sys
import types
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aleppo_cli.analysis.summarize import eligible
from aleppo_cli.analysis.summarize import summary as summarize
from aleppo_cli.text.document import Document, Sentence, build

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-summary"
CACHE = Path("/tmp/aleppo-quality-cache.json")
CODE = REPO / "aleppo_cli" / "analysis" / "summarize"


def normal(text: str) -> str:
    return " ".join(text.split())


def read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@dataclass(frozen=True)
class Article:
    key: str  # TOPIC/NNN
    topic: str
    document: Document
    reference: tuple[int, ...]  # numbers of our sentences in the reference summary
    covered: float  # share of the reference's characters those sentences cover


def articles(corpus: Path, limit: int | None = None) -> tuple[list[Article], int]:
    """The distinct articles, and how many duplicates were dropped."""
    seen: set[str] = set()
    items = []
    dropped = 0
    for path in sorted((corpus / "articles").glob("*/*.txt")):
        text = read(path)
        fingerprint = normal(text)
        if fingerprint in seen:
            dropped += 1
            continue
        seen.add(fingerprint)
        topic = path.parent.name
        reference_text = normal(read(corpus / "summaries" / topic / path.name))
        document = build(text)
        body = [s for p in document.paragraphs if not p.heading for s in p.sentences]
        found = [s for s in body if normal(s.text) in reference_text]
        # a sentence inside a longer chosen one is not chosen on its own
        numbers = tuple(s.number for s in dict({normal(s.text): s for s in found}).values())
        covered = min(1.0, sum(len(normal(s.text)) for s in found) / max(1, len(reference_text)))
        if numbers:
            items.append(Article(f"{topic}/{path.stem}", topic, document, numbers, covered))
    if limit:
        by_topic: dict[str, list[Article]] = {}
        for item in items:
            by_topic.setdefault(item.topic, []).append(item)
        items = [a for group in by_topic.values() for a in group[:limit]]
    return items, dropped


def lead(document: Document, count: int) -> list[Sentence]:
    body = [s for p in document.paragraphs if not p.heading for s in p.sentences]
    return body[:count]


Chooser = Callable[[Article, int], list[Sentence]]


PLAIN = 10**9  # no sentence is long: sumy's choice (bar fragments and repeats)
LONGS = (40, 60, PLAIN)
# fragments of dialogue: "w" chosen only with the rest of their quotation (a
# unit rated by its best sentence), "m" the same rated by the mean, "-" never
MODES = {"w": (True, "max"), "m": (True, "mean"), "-": (False, "max")}


def configurations(
    names: list[str], variants: list[str], stemmers: tuple[str, ...] = summarize.STEMMERS
) -> dict[str, Chooser]:
    """Every configuration to score: name -> a way to choose sentences.

    Names are ``algorithm|stemmer|long|fragments``: long is the word count
    above which sentences come last (PLAIN: never), fragments "f" when
    fragments of dialogue may be chosen like any sentence, else a key of MODES.
    """

    def run(algorithm: str, stemmer: str, long: int, mode: str) -> Chooser:
        whole, rating = MODES.get(mode, (True, "max"))

        def choose(article: Article, count: int) -> list[Sentence]:
            seed = zlib.crc32(article.key.encode())  # the random baseline, repeatably
            if algorithm == "blend":  # weights trained without the article's topic
                from aleppo_cli.analysis.summarize import blend, blend_weights

                blend.Blend.weights = blend_weights.FOLDS[article.topic]
            chosen = summarize.summarize(
                article.document,
                algorithm,
                count,
                stemmer=stemmer,
                seed=seed,
                fragments=mode == "f",
                long_words=long,
                whole=whole,
                rating=rating,
            )
            return list(chosen.sentences)

        return choose

    chosen: dict[str, Chooser] = {"lead": lambda a, n: lead(a.document, n)}
    for name in names:
        for stemmer in stemmers:
            if name == "random" and stemmer != summarize.SNOWBALL:
                continue
            chosen[f"{name}|{stemmer}|{PLAIN}|f"] = run(name, stemmer, PLAIN, "f")
            if name in variants:
                for long in LONGS:
                    for mode in MODES:
                        chosen[f"{name}|{stemmer}|{long}|{mode}"] = run(name, stemmer, long, mode)
    return chosen


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(CODE.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def choices(
    items: list[Article], configs: dict[str, Chooser], cache: Path, fresh: bool
) -> dict[str, dict[str, list[int]]]:
    """config -> article key -> chosen sentence numbers (cached)."""
    stamp = fingerprint()
    stored: dict[str, dict[str, list[int]]] = {}
    if cache.exists() and not fresh:
        data = json.loads(cache.read_text("utf-8"))
        if data.get("code") == stamp:
            stored = data["choices"]
    changed = False
    for name, choose in configs.items():
        done = stored.setdefault(name, {})
        for article in items:
            if article.key not in done:
                chosen = choose(article, len(article.reference))
                done[article.key] = [s.number for s in chosen]
                changed = True
        print(f"  {name}: done", file=sys.stderr)
    if changed:
        cache.write_text(json.dumps({"code": stamp, "choices": stored}), "utf-8")
    return stored


Scores = dict[str, dict[str, dict[str, float]]]  # config -> article -> metric -> value


def score(
    items: list[Article], chosen: dict[str, dict[str, list[int]]], configs: list[str]
) -> Scores:
    """Scores of every configuration on every article (ROUGE cached by the choice)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    # the same Porter stems, each word stemmed once (stemming is most of the time)
    stemmer = scorer._tokenizer._stemmer
    stem = functools.lru_cache(maxsize=None)(stemmer.stem)
    scorer._tokenizer._stemmer = types.SimpleNamespace(stem=stem)
    scores: Scores = {}
    known: dict[tuple[str, tuple[int, ...]], dict[str, float]] = {}
    for name in configs:
        scores[name] = {}
        for article in items:
            picked = chosen[name][article.key]
            key = (article.key, tuple(sorted(picked)))
            if key in known:
                scores[name][article.key] = known[key]
                continue
            text = {s.number: s.text for s in article.document.sentences}
            recalled = len(set(picked) & set(article.reference)) / len(article.reference)
            reference = " ".join(text[n] for n in sorted(article.reference))
            rouge = scorer.score(reference, " ".join(text[n] for n in sorted(picked)))
            scores[name][article.key] = known[key] = {
                "recall": recalled,
                **{metric: value.fmeasure for metric, value in rouge.items()},
            }
    return scores


METRICS = ("recall", "rouge1", "rouge2", "rougeL")


def mean(scores: Scores, name: str, items: list[Article], metric: str = "recall") -> float:
    return statistics.fmean(scores[name][a.key][metric] for a in items)


def held_out(
    scores: Scores, items: list[Article], candidates: list[str], topics: list[str]
) -> list[tuple[str, str, dict[str, float]]]:
    """For each topic: the best candidate on the others, and its figures on the topic.

    Topics weigh equally in the choice (the mean of the per-topic means).
    """
    folds = []
    for topic in topics:
        others = [t for t in topics if t != topic]

        def development(name: str, others: list[str] = others) -> float:
            return statistics.fmean(
                mean(scores, name, [a for a in items if a.topic == t]) for t in others
            )

        best = max(candidates, key=development)
        test = [a for a in items if a.topic == topic]
        folds.append((topic, best, {m: mean(scores, best, test, m) for m in METRICS}))
    return folds


def table(
    scores: Scores, items: list[Article], families: dict[str, list[str]], topics: list[str]
) -> list[str]:
    head = f"{'configuration':24} {'recall':>6} {'spread':>6} " + " ".join(
        f"{t[:13]:>13}" for t in topics
    )
    lines = [head + f" {'R-1':>6} {'R-2':>6} {'R-L':>6}  chosen per fold"]
    rows = []
    for family, candidates in families.items():
        if not candidates:  # an algorithm not run (--algorithms)
            continue
        folds = held_out(scores, items, candidates, topics)
        recalls = [figures["recall"] for _, _, figures in folds]
        rouge = [statistics.fmean(f[m] for _, _, f in folds) for m in METRICS[1:]]
        picks = ", ".join(dict.fromkeys(best for _, best, _ in folds))
        rows.append((statistics.fmean(recalls), family, recalls, rouge, picks))
    for average, family, recalls, rouge, picks in sorted(rows, reverse=True):
        cells = " ".join(f"{value:13.3f}" for value in recalls)
        spread = max(recalls) - min(recalls)
        figures = " ".join(f"{value:6.3f}" for value in rouge)
        lines.append(f"{family:24} {average:6.3f} {spread:6.3f} {cells} {figures}  {picks}")
    return lines


EXCHANGES = (2, 3, 4)
SHARES = (0.15, 0.25, 0.35)


def dialogue_flags(text: str) -> dict[tuple[int, float], bool]:
    """``eligible.is_dialogue``'s answer for a clean text under every
    (run length, share) pair of the sweep (the shipped code, its constants set)."""
    shipped = eligible.EXCHANGE, eligible.DIALOGUE_SHARE
    flags = {}
    try:
        for exchange in EXCHANGES:
            for share in SHARES:
                eligible.EXCHANGE, eligible.DIALOGUE_SHARE = exchange, share
                flags[exchange, share] = eligible._dialogue.__wrapped__(text)
    finally:
        eligible.EXCHANGE, eligible.DIALOGUE_SHARE = shipped
    return flags


def dialogue_sweep(items: list[Article], corpus: Path, cache: Path, fresh: bool) -> None:
    """Choose (EXCHANGE, DIALOGUE_SHARE) leave-one-topic-out for the default.

    An article's summary depends on the pair only through ``is_dialogue``:
    each article is summarized as a text of dialogue and as one without, and
    each pair takes the one its flag says. For each topic, the pair best on the
    other two (mean of their means; ties to the shipped pair) is scored on it.
    The novels' must-hold: every book and PDNC novel is a text of dialogue.
    """
    algorithm = summarize.DEFAULT_ALGORITHM
    shipped = eligible.EXCHANGE, eligible.DIALOGUE_SHARE
    pairs = [(e, s) for e in EXCHANGES for s in SHARES]
    flags = {a.key: dialogue_flags(a.document.clean.text) for a in items}
    flagged = [a for a in items if any(flags[a.key].values())]

    def forced(dialogue: bool) -> Chooser:
        def choose(article: Article, count: int) -> list[Sentence]:
            from aleppo_cli.analysis.summarize import blend, blend_weights

            blend.Blend.weights = blend_weights.FOLDS[article.topic]
            real = eligible.is_dialogue
            eligible.is_dialogue = lambda document: dialogue
            try:
                chosen = summarize.summarize(
                    article.document, algorithm, count, stemmer=summarize.stemmer_for(algorithm)
                )
            finally:
                eligible.is_dialogue = real
            return list(chosen.sentences)

        return choose

    off, on = "default|dialogue=no", "default|dialogue=yes"
    chosen = choices(items, {off: forced(False)}, cache, fresh)
    chosen.update(choices(flagged, {on: forced(True)}, cache, False))
    topics = sorted({a.topic for a in items})

    def recall(article: Article, pair: tuple[int, float]) -> float:
        picked = chosen[on if flags[article.key][pair] else off][article.key]
        return len(set(picked) & set(article.reference)) / len(article.reference)

    by_topic = {
        pair: {t: statistics.fmean(recall(a, pair) for a in items if a.topic == t) for t in topics}
        for pair in pairs
    }
    novels = sorted((corpus.parent / "books").glob("*.txt"))
    novels += sorted((corpus.parent / "pdnc").glob("*/novel_text.txt"))
    novel_flags = [dialogue_flags(build(read(path)).clean.text) for path in novels]
    print(f"{len(items)} articles, {len(flagged)} a text of dialogue under some pair")
    print(
        f"{'pair (run, share)':18} {'BBC dialogue':>12} novels "
        + " ".join(f"{t:>13}" for t in topics)
    )
    for pair in pairs:
        count = sum(flags[a.key][pair] for a in items)
        held = sum(f[pair] for f in novel_flags)
        cells = " ".join(f"{by_topic[pair][t]:13.4f}" for t in topics)
        missed = [
            path.parent.name if path.name == "novel_text.txt" else path.stem
            for path, f in zip(novels, novel_flags, strict=True)
            if not f[pair]
        ]
        mark = (" (shipped)" if pair == shipped else "") + "".join(f" not: {m}" for m in missed)
        print(f"{pair!s:18} {count:12} {held:>3}/{len(novels):<2} {cells}{mark}")
    print("held out: each topic with the pair best on the other two (in-sample rows above)")
    for topic in topics:
        others = [t for t in topics if t != topic]

        def development(pair: tuple[int, float], others: list[str] = others) -> tuple[float, bool]:
            value = statistics.fmean(by_topic[pair][t] for t in others)
            return round(value, 12), pair == shipped

        best = max(pairs, key=development)
        print(
            f"  {topic}: chosen {best} (others {development(best)[0]:.4f}),"
            f" held out {by_topic[best][topic]:.4f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--algorithms", default=",".join(summarize.ALGORITHMS))
    parser.add_argument("--limit", type=int, help="at most N articles a topic (a quick look)")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--fresh", action="store_true", help="ignore the cache")
    parser.add_argument(
        "--stemmers", default=",".join(summarize.STEMMERS), help="only these (a quicker look)"
    )
    parser.add_argument(
        "--variants",
        default="reduction,blend",
        help="algorithms also scored with our choice of sentences (no fragments, long last)",
    )
    parser.add_argument(
        "--dialogue-sweep",
        action="store_true",
        help="choose eligible.EXCHANGE and DIALOGUE_SHARE leave-one-topic-out (the default)",
    )
    args = parser.parse_args()
    if not (args.corpus / "articles").is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    random.seed(0)
    items, dropped = articles(args.corpus, args.limit)
    if args.dialogue_sweep:
        dialogue_sweep(items, args.corpus, args.cache, args.fresh)
        return
    topics = sorted({a.topic for a in items})
    names = [name for name in args.algorithms.split(",") if name]
    stemmers = tuple(s for s in args.stemmers.split(",") if s in summarize.STEMMERS)
    configs = configurations(names, args.variants.split(","), stemmers)
    chosen = choices(items, configs, args.cache, args.fresh)
    scores = score(items, chosen, list(configs))
    coverage = statistics.fmean(a.covered for a in items)
    counts = ", ".join(f"{t} {sum(a.topic == t for a in items)}" for t in topics)
    print(f"{len(items)} articles ({counts}); {dropped} duplicates dropped")
    print(f"reference text covered by whole sentences of our segmentation: {coverage:.1%}")
    print("held-out figures: each topic scored with the configuration best on the others")
    print("(configuration: algorithm|stemmer|long sentences last above N words|fragments)")
    families: dict[str, list[str]] = {"lead": ["lead"]}
    plain = [c for c in configs if c.endswith(f"|{PLAIN}|f")]
    for name in names:
        families[f"{name}"] = [c for c in plain if c.split("|")[0] == name]
        ours = [c for c in configs if c.split("|")[0] == name and not c.endswith("|f")]
        if ours:
            families[f"{name}, no fragments"] = ours
            for mode in MODES:
                for long in LONGS:
                    for stemmer in stemmers:
                        families[f"{name}|{stemmer}|{long}|{mode}"] = [
                            f"{name}|{stemmer}|{long}|{mode}"
                        ]
    families["best of sumy's nine"] = [c for c in plain if c.split("|")[0] != "blend"]
    families["best of all without fragments"] = [
        c for c in configs if c != "lead" and not c.endswith("|f")
    ]
    algorithm = summarize.DEFAULT_ALGORITHM
    mode = {"max": "w", "mean": "m"}[eligible.QUOTATION_RATING]
    # the product holds long sentences back only in a book-length text; every
    # article here is shorter, so its default is the no-limit configuration
    longs = {eligible.long_words_for(item.document) for item in items}
    long = PLAIN if longs == {eligible.NO_LIMIT} else eligible.LONG_WORDS
    default = f"{algorithm}|{summarize.stemmer_for(algorithm)}|{long}|{mode}"
    if default in configs:
        families["default"] = [default]
    for line in table(scores, items, families, topics):
        print(line)


if __name__ == "__main__":
    main()
