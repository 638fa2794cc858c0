"""Resolve an article to the region its events happened in.

Every name the gazetteer finds votes: a place or a region's own name counts 1 (less for
states named as belligerents in stories set elsewhere, see `alias_weight` in
seeds/regions.yaml), an armed group tied to one region a half, and anything in the title
counts double. The region with most votes wins if it has at least one full vote.
Otherwise the article falls back to the country it names most — to the region that
stands for that whole country when there is one, else to `country-<iso2 lowercase>`
(e.g. `country-am`) — and to `unknown` when it names no place at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter

from services.extraction.region.gazetteer import Gazetteer, Mention, default_gazetteer
from services.extraction.region.seed import DEFAULT_SEED
from services.extraction.text.folded import FoldedArticle
from streams.events import LocationMention

# The article's locations validated in one call: a model built per name cost more than finding
# the names (the same models, validated the same way, at half the cost).
_LOCATIONS: TypeAdapter[tuple[LocationMention, ...]] = TypeAdapter(tuple[LocationMention, ...])

UNKNOWN = "unknown"
TITLE_WEIGHT = 2.0
MIN_REGION_VOTES = 1.0


@dataclass(frozen=True, slots=True)
class RegionResolution:
    """The region key, its country (ISO 3166-1 alpha-2, or None) and the places named in the text."""

    region: str
    country: str | None
    locations: tuple[LocationMention, ...]


def country_key(iso2: str) -> str:
    """The region key of a country that has no region of its own in the gazetteer."""
    return f"country-{iso2.lower()}"


def resolve_region(
    text: str, title: str | None, seed: Path = DEFAULT_SEED, article: FoldedArticle | None = None
) -> RegionResolution:
    """Resolve `text` (and its title, which weighs more) to a region; offsets point into `text`.
    `article`, when given, is `fold_article(text)`, built once for every stage that reads it."""
    gazetteer = default_gazetteer(seed)
    body = gazetteer.mentions(text, article)
    heading = gazetteer.mentions(title) if title else []
    region, country = _decide(gazetteer, body, heading)
    locations = _LOCATIONS.validate_python(
        [
            {"name": m.name, "start": m.start, "end": m.end, "region": m.entry.region, "country": m.entry.country}
            for m in body
        ]
    )
    return RegionResolution(region=region, country=country, locations=locations)


def _decide(gazetteer: Gazetteer, body: list[Mention], heading: list[Mention]) -> tuple[str, str | None]:
    region_votes: dict[str, float] = {}
    country_votes: dict[str, float] = {}
    first_seen: dict[str, int] = {}  # a tie goes to the name read first
    order = 0
    for mentions, factor in ((body, 1.0), (heading, TITLE_WEIGHT)):
        for mention in mentions:
            entry = mention.entry
            votes = entry.weight * factor
            region, country = entry.region, entry.country
            if region is not None and entry.kind != "country":
                region_votes[region] = region_votes.get(region, 0.0) + votes
                first_seen.setdefault(region, order)
            if country is not None:
                country_votes[country] = country_votes.get(country, 0.0) + votes
                first_seen.setdefault(country, order)
            order += 1
    if region_votes:
        best = max(region_votes, key=lambda key: (region_votes[key], -first_seen[key]))
        if region_votes[best] >= MIN_REGION_VOTES:
            return best, gazetteer.seed.regions[best].country
    if country_votes:
        code = max(country_votes, key=lambda key: (country_votes[key], -first_seen[key]))
        return gazetteer.whole_country.get(code, country_key(code)), code
    return UNKNOWN, None
