"""Content digests for the ready-made indexes, without importing hashlib.

``hashlib`` loads OpenSSL when it is imported: 12 million instructions, about
3 ms of every start of ``show``, ``info``, ``search`` and ``quotes`` on the
bundled review, which only check that a ready-made index was made from this
text by this code. The interpreter's own BLAKE2 module (the one ``hashlib``
itself offers as ``blake2b``) costs a tenth of that to import, and a 256-bit
BLAKE2b digest is as good a fingerprint as SHA-256.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

__all__ = ["new"]


def new() -> blake2b:
    """An empty 256-bit BLAKE2b digest."""
    return blake2b(digest_size=32)
