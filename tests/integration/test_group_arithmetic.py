"""Issue 9's group arithmetic on the real broker: articles read by the real extractor through
`sitmon ingest`, folded by a real `sitmon worker`, rated by the real alerting service, and the
alert received by a real HTTP receiver that verifies its signature."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from streams.envelope import decode
from streams.situation import SituationChanged, Tally
from streams.topics import Catalogue
from tests.integration.alert_stack import api_client, fast_settings, running_alerts
from tests.integration.test_worker_harness import (
    WorkerProcess,
    drop_topics,
    fresh_topics,
    published_pictures,
    wait_until,
)
from tests.webhook_receiver import Arrival, WebhookReceiver, payload_of

pytestmark = pytest.mark.integration
TOKEN = "groups-token"

POLICE = "An air strike on a police station in Khan Younis in the Gaza Strip: 3 police and 2 civilians were killed on Tuesday, officials said."
SOLDIERS = "Fighting near Stepanakert in Nagorno-Karabakh: 20 soldiers and 10 civilians were killed on Tuesday, officials said."


async def alerts_received(bootstrap: str, catalogue: Catalogue, expect: int) -> list[Arrival]:
    """Subscribe a verifying receiver through the API, run the alerting service, collect its webhooks."""
    with WebhookReceiver([]) as receiver:
        async with api_client(bootstrap, catalogue, TOKEN) as api:
            response = await api.post(
                "/subscriptions",
                json={"url": receiver.url("/groups"), "kinds": ["casualties"]},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert response.status_code == 201, response.text
            receiver._secrets.append(response.json()["secret"])
            async with running_alerts(fast_settings(bootstrap, catalogue)):
                return await receiver.wait_for_async(expect, timeout=30)


def killed_everyone(picture: SituationChanged, window: str) -> Tally:
    [found] = [t for t in picture.casualties if (t.outcome, t.group, t.window) == ("killed", None, window)]
    return found


def best(picture: SituationChanged, group: str | None) -> int:
    return next(t.best for t in picture.casualties if (t.outcome, t.group, t.window) == ("killed", group, "24h"))


def test_disjoint_groups_add_up_and_the_sum_raises_an_orange_alert(bootstrap: str, tmp_path: Path) -> None:
    catalogue = fresh_topics(bootstrap)
    worker = WorkerProcess(bootstrap, catalogue, tmp_path / "worker").start()
    try:
        published = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
        articles = tmp_path / "groups.jsonl"
        articles.write_text(
            "\n".join(
                json.dumps({"id": name, "text": text, "published_at": published, "source": "wire"})
                for name, text in (("police", POLICE), ("soldiers", SOLDIERS))
            )
            + "\n"
        )
        env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
        ingest = subprocess.run(
            [sys.executable, "-m", "services.cli", "ingest", str(articles)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert ingest.returncode == 0, ingest.stderr

        wait_until(
            lambda: {"gaza", "nagorno-karabakh"} <= set(published_pictures(bootstrap, catalogue)),
            timeout_s=60,
            what="both regions' pictures",
        )
        pictures = {region: decode(raw) for region, raw in published_pictures(bootstrap, catalogue).items()}
        gaza, karabakh = pictures["gaza"], pictures["nagorno-karabakh"]
        assert isinstance(gaza, SituationChanged) and isinstance(karabakh, SituationChanged)
        everyone = killed_everyone(gaza, "24h")
        assert (everyone.low, everyone.best, everyone.high) == (5, 5, 5)  # 3 police + 2 civilians, not 3
        assert (best(karabakh, "soldiers"), best(karabakh, "civilians"), best(karabakh, None)) == (20, 10, 30)

        arrivals = asyncio.run(alerts_received(bootstrap, catalogue, expect=2))
        alerts = {payload_of(arrival)["data"]["region"]: payload_of(arrival)["data"] for arrival in arrivals}
        assert alerts["nagorno-karabakh"]["level"] == "orange"  # 30 killed: 20 soldiers + 10 civilians
        assert alerts["nagorno-karabakh"]["best"] == 30
        assert alerts["gaza"]["level"] == "info"
        assert alerts["gaza"]["best"] == 5
    finally:
        worker.stop()
        drop_topics(bootstrap, catalogue)
