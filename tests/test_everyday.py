"""Everyday use: other locales, the user's pager flags, names as typed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from aleppo_cli.cli.emit import less_flags
from aleppo_cli.cli.environment import Environment
from aleppo_cli.output.safe import fit
from tests.builders import fake_env, invoke


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args",
    [["show"], ["search", "destiny"], ["quotes"], ["summarize"], ["info"], ["show", "--json"]],
)
def test_another_output_encoding_degrades_instead_of_crashing(
    encoding: str, args: list[str], tmp_path: Path
) -> None:
    """The installed command, as a user with such a locale runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "aleppo_cli", *args],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode(encoding)
    if "--json" in args:
        assert result.stdout.isascii()
        assert "\\u2019" in text and json.loads(text)["input"]["name"] == "last-men-in-aleppo"
    else:
        assert "’" not in text  # a look-alike instead
        assert text == fit(invoke(args).stdout, encoding)


def test_look_alikes_for_quotes_and_dashes() -> None:
    assert fit("“It’s — here…”", "ascii") == '"It\'s -- here..."'
    assert fit("café ½ 日本", "latin-1") == "café ½ ??"
    assert fit("café", "utf-8") == "café"


def test_a_fake_latin_1_terminal() -> None:
    outcome = invoke(["search", "destiny"], fake_env(encoding="latin-1"))
    assert '"This is our destiny," Khaled says.' in outcome.stdout


@pytest.mark.parametrize(
    ("user", "flags"),
    [
        ("", "-R"),
        ("-F", "-F -R"),
        ("-iMF", "-iMF -R"),
        ("-iRF", "-iRF"),
        ("-r", "-r"),
        ("--quit-if-one-screen", "--quit-if-one-screen -R"),
    ],
)
def test_the_users_less_flags_are_kept_and_colour_added(user: str, flags: str) -> None:
    assert less_flags(user) == flags


@pytest.mark.parametrize("name", ["Last-Men-In-Aleppo", "LAST-MEN-IN-ALEPPO"])
def test_bundled_names_in_any_case(name: str) -> None:
    outcome = invoke(["info", name])
    assert outcome.status == 0 and "Last Men in Aleppo" in outcome.stdout


@pytest.mark.parametrize("typed", ["aleppo", "last-men-in-alepo", "Last-Men-in-Alepo"])
def test_a_mistyped_name_gets_a_suggestion(typed: str) -> None:
    outcome = invoke(["info", typed])
    assert outcome.status == 2
    assert outcome.stderr == (
        f"aleppo: error: no bundled text or file named '{typed}'; "
        "did you mean 'last-men-in-aleppo'? (see 'aleppo texts')\n"
    )


def test_a_file_wins_over_a_name_in_another_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("LAST-MEN-IN-ALEPPO").write_text("A file of my own. It has two sentences.")
    assert "A file of my own." in invoke(["show", "LAST-MEN-IN-ALEPPO"]).stdout


def test_quotes_finding_nothing_exits_1_with_no_note() -> None:
    nobody = invoke(["quotes", "--speaker", "nobody"])
    assert (nobody.status, nobody.stdout, nobody.stderr) == (1, "\n0 quotations\n", "")
    assert invoke(["quotes", "--speaker", "khaled"]).status == 0


def test_standard_input_is_labelled_once() -> None:
    outcome = invoke(["show", "-"], fake_env(stdin=b"One line. Two lines."))
    assert outcome.stdout == "standard input\n\nOne line. Two lines.\n"


@pytest.mark.parametrize("columns", [60, 80, 100, 200])
def test_no_header_line_ends_in_a_separator(columns: int) -> None:
    plain = (fake_env(terminal=True, columns=columns, no_color=True), [f"--width={columns}"])
    styled: tuple[Environment, list[str]] = (fake_env(terminal=True, columns=columns), [])
    for env, width in (plain, styled):
        for args in (["show", "--no-pager", *width], ["info"], ["texts"]):
            for line in invoke(args, env).stdout.splitlines():
                assert not re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip().endswith("·"), line


@pytest.mark.parametrize("columns", [80, 100])
def test_texts_never_breaks_a_url_on_a_terminal(columns: int) -> None:
    url = "https://www.rogerebert.com/reviews/last-men-in-aleppo-2017"
    shown = invoke(["texts"], fake_env(terminal=True, columns=columns, no_color=False)).stdout
    assert url in shown


def test_quotes_show_the_marks_the_text_uses(tmp_path: Path) -> None:
    text = tmp_path / "marks.txt"
    text.write_text("«Partons», dit Anne. Then Tom said: 'Not yet.' And \"Go,\" said Bob.")
    shown = invoke(["quotes", "--all", str(text)]).stdout
    assert "«Partons»" in shown and '"Go,"' in shown
    assert "“" not in shown


def test_quotes_read_at_twenty_columns() -> None:
    shown = invoke(["quotes", "--all", "--no-pager"], fake_env(terminal=True, columns=20)).stdout
    text = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    assert "…" not in text.replace(" … ", "")  # no cell cut short
    assert max(len(line) for line in text.splitlines()) <= 20
    assert "Khaled" in text and "Fitzgerald" in text


def test_piped_highlight_is_a_sentence_a_line() -> None:
    shown = invoke(["summarize", "--highlight"]).stdout
    chosen = [line for line in shown.splitlines() if line.startswith("*")]
    summary = invoke(["summarize"]).stdout.splitlines()[2:]
    assert [line[2:] for line in chosen] == summary  # grep '^\*' keeps whole sentences


def test_a_speaker_never_stands_alone_on_a_line() -> None:
    for width in range(30, 100, 7):
        lines = invoke(["quotes", "--width", str(width)]).stdout.splitlines()
        assert all(not line.strip().startswith(("Khaled", "Fitzgerald")) for line in lines)
        assert all(not line.endswith("—") for line in lines)


def test_the_usage_line_names_query_plainly() -> None:
    assert invoke(["search", "--help"]).stdout.startswith(
        "Usage: aleppo search [OPTIONS] QUERY [TEXT]"
    )


def test_a_sentence_number_stays_with_its_sentence() -> None:
    for columns in range(30, 101, 5):
        plain = invoke(["show", "--numbers", "--width", str(columns)]).stdout
        styled = invoke(["show", "-n", "--no-pager"], fake_env(terminal=True, columns=columns))
        for shown in (plain, re.sub(r"\x1b\[[0-9;]*m", "", styled.stdout)):
            assert "\u00a0" not in shown
            for line in shown.splitlines():
                assert not re.search(r"\[\d+\]\s*$", line), (columns, line)
                assert len(line.rstrip()) <= columns or line.startswith("https://")  # a URL whole


def test_context_on_a_terminal_marks_the_hit_too() -> None:
    shown = invoke(["search", "destiny", "-C", "1", "--no-pager"], fake_env(terminal=True))
    lines = re.sub(r"\x1b\[[0-9;]*m", "", shown.stdout).splitlines()
    assert [line.rstrip() for line in lines if line.startswith(("> ", "  ["))][1:3] == [
        "> [14] “This is our destiny,” Khaled says.",
        "  [15] “We’re going to die like everyone else.”",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "x", "--min-score", "50"], "--min-score goes with --fuzzy"),
        (["search", "x", "--word", "--fuzzy"], "--word and --fuzzy do not go together"),
        (["show", "--raw", "--numbers"], "--raw and --numbers do not go together"),
        (["show", "--raw", "--width", "40"], "--raw and --width do not go together"),
        (["quotes", "--speaker", ""], "--speaker needs a name"),
        (["quotes", "--speaker", "  "], "--speaker needs a name"),
    ],
)
def test_options_that_would_be_ignored_are_usage_errors(args: list[str], message: str) -> None:
    outcome = invoke(args)
    assert outcome.status == 2
    assert outcome.stderr.startswith(f"aleppo: error: {message} (see 'aleppo ")
    assert outcome.stdout == ""


def test_options_that_now_work_together() -> None:
    counted = json.loads(invoke(["search", "Khaled", "--count", "--json"]).stdout)
    assert (counted["count"], "hits" in counted) == (5, False)
    context = json.loads(invoke(["search", "destiny", "-C", "1", "--json"]).stdout)
    assert [s["number"] for s in context["hits"][0]["context"]] == [13, 14, 15]
    marked = json.loads(invoke(["summarize", "--highlight", "--json"]).stdout)
    chosen = [s["number"] for s in marked["sentences"] if s["chosen"]]
    plain = json.loads(invoke(["summarize", "--json"]).stdout)
    assert chosen == [s["number"] for s in plain["sentences"]]
    assert len(marked["sentences"]) == marked["total_sentences"]


def test_the_spinner_turns_from_slow_work_until_output_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from aleppo_cli.analysis import stats

    real = stats.compute

    def slow(document: object) -> object:
        time.sleep(0.4)
        return real(document)  # type: ignore[arg-type]

    monkeypatch.setattr(stats, "compute", slow)
    env = fake_env(stderr_isatty=True, spinner_delay=0.05)
    outcome = invoke(["info"], env)
    assert outcome.status == 0
    assert "Reading…" in outcome.stderr  # the label of the first slow step, kept turning
    assert env.spinner is not None and env.spinner.status is None  # stopped before output
    quick = fake_env(stderr_isatty=True, spinner_delay=5.0)
    assert invoke(["info"], quick).stderr == ""  # under the delay: nothing shown
