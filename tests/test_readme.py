"""The README's command reference is the program's own --help (regenerate it
with `python .ci/cli_reference.py`)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.conftest import REPO


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_reference", REPO / ".ci/cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_current() -> None:
    module = generator()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert module.updated(readme) == readme, "run: python .ci/cli_reference.py"


def test_the_reference_has_every_command() -> None:
    reference = generator().reference()
    for command in ("show", "read", "info", "summarize", "search", "quotes", "texts"):
        assert f"Usage: aleppo {command} [OPTIONS]" in reference
