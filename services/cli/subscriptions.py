"""`sitmon subscribe URL …` and `sitmon subscriptions list|show|pause|resume|rotate|delete`.

These talk to Kafka directly — changes go through the subscriptions topic's single writer
(services/subscription_writer.py), reads fold the compacted topic — so they work whether or
not `sitmon api` runs. Changes need the secret keys (SITMON_SECRET_KEYS or
SITMON_SECRET_KEY_FILE); `--if-version N` makes a change conditional on the version you read,
and a stale one is refused in one line (exit 2). The URL passes the same SSRF guard as the API
(SITMON_WEBHOOK_ALLOWED_NETWORKS allow-lists ranges such as 127.0.0.0/8 for demos).
The signing secret is printed once, by `subscribe` and `rotate`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Column, Table

from alerts.errors import UnsafeWebhookUrl
from netguard.ssrf import check_url, parse_allowed_networks
from services.api.kafka_log import KafkaEventLog
from services.api.schemas import SubscriptionOut
from services.api.settings import ApiSettings
from services.cli.actor import cli_actor
from services.cli.event_log import run_with_log, subscription_writer
from services.errors import BadInput
from services.keyring_source import require_keyring
from streams import subscriptions as subs
from streams.subscription_commands import Action, Applied, Rejected, SubscriptionCommand, Unchanged
from streams.subscriptions import SigningSecret, Subscription

console = Console(highlight=False)
subscriptions_app = typer.Typer(help="Manage webhook subscriptions (events on the subscriptions topic).")


def _submit(command: SubscriptionCommand) -> Applied | Unchanged:
    """Hand the change to the single writer; a rejection (stale version, unknown id) is one line, exit 2."""
    keyring = require_keyring(f"sitmon {'subscribe' if command.action == 'create' else 'subscriptions'}")
    decision = asyncio.run(subscription_writer(keyring).submit(command))
    if isinstance(decision, Rejected):
        raise BadInput(decision.reason)
    return decision


IF_VERSION = typer.Option(None, "--if-version", help="change only if the subscription is still at this version")


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
    # every option is checked before anything touches the network (the URL check resolves its host)
    if min_level not in subs.LEVELS:
        raise BadInput(f"--min-level {min_level!r}: expected one of {', '.join(subs.LEVELS)}")
    for each in kind:
        if each not in ("casualties", "ceasefire"):
            raise BadInput(f"--kind {each!r}: expected casualties or ceasefire")
    try:
        new = subs.create(
            url=url,
            now=datetime.now(UTC),
            regions=region,
            kinds=kind,  # type: ignore[arg-type]  # checked just above
            min_level=min_level,
            thresholds=_thresholds(threshold),
            send_resolved=send_resolved,
        ).subscription
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise BadInput(f"{where}: {str(first.get('msg')).removeprefix('Value error, ')}") from exc
    networks = parse_allowed_networks(ApiSettings().webhook_allowed_networks)
    try:
        check_url(url, networks)
    except UnsafeWebhookUrl as exc:
        raise BadInput(str(exc)) from exc

    _submit(SubscriptionCommand(action="create", subscription_id=new.subscription_id, actor=cli_actor(), new=new))
    console.print(f"subscription {new.subscription_id}")
    console.print(f"secret {new.secrets[0].secret}")
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

    found = sorted(run_with_log(fold).values(), key=lambda s: s.created_at)
    if as_json:
        for sub in found:
            typer.echo(SubscriptionOut.of(sub).model_dump_json())
        return
    table = Table("version", "state", "regions", "kinds", "min level", "resolved", "host")
    table.columns.insert(0, Column("id", no_wrap=True, min_width=20))  # ids are for copying: never cut
    for sub in found:
        host = sub.url.split("/")[2] if "//" in sub.url else "?"  # never the full URL: it may carry a token
        table.add_row(
            sub.subscription_id,
            str(sub.version),
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
    sub = run_with_log(_get(subscription_id))
    typer.echo(json.dumps(SubscriptionOut.of(sub).model_dump(mode="json"), indent=2))


def _change(action: Action, subscription_id: str, if_version: int | None, **fields: object) -> Applied | Unchanged:
    command = SubscriptionCommand(
        action=action, subscription_id=subscription_id, actor=cli_actor(), expected_version=if_version, **fields
    )
    return _submit(command)


def _done(decision: Applied | Unchanged, verb: str) -> None:
    sub = decision.subscription
    note = f" ({decision.reason})" if isinstance(decision, Unchanged) else ""
    console.print(f"{sub.subscription_id} {verb}{note}, version {sub.version}")


@subscriptions_app.command()
def pause(subscription_id: str, if_version: int | None = IF_VERSION) -> None:
    """Stop notifications (alerts are still decided and recorded)."""
    _done(_change("pause", subscription_id, if_version), "paused")


@subscriptions_app.command()
def resume(subscription_id: str, if_version: int | None = IF_VERSION) -> None:
    """Notify again, from paused or disabled."""
    _done(_change("resume", subscription_id, if_version), "active")


@subscriptions_app.command()
def rotate(subscription_id: str, if_version: int | None = IF_VERSION) -> None:
    """A new signing secret, printed once; the old one stays valid for 24 hours."""
    secret: SigningSecret = subs.new_secret(datetime.now(UTC))
    _done(_change("rotate_secret", subscription_id, if_version, secret=secret), "has a new secret")
    console.print(f"secret {secret.secret}")
    console.print("The previous secret keeps signing alongside it for 24 hours.", style="dim")


@subscriptions_app.command()
def delete(subscription_id: str, if_version: int | None = IF_VERSION) -> None:
    """Delete the subscription (a Deleted event, then a tombstone for compaction)."""
    _change("delete", subscription_id, if_version)
    console.print(f"{subscription_id} deleted")


def register(app: typer.Typer) -> None:
    app.command("subscribe")(subscribe)
    app.add_typer(subscriptions_app, name="subscriptions")
