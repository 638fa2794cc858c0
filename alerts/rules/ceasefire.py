"""Ceasefire alerts: the region's ceasefire phase mapped to a level (agreed → info, collapsed → red)."""

from __future__ import annotations

from alerts.rules.model import RuleSet
from alerts.rules.observation import Observation
from streams.alerting import AlertValues
from streams.situation import SituationChanged


def observe_ceasefire(situation: SituationChanged, rules: RuleSet) -> Observation:
    picture = situation.ceasefire
    level = rules.ceasefire.get(picture.status)
    values = AlertValues(
        ceasefire_status=picture.status,
        parties=picture.parties,
        mediators=picture.mediators,
        evidence=(picture.evidence,) if picture.evidence else (),
        situation_sequence=situation.sequence,
        as_of=situation.as_of,
    )
    return Observation(
        kind="ceasefire",
        region=situation.region,
        level=level,
        rule=f"ceasefire_{picture.status}",
        reason="ceasefire_transition" if level is not None else "phase_not_alerting",
        values=values,
    )
