"""Text in, Extraction out: the one entry point of services/extraction.

Splits the article into sentences once, keeps only the sentences that could hold a
casualty figure (one C-speed keyword scan over the whole text decides; most sentences of
a news story hold none), and hands the sentences to the ceasefire reader and the text to
the region resolver.

A stage that raises is not turned into an empty result — "no figures" would be a claim the
extractor cannot make. `extract` raises `StageFailed` naming the stage and the reason; the
caller decides (ingest still publishes the article and dead-letters the failure, `sitmon
extract` prints an error line for that article and carries on).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from services.extraction.attribution.ended_wars import ENDED_WORDS
from services.extraction.ceasefire.statements import find_ceasefire
from services.extraction.errors import StageFailed
from services.extraction.figures.casualties import find_casualties
from services.extraction.figures.cues import casualty_keywords
from services.extraction.region.resolve import resolve_region
from services.extraction.text.folded import FoldedArticle, fold_article
from services.extraction.text.gate import keys_within, scan
from services.extraction.text.keywords import lower_keeping_offsets
from services.extraction.text.language import is_supported, normalise_language
from services.extraction.text.sentences import Sentence, lead_end, split_sentences
from streams.events import CasualtyFigure, CeasefireStatement, Extraction, LocationMention

# Bump when a change alters what is extracted, so reports can be re-derived and told apart.
EXTRACTOR_VERSION = "sitmon-extract/1.3"  # 1.1: lexicons as data, German, ranges, "may", scheduled truces; 1.2: session-four news-language rules (blind5); 1.3: session-five rules (blind6)

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
    the events being reported. An article in a language without a lexicon gives no figures
    and no statements (`is_supported(result.language)` is false). Raises `StageFailed` when a
    stage fails.
    """
    text = text if isinstance(text, str) else str(text)
    code = _stage("language", lambda: normalise_language(language, text))
    sentences = _stage("sentences", lambda: split_sentences(text))
    # folded, lowercased and spaced once for both stages that find words in it (text/folded.py)
    article = _stage("sentences", lambda: fold_article(text))
    casualties: tuple[CasualtyFigure, ...] = ()
    ceasefire: tuple[CeasefireStatement, ...] = ()
    if is_supported(code):  # never read an article with another language's words
        casualties = _stage("casualties", lambda: tuple(_casualties(text, sentences, code, published_at)))
        ceasefire = _stage("ceasefire", lambda: tuple(find_ceasefire(sentences, code, article)))
    region, country, locations = _stage("region", lambda: _region(text, title, article))
    return Extraction(
        language=code,
        region=region,
        country=country,
        locations=locations,
        casualties=casualties,
        ceasefire=ceasefire,
    )


def _stage(name: str, run: Callable[[], T]) -> T:
    try:
        return run()
    except Exception as exc:  # any bug of a stage, on any input: say which stage, never return a made-up empty
        raise StageFailed(name, exc) from exc


def _casualties(
    text: str, sentences: list[Sentence], language: str, published_at: datetime | None
) -> list[CasualtyFigure]:
    low = text.lower()
    whole = len(low) == len(text)  # else a sentence's lowercase is not a slice of the article's ("İ")
    hits = scan(low if whole else lower_keeping_offsets(text))  # the keyword gate: one pass for every rule
    starts = [sentence.start for sentence in sentences]
    chosen: set[int] = set()
    keywords = casualty_keywords(language)  # a word is a cue in the article's language ("die": English, not German)
    for start, _, concepts in hits:
        # a sentence telling a war ended dates the war named again right after it (attribution/ended_wars.py)
        if not keywords.isdisjoint(concepts) or ENDED_WORDS.key in concepts:
            index = bisect.bisect_right(starts, start) - 1
            if index >= 0:
                chosen.add(index)
                chosen.add(index + 1)  # "Among them were two children." follows its figure
    relevant = [sentences[i] for i in sorted(chosen) if i < len(sentences)]
    keys = keys_within(text, low, hits, [(s.start, s.end) for s in relevant]) if whole else None
    return find_casualties(relevant, language, published_at, lead_end(sentences), keys)


def _region(text: str, title: str | None, article: FoldedArticle) -> _Region:
    resolution = resolve_region(text, title, article=article)
    return resolution.region, resolution.country, tuple(resolution.locations)
