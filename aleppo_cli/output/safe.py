"""Text made safe for a terminal, and JSON made safe for one.

Control characters in user text are made visible before any of it is shown:
no byte of the input can drive the reader's terminal.
"""

from __future__ import annotations

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


def dump_json(data: Any) -> str:
    """JSON as UTF-8 text; C1 controls escaped too, so no byte can drive a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(r"[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", text)
