"""The event contract: every fact sitmon knows is one of these, on a Kafka topic.

Pure pydantic v2 — no faust or aiokafka import — so producers, the Faust app, the
alerting service and users' scripts share one definition. Events are frozen, refuse
unknown fields and carry a past-tense `type` that selects the model in `SitmonEvent`.
"""

from __future__ import annotations

import functools
import hashlib
import re
from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Outcome = Literal["killed", "injured", "missing", "displaced", "captured", "evacuated"]
Qualifier = Literal["exact", "at_least", "approximately", "at_most"]
Group = Literal[
    "civilians",
    "children",
    "women",
    "soldiers",
    "fighters",
    "police",
    "journalists",
    "aid_workers",
    "peacekeepers",
]
# Group arithmetic: how figures of different groups relate (the fold and every reader rely on it).
# The disjoint groups never overlap, so per incident people in general (group None) are at least
# their sum. Police are counted apart from civilians because reports contrast them ("3 police and
# 2 civilians"), as they do soldiers, fighters (non-state armed groups) and peacekeepers. The parts
# are civilians under international humanitarian law (journalists: Additional Protocol I, art. 79;
# humanitarian aid workers are civilians unless they take part in hostilities), and children and
# women as casualty reports name them; parts may overlap each other (a woman journalist), so they
# never add: their whole is at least the largest part. low, best and high follow the same arithmetic.
DISJOINT_GROUPS: tuple[Group, ...] = ("civilians", "soldiers", "fighters", "police", "peacekeepers")
PART_OF: dict[Group, Group] = {
    "children": "civilians",
    "women": "civilians",
    "journalists": "civilians",
    "aid_workers": "civilians",
}
CeasefireStatus = Literal["proposed", "agreed", "in_effect", "violated", "collapsed", "extended"]


class Frozen(BaseModel):
    """Immutable value with no unknown fields: what goes on the log stays as written."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Event(Frozen):
    """The base of every event on a topic."""

    event_id: str = Field(min_length=1, max_length=200)
    type: str  # narrowed to a Literal by every concrete event: the union's discriminator
    schema_version: int = SCHEMA_VERSION
    occurred_at: AwareDatetime


def stable_id(*parts: str) -> str:
    """A deterministic id from its parts, so replays and re-ingests produce the same ids."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


# --- articles -----------------------------------------------------------------------------


class ArticleReceived(Event):
    """A raw article as ingested: the log of record everything else is derived from."""

    type: Literal["article.received"] = "article.received"
    article_id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published_at: AwareDatetime
    origin: str = Field(description="where ingest read it: a file path and line, or a feed URL")
    revised_at: AwareDatetime | None = Field(
        default=None,
        description="when this revision of the article was seen or updated; None for its first known text",
    )


# --- extracted reports -------------------------------------------------------------------


class Evidence(Frozen):
    """The sentence a fact was read from, with its character offsets in the article text."""

    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class CasualtyFigure(Evidence):
    """One casualty figure stated in an article (see shared/eval/EXTRACTION.md)."""

    outcome: Outcome
    count: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    group: Group | None = None
    period_hours: int | None = Field(default=None, ge=1)
    source: str | None = None
    background: bool = False


class CeasefireStatement(Evidence):
    """One statement about a ceasefire: its status, who is party to it, who mediates."""

    status: CeasefireStatus
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    background: bool = False


class LocationMention(Frozen):
    """A place named in the article and the region it belongs to."""

    name: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    region: str | None = None
    country: str | None = None


class Extraction(Frozen):
    """What the extractor reads from one article; `sitmon extract` prints this (plus `id`)."""

    language: str | None = None
    region: str = "unknown"
    country: str | None = None
    locations: tuple[LocationMention, ...] = ()
    casualties: tuple[CasualtyFigure, ...] = ()
    ceasefire: tuple[CeasefireStatement, ...] = ()


class ReportsExtracted(Event):
    """The facts of one article, keyed by region; the input of the stream processors."""

    type: Literal["reports.extracted"] = "reports.extracted"
    article_id: str
    article_event_id: str
    outlet: str | None = None
    url: str | None = None
    published_at: AwareDatetime
    extractor_version: str
    revised_at: AwareDatetime | None = Field(
        default=None, description="the article revision's `revised_at`: see `derivation_key`"
    )
    region: str
    country: str | None = None
    language: str | None = None
    locations: tuple[LocationMention, ...] = ()
    casualties: tuple[CasualtyFigure, ...] = ()
    ceasefire: tuple[CeasefireStatement, ...] = ()


@functools.lru_cache(maxsize=1024)  # a handful of versions, asked once per report on the fold's hot path
def extractor_version_order(version: str) -> tuple[int, ...]:
    """`sitmon-extract/1.10` → (1, 10): extractor versions compare by their numeric parts."""
    numbers = re.findall(r"\d+", version.rpartition("/")[2])
    return tuple(int(number) for number in numbers)


def derivation_key(report: ReportsExtracted) -> tuple[int, tuple[int, ...], str]:
    """Which of an article's reports stands: the latest revision of its text, then the newest
    extractor, then the event id (a total order, so any delivery order gives the same winner).

    An article's reports replace each other: a revision (changed text under the same article
    id) or a re-derivation by a newer extractor (`sitmon reparse`) supersedes what the same
    article contributed before, and the fold counts only the report with the greatest key.
    """
    revised = report.revised_at or report.published_at
    return (utc_timestamp_ms(revised), extractor_version_order(report.extractor_version), report.event_id)


# --- dead letters ------------------------------------------------------------------------


class DeadLettered(Event):
    """Something that could not be read, decoded or processed, and why. Nothing is dropped silently."""

    type: Literal["dead.lettered"] = "dead.lettered"
    stage: str = Field(description="which component gave up: ingest, worker, alerts, …")
    origin: str = Field(description="file:line, or topic[partition]@offset")
    reason: str
    excerpt: str = Field(default="", max_length=2000, description="the start of the bad input")

    @classmethod
    def of(
        cls,
        *,
        id_parts: tuple[str, ...],
        at: datetime,
        stage: str,
        origin: str,
        reason: str,
        bad_input: str | bytes,
    ) -> DeadLettered:
        """The one way to build a dead letter: every stage that gives up comes through here.

        The event id is `stable_id(*id_parts)`: the parts name this one failure (a namespace, then
        where and why), never the clock, so the same failure met again — a retry, a replay, a
        re-ingest — is the same dead letter and consumers can dedupe it by id. `bad_input` is cut
        to an `excerpt`, so no dead letter carries a whole article or record.
        """
        return cls(
            event_id=stable_id(*id_parts),
            occurred_at=at,
            stage=stage,
            origin=origin,
            reason=reason,
            excerpt=excerpt(bad_input),
        )


EXCERPT_LIMIT = 500


def excerpt(raw: str | bytes, limit: int = EXCERPT_LIMIT) -> str:
    """The first `limit` characters of bad input, safe to put in a dead letter."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    return text if len(text) <= limit else text[:limit] + "…"


def utc_timestamp_ms(moment: datetime) -> int:
    """Kafka record timestamps are milliseconds since the epoch."""
    return int(moment.timestamp() * 1000)
