"""Fault test: `sitmon alerts` restarted five times (SIGTERM and `kill -9`) at random moments is invisible.

Two alerting services read the same story on two sets of topics: one runs cleanly, the other
is restarted five times — two SIGTERM, three `kill -9`, in a seeded random order, at seeded
random steps: right after a step's snapshots were published (mid-evaluation) or once its first
webhook arrived (mid-delivery). Each downtime lasts 0–2 steps (snapshots published while the
service is down; at least one lasts 2), so alerts change while it is down, and some fire and
resolve entirely inside a downtime. The story, over 16 steps:
- 8 regions climb info → yellow → orange (provisional, then confirmed) → red and end resolved,
  red again on a single source, or down to orange, each starting at a different step;
- one region per step "blips": red at that step, resolved at the next.
Every snapshot is news, so the clean run — paced to see every step — sends one webhook per
snapshot. Compared, from what each webhook receiver verified:
- the final view of every alert (status, level, best, sources, provisional) equals the clean run's
  — a blip whose whole life fell inside a downtime is told once, resolved, as the clean run ended it;
- per alert, no notification carries an older observation (`as_of`) than one before it;
- a notification delivered twice carries the same webhook-id (one id per alert transition).
Each restart is made cheap, not rarer: the service is a static group member
(`SITMON_ALERTS_INSTANCE_ID`, so a killed run's session is not waited out) and the next process
is imported ahead and parked until the restart (tests/integration/warm_start.py).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from services.kafka.admin import create_topics
from streams import subscriptions as subs
from streams.topics import Catalogue
from tests.integration.alert_stack import KEY_ENV, killed, publish, snapshot, store_subscription
from tests.integration.conftest import fresh_prefix
from tests.integration.warm_start import go, launch_parked, parked_command
from tests.webhook_receiver import Arrival, WebhookReceiver, payload_of

pytestmark = [pytest.mark.integration, pytest.mark.faults]

SEED = int(os.environ.get("SITMON_FAULTS_SEED", "4242"))  # replay a failure with its printed seed
STEPS = 16
CLIMBERS = [f"region-{i}" for i in range(8)]
BLIPS = [f"blip-{k:02d}" for k in range(STEPS - 1)]
# (best killed in 24 h, sources) per step of a climber; its last step differs per region and
# changes every alert (resolved, red again but on a single source, down to orange), so each
# alert's final notification carries the last snapshot's values in any run (a higher count at
# the same level and provisional mark is no news, and which count a subscriber last heard would
# then depend on timing: a restart's catch-up rightly sends the latest)
CLIMB = [(3, 1), (12, 1), (30, 1), (30, 2), (120, 2)]
FINALS = [(0, 2), (150, 1), (40, 2)]
BLIP = [(120, 2), (0, 2)]  # red, then resolved
RESTARTS = [signal.SIGTERM, signal.SIGTERM, signal.SIGKILL, signal.SIGKILL, signal.SIGKILL]
ENDS = {
    **{
        region: (("resolved", "red", 0, 2, False), ("firing", "red", 150, 1, True), ("firing", "orange", 40, 2, False))[
            i % 3
        ]
        for i, region in enumerate(CLIMBERS)
    },
    **{blip: ("resolved", "red", 0, 2, False) for blip in BLIPS},
}
ALERTS_IMPORTS = ("services.cli.alerts", "alerts.service", "aiokafka", "httpx")


def story() -> list[list[tuple[str, int, int]]]:
    """Per step, the snapshots published: (region, best, sources)."""
    steps: list[list[tuple[str, int, int]]] = [[] for _ in range(STEPS)]
    for i, region in enumerate(CLIMBERS):
        start = (i * 3) % (STEPS - len(CLIMB))  # staggered: climbers start and end at different steps
        for offset, (best, sources) in enumerate([*CLIMB, FINALS[i % len(FINALS)]]):
            steps[start + offset].append((region, best, sources))
    for k, blip in enumerate(BLIPS):
        for offset, (best, sources) in enumerate(BLIP):
            steps[k + offset].append((blip, best, sources))
    return steps


def downtimes(rng: random.Random) -> list[tuple[int, int]]:
    """(step after which the service stops, steps published while it is down), non-overlapping."""
    while True:
        stops = sorted(rng.sample(range(STEPS - 1), len(RESTARTS)))
        gaps = [later - earlier for earlier, later in zip(stops, [*stops[1:], STEPS], strict=True)]
        if min(gaps) >= 2 and max(gaps) >= 3:
            break
    lengths = [min(rng.choice((0, 1, 2)), gap - 1) for gap in gaps]
    if 2 not in lengths:  # at least one downtime spans a blip's whole life
        longest = max(range(len(gaps)), key=lambda j: gaps[j])
        lengths[longest] = 2
    return list(zip(stops, lengths, strict=True))


class AlertsProcess:
    """`sitmon alerts` on one set of topics; `restart` hands over to a process imported ahead."""

    def __init__(self, bootstrap: str, catalogue: Catalogue, log: Path) -> None:
        self.env = os.environ | {
            **KEY_ENV,
            "SITMON_KAFKA_BOOTSTRAP": bootstrap,
            "SITMON_TOPIC_PREFIX": catalogue.prefix,
            "SITMON_ALERTS_GROUP_WAIT": "0",
            "SITMON_ALERTS_GROUP_INTERVAL": "0",
            "SITMON_ALERTS_KEEP_FIRING_FOR": "0",
            "SITMON_ALERTS_EVALUATION_INTERVAL": "0.1",
            "SITMON_ALERTS_INSTANCE_ID": "faults-alerts",
            "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
            "SITMON_WEBHOOK_RETRY_SCHEDULE": "0.1,0.2,0.5",
        }
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self.spare: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def _park(self) -> subprocess.Popen[bytes]:
        return launch_parked(parked_command("alerts", imports=ALERTS_IMPORTS), self.env, self.log)

    def start(self) -> None:
        """Run the parked process and park the next one."""
        self.process, self.spare = self.spare or self._park(), self._park()
        go(self.process)
        self.starts += 1

    async def ready(self) -> None:
        """Until the running process (the latest start) logged that it is ready: rebuilt and caught up."""
        deadline = asyncio.get_running_loop().time() + 90
        while self.log.read_text(errors="replace").count("alerts.ready") < self.starts:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"sitmon alerts exited: {self.log.read_text(errors='replace')[-2000:]}")
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"sitmon alerts not ready after 90 s: {self.log.read_text()[-2000:]}")
            await asyncio.sleep(0.05)

    def stop(self, how: int = signal.SIGTERM) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(how)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def close(self) -> None:
        self.stop()
        if self.spare is not None:
            self.spare.kill()
            self.spare.wait(10)


@pytest.fixture
def second_catalogue(bootstrap: str) -> Iterator[Catalogue]:
    topics = Catalogue(fresh_prefix())
    asyncio.run(create_topics(bootstrap, topics))
    yield topics

    async def drop() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            await admin.delete_topics([topic.name for topic in topics])
        finally:
            await admin.close()

    asyncio.run(drop())


async def test_restarting_the_alerting_service_five_times_is_invisible_to_subscribers(
    bootstrap: str, catalogue: Catalogue, second_catalogue: Catalogue, tmp_path: Path
) -> None:
    print(f"\n[faults] alerts restarts seed {SEED} (SITMON_FAULTS_SEED={SEED} replays it)")
    rng = random.Random(SEED)
    secret = subs.new_secret(datetime.now(UTC))
    clean_topics, faulty_topics = catalogue, second_catalogue
    steps = story()
    plan = dict(downtimes(rng))  # stop after step → steps published while down
    signals = rng.sample(RESTARTS, len(RESTARTS))
    kinds = [rng.choice(("at once", "after a webhook")) for _ in RESTARTS]
    with WebhookReceiver(secret.secret) as clean_rx, WebhookReceiver(secret.secret) as faulty_rx:
        for topics, receiver in ((clean_topics, clean_rx), (faulty_topics, faulty_rx)):
            created = subs.create(url=receiver.url("/hook"), now=datetime.now(UTC), kinds=["casualties"], secret=secret)
            await store_subscription(bootstrap, topics, created)
        clean = AlertsProcess(bootstrap, clean_topics, tmp_path / "clean.log")
        faulty = AlertsProcess(bootstrap, faulty_topics, tmp_path / "faulty.log")
        clean.start()
        faulty.start()
        await clean.ready()
        await faulty.ready()
        moments: list[str] = []
        down_until = -1  # the last step published while the faulty service is down
        unseen: list[str] = []  # blips whose whole life fell inside a downtime
        published = 0
        try:
            for index, step in enumerate(steps):
                before = len(faulty_rx.received())
                for region, best, sources in step:
                    situation = snapshot(killed(best, sources=sources), sequence=index + 1, region=region)
                    for topics in (clean_topics, faulty_topics):
                        await publish(bootstrap, topics.situation.name, region, situation)
                published += len(step)
                # the clean run sees every step: each snapshot is news, one webhook each
                await clean_rx.wait_for_async(published, timeout=60)
                if index in plan:
                    how, moment = signals[len(moments)], kinds[len(moments)]
                    if moment == "after a webhook":
                        try:
                            await faulty_rx.wait_for_async(before + 1, timeout=8)
                        except AssertionError:
                            moment = "after 8 s without a webhook"
                    faulty.stop(how)
                    down_until = index + plan[index]
                    unseen += [b for k, b in enumerate(BLIPS) if index < k and k + 1 <= down_until]
                    moments.append(
                        f"{signal.Signals(how).name} {moment} after step {index + 1}, down {plan[index]} step(s)"
                    )
                if index == down_until:
                    faulty.start()
                    await faulty.ready()
            await wait_for_views(clean_rx, like=ENDS)
            await wait_for_views(faulty_rx, like=final_views(clean_rx.received()))
        finally:
            clean.close()
            faulty.close()
    clean_view, faulty_view = final_views(clean_rx.received()), final_views(faulty_rx.received())
    assert faulty_view == clean_view, f"after restarts {moments}: {faulty.log.read_text()[-2000:]}"
    assert unseen, f"no blip lived and died inside a downtime: {moments}"
    for arrivals in (clean_rx.received(), faulty_rx.received()):
        assert all(a.verified for a in arrivals)
        assert_never_older(arrivals)
        assert_one_id_per_transition(arrivals)
    duplicates = len(faulty_rx.received()) - len({a.webhook_id for a in faulty_rx.received()})
    print(f"[faults] alerts restarted {len(moments)} times: {'; '.join(moments)}")
    print(
        f"[faults] {len(faulty_rx.received())} webhooks ({duplicates} duplicate(s) by webhook-id) vs "
        f"{len(clean_rx.received())} in the clean run; {len(clean_view)} alerts' final views equal, "
        f"{len(unseen)} of them fired and resolved inside a downtime ({', '.join(unseen)})"
    )


View = tuple[str, str, Any, Any, Any]


def final_views(arrivals: list[Arrival]) -> dict[str, View]:
    """Each alert's last word, as a subscriber that deduplicates by webhook-id sees it."""
    seen: set[str | None] = set()
    views: dict[str, View] = {}
    for arrival in arrivals:
        if arrival.webhook_id in seen:
            continue
        seen.add(arrival.webhook_id)
        data = payload_of(arrival)["data"]
        views[data["region"]] = (data["status"], data["level"], data["best"], data["sources"], data["provisional"])
    return views


async def wait_for_views(receiver: WebhookReceiver, like: dict[str, View]) -> None:
    """Until the receiver's final views equal `like` (or fail with what they are at the deadline)."""
    deadline = asyncio.get_running_loop().time() + 120
    while (views := final_views(receiver.received())) != like:
        if asyncio.get_running_loop().time() > deadline:
            missing = {region: (views.get(region), end) for region, end in like.items() if views.get(region) != end}
            raise AssertionError(f"the receiver's final views did not settle; (found, expected): {missing}")
        await asyncio.sleep(0.2)


def assert_never_older(arrivals: list[Arrival]) -> None:
    latest: dict[str, str] = {}
    seen: set[str | None] = set()
    for arrival in arrivals:
        if arrival.webhook_id in seen:
            continue  # a repeat of a message already seen: deduplicated by its id
        seen.add(arrival.webhook_id)
        data = payload_of(arrival)["data"]
        as_of = datetime.fromisoformat(data["as_of"])
        before = latest.get(data["alert_id"])
        assert before is None or as_of >= datetime.fromisoformat(before), (
            f"{data['alert_id']}: a notification as of {as_of} after one as of {before}"
        )
        latest[data["alert_id"]] = data["as_of"]


def assert_one_id_per_transition(arrivals: list[Arrival]) -> None:
    ids: dict[tuple[Any, ...], set[str | None]] = {}
    for arrival in arrivals:
        data = payload_of(arrival)["data"]
        ids.setdefault((data["alert_id"], data["seq"], data["status"]), set()).add(arrival.webhook_id)
    assert all(len(found) == 1 for found in ids.values()), {k: v for k, v in ids.items() if len(v) > 1}
