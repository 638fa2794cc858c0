"""Audit events for the API's admin actions: who (the token's name), what, which target, when."""

from __future__ import annotations

from services.api.auth import Principal
from services.api.deps import ApiDeps
from streams.access import AuditOutcome, audit_record


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
    await api.log.record_audit(
        audit_record(principal.name, action, target, api.clock(), outcome=outcome, reason=reason, version=version)
    )
