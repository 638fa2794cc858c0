"""`sitmon up` stops its children together: SIGTERM to all, one shared grace period, then SIGKILL."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from services.cli.up import Children

# A child that ignores SIGTERM, as one busy starting up or stuck in a shutdown would.
STUBBORN = (
    sys.executable,
    "-c",
    "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    "print('ignoring SIGTERM', flush=True); time.sleep(600)",
)
OBEDIENT = (sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(600)")


def wait_for_line(log: Path, text: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while text not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline, f"{log} never said {text!r}"
        time.sleep(0.05)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_child_ignoring_sigterm_is_killed_after_the_grace_period_and_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stubborn = Children(dict(os.environ), program=STUBBORN)
    obedient = Children(dict(os.environ), program=OBEDIENT)
    stuck = stubborn.start("stubborn child", [], tmp_path / "stubborn.log")
    polite = obedient.start("polite child", [], tmp_path / "polite.log")
    wait_for_line(tmp_path / "stubborn.log", "ignoring SIGTERM")  # its handler is in place
    wait_for_line(tmp_path / "polite.log", "ready")
    obedient.stop(grace_s=60)
    stubborn.stop(grace_s=0.2)
    assert polite.returncode == -15  # SIGTERM was enough
    assert stuck.returncode == -9  # SIGTERM was ignored: killed
    assert gone(stuck.pid) and gone(polite.pid)
    said = capsys.readouterr().out
    assert "stubborn child" in said and "did not stop within" in said and "killing it" in said
    assert "polite child stopped" in said and "polite child (pid" not in said
