"""The decoded state of the regions whose partitions this worker holds, kept between batches.

A batch folds into these states in place and writes only what changed (`table_layout`), so
nothing of a region is parsed per batch. They are read from the table once — the first time a
region is needed after the worker started or the group rebalanced — and forgotten on every
rebalance (another worker may fold a region meanwhile; the table, restored from the changelog,
is then the truth again). Pure, no faust: the table's entries come from a callable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from streams.fold.state import RegionState
from streams.worker.table_layout import StoredRegion, group_by_region, restore

TableItems = Callable[[], Iterable[tuple[bytes, bytes | None]]]

# For a process that keeps regions decoded (the worker, a rebuild's fold): they are hundreds of
# thousands of long-lived objects, which Python's cyclic collector re-scanned over and over at
# its default thresholds (700, 10, 10) — 23 % of the fold's time (bench_fold's step, 100,000
# reports / 40 regions, batches of 1,000: 10.3 s of 44.4 s in 2,233 collections); at these, 1.1 s
# in 16 collections and the fold 2,271 → 2,685 events/s. Set by the entry points (`gc.set_threshold`).
GC_THRESHOLDS = (50_000, 20, 10)


class RegionCache:
    def __init__(self, table_items: TableItems) -> None:
        self._table_items = table_items
        self._states: dict[str, RegionState] = {}
        self._unread: dict[str, StoredRegion] | None = None  # None: the table not read since the last forget
        self.table_reads = 0  # how often the whole table was read (once per start or rebalance)

    def forget(self) -> None:
        self._states.clear()
        self._unread = None

    def get(self, region: str) -> RegionState | None:
        """The region's state, or None when the table holds nothing of it."""
        state = self._states.get(region)
        if state is not None:
            return state
        if self._unread is None:
            # one pass over the table for all its regions (the store has no cheap per-region scan)
            self._unread = group_by_region(self._table_items())
            self.table_reads += 1
        stored = self._unread.pop(region, None)
        if stored is None:
            return None
        state = self._states[region] = restore(region, stored)
        return state

    def put(self, state: RegionState) -> None:
        self._states[state.region] = state
        if self._unread is not None:
            self._unread.pop(state.region, None)

    def regions(self) -> list[str]:
        """Every region this worker holds (read from the table if not yet)."""
        if self._unread is None:
            self._unread = group_by_region(self._table_items())
            self.table_reads += 1
        return sorted({*self._states, *self._unread})
