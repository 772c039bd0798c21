"""Every benchmark in one run, one table at the end.

    python bench/run.py [--quick]

Start-up of each command against the minimal Typer + rich app
(bench/minimal_app.py), on the bundled review and on a copy of it as a user's
file; `aleppo summarize` against stock sumy's own command line on the review
(stock sumy reads with a Punkt model, which this machine cannot download, so
one is trained here on Pride and Prejudice and handed to it through
NLTK_DATA); summarize, search and quotes on the three books; then summary
quality (bench/quality.py) and quotation scores (bench/quotes.py). Times are
medians of fresh processes; memory is each process's peak. The start-up
commands run in turn, round after round, so that a slow spell of the machine
falls on all of them alike. Every command runs in a scratch directory, so
what is measured is the installed package (run this with the Python of the
README's virtual environment), not the source tree.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
REVIEW = REPO / "texts" / "last-men-in-aleppo.txt"
BOOKS = REPO.parent / "shared" / "corpus" / "books"
PY = sys.executable
ALEPPO = [PY, "-m", "aleppo_cli"]


def run_once(command: list[str], env: dict[str, str] | None, cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024


def measure_together(
    commands: dict[str, tuple[list[str], dict[str, str] | None]],
    runs: int,
    cwd: Path,
    warm: bool = True,
) -> dict[str, tuple[float, float]]:
    """Median time and largest peak of each command, run in turn for ``runs`` rounds
    (after one round that is not counted, when ``warm``: it fills the file cache)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for command, env in commands.values() if warm else ():
        run_once(command, env, cwd)
    for _ in range(runs):
        for name, (command, env) in commands.items():
            seconds, mb = run_once(command, env, cwd)
            times[name].append(seconds)
            peaks[name].append(mb)
    return {name: (statistics.median(times[name]), max(peaks[name])) for name in commands}


def measure(command: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Median wall time (s) and the largest peak memory (MB) over ``runs`` runs."""
    return measure_together({"one": (command, None)}, runs, cwd, warm=False)["one"]


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
    args = parser.parse_args()
    if args.train_punkt:
        train_punkt(args.train_punkt)
        return
    runs = 3 if args.quick else 7
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
        start_up: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "minimal": ([PY, str(BENCH / "minimal_app.py")], None),
            **{" ".join(c): ([*ALEPPO, *c], None) for c in commands},
            **{" ".join(c) + " FILE": ([*ALEPPO, *c, str(copy)], None) for c in commands[1:]},
            "summarize": ([*ALEPPO, "summarize", "-a", "lex-rank"], None),
            "stock": ([PY, "-m", "sumy", "lex-rank", "--length=3", f"--file={REVIEW}"], stock_env),
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
            rows.append(
                (
                    "user file",
                    f"aleppo {' '.join(command)} FILE",
                    f"{seconds:.3f}",
                    f"{mb:.0f}",
                    f"+{seconds - minimal:.3f} s (target +0.2 s)",
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
