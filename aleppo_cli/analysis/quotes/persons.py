"""One person per individual: the forms of a name a text uses, grouped.

"Mr. Darcy", "Darcy" and "Fitzwilliam Darcy" are one person; "Miss Darcy"
and "Mrs. Darcy" are others. The rules, in order:

1. Full names (two words or more besides a title) with the same first and
   last word are one person, unless their titles give different genders
   ("Mr. Henry Lark", "Mrs. Henry Lark"); an untitled one joins the titled
   one when there is one and the pronouns after it do not say otherwise.
2. A title and one word ("Mr. Lark", "Lady Nora") joins the one full name
   whose last word it is and whose gender (from its title or its pronouns)
   is the title's, or the one whose first word it is ("Lady Nora") if the
   gender does not differ; where several of a family are named, only a
   man's full name with that very title ("Mr. Ivo Lark" for "Mr. Lark": a
   "Miss Lark" is the eldest daughter, whichever she is). One full name
   takes one such title at most, so "Mr. Lark" and "Mrs. Lark" never meet;
   nor does "Miss Lark" meet "Nora Lark" when the text calls her "Miss Nora",
   as English calls a younger sister, "Miss Lark" being the eldest, where it
   names sisters ("the Miss Larks") or another Lark woman in full; nor
   does "Mr. Lark" meet an "Ivo Lark" the text calls "Ivo" alone more often
   than "Mr. Lark" (the son; "Mr. Lark" is his father), unless the family's
   elder goes by a man's rank ("General Lark": "Mr. Lark" is then a son). "Miss Lark" joins
   the one woman named in full as a Lark, if the text names only one so; a
   "Miss Lark" never joins a "Mrs. Nora Lark" (nor "Mr." a "Master");
   "Madame Lark" and "Countess Lark" (titles of rank, which tell nothing of
   marriage) both join the one woman named in full as a Lark where no Mrs.
   or Miss Lark is named and no "Lady Nora" (a daughter's style); of
   several full names, "Sir Ivo" joins the one written "Sir Ivo Lark".
   Otherwise it is a person of its own ("Mr Lark" and "Mr. Lark" one).
3. A word alone ("Lark", "Nora") joins the one person whose last or first
   word it is and whose gender fits the pronouns that follow it; of several
   (the Larks), a surname alone joins the one man among them, as English
   writes a woman's name with a title or her given name (of two men, the
   one named over three times as often as the other, if the text writes his
   surname with his name a third as often as the other's at least: a
   younger son's given name alone says nothing of the family's name); else
   it stays apart.
   A first word is taken for a given name by how often the forms it starts
   are named, not the people's other forms ("Fitzwilliam" is not "Mr.
   Fitzwilliam Darcy" for all the "Darcy"s).
   A word that ends some names and starts others is read as a given name
   when the names it starts are used three times as often.
4. A pet form ("Lizzy", "Bill") joins the one person whose full name it
   starts ("Tom" of "Tom Lark"), or that it names with a given name's title
   ("Miss Nancy"), else the person its given name ("Elizabeth", "William")
   joined, by the same test.

A person is called by its fullest form: the most words besides a title,
then a title, then the most mentions. A person no title gives a gender has
the gender the pronouns after all its forms give together (and, before the
words alone are placed, after its given name alone too).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from aleppo_cli.analysis.quotes.model import Gender

# English pet forms of given names: one a line, the pet forms, then the name.
_PET_FORMS = """
lizzy lizzie liz eliza beth betsy betty bess bessie libby elsie: elizabeth
bill billy will willy willie: william
bob bobby rob robbie: robert
dick rick ricky: richard
tom tommy: thomas
jim jimmy jamie: james
jack johnny: john
ned ted teddy: edward
harry hal: henry
charlie chas: charles
fred freddy freddie: frederick
kit: christopher
nick: nicholas
tony: anthony
sam sammy: samuel
ben: benjamin
dan danny: daniel
joe: joseph
mike: michael
nat: nathaniel
pete: peter
steve: stephen
wat: walter
kate kitty katie kathy: catherine
peggy meg maggie: margaret
polly molly: mary
sally: sarah
nancy annie: anne
fanny: frances
jenny jennie: jane
nelly nell: eleanor
dolly: dorothy
patty: martha
sukey sue susie: susan
lucy: lucia
bella: isabella
tilly: matilda
emmy: emily
"""


def _pet_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _PET_FORMS.strip().splitlines():
        pets, name = line.split(":")
        for pet in pets.split():
            table[pet] = name.strip()
    return table


PET_FORMS = _pet_table()
# A word alone is a given name rather than a surname when the people it starts
# are named this many times more often than those it ends.
MORE_OFTEN = 3
# Titles that go with a given name: "Lady Nora", "Sir Ivo", "Miss Nora".
GIVEN_NAME_TITLES = frozenset("Lady Lord Sir Miss Master Prince Princess Aunt Uncle".split())
# Titles that tell whether one is married or grown: a "Miss Lark" is no "Mrs. Nora Lark".
_STATES = frozenset("Mr Mrs Miss Master".split())
# A woman's titles of rank or courtesy, which tell nothing of whether she is
# married: "Madame Lark" and "Countess Lark" may be the one "Nora Lark".
_RANK_WOMEN = frozenset("Madame Mme Countess Lady Princess Duchess Baroness".split())
# A man's titles of rank an elder of a family goes by ("General Lark", "Sir Ivo
# Lark"): a "Mr. Lark" beside him is a son.
_ELDERS = frozenset("General Sir Lord Admiral Colonel Earl Duke Baron".split())
# Titles of rank: a person named with one is not called by a pet form.
RANKS = frozenset(
    "Lady Lord Sir Prince Princess Count Countess Colonel Captain General Professor Dr Dr.".split()
)


class Group(NamedTuple):
    """A person: the forms of its name and how often each is used."""

    canonical: str
    forms: tuple[str, ...]  # most used first
    gender: Gender | None


class _Person:
    def __init__(self) -> None:
        self.forms: Counter[str] = Counter()
        # titles taken with the surname alone: "Mr." of "Mr. Lark" (not "Aunt" of "Aunt Nora")
        self.titles: set[str] = set()
        self.gender: Gender | None = None
        self.first: str | None = None
        self.last: str | None = None
        self.titled = False  # the gender is a title's ("Mr."), not the pronouns'
        self.own: Gender | None = None  # the gender the pronouns after the full forms give

    def fits(self, gender: Gender | None) -> bool:
        return gender is None or self.gender is None or self.gender == gender


def group(
    counts: Mapping[str, int],
    is_title: Callable[[str], bool],
    title_gender: Callable[[str], Gender | None],
    pronoun_gender: Callable[[str], Gender | None],
    particles: AbstractSet[str] = frozenset(),
    summed: Callable[[Iterable[str]], Gender | None] | None = None,
    married: Mapping[str, str] | None = None,
    sisters: AbstractSet[str] = frozenset(),
) -> dict[str, Group]:
    """Every form in ``counts`` -> its person. ``is_title`` tells a title ("Mr.",
    "Lady"); ``title_gender`` the gender a form's title gives; ``pronoun_gender``
    the gender the pronouns after a form give; ``summed``, if given, the gender
    the pronouns after all of a person's forms give together, which settles
    the gender of a person no title names ("Edmund" and "Edmund Lark" are one
    man whatever one "she" after the full name says). ``married`` maps a
    woman's married full name to her maiden one ("Nora Vance" -> "Nora
    Lark"), which the caller has tied: the two are one person."""
    people: list[_Person] = []
    of: dict[str, _Person] = {}

    known: dict[str, tuple[str | None, list[str]]] = {}

    def parts(form: str) -> tuple[str | None, list[str]]:
        """The title and the words of a name, a particle joined to the word
        after it: "Mr. van der Lark" -> "Mr", ["van der Lark"] (each form's
        read once: the steps below ask for most several times; none changes them)."""
        found = known.get(form)
        if found is None:
            found = known[form] = _parts(form)
        return found

    def _parts(form: str) -> tuple[str | None, list[str]]:
        words: list[str] = []
        glue = ""
        for word in form.split():
            if word in particles:
                glue += word + " "
            else:
                words.append(glue + word)
                glue = ""
        if len(words) > 1 and is_title(words[0]):
            return words[0].rstrip("."), words[1:]
        return None, words

    def add(person: _Person, form: str) -> None:
        person.forms[form] = counts[form]
        of[form] = person

    # 1. full names
    full: defaultdict[tuple[str, str], list[_Person]] = defaultdict(list)
    ordered = sorted(counts, key=lambda f: (-len(f.split()), -counts[f], f))
    for form in ordered:
        title, words = parts(form)
        if len(words) < 2:
            continue
        gender = title_gender(form) if title else None
        key = (words[0], words[-1])
        if married and form in married:  # "Nora Vance" is the "Nora Lark" she was
            key = (words[0], married[form].split()[-1])
        match = [p for p in full[key] if p.gender == gender or (gender is None and p.gender)]
        told = pronoun_gender(form) if title is None else None
        if told is not None:  # "Newland Archer" is no "Mrs. Newland Archer" if "he" follows it
            match = [p for p in match if p.gender == told]
        if gender is None and len(match) > 1:
            match = []
        if married and form in married and gender is None:
            match = [p for p in full[key] if married[form] in p.forms][:1]
        if match:
            person = match[0]
        else:
            person = _Person()
            person.first, person.last, person.gender = words[0], words[-1], gender
            person.titled = gender is not None
            people.append(person)
            full[key].append(person)
        add(person, form)
    for person in people:
        if person.gender is None and summed is not None:
            # the pronouns after the given name alone count too where the
            # full forms tell nothing: "Nora" is mostly Nora Lark, named in
            # full too seldom to tell (but where they do tell, the given name
            # alone may be someone else's too, or seen through another's eyes)
            person.gender = summed([*person.forms, person.first or ""])
            person.own = summed(person.forms)
        if person.gender is None:
            person.gender = _pronouns(person, pronoun_gender)

    # 2. a title and one word; where several of a family are named ("Mr. Lark",
    # "Mrs. Lark", "Nora Lark"), a title joins only a full name with that title
    family: defaultdict[str, set[str]] = defaultdict(set)
    for form in counts:
        title, words = parts(form)
        if title is not None and len(words) == 1:
            family[words[0]].add(title)
    for (_, last), same in full.items():
        family[last].update(f"{id(p)}" for p in same)
    # given names titled "Miss Nora": that Nora is a younger sister, not "Miss Lark"
    younger = {parts(f)[1][0] for f in counts if parts(f)[0] == "Miss" and len(parts(f)[1]) == 1}
    # "Miss Lark" is the one woman the text names in full as a Lark, if one only;
    # a married one ("Mrs. Ivo Lark") is no Miss and does not count
    women: Counter[str] = Counter(
        last
        for (_, last), same in full.items()
        for p in same
        if Gender.FEMALE in (p.gender, p.own) and not any(parts(f)[0] == "Mrs" for f in p.forms)
    )
    # the families whose elder goes by a man's rank: "General Lark", "Sir Ivo Lark"
    elders = {parts(f)[1][-1] for f in counts if parts(f)[0] in _ELDERS}
    alone: dict[tuple[str, str], _Person] = {}  # "Mr. Lark" and "Mr Lark": one person
    full_index = _indexed(people)
    for form in ordered:
        title, words = parts(form)
        if title is None or len(words) != 1:
            continue
        word, gender = words[0], title_gender(form)
        if (title, word) in alone:
            add(alone[title, word], form)
            continue
        near = {id(p): p for p in (*full_index.last.get(word, ()), *full_index.first.get(word, ()))}
        candidates = [
            p
            for p in near.values()
            if p.first is not None
            and (
                # of the surname, the title's gender (or that of the pronouns
                # after the full name alone: "May Lark" is no man for the "he"
                # after a bare "May" seen through another's eyes)
                (word == p.last and gender in (p.gender, p.own))
                or (word == p.first and title in GIVEN_NAME_TITLES and p.fits(gender))
            )
            # one surname title a person ("Mr. Lark" is no "Mrs. Lark"), but
            # titles of rank go together ("Madame" and "Countess Lark"); a
            # given name's ("Aunt Nora") goes with any of the same gender
            and (
                word != p.last
                or not (p.titles - {title})
                or (title in _RANK_WOMEN and p.titles <= _RANK_WOMEN)
            )
            # (where she is the one woman of the family named in full, and
            # the text names no sisters, "Miss Lark" is she: "Miss Nora Lark")
            and not (
                title == "Miss"
                and word == p.last
                and p.first in younger
                and (women[word] > 1 or word in sisters)
            )
            # a "Miss Lark" is no "Mrs. Nora Lark", a "Mr. Lark" no "Master Ivo Lark"
            and (title not in _STATES or not any(parts(f)[0] in _STATES - {title} for f in p.forms))
            and (
                len(family[word]) <= 2
                or (gender is Gender.MALE and any(parts(f)[0] == title for f in p.forms))
                or (title == "Miss" and word == p.last and women[word] == 1)
                # "Madame Lark", "Countess Lark": the one woman named in full
                # as a Lark, where no Mrs. or Miss Lark is named and she is
                # no "Lady Nora" (a title with her given name: a daughter)
                or (
                    title in _RANK_WOMEN
                    and word == p.last
                    and women[word] == 1
                    and not family[word] & _STATES
                    and not any(f"{t} {p.first}" in counts for t in _RANK_WOMEN)
                )
            )
        ]
        if title != "Miss" and word not in elders:
            # "Mr. Lark" the father is not the "Ivo Lark" the text calls "Ivo"
            # more often (unless the family's elder goes by a rank: "General
            # Lark"; "Mr. Lark" is then a son)
            candidates = [
                p
                for p in candidates
                if not (word == p.last and p.first and counts.get(p.first, 0) > counts[form])
            ]
        by_last = [p for p in candidates if p.last == word]
        candidates = by_last or candidates
        if len(candidates) > 1:  # "Sir Ivo" of "Sir Ivo Lark", not of "Ivo Vance"
            candidates = [p for p in candidates if any(parts(f)[0] == title for f in p.forms)]
        if len(candidates) == 1:
            person = candidates[0]
            if gender is not None and not person.titled:
                person.gender, person.titled = gender, True
        else:
            person = _Person()
            person.last, person.gender, person.titled = word, gender, gender is not None
            people.append(person)
        if word == person.last:
            person.titles.add(title)
        alone[title, word] = person
        add(person, form)

    # 3. a word alone; 4. a pet form
    singles = [f for f in ordered if f not in of and len(f.split()) == 1]
    index = _indexed(people)
    for form in [*sorted(s for s in singles if s.lower() not in PET_FORMS), *singles]:
        if form in of:
            continue
        gender = pronoun_gender(form)
        pet = PET_FORMS.get(form.lower())
        own = [p for p in index.first.get(form, ()) if p.fits(gender)] if pet else []
        if pet is not None and not own:  # "Nancy" of "Miss Nancy", whatever "Anne" names
            own = [
                p
                for p in index.last.get(form, ())
                if p.first is None and p.titles and p.titles <= GIVEN_NAME_TITLES and p.fits(gender)
            ]
        if pet is not None and len(own) == 1:
            candidates = own  # "Tom" of "Tom Lark", whatever "Thomas" names
        elif pet is not None:
            given = pet.capitalize()
            target = of.get(given)
            candidates = [target] if target is not None else _by_word(index, given, gender)
            # a pet form is no name for a lady or a colonel
            candidates = [p for p in candidates if not any(f.split()[0] in RANKS for f in p.forms)]
        else:
            candidates = _by_word(index, form, gender)
        if len(candidates) > 1 and gender is not Gender.FEMALE:
            # a surname alone is a man's, in English usage: "Lark" is Mr. Lark
            # rather than Mrs. or Miss Lark, who go by a title or a given name
            men = [p for p in candidates if p.gender is Gender.MALE and p.last == form]
            if len(men) > 1:  # of two men, the one named far more often: "Lark" the son
                # if the text writes his surname with his name too, a third
                # as often as another's at least ("Ivo" alone says nothing of
                # "Lark": a younger son's given name outnumbers all the Larks)
                named = sorted(men, key=lambda p: -sum(p.forms.values()))
                if sum(named[0].forms.values()) > MORE_OFTEN * sum(
                    sum(p.forms.values()) for p in named[1:]
                ) and MORE_OFTEN * _surnamed(named[0], form) >= max(
                    _surnamed(p, form) for p in named[1:]
                ):
                    men = named[:1]
            candidates = men if len(men) == 1 else candidates
        if (
            pet is None
            and gender is None
            and all(p.first is None and p.gender is Gender.FEMALE for p in candidates)
        ):
            candidates = []  # nor does "Lark" alone name Mrs. Lark, unless "she" follows it
        if len(candidates) == 1 and candidates[0].fits(gender):
            add(candidates[0], form)
            continue
        person = _Person()
        person.first, person.gender = form, gender
        people.append(person)
        add(person, form)

    groups: dict[str, Group] = {}
    for person in people:
        canonical = max(
            person.forms, key=lambda f: (len(parts(f)[1]), parts(f)[0] is not None, counts[f], f)
        )
        forms = tuple(sorted(person.forms, key=lambda f: (-counts[f], f)))
        if summed is not None and not person.titled:
            gender = summed(forms)
        else:
            gender = person.gender or _pronouns(person, pronoun_gender)
        for form in forms:
            groups[form] = Group(canonical, forms, gender)
    return groups


class _Index(NamedTuple):
    """People by their last word and, for full names, their first."""

    last: Mapping[str, Sequence[_Person]]
    first: Mapping[str, Sequence[_Person]]


def _surnamed(person: _Person, surname: str) -> int:
    """How often ``person`` is named by forms ending in ``surname``."""
    return sum(count for form, count in person.forms.items() if form.split()[-1] == surname)


def _indexed(people: Sequence[_Person]) -> _Index:
    last: defaultdict[str, list[_Person]] = defaultdict(list)
    first: defaultdict[str, list[_Person]] = defaultdict(list)
    for person in people:
        if person.last is not None:
            last[person.last].append(person)
            if person.first is not None:
                first[person.first].append(person)
    return _Index(last, first)


def _by_word(index: _Index, word: str, gender: Gender | None) -> list[_Person]:
    """The people whose last word, else first word, is ``word``, of ``gender``
    if known; first word first when those are named much more often ("Newland"
    of "Newland Archer", not of a "Luyden Newland" named once)."""
    by_last = [p for p in index.last.get(word, ()) if p.fits(gender)]
    by_first = [p for p in index.first.get(word, ()) if p.fits(gender)]

    def mentions(people: list[_Person], first: bool) -> int:
        """How often the forms with ``word`` first (else last) are named: not
        the person's other forms ("Darcy" says nothing of "Fitzwilliam")."""
        return sum(
            count
            for p in people
            for form, count in p.forms.items()
            if (word in form.split()[:-1] if first else form.split()[-1] == word)
        )

    if by_first and mentions(by_first, True) > MORE_OFTEN * mentions(by_last, False):
        return by_first
    return by_last or by_first


def _pronouns(person: _Person, pronoun_gender: Callable[[str], Gender | None]) -> Gender | None:
    votes: Counter[Gender] = Counter()
    for form, count in person.forms.items():
        gender = pronoun_gender(form)
        if gender is not None:
            votes[gender] += count
    if not votes:
        return None
    (best, count), *rest = votes.most_common()
    return best if not rest or count > rest[0][1] else None
