"""Shared fixtures: no network, documents built live, paths to the shared
corpus, a CLI runner."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from aleppo_cli.text import prebuilt
from aleppo_cli.text.sources import Source

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


@pytest.fixture(autouse=True)
def restore_environment() -> Iterator[None]:
    """Each test starts with the environment the previous one started with:
    whatever a test (or the code it runs, such as ``aleppo --debug``) sets in
    ``os.environ`` is undone after it."""
    saved = dict(os.environ)
    yield
    for name in [name for name in os.environ if name not in saved]:
        if name != "PYTEST_CURRENT_TEST":  # pytest's own
            del os.environ[name]
    for name, value in saved.items():
        if os.environ.get(name) != value and name != "PYTEST_CURRENT_TEST":
            os.environ[name] = value


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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "prebuilt_index: read bundled texts from their ready-made index "
        "(texts/*.index.json) as aleppo does, instead of building them live",
    )


def _no_stored_index(source: Source) -> None:
    return None


@pytest.fixture(autouse=True)
def live_documents(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build every document from its text, the bundled review too: the
    ready-made index would answer with what the code computed when it was
    written, and hide what the code does now. Tests of the index itself opt
    back in with ``@pytest.mark.prebuilt_index``."""
    if request.node.get_closest_marker("prebuilt_index") is None:
        monkeypatch.setattr(prebuilt, "stored", _no_stored_index)


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
