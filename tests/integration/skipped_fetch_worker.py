"""`sitmon worker` whose first seek to committed offsets finds the fetcher already past every record.

Run as `python -m tests.integration.skipped_fetch_worker` instead of `sitmon worker`, for
tests/integration/test_worker_never_committed.py. Records fetched while the flow is stopped are
dropped (the seek fix in streams/worker/faust_patches.py parks the drain loop that way, and Faust's
getmany does the same whenever a rebalance stops the flow mid-fetch); the aiokafka position has
then moved past them. A seek to a committed offset reads them again; a partition the group never
committed has no offset to seek to. This launcher makes that state certain instead of rare: just
before the first seek that finds no committed offset on the reports topic, it moves the reports
partitions' positions to the end of the log (printing `SKIPPED-FETCH` with the offsets).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any

from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

from streams.topics import Catalogue

REPORTS = Catalogue(os.environ.get("SITMON_TOPIC_PREFIX", "")).reports.name

_original_seek = AIOKafkaConsumerThread.seek_to_committed
_armed = True


async def _positions_to_the_end(consumer: Any) -> dict[int, int]:
    """On the consumer thread's own loop (aiokafka's consumer belongs to it)."""
    reports = [tp for tp in consumer.assignment() if tp.topic == REPORTS]
    committed = [await consumer.committed(tp) for tp in reports]
    if not reports or any(committed):
        return {}
    ends = await consumer.end_offsets(reports)
    for tp, end in ends.items():
        consumer.seek(tp, end)
    return {tp.partition: end for tp, end in ends.items()}


async def seek_after_the_fetcher_ran_to_the_end(self: AIOKafkaConsumerThread) -> Mapping[Any, int]:
    global _armed
    if _armed:
        moved = await self.call_thread(_positions_to_the_end, self._ensure_consumer())
        if moved:
            _armed = False
            print(f"SKIPPED-FETCH positions moved to the end before the seek: {sorted(moved.items())}", flush=True)
    return await _original_seek(self)


AIOKafkaConsumerThread.seek_to_committed = seek_after_the_fetcher_ran_to_the_end  # type: ignore[method-assign]

if __name__ == "__main__":
    from services.cli.main import run

    sys.argv = ["sitmon", "worker", *sys.argv[1:]]
    run()
