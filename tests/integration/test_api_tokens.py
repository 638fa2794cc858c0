"""Named API tokens on a real broker: `sitmon tokens create|list|revoke`, scopes on every route,
revocation, and audit events that name tokens but never carry their values."""

from __future__ import annotations

import asyncio

import pytest
from click.testing import Result
from typer.testing import CliRunner

from services.api.kafka_log import KafkaEventLog
from services.cli.main import app
from services.kafka.topic_read import read_all
from streams.topics import Catalogue
from tests.integration.alert_stack import api_client

pytestmark = pytest.mark.integration
OPEN_PATHS = {"/healthz", "/metrics"}


def test_tokens_by_scope_then_revoked_and_the_audit_names_them_never_their_values(
    bootstrap: str, catalogue: Catalogue
) -> None:
    env = {"SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    runner = CliRunner()

    def sitmon(*args: str) -> Result:  # in-process: a `sitmon` start-up costs seconds on a loaded machine
        return runner.invoke(app, list(args), env=env)

    created = {}
    for name, scope in (("ops", "admin"), ("grafana", "read")):
        result = sitmon("tokens", "create", name, "--scope", scope)
        assert result.exit_code == 0, result.output
        created[name] = next(line for line in result.stdout.splitlines() if line.startswith("smt_"))
    listed = sitmon("tokens", "list")
    assert "ops" in listed.output and "grafana" in listed.output
    assert not any(value in listed.output for value in created.values())
    duplicate = sitmon("tokens", "create", "ops")
    assert duplicate.exit_code != 0 and "exists" in str(duplicate.exception)

    async def use_the_api() -> str:
        async with api_client(bootstrap, catalogue, token="not-this-one") as api:
            reader = {"Authorization": f"Bearer {created['grafana']}"}
            admin = {"Authorization": f"Bearer {created['ops']}"}
            schema = (await api.get("/openapi.json")).json()
            writes = [
                (method.upper(), path.replace("{", "").replace("}", ""))
                for path, operations in schema["paths"].items()
                if path not in OPEN_PATHS
                for method in operations
                if method != "get"
            ]
            assert len(writes) >= 8
            for method, path in writes:
                refused = await api.request(method, path, headers=reader, json={})
                assert refused.status_code == 403, (method, path, refused.text)
            assert (await api.get("/subscriptions", headers=reader)).status_code == 200
            made = await api.post("/subscriptions", json={"url": "http://127.0.0.1:9/x"}, headers=admin)
            assert made.status_code == 201, made.text

            assert (await asyncio.to_thread(sitmon, "tokens", "revoke", "ops")).exit_code == 0
            after = await api.get("/subscriptions", headers=admin)
            assert (after.status_code, after.json()["detail"]) == (401, "invalid bearer token")
            secret: str = made.json()["secret"]
            return secret

    secret = asyncio.run(use_the_api())

    async def read_back() -> tuple[list[tuple[str, str, str]], bytes]:
        trail = await KafkaEventLog(bootstrap, catalogue).audit_trail()
        raw = b""
        for topic in (catalogue.audit, catalogue.tokens):
            raw += b"".join(record.value or b"" for record in await read_all(bootstrap, topic.name))
        return [(e.actor.split(":")[0], e.action, e.target.split("_")[0]) for e in trail], raw

    trail, raw = asyncio.run(read_back())
    assert trail == [
        ("cli", "token.create", "ops"),
        ("cli", "token.create", "grafana"),
        ("ops", "subscription.create", "sub"),
        ("cli", "token.revoke", "ops"),
    ]
    assert not any(value.encode() in raw for value in created.values())
    assert secret.encode() not in raw
