"""Shared fixtures: no network, documents built live, paths to the shared
corpus, a CLI runner."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from tests.guard import sitecustomize as guard
from tests.guard.sitecustomize import NetworkUsed

if TYPE_CHECKING:
    from aleppo_cli.text.sources import Source

__all__ = ["BOOKS", "REPO", "REVIEW", "SHARED", "NetworkUsed", "read_book", "shared_path"]

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BOOKS = SHARED / "corpus" / "books"
REVIEW = REPO / "texts" / "last-men-in-aleppo.txt"

# Tests write only to temporary directories: no Hypothesis example database,
# and Hypothesis's own cache goes to a temporary directory.
# The directory is removed when the run ends (it once piled up in /tmp).
if "HYPOTHESIS_STORAGE_DIRECTORY" not in os.environ:
    _hypothesis_dir = tempfile.mkdtemp(prefix="aleppo-hyp-")
    os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = _hypothesis_dir
    atexit.register(shutil.rmtree, _hypothesis_dir, ignore_errors=True)
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


# --- no network: in this process and in every Python process it starts ----------
# tests/guard/sitecustomize.py holds the policy: only the loopback (127.0.0.0/8,
# ::1, "localhost") and Unix sockets; a look-up only of localhost.

GUARD = Path(__file__).resolve().parent / "guard"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test fails if anything connects, binds or sends anywhere but the
    loopback, or looks up a name other than localhost (installed again for
    each test, over whatever an earlier test or library left in ``socket``)."""
    guard.install(monkeypatch.setattr)


def with_guard(environment: Mapping[str, str]) -> dict[str, str]:
    """``environment`` with GUARD first on PYTHONPATH: a Python started with
    it imports the guard as its ``sitecustomize``."""
    entries = [e for e in environment.get("PYTHONPATH", "").split(os.pathsep) if e]
    if str(GUARD) not in entries:
        entries.insert(0, str(GUARD))
    return {**environment, "PYTHONPATH": os.pathsep.join(entries)}


class _GuardedPopen(subprocess.Popen[Any]):
    """A child given an environment of its own (``env=``, such as one that
    sets PYTHONPATH to an installed wheel) gets the guard too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["env"] = with_guard(os.environ if kwargs.get("env") is None else kwargs["env"])
        super().__init__(*args, **kwargs)


_SESSION = pytest.MonkeyPatch()


def pytest_configure(config: pytest.Config) -> None:
    # For the whole session, this process is guarded (test modules import the
    # package at collection, before any test) and so is every Python process
    # the tests start: through os.environ (children that inherit it, whatever
    # starts them) and subprocess.Popen (children given an environment of
    # their own).
    guard.install(_SESSION.setattr)
    _SESSION.setenv("PYTHONPATH", with_guard(os.environ)["PYTHONPATH"])
    _SESSION.setattr(subprocess, "Popen", _GuardedPopen)
    config.addinivalue_line(
        "markers",
        "prebuilt_index: read bundled texts from their ready-made index "
        "(texts/*.index.json) as aleppo does, instead of building them live",
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    _SESSION.undo()  # os.environ and subprocess.Popen as they were


def _no_stored_index(source: Source) -> None:
    return None


@pytest.fixture(autouse=True)
def live_documents(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build every document from its text, the bundled review too: the
    ready-made index would answer with what the code computed when it was
    written, and hide what the code does now. Tests of the index itself opt
    back in with ``@pytest.mark.prebuilt_index``."""
    from aleppo_cli.text import prebuilt  # not at the import of conftest, before the guard

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


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the child processes ``os.fork`` makes during the test."""
    made: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return made
