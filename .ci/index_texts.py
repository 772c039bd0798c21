"""Write texts/NAME.index.json for every bundled text (see aleppo_cli/text/prebuilt.py).

python .ci/index_texts.py
"""

from __future__ import annotations

from pathlib import Path

from aleppo_cli.text import prebuilt as index

TEXTS = Path(__file__).resolve().parents[1] / "texts"


def main() -> None:
    for path in sorted(TEXTS.glob("*.txt")):
        raw = path.read_bytes().decode("utf-8")
        target = path.with_suffix(".index.json")
        target.write_text(index.dumps(index.make(raw)), encoding="utf-8")
        print(f"wrote {target.name}")


if __name__ == "__main__":
    main()
