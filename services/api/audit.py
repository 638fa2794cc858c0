"""Audit events for the API's admin actions: who (the token's name), what, which target, when."""

from __future__ import annotations

from services.api.auth import Principal
from services.api.deps import ApiDeps
from streams.access import AuditOutcome, AuditRecorded
from streams.events import stable_id


async def record(
    api: ApiDeps,
    principal: Principal,
    action: str,
    target: str,
    *,
    outcome: AuditOutcome = "applied",
    reason: str | None = None,
    version: int | None = None,
) -> None:
    now = api.clock()
    await api.log.record_audit(
        AuditRecorded(
            event_id=stable_id("audit", principal.name, action, target, now.isoformat(), outcome),
            occurred_at=now,
            actor=principal.name,
            action=action,
            target=target,
            outcome=outcome,
            reason=reason,
            version=version,
        )
    )
