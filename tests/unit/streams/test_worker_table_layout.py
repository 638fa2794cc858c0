"""The worker's table layout: a region read back from its entries is the state the fold built,
a batch writes only what it changed, and a crash anywhere within a batch's writes restores the
region at a batch boundary."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.events import ReportsExtracted
from streams.fold.region import fold_into, new_region
from streams.fold.state import RegionState, dump_state
from streams.worker.region_cache import RegionCache
from streams.worker.table_layout import all_entries, batch_writes, group_by_region, restore
from tests.unit.streams.factories import DAY, REGION, SEED_AT, report, seed_figures, statement
from tests.unit.streams.test_fold_order import reports

Table = dict[bytes, bytes]


def write(table: Table, entries: list[tuple[bytes, bytes | None]]) -> None:
    for key, value in entries:
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value


def read_back(table: Table) -> RegionState:
    return restore(REGION, group_by_region(table.items())[REGION])


@st.composite
def batches(draw: st.DrawFn, log: list[ReportsExtracted]) -> list[list[ReportsExtracted]]:
    order = list(draw(st.permutations(log)))
    cuts = sorted(draw(st.lists(st.integers(min_value=0, max_value=len(order)), max_size=6)))
    bounds = [0, *cuts, len(order)]
    return [order[a:b] for a, b in itertools.pairwise(bounds) if a < b]


# 40 days: itemised, archived, remembered and forgotten articles, late and refused reports
@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_region_read_back_from_its_entries_is_the_folded_state(data: st.DataObject) -> None:
    log = data.draw(reports(span_hours=40 * 24))
    state = new_region(REGION)
    table: Table = {}
    for batch in data.draw(batches(log)):
        before = dump_state(state)
        fold_into(state, batch)
        writes = list(batch_writes(state).in_order())
        for cut in range(len(writes)):  # a crash after `cut` of the batch's writes reached the table
            crashed = dict(table)
            write(crashed, writes[:cut])
            if cut:
                assert dump_state(read_back(crashed)) == dump_state(state)
            elif table:
                assert dump_state(read_back(crashed)) == before
        write(table, writes)
        assert dump_state(read_back(table)) == dump_state(state)
        assert not state.touched
    # the table after clean batches is what a rebuild writes, byte for byte, wherever batches were cut
    assert table == dict(all_entries(state))


def test_a_batch_writes_the_articles_it_changed_and_one_small_header() -> None:
    state = new_region(REGION)
    fold_into(state, [report(f"a{n}", at=SEED_AT + n * DAY / 24, casualties=seed_figures()) for n in range(200)])
    batch_writes(state)  # the first batch writes every article
    news = report("late-news", at=SEED_AT + 9 * DAY, casualties=seed_figures(), ceasefire=[statement("agreed")])
    fold_into(state, [news])
    writes = batch_writes(state)
    # the new article, and the ones whose incident the clock archived (figures emptied) or that it
    # remembered — not the region's other itemised articles
    assert len(writes.articles) < 200
    assert (f"{REGION}\x1flate-news".encode(), writes.articles[-1][1]) in writes.articles
    header = writes.closing[1]
    assert header is not None and b"contributions" not in header and len(header) < 4_000


def test_the_cache_reads_the_table_once_and_keeps_regions_decoded() -> None:
    state = new_region(REGION)
    fold_into(state, [report(f"a{n}", at=SEED_AT + n * DAY / 24, casualties=seed_figures()) for n in range(30)])
    table: Table = {}
    write(table, list(batch_writes(state).in_order()))
    cache = RegionCache(lambda: list(table.items()))
    held = cache.get(REGION)
    assert held is not None and dump_state(held) == dump_state(state)
    assert cache.get(REGION) is held and cache.get("elsewhere") is None
    assert cache.table_reads == 1
    cache.forget()  # a rebalance: read again from the table
    assert cache.get(REGION) is not held and cache.table_reads == 2
