"""The feed follower against a real broker and a real local HTTP server serving RSS, Atom and JSON Feed."""

from __future__ import annotations

from prometheus_client import CollectorRegistry

from services.feeds.metrics import PollMetrics
from streams.topics import Catalogue
from tests.feed_server import FeedServer, Item, Resource, article_page, atom, json_feed, rss
from tests.integration.feeds_helpers import add_feeds, articles, book, poll_once, sample

NK_TEXT = [
    "Armenian authorities said 32 people were killed and more than 200 injured in Nagorno-Karabakh "
    "on Tuesday by the Azeri attacks.",
    "Officials in Stepanakert said hospitals were overwhelmed as the fighting went on into the night.",
]


def _serve_three_formats(server: FeedServer) -> dict[str, str]:
    feeds = {}
    for fmt, render, ctype in (
        ("rss", rss, "application/rss+xml"),
        ("atom", atom, "application/atom+xml"),
        ("json", json_feed, "application/feed+json"),
    ):
        items = []
        for n in (1, 2):
            path = f"/{fmt}/story-{n}.html"
            server.put(path, Resource(article_page(f"{fmt} story {n}", [f"{fmt.upper()} item {n}.", *NK_TEXT])))
            items.append(Item(f"{fmt}-{n}", server.url(path), f"{fmt} story {n}", "A short summary.", "2023-09-20T18:00:00Z"))
        server.put(f"/{fmt}/feed", Resource(render(f"{fmt} outlet", items), ctype, etag=f'"{fmt}-v1"'))
        feeds[fmt] = server.url(f"/{fmt}/feed")
    return feeds


def test_rss_atom_and_json_items_carry_the_page_text_not_its_boilerplate_and_304_publishes_nothing(
    catalogue: Catalogue, bootstrap: str
) -> None:
    with FeedServer() as server:
        urls = _serve_three_formats(server)
        add_feeds(bootstrap, catalogue, *((f"{fmt} outlet", url) for fmt, url in urls.items()))
        registry = CollectorRegistry()
        metrics = PollMetrics(registry)
        first = poll_once(bootstrap, catalogue, metrics)
        assert (first.polls, first.published, first.failed) == (3, 6, 0)
        published = articles(bootstrap, catalogue, expect=6)
        assert sorted(a.article_id for a in published) == sorted(f"{f}-{n}" for f in urls for n in (1, 2))
        for article in published:
            assert "32 people were killed" in article.text
            assert "cookies" not in article.text and "Related stories" not in article.text
            assert "77" not in article.text and "Sport" not in article.text
            assert article.outlet and article.outlet.endswith("outlet") and article.language == "en"
            assert article.revised_at is None and article.published_at.isoformat().startswith("2023-09-20T18:00")

        second = poll_once(bootstrap, catalogue, metrics)
        assert (second.polls, second.published) == (3, 0)
        for fmt in urls:
            conditional = server.hits(f"/{fmt}/feed")[-1]
            assert conditional.if_none_match == f'"{fmt}-v1"' and conditional.status == 304
            assert len(server.hits(f"/{fmt}/story-1.html")) == 1  # pages were not fetched again
        assert len(articles(bootstrap, catalogue, expect=7, timeout_s=3)) == 6
        statuses = book(bootstrap, catalogue).statuses.values()
        assert {s.outcome for s in statuses} == {"unchanged"} and all(s.last_success_at for s in statuses)
        assert sample(registry, "sitmon_feed_fetches_total", feed="rss outlet", outcome="published") == 1
        assert sample(registry, "sitmon_feed_fetches_total", feed="rss outlet", outcome="unchanged") == 1
        assert sample(registry, "sitmon_feed_items_published_total", feed="json outlet") == 2


def test_broken_feeds_are_recorded_with_their_reason_while_a_good_feed_flows(
    catalogue: Catalogue, bootstrap: str
) -> None:
    with FeedServer() as server:
        server.put("/good/story.html", Resource(article_page("Good story", NK_TEXT)))
        good = [Item("good-1", server.url("/good/story.html"), "Good story", "Summary.", "2023-09-20T18:00:00Z")]
        server.put("/good/feed", Resource(rss("Good", good), "application/rss+xml"))
        server.put("/500", Resource("boom", "text/plain", status=500, headers={"Retry-After": "7200"}))
        server.put("/malformed", Resource("<rss><channel><item><title>broken", "application/rss+xml"))
        server.put("/hang", Resource(rss("Slow", good), "application/rss+xml", hang_s=30))
        server.put("/huge", Resource(b"<rss>" + b" " * 3_000_000 + b"</rss>", "application/rss+xml"))
        server.put("/loop-a", Resource(redirect_to=server.url("/loop-b")))
        server.put("/loop-b", Resource(redirect_to=server.url("/loop-a")))
        server.put("/to-private", Resource(redirect_to="http://10.0.0.1/feed"))
        cases = {
            "good": server.url("/good/feed"),
            "error": server.url("/500"),
            "malformed": server.url("/malformed"),
            "hang": server.url("/hang"),
            "huge": server.url("/huge"),
            "loop": server.url("/loop-a"),
            "metadata": "http://169.254.169.254/latest/meta-data/",
            "private": "http://10.0.0.1/feed",
            "redirected-private": server.url("/to-private"),
        }
        ids = dict(zip(cases, add_feeds(bootstrap, catalogue, *((n, u) for n, u in cases.items())), strict=True))
        registry = CollectorRegistry()
        counts = poll_once(
            bootstrap, catalogue, PollMetrics(registry), timeout_s=2, max_feed_bytes=1_000_000
        )
        assert (counts.polls, counts.published, counts.failed) == (9, 1, 8)
        assert [a.article_id for a in articles(bootstrap, catalogue, expect=1)] == ["good-1"]
        statuses = book(bootstrap, catalogue).statuses
        outcome = {name: statuses[ids[name]].outcome for name in cases}
        assert outcome == {
            "good": "published",
            "error": "http_error",
            "malformed": "malformed",
            "hang": "timeout",
            "huge": "too_large",
            "loop": "redirect_loop",
            "metadata": "refused",
            "private": "refused",
            "redirected-private": "refused",
        }
        assert "link-local" in statuses[ids["metadata"]].reason and "private" in statuses[ids["private"]].reason
        assert "HTTP 500" in statuses[ids["error"]].reason
        for name in cases:
            status = statuses[ids[name]]
            if name == "good":
                assert status.failures == 0 and status.last_success_at is not None
                continue
            # recorded and retried on schedule: one failure, backed off at least the first step
            assert status.failures == 1 and status.last_success_at is None
            assert (status.next_poll_at - status.polled_at).total_seconds() >= 60 * 0.9
        error = statuses[ids["error"]]
        assert (error.next_poll_at - error.polled_at).total_seconds() >= 7200  # Retry-After honoured
        assert sample(registry, "sitmon_feed_fetches_total", feed="metadata", outcome="refused") == 1
        assert sample(registry, "sitmon_feed_last_success_timestamp_seconds", feed="good") > 0
