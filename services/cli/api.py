"""`sitmon api`: the composition root of the HTTP API.

Wires the app factory (services/api, which imports only the contract) to Kafka and to the
SSRF guard from alerts/delivery, then serves it with uvicorn. With neither SITMON_API_TOKEN nor
a named token on the tokens topic it refuses to start (exit 2): nobody could use it.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import typer
from prometheus_client import CollectorRegistry, Gauge
from pydantic import ValidationError

from netguard.ssrf import Network, check_url, parse_allowed_networks
from services.api.kafka_log import KafkaEventLog
from services.api.live_log import LiveEventLog
from services.api.settings import ApiSettings
from services.cli.ingest import extract_article
from services.errors import BadInput
from services.extraction.extractor import EXTRACTOR_VERSION
from services.feeds.desk import KafkaFeedDesk
from services.feeds.settings import PollSettings
from services.ingest.metrics import IngestMetrics
from services.ingest.pipeline import ExtractionStep
from services.ingest.push import PushIntake
from services.kafka.producer import EventProducer
from services.keyring_source import KeySettings, KeysFromSettings
from services.subscription_writer import SubscriptionWriter


def _now() -> datetime:
    return datetime.now(UTC)


def load_settings() -> ApiSettings:
    try:
        settings = ApiSettings()
        parse_allowed_networks(settings.webhook_allowed_networks)  # refuse a bad CIDR before serving
    except (ValidationError, ValueError) as exc:
        raise BadInput(f"API settings: {str(exc).splitlines()[0]}") from exc
    return settings


def _env_token(settings: ApiSettings) -> str | None:
    return settings.api_token.get_secret_value() if settings.api_token is not None else None


async def _require_some_token(settings: ApiSettings, log: KafkaEventLog) -> None:
    if not _env_token(settings) and not await log.api_tokens():
        raise BadInput(
            "no API token: set SITMON_API_TOKEN (one admin token) or create one with "
            "`sitmon tokens create NAME --scope admin`"
        )


async def _serve(settings: ApiSettings, host: str, port: int) -> None:
    networks = parse_allowed_networks(settings.webhook_allowed_networks)
    keys = KeysFromSettings(KeySettings(), "sitmon api")  # no key: one line, exit 2
    writer = SubscriptionWriter(settings.kafka_bootstrap, settings.catalogue(), keys, _now)
    # reads answer from a read model a consumer keeps current (no replay per request)
    log = LiveEventLog(settings.kafka_bootstrap, settings.catalogue(), writer)
    await log.start()
    try:
        await _require_some_token(settings, log)
        await writer.verify_keys()  # a wrong key: one line, exit 2, before serving
        async with EventProducer(settings.kafka_bootstrap, source="/sitmon/api") as producer:
            await _serve_with(settings, host, port, log, networks, producer)
    finally:
        await log.stop()


async def _serve_with(
    settings: ApiSettings,
    host: str,
    port: int,
    log: LiveEventLog,
    networks: tuple[Network, ...],
    producer: EventProducer,
) -> None:
    # FastAPI and uvicorn are imported here, not at the top: every other `sitmon` command
    # would otherwise pay their ~0.25 s import at start-up.
    import uvicorn

    from services.api.app import create_app
    from services.api.deps import ApiDeps
    from services.api.situation_metrics import SituationCollector
    from services.extraction.region.seed import load_seed

    registry = CollectorRegistry()
    intake = PushIntake(
        producer=producer,
        catalogue=settings.catalogue(),
        extraction=ExtractionStep(extract_article, EXTRACTOR_VERSION),
        clock=_now,
        metrics=IngestMetrics.on(registry),  # pushed articles whose extraction failed, on /metrics
    )
    desk = KafkaFeedDesk(settings.kafka_bootstrap, settings.catalogue(), PollSettings().allowed_networks(), _now)
    # the picture itself on /metrics, from the read model; regions outside the gazetteer fold into `other`
    registry.register(SituationCollector(log.model, load_seed().regions))
    # how far the read model has got: the derived views answer from it as it stands
    Gauge(
        "sitmon_api_read_model_records",
        "Records the API's read model has applied since it started",
        registry=registry,
    ).set_function(lambda: log.records_applied)
    deps = ApiDeps(
        log=log,
        check_url=lambda url: check_url(url, networks),
        token=_env_token(settings) or None,
        clock=_now,
        registry=registry,
        articles=intake,
        feeds=desk,
    )
    server = uvicorn.Server(uvicorn.Config(create_app(deps), host=host, port=port, log_level="warning"))
    await server.serve()


def api(
    host: str | None = typer.Option(None, "--host", help="address to listen on (default SITMON_API_HOST, 127.0.0.1)"),
    port: int | None = typer.Option(None, "--port", help="port (default SITMON_API_PORT, 8080)"),
) -> None:
    """Serve the HTTP API: subscriptions, silences, situation, deliveries, /healthz, /metrics, /docs."""
    settings = load_settings()
    asyncio.run(_serve(settings, host or settings.api_host, port if port is not None else settings.api_port))


def register(app: typer.Typer) -> None:
    app.command("api")(api)
