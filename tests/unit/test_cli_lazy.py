"""The CLI root imports no command module until a command runs, and its listing stays true."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from services.cli.lazy import commands_of, load
from services.cli.main import COMMANDS, app

HEAVY = ("faust", "aiokafka", "fastapi", "trafilatura", "py3langid", "pyarrow", "matplotlib", "services.extraction")


def imported_by(*args: str) -> set[str]:
    """The modules loaded by `python -m services.cli ARGS`, in a fresh interpreter."""
    probe = (
        "import sys, runpy; sys.argv = ['sitmon', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('services.cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120, check=False
    )
    return set(done.stderr.split())


def test_version_and_help_import_no_command_module_and_nothing_heavy() -> None:
    for args in (["--version"], ["--help"]):
        loaded = imported_by(*args)
        assert "typer" in loaded  # the probe did see the CLI load
        assert not {entry.module for entry in COMMANDS} & loaded, args
        assert not [name for name in loaded if name.split(".")[0] in HEAVY or name.startswith(HEAVY)], args


def test_a_command_imports_its_own_module_only() -> None:
    loaded = imported_by("topics", "--help")
    assert "services.cli.topics" in loaded
    assert not {entry.module for entry in COMMANDS if entry.module != "services.cli.topics"} & loaded


def test_the_listing_shows_every_command_with_its_real_summary() -> None:
    for entry in COMMANDS:
        real = load(entry)
        assert (real.short_help or (real.help or "").split("\n")[0]).strip() == entry.summary, entry.name
    registered = {name for entry in COMMANDS for name in commands_of(entry.module).commands}
    assert registered == {entry.name for entry in COMMANDS}, "a command a module registers is missing from COMMANDS"
    listing = CliRunner().invoke(app, ["--help"]).output
    assert all(entry.name in listing for entry in COMMANDS)
