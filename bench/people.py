"""The people index scored against PDNC's character lists.

    python bench/people.py [--corpus DIR] [--only NOVEL] [--show]

For each of the 13 novels of ``DIR/pdnc`` (default ``../shared/corpus``),
the people index of ``aleppo``'s quotation stages (``people.index``) is
compared with ``character_info.csv``: each character's aliases are looked up
among the index's forms (case, dots and a leading article ignored), and

- **split**: characters with speech whose aliases the index spreads over
  two persons or more (Mr. Darcy and Darcy apart);
- **merged**: persons of the index holding aliases of two characters or
  more (Mr. Darcy with Miss Darcy), not counting a name that PDNC lists as
  a character of its own while the text uses it for another (the bare
  surname "Norris" beside "Mrs. Norris": ``quirk``);
- **gender**: of the characters with speech and a gender (M or F) that the
  index holds, the share whose person has that gender (``known``: a gender
  at all; ``right``: the right one, unknown counted wrong).

Characters are weighted by their quotations (``--show`` lists the wrong ones).
Nothing here is trained on; it reads the shipped rules only.
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aleppo_cli.analysis.quotes import quotations  # noqa: E402
from aleppo_cli.text import prebuilt, sources  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
from quotes import key  # noqa: E402

DEFAULT = REPO.parent / "shared" / "corpus"


def cast(folder: Path) -> list[tuple[str, set[str], str]]:
    """(main name, aliases by key, gender) of every character."""
    rows = []
    with (folder / "character_info.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = row["Aliases"].strip()
            aliases = set(ast.literal_eval(text)) if text else set()
            names = {key(a) for a in aliases if a != "_narr"} | {key(row["Main Name"])}
            rows.append((row["Main Name"], names, row["Gender"].strip()))
    return rows


def spoken(folder: Path) -> Counter[str]:
    with (folder / "quotation_info.csv").open(encoding="utf-8") as handle:
        return Counter(row["speaker"] for row in csv.DictReader(handle))


def score(folder: Path, show: bool = False) -> dict[str, float]:
    document = prebuilt.document_for(sources.load(str(folder / "novel_text.txt")))
    _, people = quotations.quotes_and_people(document)
    by_key: defaultdict[str, set[str]] = defaultdict(set)  # form's key -> canonical names
    mentions: Counter[str] = Counter(people.names)
    for form, group in people.groups.items():
        by_key[key(form)].add(group.canonical)
    characters = cast(folder)
    said = spoken(folder)
    owners: defaultdict[str, set[str]] = defaultdict(set)  # alias key -> characters
    for main, names, _ in characters:
        for name in names:
            owners[name].add(main)
    weights = Counter[str]()
    split = merged = gender_known = gender_right = gender_total = held = 0
    for main, names, gender in characters:
        weight = said.get(main, 0)
        if not weight:
            continue
        weights["speech"] += weight
        ours = {c for name in names for c in by_key.get(name, ())}
        if not ours:
            if show:
                print(f"  missing   {main!r} ({weight}): {sorted(names)}")
            continue
        held += weight
        if len(ours) > 1:
            split += weight
            if show:
                print(f"  split     {main!r} ({weight}): {sorted(ours)}")
        # the person most mentioned holds the character
        person = max(ours, key=lambda c: (mentions[c], c))
        forms = {key(f) for f in people.groups[person].forms} if person in people.groups else set()
        others = {
            other
            for form in forms
            for other in owners.get(form, ())
            if other != main and not _quirk(form, other, characters)
        }
        if others:
            merged += weight
            if show:
                print(f"  merged    {main!r} ({weight}) with {sorted(others)} as {person!r}")
        if gender in ("M", "F"):
            gender_total += weight
            ours_gender = people.gender.get(person)
            if ours_gender is not None:
                gender_known += weight
                if ours_gender.value == gender:
                    gender_right += weight
                elif show:
                    print(f"  gender    {main!r} ({weight}) is {gender}, got {ours_gender.value}")
            elif show:
                print(f"  no gender {main!r} ({weight}) ({gender}) as {person!r}")
    total = weights["speech"] or 1
    return {
        "held": held / total,
        "split": split / total,
        "merged": merged / total,
        "known": gender_known / (gender_total or 1),
        "gender": gender_right / (gender_total or 1),
    }


def _quirk(form: str, other: str, characters: Sequence[tuple[str, set[str], str]]) -> bool:
    """Whether ``other`` is a character PDNC made of a bare name alone ("Norris",
    gender X, its only alias the name itself): the list's quirk, not a merge."""
    for main, names, gender in characters:
        if main == other:
            return names == {form} and gender not in ("M", "F") and " " not in form
    return False


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--only")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    pdnc = args.corpus / "pdnc"
    if not pdnc.is_dir():
        print(f"no PDNC novels in {pdnc}", file=sys.stderr)
        return 2
    columns = ("held", "split", "merged", "known", "gender")
    print("| novel | " + " | ".join(columns) + " |\n|" + " --- |" * (len(columns) + 1))
    rows = []
    for folder in sorted(p for p in pdnc.iterdir() if (p / "novel_text.txt").is_file()):
        if args.only and folder.name != args.only:
            continue
        row = score(folder, args.show)
        rows.append(row)
        print(f"| {folder.name} | " + " | ".join(f"{row[c]:.3f}" for c in columns) + " |")
    if len(rows) > 1:
        print(
            f"| **mean of {len(rows)}** | "
            + " | ".join(f"**{sum(r[c] for r in rows) / len(rows):.3f}**" for c in columns)
            + " |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
