"""The bundled texts' ready-made quotations (aleppo_cli/analysis/quotes/ready.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from aleppo_cli.analysis.quotes import quotations, ready
from aleppo_cli.text import prebuilt, sources
from aleppo_cli.text.document import build


def stored_data(name: str) -> dict[str, object]:
    text = sources.read_index(name, ready.SUFFIX)
    assert text is not None, f"{name} has no {ready.SUFFIX}"
    data: dict[str, object] = json.loads(text)
    return data


@pytest.fixture(autouse=True)
def fresh_fingerprints() -> Iterator[None]:
    ready.code_fingerprint.cache_clear()
    prebuilt.code_fingerprint.cache_clear()
    yield
    ready.code_fingerprint.cache_clear()
    prebuilt.code_fingerprint.cache_clear()


@pytest.mark.parametrize("name", sorted(sources.catalogue()))
def test_ready_made_quotations_are_what_the_stages_find_now(name: str) -> None:
    """(regenerate with `python .ci/index_texts.py`)"""
    source = sources.load(name)
    live = quotations.find(build(source.text))
    assert ready.stored(source) == live
    assert stored_data(name) == ready.make(source.text, live)


def test_ready_made_quotations_serve_only_their_text() -> None:
    source = sources.load(None)
    data = stored_data(source.name)
    assert ready.quotations(source.text, data) is not None
    assert ready.quotations(source.text + " More.", data) is None


def test_a_users_copy_of_a_bundled_text_is_not_answered_from_the_file(tmp_path: Path) -> None:
    copy = tmp_path / "review.txt"
    copy.write_text(sources.load(None).text, encoding="utf-8")
    assert ready.stored(sources.load(str(copy))) is None


@pytest.mark.parametrize("repair", [True, False])
def test_repair_forced_either_way_is_not_answered_from_the_file(repair: bool) -> None:
    """The file holds the quotations of the text as repair decided by itself."""
    source = sources.load(None)
    assert ready.stored(source) is not None
    assert ready.stored(replace(source, repair=repair)) is None


@pytest.mark.parametrize("where", ["quotes", "document"])
def test_a_changed_rule_is_never_answered_from_the_file(
    monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A change to any file of the quotation package (or to the code that
    builds the document) makes the stages run again."""
    source = sources.load(None)
    data = stored_data(source.name)
    assert ready.quotations(source.text, data) is not None
    if where == "quotes":
        files = ready._code_files()
        edited = [(name, body + (b"#" if name == "kind.py" else b"")) for name, body in files]
        monkeypatch.setattr(ready, "_code_files", lambda: edited)
    else:
        original = prebuilt._source_bytes
        monkeypatch.setattr(prebuilt, "_source_bytes", lambda name: original(name) + b"#")
    ready.code_fingerprint.cache_clear()
    prebuilt.code_fingerprint.cache_clear()
    assert ready.quotations(source.text, data) is None


def test_the_fingerprint_covers_a_new_module_of_the_package() -> None:
    names = [name for name, _ in ready._code_files()]
    package = Path(ready.__file__).parent
    assert {path.name for path in package.glob("*.py")} <= set(names)
    assert "quotemarks.py" in names
