"""The switch record: which app version of the worker is live (`streams.worker_versions`).

`sitmon rebuild --switch` writes it last, after the new version's changelog and group offsets,
so a worker that follows it finds everything it restores from in place. `sitmon worker` reads
it at start to choose its version; the running worker follows it itself (streams/worker/switch.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from services.kafka.admin import ensure_topic
from services.kafka.producer import EventProducer, Outgoing
from services.kafka.topic_read import read_to_end
from streams.envelope import decode
from streams.errors import UndecodableRecord
from streams.topics import Catalogue
from streams.worker_versions import SwitchBook, WorkerPicturesPublished, WorkerVersionSwitched, switch_key


async def ensure_versions_topic(bootstrap: str, catalogue: Catalogue) -> None:
    """A deployment created before the topic existed gets it here (compacted, one partition)."""
    topic = catalogue.worker_versions
    await ensure_topic(bootstrap, topic.name, topic.spec.partitions, topic.spec.config())


async def read_book(bootstrap: str, catalogue: Catalogue, app_id: str) -> SwitchBook:
    """The switches and picture marks of `app_id` as they stand (the topic is created if missing)."""
    await ensure_versions_topic(bootstrap, catalogue)
    book = SwitchBook(app_id)
    async for record in read_to_end(bootstrap, catalogue.worker_versions.name):
        try:
            event = decode(record.value)
        except UndecodableRecord:
            continue  # a tombstone or a stranger's record: it switches nothing
        if isinstance(event, WorkerVersionSwitched | WorkerPicturesPublished):
            book.apply(event)
    return book


async def write_switch(
    bootstrap: str,
    catalogue: Catalogue,
    *,
    app_id: str,
    version: int,
    previous_version: int,
    resumes_at: Mapping[int, int],
) -> WorkerVersionSwitched:
    """Make `version` the live one; returns once the record is readable (the workers follow it)."""
    await ensure_versions_topic(bootstrap, catalogue)
    switched = WorkerVersionSwitched(
        event_id=str(uuid.uuid4()),
        occurred_at=datetime.now(UTC),
        app_id=app_id,
        version=version,
        previous_version=previous_version,
        resumes_at=tuple(resumes_at[partition] for partition in sorted(resumes_at)),
    )
    async with EventProducer(bootstrap, source="/sitmon/rebuild") as producer:
        await producer.publish([Outgoing(catalogue.worker_versions, switch_key(app_id), switched)])
    return switched
