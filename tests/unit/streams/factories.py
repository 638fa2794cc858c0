"""Building `ReportsExtracted` events by hand, as the extractor would publish them.

Shared by the unit tests of the folds and the worker's integration tests, which produce these
events on a real broker (they do not need the extractor).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from streams.events import (
    CasualtyFigure,
    CeasefireStatement,
    LocationMention,
    Outcome,
    Qualifier,
    ReportsExtracted,
    stable_id,
)
from streams.events import Group as GroupName

REGION = "nagorno-karabakh"
SEED_AT = datetime(2023, 9, 20, 18, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def figure(
    count: int,
    outcome: Outcome = "killed",
    group: GroupName | None = None,
    *,
    source: str | None = None,
    qualifier: Qualifier = "exact",
    background: bool = False,
    sentence: str | None = None,
) -> CasualtyFigure:
    text = sentence or f"{source or 'Officials'} said {count} {group or 'people'} were {outcome}."
    return CasualtyFigure(
        sentence=text,
        start=0,
        end=len(text),
        outcome=outcome,
        count=count,
        qualifier=qualifier,
        group=group,
        source=source,
        background=background,
    )


def statement(
    status: str,
    *,
    parties: Sequence[str] = (),
    mediators: Sequence[str] = (),
    background: bool = False,
    sentence: str | None = None,
) -> CeasefireStatement:
    text = sentence or f"The ceasefire was {status.replace('_', ' ')}."
    return CeasefireStatement.model_validate(
        {
            "sentence": text,
            "start": 0,
            "end": len(text),
            "status": status,
            "parties": tuple(parties),
            "mediators": tuple(mediators),
            "background": background,
        }
    )


def report(
    article_id: str,
    *,
    at: datetime = SEED_AT,
    outlet: str | None = "terra",
    region: str = REGION,
    places: Sequence[str] = ("Stepanakert",),
    casualties: Sequence[CasualtyFigure] = (),
    ceasefire: Sequence[CeasefireStatement] = (),
    event_id: str | None = None,
    revised_at: datetime | None = None,
    extractor_version: str = "test",
) -> ReportsExtracted:
    return ReportsExtracted(
        event_id=event_id or stable_id("reports", article_id, *_derivation_parts(revised_at, extractor_version)),
        occurred_at=at,
        article_id=article_id,
        article_event_id=stable_id("article", article_id),
        outlet=outlet,
        published_at=at,
        extractor_version=extractor_version,
        revised_at=revised_at,
        region=region,
        locations=tuple(LocationMention(name=name, start=0, end=len(name), region=region) for name in places),
        casualties=tuple(casualties),
        ceasefire=tuple(ceasefire),
    )


def _derivation_parts(revised_at: datetime | None, extractor_version: str) -> list[str]:
    """A revision or another extractor's report of the same article is another event."""
    parts = [revised_at.isoformat()] if revised_at is not None else []
    return parts + ([extractor_version] if extractor_version != "test" else [])


def seed_figures(killed: int = 32) -> list[CasualtyFigure]:
    """The seed article's figures: 32 killed (7 civilians, 2 children), over 200 injured, 30+ in a heading."""
    authorities = "Armenian authorities"
    return [
        figure(30, qualifier="at_least", sentence="Over 30 deaths in 24 hours"),
        figure(killed, source=authorities),
        figure(200, "injured", source=authorities, qualifier="at_least"),
        figure(7, group="civilians", source=authorities),
        figure(2, group="children", source=authorities),
        figure(6500, background=True, sentence="The 2020 war killed about 6,500 people."),
    ]


def seed_story(article_id: str, outlet: str, at: datetime = SEED_AT) -> ReportsExtracted:
    """The seed article as one outlet published it: figures and the agreed ceasefire."""
    return report(
        article_id,
        at=at,
        outlet=outlet,
        casualties=seed_figures(),
        ceasefire=[
            statement(
                "agreed",
                parties=("Azerbaijan", "Artsakh"),
                mediators=("Russia",),
                sentence="the two sides agreed this Wednesday (20/09) on a ceasefire",
            ),
            statement("violated", background=True, sentence="The pact, however, was violated several times."),
        ],
    )


def synthetic_log(count: int, *, regions: int = 20, seed: int = 7, start: datetime = SEED_AT) -> list[ReportsExtracted]:
    """A reproducible log with everything the fold must handle: outlets repeating tallies, rising
    tolls, subgroups, background figures, duplicates, late reports (< 48 h) and ceasefire news."""
    import random

    rng = random.Random(seed)
    outlets = ("terra", "dw", "reuters", "afp", "apa", "armenpress")
    towns = ("North", "South", "East", "West")
    statuses = ("proposed", "agreed", "in_effect", "violated", "violated", "collapsed")
    log: list[ReportsExtracted] = []
    for index in range(count):
        region = f"region-{rng.randrange(regions):03d}"
        hours = index * 0.5 - (rng.random() * 40 if rng.random() < 0.1 else 0)  # some arrive late
        if log and rng.random() < 0.03:
            log.append(log[rng.randrange(len(log))])  # a redelivered duplicate
            continue
        toll = rng.randrange(1, 60)
        casualties = [figure(toll, source=rng.choice(("ministry", "red cross", None)))]
        if rng.random() < 0.3:
            casualties.append(figure(toll // 3, group="civilians"))
        if rng.random() < 0.1:
            casualties.append(figure(rng.randrange(100, 9000), background=True))
        news = [statement(rng.choice(statuses), parties=("A", "B"))] if rng.random() < 0.15 else []
        log.append(
            report(
                f"s{seed}-{index}",
                at=start + timedelta(hours=hours),
                outlet=rng.choice(outlets),
                region=region,
                places=(rng.choice(towns),),
                casualties=casualties,
                ceasefire=news,
            )
        )
    return log
