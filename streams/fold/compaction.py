"""What the region's clock retires, in the fold: incidents older than the itemised days go to the
all-time archive, old ceasefire statements into the ceasefire base, articles no longer itemised
are remembered by id (to tell a redelivery from a late revision), and remembered articles beyond
the memory are forgotten. Every step depends only on the clock, never on batch boundaries.
"""

from __future__ import annotations

import heapq

from streams.fold.ceasefire import apply_article
from streams.fold.state import ACCEPT_MS, ARCHIVE_MEMORY_MS, ITEMISED_MS, Contribution, RegionState, Remembered
from streams.fold.tallies import archive


def compact(state: RegionState) -> None:
    """Archive what no window but `all` can need, absorb old statements into the ceasefire base,
    forget archived articles beyond the memory. Depends only on the clock, never on batches."""
    if state.watermark_ms is None:
        return
    cut = state.watermark_ms - ITEMISED_MS
    if state.incidents and state.incidents[0].first_ms < cut:
        for incident in state.incidents:
            if incident.first_ms < cut:
                archive(state.archived, incident)
                for article in incident.members:
                    state.contributions[article].figures = []
                    state.touched.add(article)
        state.archived = dict(sorted(state.archived.items()))
        state.incidents = [incident for incident in state.incidents if incident.first_ms >= cut]
    horizon = state.watermark_ms - ACCEPT_MS
    # One walk over the articles behind the horizon, oldest first: statements older than the cut
    # are absorbed as they are met, the articles left with nothing itemised are collected and
    # retired after it (a dict cannot shrink while it is walked). An article whose incident is
    # still itemised keeps its figures and stays. These articles are ~9 days old, out of the
    # CPU's caches, so each visit counts: a second pass over them all cost ~1 µs per report
    # (250,000 reports over 50 regions, 17 days each).
    retired = []
    for contribution in state.contributions.values():
        if contribution.event_ms >= horizon:
            break
        if contribution.statements and contribution.event_ms < cut:
            apply_article(state.ceasefire_base, contribution)
            contribution.statements = []
            state.touched.add(contribution.article_id)
        if not contribution.figures and not contribution.statements:
            retired.append(contribution)
    for contribution in retired:
        del state.contributions[contribution.article_id]
        remember(state, contribution)
    if state.remembered_unsorted:
        state.remembered = dict(sorted(state.remembered.items()))  # one order, however they arrived
        state.remembered_unsorted = False
    forget(state, state.watermark_ms - ARCHIVE_MEMORY_MS)


def forget(state: RegionState, before_ms: int) -> None:
    """Forget the remembered articles dated before `before_ms`, oldest first from the queue."""
    queue = state.forget_queue
    if queue is None:
        queue = state.forget_queue = [(remembered_ms(raw), article) for article, raw in state.remembered.items()]
        heapq.heapify(queue)
    while queue and queue[0][0] < before_ms:
        event_ms, article = heapq.heappop(queue)
        raw = state.remembered.get(article)
        if raw is not None and remembered_ms(raw) == event_ms:  # else remembered again since: not this entry
            del state.remembered[article]
            state.touched.add(article)


def remember(state: RegionState, contribution: Contribution) -> None:
    article = contribution.article_id
    if article not in state.remembered and state.remembered and article < next(reversed(state.remembered)):
        state.remembered_unsorted = True
    if contribution.superseded:
        ids = sorted({contribution.event_id, *contribution.superseded})
        state.remembered[article] = Remembered(contribution.event_ms, ids).encode()
    else:  # the common case, one report: what Remembered(event_ms, [event id]).encode() gives
        state.remembered[article] = f"{contribution.event_ms} {contribution.event_id}"
    if state.forget_queue is not None:
        heapq.heappush(state.forget_queue, (contribution.event_ms, article))
    state.touched.add(article)


def remembered(state: RegionState, article_id: str) -> Remembered | None:
    raw = state.remembered.get(article_id)
    return Remembered.decode(raw) if raw is not None else None


def remembered_ms(raw: str) -> int:
    return int(raw.partition(" ")[0])
