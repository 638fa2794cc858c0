"""Build SituationChanged snapshots for alert tests, the way the worker publishes them."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.situation import Cause, CeasefirePicture, FigureRef, SituationChanged, Tally

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def tally(
    best: int,
    *,
    window: str = "24h",
    group: str | None = None,
    sources: int = 2,
    low: int | None = None,
    high: int | None = None,
    sentence: str | None = None,
) -> Tally:
    outlets = ["Reuters", "AP", "AFP", "BBC"][: max(sources, 1)]
    text = sentence or f"{best} people were killed in the shelling, officials said."
    return Tally(
        outcome="killed",
        group=group,  # type: ignore[arg-type]
        window=window,  # type: ignore[arg-type]
        low=best if low is None else low,
        best=best,
        high=best if high is None else high,
        sources=sources,
        figures=tuple(
            FigureRef(article_id=f"a{i}", outlet=outlet, count=best, published_at=T0, sentence=text)
            for i, outlet in enumerate(outlets)
        ),
    )


def situation(
    *tallies: Tally,
    region: str = "nagorno-karabakh",
    sequence: int = 1,
    at: datetime = T0,
    ceasefire: str = "none",
    ceasefire_sentence: str | None = None,
) -> SituationChanged:
    return SituationChanged(
        event_id=f"sit-{region}-{sequence}",
        occurred_at=at,
        region=region,
        as_of=at,
        sequence=sequence,
        casualties=tallies,
        ceasefire=CeasefirePicture(
            status=ceasefire,  # type: ignore[arg-type]
            since=at if ceasefire != "none" else None,
            parties=("Armenia", "Azerbaijan") if ceasefire != "none" else (),
            evidence=ceasefire_sentence,
        ),
        cause=Cause(event_id=f"rep-{sequence}", article_id=f"a{sequence}", published_at=at),
    )
