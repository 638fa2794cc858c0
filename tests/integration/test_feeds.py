"""The feed follower against a real broker and a real local HTTP server serving RSS, Atom and JSON Feed."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry

from services.feeds.metrics import PollMetrics
from services.situation_query.query import as_of
from streams.events import derivation_key
from streams.topics import Catalogue
from tests.feed_server import FeedServer, Item, Resource, article_page, atom, json_feed, rss, wait_until
from tests.integration.feeds_helpers import add_feeds, articles, book, poll_once, reports, sample

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


def _revisable_feed(server: FeedServer, killed: str, version: int, updated: str | None) -> None:
    server.put(
        "/live/toll.html",
        Resource(
            article_page(
                "Nagorno-Karabakh toll",
                [
                    f"Armenian authorities said {killed} people were killed in Nagorno-Karabakh on Tuesday "
                    "by the Azeri attacks, the ministry said in Stepanakert.",
                    "Officials said hospitals were overwhelmed as the fighting went on into the night.",
                ],
            )
        ),
    )
    item = Item("live-toll", server.url("/live/toll.html"), "Toll rises", "Live updates.", "2023-09-20T18:00:00Z", updated)
    server.put("/live/feed", Resource(rss("Live", [item]), "application/rss+xml", etag=f'"v{version}"'))


def test_a_page_that_changes_is_published_as_revisions_of_one_article_and_an_unchanged_refetch_is_a_no_op(
    catalogue: Catalogue, bootstrap: str
) -> None:
    with FeedServer() as server:
        _revisable_feed(server, "32", 1, None)
        add_feeds(bootstrap, catalogue, ("Live", server.url("/live/feed")))
        assert poll_once(bootstrap, catalogue).published == 1
        _revisable_feed(server, "at least 200", 2, "2023-09-20T21:00:00Z")
        assert poll_once(bootstrap, catalogue).published == 1
        # the entry changes (a new date) but the page text does not: fetched, compared, nothing published
        _revisable_feed(server, "at least 200", 3, "2023-09-20T22:00:00Z")
        assert poll_once(bootstrap, catalogue).published == 0
        _revisable_feed(server, "150", 4, "2023-09-21T08:00:00Z")  # corrected downwards
        assert poll_once(bootstrap, catalogue).published == 1
        assert len(server.hits("/live/toll.html")) == 4

    revisions = articles(bootstrap, catalogue, expect=3)
    assert [a.article_id for a in revisions] == ["live-toll"] * 3
    assert ["32 people" in revisions[0].text, "200 people" in revisions[1].text, "150 people" in revisions[2].text] == [
        True
    ] * 3
    assert revisions[0].revised_at is None
    assert [a.revised_at.isoformat() for a in revisions[1:] if a.revised_at] == [
        "2023-09-20T21:00:00+00:00",
        "2023-09-21T08:00:00+00:00",
    ]
    assert len({a.event_id for a in revisions}) == 3
    facts = sorted(reports(bootstrap, catalogue, expect=3), key=derivation_key)
    assert [max(f.count for f in r.casualties if f.outcome == "killed") for r in facts] == [32, 200, 150]
    assert [r.revised_at for r in facts] == [a.revised_at for a in revisions]


def test_the_regions_picture_follows_each_revision_and_never_counts_the_article_twice(
    catalogue: Catalogue, bootstrap: str
) -> None:
    far = datetime(2030, 1, 1, tzinfo=UTC)

    def killed_all() -> int:
        picture = asyncio.run(as_of(bootstrap, catalogue, far, "nagorno-karabakh"))["nagorno-karabakh"]
        return sum(t.best for t in picture.casualties if t.outcome == "killed" and t.group is None and t.window == "all")

    with FeedServer() as server:
        seen = []
        for version, (killed, updated) in enumerate(
            (("32", None), ("at least 200", "2023-09-20T21:00:00Z"), ("150", "2023-09-21T08:00:00Z")), start=1
        ):
            _revisable_feed(server, killed, version, updated)
            if version == 1:
                add_feeds(bootstrap, catalogue, ("Live", server.url("/live/feed")))
            assert poll_once(bootstrap, catalogue).published == 1
            reports(bootstrap, catalogue, expect=version)
            seen.append(killed_all())
    assert seen == [32, 200, 150]


def test_kill_9_mid_poll_then_restart_loses_nothing_and_publishes_nothing_twice(
    catalogue: Catalogue, bootstrap: str
) -> None:
    feeds_n, items_n = 8, 4
    with FeedServer() as server:
        for f in range(feeds_n):
            items = []
            for n in range(items_n):
                path = f"/k{f}/story-{n}.html"
                # feed 0's pages hang: its poll is surely in flight when the others have been committed
                hang = 60.0 if f == 0 else 0.1
                server.put(path, Resource(article_page(f"Story {f}-{n}", [f"Item {f}-{n}.", *NK_TEXT]), hang_s=hang))
                items.append(Item(f"k{f}-{n}", server.url(path), f"Story {f}-{n}", "Summary.", "2023-09-20T18:00:00Z"))
            server.put(f"/k{f}/feed", Resource(rss(f"Outlet {f}", items), "application/rss+xml"))
        feeds = ((f"outlet-{f}", server.url(f"/k{f}/feed")) for f in range(feeds_n))
        ids = add_feeds(bootstrap, catalogue, *feeds, every_s=30)  # first polls spread over ≤ 3 s
        env = {
            **os.environ,
            "SITMON_KAFKA_BOOTSTRAP": bootstrap,
            "SITMON_TOPIC_PREFIX": catalogue.prefix,
            "SITMON_FETCH_ALLOWED_NETWORKS": "127.0.0.0/8",
            "SITMON_POLL_TIMEOUT_S": "90",
            "SITMON_POLL_PER_HOST": "16",  # every feed is on 127.0.0.1: feed 0's hanging pages must not starve the rest
        }
        command = [sys.executable, "-m", "services.cli", "poll"]
        first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            statuses = wait_until(
                lambda: book(bootstrap, catalogue).statuses or None, 60, "the first committed poll", interval=0.05
            )
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait()
        assert ids[0] not in statuses, "feed 0 was committed before the kill: the kill did not land mid-poll"
        for n in range(items_n):
            server.change(f"/k0/story-{n}.html", hang_s=0.0)
        second = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_until(lambda: set(book(bootstrap, catalogue).statuses) == set(ids), 90, "every feed polled")
        finally:
            second.send_signal(signal.SIGTERM)
            _, stderr = second.communicate(timeout=60)
        assert second.returncode == 0, stderr
    published = articles(bootstrap, catalogue, expect=feeds_n * items_n + 1, timeout_s=3)
    assert len(published) == feeds_n * items_n  # read_committed: an aborted poll's records are not there
    assert len({a.article_id for a in published}) == feeds_n * items_n
    assert len({a.event_id for a in published}) == feeds_n * items_n


def test_a_live_page_that_changes_under_an_unchanged_feed_entry_is_revisited_while_young(
    catalogue: Catalogue, bootstrap: str
) -> None:
    def page(killed: str, tag: str) -> Resource:
        text = f"Armenian authorities said {killed} people were killed in Nagorno-Karabakh on Tuesday by the Azeri attacks."
        return Resource(article_page("Live: Karabakh", [text, NK_TEXT[1]]), etag=tag)

    with FeedServer() as server:
        server.put("/live/page.html", page("32", '"p1"'))
        entry = Item("live-page", server.url("/live/page.html"), "Live", "Updates.", "2023-09-20T18:00:00Z")
        server.put("/live/feed", Resource(rss("Live", [entry]), "application/rss+xml", etag='"f1"'))
        add_feeds(bootstrap, catalogue, ("Live", server.url("/live/feed")))
        revisit_now = {"revisit_every_s": 0}
        assert poll_once(bootstrap, catalogue, **revisit_now).published == 1
        assert poll_once(bootstrap, catalogue, **revisit_now).published == 0  # page 304: nothing new
        feed_asked, page_asked = server.hits("/live/feed")[-1], server.hits("/live/page.html")[-1]
        assert feed_asked.if_none_match is None and feed_asked.status == 200  # read whole: a page is due
        assert page_asked.if_none_match == '"p1"' and page_asked.status == 304
        server.put("/live/page.html", page("at least 200", '"p2"'))  # the page changes, the feed does not
        assert poll_once(bootstrap, catalogue, **revisit_now).published == 1
        page_fetches = len(server.hits("/live/page.html"))
        assert poll_once(bootstrap, catalogue).published == 0  # checked just now: not due, the feed is 304
        assert server.hits("/live/feed")[-1].status == 304 and len(server.hits("/live/page.html")) == page_fetches

    first, revised = articles(bootstrap, catalogue, expect=2)
    assert first.article_id == revised.article_id == "live-page"
    assert "32 people" in first.text and "200 people" in revised.text
    assert first.revised_at is None and revised.revised_at is not None
    assert revised.published_at == first.published_at  # the event time stays the story's
