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
import time
import uuid
import weakref
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import IllegalOperation, KafkaError, ProducerFenced

from services.api.kafka_log import decode_or_none
from services.errors import SitmonError
from services.kafka.topic_read import read_all
from services.kafka.visibility import last_offsets, readable
from streams import subscriptions as subs
from streams.envelope import encode
from streams.errors import SealingError, UnknownSealingKey
from streams.events import stable_id
from streams.sealing import Keyring, KeySource, open_event, open_subscription, seal_event
from streams.subscription_commands import Applied, Decision, SubscriptionCommand, audit_of, decide
from streams.topics import Catalogue

SOURCE = "/sitmon/subscriptions"
SUBMIT_TIMEOUT_S = 60.0
VISIBLE_TIMEOUT_S = 15.0  # how long a committed change may take to become readable before the attempt is retried


class SubscriptionWriter:
    def __init__(
        self, bootstrap: str, catalogue: Catalogue, keys: Keyring | KeySource, clock: Callable[[], datetime]
    ) -> None:
        self.bootstrap = bootstrap
        self.catalogue = catalogue
        self._keys: KeySource = _fixed(keys) if isinstance(keys, Keyring) else keys
        self.clock = clock
        self.transactional_id = f"{catalogue.prefix}sitmon.subscriptions.writer"

    async def submit(self, command: SubscriptionCommand) -> Decision:
        """Decide and write, starting again whenever another writer overtook this one.

        Being overtaken shows as ProducerFenced, or as another Kafka error of a producer that was
        fenced mid-transaction — and a commit can succeed even though its reply was an error. So
        every attempt's event carries an id made from this submission: the next attempt, which
        reads only after registering (and so after any earlier transaction of ours completed),
        recognises its own write as the latest event and reports it applied, never as stale.
        """
        _quiet_fencing(asyncio.get_running_loop())
        submission = uuid.uuid4().hex
        deadline = time.monotonic() + SUBMIT_TIMEOUT_S
        attempt = 0
        reloaded = False
        while True:
            try:
                remaining = max(deadline - time.monotonic(), 0.1)
                return await asyncio.wait_for(self._attempt(command, submission), remaining)
            except UnknownSealingKey:
                if reloaded:
                    raise
                self._keys(reload=True)  # sealed under a key added since start (`sitmon keys rotate`)
                reloaded = True
            # a producer fenced mid-transaction raises IllegalOperation on its next send: not a KafkaError
            except (KafkaError, IllegalOperation, OSError, TimeoutError) as exc:
                attempt += 1
                if time.monotonic() >= deadline:
                    reason = str(exc) or type(exc).__name__
                    raise SitmonError(f"cannot write subscription {command.subscription_id}: {reason}") from exc
                await asyncio.sleep(random.uniform(0.01, 0.05) * min(attempt, 10))

    async def current(self) -> dict[str, subs.Subscription]:
        """The subscriptions as stored (secrets sealed), read to the topic's end."""
        latest = await self._latest_events()
        return {
            sub_id: event.subscription
            for sub_id, event in latest.items()
            if not isinstance(event, subs.SubscriptionDeleted)
        }

    async def _latest_events(self) -> dict[str, subs.AnySubscriptionEvent]:
        """The latest event of every subscription, a Deleted one included until its tombstone."""
        latest: dict[str, subs.AnySubscriptionEvent] = {}
        for record in await read_all(self.bootstrap, self.catalogue.subscriptions.name):
            if record.value is None:
                if record.key is not None:
                    latest.pop(record.key.decode("utf-8", errors="replace"), None)
            elif isinstance(event := decode_or_none(record), subs.SubscriptionEvent):
                latest[event.subscription.subscription_id] = event
        return latest

    @property
    def keyring(self) -> Keyring:
        return self._keys()

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

    async def _attempt(self, command: SubscriptionCommand, submission: str) -> Decision:
        producer = AIOKafkaProducer(
            bootstrap_servers=self.bootstrap,
            transactional_id=self.transactional_id,
            enable_idempotence=True,
            acks="all",
        )
        await producer.start()  # registers the transactional id: every earlier writer is fenced from here on
        try:
            event_id = stable_id("subscription", command.subscription_id, "submission", submission)
            latest = (await self._latest_events()).get(command.subscription_id)
            if latest is not None and latest.event_id == event_id:
                return Applied(open_event(latest, self.keyring))  # an earlier attempt's commit went through
            now = self.clock()
            exists = latest is not None and not isinstance(latest, subs.SubscriptionDeleted)
            decision = decide(latest.subscription if exists and latest is not None else None, command, now)
            if isinstance(decision, Applied):
                decision = Applied(decision.event.model_copy(update={"event_id": event_id}))
            topic = self.catalogue.subscriptions.name
            key = command.subscription_id.encode()
            written = None
            async with producer.transaction():
                if isinstance(decision, Applied):
                    sealed = seal_event(decision.event, self.keyring)
                    value = encode(sealed, subject=command.subscription_id, source=SOURCE)
                    written = await producer.send(topic, key=key, value=value)
                    if isinstance(sealed, subs.SubscriptionDeleted):
                        await producer.send(topic, key=key, value=None)  # the tombstone compaction keeps
                    decision = Applied(open_event(sealed, self.keyring))
                audit = audit_of(command, decision, now).model_copy(update={"event_id": f"audit-{submission}"})
                value = encode(audit, subject=audit.actor, source=SOURCE)
                await producer.send(self.catalogue.audit.name, key=audit.actor.encode(), value=value)
            if written is not None:
                # The broker writes a transaction's commit markers just after the commit returns; until
                # then read_committed readers (the API's read model, the alerting service) stop before the
                # change. Answering only once it is readable keeps "a read sees every acknowledged write".
                await readable(self.bootstrap, last_offsets([await written]), VISIBLE_TIMEOUT_S)
            return decision
        finally:
            with contextlib.suppress(Exception):
                await producer.stop()


def _fixed(keyring: Keyring) -> KeySource:
    def keys(reload: bool = False) -> Keyring:
        return keyring

    return keys


_quiet_loops: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()


def _quiet_fencing(loop: asyncio.AbstractEventLoop) -> None:
    """Being fenced is expected here (the writer starts again), but aiokafka leaves ProducerFenced in
    futures nobody awaits, and asyncio would print each as "exception was never retrieved" with a
    traceback — noise in a one-line CLI and in service logs. Only that exception is dropped."""
    if loop in _quiet_loops:
        return
    previous = loop.get_exception_handler()

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if isinstance(context.get("exception"), ProducerFenced):
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)
    _quiet_loops.add(loop)
