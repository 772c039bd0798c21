"""Start-up guard: the CLI module must not pull in the heavy libraries.

Not a timed test: it checks which modules an import loads, in a fresh
interpreter. nltk, sumy, numpy and scipy are imported only by the commands
that need them (summarize); the word list, rapidfuzz and regex likewise.
Output that is not for a terminal is plain text: rich is not imported for it,
nor pydantic (Typer 0.29 and later coerce every option through it). The help
is click's plain help (Typer's rich help imports markdown-it and pygments).
"""

import subprocess
import sys

HEAVY = ("nltk", "sumy", "numpy", "scipy", "rapidfuzz", "regex", "wordfreq", "charset_normalizer")


def test_importing_the_cli_loads_no_heavy_library() -> None:
    code = f"import sys, aleppo_cli.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_showing_the_bundled_review_loads_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from aleppo_cli.cli import app\n"
        "from typer.testing import CliRunner\n"
        "assert CliRunner().invoke(app, ['show']).exit_code == 0\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


FOR_TERMINALS = ("rich", "pydantic")


def test_plain_output_loads_neither_rich_nor_pydantic() -> None:
    code = (
        "import sys\n"
        "from aleppo_cli.cli import app\n"
        "from typer.testing import CliRunner\n"
        "for args in ([], ['--help'], ['show'], ['summarize'], ['search', 'destiny'], ['x']):\n"
        "    CliRunner().invoke(app, args)\n"
        f"print(','.join(m for m in {FOR_TERMINALS!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
