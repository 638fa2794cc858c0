"""What a rule sees in one region snapshot: the current values, and the level they reach (if any).

An observation is made whether or not a threshold is crossed, so an alert that resolves
carries the values at resolution time.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from streams.alerting import AlertValues
from streams.events import stable_id
from streams.subscriptions import AlertKind, Level


class Observation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: AlertKind
    region: str
    level: Level | None
    rule: str
    reason: str
    values: AlertValues

    @property
    def active(self) -> bool:
        return self.level is not None

    @property
    def alert_id(self) -> str:
        return alert_id_for(self.kind, self.region)

    @property
    def group_key(self) -> str:
        return self.region


def alert_id_for(kind: AlertKind, region: str) -> str:
    """One alert per (kind, region): its level and values change, its identity does not."""
    return "alr_" + stable_id("alert", kind, region)[:24]
