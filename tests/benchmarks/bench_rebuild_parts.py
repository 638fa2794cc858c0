"""Where a rebuild's CPU goes per report, stage by stage, against raw aiokafka consumption (A0) of
the same reports measured in the same run — and the floor any rebuild in Python objects has.

Preloads N reports (bench_worker's CloudEvents over R regions, 5 minutes apart per region) on a
fresh topic, then per round, in one process, collector off (as in the rebuild's fold processes):

  A0       raw `getmany` of the topic, values untouched (bench_analysis's baseline, 1.00);
  decode   msgspec's decode of every value into the reader's Structs, nothing more (the least any
           reader that validates like pydantic does: `streams.worker.report_reader`);
  read     records read into the fold's facts and split by region (`plan_batch`), decode included;
  fold     the folding of those facts (`fold_region`, batches of 20,000 as the rebuild fetches);
  encode   `encode_contribution` of every article the states hold, nothing more;
  entries  every region's table entries (`all_entries`: keys, encoding, the header), encode included.

Prints µs of CPU per report for each and two bounds, each against A0:
  now    A0 + read + fold + entries: the rebuild's fold process less its changelog writes, imports
         and freeing (bench_analysis's "rebuild" row measures those too);
  floor  A0 + decode + encode: a rebuild whose facts and fold cost nothing at all.
As "CPU ÷ A0" (the issue's ratio per CPU-second) and "wall ÷ A0 at best" (two cores kept busy by
two fold processes, A0 on one: twice the CPU ratio, what an idle 2-core machine would allow).

    SITMON_KAFKA_BOOTSTRAP=127.0.0.1:9092 python -m tests.benchmarks.bench_rebuild_parts \
        [--count 100000] [--regions 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import time
import uuid
from collections.abc import Callable

from services.kafka.admin import create_topics
from streams.fold.region import new_region
from streams.fold.state import RegionState, encode_contribution
from streams.topics import Catalogue
from streams.worker import report_reader
from streams.worker.batch import fold_region, plan_batch
from streams.worker.records import RawRecord
from streams.worker.table_layout import all_entries
from tests.benchmarks.bench_analysis import raw_consumption
from tests.benchmarks.bench_worker import drop, preload, records

FETCH = 20_000  # the rebuild's records per fetch


def cpu_us(work: Callable[[], object], count: int) -> float:
    """µs of CPU per report for `work`, its result dropped outside the timing."""
    start = time.process_time()
    result = work()
    spent = time.process_time() - start
    del result
    return spent / count * 1e6


def fold_all(log: list[RawRecord]) -> tuple[float, float, dict[str, RegionState]]:
    """(µs reading, µs folding) per report, and the states: the rebuild's fold, stage by stage."""
    states: dict[str, RegionState] = {}
    reading = folding = 0.0
    for start in range(0, len(log), FETCH):
        began = time.process_time()
        plan = plan_batch(log[start : start + FETCH])
        read = time.process_time()
        for group in plan.regions.values():
            state = states.get(group.region)
            if state is None:
                state = states[group.region] = new_region(group.region)
            fold_region(state, group, picture=False)
            state.touched.clear()
        reading, folding = reading + read - began, folding + time.process_time() - read
    return reading / len(log) * 1e6, folding / len(log) * 1e6, states


def one_round(bootstrap: str, topic: str, log: list[RawRecord]) -> dict[str, float]:
    count = len(log)
    a0 = asyncio.run(raw_consumption(bootstrap, topic, count))
    values = [record.value or b"" for record in log]
    structs = report_reader._decoder  # the reader's own decoder: its Structs, nothing built after
    gc.disable()
    try:
        figures = {"A0": a0["cpu_s"] / a0["events"] * 1e6}
        figures["decode"] = cpu_us(lambda: [structs.decode(value) for value in values], count)
        figures["read"], figures["fold"], states = fold_all(log)
        held = [article for state in states.values() for article in state.contributions.values()]
        figures["encode"] = cpu_us(lambda: [encode_contribution(contribution) for contribution in held], count)
        figures["entries"] = cpu_us(lambda: [all_entries(state) for state in states.values()], count)
    finally:
        gc.enable()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bootstrap = os.environ.get("SITMON_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    catalogue = Catalogue(f"bench{uuid.uuid4().hex[:8]}.")
    asyncio.run(create_topics(bootstrap, catalogue))
    try:
        items = records(args.count, args.regions)
        asyncio.run(preload(bootstrap, catalogue.reports.name, items))
        log = [RawRecord("reports", 0, offset, key, value, ms) for offset, (key, value, ms) in enumerate(items)]
        del items
        rounds = [one_round(bootstrap, catalogue.reports.name, log) for _ in range(args.rounds)]
    finally:
        asyncio.run(drop(bootstrap, catalogue.prefix))
    print(f"{args.count:,} reports over {args.regions} regions, µs of CPU per report, medians of {args.rounds} rounds:")
    median = {name: statistics.median(figures[name] for figures in rounds) for name in rounds[0]}
    for name, value in median.items():
        print(f"  {name:8s} {value:6.2f}   (÷ A0 {value / median['A0']:.2f})")
    bounds = {
        "now   (A0 + read + fold + entries)": median["A0"] + median["read"] + median["fold"] + median["entries"],
        "floor (A0 + decode + encode)": median["A0"] + median["decode"] + median["encode"],
    }
    for name, total in bounds.items():
        ratio = median["A0"] / total
        print(f"  {name:36s} {total:6.2f} µs: CPU ÷ A0 {ratio:.2f}, wall ÷ A0 at best {2 * ratio:.2f}")


if __name__ == "__main__":
    main()
