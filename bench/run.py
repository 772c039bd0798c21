"""Every benchmark in one run, one table at the end.

    python bench/run.py [--quick]

Start-up of each command against the minimal Typer + rich app
(bench/minimal_app.py), on the bundled review and on a copy of it as a user's
file (against the bundled review); `aleppo summarize` against stock sumy's
own command line on the review (stock sumy reads with a Punkt model, which
this machine cannot download, so one is trained here on Pride and Prejudice
and handed to it through NLTK_DATA); info, show, search and quotes on *War
and Peace* and on its prefixes of 0.5, 1 and 2 MB (costs should grow in line
with the text), and the time `aleppo show` takes to put the novel's first
page on a terminal (through less); summarize, search and quotes on the three
books; then summary quality (bench/quality.py) and quotation scores
(bench/quotes.py). Times are medians of fresh processes; memory is each process's peak. The start-up
commands run in turn, round after round, so that a slow spell of the machine
falls on all of them alike; they write into /dev/null (as in a pipe, where
aleppo prints plain text), and a few also into a pseudo-terminal of 80 x 24
(where aleppo prints with rich). Every command runs in a scratch directory, so
what is measured is the installed package (run this with the Python of the
README's virtual environment), not the source tree.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
REVIEW = REPO / "texts" / "last-men-in-aleppo.txt"
BOOKS = REPO.parent / "shared" / "corpus" / "books"
NOVEL = BOOKS / "war_and_peace.txt"
PREFIX_MB = (0.5, 1.0, 2.0)  # and the whole novel, 3.2 MB
# Words of the novel's first paragraph: on screen, the first page is.
FIRST_PAGE = "Genoa and Lucca"
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\r")
PY = sys.executable
# --cpu: each process's CPU time (user + system) instead of its wall time, for
# a machine too busy for wall times to mean anything
CPU = False
ALEPPO = [PY, "-m", "aleppo_cli"]


class Run(NamedTuple):
    command: list[str]
    env: dict[str, str] | None = None
    terminal: bool = False  # output to a pseudo-terminal (80 x 24) instead of /dev/null


def run_once(run: Run, cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one fresh process."""
    reader = None
    if run.terminal:
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        reader = threading.Thread(target=_drain, args=(leader,), daemon=True)
        reader.start()
        output: int = follower
    else:
        output = subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(
        run.command,
        stdin=subprocess.DEVNULL,  # with a pipe on stdin, no TEXT would read it
        stdout=output,
        stderr=subprocess.DEVNULL,
        env=run.env,
        cwd=cwd,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if CPU:
        seconds = usage.ru_utime + usage.ru_stime
    if run.terminal:
        os.close(output)
        assert reader is not None
        reader.join(timeout=5)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(run.command)}")
    return seconds, usage.ru_maxrss / 1024


def _drain(leader: int) -> None:
    """Read what the terminal shows, so that the program never waits on it."""
    try:
        while os.read(leader, 65536):
            pass
    except OSError:  # the other end closed
        pass
    finally:
        os.close(leader)


def measure_together(
    runs_by_name: dict[str, Run], rounds: int, cwd: Path, warm: bool = True
) -> dict[str, tuple[float, float]]:
    """Median time and largest peak of each run, run in turn for ``rounds`` rounds
    (after one round that is not counted, when ``warm``: it fills the file cache)."""
    times: dict[str, list[float]] = {name: [] for name in runs_by_name}
    peaks: dict[str, list[float]] = {name: [] for name in runs_by_name}
    for run in runs_by_name.values() if warm else ():
        run_once(run, cwd)
    for _ in range(rounds):
        for name, run in runs_by_name.items():
            seconds, mb = run_once(run, cwd)
            times[name].append(seconds)
            peaks[name].append(mb)
    return {name: (statistics.median(times[name]), max(peaks[name])) for name in runs_by_name}


def prefixes(folder: Path) -> dict[str, Path]:
    """The novel's first 0.5, 1 and 2 MB (cut at a line's end) and the whole."""
    data = NOVEL.read_bytes()
    paths = {}
    for mb in PREFIX_MB:
        cut = data.rfind(b"\n", 0, int(mb * 1_000_000)) + 1
        path = folder / f"war_and_peace_{mb:g}MB.txt"
        path.write_bytes(data[:cut])
        paths[f"{mb:g} MB"] = path
    paths[f"{len(data) / 1_000_000:.1f} MB"] = NOVEL
    return paths


def first_page(command: list[str], cwd: Path, timeout: float = 60.0) -> float:
    """Seconds from the start of ``command`` on a pseudo-terminal of 80 x 24
    (its controlling terminal, with PAGER=less and TERM=xterm-256color) until
    FIRST_PAGE is on the screen; the process group is killed then."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "PAGER": "less", "TERM": "xterm-256color"}
    env.pop("LESS", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=cwd,
        start_new_session=True,
        preexec_fn=_take_the_terminal,
    )
    os.close(follower)
    screen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([leader], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            screen += chunk
            if FIRST_PAGE in _ESCAPES.sub("", screen.decode("utf-8", "replace")):
                return time.perf_counter() - start
        raise SystemExit(f"the first page never showed: {' '.join(command)}")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(leader)


def _take_the_terminal() -> None:
    """In the child, a session leader: its pseudo-terminal becomes its
    controlling terminal, as a shell's is (less reads keys from it)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def novel(runs: int, work: Path) -> list[tuple[str, str, str, str, str]]:
    """War and Peace and its prefixes: one table's rows."""
    rows: list[tuple[str, str, str, str, str]] = []
    if not NOVEL.exists():
        return rows
    sizes = prefixes(work)
    whole = list(sizes)[-1]
    commands = {
        "info": ["info"],
        "show --no-pager": ["show", "--no-pager"],
        "search Pierre": ["search", "Pierre"],
        "quotes": ["quotes"],
    }
    together: dict[str, Run] = {
        f"{name} {size}": Run([*ALEPPO, *command, str(path)])
        for size, path in sizes.items()
        for name, command in commands.items()
    }
    timed = measure_together(together, runs, work)
    targets = {
        "info": "target 0.45 s",
        "show --no-pager": "target 0.6 s",
        "search Pierre": "target 0.6 s, 120 MB",
        "quotes": "target 1.0 s",
    }
    for name in commands:
        seconds, mb = timed[f"{name} {whole}"]
        rows.append(
            ("novel", f"{name} war_and_peace.txt", f"{seconds:.2f}", f"{mb:.0f}", targets[name])
        )
    pages = [first_page([*ALEPPO, "show", str(NOVEL)], work) for _ in range(runs)]
    rows.append(
        (
            "novel",
            "show war_and_peace.txt: first page on a terminal",
            f"{statistics.median(pages):.2f}",
            "",
            "80 x 24, PAGER=less",
        )
    )
    for name in commands:
        by_size = [(float(size.split()[0]), *timed[f"{name} {size}"]) for size in sizes]
        for index, (size_mb, seconds, mb) in enumerate(by_size):
            if index:
                previous_mb, previous_seconds, _ = by_size[index - 1]
                growth = f"+{(seconds - previous_seconds) / (size_mb - previous_mb):.2f} s/MB"
            else:
                growth = ""
            rows.append(
                ("prefix", f"{name}, first {size_mb:g} MB", f"{seconds:.2f}", f"{mb:.0f}", growth)
            )
    return rows


def long_texts(runs: int) -> None:
    """The review as a user's file against the bundled review (show, info,
    search, quotes, in turn for 3 x ``runs`` rounds), then the novel's rows."""
    work = Path(tempfile.mkdtemp(prefix="aleppo-bench-"))
    try:
        copy = work / "review.txt"
        shutil.copyfile(REVIEW, copy)
        commands = [["show"], ["info"], ["search", "This is our destiny."], ["quotes"]]
        together = {
            **{" ".join(c): Run([*ALEPPO, *c]) for c in commands},
            **{" ".join(c) + " FILE": Run([*ALEPPO, *c, str(copy)]) for c in commands},
        }
        timed = measure_together(together, 3 * runs, work)
        rows = []
        for command in commands:
            name = " ".join(command)
            (bundled, _), (file, mb) = timed[name], timed[name + " FILE"]
            rows.append(
                (
                    "file",
                    f"{name} review.txt",
                    f"{file:.3f}",
                    f"{mb:.0f}",
                    f"{file - bundled:+.3f} s on the bundled review (target +0.03 s)",
                )
            )
        rows.extend(novel(runs, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'group':10} {'what':48} {'seconds':>8} {'peak MB':>8}  vs reference")
    for group, what, shown_seconds, shown_mb, ratio in rows:
        print(f"{group:10} {what:48} {shown_seconds:>8} {shown_mb:>8}  {ratio}")


def measure(command: list[str], rounds: int, cwd: Path) -> tuple[float, float]:
    """Median wall time (s) and the largest peak memory (MB) over ``rounds`` runs."""
    return measure_together({"one": Run(command)}, rounds, cwd, warm=False)["one"]


def punkt_data(folder: Path) -> dict[str, str]:
    """An NLTK_DATA folder with a Punkt model trained here, for stock sumy.

    Trained in a child process: a child's peak memory counts the parent it
    was forked from, so this process must stay small.
    """
    subprocess.run([PY, __file__, "--train-punkt", str(folder)], check=True)
    return {**os.environ, "NLTK_DATA": str(folder)}


def train_punkt(folder: Path) -> None:
    from nltk.tokenize.punkt import PunktTrainer, TabEncoder

    trainer = PunktTrainer()
    trainer.train((BOOKS / "pride_and_prejudice.txt").read_text("utf-8"), finalize=True)
    params = trainer.get_params()
    encoder = TabEncoder()
    target = folder / "tokenizers" / "punkt_tab" / "english"
    target.mkdir(parents=True)
    files = {
        "collocations.tab": encoder.tups2tab(params.collocations),
        "sent_starters.txt": encoder.set2txt(params.sent_starters),
        "abbrev_types.txt": encoder.set2txt(params.abbrev_types),
        "ortho_context.tab": encoder.ivdict2tab(params.ortho_context),
    }
    for name, content in files.items():
        (target / name).write_text(content, encoding="utf-8", newline="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, fewer algorithms")
    parser.add_argument("--train-punkt", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--long-texts",
        action="store_true",
        help="only the review as a user's file against the bundled one, and War and Peace "
        "with its prefixes",
    )
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time (user + system) instead of wall time"
    )
    args = parser.parse_args()
    global CPU
    CPU = args.cpu
    if args.train_punkt:
        train_punkt(args.train_punkt)
        return
    runs = 3 if args.quick else 7
    if args.long_texts:
        long_texts(runs)
        return
    rows: list[tuple[str, str, str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="aleppo-bench-"))
    try:
        copy = work / "review.txt"
        shutil.copyfile(REVIEW, copy)
        commands = [
            ["--help"],
            ["show"],
            ["info"],
            ["search", "This is our destiny."],
            ["quotes"],
        ]
        stock_env = punkt_data(work / "nltk_data")
        on_terminal = [["--help"], ["show", "--no-pager"], ["info"], *commands[3:]]
        start_up: dict[str, Run] = {
            "minimal": Run([PY, str(BENCH / "minimal_app.py")]),
            **{" ".join(c): Run([*ALEPPO, *c]) for c in commands},
            **{" ".join(c) + " FILE": Run([*ALEPPO, *c, str(copy)]) for c in commands[1:]},
            "minimal tty": Run([PY, str(BENCH / "minimal_app.py")], terminal=True),
            **{" ".join(c) + " tty": Run([*ALEPPO, *c], terminal=True) for c in on_terminal},
            "summarize": Run([*ALEPPO, "summarize", "-a", "lex-rank"]),
            "summarize FILE": Run([*ALEPPO, "summarize", "-a", "lex-rank", str(copy)]),
            "stock": Run(
                [PY, "-m", "sumy", "lex-rank", "--length=3", f"--file={REVIEW}"], stock_env
            ),
        }
        # the summarize comparison is the closest: twice the rounds
        timed = measure_together(start_up, runs * 2, work)
        minimal, minimal_mb = timed["minimal"]
        rows.append(
            ("start-up", "minimal Typer + rich app", f"{minimal:.3f}", f"{minimal_mb:.0f}", "1.00x")
        )
        for command in commands:
            seconds, mb = timed[" ".join(command)]
            rows.append(
                (
                    "start-up",
                    f"aleppo {' '.join(command)}",
                    f"{seconds:.3f}",
                    f"{mb:.0f}",
                    f"{seconds / minimal:.2f}x (target 1.6x)",
                )
            )
        for command in commands[1:]:
            seconds, mb = timed[" ".join(command) + " FILE"]
            bundled = timed[" ".join(command)][0]
            rows.append(
                (
                    "user file",
                    f"aleppo {' '.join(command)} FILE",
                    f"{seconds:.3f}",
                    f"{mb:.0f}",
                    f"{seconds - bundled:+.3f} s on the bundled review (target +0.03 s)",
                )
            )
        minimal_tty, minimal_tty_mb = timed["minimal tty"]
        rows.append(
            (
                "terminal",
                "minimal Typer + rich app, on a terminal",
                f"{minimal_tty:.3f}",
                f"{minimal_tty_mb:.0f}",
                "1.00x",
            )
        )
        for command in on_terminal:
            seconds, mb = timed[" ".join(command) + " tty"]
            rows.append(
                (
                    "terminal",
                    f"aleppo {' '.join(command)}, on a terminal",
                    f"{seconds:.3f}",
                    f"{mb:.0f}",
                    f"{seconds / minimal_tty:.2f}x (target 1.4x)",
                )
            )
        ours, ours_mb = timed["summarize"]
        stock, stock_mb = timed["stock"]
        rows.append(
            (
                "summarize",
                "stock sumy lex-rank CLI, review",
                f"{stock:.3f}",
                f"{stock_mb:.0f}",
                "1.00x",
            )
        )
        rows.append(
            (
                "summarize",
                "aleppo summarize -a lex-rank, review",
                f"{ours:.3f}",
                f"{ours_mb:.0f}",
                f"{ours / stock:.2f}x (target 1.00x)",
            )
        )
        ours_file, ours_file_mb = timed["summarize FILE"]
        rows.append(
            (
                "summarize",
                "aleppo summarize -a lex-rank, the review as a user's file",
                f"{ours_file:.3f}",
                f"{ours_file_mb:.0f}",
                f"{ours_file / stock:.2f}x (target 1.00x)",
            )
        )

        rows.extend(novel(runs, work))

        books = sorted(BOOKS.glob("*.txt"))
        algorithms = (
            ["lex-rank", "text-rank", "kl"]
            if args.quick
            else [
                "lex-rank",
                "text-rank",
                "lsa",
                "luhn",
                "edmundson",
                "sum-basic",
                "kl",
                "reduction",
            ]
        )
        for book in books:
            for algorithm in algorithms:
                seconds, mb = measure([*ALEPPO, "summarize", "-a", algorithm, str(book)], 1, work)
                rows.append(
                    (
                        "long text",
                        f"summarize -a {algorithm} {book.name}",
                        f"{seconds:.2f}",
                        f"{mb:.0f}",
                        "target 5 s (P&P), 20 s (W&P), 1.5 GiB",
                    )
                )
            for command in (["search", "Pierre"], ["quotes"]):
                seconds, mb = measure([*ALEPPO, *command, str(book)], 1 if args.quick else 3, work)
                rows.append(
                    (
                        "long text",
                        f"{' '.join(command)} {book.name}",
                        f"{seconds:.2f}",
                        f"{mb:.0f}",
                        "target 3 s (W&P)",
                    )
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{'group':10} {'what':48} {'seconds':>8} {'peak MB':>8}  vs reference")
    for group, what, shown_seconds, shown_mb, ratio in rows:
        print(f"{group:10} {what:48} {shown_seconds:>8} {shown_mb:>8}  {ratio}")
    print("\nsummary quality (bench/quality.py):")
    subprocess.run([PY, str(BENCH / "quality.py")], check=True)
    print("\nquotation detection and speakers (bench/quotes.py):")
    subprocess.run([PY, str(BENCH / "quotes.py")], check=True)


if __name__ == "__main__":
    main()
