"""`sitmon keys generate|rotate|retire`: the keys that seal webhook signing secrets at rest.

`generate` makes a first key (printed for SITMON_SECRET_KEYS, or written to a 0600 file).
`rotate` adds a key that seals from now on, then re-seals every stored subscription under it
through the subscriptions topic's single writer, so the old key opens nothing current.
With a key file the file gains the key first: running services read it again when they meet
the new key id, so nothing stops. `retire` drops an old key once nothing current needs it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import typer
from rich.console import Console

from services.cli.actor import cli_actor
from services.cli.event_log import record_admin_action, subscription_writer, using_log
from services.errors import BadInput
from services.keyring_source import KeySettings, require_keyring, write_key_file
from streams.sealing import Keyring, is_sealed, sealed_key_id
from streams.subscription_commands import Rejected, SubscriptionCommand

console = Console(highlight=False, stderr=True)  # stdout carries only key material a script may capture
keys_app = typer.Typer(help="Keys that seal webhook signing secrets at rest (AES-256-GCM).")


@keys_app.command()
def generate(
    file: Path | None = typer.Option(None, "--file", help="write a new key file here (mode 0600) instead of printing"),
) -> None:
    """A first key: printed as the value of SITMON_SECRET_KEYS, or written to --file."""
    keyring = Keyring.generate()
    if file is None:
        typer.echo(keyring.serialise().strip())
        console.print("Set this as SITMON_SECRET_KEYS for every sitmon service; keep it secret.", style="dim")
        return
    if file.exists():
        raise BadInput(f"{file} exists; `sitmon keys rotate` adds a key to it")
    write_key_file(file, keyring)
    console.print(f"wrote {file} (mode 0600); set SITMON_SECRET_KEY_FILE={file}")


@keys_app.command()
def rotate() -> None:
    """Add a key that seals from now on and re-seal every stored signing secret under it."""
    settings = KeySettings()
    rotated = require_keyring("sitmon keys rotate", settings).with_new_key()
    if settings.secret_key_file is not None:
        write_key_file(settings.secret_key_file, rotated)  # first: services reading the file must know the key
        console.print(f"{settings.secret_key_file}: added key {rotated.current_id}")
    count = asyncio.run(_reseal_all(rotated))
    console.print(f"re-sealed {count} subscription(s) under key {rotated.current_id}")
    if settings.secret_key_file is None:
        typer.echo(",".join(rotated.serialise().split()))
        console.print(
            "Set this as SITMON_SECRET_KEYS for every sitmon service and restart them; "
            "until then they keep signing with the secrets they hold.",
            style="dim",
        )


@keys_app.command()
def retire(key_id: str = typer.Argument(..., help="the key to drop, e.g. k1")) -> None:
    """Drop an old key from the key file once no stored subscription is sealed under it."""
    settings = KeySettings()
    keyring = require_keyring("sitmon keys retire", settings)
    if settings.secret_key_file is None:
        raise BadInput(
            "retire edits a key file (SITMON_SECRET_KEY_FILE); with SITMON_SECRET_KEYS drop the entry yourself"
        )
    if key_id == keyring.current_id:
        raise BadInput(f"{key_id} is the newest key, the one that seals; rotate first")
    remaining = keyring.without(key_id)
    writer = subscription_writer(keyring)
    still = [
        sub.subscription_id
        for sub in asyncio.run(writer.current()).values()
        if any(is_sealed(s.secret) and sealed_key_id(s.secret) == key_id for s in sub.secrets)
    ]
    if still:
        raise BadInput(
            f"{len(still)} subscription(s) are still sealed under {key_id} (e.g. {still[0]}); run `sitmon keys rotate`"
        )
    write_key_file(settings.secret_key_file, remaining)
    asyncio.run(_audit("keys.retire", key_id))
    console.print(f"{settings.secret_key_file}: retired key {key_id}")


async def _reseal_all(keyring: Keyring) -> int:
    writer = subscription_writer(keyring)
    actor = cli_actor()
    count = 0
    for sub_id in sorted(await writer.current()):
        decision = await writer.submit(SubscriptionCommand(action="reseal", subscription_id=sub_id, actor=actor))
        if isinstance(decision, Rejected):  # deleted meanwhile: nothing left to seal
            console.print(f"{sub_id}: {decision.reason}", style="dim")
        else:
            count += 1
    await _audit("keys.rotate", keyring.current_id)
    return count


async def _audit(action: str, target: str) -> None:
    actor = cli_actor()
    await using_log(lambda log: record_admin_action(log, actor, action, target))


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")
