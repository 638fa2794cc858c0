"""Text in, Extraction out: the one entry point of services/extraction.

Splits the article into sentences once, keeps only the sentences that could hold a
casualty figure (one C-speed keyword scan over the whole text decides; most sentences of
a news story hold none), and hands the sentences to the ceasefire reader and the text to
the region resolver. Those two live in `ceasefire.py` and `regions.py`; they are looked up
when first needed, so this module imports cleanly while they are being written.

`extract` never raises on a str: a stage that fails on pathological input is logged and
contributes nothing, so one bad article cannot stop a stream.
"""

from __future__ import annotations

import bisect
import importlib
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

import structlog

from services.extraction.casualties import find_casualties
from services.extraction.keywords import lower_keeping_offsets
from services.extraction.language import normalise_language
from services.extraction.lexicon import CASUALTY_KEYWORDS
from services.extraction.sentences import Sentence, lead_end, split_sentences
from streams.events import CasualtyFigure, CeasefireStatement, Extraction, LocationMention

# Bump when a change alters what is extracted, so reports can be re-derived and told apart.
EXTRACTOR_VERSION = "sitmon-extract/1.0"

log = structlog.get_logger("sitmon.extraction")

T = TypeVar("T")
_Region = tuple[str, str | None, tuple[LocationMention, ...]]


def extract(
    text: str,
    *,
    title: str | None = None,
    language: str | None = None,
    published_at: datetime | None = None,
) -> Extraction:
    """Casualty figures, ceasefire statements and the region of one article.

    `published_at`, when known, lets a dated episode ("on 28 March") be told apart from
    the events being reported.
    """
    text = text if isinstance(text, str) else str(text)
    code = normalise_language(language, text)
    sentences = split_sentences(text)
    no_figures: tuple[CasualtyFigure, ...] = ()
    no_statements: tuple[CeasefireStatement, ...] = ()
    unresolved: _Region = ("unknown", None, ())
    casualties = _guarded("casualties", no_figures, lambda: tuple(_casualties(text, sentences, code, published_at)))
    ceasefire = _guarded("ceasefire", no_statements, lambda: tuple(_ceasefire(sentences, code)))
    region, country, locations = _guarded("region", unresolved, lambda: _region(text, title))
    return Extraction(
        language=code,
        region=region,
        country=country,
        locations=locations,
        casualties=casualties,
        ceasefire=ceasefire,
    )


def _casualties(
    text: str, sentences: list[Sentence], language: str, published_at: datetime | None
) -> list[CasualtyFigure]:
    starts = [sentence.start for sentence in sentences]
    chosen: set[int] = set()
    for match in CASUALTY_KEYWORDS.finditer(lower_keeping_offsets(text)):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0:
            chosen.add(index)
            chosen.add(index + 1)  # "Among them were two children." follows its figure
    relevant = [sentences[i] for i in sorted(chosen) if i < len(sentences)]
    return find_casualties(relevant, language, published_at, lead_end(sentences))


def _ceasefire(sentences: Sequence[Sentence], language: str) -> list[CeasefireStatement]:
    finder = _optional("services.extraction.ceasefire", "find_ceasefire")
    if finder is None:
        return []
    statements: list[CeasefireStatement] = finder(sentences, language)
    return statements


def _region(text: str, title: str | None) -> _Region:
    resolver = _optional("services.extraction.regions", "resolve_region")
    if resolver is None:
        return "unknown", None, ()
    resolution = resolver(text, title)
    return resolution.region, resolution.country, tuple(resolution.locations)


@cache
def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function from a sibling module that may not exist yet (it is written in parallel)."""
    try:
        found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        log.warning("extraction.stage_unavailable", module=module, function=name)
        return None
    return found


def _guarded(stage: str, fallback: T, run: Callable[[], T]) -> T:
    try:
        return run()
    except Exception as exc:  # one article must never stop a stream; the log says which stage failed
        log.error("extraction.stage_failed", stage=stage, error=f"{type(exc).__name__}: {exc}")
        return fallback
