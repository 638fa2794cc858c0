"""The single writer's decision: commands with an expected version, stale ones rejected with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from streams import subscriptions as subs
from streams.subscription_commands import Applied, Rejected, SubscriptionCommand, Unchanged, decide

T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
LATER = T0 + timedelta(minutes=5)


def _sub() -> subs.Subscription:
    return subs.create(url="https://hooks.example.org/a", now=T0).subscription


def _command(action: str, sub: subs.Subscription, expected: int | None, **fields: object) -> SubscriptionCommand:
    return SubscriptionCommand(
        action=action,  # type: ignore[arg-type]
        subscription_id=sub.subscription_id,
        actor="test",
        expected_version=expected,
        **fields,  # type: ignore[arg-type]
    )


def test_every_applied_change_is_one_version_further() -> None:
    sub = _sub()
    assert sub.version == 1
    for action, fields in (
        ("pause", {}),
        ("resume", {}),
        ("rotate_secret", {"secret": subs.new_secret(LATER)}),
        ("update", {"changes": {"min_level": "red"}}),
        ("disable", {"reason": "gone"}),
        ("reseal", {}),
    ):
        decision = decide(sub, _command(action, sub, sub.version, **fields), LATER)
        assert isinstance(decision, Applied), (action, decision)
        assert decision.subscription.version == sub.version + 1
        sub = decision.subscription
    assert sub.state == "disabled" and sub.min_level == "red"


def test_a_stale_command_is_rejected_with_both_versions_and_changes_nothing() -> None:
    sub = _sub()
    rotated = decide(sub, _command("rotate_secret", sub, 1, secret=subs.new_secret(LATER)), LATER)
    assert isinstance(rotated, Applied)
    for action in ("pause", "disable", "rotate_secret", "delete"):
        stale = decide(rotated.subscription, _command(action, sub, 1), LATER)
        assert isinstance(stale, Rejected) and stale.kind == "stale" and stale.current_version == 2
        assert "expected version 1, but it is at version 2" in stale.reason


def test_no_expected_version_applies_to_the_current_one_and_no_ops_change_nothing() -> None:
    sub = _sub()
    paused = decide(sub, _command("pause", sub, None), LATER)
    assert isinstance(paused, Applied)
    again = decide(paused.subscription, _command("pause", sub, None), LATER)
    assert isinstance(again, Unchanged) and again.subscription.version == 2
    disable = decide(paused.subscription, _command("disable", sub, None, reason="gone"), LATER)
    assert isinstance(disable, Unchanged)  # a paused subscription is not disabled behind the subscriber's back


def test_unknown_ids_existing_ids_and_bad_values_are_rejected() -> None:
    sub = _sub()
    missing = decide(None, _command("pause", sub, None), LATER)
    assert isinstance(missing, Rejected) and missing.kind == "not_found"
    exists = decide(sub, _command("create", sub, None, new=sub), LATER)
    assert isinstance(exists, Rejected) and exists.kind == "exists"
    bad = decide(sub, _command("update", sub, 1, changes={"thresholds": {"1h.red": 3}}), LATER)
    assert isinstance(bad, Rejected) and bad.kind == "invalid" and "24h.orange" in bad.reason
