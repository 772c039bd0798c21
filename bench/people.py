"""The people index scored against PDNC's character lists.

    python bench/people.py [--corpus DIR] [--only NOVEL] [--show] [--recall] [--anaphoric]

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
  at all; ``right``: the right one, unknown counted wrong);
- **unlisted**: the share of our speech quotations given to a named person
  (not a description such as "the Hatter") none of whose names is an alias
  of any character: mostly junk persons ("Fifth Avenue", "the French"),
  some minor characters the list lacks (``--show`` lists them, ``junk``).

Characters are weighted by their quotations (``--show`` lists the wrong ones).
Nothing here is trained on; it reads the shipped rules only.

``--recall`` instead classifies, per novel, the quotations the speaker
ranker decides (those a gold quotation matches) whose gold speaker is not
among the ranker's candidates (``bench/train_speakers.py``'s records): the
speaker is no person of the index (a description such as "the Hatter", or a
name), the narrator, a person the quotation itself names, named only more
than ``ranker.MENTION_REACH`` characters back (or never before), named
within it but behind six nearer people, or a candidate that holds the
speaker but also another character's name (a merge, or the gold list's).

``--anaphoric`` instead counts, per novel, the wrong anaphoric quotations
("she said") by the people-index fault behind them (first that applies, in
``ANAPHORIC_CLASSES``' order): not detected or no speaker; the gold speaker
no person of the index; the speaker chosen is one of the gold character's
persons (split) or the gold character is split over several persons; the
gold speaker's person has no gender or the wrong one; the person chosen is
junk (a named person none of whose names is a character's), a description,
or another character whose person has the wrong gender; else another
character (the ranker's or the rules' choice, no fault of the index).
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aleppo_cli.analysis.quotes import quotations  # noqa: E402
from aleppo_cli.text import prebuilt, sources  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
import quotes as quotes_scoring  # noqa: E402
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
    aliases = set(owners)
    speaking: Counter[tuple[str, tuple[str, ...]]] = Counter(
        (q.person.name, q.person.names)
        for q in quotations.find(document)
        if q.kind == quotations.SPEECH and q.person is not None
    )
    unlisted = 0
    for (name, also), count in speaking.most_common():
        if name[:1].islower() or name == quotes_scoring.NARRATOR:
            continue  # a description, or the narrator
        if not any(key(form) in aliases for form in (name, *also)):
            unlisted += count
            if show:
                print(f"  junk?     {name!r} ({count})")
    return {
        "unlisted": unlisted / (sum(speaking.values()) or 1),
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


RECALL_CLASSES = (
    "description",
    "no such name",
    "narrator",
    "named in it",
    "never before",
    "far",
    "behind six",
    "merged",
    "other",
)


def recall(folder: Path, show: int = 0) -> tuple[int, Counter[str]]:
    """The ranked quotations a gold one matches, and why the gold speaker
    is missing from the candidates of those it is missing from."""
    import train_speakers

    from aleppo_cli.analysis.quotes import ranker

    prepared = train_speakers.prepare(folder)
    novel = train_speakers.extract(prepared)
    cast_names = quotes_scoring.characters(folder)
    gold = quotes_scoring.gold_quotations(folder)
    realised = train_speakers.realise(novel, novel.rules)
    gold_to_found, _, _ = quotes_scoring.match(realised, gold)
    found_to_gold: dict[int, int] = {}
    for gold_index, quote_index in gold_to_found.items():
        found_to_gold.setdefault(quote_index, gold_index)
    cast = prepared.cast
    text = prepared.document.clean.text
    by_key: defaultdict[str, set[str]] = defaultdict(set)
    for form, group in cast.groups.items():
        by_key[key(form)].add(group.canonical)
    classes: Counter[str] = Counter()
    matched = 0
    shown = 0
    for record, labels, at, hit in zip(
        novel.records, novel.labels, novel.at, novel.matched, strict=True
    ):
        if not hit:
            continue
        matched += 1
        if any(labels):
            continue
        row = gold[found_to_gold[at]]
        speaker = row["speaker"]  # found as bench/quotes.py's scorer finds it
        names = cast_names.get(speaker) or next(
            (n for n in cast_names.values() if key(speaker) in n), {key(speaker)}
        )
        ours = {c for name in names for c in by_key.get(name, ())}
        stretch = prepared.quotes[at].stretch
        offered = {c.name for c in record}
        if quotes_scoring.NARRATOR in names:
            why = "narrator"
        elif not ours:
            main = row["speaker"]
            why = "description" if main[:1].islower() or main.startswith("The ") else "no such name"
        elif ours & offered:
            why = "merged"
        elif ours & cast.named_in(text, stretch.spans):
            why = "named in it"
        else:
            before = [
                p
                for p, n in zip(cast.positions, cast.names, strict=True)
                if n in ours and p < stretch.start
            ]
            if not before:
                why = "never before"
            elif stretch.start - before[-1] > ranker.MENTION_REACH:
                why = "far"
            else:
                why = "behind six"
        classes[why] += 1
        if shown < show:
            shown += 1
            line = text[max(0, stretch.start - 80) : stretch.end + 60].replace("\n", " ")
            print(
                f"  {why:12} gold {row['speaker']!r} ours {sorted(ours)[:3]} "
                f"offered {sorted(offered)[:6]}\n      {line}"
            )
    return matched, classes


ANAPHORIC_CLASSES = (
    "undetected",
    "no speaker",
    "gold no person",
    "chose gold's other half",
    "gold split",
    "gold no gender",
    "gold wrong gender",
    "chose junk",
    "chose description",
    "chose wrong-gender person",
    "other character",
)


def anaphoric(folder: Path, show: int = 0) -> tuple[int, int, Counter[str]]:
    """The anaphoric gold quotations, how many we give the right speaker, and
    the wrong ones by the people-index fault behind them."""
    document = prebuilt.document_for(sources.load(str(folder / "novel_text.txt")))
    found = quotations.find(document)
    _, people = quotations.quotes_and_people(document)
    by_key: defaultdict[str, set[str]] = defaultdict(set)
    for form, group in people.groups.items():
        by_key[key(form)].add(group.canonical)
    mentions: Counter[str] = Counter(people.names)
    characters = cast(folder)
    genders = {main: gender for main, _, gender in characters}
    names_of = {main: names for main, names, _ in characters}
    aliases = {name for _, names, _ in characters for name in names}
    owner: dict[str, str] = {}
    for main, names, _ in characters:
        for name in names:
            owner.setdefault(name, main)
    gold = quotes_scoring.gold_quotations(folder)
    cast_names = quotes_scoring.characters(folder)
    gold_to_found, _, _ = quotes_scoring.match(found, gold)
    classes: Counter[str] = Counter()
    total = right = shown = 0
    for gold_index, row in enumerate(gold):
        if row["quoteType"] != "Anaphoric":
            continue
        total += 1
        at = gold_to_found.get(gold_index)
        quote = found[at] if at is not None else None
        if (
            quote is not None
            and quote.speaker
            and quotes_scoring.right_person(quote, row["speaker"], cast_names)
        ):
            right += 1
            continue
        main = row["speaker"]
        names = names_of.get(main) or {key(main)}
        ours = {c for name in names for c in by_key.get(name, ())}
        ours_main = max(ours, key=lambda c: (mentions[c], c)) if ours else None
        chosen = quote.person if quote is not None else None
        chosen_keys = {key(n) for n in chosen.names} | {key(chosen.name)} if chosen else set()
        chosen_owner = next((owner[k] for k in chosen_keys if k in owner), None)
        gender = genders.get(main, "")
        ours_gender = people.gender.get(ours_main) if ours_main else None
        if quote is None:
            why = "undetected"
        elif not quote.speaker or chosen is None:
            why = "no speaker"
        elif not ours:
            why = "gold no person"
        elif chosen_keys & names:
            why = "chose gold's other half"
        elif len(ours) > 1:
            why = "gold split"
        elif gender in ("M", "F") and ours_gender is None:
            why = "gold no gender"
        elif gender in ("M", "F") and ours_gender.value != gender:  # type: ignore[union-attr]
            why = "gold wrong gender"
        elif chosen.name[:1].islower():
            why = "chose description"
        elif chosen.name != quotes_scoring.NARRATOR and not chosen_keys & aliases:
            why = "chose junk"
        elif (
            chosen_owner is not None
            and genders.get(chosen_owner) in ("M", "F")
            and (chosen.gender is None or chosen.gender.value != genders[chosen_owner])
        ):
            why = "chose wrong-gender person"
        else:
            why = "other character"
        classes[why] += 1
        if shown < show:
            shown += 1
            print(
                f"  {why:24} gold {main!r} ({gender}, ours {sorted(ours)[:3]} "
                f"{ours_gender.value if ours_gender else None}) got "
                f"{chosen.name if chosen else None!r} "
                f"({chosen.gender.value if chosen and chosen.gender else None}): "
                f"{row['referringExpression']!r}"
            )
    return total, right, classes


def _class_table(
    folders: Sequence[Path],
    heading: str,
    share: str,
    classes: Sequence[str],
    row: Callable[[Path], tuple[int, int, Counter[str]]],
) -> int:
    """One line a novel and one for all: how many, the share right, and the
    count of each class; ``row`` gives a novel's (total, right, classes)."""
    print(
        f"| novel | {heading} | {share} | "
        + " | ".join(classes)
        + " |\n|"
        + " --- |" * (len(classes) + 3)
    )
    totals: Counter[str] = Counter()
    all_total = all_right = 0
    for folder in folders:
        total, right, counts = row(folder)
        all_total += total
        all_right += right
        totals.update(counts)
        print(
            f"| {folder.name} | {total} | {right / max(1, total):.3f} | "
            + " | ".join(str(counts[c]) for c in classes)
            + " |",
            flush=True,
        )
    print(
        f"| **all** | {all_total} | **{all_right / max(1, all_total):.3f}** | "
        + " | ".join(str(totals[c]) for c in classes)
        + " |"
    )
    return 0


def _anaphoric_table(folders: Sequence[Path], examples: int) -> int:
    return _class_table(
        folders, "anaphoric", "right", ANAPHORIC_CLASSES, lambda folder: anaphoric(folder, examples)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--only")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--recall", action="store_true", help="why speakers are no candidates")
    parser.add_argument("--anaphoric", action="store_true", help="wrong anaphoric, by fault")
    parser.add_argument(
        "--examples", type=int, default=0, help="with --recall or --anaphoric: print N"
    )
    args = parser.parse_args(argv)
    pdnc = args.corpus / "pdnc"
    if not pdnc.is_dir():
        print(f"no PDNC novels in {pdnc}", file=sys.stderr)
        return 2
    folders = sorted(p for p in pdnc.iterdir() if (p / "novel_text.txt").is_file())
    if args.only:
        folders = [f for f in folders if f.name == args.only]
    if args.recall:
        return _recall_table(folders, args.examples)
    if args.anaphoric:
        return _anaphoric_table(folders, args.examples)
    columns = ("held", "split", "merged", "known", "gender", "unlisted")
    print("| novel | " + " | ".join(columns) + " |\n|" + " --- |" * (len(columns) + 1))
    rows = []
    for folder in folders:
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


def _recall_table(folders: Sequence[Path], examples: int) -> int:
    def row(folder: Path) -> tuple[int, int, Counter[str]]:
        matched, classes = recall(folder, examples)
        return matched, matched - sum(classes.values()), classes

    return _class_table(folders, "ranked, matched", "recall", RECALL_CLASSES, row)


if __name__ == "__main__":
    sys.exit(main())
