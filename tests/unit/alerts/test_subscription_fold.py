"""The subscription fold and commands: every event carries the whole subscription (compaction)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from streams import subscriptions as subs
from streams.envelope import decode, encode

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _fixed_bytes(n: int) -> bytes:
    return b"\x01" * n


def test_create_then_fold_holds_the_subscription_with_a_whsec_secret() -> None:
    created = subs.create(url="https://example.org/hook", now=T0, regions=["nagorno-karabakh"], min_level="orange")
    state = subs.apply({}, created)
    sub = state[created.subscription.subscription_id]
    assert sub.regions == ("nagorno-karabakh",)
    assert sub.min_level == "orange"
    assert sub.secrets[0].secret.startswith("whsec_")
    assert sub.state == "active"


def test_only_the_latest_record_is_needed_after_compaction() -> None:
    created = subs.create(url="https://example.org/hook", now=T0)
    paused = subs.pause(created.subscription, T0 + timedelta(minutes=1))
    # compaction keeps only `paused`; folding it alone gives the same state as folding both
    full = subs.apply(subs.apply({}, created), paused)
    compacted = subs.apply({}, paused)
    assert full == compacted
    assert compacted[created.subscription.subscription_id].state == "paused"


def test_resume_clears_paused_and_disabled_state() -> None:
    created = subs.create(url="https://example.org/hook", now=T0)
    disabled = subs.disable(created.subscription, T0, "endpoint answered 410 Gone")
    assert disabled.subscription.state_reason == "endpoint answered 410 Gone"
    resumed = subs.resume(disabled.subscription, T0 + timedelta(hours=1))
    assert resumed.subscription.state == "active"
    assert resumed.subscription.state_reason is None


def test_delete_and_tombstone_remove_the_subscription() -> None:
    created = subs.create(url="https://example.org/hook", now=T0)
    sub_id = created.subscription.subscription_id
    state = subs.apply({}, created)
    assert sub_id not in subs.apply(state, subs.delete(created.subscription, T0))
    assert sub_id not in subs.apply_tombstone(state, sub_id)


def test_rotation_keeps_the_old_secret_valid_for_24_hours_only() -> None:
    created = subs.create(url="https://example.org/hook", now=T0)
    old = created.subscription.secrets[0].secret
    rotated = subs.rotate_secret(created.subscription, T0, subs.new_secret(T0, _fixed_bytes)).subscription
    assert rotated.secrets[0].secret != old
    assert [s.secret for s in subs.valid_secrets(rotated, T0 + timedelta(hours=23))] == [rotated.secrets[0].secret, old]
    assert [s.secret for s in subs.valid_secrets(rotated, T0 + timedelta(hours=25))] == [rotated.secrets[0].secret]


def test_update_validates_and_refuses_unknown_fields() -> None:
    sub = subs.create(url="https://example.org/hook", now=T0).subscription
    assert subs.update(sub, T0, min_level="red").subscription.min_level == "red"
    with pytest.raises(ValidationError):
        subs.update(sub, T0, min_level="purple")
    with pytest.raises(ValueError, match="cannot change secrets"):
        subs.update(sub, T0, secrets=())


def test_subscription_events_round_trip_through_the_envelope() -> None:
    event = subs.rotate_secret(subs.create(url="https://example.org/hook", now=T0).subscription, T0)
    assert decode(encode(event, subject=event.subscription.subscription_id)) == event
