"""Rules 1–6 and dead letters, proven on the real broker through a real `sitmon worker`.

One worker runs for the module on fresh topics; each region of the log exercises one rule,
and each test reads that region's latest picture from the situation topic, as users do.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from streams.envelope import decode, encode
from streams.events import ArticleReceived, DeadLettered
from streams.situation import SituationChanged, Tally
from streams.topics import Catalogue
from tests.integration.test_worker_harness import (
    Item,
    WorkerProcess,
    drop_topics,
    expected_pictures,
    fresh_topics,
    produce_reports,
    published_pictures,
    wait_for_pictures,
)
from tests.kafka_helpers import read_records
from tests.unit.streams.factories import DAY, HOUR, SEED_AT, figure, report, seed_story

pytestmark = pytest.mark.integration

RISING, TOWNS, BACKGROUND = "rising-toll", "two-towns", "background-only"
POISON_VALUE = b'{"specversion": "1.0", "id": "x", "source": "/t", "type": "org.sitmon.reports.extracted", "data": {'


def the_log() -> list[Item]:
    seed = [
        seed_story("terra-1", "terra"),
        seed_story("dw-1", "dw", at=SEED_AT + 2 * HOUR),
        seed_story("reuters-1", "reuters", at=SEED_AT + 5 * HOUR),
    ]
    stranger = ArticleReceived(
        event_id="article-on-the-wrong-topic",
        occurred_at=SEED_AT,
        article_id="x",
        text="hello",
        published_at=SEED_AT,
        origin="test",
    )
    return [
        seed[0],
        (b"nagorno-karabakh", POISON_VALUE, 1695232800000),  # truncated JSON, between good reports
        seed[0],  # rule 1: the same article again
        seed[1],
        (b"nagorno-karabakh", encode(stranger, subject="x"), 1695232800000),  # a valid event of the wrong type
        seed[2],
        seed_story("terra-1-again", "terra", at=SEED_AT + 6 * HOUR),  # rule 1: same figures, same outlet
        report("r1", region=RISING, outlet="terra", casualties=[figure(27, source="Armenian authorities")]),
        report(
            "r2",
            region=RISING,
            outlet="terra",
            at=SEED_AT + 4 * HOUR,
            casualties=[figure(32, source="Armenian authorities")],
        ),
        report("t1", region=TOWNS, places=["Stepanakert"], casualties=[figure(5)]),
        report("t2", region=TOWNS, at=SEED_AT + 3 * DAY, places=["Martuni"], casualties=[figure(3)]),
        report("b1", region=BACKGROUND, casualties=[figure(6500, background=True)]),
        report("b2", region=BACKGROUND, at=SEED_AT + HOUR, casualties=[figure(4, background=True), figure(1)]),
    ]


Run = tuple[Catalogue, list[tuple[int, int]]]  # the topics, and where each item of the log landed


@pytest.fixture(scope="module")
def run(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    catalogue = fresh_topics(bootstrap)
    worker = WorkerProcess(bootstrap, catalogue, tmp_path_factory.mktemp("semantics") / "worker").start()
    try:
        log = the_log()
        positions = produce_reports(bootstrap, catalogue, log)
        wait_for_pictures(bootstrap, catalogue, expected_pictures(log), timeout_s=90)
        yield catalogue, positions
    finally:
        worker.stop()
        drop_topics(bootstrap, catalogue)


def picture(bootstrap: str, catalogue: Catalogue, region: str) -> SituationChanged:
    event = decode(published_pictures(bootstrap, catalogue)[region])
    assert isinstance(event, SituationChanged)
    return event


def tally(situation: SituationChanged, window: str, group: str | None = None, outcome: str = "killed") -> Tally:
    [found] = [t for t in situation.casualties if (t.outcome, t.group, t.window) == (outcome, group, window)]
    return found


def test_rules_1_and_2_three_outlets_and_two_repeats_give_one_tally_of_32(bootstrap: str, run: Run) -> None:
    situation = picture(bootstrap, run[0], "nagorno-karabakh")
    for window in ("24h", "7d", "all"):
        killed = tally(situation, window)
        assert (killed.best, killed.sources, killed.incidents) == (32, 3, 1)  # not 64 or 96
    assert situation.sequence == 4  # the repeated article changed nothing; the re-ingest under a new id was folded
    assert situation.ceasefire.status == "agreed"
    assert situation.ceasefire.mediators == ("Russia",)


def test_rule3_a_rising_toll_supersedes(bootstrap: str, run: Run) -> None:
    killed = tally(picture(bootstrap, run[0], RISING), "all")
    assert (killed.low, killed.best, killed.high) == (32, 32, 32)  # not 59


def test_rule4_children_within_civilians_within_all(bootstrap: str, run: Run) -> None:
    situation = picture(bootstrap, run[0], "nagorno-karabakh")
    for window in ("24h", "7d", "all"):
        assert (tally(situation, window, "children").best, tally(situation, window, "civilians").best) == (2, 7)
        assert tally(situation, window).best == 32


def test_rule5_background_figures_count_for_nothing(bootstrap: str, run: Run) -> None:
    assert tally(picture(bootstrap, run[0], BACKGROUND), "all").best == 1
    data = json.loads(published_pictures(bootstrap, run[0])["nagorno-karabakh"])["data"]
    assert all(figure["count"] != 6500 for t in data["casualties"] for figure in t["figures"])


def test_rule6_incidents_three_days_apart_in_two_towns_add_up(bootstrap: str, run: Run) -> None:
    situation = picture(bootstrap, run[0], TOWNS)
    assert (tally(situation, "7d").best, tally(situation, "7d").incidents) == (8, 2)
    assert tally(situation, "24h").best == 3


def test_poison_records_are_dead_lettered_with_offset_and_reason_and_the_partition_flows(
    bootstrap: str, run: Run
) -> None:
    catalogue, positions = run
    records = asyncio.run(read_records(bootstrap, catalogue.dlq.name, expect=2))
    letters = [decode(record.value) for record in records]
    assert all(isinstance(letter, DeadLettered) and letter.stage == "worker" for letter in letters)
    expected_origins = {
        f"{catalogue.reports.name}[{partition}]@{offset}" for partition, offset in (positions[1], positions[4])
    }
    assert {getattr(letter, "origin", None) for letter in letters} == expected_origins
    reasons = " | ".join(getattr(letter, "reason", "") for letter in letters)
    assert "not JSON" in reasons and "expected a reports.extracted event, got article.received" in reasons
    # the reports after each poison record, in the same partition, were folded (3 outlets seen above)
    assert tally(picture(bootstrap, catalogue, "nagorno-karabakh"), "all").sources == 3


def sitmon(bootstrap: str, catalogue: Catalogue, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITMON_KAFKA_BOOTSTRAP": bootstrap, "SITMON_TOPIC_PREFIX": catalogue.prefix}
    command = [sys.executable, "-c", "from services.cli.main import run; run()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_sitmon_situation_prints_the_json_interface_and_refolds_as_of_a_past_time(bootstrap: str, run: Run) -> None:
    now = sitmon(bootstrap, run[0], "situation", "nagorno-karabakh", "--json")
    assert now.returncode == 0, now.stderr
    data = json.loads(now.stdout)
    assert {"region", "as_of", "casualties", "ceasefire"} <= set(data)
    killed = [t for t in data["casualties"] if (t["outcome"], t["group"], t["window"]) == ("killed", None, "all")]
    assert (killed[0]["best"], killed[0]["sources"]) == (32, 3)

    earlier = sitmon(bootstrap, run[0], "situation", "nagorno-karabakh", "--json", "--as-of", "2023-09-20T19:00:00Z")
    assert earlier.returncode == 0, earlier.stderr
    then = json.loads(earlier.stdout)
    assert then["as_of"] == "2023-09-20T19:00:00Z"
    killed_then = [t for t in then["casualties"] if (t["outcome"], t["group"], t["window"]) == ("killed", None, "all")]
    assert (killed_then[0]["best"], killed_then[0]["sources"]) == (32, 1)  # only the first outlet had published

    table = sitmon(bootstrap, run[0], "situation")
    assert table.returncode == 0 and "nagorno-karabakh" in table.stdout and RISING in table.stdout
    missing = sitmon(bootstrap, run[0], "situation", "atlantis")
    assert missing.returncode == 1 and "no picture for region 'atlantis'" in missing.stderr
    bad_time = sitmon(bootstrap, run[0], "situation", "--as-of", "yesterday")
    assert bad_time.returncode == 2 and "ISO 8601" in bad_time.stderr
