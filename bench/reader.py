"""How quickly `aleppo read` shows a text, follows a search, and how much
memory it takes.

    python bench/reader.py [--runs N]

Each measurement is a fresh process running the reader headless (Textual's
`App.run_test`, 80 x 24) the way `aleppo read TEXT` runs it: the CLI module
imported, the text read by the CLI's loader, the session prepared, the app
started. Times are medians over the runs:

- first screen: from starting the process to the app having painted its
  first screen of the text (the parent times the child from its launch to
  the line the child prints then), and the child's CPU time by then (user
  and system, the interpreter's start included), which a busy machine
  stretches far less than the wall-clock time;
- search update: from a keystroke of a search as you type (a key event
  handed to the app) to the next frame out with every match found and
  marked (each letter of the queries below typed after `/`, on the whole
  document, once the folded copy for searching is made);
- memory: the child's peak resident memory, after the first screen, the
  whole document, and a search.

The state file goes to a scratch directory (XDG_STATE_HOME), never home.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BOOKS = REPO.parent / "shared" / "corpus" / "books"
TEXTS = {
    "review": None,
    "Moby-Dick": BOOKS / "moby-dick.txt",
    "War and Peace": BOOKS / "war_and_peace.txt",
}
QUERIES = ("whale", "the sea", "destiny")


async def child(text: str | None, search: bool) -> dict[str, object]:
    """Run in the measured process: first screen, then (if asked) searches.

    A frame is out when Textual's ``App._display`` is handed the screen's
    update (headless, it writes nothing, but the lines have been rendered)."""
    import io

    from aleppo_cli.cli.app import app as _cli  # what `aleppo` imports first
    from aleppo_cli.cli.environment import Environment
    from aleppo_cli.cli.inputs import load_source
    from aleppo_cli.reader.session import prepare

    del _cli
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), stdout_isatty=True)
    source = load_source(env, text)
    session = prepare(source, os.environ, from_start=True)
    from textual import events
    from textual._wait import wait_for_idle

    from aleppo_cli.reader import view as views
    from aleppo_cli.reader.app import ReaderApp

    painted: list[float] = []  # document lines rendered
    frames: list[float] = []  # frames out after that
    searched: list[float] = []  # searches run
    render_line = views.DocumentView.render_line
    display = ReaderApp._display
    run_search = ReaderApp.run_search

    def rendered(self: views.DocumentView, y: int) -> object:
        painted.append(time.perf_counter())
        return render_line(self, y)

    def shown(self: ReaderApp, screen: object, renderable: object) -> None:
        display(self, screen, renderable)  # type: ignore[arg-type]
        if renderable is not None and painted:
            frames.append(time.perf_counter())

    work: list[float] = []  # the search's own time, in the app

    def searching(self: ReaderApp, query: str) -> None:
        began = time.perf_counter()
        run_search(self, query)
        searched.append(time.perf_counter())
        work.append(searched[-1] - began)

    views.DocumentView.render_line = rendered  # type: ignore[method-assign,assignment]
    ReaderApp._display = shown  # type: ignore[method-assign,assignment]
    ReaderApp.run_search = searching  # type: ignore[method-assign]
    result: dict[str, object] = {}
    app = ReaderApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        while not frames:
            await asyncio.sleep(0.001)
        print(f"first-screen {time.process_time():.3f}", flush=True)
        if search:
            while not app.complete:
                await asyncio.sleep(0.01)
            app.finder.prepare()  # made on a thread after the whole document
            await wait_for_idle(0)
            updates = []
            for query in QUERIES:
                await pilot.press("slash")
                for letter in query:
                    count = len(searched)
                    key = "space" if letter == " " else letter
                    start = time.perf_counter()
                    assert app._driver is not None
                    app._driver.send_message(events.Key(key, letter))
                    while len(searched) == count or frames[-1] < searched[-1]:
                        await asyncio.sleep(0.0005)
                    updates.append(frames[-1] - start)
                    await wait_for_idle(0)
                await pilot.press("escape")
            result["updates"] = updates
            result["work"] = work
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def measure(
    name: str, path: Path | None, search: bool, state: str
) -> tuple[float, float, dict[str, Any]]:
    """(wall seconds to the first screen, the child's CPU seconds by then, its report)."""
    command = [sys.executable, __file__, "--child", str(path) if path else "-"]
    if search:
        command.append("--search")
    env = {**os.environ, "XDG_STATE_HOME": state}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    first = time.perf_counter() - start
    if not line.startswith("first-screen"):
        raise SystemExit(f"{name}: the child said {line!r}")
    rest = process.stdout.read()
    if process.wait() != 0:
        raise SystemExit(f"{name}: the child failed")
    return first, float(line.split()[1]), json.loads(rest)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--child")
    parser.add_argument("--search", action="store_true")
    args = parser.parse_args()
    if args.child:
        text = None if args.child == "-" else args.child
        print(json.dumps(asyncio.run(child(text, args.search))))
        return
    state = tempfile.mkdtemp(prefix="aleppo-bench-state-")
    atexit.register(shutil.rmtree, state, ignore_errors=True)
    texts = {name: path for name, path in TEXTS.items() if path is None or path.exists()}
    firsts: dict[str, list[float]] = {name: [] for name in texts}
    cpus: dict[str, list[float]] = {name: [] for name in texts}
    for _ in range(args.runs):  # in turn, so that a slow spell falls on every text alike
        for name, path in texts.items():
            wall, cpu, _ = measure(name, path, False, state)
            firsts[name].append(wall)
            cpus[name].append(cpu)
    print(
        "| text | first screen: median (fastest) s | CPU by then, median s "
        "| search update: median / max ms | the search itself: median / max ms "
        "| peak memory MB |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for name, path in texts.items():
        _, _, searched = measure(name, path, True, state)
        updates = [seconds * 1000 for seconds in searched["updates"]]
        work = [seconds * 1000 for seconds in searched["work"]]
        times = firsts[name]
        print(
            f"| {name} | {statistics.median(times):.2f} ({min(times):.2f}) | "
            f"{statistics.median(cpus[name]):.2f} | "
            f"{statistics.median(updates):.0f} / {max(updates):.0f} | "
            f"{statistics.median(work):.1f} / {max(work):.1f} | "
            f"{searched['peak_mb']:.0f} |",
            flush=True,
        )
    for name in TEXTS.keys() - texts.keys():
        print(f"(not found: {name})")


if __name__ == "__main__":
    main()
