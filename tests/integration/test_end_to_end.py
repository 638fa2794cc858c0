"""The whole stack, driven only through the `sitmon` command line, as a user would.

`sitmon up` runs the worker and the alerting service; `sitmon subscribe` registers a real
receiver that verifies every webhook with the standardwebhooks library; `sitmon ingest` feeds
the seed story. Nothing is mocked: a real broker, real processes, real HTTP.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from streams.topics import Catalogue
from tests.integration.alert_stack import KEY_ENV
from tests.webhook_receiver import WebhookReceiver, payload_of

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "articles" / "2023-09-20-nagorno-karabakh-ceasefire.md"
SITMON = [sys.executable, "-m", "services.cli"]


def environment(bootstrap: str, catalogue: Catalogue) -> dict[str, str]:
    return {
        **os.environ,
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SITMON_ALERTS_GROUP_WAIT": "0",
        "PYTHONUNBUFFERED": "1",
        **KEY_ENV,
    }


class Output:
    """A child's stdout collected in a thread, so the test can wait for a line with a deadline."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        assert process.stdout is not None
        self._thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, pattern: str, timeout_s: float) -> str:
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                text = "".join(self.lines)
                if re.search(pattern, text):
                    return text
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no {pattern!r} within {timeout_s}s; output so far:\n{text[-3000:]}")
                self._changed.wait(remaining)


@pytest.fixture
def stack(bootstrap: str, catalogue: Catalogue) -> Iterator[tuple[subprocess.Popen[str], Output]]:
    process = subprocess.Popen(
        [*SITMON, "up"],
        env=environment(bootstrap, catalogue),
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output = Output(process)
    try:
        output.wait_for("sitmon is up", timeout_s=60)
        yield process, output
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def test_the_seed_story_alerts_a_subscriber_with_signed_casualty_and_ceasefire_webhooks(
    bootstrap: str, catalogue: Catalogue, stack: tuple[subprocess.Popen[str], Output]
) -> None:
    env = environment(bootstrap, catalogue)
    with WebhookReceiver([]) as receiver:  # it learns the secret from `sitmon subscribe` below
        subscribed = subprocess.run(
            [*SITMON, "subscribe", receiver.url(), "--region", "nagorno-karabakh"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert subscribed.returncode == 0, subscribed.stderr
        secret = re.search(r"secret (whsec_\S+)", subscribed.stdout)
        assert secret, subscribed.stdout
        receiver.trust(secret.group(1))
        ingested = subprocess.run(
            [*SITMON, "ingest", str(SEED), "--no-progress"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert ingested.returncode == 0, ingested.stderr
        arrivals = receiver.wait_for(2, timeout=60)

    assert all(a.verified for a in arrivals), [a.error for a in arrivals]
    by_kind = {payload_of(a)["data"]["kind"]: payload_of(a)["data"] for a in arrivals}
    casualties, ceasefire = by_kind["casualties"], by_kind["ceasefire"]
    assert casualties["region"] == "nagorno-karabakh" and casualties["status"] == "firing"
    assert casualties["level"] in ("orange", "red")
    assert casualties["best"] == 32
    assert any("32 people were killed" in sentence for sentence in casualties["evidence"])
    assert ceasefire["ceasefire_status"] == "agreed"

    # The services' /metrics (what deploy/prometheus scrapes) saw the same run.
    _, output = stack
    worker_url, alerts_url, poll_url = re.findall(r"(http://127\.0\.0\.1:\d+/metrics)", output.wait_for("sitmon is up", 1))
    worker = httpx.get(worker_url, timeout=10).text
    alerts = httpx.get(alerts_url, timeout=10).text
    assert sample(worker, "sitmon_worker_situations_published_total") >= 1
    assert sample(alerts, 'sitmon_notifications_total{outcome="delivered",reason="ok"}') >= 2
    assert sample(alerts, "sitmon_webhook_delivery_latency_seconds_count") >= 2
    assert sample(httpx.get(poll_url, timeout=10).text, "sitmon_feeds_followed") == 0  # the poller runs, no feed yet


def sample(exposition: str, series: str) -> float:
    for line in exposition.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{series} not exposed")


def test_sigterm_stops_the_stack_and_its_children_and_keeps_their_logs(
    stack: tuple[subprocess.Popen[str], Output],
) -> None:
    process, output = stack
    started = output.wait_for("feed follower started", 10)
    children = [int(pid) for pid in re.findall(r"started \(pid (\d+)", started)]
    logs = [Path(path) for path in re.findall(r"log (/\S+\.log)\)", started)]
    assert len(children) == 3 and len(logs) == 3  # worker, alerting service, feed follower
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) in (0, 130)
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert all(log.is_file() for log in logs), "the log paths `sitmon up` printed must stay valid after it exits"
