"""An unreachable broker is a runtime failure: exit 1 with a line that names the address, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "articles"


def test_ingest_without_a_broker_says_where_it_looked() -> None:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": "127.0.0.1:1"}  # nothing listens on port 1
    done = subprocess.run(
        [sys.executable, "-m", "services.cli", "ingest", str(SEEDS), "--no-progress", "--retry-for", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "sitmon: cannot reach Kafka at 127.0.0.1:1" in done.stderr
    assert "Traceback" not in done.stderr
