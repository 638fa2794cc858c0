"""The Prometheus config and rules we ship are valid and behave as written (checked by promtool itself)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

PROMETHEUS = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"
PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    PROMTOOL is None and not os.environ.get("CI"), reason="promtool not installed (apt-get install prometheus)"
)


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL, "promtool is required in CI (.ci/run installs Debian's prometheus package)"
    return subprocess.run([PROMTOOL, *args], capture_output=True, text=True, timeout=60, check=False)


@needs_promtool
def test_the_scrape_config_and_rules_are_valid() -> None:
    done = promtool("check", "config", str(PROMETHEUS / "prometheus.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


@needs_promtool
def test_the_alerting_rules_fire_as_their_unit_tests_say() -> None:
    done = promtool("test", "rules", str(PROMETHEUS / "sitmon.rules.test.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


def queried_metric_names() -> set[str]:
    """Every sitmon_* series the rules and the Grafana dashboard read (recording rules' own names excluded)."""
    dashboards = sorted((PROMETHEUS.parent / "grafana").glob("*.json"))
    assert len(dashboards) >= 2  # the overview and the situation
    text = (PROMETHEUS / "sitmon.rules.yml").read_text() + "".join(path.read_text() for path in dashboards)
    return {name.removesuffix("_bucket") for name in re.findall(r"\b(sitmon_[a-z_]+)", text)}


def test_the_rules_and_dashboard_read_only_metrics_that_sitmon_defines() -> None:
    sources = "\n".join(
        path.read_text()
        for folder in ("streams", "alerts", "services")
        for path in Path(PROMETHEUS.parents[1], folder).rglob("*.py")
    )
    defined = {name for name in re.findall(r'"(sitmon_[a-z_]+)"', sources)}
    read = {name.removesuffix("_total") for name in queried_metric_names()}
    read = {name for name in read if not name.startswith("sitmon_worker_faust_")}  # named by Faust's sensor
    assert read, "the rules read no sitmon metric"
    assert read <= defined, f"rules read metrics nobody defines: {sorted(read - defined)}"
