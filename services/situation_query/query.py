"""The current picture (from the worker's tables, else the latest record per region on the
situation topic) or a past one (refolded).

`current` asks the worker's web view first: its tables are the state a consumer keeps current,
so the answer costs one HTTP request, whatever the length of the log. When no worker answers
(a broker-only setup), or this worker holds only a share of the regions (several workers), or
it is recovering, the situation topic is read instead — slower, the same answer.

`as_of` folds the reports log with the worker's own pure fold: every report whose event time
is at or before the moment, in log order, then renders the picture at that moment — so the
72 h ceasefire timer and the 24 h / 7 d windows are evaluated at the asked time.
"""

from __future__ import annotations

import json
from datetime import datetime

import httpx

from services.kafka.topic_read import read_to_end
from streams.envelope import decode
from streams.errors import UndecodableRecord
from streams.events import ReportsExtracted
from streams.fold.region import fold_into, new_region
from streams.fold.snapshot import snapshot
from streams.fold.state import RegionState
from streams.situation import SituationChanged
from streams.topics import SITUATION_TOPIC_HEADER, Catalogue


async def from_worker(
    worker_url: str, catalogue: Catalogue, region: str | None = None
) -> dict[str, SituationChanged] | None:
    """The worker's current pictures, or None when it cannot give the whole answer."""
    url = f"{worker_url.rstrip('/')}/situation" + (f"/{region}" if region is not None else "")
    try:
        async with httpx.AsyncClient(timeout=5.0) as client:
            response = await client.get(url)
    except httpx.HTTPError:
        return None
    if response.status_code != 200:
        return None  # not there, not all regions here, recovering: the topic has the answer
    if response.headers.get(SITUATION_TOPIC_HEADER) != catalogue.situation.name:
        return None  # another deployment's worker (or not a worker at all)
    try:
        documents = [response.json()] if region is not None else response.json()
        events = [decode(json.dumps(document).encode("utf-8")) for document in documents]
    except (ValueError, UndecodableRecord):
        return None  # something else answers on that port
    pictures = {event.region: event for event in events if isinstance(event, SituationChanged)}
    return dict(sorted(pictures.items()))


async def current(
    bootstrap: str, catalogue: Catalogue, region: str | None = None, worker_url: str | None = None
) -> dict[str, SituationChanged]:
    if worker_url:
        found = await from_worker(worker_url, catalogue, region)
        if found is not None:
            return found
    return await latest(bootstrap, catalogue, region)


async def latest(bootstrap: str, catalogue: Catalogue, region: str | None = None) -> dict[str, SituationChanged]:
    pictures: dict[str, SituationChanged] = {}
    wanted = region.encode("utf-8") if region is not None else None
    async for record in read_to_end(bootstrap, catalogue.situation.name):
        if wanted is not None and record.key != wanted:
            continue
        try:
            event = decode(record.value)
        except UndecodableRecord:
            continue  # not ours to judge here; the picture comes from the valid records
        if isinstance(event, SituationChanged):
            pictures[event.region] = event
    return dict(sorted(pictures.items()))


async def as_of(
    bootstrap: str, catalogue: Catalogue, moment: datetime, region: str | None = None
) -> dict[str, SituationChanged]:
    states: dict[str, RegionState] = {}
    async for record in read_to_end(bootstrap, catalogue.reports.name):
        try:
            event = decode(record.value)
        except UndecodableRecord:
            continue  # the worker dead-letters these; they never counted
        if not isinstance(event, ReportsExtracted) or event.published_at > moment:
            continue
        if region is not None and event.region != region:
            continue
        if record.key != event.region.encode("utf-8"):
            continue  # the worker dead-letters misrouted reports too
        state = states.get(event.region)
        if state is None:
            state = states[event.region] = new_region(event.region)
        fold_into(state, [event])
    return {name: snapshot(state, moment) for name, state in sorted(states.items()) if state.cause is not None}
