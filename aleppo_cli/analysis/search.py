"""Find a phrase in a document, however it is typed.

Every mode searches the cleaned text (what ``show`` displays) and reports
offsets into the text as read. The default mode folds both the text and the
query: case, diacritics (vérité = verite), the style of quotes and
apostrophes, dashes, punctuation, and runs of white space and line breaks do
not matter. ``exact`` is a literal, case-sensitive search; ``regex`` uses the
``regex`` package with a time limit; ``fuzzy`` tolerates typos (rapidfuzz),
its hits best first. The default and fuzzy modes also match a quotation's
parts joined across its attribution, and every mode but fuzzy also finds a
query in the text as read where clean-up repaired it (``search_beyond``).
Who said each hit comes from ``search_speakers``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from enum import Enum
from functools import cached_property
from itertools import compress
from typing import TYPE_CHECKING, NamedTuple, overload

from aleppo_cli.errors import UsageError
from aleppo_cli.text.document import Document, Sentence

if TYPE_CHECKING:
    from aleppo_cli.analysis.quotes.model import Quotation
    from aleppo_cli.analysis.search_beyond import Piece
    from aleppo_cli.text.beside import Beside
    from aleppo_cli.text.cleanup import CleanText

REGEX_TIMEOUT = 2.0  # seconds, as the README says; read at every search, so tests shorten it
DEFAULT_MIN_SCORE = 80.0
_APOSTROPHES = "'’ʼ′`´‘"


class QueryWithoutWords(UsageError):
    """A folded or fuzzy query with nothing to fold: only punctuation or spaces."""


class Mode(str, Enum):
    FOLDED = "folded"
    EXACT = "exact"
    REGEX = "regex"
    FUZZY = "fuzzy"


class Hit(NamedTuple):
    sentence: Sentence
    start: int  # offsets into the text as read
    end: int
    clean_start: int  # offsets into the cleaned text
    clean_end: int
    match: str  # the matched text as read: raw[start:end]
    score: float = 100.0
    through: Sentence | None = None  # the last sentence a hit runs into, if not its first
    # a hit in a quotation's parts joined across an attribution ("…destiny,” Khaled
    # says. “We’re going…"): the pieces it matched, in order; () for any other hit
    pieces: tuple[Piece, ...] = ()  # (search_beyond.Piece)


def _fold_char(char: str) -> str:
    """One character folded: case-folded, then without diacritics ('' for a
    combining mark, unless case folding makes it a letter, as with U+0345).
    Upper-cased first, so that a letter is found as it is typed in capitals:
    the dotless ı is written I in capitals, and "I" finds it (of all Unicode
    this is the one letter that folding alone would keep apart)."""
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char.upper().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_exact(text: str) -> tuple[str, list[int]]:
    """The folded copy of ``text`` and its position map, a character at a time."""
    chars: list[str] = []
    positions: list[int] = []
    pending_space = False
    for offset, char in enumerate(text):
        if char.isalnum() or unicodedata.combining(char):
            folded = _fold_char(char)
            if not folded:
                continue  # a diacritic written apart: e + U+0301 is e
            if pending_space and chars:
                chars.append(" ")
                positions.append(offset)
            pending_space = False
            for piece in folded:
                chars.append(piece)
                positions.append(offset)
        elif char in _APOSTROPHES and chars and chars[-1] != " " and not pending_space:
            continue  # we’re = we're = were
        else:
            pending_space = True
    return "".join(chars), positions


# Folding a novel a character at a time took 0.5 s (2.5 million calls) and a
# list of 3 million ints (99 MB). The folded copy is the same as this: each
# character written as what it folds to (a letter or digit folded; nothing
# for an apostrophe or for a mark that folds to nothing; a space for anything
# else), then each run of spaces made one and the ends trimmed. (An
# apostrophe after a letter joins the word; anywhere else it stands among
# spaces, made one anyway.) That holds whenever no letter folds to something
# with white space in it ("ﷺ" does: such a text is folded a character at a
# time). So a long text is folded in pieces of about _PIECE characters, cut
# before a white space character, by str.translate (bytes.translate for
# ASCII); the position map of a piece is made a character at a time only
# when something reads it: for the pieces that hold hits.
_PIECE = 256
_WHITE_SPACE = re.compile(r"\s")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")
_ONE_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_TABLE = bytes(
    ord(chr(code).lower()) if chr(code).isalnum() else ord(" ") for code in range(128)
) + bytes(range(128, 256))
_ASCII_APOSTROPHES = "".join(c for c in _APOSTROPHES if c.isascii()).encode("ascii")


class _FoldTable(dict[int, str]):
    """For str.translate: what each character becomes, found on first use;
    ``spaced`` gathers the letters that fold to something with white space."""

    def __init__(self) -> None:
        super().__init__()
        self.spaced: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.isalnum() or unicodedata.combining(char):
            folded = _fold_char(char)
            if any(c.isspace() for c in folded):
                self.spaced.add(char)
        elif char in _APOSTROPHES:
            folded = ""
        else:
            folded = " "
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def _fold_piece(piece: str) -> str | None:
    """``_fold_exact(piece)[0]``, quicker; None for a piece where that does not hold."""
    # the ASCII characters first, in bytes (UTF-8 leaves the others' bytes alone) ...
    # (a lone surrogate, which no decoded file holds but a str may, passes through)
    translated = piece.encode("utf-8", "surrogatepass").translate(_ASCII_TABLE, _ASCII_APOSTROPHES)
    # (the only white space left is the space: runs of it made one by a
    # pattern, not by split and join, which made an object a word)
    if piece.isascii():
        return _SPACES_BYTES.sub(b" ", translated).strip(b" ").decode("ascii")
    # ... then each of the others, folded as it is (its folded form is final):
    # each distinct one replaced at once where it folds to ASCII (a text
    # beyond ASCII usually holds a few, "’" most of all), else run by run
    folded = translated.decode("utf-8", "surrogatepass")
    table = _TABLE
    others = set(_ONE_BEYOND_ASCII.findall(folded))
    if all(table[ord(char)].isascii() for char in others):
        for char in others:
            folded = folded.replace(char, table[ord(char)])
    else:
        folded = _BEYOND_ASCII.sub(_fold_run, folded)
    if table.spaced and not table.spaced.isdisjoint(piece):
        return None
    return _SPACES.sub(" ", folded).strip(" ")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_TABLE)


_SPACES = re.compile("  +")
_SPACES_BYTES = re.compile(b"  +")


class _Positions(Sequence[int]):
    """The position map of a text folded in pieces, each piece's made when
    first read. Piece k's folded text starts at ``starts[k]`` in the whole and
    its text at ``offsets[k]`` in the source; the space that joins it to the
    next piece maps where the next piece's first character does."""

    def __init__(
        self,
        source: str,
        starts: list[int],
        lengths: list[int],
        offsets: list[int],
        folded: str = "",
    ) -> None:
        self._source = source
        self._folded = folded  # the whole folded text, when known: each piece's is a slice
        self._starts = starts
        self._lengths = lengths
        self._offsets = offsets  # and, last, the end of the last piece
        self._maps: dict[int, list[int]] = {}
        # a piece's offsets of its letters and digits, and its folded text (or
        # its whole map, and None, where a character folds to more or less than one)
        self._letters: dict[int, tuple[list[int], str | None]] = {}
        self._length = starts[-1] + lengths[-1] if starts else 0

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("position index out of range")
        piece = bisect_right(self._starts, index) - 1
        within = index - self._starts[piece]
        if within == self._lengths[piece]:  # the space after it
            piece, within = piece + 1, 0
        letters, folded = self._letters.get(piece) or self._letters_of(piece)
        if folded is None:
            return self._offsets[piece] + letters[within]
        # folded character ``within``, a letter or the space before one, maps to
        # that letter: the one after as many letters as come before it
        return self._offsets[piece] + letters[within - folded.count(" ", 0, within)]

    def __iter__(self) -> Iterator[int]:
        for piece in range(len(self._starts)):
            offset = self._offsets[piece]
            positions = self._map(piece)
            if piece:
                yield offset + positions[0]  # the joining space
            for position in positions:
                yield offset + position

    def _letters_of(self, piece: int) -> tuple[list[int], str | None]:
        """What ``__getitem__`` reads of a piece, made on its first read: for a
        hit, cheaper than the piece's whole map."""
        offset = self._offsets[piece]
        letters = _letter_offsets(self._source[offset : self._offsets[piece + 1]])
        if letters is None or not self._folded:
            found: tuple[list[int], str | None] = (self._map(piece), None)
        else:
            start = self._starts[piece]
            found = (letters, self._folded[start : start + self._lengths[piece]])
        self._letters[piece] = found
        return found

    def _map(self, piece: int) -> list[int]:
        """The positions of piece's folded characters in the piece (small ints,
        which Python shares)."""
        found = self._maps.get(piece)
        if found is None:
            offset = self._offsets[piece]
            text = self._source[offset : self._offsets[piece + 1]]
            start = self._starts[piece]
            folded = self._folded[start : start + self._lengths[piece]] if self._folded else None
            found = _run_positions(text, folded)
            if found is None:
                found = _fold_exact(text)[1]
            self._maps[piece] = found
        return found


# letters and digits; compiled on first use (re caches it), as only long texts need them
_ONE = r"[^\W_]"
_SIMPLE: dict[str, bool] = {}  # a character beyond ASCII -> whether _run_positions holds for it


def _simple(char: str) -> bool:
    """A letter or digit that _ONE takes and that folds to one character
    ("é" -> "e"), or a character that is neither (a space, a quote mark)."""
    simple = _SIMPLE.get(char)
    if simple is None:
        if char.isalnum():
            simple = re.fullmatch(_ONE, char) is not None and len(_fold_char(char)) == 1
        else:
            simple = re.fullmatch(_ONE, char) is None and not unicodedata.combining(char)
        _SIMPLE[char] = simple
    return simple


# for an ASCII text: 1 for a letter or digit; and every character of a folded
# text but the space made an "a"
_ASCII_ALNUM = bytes(1 if chr(code).isalnum() else 0 for code in range(128)) + bytes(128)
_AS_A = bytes(code if code == ord(" ") else ord("a") for code in range(256))


def _ascii_positions(text: str, folded: bytes | None = None) -> list[int]:
    """``_fold_exact(text)[1]`` for an ASCII ``text``, without a step of Python a
    character or a word: the offsets of its letters and digits (each folds to
    one), each twice where the folded text has a space before it (the space
    maps where the word after it starts). ``folded``: the folded text, if
    known (only where its spaces are matters)."""
    data = text.encode("ascii")
    letters = list(compress(range(len(data)), data.translate(_ASCII_ALNUM)))
    if folded is None:
        folded = _SPACES_BYTES.sub(b" ", data.translate(_ASCII_TABLE, _ASCII_APOSTROPHES)).strip(
            b" "
        )
    # each letter's offset written twice, and two selectors a letter: the first
    # for the space before it, if the folded text has one, the second for it
    doubled = [0] * (2 * len(letters))
    doubled[0::2] = letters
    doubled[1::2] = letters
    twice = folded.translate(_AS_A).replace(b" a", b"\x01\x01").replace(b"a", b"\x00\x01")
    return list(compress(doubled, twice))


def _run_positions(text: str, folded: str | None = None) -> list[int] | None:
    """``_fold_exact(text)[1]``, quicker: each letter or digit maps to itself,
    and the space before a run of them (unless only apostrophes stand between
    it and the last: "we're") to the run's first character. None for a text
    with a character that folds to more or less than one (ß, a combining
    accent): that one is mapped a character at a time. ``folded``: its folded
    text, if known (a folded character beyond ASCII takes one place as the
    stand-in "a" does)."""
    known = folded.encode("ascii") if folded is not None and folded.isascii() else None
    ascii_text = _as_ascii(text)
    return None if ascii_text is None else _ascii_positions(ascii_text, known)


def _letter_offsets(text: str) -> list[int] | None:
    """Where the letters and digits of ``text`` are, when each folds to one
    character and ``_run_positions`` holds for the text; else None."""
    ascii_text = _as_ascii(text)
    if ascii_text is None:
        return None
    data = ascii_text.encode("ascii")
    return list(compress(range(len(data)), data.translate(_ASCII_ALNUM)))


def _as_ascii(text: str) -> str | None:
    """``text`` with each character beyond ASCII written as an ASCII one that
    folds alike (the same map); None if one folds to more or less than one."""
    if text.isascii():
        return text
    beyond = set("".join(_BEYOND_ASCII.findall(text)))
    if not all(map(_simple, beyond)):
        return None
    for char in beyond:
        text = text.replace(char, _stand_in(char))
    return text


def _stand_in(char: str) -> str:
    """For a ``_simple`` character: an ASCII one that folds the same way."""
    if char.isalnum():  # first: "ʼ" is a letter
        return "a"
    return "'" if char in _APOSTROPHES else " "


class Folded:
    """A folded copy of a text: words of letters and digits, one space between.

    ``positions[i]`` is the offset in the original text of folded character i
    (spaces map to the gap they stand for), so a match maps back exactly.
    """

    def __init__(self, text: str) -> None:
        self.source = text
        self.positions: Sequence[int]
        if len(text) < 2 * _PIECE:
            self.text, self.positions = _fold_exact(text)
            return
        pieces: list[str] = []
        starts: list[int] = []
        lengths: list[int] = []
        offsets: list[int] = []
        length = 0
        start = 0
        while start < len(text):
            space = _WHITE_SPACE.search(text, start + _PIECE)
            end = space.start() if space else len(text)
            piece = _fold_piece(text[start:end])
            if piece is None:
                self.text, self.positions = _fold_exact(text)
                return
            if piece:
                if pieces:
                    length += 1  # the space joining it to the one before
                pieces.append(piece)
                starts.append(length)
                lengths.append(len(piece))
                offsets.append(start)
                length += len(piece)
            start = end
        offsets.append(len(text))
        self.text = " ".join(pieces)
        self.positions = _Positions(text, starts, lengths, offsets, self.text)

    def whole_word(self, start: int, end: int) -> bool:
        """Is folded ``[start, end)`` a run of whole words? As in grep -w, an
        apostrophe ends a word too: "Fayyad" is whole in "Fayyad’s"."""
        return self._boundary(start) and self._boundary(end)

    def _boundary(self, index: int) -> bool:
        if index <= 0 or index >= len(self.text):
            return True
        if self.text[index] == " " or self.text[index - 1] == " ":
            return True
        skipped = self.source[self.positions[index - 1] + 1 : self.positions[index]]
        return any(char in _APOSTROPHES for char in skipped)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of folded ``[start, end)``."""
        original_start = self.positions[start]
        original_end = self.positions[end - 1] + 1
        return original_start, original_end


def fold(text: str) -> str:
    return Folded(text).text


class Query(NamedTuple):
    text: str
    mode: Mode = Mode.FOLDED
    word: bool = False  # whole words only
    min_score: float = DEFAULT_MIN_SCORE


Spans = list[tuple[int, int]]


class Searcher:
    def __init__(
        self,
        document: Document,
        quotations: Sequence[Quotation] | None = None,
        found: tuple[Query, Spans] | None = None,
    ) -> None:
        """``quotations``: the document's, when they are already known (a
        bundled text's ready-made ones); else their parts are found when a
        query needs them. ``found``: a folded query and where it is in the
        cleaned text, when that is known already (``folded_beside``)."""
        self.document = document
        self.sentences = list(document.sentences)
        self._starts = [s.clean_start for s in self.sentences]
        self.quotations = quotations
        self._found = found

    @cached_property
    def folded(self) -> Folded:
        return Folded(self.document.clean.text)

    def sentence_at(self, clean_offset: int) -> Sentence:
        index = max(0, bisect_right(self._starts, clean_offset) - 1)
        return self.sentences[index]

    def _hit(
        self,
        clean_start: int,
        clean_end: int,
        score: float = 100.0,
        pieces: tuple[tuple[int, int], ...] = (),
    ) -> Hit:
        cleaned = self.document.clean
        start, end = cleaned.span_to_raw(clean_start, clean_end)
        first = self.sentence_at(clean_start)
        last = self.sentence_at(max(clean_start, clean_end - 1))
        return Hit(
            first,
            start,
            end,
            clean_start,
            clean_end,
            cleaned.raw[start:end],
            score,
            last if last.number != first.number else None,
            _pieces(cleaned, pieces) if pieces else (),
        )

    def search(self, query: Query) -> list[Hit]:
        """The hits of ``query``: in text order, or, for a fuzzy query, best first."""
        if not query.text.strip():
            raise UsageError("the search query is empty", "give a word or phrase to look for")
        if query.mode is Mode.FOLDED:
            hits = self._folded(query)
            taken = [(hit.clean_start, hit.clean_end) for hit in hits]  # in order, disjoint
            joined = self._joined(query, fold(query.text))
            hits = _merged(
                hits, [j for j in joined if not _overlaps(taken, j.clean_start, j.clean_end)]
            )
        elif query.mode is Mode.EXACT:
            hits = self._exact(query)
        elif query.mode is Mode.REGEX:
            hits = self._regex(query)
        else:
            return sorted(self._fuzzy(query), key=lambda hit: (-hit.score, hit.clean_start))
        return _merged(hits, self._as_read(query, hits))

    def _joined(self, query: Query, needle: str) -> list[Hit]:
        if " " not in needle:
            return []  # one word never runs across an attribution
        from aleppo_cli.analysis import search_beyond

        return search_beyond.joined(self, query, needle)

    def _as_read(self, query: Query, found: list[Hit]) -> list[Hit]:
        if not self._may_match_a_repair(query):
            return []
        from aleppo_cli.analysis import search_beyond

        return search_beyond.as_read(self, query, found)

    def _may_match_a_repair(self, query: Query) -> bool:
        """Could the text as read hold a match of ``query`` where clean-up
        repaired it (``search_beyond.as_read``)? Not when it repaired nothing
        (white space and ad markers aside), nor when every repair is a glued
        word split and the query holds none of the pairs of letters split."""
        from aleppo_cli.text.cleanup import ADVERTISEMENT, WHITESPACE

        cleaned = self.document.clean
        repairs = [e for e in cleaned.edits if e.reason not in (WHITESPACE, ADVERTISEMENT)]
        if not repairs:
            return False
        if query.mode is Mode.REGEX:
            return True
        folded = query.mode is Mode.FOLDED
        needle = fold(query.text) if folded else query.text
        raw = cleaned.raw
        for edit in repairs:
            if edit.start != edit.end or not 0 < edit.start < len(raw):
                return True  # not a split: look
            left, right = raw[edit.start - 1], raw[edit.start]
            if folded:
                if not (left.isalnum() and right.isalnum()):
                    return True
                left, right = _fold_char(left), _fold_char(right)
            if left + right in needle:
                return True
        return False

    @cached_property
    def split_quotations(self) -> list[tuple[tuple[int, int], ...]]:
        """The parts (cleaned-text spans) of each quotation of two parts or more."""
        from aleppo_cli.analysis import search_beyond

        return search_beyond.split_quotations(self.document, self.quotations)

    def _folded(self, query: Query) -> list[Hit]:
        if self._found is not None and self._found[0] == query:
            spans = self._found[1]
        else:
            spans = _folded_spans(query, self.folded)
        return [self._hit(*span) for span in spans]

    def _exact(self, query: Query) -> list[Hit]:
        return [self._hit(*span) for span in _exact_spans(query, self.document.clean.text)]

    def _regex(self, query: Query) -> list[Hit]:
        return [self._hit(*span) for span in _regex_spans(query, self.document.clean.text)]

    def _fuzzy(self, query: Query) -> list[Hit]:
        needle = fold(query.text)
        if not needle:
            raise QueryWithoutWords(
                f"the query '{query.text}' has no letters or digits to look for"
            )
        hits = []
        for sentence in self.sentences:
            folded = Folded(sentence.text)
            aligned = _align(needle, folded.text, query.min_score)
            if aligned is None:
                continue
            score, folded_start, folded_end = aligned
            start, end = folded.span(folded_start, folded_end)
            start, end = _widen_to_words(sentence.text, start, end)
            # sentence.text is the cleaned text with line breaks made spaces: same length
            clean_start, clean_end = sentence.clean_start + start, sentence.clean_start + end
            hits.append(self._hit(clean_start, clean_end, score))
        joined = self._joined(query, needle)
        if not joined:
            return hits
        # a sentence that the better match across an attribution covers is not shown again
        kept = [
            hit
            for hit in hits
            if not any(
                other.score >= hit.score
                and other.clean_start < hit.clean_end
                and hit.clean_start < other.clean_end
                for other in joined
            )
        ]
        return _merged(kept, joined)


def _pieces(cleaned: CleanText, pieces: tuple[tuple[int, int], ...]) -> tuple[Piece, ...]:
    from aleppo_cli.analysis.search_beyond import piece

    return tuple(piece(cleaned, start, end) for start, end in pieces)


def _align(needle: str, text: str, cutoff: float) -> tuple[float, int, int] | None:
    """How well ``text`` matches ``needle`` (0-100) and where: the best
    partial match of the needle in a text at least as long; a shorter text
    is scored whole against the needle, so that a short sentence no longer
    matches a long query because the query holds it."""
    from rapidfuzz import fuzz

    if not text:
        return None
    if len(text) < len(needle):
        score = fuzz.ratio(needle, text, score_cutoff=cutoff)
        return (round(score, 1), 0, len(text)) if score else None
    alignment = fuzz.partial_ratio_alignment(needle, text, score_cutoff=cutoff)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    return round(alignment.score, 1), alignment.dest_start, alignment.dest_end


def folded_beside(query: Query) -> Beside[Spans] | None:
    """Finding a folded ``query`` in a cleaned text, as work that the build
    of a long text does in a second process meanwhile (``text/beside.py``:
    folding a novel and finding a word in it take 0.1 s); None for another
    mode, or for a query with nothing to fold (the search says so)."""
    if query.mode is not Mode.FOLDED or not fold(query.text):
        return None
    from aleppo_cli.text.beside import Beside

    return Beside(lambda text: _folded_spans(query, Folded(text)))


def _folded_spans(query: Query, folded: Folded) -> list[tuple[int, int]]:
    """Where the folded query is in ``folded``: offsets into its source."""
    needle = fold(query.text)
    if not needle:
        raise QueryWithoutWords(
            f"the query '{query.text}' has no letters or digits to look for",
            "search for punctuation in the exact or regular-expression mode",
        )
    haystack = folded.text
    spans = []
    position = haystack.find(needle)
    while position != -1:
        end = position + len(needle)
        whole = folded.whole_word(position, end)
        if whole or not query.word:
            spans.append(folded.span(position, end))
        position = haystack.find(needle, end if whole or not query.word else position + 1)
    return spans


def _exact_spans(query: Query, text: str) -> list[tuple[int, int]]:
    needle = query.text
    spans = []
    position = text.find(needle)
    while position != -1:
        end = position + len(needle)
        if not query.word or _word_bounded(text, position, end):
            spans.append((position, end))
        position = text.find(needle, max(end, position + 1))
    return spans


def _regex_spans(query: Query, text: str) -> list[tuple[int, int]]:
    import regex

    pattern = rf"\b(?:{query.text})\b" if query.word else query.text
    try:
        compiled = regex.compile(pattern, regex.VERSION1 | regex.MULTILINE)
    except regex.error as error:
        where = f" at position {error.pos}" if error.pos is not None else ""
        raise UsageError(f"invalid regular expression '{query.text}': {error.msg}{where}") from None
    spans = []
    try:
        for match in compiled.finditer(text, timeout=REGEX_TIMEOUT):
            if match.end() > match.start():
                spans.append((match.start(), match.end()))
    except TimeoutError:
        raise UsageError(
            f"the regular expression took longer than {REGEX_TIMEOUT:g} s and was stopped",
            "simplify it (nested repeats such as (a+)+ can take forever)",
        ) from None
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of ``spans`` (sorted, none inside another)?"""
    index = bisect_right(spans, (end, -1)) - 1
    while index >= 0:
        other_start, other_end = spans[index]
        if other_end > start and other_start < end:
            return True
        if other_end <= start:
            return False
        index -= 1
    return False


def _merged(hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """``hits`` and ``more`` in text order."""
    if not more:
        return hits
    return sorted([*hits, *more], key=lambda hit: (hit.clean_start, hit.clean_end))


def _widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


class HitGroup(NamedTuple):
    """The hits that start in one sentence (grep shows a line once)."""

    hits: tuple[Hit, ...]
    speaker: str | None  # who said the first of them, when it lies in a quotation
    sentences: tuple[Sentence, ...]  # every sentence the hits cover, in order


class Block(NamedTuple):
    """Consecutive sentences shown together: hit groups and their context,
    each sentence once (overlapping or touching contexts are merged)."""

    sentences: tuple[Sentence, ...]
    groups: tuple[HitGroup, ...]

    def group_at(self, sentence: Sentence) -> HitGroup | None:
        """The group whose first sentence this is."""
        for group in self.groups:
            if group.sentences[0].number == sentence.number:
                return group
        return None

    def is_hit(self, sentence: Sentence) -> bool:
        return any(sentence.number in {s.number for s in g.sentences} for g in self.groups)


class SearchResult(NamedTuple):
    query: str
    mode: str
    hits: tuple[Hit, ...]
    speakers: tuple[str | None, ...]  # who said each hit, when it lies in a quotation
    around: int  # sentences of context asked for on either side
    blocks: tuple[Block, ...]


def group(
    sentences: list[Sentence], hits: list[Hit], speakers: tuple[str | None, ...]
) -> list[HitGroup]:
    """Hits grouped by the sentence they start in, with the sentences they cover."""
    groups: list[HitGroup] = []
    for hit, speaker in zip(hits, speakers, strict=True):
        last = (hit.through or hit.sentence).number
        if groups and groups[-1].sentences[0].number == hit.sentence.number:
            previous = groups[-1]
            last = max(last, previous.sentences[-1].number)
            groups[-1] = HitGroup(
                (*previous.hits, hit),
                previous.speaker,
                tuple(sentences[hit.sentence.number - 1 : last]),
            )
        else:
            covered = tuple(sentences[hit.sentence.number - 1 : last])
            groups.append(HitGroup((hit,), speaker, covered))
    return groups


def blocks(sentences: list[Sentence], groups: list[HitGroup], around: int) -> list[Block]:
    """Each group with ``around`` sentences either side, merged where they meet."""
    spans: list[tuple[int, int, list[HitGroup]]] = []  # 0-based [first, last] indexes
    for hit_group in groups:
        first = max(0, hit_group.sentences[0].number - 1 - around)
        last = min(len(sentences) - 1, hit_group.sentences[-1].number - 1 + around)
        # (fuzzy hits come best first: a block may grow backwards too)
        if spans and first <= spans[-1][1] + 1 and last >= spans[-1][0] - 1:
            spans[-1] = (
                min(first, spans[-1][0]),
                max(last, spans[-1][1]),
                [*spans[-1][2], hit_group],
            )
        else:
            spans.append((first, last, [hit_group]))
    return [Block(tuple(sentences[a : b + 1]), tuple(g)) for a, b, g in spans]


def run(
    document: Document,
    query: Query,
    around: int = 0,
    quotations: Sequence[Quotation] | None = None,
    found: tuple[Query, Spans] | None = None,
) -> SearchResult:
    """Search, then say who spoke each hit and gather its context.

    ``quotations``: the document's quotations when they are already known
    (a bundled text's ready-made ones); otherwise they are found if a hit
    lies in one. ``found``: see ``Searcher``."""
    searcher = Searcher(document, quotations, found)
    hits = searcher.search(query)
    speakers = _speakers(document, hits, quotations)
    groups = group(searcher.sentences, hits, speakers)
    mode = "default" if query.mode is Mode.FOLDED else query.mode.value
    shown = tuple(blocks(searcher.sentences, groups, around))
    return SearchResult(query.text, mode, tuple(hits), speakers, around, shown)


def _speakers(
    document: Document, hits: list[Hit], known: Sequence[Quotation] | None
) -> tuple[str | None, ...]:
    """Who said each hit, if it lies in a quotation: from ``known``, the
    document's quotations when they are already known (a bundled text's
    ready-made ones), else from ``search_speakers``."""
    if not hits:
        return ()
    if known is not None:
        from aleppo_cli.analysis.quotes.model import SpeakerIndex

        known_at = SpeakerIndex(known)
        return tuple(known_at(hit.clean_start) for hit in hits)
    from aleppo_cli.analysis import search_speakers

    return tuple(search_speakers.speakers(document, [hit.clean_start for hit in hits]))
