"""`sitmon alerts`: the composition root of the alerting service and its webhook delivery.

Builds the settings, rules, metrics registry, engine and D1's dispatcher, wires them, and
runs until SIGINT/SIGTERM. Bad settings or rules exit 2 with one line; an unreachable
broker exits 1.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import typer
from prometheus_client import CollectorRegistry, start_http_server
from pydantic import ValidationError

from alerts.engine import AlertEngine
from alerts.errors import AlertsError
from alerts.metrics import AlertMetrics
from alerts.rules.errors import RulesInvalid
from alerts.rules.load import load_rules
from alerts.service import AlertService
from alerts.settings import AlertsSettings
from services.errors import BadInput, SitmonError
from services.keyring_source import KeySettings, KeysFromSettings
from services.subscription_writer import SubscriptionWriter
from streams.subscription_commands import Decision, SubscriptionCommand

if TYPE_CHECKING:
    from alerts.delivery.settings import DeliverySettings


def _now() -> datetime:
    return datetime.now(UTC)


def _settings(rules: Path | None) -> tuple[AlertsSettings, DeliverySettings]:
    from alerts.delivery.settings import DeliverySettings

    try:
        settings = AlertsSettings()
        delivery = DeliverySettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise BadInput(f"setting SITMON_{where.upper()}: {first.get('msg')}") from exc
    if rules is not None:
        settings = settings.model_copy(update={"rules_path": rules})
    return settings, delivery


@dataclass
class AlertStack:
    """The wired service and what must be closed after it stops."""

    service: AlertService
    close: Callable[[], Awaitable[None]]


async def build_stack(
    settings: AlertsSettings, delivery: DeliverySettings, registry: CollectorRegistry, key_settings: KeySettings
) -> AlertStack:
    # delivery is imported here, not at module level: `sitmon --help` need not load httpx & co
    from alerts.delivery.dispatcher import Dispatcher
    from alerts.delivery.journal import KafkaJournal
    from alerts.delivery.sender import build_client

    try:
        rules = load_rules(settings.rules_path)
    except RulesInvalid as exc:
        raise BadInput(str(exc)) from exc
    keys = KeysFromSettings(key_settings, "sitmon alerts")  # no key: one line, exit 2, before anything connects
    engine = AlertEngine(rules=rules, lifecycle=settings.lifecycle())
    journal = await KafkaJournal.connect(settings.kafka_bootstrap, settings.catalogue())
    client = build_client()
    holder: list[AlertService] = []

    async def on_disable(subscription_id: str, reason: str) -> None:
        for service in holder:
            await service.disable_subscription(subscription_id, reason)

    # a lambda, not `engine.subscriptions.get`: the fold replaces the mapping on every change
    dispatcher = Dispatcher(
        journal,
        client,
        lambda sub_id: engine.subscriptions.get(sub_id),
        delivery,
        registry=registry,
        on_disable=on_disable,
        clock=_now,
    )

    async def submit(command: SubscriptionCommand) -> Decision:
        writer = SubscriptionWriter(settings.kafka_bootstrap, settings.catalogue(), keys, _now)
        return await writer.submit(command)

    holder.append(AlertService(settings, engine, dispatcher, AlertMetrics(registry), _now, keys, submit))

    async def close() -> None:
        await client.aclose()
        await journal.close()

    return AlertStack(holder[0], close)


async def serve(settings: AlertsSettings, delivery: DeliverySettings, registry: CollectorRegistry) -> None:
    stack = await build_stack(settings, delivery, registry, KeySettings())
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await run_until_stopped(stack.service, stop)
    finally:
        await stack.close()


class StoppableService(Protocol):
    ready: asyncio.Event

    async def run(self, stop: asyncio.Event) -> None: ...


async def run_until_stopped(service: StoppableService, stop: asyncio.Event) -> None:
    """Run the service; a stop during start-up cancels the start-up instead of waiting it out.

    The service looks at `stop` only once ready, and start-up (rebuild, consumer-group join,
    backlog) can take a minute on a loaded machine: a SIGTERM then went unanswered. Cancelling
    start-up is no worse than a crash at that point, which a restart recovers from by rebuilding
    and by the delivery journal's recovery.
    """
    running = asyncio.create_task(service.run(stop))
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({running, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if not running.done() and not service.ready.is_set():
            running.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await running
        else:
            await running  # ready: the loop sees `stop` and returns, or the service failed
    finally:
        stopped.cancel()


def alerts(
    rules: Path | None = typer.Option(None, "--rules", help="rules YAML (default: seeds/rules.yaml)"),
    metrics_port: int | None = typer.Option(None, "--metrics-port", help="serve Prometheus /metrics on this port"),
) -> None:
    """Run the alerting service: rules, lifecycle, silences, dedup, and signed webhook delivery."""
    settings, delivery = _settings(rules)
    registry = CollectorRegistry()
    port = metrics_port if metrics_port is not None else settings.alerts_metrics_port
    if port is not None:
        start_http_server(port, addr=settings.alerts_metrics_host, registry=registry)
    try:
        asyncio.run(serve(settings, delivery, registry))
    except AlertsError as exc:
        raise SitmonError(str(exc)) from exc


def register(app: typer.Typer) -> None:
    app.command("alerts")(alerts)
