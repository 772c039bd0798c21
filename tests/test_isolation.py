"""What a test changes in the environment does not reach the next test
(conftest.restore_environment). The two tests run in this order."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from aleppo_cli.cli.app import app

BEFORE: dict[str, str] = {}
OWN = "PYTEST_CURRENT_TEST"  # pytest's own, naming the running test


def environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != OWN}


def test_a_test_sets_changes_and_removes_variables() -> None:
    BEFORE.update(environment())
    os.environ["ALEPPO_TEST_LEFT_BEHIND"] = "1"
    os.environ["HOME"] = os.environ.get("HOME", "") + "-changed"
    del os.environ["HYPOTHESIS_STORAGE_DIRECTORY"]  # set by conftest
    CliRunner().invoke(app, ["--debug", "texts"])  # sets ALEPPO_DEBUG, at the time of writing


def test_the_next_test_starts_with_the_environment_as_it_was() -> None:
    if not BEFORE:
        pytest.skip("only after test_a_test_sets_changes_and_removes_variables")
    assert environment() == BEFORE
