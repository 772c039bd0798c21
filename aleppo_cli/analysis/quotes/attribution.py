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
from collections.abc import Iterator

from aleppo_cli.analysis.quotes.model import NARRATOR, Attribution, Reference, Stretch
from aleppo_cli.analysis.quotes.people import (
    HONORIFIC,
    NAME,
    People,
    is_honorific,
    pronoun_gender,
    word_gender,
)
from aleppo_cli.text import quotemarks

_VERBS = (
    "said say says saying replied replies reply cried cries returned added adds continued "
    "continues answered answers asked asks exclaimed exclaims observed observes rejoined "
    "remarked remarks repeated repeats resumed began begins interrupted thought whispered "
    "whispers shouted shouts muttered murmured declared declares explained explains insisted "
    "insists called calls tells told tell responded responds wrote writes screamed sighed "
    "protested urged pleaded admitted admits agreed argued argues warned warns noted notes "
    "recalled recalls cries answered retorted went addressed crying adding observing "
    "quipped quips posted posts stated states announced announces confirmed confirms "
    "suggested suggests claimed claims commented comments acknowledged acknowledges "
    "conceded concedes stressed stresses maintained maintains predicted predicts "
    "estimated estimates described describes reported reports wondered wonders "
    "replies demanded demands joked jokes laughed laughs shrieked yelled sobbed groaned "
    "gasped stammered faltered mused ventured rejoins rejoin returns exclaim "
    # more verbs of saying, of fiction and of reporting
    "inquired inquires enquired enquires interposed interposes echoed echoes moaned sneered "
    "snapped growled grumbled whimpered roared bellowed hissed drawled chuckled giggled "
    "panted persisted objected assented reasoned remonstrated stuttered begged entreated "
    "ejaculated blurted concluded corrected countered groaned grunted howled implored "
    "interjected jeered lamented mumbled piped queried raged recited scoffed snarled "
    "squeaked thundered uttered volunteered vowed wailed whined boasted confided confessed "
    "confesses affirmed apologised apologized barked cautioned chimed commanded complained "
    "complains croaked denied denies exploded greeted hazarded mocked speculated teased "
    "twittered reckoned reckons tweeted tweets emailed explained observes pleads shrieks "
    # and of fiction's narration: "pursued X", "quavered X", "X proclaimed"
    "pursued asserted asserts flashed quavered proclaimed proclaims snorted acquiesced "
    "signalled signaled announcing lisped simpered faltered breathed expostulated "
    "demurred insinuated coaxed stormed fumed cackled babbled prompted recommenced "
    "proceeded hinted sneered broke burst whistled droned enunciated subjoined "
    "proposed questioned bawled submitted"
).split()
# verbs that say only right after a quote, before their subject: '"Tea?" offered
# Nora', '"…," finished Ivo', '"…," spoke Nora' ("Nora offered him tea" says nothing)
_INVERTED = "offered finished spoke ended".split()
# phrasal verbs of saying: "put in Lucy", "cut in the clear voice of X"
_PHRASAL = ("put", "cut", "broke", "chimed", "struck", "burst")


def _by_first_letter(words: list[str]) -> str:
    """``(?:w1|w2|...)`` for ``words`` (letters only), as the engine tries it
    quicker: grouped by their first letter, in their order within a group
    ("said|asked|sighed" as "s(?:aid|ighed)|a(?:sked)"). At a given place only
    one group can match, and its words are tried in the same order: the same
    matches. (The engine tests every word of a flat alternation, a few
    hundred, wherever a verb may stand.)"""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return (
        "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"
    )


# longest first, then in alphabetical order: the same pattern in every process
# (the order of a set's strings changes with the hash seed), so that its
# ready-compiled form (aleppo_cli/analysis/patterns.py) is found
_VERB = _by_first_letter(sorted(set(_VERBS), key=lambda verb: (-len(verb), verb)))
# a verb of saying, or a phrasal one: '"…," put in Nora.', "Mrs. Lark put in:"
_VERB_OR_PHRASAL = rf"(?:{_VERB}|(?:{'|'.join(_PHRASAL)})\s+in(?=\s))"
_VERB_INVERTED = rf"(?:{_VERB_OR_PHRASAL}|(?:{'|'.join(sorted(_INVERTED))})\b)"
_PRONOUN = r"(?:he|she|He|She)\b"
# a name: its first letter is a capital, which the look-ahead checks before the
# engine tries the name's titles and words (the same matches, found quicker
# where a pattern is tried at every word)
_NAME = rf"(?=[A-Z]){NAME}"
_OWNERS = ("his", "her", "the", "their")  # the first words of a relation
_RELATIVE = (
    rf"(?:{'|'.join(_OWNERS)})\s+(?:wife|husband|lady|mother|father|sister|brother|daughter|son|"
    r"friend|comrade|man|woman|girl|boy|aunt|uncle|cousin|companion|gentleman|ladyship|lordship|"
    r"niece|nephew)"
)
_MARKS = quotemarks.ENGLISH  # sentences and attributions stop at these
_WHO = rf"(?P<who>{_RELATIVE}|{_NAME}|{_PRONOUN})"
# What may stand between a subject and its verb, or a verb and its subject: an
# adverb ("Nora quietly said", "said Nora"), an auxiliary ("X has said", "X was
# saying", "X used to say"), a particle ("called out X"); two at most.
_ADVERB = (
    r"(?:(?:\w+ly|also|later|then|thus|once|again|further|earlier|recently|previously|now|still"
    r"|out|back|aloud|at\s+last|at\s+length|has|have|had|would|will|used\s+to"
    r"|(?:was|were|is)(?=\s+\w+ing\b))\s+){0,2}"
)
VERB_WORDS = frozenset(_VERBS)  # kind.py reads them too
# a word one of the verbs (or a phrasal verb's first word) must be: the quick tests
_VERB_WORDS = VERB_WORDS | frozenset(_PHRASAL)
_LOWER_RUN = re.compile(r"[a-z]+")
# a whole run of lower-case letters that is one of _VERB_WORDS (each of them is
# letters only): found where some run of ``_LOWER_RUN`` is one, quicker than
# the runs looked up in the set
_VERB_RUN = re.compile(
    r"(?<![a-z])"
    + _by_first_letter(sorted(_VERB_WORDS, key=lambda word: (-len(word), word)))
    + r"(?![a-z])"
)


def _has_verb_run(text: str, start: int = 0) -> bool:
    """Whether one of the whole runs of lower-case letters of ``text`` from
    ``start`` on (``_LOWER_RUN.findall(text, start)``: the first run starts at
    ``start``) is one of _VERB_WORDS."""
    return _VERB_RUN.search(text[start:] if start else text) is not None


# for the news pass ("He said Mr Lark had ...": "He" is the subject)
VERB, ADVERB = _VERB, _ADVERB

# How far after a span its attribution may run: "said Nora, turning to her sister".
LOOK_AFTER = 120
# What may follow "X said" up to the quote after it: "said in a low voice to her sister,".
AFTER_VERB = 100
# How much narration before a quote is read for its attribution: more than any
# attribution pattern takes, and a paragraph of 20,000 quotes stays linear.
NARRATION_READ = 600
# How much of the sentence before a quote journalism's attribution may take:
# "Dana Lowe, the chief executive of Acme Holdings, said the results were".
NEWS_REACH = 300
# What a subject may do before "and said" in "he turned to his partner, and said,".
DEED = 100
# What may follow that "and said" up to the quote: "and said to him, slowly,".
AFTER_AND_SAID = 60

# An attribution at the start of some text: '," said Nora', '— he replied'.
# A first-person narrator: '"Come in," said I.', '"No," I answered.'
_NARRATOR = r"I\b"
# a title alone, as a name: '"Yes," said Mademoiselle.'
_TITLE = rf"{HONORIFIC}\b(?!\s+[A-Z])"
# before a name after its verb, words that are no part of it: "said the gentle
# Mrs. Lark", "cried the voice of old Mr. Lark", "replied the voice of the Lark"
_BEFORE_NAME = (
    rf"(?:the\s+(?:[a-z]+\s+)?voice\s+of\s+(?:the\s+|old\s+|young\s+)?"
    rf"|the\s+(?:[a-z][\w\-]*\s+){{1,2}}(?={HONORIFIC}\.?\s+[A-Z]))?"
)
AFTER = re.compile(
    rf"^[\s,;:—–\-]*(?:(?P<who>{_RELATIVE}|{_NAME}|{_PRONOUN}|{_NARRATOR}|{_TITLE})"
    rf"\s+{_ADVERB}{_VERB}\b|"
    rf"{_VERB_INVERTED}\s+{_ADVERB}{_BEFORE_NAME}"
    rf"(?P<who2>{_RELATIVE}|{_NAME}|{_PRONOUN}|{_NARRATOR}|{_TITLE}))"
)
# '"Yes, sir," was Fanny's humble answer': the one whose answer it was
_WAS_REPLY = re.compile(
    rf"^[\s,;:—–\-]*was\s+(?P<who>{_NAME})(?<=s)\s+(?:[a-z][\w\-]*\s+){{0,2}}"
    r"(?:answer|reply|observation|remark|rejoinder|response|retort|question|exclamation|"
    r"address|comment|cry|greeting|assurance|salutation)\b"
)
# (or one the story calls by a capitalised noun: "and then the Colonel began again")
_BEFORE = re.compile(
    # (each subject opens with one of these: the engine passes other places quicker)
    rf"(?=[A-Zhst])(?:{_WHO}|(?<=\s)(?P<desc>the\s+[A-Z][\w\-]*))\s+{_ADVERB}{_VERB_OR_PHRASAL}\b"
    rf"[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$"
)
# "he turned to his partner, and said," "He heard her attentively, and then said,":
# a subject, what it did, and a speech verb joined on by "and"
# (or "the Mock Lark drew a long breath, and said": one the story calls by a
# capitalised noun, and "her sister kissed her, and said")
# a clause's words up to a sentence's end: a title's full stop is none ("eyeing Dr. Lark")
_CLAUSE_CHAR = rf"(?:[^.!?;{_MARKS}]|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bDr)\.|(?<=\bSt)\.)"
_THE_TITLED = r"(?P<desc>[Tt]he\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)"
_DID_AND_SAID = re.compile(
    rf"(?:^\s*|[,;]\s+(?:and\s+(?:then\s+|at\s+last\s+|at\s+length\s+|now\s+|soon\s+)?)?)"
    rf"(?:(?P<who>{_PRONOUN}|{_NAME}|{_RELATIVE})|{_THE_TITLED})"
    rf"\s+[^.!?;{_MARKS}]{{0,{DEED}}}?"
    rf"(?:[,;]\s+|\s)and,?\s+(?:then\s+|thus\s+|soon\s+)?{_ADVERB}{_VERB}\b"
    rf"[^.!?{_MARKS}]{{0,{AFTER_AND_SAID}}}$"
)
# "when thus accosted by Miss Lark," "They were interrupted by Mrs. Lark:" right
# before the quote: the one who accosts says it
_BY_SAID = re.compile(
    rf"\b(?:accosted|addressed|interrupted|greeted|hailed|saluted|answered)\s+by\s+"
    rf"(?P<who>{_NAME})\s*[,:;—–\-]*\s*$"
)
# "she was met by Mr. Allen, who, on hearing the news, said," "Isabella, who had
# been talking to James, turned to her and whispered,": the one the relative
# clause is about says it
# ("broken by Ivo, who said with a smile," "Ivo, whose clear voice said": the
# relative clause's verb itself)
_WHO_SAID = re.compile(
    rf"(?P<who>{_NAME}),\s+who(?:\b{_CLAUSE_CHAR}{{1,200}}?(?:,\s+|\s+and\s+)"
    rf"(?:[^.!?,;{_MARKS}]{{0,60}}?\s)?|\s+{_ADVERB}|se\s+(?:[a-z]+\s+){{0,2}}voice\s+"
    # "Isabella, who in great spirits exclaimed,": a short phrase of manner
    rf"|\s+(?:in|with)\s+(?:[a-z]+\s+){{1,3}})"
    rf"{_VERB}\b[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$"
)
# Journalism: a role before the name ("Acme attorney Dana Lowe said", "chairman
# and chief executive Richard Parsons said"), an apposition or a relative
# clause after it ("Dana Lowe, president of Acme, said", "X, who ..., said"),
# a description for a speaker ("a Microsoft spokesman said", "the company said").
_ROLE = (
    rf"(?:(?!(?:of|for|at|in|from|on|to|with|by|while|whereas|but|although|though|"
    rf"because|when|if|since|until|that|which|who)\s|{HONORIFIC}\b)"
    rf"[A-Za-z][\w’'&\-\.]*\s+){{1,6}}?"
)
_APPOSITION = r"(?:,\s+[^,.!?;" + _MARKS + r"]{1,90},)?"
_DESCRIPTION = (
    r"(?P<desc>(?:[Aa]n?|[Tt]he|(?:[A-Z][\w\-]*\.?\s+){0,3}[A-Z][\w\-]*(?:’s|'s|s’|s'))\s+(?:[\w’'\-]+\s+){0,4}?"
    r"(?!said\b|says\b)[A-Za-z][\w\-]*(?:s’|’s|'s)?)"
)
# after a description, a verb's base form is a noun: "made the usual reply:"
_BASE_FORM = r"(?!(?:say|reply|tell|call|answer|cry|ask|add|note|report|comment|claim)\b)"
_NEWS_AFTER = re.compile(
    rf"^[\s,;:—–\-]*(?:{_ROLE})?(?P<who>{_NAME}){_APPOSITION}\s+{_ADVERB}{_VERB}\b"
    rf"|^[\s,;:—–\-]*{_VERB}\s+{_ADVERB}(?:{_ROLE})?(?P<who2>{_NAME})(?=[\s,.;:]|$)"
    rf"|^[\s,;:—–\-]*(?:according\s+to|so\s+says?)\s+(?P<who3>{_NAME})"
    rf"|^\s*[—–]+\s*(?P<who4>{_NAME})\s*(?:[,.]|$)"
    # "said the chairman of the committee, Labour MP Dana Lowe"
    rf"|^[\s,;:—–\-]*{_VERB}\s+{_ADVERB}(?:an?|the|its|his|her|their)\s+[^,.;!?{_MARKS}]{{1,80}},\s+"
    rf"(?:{_ROLE})?(?P<who5>{_NAME})(?=[\s,.;:]|$)"
    rf"|^[\s,;:—–\-]*{_DESCRIPTION}{_APPOSITION}\s+{_ADVERB}{_BASE_FORM}{_VERB}\b"
    rf"|^[\s,;:—–\-]*{_VERB}\s+{_ADVERB}(?:(?P<desc2>(?:an?|the)\s+(?:[\w’'\-]+\s+){{0,4}}?[A-Za-z][\w\-]*)(?=\s*[,.;:!?—–]|\s*$)"
    # "said the Professor at last in a low voice": the one the story calls so
    rf"|(?P<desc3>the\s+[A-Z][\w\-]*)"
    r"(?=\s+(?:at|in|with|as|from|after|to|and|out|over|without)\s))"
)
# before the quote, the apposition's closing comma may be missing: "X, Acme Hotels said:"
# ("Mr Lark, who he described as" is no apposition: "he" describes)
_OPEN_APPOSITION = (
    r"(?:,\s+(?!(?:who|whom|which)\s+(?:he|she|they|it|I|we|you)\b)"
    r"[^,.!?;" + _MARKS + r"]{1,90}?,?)?"
)
# "The Oscar-nominated actor, whose films include X, Y and Z, said:": the
# subject opening the sentence, not a name in its relative clause
_RELATIVE_SUBJECT = re.compile(
    rf"^\s*(?:(?:But|And|However|Meanwhile),?\s+)?(?:(?P<who>{_NAME})|{_DESCRIPTION}),\s+"
    rf"(?:who|whose|which)\b[^.!?{_MARKS}]{{1,200}}?,\s+{_ADVERB}{_VERB}\b"
    rf"[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$"
)
_NEWS_BEFORE = re.compile(
    rf"(?:^|[\s,;(])(?P<who>{_NAME}){_OPEN_APPOSITION}\s+{_ADVERB}{_VERB}\b"
    rf"(?:\s+(?:reporters|journalists|the\s+\w+|\w+))?[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$"
    rf"|(?:according\s+to|so\s+says?)\s+(?P<who3>{_NAME})[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$"
    rf"|(?:^|[\s,;(]){_DESCRIPTION}{_APPOSITION}\s+{_ADVERB}{_BASE_FORM}{_VERB}\b"
    rf"[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$"
)
# Journalism's verbs that report someone's words by judging a thing with them:
# 'dismissed the plan as "desperate"', 'accuse Mr Lark of making a "cynical" speech'
_JUDGING = (
    "dismissed dismisses dismiss attacked attacks attack accused accuses accuse branded brands "
    "brand labelled labels labeled criticised criticises criticized criticizes condemned "
    "condemns praised praises hailed hails blamed blames revealed reveals defended defends "
    "welcomed welcomes rejected rejects"
).split()
_REPORTING = _by_first_letter(sorted({*_VERBS, *_JUDGING}, key=lambda verb: (-len(verb), verb)))
# a relative clause's verb governs the quotation: 'Acme (ACM), which has attacked
# the plan as a "bad piece of law"'
_WHICH_SAID = re.compile(
    rf"(?:^|[\s,;(])(?P<who>{_NAME})(?:\s+\([A-Z]{{2,}}\))?,\s+(?:who|which)\s+{_ADVERB}"
    rf"{_REPORTING}\b[^,.!?;{_MARKS}]{{0,{AFTER_VERB}}}$"
)
# "The Tories", "The Tory co-chairman", "The Qualifications and Curriculum Authority"
_THE_SUBJECT = r"(?P<desc>The\s+(?:[\w’'\-]+\s+){0,4}?[\w\-]+)(?:\s+\([A-Z]{2,}\))?"
# A quotation inside a sentence whose subject and verb of saying open it:
# 'Aviation analyst Dana Lowe of Acme Holdings described the results as "pretty
# modest"', 'He says the minister lacked a "big strategy"'; the subject may have
# a role before it, an organisation after it and an apposition.
_SENTENCE_SUBJECT = re.compile(
    rf"^\s*(?:(?:But|And|However|Meanwhile|Yet|Now|Instead),?\s+)?"
    rf"(?:{_THE_SUBJECT}|(?:{_ROLE})??(?P<who>{_NAME})(?:\s+\([A-Z]{{2,}}\))?"
    rf"(?P<of>\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][\w&\-]*\s+){{0,3}}[A-Z][\w&\-]*)?"
    rf"|(?P<who2>He|She))"
    rf"{_OPEN_APPOSITION}\s+{_ADVERB}{_REPORTING}\b"
)
# an attribution ending a sentence after a comma: ", Prof Lowe said", ", the
# committee added", ", Rabbi Ivo Lark, founder of the Acme Foundation said"
_SAID_AT_THE_END = re.compile(
    rf",\s+(?:{_DESCRIPTION}|(?:{_ROLE})??(?P<who>{_NAME}))(?:,\s+[^,.!?;{_MARKS}]{{1,90}}?,?)?"
    rf"\s+{_ADVERB}{_VERB}$"
)
# reported speech ending its sentence with its attribution: ", said Mr Lark"
_SAID_NAME_AT_THE_END = re.compile(rf",\s+{_VERB}\s+{_ADVERB}(?:{_ROLE})??(?P<who2>{_NAME})$")
_GOES_ON = re.compile(r"\b(?:added|adds|adding|continued|continues|resumed|went on)\b")


def _goes_on(attribution: str) -> bool:
    """Whether an attribution goes on from the last speaker (``_GOES_ON``)."""
    # (each word of the pattern holds one of these: a quick test before it)
    return (
        "add" in attribution
        or "continue" in attribution
        or "resumed" in attribution
        or "went on" in attribution
    ) and _GOES_ON.search(attribution) is not None


# a paragraph ending so leads into the quote after it ("said to her--" too)
_LEADS_IN = (",", ":", "—", "–", "-")
_SENTENCE_ENDS = (". ", "! ", "? ", quotemarks.CURLY_CLOSE + " ")
# where the narration's last sentence starts after, for journalism and for the rest
_NEWS_SENTENCE_ENDS = (*_SENTENCE_ENDS, ".\n", "\n")
_NARRATION_ENDS = (". ", "! ", "? ", ".\n", "\n")
# and for fiction's attributions before a quote: a hard-wrapped text's line
# may end a sentence ("… again.\nLady Lark approached, and … said")
_LAST_SENTENCE_ENDS = (*_SENTENCE_ENDS, ".\n", "!\n", "?\n")


def _last_of(text: str, marks: tuple[str, ...], end: int | None = None) -> int:
    """Where the last of ``marks`` in ``text[:end]`` starts (-1 if none): the
    greatest ``text.rfind(mark, 0, end)``, each mark looked for only past the
    last found (a mark missing from a long narration was read through once a
    mark)."""
    if end is None:
        end = len(text)
    last = -1
    for mark in marks:
        at = text.rfind(mark, last + 1, end)
        if at > last:
            last = at
    return last


def _ends(stretch: Stretch) -> tuple[int, ...]:
    """Where the stretch's first and last spans end: once when they are one
    span (what is read after the one end is read once)."""
    first, last = stretch.spans[0].end, stretch.end
    return (first,) if first == last else (first, last)


def _first_break(rest: str) -> int:
    """Where the first sentence of ``rest`` ends: its first ". " or line
    break, else its end."""
    stop, line = rest.find(". "), rest.find("\n")
    if stop < 0:
        return line if line >= 0 else len(rest)
    return stop if line < 0 or stop < line else line


def attribute(text: str, stretch: Stretch, people: People) -> Attribution | None:
    """The attribution of ``stretch`` in the cleaned ``text``, if it has one:
    the first of the candidate attributions that reads as one (``_read``)."""
    for match in _candidates(text, stretch):
        said = _read(match, people, stretch.start, text)
        if said is not None and not (said == _NOBODY and match.re in _OPENERS):
            return said  # (a sentence's first word that names nobody: "But a spokeswoman said")
    return None


def _candidates(text: str, stretch: Stretch) -> Iterator[re.Match[str]]:
    """The attributions found next to ``stretch``, in the order they are trusted."""
    after = (
        _after(text, stretch.spans[0].end, stretch)
        or _in_first_gap(stretch)
        or (_after(text, stretch.end, stretch) if len(stretch.spans) > 1 else None)
    )
    if after is not None:
        yield after
    for end in _ends(stretch):
        rest = text[end : min(stretch.paragraph.clean_end, end + LOOK_AFTER)]
        was = _WAS_REPLY.match(rest.lstrip(quotemarks.CLOSING)) if " was " in rest else None
        if was is not None and was.group("who").endswith(_POSSESSIVE):
            yield was
    # the narration before the quote, which the attributions before it read
    # (found once; each finder is asked only when those before it found none)
    narration = _narration(text, stretch)
    stripped = narration.rstrip(_OPENING_SPACE)  # what each finder before it reads
    # (no narration: a quote opening its paragraph, most of a novel's; the
    # finders before it find nothing in none)
    news_before = _news_before_in(stripped) if stripped else None
    subject = _subject_before(news_before)
    if subject is not None:
        yield subject
    found = _before_in(stripped) if stripped else None
    if found is not None:
        yield found
    found = _ending_paragraph_before(text, stretch)
    if found is not None:
        yield found
    found = _news_after(text, stretch)
    if found is not None:
        yield found
    if news_before is not None:
        yield news_before
    found = _sentence_end(text, stretch)
    if found is not None:
        yield found
    sentence = _last_narration_sentence(narration) if narration else ""
    found = _sentence_subject_in(text, stretch, sentence) if sentence else None
    if found is not None:
        yield found
    found = _said_by_it_in(text, stretch, sentence)  # the news pass finds what "it" is
    if found is not None:
        yield found


# what the narration before a quote is read with stripped from its end
_OPENING_SPACE = " " + quotemarks.OPENING


def _narration(text: str, stretch: Stretch) -> str:
    """The narration before ``stretch`` in its paragraph, up to its opening
    mark: ``NARRATION_READ`` characters at most."""
    start = max(stretch.paragraph.clean_start, stretch.start - 1 - NARRATION_READ)
    return text[start : max(start, stretch.start - 1)]


def _last_narration_sentence(narration: str) -> str:
    """The narration's last sentence, past its last sentence break or line break."""
    cut = _last_of(narration, _NARRATION_ENDS)
    return narration[cut + 1 :] if cut >= 0 else narration


def _read(
    match: re.Match[str], people: People, position: int = 0, text: str = ""
) -> Attribution | None:
    """What an attribution says of the speaker; None when it is not one after
    all: its subject follows a preposition ("In the Commons, Mr Howard said"
    names no "Commons"; "for the Family, Theresa May, said" is Theresa May's).
    ``text`` is the whole text, where a description's longer form may recur
    ("the man in the grey coat"): see ``_noun_phrase``."""
    groups = match.groupdict()
    goes_on = _goes_on(match.group())
    if groups.get("it"):
        return Attribution(None, None, goes_on)  # an organisation's "it said"
    group = None
    for name in _WHO_GROUPS:
        if groups.get(name):
            group = name
            break
    if group is not None:
        who, start, end = match.group(group), match.start(group), match.end(group)
        if match.re is _SENTENCE_SUBJECT and group == "who":
            # "The Bishop of Durham, the Rt Rev Dr Lark, described": the name beside it
            apposed = _APPOSED_NAME.match(match.string, match.end("of") if groups["of"] else end)
            if apposed is not None:
                who, start, end = apposed.group("name"), apposed.start("name"), apposed.end("name")
        # (not in "met by Mr. Allen, who, on hearing it, said": the relative's subject)
        if (
            group == "who"
            and match.re is not _WHO_SAID
            and match.re is not _WHICH_SAID
            and match.re is not _BY_SAID
            and _governed(match.string, start)
        ):
            apposed = _APPOSED_NAME.match(match.string, end)
            if apposed is None:
                return None
            who, start, end = apposed.group("name"), apposed.start("name"), apposed.end("name")
        # the patterns read after the name all open with white space: past a
        # name followed by none ('said Nora,'), none of them is tried
        spaced = match.string[end : end + 1].isspace()
        # (a name joined by "and" after it: what _SHOW_THEN_NAME needs, and
        # _OWNED_NAME past a name with no possessive)
        anded = spaced and _AND_AHEAD.match(match.string, end) is not None
        possessive = who.endswith(_POSSESSIVE)
        owned = _OWNED_NAME.match(match.string, end) if spaced and (anded or possessive) else None
        if owned is not None and (possessive or owned.group("and")):
            who = owned.group("name")  # "said Acme's chief analyst Dana Lowe"
        else:
            shown = _SHOW_THEN_NAME.match(match.string, end) if anded else None
            if shown is not None:  # "said Acme and Co executive producer Dana Lowe"
                who = shown.group("name")
            elif group == "who2" and spaced:
                titled = _ROLE_WORDS_THEN_NAME.match(match.string, end)
                if titled is not None:  # "says Spanish climber Ana Ruiz": not "Spanish"
                    who = titled.group("name")
        if who.split()[0].lower() in ("his", "her", "their"):
            named = _RELATION_NAMED.match(match.string, end)
            if named is not None:  # "said his wife, Sheila.": the name the text gives
                who = named.group("name")
        qualified = (
            _QUALIFIED.match(match.string, end)
            if spaced and who.split()[0].lower() == "the"
            else None
        )
        if qualified is not None:
            # "said the gentleman in the white waistcoat": one the story calls so
            # (not "said the man in a low voice": "the man", read as "he")
            described = _description(who + qualified.group(), goes_on, False, text, position)
            bare = " ".join(who.lower().split())
            if described.name is not None and described.name.lower() != bare:
                return described
        if spaced and who not in ("He", "She", "I") and people.clean(who) is None:
            # "said ..., Labour MP Dana Lowe": past the party and the role
            following = _ROLE_THEN_NAME.match(match.string, end)
            if following is not None:
                who = following.group("name")
        said = _attribution(who, goes_on, people, position)
        # (the article and the name may stand on two lines: "said the" / "Duck")
        article = match.string[max(0, start - 4) : start].lower().replace("\n", " ")
        if article == "the " and said.name is not None and _ORGANISATION.search(who):
            return Attribution(f"the {who}", None, goes_on)  # "the Scottish Executive said"
        if said.name is None and said.reference is None and article == "the ":
            # "cried the Mouse", where the text also writes "mouse": a description
            # ("the Lark's voice": the Lark)
            return Attribution(f"the {_unpossessed(who)}", None, goes_on)
        return said
    description = groups.get("desc") or groups.get("desc2") or groups.get("desc3")
    if not description or _rejected(match):
        return None  # "contacted the show saying": the show is no speaker
    name = next(g for g in ("desc", "desc2", "desc3") if groups.get(g))
    apposed = _APPOSED_NAME.match(match.string, match.end(name))
    if apposed is not None:  # "The Minister for the Arts, Dana Lowe, said"
        return _attribution(apposed.group("name"), goes_on, people)
    return _description(description, goes_on, True, text, position)


_WHO_GROUPS = ("who", "who2", "who3", "who4", "who5")  # the groups a subject's name is in


def _unpossessed(name: str) -> str:
    """A name without its possessive ending: "the Lark's voice" is the Lark's."""
    return name[:-2] if name.endswith(_POSSESSIVE) else name


def _rejected(match: re.Match[str]) -> bool:
    """An attribution whose subject is an object: a name after a preposition
    with no name set beside it, a description after a verb."""
    groups = match.groupdict()
    if groups.get("who"):
        return _governed(match.string, match.start("who")) and (
            _APPOSED_NAME.match(match.string, match.end("who")) is None
        )
    if not groups.get("desc"):
        return False
    if _APPOSED_NAME.match(match.string, match.end("desc")) is not None:
        return False  # "the Minister for the Arts, Dana Lowe, said": Dana Lowe
    words = groups["desc"].split()
    inner = any(  # "The panel contacted the agency": a clause, not a description
        word in ("the", "a", "an") and words[number - 1].lower() not in _OF
        for number, word in enumerate(words[1:], 1)
    )
    return inner or _object(match.string, match.start("desc"))


# adjectives that tell one of a kind from another: "the young Lark", "the second Lark"
_SETS_ONE_APART = frozenset(
    "young old little elder younger older eldest youngest big great second first third "
    "other last next".split()
)
# the words after which a description may go on with an article: "a spokesman for the panel"
_OF = frozenset("of for at in on from to with by".split())


def _description(
    description: str, goes_on: bool, gendered: bool, text: str = "", position: int = 0
) -> Attribution:
    """A description for a speaker ("a company spokesman"), without the words
    after it that are no part of it ("the policeman sadly", "at last", "after
    a pause": ``_noun_phrase``); "the old gentleman" when ``gendered`` is read
    as "he"."""
    words = _noun_phrase(description.split(), text, position)
    if words[0].lower() == "the" and len(words) > 2 and words[1][:1].isupper():
        # "said the Professor with sobriety": a character the story calls by a
        # capitalised noun is named by it alone
        title = 2
        while title < len(words) and words[title][:1].isupper():
            title += 1
        if title < len(words) and words[title] in _OF:
            words = words[:title]  # not "the Oscar-nominated actor"
    while len(words) > 2 and (
        words[-1].endswith("ly") or words[-1].lower() in _TRAILING or words[-2:] == ["at", "last"]
    ):
        words = words[:-2] if words[-2:] == ["at", "last"] else words[:-1]
    if (
        len(words) in (3, 4)
        and words[0].lower() == "the"
        and words[-1][:1].isupper()
        and all(word.islower() and word not in _SETS_ONE_APART for word in words[1:-1])
    ):
        # "said the staring Professor": the one the story calls "the Professor"
        # (not "the young Lark", another than "the old Lark")
        words = [words[0], words[-1]]
    if [word.lower() for word in words] == ["the", "other"]:
        # "said the other": one of two just named, not the last to speak; the
        # speaker rules find who (as for "he said", of either gender)
        return Attribution(None, Reference(None), goes_on)
    gender = word_gender(words[-1])
    if gendered and words[0].lower() == "the" and gender is not None:
        # "the old gentleman said": someone the story has named, as "he said" is
        return Attribution(None, Reference(gender), goes_on)
    first = words[0].lower() if words[0].lower() in ("a", "an", "the") else words[0]
    return Attribution(" ".join([first, *words[1:]]), None, goes_on)


def _noun_phrase(words: list[str], text: str, position: int) -> list[str]:
    """A description's words up to where an adverbial after it starts: "the
    duchess" of "the duchess after a pause", "the man" of "the man in a low
    voice", "the colonel" of "the colonel to his wife" (the addressee is never
    the speaker's). A phrase that sets one apart stays: "of"/"for" ("a
    spokesman for the council"), and "in"/"with"/"at"/"on"/"from"/"by" when
    what follows points at one thing ("the man in the grey coat", not "in the
    same tone"), names something ("a spokeswoman at Acme") or the longer
    description recurs in ``text`` near ``position`` (as the story calls
    one: ``RECUR_REACH``); a preposition
    ending the words goes ("a man outside")."""
    for at in range(2, len(words)):
        word = words[at].lower()
        if word in _ADVERBIAL:
            close = word == "to" and at > 2 and words[at - 1].lower() in _BEFORE_TO
            return words[: at - 1 if close else at]  # (a voice "close to his ear")
        if word not in _SETS_APART:
            continue
        following = words[at + 1 :]
        end = next(
            (n for n, w in enumerate(following) if w in _ADVERBIAL or w in _SETS_APART),
            len(following),
        )
        if not following or not (
            _definite(following[:end])
            or any(w[:1].isupper() and not is_honorific(w) for w in following[:end])
            or _recurs(words[1 : at + 1 + end], text, position)
        ):
            return words[:at]
    return words


def _definite(words: list[str]) -> bool:
    """Whether a preposition's object points at one thing ("the grey coat"),
    not at a manner ("a low voice", "the same tone", "the utmost calm")."""
    return len(words) > 1 and words[0].lower() == "the" and words[1].lower() not in _MANNER


# after "the", the words of a manner: "in the same tone", "with the utmost gravity"
_MANNER = frozenset("same most utmost least greatest gentlest softest sweetest".split())


def _recurs(words: list[str], text: str, position: int) -> bool:
    """Whether the words (a description without its article) are written at
    least twice in ``text`` within ``RECUR_REACH`` of ``position``, across
    line breaks: read around each place of their longest word (no pattern
    compiled: a compilation costs more than the search)."""
    if not text or not words:
        return False
    middle = max(range(len(words)), key=lambda number: len(words[number]))
    key, before, after = words[middle], words[:middle], words[middle + 1 :]
    reach = sum(len(word) + 3 for word in words)
    found, low, high = 0, max(0, position - RECUR_REACH), position + RECUR_REACH
    at = text.find(key, low, high)
    while at >= 0 and found < 2:
        end = at + len(key)
        if _ends_fit(text[max(0, at - reach) : at], before, True) and _ends_fit(
            text[end : end + reach], after, False
        ):
            found += 1
        at = text.find(key, end, high)
    return found >= 2


def _ends_fit(side: str, words: list[str], left: bool) -> bool:
    """Whether ``side`` (the text before the longest word when ``left``, else
    after it) holds ``words`` next to it, whole words across any spaces."""
    edge = side[-1:] if left else side[:1]
    if not words:
        return not edge.isalnum()  # the word is whole: "coat." not "coats"
    tokens = side.split()
    if not edge.isspace() or len(tokens) < len(words):
        return False
    near = tokens[-len(words) :] if left else tokens[: len(words)]
    if (near[1:] if left else near[:-1]) != (words[1:] if left else words[:-1]):
        return False
    # the far word may carry punctuation on its outer side: "(the", "coat."
    outer, word = (near[0], words[0]) if left else (near[-1], words[-1])
    if left:
        fits, rest = outer.endswith(word), outer[: len(outer) - len(word)]
    else:
        fits, rest = outer.startswith(word), outer[len(word) :]
    return fits and not any(character.isalnum() for character in rest)


# How far from a quote the longer form of its description is looked for: a
# chapter or two either side (a whole novel's search costs 2 ms a description).
RECUR_REACH = 100_000
# the prepositions that open an adverbial after a description, never a part of
# it: "the duchess after a pause", "the parrot outside the door", "the general to Ivo"
_ADVERBIAL = frozenset(
    "after to outside without before into upon towards toward across behind near over "
    "through during".split()
)
# the prepositions that may set one apart: "the man in the grey coat" (or not:
# "the man in a low voice")
_SETS_APART = frozenset("in with at on from by".split())
# a word that makes "to" after it an adverbial's: "a voice close to his ear"
_BEFORE_TO = frozenset("close next up".split())
# words that end an attribution after its description: "said the guard again"
_TRAILING = frozenset("again then now too once still last length".split())
_POSSESSIVE = ("’s", "'s")
# a preposition (or a verb) that makes the name after it its object, not a subject
_GOVERNS = re.compile(
    r"(?:^|\s)(?:in|at|on|for|of|from|to|with|by|about|against|into|during|under|"
    r"over|include|includes|including|between|among|than|like)\s+(?:the\s+)?"
    r"(?-i:[A-Z][A-Z&\-]+\s+){0,2}$",  # "of BNP Paribas": an initialism's company
    re.IGNORECASE,
)
# "for the Family, Theresa May, said": the name set beside the object
# (the whole name: "the Rt Rev Dr Lark", not "Rt Rev")
_APPOSED_NAME = re.compile(
    rf",\s+(?!(?:who|whose|which)\b)(?:{_ROLE})??(?P<name>{_NAME})"
    rf"(?:\s*,|(?=\s+{_ADVERB}{_VERB}\b))"
)
# "Acme's chief analyst Dana Lowe", "Ernst and Young's Dana Lowe"
_OWNED_NAME = re.compile(
    rf"(?P<and>\s+(?:and|&)\s+[A-Z][\w\-]*(?:’s|'s))?\s+(?:[a-z][\w\-]*\s+){{0,4}}(?P<name>{_NAME})"
)
# what the forms above and below joined by "and" open with
_AND_AHEAD = re.compile(r"\s+(?:and|&)\s")
# "Acme and Co executive producer Dana Lowe": a name of two joined, a role, a name
_SHOW_THEN_NAME = re.compile(
    rf"\s+(?:and|&)\s+[A-Z][\w\-]*\s+(?:[a-z][\w\-]*\s+){{1,4}}(?P<name>{_NAME})"
)
# a relation's name set beside it, ending the clause: "said his wife, Sheila."
_RELATION_NAMED = re.compile(rf",\s+(?P<name>{_NAME})(?=\s*(?:[,.;:!?—–]|$))")
# the last word of an organisation's name: "the Acme Council", "the Audit Office"
_ORGANISATION = re.compile(
    r"\b(?:Executive|Council|Office|Committee|Commission|Authority|Agency|Association|"
    r"Organisation|Organization|Party|Government|Ministry|Department|Board|Union|Institute|"
    r"Foundation|Trust|Society|Company|Corporation|Group|Bank|Court|Parliament|Assembly)$"
)
# "said Acme attorney Dana Lowe.": after a verb, a name (a company, a people)
# is a role's first word when a role's lower-case words and a name ending
# the clause follow; not "said Nora quietly to Ivo", "said Nora to her friend Ivo"
_ROLE_WORDS_THEN_NAME = re.compile(
    r"\s+(?:(?!(?:to|of|for|at|in|on|with|by|from|into|and|or|but|then|the|a|an|his|her|"
    r"their|its|my|your|our|as|that|who|which|when|while|[a-z]+ly)\b)[a-z][\w\-]*\s+){1,3}"
    rf"(?P<name>{_NAME})(?=\s*(?:[,.;:!?—–]|$))"
)
# "Labour MP Dana Lowe": a role's words, then a name
_ROLE_THEN_NAME = re.compile(rf"\s+(?:[A-Z]{{2,}}\s+){{0,2}}(?P<name>{_NAME})")
# what sets one apart: "the gentleman in the white waistcoat", "the man with the papers"
_QUALIFIED = re.compile(
    rf"\s+(?:in|with|of|at|on|from)\s+(?:the|a|an|his|her)\s+(?:[^,.;:!?{_MARKS}\n]|\n(?!\n)){{1,40}}?"
    r"(?=\s*(?:[,.;:!?—–]|$|\s+(?:after|as|and|at\s+last)\b))"
)
# the words before a description that starts its clause: none, or a conjunction
_CLAUSE_OPENERS = frozenset(
    "and but while as although though whereas yet so then also because that when".split()
)


def _governed(sentence: str, position: int) -> bool:
    """Whether the name at ``position`` follows a preposition: an object."""
    return _GOVERNS.search(sentence[max(0, position - 16) : position]) is not None


def _object(sentence: str, position: int) -> bool:
    """Whether a description at ``position`` follows a word of its clause
    that is not a conjunction ("contacted the show"): an object."""
    before = sentence[:position].rstrip()
    if not before or before[-1] in ",;:(—–":
        return False
    word = before.rsplit(None, 1)[-1]
    return word.isalpha() and word.islower() and word not in _CLAUSE_OPENERS


def _subject_before(match: re.Match[str] | None) -> re.Match[str] | None:
    """'Dana Lowe, head of Acme, said: "..."': of journalism's attributions
    before the quote, one with a name and an apposition before the verb (tried
    before the plain "X said", which would take "Acme" of 'Dana Lowe, Acme said:')."""
    if match is not None and match.re is _RELATIVE_SUBJECT:
        return match
    if match is None or match.group("who") is None:
        return None
    return match if match.string.startswith(",", match.end("who")) else None


def _news_after(text: str, stretch: Stretch) -> re.Match[str] | None:
    """Journalism's attributions right after the quote's first or last part."""
    for end in _ends(stretch):
        stop = min(_paragraph_end(text, stretch, end), end + LOOK_AFTER)
        after = text[end:stop].lstrip(quotemarks.CLOSING)
        if not after or not _may_be_news_after(after):
            continue  # _NEWS_AFTER cannot match (nothing after the quote in its paragraph)
        ends = _NEXT_SENTENCE.search(after)  # "wrote the judges.\nThe ...": not "The"
        match = _NEWS_AFTER.match(after[: ends.start()] if ends is not None else after)
        if (
            match is not None
            and not _ends_sentence_first(after, match)
            and _belongs(text, end, after, match)
            # a quote that ended its sentence, then a subject: another sentence's
            # ('"Yes." The band began.', '"Go." The man bowed and went out.')
            and not (text[end - 1 : end] == "." and _subject_first(match))
            and not (text[end - 1 : end] in ".!?" and _new_line(after, match.start() + 1))
        ):
            return match
    return None


_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+[A-Z]")


def _new_line(after: str, reach: int) -> bool:
    """Whether a line break in ``after[:reach]`` starts a line of its own: not a
    hard-wrapped line that goes on in lower case ('"…?"' / 'inquired the driver')."""
    line = after.find("\n", 0, reach)
    return line >= 0 and not after[line:].lstrip()[:1].islower()


def _subject_first(match: re.Match[str]) -> bool:
    """Whether an attribution's subject (a name or a description) comes before its verb."""
    groups = match.groupdict()
    return bool(groups.get("who") or groups.get("desc"))


def _may_be_news_after(after: str) -> bool:
    """Whether ``_NEWS_AFTER`` may match ``after`` (or its start): each of its
    forms needs a verb of _VERBS as a whole run of lower-case letters, or
    "according to", or a dash before a name. False: it cannot."""
    return "\u2014" in after or "\u2013" in after or "according" in after or _has_verb_run(after)


def _paragraph_end(text: str, stretch: Stretch, end: int) -> int:
    """Where the paragraph holding ``end`` ends: the stretch's first, or, for a
    quotation closed in a later line (a paragraph a line), that line's end."""
    if end <= stretch.paragraph.clean_end:
        return stretch.paragraph.clean_end
    line_end = text.find("\n", end)
    return line_end if line_end >= 0 else len(text)


def _sentence_end(text: str, stretch: Stretch) -> re.Match[str] | None:
    """'There was an "absolute crisis" in recruitment, the committee added.':
    the attribution ending the sentence a quotation lies in, after a comma."""
    for end in _ends(stretch):
        stop = min(_paragraph_end(text, stretch, end), end + NEWS_REACH)
        rest = text[end:stop].lstrip(quotemarks.CLOSING)
        if not rest:
            continue  # nothing after the quote in its paragraph
        cut = _first_break(rest)
        sentence = rest[:cut].rstrip(" .")
        if ", " not in sentence or any(mark in sentence for mark in quotemarks.ENGLISH):
            continue  # another quotation comes first: the attribution is its own
        match = _SAID_AT_THE_END.search(sentence)
        if match is not None:
            return match
    return None


def _news_before_in(narration: str) -> re.Match[str] | None:
    """Journalism's attribution ending the narration before the quote, in its
    sentence (``narration`` stripped of white space and opening marks at its end)."""
    cut = _last_of(narration, _NEWS_SENTENCE_ENDS)
    if (
        cut >= 0
        and narration[cut] == "\n"
        and ", wh" in narration  # (what _relative_subject needs, in the part it reads)
        and _WRAPPED.match(narration, max(0, cut - 1))
    ):
        # a hard-wrapped line: "Mrs. Lark, who had been eyeing Ivo, now" / "observed,"
        # is Mrs. Lark's, not Ivo's (not cut at a title's full stop either)
        whole = max(_last_sentence_end(narration), _last_line_end(narration))
        opening = _relative_subject(narration[whole + 1 :] if whole >= 0 else narration)
        if opening is not None:
            return opening
    sentence = narration[cut + 1 :] if cut >= 0 else narration
    if not sentence.strip():
        return None
    # "X said:", and "X said the results were "respectable"" (reported speech); only
    # the sentence's end is read: the pattern is tried at every word
    opening = _relative_subject(sentence)  # "The actor, whose films include X, said:"
    if opening is not None:
        return opening
    sentence = sentence[-NEWS_REACH:].rstrip(" ,:—–") + " "
    if ", wh" in sentence:
        which = _WHICH_SAID.search(sentence)
        if which is not None:  # "from Acme, which has attacked it as": Acme's, though governed
            return which
    if not _may_be_news_before(sentence):
        return None  # _NEWS_BEFORE cannot match
    match = _NEWS_BEFORE.search(sentence)
    while match is not None and _rejected(match):  # "In the Commons, Mr Howard said"
        # not from inside the name rejected: "of Acme Holdings said" is not "Holdings said"
        match = _NEWS_BEFORE.search(
            sentence, match.end("who") if match.group("who") else match.start() + 1
        )
    return match


def _may_be_news_before(sentence: str) -> bool:
    """Whether ``_NEWS_BEFORE`` may match ``sentence``: its forms need "according",
    or "so" and "say", or a verb of _VERBS as a whole run of lower-case letters
    (white space before it, a word's end after it) after the sentence's last
    full stop, mark or quote mark (what follows the verb holds none). False:
    it cannot (a quick test: the pattern is tried at every word)."""
    if "according" in sentence or ("so" in sentence and "say" in sentence):
        return True
    last = _last_of(sentence, _TAIL_STOPS)
    return not VERB_WORDS.isdisjoint(_LOWER_RUN.findall(sentence, last + 1))


# a line wrapped in mid-sentence: a word or a comma, a line break, a word in lower case
_WRAPPED = re.compile(r"[\w,;]\n[a-z]")


def _relative_subject(sentence: str) -> re.Match[str] | None:
    """ "The actor, whose films include X, said:": the subject opening the sentence."""
    if ", wh" not in sentence:
        return None
    return _RELATIVE_SUBJECT.match(sentence.rstrip(" ,:—–") + " ")


_SUBJECT_ALONE = re.compile(rf"^\s*(?P<who>{_NAME})\s*$")


def _sentence_subject_in(text: str, stretch: Stretch, sentence: str) -> re.Match[str] | None:
    """A quotation inside a sentence that opens with its subject and a verb of
    saying, or of judging with words (``_SENTENCE_SUBJECT``): the subject's
    (``sentence``: the last of the narration before ``stretch``)."""
    if len(sentence.split()) < 2:
        return None  # the quotation opens its sentence
    if text[stretch.start : stretch.start + 1].islower():
        # 'Dana Lowe "totally condemned" the plan': the quotation is the verb's
        subject = _SUBJECT_ALONE.match(sentence)
        if subject is not None:
            return subject
    return _SENTENCE_SUBJECT.match(sentence)


# an organisation's "it" as the speaker: "It said the play could go ahead if ...",
# "... are expected, it said."
_IT_OPENS = re.compile(rf"^\s*(?:(?:But|And|However),?\s+)?(?P<it>It)\s+{_ADVERB}{_REPORTING}\b")
_IT_ENDS = re.compile(rf",\s+(?P<it>it)\s+{_ADVERB}{_VERB}\s*\.?\s*$")


def said_by_it(text: str, stretch: Stretch) -> re.Match[str] | None:
    """ "It" as the speaker of the sentence a quotation lies in, if it is."""
    return _said_by_it_in(text, stretch, _last_narration_sentence(_narration(text, stretch)))


def _said_by_it_in(text: str, stretch: Stretch, sentence: str) -> re.Match[str] | None:
    """``said_by_it`` of the last sentence of the narration before ``stretch``."""
    opens = _IT_OPENS.match(sentence) if "It " in sentence else None
    if opens is not None:
        return opens
    end = stretch.end
    rest = text[end : min(_paragraph_end(text, stretch, end), end + NEWS_REACH)]
    if ", it " not in rest:
        return None
    rest = rest.lstrip(quotemarks.CLOSING)
    cut = _first_break(rest)
    return _IT_ENDS.search(rest[: cut + 1])


def it_says(sentence: str) -> bool:
    """Whether a sentence of reported speech gives "it" as its speaker."""
    return bool(_IT_OPENS.match(sentence) or _IT_ENDS.search(sentence.rstrip()))


def described_subject(sentence: str) -> str | None:
    """The description opening a sentence of reported speech as its subject
    ("In a furious response, the first minister said ..."), or None."""
    match = _DESCRIBED_SAYS.match(sentence)
    if match is None or _rejected(match):
        return None
    return _description(match.group("desc"), False, gendered=False).name


# a sentence opened by a description and its verb of saying, after an opening phrase
_DESCRIBED_SAYS = re.compile(
    rf"^\s*(?:[A-Z][^,.!?;{_MARKS}]{{0,60}},\s+)?(?P<desc>[Tt]he\s+(?:[a-z][\w\-]*\s+){{0,3}}?"
    rf"[a-z][\w\-]*)\s+{_ADVERB}(?:said|says|told|tells|added|adds|insisted|insists|warned|"
    r"warns|claimed|claims|stated|states|wrote|writes|argued|argues|explained|explains|"
    r"announced|announces|confirmed|confirms)\b"
)


def reported_speaker(sentence: str, people: People) -> str | None:
    """Who a sentence of reported speech with no quotation reports ("Ms Lark,
    who chairs it, tells the panel that ...", "..., said Mr Lark."): the
    speaker of the quoted lines that follow it in news, or None."""
    sentence = sentence.strip().rstrip(".")
    match = _SENTENCE_SUBJECT.match(sentence) or _SAID_NAME_AT_THE_END.search(sentence)
    if match is None:
        match = _SAID_AT_THE_END.search(sentence)
    said = _read(match, people) if match is not None else None
    return said.name if said is not None else None


def _ends_sentence_first(after: str, match: re.Match[str]) -> bool:
    """A sentence break inside the match: the attribution is another sentence's."""
    return re.search(r"[.!?]\s+[A-Z]", after[: match.end()]) is not None


def _after(text: str, end: int, stretch: Stretch) -> re.Match[str] | None:
    """'"Yes," said Nora.': an attribution right after a span ending at ``end``.

    Looked for up to the end of the stretch's first paragraph only: after the
    last span of a stretch continued into the next paragraph, it finds nothing.
    """
    stop = min(stretch.paragraph.clean_end, end + LOOK_AFTER)
    after = text[end:stop]
    if after[:1] == " " and after.lstrip(" ")[:1] in quotemarks.CLOSING:
        after = after.lstrip(" ")  # '"Why, my dear " urged Mr. Lark': a space before the mark
    after = after.lstrip(quotemarks.CLOSING)
    if "--" in after:  # a double hyphen is a dash, not a hyphen in a word: 'said Ivo--"that'
        after = after.replace("--", " \u2014")
    match = AFTER.match(after)
    if match is None:
        # '"…!" came from Nora's lips', '"…" broke explosively from Nora'
        return _FROM.match(after) if "from" in after[:_FROM_REACH] else None
    # '"No," Nora replied: "what is it?"': the colon leads into the quote's own next part
    own = len(stretch.spans) > 1 and end == stretch.spans[0].end
    return match if own or _belongs(text, end, after, match) else None


# words that come from someone right after a quote: the words are theirs
_FROM = re.compile(
    rf"^[\s,;:—–\-]*(?:at\s+last\s+|then\s+|[a-z]+ly\s+)?(?:came|broke|burst)\s+"
    rf"(?:forth\s+|out\s+|[a-z]+ly\s+)?from\s+(?:the\s+lips\s+of\s+)?(?P<who2>{_NAME})"
)
_FROM_REACH = 40


def _verb_first(match: re.Match[str]) -> bool:
    """Whether the attribution's verb comes before its subject ("replied the officer")."""
    groups = match.groupdict()
    return bool(groups.get("who2") or groups.get("desc2") or groups.get("desc3"))


def _belongs(text: str, end: int, after: str, match: re.Match[str]) -> bool:
    """Whether an attribution after a quote is that quote's: not when it
    introduces the next ("He added: "), nor a sentence of its own after a
    quote that ended one ('...muddled." He said: "...')."""
    closed = text[end - 1 : end] in (".", "!", "?", "…") if end else False
    if after[match.end() :].lstrip().startswith(":") and not _verb_first(match):
        # but '"Come!" cried Nora: taking the lamp; "…"': a verb in lower case
        # right after a quote, then its subject, is that quote's
        return False
    return not (
        closed
        and match.groupdict().get("who")
        and after[:1].isspace()
        and "\n" in after[: match.start("who")]
        and not _wrapped_attribution(after, match)
    )


def _wrapped_attribution(after: str, match: re.Match[str]) -> bool:
    """'"…!"' / 'Mr. Lark protested; and …': in a hard-wrapped paragraph, a
    name and its verb of saying starting the next line and ending a clause
    there are the quote's attribution, not a sentence of its own."""
    return after[match.end() : match.end() + 1] in (";", ",")


def _in_first_gap(stretch: Stretch) -> re.Match[str] | None:
    """'"Yes," Nora says, "I will."': the attribution between the first two spans.

    The gap is kept as read, from the first span's closing mark on, and the
    pattern does not skip quote marks: this never matches (the same
    attribution is found right after the first span).
    """
    return AFTER.match(stretch.gaps[0]) if stretch.gaps else None


def _before_in(narration: str) -> re.Match[str] | None:
    """'Bram said: "We leave at dawn."': ending the narration before the quote
    (each finder strips white space and opening marks from its end first)."""
    return _attribution_before(narration) or _began(narration) or _voice(narration)


# "Nora's voice came:", "and Nora's clear voice rejoined:", "after an interval
# Nora's voice:" right before the quote: the voice's owner says it
_VOICE = re.compile(
    rf"(?P<who>{_NAME})(?<=s)\s+(?:[a-z][\w\-]*\s+){{0,2}}voice"
    rf"(?:\s+(?:came|rose|rang\s+out|broke\s+out|broke\s+in|went\s+on|was\s+heard|"
    rf"{_VERB}|[a-z]+)(?:\s+[^.!?;{_MARKS}]{{0,40}}?)?)?\s*[,:—–\-]*\s*$"
)


def _voice(narration: str) -> re.Match[str] | None:
    """A voice and its owner ending the narration before a quote, if they do."""
    tail = narration.rstrip(_OPENING_SPACE)[-_VOICE_REACH:]
    if "voice" not in tail or tail[-1:] not in ":,—–-":
        return None
    return _VOICE.search(tail)


_VOICE_REACH = 120


# "Miss Lark began again." "Mrs. Lark fetched breath, and went on." "Ivo thus
# began." ending the narration before a quote: a sentence of its own, whose
# subject takes up the talk
_BEGAN = re.compile(
    rf"(?:^\s*(?:(?:But|And|Then|So|Now|At\s+last|At\s+length),?\s+"
    rf"|(?:After|At|In|With|For)\s+[^.!?;,{_MARKS}]{{1,40}},\s+)?|[,;]\s+(?:and|but)\s+(?:then\s+)?)"
    rf"(?P<who>{_NAME})(?:,\s+[^.!?;{_MARKS}]{{1,80}},)?"
    rf"\s+(?:[a-z][^.!?;{_MARKS}]{{0,40}}?,?\s+and\s+)?(?:thus\s+|then\s+|[a-z]+ly\s+)?"
    r"(?:began|went\s+on|continued|resumed|proceeded)"
    r"(?:\s+(?:again|thus|[a-z]+ly|[a-z]+ing|about\s+[^.!?;]{1,40})){0,2}\s*$"
)


def _began(narration: str) -> re.Match[str] | None:
    """A sentence ending the narration with "X began again.", if it does."""
    narration = narration.rstrip(_OPENING_SPACE)
    if not narration.endswith((".", ":")):
        return None
    takes_up = _takes_up(narration[-60:])
    if not takes_up and _VERB_WORDS.isdisjoint(narration[-40:-1].split()[-2:]):
        return None  # neither pattern can match: no verb of saying ends the sentence
    body = narration[:-1]
    sentence = body[_last_sentence_end(body) + 1 :]
    if takes_up:
        began = _BEGAN.search(sentence)
        if began is not None:
            return began
    return _SAID_ALONE.match(sentence) if len(sentence) < _SAID_ALONE_LENGTH else None


_TAKES_UP = ("began", "went on", "continued", "resumed", "proceed")


def _takes_up(tail: str) -> bool:
    """Whether ``tail`` holds one of _TAKES_UP (tested in turn, no generator)."""
    return (
        "began" in tail
        or "went on" in tail
        or "continued" in tail
        or "resumed" in tail
        or "proceed" in tail
    )


_SAID_ALONE_LENGTH = 80


# "Lawrence stammered pitiably." ending the narration before a quote: a
# sentence of a name and a verb of saying alone
_SAID_ALONE = re.compile(
    rf"^\s*(?:(?:But|And|Then|At\s+last),?\s+)?(?P<who>{_NAME})\s+(?:[a-z]+ly\s+)?{_VERB}"
    r"(?:\s+(?:again|[a-z]+ly))?\s*$"
)


def _ending_paragraph_before(text: str, stretch: Stretch) -> re.Match[str] | None:
    """'After a silence she observed,' ending the paragraph before a quote that
    opens its paragraph."""
    if not stretch.opens_paragraph or stretch.before is None:
        return None
    tail = text[stretch.before.clean_start : stretch.before.clean_end].rstrip()
    # a paragraph ending in a word, with no stop, leads in too (a text whose
    # colons were lost: "the Secretary said in a strained voice" / "…")
    leads_in = tail.endswith(_LEADS_IN) or tail[-1:].isalpha()
    return _attribution_before(tail) if leads_in else _began(tail)


def _attribution_before(narration: str) -> re.Match[str] | None:
    """ "X said," / "she added:" ending ``narration``, after its last sentence break."""
    narration = narration.rstrip(_OPENING_SPACE)
    # each pattern below needs a verb of _VERBS after white space and before a
    # word's end, so a whole run of lower-case letters, in the last sentence's
    # tail: without one, none can match (a quick test; the patterns, anchored
    # at the end, try every start). The narration's tail is its last
    # sentence's (``_verb_in_tail``), so it is read before the sentence is cut
    verb = _verb_in_tail(narration)
    if not verb and " by " not in narration[-80:]:
        return None  # (the sentence's last 80 characters are the narration's, or fewer)
    cut = _last_sentence_end(narration)
    sentence = narration[cut + 1 :] if cut >= 0 else narration
    by = _BY_SAID.search(sentence) if " by " in sentence[-80:] else None
    if not verb:
        return by
    return (
        _before_said(sentence)
        or by
        or (_WHO_SAID.search(sentence) if ", who" in sentence else None)
        or _did_and_said(sentence)
        or _opener_said(sentence)
    )


def _before_said(sentence: str) -> re.Match[str] | None:
    """ "X said" ending the sentence (_BEFORE): of the last clause with a verb
    of saying ("she asked him, and the Lark answered," is the Lark's)."""
    match = _BEFORE.search(sentence)
    while match is not None and _said_later(sentence, _subject_end(match)):
        later = _BEFORE.search(sentence, _subject_end(match))
        if later is None:
            break
        match = later
    while match is not None and match.group("desc") and _rejected(match):
        # "Alice heard the King say": an object, read as a name if it is one
        match = _BEFORE.search(sentence, match.start("desc") + len("the "))
    return match


def _subject_end(match: re.Match[str]) -> int:
    """Where the subject (a name, a pronoun or a description) of ``match`` ends."""
    return match.end("who") if match.group("who") else match.end("desc")


def _did_and_said(sentence: str) -> re.Match[str] | None:
    """The last subject that "did, and said" (_DID_AND_SAID): "Ivo stopped,
    and then the Mock Lark drew a breath, and said" is the Mock Lark's."""
    # (its "and", verb and tail hold none of _TAIL_STOPS: without an "and"
    # past the last of them, it cannot match)
    if "and" not in sentence[_last_of(sentence, _TAIL_STOPS) + 1 :]:
        return None
    match = _DID_AND_SAID.search(sentence)
    while match is not None:
        later = _DID_AND_SAID.search(sentence, match.end("who" if match.group("who") else "desc"))
        if later is None:
            return match
        match = later
    return None


# What the tails of _BEFORE, _WHO_SAID and _DID_AND_SAID after their verb leave
# out (``[^.!?{_MARKS}]``), and how long those tails are at most.
_TAIL_STOPS = (".", "!", "?", *_MARKS)
_TAIL_REACH = max(AFTER_VERB, AFTER_AND_SAID)
_LONGEST_VERB = max(len(verb) for verb in _VERBS)


def _verb_in_tail(sentence: str) -> bool:
    """Whether a verb of _VERBS may stand where the patterns of
    ``_attribution_before`` need it: a whole run of lower-case letters after
    the sentence's last full stop, mark or quote mark, and at most
    ``_TAIL_REACH`` characters (and a final line feed, which ``$`` passes)
    before its end. False: none of them can match.

    A text's answer is its last sentence's, cut after a sentence's end
    (``_last_sentence_end``): that end is one of _TAIL_STOPS, so the last
    of them and the tail's reach fall at the same place of both."""
    last = _last_of(sentence, _TAIL_STOPS)
    start = max(last + 1, len(sentence) - _TAIL_REACH - _LONGEST_VERB - 1)
    return _has_verb_run(sentence, start)


# "Edmund, after waiting a moment, obliged her to look up by saying,": the name
# opening the sentence is the subject of the verb of saying that ends it, what
# lies between the subject's deeds and their objects
_OPENER_SAID_FORM = (
    rf"(?:^\s*|[;:]\s+|,\s+(?:and|when|while|until|till)\s+)"
    r"(?:(?:But|And|Then|So|Now|At\s+last|At\s+length|and|but),?\s+)?"
    r"(?:(?:soon|then|presently|afterwards|[a-z]+ly)\s+){0,2}"
    rf"(?P<who>{_NAME})"
    rf"(?P<between>(?:,\s+CLAUSE{{1,150}}?,)?\s+(?:[a-z]CLAUSE{{0,200}}?)?)"
    rf"\b{_VERB}\b[^.!?{_MARKS}]{{0,{AFTER_VERB}}}$"
)
_OPENER_SAID = re.compile(_OPENER_SAID_FORM.replace("CLAUSE", rf"[^.!?;{_MARKS}]"))
# the same where a title's full stop may stand inside ("eyeing Dr. Lark"): slower,
# so tried only on a sentence holding a full stop
_OPENER_SAID_TITLED = re.compile(_OPENER_SAID_FORM.replace("CLAUSE", _CLAUSE_CHAR))
_OPENERS = (_OPENER_SAID, _OPENER_SAID_TITLED)
_ARTICLES = frozenset(("The", "A", "An", "This", "That"))
# capitalised words opening a sentence that name nobody: a later subject is the speaker
_NOBODY_WORDS = frozenset(
    "They It We You There These Those Their Its Our My Your His Her When While If As Some "
    "All Both Nobody Everybody Somebody".split()
)
_NOBODY = Attribution(None, None, False)
# another subject between: a pronoun, a relative clause ("looked at Nora, who said")
_ANOTHER_SUBJECT = re.compile(r"\b(?:he|she|they|I|we|who|whom|which|whose)\b")


def _opener_said(sentence: str) -> re.Match[str] | None:
    opener = _OPENER_SAID_TITLED if "." in sentence else _OPENER_SAID
    match = opener.search(sentence)
    while match is not None and (
        _said_later(sentence, match.end("between"))
        or match.group("who").split()[0] in _NOBODY_WORDS
    ):
        # "They were at supper, when Nora, after a glance at him, said,": Nora's
        # "He seemed to be answered; and Fanny, averting her face, said,": the
        # subject of the last verb of saying, not of "answered"
        later = opener.search(sentence, match.end("who"))
        if later is None and match.group("who").split()[0] not in _NOBODY_WORDS:
            break
        match = later
    if (
        match is None
        or match.group("who").endswith(_POSSESSIVE)
        or match.group("who").split()[0] in _ARTICLES  # "The spokesman said:" is news's
        or _ANOTHER_SUBJECT.search(match.group("between")) is not None
    ):
        return None
    return match


def _said_later(sentence: str, start: int) -> bool:
    """Whether another clause with a verb of saying follows the verb after
    ``start`` (after a semicolon or ", and"): the attribution is that clause's."""
    tail = sentence[start:]
    clause = _NEXT_CLAUSE.search(tail)
    return clause is not None and _has_verb_run(tail, clause.end())


# a clause of its own, opened by its subject: "; and Nora", ", and the Lark", ", and she"
_NEXT_CLAUSE = re.compile(
    r"(?:;\s+(?:and\s+)?|,\s+and\s+)(?:then\s+|at\s+last\s+|now\s+)?"
    r"(?:[A-Z]|the\s+[A-Z]|he\b|she\b)"
)


def _last_line_end(narration: str) -> int:
    """Where the last full stop before a line break is (-1 if none), not a
    title's ("Mrs.\nLark" is one name)."""
    cut = narration.rfind(".\n")
    word = narration[max(0, cut - 12) : cut].rsplit(None, 1)[-1:]
    return -1 if cut < 0 or (word and is_honorific(word[0])) else cut


def _last_sentence_end(narration: str) -> int:
    """Where the last sentence of ``narration`` ends before its last one
    starts (-1 if none): not at the full stop of a title or an initial ("and
    Mrs. Lark murmured:" is one sentence, "M. Lark said" too)."""
    end = len(narration)
    while True:
        cut = _last_of(narration, _LAST_SENTENCE_ENDS, end)
        if cut < 0 or narration[cut] != ".":
            return cut
        word = narration[max(0, cut - 12) : cut].rsplit(None, 1)[-1:]
        if not word or not (is_honorific(word[0]) or (len(word[0]) == 1 and word[0].isupper())):
            return cut
        end = cut


def _attribution(who: str, goes_on: bool, people: People, position: int = 0) -> Attribution:
    """A name as written, or a reference for a pronoun or a relation ("his
    wife"), which the speaker rules resolve."""
    lowered = who.lower()
    if lowered == "i":  # a first-person narrator
        return Attribution(NARRATOR, None, goes_on)
    if lowered in ("he", "she"):
        return Attribution(None, Reference(pronoun_gender(lowered)), goes_on)
    words = lowered.split()
    if words[0] == "the" and len(words) > 1 and who.split()[1][:1].isupper():
        # "The Tories said": a body of people the text names, not "the man"
        name = people.clean(who)
        if name is not None and word_gender(words[-1]) is None:
            return Attribution(f"the {name}", None, goes_on)
    if words[0] in _OWNERS:
        noun = words[-1]
        owner = pronoun_gender(words[0])  # "his", "her"; None for "the", "their"
        reference = Reference(word_gender(noun), owner, noun if owner else "")
        return Attribution(None, reference, goes_on)
    if is_honorific(who):  # "said Mademoiselle": the last person of that title
        return Attribution(people.recent_titled(position, who.rstrip(".")), None, goes_on)
    name = people.clean(who)
    return Attribution(people.person(name) if name else None, None, goes_on)
