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
from dataclasses import dataclass

from aleppo_cli.analysis.quotes import attribution, kind, stretches
from aleppo_cli.analysis.quotes.model import (
    NICKNAME,
    OTHER,
    SCARE,
    SPEECH,
    TITLE,
    Part,
    Quotation,
    Reference,
    Span,
    Stretch,
)
from aleppo_cli.analysis.quotes.people import (
    NAME,
    People,
)
from aleppo_cli.analysis.quotes.people import index as index_people
from aleppo_cli.text.document import Document

__all__ = [
    "NICKNAME",
    "OTHER",
    "SCARE",
    "SPEECH",
    "TITLE",
    "Part",
    "Quotation",
    "SpeakerIndex",
    "find",
]


@dataclass
class _Draft:
    stretch: Stretch
    kind: str = OTHER
    speaker: str | None = None
    attributed: bool = False
    pending: Reference | None = None  # a pronoun or relation to resolve
    addressee: str | None = None  # a name called out in the quote: "Yes, Mr. Darcy,"
    named: frozenset[str] = frozenset()  # people the quote names: not its speaker
    goes_on: bool = False  # "she added", "he continued": the last speaker again


def find(document: Document) -> list[Quotation]:
    """Every quoted stretch of ``document``, in order, speech or not."""
    found_stretches = stretches.find(document)
    drafts = [_Draft(stretch) for stretch in found_stretches]
    text = document.clean.text
    people = index_people(document, [Span(s.start, s.end) for s in found_stretches])
    for draft in drafts:
        found = attribution.attribute(text, draft.stretch, people)
        if found is not None:
            draft.attributed = True
            draft.goes_on = found.goes_on
            draft.speaker = found.name
            draft.pending = found.reference
        draft.kind = kind.of(text, draft.stretch, bool(draft.attributed or draft.speaker))
        draft.addressee = _vocative(text, draft, people)
        draft.named = people.named_in(text, draft.stretch.spans)
    _turn_taking(drafts, people)
    return [_finish(document, draft) for draft in drafts]


# --- speakers ----------------------------------------------------------------------


def _pending_speaker(
    draft: _Draft, people: People, turns: list[tuple[int, str | None]]
) -> str | None:
    reference = draft.pending or Reference(None)
    gender, owner_gender, relation = reference.gender, reference.owner, reference.relation
    position = draft.stretch.start
    number = draft.stretch.paragraph.number
    named = draft.named  # a speaker does not name themselves
    if relation:  # "her aunt": not "her" herself, who is the one spoken to or last named
        spoken_to = draft.addressee
        if spoken_to and people.gender.get(spoken_to) in (owner_gender, None):
            owner: str | None = spoken_to
        else:
            owner = people.recent(position, owner_gender)
        related = people.related(owner, relation, position) if owner else None
        if related and related not in named:
            return related
        named = named | {owner} if owner else named
    # the narration of the quote's own paragraph names someone of that gender
    if gender and not relation:
        window = position - draft.stretch.paragraph.clean_start
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


def _vocative(text: str, draft: _Draft, people: People) -> str | None:
    """The first name addressed in the quotation ("My dear Mr. Bennet,")."""
    for start, end in ((span.start, span.end) for span in draft.stretch.spans):
        for match in _VOCATIVE.finditer(text, start, end):
            name = people.clean(match.group("name"))
            if name and name != draft.speaker:
                return name
    return None


def _turn_taking(drafts: list[_Draft], people: People) -> None:
    """Unattributed speech in dialogue: the speaker two turns back, or the
    person the narration just named; pronouns and relations resolved here."""
    previous_by_paragraph: list[tuple[int, str | None]] = []  # (paragraph, speaker)
    addressed: tuple[int, str | None] | None = None  # the last turn's addressee
    last_speech: tuple[int, str, int] | None = None  # the last quote: paragraph, speaker, end
    for draft in drafts:
        if draft.kind != SPEECH:
            continue
        number = draft.stretch.paragraph.number
        recent = previous_by_paragraph[-8:]  # turns only look a few paragraphs back
        same = [s for p, s in recent if p == number and s]
        # the one just spoken to, in the turn before, answers
        answerer = addressed[1] if addressed and addressed[0] == number - 1 else None
        named = draft.named
        if answerer in named:
            answerer = None
        gender = draft.pending.gender if draft.pending else None
        if (
            draft.pending is not None
            and draft.goes_on
            and last_speech is not None
            and number - last_speech[0] <= 1
            and last_speech[1] not in named
            and people.gender.get(last_speech[1]) in (gender, None)
            and not people.named_between(last_speech[2], draft.stretch.start, gender)
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
            start = draft.stretch.start
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
        last_speech = (number, draft.speaker, draft.stretch.end) if draft.speaker else None
        opens_paragraph = draft.stretch.start - draft.stretch.paragraph.clean_start <= 2
        if opens_paragraph or same:  # a dialogue turn, not a quote inside narration
            previous_by_paragraph.append((number, draft.speaker))
            addressed = (number, draft.addressee if draft.addressee != draft.speaker else None)


def _finish(document: Document, draft: _Draft) -> Quotation:
    cleaned = document.clean
    parts = []
    for start, end in ((span.start, span.end) for span in draft.stretch.spans):
        raw_start, raw_end = cleaned.span_to_raw(start, end)
        parts.append(Part(raw_start, raw_end, start, end, cleaned.raw[raw_start:raw_end]))
    first = draft.stretch.start
    sentence = next(
        (s for s in draft.stretch.paragraph.sentences if s.clean_start <= first < s.clean_end + 1),
        draft.stretch.paragraph.sentences[0],
    )
    speaker = draft.speaker if draft.kind == SPEECH else None
    return Quotation(
        draft.kind, speaker, tuple(parts), draft.stretch.paragraph.number, sentence.number
    )


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
