"""Stage 1 of the notify pipeline: does this subscription want this alert at all?

Each stage answers with a named reason; the reason labels the notifications metric, so
an operator sees not only how many notifications were skipped but why.
"""

from __future__ import annotations

from dataclasses import dataclass

from alerts.lifecycle.state import AlertState
from alerts.rules.casualties import observe_level_for_values
from alerts.rules.model import RuleSet, level_rank
from streams.subscriptions import Subscription


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reason: str


def route(subscription: Subscription, alert: AlertState, rules: RuleSet) -> Verdict:
    if subscription.state not in ("active", "paused"):  # a paused one's messages are held by delivery
        return Verdict(False, f"subscription_{subscription.state}")
    if subscription.regions and alert.region not in subscription.regions:
        return Verdict(False, "region_not_subscribed")
    if subscription.kinds and alert.kind not in subscription.kinds:
        return Verdict(False, "kind_not_subscribed")
    level = alert.level
    if alert.kind == "casualties" and subscription.thresholds:
        try:
            own_rules = rules.with_thresholds(subscription.thresholds)
        except ValueError:
            own_rules = rules  # overrides that contradict the tiers (orange below yellow): defaults apply
        own = observe_level_for_values(alert.values, own_rules.casualties)
        if own is None:
            return Verdict(False, "below_subscriber_thresholds")
        level = own
    if level_rank(level) < level_rank(subscription.min_level):
        return Verdict(False, "below_min_level")
    return Verdict(True, "routed")


def labels(alert: AlertState) -> dict[str, str]:
    """The labels silences match on."""
    return {"kind": alert.kind, "region": alert.region, "level": alert.level, "rule": alert.rule}
