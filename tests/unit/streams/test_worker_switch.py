"""Following `sitmon rebuild --switch`: the book of the worker-versions topic, and what the running
worker decides from it (switch, wait, publish the pictures a switch owes). Offline: the Faust app,
its topics and the old version's consumer group are stand-ins; the real broker is in
tests/integration/test_rebuild_switch.py."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime

from faust.types import TP

from streams.envelope import decode
from streams.fold.region import fold_into, new_region
from streams.fold.state import RegionState
from streams.situation import SituationChanged
from streams.worker.region_cache import RegionCache
from streams.worker.switch import VersionFollower, Wiring, is_version_group
from streams.worker_versions import SwitchBook, WorkerPicturesPublished, WorkerVersionSwitched
from tests.unit.streams.factories import figure, report

APP = "sitmon-worker"
NOW = datetime(2026, 12, 7, tzinfo=UTC)


def switched(version: int, app_id: str = APP) -> WorkerVersionSwitched:
    return WorkerVersionSwitched(
        event_id=f"switch-{version}",
        occurred_at=NOW,
        app_id=app_id,
        version=version,
        previous_version=version - 1,
        resumes_at=(10, 20),
    )


def published(version: int, partition: int) -> WorkerPicturesPublished:
    return WorkerPicturesPublished(
        event_id=f"marks-{version}-{partition}", occurred_at=NOW, app_id=APP, version=version, partition=partition
    )


def test_the_book_knows_the_live_version_and_what_it_still_owes() -> None:
    book = SwitchBook(APP)
    assert book.live_version(default=1) == 1 and book.unpublished(1, {0, 1}) == set()  # never switched
    book.apply(switched(2, app_id="other-deployment-worker"))
    assert book.live_version(default=1) == 1  # another app's switch is not ours
    book.apply(switched(2))
    assert book.live_version(default=1) == 2
    assert book.unpublished(2, {0, 1, 2}) == {0, 1, 2}
    book.apply(published(2, 1))
    assert book.unpublished(2, {0, 1, 2}) == {0, 2}
    assert book.unpublished(2, {1}) == set()  # only partitions held count
    book.apply(switched(3))
    assert book.unpublished(3, {1}) == {1}  # version 2's marks do not cover version 3
    assert book.unpublished(2, {0}) == set()  # a version no longer live owes nothing


@dataclass
class FakeAssignor:
    held: set[int]

    def assigned_actives(self) -> set[TP]:
        return {TP("reports", p) for p in self.held} | {TP("elsewhere", 9)}


@dataclass
class FakeApp:
    assignor: FakeAssignor
    in_recovery: bool = False
    rebalancing: bool = False


@dataclass
class FakeTopic:
    sent: list[tuple[bytes, bytes]] = field(default_factory=list)

    async def send(self, *, key: bytes, value: bytes, timestamp: float | None = None) -> None:
        self.sent.append((key, value))


def folded(region: str, killed: int) -> RegionState:
    state = new_region(region)
    fold_into(state, [report(f"{region}-a", region=region, casualties=(figure(killed),))])
    return state


@dataclass
class Rig:
    follower: VersionFollower
    app: FakeApp
    situation: FakeTopic
    versions: FakeTopic
    switched_to: list[int]
    stops: list[bool]
    members: dict[str, int]


def rig(version: int, held: set[int], *, members: int = 0) -> Rig:
    cache = RegionCache(lambda: [])
    for state in (folded("north", 5), folded("south", 7)):
        cache.put(state)
    app = FakeApp(FakeAssignor(held))
    situation, versions = FakeTopic(), FakeTopic()
    switched_to: list[int] = []
    stops: list[bool] = []
    groups = {APP: members}

    async def busy_versions() -> list[str]:  # the groups of other versions with members
        return [group for group, count in groups.items() if count]

    follower = VersionFollower(
        "unused:9092",
        "versions",
        APP,
        f"{APP}-v{version}" if version > 1 else APP,
        version,
        Wiring(app, cache, situation, versions, "reports"),
        on_switch=switched_to.append,
        stop=lambda: stops.append(True),
        busy_versions=busy_versions,
    )
    return Rig(follower, app, situation, versions, switched_to, stops, groups)


def test_a_worker_of_the_old_version_asks_to_start_again_as_the_new_one() -> None:
    r = rig(1, {0, 1})
    asyncio.run(r.follower.act())
    assert (r.switched_to, r.stops) == ([], [])  # nothing switched yet
    r.follower.book.apply(switched(2))
    asyncio.run(r.follower.act())
    assert (r.switched_to, r.stops) == ([2], [True])
    assert r.situation.sent == []  # the old version publishes nothing more


def test_the_new_version_publishes_every_held_picture_once_no_other_version_has_workers() -> None:
    r = rig(2, {0, 1}, members=1)
    r.follower.book.apply(switched(2))
    r.app.in_recovery = True
    asyncio.run(r.follower.act())
    r.app.in_recovery = False
    asyncio.run(r.follower.act())  # a worker of the old version is still in its group
    assert r.situation.sent == [] and r.versions.sent == []

    r.members[APP] = 0
    asyncio.run(r.follower.act())
    pictures = {key.decode(): decode(value) for key, value in r.situation.sent}
    assert sorted(pictures) == ["north", "south"]
    north = pictures["north"]
    assert isinstance(north, SituationChanged) and north.casualties[0].best == 5
    marks = [decode(value) for _, value in r.versions.sent]
    assert [(m.version, m.partition) for m in marks if isinstance(m, WorkerPicturesPublished)] == [(2, 0), (2, 1)]
    assert [key for key, _ in r.versions.sent] == [b"sitmon-worker/v2/0", b"sitmon-worker/v2/1"]

    asyncio.run(r.follower.act())  # marked: not published again
    assert len(r.situation.sent) == 2 and r.switched_to == []


def test_a_version_started_by_its_setting_owes_no_pictures() -> None:
    r = rig(1, {0, 1})
    asyncio.run(r.follower.act())
    assert r.situation.sent == [] and r.versions.sent == [] and r.stops == []


def test_the_groups_of_an_apps_versions_are_told_from_others() -> None:
    assert is_version_group("p.sitmon-worker", "p.sitmon-worker")  # version 1: Faust adds nothing
    assert is_version_group("p.sitmon-worker", "p.sitmon-worker-v12")
    assert not is_version_group("p.sitmon-worker", "q.sitmon-worker-v2")  # another deployment
    assert not is_version_group("p.sitmon-worker", "p.sitmon-worker-v2x")
    assert not is_version_group("p.sitmon-worker", "pxsitmon-worker")  # the dot is not a wildcard
