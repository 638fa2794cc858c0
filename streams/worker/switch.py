"""Following `sitmon rebuild --switch` from inside a running worker (`streams.worker_versions`).

A background task of the Faust app reads the worker-versions topic as it grows. When another
app version becomes live, it asks the entry point to start again as that version (it records
the version, then stops the worker as SIGTERM does: the current batch finishes, the producer
is flushed, offsets are committed). The entry point then replaces the process with a fresh
`sitmon worker` (exec: same pid, same command line), which reads the switch and starts as the
new version; Faust restores that version's tables from the changelog the rebuild wrote and
resumes the reports at the offsets the rebuild committed. A fresh process rather than a second
Faust app in this one: Faust binds its app, tables and consumer group to one version and one
event loop for the life of a process.

Running as the switched version, the same task publishes the picture of every region the
worker holds, once per partition and switch (the marks on the topic), so regions with no new
report also show the rebuilt picture. It waits until no other version of the app has a member in
its consumer group, so no worker of an old version publishes after it; the worker's own folds go on
meanwhile and publish as usual (each picture is a whole state of the new version).
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams.envelope import decode, encode
from streams.errors import UndecodableRecord
from streams.events import stable_id
from streams.fold.snapshot import snapshot
from streams.fold.state import to_ms
from streams.worker.region_cache import RegionCache
from streams.worker_versions import SwitchBook, WorkerPicturesPublished, WorkerVersionSwitched, published_key

log = structlog.get_logger("sitmon.worker.switch")

POLL_MS = 1000  # how often the topic is asked for news: a switch takes effect within about this
# how long the new version waits for the other versions' groups to empty before it publishes anyway
# (a worker of an old version that does not follow switches would otherwise hold it back forever)
OTHERS_PATIENCE_S = 120.0


@dataclass(frozen=True, slots=True)
class Wiring:
    """What the follower touches in the Faust app (passed in by `build_app`)."""

    app: Any  # faust.App: readiness, the partitions held
    cache: RegionCache
    situation: Any  # faust topic: the pictures go out on the agent's own path (same producer, same partitions)
    versions: Any  # faust topic of the worker-versions topic: the marks
    reports_topic: str


class VersionFollower:
    def __init__(
        self,
        bootstrap: str,
        versions_topic: str,
        app_id: str,
        group_id: str,
        version: int,
        wiring: Wiring,
        on_switch: Callable[[int], None],
        stop: Callable[[], None] = lambda: os.kill(os.getpid(), signal.SIGTERM),
        busy_versions: Callable[[], Awaitable[list[str]]] | None = None,
    ) -> None:
        self._bootstrap = bootstrap
        self._busy_versions = busy_versions or (lambda: groups_with_members(bootstrap, app_id, exclude=group_id))
        self._topic = versions_topic
        self._version = version
        self._wiring = wiring
        self._on_switch = on_switch
        self._stop = stop
        self.book = SwitchBook(app_id)
        self._switching = False
        self._waiting_since: float | None = None  # when waiting for the other versions' workers began

    async def run(self) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            group_id=None,
            enable_auto_commit=False,
            isolation_level="read_committed",  # the rebuild writes the switch in a transaction
        )
        await consumer.start()
        try:
            partition = TopicPartition(self._topic, 0)
            consumer.assign([partition])
            await consumer.seek_to_beginning(partition)
            while not self._switching:
                try:
                    for records in (await consumer.getmany(partition, timeout_ms=POLL_MS)).values():
                        for record in records:
                            self._read(record.value)
                    await self.act()
                # a broker away for a while, a table read during a rebalance: try again at the next
                # poll — a follower that died here would leave the worker deaf to every later switch
                except Exception as exc:
                    log.warning("following the live version failed; retrying", error=str(exc) or type(exc).__name__)
                    await asyncio.sleep(POLL_MS / 1000)  # the pause getmany would have made
        finally:
            await consumer.stop()

    def _read(self, value: bytes | None) -> None:
        try:
            event = decode(value)
        except UndecodableRecord:
            return  # a tombstone or a stranger's record: it switches nothing
        if isinstance(event, WorkerVersionSwitched | WorkerPicturesPublished):
            self.book.apply(event)

    async def act(self) -> None:
        """Switch when another version is live; else publish the pictures a switch still owes."""
        live = self.book.live_version(self._version)
        if live != self._version:
            self._switching = True
            log.info("switching app version", running=self._version, live=live)
            self._on_switch(live)
            self._stop()
            return
        app = self._wiring.app
        if app.in_recovery or app.rebalancing:
            return  # the tables are not whole yet
        held = {tp.partition for tp in app.assignor.assigned_actives() if tp.topic == self._wiring.reports_topic}
        owed = self.book.unpublished(self._version, held)
        if owed and await self._other_versions_gone():
            await self._publish(owed)

    async def _other_versions_gone(self) -> bool:
        """No worker of another version of this app is in its group (none can publish after us)."""
        busy = await self._busy_versions()
        if not busy:
            return True
        now = time.monotonic()
        if self._waiting_since is None:
            self._waiting_since = now
            log.info("waiting for the other app versions' workers to stop", groups=busy)
        if now - self._waiting_since < OTHERS_PATIENCE_S:
            return False
        log.warning("other app versions still have workers; publishing anyway", groups=busy)
        return True

    async def _publish(self, owed: set[int]) -> None:
        wiring = self._wiring
        # rendered first, without a pause: every picture is a state the agent has finished folding
        states = [state for region in wiring.cache.regions() if (state := wiring.cache.get(region)) is not None]
        pictures = [(state.region, snapshot(state)) for state in states if state.cause is not None]
        for region, picture in pictures:
            await wiring.situation.send(
                key=region.encode("utf-8"),
                value=encode(picture, subject=region),
                timestamp=to_ms(picture.as_of) / 1000,
            )
        app_id = self.book.app_id
        for partition in sorted(owed):
            mark = WorkerPicturesPublished(
                event_id=stable_id("pictures-published", app_id, str(self._version), str(partition)),
                occurred_at=datetime.now(UTC),
                app_id=app_id,
                version=self._version,
                partition=partition,
            )
            key = published_key(app_id, self._version, partition)
            await wiring.versions.send(key=key.encode("utf-8"), value=encode(mark, subject=key))
            self.book.apply(mark)
        log.info("published the switched version's pictures", regions=len(pictures), partitions=sorted(owed))


def is_version_group(app_id: str, group: str) -> bool:
    """Whether `group` is the consumer group of a version of `app_id` (Faust's `<id>`, `<id>-v<N>`)."""
    return re.fullmatch(re.escape(app_id) + r"(-v[0-9]+)?", group) is not None


async def groups_with_members(bootstrap: str, app_id: str, *, exclude: str) -> list[str]:
    """The consumer groups of `app_id`'s versions (Faust names them `<app id>` for version 1 and
    `<app id>-v<N>` after) that have members now, except `exclude` (the asking worker's own)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        names = [str(group) for group, *_ in await admin.list_consumer_groups()]
        wanted = sorted(name for name in names if is_version_group(app_id, name) and name != exclude)
        described = await admin.describe_consumer_groups(wanted) if wanted else []
    finally:
        await admin.close()
    return [str(group) for response in described for _, group, _, _, _, members in response.groups if members]
