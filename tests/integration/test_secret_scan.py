"""After a full run, no secret anywhere it must not be: a scan of every topic, the services'
logs, both /metrics pages, every API response after the one-time reveals, the error answers
and the CLI's listings, for every signing secret, token value and key the run used.

The run: `sitmon alerts` and `sitmon api` as real processes; named tokens; two subscribers
through the API (one rotated, one answering 410 Gone, so delivery disables it and dead-letters
its message); a poison record on the situation topic (a dead letter with an excerpt); a wrong
token, a read token on a write route and a stale If-Match (the error answers).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from services.broker.local import free_port
from services.cli.main import app
from services.kafka.topic_read import read_all
from streams.topics import Catalogue
from tests.integration.alert_stack import KEY_ENV, NK, TEST_KEYS, killed, publish, snapshot
from tests.kafka_helpers import produce
from tests.webhook_receiver import Reply, WebhookReceiver

pytestmark = pytest.mark.integration
ENV_TOKEN = "smt_env-admin-token-for-the-scan-0123456789"


@pytest.fixture
def services(bootstrap: str, catalogue: Catalogue, tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """`sitmon alerts` and `sitmon api` as an operator runs them; their logs are files to scan."""
    api_port, metrics_port = free_port(), free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SITMON_SECRET_KEY")},
        **KEY_ENV,
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "SITMON_API_TOKEN": ENV_TOKEN,
        "SITMON_ALERTS_GROUP_WAIT": "0",
        "SITMON_ALERTS_EVALUATION_INTERVAL": "0.05",
        "SITMON_WEBHOOK_RETRY_SCHEDULE": "0.1,0.2",
    }
    started = []
    for name, args in (
        ("alerts", ["alerts", "--metrics-port", str(metrics_port)]),
        ("api", ["api", "--port", str(api_port)]),
    ):
        with (tmp_path / f"{name}.log").open("wb") as log:
            started.append(
                subprocess.Popen([sys.executable, "-m", "services.cli", *args], env=env, stdout=log, stderr=log)
            )
    try:
        yield f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{metrics_port}/metrics", tmp_path
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def _until(check, what: str, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        try:
            if await check():
                return
        except httpx.TransportError:
            pass  # not listening yet
        assert time.monotonic() < deadline, f"never: {what}"
        await asyncio.sleep(0.1)


def _cli(bootstrap: str, catalogue: Catalogue, *args: str) -> str:
    env = {
        "SITMON_KAFKA_BOOTSTRAP": bootstrap,
        "SITMON_TOPIC_PREFIX": catalogue.prefix,
        "SITMON_SECRET_KEYS": TEST_KEYS,
    }
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


async def test_no_secret_in_topics_logs_metrics_responses_dead_letters_or_errors(
    bootstrap: str, catalogue: Catalogue, services: tuple[str, str, Path]
) -> None:
    api_url, metrics_url, log_dir = services
    secrets = [ENV_TOKEN, *(line.split(":", 1)[1] for line in TEST_KEYS.splitlines())]
    seen: list[str] = []  # everything an outsider or operator could see after the reveals
    reveals: list[str] = []  # the one-time answers that must carry a secret: proof the scan would see one
    token_outputs = [
        await asyncio.to_thread(_cli, bootstrap, catalogue, "tokens", "create", name, "--scope", scope)
        for name, scope in (("ops", "admin"), ("viewer", "read"))
    ]
    admin_value, reader_value = (next(w for w in out.split() if w.startswith("smt_")) for out in token_outputs)
    secrets += [admin_value, reader_value]
    admin = {"Authorization": f"Bearer {admin_value}"}

    with WebhookReceiver([]) as receiver:
        receiver.script("/gone", [Reply(410)])
        async with httpx.AsyncClient(base_url=api_url, timeout=30) as api:
            await _until(lambda: _ok(api.get("/healthz")), "the API answers")
            ids = {}
            for path in ("/live", "/gone"):
                made = await api.post(
                    "/subscriptions", json={"url": receiver.url(path), "kinds": ["casualties"]}, headers=admin
                )
                assert made.status_code == 201, made.text
                ids[path], secret = made.json()["subscription_id"], made.json()["secret"]
                reveals.append(made.text)
                secrets.append(secret)
                receiver.trust(secret)
            rotated = await api.post(f"/subscriptions/{ids['/live']}/rotate-secret", headers=admin)
            assert rotated.status_code == 200, rotated.text
            secrets.append(rotated.json()["secret"])
            reveals.append(rotated.text)
            receiver.trust(rotated.json()["secret"])

            errors = [
                await api.get("/subscriptions", headers={"Authorization": f"Bearer {admin_value}x"}),
                await api.post(
                    f"/subscriptions/{ids['/live']}/pause", headers={"Authorization": f"Bearer {reader_value}"}
                ),
                await api.post(f"/subscriptions/{ids['/live']}/pause", headers=admin | {"If-Match": '"1"'}),
            ]
            assert [e.status_code for e in errors] == [401, 403, 409]
            seen += [e.text for e in errors]

            await produce(
                bootstrap, catalogue.situation.name, [(NK.encode(), b'{"not": "an event", "token": 1}', None)]
            )
            await publish(bootstrap, catalogue.situation.name, NK, snapshot(killed(32, sources=2)))
            [arrival] = await receiver.wait_for_async(1, path="/live", timeout=60)
            assert arrival.verified, arrival.error

            async def gone_disabled() -> bool:
                shown = await api.get(f"/subscriptions/{ids['/gone']}", headers=admin)
                return bool(shown.json()["state"] == "disabled")

            await _until(gone_disabled, "the 410 subscription is disabled")
            for path in ("/subscriptions", *(f"/subscriptions/{i}" for i in ids.values()), "/silences", "/situation"):
                seen.append((await api.get(path, headers=admin)).text)
            for sub_id in ids.values():
                seen.append((await api.get(f"/subscriptions/{sub_id}/deliveries", headers=admin)).text)
            seen.append((await api.get("/metrics")).text)
        async with httpx.AsyncClient() as plain:
            seen.append((await plain.get(metrics_url)).text)

    seen.append(await asyncio.to_thread(_cli, bootstrap, catalogue, "tokens", "list"))
    seen.append(await asyncio.to_thread(_cli, bootstrap, catalogue, "subscriptions", "list", "--json"))
    topics = {}
    for topic in catalogue:
        topics[topic.name] = b"\n".join(r.value or b"" for r in await read_all(bootstrap, topic.name)).decode(
            "utf-8", "replace"
        )
    dead_letters = topics[catalogue.dlq.name]
    assert "an event" in dead_letters and ids["/gone"] in dead_letters  # both kinds of dead letter are scanned
    seen += topics.values()
    seen += [(log_dir / f"{name}.log").read_text(errors="replace") for name in ("alerts", "api")]

    needles = set(secrets) | {s.removeprefix("whsec_") for s in secrets if s.startswith("whsec_")}
    leaks = [(needle[:10] + "…", where[:80]) for needle in needles for where in seen if needle in where]
    assert leaks == []
    assert all(any(needle in reveal for needle in needles) for reveal in [*reveals, *token_outputs])
    assert "sealed:v1:" in topics[catalogue.subscriptions.name]


async def _ok(request) -> bool:  # type: ignore[no-untyped-def]
    return bool((await request).status_code == 200)
