"""Text made safe for a terminal, and JSON made safe for one.

Control characters in user text are made visible before any of it is shown:
no byte of the input can drive the reader's terminal.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

# C0 controls (but tab and line feed), DEL and C1 controls never reach the
# terminal raw: C0 and DEL become their Unicode control pictures (ESC -> ␛),
# C1 the replacement character.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline made visible."""
    return _CONTROL.sub(_picture, text)


def visible_raw(text: str) -> str:
    """Like ``visible``, but CRLF line ends pass through as line ends."""
    return visible(text.replace("\r\n", "\n"))


def dump_json(data: Any, ascii_only: bool = False) -> str:
    """JSON text; C1 controls escaped too, so no byte can drive a terminal.
    ``ascii_only`` escapes everything else beyond ASCII as well (for an output
    encoding that cannot carry it)."""
    text = json.dumps(data, ensure_ascii=ascii_only, indent=2)
    return re.sub(r"[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", text)


# Typographic marks and their ASCII look-alikes, for output encodings that
# lack them (a Latin-1 or ASCII terminal); anything else becomes "?".
LOOK_ALIKES = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2039": "'",  # ‹
        "\u203a": "'",  # ›
        "\u2013": "-",  # – en dash
        "\u2014": "--",  # — em dash
        "\u2012": "-",  # ‒
        "\u2015": "--",  # ―
        "\u2010": "-",  # ‐
        "\u2011": "-",  # ‑
        "\u2212": "-",  # − minus
        "\u2026": "...",  # …
        "\u00a0": " ",  # no-break space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space
        "\u00b7": ".",  # · (kept where the encoding has it)
        "\u2022": "*",  # •
        "\u2713": "x",  # ✓
    }
)
_UNICODE_ENCODINGS = ("utf-8", "utf-16", "utf-32", "utf_8", "utf8")


def carries_unicode(encoding: str) -> bool:
    """Can a stream in ``encoding`` carry every character?"""
    return encoding.lower().replace("_", "-").startswith(_UNICODE_ENCODINGS)


def fit(text: str, encoding: str) -> str:
    """``text`` as a stream in ``encoding`` can write it: unchanged when it
    can, else with ASCII look-alikes for quotes and dashes, and "?" for what
    is left."""
    if carries_unicode(encoding):
        return text
    try:
        return text.encode(encoding, _FIT_ERRORS).decode(encoding)
    except LookupError:  # an encoding Python does not know: plain ASCII is safe
        return text.encode("ascii", _FIT_ERRORS).decode("ascii")


def _look_alikes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    failed = error.object[error.start : error.end]
    replaced = "".join(char.translate(LOOK_ALIKES) for char in failed)
    return "".join(c if c.isascii() else "?" for c in replaced), error.end


_FIT_ERRORS = "aleppo-look-alikes"
codecs.register_error(_FIT_ERRORS, _look_alikes)
