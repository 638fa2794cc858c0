"""Which app version of the stream worker is live: events on a small compacted topic.

`sitmon rebuild --switch` writes `WorkerVersionSwitched` (key: the worker's app id) once the new
version's changelog and consumer-group offsets are in place. Every running worker follows the
topic: a worker of another version stops cleanly and starts again as the switched one, and a
worker started later starts as it. The new version's workers publish the picture of every
region they hold once no other version's consumer group has a member (no worker of an old
version still publishes), and say so per reports partition with `WorkerPicturesPublished` (key:
`<app id>/v<version>/<partition>`, so compaction keeps one per partition). A partition's
pictures are therefore published once per switch, whichever worker holds it then; a worker
that dies before saying so publishes them again after its restart (the same pictures).

`SwitchBook` folds the topic into what a worker needs to know. Pure: no Kafka here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from streams.events import Event


class WorkerVersionSwitched(Event):
    type: Literal["worker.version_switched"] = "worker.version_switched"
    app_id: str = Field(min_length=1, description="the worker's app id (with the topic prefix)")
    version: int = Field(ge=1, description="the app version that is live from now on")
    previous_version: int = Field(ge=1, description="the version it replaces")
    resumes_at: tuple[int, ...] = Field(description="per reports partition: where the new version's group resumes")


class WorkerPicturesPublished(Event):
    type: Literal["worker.pictures_published"] = "worker.pictures_published"
    app_id: str = Field(min_length=1)
    version: int = Field(ge=1)
    partition: int = Field(ge=0, description="a reports partition whose regions' pictures the version published")


AnyWorkerVersionEvent = WorkerVersionSwitched | WorkerPicturesPublished


def switch_key(app_id: str) -> str:
    return app_id


def published_key(app_id: str, version: int, partition: int) -> str:
    return f"{app_id}/v{version}/{partition}"


@dataclass(slots=True)
class SwitchBook:
    """The live version of one worker app and the partitions whose pictures it has published."""

    app_id: str
    active: WorkerVersionSwitched | None = None
    published: set[tuple[int, int]] = field(default_factory=set)  # (version, partition)

    def apply(self, event: AnyWorkerVersionEvent) -> None:
        if event.app_id != self.app_id:
            return  # another deployment's worker on the same topic
        if isinstance(event, WorkerVersionSwitched):
            self.active = event
        else:
            self.published.add((event.version, event.partition))

    def live_version(self, default: int) -> int:
        """The switched version, else `default` (the worker's own setting: no switch yet)."""
        return self.active.version if self.active is not None else default

    def unpublished(self, version: int, held: set[int]) -> set[int]:
        """Of the partitions held, those whose pictures `version` still has to publish after its switch."""
        if self.active is None or self.active.version != version:
            return set()  # not switched to (started by setting): its own folds publish as usual
        return {partition for partition in held if (version, partition) not in self.published}
