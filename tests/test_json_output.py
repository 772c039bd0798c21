"""Every command's --json output against the schema in tests/data (the
envelope the README documents)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.builders import invoke

SCHEMA = json.loads((Path(__file__).parent / "data" / "json-output.schema.json").read_text("utf-8"))

RUNS = {
    "show": ["show", "--json"],
    "summarize --highlight": ["summarize", "--highlight", "--json"],
    "search --count": ["search", "Khaled", "--count", "--json"],
    "show --raw": ["show", "--raw", "--json"],
    "info": ["info", "--json"],
    "texts": ["texts", "--json"],
    "summarize": ["summarize", "--json"],
    "summarize --compare": ["summarize", "--compare", "-a", "lsa", "-a", "luhn", "--json"],
    "search": ["search", "destiny", "--fuzzy", "--context", "1", "--json"],
    "quotes": ["quotes", "--all", "--json"],
    "show --toc": ["show", "--toc", "--json"],
    "summarize --by-section": ["summarize", "--by-section", "--json"],
}
# The review has no sections: these run on a text with chapters.
CHAPTERS = (
    "CHAPTER I\n\nAnna mended nets. The work was hard.\n\nCHAPTER II\n\nSnow came. Nobody fished.\n"
)


def validator(command: str) -> Draft202012Validator:
    return Draft202012Validator({"$defs": SCHEMA["$defs"], **SCHEMA["commands"][command]})


@pytest.mark.parametrize("command", sorted(RUNS))
def test_json_output_fits_the_schema(command: str, tmp_path: Path) -> None:
    argv = RUNS[command]
    if "--toc" in argv or "--by-section" in argv:
        (tmp_path / "novel.txt").write_text(CHAPTERS, encoding="utf-8")
        argv = [*argv, str(tmp_path / "novel.txt")]
    outcome = invoke(argv)
    assert outcome.status == 0, outcome.stderr
    data: dict[str, Any] = json.loads(outcome.stdout)
    validator(command).validate(data)
    if command != "texts" and argv is RUNS[command]:
        assert data["input"]["name"] == "last-men-in-aleppo"


def test_texts_with_sections_fit_the_schema(tmp_path: Path) -> None:
    """Every location gains its section; show lists the sections."""
    path = tmp_path / "novel.txt"
    path.write_text(CHAPTERS.replace("Anna", "“Go away,” said Anna. Anna"), encoding="utf-8")
    for command in ("show", "summarize", "search", "quotes", "info"):
        argv = ["search", "Anna", "--json"] if command == "search" else RUNS[command]
        data = json.loads(invoke([*argv, str(path)]).stdout)
        validator(command).validate(data)
        if command != "info":
            assert "section" in json.dumps(data)


def test_the_default_search_mode_fits_too() -> None:
    data = json.loads(invoke(["search", "Khaled says. We're going", "--json"]).stdout)
    validator("search").validate(data)
    assert (data["mode"], data["hits"][0]["sentences"]) == ("default", [14, 15])


def test_every_command_has_a_schema() -> None:
    assert set(RUNS) == set(SCHEMA["commands"])


def test_the_schema_refuses_what_it_does_not_describe() -> None:
    data = json.loads(invoke(RUNS["summarize"]).stdout)
    data["text"] = data["input"]["name"]  # the old envelope's key
    assert not validator("summarize").is_valid(data)
    del data["text"], data["input"]
    assert not validator("summarize").is_valid(data)


@pytest.mark.parametrize("command", sorted(set(RUNS) - {"texts"}))
def test_documents_with_blocks_fit_the_schema(command: str, tmp_path: Path) -> None:
    """A Markdown file: blocks, kinds, emphasis, code and the format's metadata."""
    path = tmp_path / "notes.md"
    path.write_text(
        "# Notes\n\nShe said, “This is our *destiny*.” Then she left.\n\n"
        "- an item\n\n```\ncode()\n```\n",
        encoding="utf-8",
    )
    outcome = invoke([*RUNS[command], str(path)])
    nothing_found = command.startswith("search") and '"count": 0' in outcome.stdout
    assert outcome.status == (1 if nothing_found else 0), outcome.stderr
    data: dict[str, Any] = json.loads(outcome.stdout)
    validator(command).validate(data)
    assert data["input"]["format"] == "markdown"
