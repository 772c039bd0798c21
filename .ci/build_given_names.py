"""Write aleppo_cli/data/given_names.txt: given names that are one gender's.

    python .ci/build_given_names.py DIR

DIR holds the 1990 United States Census's lists of first names,
``dist.male.first`` and ``dist.female.first`` (public domain; shipped, for
instance, in the ``names`` package's source on PyPI:
``pip download --no-deps --no-binary :all: names==0.3.0``). Each line there
is a name and the share of men (or women) who bear it, in per cent. A name
is written here (men's on one line, women's on the next) for the gender
that bears it at least ``RATIO`` times as often as the other; names borne
by both alike are left out. The product
reads only the file this writes (``people.given_name_gender``).
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10.0
OUT = Path(__file__).resolve().parent.parent / "aleppo_cli" / "data" / "given_names.txt"


def shares(path: Path) -> dict[str, float]:
    table: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            table[fields[0].capitalize()] = float(fields[1])
    return table


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    male, female = shares(folder / "dist.male.first"), shares(folder / "dist.female.first")
    men, women = [], []
    for name in sorted(male.keys() | female.keys()):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f:
            men.append(name)
        elif f >= RATIO * m:
            women.append(name)
    # one line a gender: read in a millisecond (one split, one dict)
    OUT.write_text(
        "# given names borne by one gender at least ten times as often as by the other\n"
        "# (1990 US Census, public domain; .ci/build_given_names.py): men's, then women's\n"
        + " ".join(men)
        + "\n"
        + " ".join(women)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({len(men)} + {len(women)} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
