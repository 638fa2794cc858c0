"""The webhook body's `data` for one alert, and the OutboundMessage that carries it.

The message id (the `webhook-id`) is derived from the subscription, the alert and the
transition, so a state rebuilt after a crash produces the same id and receivers dedup on it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from alerts.lifecycle.state import AlertState
from streams.alerting import NotifiedStatus
from streams.deliveries import OutboundMessage
from streams.events import stable_id


def message_id_for(subscription_id: str, alert_id: str, seq: int, repeat: int = 0) -> str:
    parts = [subscription_id, alert_id, str(seq)] + ([f"repeat{repeat}"] if repeat else [])
    return "msg_" + stable_id("notification", *parts)


UPDATED = "alert.updated"  # an escalation of a firing alert the subscriber was told about


def alert_data(alert: AlertState, status: NotifiedStatus, escalation: bool = False) -> dict[str, Any]:
    values = alert.values
    data: dict[str, Any] = {
        "alert_id": alert.alert_id,
        "kind": alert.kind,
        "level": alert.level,
        "region": alert.region,
        "status": status,
        "rule": alert.rule,
        "seq": alert.seq,
        "low": values.low,
        "best": values.best,
        "high": values.high,
        "threshold": values.threshold,
        "window": values.window,
        "sources": values.sources,
        "source_names": list(values.source_names),
        "evidence": list(values.evidence),
        "provisional": values.provisional,
        "started_at": alert.active_since.isoformat() if alert.active_since else None,
        "as_of": values.as_of.isoformat() if values.as_of else None,
    }
    if alert.kind == "casualties":
        data |= {"children_best": values.children_best, "best_24h": values.best_24h, "best_7d": values.best_7d}
    if alert.kind == "ceasefire":
        data |= {
            "ceasefire_status": values.ceasefire_status,
            "parties": list(values.parties),
            "mediators": list(values.mediators),
        }
    if status == "resolved":
        data["resolved_at"] = alert.changed_at.isoformat()
    if escalation:
        data |= {"previous_level": alert.previous_level, "previous_best": alert.previous_best}
    return data


def outbound(
    subscription_id: str,
    alert: AlertState,
    status: NotifiedStatus,
    now: datetime,
    repeat: int = 0,
    *,
    escalation: bool = False,
) -> OutboundMessage:
    event_type = UPDATED if escalation else "alert.fired" if status == "firing" else "alert.resolved"
    return OutboundMessage(
        message_id=message_id_for(subscription_id, alert.alert_id, alert.seq, repeat),
        subscription_id=subscription_id,
        event_type=event_type,
        data=alert_data(alert, status, escalation),
        created_at=now,
    )
