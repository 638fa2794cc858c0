"""Reading one region's reports and fired alerts from the log (no consumer group, nothing committed).

Only records keyed by the region are decoded. Records the worker would dead-letter
(undecodable, another type, keyed elsewhere) are skipped here too: they never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.replay.reader import replay
from streams.alerting import AlertTransitioned
from streams.envelope import decode, decode_report
from streams.errors import UndecodableRecord
from streams.events import ReportsExtracted
from streams.topics import Catalogue


@dataclass(frozen=True, slots=True)
class FiredAlert:
    time: datetime
    kind: str
    level: str
    rule: str


async def region_reports(bootstrap: str, catalogue: Catalogue, region: str) -> list[ReportsExtracted]:
    wanted = region.encode("utf-8")
    found: list[ReportsExtracted] = []
    async for record in replay(bootstrap, catalogue.reports.name):
        if record.key != wanted:
            continue
        try:
            event = decode_report(record.value)
        except UndecodableRecord:
            continue
        if isinstance(event, ReportsExtracted) and event.region == region:
            found.append(event)
    return found


async def fired_alerts(bootstrap: str, catalogue: Catalogue, region: str) -> list[FiredAlert]:
    """Alerts that went to firing for the region, at the event time of the picture that fired them."""
    fired: list[FiredAlert] = []
    async for record in replay(bootstrap, catalogue.alerts.name):
        try:
            event = decode(record.value)
        except UndecodableRecord:
            continue
        if isinstance(event, AlertTransitioned) and event.region == region and event.status == "firing":
            if event.previous_status == "firing":
                continue  # a level change of an alert already firing: marked once, when it fired
            fired.append(FiredAlert(event.values.as_of or event.occurred_at, event.kind, event.level, event.rule))
    return fired
