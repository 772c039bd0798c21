"""Ready-made quotations of a bundled text: ``texts/NAME.quotes.json``.

Finding the review's quotations takes about 2 ms, but importing the stages
that find them took about 12 ms when their patterns compiled at import, a
tenth of the start of ``aleppo search`` and ``aleppo quotes`` on the review
(less since the patterns are read ready-compiled: ``analysis/patterns.py``;
the modules themselves still cost more than the finding).
``.ci/index_texts.py`` writes each bundled text's quotations with what they
were made from: the text (its digest), the code that built its document
(``prebuilt.code_fingerprint``) and the code that found them (every file of
this package and the quote marks, ``code_fingerprint`` here). They are used
only when all three are the ones running now; otherwise ``find`` runs the
stages, so a changed rule is never answered from a stale file. A test checks
that the files equal the live computation.

This module imports only the model, never the stages.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aleppo_cli.analysis.quotes.model import Gender, Part, Person, Quotation
from aleppo_cli.text import digest, prebuilt
from aleppo_cli.text.document import Document
from aleppo_cli.text.sources import Source, is_bundled, read_index

VERSION = 3  # 2: each quotation's speaker as a person; 3: BLAKE2b digests
SUFFIX = ".quotes.json"

if TYPE_CHECKING:
    from collections.abc import Callable

    from aleppo_cli.analysis.quotes.people import WordsAndNames
    from aleppo_cli.text.beside import Beside


def _code_files() -> list[tuple[str, bytes]]:
    """Every file whose content decides the quotations: this package's and the
    quote marks', by name, line endings as in the repository."""
    package = Path(__file__).parent
    marks = package.parents[1] / "text" / "quotemarks.py"
    files = sorted(path for path in package.iterdir() if path.is_file() and path.suffix != ".pyc")
    return [(path.name, path.read_bytes().replace(b"\r\n", b"\n")) for path in [*files, marks]]


@cache
def code_fingerprint() -> str | None:
    """BLAKE2b-256 of the code that finds quotations, or None when its files are
    not there to read (then nothing ready-made is used)."""
    hashed = digest.new()
    try:
        files = _code_files()
    except OSError:
        return None
    for name, data in files:
        hashed.update(f"{name}\0{len(data)}\0".encode())
        hashed.update(data)
    return hashed.hexdigest()


def make(raw: str, quotations: list[Quotation]) -> dict[str, Any]:
    """What ``texts/NAME.quotes.json`` holds for ``raw`` and its quotations."""
    code, document_code = code_fingerprint(), prebuilt.code_fingerprint()
    if code is None or document_code is None:
        raise RuntimeError("the source files of aleppo_cli are not readable")
    return {
        "version": VERSION,
        "digest": prebuilt.fingerprint(raw),
        "code": code,
        "document_code": document_code,
        "quotations": [
            [
                quotation.kind,
                quotation.speaker,
                [[p.start, p.end, p.clean_start, p.clean_end] for p in quotation.parts],
                quotation.paragraph,
                quotation.sentence,
                _person_row(quotation.person),
            ]
            for quotation in quotations
        ],
    }


def quotations(raw: str, data: dict[str, Any]) -> list[Quotation] | None:
    """The quotations in ``data``, or None if they were not made from ``raw``
    by the code running now."""
    if data.get("version") != VERSION or data.get("digest") != prebuilt.fingerprint(raw):
        return None
    code, document_code = code_fingerprint(), prebuilt.code_fingerprint()
    if code is None or document_code is None:
        return None
    if data.get("code") != code or data.get("document_code") != document_code:
        return None
    return [
        Quotation(
            kind,
            speaker,
            tuple(Part(start, end, cs, ce, raw[start:end]) for start, end, cs, ce in parts),
            paragraph,
            sentence,
            _person(person),
        )
        for kind, speaker, parts, paragraph, sentence, person in data["quotations"]
    ]


def _person_row(person: Person | None) -> list[Any] | None:
    if person is None:
        return None
    gender = None if person.gender is None else person.gender.value
    return [person.id, person.name, list(person.names), gender]


def _person(row: list[Any] | None) -> Person | None:
    if row is None:
        return None
    id_, name, names, gender = row
    return Person(id_, name, tuple(names), None if gender is None else Gender(gender))


def stored(source: Source) -> list[Quotation] | None:
    """The ready-made quotations of ``source``, if it is a bundled text with
    current ones, read with repair left to decide (as they were made)."""
    if not is_bundled(source) or source.repair is not None:
        return None
    text = read_index(source.name, SUFFIX)
    return None if text is None else quotations(source.text, json.loads(text))


# A text this long (characters) may be laid out by a child process
# (``text/beside.py``: ``LONG_TEXT``, tested equal), which may then find its
# words and names; a shorter one, or a bundled one (its document is
# ready-made), has no such child: nothing is imported for it.
FORKS_FROM = 300_000


def names_beside(source: Source) -> Beside[WordsAndNames] | None:
    """What the child that lays out ``source``'s text finds for the people
    index (``halves.names_beside``), if such a child may be forked."""
    if len(source.text) < FORKS_FROM or is_bundled(source):
        return None
    from aleppo_cli.analysis.quotes import halves

    return halves.names_beside()


def find(
    source: Source,
    document: Document,
    names: Beside[WordsAndNames] | None = None,
    keep: Callable[[object], None] | None = None,
) -> list[Quotation]:
    """The quotations of ``document`` (made from ``source``): ready-made when
    they can be, else found by the stages (``names``: see
    ``halves.names_beside``; ``keep``: see ``quotations.find``)."""
    ready = stored(source)
    if ready is not None:
        return ready
    from aleppo_cli.analysis.quotes import quotations as stages

    return stages.find(document, names, keep)
