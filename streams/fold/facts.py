"""What the fold reads of a report: `ReportFacts`, built once per report, before folding.

The fold needs a report's identity, its event time in milliseconds, its `derivation_key`, its
places in the region and its non-background figures and statements — an article's
`Contribution`. Building that once, from either a contract model (`facts_of`) or straight from
the record's bytes (`streams.worker.report_reader`, without building the pydantic models), lets
the fold's hot loop work on plain slots objects. The facts are a template: the fold itemises a
fresh copy of the contribution (`Contribution.copy`), because it empties an archived article's
figures in place, and the same facts may be folded into several states (tests, `--as-of`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from streams.events import ReportsExtracted, derivation_key
from streams.fold.state import Contribution, Figure, to_ms


@dataclass(slots=True)  # not frozen: built once per report, and a frozen dataclass is slower to build
class ReportFacts:
    region: str
    contribution: Contribution  # the article's contribution as this report states it (copy before keeping)
    background: int = 0  # background figures left out of it (a past war's toll), for FoldStats

    @property
    def article_id(self) -> str:
        return self.contribution.article_id

    @property
    def event_id(self) -> str:
        return self.contribution.event_id


@functools.lru_cache(maxsize=4096)  # place names and sources repeat from report to report
def normalised(text: str | None) -> str | None:
    """Whitespace collapsed and case folded; None for no text (how places and sources compare)."""
    if text is None:
        return None
    folded = " ".join(text.split()).casefold()
    return folded or None


def region_places(region: str, places: list[tuple[str, str | None]]) -> list[str]:
    """Places (name, region) of the report inside its region (a place elsewhere says nothing about
    this incident), normalised, sorted, each once."""
    names = {name for place, in_region in places if in_region in (None, region) and (name := normalised(place))}
    return sorted(names)


def facts_of(report: ReportsExtracted) -> ReportFacts:
    figures = [
        Figure(figure.outcome, figure.group, figure.count, figure.qualifier, figure.source, figure.sentence)
        for figure in report.casualties
        if not figure.background
    ]
    contribution = Contribution(
        article_id=report.article_id,
        event_id=report.event_id,
        key=derivation_key(report),
        event_ms=to_ms(report.published_at),
        outlet=report.outlet,
        places=region_places(report.region, [(loc.name, loc.region) for loc in report.locations]),
        figures=figures,
        statements=[statement for statement in report.ceasefire if not statement.background],
    )
    return ReportFacts(report.region, contribution, len(report.casualties) - len(figures))
