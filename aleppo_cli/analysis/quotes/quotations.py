"""Direct quotations, what kind they are, and who said them.

Quote marks (curly, straight, guillemets) delimit quoted stretches in each
paragraph (``quotemarks``). Stretches are joined into one quotation when only
an attribution stands between them (“This is our destiny,” Khaled says. “We’re
going to die…”) or when a paragraph leaves a quote open and the next reopens
it. Each quotation is then classed (speech, title, nickname, scare quotes,
other) and, if speech, given a speaker by rules that read only the text itself:

1. an attribution next to it: "X says", "said X", "X eventually tells",
   "said his lady", "he replied", or "X said:" before it, also at the end of
   the paragraph before ("she observed,") or joined on by "and" ("he turned
   to his partner, and said,");
2. a pronoun ("he", "she") or a noun such as "his wife" resolves to a person
   named outside quotes with that gender (the gender of a name coming from
   its honorific or from the pronouns that follow its mentions): first one
   named in the quote's own paragraph, then the dialogue's, then the most
   recent; "she added" is the last speaker again; "her aunt" is never "her";
3. in dialogue, an unattributed turn goes to the one the last turn called by
   name, or to the speaker two turns back (A, B, A, B), or, after narration,
   to the last person the narration named;
4. nobody is the speaker of a quotation that names them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from aleppo_cli.text import quotemarks
from aleppo_cli.text.document import Document, Paragraph

SPEECH = "speech"
TITLE = "title"
NICKNAME = "nickname"
SCARE = "scare"
OTHER = "other"
KINDS = (SPEECH, TITLE, NICKNAME, SCARE, OTHER)

_VERBS = (
    "said say says saying replied replies reply cried cries returned added adds continued "
    "continues answered answers asked asks exclaimed exclaims observed observes rejoined "
    "remarked remarks repeated repeats resumed began begins interrupted thought whispered "
    "whispers shouted shouts muttered murmured declared declares explained explains insisted "
    "insists called calls tells told tell responded responds wrote writes screamed sighed "
    "protested urged pleaded admitted admits agreed argued argues warned warns noted notes "
    "recalled recalls cries answered retorted went addressed crying adding observing"
).split()
_VERB = r"(?:" + "|".join(sorted(set(_VERBS), key=len, reverse=True)) + r")"
_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Lady|Lord|Sir|Colonel|Captain|Prince|Princess|Count|Countess|"
    r"General|Madame|Mademoiselle|Uncle|Aunt|Professor|Father|Mother)"
)
_NAME_WORD = rf"(?!{_HONORIFIC}\b)[A-Z][^\W_]*(?:-[^\W_]+)*[a-z][^\W_]*(?:-[^\W_]+)*(?:[’']s\b)?"
NAME = rf"(?:{_HONORIFIC}\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
_PRONOUN = r"(?:he|she|He|She)\b"
_RELATIVE = (
    r"(?:his|her|the|their)\s+(?:wife|husband|lady|mother|father|sister|brother|daughter|son|"
    r"friend|comrade|man|woman|girl|boy|aunt|uncle|cousin|companion|gentleman|ladyship|lordship|"
    r"niece|nephew)"
)
_WHO = rf"(?P<who>{_RELATIVE}|{NAME}|{_PRONOUN})"
_ADVERB = r"(?:\w+ly\s+)?"
_AFTER = re.compile(
    rf"^[\s,;:—–\-]*(?:{_WHO}\s+{_ADVERB}{_VERB}\b|{_VERB}\s+{_ADVERB}(?P<who2>{_RELATIVE}|{NAME}|{_PRONOUN}))"
)
_BEFORE = re.compile(rf"{_WHO}\s+{_ADVERB}{_VERB}\b[^.!?“”\"]{{0,100}}$")
# "he turned to his partner, and said," "He heard her attentively, and then said,":
# a subject, what it did, and a speech verb joined on by "and"
_DID_AND_SAID = re.compile(
    rf"(?:^\s*|[,;]\s+)(?P<who>{_PRONOUN}|{NAME})\s+[^.!?;“”\"]{{0,100}}?"
    rf"(?:,\s+|\s)and,?\s+(?:then\s+|thus\s+|soon\s+|\w+ly\s+)?{_VERB}\b[^.!?“”\"]{{0,60}}$"
)
_FAMILY = re.compile(r"\b(his|her|His|Her)\s+(father|mother|wife|husband)\b")
_GOES_ON = re.compile(r"\b(?:added|adds|adding|continued|continues|resumed|went on)\b")
_NICKNAMED = re.compile(
    r"(?:nicknamed|called|dubbed|known\s+as|named|so-called|titled|entitled)\s*$", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"[.!?…]\s")
_PLACE = re.compile(
    rf"\b(?:at|in|from|near|into|towards|through|round|leave|left|reach|reached|visit|visited|"
    rf"quit|quitted|leaving|reaching|visiting)\s+(?P<name>{NAME})"
)
PLACE_SHARE = 0.4  # share of a name's mentions after those words that makes it a place
THE_SHARE = 0.5  # share of a name's mentions after "the" that makes it a thing or a people
_ACTS = re.compile(r"\s+(?:\w+ed|\w+s|is|was|had|did|can|could|would|will|went|came|saw)\b")
_SENTENCE_END = re.compile(r"[.!?…“”\"]")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
_FEMALE = frozenset(
    "mrs ms miss lady princess countess madame mademoiselle aunt mother wife sister daughter "
    "woman girl queen duchess baroness madam ladyship niece".split()
)
_MALE = frozenset(
    "mr sir lord prince count general uncle father husband brother son man boy gentleman "
    "colonel captain major lieutenant king duke baron monsieur lordship nephew".split()
)
_NOT_NAMES = frozenset(
    """The A An And But Or If When Then There This That These Those It Its He She They We You I
    His Her Their Our Your My What Why How Where Who Which Yes No Oh Well Now So Not Nor As At
    In On Of To For With Yet Still Though Although While After Before Instead However Indeed
    Perhaps Make Let Do Does Did Is Are Was Were Be""".split()
)
_PRONOUNS = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    start: int  # offsets into the text as read: the words inside the quote marks
    end: int
    clean_start: int
    clean_end: int
    text: str  # as read: raw[start:end]


@dataclass(frozen=True)
class Quotation:
    kind: str
    speaker: str | None
    parts: tuple[Part, ...]
    paragraph: int
    sentence: int

    @property
    def text(self) -> str:
        """The words of all parts, white space made single spaces."""
        return " ".join(" ".join(part.text.split()) for part in self.parts)


@dataclass
class _Draft:
    parts: list[tuple[int, int]]  # clean offsets, inside the marks
    paragraph: Paragraph
    open_end: bool  # the last part runs to the end of its paragraph, unclosed
    kind: str = OTHER
    speaker: str | None = None
    attributed: bool = False
    gap_texts: list[str] = field(default_factory=list)
    pending: tuple[str | None, str, str] | None = None  # (gender, owner, relation) to resolve
    addressee: str | None = None  # a name called out in the quote: "Yes, Mr. Darcy,"
    named: frozenset[str] = frozenset()  # people the quote names: not its speaker
    goes_on: bool = False  # "she added", "he continued": the last speaker again


def find(document: Document) -> list[Quotation]:
    """Every quoted stretch of ``document``, in order, speech or not."""
    drafts = _segments(document)
    text = document.clean.text
    people = _People(document, drafts)
    before = dict(zip(document.paragraphs[1:], document.paragraphs, strict=False))
    for draft in drafts:
        _attribute(text, draft, people, before.get(draft.paragraph))
        draft.kind = _kind(text, draft)
        draft.addressee = _vocative(text, draft, people)
        draft.named = people.named_in(text, draft.parts)
    _turn_taking(drafts, people)
    return [_finish(document, draft) for draft in drafts]


# --- finding and joining the quoted stretches --------------------------------


def _segments(document: Document) -> list[_Draft]:
    text = document.clean.text
    drafts: list[_Draft] = []
    previous_open = False
    for paragraph in document.paragraphs:
        if not paragraph.sentences:  # code: never a quotation
            continue
        base = paragraph.clean_start
        first_in_paragraph = True
        for start, end in quotemarks.spans(paragraph.text):
            closed = end - start >= 2 and paragraph.text[end - 1] in '”"»«“'
            inner_start = base + start + 1
            inner_end = base + end - 1 if closed else base + end
            inner_start, inner_end = _strip(text, inner_start, inner_end)
            if inner_end <= inner_start:
                continue
            last = drafts[-1] if drafts else None
            if (
                last
                and last.paragraph is paragraph
                and _joins(text, last.parts[-1][1], inner_start)
            ):
                last.gap_texts.append(text[last.parts[-1][1] : inner_start])
                last.parts.append((inner_start, inner_end))
                last.open_end = not closed
            elif last and previous_open and first_in_paragraph and start == 0:
                last.parts.append((inner_start, inner_end))  # the quote goes on
                last.open_end = not closed
            else:
                drafts.append(_Draft([(inner_start, inner_end)], paragraph, not closed))
            first_in_paragraph = False
        previous_open = bool(drafts) and drafts[-1].open_end and drafts[-1].paragraph is paragraph
    return drafts


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _joins(text: str, previous_end: int, start: int) -> bool:
    """Only an attribution stands between two quoted stretches."""
    gap = text[previous_end:start].strip('”"» \n')
    gap = gap.rstrip('“"«„ ')
    if len(gap) > 80 or not gap:
        return False
    match = _AFTER.match(gap)
    if match is None or _SENTENCE_BREAK.search(gap.rstrip(".,;:—– ")):
        return False
    if gap.endswith((",", ":", ";", "—", "–")):
        return True  # '"Yes," said she, "I will."': one sentence around the attribution
    # '"Yes," Khaled says. "I will."', but not '"Yes," said X years ago. "Title" ...'
    return len(gap[match.end() :].split()) <= 1


# --- kinds ---------------------------------------------------------------------


def _kind(text: str, draft: _Draft) -> str:
    start, end = draft.parts[0][0], draft.parts[-1][1]
    inner = text[start:end]
    before = text[max(draft.paragraph.clean_start, start - 40) : start - 1]
    words = inner.rstrip(".,;:!?…").split()
    if _NICKNAMED.search(before):
        return NICKNAME
    if draft.attributed or draft.speaker:
        return SPEECH
    if _is_title(words, inner):
        return TITLE
    if len(words) <= 3 and inner[:1].islower() and not inner.endswith((".", "!", "?", "…")):
        return SCARE
    if inner.endswith((".", ",", "!", "?", "…", "—", "-", ";")) or len(words) >= 4:
        return SPEECH
    return OTHER


def _is_title(words: list[str], inner: str) -> bool:
    if not 1 <= len(words) <= 10 or not words[0][:1].isupper():
        return False
    if any(mark in inner.rstrip(".,") for mark in ".!?;"):
        return False
    capitalised = [w for w in words if w[:1].isupper() or w.lower() in _SMALL_WORDS]
    # one word is a title only bare ("Hamlet"), not with punctuation ("Run,")
    return len(capitalised) == len(words) and (len(words) >= 2 or inner[-1:].isalnum())


# --- people: names, their genders, where they are mentioned ----------------------

_NAME_RE = re.compile(NAME)


class _People:
    def __init__(self, document: Document, drafts: list[_Draft]) -> None:
        text = document.clean.text
        quoted = sorted((d.parts[0][0], d.parts[-1][1]) for d in drafts)
        self._quote_starts = [s for s, _ in quoted]
        self._quote_ends = [e for _, e in quoted]
        self.mentions: list[tuple[int, str]] = []
        pronouns: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._acts: set[str] = set()  # names seen doing something: "Mary looked"
        the: Counter[str] = Counter()  # mentions written "the X" or "The X"
        self._lower_words = set(re.findall(r"\b[a-z][a-z’'\-]*\b", text))
        matches = list(_NAME_RE.finditer(text))
        for number, match in enumerate(matches):
            name = self.clean(match.group())
            if name is None or self._inside_quote(match.start()):
                continue
            self.mentions.append((match.start(), name))
            before = text[max(0, match.start() - 4) : match.start()]
            if match.group().startswith("The ") or before.lower() == "the ":
                the[name] += 1
            if _ACTS.match(text, match.end()):
                self._acts.add(name)
            # the first pronoun after the name, in its sentence, before anyone else is named
            stop = _SENTENCE_END.search(text, match.end(), match.end() + 150)
            limit = stop.start() if stop else match.end() + 150
            if number + 1 < len(matches):
                limit = min(limit, matches[number + 1].start())
            following = _PRONOUNS.search(text, match.end(), limit)
            if following:
                pronouns[name][_gender_of_pronoun(following.group())] += 1
        # a name mostly found after "at", "in", "from" ... is a place, not a person
        places = Counter(self.clean(m.group("name")) for m in _PLACE.finditer(text))
        totals = Counter(name for _, name in self.mentions)
        self._places = {
            name
            for name, count in places.items()
            if name
            and count >= PLACE_SHARE * totals.get(name, count)
            and _gender(name, Counter()) is None
        }
        # a name mostly written "the X" is a ship, a people, a river: not a person
        self._places |= {
            name
            for name, count in the.items()
            if count >= THE_SHARE * totals[name] and _gender(name, Counter()) is None
        }
        self.mentions = [(p, n) for p, n in self.mentions if n not in self._places]
        self._positions = [p for p, _ in self.mentions]
        self._surnames: dict[str, str] = {}
        for _, name in self.mentions:
            words = name.split()
            if len(words) >= 2:
                self._surnames.setdefault(
                    words[-2] if words[-2][-1:] != "." else words[-1], words[-1]
                )
        # a bare name takes the gender of its titled forms ("Darcy": "Mr. Darcy")
        titled: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for _, name in self.mentions:
            words = name.split()
            title_gender = _gender(name, Counter())
            if len(words) >= 2 and title_gender:
                titled[words[-1]][title_gender] += 1
        self._by_word: defaultdict[str, set[str]] = defaultdict(set)  # last word -> names
        for _, name in self.mentions:
            self._by_word[name.split()[-1]].add(name)
        self.gender: dict[str, str | None] = {}
        for _, name in self.mentions:
            if name in self.gender:
                continue
            gender = _gender(name, pronouns[name])
            if " " not in name and titled[name]:
                gender = titled[name].most_common(1)[0][0]
            self.gender[name] = gender
        # "her father", "his wife" in the narration mention the people they name
        family = []
        for match in _FAMILY.finditer(text):
            if self._inside_quote(match.start()):
                continue
            start = match.start()
            owner = self.recent(start, "M" if match.group(1).lower() == "his" else "F")
            related = _related(self, owner, match.group(2).lower(), start) if owner else None
            if related:
                family.append((start, related))
        if family:
            self.mentions = sorted(self.mentions + family)
            self._positions = [p for p, _ in self.mentions]

    def clean(self, candidate: str) -> str | None:
        """A name as the text would write it alone, or None if it is none.

        Leading words the text also writes in lower case go ("Poor Reynolds",
        "Whenever Charlotte", "Had Elizabeth"); so does a name that is only
        such a word ("Observing", "Here": a word starting a sentence).
        """
        name = _clean_name(candidate)
        if name is None:
            return None
        words = name.split()
        while words and words[0].lower() in self._lower_words and not _is_honorific(words[0]):
            words = words[1:]
        return " ".join(words) if words else None

    def named_in(self, text: str, parts: list[tuple[int, int]]) -> frozenset[str]:
        """The people that ``parts`` of ``text`` name, in every form the text
        names them: "Darcy" names "Mr. Darcy" too, "Mr. Darcy" names "Darcy"."""
        found: set[str] = set()
        for start, end in parts:
            for match in _NAME_RE.finditer(text, start, end):
                name = self.clean(match.group())
                if name is None:
                    continue
                words = name.split()
                found.add(name)
                if len(words) == 1:  # "Darcy": also "Mr. Darcy", "Fitzwilliam Darcy"
                    found.update(self._by_word.get(name, ()))
                else:  # "Mr. Darcy": also "Darcy"; "Jane Bennet": also "Jane"
                    found.update(w for w in words if w in self.gender)
        return frozenset(found)

    def surname(self, name: str) -> str | None:
        """The family name of ``name``: its last word if it has a title or two
        words ("Mr. Bennet", "Elizabeth Bennet"), else one the text gives it."""
        words = name.split()
        if len(words) >= 2:
            return words[-1]
        return self._surnames.get(words[0])

    def _inside_quote(self, position: int) -> bool:
        index = bisect_left(self._quote_starts, position + 1) - 1
        return index >= 0 and position < self._quote_ends[index]

    def recent_titled(self, position: int, title: str, window: int = 3000) -> str | None:
        """The last person named before ``position`` with ``title`` ("Lady ...")."""
        index = bisect_left(self._positions, position) - 1
        while index >= 0 and position - self._positions[index] <= window:
            name = self.mentions[index][1]
            if name.split()[0] == title:
                return name
            index -= 1
        return None

    def named_between(self, start: int, end: int, gender: str | None) -> bool:
        """Whether the narration between ``start`` and ``end`` names someone of ``gender``."""
        index = bisect_left(self._positions, start)
        while index < len(self._positions) and self._positions[index] < end:
            if gender is None or self.gender.get(self.mentions[index][1]) == gender:
                return True
            index += 1
        return False

    def recent(
        self, position: int, gender: str | None, exclude: set[str] | None = None, window: int = 3000
    ) -> str | None:
        """The last person named before ``position`` (of ``gender``, if known)."""
        index = bisect_left(self._positions, position) - 1
        fallback = None
        while index >= 0 and position - self._positions[index] <= window:
            name = self.mentions[index][1]
            index -= 1
            if exclude and name in exclude:
                continue
            known = self.gender.get(name)
            person = known is not None or name in self._acts
            if (gender is not None and known == gender) or (gender is None and person):
                return name
            if known is None and fallback is None and name in self._acts:
                fallback = name
        return fallback


def _clean_name(candidate: str) -> str | None:
    words = candidate.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words:
        return None
    words[-1] = re.sub(r"[’']s$", "", words[-1])  # Elizabeth's -> Elizabeth
    name = " ".join(words)
    if _is_honorific(name):
        return None
    return name


def _is_honorific(word: str) -> bool:
    return re.fullmatch(_HONORIFIC + r"\.?", word) is not None


def _gender_of_pronoun(pronoun: str) -> str:
    return "M" if pronoun.lower() in ("he", "him", "his", "himself") else "F"


def _gender(name: str, pronouns: Counter[str]) -> str | None:
    first = name.split()[0].rstrip(".").lower()
    if first in _FEMALE:
        return "F"
    if first in _MALE:
        return "M"
    male, female = pronouns["M"], pronouns["F"]
    if male > 1.3 * female:
        return "M"
    if female > 1.3 * male:
        return "F"
    return None


# --- speakers ----------------------------------------------------------------------


def _attribute(
    text: str, draft: _Draft, people: _People, previous: Paragraph | None = None
) -> None:
    first_end = draft.parts[0][1]
    paragraph_end = draft.paragraph.clean_end
    after = text[first_end : min(paragraph_end, first_end + 120)].lstrip('”"»')
    match = _AFTER.match(after)
    position = first_end
    if match is None and len(draft.parts) > 1:
        match = _AFTER.match(draft.gap_texts[0]) if draft.gap_texts else None
    if match is None:
        last_end = draft.parts[-1][1]
        after = text[last_end : min(paragraph_end, last_end + 120)].lstrip('”"»')
        match = _AFTER.match(after)
        position = last_end
    if match is None:
        start = draft.parts[0][0]
        before = text[draft.paragraph.clean_start : max(draft.paragraph.clean_start, start - 1)]
        match = _attribution_before(before)
        position = start
        opens = start - draft.paragraph.clean_start <= 2
        if match is None and opens and previous is not None:
            # 'she observed,' ending the paragraph before: "How suddenly..."
            tail = text[previous.clean_start : previous.clean_end].rstrip()
            if tail.endswith((",", ":", "—", "–")):
                match = _attribution_before(tail)
    if match is None:
        return
    who = match.group("who") or match.group("who2")
    draft.attributed = True
    draft.goes_on = _GOES_ON.search(match.group()) is not None
    draft.speaker = _resolve(who, position, people, draft)


def _attribution_before(narration: str) -> re.Match[str] | None:
    """ "X said," / "she added:" ending ``narration``, after its last sentence break."""
    narration = narration.rstrip(' “"«„')
    cut = max(
        narration.rfind(". "), narration.rfind("! "), narration.rfind("? "), narration.rfind("” ")
    )
    sentence = narration[cut + 1 :] if cut >= 0 else narration
    return _BEFORE.search(sentence) or _DID_AND_SAID.search(sentence)


def _resolve(who: str, position: int, people: _People, draft: _Draft) -> str | None:
    """A name as written, or None with ``draft.pending`` set for a pronoun or a
    relation ("his wife"), which dialogue context resolves later."""
    lowered = who.lower()
    if lowered in ("he", "she"):
        draft.pending = ("M" if lowered == "he" else "F", "", "")
        return None
    words = lowered.split()
    if words[0] in ("his", "her", "the", "their"):
        noun = words[-1]
        gender = "F" if noun in _FEMALE else "M" if noun in _MALE else None
        owner = {"his": "M", "her": "F"}.get(words[0], "")
        draft.pending = (gender, owner, noun if owner else "")
        return None
    return people.clean(who)


_SPOUSE = {"wife": "Mrs.", "lady": "Mrs.", "husband": "Mr."}
_PARENT = {"mother": "Mrs.", "father": "Mr."}
_TITLED = {"ladyship": "Lady", "lordship": "Lord"}


def _related(people: _People, owner: str, relation: str, position: int) -> str | None:
    """ "his wife" -> Mrs. X for Mr. X; "her mother" -> Mrs. Y for the family
    name Y of the woman (or the last Mrs. named, if the text gives her none);
    "her ladyship" -> the last Lady named."""
    if relation in _TITLED:
        return people.recent_titled(position, _TITLED[relation])
    title = _SPOUSE.get(relation) or _PARENT.get(relation)
    if title is None:
        return None
    surname = people.surname(owner)
    if surname is None:  # "Kitty": no family name given; the last Mrs. named
        return people.recent_titled(position, title)
    candidate = f"{title} {surname}"
    return candidate if candidate in people.gender else None


def _pending_speaker(
    draft: _Draft, people: _People, turns: list[tuple[int, str | None]]
) -> str | None:
    gender, owner_gender, relation = draft.pending or (None, "", "")
    position = draft.parts[0][0]
    number = draft.paragraph.number
    named = draft.named  # a speaker does not name themselves
    if relation:  # "her aunt": not "her" herself, who is the one spoken to or last named
        spoken_to = draft.addressee
        if spoken_to and people.gender.get(spoken_to) in (owner_gender, None):
            owner: str | None = spoken_to
        else:
            owner = people.recent(position, owner_gender)
        related = _related(people, owner, relation, position) if owner else None
        if related and related not in named:
            return related
        named = named | {owner} if owner else named
    # the narration of the quote's own paragraph names someone of that gender
    if gender and not relation:
        window = position - draft.paragraph.clean_start
        local = people.recent(position, gender, exclude=set(named), window=window)
        if local is not None and people.gender.get(local) == gender:
            return local
    # in a dialogue (quotes in the paragraphs just before), turns alternate:
    # the speaker two turns back, if the gender fits; never the last speaker
    dialogue = [s for p, s in turns[-8:] if 1 <= number - p <= 2 and s]
    in_dialogue = bool(turns) and turns[-1][0] == number - 1 and turns[-1][1] is not None
    alternate = len(dialogue) >= 2 and dialogue[-2] != dialogue[-1] and dialogue[-2] not in named
    fits = people.gender.get(dialogue[-2]) == gender if alternate and gender else alternate
    if in_dialogue and alternate and fits:
        return dialogue[-2]
    exclude = set(named) | ({dialogue[-1]} if in_dialogue and dialogue else set())
    if in_dialogue and gender:
        # someone already in the conversation, of that gender, other than the last speaker
        for _, name in reversed(turns):
            if name and name not in exclude and people.gender.get(name) == gender:
                return name
    found = people.recent(position, gender, exclude=exclude) or people.recent(
        position, gender, exclude=set(named)
    )
    if found is None and gender:  # nobody of that gender named: one who spoke lately
        found = next(
            (
                s
                for _, s in reversed(turns)
                if s and s not in named and people.gender.get(s) == gender
            ),
            None,
        )
    return found


_VOCATIVE = re.compile(rf"(?:^|[,;!?]\s+|\b(?:dear|my|Oh|oh)\s+)(?P<name>{NAME})(?=\s*[,.!?;—–-])")


def _vocative(text: str, draft: _Draft, people: _People) -> str | None:
    """The first name addressed in the quotation ("My dear Mr. Bennet,")."""
    for start, end in draft.parts:
        for match in _VOCATIVE.finditer(text, start, end):
            name = people.clean(match.group("name"))
            if name and name != draft.speaker:
                return name
    return None


def _turn_taking(drafts: list[_Draft], people: _People) -> None:
    """Unattributed speech in dialogue: the speaker two turns back, or the
    person the narration just named; pronouns and relations resolved here."""
    previous_by_paragraph: list[tuple[int, str | None]] = []  # (paragraph, speaker)
    addressed: tuple[int, str | None] | None = None  # the last turn's addressee
    last_speech: tuple[int, str, int] | None = None  # the last quote: paragraph, speaker, end
    for draft in drafts:
        if draft.kind != SPEECH:
            continue
        number = draft.paragraph.number
        recent = previous_by_paragraph[-8:]  # turns only look a few paragraphs back
        same = [s for p, s in recent if p == number and s]
        # the one just spoken to, in the turn before, answers
        answerer = addressed[1] if addressed and addressed[0] == number - 1 else None
        named = draft.named
        if answerer in named:
            answerer = None
        gender = draft.pending[0] if draft.pending else None
        if (
            draft.pending is not None
            and draft.goes_on
            and last_speech is not None
            and number - last_speech[0] <= 1
            and last_speech[1] not in named
            and people.gender.get(last_speech[1]) in (gender, None)
            and not people.named_between(last_speech[2], draft.parts[0][0], gender)
        ):
            draft.speaker = last_speech[1]
        elif draft.pending is not None:
            if answerer and gender and people.gender.get(answerer) == gender:
                draft.speaker = answerer
            else:
                draft.speaker = _pending_speaker(draft, people, recent)
        elif draft.speaker is None and same:
            draft.speaker = same[-1]
        elif draft.speaker is None and answerer:
            draft.speaker = answerer
        elif draft.speaker is None:
            turns = [(p, s) for p, s in recent if number - p <= 3]
            start = draft.parts[0][0]
            if (
                len(turns) >= 2
                and turns[-1][0] == number - 1
                and turns[-2][1] != turns[-1][1]
                and turns[-2][1] not in named
            ):
                draft.speaker = turns[-2][1]
            elif turns and turns[-1][0] == number - 1 and turns[-1][1]:
                draft.speaker = people.recent(start, None, exclude={turns[-1][1], *named})
            else:
                draft.speaker = people.recent(start, None, exclude=set(named), window=600)
        last_speech = (number, draft.speaker, draft.parts[-1][1]) if draft.speaker else None
        opens_paragraph = draft.parts[0][0] - draft.paragraph.clean_start <= 2
        if opens_paragraph or same:  # a dialogue turn, not a quote inside narration
            previous_by_paragraph.append((number, draft.speaker))
            addressed = (number, draft.addressee if draft.addressee != draft.speaker else None)


def _finish(document: Document, draft: _Draft) -> Quotation:
    cleaned = document.clean
    parts = []
    for start, end in draft.parts:
        raw_start, raw_end = cleaned.span_to_raw(start, end)
        parts.append(Part(raw_start, raw_end, start, end, cleaned.raw[raw_start:raw_end]))
    first = draft.parts[0][0]
    sentence = next(
        (s for s in draft.paragraph.sentences if s.clean_start <= first < s.clean_end + 1),
        draft.paragraph.sentences[0],
    )
    speaker = draft.speaker if draft.kind == SPEECH else None
    return Quotation(draft.kind, speaker, tuple(parts), draft.paragraph.number, sentence.number)


class SpeakerIndex:
    """Who said the words at a cleaned-text offset, if they lie in a quotation."""

    def __init__(self, quotations: list[Quotation]) -> None:
        parts = sorted(
            (part.clean_start, part.clean_end, quotation.speaker)
            for quotation in quotations
            for part in quotation.parts
        )
        self._starts = [start for start, _, _ in parts]
        self._parts = parts

    def __call__(self, clean_offset: int) -> str | None:
        index = bisect_left(self._starts, clean_offset + 1) - 1
        if index >= 0:
            start, end, speaker = self._parts[index]
            if start <= clean_offset < end:
                return speaker
        return None
