"""The published picture: a region's state rendered as `SituationChanged` at a point in event time."""

from __future__ import annotations

import copy
from datetime import datetime

from streams.events import stable_id
from streams.fold.ceasefire import advance_clock
from streams.fold.state import RegionState, from_ms, to_ms
from streams.fold.tallies import window_tallies
from streams.situation import Cause, CeasefirePicture, CeasefireTransition, SituationChanged


class NothingFolded(ValueError):
    """A region with no report folded has no picture to publish."""


def snapshot(state: RegionState, as_of: datetime | None = None) -> SituationChanged:
    """The region's picture as of `as_of` (default: its latest event time). Deterministic in the state."""
    if state.cause is None or state.watermark_ms is None:
        raise NothingFolded(f"no report has been folded for region {state.region!r}")
    as_of_ms = state.watermark_ms if as_of is None else to_ms(as_of)
    ceasefire = state.ceasefire
    if as_of_ms > state.watermark_ms:  # a query past the last report: let the 72 h timer run
        ceasefire = copy.deepcopy(ceasefire)
        advance_clock(ceasefire, as_of_ms)
    as_of_at = from_ms(as_of_ms)
    return SituationChanged(
        event_id=stable_id("situation", state.region, str(state.sequence), str(as_of_ms)),
        occurred_at=as_of_at,
        region=state.region,
        as_of=as_of_at,
        sequence=state.sequence,
        casualties=window_tallies(state, as_of_ms),
        ceasefire=CeasefirePicture(
            status=ceasefire.status,
            since=from_ms(ceasefire.since_ms) if ceasefire.since_ms is not None else None,
            parties=tuple(ceasefire.parties),
            mediators=tuple(ceasefire.mediators),
            evidence=ceasefire.evidence,
            article_id=ceasefire.article_id,
            history=tuple(
                CeasefireTransition(
                    status=step.status,
                    at=from_ms(step.at_ms),
                    evidence=step.evidence,
                    article_id=step.article_id,
                )
                for step in ceasefire.history
            ),
        ),
        cause=Cause(
            event_id=state.cause.event_id,
            article_id=state.cause.article_id,
            published_at=from_ms(state.cause.published_ms),
        ),
    )
