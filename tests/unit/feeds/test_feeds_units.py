"""Feed follower pieces without a network: schedule, feed formats, commands, the feeds fold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from ipaddress import ip_address, ip_network
from pathlib import Path

import pytest

from services.errors import BadInput
from services.feeds.commands import FeedSpec, new_feed, parse_every, read_feed_file
from services.feeds.errors import BadFeedFile, FetchFailed
from services.feeds.fetch import parse_retry_after
from services.feeds.parse import parse_feed
from services.feeds.schedule import next_poll
from streams import feeds
from streams.feeds import FeedBook, FeedStatus
from tests.feed_server import Item, atom, json_feed, rss

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ITEMS = [
    Item("a-1", "https://news.example/World/A", "First", "<b>Short</b> summary.", "2023-09-20T18:00:00Z"),
    Item("a-2", "https://news.example/World/B", "Second", "Another.", "2023-09-20T19:00:00Z", "2023-09-20T20:00:00Z"),
]
PUBLIC = lambda host, port: [ip_address("93.184.216.34")]  # noqa: E731 - a resolver that answers a global address
ROOT = Path(__file__).resolve().parents[3]


def schedule(failures: int, draw: float = 0.5, retry_after: float | None = None, every: float = 300) -> float:
    due = next_poll(
        NOW,
        every_s=every,
        failures=failures,
        jitter=0.1,
        backoff_first_s=60,
        backoff_longest_s=3600,
        retry_after_s=retry_after,
        draw=lambda: draw,
    )
    return (due - NOW).total_seconds()


def test_the_schedule_jitters_backs_off_exponentially_to_a_cap_and_honours_retry_after() -> None:
    assert schedule(0) == 300 and schedule(0, draw=0.0) == 270 and schedule(0, draw=1.0) == pytest.approx(330)
    assert [schedule(n, every=30) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert schedule(20, every=30) == 3600  # capped
    assert schedule(1, retry_after=7200) == 3600  # Retry-After, within the cap
    assert schedule(1, retry_after=900) == 900


@pytest.mark.parametrize("render", [rss, atom, json_feed])
def test_rss_atom_and_json_feed_give_the_same_entries(render: object) -> None:
    assert callable(render)
    parsed = parse_feed(render("Outlet", ITEMS).encode())
    assert [e.id for e in parsed.entries] == ["a-1", "a-2"]
    assert [e.link for e in parsed.entries] == [i.link for i in ITEMS]
    assert parsed.entries[0].title == "First" and "summary" in parsed.entries[0].html
    assert not parsed.entries[0].full_content
    assert parsed.entries[0].published_at == datetime(2023, 9, 20, 18, tzinfo=UTC)
    assert parsed.entries[0].fingerprint() != parsed.entries[1].fingerprint()


def test_a_changed_entry_changes_its_fingerprint() -> None:
    before = parse_feed(rss("O", ITEMS).encode()).entries[0]
    after = parse_feed(rss("O", [ITEMS[0].__class__(**{**ITEMS[0].__dict__, "summary": "Toll rises."})]).encode())
    assert before.fingerprint() != after.entries[0].fingerprint()


@pytest.mark.parametrize(
    "body, why",
    [
        (b"<rss><channel><item><title>broken", "well-formed"),
        (b"<html><body>not a feed</body></html>", "feed"),
        (b'{"title": "no version"}', "jsonfeed.org"),
        (b"{not json", "JSON"),
    ],
)
def test_what_is_not_a_feed_is_malformed_with_a_reason(body: bytes, why: str) -> None:
    with pytest.raises(FetchFailed, match=why) as failed:
        parse_feed(body)
    assert failed.value.outcome == "malformed"


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert parse_retry_after("120", NOW) == 120
    assert parse_retry_after("Thu, 01 Jan 2026 00:10:00 GMT", NOW) == 600
    assert parse_retry_after("soon", NOW) is None and parse_retry_after(None, NOW) is None


def test_every_accepts_durations_within_range_and_names_a_bad_value() -> None:
    assert [parse_every(v) for v in ("30s", "5m", "1h", "1d", "90")] == [30, 300, 3600, 86400, 90]
    for bad in ("5 minutes", "-1m", "10s", "8d"):
        with pytest.raises(BadInput, match=f"--every '{bad}'"):
            parse_every(bad)


def test_adding_a_feed_checks_the_url_with_the_ssrf_guard_before_any_fetch() -> None:
    added = new_feed(FeedSpec("https://news.example/rss", None, "en", "10m"), NOW, resolver=PUBLIC)
    assert added.feed.name == "news.example" and added.feed.every_s == 600
    assert added.feed.feed_id == feeds.feed_id_for("https://news.example/rss")
    for url, why in (
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.0.0.1/feed", "private"),
        ("http://127.0.0.1:8080/feed", "loopback"),
        ("file:///etc/passwd", "scheme"),
    ):
        with pytest.raises(BadInput, match=why):
            new_feed(FeedSpec(url), NOW, resolver=PUBLIC)
    allowed = new_feed(FeedSpec("http://127.0.0.1:8080/feed"), NOW, allowed_networks=(ip_network("127.0.0.0/8"),))
    assert allowed.feed.url == "http://127.0.0.1:8080/feed"
    with pytest.raises(BadInput, match="--language"):
        new_feed(FeedSpec("https://news.example/rss", language="english"), NOW, resolver=PUBLIC)


def test_the_seed_feeds_file_reads_and_a_broken_one_names_its_place(tmp_path: Path) -> None:
    specs = read_feed_file(ROOT / "seeds" / "feeds.yaml")
    assert specs and all(s.url.startswith("https://") for s in specs)
    broken = tmp_path / "feeds.yaml"
    broken.write_text("- url: https://a.example/rss\n- name: no url\n")
    with pytest.raises(BadFeedFile, match="feed 2: expected a mapping with a `url`"):
        read_feed_file(broken)
    broken.write_text("- url: https://a.example/rss\n  colour: red\n")
    with pytest.raises(BadFeedFile, match="unknown field"):
        read_feed_file(broken)


def test_the_feed_book_folds_commands_and_statuses() -> None:
    book = FeedBook()
    added = feeds.add(url="https://a.example/rss", name="A", language=None, every_s=300, now=NOW)
    book.apply(added)
    status = FeedStatus(feed_id=added.feed.feed_id, outcome="unchanged", polled_at=NOW, next_poll_at=NOW)
    book.apply(feeds.polled(status))
    older = status.model_copy(update={"polled_at": NOW - timedelta(minutes=5), "outcome": "timeout"})
    book.apply(feeds.polled(older))  # a lagging read of an earlier poll does not undo the latest
    assert book.statuses[added.feed.feed_id] == status
    book.apply(feeds.pause(added.feed, NOW + timedelta(seconds=1)))
    assert book.sources[added.feed.feed_id].state == "paused" and book.statuses[added.feed.feed_id] == status
    assert book.find("A") == book.find("https://a.example/rss") == book.sources[added.feed.feed_id]
    book.apply(feeds.remove(added.feed, NOW))
    assert not book.sources and not book.statuses
    book.apply(feeds.polled(status))  # a poll finishing after removal does not bring the feed back
    assert not book.statuses


async def test_an_entry_without_id_or_link_is_known_by_its_text_on_the_next_poll() -> None:
    from services.feeds.fetch import Fetched
    from services.feeds.harvest import HarvestContext, harvest, status_after
    from services.ingest.pipeline import ExtractionStep
    from streams.events import Extraction
    from streams.topics import Catalogue

    body = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Toll</title>"
        "<description>" + "Twelve people were killed in the shelling, officials said. " * 20 + "</description>"
        "</item></channel></rss>"
    ).encode()
    fetches: list[str] = []

    async def fetch(url: str, etag: str | None, modified: str | None, limit: int) -> Fetched:
        fetches.append(url)
        return Fetched(200, body, url, None, None, "application/rss+xml")

    context = HarvestContext(Catalogue("u."), ExtractionStep(lambda _: Extraction(), "x/1"), 10**6, 10**6, 600)
    source = feeds.add(url="https://a.example/rss", name="A", language="en", every_s=300, now=NOW).feed
    first = await harvest(source, None, fetch, context, NOW)
    assert first.published == 1
    status = status_after(source, None, first, NOW, NOW)
    again = await harvest(source, status, fetch, context, NOW + timedelta(minutes=5))
    assert (again.published, again.outcome) == (0, "unchanged")


async def test_a_failing_extraction_stage_is_counted_on_the_pollers_metrics() -> None:
    from prometheus_client import CollectorRegistry

    from services.feeds.fetch import Fetched
    from services.feeds.harvest import HarvestContext, harvest
    from services.feeds.metrics import PollMetrics
    from services.ingest.pipeline import ExtractionStep
    from streams.events import ArticleReceived, Extraction
    from streams.topics import Catalogue

    body = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Toll</title>"
        "<description>" + "Twelve people were killed in the shelling, officials said. " * 20 + "</description>"
        "</item></channel></rss>"
    ).encode()

    async def fetch(url: str, etag: str | None, modified: str | None, limit: int) -> Fetched:
        return Fetched(200, body, url, None, None, "application/rss+xml")

    def broken(article: ArticleReceived) -> Extraction:
        raise ValueError("no sentences")

    context = HarvestContext(Catalogue("u."), ExtractionStep(broken, "x/1"), 10**6, 10**6, 600)
    source = feeds.add(url="https://a.example/rss", name="A", language="en", every_s=300, now=NOW).feed
    result = await harvest(source, None, fetch, context, NOW)
    # the article is still published; its failure (an unlocated one: not a StageFailed) is kept
    assert (result.published, result.extraction_failures) == (1, ["extraction.unknown"])

    registry = CollectorRegistry()
    PollMetrics(registry).polled(
        "A", result.outcome, result.published, result.dead_letters, None, result.extraction_failures
    )
    assert registry.get_sample_value("sitmon_ingest_extraction_failures_total", {"stage": "extraction.unknown"}) == 1.0
