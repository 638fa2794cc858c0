"""Security on a real broker: sealed secrets (kcat sees none), wrong keys refused, key rotation,
and a race of secret rotation, pause and automatic disable decided by the one versioned writer."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from alerts.service import AlertService
from services.api.kafka_log import KafkaEventLog
from services.cli.main import app
from services.errors import BadInput
from services.keyring_source import KeySettings
from streams import subscriptions as subs
from streams.sealing import Keyring, open_subscription
from streams.topics import Catalogue
from tests.integration.alert_stack import (
    NK,
    TEST_KEYRING,
    api_client,
    fast_settings,
    killed,
    publish,
    running_alerts,
    snapshot,
    store_subscription,
    writer,
)
from tests.webhook_receiver import Arrival, WebhookReceiver

pytestmark = pytest.mark.integration
SITMON = [sys.executable, "-m", "services.cli"]
TOKEN = "security-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _env(bootstrap: str, catalogue: Catalogue, **keys: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SITMON_SECRET_KEY")}
    return base | {
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SITMON_API_TOKEN": TOKEN,
        "SITMON_API_PORT": "0",  # should a refusal fail, the API would not take a port anyone uses
        **keys,
    }


def _sitmon(env: dict[str, str], *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SITMON, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False)


def kcat(bootstrap: str, topic: str) -> str:
    """The topic as an outsider sees it: every record, read_committed like any careful consumer."""
    result = subprocess.run(
        ["kcat", "-C", "-b", bootstrap, "-t", topic, "-e", "-q", "-X", "isolation.level=read_committed"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip(), f"kcat read nothing from {topic}"
    return result.stdout


async def _stored(bootstrap: str, catalogue: Catalogue, sub_id: str, keyring: Keyring) -> subs.Subscription:
    return open_subscription((await writer(bootstrap, catalogue, keyring).current())[sub_id], keyring)


async def _engine_at(service: AlertService, sub_id: str, version: int) -> None:
    deadline = time.monotonic() + 20
    while (sub := service.engine.subscriptions.get(sub_id)) is None or sub.version < version:
        assert time.monotonic() < deadline, f"the alerting service never saw version {version} of {sub_id}"
        await asyncio.sleep(0.02)


async def test_race_of_rotate_pause_and_automatic_disable(bootstrap: str, catalogue: Catalogue) -> None:
    rounds = 3
    with WebhookReceiver([]) as receiver:
        async with api_client(bootstrap, catalogue, TOKEN) as api:
            created = await api.post(
                "/subscriptions", json={"url": receiver.url("/race"), "kinds": ["casualties"]}, headers=AUTH
            )
            assert created.status_code == 201, created.text
            sub_id = created.json()["subscription_id"]
            given = [created.json()["secret"]]  # every secret the client was shown, in order
            winners: list[str] = []
            async with running_alerts(fast_settings(bootstrap, catalogue)) as service:
                for round_number in range(rounds):
                    current = (await api.get(f"/subscriptions/{sub_id}", headers=AUTH)).json()
                    version = current["version"]
                    if current["state"] != "active":
                        resumed = await api.post(
                            f"/subscriptions/{sub_id}/resume", headers=AUTH | {"If-Match": f'"{version}"'}
                        )
                        assert resumed.status_code == 200, resumed.text
                        version = resumed.json()["version"]
                    await _engine_at(service, sub_id, version)  # its view is current: the race is fair
                    if_match = AUTH | {"If-Match": f'"{version}"'}
                    rotated, paused, disabled = await asyncio.gather(
                        api.post(f"/subscriptions/{sub_id}/rotate-secret", headers=if_match),
                        api.post(f"/subscriptions/{sub_id}/pause", headers=if_match),
                        service.requests.disable(sub_id, "endpoint_gone"),  # what delivery calls on a 410
                    )
                    for name, response in (("rotate", rotated), ("pause", paused)):
                        if response.status_code == 200:
                            winners.append(name)
                        else:
                            assert response.status_code == 409, response.text
                            assert (
                                f"expected version {version}, but it is at version {version + 1}"
                                in response.json()["detail"]
                            )
                    if rotated.status_code == 200:
                        given.append(rotated.json()["secret"])
                    if disabled:
                        winners.append("disable")
                    assert len(winners) == round_number + 1, (
                        f"round {round_number}: exactly one command may win, got {winners}"
                    )

                final = await _stored(bootstrap, catalogue, sub_id, TEST_KEYRING)
                assert final.secrets[0].secret == given[-1]
                assert final.version == 1 + rounds + sum(1 for w in winners[:-1] if w != "rotate")

                # the subscriber trusts only the secret it was given last, and still verifies what arrives
                receiver.trust(given[-1])
                if final.state != "active":
                    resumed = await api.post(
                        f"/subscriptions/{sub_id}/resume", headers=AUTH | {"If-Match": f'"{final.version}"'}
                    )
                    assert resumed.status_code == 200, resumed.text
                await _engine_at(
                    service, sub_id, (await api.get(f"/subscriptions/{sub_id}", headers=AUTH)).json()["version"]
                )
                await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(40, sources=2)))
                [arrival] = await receiver.wait_for_async(1, path="/race", timeout=30)
                assert arrival.verified, arrival.error

        trail = [e for e in await KafkaEventLog(bootstrap, catalogue).audit_trail() if e.target == sub_id]
        races = [
            e for e in trail if e.action in ("subscription.rotate_secret", "subscription.pause", "subscription.disable")
        ]
        assert len(races) == 3 * rounds
        assert sorted(e.outcome for e in races) == ["applied"] * rounds + ["rejected"] * (2 * rounds)
        for rejected in (e for e in races if e.outcome == "rejected"):
            assert rejected.reason is not None and "expected version" in rejected.reason
        assert {e.actor for e in races} == {"SITMON_API_TOKEN", "alerts"}

    outside = kcat(bootstrap, catalogue.subscriptions.name)
    assert "whsec_" not in outside and not any(secret in outside for secret in given)
    assert "sealed:v1:k1:" in outside


def test_after_keys_rotate_old_and_new_subscriptions_sign_verifiable_webhooks(
    bootstrap: str, catalogue: Catalogue, tmp_path: Path
) -> None:
    key_file = tmp_path / "keys"
    env = {
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SITMON_SECRET_KEY_FILE": str(key_file),
        "SITMON_SECRET_KEYS": None,
    }
    runner = CliRunner()

    def sitmon(*args: str) -> Result:  # in-process: a `sitmon` start-up costs seconds on a loaded machine
        result = runner.invoke(app, list(args), env=env)
        assert result.exit_code == 0, (args, result.output, result.exception)
        return result

    sitmon("keys", "generate", "--file", str(key_file))
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with WebhookReceiver([]) as old_receiver, WebhookReceiver([]) as new_receiver:
        secrets: dict[str, str] = {}
        for name, receiver in (("old", old_receiver), ("new", new_receiver)):
            if name == "new":
                assert "re-sealed 1 subscription(s) under key k2" in sitmon("keys", "rotate").output
            result = sitmon("subscribe", receiver.url(f"/{name}"), "--kind", "casualties")
            secrets[name] = next(line.split()[1] for line in result.output.splitlines() if line.startswith("secret "))
            receiver.trust(secrets[name])
        outside = kcat(bootstrap, catalogue.subscriptions.name)
        assert "whsec_" not in outside and not any(s in outside for s in secrets.values())
        assert outside.count("sealed:v1:k2:") >= 2  # the old subscription re-sealed, the new one sealed
        sitmon("keys", "retire", "k1")  # nothing current needs k1 any more
        listed = [json.loads(line) for line in sitmon("subscriptions", "list", "--json").stdout.splitlines()]
        old_id = next(sub["subscription_id"] for sub in listed if sub["url"].endswith("/old"))
        stale = runner.invoke(app, ["subscriptions", "pause", old_id, "--if-version", "1"], env=env)
        assert isinstance(stale.exception, BadInput)  # the CLI prints it as one line, exit 2
        assert "expected version 1, but it is at version 2" in str(stale.exception)  # the re-seal was a change
        assert [line.split(":")[0] for line in key_file.read_text().splitlines() if not line.startswith("#")] == ["k2"]

        async def deliver() -> tuple[Arrival, Arrival]:
            keys = KeySettings(secret_key_file=key_file)
            async with running_alerts(fast_settings(bootstrap, catalogue), keys=keys):
                await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32, sources=2)))
                [old] = await old_receiver.wait_for_async(1, path="/old", timeout=30)
                [new] = await new_receiver.wait_for_async(1, path="/new", timeout=30)
                return old, new

        old, new = asyncio.run(deliver())
        assert old.verified and new.verified, (old.error, new.error)


async def test_services_refuse_a_wrong_or_missing_key_in_one_line_with_exit_2(
    bootstrap: str, catalogue: Catalogue
) -> None:
    await store_subscription(bootstrap, catalogue, subs.create(url="http://127.0.0.1:9/x", now=datetime.now(UTC)))
    wrong = {"SITMON_SECRET_KEYS": Keyring.generate().serialise().strip()}  # the same id k1, another key
    for service, keys, expected in (
        ("alerts", wrong, "does not open"),
        ("api", {}, "needs the key that seals signing secrets"),
    ):
        result = _sitmon(_env(bootstrap, catalogue, **keys), service, timeout=120)
        assert result.returncode == 2, (service, result.stderr[-2000:])
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (service, result.stderr)
        assert wrong["SITMON_SECRET_KEYS"].split(":")[1] not in result.stderr
