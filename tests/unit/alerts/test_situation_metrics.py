"""The situation as Prometheus metrics: the seed story's picture as gauges, a bounded label set,
and an exposition that Prometheus's own `promtool check metrics` accepts."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from services.api.read_model import ReadModel
from services.api.situation_metrics import SituationCollector
from services.cli.ingest import extract_article
from services.extraction.extractor import EXTRACTOR_VERSION
from services.extraction.region.seed import load_seed
from services.ingest.pipeline import ExtractionStep, prepare, read_all
from services.ingest.sources import Limits
from streams.alerting import AlertTransitioned, AlertValues
from streams.envelope import encode
from streams.events import ReportsExtracted
from streams.fold.region import fold_into, new_region
from streams.fold.snapshot import snapshot
from streams.topics import Catalogue
from tests.integration.alert_stack import killed
from tests.integration.alert_stack import snapshot as picture_of

SEED_ARTICLE = Path(__file__).resolve().parents[3] / "seeds" / "articles" / "2023-09-20-nagorno-karabakh-ceasefire.md"
REGIONS = sorted(load_seed().regions)


def seed_model() -> ReadModel:
    """The seed article, extracted and folded as ingest and the worker do, in the API's read model."""
    step = ExtractionStep(extract_article, EXTRACTOR_VERSION)
    prepared = [
        prepare(item, catalogue=Catalogue(), extraction=step, now=datetime.now(UTC))
        for item in read_all([SEED_ARTICLE], Limits())
    ]
    reports: list[ReportsExtracted] = [p.reports for p in prepared if p.reports is not None]
    model = ReadModel()
    for report in reports:
        state = new_region(report.region)
        fold_into(state, [report])
        model.apply("situation", report.region.encode(), encode(snapshot(state), subject=report.region))
    return model


def samples(registry: CollectorRegistry) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    text = generate_latest(registry).decode()
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(found: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float | None:
    return found.get((name, frozenset(labels.items())))


def test_the_seed_story_shows_32_killed_in_24h_and_an_agreed_ceasefire() -> None:
    registry = CollectorRegistry()
    registry.register(SituationCollector(seed_model(), REGIONS))
    found = samples(registry)
    nk = {"region": "nagorno-karabakh", "outcome": "killed", "window": "24h"}
    assert value(found, "sitmon_situation_casualties", **nk, group="all", estimate="best") == 32
    assert value(found, "sitmon_situation_casualties", **nk, group="all", estimate="low") == 30
    assert value(found, "sitmon_situation_casualties", **nk, group="children", estimate="best") == 2
    status = "sitmon_situation_ceasefire_status"
    assert value(found, status, region="nagorno-karabakh", **{status: "agreed"}) == 1
    assert value(found, status, region="nagorno-karabakh", **{status: "none"}) == 0
    assert value(found, status, region="nagorno-karabakh", **{status: "violated"}) == 0


def test_regions_outside_the_gazetteer_fold_into_other_and_firing_alerts_are_counted() -> None:
    model = ReadModel()
    for region, best in (("gaza", 10), ("country-am", 3), ("unknown", 4)):
        model.apply("situation", region.encode(), encode(picture_of(killed(best), region=region), subject=region))
    for n, (region, status) in enumerate((("gaza", "firing"), ("country-am", "firing"), ("unknown", "resolved"))):
        transition = AlertTransitioned(
            event_id=f"t{n}",
            occurred_at=datetime.now(UTC),
            alert_id=f"a{n}",
            group_key=region,
            kind="casualties",
            region=region,
            rule="casualties_24h",
            level="yellow",
            status=status,  # type: ignore[arg-type]
            seq=1,
            reason="test",
            values=AlertValues(),
        )
        model.apply("alerts", region.encode(), encode(transition, subject=region))
    registry = CollectorRegistry()
    registry.register(SituationCollector(model, REGIONS))
    found = samples(registry)
    labels = {"outcome": "killed", "group": "all", "window": "24h", "estimate": "best"}
    assert value(found, "sitmon_situation_casualties", region="gaza", **labels) == 10
    assert value(found, "sitmon_situation_casualties", region="other", **labels) == 7  # 3 + 4, summed
    assert value(found, "sitmon_alerts_firing", region="gaza", level="yellow") == 1
    assert value(found, "sitmon_alerts_firing", region="other", level="yellow") == 1
    regions = {dict(labels)["region"] for (_, labels) in found if "region" in dict(labels)}
    assert regions <= {*REGIONS, "other"}


PROMTOOL = shutil.which("promtool")


@pytest.mark.skipif(PROMTOOL is None, reason="promtool not installed (apt-get install prometheus)")
def test_promtool_accepts_the_exposition() -> None:
    registry = CollectorRegistry()
    registry.register(SituationCollector(seed_model(), REGIONS))
    assert PROMTOOL is not None
    done = subprocess.run(
        [PROMTOOL, "check", "metrics"], input=generate_latest(registry), capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip() and not done.stderr.strip(), done.stdout + done.stderr


def test_the_grafana_dashboard_has_a_region_variable_bands_and_a_ceasefire_timeline() -> None:
    import json

    path = Path(__file__).resolve().parents[3] / "deploy" / "grafana" / "sitmon-situation.json"
    dashboard = json.loads(path.read_text())
    assert dashboard["title"] == "sitmon situation"
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert "label_values(sitmon_situation_casualties, region)" in json.dumps(variables["region"])
    panels = dashboard["panels"]
    bands = [p for p in panels if "sitmon_situation_casualties" in json.dumps(p["targets"])]
    assert bands, "no casualty panels"
    for panel in bands:
        assert [t["legendFormat"] for t in panel["targets"]] == ["best", "low", "high"]
        assert all('region="$region"' in t["expr"] for t in panel["targets"])
        assert "fillBelowTo" in json.dumps(panel["fieldConfig"]["overrides"])  # the low–high band
    timelines = [p for p in panels if p["type"] == "state-timeline"]
    assert len(timelines) == 1 and "sitmon_situation_ceasefire_status" in timelines[0]["targets"][0]["expr"]
