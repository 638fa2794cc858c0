"""A revision placed in another region than the article's last report withdraws it there, in the
same transaction as the revision (`prepare`)."""

from __future__ import annotations

from datetime import UTC, datetime

from services.ingest.pipeline import ExtractionStep, prepare
from services.ingest.sources import IncomingArticle
from streams.events import ArticleReceived, Extraction, ReportsExtracted
from streams.topics import Catalogue

CATALOGUE = Catalogue("t.")
NOW = datetime(2024, 3, 1, tzinfo=UTC)
ARTICLE = IncomingArticle(id="story", text="Text.", origin="test")


def placed_in(region: str) -> ExtractionStep:
    return ExtractionStep(lambda _: Extraction(region=region), "x/1")


def reports_of(withdraw_from: str | None, region: str = "south") -> list[tuple[str, ReportsExtracted]]:
    prepared = prepare(ARTICLE, catalogue=CATALOGUE, extraction=placed_in(region), now=NOW, withdraw_from=withdraw_from)
    return [(r.key, r.event) for r in prepared.records if isinstance(r.event, ReportsExtracted)]


def test_a_revision_elsewhere_withdraws_the_article_from_its_last_region() -> None:
    (key, report), (old_key, withdrawn) = reports_of("north")
    assert (key, report.region, old_key, withdrawn.region) == ("south", "south", "north", "north")
    assert withdrawn.casualties == withdrawn.ceasefire == () and withdrawn.article_id == report.article_id


def test_a_revision_in_the_same_region_or_a_first_text_withdraws_nothing() -> None:
    assert [key for key, _ in reports_of("south")] == ["south"]
    assert [key for key, _ in reports_of(None)] == ["south"]


def test_a_failed_extraction_withdraws_nothing() -> None:
    def broken(_: ArticleReceived) -> Extraction:
        raise RuntimeError("stage broke")

    prepared = prepare(
        ARTICLE, catalogue=CATALOGUE, extraction=ExtractionStep(broken, "x/1"), now=NOW, withdraw_from="north"
    )
    assert not any(isinstance(r.event, ReportsExtracted) for r in prepared.records)
