"""Start a `sitmon` command's process ahead of time, imported and parked until it is told to go.

The fault tests restart services many times; on a loaded two-core machine the interpreter's
start and the imports (faust, aiokafka, pydantic models) take seconds of wall clock each time.
A parked process pays them while the previous run is still working; `go()` then runs the
real command — `services.cli.main.run()` with the same arguments — so the restart itself
(rebuild, group join, recovery) is exactly what an operator's restart does.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def parked_command(*arguments: str, imports: tuple[str, ...]) -> list[str]:
    """`python -c …`: import `imports`, wait for a line on stdin, then run `sitmon ARGUMENTS…`."""
    modules = ", ".join(("sys", "services.cli.main", *imports))
    script = f"import {modules}; sys.stdin.readline(); services.cli.main.run()"
    return [sys.executable, "-c", script, *arguments]


def launch_parked(command: list[str], env: Mapping[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as sink:
        return subprocess.Popen(command, env=dict(env), stdin=subprocess.PIPE, stdout=sink, stderr=subprocess.STDOUT)


def go(process: subprocess.Popen[bytes]) -> None:
    assert process.stdin is not None
    process.stdin.write(b"go\n")
    process.stdin.close()
