"""The people a text names outside its quotations: names, genders, mentions.

A name is one to three capitalised words, after an optional honorific ("Mr.
Lark", "Nora Lark"), cleaned of words the text also writes in lower case
("Poor Nora" -> "Nora"). Not people: a name mostly found after "at", "in",
"from" ... (a place) or mostly written "the X" (a ship, a river, a people).
A name's gender comes from its honorific or a word such as "aunt", else from
the pronouns that follow its mentions, and a bare name takes the gender of
its titled forms ("Lark": "Mr. Lark"). "His father", "her mother" in the
narration are mentions of the people they stand for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from aleppo_cli.analysis.quotes import persons
from aleppo_cli.analysis.quotes.model import Gender, Span
from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document, Paragraph

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.halves import Pending

_HONORIFICS = (
    "Mr Mrs Ms Miss Dr Lady Lord Sir Colonel Captain Prince Princess Count Countess General "
    "Madame Mademoiselle Uncle Aunt Professor Father Mother M Mme Mlle"
).split()
HONORIFIC = "(?:" + "|".join(_HONORIFICS) + ")"
# A word of a name: capitalised, with a lower-case letter ("BA" is no name), its
# hyphenated parts capitalised too ("Lloyd-George", not "Moscow-based").
_NAME_WORD = (
    rf"(?!{HONORIFIC}\b)[A-Z][^\W_]*(?:-[A-Z][^\W_]*)*[a-z][^\W_]*(?:-[A-Z][^\W_]*)*"
    r"(?:[’']s\b)?(?![\-\w])"
)
# What may stand between two words of a name: an initial ("Jane C. Doe") or a
# particle before a capitalised word ("Catherine de Bourgh", "Ludwig van Beethoven").
PARTICLES = frozenset("de van von der den du da di del della le la".split())
_PARTICLE = r"(?:de|van|von|der|den|du|da|di|del|della|le|la)\s+"
_NAME_JOINT = rf"\s+(?:[A-Z]\.\s+|{_PARTICLE}(?:{_PARTICLE})?)?"
# an honorific may precede a particle: "Mr. van der Lark"
# only the abbreviated titles take a full stop: "Mademoiselle. The" is no name
_DOTTED = ("Mr", "Mrs", "Ms", "Dr", "M", "Mme", "Mlle")
_TITLE = rf"(?:(?:{'|'.join(_DOTTED)})\.|{HONORIFIC})"
NAME = rf"(?:{_TITLE}\s+(?:{_PARTICLE}){{0,2}})?{_NAME_WORD}(?:{_NAME_JOINT}{_NAME_WORD}){{0,4}}"


def _name_from_capital() -> str:
    """``(?=[A-Z]){NAME}`` as a pattern that opens with ``[A-Z]``."""
    titles: dict[str, list[str]] = {}
    for title in [f"{word}." for word in _DOTTED] + _HONORIFICS:  # _TITLE's order
        titles.setdefault(title[0], []).append(re.escape(title[1:]))
    title_tail = "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in titles.items())
    word_head = rf"(?!{HONORIFIC}\b)[A-Z]"
    assert _NAME_WORD.startswith(word_head)
    word_tail = rf"(?<={word_head})" + _NAME_WORD.removeprefix(word_head)
    return (
        rf"[A-Z](?:(?:{title_tail})\s+(?:{_PARTICLE}){{0,2}}{_NAME_WORD}|{word_tail})"
        rf"(?:{_NAME_JOINT}{_NAME_WORD}){{0,4}}"
    )


# The whole text's names: ``(?=[A-Z]){NAME}`` (every name starts with a
# capital letter), written to open with the capital consumed, ``[A-Z]``, so the
# engine skips from capital to capital by itself instead of entering the pattern
# at each of a novel's millions of positions (War and Peace: 0.069 -> 0.047 s).
# The rest is NAME from its second letter: a title's alternatives grouped by
# first letter, each group behind a look-behind on that letter (the same order
# within a letter, and letters exclude each other, so the same matches), or the
# word's, whose look-ahead at the capital becomes a look-behind over it.
_NAME_RE = re.compile(_name_from_capital())


def _names(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The names in ``text[start:end]``, none across a paragraph's end: a
    heading or a table's cell that ends in a name is not the first part of the
    next paragraph's ("Age" and "Pa" of "Name | Age" / "Pa | 40"). The name
    pattern itself crosses any space (a name may be wrapped over two lines);
    the rare match across a blank line is cut there, which is cheaper than a
    pattern that stops at one."""
    stop = len(text) if end is None else end
    for match in _NAME_RE.finditer(text, start, stop):
        gap = text.find("\n\n", match.start(), match.end())
        if gap < 0:
            yield match
            continue
        # the part before the blank line, then the names after it
        first = _NAME_RE.match(text, match.start(), gap)
        if first is not None:
            yield first
        yield from _names(text, gap, match.end())


def _names_inside(
    text: str, start: int, end: int, known: tuple[str, Sequence[int], Sequence[int]] | None
) -> list[str]:
    """The names ``_names(text, start, end)`` finds, as written: taken from
    ``known``, the whole text's (its ``_names``), where no name can run across
    either end. A name holds only word characters, white space, full stops,
    hyphens and apostrophes; so where neither the character before ``start``
    nor the one at ``end`` is one, no name of the whole text runs over them,
    the names the pattern finds from ``start`` are those it finds in the whole
    text from there, and none reads the character at ``end`` differently
    from the end of the text (the look-aheads after a word, a joint's white
    space, a title's full stop, a possessive, a hyphen all fail on both)."""
    if (
        known is None
        or start <= 0
        or _may_be_in_name(text[start - 1])
        or (end < len(text) and _may_be_in_name(text[end]))
    ):
        return [match.group() for match in _names(text, start, end)]
    _, starts, ends = known
    first = bisect_left(starts, start)
    # the names from there that end by ``end`` (they end in order, as they start)
    return [text[starts[at] : ends[at]] for at in range(first, bisect_right(ends, end, first))]


_UNCLEANED = "\0"  # no answer of ``clean`` yet (a name never holds it)


def _may_be_in_name(character: str) -> bool:
    """Whether a name (``NAME``) may hold ``character``."""
    return character.isalnum() or character.isspace() or character in "_.-’'"


# an honorific alone, "Mr" or "Mr.": a set, quicker than a pattern to make and to use
_HONORIFIC_ALONE = frozenset([*_HONORIFICS, *(f"{word}." for word in _HONORIFICS)])
_POSSESSIVE = ("’s", "'s")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'\-]*\b")
_NOT_NAMES = frozenset(
    """The A An And But Or If When Then There This That These Those It Its He She They We You I
    His Her Their Our Your My What Why How Where Who Which Yes No Oh Well Now So Not Nor As At
    In On Of To For With Yet Still Though Although While After Before Instead However Indeed
    Perhaps Make Let Do Does Did Is Are Was Were Be Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February July September October November December Earlier Later
    Afterwards Afterward Meanwhile Today Yesterday Tomorrow Tonight Recently Previously Also
    Finally Eventually Soon Here Once Separately Elsewhere Overall Speaking Writing
    Ah Aha Alas Adieu Bah Pooh Pshaw Hurrah Farewell Goodbye Hallo Hello Hullo Nay Oho""".split()
)

# Capitalised words of roles and parties that stand before a name: "Deputy Prime
# Minister John Lark", "Liberal Democrat Nora Lark".
_ROLES = frozenset(
    """Deputy Prime Minister Secretary Foreign Home Chancellor President Vice Chief Executive
    Chairman Chairwoman Director Senator Governor Mayor Judge Justice Chief Inspector Sergeant
    Constable Detective Officer Agent Minister Shadow Leader Speaker Ambassador Commissioner
    Labour Tory Conservative Liberal Democrat Democrats Republican Green MP MPs Senior Junior
    Former Ex Acting Interim Assistant Associate Attorney Bishop Archbishop Pope Rev Reverend
    Analyst Economist Spokesman Spokeswoman Editor Reporter Coach Manager Striker Author Actor
    Actress Singer Star Producer Film Filmmaker Novelist Writer Poet Playwright Artist Presenter
    Broadcaster Journalist Columnist Critic Comedian Musician Composer Rabbi Cardinal Lawyer
    Chef Designer Founder""".split()
)

# Ranks written before a surname alone, as "Colonel" is: "Inspector Lark" is
# a name of his ("Chief Inspector Ivo Lark" is "Ivo Lark": ``_ROLES``).
_RANKS = frozenset("Inspector Sergeant Superintendent Constable".split())


def _ranked(words: Sequence[str]) -> bool:
    """Whether ``words`` are a rank and a surname: "Inspector Lark"."""
    return len(words) == 2 and words[0] in _RANKS


# --- gender --------------------------------------------------------------------

_MALE_PRONOUNS = frozenset("he him his himself".split())
_FEMALE_PRONOUNS = frozenset("she her hers herself".split())
_FEMALE_WORDS = frozenset(
    "mrs ms miss lady princess countess madame mademoiselle mme mlle aunt mother wife sister "
    "daughter "
    "woman girl queen duchess baroness madam ladyship niece".split()
)
_MALE_WORDS = frozenset(
    "mr sir lord prince count general uncle father husband brother son man boy gentleman "
    "colonel captain major lieutenant king duke baron monsieur m lordship nephew".split()
)
# One kind of pronoun after a name must outnumber the other this much: some refer to others.
PRONOUN_MAJORITY = 1.3


_PRONOUN_GENDERS = {
    **dict.fromkeys(_MALE_PRONOUNS, Gender.MALE),
    **dict.fromkeys(_FEMALE_PRONOUNS, Gender.FEMALE),
}


def pronoun_gender(word: str) -> Gender | None:
    """The gender a pronoun gives: "he", "His" male; "she", "her" female; else None."""
    lowered = word.lower()
    if lowered in _MALE_PRONOUNS:
        return Gender.MALE
    if lowered in _FEMALE_PRONOUNS:
        return Gender.FEMALE
    return None


def word_gender(word: str) -> Gender | None:
    """The gender of a lower-case honorific or noun: "mrs", "aunt" female; "sir" male."""
    if word in _FEMALE_WORDS:
        return Gender.FEMALE
    if word in _MALE_WORDS:
        return Gender.MALE
    return None


def title_gender(name: str) -> Gender | None:
    """The gender a name's first word gives: "Mrs. Lark", "Lady Nora" female."""
    return word_gender(name.split()[0].rstrip(".").lower())


def _pronoun_majority(
    pronouns: Mapping[Gender, int], base: tuple[float, float] = (1.0, 1.0)
) -> Gender | None:
    """The gender ``pronouns`` tell, each kind weighed against how common it
    is after names in the whole text (``base``: the male and the female
    share, each counted as 1 where the two are even): in a story told
    through one man's eyes "he" follows every name, his wife's too."""
    return _majority(pronouns.get(Gender.MALE, 0), pronouns.get(Gender.FEMALE, 0), base)


def _majority(male: float, female: float, base: tuple[float, float]) -> Gender | None:
    """``_pronoun_majority`` of ``male`` "he"-like and ``female`` "she"-like pronouns."""
    if male + female >= BASE_VOTES:  # a few pronouns are taken as they are
        male, female = male / base[0], female / base[1]
    if male > PRONOUN_MAJORITY * female:
        return Gender.MALE
    if female > PRONOUN_MAJORITY * male:
        return Gender.FEMALE
    return None


# --- names ------------------------------------------------------------------------


def is_honorific(word: str) -> bool:
    return word in _HONORIFIC_ALONE


def clean(candidate: str, lower_words: AbstractSet[str]) -> str | None:
    """A name as the text would write it alone, or None if it is none.

    Leading words that are no names go ("The", "When"), then leading words the
    text also writes in lower case ("Poor Nora", "Whenever Talia", "Had Ivo");
    so does a name that is only such a word ("Observing", "Here": a word
    starting a sentence). A possessive loses its "'s".
    """
    words = candidate.split()
    while words and (words[0] in _NOT_NAMES or words[0] in _ROLES) and not _ranked(words):
        words = words[1:]
    if not words:
        return None
    if words[-1].endswith(_POSSESSIVE):  # Nora's -> Nora
        words[-1] = words[-1][:-2]
    if is_honorific(" ".join(words)):
        return None
    while (
        words
        and words[0].lower() in lower_words
        and not is_honorific(words[0])
        and not _ranked(words)
    ):
        words = words[1:]
    # and the second word of two that the text also writes in lower case: a
    # sentence run into the name ("Sónya Both" of "… said Sónya. Both …")
    while len(words) == 2 and words[1].lower() in lower_words and not is_honorific(words[0]):
        words = words[:1]
    return " ".join(words) if words else None


# --- the index ------------------------------------------------------------------------

# How far back a mention is still recent, in characters: a page or so.
RECENT_WINDOW = 3000

_SPOUSE = {"wife": "Mrs.", "lady": "Mrs.", "husband": "Mr."}
_PARENT = {"mother": "Mrs.", "father": "Mr."}
# "her brother", "his daughter" (in an attribution: "her brother said"): the
# one other person of the family and that gender the text names with a given
# name ("Ivo Lark"; not "Mr. Lark", the father). Not counted as mentions in
# the narration, as "his father" is: that was tried (PDNC held out all 0.740
# -> 0.739, lowest novel 0.603 -> 0.610), and costs four more scans of the text.
_KIN = {
    "brother": Gender.MALE,
    "son": Gender.MALE,
    "sister": Gender.FEMALE,
    "daughter": Gender.FEMALE,
}
_TITLED = {"ladyship": "Lady", "lordship": "Lord"}


class People(NamedTuple):
    """The people named outside quotations, and where, in text order."""

    lower_words: AbstractSet[str]  # every word the text writes in lower case
    positions: Sequence[int]  # where each mention is (cleaned-text offsets), in order
    names: Sequence[str]  # who each mention names
    gender: Mapping[str, Gender | None]  # every name mentioned, with its gender if known
    acts: AbstractSet[str]  # names seen doing something: "Nora looked"
    surnames: Mapping[str, str]  # a first name or a surname -> the family name
    by_word: Mapping[str, AbstractSet[str]]  # last word of any form -> its people
    groups: Mapping[str, persons.Group] = {}  # every form named -> its person
    # (family name, gender) -> the people named in full with a given name so
    kin: Mapping[tuple[str, Gender], frozenset[str]] = {}

    def person(self, name: str) -> str:
        """The person ``name`` names, by its fullest name: "Darcy" -> "Fitzwilliam
        Darcy"; a name the narration never uses stays as it is, unless its last
        word is that of one person only."""
        group = self.groups.get(name)
        if group is not None:
            return group.canonical
        words = name.split()
        if len(words) == 1 and name.lower() in persons.PET_FORMS:  # "Lizzy": "Elizabeth"'s
            given = self.groups.get(persons.PET_FORMS[name.lower()].capitalize())
            if given is not None and not any(f.split()[0] in persons.RANKS for f in given.forms):
                return given.canonical
        if words and (len(words) == 1 or is_honorific(words[0])):
            candidates = self.by_word.get(words[-1], set())
            if len(candidates) == 1:
                return next(iter(candidates))
        return name

    def titled(self, name: str, title: str) -> bool:
        """Whether the person ``name`` is ever named with ``title`` ("Lady")."""
        group = self.groups.get(name)
        forms = group.forms if group is not None else (name,)
        return any(form.split()[0] == title for form in forms)

    def __repr__(self) -> str:  # not the whole index
        return object.__repr__(self)

    def clean(self, candidate: str) -> str | None:
        """``candidate`` as a name the text would write alone, or None (``clean``)."""
        words = self.lower_words
        # the index's words remember the answers given
        cleaned: dict[str, str | None] | None = getattr(words, "cleaned", None)
        if cleaned is None:
            return clean(candidate, words)
        if candidate in cleaned:
            return cleaned[candidate]
        name = cleaned[candidate] = clean(candidate, words)
        return name

    def named_in(self, text: str, spans: Iterable[Span]) -> frozenset[str]:
        """The people that ``spans`` of ``text`` name, in every form the text
        names them: "Lark" names "Mr. Lark" too, "Mr. Lark" names "Lark"."""
        found: set[str] = set()
        known = getattr(self.lower_words, "names", None)
        if known is not None and known[0] is not text:
            known = None  # (another text's)
        # the answers ``clean`` gave, read without a call a name
        cleaned: dict[str, str | None] = getattr(self.lower_words, "cleaned", None) or {}
        for span in spans:
            for written in _names_inside(text, span.start, span.end, known):
                name = cleaned.get(written, _UNCLEANED)
                if name is _UNCLEANED:
                    name = self.clean(written)
                if name is None:
                    continue
                words = name.split()
                found.add(self.person(name))
                if len(words) == 1:  # "Lark": also "Mr. Lark", "Nora Lark"
                    found.update(self.by_word.get(name, ()))
                else:  # "Mr. Lark": also "Lark"; "Nora Lark": also "Nora"
                    found.update(self.person(w) for w in words if w in self.groups)
        return frozenset(found)

    def surname(self, name: str) -> str | None:
        """The family name of ``name``: its last word if it has a title or two
        words ("Mr. Lark", "Nora Lark"), else one the text gives it."""
        words = name.split()
        if len(words) >= 2:
            return words[-1]
        return self.surnames.get(words[0])

    def recent_titled(self, position: int, title: str, window: int = RECENT_WINDOW) -> str | None:
        """The last person named before ``position`` with ``title`` ("Lady ...")."""
        index = bisect_left(self.positions, position) - 1
        while index >= 0 and position - self.positions[index] <= window:
            name = self.names[index]
            if self.titled(name, title):
                return name
            index -= 1
        return None

    def named_between(
        self, start: int, end: int, gender: Gender | None, but: str | None = None
    ) -> bool:
        """Whether the narration between ``start`` and ``end`` names someone of
        ``gender`` (any person, if None: a name with a gender or seen acting),
        other than ``but``."""
        index = bisect_left(self.positions, start)
        while index < len(self.positions) and self.positions[index] < end:
            name = self.names[index]
            known = self.gender.get(name)
            if name != but and (
                (gender is None and (known is not None or name in self.acts))
                or (gender is not None and known == gender)
            ):
                return True
            index += 1
        return False

    def recent(
        self,
        position: int,
        gender: Gender | None,
        exclude: AbstractSet[str] | None = None,
        window: int = RECENT_WINDOW,
    ) -> str | None:
        """The last person named before ``position`` (of ``gender``, if known)."""
        index = bisect_left(self.positions, position) - 1
        fallback = None
        while index >= 0 and position - self.positions[index] <= window:
            name = self.names[index]
            index -= 1
            if exclude and name in exclude:
                continue
            known = self.gender.get(name)
            person = known is not None or name in self.acts
            if (gender is not None and known == gender) or (gender is None and person):
                return name
            if known is None and fallback is None and name in self.acts:
                fallback = name
        return fallback

    def related(self, owner: str, relation: str, position: int) -> str | None:
        """ "his wife" -> Mrs. X for Mr. X; "her mother" -> Mrs. Y for the family
        name Y of the woman (or the last Mrs. named, if the text gives her none);
        "her brother" -> the one other man named in full as a Y ("Ivo Y", not
        "Mr. Y"); "her ladyship" -> the last Lady named."""
        if relation in _TITLED:
            return self.recent_titled(position, _TITLED[relation])
        if relation in _KIN:  # "her brother": the one other man named in full as a Y
            surname = self.surname(owner)
            kin = self.kin.get((surname, _KIN[relation]), ()) if surname else ()
            others = [name for name in kin if name != self.person(owner)]
            return others[0] if len(others) == 1 else None
        title = _SPOUSE.get(relation) or _PARENT.get(relation)
        if title is None:
            return None
        surname = self.surname(owner)
        if surname is None:  # "Nora": no family name given; the last Mrs. named
            return self.recent_titled(position, title)
        candidate = self.groups.get(f"{title} {surname}")
        return candidate.canonical if candidate is not None else None


# A name this share of whose mentions follow "at", "in", "from" ... ("at Dace") is a place.
PLACE_SHARE = 0.4
# A name this share of whose mentions are "the X" ("the Kestrel") is a thing or a people.
THE_SHARE = 0.5
# A pronoun this far after a name, in its sentence, still refers to it (telling its gender).
PRONOUN_REACH = 150
# A subject's gender is also told by a pronoun this close after its sentence ends.
NEXT_SENTENCE_REACH = 12
_THE = "the "  # "the X": a thing or a people (THE_SHARE)

# the word before a place: "at Dace", "from Dace", "reached Dace"
_PLACE_WORDS = frozenset(
    "at in from near into towards through round leave left reach reached visit visited "
    "quit quitted leaving reaching visiting".split()
)
# a journey's end: "moved to Dace", "emigrated to Dace" (not "said to Nora")
_JOURNEY_TO = re.compile(
    r"\b(?:moved|moving|emigrated|emigrating|relocated|relocating|travelled|traveled"
    r"|go|goes|going|gone|went|been|come|comes|coming|came|rushing|hurried|hurrying"
    r"|travelling|traveling|flew|flying|sailed|sailing|fled|fleeing|returned|returning"
    r"|deported|exiled|evacuated|transferred|posted)(?:\s+back)?\s+to\s+$"
)
JOURNEY_REACH = 30
# what ends the word before a name that may be a place word ("at", "to" or
# the last three letters of a longer one), read before ``_after_place_word``
_PLACE_WORD_TAILS = frozenset(word[-3:] for word in _PLACE_WORDS if len(word) >= 3)
_SHORT_PLACE_WORDS = frozenset([*(word for word in _PLACE_WORDS if len(word) == 2), "to"])
# how far back that word may start
PLACE_WORD_REACH = 12
_ACTS = re.compile(r"\s+(?:\w+ed|\w+s|is|was|had|did|can|could|would|will|went|came|saw)\b")
# what stands before a name in mid-sentence: a lower-case letter, a comma, a
# semicolon or the end of a quotation ("“Yes,” Nora said"; not one
# that ends a sentence: "“Stop.” Presently ...")
_MID_SENTENCE = re.compile(rf"[a-z,;:]|(?<!\.)[{quotemarks.CLOSING}]")
_SENTENCE_END = re.compile(rf"[.!?…{quotemarks.ENGLISH}]")
# (the look-ahead lets the engine skip to the next "h" or "s": twice as quick)
_PRONOUNS = re.compile(r"(?=[hs])\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
# the first of a sentence's end (group 1) and a pronoun (group 2, the match as
# ``_PRONOUNS``'s): one search for the pronoun before the sentence ends
# (opening with a look-ahead at either's first character, for the engine to
# skip to the next one, as in ``_PRONOUNS``)
_PRONOUN_OR_END = re.compile(
    rf"(?=[hs{_SENTENCE_END.pattern[1:-1]}])(?:({_SENTENCE_END.pattern})|{_PRONOUNS.pattern})",
    re.IGNORECASE,
)
# "his father", "her wife": an owner, white space, a relation, each a whole word
# (what the pattern ``\b(his|her|His|Her)\s+(father|mother|wife|husband)\b``
# matches, found from the relations by ``str.find``: ten times quicker than the
# pattern, which stops at every "h" of the text)
_FAMILY_OWNERS = frozenset(("his", "her", "His", "Her"))
_FAMILY_RELATIONS = ("father", "mother", "wife", "husband")


# "him" and "her" after a name tell nothing of its gender: mostly objects, they
# are someone else ("Ivo thanked her": a verb's object pronoun is never its
# subject), unless "her" opens a clause, or nothing else follows the
# person's names (``_votes``). Counting them made men of women and women of
# men who are always seen together: by bench/people.py, the gender of PDNC's
# speakers was right for 0.962 of their quotations, 0.994 now (with the
# persons' pronouns summed); leaving out "him" alone, or "his" too, was
# worse than either (0.957, 0.948), with any one novel held out.
_OBJECTS = frozenset(("him", "her"))
# but "her" opening a clause is hers: "Nora read it; her hands shook"
_CLAUSE_START = re.compile(r"(?:[,;:—–(]|\b(?:and|but|while|when|as|for|yet|so))\s*$")
CLAUSE_REACH = 8


def _opens_clause(text: str, position: int) -> bool:
    """Whether a pronoun at ``position`` opens a clause: after a comma, a
    semicolon or a conjunction ("; her hands shook", "and her voice ...")."""
    return _CLAUSE_START.search(text, max(0, position - CLAUSE_REACH), position) is not None


class _LowerWords(frozenset[str]):
    """The words a text writes in lower case, and the candidates cleaned
    against them so far (``clean`` reads only these words, so a candidate is
    cleaned alike wherever it stands)."""

    cleaned: dict[str, str | None]
    # the text's names (``_names``), where they start and end, and the text
    names: tuple[str, Sequence[int], Sequence[int]]


def lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case, as ``index`` reads them
    (``_lower_words``): what ``index`` may be given, computed elsewhere."""
    return frozenset(_lower_words(text, list(_names(text))))


# ``lower_words`` of a text, and where its name matches are (``_names``): each
# match's start and end, in turn; what ``index`` may be given, computed
# elsewhere (in a second process). (Plain tuples, as ``_Part``
# below: a NamedTuple's class costs every process that imports this module
# some 0.1 ms to make.) ``index`` reads the matches from their spans.
WordsAndNames = tuple[frozenset[str], Sequence[int]]


def words_and_names(text: str) -> WordsAndNames:
    """The ``WordsAndNames`` of ``text``."""
    from array import array

    matches = list(_names(text))
    spans = array("q", [at for match in matches for at in match.span()])
    return frozenset(_lower_words(text, matches)), spans


def _lower_words(text: str, matches: Sequence[re.Match[str]] = ()) -> _LowerWords:
    """Every word ``text`` writes in lower case (``_LOWER_WORD``), read from
    its distinct white-space-separated pieces: the pattern never spans white
    space, and white space is no word character, so each piece gives what it
    gives in place, and most pieces come many times. Not the words that the
    name ``matches`` show to be names too (``_named_mid_sentence``)."""
    pieces = " ".join(set(text.split()))
    found = set(_LOWER_WORD.findall(pieces))
    words = _LowerWords(found - _named_mid_sentence(text, matches, found))
    words.cleaned = {}
    return words


# A word the text also writes in lower case is a name where it starts a name
# this often in mid-sentence, after a lower-case word that is no article, no
# possessive and no preposition: "said Rose", "and Rose", "asked Will".
MID_SENTENCE_NAMES = 2
_NOT_BEFORE_NAMES = frozenset(
    """the a an his her their my our your its this that these those every each no some any
    in on of at by since until till from during last next this early late all and or nor for
    """.split()
)


# words of address and rank that stand before names without being given names,
# and pronouns of address ("to Him", "for Thee")
_TITLE_WORDS = frozenset(
    """doctor admiral comrade marquis marquess signor signora senor senora herr frau mamma
    mama papa nurse dame emperor empress marshal vicomte vicomtesse viscount abbe
    him thee thou thy thine ye""".split()
)


def _named_mid_sentence(
    text: str, matches: Sequence[re.Match[str]], lower: AbstractSet[str]
) -> set[str]:
    """The lower-case forms of the words (of ``lower``) that start names of
    ``matches`` in mid-sentence at least ``MID_SENTENCE_NAMES`` times: a
    given name that is also a word ("Rose" and "rose")."""
    counts: Counter[str] = Counter()
    for match in matches:
        start = match.start()
        if text[start - 1 : start] != " " or not text[start - 2 : start - 1].islower():
            continue
        first = match.group().split(None, 1)[0]
        word = first.lower()
        if (
            word not in lower
            or first in _NOT_NAMES
            or first in _ROLES
            or is_honorific(first)
            or word_gender(word) is not None  # "Monsieur": a title
            or word in _TITLE_WORDS
        ):
            continue
        before = text[max(0, start - 16) : start - 1].rsplit(None, 1)[-1]
        if before.isalpha() and before.islower() and before not in _NOT_BEFORE_NAMES:
            counts[word] += 1
    return {word for word, count in counts.items() if count >= MID_SENTENCE_NAMES}


class _Quoted(NamedTuple):
    """Where the quotations are: names inside them are not mentions."""

    starts: Sequence[int]
    ends: Sequence[int]

    def covers(self, position: int) -> bool:
        index = bisect_left(self.starts, position + 1) - 1
        return index >= 0 and position < self.ends[index]


class _Seen(NamedTuple):
    """What one pass over the names outside quotations finds."""

    positions: Sequence[int]
    names: Sequence[str]
    pronouns: Mapping[str, Mapping[Gender, int]]  # name -> the pronouns after it
    acts: AbstractSet[str]  # names seen doing something: "Nora looked"
    the: Mapping[str, int]  # name -> its mentions written "the X" or "The X"
    places: Mapping[str, int]  # name -> its mentions after "at", "in", "from" ...
    objects: Mapping[str, Mapping[Gender, int]] = {}  # name -> "him", "her" after it
    said: Mapping[str, int] = {}  # name -> its mentions "said the X", "the X replied"
    # the words that start a name in mid-sentence, or stand in one after its first
    mid: AbstractSet[str] = frozenset()
    # name -> the pronouns ("he", "she", "his" ...) after it where it is its
    # clause's subject ("May turned; she ...", "said May, and she ..."; not
    # "he told May he ...": those are the subject's)
    subjects: Mapping[str, Mapping[Gender, int]] = {}


# The share of a long text's names read in the second process (``index``):
# under half, for the child also starts (its pages written after the fork
# fault again) and sends its findings, which the parent would wait for.
# Where the parent waited least on War and Peace (6 runs of each, 0.43 to
# 0.5: 0.46 waited 0.000 s, 0.5 0.018 s); the results are the same at any share.
LATER_SHARE = 0.46
# a mention's name, of its (position, name)
_NAME_OF = itemgetter(1)


def index(
    document: Document,
    quoted: Iterable[Span],
    lower: Callable[[], AbstractSet[str]] | None = None,
    found: Callable[[], WordsAndNames] | None = None,
    after: Sequence[Pending[Any]] = (),
) -> People:
    """The people ``document`` names outside the ``quoted`` extents (``lower``:
    what gives its ``lower_words``, or ``found`` its ``words_and_names``, if
    they are computed elsewhere). ``after``: steps (``halves.deferred``) for
    the second process that reads half of a long text's names to do next (in
    one of their own if there is none), their results asked for in turn
    after ``index``."""
    from aleppo_cli.analysis.quotes import halves

    text = document.clean.text
    # names inside quotations, and in headings ("Jonah Historically Regarded",
    # a chapter's title), are not mentions of people in the narration. Read
    # first: on a long text the names (``found``) may still be on their way
    # from the child that finds them, and the child forked below for the
    # later half of the names has them ready (fork's copy) instead of reading
    # its own paragraphs' headings after it starts (the parent's writes after
    # the fork, a copied page each, also cost more than before it)
    headings, titles = _headings(
        document.paragraphs, {section.paragraph for section in document.sections}
    )
    extents = _merged(sorted([*[(span.start, span.end) for span in quoted], *headings]))
    inside = _Quoted([start for start, _ in extents], [end for _, end in extents])
    if found is not None:
        words, spans = found()
        starts, ends = spans[0::2], spans[1::2]
        lower_words = _LowerWords(words)
        lower_words.cleaned = {}
    else:
        matches = list(_names(text))
        starts = [match.start() for match in matches]
        ends = [match.end() for match in matches]
        if lower is None:
            lower_words = _lower_words(text, matches)
        else:
            lower_words = _LowerWords(lower())
            lower_words.cleaned = {}
    lower_words.names = (text, starts, ends)
    # On a long text the later half of the names is read in a second process
    # (``_later``), which then finds the relations ``_family`` reads and does
    # the ``after`` steps; this one reads the first half meanwhile. Each match
    # is read alone (the cache of cleaned candidates gives what ``clean``
    # gives), so the two halves' findings joined in order are those of one pass.
    count = len(starts)
    cut = count
    if halves.worth_it(len(text), halves.LONG_TEXT):
        cut = round(count * (1 - LATER_SHARE))
    relations = halves.deferred(lambda: _family_words(text))
    later = halves.background(
        lambda: _later(text, lower_words, inside, starts, ends, cut),
        cut < count,
        (relations, *after),
    )
    if not later.forked:
        for step in after:
            step.start()
    first = _scan_part(text, lower_words, inside, starts, ends, 0, cut)
    if cut < count:
        _joined(first, later.result())
    seen = _without_openers(text, _seen(first))
    totals = Counter(seen.names)
    described = _described(seen, totals)
    not_people = (
        _places(seen, totals)
        | _things(seen, totals)
        | _roles(seen)
        | _peoples(text, seen)
        | _plurals(totals)
    ) - set(described)
    seen = _past_nobody(text, seen, not_people)
    named = frozenset(seen.names)
    # each distinct name read once (a name is read alike wherever it stands)
    read = {
        n: described[n] if n in described else _without_place(n, not_people, named)
        for n in named
        if n not in not_people
    }
    kept = [(p, read[n]) for p, n in zip(seen.positions, seen.names, strict=True) if n in read]
    kept = _kin_titled(kept)
    kept = _without_particle(text, kept)
    counted = Counter(map(_NAME_OF, kept))
    kept, counted = _run_into(text, kept, counted, seen.subjects)
    # the full names a title gives tie a person's forms, without being mentions
    for name in _titled_names(text, titles, lower_words, named):
        if name not in not_people and name not in counted:
            counted[name] = 1
    base = _base_rates(seen)

    def told(forms: Iterable[str]) -> Gender | None:
        return _majority(*_votes(seen, forms, base), base)

    def told_alone(form: str) -> Gender | None:
        """The gender the pronouns after ``form`` alone tell; for a word
        alone, from ``FORM_VOTES`` of them on, or one after it as a subject: one "he"
        after "Lizzy" (her father's) does not keep her from Elizabeth."""
        male, female = _votes(seen, (form,), base)
        if " " not in form and male + female < FORM_VOTES and not seen.subjects.get(form):
            return None  # one pronoun, after a word alone as no subject
        return _majority(male, female, base)

    groups = persons.group(
        Counter({n: c for n, c in counted.items() if n not in described.values()}),
        is_title=is_honorific,
        title_gender=title_gender,
        pronoun_gender=lambda form: told_alone(form),
        particles=PARTICLES,
        summed=told,
        married=_married(kept, counted, told),
        sisters=_sisters(totals),
    )
    for bare, name in described.items():  # a person of its own: "the Hatter"
        groups[name] = persons.Group(name, (name,), told((bare,)) or word_gender(bare.lower()))
    kept = [(position, groups[name].canonical) for position, name in kept]
    names = [name for _, name in kept]
    people = People(
        lower_words=lower_words,
        positions=[position for position, _ in kept],
        names=names,
        gender={
            group.canonical: _gender(group, lambda forms: sum(_votes(seen, forms, base)))
            for group in groups.values()
        },
        acts=frozenset(
            groups[name].canonical
            for name in (described.get(n, n) for n in seen.acts)
            if name in groups
        ),
        surnames=_surnames(names),
        by_word=_by_last_word(groups),
        kin=_kin(groups),
        groups=groups,
    )
    family = _family(text, inside, people, relations.result())
    if not family:
        return people
    mentions = sorted([*kept, *family])
    return people._replace(positions=[p for p, _ in mentions], names=[name for _, name in mentions])


def _gender(group: persons.Group, votes: Callable[[Sequence[str]], float]) -> Gender | None:
    """A person's gender: its title's or its pronouns', else its given name's
    (``_given``); the given name's too where a single pronoun told it and no
    title does ("Rosamond Lark" is no man for one "he" after her name)."""
    given = _given(group.forms)
    if group.gender is None or given is None or given == group.gender:
        return group.gender or given
    if any(title_gender(form) is not None for form in group.forms):
        return group.gender
    return given if votes(group.forms) < FORM_VOTES else group.gender


def _past_nobody(text: str, seen: _Seen, nobody: AbstractSet[str]) -> _Seen:
    """The pronouns after names that are nobody (a place: "Lark moved to
    Dacia, where he ...") counted for the person named before them in their
    sentence, whose own search for a pronoun stopped at the place."""
    voted = [name for name in nobody if name in seen.pronouns]
    if not voted:
        return seen
    wanted = frozenset(voted)
    positions, names = seen.positions, seen.names
    pronouns: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    subjects: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    for number in compress(range(len(names)), map(wanted.__contains__, names)):
        start = positions[number]
        if number == 0 or start - positions[number - 1] > PRONOUN_REACH + len(_THE):
            continue  # nobody named just before it ("The Larks" start at "The")
        before, name = names[number - 1], names[number]
        if before in nobody:
            continue
        end = text.find(name, start, start + len(name) + 16)
        first = text.find(before, positions[number - 1], start)
        if end < 0 or first < 0 or start - first > PRONOUN_REACH:
            continue
        end += len(name)
        first_end = first + len(before)
        if _SENTENCE_END.search(text, first_end, start) is not None:
            continue  # the person is in another sentence
        stop = _SENTENCE_END.search(text, end, end + PRONOUN_REACH)
        limit = stop.start() if stop else end + PRONOUN_REACH
        if number + 1 < len(positions):
            limit = min(limit, positions[number + 1])
        following = _PRONOUNS.search(text, end, limit)
        if following is None:
            continue
        said = following.group()
        gender = pronoun_gender(said)
        if gender is None:
            continue
        if said.lower() in _OBJECTS and not _opens_clause(text, following.start()):
            continue  # an object's: "Dacia, where he met her"
        pronouns[before][gender] += 1
        if _subject(text, first, first_end):
            subjects[before][gender] += 1
    if not pronouns:
        return seen
    return seen._replace(
        pronouns=_added(seen.pronouns, pronouns), subjects=_added(seen.subjects, subjects)
    )


def _added(
    votes: Mapping[str, Mapping[Gender, int]], more: Mapping[str, Counter[Gender]]
) -> dict[str, Mapping[Gender, int]]:
    """``votes`` with ``more`` added."""
    found = dict(votes)
    for name, counts in more.items():
        found[name] = Counter(votes.get(name, {})) + counts
    return found


def _given(forms: Iterable[str]) -> Gender | None:
    """The gender of a person nothing in the text tells, from the given name
    its full name opens with ("Tom Vey"), if the census's list of given names
    gives it one gender ``given_name_gender``; a word alone ("May", "Will")
    tells nothing: it may be a word or a surname."""
    found = {
        given_name_gender(words[0])
        for words in (form.split() for form in forms)
        if len(words) >= 2 and not is_honorific(words[0])
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_GIVEN_NAMES: dict[str, Gender] | None = None
# The two lines of given names, each between spaces (men's, women's): a text
# with few people looks its names up in them (``str.find``) rather than pay
# for a table of all 5,000 names; from GIVEN_LOOKUPS look-ups on, the table.
_GIVEN_LINES: tuple[str, str] | None = None
_given_lookups = 0
GIVEN_LOOKUPS = 100


def given_name_gender(word: str) -> Gender | None:
    """The gender that bears the given name ``word`` at least ten times as
    often as the other (data/given_names.txt, from the 1990 US Census: built
    by .ci/build_given_names.py), read when first asked."""
    global _GIVEN_NAMES, _GIVEN_LINES, _given_lookups
    if _GIVEN_NAMES is not None:
        return _GIVEN_NAMES.get(word)
    if _GIVEN_LINES is None:
        path = Path(__file__).resolve().parent.parent.parent / "data" / "given_names.txt"
        lines = [line for line in path.read_text("utf-8").splitlines() if line[:1] != "#"]
        _GIVEN_LINES = (f" {' '.join(lines[0].split())} ", f" {' '.join(lines[1].split())} ")
    _given_lookups += 1
    if _given_lookups >= GIVEN_LOOKUPS:
        men, women = _GIVEN_LINES
        table = dict.fromkeys(men.split(), Gender.MALE)
        table.update(dict.fromkeys(women.split(), Gender.FEMALE))
        _GIVEN_NAMES = table
        return table.get(word)
    if not word or word != word.strip() or len(word.split()) != 1:
        return None  # (no name holds white space)
    men, women = _GIVEN_LINES
    needle = f" {word} "
    if needle in women:  # (a name in both lines is a woman's, as the table has it)
        return Gender.FEMALE
    return Gender.MALE if needle in men else None


def _without_particle(text: str, kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A surname read after its particle with no title ("said de Lark", "the
    van der Lark evening": the pattern reads "Lark") as the one form with a
    title and that particle the text names ("Professor de Lark"); none if
    such forms tell two genders (the family: "Mr." and "Mrs. van der Lark")."""
    titled: defaultdict[str, Counter[str]] = defaultdict(Counter)  # "Lark" -> its forms
    # (each distinct name looked at once, in order of first mention, with its count)
    for name, times in Counter(map(_NAME_OF, kept)).items():
        words = name.split()
        if len(words) > 2 and words[-2] in PARTICLES and is_honorific(words[0]):
            titled[words[-1]][name] += times
    if not titled:
        return kept
    read: dict[str, str | None] = {}
    for word, forms in titled.items():
        genders = {title_gender(form) for form in forms}
        read[word] = forms.most_common(1)[0][0] if len(genders) == 1 else None
    found = []
    for position, name in kept:
        if name in read and _particle_at(text, position):
            if read[name] is None:
                continue
            name = read[name] or name
        found.append((position, name))
    return found


def _particle_at(text: str, position: int) -> bool:
    """Whether a particle stands before the surname of the mention at
    ``position``: "der Lark", or "De Lark" opening a sentence (the mention
    then starts at the particle, which ``clean`` left out)."""
    before = text[max(0, position - 8) : position].split()
    if before and before[-1] in PARTICLES:
        return True
    first = text[position : position + 5].split(None, 1)
    return bool(first) and first[0] != first[0].lower() and first[0].lower() in PARTICLES


# a kinship word in lower case before a name: "aunt Lark", "uncle Ivo"
_KIN_TITLE = re.compile(r"\b(aunt|uncle)\s+$")


def _kin_titled(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The mentions "aunt Lark", "uncle Lark" (read as "Aunt Lark") as the
    one titled form of that family name and gender the text uses ("Mrs.
    Lark", "Mr. Lark"), if one only: "Lark" alone is not written for her,
    and may be someone else's name (a "Mr. Lark" too). "Aunt Nora" (a
    given name) stays, for ``persons.group`` to join."""
    distinct = {name for _, name in kept}
    kin = {name for name in distinct if name.startswith(("Aunt ", "Uncle ")) and " " in name}
    if not kin:
        return kept
    titled: defaultdict[tuple[str, Gender | None], set[str]] = defaultdict(set)
    for name in distinct:
        words = name.split()
        if len(words) == 2 and is_honorific(words[0]) and words[0] not in ("Aunt", "Uncle"):
            titled[words[1], title_gender(name)].add(name)
    renamed = {}
    for name in kin:
        forms = titled.get((name.split()[1], title_gender(name)), set())
        if len(forms) == 1:
            renamed[name] = next(iter(forms))
    return [(position, renamed.get(name, name)) for position, name in kept]


# A name alone this many times as often as a two-word name that ends in it
# (and RUN_INTO_LEAST at least) is the name, and the word before it another's
# ("of Freemasonry Pierre realized": Pierre).
RUN_INTO_SHARE = 10
RUN_INTO_LEAST = 10
RUN_INTO_SUBJECT = 2


_PREPOSITIONS = frozenset("of in at from to with by for on into upon about near".split())


def _after_preposition(text: str, position: int, name: str) -> bool:
    """Whether the mention of ``name`` at ``position`` follows a preposition:
    "of Freemasonry Pierre", "In Kiev Pierre" (the match holds "In")."""
    if not text.startswith(name, position):
        first = text[position : position + 8].split(None, 1)[0]
        return first.lower() in _PREPOSITIONS
    before = text[max(0, position - 8) : position].split()
    return bool(before) and before[-1] in _PREPOSITIONS


def _run_into(
    text: str,
    kept: list[tuple[int, str]],
    counted: Counter[str],
    subjects: Mapping[str, Mapping[Gender, int]],
) -> tuple[list[tuple[int, str]], Counter[str]]:
    """``kept`` and ``counted`` with the two-word names that are a word run
    into a name ("of Freemasonry Pierre realized", "In Kiev Pierre found")
    read as the name: a form named once or twice, always after a
    preposition, whose last word is a name used alone ``RUN_INTO_SHARE``
    times as often, and whose first word starts no other name and is
    written alone, but is not the subject of its own pronouns
    (``RUN_INTO_SUBJECT`` times): a thing or a place, not a given name
    ("Hercule Poirot", "Napoleon Bonaparte" stay)."""
    starts = Counter(name.split(None, 1)[0] for name in counted if " " in name)
    renamed = {}
    for name, count in counted.items():
        words = name.split()
        if (
            len(words) == 2
            and count <= 2
            and not is_honorific(words[0])
            and starts[words[0]] == 1
            and counted.get(words[0], 0) > 0
            and sum(subjects.get(words[0], {}).values()) < RUN_INTO_SUBJECT
            and counted.get(words[1], 0) >= max(RUN_INTO_LEAST, RUN_INTO_SHARE * count)
        ):
            renamed[name] = words[1]
    if renamed:
        for position, name in kept:
            if name in renamed and not _after_preposition(text, position, name):
                del renamed[name]
    if not renamed:
        return kept, counted
    kept = [(position, renamed.get(name, name)) for position, name in kept]
    return kept, Counter(map(_NAME_OF, kept))


# A maiden name is one this share of whose mentions come before the married
# name's first.
MAIDEN_SHARE = 0.8


def _married(
    kept: Sequence[tuple[int, str]],
    counted: Mapping[str, int],
    told: Callable[[Iterable[str]], Gender | None],
) -> dict[str, str]:
    """A woman's married name -> her maiden name, where the text ties them:
    the only two full names of women with one given name ("Nora Lark",
    "Nora Vance", no title), the later one a man's family name ("Ivo Vance",
    "Mr. Vance"), and the earlier one named (``MAIDEN_SHARE``) before the
    later one ever is: she married."""
    by_given: defaultdict[str, list[str]] = defaultdict(list)
    men: set[str] = set()
    for name in counted:
        words = name.split()
        if len(words) < 2 or any(word[:1].islower() for word in words):
            continue
        gender = title_gender(name)
        if is_honorific(words[0]):
            if gender is Gender.MALE:
                men.add(words[-1])
            continue
        gender = told((name,))
        if gender is Gender.MALE:
            men.add(words[-1])
        elif gender is Gender.FEMALE and len(words) == 2:
            by_given[words[0]].append(name)
    pairs = [names for names in by_given.values() if len(names) == 2]
    if not pairs:
        return {}
    wanted = {name for names in pairs for name in names}
    where: defaultdict[str, list[int]] = defaultdict(list)
    for position, name in kept:
        if name in wanted:
            where[name].append(position)
    married: dict[str, str] = {}
    for names in pairs:
        first, second = sorted(names, key=lambda n: where[n][0] if where[n] else 0)
        if not where[first] or not where[second]:
            continue
        before = sum(1 for p in where[first] if p < where[second][0])
        if second.split()[-1] in men and before >= MAIDEN_SHARE * len(where[first]):
            married[second] = first
    return married


# How much the text's own balance of "he" and "she" after names weighs (its
# square root), within BASE_CAP either way, for a name with BASE_VOTES
# pronouns or more after it; a form's own pronouns tell its gender (for
# joining it to others) from FORM_VOTES on. Chosen by bench/people.py (the
# gender of PDNC's speakers 0.992, unchanged; split 0.326 -> 0.300; merged
# 0.000): all the text's balance (a weight of 1) made women of men in
# stories with few women (Oliver Twist 1.000 -> 0.899), and from one
# pronoun on, a single "she" after a sailor's name did.
BASE_WEIGHT = 0.5
BASE_CAP = 1.4
BASE_VOTES = 3
FORM_VOTES = 2


def _base_rates(seen: _Seen) -> tuple[float, float]:
    """How common "he"-like and "she"-like pronouns are after the text's
    names, each against an even share (1.0 each when even: "he" three times
    as often as "she" gives 1.5 and 0.5)."""
    male = female = 0
    he, she = Gender.MALE, Gender.FEMALE
    for votes in seen.pronouns.values():
        male += votes.get(he, 0)
        female += votes.get(she, 0)
    if not male or not female:
        return (1.0, 1.0)
    return (
        min(BASE_CAP, max(1 / BASE_CAP, (2 * male / (male + female)) ** BASE_WEIGHT)),
        min(BASE_CAP, max(1 / BASE_CAP, (2 * female / (male + female)) ** BASE_WEIGHT)),
    )


def _votes(
    seen: _Seen, forms: Iterable[str], base: tuple[float, float] = (1.0, 1.0)
) -> tuple[int, int]:
    """The pronouns after ``forms``, summed (the male, the female): those
    after the forms as their clauses' subjects where they tell a gender
    (``SUBJECT_VOTES`` at least, one kind outnumbering the other), else all of
    them; "him" and "her" only where no other pronoun follows any of them (a
    name seen a few times: weak evidence is better than none). (Sums, not
    ``Counter``s: the people's genders ask this some 1,700 times a novel.)"""
    male = female = object_male = object_female = subject_male = subject_female = 0
    pronouns_of, objects_of, subjects_of = seen.pronouns.get, seen.objects.get, seen.subjects.get
    he, she = Gender.MALE, Gender.FEMALE
    for form in forms:
        # (a form with none of a kind adds nothing: most have no objects, no
        # subjects; every count held is 1 or more)
        if counts := pronouns_of(form):
            male += counts.get(he, 0)
            female += counts.get(she, 0)
        if counts := objects_of(form):
            object_male += counts.get(he, 0)
            object_female += counts.get(she, 0)
        if counts := subjects_of(form):
            subject_male += counts.get(he, 0)
            subject_female += counts.get(she, 0)
    if (
        subject_male + subject_female >= SUBJECT_VOTES
        and _majority(subject_male, subject_female, base) is not None
    ):
        return subject_male, subject_female
    if male or female:
        return male, female
    return object_male, object_female


# The pronouns after a person's names as subjects tell its gender from this
# many on: "he told May he ..." is no evidence that May is a man.
SUBJECT_VOTES = 2
# what stands before a subject in mid-sentence: a clause's start ("; May
# turned", ", and May said") or a verb of saying ("said May, and she ...")
_SUBJECT_BEFORE = re.compile(r"(?:[;:]|,?\s+(?:and|but|while|when|as|so|then))\s+$")


# verbs of saying whose subject may follow them ("said May,"; not "told May")
_SAID_BEFORE = frozenset(
    """said says replied answered cried exclaimed returned continued added observed
    remarked rejoined whispered murmured repeated interposed resumed asked""".split()
)
_AFTER_INVERTED = re.compile(r"[,.;:!?—–]")


# what may open a sentence before its subject: "But Nora", "And then poor Nora"
# (not "He told Nora": a pronoun is the subject; nor "With Nora")
_LEADS = frozenset("but and then so yet still now poor dear little old young".split())
_NOT_LEADS = frozenset("He She They It I We You This That There His Her Their".split())


def _leads(word: str) -> bool:
    """Whether ``word`` may stand before a subject in its sentence."""
    if word[:1].isupper():
        return word not in _NOT_LEADS and word.lower() not in _LEAD_STOPS
    return word in _LEADS


# what ends the sentence (or the quotation) before a subject (``_subject``)
_SUBJECT_CUTS = (".", "!", "?", "…", "\n\n", '"', "“", "”")


def _subject(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` is its clause's subject: it opens
    its sentence (at most three words after its start, none a preposition or
    a conjunction; a line break inside a paragraph is no sentence's end), or
    a clause with a verb after it ("; May turned", "and May said"), or it
    follows a verb of saying before a comma ("said May, and she ...")."""
    window = text[max(0, start - SUBJECT_REACH) : start]
    cut = max(map(window.rfind, _SUBJECT_CUTS))
    if cut >= 0 or start <= SUBJECT_REACH:
        lead = window[cut + 1 :].lstrip(quotemarks.CLOSING + " \n")
        words = lead.split()
        if (
            len(words) <= 3
            and all(_leads(word) for word in words)
            and "," not in lead
            and (not lead or lead[-1].isspace())
        ):
            return True
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if (
        before is not None
        and before.group(1) in _SAID_BEFORE
        and _AFTER_INVERTED.match(text, end) is not None
    ):
        return True
    return (
        _SUBJECT_BEFORE.search(text, max(0, start - 8), start) is not None
        and _ACTS.match(text, end) is not None
    )


# A section's heading paragraph longer than this holds more than its heading.
HEADING_LENGTH = 200
# A short paragraph with this share of its long words capitalised (of
# TITLE_CASE_WORDS at least) is a title over several lines, not prose: "Chapter
# IX: Nora Lark Drives Out in a Carriage to See the Sea". Names in it are no
# mentions (nor "Nora Lark Drives Out" a person).
TITLE_CASE_SHARE = 0.8
TITLE_CASE_WORDS = 4
TITLE_CASE_LENGTH = 400
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# two words opening with four lower-case letters or more (such a word's
# letters hold no word boundary, so the second starts after the first's run)
_TWO_LOWER_LONG = re.compile(r"\b[a-z]{4,}.*?\b[a-z]{4,}", re.DOTALL)
TITLE_CASE_START = 48


def _title_case(paragraph: str) -> bool:
    """Whether ``paragraph`` is written in Title Case: a heading."""
    if len(paragraph) > TITLE_CASE_LENGTH or paragraph[-1:] in quotemarks.CLOSING:
        return False
    # prose has lower-case long words in its first few: most paragraphs are
    # told apart there, a scan of the whole of each cost a novel 0.04 s
    if _TWO_LOWER_LONG.search(paragraph, 0, TITLE_CASE_START) is not None:
        return False
    words = _LONG_WORD.findall(paragraph)
    if len(words) < TITLE_CASE_WORDS:
        return False
    capitals = sum(1 for word in words if word[0].isupper())
    return capitals >= TITLE_CASE_SHARE * len(words)


def _titled_names(
    text: str,
    titles: Sequence[tuple[int, int]],
    lower_words: AbstractSet[str],
    named: AbstractSet[str],
) -> Iterator[str]:
    """The full names (two words or more) in the Title Case paragraphs
    ``titles``, each cut before its first word (after a title) that no name
    ``named`` in the narration holds ("Nora Lark Drives Out" -> "Nora Lark")."""
    words_named = {word for name in named for word in name.split()}
    for start, end in titles:
        for match in _names(text, start, end):
            name = clean(match.group(), lower_words)
            if name is None:
                continue
            words = name.split()
            for at in range(1 if is_honorific(words[0]) else 0, len(words)):
                if words[at] not in words_named:
                    words = words[:at]
                    break
            if len(words) >= 2 and not is_honorific(words[-1]):
                yield " ".join(words)


# Words that open sentences and are no names, of kinds a frequency list
# cannot tell from given names: adverbs and conjunctions without "-ly",
# numbers, interjections.
_OPENERS = frozenset(
    """Hence Thus Therefore Nevertheless Nonetheless Moreover Furthermore Besides Otherwise
    Accordingly Consequently Again Anyway Somehow Sometimes Whereupon Thereupon Likewise
    Till Until Because Since Unless Whereas Whenever Wherever Whatever Whoever Often Already
    Almost Even Just Only Quite Rather Never Always Ever Sometime Thereafter Hereafter
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Forty Fifty
    Hundred Thousand Hush Goodnight Heavens Yea Aye Ay Eh Hm Hum""".split()
)
# The stem of an adverb or a participle is a word at least this frequent in
# English (wordlist's Zipf scale): "present" of "Presently", "tap" of "Tapping".
OPENER_ZIPF = 3.0


def _adverb_or_participle(word: str, zipf: Callable[[str, float], float]) -> bool:
    """Whether ``word`` is an English word of its own kind, or an adverb or a
    participle made of a frequent word: "Hence", "Presently" ("present"),
    "Tapping" ("tap"), "Watching"; not "Emily" nor "Fleming"."""
    if word in _OPENERS:
        return True
    lowered = word.lower()
    stems: list[str] = []
    if lowered.endswith("ly") and len(lowered) > 5:
        stem = lowered[:-2]
        stems = [stem, stem[:-1] + "y" if stem.endswith("i") else stem, stem + "le"]
    elif lowered.endswith("ing") and len(lowered) > 5:
        stem = lowered[:-3]
        stems = [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            stems.append(stem[:-1])  # "tapping": "tap"
    elif lowered.endswith("wards"):
        return True
    return any(zipf(stem, OPENER_ZIPF) > 0.0 for stem in stems)


# verbs of saying not in "-ed" (attribution.py's list costs the review its import)
_SAID = frozenset(
    "said says told tells asks replies cries adds writes wrote spoke speaks began begins".split()
)


def _acting(text: str, seen: _Seen, name: str) -> bool:
    """Whether ``name`` is ever followed by a verb of saying or one in "-ed":
    "Nora thanked", "Lark said" (not "Hectic spots", "Exhaustion was")."""
    positions, names = seen.positions, seen.names
    number = -1
    while True:
        # (its next mention looked for at C speed: a novel has some 20,000)
        try:
            number = names.index(name, number + 1)
        except ValueError:
            return False
        position = positions[number]
        if not text.startswith(name, position):
            continue
        after = _WORD_AFTER.match(text, position + len(name))
        if after is not None and (after.group(1) in _SAID or after.group(1).endswith("ed")):
            return True
    return False


def _without_openers(text: str, seen: _Seen) -> _Seen:
    """``seen`` without the sentence-opening words taken for names. A name's
    first word that never starts a name in mid-sentence, and is an adverb, a
    participle, a number or an interjection (``_adverb_or_participle``), goes
    when the rest is a name the text uses too ("Afterwards Nora" -> "Nora",
    "Tapping Ivo" -> "Ivo"). A name of one such word goes if it is never
    seen acting ("Presently"; not "Browning said"). A frequent English word
    alone is not enough: "Tom stood", "Anna sat" at sentence openings only
    are names, and "Hectic", "Exhaustion" stay (a rule on frequency alone
    took a short text's "Tom" for no name)."""
    from aleppo_cli.text import wordlist

    zipf = wordlist.zipf
    named = set(seen.names)
    renamed: dict[str, str | None] = {}
    for name in named:
        first, _, rest = name.partition(" ")
        if (
            first in seen.mid
            or is_honorific(first)
            or word_gender(first.lower()) is not None
            or (rest and rest not in named)
        ):
            continue
        # a word alone: never seen acting either ("Browning said": a name)
        if _adverb_or_participle(first, zipf) and (
            rest or (name not in seen.acts and not _acting(text, seen, name))
        ):
            renamed[name] = rest or None
    if not renamed:
        return seen
    # each mention renamed (``renamed.get(name, name)``), those renamed to None left out
    new: list[str | None] = list(map(renamed.get, seen.names, seen.names))
    kept = [name is not None for name in new]
    positions = list(compress(seen.positions, kept))
    names = cast("list[str]", list(compress(new, kept)))

    def counted(counts: Mapping[str, int]) -> Counter[str]:
        merged: Counter[str] = Counter()
        for name, count in counts.items():
            new = renamed.get(name, name)
            if new is not None:
                merged[new] += count
        return merged

    def votes(counts: Mapping[str, Mapping[Gender, int]]) -> dict[str, Counter[Gender]]:
        merged: dict[str, Counter[Gender]] = {}
        for name, count in counts.items():
            new = renamed.get(name, name)
            if new is None:
                continue
            if new in merged:
                merged[new].update(count)
            else:  # what ``Counter.update`` does in an empty Counter, without its checks
                into: Counter[Gender] = Counter()
                dict.update(into, count)
                merged[new] = into
        return merged

    acts = {renamed.get(name, name) for name in seen.acts}
    return _Seen(
        positions,
        names,
        votes(seen.pronouns),
        {name for name in acts if name is not None},
        counted(seen.the),
        counted(seen.places),
        votes(seen.objects),
        counted(seen.said),
        seen.mid,
        votes(seen.subjects),
    )


def _merged(extents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted extents with the ones that overlap joined."""
    joined: list[tuple[int, int]] = []
    for start, end in extents:
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _headings(
    paragraphs: Sequence[Paragraph], heads: AbstractSet[int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The extents of the headings among ``paragraphs`` (``heads``: the
    numbers of the paragraphs that open sections), and of those in Title
    Case and paragraphs so written (titles over several lines), in order."""
    headings = []
    titles = []
    for p in paragraphs:
        if p.heading or (p.number in heads and p.clean_end - p.clean_start <= HEADING_LENGTH):
            headings.append((p.clean_start, p.clean_end))
            if _title_case(p.text):  # its full names tie forms, as a long title's do
                titles.append((p.clean_start, p.clean_end))
        elif _title_case(p.text):
            headings.append((p.clean_start, p.clean_end))
            titles.append((p.clean_start, p.clean_end))
    return headings, titles


def _later(
    text: str,
    lower_words: _LowerWords,
    inside: _Quoted,
    starts: Sequence[int],
    ends: Sequence[int],
    cut: int,
) -> _Part:
    """What ``index`` reads in a second process: ``_scan_part`` of the names
    from ``cut`` on."""
    return _scan_part(text, lower_words, inside, starts, ends, cut, len(starts))


def _joined(first: _Part, more: _Part) -> None:
    """``first`` with the findings of the names after its own (``more``) added."""
    positions, names, pronouns, acts, the, places, objects, speaking, mid, subjects = first
    positions.extend(more[0])
    names.extend(more[1])
    for into, part in ((pronouns, more[2]), (objects, more[6]), (subjects, more[9])):
        for name, votes in part.items():
            if name in into:
                into[name].update(votes)
            else:  # (what ``update`` would make of it in an empty Counter)
                into[name] = votes
    the.update(more[4])
    places.update(more[5])
    speaking.update(more[7])
    acts.update(more[3])
    mid.update(more[8])


def _seen(part: _Part) -> _Seen:
    """What ``_scan_part`` found of all the names."""
    positions, names, pronouns, acts, the, places, objects, speaking, mid, subjects = part
    return _Seen(
        positions,
        names,
        pronouns,
        _in_order(acts),
        the,
        places,
        objects,
        speaking,
        _in_order(mid),
        subjects,
    )


def _in_order(found: dict[str, None]) -> set[str]:
    """The set of ``found``, its members added one by one in order (as one
    pass adds them: the same set, laid out alike)."""
    members: set[str] = set()
    for member in found:
        members.add(member)
    return members


# What ``_scan`` finds of some of the matches: positions, names, pronouns,
# acts and mid (in the order first seen), "the X", places, objects, speaking,
# and the pronouns after the names that are their clauses' subjects.
_Part = tuple[
    list[int],
    list[str],
    defaultdict[str, Counter[Gender]],
    dict[str, None],
    Counter[str],
    Counter[str],
    defaultdict[str, Counter[Gender]],
    Counter[str],
    dict[str, None],
    defaultdict[str, Counter[Gender]],
]


# What a name match's candidate alone gives ``_scan_part``: its first word,
# the words after it (None for one word), the name it is (``clean``; None
# for a role or none), what kind it is, whether it opens with "The" and
# whether it is a possessive.
_Candidate = tuple[str, "dict[str, None] | None", "str | None", int, bool, bool]
# the kinds: no name and no role; a role or a title alone (``_role_after_the``
# reads where it stands); a name of one word ending "-ing" (``_participle``);
# a name of several words (``_participle_before``); any other name
_NO_NAME, _ROLE, _ING, _SPACED, _PLAIN = range(5)


def _candidate(
    candidate: str, lower_words: _LowerWords, cleaned: dict[str, str | None]
) -> _Candidate:
    """What ``candidate`` alone gives ``_scan_part`` (``cleaned``: the
    candidates cleaned so far, this one added)."""
    parts = candidate.split()
    later = dict.fromkeys(parts[1:]) if " " in candidate else None
    if candidate in cleaned:
        name = cleaned[candidate]
    else:
        name = cleaned[candidate] = clean(candidate, lower_words)
    if name is None:
        known = _ROLES_AFTER_THE.get(candidate)
        if known is None:
            known = _role_word(candidate)
            if len(_ROLES_AFTER_THE) < _ROLES_AFTER_THE_KEPT:
                _ROLES_AFTER_THE[candidate] = known
        kind = _NO_NAME if known[1] is None else _ROLE
    elif " " in name:
        kind = _SPACED
    elif name.endswith("ing"):
        kind = _ING
    else:
        kind = _PLAIN
    the = candidate.startswith("The ")
    return parts[0], later, name, kind, the, candidate.endswith(_POSSESSIVE)


def _scan_part(
    text: str,
    lower_words: _LowerWords,
    inside: _Quoted,
    starts: Sequence[int],
    ends: Sequence[int],
    begin: int,
    until: int,
) -> _Part:
    """What one pass finds of the name matches ``begin`` to ``until`` (their
    ``starts`` and ``ends``) outside the extents ``inside``."""
    found = list(map(text.__getitem__, map(slice, starts[begin:until], ends[begin:until])))
    # where the next name after each match starts ("He", "She": no names)
    upcoming = len(text)
    for number in range(until, len(starts)):
        if text[starts[number] : ends[number]] not in _NOT_NAMES:
            upcoming = starts[number]
            break
    next_names = [upcoming] * len(found)
    for number in range(len(found) - 1, -1, -1):
        next_names[number] = upcoming
        if found[number] not in _NOT_NAMES:
            upcoming = starts[begin + number]
    positions: list[int] = []
    names: list[str] = []
    pronouns: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    objects: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    subjects: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    acts: dict[str, None] = {}
    the: Counter[str] = Counter()
    speaking: Counter[str] = Counter()
    places: Counter[str] = Counter()
    cleaned = lower_words.cleaned  # a candidate is cleaned alike wherever it stands
    quoted_starts, quoted_ends = inside
    acts_after, sentence_end, pronoun = _ACTS.match, _SENTENCE_END.search, _PRONOUNS.search
    pronoun_or_end = _PRONOUN_OR_END.search
    mid: dict[str, None] = {}
    # what depends on a candidate alone, read once for each distinct candidate
    # (``_Candidate``), not once a mention
    read: dict[str, _Candidate] = {}
    for number in range(until - begin):
        candidate = found[number]
        start = starts[begin + number]
        end = ends[begin + number]
        known = read.get(candidate)
        if known is None:
            known = read[candidate] = _candidate(candidate, lower_words, cleaned)
        first_word, later_words, name, kind, the_name, possessive = known
        if later_words is not None:
            mid.update(later_words)
        if (
            first_word not in mid  # (set again, it would stay where it is)
            and text[start - 1 : start] == " "
            and _MID_SENTENCE.match(text, start - 2)
        ):
            mid[first_word] = None
        if kind == _NO_NAME:
            continue  # (no role alone, after "the" or not)
        if kind == _ROLE:
            # "the Professor", "the Secretary": a role or a title a story may
            # call a character by (kept only if it speaks: ``_described``)
            name = _role_after_the(text, start, candidate)
            if name is None:
                continue
        elif kind == _ING and name is not None and _participle(text, start, end, name):
            continue
        assert name is not None  # (a name of its own, or a role's)
        if kind == _SPACED and _participle_before(text, start, end, name):
            name = name.split(" ", 1)[1]  # "Watching Brandt, she ...": Brandt
        # the three characters before the space: a place word's last three (or
        # the whole of a short one), or more space
        tail = text[start - 4 : start - 1]
        if (
            text[start - 1 : start].isspace()
            and (
                tail in _PLACE_WORD_TAILS
                or tail[1:] in _SHORT_PLACE_WORDS
                or tail[2:].isspace()
                or start < 4
            )
            and _after_place_word(text, start)
        ):
            places[name] += 1  # inside quotations too: "I come from Dace"
        quote = bisect_left(quoted_starts, start + 1) - 1  # inside.covers(start)
        if quote >= 0 and start < quoted_ends[quote]:
            continue
        if " " not in name and text[start - 2 : start - 1] in ("t", "e"):
            kin = _KIN_TITLE.search(text, max(0, start - 8), start)
            if kin is not None:  # "aunt Lark" is no bare "Lark" (``_kin_titled``)
                name = f"{kin.group(1).capitalize()} {name}"
        positions.append(start)
        names.append(name)
        if the_name or text[max(0, start - len(_THE)) : start].lower() == _THE:
            the[name] += 1
            if _speaks(text, start, end, candidate):
                speaking[name] += 1
        if acts_after(text, end):
            acts[name] = None
        # the first pronoun after the name, in its sentence (a subject's: also in
        # the next sentence's first words: "Nora sat. She ..."), before anyone else
        # is named, within PRONOUN_REACH; ``ended``: the search stopped before the
        # next name, at the sentence's end or the reach
        next_name = next_names[number]
        reach = end + PRONOUN_REACH
        following = pronoun_or_end(text, end, next_name if next_name < reach else reach)
        if following is None:
            ended = reach < next_name
        else:
            ended = following.lastindex == 1  # the sentence ends first
            if ended:
                following = None
        if following is None and ended and not possessive and _opens_sentence(text, start):
            stop = sentence_end(text, end, end + 4 * PRONOUN_REACH)
            if stop:
                following = pronoun(
                    text, stop.end(), min(next_name, stop.end() + NEXT_SENTENCE_REACH)
                )
        if following:
            said = following.group().lower()
            gender = _PRONOUN_GENDERS.get(said)  # (``pronoun_gender``)
            if gender is None:
                continue
            if said not in _OBJECTS or _opens_clause(text, following.start()):
                pronouns[name][gender] += 1
                if not possessive and _subject(text, start, end):
                    subjects[name][gender] += 1
            else:
                objects[name][gender] += 1
    return positions, names, pronouns, acts, the, places, objects, speaking, mid, subjects


# A name written "the X" that speaks this often ("said the Hatter", "the
# Hatter replied") is a character the story calls by a description.
DESCRIBED_SPEAKS = 2
# the verbs of saying next to "the X" (attribution.py's list, read lazily:
# it imports this module)
_SAYING: frozenset[str] = frozenset()
_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")
_WORD_AFTER = re.compile(r"\s*(?:,\s*)?([a-z]+)")


def _saying() -> frozenset[str]:
    global _SAYING
    if not _SAYING:
        from aleppo_cli.analysis.quotes.attribution import VERB_WORDS

        _SAYING = frozenset(VERB_WORDS) - {"went", "calls", "called", "states", "notes"}
    return _SAYING


def _speaks(text: str, start: int, end: int, candidate: str) -> bool:
    """Whether "the X" at ``start`` (the name's ``end``) is the subject of a
    verb of saying: "said the X", "the X replied"."""
    verbs = _saying()
    after = _WORD_AFTER.match(text, end)
    if after is not None and after.group(1) in verbs:
        return True
    if candidate.startswith("The "):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - len(_THE) - 16), start - len(_THE))
    return before is not None and before.group(1) in verbs


def _role_after_the(text: str, start: int, candidate: str) -> str | None:
    """A role or a title alone after "the" ("the Professor", "The
    Secretary"), which ``clean`` takes for no name: the word, else None."""
    known = _ROLES_AFTER_THE.get(candidate)
    if known is None:
        known = _role_word(candidate)
        if len(_ROLES_AFTER_THE) < _ROLES_AFTER_THE_KEPT:
            _ROLES_AFTER_THE[candidate] = known
    opens_with_the, word = known
    if not opens_with_the and text[max(0, start - len(_THE)) : start].lower() != _THE:
        return None
    return word


# What ``_role_word`` gives each candidate, remembered (it reads the candidate alone)
_ROLES_AFTER_THE: dict[str, tuple[bool, str | None]] = {}
_ROLES_AFTER_THE_KEPT = 20_000


def _role_word(candidate: str) -> tuple[bool, str | None]:
    """Whether ``candidate`` opens with "The", and the role or title it is
    after it (or after a "the" before it), if it is one."""
    words = candidate.split()
    opens_with_the = words[0] == "The"
    if opens_with_the:
        words = words[1:]
    if len(words) != 1:
        return opens_with_the, None
    word = words[0].rstrip(".")
    if word in _ROLES or is_honorific(word) or word.lower() in _TITLE_WORDS:
        return opens_with_the, word
    return opens_with_the, None


# What may stand before a subject in its sentence: "But", "Ex-No 10 media chief".
SUBJECT_REACH = 40
_LEAD_STOPS = frozenset("with to at in from by for of on and or than as".split())


_PARTICIPLE_AFTER = re.compile(r",|\s+(?:in|to|on|at|about|from|with|for|after|before)\b")


def _after_place_word(text: str, position: int) -> bool:
    """Whether a name at ``position`` follows "at", "in", "from" ... ("at Dace")."""
    start = max(0, position - PLACE_WORD_REACH)
    before = text[start:position]
    if not before[-1:].isspace():
        return False
    stripped = before.rstrip()
    word = stripped.rsplit(None, 1)[-1] if stripped else ""
    # a whole word: something stands before it in the window, or the text starts there
    whole = len(stripped) > len(word) or start == 0
    if whole and word == "to":
        return _JOURNEY_TO.search(text, max(0, position - JOURNEY_REACH), position) is not None
    return whole and word in _PLACE_WORDS


def _participle(text: str, start: int, end: int, name: str) -> bool:
    """A sentence-opening "-ing" word before a preposition or a comma: "Looking
    at", "Returning,": no name."""
    return (
        " " not in name
        and name.endswith("ing")
        and _PARTICIPLE_AFTER.match(text, end) is not None
        and _opens_sentence(text, start)
    )


def _participle_before(text: str, start: int, end: int, name: str) -> bool:
    """A sentence-opening "-ing" word run into the name after it, the two
    before a comma or a preposition: "Watching Brandt, she ..." names Brandt."""
    return (
        name.split(" ", 1)[0].endswith("ing")
        and _PARTICIPLE_AFTER.match(text, end) is not None
        and _opens_sentence(text, start)
    )


# what ends the sentence before a name that opens one (``_opens_sentence``)
_SENTENCE_CUTS = (".", "!", "?", "\n", "…")


def _opens_sentence(text: str, position: int) -> bool:
    """Whether a name at ``position`` is its sentence's subject: its sentence
    starts at most three words before it ("But Nora", "Ex-No 10 chief Nora"),
    none of them a preposition or a conjunction ("with Nora")."""
    start = max(0, position - SUBJECT_REACH)
    window = text[start:position]
    cut = max(map(window.rfind, _SENTENCE_CUTS))
    if cut < 0 and start > 0:
        return False
    lead = window[cut + 1 :].lstrip(quotemarks.CLOSING + " ")
    if lead and not lead[-1].isspace():
        return False
    words = lead.split()
    return len(words) <= 3 and not any(word in _LEAD_STOPS for word in words) and "," not in lead


def _without_place(name: str, not_people: AbstractSet[str], named: AbstractSet[str]) -> str:
    """``name`` without a leading place or thing the text names on its own,
    when the rest is a name the text uses too ("Petersburg Natásha" of "in
    Petersburg Natásha …": "Natásha")."""
    first, _, rest = name.partition(" ")
    if rest and first in not_people and rest in named:
        return rest
    return name


# The last words of the names of streets, buildings and bodies: "Fifth
# Avenue", "Pulteney Buildings", "Acme Company" are no people (surnames
# such as "Hall", "Church" or "Lane" are not among them).
_PLACE_NOUNS = frozenset(
    """Street Avenue Square Road Terrace Buildings Crescent Boulevard Place Gardens Parade
    Abbey Castle Cathedral Chapel Hotel Palace Station Theatre Theater Museum Gallery College
    University School Hospital Club Company Bank Ministry Council Committee Office""".split()
)


def _places(seen: _Seen, totals: Mapping[str, int]) -> set[str]:
    """Names mostly found after "at", "in", "from", "went to" ...: places, not
    people (``totals``: how often each name is mentioned); and names that
    end in a word for a street, a building or a body ("Fifth Avenue")."""
    places = seen.places
    found = {
        name
        for name, count in places.items()
        if name and count >= PLACE_SHARE * totals.get(name, count) and title_gender(name) is None
    }
    found.update(
        name
        for name in totals
        if name.rsplit(None, 1)[-1] in _PLACE_NOUNS and not is_honorific(name.split()[0])
    )
    return found


# the endings of the names of peoples and their languages: "Italian",
# "Chinese", "English", "French"
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ch)s?")
# (not "that", "this", "his": "that Nora had", "his Nora was")
_ARTICLES = frozenset(("a", "an", "the"))
_WORD_AFTER_SPACE = re.compile(r"\s+([a-z]+)\b")
# what follows a name, not a noun after an adjective: "the Nora I knew"
_NOT_NOUNS = frozenset(
    "is was has had have will would could should can may might must shall did does do "
    "and or but i you he she we they who which that".split()
)


def _peoples(text: str, seen: _Seen) -> set[str]:
    """Names of peoples and languages: a word in "-an", "-ese", "-ish" or
    "-ch" that the text writes as an adjective, after "a", "an" or "the" and
    before a lower-case word ("an Italian lady", "the English girls"), or
    its plural ("Italians" for "an Italian cab"). No person is written so.
    Read at the mentions themselves: a pattern over the whole text for each
    such name cost a novel with many ("Russian", "German") seconds."""
    adjectives = set()
    distinct = set(seen.names)
    demonyms = {name for name in distinct if _DEMONYM.fullmatch(name)}
    for position, name in zip(seen.positions, seen.names, strict=True):
        if name not in demonyms or name in adjectives:
            continue
        before = text[max(0, position - 5) : position].split()
        if not before or before[-1].lower() not in _ARTICLES:
            continue
        after = _WORD_AFTER_SPACE.match(text, position + len(name))
        noun = after.group(1) if after is not None else "ed"
        if noun not in _NOT_NOUNS and not noun.endswith("ed"):
            adjectives.add(name)
    return {
        name
        for name in distinct
        if name in adjectives or (name.endswith("s") and name[:-1] in adjectives)
    }


def _sisters(totals: Mapping[str, int]) -> set[str]:
    """The family names the text names sisters of: "the Miss Larks" beside
    "Miss Lark" (however often each)."""
    return {
        words[1][:-1]
        for words in (name.split() for name in totals if name.startswith("Miss "))
        if len(words) == 2
        and words[1].endswith("s")
        and not words[1].endswith("ss")
        and f"Miss {words[1][:-1]}" in totals
    }


def _plurals(totals: Mapping[str, int]) -> set[str]:
    """A title before a family name in the plural, "Miss Larks", "the Mr.
    Larks", where the text names one of them so at least as often ("Miss
    Lark"): the sisters or the brothers together, no one person (a "Mr.
    Sikes" named far more often than a "Mr. Sike" is one)."""
    found = set()
    for name in totals:
        words = name.split()
        if (
            len(words) == 2
            and words[0].rstrip(".") in ("Miss", "Mr", "Mrs", "Master")
            and words[1].endswith("s")
            and not words[1].endswith("ss")
            and totals.get(f"{words[0]} {words[1][:-1]}", 0) >= totals[name]
        ):
            found.add(name)
    return found


def _things(seen: _Seen, totals: Mapping[str, int]) -> set[str]:
    """Names mostly written "the X": a ship, a people, a river; not a person."""
    return {
        name
        for name, count in seen.the.items()
        if count >= THE_SHARE * totals[name] and title_gender(name) is None
    }


def _described(seen: _Seen, totals: Mapping[str, int]) -> dict[str, str]:
    """Names mostly written "the X" that speak (``DESCRIBED_SPEAKS``): a
    character the story calls by a description or a role ("the Hatter", "the
    Mock Turtle", "the Professor"), a person named "the X". Not a plural (a
    body of people: "the Tories") nor a name a title gives a gender ("the
    Queen" is a person already)."""
    return {
        name: f"the {name}"
        for name, count in seen.said.items()
        if count >= DESCRIBED_SPEAKS
        and seen.the.get(name, 0) >= THE_SHARE * totals[name]
        and not (name.endswith("s") and not name.endswith("ss"))
        and not _COLLECTIVE.fullmatch(name)
        and (title_gender(name) is None or is_honorific(name) or name in _ROLES)
    }


# a people named by its adjective, always a plural: "the French", "the
# Dutch", "the Chinese", "the Irish" (not "the Russian", one man)
_COLLECTIVE = re.compile(r"[A-Z][a-z]+(?:ch|sh|ese)")


def _roles(seen: _Seen) -> set[str]:
    """The roles and titles alone after "the" (``_role_after_the``): no
    people, unless they speak."""
    return {
        name
        for name in seen.the
        if " " not in name
        and (name in _ROLES or is_honorific(name) or name.lower() in _TITLE_WORDS)
    }


def _genders(
    names: Sequence[str], pronouns: Mapping[str, Mapping[Gender, int]]
) -> dict[str, Gender | None]:
    """Each name's gender: its title's, else its titled forms' for a bare name
    ("Lark": "Mr. Lark"), else its pronouns'."""
    titled: defaultdict[str, Counter[Gender]] = defaultdict(Counter)
    for name in names:
        words = name.split()
        gender = title_gender(name)
        if len(words) >= 2 and gender:
            titled[words[-1]][gender] += 1
    genders: dict[str, Gender | None] = {}
    for name in names:
        if name in genders:
            continue
        gender = title_gender(name) or _pronoun_majority(pronouns.get(name, {}))
        if " " not in name and titled[name]:
            gender = titled[name].most_common(1)[0][0]
        genders[name] = gender
    return genders


def _surnames(names: Sequence[str]) -> dict[str, str]:
    """First names and surnames -> family names: "Nora Lark" gives "Nora" -> "Lark"."""
    surnames: dict[str, str] = {}
    for name in dict.fromkeys(names):  # each name once, in order
        words = name.split()
        if len(words) >= 2:
            surnames.setdefault(words[-2] if words[-2][-1:] != "." else words[-1], words[-1])
    return surnames


def _kin(groups: Mapping[str, persons.Group]) -> dict[tuple[str, Gender], frozenset[str]]:
    """(family name, gender) -> the people of that gender named in full with
    a given name and that family name ("Ivo Lark", not "Mr. Lark")."""
    kin: defaultdict[tuple[str, Gender], set[str]] = defaultdict(set)
    for form, group in groups.items():
        words = form.split()
        # a given name and a family name: not "Mr. Lark", nor a description ("the Hatter")
        if (
            len(words) >= 2
            and group.gender is not None
            and not is_honorific(words[0])
            and words[0][:1].isupper()
        ):
            kin[words[-1], group.gender].add(group.canonical)
    return {key: frozenset(names) for key, names in kin.items()}


def _by_last_word(groups: Mapping[str, persons.Group]) -> dict[str, set[str]]:
    """The last word of every form -> the people it names."""
    by_word: defaultdict[str, set[str]] = defaultdict(set)
    for form, group in groups.items():
        by_word[form.split()[-1]].add(group.canonical)
    return dict(by_word)


def _family(
    text: str, inside: _Quoted, people: People, relations: Sequence[tuple[int, str, str]]
) -> list[tuple[int, str]]:
    """ "Her father", "his wife" in the narration (``relations``: the
    ``_family_words`` of ``text``): mentions of whom they name."""
    family = []
    for start, pronoun, relation in relations:
        if inside.covers(start):
            continue
        owner = people.recent(start, pronoun_gender(pronoun))
        related = people.related(owner, relation.lower(), start) if owner else None
        if related:
            family.append((start, related))
    return family


def _is_word(character: str) -> bool:
    """A word character of a pattern (``\\w``): a letter, a digit or "_"."""
    return character.isalnum() or character == "_"


def _family_words(text: str) -> list[tuple[int, str, str]]:
    """Where "his father", "Her wife" ... stand in ``text``, in order: the
    owner's start, the owner and the relation (``_FAMILY_OWNERS``,
    ``_FAMILY_RELATIONS``)."""
    found = []
    size = len(text)
    for relation in _FAMILY_RELATIONS:
        length = len(relation)
        at = text.find(relation)
        while at >= 0:
            end = at + length
            space = at
            while space > 0 and text[space - 1].isspace():
                space -= 1
            start = space - 3
            if (
                space < at
                and start >= 0
                and text[start:space] in _FAMILY_OWNERS
                and (start == 0 or not _is_word(text[start - 1]))
                and (end == size or not _is_word(text[end]))
            ):
                found.append((start, text[start:space], relation))
            at = text.find(relation, end)
    found.sort()
    return found
