"""Write aleppo_cli/analysis/patterns.bin: the quotation stages' and the
search's regular expressions as Python's compiler makes them, for this
interpreter (aleppo_cli/analysis/patterns.py says why).

python .ci/compile_patterns.py           (also run by .ci/index_texts.py)
python .ci/compile_patterns.py --check   (exit status 1 if the file lacks any)

Run it in a fresh interpreter: it records the patterns that importing the
stages and the search modules compiles, and that finding the bundled review's
quotations compiles, beyond those building a document has compiled already.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from aleppo_cli.analysis import patterns

REVIEW = Path(__file__).resolve().parents[1] / "texts" / "last-men-in-aleppo.txt"


def recorded() -> set[tuple[str, int]]:
    """The (pattern, flags) the stages compile, in this process."""
    patterns._loaded = True  # record what compiling makes, not the file
    from aleppo_cli.text.document import build

    document = build(REVIEW.read_text(encoding="utf-8"), repair=True)
    before = set(re._cache)  # type: ignore[attr-defined]
    from aleppo_cli.analysis import search, search_beyond, search_speakers
    from aleppo_cli.analysis.quotes import quotations

    quotations.find(document)
    search_speakers.speakers(document, [0])
    del search, search_beyond
    return {
        (key[1], key[2])
        for key in set(re._cache) - before  # type: ignore[attr-defined]
        if key[0] is str
    }


def main() -> None:
    keys = recorded()
    if sys.argv[1:] == ["--check"]:
        stored = {(entry[0], entry[1]) for entry in patterns.entries() or []}
        missing = sorted(keys - stored)
        for pattern, flags in missing:
            print(f"not in {patterns.FILE.name}: {pattern[:70]!r} (flags {flags})")
        sys.exit(1 if missing else 0)
    patterns.FILE.write_bytes(patterns.make(keys))
    print(f"wrote {patterns.FILE.name}: {len(keys)} patterns")


if __name__ == "__main__":
    main()
