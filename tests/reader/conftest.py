"""The reader's tests: apps driven headless by Textual's Pilot, the state
file always in a temporary directory (never the real home)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from aleppo_cli.reader.app import ReaderApp
from aleppo_cli.reader.session import Session, prepare
from aleppo_cli.text import sources
from aleppo_cli.text.sources import Source
from tests.builders import source_of


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests (Pilot drives the app from a coroutine) in a
    fresh event loop; no plugin needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    arguments: dict[str, Any] = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture(autouse=True)
def quick_pilot(monkeypatch: pytest.MonkeyPatch) -> None:
    """After each key Pilot waits until the process has been idle for a slice
    of time (20 ms; idle: under a twentieth of it on the CPU). Slices of 5 ms,
    idle by the same measure, keep the reader's tests within 30 s; the
    message queues are drained after every key all the same."""
    from textual import _wait

    monkeypatch.setattr(_wait, "SLEEP_GRANULARITY", 0.005)
    monkeypatch.setattr(_wait, "SLEEP_IDLE", 0.005 / 20)


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """XDG_STATE_HOME (and HOME) point into tmp_path for every reader test."""
    home = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ALEPPO_NO_STATE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home


def review() -> Source:
    return sources.load(None)


def session_for(
    source: Source | None = None,
    variables: Mapping[str, str] | None = None,
    **options: bool,
) -> Session:
    """A synchronous session (no threads) with no state unless variables say."""
    options.setdefault("synchronous", True)
    if variables is None:
        options.setdefault("no_state", True)
        variables = {}
    return prepare(source or review(), variables, **options)


def app_for(source: Source | None = None, **options: bool) -> ReaderApp:
    return ReaderApp(session_for(source, None, **options))


CHAPTERS = "\n\n".join(
    f"CHAPTER {n}\n\n"
    + "\n\n".join(
        f"In chapter {n}, part {k}, the reader reads on. “Keep going,” said Ann. It ends well."
        for k in range(1, 4)
    )
    for n in range(1, 8)
)


def chapters() -> Source:
    """A small novel: seven headed chapters, with quotations."""
    return source_of(CHAPTERS, title="Seven Chapters")


async def settle(pilot: Pilot[int], done: Callable[[], bool], seconds: float = 5.0) -> None:
    """Let the app run until ``done()`` (work it does after a refresh)."""
    waited = 0.0
    while not done() and waited < seconds:
        await pilot.pause(0.02)
        waited += 0.02
