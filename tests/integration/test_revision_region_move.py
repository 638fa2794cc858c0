"""An article revision that the extractor places in another region withdraws the article from its
old region (pushed articles; feed revisions take the same `prepare` path), on the real broker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.ingest.pipeline import ExtractionStep
from services.ingest.push import PushIntake
from services.kafka.producer import EventProducer
from services.rederive.fold_log import RegionResult, fold_reports_log
from streams.events import ArticleReceived, CasualtyFigure, Extraction
from streams.topics import Catalogue
from tests.kafka_helpers import read_records

pytestmark = pytest.mark.integration
AT = datetime(2024, 3, 1, 8, tzinfo=UTC)


def by_town(article: ArticleReceived) -> Extraction:
    """A stand-in extractor: the region is the town the text names; the figure, the number in it."""
    region = "region-north" if "Northtown" in article.text else "region-south"
    count = int(next(word for word in article.text.split() if word.isdigit()))
    return Extraction(
        region=region,
        casualties=(
            CasualtyFigure(sentence=article.text, start=0, end=len(article.text), outcome="killed", count=count),
        ),
    )


def killed(folded_regions: dict[str, RegionResult], region: str) -> int:
    result = folded_regions.get(region)
    if result is None:
        return 0
    picture = result.picture
    return next((t.best for t in picture.casualties if (t.outcome, t.group, t.window) == ("killed", None, "all")), 0)


async def test_a_pushed_revision_placed_elsewhere_stops_counting_in_the_old_region(
    bootstrap: str, catalogue: Catalogue
) -> None:
    async with EventProducer(bootstrap, source="/test/push") as producer:
        intake = PushIntake(
            producer=producer, catalogue=catalogue, extraction=ExtractionStep(by_town, "x/1"), clock=lambda: AT
        )
        first = '{"id": "story", "text": "12 killed in Northtown.", "published_at": "2024-03-01T08:00:00Z"}'
        other = '{"id": "other", "text": "5 killed in Northtown.", "published_at": "2024-03-01T09:00:00Z"}'
        await intake.take(first + "\n" + other, json_lines=True)
        revised = '{"id": "story", "text": "12 killed in Southtown.", "published_at": "2024-03-01T08:00:00Z"}'
        result = await intake.take(revised, json_lines=False)
    assert [a.status for a in result.articles] == ["revised"]
    # a transaction's commit markers are written after the commit returns: wait until all 4 show
    assert len(await read_records(bootstrap, catalogue.reports.name, expect=4)) == 4  # 3 reports, 1 withdrawal
    folded = await fold_reports_log(bootstrap, catalogue.reports.name)
    assert killed(folded.regions, "region-north") == 5  # the story counts there no more; `other` still does
    assert killed(folded.regions, "region-south") == 12
    assert folded.records == 4 and folded.dead_letters == 0
