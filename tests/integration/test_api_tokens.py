"""Named API tokens on a real broker: `sitmon tokens create|list|revoke`, scopes, revocation, audit."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest

from services.api.kafka_log import KafkaEventLog, read_topic
from streams.topics import Catalogue
from tests.integration.alert_stack import api_client

pytestmark = pytest.mark.integration
SITMON = [sys.executable, "-m", "services.cli"]


def _sitmon(catalogue: Catalogue, bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    return subprocess.run([*SITMON, *args], env=env, capture_output=True, text=True, timeout=60, check=False)


async def test_tokens_by_scope_then_revoked_and_the_audit_names_them_never_their_values(
    bootstrap: str, catalogue: Catalogue
) -> None:
    created = {}
    for name, scope in (("ops", "admin"), ("grafana", "read")):
        result = _sitmon(catalogue, bootstrap, "tokens", "create", name, "--scope", scope)
        assert result.returncode == 0, result.stderr
        created[name] = result.stdout.splitlines()[1].strip()  # "token NAME (scope)", then the value alone
        assert created[name].startswith("smt_")
    listed = _sitmon(catalogue, bootstrap, "tokens", "list")
    assert "ops" in listed.stdout and "grafana" in listed.stdout
    assert not any(value in listed.stdout for value in created.values())
    duplicate = _sitmon(catalogue, bootstrap, "tokens", "create", "ops")
    assert duplicate.returncode == 2 and duplicate.stderr.count("\n") == 1 and "exists" in duplicate.stderr

    async with api_client(bootstrap, catalogue, token="not-this-one") as api:

        def auth(name: str) -> dict[str, str]:
            return {"Authorization": f"Bearer {created[name]}"}

        reader = await api.post("/subscriptions", json={"url": "http://127.0.0.1:9/x"}, headers=auth("grafana"))
        assert reader.status_code == 403
        assert (await api.get("/subscriptions", headers=auth("grafana"))).status_code == 200
        admin = await api.post("/subscriptions", json={"url": "http://127.0.0.1:9/x"}, headers=auth("ops"))
        assert admin.status_code == 201, admin.text

        revoked = _sitmon(catalogue, bootstrap, "tokens", "revoke", "ops")
        assert revoked.returncode == 0, revoked.stderr
        after: httpx.Response = await api.get("/subscriptions", headers=auth("ops"))
        assert after.status_code == 401

    trail = await KafkaEventLog(bootstrap, catalogue).audit_trail()
    assert [(e.action, e.target) for e in trail if e.action.startswith("token.")] == [
        ("token.create", "ops"),
        ("token.create", "grafana"),
        ("token.revoke", "ops"),
    ]
    assert [(e.actor, e.action) for e in trail if e.action.startswith("subscription")] == [
        ("ops", "subscription.create")
    ]
    raw = b""
    for topic in (catalogue.audit, catalogue.tokens):
        raw += b"".join(record.value or b"" for record in await read_topic(bootstrap, topic.name))
    assert not any(value.encode() in raw for value in created.values())
    assert admin.json()["secret"].encode() not in raw
