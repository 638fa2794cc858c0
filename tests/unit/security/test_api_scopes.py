"""Scoped API tokens through FastAPI's TestClient: read vs admin on every route, revocation, audit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from prometheus_client import CollectorRegistry

from services.api.app import create_app
from services.api.deps import ApiDeps
from streams.access import ApiToken, TokenCreated, TokenRevoked, find_token, hash_token, new_token_value
from tests.unit.alerts.fake_event_log import MemoryEventLog

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
ENV_TOKEN = "env-admin-token"
OPEN_PATHS = {"/healthz", "/metrics"}


def _token(log: MemoryEventLog, name: str, scope: str) -> str:
    value = new_token_value()
    token = ApiToken(name=name, scope=scope, token_hash=hash_token(value), created_at=NOW, created_by="test")  # type: ignore[arg-type]
    log.token_events.append(TokenCreated(event_id=f"tok-{name}", occurred_at=NOW, token=token))
    return value


@pytest.fixture
def log() -> MemoryEventLog:
    return MemoryEventLog()


@pytest.fixture
def client(log: MemoryEventLog) -> Iterator[TestClient]:
    deps = ApiDeps(
        log=log, check_url=lambda url: None, token=ENV_TOKEN, clock=lambda: NOW, registry=CollectorRegistry()
    )
    with TestClient(create_app(deps)) as test_client:
        yield test_client


def _routes(client: TestClient) -> list[tuple[str, str]]:
    """Every documented route (the OpenAPI schema lists what the app serves), ids filled with any text."""
    schema = client.get("/openapi.json").json()
    found = []
    for template, operations in schema["paths"].items():
        if template not in OPEN_PATHS:
            path = template.replace("{", "").replace("}", "")  # any id: auth is checked before the lookup
            found.extend((method.upper(), path) for method in operations)
    return found


def test_a_read_token_gets_403_on_every_write_route_and_reads_everything_else(
    client: TestClient, log: MemoryEventLog
) -> None:
    reader = {"Authorization": f"Bearer {_token(log, 'grafana', 'read')}"}
    routes = _routes(client)
    writes = [(m, p) for m, p in routes if m != "GET"]
    reads = [(m, p) for m, p in routes if m == "GET"]
    assert len(writes) >= 8 and len(reads) >= 5  # the route table is really enumerated
    for method, path in writes:
        response = client.request(method, path, headers=reader, json={})
        assert response.status_code == 403, (method, path, response.text)
        assert response.json()["detail"] == "token 'grafana' has scope read; this needs admin"
    for method, path in reads:
        assert client.request(method, path, headers=reader).status_code not in (401, 403), (method, path)
    assert log.audit == [] and log.subscription_events == []  # a refused write records nothing


def test_named_admin_token_writes_and_the_audit_event_names_it_never_its_value(
    client: TestClient, log: MemoryEventLog
) -> None:
    value = _token(log, "alice", "admin")
    response = client.post(
        "/subscriptions", json={"url": "https://hooks.example.org/a"}, headers={"Authorization": f"Bearer {value}"}
    )
    assert response.status_code == 201, response.text
    [entry] = log.audit
    assert (entry.actor, entry.action, entry.target) == (
        "alice",
        "subscription.create",
        response.json()["subscription_id"],
    )
    dumped = entry.model_dump_json()
    assert value not in dumped and hash_token(value) not in dumped and response.json()["secret"] not in dumped


def test_the_environment_token_is_an_admin_named_in_the_audit_trail(client: TestClient, log: MemoryEventLog) -> None:
    response = client.post(
        "/silences",
        json={
            "matchers": [{"name": "region", "value": "x"}],
            "duration_seconds": 60,
            "created_by": "a",
            "comment": "b",
        },
        headers={"Authorization": f"Bearer {ENV_TOKEN}"},
    )
    assert response.status_code == 201, response.text
    assert [(e.actor, e.action) for e in log.audit] == [("SITMON_API_TOKEN", "silence.create")]
    assert ENV_TOKEN not in log.audit[0].model_dump_json()


def test_a_revoked_token_gets_401(client: TestClient, log: MemoryEventLog) -> None:
    value = _token(log, "bob", "admin")
    headers = {"Authorization": f"Bearer {value}"}
    assert client.get("/subscriptions", headers=headers).status_code == 200
    log.token_events.append(TokenRevoked(event_id="rev-bob", occurred_at=NOW, name="bob", revoked_by="test"))
    response = client.get("/subscriptions", headers=headers)
    assert (response.status_code, response.json()["detail"]) == (401, "invalid bearer token")


def test_find_token_matches_by_hash_only() -> None:
    value = new_token_value()
    tokens = {
        name: ApiToken(name=name, scope="read", token_hash=hash_token(v), created_at=NOW, created_by="t")
        for name, v in (("a", new_token_value()), ("b", value), ("c", new_token_value()))
    }
    found = find_token(tokens, value)
    assert found is not None and found.name == "b"
    assert find_token(tokens, value[:-1]) is None
    assert find_token(tokens, hash_token(value)) is None  # the stored hash is not a credential
