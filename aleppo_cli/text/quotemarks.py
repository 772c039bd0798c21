"""Quote marks: where the quoted spans of a paragraph are, nested or not.

``parse(text)`` reads one paragraph's quote marks left to right, with a stack
of the quotations open at each point, and returns every quoted span, the ones
inside another included (``depth``). It knows:

- double marks: curly (“ ”), straight ("), guillemets both ways (« » and
  » «), low-9 („ “ and „ ”); single marks: curly (‘ ’), straight ('),
  single guillemets (‹ › and › ‹), low-9 (‚ ‘). An opening mark may be closed
  by the other style of its family (“It’s over," he said).
- a straight mark opens or closes by what stands either side of it: it opens
  after white space, a bracket or a dash and before a word; it closes after a
  word or punctuation and before white space or punctuation.
- apostrophes are not quotes: between two letters (don’t), before a
  year or an elided word (’90s, ’tis, 'em, rock 'n' roll), or a closing-looking
  mark after an "s" or a letter followed by a lower-case word (the dogs’
  bowls) when a later mark closes the quote better. A single quote closes
  only inside its own family: a single mark inside a double quote that is
  still open when the double quote closes was an apostrophe, and a single
  quote left open at the end of its paragraph is dropped (unless it opened the
  paragraph: British novels reopen a quote in the next one).
- a quote opened inside one of the same style nests (“She called it “reckless,”
  and left,” he said.), unless the new mark follows the end of a sentence or
  a line break: then it reopens the same quotation (news style, a paragraph
  or line left open and the next reopened), a new part of the same span.
- a double quote left open runs to the end of its paragraph, never further:
  the stage that joins paragraphs decides whether it goes on.

Everything is linear in the length of the text: a run of more than
``MAX_RUN`` marks in a row is noise, not quotation marks, and the stack of
open quotes is never deeper than ``MAX_DEPTH``.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

# Named sets of double marks, for code that strips quote marks or stops at them.
CURLY_OPEN = "“"
CURLY_CLOSE = "”"
STRAIGHT = '"'
ENGLISH = CURLY_OPEN + CURLY_CLOSE + STRAIGHT  # the marks of English text, curly or straight
# marks that open a quote; not the German », which closes French quotes far more often
OPENING = CURLY_OPEN + "«„" + STRAIGHT
# marks that close a quote; not “ and «, which open English and French quotes more often
CLOSING = CURLY_CLOSE + "»" + STRAIGHT
ANY_CLOSING = CLOSING + "“«"  # every mark that closes a quote in some style: „…“ and »…« too
# The same for single marks (and apostrophes: ’ and ' are both).
SINGLE_OPENING = "‘‚‹'"
SINGLE_CLOSING = "’›'"
SINGLE_ANY_CLOSING = SINGLE_CLOSING + "‘‹"
ALL_MARKS = ENGLISH + "«»„" + "‘’‚‹›'"

# More marks than this in a row are not quotation marks ('"' and '."' are).
MAX_RUN = 3
# Quotes nested deeper than this are not followed (the deeper marks are skipped).
MAX_DEPTH = 16

_RUN = re.compile(r"[“”\"«»„‘’‚‹›']+")
# The runs ``_marks`` keeps: not a mark alone that is an apostrophe between
# letters or digits ("don't", "Anna’s"), which ``_marks`` would leave out: a
# run of two marks or more, else a mark that is no apostrophe, or one with no
# letter or digit before it or after it (``[^\W_]`` is what ``str.isalnum``
# takes). Its first mark lets the engine skip to the next mark.
_RUN_KEPT = re.compile(
    r"[“”\"«»„‘’‚‹›'](?:[“”\"«»„‘’‚‹›']+|(?<=[“”\"«»„‘‚‹›])|(?<![^\W_].)|(?![^\W_]))"
)
# What an opening mark's quote may be closed by.
_CLOSERS = {
    "“": '”"',
    '"': '"”',
    "«": "»",
    "»": "«",
    "„": '“”"',
    "‘": "’'",
    "'": "'’",
    "‹": "›",
    "›": "‹",
    "‚": "‘’'",
}
_SINGLE = frozenset("‘’‚‹›'")
_ANY_CLOSER = "\"”'’"  # what closes a quote opened by a mark with no entry above
# Elided words and years that an apostrophe opens: 'tis, 'twas, 'em, 'n', '90s.
_ELIDED = re.compile(
    r"(?:tis|twas|twere|twill|twould|em|n|cause|cos|til|till)\b|\d\d(?:s\b|\b)",
    re.IGNORECASE,
)
_BEFORE_OPENING = frozenset("([{<—–-/")  # a straight mark after these opens
_SENTENCE_END = frozenset(".!?…")
_BEFORE_WORDS = frozenset("_*([{<…-—–$£€#@" + ALL_MARKS)  # an opening mark may precede these


# Titles are short: "Last Men in Aleppo"; a longer capitalised run is speech.
TITLE_MAX_WORDS = 10
_INTERJECTIONS = frozenset("oh ah o yes no well alas hello hey aye nay why".split())
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
# the small words of a title in another language ("Lettres a une Inconnue")
_FOREIGN_SMALL_WORDS = frozenset(
    "de du des la le les un une von van der den di da del et y".split()
)


def looks_like_title(inner: str) -> bool:
    """Do the words between a pair of quote marks look like a title of a work:
    a few words, each capitalised (or a small word such as "of"), no sentence
    inside? One word is a title only bare ("Hamlet"), not with punctuation
    ("Run,")."""
    # (split past TITLE_MAX_WORDS words at most: a longer quote is no title)
    words = inner.rstrip(".,;:!?…").split(None, TITLE_MAX_WORDS)
    if not 1 <= len(words) <= TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    if inner.rstrip().endswith(("--", "—", "–")):
        return False  # words broken off: "If Beaufort--"
    if words[0].endswith(",") and words[0][:-1].lower() in _INTERJECTIONS:
        return False  # "Oh, Monsieur"
    if any(mark in inner.rstrip(".,") for mark in ".!?;"):
        return False
    capitalised = [
        w
        for w in words
        if w[:1].isupper() or w.lower() in SMALL_WORDS or w.lower() in _FOREIGN_SMALL_WORDS
    ]
    return len(capitalised) == len(words) and (len(words) >= 2 or inner[-1:].isalnum())


class Quoted(NamedTuple):
    """A quoted span of one paragraph: offsets into the paragraph's text."""

    start: int  # the opening mark (or 0 for a quote carried in from before)
    end: int  # just past the closing mark, or the paragraph's end when left open
    parts: tuple[tuple[int, int], ...]  # the words inside: more than one when reopened
    depth: int  # 0 at the top level; 1 inside another quote, ...
    single: bool  # single marks (‘ ’, ', ‹ ›, ‚ ‘)
    closed: bool  # a closing mark ends it


# Sorting a paragraph's quoted spans: by start, then depth.
_START_DEPTH = itemgetter(0, 3)
_new_tuple = tuple.__new__


class _Open:
    __slots__ = ("breaks", "closers", "depth", "mark", "single", "start")

    def __init__(self, start: int, mark: str, depth: int) -> None:
        self.start = start
        self.mark = mark
        self.closers = _CLOSERS.get(mark, _ANY_CLOSER)
        self.single = mark in _SINGLE
        self.depth = depth
        self.breaks: list[tuple[int, int]] = []  # (end of a part, start of the next)


def _space(char: str) -> bool:
    return not char or char.isspace()


def parse(text: str, carry: str = "", marks: list[_Mark] | None = None) -> list[Quoted]:
    """Every quoted span of the paragraph ``text``, sorted by start.

    ``carry`` is the opening mark of a quotation the paragraph before left
    open and that this one may close without reopening it (a quote over two
    lines of a text that has a paragraph a line); it is kept only if a
    closing mark of its family comes before the paragraph's end. ``marks``:
    its quote marks, if already found (``marks_of``)."""
    found: list[Quoted] = []
    stack: list[_Open] = []
    if carry in _CLOSERS:
        stack.append(_Open(0, carry, 0))
        stack[0].start = -1  # no mark of its own
    if marks is None:
        marks = _marks(text)
    if not marks and not stack:
        return found
    remembered = _DOUBLE_ROLES.get  # (what _double_role does, without its call)
    roles = [
        (remembered((mark, before, after)) or _double_role(mark, before, after))
        if mark in _DOUBLE
        else _role(mark, before, after, text, end)
        for _, mark, before, after, end in marks
    ]
    if not stack and not len(marks) & 1:
        paired = _paired(marks, roles)
        if paired is not None:  # (nine paragraphs of a novel's ten with quote marks)
            return paired
    strong_single_after = _strong_single_closers(marks, roles) if "cw" in roles else []
    for index, (position, mark, _, _, _) in enumerate(marks):
        role = roles[index]
        if not role:
            continue
        single = mark in _SINGLE
        if "c" in role and stack:
            target = _closes(stack, mark, single)
            if target is not None:
                weak = role == "cw"
                if weak and strong_single_after[index] < _next_double(marks, index):
                    continue  # 'the dogs’ bowls': a later mark closes the quote better
                _close(text, stack, target, position, found)
                continue
            if single and role == "c":
                continue  # an apostrophe: 'the dogs’ bowls', 'goin’'
        if "o" not in role:
            continue
        if stack and not single and not stack[-1].single and _reopens(text, position, stack[-1]):
            last = stack[-1]
            last.breaks.append((position, position + 1))
            continue
        if len(stack) < MAX_DEPTH:
            stack.append(_Open(position, mark, len(stack)))
    while stack:  # left open at the paragraph's end
        last = stack.pop()
        if last.start < 0 or (last.single and last.start > 2):
            continue  # a carried quote not closed here; a single mark: an apostrophe
        _add(text, last, len(text), len(text), False, found)
    if len(found) > 1:
        found.sort(key=_START_DEPTH)
    return found


def _paired(marks: list[_Mark], roles: list[str]) -> list[Quoted] | None:
    """The quotes of a paragraph (nothing carried in) whose marks are all
    double and pair off in order, each mark that may open followed by one
    that may close it: what ``parse``'s loop finds for them, each opened on
    an empty stack and closed by the next mark, without the stack. None for
    any other paragraph."""
    found: list[Quoted] = []
    for index in range(0, len(marks), 2):
        position, mark, _, _, _ = marks[index]
        end, closing, _, _, _ = marks[index + 1]
        if not (
            mark in _DOUBLE
            and closing in _DOUBLE
            and "o" in roles[index]
            and "c" in roles[index + 1]
            and closing in _CLOSERS.get(mark, _ANY_CLOSER)
        ):
            return None
        found.append(
            _new_tuple(Quoted, (position, end + 1, ((position + 1, end),), 0, False, True))
        )
    return found


def spans(text: str) -> list[tuple[int, int]]:
    """The top-level quoted spans of one paragraph, each including its quote marks."""
    return [(q.start, q.end) for q in parse(text) if q.depth == 0]


_Mark = tuple[int, str, str, str, int]  # position, mark, before and after its run, run end


def _marks(text: str) -> list[_Mark]:
    """The quote marks of ``text``, runs of more than ``MAX_RUN`` left out.
    Marks in a run ('"Yes,' he said, 'no.'"') are read by what stands either
    side of the whole run."""
    found: list[_Mark] = []
    append = found.append
    for run in _RUN_KEPT.finditer(text):
        start, end = run.span()
        before = text[start - 1] if start else ""
        after = text[end : end + 1]
        if end - start == 1:
            mark = text[start]
            if mark in "'’" and before.isalnum() and after.isalnum():
                continue  # don't: an apostrophe, the commonest mark of all
            append((start, mark, before, after, end))
        elif end - start <= MAX_RUN:
            for offset, mark in enumerate(run.group()):
                append((start + offset, mark, before, after, end))
    return found


def marks_of(
    text: str, bounds: list[tuple[int, int]], texts: list[str]
) -> list[list[_Mark] | None]:
    """``_marks`` of each paragraph ``texts[i]``, which is ``text[start:end]``
    for ``bounds[i]`` (line breaks made spaces), found in one pass over
    ``text`` (a novel's 11,700 paragraphs: one scan instead of one each).
    None for a paragraph whose ends touch something other than white space,
    where the pass over the whole text may see other runs than one over the
    paragraph alone: its caller finds those with ``_marks``; all None
    unless the paragraphs are in order and apart."""
    result: list[list[_Mark] | None] = []
    last = 0
    for start, end in bounds:
        if start < last or end < start:
            return [None] * len(bounds)
        last = end
    runs = [run.span() for run in _RUN_KEPT.finditer(text)]
    count = len(runs)
    index = 0
    length = len(text)
    for (begin, stop), paragraph in zip(bounds, texts, strict=True):
        while index < count and runs[index][0] < begin:
            index += 1
        if not (begin == 0 or text[begin - 1].isspace()) or not (
            stop == length or text[stop].isspace()
        ):
            result.append(None)
            continue
        found: list[_Mark] = []
        append = found.append
        while index < count and runs[index][0] < stop:
            start, end = runs[index]
            index += 1
            start -= begin
            end -= begin
            before = paragraph[start - 1] if start else ""
            after = paragraph[end : end + 1]
            if end - start == 1:
                mark = paragraph[start]
                if mark in "'’" and before.isalnum() and after.isalnum():
                    continue
                append((start, mark, before, after, end))
            elif end - start <= MAX_RUN:
                for offset, mark in enumerate(paragraph[start:end]):
                    append((start + offset, mark, before, after, end))
        result.append(found)
    return result


_DOUBLE_ROLES: dict[tuple[str, str, str], str] = {}
_DOUBLE = frozenset('“”"«»„')


def _double_role(mark: str, before: str, after: str) -> str:
    """The role of a double mark, remembered: it depends on the characters
    either side only (a single mark's may depend on the words after it)."""
    key = (mark, before, after)
    role = _DOUBLE_ROLES.get(key)
    if role is None:
        role = _role(mark, before, after, "", 0)
        if len(_DOUBLE_ROLES) < 10_000:
            _DOUBLE_ROLES[key] = role
    return role


def _role(mark: str, before: str, after: str, text: str, position: int) -> str:
    """What a mark may do here: "o" open, "c" close, "cw" close weakly (a
    possessive looks the same), "oc" either; "" nothing (an apostrophe, a
    stray mark between spaces). ``before`` and ``after`` stand either side of
    the mark's run; ``position`` is where the run ends."""
    glued_before = not _space(before) and before not in _BEFORE_OPENING
    if mark in "”»›":  # closing marks (» and › open German quotes: see below)
        if mark != "”" and not glued_before and after.isalnum():
            return "oc"  # »Hallo«; a » can still close a « quote
        return "c"
    if mark == "’":
        if before.isalnum() and after.isalnum():
            return ""  # don’t
        if not glued_before:
            return ""  # ’tis, ’90s, rock ’n’ roll: an elision
        return _closing_strength(before, text, position)
    if mark in "“‘«‹„‚":
        if mark in "‘“" and before.isalnum() and after.isalnum():
            return ""  # a typo for an apostrophe
        if mark == "‘" and _ELIDED.match(text, position):
            return ""  # ‘90s: an apostrophe turned the wrong way
        return "o" if mark in "„‚" else "oc"  # “ ‘ close „ ‚, and « ‹ close » ›
    # straight marks
    if before.isalnum() and after.isalnum():
        return ""  # don't; a"b
    if _space(after):
        if _space(before):  # between spaces: a stray mark, or one that closes ('as "')
            return "c" if mark == '"' else ""
        return _closing_strength(before, text, position) if mark == "'" else "c"  # 'word" ', '--" '
    if not glued_before:  # after a space, a bracket or a dash
        if not _space(before) and not (after.isalnum() or after in _BEFORE_WORDS):
            return _closing_strength(before, text, position) if mark == "'" else "c"  # 'BBB-'.
        if mark == "'" and _ELIDED.match(text, position):
            return ""  # 'tis, 'em, rock 'n' roll, '90s
        return "o"
    if after.isalnum():  # glued on both sides: '."Yes'
        return "oc" if mark == '"' else ""
    return _closing_strength(before, text, position) if mark == "'" else "c"  # '",' '".'


def _closing_strength(before: str, text: str, end: int) -> str:
    """A single closing mark after a letter and before a lower-case word may
    be a possessive ('the dogs’ bowls') or an elision ('goin’ home')."""
    if before.isalpha() and text[end : end + 1] == " " and text[end + 1 : end + 2].islower():
        return "cw"
    return "c"


def _strong_single_closers(marks: list[_Mark], roles: list[str]) -> list[int]:
    """For each mark, the index of the next single mark that can only close."""
    found = [len(marks)] * (len(marks) + 1)
    upcoming = len(marks)
    for index in range(len(marks) - 1, -1, -1):
        found[index] = upcoming
        if roles[index] == "c" and marks[index][1] in "’'":
            upcoming = index
    return found


def _next_double(marks: list[_Mark], index: int) -> int:
    """The index of the next double mark after ``index`` (a single quote
    inside a double one closes before it)."""
    for later in range(index + 1, min(len(marks), index + 64)):
        if marks[later][1] not in _SINGLE:
            return later
    return len(marks)


def _closes(stack: list[_Open], mark: str, single: bool) -> int | None:
    """The index in ``stack`` of the quote that ``mark`` closes, if any: a
    single mark only the innermost quote; a double mark the innermost double
    quote it fits (single quotes opened inside it were apostrophes)."""
    if single:
        return len(stack) - 1 if stack[-1].single and mark in stack[-1].closers else None
    for index in range(len(stack) - 1, -1, -1):
        if not stack[index].single and mark in stack[index].closers:
            return index
        if not stack[index].single:
            return None  # an inner double quote of another style is open
    return None


def _close(text: str, stack: list[_Open], target: int, position: int, found: list[Quoted]) -> None:
    while len(stack) > target + 1:  # single quotes opened inside: apostrophes
        inner = stack.pop()
        if not inner.single:
            _add(text, inner, position, position, False, found)
    opened = stack.pop()
    _add(text, opened, position, position + 1, True, found)


def _reopens(text: str, position: int, opened: _Open) -> bool:
    """An opening mark inside an open quote of the same family reopens it
    (rather than nesting) after the end of a sentence or a line break."""
    if opened.breaks and opened.breaks[-1][0] >= position:
        return False
    stretch = text[max(opened.start + 1, 0, position - 8) : position]
    if "\n" in stretch:
        return True
    stripped = stretch.rstrip()
    return len(stripped) < len(stretch) and stripped[-1:] in _SENTENCE_END


def _add(text: str, opened: _Open, end: int, stop: int, closed: bool, found: list[Quoted]) -> None:
    """Record ``opened``, its words ending at ``end`` (the closing mark)."""
    start = max(opened.start, 0)
    first = opened.start + 1 if opened.start >= 0 else 0
    if opened.breaks:
        parts = []
        for part_end, next_start in opened.breaks:
            parts.append((first, part_end))
            first = next_start
        parts.append((first, end))
        words = tuple(parts)
    else:  # the usual quote: one part
        words = ((first, end),)
    # (the tuple made as Quoted's own __new__ makes it, without its call)
    found.append(_new_tuple(Quoted, (start, stop, words, opened.depth, opened.single, closed)))
