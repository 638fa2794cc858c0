"""`sitmon alerts`: region snapshots in, alert transitions recorded, notifications handed to delivery.

Start-up rebuilds all state from Kafka alone: the alerts topic (transitions, notifications,
silences) and the subscriptions topic are replayed into the engine; the situation topic is
replayed to warm the spike rule's daily history and to re-observe each alert's latest values
(`AlertEngine.restore`), so a restart changes no alert and sends nothing by itself. Then the situation topic is consumed
in a consumer group, committing after each batch's transitions are acknowledged by the
broker — at-least-once, made safe by deterministic transition and message ids.

Crash safety of notifications: a message is submitted to the dispatcher (which records the
request durably) before its AlertNotified is recorded. A crash between the two makes the
rebuilt engine plan the same message again, with the same id, which the dispatcher
deduplicates; a crash after both leaves the dispatcher's recovery to finish the delivery.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime

import structlog
from aiokafka import AIOKafkaConsumer, ConsumerRecord

from alerts.engine import AlertEngine
from alerts.kafka_io import KafkaUnavailable, TopicTail, new_producer, read_backlog
from alerts.lifecycle.state import Step
from alerts.metrics import AlertMetrics
from alerts.notifier import StageOutcome, plan_notifications
from alerts.pipeline.behind import resolved_behind
from alerts.ports import Dispatcher, Keys, SubmitCommand
from alerts.publisher import AlertsPublisher
from alerts.requests import OperatorRequests
from alerts.secrets import SecretOpener
from alerts.settings import AlertsSettings
from alerts.state_records import StateRecords
from streams.envelope import decode
from streams.errors import UndecodableRecord
from streams.situation import SituationChanged

log = structlog.get_logger("sitmon.alerts")


class AlertService:
    def __init__(
        self,
        settings: AlertsSettings,
        engine: AlertEngine,
        dispatcher: Dispatcher,
        metrics: AlertMetrics,
        clock: Callable[[], datetime],
        keys: Keys,
        submit: SubmitCommand,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.dispatcher = dispatcher
        self.metrics = metrics
        self.clock = clock
        self.catalogue = settings.catalogue()
        self.ready = asyncio.Event()
        self._counted: set[tuple[str, str, int, str]] = set()
        self._out: AlertsPublisher | None = None
        self._tail: TopicTail | None = None
        self._situations: AIOKafkaConsumer | None = None
        self._deferred_groups: set[str] = set()
        self.secrets = SecretOpener(keys)
        self.requests = OperatorRequests(engine, dispatcher, submit, clock)
        self.state = StateRecords(self.catalogue, engine, dispatcher, self.secrets, self.requests)

    # --- start-up ------------------------------------------------------------------------

    async def rebuild(self) -> None:
        """Replay alerts + subscriptions (+ delivery disable requests) into the engine."""
        topics = [self.catalogue.alerts.name, self.catalogue.subscriptions.name, self.catalogue.deliveries.name]
        self._tail = TopicTail(self.settings.kafka_bootstrap, topics)
        await self._tail.start()
        records = await self._tail.catch_up()
        for record in records:
            await self.state.apply(record, live=False)
        await self.state.disables_after_replay()
        self.secrets.check()  # wrong keys stop the start here, in one line
        await self._restore_observations()
        log.info(
            "alerts.rebuilt",
            records=len(records),
            alerts=len(self.engine.alerts),
            subscriptions=len(self.engine.subscriptions),
            silences=len(self.engine.silences),
        )

    async def _restore_observations(self) -> None:
        """Replay the situation topic: the spike rule's daily history and each alert's latest observation."""
        warm = TopicTail(self.settings.kafka_bootstrap, [self.catalogue.situation.name])
        await warm.start()
        now = self.clock()
        try:
            for record in await warm.catch_up():
                with contextlib.suppress(UndecodableRecord, ValueError, ArithmeticError):
                    event = decode(record.value)
                    if isinstance(event, SituationChanged):
                        self.engine.restore(event, now)
        finally:
            await warm.stop()

    async def run(self, stop: asyncio.Event) -> None:
        producer = new_producer(self.settings.kafka_bootstrap)
        try:
            await producer.start()
        except Exception as exc:  # aiokafka raises several types for an unreachable broker
            raise KafkaUnavailable(f"cannot reach Kafka at {self.settings.kafka_bootstrap}: {exc}") from exc
        self._out = AlertsPublisher(producer, self.catalogue, self.clock)
        try:
            await self.rebuild()
            self._situations = AIOKafkaConsumer(
                self.catalogue.situation.name,
                bootstrap_servers=self.settings.kafka_bootstrap,
                group_id=self.settings.consumer_group(),
                group_instance_id=self.settings.alerts_instance_id,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
            )
            await self._situations.start()
            # delivery recovers only now: it looks subscriptions up in the rebuilt engine
            await self.dispatcher.start()
            await self.dispatcher.recover()
            await self.state.resends_after_recovery()
            # what arrived while the service was down is evaluated whole before anything is
            # notified, so an alert that changed several times meanwhile is notified once, as it is now
            steps = [step for record in await read_backlog(self._situations) for step in await self._evaluate(record)]
            await self._record_transitions(steps, caught_up=True)
            await self._notify(None)  # anything owed from before a restart, and the backlog's news
            await self._situations.commit()
            self.ready.set()
            log.info("alerts.ready", group=self.settings.consumer_group())
            await self._loop(stop)
        finally:
            await self._shutdown()

    async def _shutdown(self) -> None:
        with contextlib.suppress(Exception):
            await self.dispatcher.stop()
        for closer in (self._situations, self._tail, self._out.producer if self._out else None):
            if closer is not None:
                with contextlib.suppress(Exception):
                    await closer.stop()

    # --- the loop ------------------------------------------------------------------------

    async def _loop(self, stop: asyncio.Event) -> None:
        assert self._situations is not None and self._tail is not None
        interval = self.settings.alerts_evaluation_interval
        poll_ms = int(min(interval, 0.1) * 1000)
        last_tick = self.clock()
        while not stop.is_set():
            batches = await self._situations.getmany(timeout_ms=poll_ms)
            for record in await self._tail.poll():
                await self.state.apply(record, live=True)
            steps: list[Step] = []
            for batch in batches.values():
                for record in batch:
                    steps.extend(await self._evaluate(record))
            now = self.clock()
            ticked = (now - last_tick).total_seconds() >= interval
            if ticked:
                steps.extend(self.engine.tick(now))
                last_tick = now
            await self._record_transitions(steps)
            # between ticks only groups with news (or waiting out group_wait) are planned; a tick,
            # or a subscription/silence change, re-plans everything (repeats, expired silences)
            changed = self.engine.take_changed_groups() | self._deferred_groups
            if ticked or self.state.changed:
                self.state.changed = False
                await self._notify(None)
            elif changed:
                await self._notify(changed)
            if batches:
                # after notifying, off the webhook's critical path; safe because the batch's
                # transitions are already acknowledged and re-evaluating a snapshot is idempotent
                await self._situations.commit()

    async def _evaluate(self, record: ConsumerRecord) -> list[Step]:
        try:
            event = decode(record.value)
            if not isinstance(event, SituationChanged):
                raise UndecodableRecord(f"expected situation.changed, got {getattr(event, 'type', '?')}")
        except UndecodableRecord as exc:
            self.metrics.situations.labels("dead_lettered").inc()
            await self._publisher().dead_letter(record, str(exc))
            return []
        try:
            steps = self.engine.evaluate(event, self.clock())
        except (ValueError, ArithmeticError) as exc:  # a snapshot the rules cannot read: park it, never crash-loop
            self.metrics.situations.labels("dead_lettered").inc()
            await self._publisher().dead_letter(
                record, f"rule evaluation failed: {type(exc).__name__}: {exc}".splitlines()[0]
            )
            return []
        self.metrics.situations.labels("evaluated").inc()
        return steps

    async def _record_transitions(self, steps: list[Step], *, caught_up: bool = False) -> None:
        transitions = [s.transition for s in steps if s.transition is not None]
        # marked on the record, so a crash before notifying still knows after the next rebuild
        if caught_up:
            transitions = [t.model_copy(update={"caught_up": True}) for t in transitions]
        else:  # a service behind its topic can read an alert's whole life in one batch (behind.py)
            behind = resolved_behind(
                transitions, self.settings.group_timing().wait, self.settings.alerts_critical_levels
            )
            transitions = [t.model_copy(update={"caught_up": True}) if t.event_id in behind else t for t in transitions]
        for transition in transitions:
            self.engine.note_transition(transition)
        await self._publisher().publish_all([(self.catalogue.alerts.name, t.group_key, t) for t in transitions])
        for transition in transitions:
            self.metrics.transitions.labels(
                transition.kind, transition.level, transition.status, transition.reason
            ).inc()
            log.info(
                "alert.transitioned",
                alert_id=transition.alert_id,
                region=transition.region,
                kind=transition.kind,
                level=transition.level,
                status=transition.status,
                reason=transition.reason,
                seq=transition.seq,
            )
        if transitions:
            self.metrics.set_firing(self.engine.firing_counts())

    async def _notify(self, groups: set[str] | None) -> None:
        plan = plan_notifications(
            self.engine, self.clock(), self.settings.group_timing(), self.settings.alerts_critical_levels, groups
        )
        self._deferred_groups = plan.deferred_groups
        # every message is durably requested before any AlertNotified is recorded (crash safety)
        await asyncio.gather(
            *(self.dispatcher.submit(n.subscription, n.message) for n in plan.notifications if n.message is not None)
        )
        await self._publisher().publish_all(
            [(self.catalogue.alerts.name, n.record.group_key, n.record) for n in plan.notifications]
        )
        for notification in plan.notifications:
            self.engine.apply(notification.record)
            log.info(
                "alert.notified",
                subscription_id=notification.record.subscription_id,
                alert_id=notification.record.alert_id,
                status=notification.record.status,
                reason=notification.record.reason,
                sent=notification.record.sent,
            )
        self._count(plan.outcomes)

    def _count(self, outcomes: list[StageOutcome]) -> None:
        for outcome in outcomes:
            key = (outcome.subscription_id, outcome.alert_id, outcome.seq, outcome.reason)
            if key not in self._counted:
                self._counted.add(key)
                self.metrics.notifications.labels(outcome.outcome, outcome.reason).inc()

    async def disable_subscription(self, subscription_id: str, reason: str, at: datetime | None = None) -> None:
        """Delivery's callback when it gives up on an endpoint (410 Gone, or failing for days)."""
        await self.state.disable(subscription_id, reason, at)

    def _publisher(self) -> AlertsPublisher:
        assert self._out is not None, "run() starts the producer"
        return self._out
