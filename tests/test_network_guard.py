import socket

import pytest

from tests.conftest import NetworkUsed


def test_the_guard_refuses_connections() -> None:
    with pytest.raises(NetworkUsed), socket.socket() as sock:
        sock.connect(("127.0.0.1", 9))


def test_the_guard_refuses_name_lookups() -> None:
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 80)
