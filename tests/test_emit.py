"""cli/emit.py: one rendering per run, the pager decided before any
counting, and the pager's settings kept out of the process environment."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from aleppo_cli.output import views
from tests.builders import fake_env, invoke


def count_renders(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """How many times each rich Text is rendered, by its id."""
    from rich.text import Text

    rendered: Counter[int] = Counter()
    original = Text.__rich_console__

    alive: list[Text] = []  # kept, so that no id is reused while counting

    def counted(self: Text, console: Any, options: Any) -> Any:
        alive.append(self)
        rendered[id(self)] += 1
        return original(self, console, options)

    monkeypatch.setattr(Text, "__rich_console__", counted)
    return rendered


def count_styled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The widths ShowView's styled renderings were asked for."""
    calls: list[int] = []
    for method in ("styled", "parts"):
        original = getattr(views.ShowView, method)

        def counted(self: views.ShowView, width: int, original: Any = original) -> Any:
            calls.append(width)
            return original(self, width)

        monkeypatch.setattr(views.ShowView, method, counted)
    return calls


def test_no_pager_on_a_terminal_renders_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # It once rendered everything twice: to count lines, then to print.
    calls = count_styled(monkeypatch)
    rendered = count_renders(monkeypatch)
    env = fake_env(terminal=True)
    outcome = invoke(["show", "--no-pager"], env)
    assert outcome.status == 0
    assert len(calls) == 1
    assert rendered and max(rendered.values()) == 1
    assert "\x1b[" in outcome.stdout  # styled
    assert outcome.stdout.count("\n") > env.lines


def test_piped_output_is_plain_and_never_styled(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_styled(monkeypatch)
    outcome = invoke(["show"])
    assert calls == []
    assert "\x1b" not in outcome.stdout


def pager_env(tmp_path: Path, **variables: str) -> Any:
    """A terminal whose pager writes what it was given, and its LESS, to a file."""
    record = tmp_path / "paged.txt"
    script = (
        "import os, sys; "
        f"open({str(record)!r}, 'w').write(os.environ.get('LESS', '') + '|' + sys.stdin.read())"
    )
    pager = f"{sys.executable} -c {script!r}"
    return fake_env(terminal=True, variables={"PAGER": pager, **variables}), record


def test_the_pager_gets_colour_flags_in_its_own_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LESS", raising=False)
    env, record = pager_env(tmp_path)
    outcome = invoke(["show", "--pager"], env)
    assert outcome.status == 0
    assert outcome.stdout == ""
    flags, paged = record.read_text("utf-8").split("|", 1)
    assert flags == "-R"
    assert "Last Men in Aleppo" in paged and "\x1b[" in paged
    assert "LESS" not in os.environ  # the process environment is never written


def test_a_short_text_is_not_paged(tmp_path: Path) -> None:
    env, record = pager_env(tmp_path)
    env.lines = 10_000
    assert invoke(["show"], env).stdout.startswith("\x1b[")
    assert not record.exists()


def test_a_long_text_is_paged_by_default(tmp_path: Path) -> None:
    env, record = pager_env(tmp_path)
    assert invoke(["show"], env).stdout == ""
    assert record.exists()


def test_a_missing_pager_prints_instead(tmp_path: Path) -> None:
    env = fake_env(terminal=True, variables={"PAGER": str(tmp_path / "no-such-pager")})
    assert "Last Men in Aleppo" in invoke(["show", "--pager"], env).stdout


def test_a_long_text_is_paged_before_it_is_all_styled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pager starts after a screenful; when the reader quits, styling stops."""
    from aleppo_cli.output import styled

    styled_paragraphs: list[int] = []
    original = styled.paragraph_text

    def counted(*args: Any, **kwargs: Any) -> Any:
        styled_paragraphs.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(styled, "paragraph_text", counted)
    book = tmp_path / "book.txt"
    book.write_text("\n\n".join(f"Paragraph {n} of a long book." for n in range(3000)))
    quits = f"{sys.executable} -c 'import sys; sys.stdin.readline()'"
    env = fake_env(terminal=True, variables={"PAGER": quits})
    outcome = invoke(["show", str(book)], env)
    assert (outcome.status, outcome.stdout, outcome.stderr) == (0, "", "")
    assert 12 <= len(styled_paragraphs) < 500  # a screenful and a little, not 3,000
