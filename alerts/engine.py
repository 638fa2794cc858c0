"""The alerting state and its evaluation, without I/O: what `sitmon alerts` knows and decides.

Everything here is a fold of Kafka records (alert transitions, notifications, silences,
subscriptions), so the service rebuilds it after a restart by replaying the alerts and
subscriptions topics into `apply`. Evaluating a region snapshot or a timer tick returns the
transitions to record; the service writes them, then plans notifications (notifier.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from alerts.lifecycle.state import AlertState, LifecycleTiming, Step, best_rose, from_transition, signature_of, step
from alerts.pipeline.dedup import NotifiedRecord, record_from
from alerts.pipeline.grouping import GroupClock
from alerts.rules.baseline import record_day, trailing_daily_mean
from alerts.rules.casualties import observe_casualties
from alerts.rules.ceasefire import observe_ceasefire
from alerts.rules.model import RuleSet
from alerts.rules.observation import Observation
from alerts.silences import Silence, apply_silence
from streams import subscriptions as subs
from streams.alerting import AlertNotified, AlertTransitioned, SilenceCreated, SilenceExpired
from streams.situation import SituationChanged
from streams.subscriptions import Subscription

StateEvent = AlertTransitioned | AlertNotified | SilenceCreated | SilenceExpired | subs.AnySubscriptionEvent


@dataclass
class AlertEngine:
    rules: RuleSet
    lifecycle: LifecycleTiming
    alerts: dict[str, AlertState] = field(default_factory=dict)
    observations: dict[str, Observation] = field(default_factory=dict)
    history: dict[str, dict[date, int]] = field(default_factory=dict)
    silences: dict[str, Silence] = field(default_factory=dict)
    subscriptions: dict[str, Subscription] = field(default_factory=dict)
    notified: dict[tuple[str, str], NotifiedRecord] = field(default_factory=dict)
    clocks: dict[tuple[str, str], GroupClock] = field(default_factory=dict)
    changed_groups: set[str] = field(default_factory=set)
    # alerts resolved while the service was down (seen when it caught up): a subscriber never told
    # they fired — they fired during the downtime, or the service stopped before telling — is told once
    unseen: set[str] = field(default_factory=set)

    # --- the fold ------------------------------------------------------------------------

    def apply(self, event: StateEvent) -> None:
        """Apply one recorded event. Idempotent: a transition already folded changes nothing."""
        if isinstance(event, AlertTransitioned):
            self.note_transition(event)
            current = self.alerts.get(event.alert_id)
            if current is None or event.seq > current.seq:
                self.alerts[event.alert_id] = from_transition(event)
                # the latest transition's observation, until `restore` re-observes the latest snapshot
                # (keeping the first one made every restart re-fire alerts with their oldest values)
                self.observations[event.alert_id] = Observation(
                    kind=event.kind,
                    region=event.region,
                    level=event.level if event.status != "resolved" else None,
                    rule=event.rule,
                    reason="rebuilt",
                    values=event.values,
                )
        elif isinstance(event, AlertNotified):
            key = (event.subscription_id, event.alert_id)
            previous = self.notified.get(key)
            if previous is None or (event.seq, event.occurred_at) > (previous.seq, previous.at):
                self.notified[key] = record_from(event, previous)
                clock_key = (event.subscription_id, event.group_key)
                last = self.clocks.get(clock_key, GroupClock()).last_flush_at
                if last is None or event.occurred_at >= last:
                    self.clocks[clock_key] = GroupClock(first_pending_at=None, last_flush_at=event.occurred_at)
        elif isinstance(event, SilenceCreated | SilenceExpired):
            self.silences = apply_silence(self.silences, event)
        else:
            self.subscriptions = subs.apply(self.subscriptions, event)

    def note_transition(self, transition: AlertTransitioned) -> None:
        """Track alerts resolved during a downtime (on replay and live alike): a resolution caught up
        at start-up marks the alert; any later firing or resolution clears the mark."""
        if transition.status == "resolved" and transition.caught_up:
            self.unseen.add(transition.alert_id)
        elif transition.status != "pending":
            self.unseen.discard(transition.alert_id)

    def forget_subscription(self, subscription_id: str) -> None:
        """A tombstone on the subscriptions topic."""
        self.subscriptions = subs.apply_tombstone(self.subscriptions, subscription_id)

    def remember_baseline(self, situation: SituationChanged) -> None:
        """Feed the spike rule's daily history (also while rebuilding, without evaluating)."""
        day = next(
            (
                t.best
                for t in situation.casualties
                if t.outcome == self.rules.casualties.outcome and t.window == "24h" and t.group is None
            ),
            0,
        )
        spike = self.rules.casualties.spike
        keep = spike.baseline_days if spike else 14
        self.history[situation.region] = record_day(self.history.get(situation.region, {}), situation.as_of, day, keep)

    def restore(self, situation: SituationChanged, now: datetime) -> None:
        """Rebuild: re-observe a region snapshot (situation topic, log order) without stepping lifecycles.

        After the transitions are replayed, each alert's state holds the values of its last
        transition, but the running service had since seen later snapshots that changed the
        values and not the signature (no transition). Observing the same snapshots again gives
        back the latest observation per alert, and the state the running service had: values
        refreshed, and — for an alert whose condition still holds — `last_active_at` as of now,
        which the running service's tick kept current too. Snapshots the service had not yet
        evaluated are evaluated again from the group's committed offset; seeing them here first
        changes nothing a step would not: a changed signature is left to that step.
        """
        for observation in self._observe(situation):
            self.observations[observation.alert_id] = observation
            state = self.alerts.get(observation.alert_id)
            if state is None or state.status == "resolved":
                continue
            if not observation.active:
                self.alerts[observation.alert_id] = replace(state, values=observation.values)
            elif signature_of(observation.level, observation.values) == state.signature and not best_rose(
                state.transition_best, observation.values.best, self.lifecycle
            ):  # what `step` would take without a transition (a change is left to that step)
                self.alerts[observation.alert_id] = replace(state, values=observation.values, last_active_at=now)

    # --- evaluation ----------------------------------------------------------------------

    def evaluate(self, situation: SituationChanged, now: datetime) -> list[Step]:
        """Observe a region snapshot with every rule and step each alert's lifecycle."""
        return [self._step(observation, now) for observation in self._observe(situation)]

    def _observe(self, situation: SituationChanged) -> tuple[Observation, Observation]:
        spike = self.rules.casualties.spike
        baseline = (
            trailing_daily_mean(self.history.get(situation.region, {}), situation.as_of, spike.baseline_days)
            if spike
            else None
        )
        self.remember_baseline(situation)
        return (
            observe_casualties(situation, self.rules.casualties, baseline),
            observe_ceasefire(situation, self.rules),
        )

    def tick(self, now: datetime) -> list[Step]:
        """Re-step alerts waiting on time: pending (for) and firing through a gap (keep_firing_for)."""
        steps = []
        for alert_id, state in list(self.alerts.items()):
            observation = self.observations.get(alert_id)
            if observation is not None and state.status in ("pending", "firing"):
                steps.append(self._step(observation, now))
        return steps

    def _step(self, observation: Observation, now: datetime) -> Step:
        self.observations[observation.alert_id] = observation
        result = step(self.alerts.get(observation.alert_id), observation, now, self.lifecycle)
        if result.state is not None:
            self.alerts[observation.alert_id] = result.state
        if result.transition is not None:
            self.changed_groups.add(result.transition.group_key)
        return result

    def take_changed_groups(self) -> set[str]:
        """Group keys with a transition since the last call (what notify planning must look at)."""
        taken, self.changed_groups = self.changed_groups, set()
        return taken

    # --- views ---------------------------------------------------------------------------

    def firing_counts(self) -> dict[tuple[str, str], int]:
        return dict(Counter((a.kind, a.level) for a in self.alerts.values() if a.status == "firing"))

    def active_silences(self) -> Iterator[Silence]:
        return iter(self.silences.values())
