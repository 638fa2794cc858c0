"""Article ids and event ids are stable, so re-ingesting the same article is recognisable."""

from __future__ import annotations

from datetime import UTC, datetime

from services.ingest.articles import article_id, article_received
from services.ingest.sources import IncomingArticle

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def make(**fields: object) -> IncomingArticle:
    return IncomingArticle.model_validate({"text": "Twelve people were killed.", "origin": "f.txt", **fields})


def test_the_given_id_wins_then_the_url_then_the_text() -> None:
    assert article_id(make(id="wire-1", url="https://x.org/a")) == "wire-1"
    assert article_id(make(url="https://x.org/a/")) == article_id(make(url="https://X.org/a"))
    assert article_id(make()) == article_id(make(text="Twelve   people were KILLED."))
    assert article_id(make()) != article_id(make(text="Thirteen people were killed."))


def test_the_same_content_gives_the_same_event_id_and_changed_content_a_new_one() -> None:
    first = article_received(make(id="a", published_at="2023-09-20T18:00:00Z"), NOW)
    again = article_received(make(id="a", published_at="2023-09-20T18:00:00Z", origin="other.txt"), NOW)
    corrected = article_received(make(id="a", text="Fourteen people were killed."), NOW)
    assert first.event_id == again.event_id
    assert corrected.event_id != first.event_id and corrected.article_id == first.article_id


def test_event_time_is_the_publication_time_or_else_the_clock() -> None:
    published = article_received(make(published_at="2023-09-20T18:00:00Z"), NOW)
    assert published.occurred_at == datetime(2023, 9, 20, 18, tzinfo=UTC)
    assert article_received(make(), NOW).occurred_at == NOW
