"""`sitmon subscribe URL …` and `sitmon subscriptions list|show|pause|resume|rotate|delete`.

These talk to Kafka directly — publish subscription events, fold the compacted topic — so
they work whether or not `sitmon api` runs. The URL passes the same SSRF guard as the API
(SITMON_WEBHOOK_ALLOWED_NETWORKS allow-lists ranges such as 127.0.0.0/8 for demos).
The signing secret is printed once, by `subscribe` and `rotate`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Column, Table

from alerts.errors import UnsafeWebhookUrl
from netguard.ssrf import check_url, parse_allowed_networks
from services.api.kafka_log import KafkaEventLog
from services.api.schemas import SubscriptionOut
from services.api.settings import ApiSettings
from services.errors import BadInput
from streams import subscriptions as subs
from streams.subscriptions import Subscription

console = Console(highlight=False)
subscriptions_app = typer.Typer(help="Manage webhook subscriptions (events on the subscriptions topic).")
T = TypeVar("T")


def _run(work: Callable[[KafkaEventLog], Awaitable[T]]) -> T:
    settings = ApiSettings()

    async def go() -> T:
        log = KafkaEventLog(settings.kafka_bootstrap, settings.catalogue())
        try:
            return await work(log)
        finally:
            await log.stop()

    return asyncio.run(go())


def _thresholds(pairs: list[str]) -> dict[str, int]:
    parsed: dict[str, int] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not value.strip().isdigit():
            raise BadInput(f"--threshold {pair!r}: expected WINDOW.LEVEL=COUNT, e.g. 24h.orange=50")
        parsed[key.strip()] = int(value)
    return parsed


def subscribe(
    url: str = typer.Argument(..., help="the webhook endpoint (http or https)"),
    region: list[str] = typer.Option([], "--region", help="only this region (repeatable; default: all)"),
    kind: list[str] = typer.Option([], "--kind", help="casualties or ceasefire (repeatable; default: both)"),
    min_level: str = typer.Option("info", "--min-level", help="info, yellow, orange or red"),
    send_resolved: bool = typer.Option(True, "--send-resolved/--no-send-resolved", help="notify on resolution"),
    threshold: list[str] = typer.Option([], "--threshold", help="override a tier, e.g. 24h.orange=50"),
) -> None:
    """Subscribe a webhook; prints the subscription id and its whsec_ signing secret (shown once)."""
    networks = parse_allowed_networks(ApiSettings().webhook_allowed_networks)
    try:
        check_url(url, networks)
    except UnsafeWebhookUrl as exc:
        raise BadInput(str(exc)) from exc
    try:
        event = subs.create(
            url=url,
            now=datetime.now(UTC),
            regions=region,
            kinds=kind,  # type: ignore[arg-type]  # validated by the model just below
            min_level=min_level,  # type: ignore[arg-type]
            thresholds=_thresholds(threshold),
            send_resolved=send_resolved,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise BadInput(f"{where}: {str(first.get('msg')).removeprefix('Value error, ')}") from exc

    async def publish(log: KafkaEventLog) -> None:
        await log.publish_subscription(event)

    _run(publish)
    sub = event.subscription
    console.print(f"subscription {sub.subscription_id}")
    console.print(f"secret {sub.secrets[0].secret}")
    console.print("Store the secret now: it is not shown again (verify webhooks with it).", style="dim")


def _get(subscription_id: str) -> Callable[[KafkaEventLog], Awaitable[Subscription]]:
    async def get(log: KafkaEventLog) -> Subscription:
        found = (await log.subscriptions()).get(subscription_id)
        if found is None:
            raise BadInput(f"no subscription {subscription_id!r}; `sitmon subscriptions list` shows them")
        return found

    return get


@subscriptions_app.command("list")
def list_subscriptions(as_json: bool = typer.Option(False, "--json", help="one JSON object per line")) -> None:
    """Every subscription, oldest first (secrets are never shown)."""

    async def fold(log: KafkaEventLog) -> dict[str, Subscription]:
        return await log.subscriptions()

    found = sorted(_run(fold).values(), key=lambda s: s.created_at)
    if as_json:
        for sub in found:
            typer.echo(SubscriptionOut.of(sub).model_dump_json())
        return
    table = Table("state", "regions", "kinds", "min level", "resolved", "host")
    table.columns.insert(0, Column("id", no_wrap=True, min_width=20))  # ids are for copying: never cut
    for sub in found:
        host = sub.url.split("/")[2] if "//" in sub.url else "?"  # never the full URL: it may carry a token
        table.add_row(
            sub.subscription_id,
            sub.state + (f" ({sub.state_reason})" if sub.state_reason else ""),
            ", ".join(sub.regions) or "all",
            ", ".join(sub.kinds) or "all",
            sub.min_level,
            "yes" if sub.send_resolved else "no",
            host,
        )
    console.print(table)


@subscriptions_app.command()
def show(subscription_id: str) -> None:
    """One subscription as JSON (without secret values)."""
    sub = _run(_get(subscription_id))
    typer.echo(json.dumps(SubscriptionOut.of(sub).model_dump(mode="json"), indent=2))


def _change(subscription_id: str, make: Callable[[Subscription, datetime], subs.AnySubscriptionEvent]) -> Subscription:
    async def apply(log: KafkaEventLog) -> Subscription:
        sub = await _get(subscription_id)(log)
        event = make(sub, datetime.now(UTC))
        await log.publish_subscription(event)
        return event.subscription

    return _run(apply)


@subscriptions_app.command()
def pause(subscription_id: str) -> None:
    """Stop notifications (alerts are still decided and recorded)."""
    _change(subscription_id, subs.pause)
    console.print(f"{subscription_id} paused")


@subscriptions_app.command()
def resume(subscription_id: str) -> None:
    """Notify again, from paused or disabled."""
    _change(subscription_id, subs.resume)
    console.print(f"{subscription_id} active")


@subscriptions_app.command()
def rotate(subscription_id: str) -> None:
    """A new signing secret, printed once; the old one stays valid for 24 hours."""
    sub = _change(subscription_id, lambda s, now: subs.rotate_secret(s, now))
    console.print(f"secret {sub.secrets[0].secret}")
    console.print("The previous secret keeps signing alongside it for 24 hours.", style="dim")


@subscriptions_app.command()
def delete(subscription_id: str) -> None:
    """Delete the subscription (a Deleted event, then a tombstone for compaction)."""
    _change(subscription_id, subs.delete)
    console.print(f"{subscription_id} deleted")


def register(app: typer.Typer) -> None:
    app.command("subscribe")(subscribe)
    app.add_typer(subscriptions_app, name="subscriptions")
