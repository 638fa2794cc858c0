"""The rebuild's partitions are shared among its fold processes by records, not by number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.rederive.fold_log import balanced_shares


def test_uneven_partitions_make_even_shares() -> None:
    # 200 regions' reports over 4 partitions as the default partitioner hashes "region-000"…
    sizes = {0: 59_000, 1: 44_000, 2: 54_000, 3: 43_000}
    assert balanced_shares(sizes, 2) == [[0, 3], [1, 2]]  # 102,000 and 98,000 records


@given(st.dictionaries(st.integers(0, 40), st.integers(0, 10**6), min_size=1), st.integers(1, 8))
def test_every_partition_is_folded_once_and_no_share_exceeds_the_mean_by_more_than_one_partition(
    sizes: dict[int, int], workers: int
) -> None:
    shares = balanced_shares(sizes, workers)
    assert sorted(p for share in shares for p in share) == sorted(sizes)
    assert len(shares) <= workers
    loads = [sum(sizes[p] for p in share) for share in shares]
    assert max(loads) <= sum(sizes.values()) / workers + max(sizes.values())
