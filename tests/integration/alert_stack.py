"""Helpers for alert integration tests: publish contract events, run the alert stack in-process."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
from prometheus_client import CollectorRegistry

from alerts.delivery.settings import DeliverySettings
from alerts.service import AlertService
from alerts.settings import AlertsSettings
from netguard.ssrf import check_url, parse_allowed_networks
from services.api.app import create_app
from services.api.deps import ApiDeps
from services.api.live_log import LiveEventLog
from services.cli.alerts import build_stack
from services.keyring_source import KeySettings
from services.subscription_writer import SubscriptionWriter
from streams import subscriptions as subs
from streams.envelope import encode
from streams.events import Event
from streams.sealing import Keyring
from streams.situation import Cause, CeasefirePicture, FigureRef, SituationChanged, Tally
from streams.subscription_commands import Applied, SubscriptionCommand
from streams.topics import Catalogue
from tests.kafka_helpers import produce

NK = "nagorno-karabakh"
SENTENCE = "At least 32 people were killed in the shelling of Stepanakert, the health ministry said."
CEASEFIRE_SENTENCE = "Armenia and Azerbaijan agreed to a ceasefire brokered by Russia."

# the keys the tests seal signing secrets with: made per run, handed to every service they start
TEST_KEYRING = Keyring.generate()
TEST_KEYS = TEST_KEYRING.serialise().strip()
KEY_ENV = {"SITMON_SECRET_KEYS": TEST_KEYS}


def writer(bootstrap: str, catalogue: Catalogue, keyring: Keyring = TEST_KEYRING) -> SubscriptionWriter:
    return SubscriptionWriter(bootstrap, catalogue, keyring, lambda: datetime.now(UTC))


async def store_subscription(
    bootstrap: str, catalogue: Catalogue, created: subs.SubscriptionCreated, keyring: Keyring = TEST_KEYRING
) -> subs.Subscription:
    """Subscribe as the API and CLI do: through the single writer, the secret sealed on the topic."""
    sub = created.subscription
    command = SubscriptionCommand(action="create", subscription_id=sub.subscription_id, actor="test", new=sub)
    decision = await writer(bootstrap, catalogue, keyring).submit(command)
    assert isinstance(decision, Applied), decision
    return decision.subscription


def fast_settings(bootstrap: str, catalogue: Catalogue, **overrides: object) -> AlertsSettings:
    values: dict[str, object] = {
        "kafka_bootstrap": bootstrap,
        "topic_prefix": catalogue.prefix,
        "alerts_group_wait": 0.0,
        "alerts_group_interval": 0.2,
        "alerts_repeat_interval": 3600.0,
        "alerts_keep_firing_for": 0.0,
        "alerts_evaluation_interval": 0.05,
    }
    return AlertsSettings(**(values | overrides))  # type: ignore[arg-type]


def fast_delivery() -> DeliverySettings:
    return DeliverySettings(
        allowed_networks="127.0.0.0/8", retry_schedule="0.05,0.1,0.2", throttle_min_wait_s=0.05, retry_jitter=0.0
    )


@contextlib.asynccontextmanager
async def api_client(
    bootstrap: str, catalogue: Catalogue, token: str, allowed_networks: str = "127.0.0.0/8"
) -> AsyncIterator[httpx.AsyncClient]:
    """The real API app on the real broker, called in-process (same event loop as the test), reading
    from the read model its live event log keeps current — as `sitmon api` does."""
    async with live_api(bootstrap, catalogue, token, allowed_networks) as (client, _):
        yield client


@contextlib.asynccontextmanager
async def live_api(
    bootstrap: str, catalogue: Catalogue, token: str, allowed_networks: str = "127.0.0.0/8"
) -> AsyncIterator[tuple[httpx.AsyncClient, LiveEventLog]]:
    """`api_client` and the live event log behind it (whose work a test can count)."""
    log = LiveEventLog(bootstrap, catalogue, writer(bootstrap, catalogue))
    await log.start()
    networks = parse_allowed_networks(allowed_networks)
    deps = ApiDeps(
        log=log,
        check_url=lambda url: check_url(url, networks),
        token=token,
        clock=lambda: datetime.now(UTC),
        registry=CollectorRegistry(),
    )
    transport = httpx.ASGITransport(app=create_app(deps))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://sitmon-api") as client:
            yield client, log
    finally:
        await log.stop()


@contextlib.asynccontextmanager
async def running_alerts(
    settings: AlertsSettings, registry: CollectorRegistry | None = None, keys: KeySettings | None = None
) -> AsyncIterator[AlertService]:
    key_settings = keys or KeySettings(secret_keys=TEST_KEYS)  # type: ignore[arg-type]
    stack = await build_stack(settings, fast_delivery(), registry or CollectorRegistry(), key_settings)
    stop = asyncio.Event()
    task = asyncio.create_task(stack.service.run(stop))
    try:
        ready = asyncio.create_task(stack.service.ready.wait())
        done, _ = await asyncio.wait({task, ready}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()  # raises the start-up failure
        assert ready in done, "the alert service did not become ready within 30 s"
        yield stack.service
    finally:
        stop.set()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 10)
        await stack.close()


async def publish(bootstrap: str, topic: str, key: str, *events: Event) -> None:
    await produce(bootstrap, topic, [(key.encode(), encode(e, subject=key), None) for e in events])


def killed(best: int, *, sources: int = 1, window: str = "24h", sentence: str = SENTENCE) -> Tally:
    outlets = ["Reuters", "AP", "AFP"][:sources]
    return Tally(
        outcome="killed",
        window=window,  # type: ignore[arg-type]
        low=best,
        best=best,
        high=best,
        sources=sources,
        figures=tuple(
            FigureRef(article_id=f"art-{i}", outlet=o, count=best, published_at=datetime.now(UTC), sentence=sentence)
            for i, o in enumerate(outlets)
        ),
    )


def snapshot(*tallies: Tally, sequence: int = 1, ceasefire: str = "none", region: str = NK) -> SituationChanged:
    now = datetime.now(UTC)
    return SituationChanged(
        event_id=f"sit-{region}-{sequence}-{now.timestamp()}",
        occurred_at=now,
        region=region,
        as_of=now,
        sequence=sequence,
        casualties=tallies,
        ceasefire=CeasefirePicture(
            status=ceasefire,  # type: ignore[arg-type]
            since=now if ceasefire != "none" else None,
            parties=("Armenia", "Azerbaijan") if ceasefire != "none" else (),
            mediators=("Russia",) if ceasefire != "none" else (),
            evidence=CEASEFIRE_SENTENCE if ceasefire != "none" else None,
        ),
        cause=Cause(event_id=f"rep-{sequence}", article_id=f"art-{sequence}", published_at=now),
    )
