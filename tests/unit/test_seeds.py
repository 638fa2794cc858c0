"""Every seed article is readable as it stands and carries the metadata the demo relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.ingest.pipeline import read_all
from services.ingest.sources import IncomingArticle, Limits, Skipped

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
SEED_FILES = sorted(p for p in SEEDS.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_file_reads_cleanly_with_id_and_publication_time(path: Path) -> None:
    items = list(read_all([path], Limits()))
    assert items, f"{path.name} yields no article"
    for item in items:
        assert not isinstance(item, Skipped), f"{item.origin}: {item.reason}"
        assert isinstance(item, IncomingArticle)
        assert item.id and item.published_at is not None and item.source


def test_the_nagorno_karabakh_story_is_seeded_with_its_key_sentences() -> None:
    articles = [a for a in read_all([SEEDS], Limits()) if isinstance(a, IncomingArticle)]
    story = next(a for a in articles if a.source == "Terra / AFP, DPA")
    assert "32 people were killed and more than 200 injured in less than 24 hours" in story.text
    assert "an agreement has been reached for a complete end to hostilities" in story.text
    assert story.published_at is not None and story.published_at.date().isoformat() == "2023-09-20"
