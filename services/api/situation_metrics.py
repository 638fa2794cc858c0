"""The situation itself as Prometheus metrics, collected from the API's read model at each scrape.

Series (label values bounded: `region` is one of the gazetteer's regions in seeds/regions.yaml
or `other`, which sums every region outside it — `country-xx` fallbacks, `unknown`):

- `sitmon_situation_casualties{region, outcome, group, window, estimate}` — killed and injured,
  people in general (`group="all"`) and children, over `24h` and `7d`, as `best`, `low`, `high`;
- `sitmon_situation_ceasefire_status{region, sitmon_situation_ceasefire_status}` — a state-set:
  1 for the region's current phase, 0 for the others (gazetteer regions only: phases of
  several regions do not fold into one);
- `sitmon_situation_as_of_seconds{region}` — the event time of the region's picture;
- `sitmon_alerts_firing{region, level}` — alerts firing now.

At most 33 regions × (2 outcomes × 2 groups × 2 windows × 3 estimates) casualty series,
9 phases per region and 5 levels per region: a few thousand series at the very most.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import get_args

from prometheus_client.core import GaugeMetricFamily, Metric, StateSetMetricFamily
from prometheus_client.registry import Collector

from services.api.read_model import ReadModel
from streams.situation import CeasefirePhase, SituationChanged
from streams.subscriptions import Level

OTHER = "other"
OUTCOMES = ("killed", "injured")
GROUPS: dict[str | None, str] = {None: "all", "children": "children"}
WINDOWS = ("24h", "7d")
ESTIMATES = ("best", "low", "high")
PHASES: tuple[str, ...] = tuple(
    phase for member in get_args(CeasefirePhase) for phase in (get_args(member) or (member,))
)
LEVELS: tuple[str, ...] = get_args(Level)


class SituationCollector(Collector):
    def __init__(self, model: ReadModel, regions: Iterable[str]) -> None:
        self.model = model
        self.regions = frozenset(regions)

    def label(self, region: str) -> str:
        return region if region in self.regions else OTHER

    def collect(self) -> Iterator[Metric]:
        pictures = list(self.model.situations.values())
        yield self._casualties(pictures)
        yield self._ceasefire(pictures)
        as_of = GaugeMetricFamily(
            "sitmon_situation_as_of_seconds",
            "Event time of the region's current picture (unix seconds)",
            labels=["region"],
        )
        for picture in pictures:
            if picture.region in self.regions:
                as_of.add_metric([picture.region], picture.as_of.timestamp())
        yield as_of
        yield self._firing()

    def _casualties(self, pictures: list[SituationChanged]) -> GaugeMetricFamily:
        sums: dict[tuple[str, str, str, str, str], int] = defaultdict(int)
        for picture in pictures:
            region = self.label(picture.region)
            for tally in picture.casualties:
                group = GROUPS.get(tally.group)
                if tally.outcome not in OUTCOMES or group is None or tally.window not in WINDOWS:
                    continue
                for estimate in ESTIMATES:
                    sums[(region, tally.outcome, group, tally.window, estimate)] += getattr(tally, estimate)
        family = GaugeMetricFamily(
            "sitmon_situation_casualties",
            "People killed or injured in the region over the window (people in general or children), "
            "best estimate with its low and high bounds",
            labels=["region", "outcome", "group", "window", "estimate"],
        )
        for labels, value in sorted(sums.items()):
            family.add_metric(list(labels), value)
        return family

    def _ceasefire(self, pictures: list[SituationChanged]) -> StateSetMetricFamily:
        family = StateSetMetricFamily(
            "sitmon_situation_ceasefire_status", "The region's ceasefire phase", labels=["region"]
        )
        for picture in sorted(pictures, key=lambda p: p.region):
            if picture.region in self.regions:
                current = picture.ceasefire.status
                family.add_metric([picture.region], {phase: phase == current for phase in PHASES})
        return family

    def _firing(self) -> GaugeMetricFamily:
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for alert in self.model.alerts.values():
            if alert.status == "firing":
                counts[(self.label(alert.region), alert.level)] += 1
        family = GaugeMetricFamily("sitmon_alerts_firing", "Alerts firing now", labels=["region", "level"])
        for (region, level), count in sorted(counts.items()):
            family.add_metric([region, level], count)
        return family
