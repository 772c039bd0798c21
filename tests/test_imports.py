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
from pathlib import Path

HEAVY = (
    "nltk",
    "sumy",
    "numpy",
    "scipy",
    "rapidfuzz",
    "regex",
    "wordfreq",
    "charset_normalizer",
    # the formats' libraries: only for web pages, URLs, Markdown and EPUB
    "trafilatura",
    "lxml",
    "markdown_it",
    "httpx",
    "htmldate",
    "justext",
    "zipfile",
)
FOR_TERMINALS = ("rich", "pydantic")
READER = ("textual",)  # aleppo read only


def loaded_after(runs: list[list[str]], watched: tuple[str, ...]) -> list[str]:
    """Which of ``watched`` a fresh interpreter has loaded after importing the
    CLI and invoking it with each argument list of ``runs`` (output not a terminal)."""
    code = (
        "import sys\n"
        "from aleppo_cli.cli.app import app\n"
        "from typer.testing import CliRunner\n"
        f"for args in {runs!r}:\n"
        "    CliRunner().invoke(app, args)\n"
        f"print(','.join(m for m in {watched!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert loaded_after([], HEAVY) == []


def test_showing_the_bundled_review_loads_no_heavy_library() -> None:
    assert loaded_after([["show"]], HEAVY) == []


def test_plain_output_loads_neither_rich_nor_pydantic() -> None:
    runs = [[], ["--help"], ["show"], ["summarize"], ["search", "destiny"], ["x"]]
    assert loaded_after(runs, FOR_TERMINALS) == []


def test_the_guard_can_see_a_library_load() -> None:
    assert loaded_after([["summarize"]], HEAVY)[:2] == ["nltk", "sumy"]


def test_plain_text_and_help_load_no_format_library(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Plain words. Nothing more.", encoding="utf-8")
    runs = [["--help"], ["show", "--help"], ["show", str(path)], ["info", str(path)], ["show"]]
    formats = ("trafilatura", "lxml", "markdown_it", "httpx", "zipfile")
    assert [m for m in loaded_after(runs, HEAVY) if m in formats] == []


def test_the_guard_sees_each_format_load_its_library(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>A sentence of a page.</p></body></html>", encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nA line.", encoding="utf-8")
    assert "trafilatura" in loaded_after([["info", str(page)]], HEAVY)
    assert "markdown_it" in loaded_after([["info", str(notes)]], HEAVY)


def test_stderr_on_a_terminal_with_stdout_piped_loads_no_rich() -> None:
    """`aleppo show > out.txt` on a terminal: the spinner's console is made
    only if the spinner shows (it once imported rich at every start). The
    spinner's delay is an hour here, so a busy machine cannot make it show."""
    code = (
        "import io, sys\n"
        "from aleppo_cli.cli.environment import Environment\n"
        "from aleppo_cli.cli.main import run\n"
        "for args in (['show'], ['search', 'destiny'], ['info']):\n"
        "    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), stderr_isatty=True,\n"
        "                      spinner_delay=3600.0)\n"
        "    assert run(args, env) == 0, env.stderr.getvalue()\n"
        "print(','.join(m for m in ('rich', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_quotes_load_the_search_module_only_for_a_speaker() -> None:
    """``fold`` matches --speaker; analysis.search costs some 4 ms at import."""
    search = ("aleppo_cli.analysis.search",)
    assert loaded_after([["quotes"], ["quotes", "--all", "--json"]], search) == []
    assert loaded_after([["quotes", "--speaker", "khaled"]], search) == list(search)


def test_only_the_reader_imports_textual() -> None:
    runs = [
        [],
        ["--help"],
        ["read", "--help"],
        ["show"],
        ["info"],
        ["summarize"],
        ["search", "destiny"],
        ["quotes"],
        ["texts"],
        ["read"],  # not a terminal: prints what show prints
    ]
    assert loaded_after(runs, READER) == []


def test_the_reader_guard_can_see_textual_load() -> None:
    code = "import sys\nimport aleppo_cli.reader.app\nprint('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def test_the_review_is_searched_and_quoted_without_the_quotation_stages(tmp_path: Path) -> None:
    """The bundled review's quotations are ready-made (texts/*.quotes.json):
    its search and quotes never import the stages whose patterns compile at
    import; a user's file does."""
    stages = ("aleppo_cli.analysis.quotes.attribution", "aleppo_cli.analysis.quotes.speakers")
    runs = [["search", "This is our destiny."], ["quotes", "--all"], ["quotes", "--json"]]
    assert loaded_after(runs, stages) == []
    copy = tmp_path / "review.txt"
    copy.write_bytes((Path(__file__).parents[1] / "texts" / "last-men-in-aleppo.txt").read_bytes())
    assert loaded_after([["quotes", str(copy)]], stages) == list(stages)


def test_the_review_is_read_from_its_index_without_hashlib_or_the_segmenter(
    tmp_path: Path,
) -> None:
    """A ready-made layout needs no sentence rules, and its digests come from
    the interpreter's BLAKE2 module, not hashlib (which loads OpenSSL)."""
    watched = ("hashlib", "aleppo_cli.text.segmenter")
    runs = [["show"], ["info"], ["search", "destiny"], ["quotes"]]
    assert loaded_after(runs, watched) == []
    copy = tmp_path / "review.txt"
    copy.write_bytes((Path(__file__).parents[1] / "texts" / "last-men-in-aleppo.txt").read_bytes())
    assert loaded_after([["show", str(copy)]], watched) == ["aleppo_cli.text.segmenter"]
