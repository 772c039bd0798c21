"""Shared fixtures: no network, paths to the shared corpus, a CLI runner."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BOOKS = SHARED / "corpus" / "books"
REVIEW = REPO / "texts" / "last-men-in-aleppo.txt"

# Tests write only to temporary directories: no Hypothesis example database,
# and Hypothesis's own cache goes to a temporary directory.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", tempfile.mkdtemp(prefix="aleppo-hyp-"))
# On CI the examples are derandomized, so that a run is repeatable and main
# stays green or red for a reason; developers' runs explore new examples.
settings.register_profile("aleppo", database=None, derandomize=bool(os.environ.get("CI")))
settings.load_profile("aleppo")


class NetworkUsed(AssertionError):
    """Raised when code under test tries to reach the network."""


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkUsed(f"a test tried to open a network connection: {args!r}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test fails if anything connects, binds or resolves a host name."""
    for name in ("connect", "connect_ex", "bind", "sendto"):
        monkeypatch.setattr(socket.socket, name, _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus not found at {path}")
    return path


def read_book(name: str) -> str:
    with shared_path("corpus", "books", name).open(encoding="utf-8", newline="") as handle:
        return handle.read()
