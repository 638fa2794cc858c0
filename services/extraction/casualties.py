"""Casualty figures from sentences: one CasualtyFigure per figure the text states.

Per sentence: numbers that count people (`figures.py`, `heads.py`), the outcome phrases
around them (`outcomes.py`), which outcome each number takes (`attachment.py`), then the
sentence's context — reporting window, source, background — and the group a bare number
inherits ("ten civilians were killed and 34 wounded"). A figure that lumps outcomes
together ("86 killed and wounded") or counts things rather than people gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from services.extraction.attachment import ArticleMemory, attach_outcomes, parent_of
from services.extraction.attribution import find_source
from services.extraction.background import (
    background_cue_pair,
    is_background,
    latest_year,
    present_markers,
)
from services.extraction.candidate import Candidate, tokenize
from services.extraction.figures import candidates
from services.extraction.keywords import lower_keeping_offsets
from services.extraction.numbers import find_numbers
from services.extraction.outcomes import find_outcomes, find_tolls
from services.extraction.period import period_hours
from services.extraction.sentences import Sentence, lead_end
from streams.events import CasualtyFigure

_ROMANCE: Final = frozenset({"pt", "es", "fr"})
_ONE_ARTICLE: Final = re.compile(r"\b(?:um|uma|un|una|une|uno)\b")
_MAX_SENTENCE: Final = 5000  # longer "sentences" are markup or lists, not prose


def find_casualties(
    sentences: Sequence[Sentence],
    language: str,
    published_at: datetime | None = None,
    lead: int | None = None,
) -> list[CasualtyFigure]:
    """Every casualty figure stated in the sentences, in text order.

    `lead`: where the article's headline and lead end (sentences.lead_end of the whole article);
    by default, of the sentences given.
    """
    lead_stop = lead_end(list(sentences)) if lead is None else lead
    memory = ArticleMemory()
    # Without a publication time, the latest year the article names stands for "now".
    current_year = None if published_at is not None else latest_year(" ".join(s.text for s in sentences))
    figures: list[CasualtyFigure] = []
    for sentence in sentences:
        if len(sentence.text) > _MAX_SENTENCE:
            continue
        in_lead = sentence.end <= lead_stop
        figures.extend(_read_sentence(sentence, language, published_at, memory, current_year, in_lead))
    return figures


def _read_sentence(
    sentence: Sentence,
    language: str,
    published_at: datetime | None,
    memory: ArticleMemory,
    current_year: int | None = None,
    in_lead: bool = False,
) -> list[CasualtyFigure]:
    text = sentence.text
    low = lower_keeping_offsets(text)
    mentions = find_numbers(text, language)
    if not mentions and (language not in _ROMANCE or not _ONE_ARTICLE.search(low)):
        return []  # no number, no figure (a Romance article may still count one: "um morto")
    tokens = tokenize(text, low)
    found = [c for c in candidates(text, low, tokens, language, mentions) if not c.rejected]
    if not found:
        return []
    attach_outcomes(low, tokens, found, find_outcomes(low, tokens), find_tolls(low, tokens), memory)
    figures: list[CasualtyFigure] = []
    if all(candidate.outcome is None for candidate in found):
        return figures  # numbers, but none of them a casualty figure: skip the context work
    period = period_hours(text, language)
    source = find_source(text)
    cues, cues_after = background_cue_pair(text, published_at, current_year, in_lead)
    present = present_markers(text) if cues else []
    main: Candidate | None = None
    for candidate in found:
        if candidate.outcome is None:
            continue
        group = candidate.group
        if candidate.inherits_group and group is None:
            parent = main if not candidate.subgroup else parent_of(found, candidate)
            if parent is None and candidate.head != "outcome":
                parent = memory.last_main
            group = parent.group if parent is not None else None
            candidate.group = group
        if not candidate.subgroup and candidate.head != "partitive":
            main = candidate
        figures.append(
            CasualtyFigure(
                sentence=text,
                start=sentence.start,
                end=sentence.end,
                outcome=candidate.outcome,
                count=candidate.value,
                qualifier=candidate.qualifier,
                group=group,
                period_hours=period,
                source=source,
                background=is_background(cues, cues_after, candidate.start, candidate.end, present),
            )
        )
    if main is not None:
        memory.last_main = main
    return figures
