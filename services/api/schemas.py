"""Request and response bodies of the HTTP API (the OpenAPI schema is generated from these).

Secrets never appear in a response except once: in the answer to create and to rotate.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from streams.alerting import Silence, SilenceMatcher, SilenceState
from streams.deliveries import DeliveryRecord
from streams.subscriptions import AlertKind, Level, Subscription, SubscriptionState


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SubscriptionIn(_Body):
    url: str = Field(min_length=1, max_length=2000, description="http(s) URL of the webhook endpoint")
    regions: list[str] = Field(default_factory=list, description="empty: every region")
    kinds: list[AlertKind] = Field(default_factory=list, description="empty: every kind")
    min_level: Level = "info"
    thresholds: dict[str, int] = Field(default_factory=dict, description="overrides such as {'24h.orange': 50}")
    send_resolved: bool = True


class SubscriptionPatch(_Body):
    url: str | None = Field(default=None, min_length=1, max_length=2000)
    regions: list[str] | None = None
    kinds: list[AlertKind] | None = None
    min_level: Level | None = None
    thresholds: dict[str, int] | None = None
    send_resolved: bool | None = None


class SecretInfo(BaseModel):
    created_at: AwareDatetime
    expires_at: AwareDatetime | None


class SubscriptionOut(BaseModel):
    subscription_id: str
    url: str
    regions: list[str]
    kinds: list[AlertKind]
    min_level: Level
    thresholds: dict[str, int]
    send_resolved: bool
    state: SubscriptionState
    state_reason: str | None
    version: int = Field(description="+1 with every change; send it back as If-Match to change safely")
    secrets: list[SecretInfo] = Field(description="when each signing secret was made and expires; never the value")
    created_at: AwareDatetime
    updated_at: AwareDatetime

    @classmethod
    def of(cls, sub: Subscription) -> SubscriptionOut:
        data: dict[str, Any] = sub.model_dump(exclude={"secrets"})
        data["secrets"] = [SecretInfo(created_at=s.created_at, expires_at=s.expires_at) for s in sub.secrets]
        return cls.model_validate(data)


class SubscriptionWithSecret(SubscriptionOut):
    secret: str = Field(description="the whsec_ signing secret, shown this once")


class SilenceIn(_Body):
    matchers: list[SilenceMatcher] = Field(min_length=1)
    starts_at: AwareDatetime | None = Field(default=None, description="default: now")
    ends_at: AwareDatetime | None = None
    duration_seconds: int | None = Field(default=None, ge=1, description="instead of ends_at")
    created_by: str = Field(min_length=1, max_length=200)
    comment: str = Field(min_length=1, max_length=2000)

    @model_validator(mode="after")
    def _one_end(self) -> SilenceIn:
        if (self.ends_at is None) == (self.duration_seconds is None):
            raise ValueError("give exactly one of ends_at and duration_seconds")
        return self


class SilenceOut(BaseModel):
    silence_id: str
    matchers: list[SilenceMatcher]
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    created_by: str
    comment: str
    state: SilenceState

    @classmethod
    def of(cls, silence: Silence, now: Any) -> SilenceOut:
        created = silence.created
        return cls(
            silence_id=created.silence_id,
            matchers=list(created.matchers),
            starts_at=created.starts_at,
            ends_at=silence.ends_at(),
            created_by=created.created_by,
            comment=created.comment,
            state=silence.state(now),
        )


class DeliveryOut(BaseModel):
    message_id: str
    event_type: str
    series: int
    status: str
    attempts: int
    last_status_code: int | None
    last_reason: str | None
    requested_at: AwareDatetime
    finished_at: AwareDatetime | None
    next_attempt_at: AwareDatetime | None
    data: dict[str, Any]

    @classmethod
    def of(cls, record: DeliveryRecord) -> DeliveryOut:
        return cls(
            message_id=record.message.message_id,
            event_type=record.message.event_type,
            series=record.series,
            status=record.status,
            attempts=record.attempts,
            last_status_code=record.last_status_code,
            last_reason=record.last_reason,
            requested_at=record.requested_at,
            finished_at=record.finished_at,
            next_attempt_at=record.next_attempt_at,
            data=record.message.data,
        )


class Accepted(BaseModel):
    status: str = "accepted"
    detail: str
