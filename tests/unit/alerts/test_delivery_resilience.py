"""Failing endpoints: circuit breaker, disabling, bounded queues, SSRF at connect time, recovery."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from ipaddress import ip_address

import httpx
from prometheus_client import CollectorRegistry

from alerts.delivery.dispatcher import Dispatcher
from alerts.delivery.journal import MemoryJournal
from netguard.ssrf import IPAddress
from streams.deliveries import DeliveryAttempted, DeliveryFinished, SubscriptionDisableRequested
from tests.unit.alerts.delivery_fixtures import (
    SECRET,
    events_of,
    fast_settings,
    message,
    running,
    subscription,
    wait_until,
)
from tests.webhook_receiver import Reply, WebhookReceiver


def finished(journal: MemoryJournal) -> list[DeliveryFinished]:
    return events_of(journal, DeliveryFinished)


async def test_an_open_circuit_sends_probes_not_a_storm_and_the_backlog_flows_after_recovery() -> None:
    journal = MemoryJournal()
    settings = fast_settings(breaker_threshold=2, breaker_cooldown_s=0.3, retry_schedule="0.01,0.01,0.01,0.01")
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [503, 503, 503] + [200] * 10)
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}, settings) as dispatcher:
            for _ in range(5):
                await dispatcher.submit(sub, message(sub.subscription_id))
            await wait_until(lambda: len(finished(journal)) == 5, what="all five delivered")
        arrivals = receiver.received()
    gaps = [later.arrived_at - earlier.arrived_at for earlier, later in itertools.pairwise(arrivals)]
    assert len(arrivals) == 8  # 2 failures open the circuit, 1 failed probe, then 5 deliveries
    assert gaps[1] >= 0.28  # circuit open after 2 failures: the probe waits the cool-down
    assert gaps[2] >= 0.55  # the failed probe doubled it
    assert [f.outcome for f in finished(journal)] == ["delivered"] * 5
    assert len(receiver.processed) == 5


async def test_410_disables_the_subscription_and_dead_letters_its_queue() -> None:
    journal = MemoryJournal()
    disabled: list[tuple[str, str]] = []

    async def on_disable(subscription_id: str, reason: str) -> None:
        disabled.append((subscription_id, reason))

    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [Reply(410, hang_s=0.2)])  # the hang lets two more messages queue up
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}, on_disable=on_disable) as dispatcher:
            for _ in range(3):
                await dispatcher.submit(sub, message(sub.subscription_id))
            await wait_until(lambda: len(finished(journal)) == 3, what="all three finished")
        assert len(receiver.received()) == 1
    assert disabled == [(sub.subscription_id, "endpoint_gone")]
    (request,) = events_of(journal, SubscriptionDisableRequested)
    assert request.reason == "endpoint_gone"
    assert [(f.outcome, f.reason) for f in finished(journal)] == [("dead_lettered", "endpoint_gone")] * 3
    assert len(journal.dead_letters) == 3


async def test_an_endpoint_failing_continuously_past_the_limit_is_disabled() -> None:
    journal = MemoryJournal()
    disabled: list[tuple[str, str]] = []

    async def on_disable(subscription_id: str, reason: str) -> None:
        disabled.append((subscription_id, reason))

    settings = fast_settings(retry_schedule=",".join(["0.05"] * 50), disable_after_failing_s=0.3)
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [503] * 100)
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}, settings, on_disable=on_disable) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            await wait_until(lambda: bool(disabled), what="the endpoint to be disabled")
            await wait_until(lambda: bool(finished(journal)), what="the message to be dead-lettered")
    assert disabled == [(sub.subscription_id, "endpoint_failing")]
    assert 3 <= len(events_of(journal, DeliveryAttempted)) < 50
    assert finished(journal)[0].reason == "endpoint_failing"


async def test_a_full_queue_dead_letters_instead_of_blocking_the_caller() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [Reply(200, hang_s=30)])
        sub = subscription(receiver.url("/hook"))
        settings, registry = fast_settings(queue_limit=2, attempt_timeout_s=60), CollectorRegistry()
        async with running(journal, {sub.subscription_id: sub}, settings, registry=registry) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            await receiver.wait_for_async(1)  # in flight, hanging
            await dispatcher.submit(sub, message(sub.subscription_id))  # waits in the queue
            await dispatcher.submit(sub, message(sub.subscription_id))  # no room
            assert [(f.outcome, f.reason) for f in finished(journal)] == [("dead_lettered", "queue_full")]
            assert registry.get_sample_value("sitmon_webhook_queue_depth") == 2
            assert registry.get_sample_value("sitmon_webhook_queue_depth_max") == 2


async def test_connect_time_guard_refuses_a_host_that_now_resolves_to_a_private_address() -> None:
    journal = MemoryJournal()

    async def rebound(host: str, port: int) -> Sequence[IPAddress]:
        return [ip_address("10.0.0.7")]

    sub = subscription("https://hooks.example.net/in")
    async with running(journal, {sub.subscription_id: sub}, fast_settings(), resolver=rebound) as dispatcher:
        await dispatcher.submit(sub, message(sub.subscription_id))
        await wait_until(lambda: bool(finished(journal)), what="the refusal")
    (attempt,) = events_of(journal, DeliveryAttempted)
    assert (attempt.reason, attempt.status_code) == ("refused_address", None)
    assert "resolves to 10.0.0.7, which is private" in journal.dead_letters[0].reason


async def test_the_connection_goes_to_the_checked_address_with_the_original_host_header() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        resolved: list[str] = []

        async def resolver(host: str, port: int) -> Sequence[IPAddress]:
            resolved.append(host)
            return [ip_address("127.0.0.1")]

        sub = subscription(f"http://hooks.example.net:{receiver.port}/in")
        async with running(journal, {sub.subscription_id: sub}, resolver=resolver) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            (arrival,) = await receiver.wait_for_async(1)
    assert resolved == ["hooks.example.net"]
    assert arrival.headers["host"] == f"hooks.example.net:{receiver.port}" and arrival.verified


async def test_loopback_is_refused_at_connect_time_unless_allow_listed() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        sub = subscription(receiver.url("/hook"))
        async with running(journal, {sub.subscription_id: sub}, fast_settings(allowed_networks="")) as dispatcher:
            await dispatcher.submit(sub, message(sub.subscription_id))
            await wait_until(lambda: bool(finished(journal)), what="the refusal")
        assert receiver.received() == []
    assert finished(journal)[0].reason == "refused_address"


async def test_recovery_delivers_what_was_requested_but_never_finished_with_the_same_webhook_id() -> None:
    journal = MemoryJournal()
    with WebhookReceiver(SECRET) as receiver:
        receiver.script("/hook", [503])
        sub = subscription(receiver.url("/hook"))
        subs = {sub.subscription_id: sub}
        first, second = message(sub.subscription_id), message(sub.subscription_id)
        async with running(journal, subs, fast_settings(retry_schedule="1,1")) as dispatcher:
            await dispatcher.submit(sub, first)
            await wait_until(lambda: bool(events_of(journal, DeliveryAttempted)), what="one failed attempt")
        async with httpx.AsyncClient() as client:  # requested, never started: "killed" before any attempt
            await Dispatcher(journal, client, subs.get, fast_settings()).submit(sub, second)
        async with running(journal, subs, fast_settings()) as restarted:  # a new process, same log
            assert await restarted.recover() == 2
            await wait_until(lambda: len(finished(journal)) == 2, what="both delivered after restart")
        arrivals = {a.webhook_id: a for a in receiver.received()[1:]}
        # the first message's retry keeps the due time recorded before the restart (1 s ± 20 %)
        assert arrivals[first.message_id].arrived_at - receiver.received()[0].arrived_at >= 0.75
        ids = [a.webhook_id for a in receiver.received()]
    assert sorted(ids) == sorted([first.message_id, first.message_id, second.message_id])
    attempts = {(a.message_id, a.attempt) for a in events_of(journal, DeliveryAttempted)}
    assert (first.message_id, 2) in attempts  # the attempt count continued from the log
