"""`sitmon worker` with Faust's resume-before-seek race forced to happen (issue 11), for one test.

Run as `python -m tests.integration.seek_race_worker` instead of `sitmon worker`. The first
seek to committed offsets that finds the reports topic already committed (a restart) is
held open right after the aiokafka seek — before Faust's `perform_seek` writes those
offsets into its read offsets — until the fetcher has delivered records past the committed
offset (or a deadline passes, which is what happens when the seek stops the fetcher, as the
fix in streams/worker/faust_patches.py does). That is the interleaving the issue's trace
shows ("Resuming flow" before "Seek stream partitions", then `_add_gap`), made certain.

Every gap Faust records on the reports topic is printed as `SEEK-RACE-GAP topic[p] from..to`.
The test's log is contiguous (no compaction, no transactions), so any such line is a hole
that is not in the log: the exact step that let the commit jump over unprocessed reports.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Mapping
from typing import Any

from faust.transport.consumer import Consumer
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

from streams.topics import Catalogue

REPORTS = Catalogue(os.environ.get("SITMON_TOPIC_PREFIX", "")).reports.name
DELIVERED_PAST_COMMIT = 20  # hold the seek until this many records past the committed offset were delivered
HOLD_DEADLINE_S = 4.0

_original_seek = AIOKafkaConsumerThread.seek_to_committed
_original_add_gap = Consumer._add_gap
_armed = True


async def seek_to_committed_then_let_the_fetcher_run(self: AIOKafkaConsumerThread) -> Mapping[Any, int]:
    global _armed
    committed = await _original_seek(self)
    reports = {tp: offset for tp, offset in committed.items() if tp.topic == REPORTS and offset}
    if _armed and reports:
        _armed = False
        read = self.consumer._read_offset
        print(f"SEEK-RACE-HOLD committed={sorted((tp.partition, o) for tp, o in reports.items())}", flush=True)
        deadline = time.monotonic() + HOLD_DEADLINE_S
        while time.monotonic() < deadline:
            if any((read.get(tp) or -1) >= offset + DELIVERED_PAST_COMMIT for tp, offset in reports.items()):
                print("SEEK-RACE-HOLD the fetcher delivered past the committed offset during the seek", flush=True)
                break
            await asyncio.sleep(0.01)
        else:
            print("SEEK-RACE-HOLD nothing was delivered during the seek", flush=True)
    return committed


async def add_gap_and_tell(self: Consumer, tp: Any, offset_from: int, offset_to: int) -> None:
    if tp.topic == REPORTS:
        print(f"SEEK-RACE-GAP {tp.topic}[{tp.partition}] {offset_from}..{offset_to}", flush=True)
    await _original_add_gap(self, tp, offset_from, offset_to)


AIOKafkaConsumerThread.seek_to_committed = seek_to_committed_then_let_the_fetcher_run  # type: ignore[method-assign]
Consumer._add_gap = add_gap_and_tell  # type: ignore[method-assign]

if __name__ == "__main__":
    from services.cli.main import run

    sys.argv = ["sitmon", "worker", *sys.argv[1:]]
    run()
