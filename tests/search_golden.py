"""Golden data of ``aleppo search`` on the three books: every hit's offsets and
who said it, for names and phrases that lie in quotations and outside them.
Written from the code before search labelled speakers from parts of a book
instead of the whole book's quotation analysis; ``tests/test_search_golden.py``
compares the live search with it.

    python -m tests.search_golden            # rewrites tests/data/search_golden.json
    python -m tests.search_golden FILE.json  # writes every hit in full (for measuring)

Each query's hits (offsets) and their speakers are stored apart, each as
``pipeline_golden.digest`` stores a list (count, SHA-256, first and last
items). The file in the repository was written from the full data the code
before that change gave (``python -m tests.search_golden FILE.json``, then
``digests``). Rewrite it
only for a change meant to alter results (for example new speaker rules).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tests.pipeline_golden import _dumps, digest, read

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "data" / "search_golden.json"
# Names spoken of in and out of dialogue, a speech verb, and rarer words.
QUERIES = {
    "pride_and_prejudice.txt": (
        "Elizabeth",
        "Darcy",
        "Jane",
        "Lydia",
        "Pemberley",
        "my dear",
        "said she",
    ),
    "moby-dick.txt": ("Ahab", "Starbuck", "Stubb", "Queequeg", "aye", "said he"),
    "war_and_peace.txt": (
        "Pierre",
        "Natasha",
        "Prince Andrew",
        "Napoleon",
        "Kutuzov",
        "Tarutino",
        "Moscow",
        "said he",
        "my dear",
    ),
}


def hits(name: str) -> dict[str, list[list[Any]]]:
    """Each query's hits on one book: [start, end, clean_start, clean_end, speaker]."""
    from aleppo_cli.analysis import search
    from aleppo_cli.text.document import build

    document = build(read(name))
    found = {}
    for query in QUERIES[name]:
        ran = search.run(document, search.Query(query))
        found[query] = [
            [hit.start, hit.end, hit.clean_start, hit.clean_end, speaker]
            for hit, speaker in zip(ran.hits, ran.speakers, strict=True)
        ]
    return found


def main() -> None:
    full = {name: hits(name) for name in QUERIES}
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(full, ensure_ascii=False), "utf-8")
        return
    GOLDEN.write_text(_dumps(digests(full)) + "\n", "utf-8")


def digests(full: dict[str, dict[str, list[list[Any]]]]) -> dict[str, Any]:
    """Each query's hits (offsets) and their speakers, stored apart."""
    return {
        name: {
            query: {
                "hits": digest([hit[:4] for hit in found]),
                "speakers": digest([hit[4] for hit in found]),
            }
            for query, found in queries.items()
        }
        for name, queries in full.items()
    }


if __name__ == "__main__":
    main()
