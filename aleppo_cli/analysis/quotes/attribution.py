"""Attributions: "X says", "said X", "he replied", "X said:" before a quote.

A stretch's attribution is the first found, in this order: right after its
first span ("Yes," said Nora); in the gap between its first two spans; right
after its last span; ending the narration before it in its paragraph ("Bram
said:", "he turned to her, and said,"); ending the paragraph before, when the
quote opens its paragraph ("After a silence she observed,"). It gives a name
("Nora"), or a reference ("she", "his wife") for the speaker rules to resolve.
"""

from __future__ import annotations

import re

from aleppo_cli.analysis.quotes.model import Attribution, Reference, Stretch
from aleppo_cli.analysis.quotes.people import NAME, People, pronoun_gender, word_gender
from aleppo_cli.text import quotemarks

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
_PRONOUN = r"(?:he|she|He|She)\b"
_OWNERS = ("his", "her", "the", "their")  # the first words of a relation
_RELATIVE = (
    rf"(?:{'|'.join(_OWNERS)})\s+(?:wife|husband|lady|mother|father|sister|brother|daughter|son|"
    r"friend|comrade|man|woman|girl|boy|aunt|uncle|cousin|companion|gentleman|ladyship|lordship|"
    r"niece|nephew)"
)
_MARKS = quotemarks.ENGLISH  # sentences and attributions stop at these
_WHO = rf"(?P<who>{_RELATIVE}|{NAME}|{_PRONOUN})"
_ADVERB = r"(?:\w+ly\s+)?"

# How far after a span its attribution may run: "said Nora, turning to her sister".
LOOK_AFTER = 120
# What may follow "X said" up to the quote after it: "said in a low voice to her sister,".
AFTER_VERB = 100
# What a subject may do before "and said" in "he turned to his partner, and said,".
DEED = 100
# What may follow that "and said" up to the quote: "and said to him, slowly,".
AFTER_AND_SAID = 60

# An attribution at the start of some text: '," said Nora', '— he replied'.
AFTER = re.compile(
    rf"^[\s,;:—–\-]*(?:{_WHO}\s+{_ADVERB}{_VERB}\b|"
    rf"{_VERB}\s+{_ADVERB}(?P<who2>{_RELATIVE}|{NAME}|{_PRONOUN}))"
)
_BEFORE = re.compile(rf"{_WHO}\s+{_ADVERB}{_VERB}\b[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$")
# "he turned to his partner, and said," "He heard her attentively, and then said,":
# a subject, what it did, and a speech verb joined on by "and"
_DID_AND_SAID = re.compile(
    rf"(?:^\s*|[,;]\s+)(?P<who>{_PRONOUN}|{NAME})\s+[^.!?;{_MARKS}]{{0,{DEED}}}?"
    rf"(?:,\s+|\s)and,?\s+(?:then\s+|thus\s+|soon\s+|\w+ly\s+)?{_VERB}\b"
    rf"[^.!?{_MARKS}]{{0,{AFTER_AND_SAID}}}$"
)
_GOES_ON = re.compile(r"\b(?:added|adds|adding|continued|continues|resumed|went on)\b")
_LEADS_IN = (",", ":", "—", "–")  # a paragraph ending so leads into the quote after it
_SENTENCE_ENDS = (". ", "! ", "? ", quotemarks.CURLY_CLOSE + " ")


def attribute(text: str, stretch: Stretch, people: People) -> Attribution | None:
    """The attribution of ``stretch`` in the cleaned ``text``, if it has one."""
    match = (
        _after(text, stretch.spans[0].end, stretch)
        or _in_first_gap(stretch)
        or _after(text, stretch.end, stretch)
        or _before(text, stretch)
        or _ending_paragraph_before(text, stretch)
    )
    if match is None:
        return None
    who = match.group("who") or match.group("who2")
    goes_on = _GOES_ON.search(match.group()) is not None
    return _attribution(who, goes_on, people)


def _after(text: str, end: int, stretch: Stretch) -> re.Match[str] | None:
    """'"Yes," said Nora.': an attribution right after a span ending at ``end``.

    Looked for up to the end of the stretch's first paragraph only: after the
    last span of a stretch continued into the next paragraph, it finds nothing.
    """
    stop = min(stretch.paragraph.clean_end, end + LOOK_AFTER)
    return AFTER.match(text[end:stop].lstrip(quotemarks.CLOSING))


def _in_first_gap(stretch: Stretch) -> re.Match[str] | None:
    """'"Yes," Nora says, "I will."': the attribution between the first two spans.

    The gap is kept as read, from the first span's closing mark on, and the
    pattern does not skip quote marks: this never matches (the same
    attribution is found right after the first span).
    """
    return AFTER.match(stretch.gaps[0]) if stretch.gaps else None


def _before(text: str, stretch: Stretch) -> re.Match[str] | None:
    """'Bram said: "We leave at dawn."': ending the narration before the quote."""
    start = stretch.paragraph.clean_start
    return _attribution_before(text[start : max(start, stretch.start - 1)])


def _ending_paragraph_before(text: str, stretch: Stretch) -> re.Match[str] | None:
    """'After a silence she observed,' ending the paragraph before a quote that
    opens its paragraph."""
    if not stretch.opens_paragraph or stretch.before is None:
        return None
    tail = text[stretch.before.clean_start : stretch.before.clean_end].rstrip()
    return _attribution_before(tail) if tail.endswith(_LEADS_IN) else None


def _attribution_before(narration: str) -> re.Match[str] | None:
    """ "X said," / "she added:" ending ``narration``, after its last sentence break."""
    narration = narration.rstrip(" " + quotemarks.OPENING)
    cut = max(narration.rfind(end) for end in _SENTENCE_ENDS)
    sentence = narration[cut + 1 :] if cut >= 0 else narration
    return _BEFORE.search(sentence) or _DID_AND_SAID.search(sentence)


def _attribution(who: str, goes_on: bool, people: People) -> Attribution:
    """A name as written, or a reference for a pronoun or a relation ("his
    wife"), which the speaker rules resolve."""
    lowered = who.lower()
    if lowered in ("he", "she"):
        return Attribution(None, Reference(pronoun_gender(lowered)), goes_on)
    words = lowered.split()
    if words[0] in _OWNERS:
        noun = words[-1]
        owner = pronoun_gender(words[0])  # "his", "her"; None for "the", "their"
        reference = Reference(word_gender(noun), owner, noun if owner else "")
        return Attribution(None, reference, goes_on)
    name = people.clean(who)
    return Attribution(people.person(name) if name else None, None, goes_on)
