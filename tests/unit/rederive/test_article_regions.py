"""Which regions a reparse withdraws an article from, and what a withdrawal says."""

from __future__ import annotations

import json

import pytest

from services.ingest.articles import withdrawal
from services.rederive.article_regions import ArticleRegions, article_and_region
from streams.envelope import encode
from streams.events import derivation_key
from tests.unit.streams.factories import figure, report


def test_an_article_is_withdrawn_from_every_region_but_the_one_it_now_belongs_to() -> None:
    regions = ArticleRegions()
    for article, region in [("a1", "north"), ("a1", "south"), ("a1", "north"), ("a2", "north")]:
        regions.add(article, region)
    assert regions.others("a1", "south") == ("north",)
    assert regions.others("a1", "east") == ("north", "south")
    assert regions.others("a2", "north") == ()
    assert regions.others("never-seen", "north") == ()


def value(**data_changes: object) -> bytes:
    document = json.loads(encode(report("a1", region="north"), subject="north"))
    document["data"].update(data_changes)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        (b"north", value(), ("a1", "north")),
        (b"south", value(), None),  # keyed elsewhere than its region: the worker never folded it
        (b"north", b"{not json", None),
        (b"north", b"[1]", None),
        (b"north", None, None),
        (None, value(), None),
        (b"north", value(type="article.received"), None),
        (b"north", value(article_id=7), None),
    ],
)
def test_only_records_the_worker_folds_place_an_article(key: bytes | None, raw: bytes | None, expected: object) -> None:
    assert article_and_region(key, raw) == expected


def test_a_withdrawal_has_no_facts_and_outranks_the_articles_older_derivations() -> None:
    old = report("a1", casualties=(figure(12),), region="north", extractor_version="x/1")
    new = report("a1", casualties=(figure(12),), region="south", extractor_version="x/2")
    withdrawn = withdrawal(new, "north")
    assert (withdrawn.region, withdrawn.article_id) == ("north", "a1")
    assert withdrawn.casualties == withdrawn.ceasefire == withdrawn.locations == ()
    assert derivation_key(withdrawn) > derivation_key(old)
    assert withdrawal(new, "north") == withdrawn  # the same id when published again
