"""Casualty levels from a region snapshot: 24 h and 7 d tiers, the spike rule, children, provisional.

Pure: the snapshot, the rules and the trailing daily mean in; an Observation out, with the
rule that decided and its reason (which also labels metrics).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from alerts.rules.model import CasualtyRules, level_rank, raise_level
from alerts.rules.observation import Observation
from streams.alerting import AlertValues
from streams.situation import SituationChanged, Tally
from streams.subscriptions import Level

EVIDENCE_LIMIT = 5


@dataclass(frozen=True)
class _Candidate:
    level: Level
    rule: str
    window: str
    threshold: int
    tally: Tally


def _tally(situation: SituationChanged, outcome: str, window: str, group: str | None) -> Tally | None:
    for tally in situation.casualties:
        if tally.outcome == outcome and tally.window == window and tally.group == group:
            return tally
    return None


def _tier(tally: Tally, tiers: dict[Level, int]) -> tuple[Level, int] | None:
    reached = [(level, threshold) for level, threshold in tiers.items() if tally.best >= threshold]
    return max(reached, key=lambda item: level_rank(item[0])) if reached else None


def _candidates(situation: SituationChanged, rules: CasualtyRules, baseline: float | None) -> list[_Candidate]:
    found: list[_Candidate] = []
    for window, tiers in rules.tiers.items():
        tally = _tally(situation, rules.outcome, window, None)
        if tally is not None and (tier := _tier(tally, tiers)) is not None:
            found.append(_Candidate(tier[0], f"casualties_{window}", window, tier[1], tally))
    spike = rules.spike
    day = _tally(situation, rules.outcome, "24h", None)
    if spike is not None and day is not None and baseline is not None:
        threshold = max(spike.minimum, math.ceil(spike.factor * baseline))
        if day.best >= threshold:
            found.append(_Candidate(spike.level, "casualties_spike", "24h", threshold, day))
    return found


def observe_casualties(situation: SituationChanged, rules: CasualtyRules, baseline: float | None) -> Observation:
    """The casualty observation of a snapshot; `baseline` is the trailing daily mean, None when unknown."""
    day = _tally(situation, rules.outcome, "24h", None)
    week = _tally(situation, rules.outcome, "7d", None)
    candidates = _candidates(situation, rules, baseline)
    # the higher level applies; on a tie the shorter window (the fresher signal) is quoted
    best = max(candidates, key=lambda c: (level_rank(c.level), c.window == "24h"), default=None)
    quoted = best.tally if best is not None else (day or week)
    level: Level | None = best.level if best is not None else None
    rule = best.rule if best is not None else "casualties"
    reason = "threshold_crossed" if best is not None else "below_thresholds"
    children = _tally(situation, rules.outcome, best.window, "children") if best is not None else None
    if level is not None and children is not None and children.best > 0 and rules.children_raise_tiers:
        raised = raise_level(level, rules.children_raise_tiers)
        if raised != level:
            level, rule, reason = raised, rule + "+children", "children_killed"
    provisional = level is not None and quoted is not None and quoted.sources < rules.confirmed_sources
    values = AlertValues(
        low=quoted.low if quoted else None,
        best=quoted.best if quoted else None,
        high=quoted.high if quoted else None,
        threshold=best.threshold if best else None,
        window=quoted.window if quoted else None,
        children_best=children.best if children else None,
        best_24h=day.best if day else None,
        best_7d=week.best if week else None,
        baseline_daily_mean=baseline,
        sources=quoted.sources if quoted else 0,
        source_names=_source_names(quoted),
        evidence=_evidence(quoted),
        provisional=provisional,
        situation_sequence=situation.sequence,
        as_of=situation.as_of,
    )
    return Observation(kind="casualties", region=situation.region, level=level, rule=rule, reason=reason, values=values)


def _source_names(tally: Tally | None) -> tuple[str, ...]:
    if tally is None:
        return ()
    names = (ref.outlet or ref.source for ref in tally.figures)
    return tuple(dict.fromkeys(name for name in names if name))


def _evidence(tally: Tally | None) -> tuple[str, ...]:
    if tally is None:
        return ()
    return tuple(dict.fromkeys(ref.sentence for ref in tally.figures))[:EVIDENCE_LIMIT]


def observe_level_for_values(values: AlertValues, rules: CasualtyRules) -> Level | None:
    """The tier level of recorded values under other thresholds (a subscriber's own overrides)."""
    reached: list[Level] = []
    for window, figure in (("24h", values.best_24h), ("7d", values.best_7d)):
        tiers = rules.tiers.get(window)
        if tiers and figure is not None:
            reached.extend(level for level, threshold in tiers.items() if figure >= threshold)
    if not reached:
        return None
    level = max(reached, key=level_rank)
    if values.children_best and rules.children_raise_tiers:
        level = raise_level(level, rules.children_raise_tiers)
    return level
