"""Regenerate the README's picture of `aleppo show`.

    python .ci/screenshot.py          # writes .ci/aleppo-show.svg

It renders exactly what `aleppo show` prints on an 88-column colour terminal
(the same renderable, from the same code) and lets rich export it as SVG.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from aleppo_cli.output import styled as pretty
from aleppo_cli.text import sources
from aleppo_cli.text.document import build

OUT = Path(__file__).resolve().parent / "aleppo-show.svg"
WIDTH = 88


def main() -> None:
    source = sources.load(None)
    renderable = pretty.show(source, build(source.text), WIDTH, numbers=False)
    console = Console(
        file=io.StringIO(),
        width=WIDTH,
        record=True,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(renderable)
    OUT.write_text(console.export_svg(title="aleppo show"), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
