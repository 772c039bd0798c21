"""Golden data of the whole pipeline, to prove that work on its speed changes
no result: clean-up edits, paragraphs and sentence offsets, the folded copy
that search reads, search hits with their speakers, quotations with theirs,
``info``'s counts and the plain text of ``show`` (hashes, added later and
checked equal to what the code before the work gave), for the bundled review
and the three books of ``../shared/corpus/books``.

    python -m tests.pipeline_golden     # rewrites tests/data/pipeline_golden.json

Each list is stored as its count, the SHA-256 of its JSON, and its first and
last ``SAMPLE`` items in clear (so a failure shows what changed without the
file growing to megabytes). ``tests/test_pipeline_golden.py`` compares the
live pipeline with it. Rewrite it only for a change meant to alter results.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "data" / "pipeline_golden.json"
BOOKS = REPO.parent / "shared" / "corpus" / "books"
REVIEW = "review"
TEXTS = (REVIEW, "pride_and_prejudice.txt", "moby-dick.txt", "war_and_peace.txt")
SAMPLE = 50

# (query, mode, whole words only): the searches whose hits are checked on every
# text; the fuzzy ones only on the shorter texts (see FUZZY_ON).
QUERIES: tuple[tuple[str, str, bool], ...] = (
    ("Pierre", "folded", False),
    ("Elizabeth", "folded", False),
    ("Ahab", "folded", False),
    ("said he", "folded", False),
    ("vérité", "folded", False),
    ("don't", "folded", True),
    ("the", "folded", True),
    ("Mr.", "exact", False),
    ("in", "exact", True),
    (r"\b[A-Z]\w+ed\b", "regex", False),
    ("destiny", "folded", False),
    ("this is are destiny", "fuzzy", False),
    ("my dear Mr. Bennet", "fuzzy", False),
)
FUZZY_ON = (REVIEW, "pride_and_prejudice.txt")
# The searches run whole (``search.run``: hits with their speakers) on each
# text: many hits, and a few (each costs the quotation analysis it needs).
WITH_SPEAKERS = {
    REVIEW: ("destiny", "the"),
    "pride_and_prejudice.txt": ("Elizabeth", "said he"),
    "moby-dick.txt": ("Ahab", "destiny"),
    "war_and_peace.txt": ("Pierre", "destiny", "Elizabeth"),
}


def read(name: str) -> str:
    """The text as aleppo reads it (line endings kept)."""
    if name == REVIEW:
        from aleppo_cli.text.sources import load

        return load(None).text
    with (BOOKS / name).open(encoding="utf-8", newline="") as handle:
        return handle.read()


def digest(items: Any, sample: bool = True) -> dict[str, Any]:
    """A list as its count, hash, and (with ``sample``) first and last items."""
    encoded = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    entry: dict[str, Any] = {
        "count": len(items),
        "sha256": hashlib.sha256(encoded.encode("utf-8")).hexdigest(),
    }
    if not sample:
        pass
    elif len(items) <= 2 * SAMPLE:
        entry["items"] = items
    else:
        entry["first"] = items[:SAMPLE]
        entry["last"] = items[-SAMPLE:]
    return entry


def sections(raw: str, name: str) -> dict[str, Any]:
    """Every checked result for one text, each a ``digest``."""
    from aleppo_cli.analysis import search, stats
    from aleppo_cli.analysis.quotes import quotations
    from aleppo_cli.output.plain import show_plain
    from aleppo_cli.text.document import build
    from aleppo_cli.text.sources import Source

    document = build(raw)
    source = Source(name, name, "file", "", name, raw)
    cleaned = document.clean
    result: dict[str, Any] = {}
    result["cleaned_text"] = {
        "length": len(cleaned.text),
        "sha256": hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest(),
    }
    result["edits"] = digest([[e.start, e.end, e.replacement, e.reason] for e in cleaned.edits])
    result["glued_edits"] = digest(
        [[e.start, e.end] for e in cleaned.edits if e.reason == "glued words"]
    )
    result["paragraphs"] = digest(
        [
            [p.number, p.start, p.end, p.clean_start, p.clean_end, p.heading, len(p.sentences)]
            for p in document.paragraphs
        ]
    )
    result["sentences"] = digest(
        [
            [s.number, s.paragraph, s.start, s.end, s.clean_start, s.clean_end]
            for s in document.sentences
        ]
    )
    result["sentence_texts"] = digest(
        [hashlib.sha256(s.text.encode("utf-8")).hexdigest()[:12] for s in document.sentences],
        sample=False,
    )
    folded = search.Folded(cleaned.text)
    result["folded"] = {
        "length": len(folded.text),
        "sha256": hashlib.sha256(folded.text.encode("utf-8")).hexdigest(),
        "positions_sha256": hashlib.sha256(
            array("q", list(folded.positions)).tobytes()
        ).hexdigest(),
    }
    # the counts (how the repairs were decided, added later, is not golden data)
    repairs = ("repair", "ad_markers", "glued_words")
    result["info"] = {k: v for k, v in vars(stats.compute(document)).items() if k not in repairs}
    # added after the rest, from the code before the work on speed (checked equal)
    result["show_plain"] = {
        f"width {width}{' numbers' if numbers else ''}": hashlib.sha256(
            show_plain(source, document, width, numbers).encode("utf-8")
        ).hexdigest()
        for width in (80, 33)
        for numbers in (False, True)
    }
    searcher = search.Searcher(document)
    result["search"] = {}
    for query, mode, word in QUERIES:
        if mode == "fuzzy" and name not in FUZZY_ON:
            continue
        found = searcher.search(search.Query(query, search.Mode(mode), word))
        key = f"{mode}{' word' if word else ''}: {query}"
        result["search"][key] = digest([_hit(hit) for hit in found])
    result["search_with_speakers"] = {}
    for query in WITH_SPEAKERS[name]:
        word = query == "the"
        ran = search.run(document, search.Query(query, search.Mode.FOLDED, word))
        hits = [[*_hit(hit), speaker] for hit, speaker in zip(ran.hits, ran.speakers, strict=True)]
        result["search_with_speakers"][query] = digest(hits)
    found_quotes = quotations.find(document)
    result["quotations"] = digest(
        [
            [
                q.kind,
                q.speaker,
                q.paragraph,
                q.sentence,
                [[p.start, p.end, p.clean_start, p.clean_end] for p in q.parts],
            ]
            for q in found_quotes
        ]
    )
    return result


def _hit(hit: Any) -> list[Any]:
    through = hit.through.number if hit.through else 0
    return [
        hit.start,
        hit.end,
        hit.clean_start,
        hit.clean_end,
        hit.sentence.number,
        through,
        hit.score,
    ]


def _dumps(value: Any, indent: str = "") -> str:
    """JSON with objects indented and each item of a list on a line of its own."""
    inner = indent + " "
    if isinstance(value, dict) and value:
        body = ",\n".join(
            f"{inner}{json.dumps(key, ensure_ascii=False)}: {_dumps(item, inner)}"
            for key, item in value.items()
        )
        return "{\n" + body + "\n" + indent + "}"
    if isinstance(value, list) and value and isinstance(value[0], list):
        body = ",\n".join(inner + json.dumps(item, ensure_ascii=False) for item in value)
        return "[\n" + body + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def main() -> None:
    golden: dict[str, Any] = {}
    for name in TEXTS:
        if name != REVIEW and not (BOOKS / name).exists():
            sys.exit(f"{BOOKS / name} not found: the golden data needs every book")
        golden[name] = sections(read(name), name)
        print(f"{name}: done", file=sys.stderr)
    GOLDEN.write_text(_dumps(golden) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
