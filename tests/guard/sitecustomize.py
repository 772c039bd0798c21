"""The tests' network guard, for the test process and every Python it starts.

Policy: a socket may connect, bind or send only to the loopback (127.0.0.0/8,
::1, "localhost") or to a Unix socket (no network); a name may be looked up
only if it is localhost or a loopback address. Anything else raises
``NetworkUsed``, an ``AssertionError``, so that code under test which handles
``OSError`` cannot swallow it.

``tests/conftest.py`` installs the refusal around every test (``install``
with ``monkeypatch.setattr``) and, for the whole session, puts this folder
first on ``PYTHONPATH``: every Python process the tests start imports this
file at start-up as ``sitecustomize`` and installs the refusal for good
before any of its own code runs. Nothing here imports beyond ``socket``
until a check needs ``ipaddress``.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from typing import Any

_LOCAL_NAMES = frozenset({"localhost", "ip6-localhost", "ip6-loopback"})


class NetworkUsed(AssertionError):
    """Raised when code under test tries to reach the network."""


def is_loopback_host(host: object) -> bool:
    """Whether ``host`` (a name or an address) is this machine's loopback."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().lower().rstrip(".")
    if name in _LOCAL_NAMES:
        return True
    import ipaddress

    try:
        address = ipaddress.ip_address(name.split("%", 1)[0])  # "::1%lo" is ::1
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def _allowed(family: int, address: Any) -> bool:
    if family == getattr(socket, "AF_UNIX", None):
        return True
    if family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple) and address:
        return is_loopback_host(address[0])
    return False


def _refuse(what: str, target: object) -> NetworkUsed:
    return NetworkUsed(f"a test tried to {what} {target!r}: only the loopback is allowed")


def _guard_method(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if name in ("connect", "connect_ex", "bind"):
            address = args[0] if args else kwargs.get("address")
        elif name == "sendto":
            address = args[-1] if len(args) >= 2 else kwargs.get("address")
        else:  # sendmsg(buffers, ancdata, flags, address): no address, a connected socket
            address = args[3] if len(args) >= 4 else kwargs.get("address")
            if address is None:
                return original(self, *args, **kwargs)
        if not _allowed(self.family, address):
            raise _refuse(name, address)
        return original(self, *args, **kwargs)

    guarded.__name__ = name
    return guarded


def _guard_lookup(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        target = args[0] if args else kwargs.get("host", kwargs.get("sockaddr"))
        host = target[0] if name == "getnameinfo" and isinstance(target, tuple) else target
        # getaddrinfo(None, port) is the local host's own wildcard or loopback
        if not (host is None and name == "getaddrinfo") and not is_loopback_host(host):
            raise _refuse(f"look up ({name})", host)
        return original(*args, **kwargs)

    guarded.__name__ = name
    return guarded


METHODS = ("connect", "connect_ex", "bind", "sendto", "sendmsg")
LOOKUPS = ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo")


def install(patch: Callable[[Any, str, Any], None] = setattr) -> None:
    """Put the refusals in place with ``patch`` (``monkeypatch.setattr`` to
    have them undone after a test; for good by default)."""
    for name in METHODS:
        patch(socket.socket, name, _guard_method(name, getattr(socket.socket, name)))
    for name in LOOKUPS:
        patch(socket, name, _guard_lookup(name, getattr(socket, name)))


def _chain() -> None:
    """Run the ``sitecustomize`` this file hides, if there is one."""
    import importlib.machinery
    import importlib.util
    import os

    here = os.path.dirname(os.path.abspath(__file__))
    path = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


if __name__ == "sitecustomize":
    install()
    _chain()
