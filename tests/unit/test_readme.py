"""The README's two commands stay true: CI runs its test command, and its run command exists."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from services.cli.main import app

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    block = re.search(r"## Two commands\n.*?```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert block, "README.md lost its 'Two commands' block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = next(c for c in readme_commands() if "pytest" in c)
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines, f"{test_command!r} is not a line of .ci/run"


def test_the_readme_run_command_is_a_real_command() -> None:
    run_command = next(c for c in readme_commands() if c.startswith("sitmon "))
    words = run_command.split()[1:]
    result = CliRunner().invoke(app, [*words, "--help"])
    assert result.exit_code == 0, result.output
    assert "--demo" in result.output
