"""The HTTP API through FastAPI's TestClient: auth, subscriptions, silences, situation, deliveries, 4xx."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from prometheus_client import CollectorRegistry

from services.api.app import create_app
from services.api.deps import ApiDeps
from streams.alerting import ResendRequested, SilenceCreated, SilenceExpired
from streams.deliveries import DeliveryRequested, OutboundMessage
from streams.subscriptions import SubscriptionDeleted, SubscriptionPaused
from tests.unit.alerts.fake_event_log import MemoryEventLog
from tests.unit.alerts.situations import situation, tally

TOKEN = "s3cret-token"
NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _refuse_private(url: str) -> None:
    if "10.0.0.1" in url or "169.254" in url:
        raise ValueError(f"{url.split('/')[2]} is a private address")


@pytest.fixture
def log() -> MemoryEventLog:
    return MemoryEventLog()


@pytest.fixture
def client(log: MemoryEventLog) -> Iterator[TestClient]:
    deps = ApiDeps(log=log, check_url=_refuse_private, token=TOKEN, clock=lambda: NOW, registry=CollectorRegistry())
    with TestClient(create_app(deps)) as test_client:
        yield test_client


def _subscribe(client: TestClient, **body: object) -> dict[str, object]:
    response = client.post("/subscriptions", json={"url": "https://hooks.example.org/sitmon"} | body, headers=AUTH)
    assert response.status_code == 201, response.text
    result: dict[str, object] = response.json()
    return result


def test_every_endpoint_but_health_and_metrics_needs_the_token(client: TestClient) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/metrics").status_code == 200
    missing = client.get("/subscriptions")
    assert missing.status_code == 401 and "missing bearer token" in missing.json()["detail"]
    wrong = client.get("/silences", headers={"Authorization": "Bearer nope"})
    assert (wrong.status_code, wrong.json()["detail"]) == (401, "invalid bearer token")
    assert client.get("/situation", headers=AUTH).status_code == 200


def test_create_shows_the_secret_once_and_never_again(client: TestClient, log: MemoryEventLog) -> None:
    created = _subscribe(client, regions=["nagorno-karabakh"], min_level="orange")
    assert str(created["secret"]).startswith("whsec_")
    shown = client.get(f"/subscriptions/{created['subscription_id']}", headers=AUTH).json()
    assert "secret" not in shown and created["secret"] not in str(shown)
    assert shown["regions"] == ["nagorno-karabakh"] and shown["min_level"] == "orange"
    assert log.subscription_events[0].subscription.secrets[0].secret == created["secret"]
    listed = client.get("/subscriptions", headers=AUTH).json()
    assert [s["subscription_id"] for s in listed] == [created["subscription_id"]]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"url": "http://10.0.0.1/hook"}, "webhook URL refused: 10.0.0.1 is a private address"),
        ({"min_level": "purple"}, "body.min_level: Input should be 'info', 'yellow', 'orange' or 'red'"),
        ({"kinds": ["weather"]}, "body.kinds.0: Input should be 'casualties' or 'ceasefire'"),
        ({"thresholds": {"1h.red": 5}}, "threshold '1h.red': expected <24h|7d>"),
        ({"colour": "red"}, "body.colour: Extra inputs are not permitted"),
    ],
)
def test_bad_subscriptions_get_422_with_one_clear_line(
    client: TestClient, body: dict[str, object], detail: str
) -> None:
    response = client.post("/subscriptions", json={"url": "https://hooks.example.org/x"} | body, headers=AUTH)
    assert response.status_code == 422
    assert detail in response.json()["detail"]


def test_pause_resume_rotate_delete(client: TestClient, log: MemoryEventLog) -> None:
    sub_id = _subscribe(client)["subscription_id"]
    paused = client.post(f"/subscriptions/{sub_id}/pause", headers=AUTH).json()
    assert paused["state"] == "paused"
    client.post(f"/subscriptions/{sub_id}/pause", headers=AUTH)  # idempotent
    assert sum(isinstance(e, SubscriptionPaused) for e in log.subscription_events) == 1
    assert client.post(f"/subscriptions/{sub_id}/resume", headers=AUTH).json()["state"] == "active"
    rotated = client.post(f"/subscriptions/{sub_id}/rotate-secret", headers=AUTH).json()
    assert rotated["secret"].startswith("whsec_")
    assert [s["expires_at"] for s in rotated["secrets"]] == [
        None,
        (NOW + timedelta(hours=24)).isoformat().replace("+00:00", "Z"),
    ]
    changed = client.patch(f"/subscriptions/{sub_id}", json={"send_resolved": False}, headers=AUTH).json()
    assert changed["send_resolved"] is False
    assert client.delete(f"/subscriptions/{sub_id}", headers=AUTH).status_code == 204
    assert isinstance(log.subscription_events[-1], SubscriptionDeleted)
    gone = client.get(f"/subscriptions/{sub_id}", headers=AUTH)
    assert (gone.status_code, gone.json()["detail"]) == (404, f"no subscription '{sub_id}'")


def test_empty_patch_is_refused(client: TestClient) -> None:
    sub_id = _subscribe(client)["subscription_id"]
    response = client.patch(f"/subscriptions/{sub_id}", json={}, headers=AUTH)
    assert (response.status_code, response.json()["detail"]) == (422, "nothing to change: give at least one field")


def test_silences_create_list_expire(client: TestClient, log: MemoryEventLog) -> None:
    body = {
        "matchers": [{"name": "region", "value": "gaza"}],
        "duration_seconds": 3600,
        "created_by": "analyst@example.org",
        "comment": "desk is on it",
    }
    created = client.post("/silences", json=body, headers=AUTH)
    assert created.status_code == 201, created.text
    silence = created.json()
    assert silence["state"] == "active"
    assert isinstance(log.alert_events[0][1], SilenceCreated)
    assert log.alert_events[0][0] == f"silence:{silence['silence_id']}"
    assert [s["silence_id"] for s in client.get("/silences", headers=AUTH).json()] == [silence["silence_id"]]
    assert client.delete(f"/silences/{silence['silence_id']}", headers=AUTH).status_code == 204
    assert isinstance(log.alert_events[-1][1], SilenceExpired)
    assert client.get(f"/silences/{silence['silence_id']}", headers=AUTH).json()["state"] == "expired"


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"matchers": []}, "body.matchers: List should have at least 1 item"),
        ({"duration_seconds": None}, "give exactly one of ends_at and duration_seconds"),
        ({"matchers": [{"name": "colour", "value": "x"}]}, "body.matchers.0.name"),
        ({"matchers": [{"name": "region", "value": "(", "op": "=~"}]}, "invalid regex"),
        ({"ends_at": "2026-11-02T11:00:00Z", "duration_seconds": None}, "must be after starts_at"),
    ],
)
def test_bad_silences_get_422(client: TestClient, body: dict[str, object], detail: str) -> None:
    base = {
        "matchers": [{"name": "region", "value": "gaza"}],
        "duration_seconds": 60,
        "created_by": "a",
        "comment": "c",
    }
    response = client.post("/silences", json=base | body, headers=AUTH)
    assert response.status_code == 422
    assert detail in response.json()["detail"]


def test_situation_by_region(client: TestClient, log: MemoryEventLog) -> None:
    log.latest["nagorno-karabakh"] = situation(tally(32))
    one = client.get("/situation/nagorno-karabakh", headers=AUTH).json()
    assert one["casualties"][0]["best"] == 32
    missing = client.get("/situation/atlantis", headers=AUTH)
    assert missing.status_code == 404 and "known: nagorno-karabakh" in missing.json()["detail"]


def test_deliveries_and_resend(client: TestClient, log: MemoryEventLog) -> None:
    sub_id = str(_subscribe(client)["subscription_id"])
    message = OutboundMessage(
        message_id="msg_1", subscription_id=sub_id, event_type="alert.fired", data={"level": "red"}, created_at=NOW
    )
    log.delivery_log.apply(DeliveryRequested(event_id="d1", occurred_at=NOW, message=message))
    listed = client.get(f"/subscriptions/{sub_id}/deliveries", headers=AUTH).json()
    assert [(d["message_id"], d["status"]) for d in listed] == [("msg_1", "pending")]
    accepted = client.post(f"/subscriptions/{sub_id}/deliveries/msg_1/resend", headers=AUTH)
    assert accepted.status_code == 202
    key, request = log.alert_events[-1]
    assert isinstance(request, ResendRequested) and (key, request.message_id) == (f"resend:{sub_id}", "msg_1")
    unknown = client.post(f"/subscriptions/{sub_id}/deliveries/msg_nope/resend", headers=AUTH)
    assert unknown.status_code == 404


def test_deliveries_come_in_pages_linked_by_a_cursor(client: TestClient, log: MemoryEventLog) -> None:
    sub_id = str(_subscribe(client)["subscription_id"])
    for n in range(5):
        message = OutboundMessage(
            message_id=f"msg_{n}", subscription_id=sub_id, event_type="alert.fired", data={}, created_at=NOW
        )
        log.delivery_log.apply(
            DeliveryRequested(event_id=f"d{n}", occurred_at=NOW + timedelta(minutes=n), message=message)
        )
    shown: list[str] = []
    path: str | None = f"/subscriptions/{sub_id}/deliveries?limit=2"
    while path is not None:
        response = client.get(path, headers=AUTH)
        assert response.status_code == 200, response.text
        shown += [d["message_id"] for d in response.json()]
        path = response.links.get("next", {}).get("url")
    assert shown == ["msg_4", "msg_3", "msg_2", "msg_1", "msg_0"]
    unknown = client.get(f"/subscriptions/{sub_id}/deliveries?before=msg_nope", headers=AUTH)
    assert unknown.status_code == 422 and "msg_nope" in unknown.json()["detail"]


def test_openapi_is_served_and_metrics_count_requests(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/subscriptions/{subscription_id}/rotate-secret" in schema["paths"]
    missing = client.get("/subscriptions/nope", headers=AUTH)
    assert missing.headers["server-timing"].startswith("app;dur=")  # what the API itself spent on it
    metrics = client.get("/metrics").text
    assert (
        'sitmon_api_requests_total{method="GET",route="/subscriptions/{subscription_id}",status="404"} 1.0' in metrics
    )
