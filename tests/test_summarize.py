import json
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from aleppo_cli.analysis.summarize import summary as summarize
from aleppo_cli.cli.app import app
from aleppo_cli.errors import UsageError
from tests.builders import document_of
from tests.conftest import REVIEW


def numbers_in(output: str) -> list[int]:
    return [int(n) for n in re.findall(r"^\[(\d+)\]", output, flags=re.MULTILINE)]


def test_summary_is_in_text_order_with_show_numbers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["summarize"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == (f"Last Men in Aleppo: 3 of 39 sentences, by {summarize.DEFAULT_ALGORITHM}")
    chosen = numbers_in(result.stdout)
    assert len(chosen) == 3 and chosen == sorted(chosen)
    shown = " ".join(runner.invoke(app, ["show", "--numbers"]).stdout.split())
    assert lines[1] == ""
    for line in lines[2:]:  # piped: a sentence a line
        number, text = re.match(r"\[(\d+)\] (.*)", line).groups()  # type: ignore[union-attr]
        assert f"[{number}] {text}" in shown
    wrapped = runner.invoke(app, ["summarize", "--width", "60"]).stdout
    assert max(len(line) for line in wrapped.splitlines()) <= 60
    assert len(wrapped.split("\n\n")) == 4  # the title, then a block a sentence


@pytest.mark.parametrize("algorithm", list(summarize.ALGORITHMS))
def test_every_algorithm_json(runner: CliRunner, algorithm: str) -> None:
    result = runner.invoke(app, ["summarize", "--algorithm", algorithm, "--json", "-s", "4"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"input", "algorithm", "total_sentences", "sentences"}
    assert (data["input"]["name"], data["algorithm"], data["total_sentences"]) == (
        "last-men-in-aleppo",
        algorithm,
        39,
    )
    raw = REVIEW.read_text("utf-8")
    numbers = [s["number"] for s in data["sentences"]]
    assert len(numbers) == 4 and numbers == sorted(numbers)
    for sentence in data["sentences"]:
        assert set(sentence) == {"number", "paragraph", "start", "end", "text"}
        span = raw[sentence["start"] : sentence["end"]]
        assert "".join(span.split()) == "".join(sentence["text"].split())


def test_ratio(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["summarize", "--ratio", "0.2", "--json"]).stdout)
    assert len(data["sentences"]) == 7  # floor(0.2 * 39)
    data = json.loads(runner.invoke(app, ["summarize", "--ratio", "0.001", "--json"]).stdout)
    assert len(data["sentences"]) == 1


def test_highlight_marks_the_chosen_sentences_in_place(runner: CliRunner) -> None:
    chosen = numbers_in(runner.invoke(app, ["summarize"]).stdout)
    result = runner.invoke(app, ["summarize", "--highlight"])
    assert result.exit_code == 0
    marked = [int(n) for n in re.findall(r"^\* \[(\d+)\]", result.stdout, flags=re.MULTILINE)]
    unmarked = re.findall(r"^  \[(\d+)\]", result.stdout, flags=re.MULTILINE)
    assert marked == chosen
    assert len(marked) + len(unmarked) == 39


def test_compare_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["summarize", "--compare", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    every_but_random = [name for name in summarize.ALGORITHMS if name != "random"]
    assert data["algorithms"] == every_but_random  # random only when asked: it varies
    votes = {}
    for row in data["sentences"]:
        assert row["chosen_by"]
        votes[row["number"]] = len(row["chosen_by"])
    assert sum(votes.values()) == 3 * len(every_but_random)
    args = ["summarize", "--compare", "-a", "lsa", "-a", "luhn", "-a", "lsa"]
    plain = runner.invoke(app, args).stdout.splitlines()
    assert plain[:4] == [
        "Last Men in Aleppo: the 3 sentences each of 2 algorithms chose, of 39",
        "",
        "LS=lsa  LU=luhn",  # each algorithm once, however often it is asked for
        "",
    ]
    assert all(re.match(r"\[\d+\] [12]/2 (LS|LU|LS,LU): \S", line) for line in plain[4:])


@pytest.mark.parametrize("columns", [60, 80, 88, 120])
def test_compare_reads_at_any_width(runner: CliRunner, columns: int) -> None:
    from tests.builders import fake_env, invoke

    for env, args in (
        (fake_env(terminal=True, columns=columns), []),
        (fake_env(), ["--width", str(columns)]),
    ):
        shown = invoke(["summarize", "--compare", "--no-pager", *args], env).stdout
        text = re.sub(r"\x1b\[[0-9;]*m", "", shown)
        assert max(len(line) for line in text.splitlines()) <= columns
        for name in ("lex-rank", "text-rank", "reduction"):
            assert name in text  # the legend names every column
        assert "…" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-s", "0"], "Invalid value for '--sentences' / '-s': 0 is not in the range x>=1"),
        (["-s", "-2"], "Invalid value for '--sentences' / '-s': -2 is not in the range x>=1"),
        (["--ratio", "0"], "Invalid value for '--ratio' / '-r': 0 is not in the range 0<x<=1"),
        (["--ratio", "1.5"], "Invalid value for '--ratio' / '-r': 1.5 is not in the range 0<x<=1"),
        (["-s", "2", "--ratio", "0.5"], "--sentences and --ratio do not go together"),
        (
            ["-a", "textrank"],
            "Invalid value for '--algorithm' / '-a': 'textrank' is not one of 'lex-rank', ",
        ),
        (["-a", "lsa", "-a", "kl"], "add --compare"),
    ],
)
def test_usage_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["summarize", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text(runner: CliRunner, text: str) -> None:
    result = runner.invoke(app, ["summarize", "-"], input=text)
    assert result.exit_code == 2
    assert "contains no text" in result.stderr


def test_fewer_sentences_than_asked_returns_them_all_with_a_note(runner: CliRunner) -> None:
    result = runner.invoke(app, ["summarize", "-", "-s", "5"], input="One here. Two here.")
    assert result.exit_code == 0
    assert numbers_in(result.stdout) == [1, 2]
    assert result.stderr == (
        "aleppo: note: the text has 2 sentences to choose from; showing all of them\n"
    )


def test_headings_are_never_chosen() -> None:
    document = document_of(
        ["Big News Headline"],
        ["The market rose today."],
        ["The market fell later."],
        ["Traders watched the market all day."],
        ["Nobody knew why."],
    )
    assert document.paragraphs[0].heading
    for algorithm in summarize.ALGORITHMS:
        chosen = summarize.summarize(document, algorithm, 4).sentences
        assert 1 not in [s.number for s in chosen]


def test_sentence_count_rules() -> None:
    document = document_of(["One here.", "Two here.", "Three here.", "Four here."])
    assert summarize.sentence_count(document, None, None) == summarize.DEFAULT_COUNT
    assert summarize.sentence_count(document, None, 0.5) == 2
    with pytest.raises(UsageError):
        summarize.sentence_count(document, 0, None)


def test_works_with_no_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stock sumy's tokenizer needs punkt data; nothing here may ask for any."""
    import nltk.data

    def no_data(*args: object, **kwargs: object) -> None:
        raise LookupError("no NLTK data on this machine")

    monkeypatch.setattr(nltk.data, "find", no_data)
    monkeypatch.setattr(nltk.data, "load", no_data)
    document = document_of(["Cats purr.", "Dogs bark loudly.", "Cats and dogs play."])
    for algorithm in summarize.ALGORITHMS:
        assert len(summarize.summarize(document, algorithm, 2).sentences) == 2


def test_stemmer_option(runner: CliRunner) -> None:
    default = json.loads(runner.invoke(app, ["summarize", "--json", "-s", "5"]).stdout)
    words = json.loads(
        runner.invoke(app, ["summarize", "--json", "-s", "5", "--stemmer", "none"]).stdout
    )
    assert default == words  # reduction reads words as they are by default
    stemmed = runner.invoke(app, ["summarize", "--json", "-s", "5", "--stemmer", "snowball"])
    assert stemmed.exit_code == 0
    assert summarize.stemmer_for("reduction") == "none"
    assert summarize.stemmer_for("text-rank") == "snowball"
    bad = runner.invoke(app, ["summarize", "--stemmer", "porter"])
    assert bad.exit_code == 2
    assert "Invalid value for '--stemmer': 'porter' is not one of 'snowball', 'none'" in bad.stderr


def test_algorithms_are_described_without_importing_sumy() -> None:
    code = (
        "import sys\n"
        "from aleppo_cli.analysis.summarize import summary\n"
        "assert all(summary.describe(name) for name in summary.ALGORITHMS)\n"
        "print(','.join(m for m in ('nltk', 'sumy', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert summarize.describe("kl") == summarize.ALGORITHMS["kl"].description
    with pytest.raises(UsageError, match="unknown algorithm 'textrank'"):
        summarize.describe("textrank")


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_openblas_gets_one_thread_unless_the_user_set_a_count(
    given: str | None, expected: str
) -> None:
    """Read by OpenBLAS when numpy loads: a fresh process shows what it got."""
    environment = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        environment["OPENBLAS_NUM_THREADS"] = given
    code = (
        "import os, sys\n"
        "from aleppo_cli.analysis.summarize import summary\n"
        "assert 'numpy' not in sys.modules\n"
        "summary.make_summarizer('lex-rank')\n"
        "assert 'numpy' in sys.modules\n"
        "print(os.environ['OPENBLAS_NUM_THREADS'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected


def test_the_summarizer_class_is_loaded_on_a_fresh_stack_and_its_errors_come_back() -> None:
    """The imports run in a thread of their own (summary._on_a_fresh_stack):
    the class comes back to the caller, and so does an import's failure."""
    import threading

    seen: list[str] = []

    def load() -> type:
        seen.append(threading.current_thread().name)
        return int

    assert summarize._on_a_fresh_stack(load) is int
    assert seen == ["aleppo-import"]

    def broken() -> type:
        raise ImportError("no sumy here")

    with pytest.raises(ImportError, match="no sumy here"):
        summarize._on_a_fresh_stack(broken)
