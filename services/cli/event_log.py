"""The one-shot commands' way to the deployment's log (SITMON_KAFKA_BOOTSTRAP, SITMON_TOPIC_PREFIX).

`sitmon subscriptions`, `sitmon tokens` and `sitmon keys` talk to Kafka directly, so they work
whether or not `sitmon api` runs: a read replays a topic (`KafkaEventLog`), a subscription
change goes through the topic's single writer, and every admin action leaves an audit event.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from services.api.kafka_log import KafkaEventLog
from services.settings import KafkaSettings
from services.subscription_writer import SubscriptionWriter
from streams.access import audit_record
from streams.sealing import Keyring

T = TypeVar("T")


async def using_log(work: Callable[[KafkaEventLog], Awaitable[T]]) -> T:
    """Await `work` with the deployment's event log, closed after it whatever happens."""
    settings = KafkaSettings()
    log = KafkaEventLog(settings.kafka_bootstrap, settings.catalogue())
    try:
        return await work(log)
    finally:
        await log.stop()


def run_with_log(work: Callable[[KafkaEventLog], Awaitable[T]]) -> T:
    """`using_log` for a command: its own event loop."""
    return asyncio.run(using_log(work))


async def record_admin_action(log: KafkaEventLog, actor: str, action: str, target: str) -> None:
    await log.record_audit(audit_record(actor, action, target, datetime.now(UTC)))


def subscription_writer(keyring: Keyring) -> SubscriptionWriter:
    """The subscriptions topic's single writer, sealing secrets under `keyring`."""
    settings = KafkaSettings()
    return SubscriptionWriter(settings.kafka_bootstrap, settings.catalogue(), keyring, lambda: datetime.now(UTC))
