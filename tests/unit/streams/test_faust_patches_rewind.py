"""After the patched seek, stream partitions the group never committed go back to their earliest offset.

The parked drain loop drops what it fetched during the seek; a committed offset brings those
records back, a partition without one did not (a worker killed before its first commit came back
folding nothing). The consumer here is a stand-in with the attributes the rewind reads; the
end-to-end check is tests/integration/test_faults_worker.py against the real broker.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from faust.types import TP

from streams.worker.faust_patches import _rewind_never_committed

REPORTS = [TP("reports", partition) for partition in range(4)]
CHANGELOG = TP("regions-changelog", 0)


class Consumer:
    def __init__(self, read_offsets: dict[TP, int | None], reset: str = "earliest") -> None:
        self._read_offset = read_offsets
        self.app = SimpleNamespace(
            conf=SimpleNamespace(consumer_auto_offset_reset=reset),
            tables=SimpleNamespace(changelog_topics={CHANGELOG.topic}),
        )
        self.sought: dict[TP, int] = {}

    def assignment(self) -> set[TP]:
        return {*REPORTS, CHANGELOG}

    async def earliest_offsets(self, *partitions: TP) -> dict[TP, int]:
        return {tp: 100 + tp.partition for tp in partitions}  # a log whose head was deleted

    async def seek_wait(self, partitions: dict[TP, int]) -> None:
        self.sought.update(partitions)


def rewind(consumer: Consumer) -> dict[TP, int]:
    asyncio.run(_rewind_never_committed(consumer))  # type: ignore[arg-type]
    return consumer.sought


def test_only_stream_partitions_without_a_committed_offset_are_rewound_to_their_earliest() -> None:
    offsets: dict[TP, Any] = {REPORTS[0]: None, REPORTS[1]: 57, REPORTS[2]: 0, CHANGELOG: None}
    # REPORTS[3] has no read offset at all: assigned after the seek's offsets were read
    assert rewind(Consumer(offsets)) == {REPORTS[0]: 100, REPORTS[2]: 102, REPORTS[3]: 103}


def test_nothing_is_sought_when_every_partition_was_committed() -> None:
    assert rewind(Consumer({tp: 10 for tp in REPORTS})) == {}


def test_a_consumer_that_starts_at_the_latest_offset_is_left_as_configured() -> None:
    assert rewind(Consumer({tp: None for tp in REPORTS}, reset="latest")) == {}
