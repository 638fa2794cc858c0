"""How a region's state lies in the worker's `regions` table: a small header and one entry per
article, so a batch writes what it changed, not the region. Pure, no faust.

    key                          value
    <region>                     the header: the state without its articles and without what is
                                 derived from them (`streams.fold.state.dump_header`)
    <region> US <article id>     the article: itemised (`Contribution` JSON, starts with `{`) or
                                 remembered (`Remembered`: "<event ms> <report ids>"); deleted
                                 once forgotten

(US is the ASCII unit separator, 0x1f.) Incidents and the replayed ceasefire are derived again
from the itemised articles when a region is read back (`streams.fold.derive_from_held.derive_again`), which
the worker does only after a restart or a rebalance: it keeps each region decoded in memory
while it holds the region's partition.

One batch's writes to a region are several records, and a crash can cut them anywhere. They go
out in this order, all in the region's partition (the changelog keeps the order; a crash keeps
a prefix): first the header *with the batch's changes appended* (`<header> LF <changes JSON>`;
compact JSON never holds a raw line feed), then the changed article entries, then the plain
header. Whatever prefix survives, the header read back either is the previous batch's plain
header (nothing of this batch landed) or carries this batch's changes, which are applied over
the article entries read back — so a region is always restored to a batch boundary, and the
redelivered reports are folded against exactly the state they were first folded against.
After a clean batch the table holds the plain header, so the final table depends only on the
log, not on where batches were cut (`sitmon rebuild` writes the same bytes).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pydantic import TypeAdapter

from streams.fold.derive_from_held import derive_again
from streams.fold.state import (
    RegionState,
    decode_contribution,
    dump_header,
    encode_contribution,
    load_state,
)
from streams.worker.errors import TableCorrupt

SEPARATOR = b"\x1f"
_CHANGES_MARK = b"\n"

Entry = tuple[bytes, bytes | None]  # (table key, value; None deletes the key)
_changes_codec: TypeAdapter[list[tuple[str, str | None]]] = TypeAdapter(list[tuple[str, str | None]])


def header_key(region: str) -> bytes:
    return region.encode("utf-8")


def article_key(region: str, article_id: str) -> bytes:
    return region.encode("utf-8") + SEPARATOR + article_id.encode("utf-8")


def _article_value(state: RegionState, article_id: str) -> bytes | None:
    contribution = state.contributions.get(article_id)
    if contribution is not None:
        return encode_contribution(contribution)
    remembered = state.remembered.get(article_id)
    return remembered.encode("utf-8") if remembered is not None else None


@dataclass(frozen=True, slots=True)
class BatchWrites:
    """A batch's writes to one region, in the order they must reach the table."""

    opening: Entry  # the header with the batch's changes: restores the batch if the rest is lost
    articles: list[Entry]
    closing: Entry  # the plain header

    def in_order(self) -> Iterator[Entry]:
        yield self.opening
        yield from self.articles
        yield self.closing


def batch_writes(state: RegionState) -> BatchWrites:
    """The entries the fold changed since the last call (`state.touched`, which is cleared)."""
    header = dump_header(state)
    articles = [(article, _article_value(state, article)) for article in sorted(state.touched)]
    state.touched.clear()
    changes = _changes_codec.dump_json(
        [(article, value.decode("utf-8") if value is not None else None) for article, value in articles]
    )
    key = header_key(state.region)
    return BatchWrites(
        opening=(key, header + _CHANGES_MARK + changes),
        articles=[(article_key(state.region, article), value) for article, value in articles],
        closing=(key, header),
    )


def all_entries(state: RegionState) -> list[tuple[bytes, bytes]]:
    """Every entry of the region (its articles, then its plain header): what a table holding it
    contains, e.g. for a rebuild writing a fresh changelog."""
    # _article_value and article_key, inlined: a rebuild makes about one entry per report
    prefix = header_key(state.region) + SEPARATOR
    contributions, remembered = state.contributions, state.remembered
    entries: list[tuple[bytes, bytes]] = []
    for article in sorted({*contributions, *remembered}):
        contribution = contributions.get(article)
        value = encode_contribution(contribution) if contribution is not None else remembered[article].encode("utf-8")
        entries.append((prefix + article.encode("utf-8"), value))
    entries.append((header_key(state.region), dump_header(state)))
    return entries


@dataclass(slots=True)
class StoredRegion:
    """A region's entries as read from the table, not yet decoded."""

    header: bytes | None = None
    articles: dict[str, bytes] = field(default_factory=dict)


def group_by_region(items: Iterable[tuple[bytes, bytes | None]]) -> dict[str, StoredRegion]:
    """The table's entries (any order) grouped by region."""
    regions: dict[str, StoredRegion] = {}
    for key, value in items:
        if value is None:
            continue
        region, separator, article = key.partition(SEPARATOR)
        stored = regions.setdefault(region.decode("utf-8"), StoredRegion())
        if separator:
            stored.articles[article.decode("utf-8")] = value
        else:
            stored.header = value
    return regions


def restore(region: str, stored: StoredRegion) -> RegionState:
    """The region's state from its entries: the header (with an unfinished batch's changes applied
    over the articles), the articles decoded, incidents and the ceasefire derived again."""
    if stored.header is None:
        raise TableCorrupt(f"table entries of region {region!r} have no header entry (key {region!r})")
    header, mark, changes = stored.header.partition(_CHANGES_MARK)
    articles = dict(stored.articles)
    if mark:
        for article, changed in _changes_codec.validate_json(changes):
            if changed is None:
                articles.pop(article, None)
            else:
                articles[article] = changed.encode("utf-8")
    state = load_state(header)
    if state.region != region:
        raise TableCorrupt(f"the header entry of region {region!r} holds region {state.region!r}")
    for article, value in articles.items():
        if value.startswith(b"{"):
            state.contributions[article] = decode_contribution(value)
        else:
            state.remembered[article] = value.decode("utf-8")
    derive_again(state)
    return state
