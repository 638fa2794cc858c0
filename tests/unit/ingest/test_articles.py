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


def test_the_canonical_url_keeps_the_case_of_path_and_query_but_not_of_the_host() -> None:
    assert article_id(make(url="HTTPS://News.Example.org:443/World/Story-A/?utm_source=x#top")) == article_id(
        make(url="https://news.example.org/World/Story-A")
    )
    assert article_id(make(url="https://x.org/News/A")) != article_id(make(url="https://x.org/news/a"))
    assert article_id(make(url="https://x.org/item?id=A")) != article_id(make(url="https://x.org/item?id=a"))
    assert article_id(make(url="https://x.org:8443/a")) != article_id(make(url="https://x.org/a"))


def test_a_revision_carries_revised_at_into_its_event_id_and_its_reports() -> None:
    from services.ingest.articles import reports_extracted
    from streams.events import Extraction

    first = article_received(make(id="a", published_at="2023-09-20T18:00:00Z"), NOW)
    revised = article_received(make(id="a", published_at="2023-09-20T18:00:00Z"), NOW, revised_at=NOW)
    assert first.revised_at is None and revised.revised_at == NOW
    assert revised.event_id != first.event_id  # a text that changes back is a new revision
    assert reports_extracted(revised, Extraction(), "x/1").revised_at == NOW
    from_file = article_received(make(id="a", updated_at="2023-09-21T08:00:00Z"), NOW)
    assert from_file.revised_at == datetime(2023, 9, 21, 8, tzinfo=UTC)
