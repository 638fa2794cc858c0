"""The fold alone, without Kafka or Faust: the worker's pure batch step on an in-memory log.

Builds N report records (bench_worker's ~512 B CloudEvents, ~R regions, reports 5 minutes apart
per region) and runs, alternating, at least three rounds of:

  A  decoding only (`plan_batch`: bytes → ReportsExtracted, split by region), batches of 10,000;
  B  the worker's batch step (`plan_batch` + `fold_region` + snapshot encoding) in log order;
  C  the same step on the log newest-first (every report out of event-time order, so the fold
     derives each touched region's incidents again once per batch).

Prints events/s, the ratios B/A and C/A (the fold's cost against decoding measured in the same
run), and the mean bytes written per region and batch. Keep the log within 7 days per region (the default: 1,000
reports per region, 3.5 days) so C measures re-derivation, not the late-data archive:

    python tests/benchmarks/bench_fold.py [--count 100000] [--regions 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from streams.envelope import encode  # noqa: E402
from streams.fold.region import new_region  # noqa: E402
from streams.fold.state import RegionState  # noqa: E402
from streams.worker.batch import fold_region, plan_batch  # noqa: E402
from streams.worker.records import RawRecord  # noqa: E402
from streams.worker.table_layout import batch_writes  # noqa: E402
from tests.benchmarks.bench_worker import records  # noqa: E402

BATCH = 10_000


def decode_only(log: list[RawRecord]) -> float:
    started = time.perf_counter()
    for start in range(0, len(log), BATCH):
        plan_batch(log[start : start + BATCH])
    return len(log) / (time.perf_counter() - started)


def fold(log: list[RawRecord]) -> tuple[float, float]:
    """(events/s, mean KiB the worker writes per region and batch: header twice + changed articles)."""
    states: dict[str, RegionState] = {}
    written: list[int] = []
    started = time.perf_counter()
    for start in range(0, len(log), BATCH):
        for group in plan_batch(log[start : start + BATCH]).regions.values():
            state = states.setdefault(group.region, new_region(group.region))
            outcome = fold_region(state, group)
            if outcome.write:
                written.append(sum(len(value or b"") for _, value in batch_writes(state).in_order()))
            if outcome.situation is not None:
                encode(outcome.situation, subject=group.region)
    rate = len(log) / (time.perf_counter() - started)
    return rate, statistics.mean(written) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--regions", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    in_order = [
        RawRecord("reports", 0, offset, key, value, stamp)
        for offset, (key, value, stamp) in enumerate(records(args.count, args.regions))
    ]
    newest_first = list(reversed(in_order))
    days = args.count / args.regions * 5 / 60 / 24
    print(f"{args.count} reports on {args.regions} regions, {days:.1f} days of event time per region")
    b_ratios, c_ratios = [], []
    for round_ in range(1, args.rounds + 1):
        a = decode_only(in_order)
        b, size = fold(in_order)
        c, _ = fold(newest_first)
        b_ratios.append(b / a)
        c_ratios.append(c / a)
        print(
            f"round {round_}: A decode {a:,.0f} ev/s | B fold in order {b:,.0f} ev/s (B/A {b / a:.2f}) | "
            f"C fold newest-first {c:,.0f} ev/s (C/A {c / a:.2f}) | written per region and batch {size:.1f} KiB",
            flush=True,
        )
    print(f"median B/A {statistics.median(b_ratios):.2f}, C/A {statistics.median(c_ratios):.2f}")


if __name__ == "__main__":
    main()
