"""The network guard (tests/guard/sitecustomize.py), here and in subprocesses.

The refusals are shown without sending anything even if the guard were gone:
a UDP connect sends no packet, and AI_NUMERICHOST look-ups never ask a name
server. The non-loopback addresses are from the documentation ranges
(192.0.2.0/24, 2001:db8::/32).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GUARD, NetworkUsed
from tests.guard import sitecustomize as guard
from tests.guard.sitecustomize import is_loopback_host

ELSEWHERE = ("192.0.2.1", 9)


def test_only_loopback_hosts_count_as_loopback() -> None:
    local = ["localhost", "LOCALHOST.", "127.0.0.1", "127.255.3.4", "::1", "::ffff:127.0.0.1"]
    remote = ["example.org", "192.0.2.1", "0.0.0.0", "", "::", "2001:db8::1", "10.0.0.1", None]
    assert all(is_loopback_host(host) for host in local)
    assert not any(is_loopback_host(host) for host in remote)


def test_the_guard_refuses_a_connection_elsewhere() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, pytest.raises(NetworkUsed):
        sock.connect(ELSEWHERE)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, pytest.raises(NetworkUsed):
        sock.connect_ex(ELSEWHERE)


def test_the_guard_refuses_to_listen_on_every_interface() -> None:
    with socket.socket() as sock, pytest.raises(NetworkUsed):
        sock.bind(("0.0.0.0", 0))


@pytest.mark.parametrize("host", ["example.org", "192.0.2.1", "2001:db8::1"])
def test_the_guard_refuses_name_lookups(host: str) -> None:
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo(host, 80, flags=socket.AI_NUMERICHOST)


def test_the_guard_refuses_a_reverse_lookup() -> None:
    with pytest.raises(NetworkUsed):
        socket.getnameinfo(ELSEWHERE, socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)


# Every guarded call, refused and allowed, on stand-ins for the real socket
# functions (the real ones would send a packet or ask a name server).
METHOD_CALLS = {
    "connect": ((ELSEWHERE,), (("127.0.0.1", 9),)),
    "connect_ex": ((ELSEWHERE,), (("localhost", 9),)),
    "bind": ((("", 0),), (("127.0.0.1", 0),)),
    "sendto": ((b"x", ELSEWHERE), (b"x", 0, ("127.0.0.1", 9))),
    "sendmsg": (([b"x"], [], 0, ELSEWHERE), ([b"x"],)),
}
LOOKUP_CALLS = {
    "getaddrinfo": (("example.org", 80), ("localhost", 80)),
    "gethostbyname": (("example.org",), ("127.0.0.1",)),
    "gethostbyname_ex": (("192.0.2.1",), ("localhost",)),
    "gethostbyaddr": (("192.0.2.1",), ("::1",)),
    "getnameinfo": ((ELSEWHERE, 0), (("127.0.0.1", 80), 0)),
}


@pytest.mark.parametrize("name", METHOD_CALLS)
def test_every_socket_method_is_guarded(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(socket.socket, name, lambda sock, *args: calls.append(args))
    guard.install(monkeypatch.setattr)
    refused, allowed = METHOD_CALLS[name]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        with pytest.raises(NetworkUsed):
            getattr(sock, name)(*refused)
        getattr(sock, name)(*allowed)
    assert calls == [allowed]


@pytest.mark.parametrize("name", LOOKUP_CALLS)
def test_every_lookup_is_guarded(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(socket, name, lambda *args: calls.append(args))
    guard.install(monkeypatch.setattr)
    refused, allowed = LOOKUP_CALLS[name]
    with pytest.raises(NetworkUsed):
        getattr(socket, name)(*refused)
    getattr(socket, name)(*allowed)
    assert calls == [allowed]


def loopback_round_trip() -> bytes:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            connection, _ = server.accept()
            with connection:
                client.sendall(b"ping")
                return connection.recv(4)


def test_the_guard_allows_a_loopback_server() -> None:
    assert loopback_round_trip() == b"ping"
    assert socket.getaddrinfo("127.0.0.1", 80, flags=socket.AI_NUMERICHOST)


def test_the_guard_allows_unix_sockets(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(os.fspath(tmp_path / "socket"))


# What a child Python finds: each line of CHILD prints one outcome.
CHILD = r"""
import json, socket, sys

def outcome(action):
    try:
        action()
    except AssertionError as error:  # the guard's NetworkUsed
        return type(error).__name__
    except OSError as error:
        return "OSError"
    return "allowed"

def connect_elsewhere():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect(("192.0.2.1", 9))

def look_up():
    socket.getaddrinfo("example.org", 80, flags=socket.AI_NUMERICHOST)

def loopback():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            connection, _ = server.accept()
            with connection:
                client.sendall(b"ping")
                assert connection.recv(4) == b"ping"

print(json.dumps({
    "connect": outcome(connect_elsewhere),
    "lookup": outcome(look_up),
    "loopback": outcome(loopback),
}))
"""
GUARDED = {"connect": "NetworkUsed", "lookup": "NetworkUsed", "loopback": "allowed"}


def child_outcomes(env: dict[str, str] | None = None) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True, env=env
    )
    outcomes: dict[str, str] = json.loads(result.stdout)
    return outcomes


def test_a_subprocess_is_guarded_too() -> None:
    assert child_outcomes() == GUARDED


def test_a_subprocess_with_an_environment_of_its_own_is_guarded_too(tmp_path: Path) -> None:
    """As test_packaging starts the installed wheel: PYTHONPATH set to another folder."""
    environment = {**os.environ, "PYTHONPATH": str(tmp_path)}
    assert child_outcomes(env=environment) == GUARDED


def test_a_python_started_without_the_test_process_is_guarded(tmp_path: Path) -> None:
    """The child's guard comes from PYTHONPATH alone, not from anything the
    test process does to it: a shell started by os.system has it too."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    output = tmp_path / "out.json"
    command = f'"{sys.executable}" "{script}" > "{output}"'
    assert os.system(command) == 0
    assert json.loads(output.read_text(encoding="utf-8")) == GUARDED
    assert str(GUARD) in os.environ["PYTHONPATH"].split(os.pathsep)
