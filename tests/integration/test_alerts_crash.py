"""kill -9 of `sitmon alerts` between firing and delivery: nothing is lost, duplicates keep their id."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams import subscriptions as subs
from streams.envelope import decode
from streams.topics import Catalogue
from tests.integration.alert_stack import KEY_ENV, NK, killed, publish, snapshot, store_subscription
from tests.kafka_helpers import read_records
from tests.webhook_receiver import Reply, WebhookReceiver, payload_of

pytestmark = pytest.mark.integration


def _start_alerts(bootstrap: str, catalogue: Catalogue, log: Path) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_ALERTS_GROUP_WAIT": "0",
        "SITMON_ALERTS_EVALUATION_INTERVAL": "0.05",
        "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SITMON_WEBHOOK_RETRY_SCHEDULE": "0.1,0.2,0.5",
        "SITMON_WEBHOOK_ATTEMPT_TIMEOUT_S": "120",  # the first attempt hangs until the kill
        **KEY_ENV,
    }
    with log.open("ab") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "services.cli", "alerts"], env=env, stdout=sink, stderr=subprocess.STDOUT
        )


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(10)


async def test_kill_9_between_firing_and_delivery_loses_nothing(
    bootstrap: str, catalogue: Catalogue, tmp_path: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    secret = subs.new_secret(datetime.now(UTC))
    with WebhookReceiver(secret.secret) as receiver:
        created = subs.create(url=receiver.url("/hook"), now=datetime.now(UTC), kinds=["casualties"], secret=secret)
        receiver.script("/hook", [Reply(503, hang_s=60)])  # the first delivery never completes
        await store_subscription(bootstrap, catalogue, created)
        await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32, sources=2)))

        log = tmp_path / "alerts.log"
        processes.append(_start_alerts(bootstrap, catalogue, log))
        first = await receiver.wait_for_async(1, path="/hook", timeout=60)
        # fired and recorded, delivery in flight: kill -9, no chance to finish anything
        processes[0].send_signal(signal.SIGKILL)
        processes[0].wait(10)
        assert receiver.processed == {}, "the hanging attempt must not have been processed"

        processes.append(_start_alerts(bootstrap, catalogue, log))
        arrivals = await receiver.wait_for_async(2, path="/hook", timeout=60)

    assert len(receiver.processed) == 1, log.read_text()[-3000:]
    assert {a.webhook_id for a in arrivals} == {first[0].webhook_id}
    payload = payload_of(arrivals[-1])
    assert (payload["type"], payload["data"]["region"], payload["data"]["best"]) == ("alert.fired", NK, 32)
    # the transition was recorded once, not re-fired by the restarted service
    records = await read_records(bootstrap, catalogue.alerts.name, expect=10, timeout_s=3)
    transitions = [e for e in (decode(r.value) for r in records) if e.type == "alert.transitioned"]
    assert [(t.kind, t.status) for t in transitions if t.kind == "casualties"] == [("casualties", "firing")]
