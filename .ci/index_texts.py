"""Write the ready-made files of every bundled text: texts/NAME.index.json (its
clean-up and layout, aleppo_cli/text/prebuilt.py) and texts/NAME.quotes.json
(its quotations, aleppo_cli/analysis/quotes/ready.py); and first, in a fresh
interpreter, aleppo_cli/analysis/patterns.bin (.ci/compile_patterns.py).

python .ci/index_texts.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aleppo_cli.analysis.quotes import quotations, ready
from aleppo_cli.text import prebuilt as index

TEXTS = Path(__file__).resolve().parents[1] / "texts"


def main() -> None:
    compile_patterns = Path(__file__).with_name("compile_patterns.py")
    subprocess.run([sys.executable, str(compile_patterns)], check=True)
    for path in sorted(TEXTS.glob("*.txt")):
        raw = path.read_bytes().decode("utf-8")
        made = index.make(raw)
        target = path.with_suffix(".index.json")
        target.write_text(index.dumps(made), encoding="utf-8")
        print(f"wrote {target.name}")
        document = index.document(raw, made)
        assert document is not None, "an index just made must serve its text"
        target = path.with_suffix(ready.SUFFIX)
        found = quotations.find(document)
        target.write_text(index.dumps(ready.make(raw, found)), encoding="utf-8")
        print(f"wrote {target.name}")


if __name__ == "__main__":
    main()
