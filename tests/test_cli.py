import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aleppo_cli import __version__
from aleppo_cli.cli.app import app
from tests.builders import invoke
from tests.conftest import REVIEW

URL = "https://www.rogerebert.com/reviews/last-men-in-aleppo-2017"


def test_no_arguments_prints_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    for command in ("show", "info", "texts"):
        assert command in result.stdout


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"aleppo {__version__}\n"


def test_python_dash_m_runs_the_same_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aleppo_cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, f"aleppo {__version__}\n")


def test_show_plain_header_and_repairs(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == ["Last Men in Aleppo", "film review · RogerEbert.com", URL, ""]
    assert lines[4].startswith("Since late 2012, the Syrian Civil Defence")
    body = " ".join(result.stdout.split())
    assert "Advertisement" not in body
    assert (
        "co-director Steen Johannessen, and director of photography Fadi Al Halabi document" in body
    )
    assert "can be a very difficult watch" in body
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in lines) <= 88


def test_show_width_and_numbers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--width", "40", "--numbers"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines[4:]) <= 40
    body = " ".join(result.stdout.split())
    assert body.count("[") >= 39
    assert "[1] Since late 2012" in body
    assert "[14] “This is our destiny,” Khaled says. [15] “We’re going to die" in body


def test_show_raw_is_the_text_exactly_as_read(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--raw"])
    assert result.exit_code == 0
    assert result.stdout == REVIEW.read_text("utf-8")


def test_show_json_offsets_point_into_the_raw_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["input"] == {
        "name": "last-men-in-aleppo",
        "title": "Last Men in Aleppo",
        "kind": "film review",
        "source": URL,
    }
    raw = REVIEW.read_text("utf-8")
    numbers = []
    for paragraph in data["paragraphs"]:
        for sentence in paragraph["sentences"]:
            numbers.append(sentence["number"])
            span = raw[sentence["start"] : sentence["end"]]
            assert "".join(span.split()) == "".join(sentence["text"].split())
    assert numbers == list(range(1, 40))
    destiny = [s for p in data["paragraphs"] for s in p["sentences"] if "destiny" in s["text"]]
    assert destiny[0]["text"] == "“This is our destiny,” Khaled says."


def test_show_reads_stdin_and_files(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = runner.invoke(app, ["show", "-"], input="From the pipe. Two sentences.")
    assert result.exit_code == 0
    assert result.stdout == "standard input\n\nFrom the pipe. Two sentences.\n"
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text("Once upon a time.\n\nThe end.", encoding="utf-8")
    result = runner.invoke(app, ["show", "story.txt"])
    assert result.stdout == "story.txt\nfile · story.txt\n\nOnce upon a time.\n\nThe end.\n"


def test_markup_is_printed_literally(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "-"], input="Keep [bold]this[/] as it is.")
    assert result.stdout.splitlines()[-1] == "Keep [bold]this[/] as it is."


def test_info(runner: CliRunner) -> None:
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    assert "Sentences     39\n" in result.stdout
    assert "Paragraphs    10\n" in result.stdout
    data = json.loads(runner.invoke(app, ["info", "--json"]).stdout)
    assert data["sentences"] == 39
    assert data["reading_minutes"] == 4
    assert 850 <= data["words"] <= 900


def test_texts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["texts"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split() == ["NAME", "TITLE", "KIND", "SOURCE"]
    assert "last-men-in-aleppo" in result.stdout
    data = json.loads(runner.invoke(app, ["texts", "--json"]).stdout)
    assert data["texts"][0]["name"] == "last-men-in-aleppo"
    assert data["texts"][0]["source"] == URL


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "no-such-text"], "no bundled text or file named 'no-such-text'"),
        (["info", "missing/file.txt"], "no bundled text or file named 'missing/file.txt'"),
        (["show", "--width", "5"], "Invalid value for '--width'"),
        (["show", "--bogus"], "No such option: --bogus"),
    ],
)
def test_errors_are_one_line_on_stderr(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("aleppo: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "contains no text"),
        (b"   \n\n ", "contains no text"),
        (b"GIF89a\x00\x01\x00\x00", "looks like a binary file"),
    ],
)
def test_bad_files(runner: CliRunner, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    for command in ("show", "info"):
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code == 2
        assert message in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_directory(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_legacy_encoding_is_decoded_with_a_note(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("A naïve café, déjà vu.".encode("cp1252"))
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "A naïve café, déjà vu."
    assert "decoded it as cp1252" in result.stderr


def test_commands_do_not_change_the_users_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_bytes(b"Some text.\r\nAdvertisement\r\nMore averydifficult text.")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for args in (["show"], ["show", "--json"], ["info"], ["show", "--raw"]):
        assert runner.invoke(app, [*args, str(path)]).exit_code == 0
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_an_internal_error_is_one_line_unless_debugging(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aleppo_cli.analysis import stats

    def broken(document: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(stats, "compute", broken)
    monkeypatch.delenv("ALEPPO_DEBUG", raising=False)
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 2
    assert result.stderr.startswith("aleppo: error: internal error: RuntimeError: boom; run with")
    assert len(result.stderr.splitlines()) == 1
    debugging = runner.invoke(app, ["--debug", "info"])
    assert debugging.exit_code == 2
    assert debugging.stderr.startswith("Traceback (most recent call last):")
    assert debugging.stderr.endswith("RuntimeError: boom\n")
    monkeypatch.delenv("ALEPPO_DEBUG", raising=False)


def test_raw_output_notes_a_legacy_encoding_too(tmp_path: Path) -> None:
    # --raw once bypassed the common loader and said nothing.
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("She wore a “lamé” dress.".encode("cp1252"))
    for args in (["show", str(legacy)], ["show", "--raw", str(legacy)]):
        outcome = invoke(args)
        assert outcome.status == 0
        assert outcome.stderr.startswith("aleppo: note: ") and "decoded it as" in outcome.stderr


def test_help_lists_the_choices() -> None:
    help_text = " ".join(invoke(["summarize", "--help"]).stdout.split())
    assert "<lex-rank|text-rank|lsa|luhn|edmundson|sum-basic|kl|reduction|random>" in help_text
    assert "--stemmer <snowball|none>" in help_text
    assert "kl KL-Sum: keeps the summary's word distribution close to the text's" in help_text
    assert "<str>" not in help_text and "<int range>" not in help_text
    assert "--width COLUMNS" in " ".join(invoke(["show", "--help"]).stdout.split())


def test_info_says_which_repairs_were_made(runner: CliRunner) -> None:
    result = runner.invoke(app, ["info"])
    assert (
        "Repairs       3 ad-slot markers removed, 4 run-together words split "
        "(the text looks scraped)\n" in result.stdout
    )
    data = json.loads(runner.invoke(app, ["info", "--json"]).stdout)
    assert data["repairs"] == {"decision": "scraped", "ad_markers": 3, "glued_words": 4}


@pytest.mark.parametrize("command", ["show", "info", "search", "quotes", "summarize"])
def test_repair_forced_off_keeps_the_scraped_words(runner: CliRunner, command: str) -> None:
    args = {"search": ["search", "Halabidocument"]}.get(command, [command])
    on = runner.invoke(app, [*args, "--json"])
    off = runner.invoke(app, [*args, "--no-repair", "--json"])
    assert off.exit_code == 0, off.stderr
    assert on.stdout != off.stdout
    if command == "show":
        assert "Halabidocument" in off.stdout and "Halabidocument" not in on.stdout


def test_repair_forced_on_and_off_for_a_plain_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text(
        "The dataLayer object. Advertisement Standards Authority rules apply.", encoding="utf-8"
    )
    plain = runner.invoke(app, ["show", "notes.txt"]).stdout
    assert "The dataLayer object. Advertisement Standards" in plain
    forced = runner.invoke(app, ["show", "notes.txt", "--repair"]).stdout
    assert "The data Layer object." in forced
    info = json.loads(runner.invoke(app, ["info", "notes.txt", "--json"]).stdout)
    assert info["repairs"] == {"decision": "not scraped", "ad_markers": 0, "glued_words": 0}
