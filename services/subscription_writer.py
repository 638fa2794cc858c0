"""The one writer of the subscriptions topic: commands in, versions checked, secrets sealed.

Kafka has no compare-and-set, but it has fencing: every writer — an API request, a CLI
command, the alerting service disabling an endpoint — registers the same transactional id.
Registering it fences every earlier holder (their later writes fail with ProducerFenced) and
completes or aborts any transaction they left open. Only then does the writer read the topic
to its end (read_committed), decide on the command against the current version
(streams/subscription_commands.py), and write the event, its audit record and, for a delete,
the tombstone in one transaction. So at any moment only the latest registrant can write, and
it decided on a state nobody can have changed since it read it: a writer that was overtaken
fails, starts again on the new state, and a stale command is then rejected with its reason.
No extra service runs for this, so the CLI works with Kafka alone.

Before anything reaches the topic every secret is (re)sealed under the keyring's newest key.
The decision handed back carries secrets opened, for the caller to reveal a new one once.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Callable
from datetime import datetime

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError, ProducerFenced

from services.api.kafka_log import decode_or_none, read_topic
from services.errors import SitmonError
from streams import subscriptions as subs
from streams.envelope import encode
from streams.errors import SealingError
from streams.sealing import Keyring, open_event, open_subscription, seal_event
from streams.subscription_commands import Applied, Decision, SubscriptionCommand, audit_of, decide
from streams.topics import Catalogue

SOURCE = "/sitmon/subscriptions"
ATTEMPTS = 20
ATTEMPT_TIMEOUT_S = 30.0


class SubscriptionWriter:
    def __init__(self, bootstrap: str, catalogue: Catalogue, keyring: Keyring, clock: Callable[[], datetime]) -> None:
        self.bootstrap = bootstrap
        self.catalogue = catalogue
        self.keyring = keyring
        self.clock = clock
        self.transactional_id = f"{catalogue.prefix}sitmon.subscriptions.writer"

    async def submit(self, command: SubscriptionCommand) -> Decision:
        for attempt in range(ATTEMPTS):
            try:
                return await asyncio.wait_for(self._attempt(command), ATTEMPT_TIMEOUT_S)
            except ProducerFenced:
                # another writer registered after this one: start again on what it wrote
                await asyncio.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
            except (KafkaError, OSError, TimeoutError) as exc:
                raise SitmonError(f"cannot write subscription {command.subscription_id}: {exc}") from exc
        raise SitmonError(
            f"cannot write subscription {command.subscription_id}: other writers overtook it {ATTEMPTS} times"
        )

    async def current(self) -> dict[str, subs.Subscription]:
        """The subscriptions as stored (secrets sealed), read to the topic's end."""
        folded: dict[str, subs.Subscription] = {}
        for record in await read_topic(self.bootstrap, self.catalogue.subscriptions.name):
            if record.value is None:
                if record.key is not None:
                    folded = subs.apply_tombstone(folded, record.key.decode("utf-8", errors="replace"))
            elif isinstance(event := decode_or_none(record), subs.SubscriptionEvent):
                folded = subs.apply(folded, event)
        return folded

    async def verify_keys(self) -> int:
        """Open every stored secret once, so a wrong key stops a service at start, in one line.
        Returns how many subscriptions were checked."""
        stored = await self.current()
        failed: list[SealingError] = []
        for sub in stored.values():
            try:
                open_subscription(sub, self.keyring)
            except SealingError as exc:
                failed.append(exc)
        if failed:
            raise type(failed[0])(f"cannot open the signing secrets of {len(failed)} subscription(s): {failed[0]}")
        return len(stored)

    async def _attempt(self, command: SubscriptionCommand) -> Decision:
        producer = AIOKafkaProducer(
            bootstrap_servers=self.bootstrap,
            transactional_id=self.transactional_id,
            enable_idempotence=True,
            acks="all",
        )
        await producer.start()  # registers the transactional id: every earlier writer is fenced from here on
        try:
            current = (await self.current()).get(command.subscription_id)
            now = self.clock()
            decision = decide(current, command, now)
            topic = self.catalogue.subscriptions.name
            key = command.subscription_id.encode()
            async with producer.transaction():
                if isinstance(decision, Applied):
                    sealed = seal_event(decision.event, self.keyring)
                    await producer.send(
                        topic, key=key, value=encode(sealed, subject=command.subscription_id, source=SOURCE)
                    )
                    if isinstance(sealed, subs.SubscriptionDeleted):
                        await producer.send(topic, key=key, value=None)  # the tombstone compaction keeps
                    decision = Applied(open_event(sealed, self.keyring))
                audit = audit_of(command, decision, now)
                await producer.send(
                    self.catalogue.audit.name,
                    key=audit.actor.encode(),
                    value=encode(audit, subject=audit.actor, source=SOURCE),
                )
            return decision
        finally:
            with contextlib.suppress(Exception):
                await producer.stop()
