"""`sitmon tokens create|list|revoke`: named API tokens with a scope, stored as hashes.

`create` prints the token's value once; the tokens topic keeps only its SHA-256 hash. Each
change is also an audit event naming the token (never its value). Like `sitmon subscriptions`,
these talk to Kafka directly: they work whether or not `sitmon api` runs.
"""

from __future__ import annotations

from datetime import UTC, datetime

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from services.api.kafka_log import KafkaEventLog
from services.cli.actor import cli_actor
from services.cli.event_log import record_admin_action, run_with_log
from services.errors import BadInput
from streams.access import SCOPES, ApiToken, TokenCreated, TokenRevoked, hash_token, new_token_value
from streams.events import stable_id

console = Console(highlight=False)
tokens_app = typer.Typer(help="Named API tokens (scope read or admin), stored as hashes on the tokens topic.")


@tokens_app.command()
def create(
    name: str = typer.Argument(..., help="a name for the audit trail, e.g. grafana or alice (letters, digits, _.-)"),
    scope: str = typer.Option("read", "--scope", help="read (GET routes) or admin (everything)"),
) -> None:
    """Make a token and print its value once: store it now, only its hash is kept."""
    if scope not in SCOPES:
        raise BadInput(f"--scope {scope!r}: expected one of {', '.join(SCOPES)}")
    now, actor, value = datetime.now(UTC), cli_actor(), new_token_value()
    try:
        token = ApiToken(name=name, scope=scope, token_hash=hash_token(value), created_at=now, created_by=actor)
    except ValidationError as exc:
        raise BadInput(f"token name {name!r}: expected 1-64 letters, digits, '_', '.' or '-'") from exc

    async def publish(log: KafkaEventLog) -> None:
        if name in await log.api_tokens():
            raise BadInput(f"a token named {name!r} exists; revoke it first or choose another name")
        await log.publish_token_event(
            TokenCreated(event_id=stable_id("token.created", name, now.isoformat()), occurred_at=now, token=token)
        )
        await record_admin_action(log, actor, "token.create", name)

    run_with_log(publish)
    console.print(f"token {name} ({scope})")
    typer.echo(value)
    console.print("Store the token now: it is not shown again (send it as `Authorization: Bearer …`).", style="dim")


@tokens_app.command("list")
def list_tokens() -> None:
    """Every live token: name, scope, when and by whom it was made (never a value or hash)."""

    async def fold(log: KafkaEventLog) -> dict[str, ApiToken]:
        return await log.api_tokens()

    table = Table("name", "scope", "created", "by")
    for token in sorted(run_with_log(fold).values(), key=lambda t: t.created_at):
        table.add_row(token.name, token.scope, token.created_at.isoformat(timespec="seconds"), token.created_by)
    console.print(table)


@tokens_app.command()
def revoke(name: str = typer.Argument(..., help="the token's name, as `sitmon tokens list` shows it")) -> None:
    """Revoke a token: the API answers 401 to it from its next request on."""
    now, actor = datetime.now(UTC), cli_actor()

    async def publish(log: KafkaEventLog) -> None:
        if name not in await log.api_tokens():
            raise BadInput(f"no live token named {name!r}; `sitmon tokens list` shows them")
        await log.publish_token_event(
            TokenRevoked(
                event_id=stable_id("token.revoked", name, now.isoformat()), occurred_at=now, name=name, revoked_by=actor
            )
        )
        await record_admin_action(log, actor, "token.revoke", name)

    run_with_log(publish)
    console.print(f"token {name} revoked")


def register(app: typer.Typer) -> None:
    app.add_typer(tokens_app, name="tokens")
